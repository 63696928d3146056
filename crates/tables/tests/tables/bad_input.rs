//! Inputs that are not a budget report's tables: each gives a clear message naming the file, in Chinese and
//! English, in bounded time and memory — never a panic.

use std::io::Write;

use budget_lens_core::Lang;
use budget_lens_tables::read::{ReadError, MAX_INPUT_BYTES};
use budget_lens_tables::{import_files, ImportError};

fn import(name: &str, bytes: Vec<u8>) -> ImportError {
    import_files(&[(name.to_string(), bytes)]).expect_err(name)
}

fn messages(error: &ImportError) -> (String, String) {
    (error.message(Lang::Zh), error.message(Lang::En))
}

#[test]
fn a_file_over_the_limit_is_refused_unread() {
    let error = import("big.xlsx", vec![0u8; MAX_INPUT_BYTES + 1]);
    assert!(matches!(
        error,
        ImportError::Read(ReadError::TooLarge { .. })
    ));
    let (zh, en) = messages(&error);
    assert!(zh.contains("big.xlsx") && zh.contains("过大"), "{zh}");
    assert!(en.contains("too large"), "{en}");
}

#[test]
fn a_zip_bomb_disguised_as_xlsx_is_refused_by_its_unpacked_size() {
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let block = vec![b' '; 1 << 20];
        for _ in 0..210 {
            zip.write_all(&block).unwrap();
        }
        zip.finish().unwrap();
    }
    assert!(
        bytes.len() < 2 << 20,
        "the bomb is small: {} bytes",
        bytes.len()
    );
    let error = import("bomb.xlsx", bytes);
    assert!(
        matches!(error, ImportError::Read(ReadError::TooManyCells { .. })),
        "{error:?}"
    );
    assert!(messages(&error).0.contains("bomb.xlsx"));
}

#[test]
fn a_truncated_workbook_says_it_cannot_be_read() {
    let whole = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/tables/putuo-govoffice-2025-budget.xlsx"
    ))
    .unwrap();
    let error = import("cut.xlsx", whole[..whole.len() / 2].to_vec());
    assert!(
        matches!(error, ImportError::Read(ReadError::Workbook { .. })),
        "{error:?}"
    );
    let (zh, en) = messages(&error);
    assert!(zh.contains("无法读取工作簿"), "{zh}");
    assert!(en.contains("cannot be read"), "{en}");
}

#[test]
fn a_csv_in_no_known_encoding_names_its_line() {
    let mut bytes = "支出决算表\n合计,1.00\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0x81, 0x20, 0xFF, b'\n']);
    let error = import("odd.csv", bytes);
    assert_eq!(
        error,
        ImportError::Read(ReadError::UnknownEncoding {
            name: "odd.csv".into(),
            line: 3
        })
    );
    assert!(messages(&error).0.contains("第3行"));
}

#[test]
fn tables_that_are_not_a_budget_report_are_named_so() {
    let csv = "姓名,年龄,城市\n张三,30,上海\n李四,41,北京\n";
    let error = import("people.csv", csv.as_bytes().to_vec());
    assert_eq!(error, ImportError::NotABudgetReport { grids: 1 });
    let (zh, en) = messages(&error);
    assert!(zh.contains("不像一份部门预算或决算"), "{zh}");
    assert!(en.contains("does not look like one"), "{en}");
}

#[test]
fn an_unknown_kind_of_file_is_named() {
    let error = import("notes.docx", b"\x00\x01binary".to_vec());
    assert!(matches!(
        error,
        ImportError::Read(ReadError::UnknownFormat { .. })
    ));
}

#[test]
fn html_without_a_table_says_so() {
    let error = import(
        "page.html",
        "<html><body><p>2024年部门决算</p></body></html>"
            .as_bytes()
            .to_vec(),
    );
    assert!(matches!(
        error,
        ImportError::Read(ReadError::NoHtmlTable { .. })
    ));
}

/// Two reports given together (another department and year) are not merged into one: the import is refused
/// with both files named, with what each one's headings say; a PDF and its own narrative still go together.
#[test]
fn two_different_reports_are_refused_naming_both() {
    let read = |name: &str| {
        (
            name.to_string(),
            std::fs::read(crate::support::data(name)).unwrap(),
        )
    };
    let files = [
        read("putuo-finance-2024-final.pdf"),
        read("putuo-justice-2026-budget.pdf"),
    ];
    let error = import_files(&files).expect_err("two reports");
    assert!(matches!(error, ImportError::DifferentDocuments { .. }));
    let (zh, en) = messages(&error);
    for name in [
        "putuo-finance-2024-final.pdf",
        "putuo-justice-2026-budget.pdf",
    ] {
        assert!(zh.contains(name) && en.contains(name), "{zh}");
    }
    assert!(
        zh.contains("财政局 2024年") && zh.contains("司法局 2026年"),
        "{zh}"
    );
    let same = [
        read("putuo-finance-2024-final.xlsx"),
        read("putuo-finance-2024-final.narrative.txt"),
    ];
    assert!(import_files(&same).is_ok());
}

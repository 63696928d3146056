//! Hostile and unusable PDFs: each is refused with the error that names the problem, quickly, without a
//! panic. The inputs are built here with lopdf (truncation and garbage from a corpus file).
#![cfg(feature = "pdf")]

use budget_lens_tables::pdf::{read_pdf, PdfError, MAX_PAGES, MAX_PDF_BYTES};
use lopdf::{dictionary, Document, Object, Stream};
use std::path::PathBuf;

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/data/tables")
            .join(name),
    )
    .unwrap()
}

/// A document of `pages` pages, each drawing `content`, with `resources`.
fn document(pages: usize, content: &[u8], resources: lopdf::Dictionary) -> Document {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let resources_id = doc.add_object(resources);
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => pages as i64 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc
}

fn bytes_of(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn font_resources() -> lopdf::Dictionary {
    dictionary! { "Font" => dictionary! { "F1" => dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" } } }
}

#[test]
fn a_small_built_pdf_reads_with_its_text_in_place() {
    let bytes = bytes_of(&mut document(
        1,
        b"BT /F1 12 Tf 72 700 Td (Hello 2,940.05) Tj ET",
        font_resources(),
    ));
    let runs = read_pdf(&bytes).unwrap();
    let texts: Vec<&str> = runs.pages[0].runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["Hello", "2,940.05"]);
    let first = &runs.pages[0].runs[0];
    assert_eq!(
        (first.x, first.y, first.h),
        (72.0, 142.0, 12.0),
        "top-left origin: 842 - 700"
    );
}

#[test]
fn not_a_pdf_is_named_so() {
    assert_eq!(
        read_pdf(b"PK\x03\x04 a zip, not a PDF"),
        Err(PdfError::NotPdf)
    );
    assert_eq!(read_pdf(b""), Err(PdfError::NotPdf));
}

#[test]
fn garbage_after_the_header_is_damaged() {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    bytes.extend(b"\n%%EOF\n");
    assert!(
        matches!(read_pdf(&bytes), Err(PdfError::Damaged(_))),
        "{:?}",
        read_pdf(&bytes).err()
    );
}

#[test]
fn a_truncated_corpus_file_is_damaged() {
    let whole = corpus("putuo-justice-2026-budget.pdf");
    for cut in [whole.len() / 3, whole.len() - 100] {
        let result = read_pdf(&whole[..cut]);
        assert_eq!(
            result.map(|r| r.pages.len()),
            Err(PdfError::Truncated),
            "cut at {cut}"
        );
    }
}

#[test]
fn an_encrypted_pdf_is_named_so() {
    let mut doc = document(
        1,
        b"BT /F1 12 Tf 72 700 Td (secret) Tj ET",
        font_resources(),
    );
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128, "P" => -4,
        "O" => Object::string_literal(vec![7u8; 32]), "U" => Object::string_literal(vec![9u8; 32]),
    });
    doc.trailer.set("Encrypt", encrypt);
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(vec![1u8; 16]),
            Object::string_literal(vec![1u8; 16]),
        ],
    );
    let bytes = bytes_of(&mut doc);
    assert_eq!(read_pdf(&bytes), Err(PdfError::Encrypted));
}

#[test]
fn too_many_pages_are_refused_before_any_is_read() {
    let bytes = bytes_of(&mut document(
        MAX_PAGES + 1,
        b"BT /F1 12 Tf 72 700 Td (x) Tj ET",
        font_resources(),
    ));
    assert_eq!(
        read_pdf(&bytes),
        Err(PdfError::TooManyPages {
            pages: MAX_PAGES + 1
        })
    );
}

#[test]
fn a_decompression_bomb_stops_at_the_stream_limit() {
    let mut doc = document(1, b"", font_resources());
    let page = doc.page_iter().next().unwrap();
    let mut bomb = Stream::new(dictionary! {}, vec![b' '; 40 << 20]);
    bomb.compress().unwrap();
    assert!(
        bomb.content.len() < 1 << 20,
        "40 MB of spaces compress to {} bytes",
        bomb.content.len()
    );
    let bomb_id = doc.add_object(bomb);
    doc.get_dictionary_mut(page)
        .unwrap()
        .set("Contents", bomb_id);
    let bytes = bytes_of(&mut doc);
    assert!(
        matches!(read_pdf(&bytes), Err(PdfError::TooComplex { page: 1, .. })),
        "{:?}",
        read_pdf(&bytes).map(|r| r.pages.len())
    );
}

#[test]
fn a_scan_is_named_a_scan() {
    let image = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        vec![0, 255, 255, 0],
    );
    let mut doc = document(
        2,
        b"q 595 0 0 842 0 0 cm /Im1 Do Q",
        lopdf::Dictionary::new(),
    );
    let image_id = doc.add_object(image);
    let resources = dictionary! { "XObject" => dictionary! { "Im1" => image_id } };
    for page in doc.page_iter().collect::<Vec<_>>() {
        doc.get_dictionary_mut(page)
            .unwrap()
            .set("Resources", resources.clone());
    }
    let bytes = bytes_of(&mut doc);
    assert_eq!(
        read_pdf(&bytes),
        Err(PdfError::NoText {
            pages: 2,
            images: true
        })
    );
    let message = read_pdf(&bytes)
        .unwrap_err()
        .message(budget_lens_core::Lang::Zh);
    assert!(message.contains("扫描件"), "{message}");
}

#[test]
fn deeply_nested_forms_and_unbalanced_state_do_not_recurse_without_end() {
    // A form drawing itself: the reader stops at its nesting limit.
    let mut doc = document(1, b"q q q /Fm1 Do Q Q Q Q Q Q", font_resources());
    let form_id = doc.new_object_id();
    let form = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
        "Resources" => dictionary! { "XObject" => dictionary! { "Fm1" => form_id }, "Font" => font_resources().get(b"Font").unwrap().clone() } },
        b"BT /F1 12 Tf 72 700 Td (loop) Tj ET /Fm1 Do".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let page = doc.page_iter().next().unwrap();
    let resources = dictionary! { "XObject" => dictionary! { "Fm1" => form_id }, "Font" => font_resources().get(b"Font").unwrap().clone() };
    doc.get_dictionary_mut(page)
        .unwrap()
        .set("Resources", resources);
    let bytes = bytes_of(&mut doc);
    let runs = read_pdf(&bytes).unwrap();
    let drawn = runs.pages[0].runs.len();
    assert!((1..=8).contains(&drawn), "{drawn} runs");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.resize(MAX_PDF_BYTES + 1, b' ');
    assert_eq!(
        read_pdf(&bytes),
        Err(PdfError::TooLarge {
            bytes: MAX_PDF_BYTES + 1
        })
    );
}

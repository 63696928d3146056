//! The runs → grid layout on small hand-made pages, one quirk of published tables each (positions are
//! those of the corpus PDFs where the quirk was found, in PDF points, y the baseline from the top).

use budget_lens_tables::layout::{page_grid, page_text};
use budget_lens_tables::runs::{PageRuns, TextRun};

fn run(x: f32, y: f32, w: f32, text: &str) -> TextRun {
    TextRun {
        x,
        y,
        w,
        h: 12.0,
        text: text.into(),
    }
}

fn texts(page: &PageRuns) -> Vec<Vec<String>> {
    page_grid(1, page)
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.as_ref().map_or(String::new(), |c| c.text.clone()))
                .collect()
        })
        .collect()
}

fn page(runs: Vec<TextRun>) -> PageRuns {
    PageRuns {
        width: 842.0,
        height: 595.0,
        runs,
    }
}

#[test]
fn a_top_aligned_figure_joins_the_row_of_the_label_drawn_before_it() {
    // 支出决算表 of the 财政局: 1,503.52 printed 6.9 pt above the baseline of 行政运行's row.
    let grid = texts(&page(vec![
        run(72.0, 287.95, 18.0, "201"),
        run(202.73, 287.96, 48.0, "财政事务"),
        run(389.22, 287.95, 42.0, "2,106.66"),
        run(461.21, 281.05, 42.0, "1,503.52"),
        run(72.0, 316.30, 18.0, "201"),
        run(202.73, 316.31, 48.0, "行政运行"),
        run(389.22, 316.30, 42.0, "1,511.89"),
        run(461.21, 309.40, 42.0, "1,503.52"),
        run(533.19, 316.30, 21.0, "8.37"),
    ]));
    assert_eq!(
        grid,
        [
            ["201", "财政事务", "2,106.66", "1,503.52", ""],
            ["201", "行政运行", "1,511.89", "1,503.52", "8.37"]
        ]
    );
}

#[test]
fn a_name_wrapped_around_its_code_line_is_one_cell_of_that_row() {
    let grid = texts(&page(vec![
        run(72.0, 447.54, 18.0, "208"),
        run(202.73, 447.55, 84.0, "行政单位离退休"),
        run(404.22, 447.54, 27.0, "84.65"),
        run(72.0, 472.11, 18.0, "208"),
        run(202.73, 464.33, 156.0, "机关事业单位基本养老保险缴"),
        run(202.73, 479.90, 36.0, "费支出"),
        run(398.22, 472.11, 33.0, "160.75"),
    ]));
    assert_eq!(
        grid,
        [
            ["208", "行政单位离退休", "84.65"],
            ["208", "机关事业单位基本养老保险缴费支出", "160.75"]
        ]
    );
}

#[test]
fn a_short_name_on_the_next_line_is_a_row_of_its_own() {
    // Two 总表 rows 17 pt apart: the first does not fill its column, so the second is not its continuation.
    let grid = texts(&page(vec![
        run(293.74, 117.19, 132.0, "十五、商业服务业等支出"),
        run(293.74, 134.44, 84.0, "十六、金融支出"),
        run(293.74, 151.69, 144.0, "十八、自然资源海洋气象等"),
        run(293.74, 167.26, 24.0, "支出"),
        run(293.74, 184.03, 108.0, "十九、住房保障支出"),
        run(478.76, 184.02, 33.0, "445.69"),
        run(555.35, 184.02, 33.0, "445.69"),
    ]));
    let names: Vec<&str> = grid.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        [
            "十五、商业服务业等支出",
            "十六、金融支出",
            "十八、自然资源海洋气象等支出",
            "十九、住房保障支出"
        ]
    );
}

#[test]
fn glyph_by_glyph_and_letter_spaced_text_is_read_as_words_and_blank_cells_keep_their_column() {
    let mut runs = Vec::new();
    for (i, c) in "因公出国（境）费".chars().enumerate() {
        runs.push(run(404.9 + 15.5 * i as f32, 550.0, 11.0, &c.to_string()));
    }
    runs.push(run(538.6, 550.0, 24.75, "1.20"));
    runs.push(run(404.9, 570.0, 44.0, "公务接待费"));
    runs.push(run(600.0, 570.0, 24.75, "0.35"));
    let grid = texts(&page(runs));
    assert_eq!(
        grid,
        [["因公出国（境）费", "1.20", ""], ["公务接待费", "", "0.35"]]
    );
}

#[test]
fn page_text_reads_lines_top_down_without_spaces_inside_chinese() {
    let text = page_text(&page(vec![
        run(120.0, 116.33, 30.0, "截至"),
        run(155.9, 116.33, 45.0, "2023年"),
        run(206.2, 116.33, 14.4, "12"),
        run(227.8, 116.33, 15.0, "月"),
        run(90.0, 87.17, 225.8, "（三）国有资产占有使用情况说明"),
    ]));
    assert_eq!(text, "（三）国有资产占有使用情况说明\n截至2023年12月\n");
}

#[test]
fn text_outside_the_page_is_left_out() {
    let text = page_text(&page(vec![
        run(64.0, -266.95, 432.0, "页外的文字"),
        run(58.0, 80.0, 100.0, "页内"),
    ]));
    assert_eq!(text, "页内\n");
}

#[test]
fn a_header_centred_beside_right_aligned_figures_under_a_group_label_is_their_columns_header() {
    // 单位“三公”经费预算表 of the 司法局: 小计 and 购置费 are centred in their cells, the figures under them
    // right-aligned, so they do not overlap; 公务用车购置及运行费 spans both columns and is neither's own.
    let grid = texts(&page(vec![
        run(450.0, 210.05, 120.0, "公务用车购置及运行费"),
        run(396.0, 242.05, 24.0, "小计"),
        run(492.0, 242.05, 36.0, "购置费"),
        run(593.0, 242.05, 36.0, "运行费"),
        run(332.0, 292.05, 21.0, "0.73"),
        run(433.0, 292.05, 21.0, "9.98"),
        run(534.0, 292.05, 21.0, "0.00"),
        run(635.0, 292.05, 21.0, "9.98"),
    ]));
    assert_eq!(
        grid,
        [
            ["", "公务用车购置及运行费", "公务用车购置及运行费", ""],
            ["", "小计", "购置费", "运行费"],
            ["0.73", "9.98", "0.00", "9.98"]
        ]
    );
}

#[test]
fn a_line_opening_with_list_numbering_is_the_next_row_not_a_wrapped_line() {
    // The template's empty 收入支出决算总表: 十四、… fills the name column to its right edge and 十五、…
    // follows 16 pt below; a wrapped name never opens with a new item's number.
    let grid = texts(&page(vec![
        run(72.0, 323.57, 24.0, "项目"),
        run(230.0, 323.57, 36.0, "决算数"),
        run(306.24, 323.57, 24.0, "项目"),
        run(470.0, 323.57, 36.0, "决算数"),
        run(72.0, 371.81, 80.0, "八、其他收入"),
        run(306.24, 371.81, 83.6, "十三、交通运输支出"),
        run(306.24, 387.89, 146.9, "十四、资源勘探工业信息等支出"),
        run(306.24, 403.97, 115.0, "十五、商业服务业等支出"),
    ]));
    let names: Vec<&str> = grid.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        names,
        [
            "项目",
            "十三、交通运输支出",
            "十四、资源勘探工业信息等支出",
            "十五、商业服务业等支出"
        ]
    );
}

#[test]
fn a_wrapped_centred_header_over_a_blank_column_is_one_column() {
    // 财政拨款收入支出决算总表 of the 财政局: 国有资本经营预算财政拨款 wrapped over four centred lines over a
    // blank column; its one-character lines 预 and 款 do not overlap, yet they are one column.
    let grid = texts(&page(vec![
        run(614.41, 189.68, 72.0, "政府性基金预"),
        run(697.74, 181.90, 72.0, "国有资本经营"),
        run(727.74, 197.46, 12.0, "预"),
        run(709.74, 213.02, 48.0, "算财政拨"),
        run(715.74, 228.58, 12.0, "款"),
        run(546.35, 250.90, 42.0, "2,106.66"),
        run(630.00, 250.90, 42.0, "0.00"),
    ]));
    assert!(grid.iter().all(|row| row.len() == 3), "{grid:?}");
    let last: Vec<&str> = grid.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(last, ["国有资本经营预", "算财政拨", "款", ""]);
}

//! Grids → blocks of rows, one block a table: a title line opens a block; its unit line, header rows, data
//! rows and 注 line follow; a grid that starts with data rows (the next page, with or without the header
//! printed again) continues the open block, so a table running over pages — even a 合计 row alone on the
//! next page — stays one table.

use budget_lens_core::report::Unit;

use crate::grid::{Cell, Grid, Origin};
use crate::text::{fold, is_code, read_figure, strip_numbering, unit_in, Printed};

/// The rows of one table, not yet interpreted.
#[derive(Debug, Clone, Default)]
pub struct Block {
    pub title: String,
    pub title_origin: Option<Origin>,
    pub grid: String,
    pub last_grid: String,
    pub unit: Option<Unit>,
    pub header: Vec<Vec<Cell>>,
    pub data: Vec<Vec<Cell>>,
    pub note: Option<String>,
    /// The line naming the department (`编制单位：…`), if printed.
    pub masthead: Option<String>,
    /// A 注 line or a paragraph ended the table: later rows do not belong to it.
    closed: bool,
}

/// Words of header rows (a data row never holds them without a figure).
const HEADER_WORDS: &[&str] = &[
    "项目",
    "科目",
    "编码",
    "名称",
    "金额",
    "预算数",
    "决算数",
    "合计",
    "栏次",
    "行次",
    "类",
    "款",
];

/// How many rows after a title its header or unit line must appear within.
const TITLE_LOOKAHEAD: usize = 5;

/// Longest text of a title line, in characters.
const MAX_TITLE_CHARS: usize = 60;

/// Splits grids into table blocks. Rows before the first title and paragraphs between tables are dropped.
pub fn blocks(grids: &[Grid]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for grid in grids {
        add_grid(&mut out, grid);
    }
    out
}

/// Adds one grid's rows: to the block a page continues, or to the blocks its titles start.
fn add_grid(out: &mut Vec<Block>, grid: &Grid) {
    // Only pages continue a table; a sheet, file or HTML table starts afresh.
    let paged = is_paged(grid);
    if !paged {
        close_last(out);
    }
    let mut open = paged && out.last().is_some_and(|b| !b.closed && !b.data.is_empty());
    let mut first_content = true;
    let contents = contents_line(grid);
    for (index, row) in grid.rows.iter().enumerate() {
        let texts = distinct_texts(row);
        if texts.is_empty() {
            continue;
        }
        // Below a 目录 heading every numbered title is a contents entry, not a table.
        let listed = contents.is_some_and(|c| index > c);
        if let Some(title) = title_of(&texts, &grid.rows[index + 1..]).filter(|_| !listed) {
            close_last(out);
            let title_origin = row
                .iter()
                .find(|c| !c.is_blank())
                .and_then(|c| c.origin.clone());
            out.push(Block {
                title_origin,
                ..new_block(title, grid)
            });
            (open, first_content) = (true, false);
            continue;
        }
        if first_content && !open {
            // A grid without a title line: a file or sheet holding one table, named by its file name.
            if let Some(title) = untitled_block_title(grid, index) {
                out.push(new_block(title, grid));
                open = true;
            }
        }
        first_content = false;
        let Some(block) = out.last_mut().filter(|_| open) else {
            continue;
        };
        block.last_grid = grid.name.clone();
        open = take_row(block, row, &texts);
    }
}

/// The row of a contents page's heading (`目录`, `目  录`, cut into cells or not), if the grid has one.
fn contents_line(grid: &Grid) -> Option<usize> {
    grid.rows
        .iter()
        .position(|row| fold(&distinct_texts(row).concat()) == "目录")
}

/// A contents entry's companion cell: leaders (`……`, `....`, `·····`) with or without a page number, or
/// the page number alone.
fn is_leader_or_page(text: &str) -> bool {
    let folded = fold(text);
    let rest = folded.trim_end_matches(|c: char| c.is_ascii_digit());
    let leaders = rest
        .chars()
        .all(|c| matches!(c, '.' | '…' | '·' | '-' | '—' | '_' | '．'));
    // A page number has at most 3 digits: `2024` beside `年度部门决算表` is a year cut off its title.
    let page = rest.is_empty() && (1..=3).contains(&folded.len());
    leaders && (rest.chars().count() >= 2 || page)
}

fn close_last(out: &mut [Block]) {
    if let Some(last) = out.last_mut() {
        last.closed = true;
    }
}

fn new_block(title: String, grid: &Grid) -> Block {
    Block {
        title,
        grid: grid.name.clone(),
        last_grid: grid.name.clone(),
        ..Block::default()
    }
}

fn is_paged(grid: &Grid) -> bool {
    grid.rows
        .iter()
        .flatten()
        .find_map(|c| c.origin.as_ref())
        .is_some_and(|o| matches!(o, Origin::Page { .. }))
}

/// Adds one row to the open block; `false` when the row ends the block.
fn take_row(block: &mut Block, row: &[Cell], texts: &[String]) -> bool {
    let joined: String = texts.concat();
    if let Some(unit) = unit_in(&joined) {
        if block.unit.is_none() {
            block.unit = Some(unit);
        }
        if is_masthead(&joined) {
            block.masthead.get_or_insert(joined.clone());
        }
        if !has_figure(row) {
            return true;
        }
    }
    if is_note(&joined) {
        block.note = Some(joined);
        block.closed = true;
        return false;
    }
    if is_masthead(&joined) {
        block.masthead.get_or_insert(joined);
        return true;
    }
    let row = &realigned(block, row);
    if let Some((labels, total)) = code_labels_on_total_row(row, texts) {
        block.header.push(labels);
        block.data.push(total);
        return true;
    }
    let data_row = is_data_row(row, texts) || is_numbered_item(texts);
    if block.data.is_empty() {
        if data_row {
            block.data.push(row.to_vec());
        } else {
            block.header.push(row.to_vec());
        }
        return true;
    }
    if data_row || is_fragment(&joined) {
        if !is_header_row(texts) || data_row {
            block.data.push(row.to_vec());
        }
        return true;
    }
    if is_header_row(texts) {
        // The header printed again on the next page.
        return true;
    }
    block.closed = true;
    false
}

/// A row from a page laid out on its own has its own columns: a continued page where the table's last
/// columns are empty has fewer (收入预算总表: 事业收入 … blank on every row of the next page), a 合计 row
/// alone on the next page fewer still. Its cells are put back under the table's columns by where they were
/// printed (pages of one table share their column positions); without positions, its words from the
/// left and its figures right-aligned into the last columns, as figures are printed.
fn realigned(block: &Block, row: &[Cell]) -> Vec<Cell> {
    let width = block.header.iter().map(Vec::len).max().unwrap_or(0);
    if block.grid == block.last_grid || row.len() == width || block.header.is_empty() {
        return row.to_vec();
    }
    by_position(block, row, width).unwrap_or_else(|| right_aligned(row, width))
}

/// The horizontal extent of a cell printed on a page.
fn extent(cell: &Cell) -> Option<(f32, f32)> {
    match cell.origin {
        Some(Origin::Page { x, width, .. }) => Some((x, x + width)),
        _ => None,
    }
}

/// Cells of a row that are printed there, not a merged cell's copy of its left neighbour.
fn own_cells(row: &[Cell]) -> impl Iterator<Item = (usize, &Cell)> {
    row.iter()
        .enumerate()
        .filter(move |(i, c)| !c.is_blank() && (*i == 0 || row[i - 1] != **c))
}

/// Each column's extent on the page: from the data rows, or from the header where no data row fills it.
fn column_extents(block: &Block, width: usize) -> Vec<Option<(f32, f32)>> {
    let mut extents: Vec<Option<(f32, f32)>> = vec![None; width];
    for rows in [&block.data, &block.header] {
        let mut found: Vec<Option<(f32, f32)>> = vec![None; width];
        for (i, cell) in rows.iter().flat_map(|r| own_cells(r)) {
            if let (Some(slot), Some((x0, x1))) = (found.get_mut(i), extent(cell)) {
                *slot = Some(slot.map_or((x0, x1), |(a, b)| (a.min(x0), b.max(x1))));
            }
        }
        for (slot, found) in extents.iter_mut().zip(found) {
            *slot = slot.or(found);
        }
    }
    extents
}

/// The row's cells under the columns they overlap most (or lie nearest to); `None` when a cell was not
/// printed on a page or two cells would share a column.
fn by_position(block: &Block, row: &[Cell], width: usize) -> Option<Vec<Cell>> {
    let extents = column_extents(block, width);
    let mut out = vec![Cell::new("", None); width];
    for (_, cell) in own_cells(row) {
        let (x0, x1) = extent(cell)?;
        // The overlap, or (negative) the gap to a column it does not overlap.
        let score =
            |e: &Option<(f32, f32)>| e.map_or(f32::NEG_INFINITY, |(a, b)| x1.min(b) - x0.max(a));
        let column =
            (0..width).max_by(|&a, &b| score(&extents[a]).total_cmp(&score(&extents[b])))?;
        if extents[column].is_none() || !out[column].is_blank() {
            return None;
        }
        out[column] = cell.clone();
    }
    Some(out)
}

fn right_aligned(row: &[Cell], width: usize) -> Vec<Cell> {
    let cells: Vec<&Cell> = row.iter().filter(|c| !c.is_blank()).collect();
    let figures = cells
        .iter()
        .rev()
        .take_while(|c| matches!(read_figure(&c.text), Printed::Figure(_)))
        .count();
    let mut out = vec![Cell::new("", None); width];
    let (words, numbers) = cells.split_at(cells.len() - figures);
    for (slot, cell) in out.iter_mut().zip(words) {
        *slot = (*cell).clone();
    }
    for (slot, cell) in out.iter_mut().rev().zip(numbers.iter().rev()) {
        *slot = (*cell).clone();
    }
    out
}

/// The distinct non-blank texts of a row, in order (merged cells repeat their text across the range).
pub fn distinct_texts(row: &[Cell]) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for cell in row {
        let text = cell.text.trim();
        if !text.is_empty() && texts.last().is_none_or(|t| t != text) {
            texts.push(text.to_string());
        }
    }
    texts
}

/// The title, when a row is a table title: one or two texts, one of them a short line naming a table (… 表,
/// optionally followed by a bracketed or numbered suffix), not a contents entry (dots, a page number), with a
/// header or unit line close below.
fn title_of(texts: &[String], below: &[Vec<Cell>]) -> Option<String> {
    if texts.len() > 3 {
        return None;
    }
    // A contents entry: the title with its leaders or page number beside it (`5．…表 | ……… | 12`).
    if texts.iter().any(|t| is_leader_or_page(t)) {
        return None;
    }
    // A title letter-spaced or centred over a column gap is cut into cells (`收入支出决算总` | `表`): when
    // no text alone is a title, the row's texts joined may be.
    let joined = texts.concat();
    let title = texts
        .iter()
        .find(|t| looks_like_title(t))
        .or_else(|| (texts.len() > 1 && looks_like_title(&joined)).then_some(&joined))?;
    let header_below = below
        .iter()
        .filter(|r| r.iter().any(|c| !c.is_blank()))
        .take(TITLE_LOOKAHEAD)
        .any(|r| {
            let texts = distinct_texts(r);
            is_header_row(&texts) || unit_in(&texts.concat()).is_some()
        });
    header_below.then(|| title.trim().to_string())
}

fn looks_like_title(text: &str) -> bool {
    let folded = fold(text);
    let chars = folded.chars().count();
    if !(4..=MAX_TITLE_CHARS).contains(&chars) {
        return false;
    }
    if ["，", "。", "；", ":", "…", "..."]
        .iter()
        .any(|p| folded.contains(p))
    {
        return false;
    }
    let Some(at) = folded.rfind('表') else {
        return false;
    };
    // After 表: nothing, or a bracketed note like (公开表1) / （部门公开表01）, never a page number.
    let after = &folded[at + '表'.len_utf8()..];
    let tail_ok = after.is_empty() || after.ends_with(')') || after.ends_with('）');
    let names_money = ["收", "支", "预算", "决算", "经费"]
        .iter()
        .any(|w| folded.contains(w));
    tail_ok && names_money
}

/// A grid with no title line whose first rows are a header: titled by the grid's own name (a CSV file or a
/// sheet named after its table).
fn untitled_block_title(grid: &Grid, index: usize) -> Option<String> {
    let texts = distinct_texts(&grid.rows[index]);
    let name = grid.name.rsplit(['/', '\\']).next().unwrap_or(&grid.name);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    (is_header_row(&texts) && looks_like_title(stem)).then(|| stem.to_string())
}

pub fn is_header_row(texts: &[String]) -> bool {
    texts.iter().any(|t| {
        let t = fold(t);
        HEADER_WORDS
            .iter()
            .any(|w| t == *w || (w.chars().count() > 1 && t.contains(w)))
    }) && !texts
        .iter()
        .any(|t| matches!(read_figure(t), Printed::Figure(_)) && t.contains('.'))
}

/// A row with a figure or a classification code in it, or a total row.
fn is_data_row(row: &[Cell], texts: &[String]) -> bool {
    if texts.iter().any(|t| {
        let t = fold(t);
        t.contains("栏次") || t.contains("行次") || t == "类" || t == "款" || t == "项"
    }) {
        return false;
    }
    has_figure(row)
        || row
            .iter()
            .any(|c| is_code(&c.text) && fold(&c.text).len() >= 3)
}

/// A 合计 row at the top of a table may share its line with the code column's labels (`类 | 款 | 项 | 合计
/// | 2,946.25 …`): the labels are the header's last row, the rest the 合计 row.
fn code_labels_on_total_row(row: &[Cell], texts: &[String]) -> Option<(Vec<Cell>, Vec<Cell>)> {
    let is_label = |c: &Cell| matches!(fold(&c.text).as_str(), "类" | "款" | "项");
    let total = texts.iter().any(|t| crate::rows::is_total(t));
    if !(row.iter().any(is_label) && total && has_figure(row)) {
        return None;
    }
    let blank = || Cell::new("", None);
    let labels = row
        .iter()
        .map(|c| if is_label(c) { c.clone() } else { blank() })
        .collect();
    let rest = row
        .iter()
        .map(|c| if is_label(c) { blank() } else { c.clone() })
        .collect();
    Some((labels, rest))
}

/// A row naming a numbered item (`一、一般公共服务支出`, `1、一般公共预算`): a data row even when its
/// figures are blank (an empty table, the template), never a header.
fn is_numbered_item(texts: &[String]) -> bool {
    texts.first().is_some_and(|t| strip_numbering(t).1 > 0)
}

fn has_figure(row: &[Cell]) -> bool {
    let figures: Vec<&Cell> = row
        .iter()
        .filter(|c| matches!(read_figure(&c.text), Printed::Figure(_)))
        .collect();
    // A lone whole number is a page number or a column number, not a table's figure.
    match figures.as_slice() {
        [] => false,
        [only] => only.text.contains('.') || distinct_texts(row).len() > 1,
        _ => true,
    }
}

/// A short line without figures inside a table: a wrapped name (`缴费支出`), a `…` placeholder row, a code
/// column's `无`.
fn is_fragment(joined: &str) -> bool {
    let folded = fold(joined);
    folded.chars().count() <= 30 && !folded.contains('。')
}

fn is_note(joined: &str) -> bool {
    let folded = fold(joined);
    ["注:", "注：", "说明:", "备注:", "注1"]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// Lines between a title and the header that name the department or the date, not columns.
fn is_masthead(joined: &str) -> bool {
    let folded = fold(joined);
    ["编制单位", "编制部门", "单位名称", "部门名称", "填报单位"]
        .iter()
        .any(|p| folded.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(page: u32, x: f32, width: f32, text: &str) -> Cell {
        let origin = Origin::Page {
            page,
            x,
            y: 0.0,
            width,
            height: 9.0,
        };
        Cell::new(text, Some(origin))
    }

    fn page(name: &str, rows: Vec<Vec<Cell>>) -> Grid {
        Grid {
            name: name.into(),
            rows,
        }
    }

    fn texts(row: &[Cell]) -> Vec<&str> {
        row.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn a_continued_page_with_its_empty_last_columns_missing_keeps_the_columns() {
        // 收入预算总表: 事业收入 and 其他收入 are blank on every row, so the next page's grid ends after
        // 财政拨款收入; its figures belong under 合计 and 财政拨款收入, not under the last two columns.
        let first = page(
            "第9页",
            vec![
                vec![at(9, 300.0, 120.0, "2025年部门收入预算总表")],
                vec![
                    at(9, 60.0, 60.0, "科目编码"),
                    at(9, 150.0, 60.0, "科目名称"),
                    at(9, 260.0, 30.0, "合计"),
                    at(9, 340.0, 60.0, "财政拨款收入"),
                    at(9, 430.0, 40.0, "事业收入"),
                    at(9, 510.0, 40.0, "其他收入"),
                ],
                vec![
                    at(9, 60.0, 20.0, "201"),
                    at(9, 150.0, 80.0, "一般公共服务支出"),
                    at(9, 240.0, 50.0, "82,096,797.42"),
                    at(9, 350.0, 50.0, "82,096,797.42"),
                    Cell::new("", None),
                    Cell::new("", None),
                ],
            ],
        );
        let next = page(
            "第10页",
            vec![vec![
                at(10, 60.0, 20.0, "210"),
                at(10, 150.0, 60.0, "卫生健康支出"),
                at(10, 245.0, 45.0, "1,097,073.43"),
                at(10, 355.0, 45.0, "1,097,073.43"),
            ]],
        );
        let blocks = blocks(&[first, next]);
        assert_eq!(blocks.len(), 1);
        assert_eq!(
            texts(&blocks[0].data[1]),
            [
                "210",
                "卫生健康支出",
                "1,097,073.43",
                "1,097,073.43",
                "",
                ""
            ]
        );
    }

    #[test]
    fn a_title_cut_into_two_cells_is_one_title() {
        let grid = page(
            "第7页",
            vec![
                vec![
                    at(7, 200.0, 100.0, "收入支出决算总"),
                    at(7, 330.0, 14.0, "表"),
                ],
                vec![at(7, 500.0, 60.0, "单位：万元")],
                vec![at(7, 60.0, 30.0, "项目"), at(7, 200.0, 40.0, "决算数")],
            ],
        );
        let blocks = blocks(&[grid]);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].title, "收入支出决算总表");
    }

    #[test]
    fn code_labels_on_the_total_row_are_header_and_the_rest_the_total_row() {
        let cells = |texts: &[&str]| {
            texts
                .iter()
                .map(|t| Cell::new(*t, None))
                .collect::<Vec<_>>()
        };
        let grid = Grid {
            name: "收入决算表.csv".into(),
            rows: vec![
                cells(&["收入决算表", "", "", "", ""]),
                cells(&["功能分类科目编码", "", "", "科目名称", "本年收入合计"]),
                cells(&["类", "款", "项", "合计", "2,946.25"]),
                cells(&["201", "", "", "一般公共服务支出", "2,112.86"]),
            ],
        };
        let blocks = blocks(&[grid]);
        let block = &blocks[0];
        assert_eq!(block.header.len(), 2);
        assert_eq!(texts(&block.header[1]), ["类", "款", "项", "", ""]);
        assert_eq!(texts(&block.data[0]), ["", "", "", "合计", "2,946.25"]);
        assert_eq!(block.data.len(), 2);
    }

    #[test]
    fn a_total_row_alone_on_the_next_page_goes_under_its_columns() {
        let first = page(
            "第3页",
            vec![
                vec![at(3, 200.0, 120.0, "部门支出预算总表")],
                vec![
                    at(3, 60.0, 60.0, "科目名称"),
                    at(3, 200.0, 30.0, "合计"),
                    at(3, 300.0, 40.0, "基本支出"),
                ],
                vec![
                    at(3, 60.0, 80.0, "一般公共服务支出"),
                    at(3, 190.0, 40.0, "2,932,700"),
                    at(3, 300.0, 40.0, "2,932,700"),
                ],
            ],
        );
        let next = page(
            "第4页",
            vec![vec![
                at(4, 80.0, 20.0, "合计"),
                at(4, 180.0, 50.0, "156,211,123"),
            ]],
        );
        let blocks = blocks(&[first, next]);
        assert_eq!(texts(&blocks[0].data[1]), ["合计", "156,211,123", ""]);
    }

    /// A contents page: numbered titles under 目录 (a later numbered heading naming 项目 is no header), and
    /// titles with leaders or a page number beside them, are no tables; the table itself still is one.
    #[test]
    fn contents_entries_are_no_tables() {
        let line = |texts: &[&str]| texts.iter().map(|t| at(2, 60.0, 80.0, t)).collect();
        let contents = page(
            "第2页",
            vec![
                line(&["目", "录"]),
                line(&["3．2030年部门支出预算总表"]),
                line(&["4．2030年部门“三公”经费预算表", "……………"]),
                line(&["五、项目经费情况说明"]),
            ],
        );
        let leaders = page(
            "第3页",
            vec![
                line(&["2030年部门收入预算总表", "…………", "7"]),
                line(&["项目", "金额"]),
            ],
        );
        let table = page(
            "第9页",
            vec![
                line(&["2030年部门支出预算总表"]),
                line(&["单位：元"]),
                line(&["科目名称", "合计"]),
                line(&["一般公共服务支出", "1,234.50"]),
            ],
        );
        // A year in a cell of its own beside the title is no page number.
        let year_cut_off = page(
            "第10页",
            vec![
                line(&["某区某局", "2030", "年度收入决算表"]),
                line(&["项目", "决算数"]),
                line(&["一般公共服务支出", "1.50"]),
            ],
        );
        let blocks = blocks(&[contents, leaders, table, year_cut_off]);
        let titles: Vec<&str> = blocks.iter().map(|b| b.title.as_str()).collect();
        assert_eq!(titles, ["2030年部门支出预算总表", "年度收入决算表"]);
    }
}

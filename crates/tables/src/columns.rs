//! Header rows → what each column holds: code parts, the name, figures, or nothing to read (行次/栏次).
//! Two halves printed side by side (总表: income | expenditure) show as a second name or code column after
//! value columns, and become two halves.

use crate::grid::Cell;
use crate::table::Column;
use crate::text::{fold, read_figure, Printed};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Skip,
    Code,
    Name,
    Value,
}

/// Where one half's parts are, by column index.
#[derive(Debug, Clone, Default)]
pub struct HalfLayout {
    pub code_columns: Vec<usize>,
    pub name_column: Option<usize>,
    /// Unheaded columns without figures just left of the name column: a wide name column a page cut in
    /// several, its header centred over the right part (a name printed there belongs to the row).
    pub name_spill: Vec<usize>,
    pub value_columns: Vec<usize>,
    pub columns: Vec<Column>,
}

/// The halves of a table from its header rows; `data` tells columns without header words that hold figures.
pub fn layout(header: &[Vec<Cell>], data: &[Vec<Cell>]) -> Vec<HalfLayout> {
    let width = header.iter().chain(data).map(Vec::len).max().unwrap_or(0);
    let mut halves: Vec<HalfLayout> = Vec::new();
    let mut current = HalfLayout::default();
    let any_figures = (0..width).any(|c| holds_figures(data, c));
    let mut unheaded: Vec<usize> = Vec::new();
    for column in 0..width {
        let words = header_words(header, column);
        let mut role = role_of(&words, || holds_figures(data, column));
        if role == Role::Value && any_figures && is_group_label(header, data, column) {
            role = Role::Skip;
        }
        let starts_half =
            matches!(role, Role::Code | Role::Name) && !current.value_columns.is_empty();
        if starts_half {
            halves.push(std::mem::take(&mut current));
        }
        if role == Role::Skip && words.is_empty() {
            unheaded.push(column);
            continue;
        }
        let spill = std::mem::take(&mut unheaded);
        match role {
            Role::Skip => {}
            Role::Code => current.code_columns.push(column),
            Role::Name => {
                if current.name_column.is_none() {
                    current.name_column = Some(column);
                    current.name_spill = spill;
                }
            }
            Role::Value => {
                current.value_columns.push(column);
                current.columns.push(Column { words });
            }
        }
    }
    if !current.value_columns.is_empty() || current.name_column.is_some() {
        halves.push(current);
    }
    halves
}

/// The header words of a column, top to bottom, each once.
fn header_words(header: &[Vec<Cell>], column: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for row in header {
        let Some(cell) = row.get(column) else {
            continue;
        };
        let word = fold(&cell.text);
        if !word.is_empty() && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

fn role_of(words: &[String], holds_figures: impl Fn() -> bool) -> Role {
    let any = |test: &dyn Fn(&str) -> bool| words.iter().any(|w| test(w));
    if any(&|w| w.contains("行次") || w.contains("栏次")) {
        Role::Skip
    } else if any(&|w| w.contains("编码") || w.contains("代码")) || is_code_part_label(words) {
        Role::Code
    } else if words.last().is_some_and(|w| is_name_word(w)) {
        Role::Name
    } else if !words.is_empty() || holds_figures() {
        Role::Value
    } else {
        Role::Skip
    }
}

/// `类` / `款` / `项` heading a code part, alone or under the code column's words (`功能分类`, `项目`) — but
/// not the last line of a wrapped header (`国有资本经营预` / `算财政拨` / `款`).
fn is_code_part_label(words: &[String]) -> bool {
    let part = |w: &str| matches!(w, "类" | "款" | "项");
    words.iter().any(|w| part(w))
        && words
            .iter()
            .all(|w| part(w) || w.contains("分类") || w.contains("科目") || is_name_word(w))
}

/// `科目名称`, `项目`, `收入项目`, `科目`: the column of row names (but not `项目支出`).
fn is_name_word(word: &str) -> bool {
    word.contains("名称") || word == "科目" || word.ends_with("项目") || word == "功能分类科目"
}

/// A spanning group label (`本年收入` | `本年支出` over `项目 | 预算数`) is printed once, centred over the
/// columns it spans; on a page it can sit over the gap between two of them and make a column of its own.
/// Such a column holds no figure, and a lower header row has words on both sides of it but none in it: it
/// is no value column. (An empty table keeps every headed column: nothing tells a label from a column.)
fn is_group_label(header: &[Vec<Cell>], data: &[Vec<Cell>], column: usize) -> bool {
    let filled = |row: &Vec<Cell>, c: usize| row.get(c).is_some_and(|cell| !cell.is_blank());
    let Some(top) = header.iter().position(|row| filled(row, column)) else {
        return false;
    };
    let straddled = header[top + 1..].iter().any(|row| {
        column > 0 && !filled(row, column) && filled(row, column - 1) && filled(row, column + 1)
    });
    straddled
        && !header[top + 1..].iter().any(|row| filled(row, column))
        && !holds_figures(data, column)
}

fn holds_figures(data: &[Vec<Cell>], column: usize) -> bool {
    data.iter().any(|row| {
        row.get(column)
            .is_some_and(|c| matches!(read_figure(&c.text), Printed::Figure(_)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(texts: &[&str]) -> Vec<Cell> {
        texts.iter().map(|t| Cell::new(*t, None)).collect()
    }

    #[test]
    fn a_group_label_over_a_gap_is_no_column() {
        // 财务收支预算总表 on a page: 本年支出 centred over 项目 | 预算数 lands between them.
        let header = [
            row(&["本年收入", "", "", "本年支出", ""]),
            row(&["项目", "预算数", "项目", "", "预算数"]),
        ];
        let data = [row(&[
            "一、财政拨款收入",
            "96,282,213.44",
            "一、公共安全支出",
            "",
            "87,267,272.44",
        ])];
        let halves = layout(&header, &data);
        assert_eq!(halves.len(), 2);
        assert_eq!(halves[1].name_column, Some(2));
        assert_eq!(halves[1].value_columns, [4]);
    }

    #[test]
    fn unheaded_columns_left_of_the_name_column_are_its_spill() {
        // 收入支出决算总表 re-typeset: the expenditure names span three page columns, 项目 heads the last;
        // 总计 sits in the first alone.
        let header = [row(&["项目", "决算数", "", "", "项目", "决算数"])];
        let data = [
            row(&[
                "本年收入合计",
                "2,946.25",
                "",
                "",
                "本年支出合计",
                "2,940.05",
            ]),
            row(&["总计", "2,995.39", "总计", "", "", "2,995.39"]),
        ];
        let halves = layout(&header, &data);
        assert_eq!(halves[1].name_column, Some(4));
        assert_eq!(halves[1].name_spill, [2, 3]);
        assert!(halves[0].name_spill.is_empty());
    }

    #[test]
    fn a_wrapped_headers_last_line_kuan_is_no_code_part() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_code_part_label(&words(&["功能分类科目编码", "款"])));
        assert!(is_code_part_label(&words(&["项目", "类"])));
        assert!(is_code_part_label(&words(&["项"])));
        assert!(!is_code_part_label(&words(&[
            "国有资本经营预",
            "算财政拨",
            "款"
        ])));
        let header = [
            row(&["项目", "合计", "国有资本经营预"]),
            row(&["", "", "款"]),
        ];
        let data = [row(&["一、一般公共服务支出", "2,106.66", ""])];
        assert_eq!(layout(&header, &data)[0].value_columns, [1, 2]);
    }

    #[test]
    fn an_empty_tables_headed_columns_stay() {
        // Without a figure anywhere, a column headed only above (合计 spanning two header rows) stays.
        let header = [
            row(&["项目", "合计", "基本支出"]),
            row(&["", "", "人员经费"]),
        ];
        let data = [row(&["一、一般公共服务支出", "", ""])];
        assert_eq!(layout(&header, &data)[0].value_columns, [1, 2]);
    }

    #[test]
    fn a_blank_leaf_column_of_a_staggered_header_stays() {
        // 三公 table: 因公出国(境)费 headed two rows above the lowest header row, printed blank.
        let header = [
            row(&["合计", "因公出国(境)费", "公务接待费", "", ""]),
            row(&["", "", "", "小计", "购置费"]),
        ];
        let data = [row(&["1.00", "", "1.00", "", ""])];
        assert_eq!(layout(&header, &data)[0].value_columns, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_blank_column_headed_in_the_lowest_row_stays() {
        // 政府性基金预算 printed blank on every row is still a column of the 财政拨款收支预算总表.
        let header = [row(&["项目", "一般公共预算", "政府性基金预算"])];
        let data = [row(&["一、一般公共服务支出", "82,096,797.42", ""])];
        assert_eq!(layout(&header, &data)[0].value_columns, [1, 2]);
    }
}

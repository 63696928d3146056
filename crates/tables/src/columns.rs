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
    pub value_columns: Vec<usize>,
    pub columns: Vec<Column>,
}

/// The halves of a table from its header rows; `data` tells columns without header words that hold figures.
pub fn layout(header: &[Vec<Cell>], data: &[Vec<Cell>]) -> Vec<HalfLayout> {
    let width = header.iter().chain(data).map(Vec::len).max().unwrap_or(0);
    let mut halves: Vec<HalfLayout> = Vec::new();
    let mut current = HalfLayout::default();
    for column in 0..width {
        let words = header_words(header, column);
        let role = role_of(&words, || holds_figures(data, column));
        let starts_half =
            matches!(role, Role::Code | Role::Name) && !current.value_columns.is_empty();
        if starts_half {
            halves.push(std::mem::take(&mut current));
        }
        match role {
            Role::Skip => {}
            Role::Code => current.code_columns.push(column),
            Role::Name => {
                if current.name_column.is_none() {
                    current.name_column = Some(column);
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
    } else if any(&|w| w.contains("编码") || w.contains("代码") || matches!(w, "类" | "款" | "项"))
    {
        Role::Code
    } else if words.last().is_some_and(|w| is_name_word(w)) {
        Role::Name
    } else if !words.is_empty() || holds_figures() {
        Role::Value
    } else {
        Role::Skip
    }
}

/// `科目名称`, `项目`, `收入项目`, `科目`: the column of row names (but not `项目支出`).
fn is_name_word(word: &str) -> bool {
    word.contains("名称") || word == "科目" || word.ends_with("项目") || word == "功能分类科目"
}

fn holds_figures(data: &[Vec<Cell>], column: usize) -> bool {
    data.iter().any(|row| {
        row.get(column)
            .is_some_and(|c| matches!(read_figure(&c.text), Printed::Figure(_)))
    })
}

//! A breakdown's name: the table it comes from, not its total row's word. Every table's total row says
//! 合计 or 总计, so a root labelled by it reads `合计` in the chart's title, its breadcrumb and every finding
//! on it, whichever table it is; the title says which (`一般公共预算财政拨款支出决算表` → `一般公共预算财政
//! 拨款支出`).

use crate::text::{fold, strip_numbering};

/// Words of a title that say whose or which year's table it is, or that it is a table, not what it holds.
const OWNERS: &[&str] = &["预算单位", "部门", "单位"];

/// The name of the table titled `title`: without its numbering, year, owner, phase word and `表`
/// (`2026年部门收入预算总表` → `收入总表`, `收入支出决算总表` → `收入支出总表`); the title itself when
/// no more than 收入 / 支出 would be left.
pub fn table_name(title: &str) -> String {
    let folded = fold(title);
    let (bare, _) = strip_numbering(&folded);
    let dated = after_year(bare);
    let mut name = dated;
    for owner in OWNERS {
        name = name.strip_prefix(owner).unwrap_or(name);
    }
    let name = name.split(['(', '（']).next().unwrap_or(name);
    let name = name.strip_suffix('表').unwrap_or(name);
    let (name, total) = match name.strip_suffix('总') {
        Some(rest) => (rest, "总表"),
        None => (name, ""),
    };
    let name = ["决算", "预算"]
        .iter()
        .find_map(|p| name.strip_suffix(p))
        .unwrap_or(name);
    // A bare 收入 / 支出 names no table: the title then keeps its phase (`收入决算表`).
    if name.chars().count() + total.chars().count() <= 2 {
        return dated.to_string();
    }
    format!("{name}{total}")
}

/// The name of one side of a 总表: `收入支出总表（收入）`.
pub fn side_name(title: &str, side: &str) -> String {
    format!("{}（{side}）", table_name(title))
}

/// The text after a leading `2026年` / `2024年度`, or all of it.
fn after_year(text: &str) -> &str {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return text;
    }
    let rest = &text[digits..];
    ["年度", "年"]
        .iter()
        .find_map(|y| rest.strip_prefix(y))
        .unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tables_name_is_its_title_without_year_owner_phase_and_table() {
        assert_eq!(
            table_name("一般公共预算财政拨款支出决算表"),
            "一般公共预算财政拨款支出"
        );
        assert_eq!(table_name("2031年部门收入预算总表"), "收入总表");
        assert_eq!(table_name("收入支出决算总表"), "收入支出总表");
        assert_eq!(
            table_name("2031年度支出决算表（公开03表）"),
            "支出决算表(公开03表)"
        );
        assert_eq!(table_name("部门“三公”经费预算表"), "“三公”经费");
        assert_eq!(
            table_name("5．2031年预算单位一般公共预算支出功能分类预算表"),
            "一般公共预算支出功能分类"
        );
        assert_eq!(table_name("决算表"), "决算表");
        assert_eq!(table_name("2031年度部门决算表"), "部门决算表");
        assert_eq!(
            side_name("财政拨款收支预算总表", "支出"),
            "财政拨款收支总表（支出）"
        );
    }
}

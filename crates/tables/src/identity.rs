//! Which document a file belongs to: the department and year its headings name. An import merges the files
//! of one document (a PDF, or one CSV file per table); files of two documents — another department, another
//! year — would give a report with the title of one and the entity of the other, and false contradictions
//! between their figures, so they are refused, naming both.

use budget_lens_core::report::document;

use crate::build::{entity_of, year_of};
use crate::grid::Grid;
use crate::recognise;

/// The department and year a file's headings name (its standard tables' titles and mastheads, else its
/// text's headings); either may be unknown (a CSV file of one table without a year in its title).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub entity: Option<String>,
    pub year: Option<i32>,
}

impl Identity {
    /// A file's identity from its grids and its text.
    pub fn of(grids: &[Grid], text: &str) -> Identity {
        let tables: Vec<_> = recognise(grids)
            .into_iter()
            .filter(|t| t.kind.is_some())
            .collect();
        let mut identity = Identity {
            entity: tables
                .iter()
                .find_map(|t| t.masthead.as_deref().and_then(entity_of))
                .filter(|e| names_an_office(e)),
            year: tables.iter().find_map(|t| year_of(&t.title)),
        };
        if identity.entity.is_none() || identity.year.is_none() {
            let headings = document::headings(&document::Text::new(text));
            identity.year = identity.year.or_else(|| document::stated_year(&headings));
            identity.entity = identity
                .entity
                .or_else(|| document::stated_entity(&headings, ""))
                .filter(|e| names_an_office(e));
        }
        identity
    }

    /// Whether two files name different departments or years (what one of them leaves unnamed agrees).
    pub fn differs(&self, other: &Identity) -> bool {
        let years = matches!((self.year, other.year), (Some(a), Some(b)) if a != b);
        let entities = match (&self.entity, &other.entity) {
            (Some(a), Some(b)) => !document::same_entity(a, b),
            _ => false,
        };
        years || entities
    }

    /// `上海市普陀区财政局 2024年`, or what is known of it.
    pub fn describe(&self) -> String {
        let year = self.year.map(|y| format!("{y}年"));
        let parts: Vec<String> = [self.entity.clone(), year].into_iter().flatten().collect();
        parts.join(" ")
    }
}

/// The last characters of the name of a department, unit or office (`…财政局`, `…委员会`, `…办公室`,
/// `…街道办事处`, `…中心`). A masthead naming none (`编制单位：示例`, a template's blank) names no department.
const OFFICE_ENDINGS: &[char] = &[
    '局', '委', '会', '室', '办', '院', '心', '所', '馆', '站', '队', '部', '厅', '处', '署', '校',
    '园', '道', '镇', '府', '司', '团', '社', '台', '组',
];

fn names_an_office(name: &str) -> bool {
    name.chars()
        .last()
        .is_some_and(|c| OFFICE_ENDINGS.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(entity: Option<&str>, year: Option<i32>) -> Identity {
        Identity {
            entity: entity.map(str::to_string),
            year,
        }
    }

    #[test]
    fn another_department_or_year_differs_and_an_unnamed_one_agrees() {
        let a = named(Some("某区甲局"), Some(2031));
        assert!(a.differs(&named(Some("某区乙局"), Some(2031))));
        assert!(a.differs(&named(Some("某区甲局"), Some(2030))));
        assert!(!a.differs(&named(None, Some(2031))));
        assert!(!a.differs(&named(Some("甲局"), None)));
        assert_eq!(a.describe(), "某区甲局 2031年");
        assert!(names_an_office("某区某某街道办事处") && !names_an_office("示例"));
    }
}

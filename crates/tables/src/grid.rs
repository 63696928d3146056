//! The meeting point of every input: a 2-D grid of cell strings, one per page (PDF), sheet (XLSX/XLS), file
//! (CSV) or `<table>` (HTML). Readers fill merged cells across (every cell of a merged range holds the text);
//! the recogniser never needs to know which reader made the grid.

/// Where a cell was printed, so that a finding can show its figure in place.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A box on a PDF page: 1-based page number; x, y of the top-left corner, width and height in PDF points,
    /// y measured down from the top of the page.
    Page {
        page: u32,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
    /// A cell of a workbook sheet, CSV file or HTML table: the sheet (or file, or table) name and the 0-based
    /// row and column.
    Sheet {
        sheet: String,
        row: u32,
        column: u32,
    },
}

/// One cell: its text as printed (trimmed; empty when the cell is blank) and where it was printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub origin: Option<Origin>,
}

impl Cell {
    pub fn new(text: impl Into<String>, origin: Option<Origin>) -> Self {
        Cell {
            text: text.into(),
            origin,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// A page, sheet, file or table as rows of cells. Rows may differ in length (a reader need not pad them).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// What a person calls this grid: `第3页`, a sheet's name, a file's name.
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The cell at (row, column), if the row is that long.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(column))
    }

    /// The number of columns of the widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_is_the_widest_row_and_cells_outside_are_none() {
        let grid = Grid {
            name: "收入支出决算总表".into(),
            rows: vec![
                vec![Cell::new("项目", None)],
                vec![
                    Cell::new("一般公共服务支出", None),
                    Cell::new("2,940.05", None),
                ],
            ],
        };
        assert_eq!(grid.width(), 2);
        assert_eq!(grid.cell(1, 1).map(|c| c.text.as_str()), Some("2,940.05"));
        assert!(grid.cell(0, 1).is_none());
        assert!(Cell::new("  ", None).is_blank());
    }
}

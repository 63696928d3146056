// The tables corpus's documents, one list for every test that walks them: the table importer's tests
// (support.rs) and the CLI's recorded imports (tests/it/cli_import_recorded.rs) include this file; the
// browser tests (tests/browser/helpers.mjs `tablesCorpus`) read the same list.

/// Every document of the tables corpus, by file name without extension: tests/data/tables/corpus.txt,
/// one per line.
pub fn corpus() -> Vec<&'static str> {
    include_str!("../../../../tests/data/tables/corpus.txt")
        .lines()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .collect()
}

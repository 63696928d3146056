//! The corpus keys against the published PDFs, read natively (lopdf → runs → layout → recogniser → report).
//! The tests themselves are in corpus/keys.rs, shared with corpus_xlsx.rs.

const SOURCE: &str = "pdf";

include!("corpus/keys.rs");

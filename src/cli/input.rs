//! Reading a file or standard input (`-`), with messages in the user's language.

use std::io::Read;

use budget_lens::report::MAX_BYTES;
use budget_lens::Lang;

/// The bytes of `path`, or of standard input for `-`. Reading stops one byte past the parser's limit, so a
/// huge file is refused without being read whole (the parser then reports it as too large).
pub fn read_input(path: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let limit = MAX_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes).map(|_| ()))
    };
    result.map(|()| bytes).map_err(|e| match lang {
        Lang::Zh => format!("无法读取 {path}：{e}"),
        Lang::En => format!("cannot read {path}: {e}"),
    })
}

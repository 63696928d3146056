//! Reading a file or standard input (`-`), with messages in the user's language.

use std::io::Read;

use budget_lens::Lang;

/// The bytes of `path`, or of standard input for `-`.
pub fn read_input(path: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map(|()| bytes).map_err(|e| match lang {
        Lang::Zh => format!("无法读取 {path}：{e}"),
        Lang::En => format!("cannot read {path}: {e}"),
    })
}

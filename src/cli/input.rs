//! Reading a file or standard input (`-`) and writing a report, with messages in the user's language.

use std::io::Read;
use std::process::ExitCode;

use budget_lens::report::{Report, MAX_BYTES};
use budget_lens::Lang;

/// The bytes of `path`, or of standard input for `-`. Reading stops one byte past the parser's limit, so a
/// huge file is refused without being read whole (the parser then reports it as too large).
pub fn read_input(path: &str, lang: Lang) -> Result<Vec<u8>, String> {
    read_bounded(path, MAX_BYTES, lang)
}

/// The bytes of `path` (standard input for `-`), read up to one byte past `max_bytes` and never further:
/// the reader of the bytes tells an input over its limit by their length.
pub fn read_bounded(path: &str, max_bytes: usize, lang: Lang) -> Result<Vec<u8>, String> {
    let limit = max_bytes as u64 + 1;
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes).map(|_| ()))
    };
    result
        .map(|()| bytes)
        .map_err(|e| read_error(&e, path, lang))
}

/// Why `path` could not be read, in the user's language (the system's own words only for a rare error).
pub fn read_error(e: &std::io::Error, path: &str, lang: Lang) -> String {
    use std::io::ErrorKind::*;
    match (e.kind(), lang) {
        (NotFound, Lang::Zh) => format!("找不到文件 {path}"),
        (NotFound, Lang::En) => format!("cannot read {path}: no such file"),
        (IsADirectory, Lang::Zh) => format!("{path} 是一个目录，不是文件"),
        (IsADirectory, Lang::En) => format!("cannot read {path}: it is a directory, not a file"),
        (PermissionDenied, Lang::Zh) => format!("没有读取 {path} 的权限"),
        (PermissionDenied, Lang::En) => format!("cannot read {path}: permission denied"),
        (_, Lang::Zh) => format!("无法读取 {path}（{e}）"),
        (_, Lang::En) => format!("cannot read {path}: {e}"),
    }
}

/// Why `path` could not be written, in the user's language.
pub fn write_error(e: &std::io::Error, path: &str, lang: Lang) -> String {
    use std::io::ErrorKind::*;
    match (e.kind(), lang) {
        (NotFound, Lang::Zh) => format!("无法写入 {path}：所在的目录不存在"),
        (NotFound, Lang::En) => format!("cannot write {path}: its directory does not exist"),
        (IsADirectory, Lang::Zh) => format!("无法写入 {path}：它是一个目录"),
        (IsADirectory, Lang::En) => format!("cannot write {path}: it is a directory"),
        (PermissionDenied, Lang::Zh) => format!("没有写入 {path} 的权限"),
        (PermissionDenied, Lang::En) => format!("cannot write {path}: permission denied"),
        (_, Lang::Zh) => format!("无法写入 {path}（{e}）"),
        (_, Lang::En) => format!("cannot write {path}: {e}"),
    }
}

/// The report as pretty JSON, to `output` or to standard output; a failure is printed and becomes the exit code.
pub fn write_report(report: &Report, output: Option<&str>, lang: Lang) -> Result<(), ExitCode> {
    let json = serde_json::to_string_pretty(report).map_err(|e| {
        eprintln!("{e}");
        ExitCode::FAILURE
    })?;
    match output {
        Some(path) => std::fs::write(path, json + "\n").map_err(|e| {
            eprintln!("{}", write_error(&e, path, lang));
            ExitCode::FAILURE
        }),
        None => {
            println!("{json}");
            Ok(())
        }
    }
}

//! `bienban convert`: legacy-encoded records to UTF-8. The only command
//! that writes records, and only as asked: a new copy by default; with
//! `--in-place`, the original is kept as `NAME.orig` and the file replaced
//! atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::ConvertArgs;
use crate::common::fs::write_atomically;
use crate::common::i18n::Lang;
use crate::read::legacy::{self, Legacy};
use crate::tr;

/// The converted text: raw legacy bytes are decoded; UTF-8 text that went
/// through a legacy font ("Biªn b¶n") is mapped back.
pub fn convert(bytes: &[u8], from: Legacy) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => legacy::convert_text(text.strip_prefix('\u{feff}').unwrap_or(text), from),
        Err(_) => legacy::decode_bytes(bytes, from),
    }
}

/// `bien-ban.md` → `bien-ban.unicode.md`.
pub fn copy_name(path: &Path) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    path.with_file_name(format!("{stem}.unicode{ext}"))
}

pub fn run(args: &ConvertArgs, l: Lang) -> ExitCode {
    if args.output.is_some() && args.files.len() > 1 {
        eprintln!("{}", tr!(l, "`--output` chỉ dùng với một tệp", "`--output` takes one file only"));
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &args.files {
        if let Err(msg) = convert_one(file, args, l) {
            eprintln!("{}: {msg}", file.display());
            failed = true;
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn convert_one(file: &Path, args: &ConvertArgs, l: Lang) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let text = convert(&bytes, args.from);
    if args.output.as_deref() == Some(Path::new("-")) {
        print!("{text}");
        return Ok(());
    }
    if args.in_place {
        let orig = PathBuf::from(format!("{}.orig", file.display()));
        if orig.exists() {
            return Err(tr!(
                l,
                "{} đã có; không ghi đè bản gốc cũ",
                "{} exists; an earlier original is not overwritten",
                orig.display()
            ));
        }
        std::fs::copy(file, &orig).map_err(|e| e.to_string())?;
        write_atomically(file, text.as_bytes()).map_err(|e| e.to_string())?;
        eprintln!(
            "{}",
            tr!(l, "đã chuyển {} (bản gốc: {})", "converted {} (original kept as {})", file.display(), orig.display())
        );
        return Ok(());
    }
    let out = args.output.clone().unwrap_or_else(|| copy_name(file));
    if out.exists() {
        return Err(tr!(l, "{} đã có; không ghi đè", "{} exists; not overwritten", out.display()));
    }
    write_atomically(&out, text.as_bytes()).map_err(|e| e.to_string())?;
    eprintln!("{}", tr!(l, "đã ghi {}", "wrote {}", out.display()));
    Ok(())
}

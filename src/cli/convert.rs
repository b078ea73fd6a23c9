//! `bienban convert`: legacy-encoded records to UTF-8. The only command
//! that writes records, and only as asked: a new copy by default; with
//! `--in-place`, the original is kept as `NAME.orig` and the file replaced
//! atomically, keeping its mode and owner. A record that is a link is
//! refused (its target is converted by naming it).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::ConvertArgs;
use crate::common::fs::{replace_like, write_new};
use crate::common::i18n::Lang;
use crate::read::legacy::{self, Legacy};
use crate::report::escape::visible;
use crate::tr;

/// The converted text: raw legacy bytes are decoded; UTF-8 text that went
/// through a legacy font ("Biªn b¶n") is mapped back.
pub fn convert(bytes: &[u8], from: Legacy) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => legacy::convert_text(text.strip_prefix('\u{feff}').unwrap_or(text), from),
        Err(_) => legacy::decode_bytes(bytes, from),
    }
}

/// `bien-ban.md` → `bien-ban.unicode.md` (byte for byte: a name that is
/// not UTF-8 keeps its bytes).
pub fn copy_name(path: &Path) -> PathBuf {
    let mut name = path.file_stem().map(OsString::from).unwrap_or_default();
    name.push(".unicode");
    if let Some(ext) = path.extension() {
        name.push(".");
        name.push(ext);
    }
    path.with_file_name(name)
}

/// `bien-ban.md` → `bien-ban.md.orig`, byte for byte.
pub fn orig_name(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".orig");
    PathBuf::from(name)
}

pub fn run(args: &ConvertArgs, l: Lang) -> ExitCode {
    if args.output.is_some() && args.files.len() > 1 {
        eprintln!("{}", tr!(l, "`--output` chỉ dùng với một tệp", "`--output` takes one file only"));
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &args.files {
        if let Err(msg) = convert_one(file, args, l) {
            eprintln!("{}", visible(&format!("{}: {msg}", file.display())));
            failed = true;
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The largest file converted (a record is a few KB).
const MAX_CONVERT: u64 = 64 << 20;

fn convert_one(file: &Path, args: &ConvertArgs, l: Lang) -> Result<(), String> {
    // A record that is a link is refused, not followed: converting in
    // place would replace the link by a file, or write where the link
    // leads, which may lie outside the archive. Convert its target instead.
    let meta = std::fs::symlink_metadata(file).map_err(|e| e.to_string())?;
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(file).map(|t| t.display().to_string()).unwrap_or_default();
        return Err(tr!(
            l,
            "là một liên kết (tới {}); không chuyển đổi — hãy chuyển đổi chính tệp đích",
            "a symbolic link (to {}); not converted — convert its target instead",
            target
        ));
    }
    let bytes = crate::read::file::read_limited(file, MAX_CONVERT).map_err(|e| e.to_string())?;
    let text = convert(&bytes, args.from);
    if args.output.as_deref() == Some(Path::new("-")) {
        print!("{}", text);
        return Ok(());
    }
    let exists = |p: &Path, e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            tr!(l, "{} đã có; không ghi đè", "{} exists; not overwritten", p.display())
        } else {
            tr!(l, "không ghi được {}: {}", "cannot write {}: {}", p.display(), e)
        }
    };
    if args.in_place {
        // The original first, kept whole as NAME.orig (never over anything,
        // not even a dangling link; synced, with the original's mode), then
        // the file replaced atomically with its mode and owner kept, and
        // the folder synced so the rename survives a crash.
        let orig = orig_name(file);
        write_new(&orig, &bytes, Some(&meta)).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                tr!(
                    l,
                    "{} đã có; không ghi đè bản gốc cũ",
                    "{} exists; an earlier original is not overwritten",
                    orig.display()
                )
            } else {
                exists(&orig, e)
            }
        })?;
        replace_like(file, text.as_bytes(), &meta).map_err(|e| exists(file, e))?;
        eprintln!(
            "{}",
            visible(&tr!(
                l,
                "đã chuyển {} (bản gốc: {})",
                "converted {} (original kept as {})",
                file.display(),
                orig.display()
            ))
        );
        return Ok(());
    }
    let out = args.output.clone().unwrap_or_else(|| copy_name(file));
    write_new(&out, text.as_bytes(), None).map_err(|e| exists(&out, e))?;
    eprintln!("{}", visible(&tr!(l, "đã ghi {}", "wrote {}", out.display())));
    Ok(())
}

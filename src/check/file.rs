//! The per-file pipeline: read → decode → find the title → parse → model → rules. Everything
//! a file needs later is owned by its result (findings, the archive
//! summary, suppression scopes) — never the parse tree, never the text —
//! so files are checked in parallel and memory stays small.

use std::path::Path;

use super::result::{FileResult, Options, Scope};
use crate::common::finding::Finding;
use crate::common::span::{line_col, LineIndex};
use crate::model::facts::Facts;
use crate::model::layout::{self, Scan, Skip};
use crate::model::lower;
use crate::model::roster::Roster;
use crate::model::summary::Summary;
use crate::model::Record;
use crate::read::file::{ReadError, Stat};
use crate::read::legacy;
use crate::regulation::profile::Profile;
use crate::rules::{self, encoding, io, syntax, unrecognised_record, Context};
use crate::syntax::parse;

/// What a record is checked against: the regulation's profile and, when
/// the archive has one, its roster.
#[derive(Clone, Copy)]
pub struct Against<'a> {
    pub profile: &'a Profile,
    pub roster: Option<&'a Roster>,
}

impl<'a> Against<'a> {
    /// The profile alone (no roster).
    pub fn profile(profile: &'a Profile) -> Against<'a> {
        Against { profile, roster: None }
    }
}

/// Reads and checks one file. `Err`: the file is not a record, and why.
pub fn check_path(path: &Path, display: &str, against: Against<'_>, opts: Options) -> Result<FileResult, Skip> {
    match read_limited(path, opts) {
        Ok(bytes) => {
            let mut r = check_file(display, &bytes, against, opts)?;
            if r.text.is_none() {
                r.file = Some(path.to_path_buf());
            }
            Ok(r)
        }
        Err(f) => Ok(FileResult::failed(display, None, *f)),
    }
}

/// A file's bytes within the size limit, or the `io` finding that says why not.
pub fn read_limited(path: &Path, opts: Options) -> Result<Vec<u8>, Box<Finding>> {
    read_with_stat(path, opts).map(|(bytes, _)| bytes)
}

/// [`read_limited`], with the file's stat data as it was opened (for the cache).
pub fn read_with_stat(path: &Path, opts: Options) -> Result<(Vec<u8>, Option<Stat>), Box<Finding>> {
    crate::read::file::read_with_stat(path, opts.max_file_size).map_err(|e| {
        Box::new(match e {
            ReadError::Io(e) => io::unreadable(&e, opts.lang),
            ReadError::TooLarge(len) => io::too_large(len, opts.max_file_size, opts.lang),
            ReadError::NotRegular => io::not_regular(opts.lang),
            ReadError::Link => io::outside(opts.lang),
        })
    })
}

/// Checks one file's bytes with the single-record rules. `None`: the file
/// is not a record. Suppressions are applied later, once the archive rules
/// have run (see `archive::pass`).
pub fn check_bytes(display: &str, bytes: &[u8], against: Against<'_>, opts: Options) -> Option<FileResult> {
    check_file(display, bytes, against, opts).ok()
}

/// [`check_bytes`], saying why a file that is not a record was skipped.
pub fn check_file(display: &str, bytes: &[u8], against: Against<'_>, opts: Options) -> Result<FileResult, Skip> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    // UTF-16 (Notepad's "Unicode") is text, not a binary file: decoded, and
    // kept with the result, since positions refer to the decoded text.
    // One vectorised search for a NUL (the memchr crate; the slice's own
    // `contains` is several times slower on every file read).
    let nul = memchr::memchr(0, head);
    let wide = (head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) || nul.is_some())
        .then(|| crate::read::decode::utf16(bytes))
        .flatten();
    if let Some(text) = wide {
        let mut r = check_text(display, &text, against, opts)?;
        r.text = Some(text);
        return Ok(r);
    }
    // Binary files named `.md` (a NUL never occurs in text).
    if let Some(at) = nul {
        let mut f = encoding::binary(at, opts.lang);
        // Positioned as the report shows it (no snippet is ever shown of a binary file).
        let before = String::from_utf8_lossy(&head[..at]);
        (f.line, f.column) = line_col(&before, before.len());
        return Ok(FileResult::failed(display, None, f));
    }
    match (utf8(bytes), opts.encoding) {
        (Ok(t), _) => check_text(display, t, against, opts),
        // `--encoding`: read it anyway, decoded (positions then refer to the decoded text).
        (Err(_), Some(from)) => check_text(display, &legacy::decode_bytes(bytes, from), against, opts),
        (Err(e), None) => {
            let mut f = encoding::not_utf8(e.valid_up_to(), legacy::detect_bytes(bytes), opts.lang);
            let (line, column) = line_col(&String::from_utf8_lossy(bytes), e.valid_up_to());
            (f.line, f.column) = (line, column);
            Ok(FileResult::failed(display, None, f))
        }
    }
}

fn check_text(display: &str, text: &str, against: Against<'_>, opts: Options) -> Result<FileResult, Skip> {
    let Against { profile, roster } = against;
    // Lone-CR line ends make the whole record one line: say so when, read
    // with proper line ends, it would be a record (rather than skip it).
    if cr_line_ends(text)
        && matches!(layout::scan(&text.replace('\r', "\n")), Scan::Record(_) | Scan::Unrecognised { .. })
    {
        return Ok(FileResult::failed(display, None, encoding::cr_line_ends(opts.lang)));
    }
    let title = match layout::scan(text) {
        Scan::Record(title) => title,
        Scan::Unrecognised { why, span } => {
            let mut f = unrecognised_record::found(why, span, opts.lang);
            (f.line, f.column) = line_col(text, f.span.start);
            return Ok(FileResult::failed(display, None, f));
        }
        Scan::Skip(why) => {
            // Legacy-font text stored as UTF-8 ("Biªn b¶n"): its title does not
            // read as a record, so look before skipping it.
            let Some(from) = legacy::detect_text(text) else { return Err(why) };
            return Ok(FileResult::failed(display, None, encoding::mojibake(from, opts.lang)));
        }
    };
    let lines = match parse::parse(text) {
        Ok(lines) => lines,
        Err(failure) => {
            let mut f = syntax::unparsable(&failure, opts.lang);
            (f.line, f.column) = line_col(text, f.span.start);
            return Ok(FileResult::failed(display, None, f));
        }
    };
    let rec = lower::lower(&lines, text, &title, profile);
    let cx = Context { profile, roster, lang: opts.lang };
    let facts = Facts::of(&rec, profile, roster);
    let mut findings = rules::check_record(&rec, &facts, &cx);
    let lines = LineIndex::new(text);
    for f in &mut findings {
        (f.line, f.column) = lines.line_col(f.span.start);
    }
    Ok(FileResult {
        path: display.to_string(),
        file: None,
        text: None,
        findings,
        suppressed: Vec::new(),
        summary: Some(std::sync::Arc::new(Summary::of(&rec, &facts, profile, &lines))),
        // Item spans only matter to item-level suppressions.
        items: if rec.suppressions.is_empty() { Vec::new() } else { rec.items.iter().map(|i| i.span).collect() },
        suppressions: rec.suppressions.iter().map(|s| Scope::of(s, &lines)).collect(),
    })
}

/// The record in `bytes`, read but not checked (`bienban roster init`
/// gathers the names it lists). `None`: not a record, or not text.
pub fn record_of(bytes: &[u8], profile: &Profile, opts: Options) -> Option<Record> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let text: std::borrow::Cow<'_, str> = if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        crate::read::decode::utf16(bytes)?.into()
    } else {
        match (utf8(bytes), opts.encoding) {
            (Ok(t), _) => t.into(),
            (Err(_), Some(from)) => legacy::decode_bytes(bytes, from).into(),
            (Err(_), None) => return None,
        }
    };
    let Scan::Record(title) = layout::scan(&text) else { return None };
    let lines = parse::parse(&text).ok()?;
    Some(lower::lower(&lines, &text, &title, profile))
}

/// Lines that end with a lone CR and never with LF (classic Mac OS).
fn cr_line_ends(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr(b'\n', b).is_none() && memchr::memchr(b'\r', b).is_some_and(|i| i + 1 < b.len())
}

/// UTF-8 validation: SIMD for the common valid case (Vietnamese text is
/// mostly multi-byte, where the standard library's check is slow); the
/// standard library's error, which knows where the bad byte is, otherwise.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

//! The per-file pipeline: read → sniff → parse → model → rules. Everything
//! a file needs later is owned by its result (findings, the archive
//! summary, suppression scopes) — never the parse tree, never the text —
//! so files are checked in parallel and memory stays small.

use std::path::{Path, PathBuf};

use crate::facts::Facts;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::index::Summary;
use crate::lower;
use crate::parse;
use crate::profile::Profile;
use crate::rules::{self, encoding, io, syntax, Context};
use crate::span::{line_col, Span};
use crate::suppress::{Applied, Scope};

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub lang: Lang,
    /// `--no-allow`: ignore every suppression (audit mode).
    pub no_allow: bool,
}

/// The result of checking one file.
#[derive(Debug)]
pub struct FileResult {
    /// The path as named or as found under a named folder.
    pub path: String,
    /// Where to read the text again to show snippets (`None` for text that
    /// came from memory or a file that could not be read).
    pub file: Option<PathBuf>,
    /// The text itself, only for text that came from standard input.
    pub text: Option<String>,
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Applied>,
    /// For the cross-record rules; `None` when the file was not a readable record.
    pub summary: Option<Summary>,
    pub suppressions: Vec<Scope>,
    /// Spans of the agenda items, for item-level suppressions.
    pub items: Vec<Span>,
}

impl FileResult {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// A file that yielded one finding and nothing else (unreadable, not UTF-8, unparsable).
    pub fn failed(path: &str, file: Option<&Path>, finding: Finding) -> FileResult {
        FileResult {
            path: path.to_string(),
            file: file.map(Path::to_path_buf),
            text: None,
            findings: vec![finding],
            suppressed: Vec::new(),
            summary: None,
            suppressions: Vec::new(),
            items: Vec::new(),
        }
    }
}

/// Reads and checks one file. `None`: the file is not a record.
pub fn check_path(path: &Path, display: &str, profile: &Profile, opts: Options) -> Option<FileResult> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let mut r = check_bytes(display, &bytes, profile, opts)?;
            r.file = Some(path.to_path_buf());
            Some(r)
        }
        Err(e) => Some(FileResult::failed(display, None, io::unreadable(&e, opts.lang))),
    }
}

/// Checks one file's bytes with the single-record rules. `None`: the file
/// is not a record. Suppressions are applied later, once the archive rules
/// have run (see `archive.rs`).
pub fn check_bytes(display: &str, bytes: &[u8], profile: &Profile, opts: Options) -> Option<FileResult> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let mut f = encoding::not_utf8(e.valid_up_to(), opts.lang);
            let (line, column) = line_col(&String::from_utf8_lossy(bytes), e.valid_up_to());
            (f.line, f.column) = (line, column);
            return Some(FileResult::failed(display, None, f));
        }
    };
    lower::sniff(text)?;
    let lines = match parse::parse(text) {
        Ok(lines) => lines,
        Err(failure) => {
            let mut f = syntax::unparsable(&failure, opts.lang);
            (f.line, f.column) = line_col(text, f.span.start);
            return Some(FileResult::failed(display, None, f));
        }
    };
    let rec = lower::lower(&lines, profile)?;
    let cx = Context { profile, lang: opts.lang };
    let facts = Facts::of(&rec, profile);
    let mut findings = rules::check_record(&rec, &facts, &cx);
    for f in &mut findings {
        (f.line, f.column) = line_col(text, f.span.start);
    }
    Some(FileResult {
        path: display.to_string(),
        file: None,
        text: None,
        findings,
        suppressed: Vec::new(),
        summary: Some(Summary::of(&rec, &facts, profile, text)),
        items: rec.items.iter().map(|i| i.span).collect(),
        suppressions: rec.suppressions.iter().map(|s| Scope::of(s, text)).collect(),
    })
}

/// Checks one record as an archive of its own (what `bienban check FILE`
/// does without a bienban.toml): every rule, then its suppressions.
pub fn check_alone(display: &str, bytes: &[u8], profile: &Profile, opts: Options) -> Option<FileResult> {
    crate::archive::check_texts(&[(display, bytes)], profile, &crate::config::Config::default(), opts).pop()
}

//! The per-file pipeline: read → parse → model → rules → suppressions.
//! Everything a file needs is owned by its result, so files can be checked
//! in parallel (pest's parse tree never leaves this function).

use std::path::Path;

use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::lower;
use crate::parse;
use crate::profile::Profile;
use crate::rules::{self, encoding, io, syntax, Context};
use crate::suppress::{self, Applied};

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
    /// The text, for rendering snippets (lossy for non-UTF-8 files; `None`
    /// when the file could not be read).
    pub text: Option<String>,
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Applied>,
}

impl FileResult {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }
}

/// Reads and checks one file. `None`: the file is not a record.
pub fn check_path(
    path: &Path,
    display: &str,
    profile: &Profile,
    opts: Options,
) -> Option<FileResult> {
    match std::fs::read(path) {
        Ok(bytes) => check_bytes(display, &bytes, profile, opts),
        Err(e) => Some(FileResult {
            path: display.to_string(),
            text: None,
            findings: vec![io::unreadable(&e, opts.lang)],
            suppressed: Vec::new(),
        }),
    }
}

/// Checks one file's bytes. `None`: the file is not a record.
pub fn check_bytes(
    display: &str,
    bytes: &[u8],
    profile: &Profile,
    opts: Options,
) -> Option<FileResult> {
    let result = |text: String, findings: Vec<Finding>, suppressed| {
        Some(FileResult {
            path: display.to_string(),
            text: Some(text),
            findings,
            suppressed,
        })
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            return result(
                lossy,
                vec![encoding::not_utf8(e.valid_up_to(), opts.lang)],
                Vec::new(),
            );
        }
    };
    lower::sniff(text)?;
    let lines = match parse::parse(text) {
        Ok(lines) => lines,
        Err(failure) => {
            return result(
                text.to_string(),
                vec![syntax::unparsable(&failure, opts.lang)],
                Vec::new(),
            )
        }
    };
    let rec = lower::lower(&lines, profile)?;
    let cx = Context {
        profile,
        lang: opts.lang,
    };
    let findings = rules::check_record(&rec, &cx);
    let (mut findings, suppressed) = if opts.no_allow {
        (findings, Vec::new())
    } else {
        suppress::apply(&rec, findings, opts.lang)
    };
    findings.sort_by_key(|f| (f.span.start, f.rule));
    result(text.to_string(), findings, suppressed)
}

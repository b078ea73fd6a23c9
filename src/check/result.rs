//! What checking one file produces: its findings and everything the
//! archive pass and the report need later, and the options of the check.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::{Pos, Span};
use crate::model::summary::Summary;
use crate::read::legacy::Legacy;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    /// `--no-allow`: ignore every suppression (audit mode).
    pub no_allow: bool,
    /// Larger files are not read (`io`): a record is a few kilobytes.
    pub max_file_size: u64,
    /// `--encoding`: read files that are not UTF-8 in this legacy encoding.
    pub encoding: Option<Legacy>,
}

/// 4 MiB: a thousand times a long record, far below what would strain memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;

impl Default for Options {
    fn default() -> Options {
        Options { lang: Lang::Vi, no_allow: false, max_file_size: DEFAULT_MAX_FILE_SIZE, encoding: None }
    }
}

impl Options {
    pub fn new(lang: Lang, no_allow: bool) -> Options {
        Options { lang, no_allow, ..Options::default() }
    }
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
    /// Shared with the cache entry it came from or goes to: no copy per hit.
    pub summary: Option<std::sync::Arc<Summary>>,
    pub suppressions: Vec<Scope>,
    /// Spans of the agenda items, for item-level suppressions.
    pub items: Vec<Span>,
}

impl FileResult {
    /// What the report needs, once the archive rules have run: the summary
    /// and the suppression scopes are dropped, so that memory after an
    /// archive's pass grows with the findings, not with the archive.
    pub fn shed(&mut self) {
        self.summary = None;
        self.suppressions = Vec::new();
        self.items = Vec::new();
    }

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

/// A suppression comment, with positions precomputed (the text is not kept).
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Scope {
    pub rules: Vec<(String, Pos)>,
    pub reason: String,
    pub pos: Pos,
    /// `None`: the whole file; `Some(i)`: agenda item `i`.
    pub item: Option<usize>,
}

impl Scope {
    pub fn of(s: &crate::model::Suppression, lines: &crate::common::span::LineIndex<'_>) -> Scope {
        Scope {
            rules: s.rules.iter().map(|r| (r.value.clone(), lines.pos(r.span))).collect(),
            reason: s.reason.clone(),
            pos: lines.pos(s.span),
            item: s.item,
        }
    }
}

/// A finding that a suppression set aside, kept for audits.
#[derive(Debug, Clone, Serialize)]
pub struct Applied {
    pub reason: String,
    /// Where the suppression comment is (empty for the baseline).
    #[serde(skip)]
    pub span: Span,
    pub finding: Finding,
    /// Set aside by the archive's baseline (`bienban-baseline.json`), not
    /// by an `allow` comment in the record.
    #[serde(skip)]
    pub baseline: bool,
}

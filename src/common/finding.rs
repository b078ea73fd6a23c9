//! A finding: what a rule reports, before it is rendered.

use serde::{Deserialize, Serialize};

use crate::common::i18n::Lang;
use crate::common::span::{Pos, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// The severity in the reader's language.
    pub fn name(self, l: Lang) -> &'static str {
        match (self, l) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        }
    }
}

/// A rule's level as configured: in `bienban.toml`'s `[rules]`, or as a
/// profile's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// Another file that a cross-record finding involves: the meeting that
/// should have listed an urgent decision, the other record with the same
/// number, the meeting before a gap. `bienban check FILE…` reports a
/// finding when any file it involves is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// The file as the run shows it (named, or found under a named folder or the archive's root).
    pub path: String,
    pub pos: Pos,
    /// What that place is, in the reader's language (like a label).
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where the finding points; the first label is drawn there.
    pub span: Span,
    pub label: String,
    /// Other lines that matter (e.g. the members line for `quorum`).
    pub labels: Vec<Label>,
    /// What to write instead, then the article quoted.
    pub help: Option<String>,
    pub article: Option<String>,
    /// 1-based line and column (code points) of `span.start`, filled in by
    /// the pipeline, which has the text.
    pub line: usize,
    pub column: usize,
    /// Other files involved (archive rules only). Not cached: the cache
    /// keeps results from before the archive pass, which adds these.
    #[serde(skip)]
    pub related: Vec<Related>,
}

impl Finding {
    pub fn new(rule: &'static str, severity: Severity, span: Span, message: String) -> Self {
        Finding {
            rule,
            severity,
            message,
            span,
            label: String::new(),
            labels: Vec::new(),
            help: None,
            article: None,
            line: 0,
            column: 0,
            related: Vec::new(),
        }
    }
    pub fn label(mut self, text: String) -> Self {
        self.label = text;
        self
    }
    pub fn also(mut self, span: Span, text: String) -> Self {
        self.labels.push(Label { span, text });
        self
    }
    pub fn help(mut self, help: String) -> Self {
        self.help = Some(help);
        self
    }
    /// Points at `pos` (a place in a file known from the archive index).
    pub fn at(mut self, pos: Pos) -> Self {
        self.span = pos.span;
        self.line = pos.line;
        self.column = pos.column;
        self
    }
    /// Another file this finding involves, at `pos`, described by `text`.
    pub fn related(mut self, path: &str, pos: Pos, text: String) -> Self {
        self.related.push(Related { path: path.to_string(), pos, text });
        self
    }
    /// Whether the finding involves the file shown as `path` (its own or a related one).
    pub fn involves(&self, own: &str, path: &str) -> bool {
        own == path || self.related.iter().any(|r| r.path == path)
    }
    pub fn article(mut self, article: &str) -> Self {
        self.article = Some(article.to_string());
        self
    }
}

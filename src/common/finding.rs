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
    pub fn article(mut self, article: &str) -> Self {
        self.article = Some(article.to_string());
        self
    }
}

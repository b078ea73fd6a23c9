//! A finding: what a rule reports, before it is rendered.

use serde::{Deserialize, Serialize};

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
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
    pub fn at(mut self, pos: crate::index::Pos) -> Self {
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

/// A finding as read back from the cache: the rule's name must be one of
/// the registered rules (else the cache entry is not trusted).
#[derive(Deserialize)]
struct Stored {
    rule: String,
    severity: Severity,
    message: String,
    span: Span,
    label: String,
    labels: Vec<Label>,
    help: Option<String>,
    article: Option<String>,
    line: usize,
    column: usize,
}

impl TryFrom<Stored> for Finding {
    type Error = String;
    fn try_from(s: Stored) -> Result<Finding, String> {
        let rule = crate::rules::docs()
            .map(|d| d.name)
            .find(|n| *n == s.rule)
            .ok_or_else(|| format!("unknown rule `{}`", s.rule))?;
        Ok(Finding {
            rule,
            severity: s.severity,
            message: s.message,
            span: s.span,
            label: s.label,
            labels: s.labels,
            help: s.help,
            article: s.article,
            line: s.line,
            column: s.column,
        })
    }
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Finding, D::Error> {
        Finding::try_from(Stored::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

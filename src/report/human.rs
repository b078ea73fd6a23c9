//! Human output: miette's graphical report, built from byte offsets (not
//! from pest's error conversion, which mislabels lines and treats character
//! columns as bytes).

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};

use crate::check::FileResult;
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::line_col;
use crate::tr;

/// The file's text for miette. miette computes the column in the
/// `[file:line:col]` header in bytes; clerks count characters, so the
/// column is recomputed in code points (the same as the JSON output).
struct Source {
    name: String,
    text: String,
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let (_, col) = line_col(&self.text, span.offset());
        let column = if before == 0 { col - 1 } else { inner.column() };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

pub struct Style {
    pub color: bool,
    pub width: usize,
    pub lang: Lang,
}

/// One finding as a miette diagnostic.
struct Report<'a> {
    finding: &'a Finding,
    source: Option<&'a Source>,
    help: Option<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("bienban::{}", self.finding.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let text = &self.source?.text;
        let f = self.finding;
        let span = crate::common::span::clamp(text, f.span);
        let first = LabeledSpan::new_primary_with_span(
            Some(f.label.clone()).filter(|l| !l.is_empty()),
            (span.start, span.len()),
        );
        let rest = f.labels.iter().map(|l| {
            let s = crate::common::span::clamp(text, l.span);
            LabeledSpan::new_with_span(Some(l.text.clone()), (s.start, s.len()))
        });
        Some(Box::new(std::iter::once(first).chain(rest)))
    }
}

/// The text to show snippets from: read again from disk (results do not
/// keep texts), lossily for a file that is not UTF-8.
pub fn text_of(r: &FileResult) -> Option<String> {
    if let Some(t) = &r.text {
        return Some(t.clone());
    }
    r.file.as_ref().and_then(|p| std::fs::read(p).ok()).map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Renders every finding of one file; `text` is the file's text, if it can be shown.
pub fn render_file(r: &FileResult, text: Option<&str>, style: &Style, out: &mut String) {
    if r.findings.is_empty() {
        return;
    }
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false);
    let source = text.map(|t| Source { name: r.path.clone(), text: t.to_string() });
    for f in &r.findings {
        let more = format!(
            "{}{}",
            related_lines(f, style.lang),
            tr!(style.lang, "xem thêm: bienban explain {}", "more: bienban explain {}", f.rule)
        );
        let help = Some(match &f.help {
            Some(h) => format!("{h}\n{more}"),
            None => more,
        });
        let report = Report { finding: f, source: source.as_ref(), help };
        if source.is_none() {
            // No text to show: name the file in the message line itself.
            out.push_str(&format!("{}: ", r.path));
        }
        let _ = handler.render_report(out, &report);
        out.push('\n');
    }
}

/// One line per other file the finding involves: `liên quan: path:line: what`.
fn related_lines(f: &Finding, lang: Lang) -> String {
    f.related
        .iter()
        .map(|r| tr!(lang, "liên quan: {}:{}: {}\n", "related: {}:{}: {}\n", r.path, r.pos.line, r.text))
        .collect()
}

/// A problem outside the records (bienban.toml, a profile): a miette
/// report with the offending line, code `bienban::config`.
pub fn render_problem(
    path: &str,
    text: &str,
    span: Option<std::ops::Range<usize>>,
    message: &str,
    help: Option<&str>,
    lang: Lang,
    color: bool,
) -> String {
    let span = span.unwrap_or(0..0);
    let f = Finding {
        rule: "config",
        severity: Severity::Error,
        message: tr!(lang, "{}: {}", "{}: {}", path, message),
        span: crate::common::span::Span::new(span.start.min(text.len()), span.end.min(text.len())),
        label: tr!(lang, "ở đây", "here"),
        labels: Vec::new(),
        help: help.map(str::to_string),
        article: None,
        line: 0,
        column: 0,
        related: Vec::new(),
    };
    let source = (!text.is_empty()).then(|| Source { name: path.to_string(), text: text.to_string() });
    let report = Report { finding: &f, source: source.as_ref(), help: f.help.clone() };
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let mut out = String::new();
    let _ =
        GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false).render_report(&mut out, &report);
    out
}

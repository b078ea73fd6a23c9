//! Human output: miette's graphical report, built from byte offsets (not
//! from pest's error conversion, which mislabels lines and treats character
//! columns as bytes).
//!
//! miette is never handed the file itself. For each finding an
//! [`Excerpt`] holds only the lines its labels need (and one line of
//! context around them), each cut to a window around the labels when it is
//! long and with every control character made visible; positions come from
//! the file's [`LineIndex`], built once. So a report costs the same for
//! every finding whatever the file — a finding at column 3,900,000 shows
//! about a hundred and fifty characters, not the line — and nothing in a
//! record can move the cursor or start a line of the report.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};

use crate::check::FileResult;
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::{clamp, floor_char_boundary, LineIndex, Span};
use crate::report::escape::{is_hostile, push_escape, visible, visible_clipped};
use crate::tr;

/// Lines up to this many bytes are shown whole.
const LONG_LINE: usize = 512;
/// On a longer line, characters shown before and after the first label.
const BEFORE: usize = 60;
const AFTER: usize = 100;
/// Messages, labels and help longer than this (in characters) are cut.
const MAX_TEXT: usize = 1000;
/// A label spanning more lines than this is drawn on its first line only.
const MAX_LABEL_LINES: usize = 50;
/// The largest file read again to show snippets.
const MAX_SHOWN_FILE: u64 = 1 << 30;

/// What miette renders for one finding: the lines it needs, shown safely.
/// Offsets in it are offsets of `text` (the excerpt), not of the file.
struct Excerpt {
    name: String,
    text: String,
    blocks: Vec<Block>,
    /// Where each label starts, in the excerpt, and its 1-based line and
    /// column (code points) in the file, sorted by the first.
    starts: Vec<(usize, (usize, usize))>,
}

/// Consecutive lines of the file, as they sit in the excerpt.
struct Block {
    /// 1-based number of the first line in the file.
    first_line: usize,
    /// Start offset (in the excerpt) of each line; the block ends at `end`,
    /// the `\n` of its last line.
    starts: Vec<usize>,
    end: usize,
}

impl Excerpt {
    fn block_of(&self, offset: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.starts[0] <= offset);
        self.blocks.get(i.checked_sub(1)?).filter(|b| offset <= b.end)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let b = self.block_of(span.offset()).ok_or(MietteError::OutOfBounds)?;
        let line_of = |o: usize| b.starts.partition_point(|&s| s <= o).saturating_sub(1);
        let (first, last) = (line_of(span.offset()), line_of((span.offset() + span.len()).min(b.end)));
        let from = first.saturating_sub(before);
        let to = (last + after).min(b.starts.len() - 1);
        // Up to and with the `\n` of the last line.
        let line_end = |i: usize| b.starts.get(i + 1).map_or(b.end, |&s| s - 1) + 1;
        let (start, end) = if before == 0 { (span.offset(), line_end(last)) } else { (b.starts[from], line_end(to)) };
        let end = end.max(start);
        // The column of the header is the file's, in code points.
        let column = match self.starts.binary_search_by_key(&span.offset(), |s| s.0) {
            Ok(i) if before == 0 => self.starts[i].1 .1 - 1,
            _ => 0,
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[start..end],
            (start, end - start).into(),
            b.first_line - 1 + if before == 0 { first } else { from },
            column,
            to - from + 1,
        )))
    }
}

/// Builds the excerpt of `spans` (the primary label first) in a file.
struct ExcerptBuilder<'t> {
    index: &'t LineIndex<'t>,
}

impl<'t> ExcerptBuilder<'t> {
    /// The excerpt, and each span's place in it.
    fn build(&self, name: String, spans: &[Span]) -> (Excerpt, Vec<Span>) {
        let text = self.index.text();
        let line_of = |o: usize| self.index.line_col(o).0;
        // Spans made safe, each cut to its first MAX_LABEL_LINES lines.
        let spans: Vec<(Span, usize, usize)> = spans
            .iter()
            .map(|&s| {
                let s = clamp(text, s);
                let first = line_of(s.start);
                let last_byte = floor_char_boundary(text, s.end.saturating_sub(1).max(s.start));
                let mut last = line_of(last_byte);
                let mut s = s;
                if last - first >= MAX_LABEL_LINES {
                    last = first;
                    s.end = self.index.line_span(first).end;
                }
                (s, first, last)
            })
            .collect();
        // The lines to show: every label's lines and one on either side, in
        // runs of consecutive lines.
        let mut ranges: Vec<(usize, usize)> = spans
            .iter()
            .map(|&(_, first, last)| (first.saturating_sub(1).max(1), (last + 1).min(self.index.lines())))
            .collect();
        ranges.sort_unstable();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (a, b) in ranges {
            match runs.last_mut() {
                Some(r) if a <= r.1 + 1 => r.1 = r.1.max(b),
                _ => runs.push((a, b)),
            }
        }
        // Every label end point, to be found again in the excerpt.
        let mut points: Vec<usize> = spans.iter().flat_map(|(s, _, _)| [s.start, s.end]).collect();
        points.sort_unstable();
        points.dedup();
        let mut mapped = vec![0usize; points.len()];
        let mut out = String::new();
        let mut blocks = Vec::with_capacity(runs.len());
        // Every line ends with `\n` (so that an empty last line still shows).
        for (a, b) in runs {
            let mut starts = Vec::with_capacity(b - a + 1);
            for line in a..=b {
                starts.push(out.len());
                self.push_line(line, &spans, &points, &mut mapped, &mut out);
                out.push('\n');
            }
            blocks.push(Block { first_line: a, starts, end: out.len() - 1 });
        }
        let map = |o: usize| mapped[points.binary_search(&o).unwrap_or(0)];
        let placed = spans.iter().map(|(s, _, _)| Span::new(map(s.start), map(s.end).max(map(s.start)))).collect();
        let mut starts: Vec<(usize, (usize, usize))> =
            spans.iter().map(|(s, _, _)| (map(s.start), self.index.line_col(s.start))).collect();
        starts.sort_unstable();
        (Excerpt { name, text: out, blocks, starts }, placed)
    }

    /// Appends file line `line` as shown (cut to a window if long, controls
    /// escaped), and records where the label points on it land.
    fn push_line(
        &self,
        line: usize,
        spans: &[(Span, usize, usize)],
        points: &[usize],
        mapped: &mut [usize],
        out: &mut String,
    ) {
        let text = self.index.text();
        let whole = self.index.line_span(line);
        // A CRLF line shows without its CR.
        let end = if text[whole.start..whole.end].ends_with('\r') && whole.end < text.len() {
            whole.end - 1
        } else {
            whole.end
        };
        let (mut from, mut to) = (whole.start, end);
        if to - from > LONG_LINE {
            // The window: around the first label that starts on this line.
            let anchor = spans.iter().map(|(s, _, _)| s.start).find(|&s| (from..=to).contains(&s)).unwrap_or(from);
            let back = text[from..anchor].char_indices().rev().nth(BEFORE - 1).map_or(from, |(i, _)| from + i);
            let fwd = text[anchor..to].char_indices().nth(AFTER).map_or(to, |(i, _)| anchor + i);
            (from, to) = (back, fwd);
        }
        let line_start = out.len();
        let cut_before = from > whole.start;
        let cut_after = to < end;
        if cut_before {
            out.push('…');
        }
        // Points before the window land on its start; after it, on its end.
        let lo = points.partition_point(|&p| p < whole.start);
        let hi = points.partition_point(|&p| p <= whole.end.max(end) + 1);
        let mut k = lo;
        for (i, c) in text[from..to].char_indices() {
            let at = from + i;
            while k < hi && points[k] <= at {
                mapped[k] = if points[k] < from { line_start } else { out.len() };
                k += 1;
            }
            if is_hostile(c) && c != '\t' {
                push_escape(out, c);
            } else {
                out.push(c);
            }
        }
        while k < hi && points[k] <= to {
            mapped[k] = if points[k] < from { line_start } else { out.len() };
            k += 1;
        }
        if cut_after {
            out.push('…');
        }
        while k < hi {
            mapped[k] = out.len();
            k += 1;
        }
    }
}

pub struct Style {
    pub color: bool,
    pub width: usize,
    pub lang: Lang,
}

/// One finding as a miette diagnostic.
struct Report<'a> {
    code: String,
    message: String,
    severity: Severity,
    source: Option<&'a Excerpt>,
    labels: Vec<(Span, String)>,
    help: Option<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
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
        self.source?;
        let mut labels = self.labels.iter();
        let (first, text) = labels.next()?;
        let first = LabeledSpan::new_primary_with_span(
            Some(text.clone()).filter(|l| !l.is_empty()),
            (first.start, first.len()),
        );
        let rest = labels.map(|(s, t)| LabeledSpan::new_with_span(Some(t.clone()), (s.start, s.len())));
        Some(Box::new(std::iter::once(first).chain(rest)))
    }
}

/// Whether a result is about the file, not its content (unreadable, not a
/// regular file, a link out of the archive, binary, not UTF-8, …): such a
/// file is reported by its path and the reason, never with its content.
pub fn opaque(r: &FileResult) -> bool {
    r.summary.is_none()
        && r.findings.iter().chain(r.suppressed.iter().map(|a| &a.finding)).all(|f| matches!(f.rule, "io" | "encoding"))
}

/// The text to show snippets from: read again from disk (results do not
/// keep texts), lossily for a file that is not UTF-8; never for an opaque
/// result, and only from a regular file (through no link).
pub fn text_of(r: &FileResult) -> Option<String> {
    if opaque(r) {
        return None;
    }
    if let Some(t) = &r.text {
        return Some(t.clone());
    }
    let bytes = crate::read::file::read_limited(r.file.as_ref()?, MAX_SHOWN_FILE).ok()?;
    Some(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Renders every finding of one file; `text` is the file's text, if it can be shown.
pub fn render_file(r: &FileResult, text: Option<&str>, style: &Style, out: &mut String) {
    if r.findings.is_empty() {
        return;
    }
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false);
    let text = text.filter(|_| !opaque(r));
    let index = text.map(LineIndex::new);
    let name = visible(&r.path).into_owned();
    for f in &r.findings {
        let more = format!(
            "{}{}",
            related_lines(f, style.lang),
            tr!(style.lang, "xem thêm: bienban explain {}", "more: bienban explain {}", f.rule)
        );
        let help = match &f.help {
            Some(h) => format!("{}\n{more}", visible_clipped(h, MAX_TEXT)),
            None => more,
        };
        render_one(&handler, f, &name, index.as_ref(), help, out);
    }
}

fn render_one(
    handler: &GraphicalReportHandler,
    f: &Finding,
    name: &str,
    index: Option<&LineIndex<'_>>,
    help: String,
    out: &mut String,
) {
    let message = visible_clipped(&f.message, MAX_TEXT);
    let texts: Vec<String> = std::iter::once(&f.label)
        .chain(f.labels.iter().map(|l| &l.text))
        .map(|t| visible_clipped(t, MAX_TEXT).into_owned())
        .collect();
    let spans: Vec<Span> = std::iter::once(f.span).chain(f.labels.iter().map(|l| l.span)).collect();
    let excerpt = index.map(|index| ExcerptBuilder { index }.build(name.to_string(), &spans));
    let report = match &excerpt {
        Some((excerpt, placed)) => Report {
            code: format!("bienban::{}", f.rule),
            message: message.into_owned(),
            severity: f.severity,
            source: Some(excerpt),
            labels: placed.iter().copied().zip(texts).collect(),
            help: Some(help),
        },
        // No text to show: the message names the file and the place.
        None => Report {
            code: format!("bienban::{}", f.rule),
            message: format!("{name}:{}:{}: {message}", f.line.max(1), f.column.max(1)),
            severity: f.severity,
            source: None,
            labels: Vec::new(),
            help: Some(help),
        },
    };
    let mut one = String::new();
    let _ = handler.render_report(&mut one, &report);
    guard_help(&one, out);
    out.push('\n');
}

/// Copies a rendered report, giving the help's wrapped lines a gutter: a
/// wrapped line would otherwise begin (after its indent, which CI runners
/// strip) with whatever word of the help came first, and a word from a
/// record could be a workflow command (`::error::…`).
fn guard_help(rendered: &str, out: &mut String) {
    let mut in_help = false;
    for line in rendered.split_inclusive('\n') {
        if in_help {
            if let Some(rest) = line.strip_prefix("        ") {
                out.push_str("      │ ");
                out.push_str(rest);
                continue;
            }
        } else if strip_ansi(line).starts_with("  help: ") {
            in_help = true;
        }
        out.push_str(line);
    }
}

/// `s` without ANSI colour sequences (ours: miette's styles).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// One line per other file the finding involves: `liên quan: path:line: what`
/// (the path and text made visible, like everything from the archive).
fn related_lines(f: &Finding, lang: Lang) -> String {
    f.related
        .iter()
        .map(|r| {
            tr!(
                lang,
                "liên quan: {}:{}: {}\n",
                "related: {}:{}: {}\n",
                visible(&r.path),
                r.pos.line,
                visible_clipped(&r.text, MAX_TEXT)
            )
        })
        .collect()
}

/// A problem outside the records (bienban.toml, a profile): a miette
/// report with the offending line, code `bienban::config`. `text` is
/// `None` when the file may not be shown (it is not a TOML file of the
/// archive, or could not be read).
pub fn render_problem(
    path: &str,
    text: Option<&str>,
    span: Option<std::ops::Range<usize>>,
    message: &str,
    help: Option<&str>,
    lang: Lang,
    color: bool,
) -> String {
    let name = visible(path).into_owned();
    let message = visible_clipped(message, MAX_TEXT);
    let help = help.map(|h| visible_clipped(h, MAX_TEXT).into_owned());
    let index = text.filter(|t| !t.is_empty()).map(LineIndex::new);
    let span = span.unwrap_or(0..0);
    let span = Span::new(span.start, span.end.max(span.start));
    let excerpt = index.as_ref().map(|index| ExcerptBuilder { index }.build(name.clone(), &[span]));
    let report = Report {
        code: "bienban::config".to_string(),
        message: tr!(lang, "{}: {}", "{}: {}", name, message),
        severity: Severity::Error,
        source: excerpt.as_ref().map(|e| &e.0),
        labels: excerpt.as_ref().map(|e| vec![(e.1[0], tr!(lang, "ở đây", "here"))]).unwrap_or_default(),
        help,
    };
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let mut one = String::new();
    let _ =
        GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false).render_report(&mut one, &report);
    let mut out = String::new();
    guard_help(&one, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, spans: &[Span]) -> (Excerpt, Vec<Span>) {
        let index = LineIndex::new(text);
        ExcerptBuilder { index: &index }.build("f.md".into(), spans)
    }

    #[test]
    fn long_lines_are_cut_around_the_label() {
        let mut t = String::from("# Biên bản\n");
        t.push_str(&"x".repeat(200_000));
        let at = t.len();
        t.push_str("HERE");
        t.push_str(&"y".repeat(200_000));
        t.push_str("\nend\n");
        let (e, placed) = excerpt(&t, &[Span::new(at, at + 4)]);
        assert!(e.text.len() < 1000, "{}", e.text.len());
        assert_eq!(&e.text[placed[0].start..placed[0].end], "HERE");
        assert_eq!(e.starts[0].1, (2, 200_001));
        assert!(e.text.starts_with("# Biên bản\n…x") && e.text.ends_with("y…\nend\n"), "{}", e.text);
    }

    #[test]
    fn controls_are_escaped_and_labels_follow() {
        let t = "a\u{1b}[2J\rb\u{7}c\r\nnext";
        let at = t.find('c').unwrap();
        let (e, placed) = excerpt(t, &[Span::new(at, at + 1)]);
        assert_eq!(e.text, "a\\u{1b}[2J\\rb\\u{7}c\nnext\n");
        assert_eq!(&e.text[placed[0].start..placed[0].end], "c");
    }

    #[test]
    fn distant_labels_make_separate_blocks() {
        let t: String = (1..=1000).map(|i| format!("line {i}\n")).collect();
        let a = t.find("line 10\n").unwrap();
        let b = t.find("line 900\n").unwrap();
        let (e, placed) = excerpt(&t, &[Span::new(a, a + 4), Span::new(b, b + 4)]);
        assert_eq!(e.blocks.len(), 2);
        assert_eq!(e.text.lines().count(), 6);
        assert_eq!(&e.text[placed[1].start..placed[1].end], "line");
        let c = e.read_span(&(placed[1].start, 4).into(), 1, 1).unwrap();
        assert_eq!(c.line(), 898);
        assert_eq!(std::str::from_utf8(c.data()).unwrap(), "line 899\nline 900\nline 901\n");
    }
}

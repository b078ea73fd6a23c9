//! Report: findings → what the user reads (miette's graphical report, or
//! JSON), and the one-line summary.

pub mod escape;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;
pub mod skipped;

use std::collections::HashMap;

use crate::check::FileResult;
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::LineIndex;

/// Totals over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Totals {
    pub fn of(results: &[FileResult]) -> Totals {
        Totals {
            files: results.len(),
            errors: results.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: results.iter().map(|r| r.count(Severity::Warning)).sum(),
        }
    }

    /// `12 tệp, 3 lỗi, 2 cảnh báo`.
    pub fn summary(&self, l: Lang) -> String {
        match l {
            Lang::Vi => format!("{} tệp, {} lỗi, {} cảnh báo", self.files, self.errors, self.warnings),
            Lang::En => format!(
                "{} {}, {} {}, {} {}",
                self.files,
                plural(self.files, "file"),
                self.errors,
                plural(self.errors, "error"),
                self.warnings,
                plural(self.warnings, "warning")
            ),
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// End positions and stable fingerprints of findings, which need the files'
/// texts (read again once per file that has findings).
pub struct Positions {
    /// `[file][finding]`, then `[file][suppressed finding]`.
    found: Vec<Vec<Located>>,
    suppressed: Vec<Vec<Located>>,
}

#[derive(Clone)]
pub struct Located {
    pub end_line: usize,
    pub end_column: usize,
    pub fingerprint: String,
}

impl Positions {
    pub fn of(results: &[FileResult]) -> Positions {
        let mut found = Vec::with_capacity(results.len());
        let mut suppressed = Vec::with_capacity(results.len());
        for r in results {
            let text = if r.findings.is_empty() && r.suppressed.is_empty() { None } else { human::text_of(r) };
            let mut at = Locator {
                index: text.as_deref().map(LineIndex::new),
                path: &r.path,
                seen: HashMap::new(),
                lines: HashMap::new(),
            };
            found.push(r.findings.iter().map(|f| at.locate(f)).collect());
            suppressed.push(r.suppressed.iter().map(|a| at.locate(&a.finding)).collect());
        }
        Positions { found, suppressed }
    }

    pub fn end(&self, file: usize, finding: usize) -> (usize, usize) {
        let l = &self.found[file][finding];
        (l.end_line, l.end_column)
    }

    pub fn fingerprint(&self, file: usize, finding: usize) -> String {
        self.found[file][finding].fingerprint.clone()
    }

    pub fn located(&self, file: usize, finding: usize, suppressed: bool) -> &Located {
        if suppressed {
            &self.suppressed[file][finding]
        } else {
            &self.found[file][finding]
        }
    }
}

/// FNV-1a, 64 bits: tiny, stable across versions and platforms (unlike
/// std's hasher), enough to tell findings apart.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Lines longer than this (white space folded) enter fingerprints as a
/// digest, computed once per line, so that many findings on one line of
/// megabytes do not each hash the line.
const LONG_LINE: usize = 4096;

/// Positions the findings of one file, with its line index built once.
struct Locator<'a> {
    index: Option<LineIndex<'a>>,
    path: &'a str,
    /// How many findings of each rule were seen on a line of this text.
    seen: HashMap<(String, &'static str), usize>,
    /// Line number → its text as fingerprints use it.
    lines: HashMap<usize, String>,
}

impl Locator<'_> {
    /// A fingerprint that survives lines moving: the rule, the file, the
    /// text of the line (white space folded) and which occurrence of that
    /// pair it is.
    fn locate(&mut self, f: &Finding) -> Located {
        let (line, col) = (f.line.max(1), f.column.max(1));
        let Some(index) = &self.index else {
            return Located {
                end_line: line,
                end_column: col,
                fingerprint: format!("{:016x}", fnv(&[f.rule, self.path, ""])),
            };
        };
        let text = index.text();
        let span = crate::common::span::clamp(text, f.span);
        let (end_line, end_column) = if span.end > span.start { index.line_col(span.end) } else { (line, col) };
        let at = index.line_col(span.start).0;
        let line_text = self.lines.entry(at).or_insert_with(|| {
            let s = index.line_span(at);
            let folded = text[s.start..s.end].split_whitespace().collect::<Vec<_>>().join(" ");
            if folded.len() > LONG_LINE {
                format!("#{:016x}", fnv(&[&folded]))
            } else {
                folded
            }
        });
        let n = self.seen.entry((line_text.clone(), f.rule)).or_insert(0);
        *n += 1;
        let fingerprint = format!("{:016x}", fnv(&[f.rule, self.path, line_text, &n.to_string()]));
        Located { end_line, end_column, fingerprint }
    }
}

/// `--statistics`: findings per rule, most frequent first.
pub fn statistics(results: &[FileResult], l: Lang) -> String {
    let mut counts: HashMap<(&'static str, Severity), usize> = HashMap::new();
    for f in results.iter().flat_map(|r| &r.findings) {
        *counts.entry((f.rule, f.severity)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0 .0.cmp(b.0 .0)));
    let mut out = String::new();
    for ((rule, sev), n) in rows {
        let sev = sev.name(l);
        let summary = crate::rules::doc(rule).map_or("", |d| d.summary(l));
        let summary: String = summary.chars().take(70).collect();
        out.push_str(&format!("{n:>6}  {rule:<24} {sev:<9} {summary}\n"));
    }
    out
}

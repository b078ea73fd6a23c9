//! JSON output, as FORMAT.md specifies:
//! `{"diagnostics": [{"rule", "severity", "path", "line", "column",
//! "message", "article"}…], "files_checked": N}` — extended with
//! `"suppressed"`: the findings that suppression comments set aside, with
//! their reasons, so an audit sees them; and, in each diagnostic after the
//! contract's keys, `"related": [{"path", "line", "column"}…]`: the other
//! files a cross-record finding involves (empty for most findings). With
//! `--show-skipped`, `"skipped": [{"path", "reason"}]` lists the files that
//! were not records (FORMAT.md 1.1). Each suppressed finding says `"by"`
//! what set it aside: `"allow"` (a comment in the record) or `"baseline"`
//! (`bienban-baseline.json`); when a baseline was read or written,
//! `"baseline": {"suppressed", "unused": [{"baseline", "path", "rule",
//! "count"}], "written": [path…]}` says what it did.

use serde::Serialize;

use crate::archive::baseline::Effect;
use crate::check::{FileResult, Skip};
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<Diagnostic<'a>>,
    files_checked: usize,
    suppressed: Vec<Suppressed<'a>>,
    /// Only with `--show-skipped`, as FORMAT.md 1.1 says.
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<Vec<Skipped>>,
    /// Only when a baseline was read or written.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineOut>,
}

#[derive(Serialize)]
struct BaselineOut {
    /// Findings it set aside (listed in `suppressed` with `"by": "baseline"`).
    suppressed: usize,
    /// Its entries that matched no finding.
    unused: Vec<Unused>,
    written: Vec<String>,
}

#[derive(Serialize)]
struct Unused {
    baseline: String,
    path: String,
    rule: String,
    count: usize,
}

#[derive(Serialize)]
struct Skipped {
    path: String,
    reason: String,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    path: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    article: Option<&'a str>,
    related: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    path: &'a str,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Suppressed<'a> {
    #[serde(flatten)]
    diagnostic: Diagnostic<'a>,
    reason: &'a str,
    /// `allow` or `baseline`.
    by: &'static str,
}

fn diagnostic<'a>(path: &'a str, f: &'a Finding) -> Diagnostic<'a> {
    Diagnostic {
        rule: f.rule,
        severity: f.severity,
        path,
        line: f.line.max(1),
        column: f.column.max(1),
        message: &f.message,
        article: f.article.as_deref(),
        related: f
            .related
            .iter()
            .map(|r| Related { path: &r.path, line: r.pos.line.max(1), column: r.pos.column.max(1) })
            .collect(),
    }
}

pub fn render(results: &[FileResult]) -> String {
    render_full(results, None, None)
}

/// [`render`], with `"skipped": [{"path", "reason"}]` when `skipped` is
/// given (`--show-skipped`): the files that were not records, and why; and
/// `"baseline"` when a baseline was read or written.
pub fn render_full(
    results: &[FileResult],
    skipped: Option<(&[(String, Skip)], Lang)>,
    baseline: Option<&Effect>,
) -> String {
    let skipped = skipped.map(|(list, l)| {
        list.iter()
            .map(|(path, why)| Skipped { path: path.clone(), reason: crate::report::skipped::reason(why, l) })
            .collect()
    });
    let diagnostics = results.iter().flat_map(|r| r.findings.iter().map(|f| diagnostic(&r.path, f))).collect();
    let suppressed = results
        .iter()
        .flat_map(|r| {
            r.suppressed.iter().map(|a| Suppressed {
                diagnostic: diagnostic(&r.path, &a.finding),
                reason: &a.reason,
                by: if a.baseline { "baseline" } else { "allow" },
            })
        })
        .collect();
    let baseline = baseline.filter(|e| e.used).map(|e| BaselineOut {
        suppressed: crate::report::baseline::set_aside(results),
        unused: e
            .unused
            .iter()
            .map(|u| Unused {
                baseline: u.baseline.clone(),
                path: u.path.clone(),
                rule: u.rule.clone(),
                count: u.count,
            })
            .collect(),
        written: e.written.iter().map(|(p, _)| p.to_string_lossy().into_owned()).collect(),
    });
    let out = Output { diagnostics, files_checked: results.len(), suppressed, skipped, baseline };
    crate::report::escape::json_pretty(&out)
}

/// `--format json-lines`: one diagnostic object per line (suppressed findings are not listed).
pub fn render_lines(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        for f in &r.findings {
            out.push_str(&crate::report::escape::json_compact(&diagnostic(&r.path, f)));
            out.push('\n');
        }
    }
    out
}

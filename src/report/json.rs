//! JSON output, exactly as FORMAT.md specifies:
//! `{"diagnostics": [{"rule", "severity", "path", "line", "column",
//! "message", "article"}…], "files_checked": N}`.

use serde::Serialize;

use crate::check::FileResult;
use crate::finding::Severity;
use crate::span::line_col;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<Diagnostic<'a>>,
    files_checked: usize,
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
}

pub fn render(results: &[FileResult]) -> String {
    let mut diagnostics = Vec::new();
    for r in results {
        for f in &r.findings {
            let (line, column) = r
                .text
                .as_deref()
                .map_or((1, 1), |t| line_col(t, f.span.start));
            diagnostics.push(Diagnostic {
                rule: f.rule,
                severity: f.severity,
                path: &r.path,
                line,
                column,
                message: &f.message,
                article: f.article.as_deref(),
            });
        }
    }
    let out = Output {
        diagnostics,
        files_checked: results.len(),
    };
    serde_json::to_string_pretty(&out).expect("plain data serialises")
}

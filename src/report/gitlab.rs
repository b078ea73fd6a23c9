//! `--format gitlab`: GitLab's code quality report (a JSON array of
//! issues with `description`, `check_name`, `fingerprint`, `severity`,
//! `location.path`, `location.lines.begin`).

use serde::Serialize;

use crate::check::FileResult;
use crate::common::finding::Severity;
use crate::report::Positions;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    /// Relative to the repository root (else the archive's), as GitLab wants it.
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

pub fn render(results: &[FileResult], positions: &Positions) -> String {
    let mut issues = Vec::new();
    for (i, r) in results.iter().enumerate() {
        for (k, f) in r.findings.iter().enumerate() {
            issues.push(Issue {
                description: f.message.clone(),
                check_name: f.rule,
                fingerprint: positions.fingerprint(i, k),
                severity: match f.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    path: &positions.path(i).path,
                    lines: Lines { begin: f.line.max(1), end: positions.end(i, k).0 },
                },
            });
        }
    }
    crate::report::escape::json_pretty(&issues)
}

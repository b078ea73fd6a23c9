//! `--format short`: one line per finding, `path:line:column: severity[rule] message`.
//! Paths and messages are escaped ([`escape`](super::escape)): a finding is
//! always exactly one line, and no line begins with anything but a path
//! that starts with a letter, a digit, `.`, `_` or `/`.

use crate::check::FileResult;
use crate::report::escape::{path_at_line_start, visible};

pub fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        let path = path_at_line_start(&r.path);
        for f in &r.findings {
            let sev = match f.severity {
                crate::common::finding::Severity::Error => "error",
                crate::common::finding::Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "{}:{}:{}: {sev}[{}] {}\n",
                path,
                f.line.max(1),
                f.column.max(1),
                f.rule,
                visible(&f.message)
            ));
        }
    }
    out
}

//! `--format short`: one line per finding, `path:line:column: severity[rule] message`.

use crate::check::FileResult;

pub fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        for f in &r.findings {
            let sev = match f.severity {
                crate::common::finding::Severity::Error => "error",
                crate::common::finding::Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "{}:{}:{}: {sev}[{}] {}\n",
                r.path,
                f.line.max(1),
                f.column.max(1),
                f.rule,
                f.message
            ));
        }
    }
    out
}

//! `--format junit`: a JUnit XML report for CI systems that show test
//! reports; one test case per file, one failure per finding.

use crate::check::FileResult;
use crate::common::finding::Severity;
use crate::report::escape::{is_hostile, push_escape};

/// Text for an XML 1.0 attribute or element: markup escaped, and every
/// control character (most of which XML 1.0 cannot hold at all, nor
/// U+FFFE/U+FFFF) written as a visible escape, so the report is always
/// well-formed and a line break is always an escaped one.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_hostile(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

pub fn render(results: &[FileResult]) -> String {
    let failures: usize = results.iter().map(|r| r.findings.len()).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<testsuites name=\"bienban\" tests=\"{}\" failures=\"{failures}\">\n", results.len()));
    out.push_str(&format!(
        "  <testsuite name=\"bienban\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
        results.len()
    ));
    for r in results {
        let name = xml(&r.path);
        if r.findings.is_empty() {
            out.push_str(&format!("    <testcase name=\"{name}\" classname=\"bienban\" file=\"{name}\"/>\n"));
            continue;
        }
        out.push_str(&format!("    <testcase name=\"{name}\" classname=\"bienban\" file=\"{name}\">\n"));
        for f in &r.findings {
            let sev = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let text = format!("{}:{}:{}: {sev}[{}] {}", r.path, f.line.max(1), f.column.max(1), f.rule, f.message);
            out.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                xml(f.rule),
                xml(&f.message),
                xml(&text)
            ));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_xml_forbids() {
        assert_eq!(xml("a<\u{1b}\u{fffe}\u{ffff}\r\n&"), "a&lt;\\u{1b}\\u{fffe}\\u{ffff}\\r\\n&amp;");
    }
}

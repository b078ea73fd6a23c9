//! `--format junit`: a JUnit XML report for CI systems that show test
//! reports, written with `quick-junit` (the data model and writer of
//! cargo-nextest). One test case per file checked: it passes when the file
//! has no finding, otherwise it has one `<failure>` whose message counts
//! the findings, whose type names their rules and whose text lists them
//! (`path:line:column: severity[rule] message`, one a line) — so `tests`
//! is the number of files and `failures` the number of files with
//! findings, as xunitparser and junitparser count them.
//!
//! XML 1.0 cannot hold most control characters, nor U+FFFE/U+FFFF: every
//! such character in a path or a message is written as a visible escape
//! first ([`visible`]), so none is ever emitted (quick-xml escapes markup).

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::check::FileResult;
use crate::common::finding::Severity;
use crate::common::i18n::Lang;
use crate::report::escape::visible;
use crate::tr;

pub fn render(results: &[FileResult], lang: Lang) -> String {
    let mut suite = TestSuite::new("bienban");
    for r in results {
        let status = if r.findings.is_empty() {
            TestCaseStatus::success()
        } else {
            let (errors, warnings) = (r.count(Severity::Error), r.count(Severity::Warning));
            let mut rules: Vec<&str> = r.findings.iter().map(|f| f.rule).collect();
            rules.dedup();
            rules.sort_unstable();
            rules.dedup();
            let lines: Vec<String> = r
                .findings
                .iter()
                .map(|f| {
                    let sev = match f.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                    };
                    let text =
                        format!("{}:{}:{}: {sev}[{}] {}", r.path, f.line.max(1), f.column.max(1), f.rule, f.message);
                    visible(&text).into_owned()
                })
                .collect();
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message(tr!(lang, "{} lỗi, {} cảnh báo", "{} error(s), {} warning(s)", errors, warnings));
            s.set_type(rules.join(","));
            s.set_description(lines.join("\n"));
            s
        };
        let mut case = TestCase::new(visible(&r.path).into_owned(), status);
        case.set_classname("bienban");
        suite.add_test_case(case);
    }
    let mut report = Report::new("bienban");
    report.add_test_suite(suite);
    let mut out = report.to_string().unwrap_or_default();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::finding::Finding;

    #[test]
    fn nothing_xml_forbids_and_counts_agree() {
        let mut bad = FileResult::failed(
            "a\u{1b}\u{fffe}.md",
            None,
            Finding::new("quorum", Severity::Error, Default::default(), "x\u{ffff}\r\n<&".into()),
        );
        bad.findings.push(Finding::new("chair", Severity::Warning, Default::default(), "y".into()));
        let mut good =
            FileResult::failed("b.md", None, Finding::new("io", Severity::Error, Default::default(), String::new()));
        good.findings.clear();
        let xml = render(&[bad, good], Lang::En);
        assert!(!xml.chars().any(|c| matches!(c, '\u{fffe}' | '\u{ffff}' | '\u{1b}')), "{xml}");
        assert!(xml.contains("tests=\"2\"") && xml.contains("failures=\"1\""), "{xml}");
        assert!(xml.contains("a\\u{1b}\\u{fffe}.md") && xml.contains("x\\u{ffff}\\r\\n&lt;&amp;"), "{xml}");
        assert!(xml.contains("type=\"chair,quorum\"") && xml.contains("1 error(s), 1 warning(s)"), "{xml}");
    }
}

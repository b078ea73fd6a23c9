//! `--format github`: GitHub Actions workflow commands, which GitHub shows
//! as annotations on the pull request's lines:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use crate::check::FileResult;
use crate::common::finding::Severity;
use crate::report::escape::visible;
use crate::report::Positions;

/// Escaping of a command's message (data), as GitHub's runner reads it:
/// `%`, CR, LF. (Record text has had its own controls made visible first,
/// so the only line breaks left are bienban's, between message and help.)
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of a property value: also `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(results: &[FileResult], positions: &Positions) -> String {
    let mut out = String::new();
    for (i, r) in results.iter().enumerate() {
        for (k, f) in r.findings.iter().enumerate() {
            let cmd = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let (end_line, end_col) = positions.end(i, k);
            let mut body = visible(&f.message).into_owned();
            if let Some(h) = &f.help {
                body.push_str("\n\n");
                body.push_str(&visible(h));
            }
            out.push_str(&format!(
                "::{cmd} file={},line={},col={},endLine={end_line},endColumn={end_col},title={}::{}\n",
                // The path as GitHub reads it back (CR and LF percent-encoded);
                // any other control character made visible.
                visible(&property(&r.path)),
                f.line.max(1),
                f.column.max(1),
                property(&format!("bienban({})", f.rule)),
                data(&body)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_documents() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(data(&visible("x\n::error::y\u{1b}[2J")), "x\\n::error::y\\u{1b}[2J");
    }
}

//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it. The
//! driver lists every rule; results carry `ruleId`, `level`, the message, a
//! repository-relative URI, a region (1-based, columns in Unicode code
//! points), `partialFingerprints`, `relatedLocations` (the other files a
//! cross-record finding involves) and, for suppressed findings, SARIF
//! `suppressions` with their reasons.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::check::FileResult;
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::report::Positions;
use crate::rules::docs;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Percent-encodes a relative path as a URI reference (RFC 3986): unreserved
/// characters and `/` stay, everything else (spaces, Vietnamese letters) is
/// encoded as UTF-8 bytes.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Paths relative to the repository holding the file (the nearest folder
/// with `.git`), as code scanning expects; else the path as shown.
#[derive(Default)]
struct RepoPaths {
    roots: HashMap<PathBuf, Option<PathBuf>>,
}

impl RepoPaths {
    fn relative(&mut self, r: &FileResult) -> String {
        self.relative_to_repo(r.file.as_deref(), &r.path)
    }

    /// `shown` (the path as the run shows it) relative to its repository,
    /// found from `file` (else from `shown` itself, relative to the current folder).
    fn relative_to_repo(&mut self, file: Option<&Path>, shown: &str) -> String {
        let Some(abs) = std::fs::canonicalize(file.unwrap_or(Path::new(shown))).ok() else { return shown.to_string() };
        let Some(dir) = abs.parent() else { return shown.to_string() };
        let root = self
            .roots
            .entry(dir.to_path_buf())
            .or_insert_with(|| dir.ancestors().find(|d| d.join(".git").exists()).map(Path::to_path_buf))
            .clone();
        match root.and_then(|root| abs.strip_prefix(root).ok().map(|p| p.to_string_lossy().into_owned())) {
            Some(rel) => rel,
            None => shown.to_string(),
        }
    }
}

fn result(
    uri: &str,
    f: &Finding,
    end: (usize, usize),
    fingerprint: &str,
    suppression: Option<&str>,
    repo: &mut RepoPaths,
) -> Value {
    let rule_index = docs().position(|d| d.name == f.rule);
    let mut text = f.message.clone();
    if let Some(h) = &f.help {
        text.push('\n');
        text.push_str(h);
    }
    let mut v = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                "region": {
                    "startLine": f.line.max(1),
                    "startColumn": f.column.max(1),
                    "endLine": end.0,
                    "endColumn": end.1,
                }
            }
        }],
        "partialFingerprints": { "bienbanFindingHash/v1": fingerprint },
    });
    if let Some(i) = rule_index {
        v["ruleIndex"] = json!(i);
    }
    if !f.related.is_empty() {
        let related: Vec<Value> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "id": i,
                    "physicalLocation": {
                        "artifactLocation": { "uri": self::uri(&repo.relative_to_repo(None, &r.path)), "uriBaseId": "%SRCROOT%" },
                        "region": { "startLine": r.pos.line.max(1), "startColumn": r.pos.column.max(1) }
                    },
                    "message": { "text": r.text },
                })
            })
            .collect();
        v["relatedLocations"] = json!(related);
    }
    if let Some(reason) = suppression {
        v["suppressions"] = json!([{ "kind": "inSource", "status": "accepted", "justification": reason }]);
    }
    v
}

pub fn render(results: &[FileResult], positions: &Positions, lang: Lang) -> String {
    let rules: Vec<Value> = docs()
        .map(|d| {
            json!({
                "id": d.name,
                "name": d.name,
                "shortDescription": { "text": d.summary(lang) },
                "fullDescription": { "text": d.why(lang) },
                "help": { "text": format!("{}\n\n{}\n\nbienban explain {}", d.summary(lang), d.why(lang), d.name) },
                "defaultConfiguration": { "level": level(d.severity) },
                "properties": { "article": d.article },
            })
        })
        .collect();
    let mut repo = RepoPaths::default();
    let mut out = Vec::new();
    for (i, r) in results.iter().enumerate() {
        let uri = uri(&repo.relative(r));
        for (k, f) in r.findings.iter().enumerate() {
            let l = positions.located(i, k, false);
            out.push(result(&uri, f, (l.end_line, l.end_column), &l.fingerprint, None, &mut repo));
        }
        for (k, a) in r.suppressed.iter().enumerate() {
            let l = positions.located(i, k, true);
            out.push(result(&uri, &a.finding, (l.end_line, l.end_column), &l.fingerprint, Some(&a.reason), &mut repo));
        }
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "bienban",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "the repository's root" } } },
            "results": out,
        }]
    });
    crate::report::escape::json_pretty(&sarif)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("2021/biên bản.md"), "2021/bi%C3%AAn%20b%E1%BA%A3n.md");
    }
}

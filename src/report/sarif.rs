//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it. The
//! driver lists every rule (`id`, a `name` of its own, `helpUri` and
//! `help.markdown` from the rule's doc); results carry `ruleId`, `level`,
//! the message, a URI relative to the repository root (else the archive
//! root, `%SRCROOT%`), a region (1-based, columns in Unicode code points),
//! `partialFingerprints` that do not depend on how bienban was started,
//! `relatedLocations` (the other files a cross-record finding involves)
//! and, for findings set aside, SARIF `suppressions` with their reasons:
//! `inSource` for an `allow` comment, `external` for the baseline (then
//! every result also has a `baselineState`, `new` or `unchanged`).

use serde_json::{json, Value};

use crate::check::FileResult;
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::report::{Positions, RepoPaths, Rooted};
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

/// Where bienban's documentation lives: the mirror the archive's users
/// install from, set when building (`BIENBAN_HOMEPAGE`); rule pages are
/// `docs/rules.md` there.
pub const HOMEPAGE: &str = match option_env!("BIENBAN_HOMEPAGE") {
    Some(h) => h,
    None => "https://example.org/your-mirror/bienban",
};

/// A rule's `name`: SARIF wants a readable identifier that differs from
/// the `id` even ignoring case (sarif-multitool's SARIF1001), so
/// `report-back` → `ReportBackRule`.
fn rule_name(id: &str) -> String {
    let mut name: String = id
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect();
    name.push_str("Rule");
    name
}

/// An artifact location: relative to `%SRCROOT%` (the repository or archive
/// root) when the path is, else a plain (relative or `file:`) URI.
fn artifact(p: &Rooted) -> Value {
    if p.rooted {
        json!({ "uri": uri(&p.path), "uriBaseId": "%SRCROOT%" })
    } else if std::path::Path::new(&p.path).is_absolute() {
        json!({ "uri": format!("file://{}", uri(&p.path)) })
    } else {
        json!({ "uri": uri(&p.path) })
    }
}

/// What set a finding aside: an `allow` comment (in the record) or the
/// baseline (outside it).
pub enum Aside<'a> {
    Allow(&'a str),
    Baseline(&'a str),
}

fn result(
    at: &Value,
    f: &Finding,
    end: (usize, usize),
    fingerprint: &str,
    aside: Option<Aside<'_>>,
    baseline_used: bool,
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
                "artifactLocation": at,
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
                        "artifactLocation": artifact(&repo.of(None, &r.path)),
                        "region": { "startLine": r.pos.line.max(1), "startColumn": r.pos.column.max(1) }
                    },
                    "message": { "text": r.text },
                })
            })
            .collect();
        v["relatedLocations"] = json!(related);
    }
    match aside {
        Some(Aside::Allow(reason)) => {
            v["suppressions"] = json!([{ "kind": "inSource", "status": "accepted", "justification": reason }]);
            if baseline_used {
                v["baselineState"] = json!("new");
            }
        }
        Some(Aside::Baseline(reason)) => {
            v["suppressions"] = json!([{ "kind": "external", "status": "accepted", "justification": reason }]);
            v["baselineState"] = json!("unchanged");
        }
        None if baseline_used => v["baselineState"] = json!("new"),
        None => {}
    }
    v
}

/// `baseline_used`: a baseline was read, so every result says whether it
/// is new or one the baseline recorded (`baselineState`).
pub fn render(results: &[FileResult], positions: &Positions, lang: Lang, baseline_used: bool) -> String {
    let rules: Vec<Value> = docs()
        .map(|d| {
            json!({
                "id": d.name,
                "name": rule_name(d.name),
                "shortDescription": { "text": d.summary(lang) },
                "fullDescription": { "text": d.why(lang) },
                "helpUri": format!("{HOMEPAGE}/blob/main/docs/rules.md#{}{}", lang.pick("", "en-"), d.name),
                "help": {
                    "text": format!("{}\n\n{}\n\nbienban explain {}", d.summary(lang), d.why(lang), d.name),
                    "markdown": crate::rules::manual::explain(d, lang),
                },
                "defaultConfiguration": { "level": level(d.severity) },
                "properties": { "article": d.article },
            })
        })
        .collect();
    let mut repo = RepoPaths::default();
    let mut out = Vec::new();
    for (i, r) in results.iter().enumerate() {
        let at = artifact(positions.path(i));
        for (k, f) in r.findings.iter().enumerate() {
            let l = positions.located(i, k, false);
            out.push(result(&at, f, (l.end_line, l.end_column), &l.fingerprint, None, baseline_used, &mut repo));
        }
        for (k, a) in r.suppressed.iter().enumerate() {
            let l = positions.located(i, k, true);
            let aside = if a.baseline { Aside::Baseline(&a.reason) } else { Aside::Allow(&a.reason) };
            let end = (l.end_line, l.end_column);
            out.push(result(&at, &a.finding, end, &l.fingerprint, Some(aside), baseline_used, &mut repo));
        }
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        // Early in the file (keys are sorted): how `--output-file` knows a
        // report it may replace, whatever the number of results.
        "properties": { "generator": "bienban" },
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "bienban",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": HOMEPAGE,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "the repository's root (else the archive's: the folder with bienban.toml)" } } },
            "results": out,
        }]
    });
    crate::report::escape::json_pretty(&sarif)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_differ_from_ids() {
        assert_eq!(rule_name("report-back"), "ReportBackRule");
        assert!(docs().all(|d| !rule_name(d.name).eq_ignore_ascii_case(d.name)));
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("2021/biên bản.md"), "2021/bi%C3%AAn%20b%E1%BA%A3n.md");
    }
}

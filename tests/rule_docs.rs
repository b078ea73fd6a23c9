//! Every rule's documented examples are checked: the example that fires
//! fires that rule, the example that passes gives no finding at all. And
//! docs/rules.md is exactly what the rule docs generate.

use bienban::archive::check_texts;
use bienban::archive::config::Config;
use bienban::check::Options;
use bienban::common::i18n::Lang;
use bienban::regulation::profile::Profile;
use bienban::rules::{docs, Example, RuleDoc};

mod common;

/// Rules fired by an example, checked as an archive of its own.
fn rules_fired(e: &Example, rule: &RuleDoc) -> Option<Vec<&'static str>> {
    let profile = Profile::builtin();
    let mut config = with_rule_on(rule);
    let files = common::example_files(e, &mut config, &profile)?;
    let results = check_texts(&files, &profile, &config, Options::default());
    assert_eq!(results.len(), files.len(), "every example file is a record");
    Some(results.iter().flat_map(|r| r.findings.iter().map(|f| f.rule)).collect())
}

/// The defaults, with `rule` turned on at its documented severity: a rule's
/// examples show it, also when a profile turns it off by default.
fn with_rule_on(rule: &RuleDoc) -> Config {
    let level = match rule.severity {
        bienban::common::finding::Severity::Error => "error",
        bienban::common::finding::Severity::Warning => "warning",
    };
    let toml = format!("[rules]\n{} = \"{level}\"\n", rule.name);
    Config::parse(std::path::Path::new("bienban.toml"), toml, Lang::Vi).expect("a valid configuration")
}

#[test]
fn every_fires_example_fires_its_rule() {
    for d in docs() {
        let Some(fired) = rules_fired(&d.fires, d) else { continue };
        assert!(fired.contains(&d.name), "`{}`: its 'fires' example gave {:?}", d.name, fired);
    }
}

#[test]
fn every_passes_example_is_clean() {
    for d in docs() {
        let Some(fired) = rules_fired(&d.passes, d) else { continue };
        assert!(fired.is_empty(), "`{}`: its 'passes' example gave {:?}", d.name, fired);
    }
}

#[test]
fn rule_names_are_unique_and_documented_in_both_languages() {
    let mut names: Vec<_> = docs().map(|d| d.name).collect();
    let count = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), count);
    // FORMAT.md's table: every rule users rely on exists.
    for name in [
        "syntax",
        "encoding",
        "io",
        "missing-field",
        "invalid-value",
        "attendance",
        "quorum",
        "votes",
        "majority",
        "missing-votes",
        "unknown-matter",
        "competence",
        "urgent-carve-out",
        "higher-consent",
        "chair",
        "absence-reason",
        "missing-id",
        "report-back",
        "unknown-reference",
        "duplicate-id",
        "meeting-frequency",
        "between-sessions-report",
        "unused-allow",
        "unrecognised-record",
        "unstructured-decision",
        "unknown-section",
        "record-content",
        "roster",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    for d in docs() {
        for l in [Lang::Vi, Lang::En] {
            assert!(!d.summary(l).is_empty() && !d.why(l).is_empty(), "{}", d.name);
        }
    }
}

#[test]
fn docs_rules_md_is_generated_from_the_rule_docs() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let want = bienban::rules::manual::rules_markdown();
    if std::env::var_os("BIENBAN_BLESS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "docs/rules.md is out of date: run `BIENBAN_BLESS=1 cargo test --test rule_docs`");
}

//! Every rule's documented examples are checked: the example that fires
//! fires that rule, the example that passes gives no finding at all. And
//! docs/rules.md is exactly what the rule docs generate.

use bienban::check::{check_bytes, Options};
use bienban::i18n::Lang;
use bienban::profile::Profile;
use bienban::rules::{Example, ALL};

fn rules_fired(bytes: &[u8]) -> Vec<&'static str> {
    let profile = Profile::builtin();
    let r = check_bytes("example.md", bytes, &profile, Options::default())
        .expect("the example is a record");
    r.findings.iter().map(|f| f.rule).collect()
}

#[test]
fn every_fires_example_fires_its_rule() {
    for rule in ALL {
        let d = rule.doc();
        let bytes: &[u8] = match &d.fires {
            Example::Record(t) => t.as_bytes(),
            Example::Bytes(b) => b,
            Example::None(_) => continue,
        };
        let fired = rules_fired(bytes);
        assert!(
            fired.contains(&d.name),
            "`{}`: its 'fires' example gave {:?}",
            d.name,
            fired
        );
    }
}

#[test]
fn every_passes_example_is_clean() {
    for rule in ALL {
        let d = rule.doc();
        let Example::Record(t) = &d.passes else {
            continue;
        };
        let fired = rules_fired(t.as_bytes());
        assert!(
            fired.is_empty(),
            "`{}`: its 'passes' example gave {:?}",
            d.name,
            fired
        );
    }
}

#[test]
fn rule_names_are_unique_and_documented_in_both_languages() {
    let mut names: Vec<_> = ALL.iter().map(|r| r.doc().name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), ALL.len());
    for r in ALL {
        let d = r.doc();
        for l in [Lang::Vi, Lang::En] {
            assert!(
                !d.summary(l).is_empty() && !d.why(l).is_empty(),
                "{}",
                d.name
            );
        }
    }
}

#[test]
fn docs_rules_md_is_generated_from_the_rule_docs() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let want = bienban::docs::rules_markdown();
    if std::env::var_os("BIENBAN_BLESS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is out of date: run `BIENBAN_BLESS=1 cargo test --test rule_docs`"
    );
}

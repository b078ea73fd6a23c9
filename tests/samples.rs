//! `samples/` is the archive the README's first command runs on; its
//! README lists the deliberate violations. bienban must report exactly
//! those (file, line, rule) and nothing else.

use std::collections::BTreeSet;
use std::path::PathBuf;

use bienban::check::{check_path, Options};
use bienban::discover::discover;
use bienban::profile::Profile;
use bienban::rules;
use bienban::span::line_col;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// `(path under samples/, line, rule)` from the README's violations table.
fn documented() -> BTreeSet<(String, usize, String)> {
    let readme = std::fs::read_to_string(samples().join("README.md")).unwrap();
    let mut out = BTreeSet::new();
    for line in readme.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | # | `path` | line | `rule` | why |
        if cells.len() < 6 || cells[1].parse::<u32>().is_err() {
            continue;
        }
        let path = cells[2].trim_matches('`').to_string();
        let line: usize = cells[3].parse().unwrap();
        let rule = cells[4].trim_matches('`').to_string();
        out.insert((path, line, rule));
    }
    out
}

#[test]
fn samples_give_exactly_the_documented_findings() {
    let profile = Profile::builtin();
    let (targets, errors) = discover(&[samples()]);
    assert!(errors.is_empty());
    let mut found = BTreeSet::new();
    let mut records = 0;
    for t in &targets {
        let Some(r) = check_path(&t.path, &t.display, &profile, Options::default()) else {
            continue;
        };
        records += 1;
        let rel = t
            .path
            .strip_prefix(samples())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for f in &r.findings {
            let line = line_col(r.text.as_deref().unwrap(), f.span.start).0;
            found.insert((rel.clone(), line, f.rule.to_string()));
        }
    }
    assert!(records >= 24, "{records} records");
    // Rules that need the whole archive are documented before they exist.
    let want: BTreeSet<_> = documented()
        .into_iter()
        .filter(|(_, _, rule)| rules::find(rule).is_some())
        .collect();
    assert!(want.len() >= 10);
    assert_eq!(found, want);
}

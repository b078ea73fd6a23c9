//! `samples/` is the archive the README's first command runs on; its
//! README lists the deliberate violations. bienban must report exactly
//! those (file, line, rule) and nothing else.

use std::collections::BTreeSet;
use std::path::PathBuf;

use bienban::archive::run::{run, Request};

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
    let paths = [samples()];
    let outcome = run(&Request::new(&paths)).unwrap();
    let mut found = BTreeSet::new();
    for r in &outcome.results {
        let rel = r.path.strip_prefix(&format!("{}/", samples().display())).unwrap().to_string();
        for f in &r.findings {
            found.insert((rel.clone(), f.line, f.rule.to_string()));
        }
    }
    assert!(outcome.results.len() >= 24, "{} records", outcome.results.len());
    let want = documented();
    assert!(want.len() >= 13);
    assert_eq!(found, want);
}

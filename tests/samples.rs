//! `samples/` is the archive the README's first command runs on; it holds
//! two archives, each with a README listing its deliberate violations:
//! `samples/` itself (format 1, 2021) and, nested with its own
//! `bienban.toml`, `samples/khoi-doanh-nghiep-2023/` (format 1.1, the layout
//! of Hướng dẫn 16-HD/VPTW). bienban must report exactly those (file, line,
//! rule) and nothing else: for each archive alone, and for `samples/` whole,
//! whose walk takes in the nested archive.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bienban::archive::run::{run, Request};

type Found = BTreeSet<(String, usize, String)>;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The nested archive, relative to `samples/`.
const SECOND: &str = "khoi-doanh-nghiep-2023";

/// `(path under root, line, rule)` from `root/README.md`'s violations table.
fn documented(root: &Path) -> Found {
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
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

/// What bienban finds when named `path`, as `(path under root, line, rule)`,
/// and how many files it checked.
fn found(path: &Path, root: &Path) -> (Found, usize) {
    let paths = [path.to_path_buf()];
    let outcome = run(&Request::new(&paths)).unwrap();
    let mut out = BTreeSet::new();
    for r in &outcome.results {
        let rel = r.path.strip_prefix(&format!("{}/", root.display())).unwrap().to_string();
        for f in &r.findings {
            out.insert((rel.clone(), f.line, f.rule.to_string()));
        }
    }
    (out, outcome.results.len())
}

fn prefixed(set: Found, prefix: &str) -> Found {
    set.into_iter().map(|(p, l, r)| (format!("{prefix}/{p}"), l, r)).collect()
}

#[test]
fn samples_give_exactly_the_documented_findings() {
    // The first archive (format 1, 2021): its README's table, unchanged.
    let (first, records) = found(&samples().join("2021"), &samples());
    assert!(records >= 24, "{records} records");
    let want = documented(&samples());
    assert!(want.len() >= 12);
    assert_eq!(first, want);
}

#[test]
fn the_16hd_archive_gives_exactly_the_documented_findings() {
    let root = samples().join(SECOND);
    assert!(root.join("bienban.toml").is_file(), "a nested archive has its own bienban.toml");
    let (got, files) = found(&root, &root);
    // 12 records and one extract (reported as unrecognised-record).
    assert_eq!(files, 13);
    let want = documented(&root);
    assert!(want.len() >= 10);
    assert_eq!(got, want);
    // Every failure mode of format 1.1's "never silent" rules is there, and
    // `record-content` (turned on in this archive) only where documented.
    for rule in ["unrecognised-record", "unstructured-decision", "unknown-section", "record-content"] {
        assert!(want.iter().any(|(_, _, r)| r == rule), "{rule}");
    }
    assert_eq!(want.iter().filter(|(_, _, r)| r == "record-content").count(), 1);
}

#[test]
fn samples_whole_give_the_union_of_both_archives() {
    let (got, files) = found(&samples(), &samples());
    assert_eq!(files, 27 + 13);
    let mut want = documented(&samples());
    want.extend(prefixed(documented(&samples().join(SECOND)), SECOND));
    assert_eq!(got, want);
}

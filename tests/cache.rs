//! The cache of results: reused when nothing changed, never trusted when
//! broken, and never changing what is reported.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

mod common;

fn run(dir: &Path, args: &[&str]) -> (String, String) {
    let out = Command::cargo_bin("bienban").unwrap().current_dir(dir).args(args).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn archive() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    for (i, present) in [7, 4, 6, 7, 5].iter().enumerate() {
        let text =
            common::meeting("Ban Thường vụ", 7, *present, "").replace("15/03/2021", &format!("{:02}/03/2021", 10 + i));
        fs::write(d.path().join(format!("r{i}.md")), text).unwrap();
    }
    fs::write(d.path().join("note.md"), "# Ghi chú\n").unwrap();
    d
}

const JSON: &[&str] = &["check", "--format", "json", "--debug-cache", "."];

#[test]
fn an_unchanged_archive_is_not_checked_again() {
    let d = archive();
    let (first, log) = run(d.path(), JSON);
    assert_eq!(log.trim(), "cache: 0 hits, 6 misses");
    assert!(d.path().join(".bienban_cache").is_dir());
    let (second, log) = run(d.path(), JSON);
    assert_eq!(log.trim(), "cache: 6 hits, 0 misses");
    assert_eq!(first, second);
    // One file changed: only it is checked again, and its new findings show.
    let changed = common::meeting("Ban Thường vụ", 7, 3, "").replace("15/03/2021", "10/03/2021");
    fs::write(d.path().join("r0.md"), changed).unwrap();
    let (third, log) = run(d.path(), JSON);
    assert_eq!(log.trim(), "cache: 5 hits, 1 misses");
    let (fresh, _) = run(d.path(), &["check", "--format", "json", "--no-cache", "."]);
    assert_eq!(third, fresh);
    assert_ne!(third, first);
}

#[test]
fn a_corrupt_cache_is_discarded() {
    let d = archive();
    let (want, _) = run(d.path(), JSON);
    let file = fs::read_dir(d.path().join(".bienban_cache"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("results-"))
        .unwrap();
    let good = fs::read(&file).unwrap();
    // The same bytes with one rule name changed, length kept: well formed,
    // but not what was written.
    let at = good.windows(6).position(|w| w == b"quorum").unwrap();
    let mut renamed = good.clone();
    renamed[at..at + 6].copy_from_slice(b"quorxm");
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 1;
    for bad in [b"garbage".to_vec(), good[..good.len() / 2].to_vec(), renamed, flipped, Vec::new()] {
        fs::write(&file, &bad).unwrap();
        let (got, log) = run(d.path(), JSON);
        assert_eq!(got, want);
        assert_eq!(log.trim(), "cache: 0 hits, 6 misses");
    }
}

#[test]
fn the_language_and_no_cache_are_respected() {
    let d = archive();
    run(d.path(), JSON);
    let (_, log) = run(d.path(), &["--lang", "en", "check", "--debug-cache", "."]);
    assert_eq!(log.trim(), "cache: 0 hits, 6 misses");
    let e = tempfile::tempdir().unwrap();
    fs::write(e.path().join("bienban.toml"), "").unwrap();
    fs::write(e.path().join("a.md"), common::meeting("Ban Thường vụ", 7, 7, "")).unwrap();
    run(e.path(), &["check", "--no-cache", "."]);
    assert!(!e.path().join(".bienban_cache").exists());
}

#[test]
fn findings_are_the_same_with_one_or_two_threads_with_or_without_cache() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let d = tempfile::tempdir().unwrap();
    // A copy, so that this test's cache does not race other tests.
    for e in walk(Path::new(samples)) {
        let rel = e.strip_prefix(samples).unwrap();
        fs::create_dir_all(d.path().join(rel).parent().unwrap()).unwrap();
        fs::copy(&e, d.path().join(rel)).unwrap();
    }
    let base = run(d.path(), &["check", "--format", "json", "--no-cache", "--threads", "1", "."]).0;
    for args in [
        &["check", "--format", "json", "--threads", "2", "."][..],
        &["check", "--format", "json", "--threads", "1", "."],
        &["check", "--format", "json", "--threads", "2", "--no-cache", "."],
    ] {
        assert_eq!(run(d.path(), args).0, base, "{args:?}");
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            continue;
        }
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

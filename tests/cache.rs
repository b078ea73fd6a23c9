//! The cache of results: reused when nothing changed, never trusted when
//! broken, never read from or written to the archive, and never changing
//! what is reported.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

mod common;

/// A run with its own cache folder (`BIENBAN_CACHE_DIR`).
fn run_in(dir: &Path, cache: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(dir)
        .env("BIENBAN_CACHE_DIR", cache)
        .args(args)
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code().unwrap_or(-1))
}

/// An archive, and a cache folder beside it (not inside).
struct Setup {
    _tmp: tempfile::TempDir,
    archive: PathBuf,
    cache: PathBuf,
}

impl Setup {
    fn run(&self, args: &[&str]) -> (String, String) {
        let (out, err, _) = run_in(&self.archive, &self.cache, args);
        (out, err)
    }

    /// The cache files written so far.
    fn cache_files(&self) -> Vec<PathBuf> {
        let Ok(rd) = fs::read_dir(&self.cache) else { return Vec::new() };
        let mut v: Vec<PathBuf> =
            rd.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "bin")).collect();
        v.sort();
        v
    }
}

fn archive() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("archive");
    fs::create_dir(&d).unwrap();
    fs::write(d.join("bienban.toml"), "").unwrap();
    for (i, present) in [7, 4, 6, 7, 5].iter().enumerate() {
        let text =
            common::meeting("Ban Thường vụ", 7, *present, "").replace("15/03/2021", &format!("{:02}/03/2021", 10 + i));
        fs::write(d.join(format!("r{i}.md")), text).unwrap();
    }
    fs::write(d.join("note.md"), "# Ghi chú\n").unwrap();
    let cache = tmp.path().join("cache");
    Setup { _tmp: tmp, archive: d, cache }
}

const JSON: &[&str] = &["check", "--format", "json", "--debug-cache", "."];

#[test]
fn an_unchanged_archive_is_not_checked_again() {
    let s = archive();
    let (first, log) = s.run(JSON);
    assert_eq!(log.trim(), "cache: 0 hits, 6 misses");
    assert_eq!(s.cache_files().len(), 1, "one cache file per archive");
    // Nothing is written into the archive.
    assert!(!s.archive.join(".bienban_cache").exists());
    let (second, log) = s.run(JSON);
    assert_eq!(log.trim(), "cache: 6 hits, 0 misses");
    assert_eq!(first, second);
    // One file changed: only it is checked again, and its new findings show.
    let changed = common::meeting("Ban Thường vụ", 7, 3, "").replace("15/03/2021", "10/03/2021");
    fs::write(s.archive.join("r0.md"), changed).unwrap();
    let (third, log) = s.run(JSON);
    assert_eq!(log.trim(), "cache: 5 hits, 1 misses");
    let (fresh, _) = s.run(&["check", "--format", "json", "--no-cache", "."]);
    assert_eq!(third, fresh);
    assert_ne!(third, first);
}

#[test]
fn a_corrupt_cache_is_discarded() {
    let s = archive();
    let (want, _) = s.run(JSON);
    let file = s.cache_files().pop().unwrap();
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
        let (got, log) = s.run(JSON);
        assert_eq!(got, want);
        assert_eq!(log.trim(), "cache: 0 hits, 6 misses");
    }
}

#[test]
fn the_options_that_change_results_and_no_cache_are_respected() {
    let s = archive();
    s.run(JSON);
    let (_, log) = s.run(&["--lang", "en", "check", "--debug-cache", "."]);
    assert_eq!(log.trim(), "cache: 0 hits, 6 misses");
    // `--encoding` changes how a file that is not UTF-8 reads: another key.
    s.run(JSON);
    let (_, log) = s.run(&["check", "--format", "json", "--debug-cache", "--encoding", "vni", "."]);
    assert_eq!(log.trim(), "cache: 0 hits, 6 misses");
    let (_, log) = s.run(&["check", "--format", "json", "--debug-cache", "--max-file-size", "1M", "."]);
    assert_eq!(log.trim(), "cache: 0 hits, 6 misses");
    let e = archive();
    e.run(&["check", "--no-cache", "."]);
    assert!(e.cache_files().is_empty() && !e.archive.join(".bienban_cache").exists());
    // Audit mode neither reads nor writes the cache.
    let (_, log) = e.run(&["check", "--audit", "--debug-cache", "."]);
    assert_eq!(log.trim(), "cache: 0 hits, 0 misses");
    assert!(e.cache_files().is_empty());
}

/// The cache's documented format: a 32-byte BLAKE3 of the rest, then the
/// entries keyed by the BLAKE3 of each file's bytes. `forge` turns a
/// genuine cache of a clean record into one that vouches for `bad` (the
/// key of the clean bytes replaced by the key of the bad ones, the
/// checksum recomputed): what a cache shipped with an archive could do.
fn forge(genuine: &[u8], clean: &[u8], bad: &[u8]) -> Vec<u8> {
    let (from, to) = (blake3::hash(clean), blake3::hash(bad));
    let mut payload = genuine[32..].to_vec();
    let at = payload.windows(32).position(|w| w == from.as_bytes()).expect("the clean file's key is in the cache");
    payload[at..at + 32].copy_from_slice(to.as_bytes());
    let mut out = blake3::hash(&payload).as_bytes().to_vec();
    out.extend(payload);
    out
}

#[test]
fn a_cache_shipped_with_the_archive_cannot_hide_a_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    fs::create_dir(&archive).unwrap();
    fs::write(archive.join("bienban.toml"), "").unwrap();
    let clean = common::meeting("Ban Thường vụ", 7, 7, "");
    let bad = common::meeting("Ban Thường vụ", 7, 4, "");
    fs::write(archive.join("r.md"), &clean).unwrap();
    let cache = tmp.path().join("cache");
    let (_, _, code) = run_in(&archive, &cache, &["check", "r.md"]);
    assert_eq!(code, 0);
    let file = fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).find(|p| p.extension().unwrap() == "bin");
    let file = file.unwrap();
    let forged = forge(&fs::read(&file).unwrap(), clean.as_bytes(), bad.as_bytes());
    fs::write(archive.join("r.md"), &bad).unwrap();
    // The forgery ships inside the archive, where a cache used to live and
    // under the cache's own file name: it is never read.
    fs::create_dir(archive.join(".bienban_cache")).unwrap();
    fs::write(archive.join(".bienban_cache/results-v2.bin"), &forged).unwrap();
    fs::write(archive.join(".bienban_cache").join(file.file_name().unwrap()), &forged).unwrap();
    fs::write(archive.join(file.file_name().unwrap()), &forged).unwrap();
    for cache_dir in [&cache, &tmp.path().join("fresh")] {
        let (out, _, code) = run_in(&archive, cache_dir, &["check", "--format", "json", "r.md"]);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("\"quorum\""), "{out}");
    }
    // The forgery is a real one: in the user's own cache folder (which
    // only the user can write) it would be believed.
    fs::write(&file, &forged).unwrap();
    let (_, _, code) = run_in(&archive, &cache, &["check", "r.md"]);
    assert_eq!(code, 0, "the forged entry is well formed");
}

#[cfg(unix)]
#[test]
fn the_cache_folder_is_private_and_failures_are_said() {
    use std::os::unix::fs::PermissionsExt;
    let s = archive();
    s.run(JSON);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&s.cache), 0o700);
    assert_eq!(mode(&s.cache_files()[0]), 0o600);
    // A cache folder others may write is not used, and the run says so.
    fs::set_permissions(&s.cache, fs::Permissions::from_mode(0o777)).unwrap();
    let (out, log) = s.run(&["check", "--format", "json", "."]);
    assert!(log.contains("không dùng bộ nhớ đệm"), "{log}");
    assert!(out.contains("\"quorum\""));
    // A cache folder that is a file: the same.
    let t = archive();
    fs::write(&t.cache, "a file, not a folder").unwrap();
    let (out, log) = t.run(&["--lang", "en", "check", "--format", "json", "."]);
    assert!(log.contains("not using the cache"), "{log}");
    assert!(out.contains("\"quorum\""));
    // A cache file that cannot be written (here a folder holds its name,
    // which stops even root): the run goes on and says why.
    let u = archive();
    u.run(JSON);
    let file = u.cache_files().pop().unwrap();
    fs::remove_file(&file).unwrap();
    fs::create_dir(&file).unwrap();
    let (out, log) = u.run(&["--lang", "en", "check", "--format", "json", "."]);
    assert!(log.contains("cannot write the cache"), "{log}");
    assert!(out.contains("\"quorum\""));
}

#[test]
fn findings_are_the_same_with_one_or_two_threads_with_or_without_cache() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let d = tempfile::tempdir().unwrap();
    let cache = d.path().join(".cache");
    // A copy, so that this test's cache does not race other tests.
    for e in walk(Path::new(samples)) {
        let rel = e.strip_prefix(samples).unwrap();
        fs::create_dir_all(d.path().join(rel).parent().unwrap()).unwrap();
        fs::copy(&e, d.path().join(rel)).unwrap();
    }
    let run = |args: &[&str]| run_in(d.path(), &cache, args).0;
    let base = run(&["check", "--format", "json", "--no-cache", "--threads", "1", "."]);
    for args in [
        &["check", "--format", "json", "--threads", "2", "."][..],
        &["check", "--format", "json", "--threads", "1", "."],
        &["check", "--format", "json", "--threads", "2", "--no-cache", "."],
    ] {
        assert_eq!(run(args), base, "{args:?}");
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

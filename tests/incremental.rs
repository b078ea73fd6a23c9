//! Issue 15: a run reads only what changed. Files whose stat data (size,
//! mtime, ctime, inode) are the recorded ones are not read; the archive
//! rules' findings are kept with the cache. Whatever the cache holds, the
//! answers are those of a run without it: cold, warm, after a touch, after
//! a change that keeps the size and the modification time, with
//! `--no-cache`, for the whole archive and for one file named.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;

mod common;

/// The racy guard's window (`archive::cache::RACY_NS`), and a little more.
const SETTLE: Duration = Duration::from_millis(2100);

struct Archive {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    cache: PathBuf,
}

impl Archive {
    /// A copy of `samples/` (records with single-record and cross-record
    /// findings), its files all last changed more than the racy window ago.
    fn samples() -> Archive {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("archive");
        common::copy_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/samples")), &root);
        let cache = tmp.path().join("cache");
        std::thread::sleep(SETTLE);
        Archive { _tmp: tmp, root, cache }
    }

    /// `bienban ARGS` in the archive: (stdout, files read).
    fn run(&self, args: &[&str]) -> (String, usize) {
        let out = Command::cargo_bin("bienban")
            .unwrap()
            .current_dir(&self.root)
            .env("BIENBAN_CACHE_DIR", &self.cache)
            .args(args)
            .arg("--debug-reads")
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap();
        assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8(out.stderr).unwrap();
        let reads = err.lines().find_map(|l| l.strip_prefix("reads: ")).expect("--debug-reads").parse().unwrap();
        (String::from_utf8(out.stdout).unwrap(), reads)
    }

    fn records(&self) -> Vec<PathBuf> {
        let mut v = Vec::new();
        walk(&self.root, &mut v);
        v.retain(|p| p.extension().is_some_and(|e| e == "md"));
        v.sort();
        v
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn set_mtime(p: &Path, t: SystemTime) {
    fs::File::options().write(true).open(p).unwrap().set_modified(t).unwrap();
}

fn mtime(p: &Path) -> SystemTime {
    fs::metadata(p).unwrap().modified().unwrap()
}

const WHOLE: &[&str] = &["check", "--format", "json", "."];
const FRESH: &[&str] = &["check", "--format", "json", "--no-cache", "."];

#[test]
fn the_same_answers_cold_warm_touched_changed_in_place_and_without_cache() {
    let a = Archive::samples();
    let n = a.records().len();
    let (fresh, _) = a.run(FRESH);
    assert!(fresh.contains("\"report-back\"") && fresh.contains("\"quorum\""), "{fresh}");
    // Cold: every file read. Warm: none, the same answer.
    let (cold, reads) = a.run(WHOLE);
    assert_eq!((cold.as_str(), reads), (fresh.as_str(), n));
    let (warm, reads) = a.run(WHOLE);
    assert_eq!((warm.as_str(), reads), (fresh.as_str(), 0));
    // Touched without a change: read again (their stat data differ), the same answer…
    let now = SystemTime::now();
    for p in a.records() {
        set_mtime(&p, now);
    }
    let (touched, reads) = a.run(WHOLE);
    assert_eq!((touched.as_str(), reads), (fresh.as_str(), n));
    // …and read once more (racy: modified just before the run that recorded
    // them), then known by their stat data.
    let (again, reads) = a.run(WHOLE);
    assert_eq!((again.as_str(), reads), (fresh.as_str(), n));
    std::thread::sleep(SETTLE);
    assert_eq!(a.run(WHOLE).1, n);
    assert_eq!(a.run(WHOLE), (fresh.clone(), 0));

    // A change that keeps the size, the modification time set back as
    // `touch -d` would: the status-change time gives it away.
    let quorum = a.root.join("2021/btv/2021-03-btv-thuong-le.md");
    let text = fs::read_to_string(&quorum).unwrap();
    let before = mtime(&quorum);
    let changed = text.replacen("Có mặt: 6", "Có mặt: 3", 1);
    assert_ne!(changed, text);
    assert_eq!(changed.len(), text.len());
    fs::write(&quorum, &changed).unwrap();
    set_mtime(&quorum, before);
    assert_eq!(fs::metadata(&quorum).unwrap().len(), text.len() as u64);
    let (fresh2, _) = a.run(FRESH);
    assert_ne!(fresh2, fresh, "the change makes a finding");
    let (seen, reads) = a.run(WHOLE);
    assert_eq!(seen, fresh2);
    assert!(reads >= 1, "the changed file was read");
    // The same once more through a new file put in its place (a new inode).
    std::thread::sleep(SETTLE);
    a.run(WHOLE);
    let tmp = quorum.with_extension("tmp");
    fs::write(&tmp, &text).unwrap();
    set_mtime(&tmp, before);
    fs::rename(&tmp, &quorum).unwrap();
    let (back, _) = a.run(WHOLE);
    assert_eq!(back, fresh);
    assert_eq!(a.run(FRESH).0, fresh);
}

#[test]
fn a_pre_commit_run_reads_only_the_named_file_and_sees_what_it_breaks_elsewhere() {
    let a = Archive::samples();
    let n = a.records().len();
    assert_eq!(a.run(WHOLE).1, n);
    // The BTV meeting where the TT's urgent decision 27-QĐ/ĐU was due: the
    // TT record's report-back finding names it.
    let btv = "2021/btv/2021-11-btv-thuong-le.md";
    let one = |a: &Archive, args: &[&str]| {
        let mut v = vec!["check", "--format", "json"];
        v.extend(args);
        v.push(btv);
        a.run(&v)
    };
    let (warm, reads) = one(&a, &[]);
    assert_eq!(reads, 0);
    assert_eq!(warm, one(&a, &["--no-cache"]).0);
    assert!(warm.contains("report-back") && warm.contains("2021-10-20-tt-hoi-y.md"), "{warm}");
    // The meeting now lists it: one file read, the cross-record finding gone.
    let path = a.root.join(btv);
    let text = fs::read_to_string(&path).unwrap();
    // (The record has CRLF line ends.)
    let item = "## Nội dung\r\n\r\n### 0. Thường trực báo cáo\r\n\r\nBáo cáo lại: 27-QĐ/ĐU\r\n";
    let fixed = text.replacen("## Nội dung\r\n", item, 1);
    assert_ne!(fixed, text);
    fs::write(&path, fixed).unwrap();
    let (after, reads) = one(&a, &[]);
    assert_eq!(reads, 1);
    assert_eq!(after, one(&a, &["--no-cache"]).0);
    assert!(!after.contains("report-back"), "{after}");
    // A record that is not named changes: read, and its finding on the
    // named file shows.
    let tt = a.root.join("2021/tt/2021-10-20-tt-hoi-y.md");
    fs::write(&tt, fs::read_to_string(&tt).unwrap().replace("27-QĐ/ĐU", "29-QĐ/ĐU")).unwrap();
    let (later, reads) = one(&a, &[]);
    assert_eq!(reads, 2, "the TT record, and the named one (still racy)");
    assert_eq!(later, one(&a, &["--no-cache"]).0);
    assert!(later.contains("29-QĐ/ĐU"), "{later}");
    // And the whole archive agrees with a run without the cache.
    assert_eq!(a.run(WHOLE).0, a.run(FRESH).0);
}

#[test]
fn a_file_dated_in_the_future_is_read_every_time() {
    let a = Archive::samples();
    let n = a.records().len();
    let p = a.root.join("2021/bch/2021-06-bch-thuong-le-quy-2.md");
    set_mtime(&p, SystemTime::now() + Duration::from_secs(3600));
    std::thread::sleep(SETTLE);
    assert_eq!(a.run(WHOLE).1, n);
    // Its modification time is never older than a run's start: racy, read again.
    assert_eq!(a.run(WHOLE).1, 1);
    assert_eq!(a.run(WHOLE).1, 1);
    assert_eq!(a.run(WHOLE).0, a.run(FRESH).0);
}

#[test]
fn a_small_change_that_keeps_the_cross_record_findings_does_not_rewrite_a_large_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("archive");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("bienban.toml"), "").unwrap();
    for i in 0..150 {
        let text =
            common::meeting("Ban Thường vụ", 7, 7, "").replace("15/03/2021", &format!("{:02}/03/2021", 1 + i % 28));
        fs::write(root.join(format!("r{i:03}.md")), text).unwrap();
    }
    std::thread::sleep(SETTLE);
    let a = Archive { _tmp: tmp, root: root.clone(), cache: root.parent().unwrap().join("cache") };
    assert_eq!(a.run(WHOLE).1, 150);
    let cache_file =
        || fs::read_dir(&a.cache).unwrap().map(|e| e.unwrap().path()).find(|p| p.extension().unwrap() == "bin");
    let written = || fs::metadata(cache_file().unwrap()).unwrap().modified().unwrap();
    let before = written();
    // One record gets a line at its end: its summary (what the cross-record
    // rules read) is the same, so its run reuses their findings and leaves
    // the cache as it is; the next run reads that one file again.
    let p = root.join("r007.md");
    fs::write(&p, fs::read_to_string(&p).unwrap() + "\nĐồng chí thư ký ghi thêm.\n").unwrap();
    let one = ["check", "--format", "json", "r007.md"];
    let (out, reads) = a.run(&one);
    assert_eq!(reads, 1);
    assert_eq!(written(), before, "not rewritten for one file");
    assert_eq!(a.run(&one), (out.clone(), 1));
    assert_eq!(out, a.run(&["check", "--format", "json", "--no-cache", "r007.md"]).0);
    assert_eq!(a.run(WHOLE).0, a.run(FRESH).0);
}

/// Whatever else changes the findings — the numbering term in bienban.toml
/// (the archive rules' findings are cached), the roster, `--select` /
/// `--ignore`, the baseline — a run with the cache answers as one without.
#[test]
fn settings_that_change_the_findings_are_part_of_what_the_cache_is_valid_for() {
    let a = Archive::samples();
    // A copy of May's meeting dated in December: its document numbers are
    // taken already, unless a new term starts in between.
    let may = fs::read_to_string(a.root.join("2021/btv/2021-05-btv-thuong-le.md")).unwrap();
    fs::write(a.root.join("2021/btv/2021-12-20-btv-ban-sao.md"), may.replace("12/05/2021", "20/12/2021")).unwrap();
    // The rules reported (and how many were set aside), the same with the cache as without.
    let same = |args: &[&str]| -> (Vec<String>, usize) {
        let with = |extra: &[&str]| {
            let mut v = vec!["check", "--format", "json"];
            v.extend(extra);
            v.extend(args);
            a.run(&v).0
        };
        let fresh = with(&["--no-cache"]);
        assert_eq!(with(&[]), fresh, "{args:?}, cold cache");
        assert_eq!(with(&[]), fresh, "{args:?}, warm cache");
        let v: serde_json::Value = serde_json::from_str(&fresh).unwrap();
        let rules = v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap().to_string());
        (rules.collect(), v["suppressed"].as_array().map_or(0, Vec::len))
    };
    let has = |args: &[&str], rule: &str| same(args).0.iter().any(|r| r == rule);
    // (The 2021 archive: the other one, nested, has a duplicate of its own.)
    let btv = "2021/btv/2021-05-btv-thuong-le.md";
    assert!(has(&["2021"], "duplicate-id"));
    assert!(has(&[btv], "duplicate-id"));
    // A term from December 2021: numbering restarts, no duplicate.
    let toml = a.root.join("bienban.toml");
    let config = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, format!("{config}\n[term]\nfrom = 2021-12-01\n")).unwrap();
    assert!(!has(&["2021"], "duplicate-id"));
    assert!(!has(&[btv], "duplicate-id"));
    fs::write(&toml, &config).unwrap();
    assert!(has(&[btv], "duplicate-id"));
    // Rules turned off or on from the command line.
    assert!(!has(&["--ignore", "duplicate-id", "2021"], "duplicate-id"));
    let (mut only, _) = same(&["--select", "duplicate-id,roster", "2021"]);
    only.sort();
    only.dedup();
    assert_eq!(only, ["duplicate-id", "roster"]);
    // Without the roster, and with it again.
    assert!(config.contains("roster = \"thanh-vien.toml\""));
    fs::write(&toml, config.replace("roster = \"thanh-vien.toml\"", "")).unwrap();
    assert!(!has(&["2021"], "roster"));
    fs::write(&toml, &config).unwrap();
    assert!(has(&["2021"], "roster"));
    // A baseline: the findings it records are set aside, cached or not.
    a.run(&["check", "--write-baseline", "2021"]);
    let (left, aside) = same(&["2021"]);
    assert!(left.is_empty() && aside > 0, "{left:?} {aside}");
    assert_eq!(same(&[btv]).0, Vec::<String>::new());
}

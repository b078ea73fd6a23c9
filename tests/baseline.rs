//! The baseline (`bienban-baseline.json`): written at the archive's root by
//! `--write-baseline`, it sets aside the findings it records — also after
//! edits elsewhere in the file, however bienban is started —, reports new
//! ones, lists (and fails on) entries that no longer match until
//! `--prune-baseline`; `--no-baseline`, `--no-allow` and `--audit` show
//! everything; JSON, SARIF and the HTML report say what it set aside; a
//! hostile baseline is refused, never followed, never written outside the root.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::copy_dir;

const QUORUM: &str = "2021/btv/2021-04-btv-thuong-le.md";

/// A copy of the 2021 sample archive (13 findings: 9 errors, 4 warnings;
/// without the nested 16-HD archive) and a cache folder of its own.
fn archive() -> (tempfile::TempDir, tempfile::TempDir) {
    let d = tempfile::tempdir().unwrap();
    copy_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples"), d.path());
    fs::remove_dir_all(d.path().join("khoi-doanh-nghiep-2023")).unwrap();
    (d, tempfile::tempdir().unwrap())
}

fn bienban(cwd: &Path, cache: &Path) -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.current_dir(cwd).env("BIENBAN_CACHE_DIR", cache);
    c
}

fn run(cwd: &Path, cache: &Path, args: &[&str]) -> (i32, String, String) {
    let o = bienban(cwd, cache).args(args).output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn json(cwd: &Path, cache: &Path, args: &[&str]) -> Value {
    let mut a = vec!["check", "--format", "json"];
    a.extend_from_slice(args);
    serde_json::from_str(&run(cwd, cache, &a).1).unwrap()
}

fn records(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v = Vec::new();
    for e in walk(root) {
        if e.extension().is_some_and(|x| x == "md") {
            v.push((e.clone(), fs::read(&e).unwrap()));
        }
    }
    v.sort();
    v
}

fn walk(d: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(d).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn edit(path: &Path, from: &str, to: &str) {
    let s = fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, s.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_written_baseline_sets_aside_what_it_records_and_never_touches_a_record() {
    let (d, cache) = archive();
    let root = d.path();
    let before = records(root);
    let (code, out, err) = run(root, cache.path(), &["check", "--write-baseline"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("bienban-baseline.json: 13 phát hiện"), "{err}");
    assert!(out.ends_with("27 tệp, 0 lỗi, 0 cảnh báo; bỏ qua 2 tệp (--show-skipped để xem lý do); tệp mốc bỏ qua 13 phát hiện cũ (--no-baseline để xem)\n"), "{out}");
    assert_eq!(records(root), before, "no record is edited");
    let b: Value = serde_json::from_str(&fs::read_to_string(root.join("bienban-baseline.json")).unwrap()).unwrap();
    assert_eq!(b["version"], 1);
    let q = &b["files"][QUORUM]["quorum"];
    assert_eq!(q["count"], 1);
    assert_eq!(q["fingerprints"].as_array().unwrap().len(), 1);
    let total: u64 = b["files"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|m| m.as_object().unwrap().values())
        .map(|e| e["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 13);
    // Later runs: nothing reported, the count in the summary, in English too.
    let (code, out, _) = run(root, cache.path(), &["--lang", "en", "check", "--quiet"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (_, out, _) = run(root, cache.path(), &["--lang", "en", "check"]);
    assert!(out.contains("; 13 old findings set aside by the baseline (--no-baseline shows them)"), "{out}");
    // The audit flags see everything.
    for flag in ["--no-baseline", "--no-allow", "--audit"] {
        let (code, out, _) = run(root, cache.path(), &["check", flag, "--format", "short"]);
        assert_eq!(code, 1, "{flag}");
        assert!(out.contains(&format!("{QUORUM}:15:9: error[quorum]")), "{flag}: {out}");
        assert!(!out.contains("tệp mốc bỏ qua"), "{flag}: {out}");
    }
}

#[test]
fn edits_elsewhere_keep_a_finding_set_aside_however_bienban_is_started() {
    let (d, cache) = archive();
    let root = d.path();
    run(root, cache.path(), &["check", "--write-baseline"]);
    // Lines added above the finding: its line number changes, not its fingerprint.
    edit(&root.join(QUORUM), "Tổng số thành viên: 7", "Ghi chú: thêm một dòng\n\nTổng số thành viên: 7");
    let abs = root.join(QUORUM);
    let sub = root.join("2021/btv");
    for (cwd, path) in [
        (root, QUORUM.to_string()),
        (sub.as_path(), "2021-04-btv-thuong-le.md".to_string()),
        (Path::new("/"), abs.to_string_lossy().into_owned()),
    ] {
        let v = json(cwd, cache.path(), &[&path]);
        assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0, "from {}: {v}", cwd.display());
        let s = &v["suppressed"][0];
        assert_eq!(
            (s["rule"].as_str(), s["by"].as_str(), s["line"].as_u64()),
            (Some("quorum"), Some("baseline"), Some(17))
        );
        assert_eq!(v["baseline"]["suppressed"], 1);
    }
}

#[test]
fn new_findings_are_reported_and_unmatched_entries_fail_until_pruned() {
    let (d, cache) = archive();
    let root = d.path();
    run(root, cache.path(), &["check", "--write-baseline"]);
    let baseline = root.join("bienban-baseline.json");
    // The finding's own line changes: the old entry no longer matches, and
    // what the line now says is a new finding.
    edit(&root.join(QUORUM), "Có mặt: 4", "Có mặt: 3");
    let (code, out, _) = run(root, cache.path(), &["check", "--format", "short", QUORUM]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("{QUORUM}:15:9: error[")), "{out}");
    assert!(
        out.contains(&format!(
            "bienban-baseline.json: {QUORUM}: quorum: 1 phát hiện đã ghi trong tệp mốc không còn xảy ra"
        )),
        "{out}"
    );
    assert!(out.contains("1 mục của tệp mốc không còn khớp (--prune-baseline để xóa)"), "{out}");
    // Unused entries fail the run on their own (as ESLint's do); --exit-zero passes.
    edit(&root.join(QUORUM), "Có mặt: 3", "Có mặt: 4");
    edit(&root.join(QUORUM), "## Thành phần", "<!-- bienban: allow(quorum) họp lại ngày 20/4 -->\n\n## Thành phần");
    let (code, out, _) = run(root, cache.path(), &["check", "--format", "short", QUORUM]);
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("error["), "{out}");
    assert_eq!(run(root, cache.path(), &["check", "--exit-zero", QUORUM]).0, 0);
    // JSON lists the unused entry; SARIF and JUnit keep their output clean (on standard error).
    let v = json(root, cache.path(), &[QUORUM]);
    assert_eq!(v["baseline"]["unused"][0]["rule"], "quorum");
    assert_eq!(v["baseline"]["unused"][0]["path"], QUORUM);
    let (_, sarif, err) = run(root, cache.path(), &["check", "--format", "sarif", QUORUM]);
    assert!(serde_json::from_str::<Value>(&sarif).is_ok());
    assert!(err.contains("quorum: 1 "), "{err}");
    // Pruned: the entry goes, the others stay, the run passes.
    let (code, _, err) = run(root, cache.path(), &["check", "--prune-baseline", QUORUM]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("đã xóa 1 dấu vân tay"), "{err}");
    let b: Value = serde_json::from_str(&fs::read_to_string(&baseline).unwrap()).unwrap();
    assert!(b["files"].get(QUORUM).is_none(), "{b}");
    assert_eq!(b["files"].as_object().unwrap().len(), 12);
    assert_eq!(run(root, cache.path(), &["check"]).0, 0);
}

#[test]
fn a_deleted_record_leaves_entries_that_a_whole_archive_run_reports() {
    let (d, cache) = archive();
    let root = d.path();
    run(root, cache.path(), &["check", "--write-baseline"]);
    fs::remove_file(root.join("2021/btv/2021-06-btv-thuong-le.md")).unwrap();
    // A run on another file does not judge the deleted file's entries…
    let (code, out, _) =
        run(root, cache.path(), &["check", "--format", "short", "2021/bch/2021-09-bch-thuong-le-quy-3.md"]);
    assert_eq!(code, 0, "{out}");
    // …the whole archive does, and reports what the deletion broke.
    let (code, out, _) = run(root, cache.path(), &["check", "--format", "short"]);
    assert_eq!(code, 1);
    assert!(out.contains("bienban-baseline.json: 2021/btv/2021-06-btv-thuong-le.md: unknown-matter: 1 "), "{out}");
    assert!(out.contains("error[meeting-frequency]"), "{out}");
}

#[test]
fn sarif_marks_baselined_results_external_and_unchanged_and_the_others_new() {
    let (d, cache) = archive();
    let root = d.path();
    run(root, cache.path(), &["check", "--write-baseline"]);
    edit(&root.join("2021/btv/2021-03-btv-thuong-le.md"), "Có mặt: 6", "Có mặt: 3");
    let (_, out, _) = run(root, cache.path(), &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let baselined: Vec<&Value> = results.iter().filter(|r| r["baselineState"] == "unchanged").collect();
    assert_eq!(baselined.len(), 13);
    for r in &baselined {
        assert_eq!(r["suppressions"][0]["kind"], "external", "{r}");
        assert!(r["suppressions"][0]["justification"].as_str().unwrap().contains("bienban-baseline.json"));
    }
    let new: Vec<&Value> = results.iter().filter(|r| r["baselineState"] == "new").collect();
    assert!(new.iter().any(|r| r.get("suppressions").is_none()), "the new quorum finding");
    assert!(new.iter().filter_map(|r| r.get("suppressions")).all(|s| s[0]["kind"] == "inSource"));
    assert_eq!(baselined.len() + new.len(), results.len());
    // Without a baseline, no baselineState at all.
    let (_, out, _) = run(root, cache.path(), &["check", "--no-baseline", "--format", "sarif"]);
    assert!(!out.contains("baselineState"));
}

#[test]
fn the_html_report_shows_what_the_baseline_set_aside_and_why() {
    let (d, cache) = archive();
    let root = d.path();
    run(root, cache.path(), &["check", "--write-baseline"]);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("r");
    let (code, _, err) = run(root, cache.path(), &["--lang", "en", "report", "--html", dir.to_str().unwrap(), "."]);
    assert_eq!(code, 0, "{err}");
    let pages: String = walk(&dir)
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(
        pages.matches("Set aside by the archive&#39;s baseline").count()
            + pages.matches("Set aside by the archive's baseline").count(),
        13,
        "one note per baselined finding"
    );
    let dir2 = out.path().join("r2");
    assert_eq!(run(root, cache.path(), &["report", "--no-baseline", "--html", dir2.to_str().unwrap(), "."]).0, 1);
}

#[test]
fn a_hostile_baseline_is_refused_or_harmless() {
    let (d, cache) = archive();
    let root = d.path();
    let baseline = root.join("bienban-baseline.json");
    // Not JSON, or not ours: the run stops (exit 2) rather than hide
    // anything, pointing at the place; --no-baseline checks anyway.
    for (text, says) in [
        ("{ \"version\": 1, \"files\": [", "tệp mốc không hợp lệ"),
        ("{ \"version\": 9, \"files\": {} }", "phiên bản"),
        ("{ \"version\": 1, \"files\": {}, \"hide\": true }", "tệp mốc không hợp lệ"),
        (
            &format!("{{ \"version\": 1, \"files\": {{ \"{QUORUM}\": {{ \"quorum\": {{ \"count\": 99, \"fingerprints\": [\"0000000000000000\"] }} }} }} }}"),
            "`count`",
        ),
    ] {
        fs::write(&baseline, text).unwrap();
        let (code, out, err) = run(root, cache.path(), &["check"]);
        assert_eq!(code, 2, "{text}: {out}{err}");
        assert!(err.contains(says) && err.contains("--no-baseline"), "{text}: {err}");
        assert_eq!(run(root, cache.path(), &["check", "--no-baseline"]).0, 1);
    }
    // Entries for paths outside the archive, or with control characters,
    // match nothing and are shown escaped.
    fs::write(
        &baseline,
        "{ \"version\": 1, \"files\": { \"../../etc/passwd\": { \"quorum\": { \"count\": 1, \"fingerprints\": [\"0000000000000000\"] } }, \"a\\u001b[2J.md\": { \"x\": { \"count\": 0, \"fingerprints\": [] } } } }",
    )
    .unwrap();
    let (code, out, _) = run(root, cache.path(), &["check", "--format", "short"]);
    assert_eq!(code, 1);
    assert!(out.contains("bienban-baseline.json: ../../etc/passwd: quorum: 1 "), "{out}");
    assert!(!out.contains('\u{1b}'));
    #[cfg(unix)]
    {
        // A link is never read, and writing replaces it without touching its target.
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("victim.json");
        fs::write(&target, "{ \"version\": 1, \"files\": {} }").unwrap();
        fs::remove_file(&baseline).unwrap();
        std::os::unix::fs::symlink(&target, &baseline).unwrap();
        let (code, _, err) = run(root, cache.path(), &["check"]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("liên kết"), "{err}");
        let (code, _, err) = run(root, cache.path(), &["check", "--write-baseline"]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "{ \"version\": 1, \"files\": {} }");
        assert!(!fs::symlink_metadata(&baseline).unwrap().file_type().is_symlink());
    }
}

#[test]
fn the_baseline_is_written_at_the_root_from_anywhere_and_only_there() {
    let (d, cache) = archive();
    let root = d.path();
    let (code, _, err) =
        run(&root.join("2021/btv"), cache.path(), &["check", "--write-baseline", "2021-04-btv-thuong-le.md"]);
    assert_eq!(code, 0, "{err}");
    assert!(root.join("bienban-baseline.json").is_file());
    assert!(!root.join("2021/btv/bienban-baseline.json").exists());
    // The whole archive is recorded, whatever was named.
    let b: Value = serde_json::from_str(&fs::read_to_string(root.join("bienban-baseline.json")).unwrap()).unwrap();
    assert_eq!(b["files"].as_object().unwrap().len(), 13);
    // Without a bienban.toml there is no root to write at.
    let loose = tempfile::tempdir().unwrap();
    fs::copy(root.join(QUORUM), loose.path().join("a.md")).unwrap();
    let (code, _, err) = run(loose.path(), cache.path(), &["check", "--write-baseline", "a.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("bienban.toml"), "{err}");
    assert!(!loose.path().join("bienban-baseline.json").exists());
    // Nor from standard input.
    let (code, _, _) = run(root, cache.path(), &["check", "--write-baseline", "-"]);
    assert_eq!(code, 2);
}

//! Never silent: every Markdown file that is not checked is counted in the
//! summary, and `--show-skipped` (or `--verbose`) says which and why, in
//! every output format, with or without the cache.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

mod common;

/// A run with its own cache folder, so that runs see each other's cache.
fn bienban(root: &std::path::Path, cache: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.current_dir(root).env("BIENBAN_CACHE_DIR", cache).env_remove("NO_COLOR");
    c
}

/// An archive with one record and four files that are not read as records:
/// a README (another heading), an empty file, a note without a title, and
/// a record left out by `exclude`.
fn archive() -> (tempfile::TempDir, tempfile::TempDir) {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    fs::write(root.join("bienban.toml"), "exclude = [\"du-thao/**\"]\n").unwrap();
    fs::write(root.join("a.md"), common::meeting("Ban Thường vụ", 7, 7, "")).unwrap();
    fs::write(root.join("README.md"), "# Hướng dẫn lưu trữ\n\nMột ghi chú.\n").unwrap();
    fs::write(root.join("trong.md"), "").unwrap();
    fs::write(root.join("ghi-chu.md"), "Một ghi chú không có tiêu đề.\n").unwrap();
    fs::create_dir(root.join("du-thao")).unwrap();
    fs::write(root.join("du-thao/b.md"), common::meeting("Ban Thường vụ", 7, 3, "")).unwrap();
    (d, tempfile::tempdir().unwrap())
}

const LISTED_VI: &str = "\
README.md: bỏ qua: không phải biên bản: đề mục đầu tiên (dòng 1) là «Hướng dẫn lưu trữ», không bắt đầu bằng «Biên bản», «Phiếu lấy ý kiến» hay «Kết quả lấy ý kiến»
du-thao/b.md: bỏ qua: bị loại khỏi lưu trữ bởi `include` / `exclude` của bienban.toml
ghi-chu.md: bỏ qua: không phải biên bản: không có tiêu đề «Biên bản…», «Phiếu lấy ý kiến…» hay «Kết quả lấy ý kiến…» trong 15 dòng đầu
trong.md: bỏ qua: tệp trống
1 tệp, 0 lỗi, 0 cảnh báo; bỏ qua 4 tệp
";

#[test]
fn the_summary_counts_skipped_files_and_the_flag_lists_them_with_why() {
    let (d, cache) = archive();
    bienban(d.path(), cache.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("1 tệp, 0 lỗi, 0 cảnh báo; bỏ qua 4 tệp (--show-skipped để xem lý do)\n");
    bienban(d.path(), cache.path()).args(["check", "--show-skipped"]).assert().code(0).stdout(LISTED_VI);
    // From the cache, the same; `--verbose` is the same flag.
    bienban(d.path(), cache.path()).args(["check", "--verbose"]).assert().code(0).stdout(LISTED_VI);
    bienban(d.path(), cache.path())
        .args(["check", "--show-skipped", "--lang", "en", "--format", "short"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("trong.md: skipped: the file is empty\n"))
        .stdout(predicate::str::contains(
            "du-thao/b.md: skipped: left out of the archive by bienban.toml's `include` / `exclude`\n",
        ))
        .stdout(predicate::str::ends_with("1 file, 0 errors, 0 warnings; 4 files skipped\n"));
}

#[test]
fn a_named_file_that_is_skipped_is_listed_too() {
    let (d, cache) = archive();
    bienban(d.path(), cache.path())
        .args(["check", "--show-skipped", "README.md", "du-thao/b.md", "a.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("README.md: bỏ qua: không phải biên bản"))
        .stdout(predicate::str::contains("du-thao/b.md: bỏ qua: bị loại"))
        .stdout(predicate::str::ends_with("1 tệp, 0 lỗi, 0 cảnh báo; bỏ qua 2 tệp\n"));
    // From standard input.
    bienban(d.path(), cache.path())
        .args(["check", "--show-skipped", "--stdin-filename", "x.md", "-"])
        .write_stdin("# Ghi chú\n")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "x.md: bỏ qua: không phải biên bản: đề mục đầu tiên (dòng 1) là «Ghi chú»",
        ));
}

#[test]
fn json_lists_skipped_files_only_with_the_flag() {
    let (d, cache) = archive();
    let plain = bienban(d.path(), cache.path()).args(["check", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(v.get("skipped").is_none(), "{v}");
    assert_eq!(v["files_checked"], 1);
    let listed = bienban(d.path(), cache.path())
        .args(["check", "--format", "json", "--show-skipped", "--lang", "en"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(v["files_checked"], 1, "skipped files are not counted as checked");
    let skipped = v["skipped"].as_array().unwrap();
    let paths: Vec<&str> = skipped.iter().map(|s| s["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["README.md", "du-thao/b.md", "ghi-chu.md", "trong.md"]);
    assert_eq!(skipped[3]["reason"], "the file is empty");
}

#[test]
fn formats_without_a_place_for_them_list_skipped_files_on_standard_error() {
    let (d, cache) = archive();
    let out = bienban(d.path(), cache.path()).args(["check", "--format", "sarif", "--show-skipped"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("SARIF stays valid JSON");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("trong.md: bỏ qua: tệp trống"), "{err}");
    // Without the flag, nothing on standard error.
    let out = bienban(d.path(), cache.path()).args(["check", "--format", "sarif"]).output().unwrap();
    assert!(out.stderr.is_empty());
}

#[test]
fn the_inspectors_report_lists_skipped_files() {
    let (d, cache) = archive();
    let out = tempfile::tempdir().unwrap();
    let html = out.path().join("r");
    bienban(d.path(), cache.path())
        .args(["report", "--html"])
        .arg(&html)
        .arg(".")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("bỏ qua 4 tệp"));
    let index = fs::read_to_string(html.join("index.html")).unwrap();
    assert!(index.contains("Tệp không được đọc như biên bản"), "{index}");
    assert!(index.contains("ghi-chu.md") && index.contains("tệp trống"));
}

//! The binary as users run it: exit codes, folders, non-records, bad files,
//! JSON, languages, colours.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

mod common;

fn bienban() -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.env_remove("NO_COLOR");
    c
}

fn archive() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let clean = common::meeting("Ban Thường vụ", 7, 7, &common::decision("khen thưởng", "7 tán thành"));
    fs::write(d.path().join("clean.md"), &clean).unwrap();
    fs::write(d.path().join("README.md"), "# Hướng dẫn lưu trữ\n\nCơ quan: không phải biên bản\n").unwrap();
    fs::create_dir(d.path().join(".git")).unwrap();
    fs::write(d.path().join(".git/x.md"), "# Biên bản hỏng\n\nCó mặt: bảy\n").unwrap();
    d
}

#[test]
fn clean_archive_exits_zero_and_skips_non_records() {
    let d = archive();
    bienban()
        .current_dir(d.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with("1 tệp, 0 lỗi, 0 cảnh báo; bỏ qua 1 tệp (--show-skipped để xem lý do)\n"));
    // A non-record named on the command line is skipped too, and the summary says so.
    bienban()
        .current_dir(d.path())
        .args(["check", "README.md"])
        .assert()
        .code(0)
        .stdout("0 tệp, 0 lỗi, 0 cảnh báo; bỏ qua 1 tệp (--show-skipped để xem lý do)\n");
}

#[test]
fn errors_exit_one_warnings_alone_exit_zero() {
    let d = archive();
    let warn = common::meeting("Ban Thường vụ", 7, 6, "").replace("- Vắng 0: có lý do, đi công tác", "- Vắng 0");
    fs::write(d.path().join("warn.md"), warn).unwrap();
    bienban()
        .current_dir(d.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 tệp, 0 lỗi, 1 cảnh báo"));
    let err = common::meeting("Ban Thường vụ", 7, 4, "");
    fs::write(d.path().join("err.md"), err).unwrap();
    bienban()
        .current_dir(d.path())
        .args(["check", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("bienban::quorum"))
        .stdout(predicate::str::contains("3 tệp, 1 lỗi, 1 cảnh báo"));
}

#[test]
fn bad_files_do_not_stop_the_run() {
    let d = archive();
    fs::write(d.path().join("a-latin1.md"), b"# Bi\xean b\xb6n\n").unwrap();
    fs::write(d.path().join("b-broken.md"), "# Biên bản\n\n<!-- không đóng\n").unwrap();
    let out = bienban()
        .current_dir(d.path())
        .args(["check", "--format", "json", ".", "missing.md"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rules: Vec<(&str, &str)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap(), d["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(rules, [("a-latin1.md", "encoding"), ("b-broken.md", "syntax"), ("missing.md", "io")]);
    assert_eq!(v["files_checked"], 4);
}

#[test]
fn json_follows_the_contract() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("q.md"), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    let out = bienban()
        .current_dir(d.path())
        .args(["check", "--format", "json", "q.md"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let diag = &v["diagnostics"][0];
    let mut keys: Vec<&str> = diag.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    keys.sort();
    // The contract's keys, and `related` (the other files a cross-record finding involves).
    assert_eq!(keys, ["article", "column", "line", "message", "path", "related", "rule", "severity"]);
    assert_eq!(diag["related"], serde_json::json!([]));
    assert_eq!(diag["rule"], "quorum");
    assert_eq!(diag["severity"], "error");
    assert_eq!(diag["path"], "q.md");
    assert_eq!(diag["line"], 11);
    assert_eq!(diag["column"], 9);
    assert_eq!(diag["article"], "Điều 11.1");
    assert_eq!(v["files_checked"], 1);
}

#[test]
fn english_messages_and_summary() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("q.md"), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    bienban()
        .current_dir(d.path())
        .args(["--lang", "en", "check", "q.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no quorum: 4 of 7 members present; at least 5 (2/3) required"))
        .stdout(predicate::str::contains("1 file, 1 error, 0 warnings"));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("q.md"), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    bienban()
        .current_dir(d.path())
        .args(["check", "--color", "always", "q.md"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    bienban()
        .current_dir(d.path())
        .args(["check", "--color", "never", "q.md"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
    // auto: not a terminal here, so no colour either way; NO_COLOR is accepted.
    bienban()
        .current_dir(d.path())
        .env("NO_COLOR", "1")
        .args(["check", "q.md"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn bad_arguments_exit_two() {
    bienban().args(["check", "--format", "xml"]).assert().code(2).stderr(predicate::str::contains("human"));
    bienban().args(["explain", "no-such-rule"]).assert().code(2);
}

#[test]
fn rules_and_explain() {
    bienban()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("quorum").and(predicate::str::contains("Điều 11.1")));
    bienban()
        .args(["--lang", "en", "explain", "quorum"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Example that fires"));
}

#[test]
fn never_writes_to_records() {
    let d = archive();
    let before = fs::read(d.path().join("clean.md")).unwrap();
    let mtime = fs::metadata(d.path().join("clean.md")).unwrap().modified().unwrap();
    bienban().current_dir(d.path()).arg("check").assert().code(0);
    assert_eq!(fs::read(d.path().join("clean.md")).unwrap(), before);
    assert_eq!(fs::metadata(d.path().join("clean.md")).unwrap().modified().unwrap(), mtime);
}

//! The flags people type (issue 13, point 3): `--config`, `--select` /
//! `--ignore` over `[rules]` with a did-you-mean for misspelt names,
//! `--statistics` in every format, `explain`'s did-you-mean and the rule
//! names in shell completions, colours from FORCE_COLOR / CLICOLOR_FORCE /
//! NO_COLOR, a closed pipe, `init` on a missing folder, a `[period]` that
//! ends before it starts.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

mod common;

fn bienban(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.current_dir(cwd).env("BIENBAN_CACHE_DIR", cwd.join(".cache-test")).env_remove("NO_COLOR");
    c
}

/// An archive of one record: a BTV meeting short of its quorum (`quorum`, an error).
fn archive(config: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("bienban.toml"), config).unwrap();
    fs::write(d.path().join("a.md"), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    d
}

fn rules_of(out: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(out).unwrap();
    v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn select_and_ignore_override_the_configuration() {
    let d = archive("[rules]\nquorum = \"off\"\n");
    let json = |args: &[&str]| {
        let mut a = vec!["check", "--format", "json"];
        a.extend_from_slice(args);
        rules_of(&bienban(d.path()).args(&a).output().unwrap().stdout)
    };
    assert!(!json(&[]).contains(&"quorum".to_string()));
    // Selected, it runs at its default severity although [rules] turns it off.
    assert_eq!(json(&["--select", "quorum"]), ["quorum"]);
    bienban(d.path()).args(["check", "--select", "quorum,attendance"]).assert().code(1);
    // Ignored, it does not run; every other rule still does.
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    assert!(json(&[]).contains(&"quorum".to_string()));
    assert!(!json(&["--ignore", "quorum"]).contains(&"quorum".to_string()));
    bienban(d.path()).args(["check", "--ignore", "quorum"]).assert().code(0);
    // --ignore wins over --select.
    assert!(json(&["--select", "quorum", "--ignore", "quorum"]).is_empty());
    // A misspelt rule: exit 2, with a did-you-mean, in the user's language.
    bienban(d.path())
        .args(["check", "--select", "qorum"])
        .assert()
        .code(2)
        .stderr("không có quy tắc nào tên `qorum`; có phải là `quorum`? Xem `bienban rules`\n");
    bienban(d.path())
        .args(["--lang", "en", "check", "--ignore", "quorum,chiar"])
        .assert()
        .code(2)
        .stderr("there is no rule named `chiar`; did you mean `chair`? See `bienban rules`\n");
    let d2 = tempfile::tempdir().unwrap();
    bienban(d.path())
        .args(["report", "--html", d2.path().join("o").to_str().unwrap(), "--select", "nothing-like-it"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("không có quy tắc nào tên `nothing-like-it`; xem `bienban rules`"));
}

#[test]
fn config_names_the_configuration_to_use() {
    let d = archive("[rules]\nquorum = \"error\"\n");
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("mine.toml"), "lang = \"en\"\n[rules]\nquorum = \"warning\"\n").unwrap();
    let mine = other.path().join("mine.toml");
    // Instead of the archive's bienban.toml, from anywhere.
    bienban(d.path())
        .args(["check", "--format", "short", "--config", mine.to_str().unwrap()])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("a.md:11:9: warning[quorum] no quorum"));
    // Also for files with no bienban.toml above them.
    let loose = tempfile::tempdir().unwrap();
    fs::write(loose.path().join("b.md"), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    bienban(loose.path()).args(["check", "b.md"]).assert().code(1);
    bienban(loose.path()).args(["check", "--config", mine.to_str().unwrap(), "b.md"]).assert().code(0);
    // And with --audit (it is the user's own configuration, not the archive's).
    bienban(d.path()).args(["check", "--audit", "--config", mine.to_str().unwrap()]).assert().code(0);
    // Missing or invalid: exit 2, with the place.
    bienban(d.path()).args(["check", "--config", "nowhere.toml"]).assert().code(2);
    fs::write(other.path().join("bad.toml"), "[rules]\nqorum = \"off\"\n").unwrap();
    bienban(d.path())
        .args(["check", "--config", other.path().join("bad.toml").to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("có phải là `quorum`?"));
}

#[test]
fn a_period_that_ends_before_it_starts_is_a_configuration_error() {
    let d = archive("[period]\nfrom = 2021-12-31\nto = 2021-01-01\n");
    bienban(d.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kỳ bắt đầu (`from`) sau ngày kết thúc (`to`)"))
        .stderr(predicate::str::contains("from = 2021-12-31"));
    fs::write(d.path().join("bienban.toml"), "[period]\nfrom = 2021-01-01\nto = 2021-01-01\n").unwrap();
    bienban(d.path()).arg("check").assert().code(1);
}

#[test]
fn statistics_follow_the_format() {
    let d = archive("");
    let out = bienban(d.path()).args(["check", "--statistics", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files_checked"], 1);
    let rows = v["statistics"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["rule"] == "quorum" && r["severity"] == "error" && r["count"] == 1), "{v}");
    let out = bienban(d.path()).args(["check", "--statistics", "--format", "json-lines"]).output().unwrap();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        assert!(row["count"].as_u64().unwrap() >= 1);
    }
    // SARIF (and the other formats of tools) stay whole; the table goes to standard error.
    for format in ["sarif", "gitlab"] {
        let out = bienban(d.path()).args(["check", "--statistics", "--format", format]).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_slice::<Value>(&out.stdout).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert!(String::from_utf8_lossy(&out.stderr).contains("quorum"));
    }
    // The human table is unchanged.
    bienban(d.path())
        .args(["check", "--statistics"])
        .assert()
        .stdout(predicate::str::is_match(r"^\s+1  quorum\s+lỗi").unwrap());
}

#[test]
fn explain_suggests_and_completions_know_the_rules() {
    let d = tempfile::tempdir().unwrap();
    bienban(d.path())
        .args(["explain", "qorum"])
        .assert()
        .code(2)
        .stderr("không có quy tắc nào tên `qorum`; có phải là `quorum`? Xem `bienban rules`\n");
    bienban(d.path())
        .args(["explain", "zzzzzzzzzz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xem `bienban rules`"));
    bienban(d.path()).args(["explain", "quorum"]).assert().code(0);
    for shell in ["bash", "zsh", "fish"] {
        let out = bienban(d.path()).args(["completions", shell]).output().unwrap();
        let script = String::from_utf8(out.stdout).unwrap();
        for rule in ["quorum", "report-back", "meeting-frequency"] {
            assert!(script.contains(rule), "{shell} completion lacks {rule}");
        }
    }
}

#[test]
fn colours_follow_force_color_clicolor_force_and_no_color() {
    let d = archive("");
    let ansi = |envs: &[(&str, &str)], remove: &[&str]| {
        let mut c = bienban(d.path());
        c.args(["check"]);
        for (k, v) in envs {
            c.env(k, v);
        }
        for k in remove {
            c.env_remove(k);
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap().contains('\u{1b}')
    };
    let none: &[&str] = &["FORCE_COLOR", "CLICOLOR_FORCE", "NO_COLOR", "CLICOLOR"];
    assert!(!ansi(&[], none), "a pipe gets no colour");
    assert!(ansi(&[("FORCE_COLOR", "1")], &["CLICOLOR_FORCE", "NO_COLOR"]));
    assert!(ansi(&[("CLICOLOR_FORCE", "1")], &["FORCE_COLOR", "NO_COLOR"]));
    assert!(!ansi(&[("FORCE_COLOR", "0")], &["CLICOLOR_FORCE", "NO_COLOR"]));
    assert!(!ansi(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")], &["CLICOLOR_FORCE"]));
    assert!(ansi(&[("FORCE_COLOR", "1"), ("TERM", "dumb")], &["NO_COLOR"]), "forced wins over TERM=dumb");
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_normal_status() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    for i in 0..400 {
        fs::write(d.path().join(format!("r{i:03}.md")), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("bienban");
    for (cmd, status) in [
        ("check", 1),
        ("check --format json", 1),
        ("check --no-cache --exit-zero", 0),
        ("rules", 0),
        ("completions zsh", 0),
    ] {
        let script = format!("\"{}\" {cmd} | head -c 10 >/dev/null; echo \"${{PIPESTATUS[0]}}\"", bin.display());
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(&script)
            .current_dir(d.path())
            .env("BIENBAN_CACHE_DIR", d.path().join(".c"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), status.to_string(), "{cmd}: {stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{cmd}: {stderr}");
    }
}

#[test]
fn init_on_a_missing_folder_says_so_in_vietnamese() {
    let d = tempfile::tempdir().unwrap();
    bienban(d.path())
        .args(["init", "khong-co"])
        .assert()
        .code(2)
        .stderr("thư mục khong-co không tồn tại; tạo nó trước (mkdir), rồi chạy lại `bienban init`\n");
    bienban(d.path())
        .args(["--lang", "en", "init", "khong-co"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the folder khong-co does not exist"));
    assert!(!d.path().join("khong-co").exists());
}

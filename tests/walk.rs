//! Which files a run walks (issues 13 and 15): `.gitignore` and `.ignore`
//! files leave files out (not listed as skipped: git does not track them
//! either), `--no-ignore` and `--audit` walk them all, `--exclude` adds to
//! bienban.toml's `exclude` (those are listed as skipped, with the reason),
//! and no ignore file can make bienban read outside the archive or wait.

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

mod common;

fn bienban(dir: &Path, cache: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(dir)
        .env("BIENBAN_CACHE_DIR", cache)
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), code)
}

/// Paths of the diagnostics of a JSON report, and of its skipped files.
fn paths(json: &str) -> (Vec<String>, Vec<String>) {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let get = |k: &str| -> Vec<String> {
        let mut p: Vec<String> = v[k]
            .as_array()
            .map(|a| a.iter().map(|d| d["path"].as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        p.sort();
        p.dedup();
        p
    };
    (get("diagnostics"), get("skipped"))
}

/// An archive of records that each have a quorum error, in places that
/// ignore files and globs leave out.
fn archive() -> (tempfile::TempDir, std::path::PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("archive");
    let bad = common::meeting("Ban Thường vụ", 7, 3, "");
    for p in ["a.md", "nhap.md", "du-thao/b.md", "2021/c.md", "2021/giu.md", "2022/d.md", "bao-cao/e.md"] {
        let p = root.join(p);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, &bad).unwrap();
    }
    fs::write(root.join("bienban.toml"), "exclude = [\"bao-cao/\"]\n").unwrap();
    fs::write(root.join(".gitignore"), "nhap.md\ndu-thao/\n").unwrap();
    fs::write(root.join("2021/.gitignore"), "giu.md\n").unwrap();
    fs::write(root.join("2021/.ignore"), "!giu.md\n").unwrap();
    fs::write(root.join("2022/.ignore"), "*.md\n").unwrap();
    (d, root)
}

const ALL: [&str; 7] = ["2021/c.md", "2021/giu.md", "2022/d.md", "a.md", "bao-cao/e.md", "du-thao/b.md", "nhap.md"];

#[test]
fn ignore_files_leave_files_out_silently_and_exclude_lists_them_as_skipped() {
    let (d, root) = archive();
    let cache = d.path().join("cache");
    let json = ["check", "--format", "json", "--show-skipped", "."];
    let (out, _, code) = bienban(&root, &cache, &json);
    assert_eq!(code, 1);
    assert_eq!(
        paths(&out),
        (vec!["2021/c.md".into(), "2021/giu.md".into(), "a.md".into()], vec!["bao-cao/e.md".into()])
    );
    // The same from the cache, and from a subfolder (the root's .gitignore still counts).
    assert_eq!(paths(&bienban(&root, &cache, &json).0), paths(&out));
    let (sub, _, _) = bienban(&root.join("2021"), &cache, &["check", "--format", "json", "--show-skipped", "."]);
    assert_eq!(paths(&sub).0, ["c.md", "giu.md"]);
    // --no-ignore and --audit walk everything (--audit also sets bienban.toml aside).
    let (all, _, _) = bienban(&root, &cache, &["check", "--format", "json", "--show-skipped", "--no-ignore", "."]);
    let mut want: Vec<String> = ALL.iter().map(|s| s.to_string()).collect();
    want.retain(|p| p != "bao-cao/e.md");
    assert_eq!(paths(&all), (want, vec!["bao-cao/e.md".into()]));
    let (audit, _, _) = bienban(&root, &cache, &["check", "--format", "json", "--audit", "."]);
    assert_eq!(paths(&audit).0, ALL);
    // A file named is checked even if ignored (as ripgrep and ruff do).
    let (named, _, _) = bienban(&root, &cache, &["check", "--format", "json", "nhap.md"]);
    assert_eq!(paths(&named).0, ["nhap.md"]);
}

#[test]
fn exclude_on_the_command_line_adds_to_the_configuration() {
    let (d, root) = archive();
    let cache = d.path().join("cache");
    let args = ["--lang", "en", "check", "--show-skipped", "--exclude", "2021/", "--exclude", "*.nhap.md", "--format"];
    let (out, _, _) = bienban(&root, &cache, &[&args[..], &["json", "."]].concat());
    assert_eq!(
        paths(&out),
        (vec!["a.md".into()], vec!["2021/c.md".into(), "2021/giu.md".into(), "bao-cao/e.md".into()])
    );
    let (short, _, _) = bienban(&root, &cache, &[&args[..], &["short", "."]].concat());
    assert!(short.contains("2021/c.md: skipped: left out by `--exclude` on the command line\n"), "{short}");
    assert!(short.contains("bao-cao/e.md: skipped: left out of the archive by bienban.toml's"), "{short}");
    // Named files are left out too (a pre-commit hook passes them), and said so.
    let (named, _, code) = bienban(&root, &cache, &["check", "--show-skipped", "--exclude", "2021/", "2021/c.md"]);
    assert_eq!(code, 0);
    assert!(named.contains("2021/c.md: bỏ qua: bị loại bởi `--exclude`"), "{named}");
    // Without a bienban.toml, relative to the current folder.
    fs::remove_file(root.join("bienban.toml")).unwrap();
    let (plain, _, _) = bienban(&root, &cache, &["check", "--format", "json", "--exclude", "2021/", "."]);
    assert_eq!(paths(&plain).0, ["a.md", "bao-cao/e.md"]);
    // A pattern that is not one: a clear error, exit 2.
    let (_, err, code) = bienban(&root, &cache, &["--lang", "en", "check", "--exclude", "[z-a]", "."]);
    assert_eq!(code, 2);
    assert!(err.contains("--exclude [z-a]: invalid glob"), "{err}");
}

#[cfg(unix)]
#[test]
fn ignore_files_cannot_lead_outside_the_archive_or_block_the_run() {
    let (d, root) = archive();
    let cache = d.path().join("cache");
    let outside = d.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("secret.md"), "PRIVATE-FIRST-LINE\n").unwrap();
    fs::write(outside.join("patterns"), "a.md\n").unwrap();
    // A folder link, which a `!` pattern cannot make the walk follow; a
    // linked .ignore and a FIFO .gitignore, which are not read.
    std::os::unix::fs::symlink(&outside, root.join("ra-ngoai")).unwrap();
    fs::write(root.join(".ignore"), "!ra-ngoai/\n!ra-ngoai/secret.md\n").unwrap();
    fs::remove_file(root.join("2022/.ignore")).unwrap();
    std::os::unix::fs::symlink(outside.join("patterns"), root.join("2022/.ignore")).unwrap();
    fs::remove_file(root.join("2021/.gitignore")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(root.join("2021/.gitignore")).status().unwrap().success());
    let (out, err, code) = bienban(&root, &cache, &["check", "--format", "json", "."]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.contains("PRIVATE") && !out.contains("secret"), "{out}");
    assert_eq!(paths(&out).0, ["2021/c.md", "2021/giu.md", "2022/d.md", "a.md"]);
}

#[cfg(unix)]
#[test]
fn a_file_named_through_a_folder_link_belongs_to_the_archive_it_really_lies_in() {
    let (d, root) = archive();
    let cache = d.path().join("cache");
    let other = d.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("bienban.toml"), "[rules]\nquorum = \"off\"\n").unwrap();
    fs::write(other.join("x.md"), common::meeting("Ban Thường vụ", 7, 3, "")).unwrap();
    std::os::unix::fs::symlink(&other, root.join("lien-ket")).unwrap();
    // The walk of "." does not enter the link; the file named through it
    // is governed by the bienban.toml of the folder it really lies in.
    let (out, err, _) = bienban(&root, &cache, &["check", "--format", "json", ".", "./lien-ket/x.md"]);
    assert!(!out.contains("lien-ket/x.md"), "{out}{err}");
    assert_eq!(paths(&out).0, ["2021/c.md", "2021/giu.md", "a.md"]);
}

/// A folder below the root with a `bienban.toml` of its own is another
/// archive (another organisation's numbering): a run that names one file of
/// the outer archive does not read the nested one's records as its own,
/// and reports what checking the whole tree reports for that file.
#[test]
fn a_nested_archive_is_not_read_as_part_of_the_outer_one() {
    let d = tempfile::tempdir().unwrap();
    let cache = d.path().join("cache");
    let root = d.path().join("archive");
    let record = |no: &str| {
        let item = format!(
            "### 1. Khen thưởng\n\nSố: {no}\nLoại việc: khen thưởng\nQuyết định: Tặng giấy khen cho 03 chi bộ.\nBiểu quyết: nhất trí\n"
        );
        common::meeting("Ban Thường vụ", 7, 7, &item)
    };
    fs::create_dir_all(root.join("con")).unwrap();
    fs::write(root.join("bienban.toml"), "").unwrap();
    fs::write(root.join("a.md"), record("15-QĐ/ĐU")).unwrap();
    fs::write(root.join("con/bienban.toml"), "").unwrap();
    fs::write(root.join("con/b.md"), record("15-QĐ/ĐU")).unwrap();
    let findings = |args: &[&str]| {
        let mut v = vec!["check", "--format", "json"];
        v.extend(args);
        let (out, err, _) = bienban(d.path(), &cache, &v);
        assert!(!out.is_empty(), "{err}");
        paths(&out).0
    };
    // Each archive alone is clean: the same number in two organisations is no duplicate.
    assert_eq!(findings(&["archive"]), Vec::<String>::new());
    for args in [&["archive/a.md"][..], &["--no-cache", "archive/a.md"], &["archive/con/b.md"]] {
        assert_eq!(findings(args), Vec::<String>::new(), "{args:?}");
    }
    // The same number twice in one archive is one.
    fs::write(root.join("b.md"), record("15-QĐ/ĐU")).unwrap();
    assert_eq!(findings(&["--no-cache", "archive/a.md"]), ["archive/a.md", "archive/b.md"]);
}

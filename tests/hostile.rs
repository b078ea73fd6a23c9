//! Hostile trees and files: each gives a diagnostic or is skipped, in
//! bounded time and memory, and the rest of the archive is still checked.
//! Everything is generated here, in a temporary folder.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use bienban::read::legacy::Legacy;

mod common;

/// `(path, rule)` of every finding of `bienban check --format json .` in `dir`.
fn check(dir: &Path, extra: &[&str]) -> (Vec<(String, String)>, i32) {
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--format", "json", "--no-cache"])
        .args(extra)
        .arg(".")
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{out:?}"));
    let mut found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap().to_string(), d["rule"].as_str().unwrap().to_string()))
        .collect();
    found.sort();
    (found, out.status.code().unwrap_or(-1))
}

/// A folder with one record that has a quorum error: it must always be found.
fn tree() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("good.md"), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    d
}

fn has(found: &[(String, String)], path: &str, rule: &str) -> bool {
    found.iter().any(|(p, r)| p == path && r == rule)
}

#[cfg(unix)]
#[test]
fn link_loops_pipes_and_broken_links() {
    let d = tree();
    fs::create_dir(d.path().join("a")).unwrap();
    std::os::unix::fs::symlink("..", d.path().join("a/loop")).unwrap();
    std::os::unix::fs::symlink("x.md", d.path().join("y.md")).unwrap();
    std::os::unix::fs::symlink("y.md", d.path().join("x.md")).unwrap();
    std::os::unix::fs::symlink("good.md", d.path().join("alias.md")).unwrap();
    // A named pipe would block a reader forever.
    let fifo = d.path().join("pipe.md");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (found, code) = check(d.path(), &[]);
    assert_eq!(code, 1);
    assert!(has(&found, "good.md", "quorum"));
    assert!(has(&found, "alias.md", "quorum"), "links to files are followed: {found:?}");
    assert!(has(&found, "x.md", "io") && has(&found, "y.md", "io"), "{found:?}");
    assert!(!found.iter().any(|(p, _)| p.contains("pipe") || p.contains("loop")), "{found:?}");
}

#[test]
fn huge_files_are_refused_unread() {
    let d = tree();
    // 200 MB, sparse: created instantly, never read.
    let f = fs::File::create(d.path().join("huge.md")).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let (found, _) = check(d.path(), &[]);
    assert!(has(&found, "huge.md", "io") && has(&found, "good.md", "quorum"), "{found:?}");
    // The limit is configurable.
    let (found, _) = check(d.path(), &["--max-file-size", "100"]);
    assert!(has(&found, "good.md", "io"), "{found:?}");
}

#[test]
fn a_ten_megabyte_line_and_deep_lists() {
    let d = tree();
    let mut long = String::from("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n");
    long.push_str(&"ả".repeat(5 * 1024 * 1024)); // 10 MB of text on one line
    long.push('\n');
    fs::write(d.path().join("long.md"), &long).unwrap();
    let mut deep = String::from("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt:\n");
    for i in 0..100_000 {
        deep.push_str(&" ".repeat(i % 64));
        deep.push_str("- Nguyễn Văn A\n");
    }
    deep.push_str(&"- ".repeat(100_000));
    deep.push_str("x\n");
    fs::write(d.path().join("deep.md"), &deep).unwrap();
    let (found, _) = check(d.path(), &["--max-file-size", "20M"]);
    assert!(has(&found, "good.md", "quorum"));
    // 100,000 names listed for 7 members: an attendance finding, not a crash.
    assert!(has(&found, "deep.md", "attendance"), "{found:?}");
    assert!(!found.iter().any(|(p, _)| p == "long.md"), "{found:?}");
}

#[test]
fn binary_and_legacy_files() {
    let d = tree();
    let mut bin = b"# Bi\xc3\xaan b\xe1\xba\xa3n\n".to_vec();
    bin.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    bin[40] = 0;
    fs::write(d.path().join("binary.md"), &bin).unwrap();
    // TCVN3 typed text saved as UTF-8: "Biªn b¶n héi nghÞ …".
    let tcvn3_mojibake = "# Biªn b¶n héi nghÞ Ban Th−êng vô §¶ng ñy\n\nC¬ quan: Ban Th−êng vô\nThêi gian: ngµy 15/03/2021\nChñ tr×: Hoµng V¨n §øc (BÝ th−)\n\n## Thµnh phÇn\n\nTæng sè thµnh viªn: 7\nCã mÆt: 7\n";
    fs::write(d.path().join("tcvn3.md"), tcvn3_mojibake).unwrap();
    // Windows-1258 bytes.
    let w1258 =
        bienban::read::legacy::encode(&common::meeting("Ban Thường vụ", 7, 7, ""), Legacy::Windows1258).unwrap();
    fs::write(d.path().join("cp1258.md"), &w1258).unwrap();
    let (found, code) = check(d.path(), &[]);
    assert_eq!(code, 1);
    for f in ["binary.md", "tcvn3.md", "cp1258.md"] {
        assert!(has(&found, f, "encoding"), "{f}: {found:?}");
    }
    assert!(has(&found, "good.md", "quorum"));
    // The messages name the encoding.
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(d.path())
        .args(["--lang", "en", "check", "--format", "short", "cp1258.md", "tcvn3.md"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Windows-1258") && text.contains("TCVN3"), "{text}");
    // --encoding checks the Windows-1258 file anyway: it is a clean record.
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(d.path())
        .args(["check", "--encoding", "windows-1258", "--format", "json", "cp1258.md"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v["files_checked"], 1);
}

#[test]
fn ordinary_vietnamese_never_looks_legacy() {
    let d = tempfile::tempdir().unwrap();
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .args(["check", "--format", "json", "--no-cache", samples])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["rule"] != "encoding"));
    // Notes with Latin-1 symbols are skipped, not flagged.
    fs::write(d.path().join("note.md"), "# Ghi chú © 2021\n\nNhiệt độ 25°C, ½ ngày, «trích dẫn».\n").unwrap();
    let (found, code) = check(d.path(), &[]);
    assert_eq!((found.len(), code), (0, 0));
}

#[test]
fn convert_writes_a_copy_or_replaces_with_a_backup() {
    let d = tempfile::tempdir().unwrap();
    let original = common::meeting("Ban Thường vụ", 7, 7, "");
    let w1258 = bienban::read::legacy::encode(&original, Legacy::Windows1258).unwrap();
    let file = d.path().join("bb.md");
    fs::write(&file, &w1258).unwrap();
    let bienban = || {
        let mut c = Command::cargo_bin("bienban").unwrap();
        c.current_dir(d.path());
        c
    };
    bienban().args(["convert", "--from", "windows-1258", "bb.md"]).assert().code(0);
    assert_eq!(fs::read(&file).unwrap(), w1258.to_vec(), "the original is untouched");
    assert_eq!(fs::read_to_string(d.path().join("bb.unicode.md")).unwrap(), original);
    // Not twice over an existing copy.
    bienban().args(["convert", "--from", "windows-1258", "bb.md"]).assert().code(2);
    bienban().args(["convert", "--from", "windows-1258", "--in-place", "bb.md"]).assert().code(0);
    assert_eq!(fs::read_to_string(&file).unwrap(), original);
    assert_eq!(fs::read(d.path().join("bb.md.orig")).unwrap(), w1258.to_vec());
    // The converted record checks clean.
    bienban().args(["check", "bb.md"]).assert().code(0);
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_when_permissions_apply() {
    use std::os::unix::fs::PermissionsExt;
    let d = tree();
    fs::write(d.path().join("secret.md"), "x").unwrap();
    fs::set_permissions(d.path().join("secret.md"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::create_dir(d.path().join("locked")).unwrap();
    fs::write(d.path().join("locked/inside.md"), "x").unwrap();
    fs::set_permissions(d.path().join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::read(d.path().join("secret.md")).is_ok();
    let (found, code) = check(d.path(), &[]);
    fs::set_permissions(d.path().join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 1);
    assert!(has(&found, "good.md", "quorum"));
    if readable {
        // Running as root: permissions do not apply; nothing more to see.
        return;
    }
    assert!(has(&found, "secret.md", "io") && has(&found, "locked", "io"), "{found:?}");
}

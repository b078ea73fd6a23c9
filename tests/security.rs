//! An archive from anyone can neither fool nor harm the one who checks it
//! (issue 12). Each test is one of the issue's reproductions, run against
//! the binary as a user would: nothing outside the archive is read or
//! written, the verdict cannot be forged, the output cannot drive a
//! terminal or a CI log, and no input makes the run panic, hang or blow up.
//! Only the command line is used, so the same file runs against any build.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

mod common;

struct Out {
    stdout: String,
    stderr: String,
    code: i32,
    took: Duration,
}

/// `bienban ARGS` in `dir`, with a private cache folder, bounded in time.
fn bienban(dir: &Path, args: &[&str]) -> Out {
    let cache = std::env::temp_dir().join(format!("bienban-security-cache-{}", std::process::id()));
    let start = Instant::now();
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(dir)
        .env("BIENBAN_CACHE_DIR", &cache)
        .env("SECRET_TOKEN", "ghp_s3cr3t-t0ken-for-the-test")
        .env_remove("NO_COLOR")
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    Out {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
        took: start.elapsed(),
    }
}

fn json(o: &Out) -> serde_json::Value {
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {} / {}", o.stdout, o.stderr))
}

/// `(path, rule)` of every diagnostic of a JSON report.
fn found(o: &Out) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = json(o)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap().to_string(), d["rule"].as_str().unwrap().to_string()))
        .collect();
    v.sort();
    v
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

const HEAD: &str = "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Báo cáo\n\n";

/// A clean record whose one item reports back `n` numbers no record has:
/// `n` `unknown-reference` warnings, all on one line.
fn references(n: usize) -> String {
    let refs: Vec<String> = (1..=n).map(|i| format!("{i}-QĐ/ĐU")).collect();
    format!("{HEAD}Báo cáo lại: {}\n", refs.join(", "))
}

/// A record with a quorum error.
fn bad() -> String {
    common::meeting("Ban Thường vụ", 7, 4, "")
}

// ───────────────────────── Leaks and writes outside the archive ─────────────────────────

#[cfg(unix)]
#[test]
fn a_record_linked_outside_is_an_io_finding_never_its_content() {
    let d = tmp();
    let outside = tmp();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    fs::write(d.path().join("good.md"), bad()).unwrap();
    // A file outside that is not UTF-8: its first line must never be shown.
    fs::write(outside.path().join("secret.md"), b"PRIVATE-FIRST-LINE \xff\xfe\n").unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", d.path().join("env.md")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", d.path().join("passwd.md")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), d.path().join("secret.md")).unwrap();
    std::os::unix::fs::symlink("/proc/kmsg", d.path().join("kmsg.md")).unwrap();
    for format in ["human", "json", "short", "sarif", "github", "junit", "gitlab"] {
        let o = bienban(d.path(), &["--lang", "en", "check", "--format", format, "."]);
        assert_eq!(o.code, 1, "{format}: {}", o.stderr);
        let all = format!("{}{}", o.stdout, o.stderr);
        for leak in ["ghp_s3cr3t", "SECRET_TOKEN", "root:x:0", "PRIVATE-FIRST-LINE"] {
            assert!(!all.contains(leak), "{format} leaks {leak}: {all}");
        }
        assert!(o.took < Duration::from_secs(30), "{format}: {:?}", o.took);
    }
    let o = bienban(d.path(), &["--lang", "en", "check", "--format", "json", "."]);
    let f = found(&o);
    for link in ["env.md", "passwd.md", "secret.md", "kmsg.md"] {
        assert!(f.contains(&(link.to_string(), "io".to_string())), "{link}: {f:?}");
    }
    assert!(o.stdout.contains("outside the archive"), "{}", o.stdout);
    assert!(f.contains(&("good.md".to_string(), "quorum".to_string())));
    // Named on the command line (as pre-commit passes changed files): the same.
    let o = bienban(d.path(), &["check", "--format", "json", "env.md", "secret.md"]);
    assert!(!o.stdout.contains("ghp_s3cr3t") && !o.stdout.contains("PRIVATE"), "{}", o.stdout);
    assert_eq!(found(&o).iter().filter(|(_, r)| r == "io").count(), 2, "{}", o.stdout);
}

#[cfg(unix)]
#[test]
fn links_inside_the_archive_are_still_followed() {
    let d = tmp();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    fs::create_dir(d.path().join("2021")).unwrap();
    fs::write(d.path().join("2021/good.md"), bad()).unwrap();
    std::os::unix::fs::symlink("2021/good.md", d.path().join("alias.md")).unwrap();
    let o = bienban(d.path(), &["check", "--format", "json", "alias.md"]);
    assert_eq!(found(&o), vec![("alias.md".to_string(), "quorum".to_string())]);
    // Its snippet is shown from the target.
    let o = bienban(d.path(), &["check", "--color", "never", "alias.md"]);
    assert!(o.stdout.contains("Có mặt: 4"), "{}", o.stdout);
}

#[cfg(unix)]
#[test]
fn a_profile_or_roster_outside_the_archive_is_never_read_nor_shown() {
    let d = tmp();
    let outside = tmp();
    fs::write(d.path().join("r.md"), bad()).unwrap();
    fs::write(outside.path().join("x.toml"), "PRIVATE = \"outside the archive\"\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("x.toml"), d.path().join("linked.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", d.path().join("zero.toml")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(d.path().join("fifo.toml")).status().unwrap().success());
    let rel = format!("../{}/x.toml", outside.path().file_name().unwrap().to_string_lossy());
    let abs = outside.path().join("x.toml").to_string_lossy().into_owned();
    // The profile and the roster (format 1.1) are held to the same containment.
    for (key, profile) in ["profile", "roster"].into_iter().flat_map(|k| {
        ["/proc/self/environ", "/etc/passwd", "/dev/zero", &abs, &rel, "linked.toml", "zero.toml", "fifo.toml"]
            .map(|p| (k, p.to_string()))
    }) {
        fs::write(d.path().join("bienban.toml"), format!("{key} = {profile:?}\n")).unwrap();
        let o = bienban(d.path(), &["check", "r.md"]);
        assert_eq!(o.code, 2, "{key} {profile}: {}", o.stderr);
        for leak in ["ghp_s3cr3t", "root:x:0", "PRIVATE", "outside the archive\""] {
            assert!(!o.stderr.contains(leak), "{key} {profile} leaks {leak}: {}", o.stderr);
        }
        assert!(o.took < Duration::from_secs(20), "{key} {profile}: {:?}", o.took);
        // The error points at the archive's own line.
        assert!(o.stderr.contains(&format!("{key} = ")), "{key} {profile}: {}", o.stderr);
    }
}

#[cfg(unix)]
#[test]
fn a_cache_folder_planted_in_the_archive_is_never_written_through() {
    let d = tmp();
    let elsewhere = tmp();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    fs::write(d.path().join("r.md"), bad()).unwrap();
    fs::write(elsewhere.path().join("precious"), "keep me\n").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), d.path().join(".bienban_cache")).unwrap();
    let o = bienban(d.path(), &["check", "."]);
    assert_eq!(o.code, 1);
    let names: Vec<String> = fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["precious".to_string()], "nothing written through the link");
    // A linked .gitignore inside a real cache folder of the archive: not truncated.
    let e = tmp();
    fs::write(e.path().join("bienban.toml"), "").unwrap();
    fs::write(e.path().join("r.md"), bad()).unwrap();
    fs::create_dir(e.path().join(".bienban_cache")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("precious"), e.path().join(".bienban_cache/.gitignore")).unwrap();
    bienban(e.path(), &["check", "."]);
    assert_eq!(fs::read_to_string(elsewhere.path().join("precious")).unwrap(), "keep me\n");
}

#[cfg(unix)]
#[test]
fn a_bienban_toml_of_another_user_does_not_govern_the_run() {
    use std::os::unix::fs::MetadataExt;
    let parent = tmp();
    fs::write(parent.path().join("bienban.toml"), "exclude = [\"**\"]\n[rules]\nquorum = \"off\"\n").unwrap();
    // Owned by someone else: only root can give a file away; otherwise
    // there is nothing to test here.
    let planted = parent.path().join("bienban.toml");
    if std::os::unix::fs::chown(&planted, Some(54321), Some(54321)).is_err() {
        return;
    }
    assert_eq!(fs::metadata(&planted).unwrap().uid(), 54321);
    let archive = parent.path().join("mine");
    fs::create_dir(&archive).unwrap();
    fs::write(archive.join("r.md"), bad()).unwrap();
    let o = bienban(&archive, &["--lang", "en", "check", "--format", "json", "r.md"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(found(&o), vec![("r.md".to_string(), "quorum".to_string())]);
    assert!(o.stderr.contains("belongs to another user"), "{}", o.stderr);
    // Linked bienban.toml files are passed over the same way.
    let l = tmp();
    fs::write(l.path().join("real.toml"), "[rules]\nquorum = \"off\"\n").unwrap();
    std::os::unix::fs::symlink("real.toml", l.path().join("bienban.toml")).unwrap();
    fs::write(l.path().join("r.md"), bad()).unwrap();
    let o = bienban(l.path(), &["--lang", "en", "check", "--format", "json", "r.md"]);
    assert_eq!((o.code, found(&o).len()), (1, 1), "{}", o.stderr);
    assert!(o.stderr.contains("symbolic link"), "{}", o.stderr);
}

#[cfg(unix)]
#[test]
fn convert_in_place_keeps_mode_and_owner_and_never_writes_through_links() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let d = tmp();
    let w1258 = bienban::read::legacy::encode(&bad(), bienban::read::legacy::Legacy::Windows1258).unwrap();
    let convert = |args: &[&str]| bienban(d.path(), &[&["convert", "--from", "windows-1258"][..], args].concat());
    // Mode (and, when allowed, owner) kept.
    let rec = d.path().join("r.md");
    fs::write(&rec, &w1258).unwrap();
    fs::set_permissions(&rec, fs::Permissions::from_mode(0o640)).unwrap();
    let can_chown = std::os::unix::fs::chown(&rec, Some(4242), Some(4343)).is_ok();
    assert_eq!(convert(&["--in-place", "r.md"]).code, 0);
    let m = fs::metadata(&rec).unwrap();
    assert_eq!(m.permissions().mode() & 0o777, 0o640);
    if can_chown {
        assert_eq!((m.uid(), m.gid()), (4242, 4343));
    }
    assert_eq!(fs::read_to_string(&rec).unwrap(), bad());
    assert_eq!(fs::read(d.path().join("r.md.orig")).unwrap(), w1258);
    assert_eq!(fs::metadata(d.path().join("r.md.orig")).unwrap().permissions().mode() & 0o777, 0o640);
    // A dangling NAME.orig link: refused, nothing created where it points.
    let s = d.path().join("s.md");
    fs::write(&s, &w1258).unwrap();
    std::os::unix::fs::symlink(d.path().join("stolen"), d.path().join("s.md.orig")).unwrap();
    assert_eq!(convert(&["--in-place", "s.md"]).code, 2);
    assert!(!d.path().join("stolen").exists());
    assert_eq!(fs::read(&s).unwrap(), w1258, "the record is untouched");
    // A record that is a link: refused, the link and its target untouched.
    let t = d.path().join("target.md");
    fs::write(&t, &w1258).unwrap();
    std::os::unix::fs::symlink("target.md", d.path().join("link.md")).unwrap();
    let o = convert(&["--in-place", "link.md"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(fs::symlink_metadata(d.path().join("link.md")).unwrap().file_type().is_symlink());
    assert_eq!(fs::read(&t).unwrap(), w1258);
    // A name that is not UTF-8: its .orig keeps the bytes.
    let raw = std::ffi::OsStr::from_bytes(b"bi\xean.md");
    fs::write(d.path().join(raw), &w1258).unwrap();
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(d.path())
        .args(["convert", "--from", "windows-1258", "--in-place"])
        .arg(raw)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(d.path().join(std::ffi::OsStr::from_bytes(b"bi\xean.md.orig")).exists());
    // No temporary file is left anywhere.
    let left: Vec<String> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn output_file_never_replaces_a_record_or_a_file_it_did_not_write() {
    let d = tmp();
    fs::write(d.path().join("r.md"), bad()).unwrap();
    fs::write(d.path().join("notes.txt"), "my notes\n").unwrap();
    // A record.
    let o = bienban(d.path(), &["check", "--output-file", "r.md", "r.md"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert_eq!(fs::read_to_string(d.path().join("r.md")).unwrap(), bad());
    // Any other file it did not write.
    let o = bienban(d.path(), &["check", "--output-file", "notes.txt", "r.md"]);
    assert_eq!(o.code, 2);
    assert_eq!(fs::read_to_string(d.path().join("notes.txt")).unwrap(), "my notes\n");
    // Its own reports, in every format, are replaced run after run.
    for format in ["human", "short", "json", "json-lines", "sarif", "github", "junit", "gitlab"] {
        let name = format!("report.{format}");
        for _ in 0..2 {
            let o = bienban(d.path(), &["check", "--format", format, "--output-file", &name, "r.md"]);
            assert_eq!(o.code, 1, "{format}: {}", o.stderr);
        }
    }
    // --force: the user insists.
    let o = bienban(d.path(), &["check", "--format", "json", "--force", "--output-file", "notes.txt", "r.md"]);
    assert_eq!(o.code, 1);
    assert!(fs::read_to_string(d.path().join("notes.txt")).unwrap().contains("\"quorum\""));
}

// ───────────────────────── A verdict that cannot be forged ─────────────────────────

#[test]
fn the_archive_configuration_can_be_set_aside_with_audit() {
    // (`include` is in .gitignore syntax: a list that matches no record
    // leaves every record out.)
    for config in
        ["[rules]\nquorum = \"off\"\n", "exclude = [\"**\"]\n", "include = [\"/khac/**\"]\n", "max_file_size = 10\n"]
    {
        let d = tmp();
        fs::write(d.path().join("bienban.toml"), config).unwrap();
        fs::write(d.path().join("r.md"), bad()).unwrap();
        // The archive's own settings govern an ordinary run…
        let o = bienban(d.path(), &["check", "--format", "json", "r.md"]);
        assert!(!found(&o).contains(&("r.md".to_string(), "quorum".to_string())), "{config}");
        // …but not an inspector's.
        for lang in ["vi", "en"] {
            let o = bienban(d.path(), &["--lang", lang, "check", "--audit", "--color", "never", "r.md"]);
            assert_eq!(o.code, 1, "{config}: {}", o.stdout);
            assert!(o.stdout.contains("bienban::quorum"), "{config}: {}", o.stdout);
            let summary = o.stdout.lines().last().unwrap();
            assert!(summary.contains(if lang == "vi" { "kiểm tra độc lập" } else { "audit" }), "{summary}");
        }
    }
    // Suppressions do not apply either, and a profile may be given.
    let d = tmp();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    let hidden = common::meeting("Ban Thường vụ", 7, 4, "").replacen(
        "\n## Thành phần",
        "\n<!-- bienban: allow(quorum) đã báo cáo -->\n\n## Thành phần",
        1,
    );
    fs::write(d.path().join("r.md"), hidden).unwrap();
    assert_eq!(bienban(d.path(), &["check", "r.md"]).code, 0);
    let o = bienban(d.path(), &["check", "--audit", "--format", "json", "r.md"]);
    assert_eq!(o.code, 1);
    let profile = concat!(env!("CARGO_MANIFEST_DIR"), "/profiles/bac-kan-ccq-2020-2025.toml");
    let o = bienban(d.path(), &["--lang", "en", "check", "--audit", "--profile", profile, "r.md"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("profile ") && o.stdout.contains("bac-kan"), "{}", o.stdout);
}

#[test]
fn the_cache_key_covers_the_encoding() {
    let d = tmp();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    let clean = common::meeting("Ban Thường vụ", 7, 7, "");
    let w1258 = bienban::read::legacy::encode(&clean, bienban::read::legacy::Legacy::Windows1258).unwrap();
    fs::write(d.path().join("r.md"), w1258).unwrap();
    let o = bienban(d.path(), &["check", "--format", "json", "r.md"]);
    assert_eq!(found(&o), vec![("r.md".to_string(), "encoding".to_string())]);
    // Read as Windows-1258 it is clean: not the stale `encoding` finding.
    let o = bienban(d.path(), &["check", "--format", "json", "--encoding", "windows-1258", "r.md"]);
    assert_eq!(found(&o), vec![], "{}", o.stdout);
    // And back: not a hidden one.
    let o = bienban(d.path(), &["check", "--format", "json", "r.md"]);
    assert_eq!(found(&o), vec![("r.md".to_string(), "encoding".to_string())]);
}

// ───────────────────────── Output that drives nothing ─────────────────────────

/// A record full of what terminals and CI logs obey, in a file whose name
/// holds a newline and a workflow command.
#[cfg(unix)]
fn hostile_tree() -> (tempfile::TempDir, String) {
    let d = tmp();
    let evil = "\u{1b}[2J\u{1b}[H\u{1b}]0;owned\u{7}\u{1b}]8;;http://x\u{1b}\\0 lỗi\r::error::forged\u{2028}##[error]x\u{fffe}\u{ffff}\u{9b}31m\u{202e}";
    let name = "r\n::error file=x::forged.md".to_string();
    let text = format!(
        "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ {evil}\nHình thức: {evil}\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 4\n\nVắng mặt:\n- A {evil} ::error::a ::error::b ::error::c ::error::d ::error::e ::error::f ::error::g ::error::h ::error::i ::error::j ::error::k ::error::l ::error::m\n\n## Nội dung\n\n### 1. {evil}\n\nLoại việc: {evil} ::error::a ::error::b ::error::c ::error::d ::error::e ::error::f ::error::g ::error::h ::error::i ::error::j ::error::k ::error::l ::error::m\nQuyết định: {evil}\nBiểu quyết: {evil}\n\n{}\n\n### 2. Việc\n\nLoại việc: NUL\u{0}here\nQuyết định: x\n",
        // A NUL makes a file binary when it is in its first 64 KB; further
        // down it is text, and must be escaped like the rest.
        "Thảo luận. ".repeat(7000)
    );
    fs::write(d.path().join(&name), text).unwrap();
    (d, name)
}

/// Control characters a text report may hold: none but the line feed.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            c != '\n'
                && (c.is_control()
                    || matches!(c, '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}' | '\u{202a}'..='\u{202e}'))
        })
        .collect()
}

/// A line that a CI runner would take for a command (GitHub strips leading
/// white space first).
fn command_lines(s: &str) -> Vec<&str> {
    s.lines()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with("::") || t.starts_with("##[") || t.starts_with("##vso[")
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn human_and_short_output_escape_every_control_character() {
    let (d, _) = hostile_tree();
    for lang in ["vi", "en"] {
        for color in ["never", "always"] {
            for format in ["human", "short"] {
                let o = bienban(d.path(), &["--lang", lang, "check", "--color", color, "--format", format, "."]);
                assert_eq!(o.code, 1, "{format}: {}", o.stderr);
                let plain = if color == "always" { strip_sgr(&o.stdout) } else { o.stdout.clone() };
                assert_eq!(raw_controls(&plain), Vec::<char>::new(), "{format} {color}: {}", o.stdout);
                assert_eq!(command_lines(&plain), Vec::<&str>::new(), "{format} {color}");
                assert!(plain.contains("\\u{1b}[2J") && plain.contains("r\\n::error"), "{format}: {plain}");
                assert!(plain.contains("NUL\\0here"), "{format}: a NUL is escaped too");
            }
        }
    }
    // Each finding of `short` is one line.
    let o = bienban(d.path(), &["check", "--format", "short", "--quiet", "."]);
    let n = found(&bienban(d.path(), &["check", "--format", "json", "."])).len();
    assert_eq!(o.stdout.lines().count(), n);
}

/// The colour sequences bienban itself writes (`ESC [ … m`), removed.
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find(|c: char| !(c.is_ascii_digit() || c == ';')) {
            Some(end) if after[end..].starts_with('m') => rest = &after[end + 1..],
            _ => {
                out.push('\u{1b}');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(unix)]
#[test]
fn github_annotations_cannot_be_forged() {
    let (d, _) = hostile_tree();
    let o = bienban(d.path(), &["check", "--format", "github", "."]);
    assert_eq!(raw_controls(&o.stdout), Vec::<char>::new());
    let n = found(&bienban(d.path(), &["check", "--format", "json", "."])).len();
    assert_eq!(o.stdout.lines().count(), n);
    for line in o.stdout.lines() {
        assert!(
            line.starts_with("::error file=r%0A%3A%3Aerror file=x%3A%3Aforged.md,line=")
                || line.starts_with("::warning file=r%0A%3A%3Aerror file=x%3A%3Aforged.md,line="),
            "{line}"
        );
        // One command per line: the properties end at the first `::`.
        let body = line.split_once("::").unwrap().1.split_once("::").unwrap().0;
        assert!(!body.contains('\n') && body.contains(",title=bienban("), "{body}");
    }
}

#[cfg(unix)]
#[test]
fn machine_formats_hold_only_what_their_format_allows() {
    let (d, name) = hostile_tree();
    // JSON (and JSON lines, GitLab, SARIF): valid, the text kept exactly,
    // and nothing raw that a terminal or JavaScript would act on.
    let o = bienban(d.path(), &["check", "--format", "json", "."]);
    assert_eq!(raw_controls(&o.stdout), Vec::<char>::new(), "{}", o.stdout);
    let v = json(&o);
    assert_eq!(v["diagnostics"][0]["path"], name);
    assert!(v["diagnostics"].as_array().unwrap().iter().any(|d| d["message"].as_str().unwrap().contains("\u{1b}[2J")));
    for format in ["json-lines", "gitlab", "sarif"] {
        let o = bienban(d.path(), &["check", "--format", format, "."]);
        assert_eq!(raw_controls(&o.stdout), Vec::<char>::new(), "{format}");
        if format == "json-lines" {
            for l in o.stdout.lines() {
                serde_json::from_str::<serde_json::Value>(l).unwrap();
            }
        } else {
            serde_json::from_str::<serde_json::Value>(&o.stdout).unwrap();
        }
    }
    let schema: serde_json::Value = serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json")).unwrap();
    let sarif: serde_json::Value =
        serde_json::from_str(&bienban(d.path(), &["check", "--format", "sarif", "."]).stdout).unwrap();
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&sarif));
    // JUnit: well-formed XML 1.0.
    let o = bienban(d.path(), &["check", "--format", "junit", "."]);
    let doc = roxmltree::Document::parse(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", o.stdout));
    // One test case per file, one failure listing its findings.
    let failure = doc.descendants().find(|n| n.has_tag_name("failure")).unwrap();
    assert!(failure.text().unwrap_or_default().lines().count() > 3);
    assert_eq!(raw_controls(&o.stdout), Vec::<char>::new());
}

#[test]
fn junit_is_well_formed_with_noncharacters() {
    let d = tmp();
    fs::write(d.path().join("r.md"), bad().replace("Ban Thường vụ\nHình", "Ban Thường vụ \u{fffe}\u{ffff}\nHình"))
        .unwrap();
    let o = bienban(d.path(), &["check", "--format", "junit", "."]);
    roxmltree::Document::parse(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", o.stdout));
}

// ───────────────────────── Crashes and blow-ups ─────────────────────────

#[test]
fn a_finding_beyond_column_65536_renders() {
    let d = tmp();
    fs::write(d.path().join("r.md"), references(8000)).unwrap();
    let o = bienban(d.path(), &["check", "--color", "never", "."]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("panicked"));
    assert!(o.stdout.contains("8000 cảnh báo"), "{}", &o.stdout[o.stdout.len().saturating_sub(300)..]);
    // The last reference, at its real column, with a short snippet.
    let col = references(8000).lines().last().unwrap().chars().count() - "8000-QĐ/ĐU".chars().count() + 1;
    assert!(col > 65_536);
    assert!(o.stdout.contains(&format!("r.md:16:{col}]")), "column {col}");
    assert!(o.stdout.lines().all(|l| l.chars().count() < 400), "snippets are cut to a window");
}

#[test]
fn human_rendering_is_linear_in_findings() {
    let d = tmp();
    fs::write(d.path().join("a.md"), references(3000)).unwrap();
    fs::write(d.path().join("b.md"), references(24_000)).unwrap();
    let small = bienban(d.path(), &["check", "--color", "never", "a.md"]);
    let large = bienban(d.path(), &["check", "--color", "never", "b.md"]);
    assert!(large.stdout.contains("24000 cảnh báo"));
    // Eight times the findings: well under twenty times the time (it was
    // quadratic), and the output grows as the findings do.
    let ratio = large.took.as_secs_f64() / small.took.as_secs_f64().max(0.05);
    assert!(ratio < 20.0, "{:?} vs {:?}", large.took, small.took);
    assert!(large.stdout.len() < 12 * small.stdout.len());
    assert!(large.took < Duration::from_secs(60), "{:?}", large.took);
}

#[test]
fn a_long_line_is_not_reprinted_per_finding() {
    let d = tmp();
    // Six references on one line of 3.9 MB.
    let filler = "ả".repeat(215_000);
    let refs: Vec<String> = (1..=6).map(|i| format!("{i}-QĐ/ĐU {filler}")).collect();
    fs::write(d.path().join("r.md"), format!("{HEAD}Báo cáo lại: {}\n", refs.join(", "))).unwrap();
    assert!(fs::metadata(d.path().join("r.md")).unwrap().len() > 3_800_000);
    let o = bienban(d.path(), &["check", "--color", "never", "."]);
    assert!(o.code == 0 || o.code == 1, "{}", o.stderr);
    assert!(o.stdout.len() < 60_000, "{} bytes of output", o.stdout.len());
}

#[test]
fn many_positions_on_one_line_are_found_in_linear_time() {
    let d = tmp();
    fs::write(d.path().join("r.md"), references(60_000)).unwrap();
    let json_run = bienban(d.path(), &["check", "--format", "json", "--max-file-size", "8M", "."]);
    assert_eq!(found(&json_run).len(), 60_000);
    // Every format, about as fast as JSON (they were 100 times slower).
    for format in ["sarif", "github", "gitlab", "junit", "short"] {
        let o = bienban(d.path(), &["check", "--format", format, "--max-file-size", "8M", "."]);
        assert_eq!(o.code, 0, "{format}");
        assert!(
            o.took < json_run.took * 6 + Duration::from_secs(2),
            "{format}: {:?} (json {:?})",
            o.took,
            json_run.took
        );
    }
}

/// The `duplicate-id` findings of `check --format json PATH` run in `dir`
/// within 1.5 GB of address space (it once took over 5 GB) and a minute.
#[cfg(unix)]
fn duplicates_within_limits(dir: &Path, path: &str) -> Vec<serde_json::Value> {
    let exe = assert_cmd::cargo::cargo_bin("bienban");
    let script = format!("ulimit -v 1500000; exec '{}' check --no-cache --format json {path}", exe.display());
    let start = Instant::now();
    let out = std::process::Command::new("sh").arg("-c").arg(&script).current_dir(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(start.elapsed() < Duration::from_secs(60));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "duplicate-id").cloned().collect()
}

#[cfg(unix)]
#[test]
fn duplicate_numbers_take_linear_memory() {
    let d = tmp();
    let items: String = (0..8000).map(|i| format!("### {i}. Việc\n\nSố: 15-QĐ/ĐU\n\n")).collect();
    fs::write(d.path().join("r.md"), format!("{HEAD}{items}")).unwrap();
    let dups = duplicates_within_limits(d.path(), "r.md");
    assert_eq!(dups.len(), 8000, "one finding per place");
    assert!(dups.iter().all(|d| d["message"].as_str().unwrap().len() < 400));
}

/// Found by the outside-in run: one number repeated thousands of times in
/// several files made every finding list (and relate to) every other place.
#[cfg(unix)]
#[test]
fn duplicate_numbers_across_files_stay_bounded() {
    let d = tmp();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    let items: String = (0..3000).map(|i| format!("### {i}. Việc\n\nSố: 15-QĐ/ĐU\n\n")).collect();
    for f in ["a.md", "b.md", "c.md", "e.md"] {
        fs::write(d.path().join(f), format!("{HEAD}{items}")).unwrap();
    }
    let dups = duplicates_within_limits(d.path(), ".");
    assert_eq!(dups.len(), 12_000, "one finding per place");
    // Each names a few places and relates to each other file once.
    assert!(dups.iter().all(|d| d["message"].as_str().unwrap().contains("11994 chỗ khác")));
    assert!(dups.iter().all(|d| d["related"].as_array().unwrap().len() == 3), "{}", dups[0]);
}

#[test]
fn a_profile_of_many_matters_validates_in_linear_time() {
    let d = tmp();
    let builtin =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/profiles/bac-kan-ccq-2020-2025.toml")).unwrap();
    let mut p = builtin.clone();
    for i in 0..25_000 {
        p.push_str(&format!("\n[[field]]\nslug = \"f{i}\"\nname = \"f\"\nname_en = \"f\"\n"));
    }
    for i in 0..25_000 {
        p.push_str(&format!("\n[[matter]]\nslug = \"m{i}\"\nname = \"m{i}\"\nname_en = \"m\"\nbody = \"BTV\"\nfield = \"f{i}\"\narticle = \"a\"\nquote = \"q\"\n"));
    }
    assert!(p.len() < 8 << 20);
    fs::write(d.path().join("p.toml"), p).unwrap();
    fs::write(d.path().join("bienban.toml"), "profile = \"p.toml\"\n").unwrap();
    fs::write(d.path().join("r.md"), bad()).unwrap();
    let o = bienban(d.path(), &["check", "--format", "json", "r.md"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.took < Duration::from_secs(30), "{:?}", o.took);
}

#[cfg(unix)]
#[test]
fn configuration_files_are_bounded_and_never_block() {
    let d = tmp();
    fs::write(d.path().join("r.md"), bad()).unwrap();
    // A bienban.toml of 400,000 globs: a clear configuration error, at once.
    let globs: Vec<String> = (0..400_000).map(|i| format!("\"**/*x{i}*.md\"")).collect();
    fs::write(d.path().join("bienban.toml"), format!("exclude = [{}]\n", globs.join(","))).unwrap();
    let o = bienban(d.path(), &["--lang", "en", "check", "r.md"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("too large"), "{}", o.stderr);
    assert!(o.took < Duration::from_secs(10), "{:?}", o.took);
    // 1,001 globs: under the size limit, over the count.
    let globs: Vec<String> = (0..1001).map(|i| format!("\"d{i}/**\"")).collect();
    fs::write(d.path().join("bienban.toml"), format!("exclude = [{}]\n", globs.join(","))).unwrap();
    let o = bienban(d.path(), &["--lang", "en", "check", "r.md"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("too many globs"), "{}", o.stderr);
    // A profile of 20 MB.
    fs::write(d.path().join("big.toml"), "# x\n".repeat(5 << 20)).unwrap();
    fs::write(d.path().join("bienban.toml"), "profile = \"big.toml\"\n").unwrap();
    let o = bienban(d.path(), &["--lang", "en", "check", "r.md"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("too large"), "{}", o.stderr);
    // A FIFO where the cache file would be: never waited on.
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    let cache = tmp();
    let run = |cache: &Path| {
        Command::cargo_bin("bienban")
            .unwrap()
            .current_dir(d.path())
            .env("BIENBAN_CACHE_DIR", cache)
            .args(["check", "r.md"])
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap()
    };
    assert_eq!(run(cache.path()).status.code(), Some(1));
    let file = fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().path()).next().unwrap();
    fs::remove_file(&file).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(&file).status().unwrap().success());
    let out = run(cache.path());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    // A bienban.toml that is a FIFO does not hang the run either.
    fs::remove_file(d.path().join("bienban.toml")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(d.path().join("bienban.toml")).status().unwrap().success());
    assert_eq!(run(cache.path()).status.code(), Some(1));
}

// ───────────────────────── Smaller ─────────────────────────

#[test]
fn a_cr_only_record_is_one_clear_finding() {
    let d = tmp();
    fs::write(d.path().join("mac.md"), bad().replace('\n', "\r")).unwrap();
    let o = bienban(d.path(), &["--lang", "en", "check", "--format", "json", "."]);
    assert_eq!(found(&o), vec![("mac.md".to_string(), "encoding".to_string())], "{}", o.stdout);
    assert!(o.stdout.contains("CR"));
    let o = bienban(d.path(), &["check", "--color", "never", "."]);
    assert!(!o.stdout.contains(":0:") && !o.stdout.contains(" 0 │"), "{}", o.stdout);
}

#[test]
fn binary_findings_are_at_the_same_place_in_every_format_and_never_shown() {
    let d = tmp();
    let mut bin = b"# Bi\xc3\xaan b\xe1\xba\xa3n\nPRIVATE line two\nab".to_vec();
    bin.push(0);
    bin.extend(b"rest of the file\n");
    fs::write(d.path().join("bin.md"), &bin).unwrap();
    let o = bienban(d.path(), &["check", "--format", "json", "."]);
    let v = json(&o);
    let (line, col) = (v["diagnostics"][0]["line"].as_u64().unwrap(), v["diagnostics"][0]["column"].as_u64().unwrap());
    assert_eq!((line, col), (3, 3));
    let h = bienban(d.path(), &["check", "--color", "never", "."]);
    assert!(h.stdout.contains(&format!("bin.md:{line}:{col}")), "{}", h.stdout);
    assert!(!h.stdout.contains("PRIVATE") && !h.stdout.contains("rest of the file"), "{}", h.stdout);
    let s = bienban(d.path(), &["check", "--format", "short", "."]);
    assert!(s.stdout.starts_with(&format!("bin.md:{line}:{col}:")), "{}", s.stdout);
}

#[test]
fn standard_input_honours_the_size_limit() {
    let d = tmp();
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(d.path())
        .args(["--lang", "en", "check", "--format", "json", "--max-file-size", "1K", "-"])
        .write_stdin(references(500))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["diagnostics"][0]["rule"], "io");
    assert!(v["diagnostics"][0]["message"].as_str().unwrap().contains("too large"));
}

#[test]
fn cache_temporary_files_left_by_a_killed_run_are_removed() {
    let d = tmp();
    let cache = tmp();
    fs::write(d.path().join("bienban.toml"), "").unwrap();
    fs::write(d.path().join("r.md"), bad()).unwrap();
    let run = || {
        Command::cargo_bin("bienban")
            .unwrap()
            .current_dir(d.path())
            .env("BIENBAN_CACHE_DIR", cache.path())
            .args(["check", "r.md"])
            .output()
            .unwrap()
    };
    run();
    let file = fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().path()).next().unwrap();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    // What a run killed while writing leaves: an hour old.
    let left = cache.path().join(format!(".{name}.a1b2c3.tmp"));
    fs::write(&left, b"half a cache").unwrap();
    fs::File::options()
        .write(true)
        .open(&left)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    fs::write(d.path().join("r.md"), common::meeting("Ban Thường vụ", 7, 5, "")).unwrap();
    run();
    assert!(!left.exists());
    let names: Vec<PathBuf> = fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(names, vec![file]);
}

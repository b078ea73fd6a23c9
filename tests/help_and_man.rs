//! Help and manual pages (issue 13, point 5): `bienban man --out-dir` writes
//! a page per subcommand with EXIT STATUS, FILES and ENVIRONMENT; `bienban
//! rules` has a header and aligned columns; `--help` follows `--lang`, then
//! `lang` in bienban.toml, then `LANG=vi_*`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn bienban(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.current_dir(cwd).env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
    c
}

fn stdout(c: &mut Command) -> String {
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn man_writes_one_page_per_subcommand_with_exit_status_files_and_environment() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("man1");
    let listed = stdout(bienban(d.path()).args(["--lang", "en", "man", "--out-dir", dir.to_str().unwrap()]));
    let mut names: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let expected = ["check", "completions", "convert", "explain", "init", "man", "report", "roster", "rules"];
    let mut want: Vec<String> = expected.iter().map(|s| format!("bienban-{s}.1")).collect();
    want.push("bienban.1".into());
    want.sort();
    assert_eq!(names, want);
    assert_eq!(listed.lines().count(), want.len());
    for n in &names {
        let page = fs::read_to_string(dir.join(n)).unwrap();
        assert!(page.contains(".TH "), "{n}");
        for section in [".SH \"EXIT STATUS\"", ".SH \"FILES\"", ".SH \"ENVIRONMENT\""] {
            assert!(page.contains(section), "{n} lacks {section}");
        }
        for file in ["bienban.toml", "bienban\\-baseline.json", "BIENBAN_CACHE_DIR", "NO_COLOR", "FORCE_COLOR"] {
            assert!(page.contains(file), "{n} lacks {file}");
        }
        // No line of ours starts with a roff control character by accident.
        assert!(!page.lines().any(|l| l.starts_with("'")), "{n}");
    }
    let check = fs::read_to_string(dir.join("bienban-check.1")).unwrap();
    for opt in ["write\\-baseline", "prune\\-baseline", "no\\-baseline", "select", "config"] {
        assert!(check.contains(opt), "bienban-check.1 lacks {opt}");
    }
    // Without --out-dir: the top page, with the sections, on standard output.
    let top = stdout(bienban(d.path()).args(["man"]));
    assert!(top.contains(".SH \"EXIT STATUS\"") && top.contains("bienban\\-check"));
    // In Vietnamese, the titles keep the English words man readers look for.
    let vi = stdout(bienban(d.path()).args(["--lang", "vi", "man"]));
    assert!(vi.contains(".SH \"EXIT STATUS (MÃ THOÁT)\"") && vi.contains("Không có lỗi"));
}

#[test]
fn the_rules_table_has_a_header_and_aligned_columns() {
    let d = tempfile::tempdir().unwrap();
    for (lang, head) in [("vi", "QUY TẮC"), ("en", "RULE")] {
        let out = stdout(bienban(d.path()).args(["--lang", lang, "rules"]));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with(head), "{}", lines[0]);
        assert!(lines.len() > 25);
        // Each column starts at the same character on every line.
        let starts = |l: &str| -> Vec<usize> {
            let cs: Vec<char> = l.chars().collect();
            (1..cs.len()).filter(|&i| cs[i] != ' ' && cs[i - 1] == ' ' && i >= 2 && cs[i - 2] == ' ').take(3).collect()
        };
        let first = starts(lines[0]);
        assert_eq!(first.len(), 3, "{}", lines[0]);
        for l in &lines[1..] {
            let s = starts(l);
            assert_eq!(&s[..], &first[..], "{l}");
        }
    }
}

#[test]
fn help_follows_the_language() {
    let d = tempfile::tempdir().unwrap();
    let help = |args: &[&str], lang: &str| stdout(bienban(d.path()).args(args).env("LANG", lang));
    // English unless told otherwise.
    let en = help(&["check", "--help"], "C.UTF-8");
    assert!(en.contains("Usage: bienban check") && en.contains("Output format"), "{en}");
    // --lang, on either side of the subcommand, or as --lang=vi.
    for args in [&["--lang", "vi", "check", "--help"][..], &["check", "--lang=vi", "-h"][..]] {
        let vi = help(args, "C.UTF-8");
        assert!(vi.contains("Cách dùng: bienban check") && vi.contains("Định dạng đầu ra."), "{vi}");
        assert!(vi.contains("Ghi mọi phát hiện hiện có của lưu trữ vào bienban-baseline.json"), "{vi}");
    }
    // A nested command (`roster init`) has its help, in either language.
    let vi = help(&["--lang", "vi", "roster", "init", "--help"], "C.UTF-8");
    assert!(vi.contains("Cách dùng: bienban roster init") && vi.contains("Ghi bản nháp danh sách thành viên"), "{vi}");
    let en = help(&["roster", "init", "-h"], "C.UTF-8");
    assert!(en.contains("Write a starting roster"), "{en}");
    // LANG=vi_VN.
    let vi = help(&["--help"], "vi_VN.UTF-8");
    assert!(vi.contains("Lệnh:") && vi.contains("In trợ giúp"), "{vi}");
    assert!(help(&["--lang", "en", "--help"], "vi_VN.UTF-8").contains("Print help"));
    // `lang` in the archive's bienban.toml.
    fs::write(d.path().join("bienban.toml"), "lang = \"vi\"\n").unwrap();
    assert!(help(&["rules", "--help"], "C.UTF-8").contains("Liệt kê mọi quy tắc"));
    // clap's own errors still exit 2.
    bienban(d.path()).args(["check", "--no-such-flag"]).assert().code(2);
    bienban(d.path()).arg("--version").assert().code(0).stdout(predicates::str::starts_with("bienban "));
}

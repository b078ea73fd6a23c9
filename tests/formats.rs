//! Output formats and the options CI and pre-commit rely on.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

mod common;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn bienban() -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR");
    c
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(bienban().args(args).output().unwrap().stdout).unwrap()
}

#[test]
fn sarif_for_samples_validates_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json")).unwrap();
    let out = stdout(&["check", "--format", "sarif", "samples"]);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), bienban::rules::docs().count());
    assert!(rules
        .iter()
        .all(|r| r["shortDescription"]["text"].is_string() && r["defaultConfiguration"]["level"].is_string()));
    let results = run["results"].as_array().unwrap();
    // 13 + 11 findings (samples/ holds two archives) and one suppressed (with its reason).
    assert_eq!(results.len(), 25);
    let quorum = results.iter().find(|r| r["ruleId"] == "quorum").unwrap();
    let loc = &quorum["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "samples/2021/btv/2021-04-btv-thuong-le.md");
    assert_eq!(loc["region"]["startLine"], 15);
    assert_eq!(loc["region"]["startColumn"], 9);
    // The report-back finding names the meeting that should have listed it.
    let rb = results.iter().find(|r| r["ruleId"] == "report-back").unwrap();
    let related = &rb["relatedLocations"][0];
    assert_eq!(related["physicalLocation"]["artifactLocation"]["uri"], "samples/2021/btv/2021-11-btv-thuong-le.md");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 6);
    assert!(related["message"]["text"].as_str().unwrap().contains("27-QĐ/ĐU"));
    assert!(quorum.get("relatedLocations").is_none());
    let suppressed: Vec<_> = results.iter().filter(|r| r["suppressions"].is_array()).collect();
    assert_eq!(suppressed.len(), 1);
    assert!(!suppressed[0]["suppressions"][0]["justification"].as_str().unwrap().is_empty());
    // Fingerprints are unique and stable across runs.
    let prints: Vec<&str> =
        results.iter().map(|r| r["partialFingerprints"]["bienbanFindingHash/v1"].as_str().unwrap()).collect();
    let mut unique = prints.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), prints.len());
    assert_eq!(stdout(&["check", "--format", "sarif", "samples"]), out);
}

#[test]
fn sarif_columns_count_code_points() {
    // `Có mặt: 4`: the 4 is the 9th character but the 10th byte.
    let out = stdout(&["check", "--format", "sarif", "samples/2021/btv/2021-04-btv-thuong-le.md"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 9);
    assert_eq!(v["runs"][0]["columnKind"], "unicodeCodePoints");
}

#[test]
fn github_annotations() {
    let out = stdout(&["check", "--format", "github", "samples/2021/btv/2021-04-btv-thuong-le.md"]);
    let line = out.lines().next().unwrap();
    assert!(
        line.starts_with("::error file=samples/2021/btv/2021-04-btv-thuong-le.md,line=15,col=9,endLine=15,endColumn=10,title=bienban(quorum)::"),
        "{line}"
    );
    // Multi-line help is escaped onto the one line.
    assert!(line.contains("%0A") && !line.contains('\n'));
    let warn = stdout(&["check", "--format", "github", "samples/2021/btv/2021-12-btv-thuong-le.md"]);
    assert!(warn.starts_with("::warning file="), "{warn}");
}

#[test]
fn short_json_lines_junit_gitlab() {
    let file = "samples/2021/btv/2021-04-btv-thuong-le.md";
    assert_eq!(
        stdout(&["check", "--format", "short", "--quiet", file]),
        format!("{file}:15:9: error[quorum] không đủ số lượng: 4 trên 7 thành viên có mặt; cần ít nhất 5 (2/3)\n")
    );
    // samples/ holds two archives: 13 + 11 findings, 27 + 13 files.
    let lines = stdout(&["check", "--format", "json-lines", "samples"]);
    assert_eq!(lines.lines().count(), 24);
    for l in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["rule"].is_string() && v["line"].is_u64());
    }
    let junit = stdout(&["check", "--format", "junit", "samples"]);
    assert!(junit.starts_with("<?xml"));
    assert_eq!(junit.matches("<testcase ").count(), 40);
    // One failure per file with findings (the files that hold the 24 findings).
    let files_with_findings: std::collections::BTreeSet<String> = lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files_with_findings.len(), 23);
    assert_eq!(junit.matches("<failure ").count(), files_with_findings.len());
    let gitlab: serde_json::Value = serde_json::from_str(&stdout(&["check", "--format", "gitlab", "samples"])).unwrap();
    let issues = gitlab.as_array().unwrap();
    assert_eq!(issues.len(), 24);
    assert!(issues.iter().all(|i| i["fingerprint"].is_string() && i["location"]["lines"]["begin"].is_u64()));
    assert!(issues.iter().any(|i| i["check_name"] == "quorum" && i["severity"] == "major"));
}

#[test]
fn unknown_format_lists_the_valid_ones() {
    bienban().args(["check", "--format", "xml", "samples"]).assert().code(2).stderr(
        predicate::str::contains("sarif")
            .and(predicate::str::contains("github"))
            .and(predicate::str::contains("junit")),
    );
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("report.sarif");
    bienban()
        .args(["check", "--format", "sarif", "--output-file"])
        .arg(&out)
        .arg("samples")
        .assert()
        .code(1)
        .stdout("");
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["version"], "2.1.0");
    // A folder that does not exist: exit 2, nothing left behind.
    let bad = d.path().join("no/such/dir/report.json");
    bienban()
        .args(["check", "--format", "json", "--output-file"])
        .arg(&bad)
        .arg("samples")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("report.json"));
    assert!(!d.path().join("no").exists());
    let leftovers: Vec<_> = fs::read_dir(d.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("report.sarif")]);
}

#[test]
fn standard_input_with_a_filename_finds_its_archive() {
    let file = samples().join("2021/tt/2021-10-20-tt-hoi-y.md");
    let text = fs::read(&file).unwrap();
    // Alone, the record has no archive: no report-back.
    let alone = bienban().args(["check", "--format", "json", "-"]).write_stdin(text.clone()).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&alone.stdout).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
    // With --stdin-filename inside samples/, the archive is found.
    let within = bienban()
        .args(["check", "--format", "json", "--stdin-filename", "samples/2021/tt/2021-10-20-tt-hoi-y.md", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&within.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["rule"], "report-back");
    assert_eq!(v["diagnostics"][0]["path"], "samples/2021/tt/2021-10-20-tt-hoi-y.md");
    assert_eq!(within.status.code(), Some(1));
    // The BTV meeting that should list 27-QĐ/ĐU, from standard input: the
    // TT record's finding involves it, so it is reported.
    let btv = fs::read(samples().join("2021/btv/2021-11-btv-thuong-le.md")).unwrap();
    let out = bienban()
        .args(["check", "--format", "json", "--stdin-filename", "samples/2021/btv/2021-11-btv-thuong-le.md", "-"])
        .write_stdin(btv)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["path"], "samples/2021/tt/2021-10-20-tt-hoi-y.md");
    assert_eq!(v["diagnostics"][0]["related"][0]["path"], "samples/2021/btv/2021-11-btv-thuong-le.md");
    assert_eq!(out.status.code(), Some(1));
    // Snippets come from the text read, not from the file on disk.
    let edited = String::from_utf8(fs::read(samples().join("2021/btv/2021-01-btv-thuong-le.md")).unwrap())
        .unwrap()
        .replace("Có mặt: 7", "Có mặt: 3");
    bienban()
        .args(["check", "--color", "never", "--stdin-filename", "x.md", "-"])
        .write_stdin(edited)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Có mặt: 3").and(predicate::str::contains("x.md")));
}

#[test]
fn statistics_and_gating() {
    let stats = stdout(&["check", "--statistics", "samples"]);
    assert!(stats.contains("quorum") && stats.contains("report-back") && stats.contains("roster"), "{stats}");
    // One line a rule that fired in either archive of samples/, and the summary.
    assert_eq!(stats.lines().count(), 19);
    // Warnings only: exit 0, unless over --max-warnings.
    let file = "samples/2021/btv/2021-12-btv-thuong-le.md";
    bienban().args(["check", file]).assert().code(0);
    bienban().args(["check", "--max-warnings", "1", file]).assert().code(0);
    bienban().args(["check", "--max-warnings", "0", file]).assert().code(1);
    bienban().args(["check", "--exit-zero", "samples"]).assert().code(0);
    // --quiet: findings only, no summary.
    let quiet = stdout(&["check", "--quiet", "--format", "short", "samples"]);
    assert_eq!(quiet.lines().count(), 24);
    assert!(!quiet.contains("tệp,"));
}

#[test]
fn threads_do_not_change_the_output() {
    let one = stdout(&["check", "--threads", "1", "--format", "json", "samples"]);
    let two = stdout(&["check", "--threads", "2", "--format", "json", "samples"]);
    assert_eq!(one, two);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = stdout(&["completions", shell]);
        assert!(out.contains("bienban") && out.contains("stdin-filename"), "{shell}");
    }
    let man = stdout(&["man"]);
    assert!(man.starts_with(".ie") || man.contains(".TH"), "{}", &man[..200.min(man.len())]);
    assert!(man.contains("bienban"));
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names_are_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"bi\xeanb\xb6n.md");
    fs::write(d.path().join(name), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(d.path())
        .args(["check", "--format", "short", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("bi\u{fffd}nb\u{fffd}n.md:"), "{text}");
}

#[test]
fn hook_entry_as_pre_commit_calls_it() {
    // pre-commit runs `bienban check` with the changed files, from the repository's root.
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    fs::write(root.join("bienban.toml"), "").unwrap();
    fs::write(root.join("README.md"), "# Hướng dẫn\n").unwrap();
    fs::write(root.join("a.md"), common::meeting("Ban Thường vụ", 7, 7, "")).unwrap();
    fs::write(root.join("b.md"), common::meeting("Ban Thường vụ", 7, 4, "")).unwrap();
    let entry =
        |files: &[&str]| Command::cargo_bin("bienban").unwrap().current_dir(root).arg("check").args(files).assert();
    entry(&["README.md", "a.md"]).code(0);
    entry(&["a.md", "b.md"]).code(1).stdout(predicate::str::contains("b.md"));
}

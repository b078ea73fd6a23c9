//! Archives: cross-record rules, archive roots (pre-commit style calls),
//! bienban.toml, a profile of the user's own, audit mode.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

use bienban::archive::run::{run, Request};

mod common;

fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(&p, text).unwrap();
    p
}

/// A minimal meeting of `body` on `date` (dd/mm/yyyy) with extra items.
fn meeting(body: &str, members: u32, date: &str, items: &str) -> String {
    let form = if body == "Thường trực" { "hội ý" } else { "thường lệ" };
    let extra = if body == "Ban Chấp hành" {
        "\n### Báo cáo giữa hai kỳ\n\nLoại việc: bao-cao-giua-hai-ky\nKết luận: Nhất trí.\n"
    } else {
        ""
    };
    format!("# Biên bản hội nghị {body}\n\nCơ quan: {body}\nHình thức: {form}\nThời gian: {date}\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: {members}\nCó mặt: {members}\n\n## Nội dung\n\n{items}{extra}")
}

fn urgent(number: &str) -> String {
    format!("### Kinh phí\n\nSố: {number}\nLoại việc: tai-chinh-dang\nCấp bách: trước kỳ họp\nQuyết định: Chi kinh phí.\nBiểu quyết: nhất trí\n")
}

fn report(numbers: &str) -> String {
    format!("### Báo cáo việc cấp bách\n\nBáo cáo lại: {numbers}\n")
}

/// `(file name, line, rule)` of every finding of a run over `paths`.
fn findings(paths: &[PathBuf]) -> Vec<(String, usize, &'static str)> {
    let out = run(&Request::new(paths)).unwrap();
    let mut v: Vec<_> = out
        .results
        .iter()
        .flat_map(|r| {
            let name = Path::new(&r.path).file_name().unwrap().to_string_lossy().into_owned();
            r.findings.iter().map(move |f| (name.clone(), f.line, f.rule))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn urgent_decisions_must_be_reported_at_the_next_meeting() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "bienban.toml", "");
    write(root, "a-tt.md", &meeting("Thường trực", 3, "10/03/2021", &urgent("09-QĐ/ĐU")));
    write(root, "b-tt.md", &meeting("Thường trực", 3, "12/03/2021", &urgent("10-QĐ/ĐU")));
    // The next BTV meeting reports 10 but not 09; 09 is reported a month late.
    write(root, "c-btv.md", &meeting("Ban Thường vụ", 7, "20/03/2021", &report("10-QĐ/ĐU")));
    write(root, "d-btv.md", &meeting("Ban Thường vụ", 7, "15/04/2021", &report("09-QĐ/ĐU")));
    let got = findings(&[root.to_path_buf()]);
    assert_eq!(got, [("a-tt.md".to_string(), 17, "report-back")]);
    let out = run(&Request::new(&[root.join("a-tt.md")])).unwrap();
    let msg = &out.results[0].findings[0].message;
    assert!(msg.contains("20/03/2021") && msg.contains("c-btv.md") && msg.contains("15/04/2021"), "{msg}");
}

#[test]
fn nothing_is_due_without_a_later_meeting() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "bienban.toml", "");
    write(root, "a-btv.md", &meeting("Ban Thường vụ", 7, "01/03/2021", ""));
    write(root, "b-tt.md", &meeting("Thường trực", 3, "10/03/2021", &urgent("09-QĐ/ĐU")));
    // Same-day meetings are not "the next meeting".
    write(root, "c-btv.md", &meeting("Ban Thường vụ", 7, "10/03/2021", ""));
    assert_eq!(findings(&[root.to_path_buf()]), []);
}

#[test]
fn a_missing_month_and_a_missing_quarter() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "bienban.toml", "[period]\nfrom = 2021-01-01\nto = 2021-06-30\n");
    // BTV: every month but May. BCH: Q1 only.
    for (m, day) in [(1, 12), (2, 10), (3, 10), (4, 14), (6, 9)] {
        write(root, &format!("btv-{m:02}.md"), &meeting("Ban Thường vụ", 7, &format!("{day:02}/{m:02}/2021"), ""));
    }
    write(root, "bch-q1.md", &meeting("Ban Chấp hành", 15, "26/03/2021", ""));
    let got = findings(&[root.to_path_buf()]);
    // May's gap is reported on the BTV's first meeting after it (June); Q2's
    // on the BCH's last meeting before it (there is none after).
    assert_eq!(
        got,
        [("bch-q1.md".to_string(), 5, "meeting-frequency"), ("btv-06.md".to_string(), 5, "meeting-frequency")]
    );
    let out = run(&Request::new(&[root.to_path_buf()])).unwrap();
    let msgs: Vec<&str> = out.results.iter().flat_map(|r| r.findings.iter().map(|f| f.message.as_str())).collect();
    assert!(msgs.contains(&"quý 2/2021 không có hội nghị thường lệ của Ban Chấp hành"), "{msgs:?}");
    assert!(msgs.contains(&"tháng 5/2021 không có hội nghị thường lệ của Ban Thường vụ"), "{msgs:?}");
}

#[test]
fn without_a_period_only_whole_months_between_first_and_last_record_count() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "btv-01.md", &meeting("Ban Thường vụ", 7, "12/01/2021", ""));
    write(root, "btv-03.md", &meeting("Ban Thường vụ", 7, "10/03/2021", ""));
    // February lies wholly between them; no quarter does.
    assert_eq!(findings(&[root.to_path_buf()]), [("btv-03.md".to_string(), 5, "meeting-frequency")]);
    // A lone file is never flagged.
    assert_eq!(findings(&[root.join("btv-01.md")]), []);
}

/// `(file name, line, rule, file names it involves besides its own)` of every finding of a run.
fn involving(paths: &[PathBuf]) -> Vec<(String, usize, &'static str, Vec<String>)> {
    let name = |p: &str| Path::new(p).file_name().unwrap().to_string_lossy().into_owned();
    let out = run(&Request::new(paths)).unwrap();
    let mut v: Vec<_> = out
        .results
        .iter()
        .flat_map(|r| {
            r.findings
                .iter()
                .map(move |f| (name(&r.path), f.line, f.rule, f.related.iter().map(|x| name(&x.path)).collect()))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_pre_commit_call_on_one_file_matches_the_whole_archive_run() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let whole = involving(std::slice::from_ref(&root));
    for file in
        ["2021/tt/2021-10-20-tt-hoi-y.md", "2021/btv/2021-04-btv-thuong-le.md", "2021/btv/2021-11-btv-thuong-le.md"]
    {
        let name = Path::new(file).file_name().unwrap().to_string_lossy().into_owned();
        // Every finding on the file, and every finding elsewhere that involves it.
        let want: Vec<_> = whole.iter().filter(|f| f.0 == name || f.3.contains(&name)).cloned().collect();
        assert_eq!(involving(&[root.join(file)]), want, "{file}");
    }
    // The report-back finding needs the archive: it is there for the lone file too.
    assert!(findings(&[root.join("2021/tt/2021-10-20-tt-hoi-y.md")]).iter().any(|f| f.2 == "report-back"));
    // And a check of the BTV meeting that should have listed 27-QĐ/ĐU shows
    // the TT record's finding (what a pre-commit hook on that change needs).
    assert_eq!(
        involving(&[root.join("2021/btv/2021-11-btv-thuong-le.md")]),
        [("2021-10-20-tt-hoi-y.md".to_string(), 31, "report-back", vec!["2021-11-btv-thuong-le.md".to_string()])]
    );
}

#[test]
fn cross_record_findings_name_every_file_they_involve() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "bienban.toml", "[period]\nfrom = 2021-03-01\nto = 2021-05-31\n");
    write(root, "a-tt.md", &meeting("Thường trực", 3, "10/03/2021", &urgent("09-QĐ/ĐU")));
    // Not reported at the next BTV meeting, only late, at the one after.
    write(root, "b-btv.md", &meeting("Ban Thường vụ", 7, "20/03/2021", ""));
    // April has no BTV meeting: b and d are either side of the gap.
    write(root, "d-btv.md", &meeting("Ban Thường vụ", 7, "15/05/2021", &report("09-QĐ/ĐU")));
    let got = involving(&[root.to_path_buf()]);
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got,
        [
            ("a-tt.md".to_string(), 17, "report-back", s(&["b-btv.md", "d-btv.md"])),
            ("d-btv.md".to_string(), 5, "meeting-frequency", s(&["b-btv.md"])),
        ]
    );
    // Each file involved, named alone, shows the findings that involve it.
    assert_eq!(involving(&[root.join("b-btv.md")]), got);
    assert_eq!(involving(&[root.join("a-tt.md")]), got[..1]);
    // Positions of related places: the meetings' date lines.
    let out = run(&Request::new(&[root.join("b-btv.md")])).unwrap();
    let f = out.results.iter().flat_map(|r| &r.findings).find(|f| f.rule == "report-back").unwrap();
    assert_eq!((f.related[0].pos.line, f.related[0].pos.column), (5, 12));
    assert!(f.related[0].text.contains("Báo cáo lại: 09-QĐ/ĐU"), "{}", f.related[0].text);
    assert!(f.related[1].text.contains("muộn"), "{}", f.related[1].text);
}

#[test]
fn duplicate_numbers_point_at_both_places_and_the_run_goes_on() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "bienban.toml", "");
    let item =
        "### Khen thưởng\n\nSố: 15-QĐ/ĐU\nLoại việc: khen thưởng\nQuyết định: Tặng giấy khen.\nBiểu quyết: nhất trí\n";
    write(root, "a.md", &meeting("Ban Thường vụ", 7, "10/03/2021", item));
    write(root, "b.md", &meeting("Ban Thường vụ", 7, "14/04/2021", &item.replace("15-QĐ/ĐU", "15-QD/DU")));
    write(root, "c.md", &meeting("Ban Thường vụ", 7, "11/05/2021", "").replace("Có mặt: 7", "Có mặt: 3"));
    let got = findings(&[root.to_path_buf()]);
    assert_eq!(
        got,
        [
            ("a.md".to_string(), 17, "duplicate-id"),
            ("b.md".to_string(), 17, "duplicate-id"),
            ("c.md".to_string(), 10, "attendance"),
            ("c.md".to_string(), 11, "quorum")
        ]
    );
    let out = run(&Request::new(&[root.join("a.md")])).unwrap();
    assert!(out.results[0].findings[0].message.contains("b.md:17"));
    // Each names the other as related, so a check of either file shows both.
    assert_eq!(
        involving(&[root.join("b.md")]),
        [
            ("a.md".to_string(), 17, "duplicate-id", vec!["b.md".to_string()]),
            ("b.md".to_string(), 17, "duplicate-id", vec!["a.md".to_string()])
        ]
    );
}

#[test]
fn numbers_restart_in_each_term() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    let item =
        "### Khen thưởng\n\nSố: 15-QĐ/ĐU\nLoại việc: khen thưởng\nQuyết định: Tặng giấy khen.\nBiểu quyết: nhất trí\n";
    write(root, "a.md", &meeting("Ban Thường vụ", 7, "10/03/2020", item));
    write(root, "b.md", &meeting("Ban Thường vụ", 7, "14/04/2021", item));
    write(root, "c.md", &meeting("Ban Thường vụ", 7, "11/05/2021", item));
    let rules = |toml: &str| {
        write(root, "bienban.toml", toml);
        findings(&[root.to_path_buf()]).into_iter().filter(|f| f.2 == "duplicate-id").map(|f| f.0).collect::<Vec<_>>()
    };
    // One term: all three clash.
    assert_eq!(rules(""), ["a.md", "b.md", "c.md"]);
    // A term from 15/10/2020: the 2020 number belongs to the previous term.
    assert_eq!(rules("[term]\nfrom = 2020-10-15\n"), ["b.md", "c.md"]);
    let out = run(&Request::new(&[root.join("b.md")])).unwrap();
    let b = out.results.iter().find(|r| r.path.ends_with("b.md")).unwrap();
    let m = &b.findings.iter().find(|f| f.rule == "duplicate-id").unwrap().message;
    assert!(m.contains("c.md:17") && !m.contains("a.md") && m.contains("trong cùng nhiệm kỳ"), "{m}");
    // A bad date in [term] is a configuration error.
    write(root, "bienban.toml", "[term]\nfrom = \"mùa xuân\"\n");
    bienban(root).arg("check").assert().code(2).stderr(predicate::str::contains("ngày không hợp lệ"));
}

#[test]
fn references_to_submissions_and_letters_are_not_checked() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "a.md",
        &meeting("Ban Thường vụ", 7, "10/03/2021", &report("Tờ trình 05/TTr-ĐU, Công văn 123-CV/ĐU, 99-QĐ/ĐU")),
    );
    let out = run(&Request::new(&[p])).unwrap();
    let f = &out.results[0].findings;
    assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["unknown-reference"]);
    assert!(f[0].message.contains("99-QĐ/ĐU"), "{}", f[0].message);
}

#[test]
fn references_outside_the_archive_are_warnings() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "a.md", &meeting("Ban Thường vụ", 7, "10/03/2021", &report("99-QĐ/ĐU, 98-QĐ/ĐU")));
    let out = run(&Request::new(&[p])).unwrap();
    let f = &out.results[0].findings;
    assert_eq!(
        f.iter().map(|f| (f.rule, f.severity)).collect::<Vec<_>>(),
        [("unknown-reference", bienban::common::finding::Severity::Warning); 2]
    );
}

#[test]
fn between_sessions_report() {
    let d = tempfile::tempdir().unwrap();
    let without = meeting("Ban Chấp hành", 15, "26/03/2021", "")
        .replace("### Báo cáo giữa hai kỳ\n\nLoại việc: bao-cao-giua-hai-ky\n", "### Sơ kết quý\n\n");
    let p = write(d.path(), "a.md", &without);
    assert_eq!(findings(&[p]), [("a.md".to_string(), 1, "between-sessions-report")]);
    // An item titled "… giữa hai kỳ …" is enough; extraordinary meetings are exempt.
    let titled = without.replace("### Sơ kết quý", "### Báo cáo công việc giữa hai kỳ họp");
    let p = write(d.path(), "b.md", &titled);
    assert_eq!(findings(&[p]), []);
    let extraordinary = without.replace("Hình thức: thường lệ", "Hình thức: bất thường");
    let p = write(d.path(), "c.md", &extraordinary);
    assert_eq!(findings(&[p]), []);
}

fn bienban(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.current_dir(dir).env_remove("NO_COLOR");
    c
}

#[test]
fn configuration_sets_severities_and_files() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    let absent = common::meeting("Ban Thường vụ", 7, 6, "").replace("- Vắng 0: có lý do, đi công tác", "- Vắng 0");
    write(root, "a.md", &absent);
    write(root, "du-thao/b.md", &common::meeting("Ban Thường vụ", 7, 3, ""));
    // Defaults: a warning here, an error in the draft.
    write(root, "bienban.toml", "");
    bienban(root)
        .args(["check", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("2 tệp, 1 lỗi, 1 cảnh báo"));
    // Raised to error; the drafts folder excluded.
    write(root, "bienban.toml", "exclude = [\"du-thao/**\"]\n[rules]\nabsence-reason = \"error\"\n");
    bienban(root)
        .args(["check", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("1 tệp, 1 lỗi, 0 cảnh báo"));
    // Off: nothing; and a suppression of an `off` rule is not "unused".
    write(root, "bienban.toml", "lang = \"en\"\nexclude = [\"du-thao/**\"]\n[rules]\nabsence-reason = \"off\"\n");
    bienban(root)
        .args(["check", "--color", "never"])
        .assert()
        .code(0)
        .stdout("1 file, 0 errors, 0 warnings; 1 file skipped (--show-skipped says why)\n");
}

#[test]
fn a_bad_configuration_exits_two_pointing_at_the_line() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "a.md", &common::meeting("Ban Thường vụ", 7, 7, ""));
    write(root, "bienban.toml", "lang = \"vi\"\nperiode = 1\n");
    bienban(root).args(["check", "--color", "never"]).assert().code(2).stderr(
        predicate::str::contains("bienban.toml")
            .and(predicate::str::contains("periode"))
            .and(predicate::str::contains("2 │ periode = 1")),
    );
    write(root, "bienban.toml", "[rules]\nquorom = \"off\"\n");
    bienban(root).args(["check", "--color", "never"]).assert().code(2).stderr(predicate::str::contains("`quorum`"));
    write(root, "bienban.toml", "[rules]\nquorum = \"loud\"\n");
    bienban(root).args(["check", "--color", "never"]).assert().code(2);
}

#[test]
fn a_profile_of_the_users_own_works_end_to_end() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    let example = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/profiles/vi-du-chi-bo.toml")).unwrap();
    write(root, "quy-che.toml", &example);
    write(root, "bienban.toml", "profile = \"quy-che.toml\"\n");
    let cell = |present: u32, items: &str| {
        let absent: String = (0..9 - present).map(|i| format!("- Đảng viên {i}: có lý do\n")).collect();
        format!("# Biên bản sinh hoạt chi bộ\n\nCơ quan: Chi bộ\nThời gian: 10/03/2021\nChủ trì: Lê Văn Hùng (Bí thư chi bộ)\n\n## Thành phần\n\nTổng số thành viên: 9\nCó mặt: {present}\n\nVắng mặt:\n{absent}\n## Nội dung\n\n### Báo cáo của chi ủy\n\nLoại việc: bao-cao-chi-uy\nKết luận: Nhất trí.\n\n{items}")
    };
    // 5 of 9: enough under this profile's 1/2 (it would fail the built-in 2/3).
    write(root, "a.md", &cell(5, "### Nghị quyết tháng 3\n\nLoại việc: nghị quyết tháng\nQuyết định: Thông qua nghị quyết tháng 3.\nBiểu quyết: 3 tán thành, 2 không tán thành\n"));
    assert_eq!(findings(&[root.join("a.md")]), []);
    // 4 of 9 fails; the profile's own article is cited; consent comes from it too.
    write(root, "b.md", &cell(4, "### Kết nạp\n\nLoại việc: kết nạp đảng viên\nQuyết định: Đề nghị kết nạp quần chúng Hà Văn Tú.\nBiểu quyết: nhất trí\n"));
    let out = run(&Request::new(&[root.join("b.md")])).unwrap();
    let f: Vec<_> = out.results[0].findings.iter().map(|f| (f.rule, f.article.clone().unwrap_or_default())).collect();
    assert_eq!(f, [("quorum", "Điều 5".to_string()), ("higher-consent", "Điều 9".to_string())]);
    // The built-in bodies mean nothing here.
    write(root, "c.md", &meeting("Ban Thường vụ", 7, "10/03/2021", ""));
    assert_eq!(findings(&[root.join("c.md")]), [("c.md".to_string(), 3, "invalid-value")]);
    // A broken profile stops the run with exit 2.
    write(root, "quy-che.toml", &example.replace("numerator = 1", "numerator = \"một\""));
    bienban(root)
        .args(["check", "--color", "never", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("quy-che.toml"));
}

#[test]
fn audit_mode_shows_what_was_suppressed() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let file = root.join("2021/btv/2021-10-btv-thuong-le.md");
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(&file)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
    let s = &v["suppressed"][0];
    assert_eq!(s["rule"], "absence-reason");
    assert!(!s["reason"].as_str().unwrap().is_empty());
    let out = Command::cargo_bin("bienban")
        .unwrap()
        .args(["check", "--no-allow", "--format", "json"])
        .arg(&file)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["diagnostics"][0]["rule"], "absence-reason");
    assert_eq!(v["suppressed"].as_array().unwrap().len(), 0);
}

#[test]
fn init_writes_a_commented_config_once() {
    let d = tempfile::tempdir().unwrap();
    bienban(d.path()).arg("init").assert().code(0);
    let text = fs::read_to_string(d.path().join("bienban.toml")).unwrap();
    assert!(text.contains("[rules]") && text.contains("# profile"));
    // The template itself is a valid configuration.
    write(d.path(), "a.md", &common::meeting("Ban Thường vụ", 7, 7, ""));
    bienban(d.path()).arg("check").assert().code(0);
    bienban(d.path()).arg("init").assert().code(2);
}

#[test]
fn a_subfolder_or_a_linked_path_finds_the_same_archive() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let whole = findings(std::slice::from_ref(&root));
    // A subfolder is not the whole archive: the rest is read for context,
    // so the report-back finding of the TT file is still there.
    let sub = findings(&[root.join("2021/tt")]);
    let want: Vec<_> = whole.iter().filter(|f| sub.iter().any(|s| s.0 == f.0)).cloned().collect();
    assert_eq!(sub, want);
    assert!(sub.iter().any(|f| f.2 == "report-back"));
    // Through a link to the archive and a `..`, the root is the same folder.
    let d = tempfile::tempdir().unwrap();
    let link = d.path().join("lien-ket");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&root, &link).unwrap();
    #[cfg(unix)]
    {
        assert_eq!(findings(&[link.join("2021/tt")]), sub);
        assert_eq!(findings(&[link.join("2021/btv/../tt")]), sub);
        assert_eq!(findings(std::slice::from_ref(&link)), whole);
    }
}

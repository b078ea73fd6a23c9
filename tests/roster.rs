//! The roster (format 1.1, "Membership"): the `roster` rule at its
//! boundaries, name variants, the totals `quorum`, `majority`,
//! `attendance` and `missing-field` take from it, and `chair` reading the
//! Bí thư from it. The file itself (errors, containment), the cache and
//! `bienban roster init` are tested through the binary at the end.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

use bienban::archive::check_texts;
use bienban::archive::config::Config;
use bienban::archive::roster::parse;
use bienban::check::Options;
use bienban::common::i18n::Lang;
use bienban::common::span::line_col;
use bienban::regulation::profile::Profile;
use unicode_normalization::UnicodeNormalization;

/// The BTV on 15/03/2021: Đức, An, Hoa, Cường and Nam — Bình's last day
/// was 14/03, Nam's first 15/03. Cúc is of the BCH only; Hưng and Hùng
/// fold alike.
const ROSTER: &str = r#"
[[member]]
name = "Hoàng Văn Đức"
body = "BTV"
role = "Bí thư"
from = 2020-10-20

[[member]]
name = "Nguyễn Văn An"
body = "Ban Thường vụ"
role = "Phó Bí thư Thường trực"
from = 2020-10-20

[[member]]
name = "Lý Thị Hoa"
body = "BTV"
role = "Phó Bí thư"
from = 2020-10-20

[[member]]
name = "Trần Văn Bình"
body = "BTV"
from = 2020-10-20
to = 2021-03-14

[[member]]
name = "Hà Văn Nam"
body = "BTV"
from = 2021-03-15

[[member]]
name = "Nông Văn Cường"
body = "BTV"
from = 2020-10-20

[[member]]
name = "Lê Thị Cúc"
body = "BCH"
from = 2020-10-20

[[member]]
name = "Lê Văn Hưng"
body = "TT"
from = 2020-10-20

[[member]]
name = "Lê Văn Hùng"
body = "TT"
from = 2020-10-20
"#;

const ALL_FIVE: &[&str] =
    &["Hoàng Văn Đức (Bí thư)", "Nguyễn Văn An (Phó Bí thư Thường trực)", "Lý Thị Hoa (Phó Bí thư)", "Nông Văn Cường"];

/// A BTV meeting on `date` with `total` (a `Tổng số` line, or none), the
/// names present and absent, and `chair`.
fn btv(date: &str, total: Option<u32>, present: &[&str], absent: &[&str], chair: &str) -> String {
    let total = total.map(|t| format!("Tổng số thành viên: {t}\n\n")).unwrap_or_default();
    let present: String = present.iter().map(|p| format!("- {p}\n")).collect();
    let absent = match absent {
        [] => String::new(),
        xs => {
            format!("\nVắng mặt:\n{}", xs.iter().map(|x| format!("- {x}: có lý do, đi công tác\n")).collect::<String>())
        }
    };
    format!("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: {date}\nChủ trì: {chair}\n\n## Thành phần\n\n{total}Có mặt:\n{present}{absent}")
}

fn with(names: &[&str], more: &[&str]) -> Vec<String> {
    names.iter().chain(more).map(|s| s.to_string()).collect()
}

fn config(roster: &str) -> Config {
    let mut c = Config::default();
    let r = parse(Path::new("thanh-vien.toml"), "thanh-vien.toml", roster, &Profile::builtin(), Lang::Vi)
        .unwrap_or_else(|e| panic!("{}", e.message));
    c.set_roster(r);
    c
}

/// `(rule, line, message)` of every finding, checked with `config`.
fn check_in(config: &Config, text: &str, lang: Lang) -> Vec<(&'static str, usize, String)> {
    let r = check_texts(&[("r.md", text.as_bytes())], &Profile::builtin(), config, Options::new(lang, false));
    r[0].findings.iter().map(|f| (f.rule, line_col(text, f.span.start).0, f.message.clone())).collect()
}

fn check(text: &str) -> Vec<(&'static str, usize, String)> {
    check_in(&config(ROSTER), text, Lang::Vi)
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

const DUC: &str = "Hoàng Văn Đức (Bí thư)";

#[test]
fn a_record_that_agrees_with_the_roster_is_clean() {
    let present = with(ALL_FIVE, &["Hà Văn Nam"]);
    assert_eq!(check(&btv("15/03/2021", Some(5), &strs(&present), &[], DUC)), []);
    // `/N` of `Có mặt: n/N` is the total too.
    let text = btv("15/03/2021", None, &strs(&present), &[], DUC).replace("Có mặt:\n", "Có mặt: 5/5\n");
    assert_eq!(check(&text), []);
}

#[test]
fn the_total_is_checked_against_the_roster_on_that_date() {
    let present = with(ALL_FIVE, &["Hà Văn Nam"]);
    let f = check(&btv("15/03/2021", Some(6), &strs(&present), &[], DUC));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0, f[0].1), ("roster", 9));
    assert!(f[0].2.contains("ghi 6") && f[0].2.contains("có 5 thành viên vào ngày 15/03/2021"), "{}", f[0].2);
    // A guest in place of a member, and the total written wrong: three facts.
    let guest = with(&ALL_FIVE[..3], &["Hà Văn Nam", "Đàm Thị Yến"]);
    let f = check(&btv("15/03/2021", Some(6), &strs(&guest), &[], DUC));
    assert_eq!(
        f.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(),
        [("roster", 9), ("roster", 11), ("roster", 16)],
        "{f:?}"
    );
    assert!(f[1].2.contains("Nông Văn Cường") && f[2].2.contains("khách mời?"), "{f:?}");
    // The `/N` of `Có mặt: n/N`.
    let text = btv("15/03/2021", None, &strs(&present), &[], DUC).replace("Có mặt:\n", "Có mặt: 5/6\n");
    let f = check(&text);
    assert_eq!(f.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [("roster", 9)], "{f:?}");
    // The day before, Bình was a member and Nam was not: 5 as well, other names.
    let before = with(ALL_FIVE, &["Trần Văn Bình"]);
    assert_eq!(check(&btv("14/03/2021", Some(5), &strs(&before), &[], DUC)), []);
}

#[test]
fn a_member_whose_to_is_the_day_before_is_not_a_member() {
    let present = with(ALL_FIVE, &["Hà Văn Nam", "Trần Văn Bình"]);
    let f = check(&btv("15/03/2021", Some(5), &strs(&present), &[], DUC));
    // One finding: Bình, on his line, saying when he was a member; the
    // count and the list (6 names, 5 members) are `attendance`'s.
    let roster: Vec<_> = f.iter().filter(|f| f.0 == "roster").collect();
    assert_eq!(roster.len(), 1, "{f:?}");
    assert_eq!(roster[0].1, 17);
    assert!(roster[0].2.contains("Trần Văn Bình không phải thành viên Ban Thường vụ vào ngày 15/03/2021"));
    assert!(roster[0].2.contains("từ 20/10/2020 đến 14/03/2021"), "{}", roster[0].2);
}

#[test]
fn a_member_whose_from_is_the_meetings_day_must_be_listed() {
    let f = check(&btv("15/03/2021", Some(5), ALL_FIVE, &[], DUC));
    // 4 present, none absent, 5 members: `attendance` says so and names
    // Nam from the roster; `roster` does not report him a second time.
    assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), ["attendance"], "{f:?}");
    let r = check_texts(
        &[("r.md", btv("15/03/2021", Some(5), ALL_FIVE, &[], DUC).as_bytes())],
        &Profile::builtin(),
        &config(ROSTER),
        Options::default(),
    );
    let help = r[0].findings[0].help.clone().unwrap();
    assert!(help.contains("chưa được ghi: Hà Văn Nam"), "{help}");
    // With the record's own numbers agreeing (a total of 4), the roster
    // reports the total and the member missing, one finding each.
    let f = check(&btv("15/03/2021", Some(4), ALL_FIVE, &[], DUC));
    assert_eq!(f.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [("roster", 9), ("roster", 11)], "{f:?}");
    assert!(f[1].2.contains("Hà Văn Nam, thành viên Ban Thường vụ vào ngày 15/03/2021, không được ghi"), "{}", f[1].2);
    // Listed absent: clean.
    assert_eq!(check(&btv("15/03/2021", Some(5), ALL_FIVE, &["Hà Văn Nam"], DUC)), []);
}

#[test]
fn name_variants_are_the_same_member() {
    let nfd: Vec<String> = ALL_FIVE.iter().map(|n| n.nfd().collect()).collect();
    let variants = [
        vec![
            "Đ/c Hoàng Văn Đức, Bí thư Đảng ủy".to_string(),
            "đồng chí Nguyễn Văn An - Phó Bí thư Thường trực".into(),
            "LÝ THỊ HOA".into(),
            "Nong Van Cuong".into(),
        ],
        nfd,
        vec!["Hoang Van Duc (Bi thu)".into(), "Nguyen Van An".into(), "Ly Thi Hoa".into(), "Nông  Văn  Cường".into()],
    ];
    for present in variants {
        let text = btv("15/03/2021", Some(5), &strs(&present), &["Đ/c Hà Văn Nam"], DUC);
        assert_eq!(check(&text), [], "{present:?}");
    }
    // Honorifics in the roster itself are not part of the name either.
    let honorific = config(&ROSTER.replace("name = \"Nông Văn Cường\"", "name = \"Đồng chí Nông Văn Cường\""));
    assert_eq!(check_in(&honorific, &btv("15/03/2021", Some(5), ALL_FIVE, &["Hà Văn Nam"], DUC), Lang::Vi), []);
    // CRLF line ends and a BOM.
    let text = format!("\u{feff}{}", btv("15/03/2021", Some(5), ALL_FIVE, &["Hà Văn Nam"], DUC).replace('\n', "\r\n"));
    assert_eq!(check(&text), []);
}

#[test]
fn two_members_who_fold_alike_are_told_apart_by_diacritics() {
    let tt = |present: &[&str]| {
        let list: String = present.iter().map(|p| format!("- {p}\n")).collect();
        format!("# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 15/03/2021\nChủ trì: Lê Văn Hưng\n\n## Thành phần\n\nTổng số thành viên: 2\nCó mặt:\n{list}")
    };
    assert_eq!(check(&tt(&["Lê Văn Hùng", "Lê Văn Hưng"])), []);
    assert_eq!(check(&tt(&["Le Van Hung", "LE VAN HUNG"])), []);
    // The same spelling twice is one member twice (`attendance`), and the
    // other is not listed (`roster`).
    let f = check(&tt(&["Lê Văn Hưng", "Lê Văn Hưng"]));
    assert_eq!(f.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [("roster", 10), ("attendance", 12)], "{f:?}");
    assert!(f[0].2.contains("Lê Văn Hùng"), "{}", f[0].2);
    // Without a roster, names that fold alike are taken for one.
    let f = check_in(&Config::default(), &tt(&["Lê Văn Hùng", "Lê Văn Hưng"]), Lang::Vi);
    assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), ["attendance"], "{f:?}");
}

#[test]
fn a_typo_suggests_the_member_who_is_then_not_missing() {
    let present = with(&ALL_FIVE[..3], &["Nông Văn Cườngg", "Hà Văn Nam"]);
    let f = check(&btv("15/03/2021", Some(5), &strs(&present), &[], DUC));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0, f[0].1), ("roster", 15));
    assert!(f[0].2.contains("có phải đồng chí Nông Văn Cường?"), "{}", f[0].2);
    let en = check_in(&config(ROSTER), &btv("15/03/2021", Some(5), &strs(&present), &[], DUC), Lang::En);
    assert!(en[0].2.contains("did you mean Nông Văn Cường?"), "{}", en[0].2);
}

#[test]
fn a_name_of_no_body_may_be_a_guest_and_one_of_another_body_says_which() {
    let present = with(ALL_FIVE, &["Hà Văn Nam", "Đàm Thị Yến", "Lê Thị Cúc"]);
    let f = check(&btv("15/03/2021", Some(5), &strs(&present), &[], DUC));
    let roster: Vec<_> = f.iter().filter(|f| f.0 == "roster").collect();
    assert_eq!(roster.len(), 2, "{f:?}");
    assert!(roster[0].2.contains("Đàm Thị Yến không có trong danh sách thành viên (thanh-vien.toml): khách mời?"));
    assert!(roster[1].2.contains("là thành viên Ban Chấp hành từ 20/10/2020"), "{}", roster[1].2);
    let en = check_in(&config(ROSTER), &btv("15/03/2021", Some(5), &strs(&present), &[], DUC), Lang::En);
    assert!(en.iter().any(|f| f.2.contains("is not in the roster (thanh-vien.toml): a guest?")), "{en:?}");
}

#[test]
fn a_member_listed_as_a_guest_is_said_to_be() {
    let text =
        format!("{}\nKhách mời:\n- Hà Văn Nam (Trưởng Ban Dân vận)\n", btv("15/03/2021", Some(4), ALL_FIVE, &[], DUC));
    let f = check(&text);
    assert!(f.iter().any(|f| f.0 == "roster" && f.2.contains("được ghi là khách mời")), "{f:?}");
}

#[test]
fn members_are_not_looked_for_when_the_record_lists_no_names() {
    // Counts only: only the total is compared.
    let text = "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 5\nCó mặt: 5\n";
    assert_eq!(check(text), []);
    // Names present, absences a bare count: who is absent is not known.
    let text = btv("15/03/2021", Some(5), ALL_FIVE, &[], DUC).replace("Có mặt:\n", "Có mặt: 4\n")
        + "\nVắng mặt: 01 đồng chí\n";
    assert_eq!(check(&text), []);
}

#[test]
fn the_roster_checks_only_what_it_covers() {
    let present = with(ALL_FIVE, &["Someone Else"]);
    let same_as_without = |text: &str, roster: &Config| {
        let with = check_in(roster, text, Lang::Vi);
        assert!(with.iter().all(|f| f.0 != "roster"), "{with:?}");
        assert_eq!(with, check_in(&Config::default(), text, Lang::Vi));
    };
    // Before anyone of the BTV was a member.
    same_as_without(&btv("15/03/2019", Some(9), &strs(&present), &[], DUC), &config(ROSTER));
    // A body the roster does not list (here the BCH, once Cúc is moved to the BTV).
    let bch = btv("15/03/2021", Some(9), &strs(&present), &[], DUC).replace("Ban Thường vụ", "Ban Chấp hành");
    let bch = format!(
        "{bch}\n## Nội dung\n\n### Báo cáo giữa hai kỳ\n\nLoại việc: bao-cao-giua-hai-ky\nKết luận: Nhất trí.\n"
    );
    same_as_without(&bch, &config(&ROSTER.replace("body = \"BCH\"", "body = \"BTV\"")));
    // And without a roster nothing changes.
    let text = btv("15/03/2021", Some(6), ALL_FIVE, &["Trần Văn Bình", "Ai Đó"], DUC);
    let none = check_in(&Config::default(), &text, Lang::Vi);
    assert_eq!(none, []);
}

#[test]
fn without_a_total_the_rosters_count_is_the_total() {
    // 3 present of 5 by the roster: no quorum (4 needed), and no missing-field.
    let text = btv("15/03/2021", None, &ALL_FIVE[..3], &["Nông Văn Cường", "Hà Văn Nam"], DUC)
        + "\n## Nội dung\n\n### 1. Kết nạp\n\nLoại việc: ket-nap-dang-vien\nQuyết định: Kết nạp.\nBiểu quyết: 2 tán thành, 1 không tán thành\n";
    let f = check(&text);
    let got: Vec<_> = f.iter().map(|f| f.0).collect();
    assert_eq!(got, ["quorum", "majority"], "{f:?}");
    assert!(f[0].2.contains("3 trên 5 thành viên") && f[0].2.contains("theo danh sách thành viên"), "{}", f[0].2);
    assert!(f[1].2.contains("2 tán thành trên 5 thành viên; cần ít nhất 3"), "{}", f[1].2);
    // Without the roster: missing-field, and neither quorum nor majority can be checked.
    let none = check_in(&Config::default(), &text, Lang::Vi);
    assert_eq!(none.iter().map(|f| f.0).collect::<Vec<_>>(), ["missing-field"], "{none:?}");
    // With both, `roster` checks the record's total and the others keep it:
    // 3 of 4 written is a quorum, one finding only.
    let text = btv("15/03/2021", Some(4), &ALL_FIVE[..3], &["Nông Văn Cường"], DUC);
    let f = check(&text);
    assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), ["roster", "roster"], "{f:?}");
    assert!(f[0].2.contains("ghi 4"), "{}", f[0].2);
    // Absences short of the roster's count with no total written: one
    // `attendance` finding naming who is missing.
    let f = check(&btv("15/03/2021", None, ALL_FIVE, &[], DUC));
    assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), ["attendance"], "{f:?}");
    assert!(f[0].2.contains("theo danh sách thành viên, cơ quan có 5 thành viên"), "{}", f[0].2);
}

#[test]
fn a_chair_whose_role_the_roster_contradicts() {
    let present = with(ALL_FIVE, &["Hà Văn Nam"]);
    let present = strs(&present);
    // An is the standing deputy, not the Bí thư: one `roster` finding, no `chair`.
    let f = check(&btv("15/03/2021", Some(5), &present, &[], "Nguyễn Văn An (Bí thư)"));
    assert_eq!(f.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [("roster", 5)], "{f:?}");
    assert!(
        f[0].2.contains("được ghi là Bí thư") && f[0].2.contains("đồng chí là Phó Bí thư Thường trực"),
        "{}",
        f[0].2
    );
    // Đức written as a deputy, while the roster has him as the Bí thư: `roster` only.
    let f = check(&btv("15/03/2021", Some(5), &present, &[], "Hoàng Văn Đức (Phó Bí thư)"));
    assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), ["roster"], "{f:?}");
    // Someone the roster does not know, written as the Bí thư: the roster's Bí thư is named.
    let f = check(&btv("15/03/2021", Some(5), &present, &[], "Ai Đó (Bí thư)"));
    assert!(
        f.iter().any(|f| f.0 == "roster" && f.2.contains("Bí thư ngày 15/03/2021 là đồng chí Hoàng Văn Đức")),
        "{f:?}"
    );
    // A role the roster does not contradict, or no role in the roster: nothing.
    assert_eq!(check(&btv("15/03/2021", Some(5), &present, &[], "Hoàng Văn Đức (Bí thư Đảng ủy)")), []);
    assert_eq!(
        check(&btv("15/03/2021", Some(5), &present, &[], "Nông Văn Cường (Chủ nhiệm Ủy ban Kiểm tra)")).len(),
        1
    );
}

#[test]
fn chair_reads_the_role_from_the_roster_when_the_record_does_not_say() {
    let present = ["Hoàng Văn Đức", "Nguyễn Văn An", "Lý Thị Hoa", "Nông Văn Cường", "Hà Văn Nam"];
    let text = btv("15/03/2021", Some(5), &present, &[], "Nguyễn Văn An");
    // The roster: An is a deputy and Đức, the Bí thư, was present.
    let f = check(&text);
    assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), ["chair"], "{f:?}");
    assert!(f[0].2.contains("trong khi Bí thư Hoàng Văn Đức có mặt"), "{}", f[0].2);
    // The Bí thư absent by the roster's roles: no finding.
    let text = btv("15/03/2021", Some(5), &present[1..], &["Hoàng Văn Đức"], "Nguyễn Văn An");
    assert_eq!(check(&text), []);
    // Without the roster bienban does not guess.
    assert_eq!(check_in(&Config::default(), &btv("15/03/2021", Some(5), &present, &[], "Nguyễn Văn An"), Lang::Vi), []);
}

#[test]
fn messages_are_english_with_lang_en() {
    let present = with(ALL_FIVE, &["Trần Văn Bình"]);
    let f = check_in(
        &config(ROSTER),
        &btv("15/03/2021", Some(6), &strs(&present), &[], "Nguyễn Văn An (Bí thư)"),
        Lang::En,
    );
    let msgs: Vec<&str> = f.iter().filter(|f| f.0 == "roster").map(|f| f.2.as_str()).collect();
    assert!(
        msgs.iter().any(|m| m.contains(
            "the record says 6 members, but by the roster the Standing Committee had 5 members on 15/03/2021"
        )),
        "{msgs:?}"
    );
    assert!(msgs.iter().any(|m| m.contains("was not a member of the Standing Committee on 15/03/2021")), "{msgs:?}");
    assert!(
        msgs.iter()
            .any(|m| m
                .contains("is written as Bí thư, but by the roster, on 15/03/2021 they were Phó Bí thư Thường trực")),
        "{msgs:?}"
    );
}

// ── the file, through the binary ──

fn bienban(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.current_dir(dir).env("BIENBAN_CACHE_DIR", dir.join(".cache")).env_remove("NO_COLOR");
    c
}

fn archive(roster: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("bienban.toml"), "roster = \"thanh-vien.toml\"\n").unwrap();
    fs::write(d.path().join("thanh-vien.toml"), roster).unwrap();
    let present = with(ALL_FIVE, &["Hà Văn Nam"]);
    fs::write(d.path().join("r.md"), btv("15/03/2021", Some(5), &strs(&present), &[], DUC)).unwrap();
    d
}

#[test]
fn a_roster_in_bienban_toml_is_used_by_check() {
    let d = archive(ROSTER);
    bienban(d.path()).args(["check", "--color", "never"]).assert().code(0);
    let wrong = d.path().join("wrong.md");
    fs::write(&wrong, btv("15/03/2021", Some(7), ALL_FIVE, &["Hà Văn Nam", "Trần Văn Bình"], DUC)).unwrap();
    bienban(d.path()).args(["check", "--color", "never", "--format", "short", "wrong.md"]).assert().code(1).stdout(
        predicate::str::contains("wrong.md:9:21: error[roster]")
            .and(predicate::str::contains("error[roster] Trần Văn Bình")),
    );
}

#[test]
fn a_bad_roster_is_a_configuration_error_showing_the_line() {
    let cases: &[(&str, &str, &str)] = &[
        ("[[member]]\nnam = \"A\"\nbody = \"BTV\"\nfrom = 2021-01-01\n", "khóa không hợp lệ `nam`", "2 │ nam = \"A\""),
        ("[[member]]\nname = \"A\"\nbody = \"Chi bộ\"\nfrom = 2021-01-01\n", "`Chi bộ` không phải cơ quan nào", "3 │ body = \"Chi bộ\""),
        ("[[member]]\nname = \"A\"\nbody = \"BTV\"\nfrom = 2021-01-01\nto = 2020-12-31\n", "`to` (31/12/2020) trước", "5 │ to = 2020-12-31"),
        (
            "[[member]]\nname = \"Hoàng Văn Đức\"\nbody = \"BTV\"\nfrom = 2020-01-01\n\n[[member]]\nname = \"HOÀNG VĂN ĐỨC\"\nbody = \"BTV\"\nfrom = 2021-01-01\n",
            "được ghi hai lần trong BTV",
            "7 │ name = \"HOÀNG VĂN ĐỨC\"",
        ),
        ("[[member]]\nname = \"A\"\nbody = \"BTV\"\nfrom = \"15/13/2021\"\n", "ngày không hợp lệ", "4 │ from = \"15/13/2021\""),
        ("[[member]]\nname = \"A\"\nbody = \"BTV\"\nfrom = 2021-02-31\n", "ngày không hợp lệ", "4 │ from = 2021-02-31"),
        ("[[member]]\nname = \"A\"\nbody = \"BTV\"\n", "thiếu khóa `from`", "[[member]]"),
        ("# nothing\n", "không có mục `[[member]]` nào", ""),
    ];
    for (roster, message, line) in cases {
        let d = archive(roster);
        bienban(d.path()).args(["check", "--color", "never"]).assert().code(2).stderr(
            predicate::str::contains("thanh-vien.toml")
                .and(predicate::str::contains(*message))
                .and(predicate::str::contains(*line)),
        );
    }
    // Consecutive periods of one person are fine; English messages.
    let d = archive(&format!("{ROSTER}\n[[member]]\nname = \"Trần Văn Bình\"\nbody = \"BTV\"\nfrom = 2021-06-01\n"));
    bienban(d.path()).args(["check", "--color", "never"]).assert().code(0);
    let d = archive("[[member]]\nname = \"A\"\nbody = \"BTV\"\nfrom = 2021-01-01\nrole = 1\n");
    bienban(d.path())
        .args(["--lang", "en", "check", "--color", "never"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the roster").and(predicate::str::contains("5 │ role = 1")));
    // A roster far longer than any organisation's.
    let long: String =
        (0..5001).map(|i| format!("[[member]]\nname = \"Người {i}\"\nbody = \"BCH\"\nfrom = 2021-01-01\n")).collect();
    let d = archive(&long);
    bienban(d.path())
        .args(["check", "--color", "never"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("quá 5000 mục"));
    // A roster that is not there.
    let d = archive(ROSTER);
    fs::remove_file(d.path().join("thanh-vien.toml")).unwrap();
    bienban(d.path())
        .args(["check", "--color", "never"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("roster = "));
}

#[test]
fn a_changed_roster_checks_the_archive_again() {
    let d = archive(ROSTER);
    let run = || bienban(d.path()).args(["check", "--format", "short", "--debug-cache"]).output().unwrap();
    let first = run();
    assert_eq!(first.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&first.stderr).contains("0 hits, 1 misses"));
    assert!(String::from_utf8_lossy(&run().stderr).contains("1 hits, 0 misses"));
    // Nam's first day moved after the meeting: now he is no member on 15/03.
    fs::write(d.path().join("thanh-vien.toml"), ROSTER.replace("from = 2021-03-15", "from = 2021-03-16")).unwrap();
    let after = run();
    assert_eq!(after.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&after.stderr).contains("0 hits, 1 misses"));
    assert!(String::from_utf8_lossy(&after.stdout).contains("error[roster]"));
}

#[test]
fn roster_init_drafts_a_roster_the_archive_agrees_with() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    fs::write(root.join("bienban.toml"), "").unwrap();
    fs::create_dir(root.join("btv")).unwrap();
    let present = with(ALL_FIVE, &["Hà Văn Nam"]);
    fs::write(root.join("btv/a.md"), btv("15/03/2021", Some(5), &strs(&present), &[], DUC)).unwrap();
    // Another spelling of the same people, later, and one of them absent.
    let nfd: Vec<String> =
        ["Hoang Van Duc (Bi thu)", "Nguyễn Văn An, Phó Bí thư Thường trực", "Lý Thị Hoa", "NÔNG VĂN CƯỜNG"]
            .iter()
            .map(|n| n.nfd().collect())
            .collect();
    fs::write(root.join("btv/b.md"), btv("12/04/2021", Some(5), &strs(&nfd), &["Hà Văn Nam"], DUC)).unwrap();
    bienban(root)
        .args(["roster", "init", "btv"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("5 mục").and(predicate::str::contains("roster = \"thanh-vien.toml\"")));
    let draft = fs::read_to_string(root.join("thanh-vien.toml")).unwrap();
    assert!(draft.starts_with("# thanh-vien.toml — BẢN NHÁP") && draft.contains("DO NOT USE IT AS IT IS"), "{draft}");
    assert_eq!(draft.matches("[[member]]").count(), 5, "{draft}");
    assert!(
        draft.contains(
            "name = \"Hoàng Văn Đức\"\nbody = \"BTV\"\nrole = \"Bí thư\"\nfrom = 2021-03-15\nto = 2021-04-12\n"
        ),
        "{draft}"
    );
    assert!(draft.contains("name = \"Hà Văn Nam\"\nbody = \"BTV\"\nfrom = 2021-03-15\nto = 2021-04-12\n"), "{draft}");
    assert!(draft.contains("name = \"Nông Văn Cường\"\nbody = \"BTV\"\nfrom"), "{draft}");
    // Valid as it is, and the archive it was drawn from agrees with it.
    fs::write(root.join("bienban.toml"), "roster = \"thanh-vien.toml\"\n").unwrap();
    bienban(root).args(["check", "--color", "never"]).assert().code(0);
    // Not over an existing file, unless --force.
    bienban(root).args(["roster", "init"]).assert().code(2).stderr(predicate::str::contains("đã có; không ghi đè"));
    fs::write(root.join("thanh-vien.toml"), "# a clerk's corrections\n").unwrap();
    bienban(root).args(["roster", "init"]).assert().code(2);
    assert_eq!(fs::read_to_string(root.join("thanh-vien.toml")).unwrap(), "# a clerk's corrections\n");
    bienban(root).args(["roster", "init", "--force"]).assert().code(0);
    assert_eq!(fs::read_to_string(root.join("thanh-vien.toml")).unwrap(), draft);
    // Elsewhere inside the archive with --output.
    bienban(root)
        .args(["--lang", "en", "roster", "init", "-o", "btv/nhap.toml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("created"));
    assert!(root.join("btv/nhap.toml").is_file());
}

#[test]
fn roster_init_never_writes_outside_the_archive() {
    let d = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let root = d.path();
    fs::write(root.join("bienban.toml"), "").unwrap();
    fs::write(root.join("a.md"), btv("15/03/2021", Some(5), ALL_FIVE, &["Hà Văn Nam"], DUC)).unwrap();
    let out = outside.path().join("x.toml");
    bienban(root)
        .args(["roster", "init", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ngoài lưu trữ"));
    assert!(!out.exists());
    // bienban.toml naming a path that leaves the archive.
    fs::write(root.join("bienban.toml"), "roster = \"../x.toml\"\n").unwrap();
    bienban(root).args(["roster", "init"]).assert().code(2);
    assert!(!root.parent().unwrap().join("x.toml").exists());
    fs::write(root.join("bienban.toml"), "").unwrap();
    #[cfg(unix)]
    {
        // A link in the archive's folder that leads out.
        std::os::unix::fs::symlink(outside.path(), root.join("out")).unwrap();
        bienban(root).args(["roster", "init", "-o", "out/y.toml"]).assert().code(2);
        assert!(!outside.path().join("y.toml").exists());
        // A link where the file goes: refused, and with --force replaced, never written through.
        fs::write(&out, "outside\n").unwrap();
        std::os::unix::fs::symlink(&out, root.join("thanh-vien.toml")).unwrap();
        bienban(root).args(["roster", "init"]).assert().code(2);
        bienban(root).args(["roster", "init", "--force"]).assert().code(0);
        assert_eq!(fs::read_to_string(&out).unwrap(), "outside\n");
        assert!(!fs::symlink_metadata(root.join("thanh-vien.toml")).unwrap().file_type().is_symlink());
    }
    // No archive at all.
    let bare = tempfile::tempdir().unwrap();
    bienban(bare.path()).args(["roster", "init"]).assert().code(2).stderr(predicate::str::contains("bienban init"));
}

//! Property tests: generated valid records with random variations. No
//! panic; spans on character boundaries inside the file; NFC, NFD, CRLF and
//! no-diacritic spellings of one record give the same findings; quorum and
//! majority hold at and around their boundaries.

use bienban::archive::check_alone;
use bienban::check::Options;
use bienban::regulation::profile::Profile;
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone)]
struct Spec {
    body: usize,
    present: u32,
    absent_without_reason: u32,
    items: Vec<(usize, u32, u32, bool)>,
    bold: bool,
    list_fields: bool,
    aliases: bool,
}

const BODIES: [(&str, u32); 3] = [("Ban Chấp hành", 15), ("Ban Thường vụ", 7), ("Thường trực", 3)];
const MATTERS: [&str; 6] = [
    "kết nạp đảng viên",
    "khen thưởng",
    "tai-chinh-dang",
    "công việc hằng ngày",
    "nghị quyết chuyên đề",
    "bổ nhiệm cán bộ",
];

fn spec() -> impl Strategy<Value = Spec> {
    (0..3usize)
        .prop_flat_map(|body| {
            let members = BODIES[body].1;
            (
                Just(body),
                0..=members,
                0..=2u32,
                prop::collection::vec((0..MATTERS.len(), 0..=members, 0..=2u32, any::<bool>()), 0..4),
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
            )
        })
        .prop_map(|(body, present, absent_without_reason, items, bold, list_fields, aliases)| Spec {
            body,
            present,
            absent_without_reason,
            items,
            bold,
            list_fields,
            aliases,
        })
}

fn render(s: &Spec) -> String {
    let (body, members) = BODIES[s.body];
    let key = |k: &str| match (s.bold, s.list_fields) {
        (true, _) => format!("**{k}:**"),
        (false, true) => format!("- {k}:"),
        _ => format!("{k}:"),
    };
    let mut t = format!("# Biên bản hội nghị {body}\n\n");
    t += &format!("{} {body}\n", key(if s.aliases { "Cơ quan họp" } else { "Cơ quan" }));
    t += &format!("{} ngày 15 tháng 3 năm 2021\n", key(if s.aliases { "Ngày" } else { "Thời gian" }));
    t += &format!("{} Hoàng Văn Đức (Bí thư)\n\n", key("Chủ trì"));
    t += &format!("## Thành phần\n\n{} {members}\n", key("Tổng số thành viên"));
    t += &format!("Có mặt: {}\n", s.present);
    for i in 0..s.present {
        t += &format!("- Đảng viên Số {i}\n");
    }
    t += "\nVắng mặt:\n";
    for i in s.present..members {
        let reason = if i - s.present < s.absent_without_reason { "" } else { ": có lý do, đi công tác" };
        t += &format!("- Người vắng {i}{reason}\n");
    }
    t += "\n## Nội dung\n\n";
    for (n, (m, favour, against, decide)) in s.items.iter().enumerate() {
        let act = if *decide { "Quyết định" } else { "Đề nghị" };
        t += &format!("### {}. Việc thứ {n}\n\nSố: {n}-QĐ/ĐU\nLoại việc: {}\n{act}: Thông qua.\nBiểu quyết: {favour} tán thành, {against} không tán thành\n\n", n + 1, MATTERS[*m]);
    }
    if s.body == 0 {
        t += "### Báo cáo giữa hai kỳ\n\nLoại việc: bao-cao-giua-hai-ky\nKết luận: Nhất trí.\n";
    }
    t
}

fn strip(t: &str) -> String {
    t.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// `(rule, line)` of every finding, checking the span invariants on the way.
fn findings(text: &str) -> Vec<(&'static str, usize)> {
    let r = check_alone("p.md", text.as_bytes(), &Profile::builtin(), Options::default()).expect("a record");
    let mut v: Vec<_> = r
        .findings
        .iter()
        .map(|f| {
            assert!(
                f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
                "{f:?}"
            );
            for l in &f.labels {
                assert!(
                    l.span.end <= text.len()
                        && text.is_char_boundary(l.span.start)
                        && text.is_char_boundary(l.span.end)
                );
            }
            (f.rule, f.line)
        })
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spellings_do_not_change_findings(s in spec()) {
        let nfc = render(&s);
        let want = findings(&nfc);
        let nfd: String = nfc.nfd().collect();
        prop_assert_eq!(&findings(&nfd), &want);
        prop_assert_eq!(&findings(&strip(&nfc)), &want);
        prop_assert_eq!(&findings(&nfc.replace('\n', "\r\n")), &want);
        prop_assert_eq!(&findings(&format!("\u{feff}{nfc}")), &want);
    }

    #[test]
    fn quorum_and_majority_at_their_boundaries(s in spec()) {
        let (_, members) = BODIES[s.body];
        let rules: Vec<&str> = findings(&render(&s)).into_iter().map(|f| f.0).collect();
        let quorum_due = s.body < 2 && 3 * s.present < 2 * members;
        prop_assert_eq!(rules.contains(&"quorum"), quorum_due);
        // A decision whose votes are possible and in favour ≤ half of members fails.
        let short = s.items.iter().any(|(_, f, a, d)| *d && f + a <= s.present && 2 * f <= members);
        prop_assert_eq!(rules.contains(&"majority"), short);
        let too_many = s.items.iter().any(|(_, f, a, _)| f + a > s.present);
        prop_assert_eq!(rules.contains(&"votes"), too_many);
        prop_assert_eq!(rules.contains(&"absence-reason"), s.absent_without_reason > 0 && s.present < members);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}", lines in prop::collection::vec("[#*\\- ]{0,4}[A-Za-zÀ-ỹ:0-9/ ]{0,30}", 0..30)) {
        let doc = format!("# Biên bản {text}\n{}", lines.join("\n"));
        let _ = findings(&doc);
    }
}

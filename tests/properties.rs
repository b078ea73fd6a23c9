//! Property tests: generated valid records with random variations. No
//! panic; spans on character boundaries inside the file; NFC, NFD, CRLF and
//! no-diacritic spellings of one record give the same findings; quorum and
//! majority hold at and around their boundaries; the same record written in
//! the 16-HD layout (FORMAT.md 1.1) gives the same findings.

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

/// How a 16-HD record spells the same facts (see FORMAT.md 1.1): each
/// field picks one of the phrasings 1.1 reads.
#[derive(Debug, Clone)]
struct Layout {
    letterhead: bool,
    two_line_title: bool,
    body_field: bool,
    date_in_letterhead: bool,
    chair: usize,
    attendance: usize,
    absences: usize,
    roman_sections: bool,
    item_level: usize,
    votes: Vec<usize>,
    pandoc: bool,
    closing: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), 0..3usize, 0..3usize),
        (0..3usize, any::<bool>(), 3..5usize, prop::collection::vec(0..4usize, 4), any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (letterhead, two_line_title, body_field, date_in_letterhead, chair, attendance),
                (absences, roman_sections, item_level, votes, pandoc, closing),
            )| Layout {
                letterhead,
                two_line_title,
                body_field,
                date_in_letterhead,
                chair,
                attendance,
                absences,
                roman_sections,
                item_level,
                votes,
                pandoc,
                closing,
            },
        )
}

/// `s` written as an office writes it after Hướng dẫn 16-HD/VPTW and a
/// conversion from Word, in the phrasings `l` picks.
fn render_16hd(s: &Spec, l: &Layout) -> String {
    let (body, members) = BODIES[s.body];
    let upper = body.to_uppercase();
    // A pandoc hard break at the end of header lines.
    let br = if l.pandoc { "\\" } else { "" };
    let mut t = String::new();
    if l.letterhead {
        t += &format!("**ĐẢNG BỘ CÁC CƠ QUAN TỈNH**{br}\n**ĐẢNG ỦY**\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n");
        if l.date_in_letterhead {
            t += "*Bắc Kạn, ngày 15 tháng 3 năm 2021*\n\n";
        }
    }
    if l.two_line_title {
        t += &format!("**BIÊN BẢN**\n\n**Hội nghị {body} Đảng ủy**\n\n");
    } else {
        t += &format!("# BIÊN BẢN HỘI NGHỊ {upper} ĐẢNG ỦY\n\n");
    }
    if l.body_field {
        t += &format!("Cơ quan: {body}.\n");
    }
    if l.letterhead && l.date_in_letterhead {
        t += &format!("Thời gian: Bắt đầu vào hồi 08 giờ 00 phút{br}\n");
    } else {
        t += &format!("Thời gian: Bắt đầu vào hồi 08 giờ 00 phút, ngày 15 tháng 3 năm 2021.{br}\n");
    }
    t += "Địa điểm: Phòng họp Đảng ủy.\n";
    t += match l.chair {
        0 => "Người chủ trì: Đồng chí Hoàng Văn Đức, Bí thư Đảng ủy.\n",
        1 => "Chủ tọa: Đ/c Hoàng Văn Đức - Bí thư Đảng ủy;\n",
        _ => "Người chủ trì: đồng chí Hoàng Văn Đức (Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy).\n",
    };
    t += "Người ghi biên bản: Đồng chí Đàm Thị Yến, Chánh Văn phòng.\n\n";
    let (sec1, sec2) = if l.roman_sections {
        ("## I. THÀNH PHẦN HỘI NGHỊ", "## II. DIỄN BIẾN HỘI NGHỊ")
    } else {
        ("## 1. Thành phần hội nghị", "## 2. Diễn biến hội nghị")
    };
    t += &format!("{sec1}\n\n### 1.1. Đại biểu chính thức\n\n");
    match l.attendance {
        0 => t += &format!("Có mặt: {:02}/{:02} đồng chí ủy viên\n", s.present, members),
        1 => t += &format!("Tổng số ủy viên: {members:02} đồng chí.\nCó mặt: {:02} đồng chí\n", s.present),
        _ => t += &format!("Có mặt: {:02}/{:02} (đạt {}%)\n", s.present, members, s.present * 100 / members),
    }
    for i in 0..s.present {
        t += &format!("+ Đồng chí Đảng viên Số {i}\n");
    }
    let absent = members - s.present;
    let reason = |i: u32| i - s.present >= s.absent_without_reason;
    if absent == 0 {
        t += "\nVắng mặt: không.\n";
    } else if absent == 1 && l.absences == 0 {
        let i = s.present;
        let why = if reason(i) { ", có lý do, đi công tác" } else { "" };
        t += &format!("\nVắng mặt: 01 đồng chí (đồng chí Người vắng {i}{why}).\n");
    } else {
        t += &format!("\nVắng mặt: {absent:02} đồng chí:\n");
        for i in s.present..members {
            let why = if reason(i) { " (có lý do, đi công tác)" } else { "" };
            let bullet = if l.absences == 1 { "+" } else { "-" };
            t += &format!("{bullet} Đ/c Người vắng {i}{why};\n");
        }
    }
    t += "\n### 1.2. Đại biểu mời dự\n\nĐồng chí Chu Văn Phúc, Phó Ban Tổ chức Tỉnh ủy.\n\n";
    t += &format!("{sec2}\n\n");
    t += "Đồng chí chủ trì khai mạc, nêu mục đích, yêu cầu; hội nghị nhất trí với chương trình.\n\n";
    let hashes = "#".repeat(l.item_level);
    for (n, (m, favour, against, decide)) in s.items.iter().enumerate() {
        let act = if *decide { "Quyết định" } else { "Đề nghị" };
        let (f, a, p) = (*favour, *against, s.present);
        let votes = match l.votes[n % l.votes.len()] {
            0 => format!("Kết quả biểu quyết: Tán thành: {f}; Không tán thành: {a}."),
            1 if f + a <= p && p > 0 => {
                format!("Kết quả biểu quyết: {f:02}/{p:02} đồng chí tán thành, {a:02} đồng chí không tán thành.")
            }
            2 if a == 0 && f == p && p > 0 => format!("Biểu quyết (giơ tay): nhất trí {f}/{p}."),
            3 => format!("Biểu quyết: {f} phiếu tán thành, {a} phiếu không tán thành;"),
            _ => format!("Kết quả biểu quyết: đồng ý: {f}; không đồng ý: {a}."),
        };
        let escaped = if l.pandoc { "Thông qua\\." } else { "Thông qua." };
        t += &format!(
            "{hashes} 2.{}. Việc thứ {n}\n\nSố: {n}-QĐ/ĐU\nLoại việc: {}\n{act}: {escaped}\n{votes}\n\n",
            n + 1,
            MATTERS[*m]
        );
    }
    if s.body == 0 {
        t += &format!(
            "{hashes} 2.{}. Báo cáo giữa hai kỳ\n\nLoại việc: bao-cao-giua-hai-ky\nKết luận: Nhất trí.\n\n",
            s.items.len() + 1
        );
    }
    if l.closing {
        t += "Hội nghị kết thúc vào hồi 11 giờ 00 phút cùng ngày.\n\n";
        t += "| NGƯỜI GHI BIÊN BẢN | T/M BAN THƯỜNG VỤ |\n|---|---|\n| (Ký, ghi rõ họ tên) | BÍ THƯ |\n\n";
        t += "**Đàm Thị Yến** **Hoàng Văn Đức**\n";
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

    /// FORMAT.md 1.1: a record rewritten in the 16-HD layout, in any of the
    /// phrasings 1.1 reads, gives the same findings as its version 1 spelling.
    #[test]
    fn the_16hd_layout_changes_no_finding(s in spec(), l in layout()) {
        let rules = |t: &str| {
            let mut r: Vec<&str> = findings(t).into_iter().map(|f| f.0).collect();
            r.sort();
            r
        };
        let v1 = render(&s);
        let hd = render_16hd(&s, &l);
        prop_assert_eq!(rules(&hd), rules(&v1), "\n--- 16-HD ---\n{}", hd);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}", lines in prop::collection::vec("[#*\\- ]{0,4}[A-Za-zÀ-ỹ:0-9/ ]{0,30}", 0..30)) {
        let doc = format!("# Biên bản {text}\n{}", lines.join("\n"));
        let _ = findings(&doc);
    }
}

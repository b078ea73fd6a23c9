//! FORMAT.md 1.1, phrasing by phrasing: each way offices write a fact (the
//! 16-HD layout, Word conversions) is read as its version 1 spelling. Every
//! case states the rules it expects, so a phrasing misread the same way in
//! both spellings still fails.

use bienban::archive::check_texts;
use bienban::archive::config::Config;
use bienban::check::{FileResult, Options};
use bienban::common::i18n::Lang;
use bienban::regulation::profile::Profile;

/// A version 1 record of a 9-member BTV: 8 present, one absent with a reason.
const V1: &str = "# Biên bản hội nghị Ban Thường vụ Đảng ủy

Số: 05-BB/ĐU
Cơ quan: Ban Thường vụ
Hình thức: thường lệ
Thời gian: 14/04/2023
Địa điểm: Hội trường Đảng ủy
Chủ trì: Lộc Văn Thành (Bí thư)
Thư ký: Bế Thị Ngọc

## Thành phần

Tổng số thành viên: 9
Có mặt: 8
Vắng mặt:
- Hà Văn Sơn: có lý do, đi công tác

## Nội dung

### 1. Kết nạp đảng viên

Số: 21-QĐ/ĐU
Loại việc: kết nạp đảng viên
Quyết định: Kết nạp 02 quần chúng ưu tú vào Đảng.
Biểu quyết: 8 tán thành, 0 không tán thành
";

/// The same meeting as an office writes it after Hướng dẫn 16-HD/VPTW.
const HD: &str = "ĐẢNG BỘ CÁC CƠ QUAN TỈNH
**ĐẢNG ỦY**

ĐẢNG CỘNG SẢN VIỆT NAM

Số 05-BB/ĐU

*Bắc Kạn, ngày 14 tháng 4 năm 2023*

**BIÊN BẢN**

**Hội nghị Ban Thường vụ Đảng ủy**

Thời gian: Bắt đầu vào hồi 08 giờ 00 phút, ngày 14 tháng 4 năm 2023.
Địa điểm: Hội trường Đảng ủy.
Người chủ trì: Đồng chí Lộc Văn Thành, Bí thư Đảng ủy.
Người ghi biên bản: Đồng chí Bế Thị Ngọc, Chánh Văn phòng.

## 1. Thành phần hội nghị

### 1.1. Đại biểu chính thức

Có mặt: 08/09 đồng chí Ủy viên Ban Thường vụ.
Vắng mặt: 01 đồng chí (đồng chí Hà Văn Sơn, Trưởng Ban Dân vận, đi công tác).

### 1.2. Đại biểu mời dự

Đồng chí Chu Văn Phúc, Phó Trưởng Ban Tổ chức Tỉnh ủy.

## 2. Diễn biến hội nghị

Đồng chí chủ trì khai mạc hội nghị; hội nghị nhất trí với chương trình.

### 2.1. Kết nạp đảng viên

Số: 21-QĐ/ĐU
Loại việc: kết nạp đảng viên
Quyết định: Kết nạp 02 quần chúng ưu tú vào Đảng.
Kết quả biểu quyết: nhất trí 8/8.

Hội nghị kết thúc vào hồi 11 giờ 00 phút cùng ngày.

NGƯỜI GHI BIÊN BẢN                    CHỦ TRÌ HỘI NGHỊ
(Ký, ghi rõ họ tên)                    BÍ THƯ

Bế Thị Ngọc                            Lộc Văn Thành
";

fn results(files: &[(&str, &str)], config: &str) -> Vec<FileResult> {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let config = Config::parse(std::path::Path::new("bienban.toml"), config.to_string(), Lang::Vi).unwrap();
    check_texts(&bytes, &Profile::builtin(), &config, Options::default())
}

/// The rules a record fires, sorted.
fn rules(text: &str) -> Vec<&'static str> {
    let r = results(&[("r.md", text)], "");
    assert_eq!(r.len(), 1, "read as a record:\n{text}");
    let mut v: Vec<&str> = r[0].findings.iter().map(|f| f.rule).collect();
    v.sort();
    v
}

/// `text` with `from` replaced by `to` (which must be there).
fn with(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is not in the record");
    text.replacen(from, to, 1)
}

/// The 1.1 spelling fires exactly `want`, and so does the version 1 one.
fn same(v1: &str, hd: &str, want: &[&str]) {
    assert_eq!(rules(v1), want, "version 1:\n{v1}");
    assert_eq!(rules(hd), want, "1.1:\n{hd}");
}

#[test]
fn the_16hd_record_reads_as_its_version_1_spelling() {
    same(V1, HD, &[]);
    // A quorum failure, written both ways.
    let v1 = with(&with(V1, "Có mặt: 8", "Có mặt: 5"), "Vắng mặt:\n- Hà Văn Sơn: có lý do, đi công tác", "Vắng mặt:\n- Hà Văn Sơn: có lý do, đi công tác\n- Lý Văn A: có lý do, ốm\n- Lý Văn B: có lý do, ốm\n- Lý Văn C: có lý do, ốm");
    let v1 = with(&v1, "8 tán thành", "5 tán thành");
    let hd = with(&with(HD, "08/09", "05/09"), "Vắng mặt: 01 đồng chí (đồng chí Hà Văn Sơn, Trưởng Ban Dân vận, đi công tác).", "Vắng mặt: 04 đồng chí (có lý do):\n+ Đồng chí Hà Văn Sơn, đi công tác;\n+ Đồng chí Lý Văn A, ốm;\n+ Đồng chí Lý Văn B, ốm;\n+ Đồng chí Lý Văn C, ốm.");
    let hd = with(&hd, "nhất trí 8/8", "nhất trí 5/5");
    same(&v1, &hd, &["quorum"]);
}

#[test]
fn letterheads_and_titles() {
    // The defect: a level-1 letterhead heading made the record "0 tệp".
    same(V1, &format!("# ĐẢNG ỦY CÁC CƠ QUAN TỈNH\n\n{V1}"), &[]);
    same(
        V1,
        &format!(
            "**ĐẢNG BỘ TỈNH BẮC KẠN**\\\n**ĐẢNG ỦY CÁC CƠ QUAN TỈNH**\n\n_Bắc Kạn, ngày 14 tháng 4 năm 2023_\n\n{V1}"
        ),
        &[],
    );
    for title in [
        "## Biên bản hội nghị Ban Thường vụ Đảng ủy",
        "**BIÊN BẢN HỘI NGHỊ BAN THƯỜNG VỤ ĐẢNG ỦY**",
        "### BIÊN BẢN\n\n### Hội nghị Ban Thường vụ Đảng ủy",
    ] {
        same(V1, &with(V1, "# Biên bản hội nghị Ban Thường vụ Đảng ủy", title), &[]);
    }
}

#[test]
fn the_title_gives_the_body_and_form() {
    let no_body = with(&with(V1, "Cơ quan: Ban Thường vụ\n", ""), "Hình thức: thường lệ\n", "");
    let v1_no_form = with(V1, "Hình thức: thường lệ\n", "");
    same(&v1_no_form, &no_body, &[]);
    // The title names the BTV: the 9 members are the BTV's, and a TT title makes a hội ý.
    let tt = "# BIÊN BẢN HỘI Ý THƯỜNG TRỰC ĐẢNG ỦY\n\nThời gian: 14/04/2023\nChủ trì: Lộc Văn Thành (Bí thư)\n\n## Thành phần\n\nCó mặt: 03/03 đồng chí\n\n## Nội dung\n\n### 1. Khen thưởng\n\nSố: 22-QĐ/ĐU\nLoại việc: khen thưởng\nQuyết định: Tặng giấy khen.\nBiểu quyết: nhất trí 3/3\n";
    let r = results(&[("tt.md", tt)], "");
    let s = r[0].summary.as_ref().unwrap();
    assert_eq!((s.body.as_deref(), s.form), (Some("TT"), Some(bienban::model::Form::Consultation)), "{s:?}");
    // A `Cơ quan` that contradicts the title is an invalid value; also one that
    // names a body the title mentions but is not (the BCH's `Đảng ủy` in
    // `Ban Thường vụ Đảng ủy`: the most specific body is the title's).
    assert_eq!(rules(&with(V1, "Cơ quan: Ban Thường vụ", "Cơ quan: Thường trực")), ["invalid-value"]);
    assert_eq!(rules(&with(V1, "Cơ quan: Ban Thường vụ", "Cơ quan: Đảng ủy")), ["invalid-value"]);
    // The most specific body of the title wins: BAN THƯỜNG VỤ ĐẢNG ỦY is the BTV.
    same(
        V1,
        &with(
            &no_body,
            "# Biên bản hội nghị Ban Thường vụ Đảng ủy",
            "# BIÊN BẢN HỘI NGHỊ BAN THƯỜNG VỤ ĐẢNG ỦY KHÓA XIV",
        ),
        &[],
    );
}

#[test]
fn sixteen_hd_field_names() {
    for (v1, hd) in [
        ("Chủ trì: Lộc Văn Thành (Bí thư)", "Người chủ trì: Lộc Văn Thành (Bí thư)"),
        ("Chủ trì: Lộc Văn Thành (Bí thư)", "Chủ tọa: Lộc Văn Thành (Bí thư)"),
        ("Thư ký: Bế Thị Ngọc", "Người ghi biên bản: Bế Thị Ngọc"),
        ("Tổng số thành viên: 9", "Tổng số ủy viên Ban Thường vụ: 9"),
        ("Tổng số thành viên: 9", "Tổng số ủy viên: 09 đồng chí."),
        ("Biểu quyết: 8 tán thành, 0 không tán thành", "Kết quả biểu quyết: 8 tán thành, 0 không tán thành"),
        ("Biểu quyết: 8 tán thành, 0 không tán thành", "Biểu quyết (giơ tay): 8 tán thành, 0 không tán thành"),
        ("Biểu quyết: 8 tán thành, 0 không tán thành", "Biểu quyết (bỏ phiếu kín): 8 tán thành, 0 không tán thành"),
        ("## Thành phần", "## 1. Thành phần hội nghị"),
        ("## Thành phần", "## I. THÀNH PHẦN"),
        ("## Nội dung", "## 2. Diễn biến hội nghị"),
        ("## Nội dung", "## II. NỘI DUNG VÀ DIỄN BIẾN"),
        ("### 1. Kết nạp đảng viên", "#### 2.1. Kết nạp đảng viên"),
        ("Thời gian: 14/04/2023", "Thời gian: 14/04/2023."),
        ("Thời gian: 14/04/2023", "Thời gian: Bắt đầu vào hồi 08 giờ 00 phút, ngày 14 tháng 4 năm 2023;"),
        ("Thời gian: 14/04/2023", "Thời gian: 14/4/23"),
        ("Thời gian: 14/04/2023", "Thời gian: 14 - 4 - 2023"),
        ("Loại việc: kết nạp đảng viên", "**Loại việc:** kết nạp đảng viên."),
        ("Loại việc: kết nạp đảng viên", "*Loại việc*: kết nạp đảng viên;"),
    ] {
        same(V1, &with(V1, v1, hd), &[]);
    }
    // A guest section is not the members' attendance.
    same(V1, &with(V1, "## Nội dung", "### Đại biểu mời dự\n\nĐồng chí Chu Văn Phúc, Phó Trưởng Ban Tổ chức Tỉnh ủy.\nĐồng chí Ma Văn Dũng, Bí thư chi bộ.\n\n## Nội dung"), &[]);
    // A wrong total is caught whichever way the total is written.
    let v1 = with(V1, "Tổng số thành viên: 9", "Tổng số thành viên: 10");
    same(&v1, &with(V1, "Tổng số thành viên: 9", "Tổng số ủy viên Ban Thường vụ: 10"), &["attendance"]);
}

#[test]
fn attendance_as_offices_write_it() {
    let no_total = with(V1, "Tổng số thành viên: 9\n", "");
    for present in [
        "Có mặt: 08/09 đồng chí",
        "Có mặt: 8/9",
        "Có mặt: 08/09 (đạt 88,9%)",
        "Có mặt: 08/09 đồng chí Ủy viên Ban Thường vụ.",
    ] {
        same(V1, &with(&no_total, "Có mặt: 8", present), &[]);
    }
    // A total that disagrees with `08/09` is `attendance`.
    same(&with(V1, "Có mặt: 8", "Có mặt: 9"), &with(V1, "Có mặt: 8", "Có mặt: 08/10 đồng chí"), &["attendance"]);
    let absent = "Vắng mặt:\n- Hà Văn Sơn: có lý do, đi công tác";
    for written in [
        "Vắng mặt: 01 đồng chí (đồng chí Hà Văn Sơn, Trưởng Ban Dân vận, đi công tác)",
        "Vắng mặt: 01 đồng chí (có lý do):\n+ Đồng chí Hà Văn Sơn, đi công tác.",
        "Vắng mặt: 01 đồng chí:\n- Đ/c Hà Văn Sơn - Trưởng Ban Dân vận (đi công tác);",
    ] {
        same(V1, &with(V1, absent, written), &[]);
    }
    // `vắng không lý do` is no reason; an inline absence counts as one (the "0").
    let no_reason_v1 = with(V1, "- Hà Văn Sơn: có lý do, đi công tác", "- Hà Văn Sơn");
    same(
        &no_reason_v1,
        &with(V1, absent, "Vắng mặt: 01 đồng chí (đồng chí Hà Văn Sơn, vắng không lý do)"),
        &["absence-reason"],
    );
    same(&no_reason_v1, &with(V1, absent, "Vắng mặt: 01 đồng chí (đồng chí Hà Văn Sơn)"), &["absence-reason"]);
    // Nobody absent.
    let all = with(&with(V1, "Có mặt: 8", "Có mặt: 9"), "8 tán thành", "9 tán thành");
    let all = with(&all, absent, "Vắng mặt: 0");
    same(&all, &with(&with(&all, "Vắng mặt: 0", "Vắng mặt: không."), "Có mặt: 9", "Có mặt: 09/09 đồng chí"), &[]);
}

#[test]
fn inline_attendance_of_a_standing_committee() {
    let v1 = "# Biên bản hội ý Thường trực Đảng ủy\n\nCơ quan: Thường trực\nHình thức: hội ý\nThời gian: 05/05/2023\nChủ trì: Lộc Văn Thành (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\nVắng mặt: 0\n\n## Nội dung\n\n### 1. Hội nghị Ban Thường vụ tháng 5\n\nSố: 30-TB/ĐU\nLoại việc: triệu tập hội nghị BTV\nQuyết định: Triệu tập hội nghị Ban Thường vụ ngày 12/5/2023.\nBiểu quyết: 3 tán thành, 0 không tán thành\n";
    let hd = v1.replace(
        "## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\nVắng mặt: 0\n",
        "Thành phần: có mặt 03/03 đồng chí, vắng mặt: không.\n",
    );
    same(v1, &hd, &[]);
    // One of three present: no quorum, read from the inline line too.
    let v1_short = v1
        .replace("Có mặt: 3\nVắng mặt: 0", "Có mặt: 1\nVắng mặt:\n- A: có lý do, ốm\n- B: có lý do, ốm")
        .replace("3 tán thành", "1 tán thành");
    let hd_short = hd
        .replace(
            "có mặt 03/03 đồng chí, vắng mặt: không.",
            "có mặt 01/03 đồng chí, vắng mặt 02 đồng chí (đồng chí A, ốm; đồng chí B, ốm).",
        )
        .replace("3 tán thành", "1 tán thành");
    assert_eq!(rules(&v1_short), rules(&hd_short));
    let counts = |t: &str| {
        let s = results(&[("r.md", t)], "").remove(0).summary.unwrap();
        (s.members, s.present)
    };
    assert_eq!(counts(&hd), (Some(3), Some(3)));
    assert_eq!(counts(&hd_short), counts(&v1_short));
    assert_eq!(counts(&hd_short), (Some(3), Some(1)));
}

#[test]
fn people_and_roles() {
    let chair = "Chủ trì: Lộc Văn Thành (Bí thư)";
    for written in [
        "Chủ trì: Đồng chí Lộc Văn Thành, Bí thư Đảng ủy",
        "Chủ trì: Đ/c Lộc Văn Thành - Bí thư Đảng ủy.",
        "Chủ trì: đồng chí Lộc Văn Thành (Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy)",
        "Người chủ trì: Đồng chí Lộc Văn Thành, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy;",
    ] {
        same(V1, &with(V1, chair, written), &[]);
    }
    // A Phó Bí thư chairing while the Bí thư is present, with no delegation: `chair`,
    // however the roles are written; with the delegation written after the role, none.
    let present = "Có mặt: 8\n- Lộc Văn Thành (Bí thư)\n- Hoàng Thị Mai (Phó Bí thư)\n- C\n- D\n- E\n- F\n- G\n- H";
    let v1 = with(&with(V1, "Có mặt: 8", present), chair, "Chủ trì: Hoàng Thị Mai (Phó Bí thư)");
    let hd_present = present
        .replace("- Lộc Văn Thành (Bí thư)", "- Đồng chí Lộc Văn Thành, Bí thư Đảng ủy")
        .replace("- Hoàng Thị Mai (Phó Bí thư)", "- Đ/c Hoàng Thị Mai - Phó Bí thư Đảng ủy");
    let hd =
        with(&with(V1, "Có mặt: 8", &hd_present), chair, "Người chủ trì: Đồng chí Hoàng Thị Mai, Phó Bí thư Đảng ủy.");
    same(&v1, &hd, &["chair"]);
    let delegated = with(&hd, "Phó Bí thư Đảng ủy.", "Phó Bí thư Đảng ủy - được đồng chí Bí thư ủy quyền chủ trì.");
    assert_eq!(rules(&delegated), Vec::<&str>::new());
    assert_eq!(
        rules(&with(&hd, "Phó Bí thư Đảng ủy.", "Phó Bí thư Đảng ủy, chủ trì thay đồng chí Bí thư.")),
        Vec::<&str>::new()
    );
}

#[test]
fn vote_phrasings() {
    let votes = "Biểu quyết: 8 tán thành, 0 không tán thành";
    for all_for in [
        "Biểu quyết: nhất trí 8/8",
        "Biểu quyết: 8/8 đồng chí nhất trí (100%)",
        "Biểu quyết: 100% đồng chí có mặt nhất trí",
        "Biểu quyết: Tán thành: 8; Không tán thành: 0; Không biểu quyết: 0",
        "Biểu quyết: Tán thành 8/8 đồng chí (100%)",
        "Biểu quyết: thống nhất 8/8",
        "Biểu quyết: đồng ý: 8; không đồng ý: 0",
        "Biểu quyết: 8/8 đồng chí có mặt nhất trí (100%).",
        "Biểu quyết: 8 phiếu tán thành",
        "Kết quả biểu quyết: 08/08 đồng chí tán thành.",
    ] {
        same(V1, &with(V1, votes, all_for), &[]);
    }
    // 4 of 9 in favour is no majority, however it is written.
    let v1 = with(V1, votes, "Biểu quyết: 4 tán thành, 4 không tán thành");
    for short in [
        "Biểu quyết: Tán thành: 4; Không tán thành: 4; Không biểu quyết: 0",
        "Biểu quyết: 4/8 đồng chí tán thành, 04 đồng chí không tán thành",
        "Biểu quyết: 4 phiếu tán thành, 4 phiếu không tán thành",
        "Kết quả biểu quyết: đồng ý 4; không đồng ý 4.",
    ] {
        same(&v1, &with(V1, votes, short), &["majority"]);
    }
    // A vote line that still cannot be read names what it could not read.
    let r = results(&[("r.md", &with(V1, votes, "Biểu quyết: đa số tán thành"))], "");
    let f = r[0].findings.iter().find(|f| f.rule == "invalid-value").expect("invalid-value");
    assert!(f.message.contains("đa số"), "{}", f.message);
}

#[test]
fn chi_bo_style_numbered_paragraphs_are_agenda_items() {
    let v1 = with(V1, "## Nội dung\n\n### 1. Kết nạp đảng viên\n\n", "## Nội dung\n\n### 1. Kết nạp đảng viên\n\n");
    let numbered = "## Nội dung\n\nNội dung:\n\n1. Kết nạp đảng viên\n\nSố: 21-QĐ/ĐU\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 02 quần chúng ưu tú vào Đảng.\nBiểu quyết: 4 tán thành, 4 không tán thành\n";
    let hd = format!("{}{numbered}", &V1[..V1.find("## Nội dung").unwrap()]);
    same(&with(&v1, "8 tán thành, 0", "4 tán thành, 4"), &hd, &["majority"]);
}

#[test]
fn the_closing_and_signature_block_are_record_text() {
    let tail = "\nHội nghị kết thúc vào hồi 11 giờ 00 phút cùng ngày.\n\nNGƯỜI GHI BIÊN BẢN\n\n**CHỦ TRÌ HỘI NGHỊ**\n\nT/M BAN THƯỜNG VỤ\\\nBÍ THƯ\n\n(Ký, ghi rõ họ tên)\n\n| Bế Thị Ngọc | Lộc Văn Thành |\n|---|---|\n";
    same(V1, &format!("{V1}{tail}"), &[]);
}

#[test]
fn word_conversions() {
    // pandoc's hard breaks and escapes, a wrapped value, `Ð` for `Đ`.
    let hd = with(
        &with(V1, "Thời gian: 14/04/2023", "Thời gian: 14/04/2023\\"),
        "Quyết định: Kết nạp 02 quần chúng ưu tú vào Đảng.",
        "Quyết định: Kết nạp 02 quần chúng ưu tú\nvào Đảng\\.",
    );
    same(V1, &hd, &[]);
    same(V1, &with(V1, "Số: 21-QĐ/ĐU", "Số: 21\\-QĐ/ĐU"), &[]);
    same(V1, &V1.replace("Đảng ủy", "Ðảng ủy").replace("ĐU", "ÐU"), &[]);
    // A wrapped chair: the role on the next line belongs to the chair.
    same(V1, &with(V1, "Chủ trì: Lộc Văn Thành (Bí thư)", "Chủ trì: Đồng chí Lộc Văn Thành,\nBí thư Đảng ủy"), &[]);
    // UTF-16 (Notepad's "Unicode"), with and without a byte-order mark.
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(V1.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let bytes: Vec<(&str, &[u8])> = vec![("u.md", &utf16)];
    let r = check_texts(&bytes, &Profile::builtin(), &Config::default(), Options::default());
    assert_eq!(r.len(), 1);
    assert!(r[0].findings.is_empty(), "{:?}", r[0].findings);
}

#[test]
fn numbers_inside_prose_compare_folded() {
    let tt = "# Biên bản hội ý Thường trực Đảng ủy\n\nCơ quan: Thường trực\nHình thức: hội ý\nThời gian: 05/04/2023\nChủ trì: Lộc Văn Thành (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\nVắng mặt: 0\n\n## Nội dung\n\n### 1. Kinh phí\n\nSố: 26-QĐ/ĐU\nLoại việc: tai-chinh-dang\nCấp bách: trước kỳ họp\nQuyết định: Chi kinh phí.\nBiểu quyết: 3 tán thành, 0 không tán thành\n";
    let report = |line: &str| format!("{V1}\n### 2. Báo cáo việc cấp bách\n\n{line}\n");
    let findings = |btv: &str| {
        let r = results(&[("a-tt.md", tt), ("b-btv.md", btv)], "");
        let mut v: Vec<(String, &str)> =
            r.iter().flat_map(|f| f.findings.iter().map(|x| (f.path.clone(), x.rule))).collect();
        v.sort();
        v
    };
    assert_eq!(findings(&report("Báo cáo lại: 26-QĐ/ĐU")), []);
    assert_eq!(findings(&report("Báo cáo lại: Quyết định số 26-QD/DU ngày 05/4/2023 về chi kinh phí.")), []);
    assert_eq!(findings(&report("Báo cáo lại: Quyết định số 26/QĐ-ĐU ngày 05/4/2023.")), []);
    // Not reported back: the TT decision is due at this meeting.
    assert_eq!(
        findings(&report("Báo cáo lại: Tờ trình số 05-TTr/ĐU ngày 05/4/2023.")),
        [("a-tt.md".to_string(), "report-back")]
    );
}

#[test]
fn a_folder_of_guides_and_readmes_gives_no_finding() {
    let files = [
        ("README.md", "# Hồ sơ biên bản\n\nThư mục này chứa biên bản các hội nghị năm 2023.\nBiên bản được lập theo Hướng dẫn 16-HD/VPTW.\n"),
        ("huong-dan.md", "# Hướng dẫn ghi biên bản\n\n## 1. Thành phần\n\nCó mặt: ghi số đồng chí có mặt.\nBiểu quyết: ghi kết quả biểu quyết.\n\nBiên bản hội nghị phải có chữ ký.\n"),
        ("mau.md", "Mẫu biên bản hội nghị, xem Hướng dẫn 16-HD/VPTW.\n\n## Ghi chú\n\nQuyết định: ghi rõ nội dung.\n"),
    ];
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let r = check_texts(&bytes, &Profile::builtin(), &Config::default(), Options::default());
    assert!(
        r.iter().all(|f| f.findings.is_empty()),
        "{:?}",
        r.iter().map(|f| (&f.path, &f.findings)).collect::<Vec<_>>()
    );
    assert!(r.is_empty(), "none of them is a record");
}

/// The rules a set of files fires under `config`, `(path, rule)` sorted.
fn fired(files: &[(&str, &str)], config: &str) -> Vec<(String, &'static str)> {
    let mut v: Vec<(String, &str)> =
        results(files, config).iter().flat_map(|r| r.findings.iter().map(|f| (r.path.clone(), f.rule))).collect();
    v.sort();
    v
}

#[test]
fn unrecognised_record_fires_on_titles_it_cannot_read_and_only_there() {
    let plain_title =
        HD.replace("**BIÊN BẢN**\n\n**Hội nghị Ban Thường vụ Đảng ủy**", "BIÊN BẢN HỘI NGHỊ BAN THƯỜNG VỤ ĐẢNG ỦY");
    assert_eq!(fired(&[("a.md", &plain_title)], ""), [("a.md".to_string(), "unrecognised-record")]);
    let extract = V1.replace("# Biên bản hội nghị", "# Trích biên bản hội nghị");
    assert_eq!(fired(&[("a.md", &extract)], ""), [("a.md".to_string(), "unrecognised-record")]);
    assert_eq!(fired(&[("a.md", HD)], ""), []);
    assert_eq!(fired(&[("b.md", V1)], ""), []);
}

/// A Thường trực hội ý whose decisions are numbered prose: the issue's
/// urgent admission of a party member, the carve-out of Điều 3.3.
const TT_PROSE: &str = "ĐẢNG ỦY CÁC CƠ QUAN TỈNH

**BIÊN BẢN HỘI Ý THƯỜNG TRỰC ĐẢNG ỦY**

Thời gian: 08 giờ 00 phút, ngày 05 tháng 5 năm 2023.
Địa điểm: Phòng họp Thường trực.
Chủ trì: Đồng chí Lộc Văn Thành, Bí thư Đảng ủy.
Thành phần: có mặt 03/03 đồng chí, vắng mặt: không.

Nội dung:

1. Đồng chí Phó Bí thư báo cáo hồ sơ kết nạp đảng viên của chi bộ Sở Y tế; do quần chúng sắp đi công tác dài ngày, Thường trực thống nhất kết nạp quần chúng Nông Văn Bình vào Đảng, báo cáo Ban Thường vụ tại hội nghị gần nhất.

2. Thường trực nghe báo cáo tình hình thu, nộp đảng phí quý I.

Hội ý kết thúc lúc 10 giờ 30 phút cùng ngày.
";

#[test]
fn unstructured_decision_fires_on_decisions_in_prose_and_only_there() {
    assert_eq!(fired(&[("tt.md", TT_PROSE)], ""), [("tt.md".to_string(), "unstructured-decision")]);
    // The same decision written as a field is read, and then judged: an
    // urgent admission by the TT is the carve-out of Điều 3.3.
    let structured = TT_PROSE.replace(
        "1. Đồng chí Phó Bí thư báo cáo hồ sơ kết nạp đảng viên của chi bộ Sở Y tế; do quần chúng sắp đi công tác dài ngày, Thường trực thống nhất kết nạp quần chúng Nông Văn Bình vào Đảng, báo cáo Ban Thường vụ tại hội nghị gần nhất.",
        "### 1. Kết nạp đảng viên\n\nSố: 31-QĐ/ĐU\nLoại việc: kết nạp đảng viên\nCấp bách: quần chúng sắp đi công tác dài ngày\nQuyết định: Kết nạp quần chúng Nông Văn Bình vào Đảng.\nBiểu quyết: nhất trí 3/3\n\n### 2. Đảng phí\n",
    ).replace("2. Thường trực nghe báo cáo", "Thường trực nghe báo cáo");
    let got = fired(&[("tt.md", &structured)], "");
    assert!(got.contains(&("tt.md".to_string(), "urgent-carve-out")), "{got:?}");
    assert!(!got.iter().any(|f| f.1 == "unstructured-decision"), "{got:?}");
    // Prose that reports without deciding is no decision.
    assert_eq!(fired(&[("a.md", HD)], ""), []);
}

#[test]
fn unknown_section_fires_on_fields_it_would_not_read_and_only_there() {
    let hidden = format!("{V1}\n## 3. Các ý kiến khác\n\nQuyết định: Giao Văn phòng tổng hợp.\nBiểu quyết: 4 tán thành, 4 không tán thành\n");
    let got = fired(&[("a.md", &hidden)], "");
    assert!(got.contains(&("a.md".to_string(), "unknown-section")), "{got:?}");
    let prose = format!("{V1}\n## 3. Các ý kiến khác\n\nĐồng chí Hà Văn Sơn đề nghị tăng cường kiểm tra.\n");
    assert_eq!(fired(&[("a.md", &prose)], ""), []);
}

#[test]
fn record_content_is_off_by_default_and_fires_only_where_16hd_is_not_followed() {
    let on = "[rules]\nrecord-content = \"warning\"\n";
    assert_eq!(fired(&[("v1.md", V1)], ""), []);
    assert_eq!(fired(&[("hd.md", HD)], on), []);
    // Version 1's record has no closing line and no signatures.
    let r = results(&[("v1.md", V1)], on);
    let f: Vec<_> = r[0].findings.iter().filter(|f| f.rule == "record-content").collect();
    assert_eq!(f.len(), 1, "one finding per record");
    assert!(f[0].message.contains("kết thúc") && f[0].message.contains("chữ ký"), "{}", f[0].message);
    // Without the recorder and the place as well.
    let bare = HD
        .replace("Người ghi biên bản: Đồng chí Bế Thị Ngọc, Chánh Văn phòng.\n", "")
        .replace("Địa điểm: Hội trường Đảng ủy.\n", "");
    let r = results(&[("hd.md", &bare)], on);
    let m = &r[0].findings.iter().find(|f| f.rule == "record-content").expect("record-content").message;
    assert!(m.contains("địa điểm"), "{m}");
    // The recorder's name under the signature caption is enough.
    let signed = HD.replace("Người ghi biên bản: Đồng chí Bế Thị Ngọc, Chánh Văn phòng.\n", "");
    assert_eq!(fired(&[("hd.md", &signed)], on), []);
}

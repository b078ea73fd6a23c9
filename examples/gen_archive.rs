//! Deterministic generator of a large, realistic archive of minutes, for
//! benchmarks (issue #5) and for stress-testing the rules.
//!
//! ```sh
//! cargo run --release --example gen_archive -- --out DIR --records N [--seed S] [--single-root | --roster]
//! ```
//!
//! Writes N records as `DIR/<org>/<year>/<bch|btv|tt>/<yyyy-mm-dd>-<kind>-<n>.md`
//! for a few hundred invented party organisations (communes, wards, towns,
//! agencies, enterprises) over 2016–2025. Each organisation has, every year,
//! its monthly regular Standing Committee (BTV) meetings, its quarterly
//! regular Executive Committee (BCH) meetings, a few extraordinary BTV
//! meetings, consultations (hội ý) of the Standing Members (TT) whose urgent
//! decisions are reported back at the next BTV meeting, and written
//! consultations of the BCH announced at its next meeting.
//!
//! `DIR/bienban.toml` marks the whole folder; each organisation folder also
//! gets its own `bienban.toml`, because bienban's cross-record rules
//! (`report-back`, `meeting-frequency`, `duplicate-id`) read one archive root
//! as one organisation: with a single root, "the next BTV meeting" after an
//! urgent TT decision would be some other organisation's. `--single-root`
//! leaves the per-organisation files out (then `report-back` findings across
//! organisations are expected). `--roster` gives each organisation a roster
//! (`thanh-vien.toml`, format 1.1) of its bodies' members in both terms,
//! named in its `bienban.toml`: the records agree with it.
//!
//! About 3% of the records carry exactly one deliberate violation (quorum,
//! majority, missing-votes, absence-reason or competence); they are listed in
//! `DIR/violations.tsv` (path, rule). Every other record is meant to pass
//! with no finding. Variety: ~10% of the files have no diacritics, ~10% CRLF
//! line ends, ~5% bold keys or list-item fields, ~1% a UTF-8 BOM; header and
//! section aliases, all date styles, matters written as slugs, names or
//! aliases. Same seed and N give byte-identical output. No crates: a
//! splitmix64 generator and a hand-written diacritics table.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

// ───────────────────────────── PRNG ──────────────────────────────────────

/// splitmix64: tiny, fast, good enough, and the same on every platform.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n
    fn below(&mut self, n: usize) -> usize {
        assert!(n > 0);
        (self.next_u64() % n as u64) as usize
    }
    /// lo..=hi
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn s(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    fn s_of<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
    /// Index by weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

// ─────────────────────── Vietnamese text helpers ─────────────────────────

const DIACRITICS: [(&str, char); 7] = [
    ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
    ("èéẻẽẹêềếểễệ", 'e'),
    ("ìíỉĩị", 'i'),
    ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
    ("ùúủũụưừứửữự", 'u'),
    ("ỳýỷỹỵ", 'y'),
    ("đ", 'd'),
];

fn strip_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    for (set, a) in DIACRITICS {
        if set.contains(lower) {
            return if lower != c { a.to_ascii_uppercase() } else { a };
        }
    }
    c
}

/// Vietnamese without diacritics, as clerks type on a keyboard without IME.
fn strip(s: &str) -> String {
    s.chars().map(strip_char).collect()
}

/// For comparing names: no diacritics, lower case.
fn fold(s: &str) -> String {
    strip(s).to_lowercase()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn roman(q: u32) -> &'static str {
    ["I", "II", "III", "IV"][(q - 1) as usize]
}

// ───────────────────────────── dates ─────────────────────────────────────

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Date {
    y: i32,
    m: u32,
    d: u32,
}

fn days_in(y: i32, m: u32) -> u32 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    fn days(self) -> i64 {
        let y = if self.m <= 2 { self.y - 1 } else { self.y } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.m as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
    /// 0 = Monday … 6 = Sunday.
    fn weekday(self) -> u32 {
        ((self.days() + 3).rem_euclid(7)) as u32
    }
    fn weekend(self) -> bool {
        self.weekday() >= 5
    }
    fn quarter(self) -> u32 {
        (self.m - 1) / 3 + 1
    }
}

// ─────────────────────────── names, places ───────────────────────────────

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Nông",
    "Ma", "Hà", "Triệu", "Lục", "Bế", "Đinh", "Lương", "Hứa", "Sầm", "Đàm", "Chu", "La", "Lâm", "Tô", "Vi", "Mông",
    "Tạ", "Quách", "Cao", "Lăng", "Hoàng", "Nguyễn", "Nông", "Hà", "Trần",
];
const MIDDLE_M: &[&str] =
    &["Văn", "Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Công", "Đình", "Xuân", "Thanh", "Ngọc", "Mạnh", "Tiến"];
const MIDDLE_F: &[&str] = &["Thị", "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Kim", "Phương"];
const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Kiên", "Long",
    "Minh", "Nam", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt",
    "Vinh", "Thái", "Lợi", "Chiến", "Doanh", "Hưng", "Lâm", "Nghĩa", "Phong", "Tiến", "Tú", "Vượng", "Bảo", "Công",
    "Định", "Hậu", "Khoa", "Lực", "Mạnh", "Nhật", "Quyết", "Thuận",
];
const GIVEN_F: &[&str] = &[
    "Anh", "Chi", "Dung", "Duyên", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương", "Huyền", "Lan", "Liên",
    "Linh", "Loan", "Mai", "Mơ", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thơm", "Thu",
    "Thủy", "Trang", "Tuyết", "Vân", "Xuân", "Yến", "Lụa", "Hậu", "Gấm", "Lý",
];
const PLACE_SYL: &[&str] = &[
    "Quang",
    "Thuận",
    "Đức",
    "Xuân",
    "Bình",
    "Hòa",
    "An",
    "Phúc",
    "Tân",
    "Thành",
    "Lộc",
    "Yên",
    "Hưng",
    "Long",
    "Sơn",
    "Nghĩa",
    "Trung",
    "Đông",
    "Cao",
    "Vân",
    "Tùng",
    "Mỹ",
    "Thanh",
    "Minh",
    "Hiệp",
    "Lương",
    "Thượng",
    "Kim",
    "Ngọc",
    "Phong",
    "Tiến",
    "Quảng",
    "Khê",
    "Lạc",
    "Thịnh",
    "Vĩnh",
    "Phú",
    "Cẩm",
    "Đồng",
    "Lâm",
    "Hợp",
    "Tú",
    "Thạch",
    "Bằng",
    "Côn",
    "Nghiên",
    "Loan",
    "Đôn",
    "Giang",
    "Sỹ",
    "Bình",
    "Văn",
    "Vũ",
    "Mai",
    "Hà",
    "Liêm",
    "Quân",
    "Chu",
];
const TAY_PLACES: &[&str] = &[
    "Nà Phặc",
    "Cốc Đán",
    "Bằng Thành",
    "Pác Nặm",
    "Côn Minh",
    "Hà Hiệu",
    "Chợ Rã",
    "Nghiên Loan",
    "Xuân La",
    "Đồng Lạc",
    "Nà Tùm",
    "Bản Thi",
    "Khang Ninh",
    "Cao Kỳ",
    "Yến Dương",
    "Lãng Ngâm",
    "Thượng Quan",
    "Vân Tùng",
    "Bộc Bố",
    "Nhạn Môn",
    "Giáo Hiệu",
    "Quảng Khê",
    "Đồng Phúc",
    "Mỹ Phương",
    "Hoàng Trĩ",
    "Nam Mẫu",
    "Cẩm Giàng",
    "Lục Bình",
    "Sỹ Bình",
    "Vũ Muộn",
    "Cao Sơn",
    "Dương Phong",
    "Kim Hỷ",
    "Lương Thượng",
    "Văn Lang",
    "Cư Lễ",
];
const DEPTS: &[&str] = &[
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường",
    "Sở Công Thương",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Kế hoạch và Đầu tư",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Thông tin và Truyền thông",
    "Sở Khoa học và Công nghệ",
    "Kho bạc Nhà nước tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Cục Thuế tỉnh",
    "Ngân hàng Chính sách xã hội tỉnh",
    "Thanh tra tỉnh",
    "Đài Phát thanh - Truyền hình tỉnh",
    "Báo tỉnh",
    "Trường Chính trị tỉnh",
    "Văn phòng Ủy ban nhân dân tỉnh",
    "Tòa án nhân dân tỉnh",
    "Viện Kiểm sát nhân dân tỉnh",
    "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    "Liên minh Hợp tác xã tỉnh",
];
const VILLAGE_UNITS: &[&str] = &[
    "chi bộ thôn {p}",
    "chi bộ thôn {p}",
    "chi bộ thôn {p}",
    "chi bộ bản {p}",
    "chi bộ Trường Tiểu học {p}",
    "chi bộ Trường Trung học cơ sở {p}",
    "chi bộ Trường Mầm non {p}",
    "chi bộ Trạm Y tế",
    "chi bộ Công an",
    "chi bộ Quân sự",
    "chi bộ cơ quan",
    "chi bộ Hợp tác xã {p}",
];
const AGENCY_UNITS: &[&str] = &[
    "chi bộ Phòng Tổ chức - Hành chính",
    "chi bộ Phòng Kế hoạch - Tài chính",
    "chi bộ Văn phòng",
    "chi bộ Phòng Nghiệp vụ {k}",
    "chi bộ Trung tâm {p}",
    "chi bộ Chi cục {p}",
    "chi bộ Ban Quản lý dự án",
    "chi bộ Thanh tra",
    "chi bộ Phòng Kỹ thuật",
    "chi bộ Đội {k}",
    "chi bộ Chi nhánh {p}",
    "chi bộ Phân xưởng {k}",
];

fn person_name(rng: &mut Rng) -> String {
    let female = rng.chance(0.45);
    let s = rng.pick(SURNAMES);
    let (m, g) = if female { (rng.pick(MIDDLE_F), rng.pick(GIVEN_F)) } else { (rng.pick(MIDDLE_M), rng.pick(GIVEN_M)) };
    // A few names with two middle syllables, as in the north-east.
    if rng.chance(0.08) {
        let m2 = if female {
            rng.s(&["Thu", "Minh", "Bích", "Thanh"])
        } else {
            rng.s(&["Quốc", "Trọng", "Duy", "Bá"])
        };
        format!("{s} {m} {m2} {g}")
    } else {
        format!("{s} {m} {g}")
    }
}

/// A name not yet used in this organisation (compared folded, as bienban does).
fn unique_name(rng: &mut Rng, used: &mut BTreeSet<String>) -> String {
    loop {
        let n = person_name(rng);
        if used.insert(fold(&n)) {
            return n;
        }
    }
}

fn place_name(rng: &mut Rng) -> String {
    if rng.chance(0.35) {
        rng.pick(TAY_PLACES).to_string()
    } else {
        let a = rng.pick(PLACE_SYL);
        let mut b = rng.pick(PLACE_SYL);
        while b == a {
            b = rng.pick(PLACE_SYL);
        }
        format!("{a} {b}")
    }
}

// ───────────────────────────── matters ───────────────────────────────────

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum B {
    Bch,
    Btv,
    Tt,
    Tu,
}

/// A matter of the regulation (ANALYSIS.md): slug, the name of its
/// 'matter' column, aliases the built-in profile lists, owner, whether the
/// Điều 3.3 carve-out excludes it from urgent handling, the kind of number
/// its act gets, and text to write about it.
struct Matter {
    slug: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
    owner: B,
    carved_out: bool,
    num: &'static str,
    heads: &'static [&'static str],
    acts: &'static [&'static str],
    topic: &'static str,
}

const MATTERS: &[Matter] = &[
    Matter {
        slug: "chuong-trinh-toan-khoa",
        name: "chương trình công tác toàn khóa",
        aliases: &["chương trình toàn khóa", "chương trình làm việc toàn khóa"],
        owner: B::Bch,
        carved_out: false,
        num: "CTr",
        heads: &["Chương trình công tác toàn khóa nhiệm kỳ {term}", "Thông qua Chương trình làm việc toàn khóa"],
        acts: &["Thông qua Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ nhiệm kỳ {term}, gồm {k} nhóm nhiệm vụ trọng tâm và lộ trình thực hiện từng năm."],
        topic: "việc cụ thể hóa Nghị quyết Đại hội",
    },
    Matter {
        slug: "chuong-trinh-kiem-tra-toan-khoa",
        name: "chương trình kiểm tra, giám sát toàn khóa",
        aliases: &["chương trình kiểm tra toàn khóa", "chương trình kiểm tra, giám sát nhiệm kỳ"],
        owner: B::Bch,
        carved_out: true,
        num: "CTr",
        heads: &["Chương trình kiểm tra, giám sát toàn khóa", "Thông qua Chương trình kiểm tra, giám sát nhiệm kỳ {term}"],
        acts: &["Thông qua Chương trình kiểm tra, giám sát toàn khóa nhiệm kỳ {term} của Ban Chấp hành Đảng bộ, tập trung vào việc thực hiện nguyên tắc tập trung dân chủ và công tác cán bộ."],
        topic: "công tác kiểm tra, giám sát",
    },
    Matter {
        slug: "quy-che-lam-viec",
        name: "quy chế làm việc của BCH, BTV, UBKT",
        aliases: &["quy chế làm việc", "ban hành quy chế làm việc"],
        owner: B::Bch,
        carved_out: true,
        num: "QC",
        heads: &["Ban hành Quy chế làm việc của Ban Chấp hành nhiệm kỳ {term}", "Quy chế làm việc của Ban Chấp hành, Ban Thường vụ, Ủy ban Kiểm tra"],
        acts: &["Ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ {org} nhiệm kỳ {term}, gồm 5 chương, 16 điều."],
        topic: "việc thực hiện quy chế làm việc",
    },
    Matter {
        slug: "nghi-quyet-chuyen-de",
        name: "nghị quyết chuyên đề, nhiệm vụ trọng tâm, đột phá",
        aliases: &["nghị quyết chuyên đề", "nhiệm vụ trọng tâm, đột phá"],
        owner: B::Bch,
        carved_out: false,
        num: "NQ",
        heads: &["Nghị quyết chuyên đề của Ban Chấp hành", "Ban hành nghị quyết chuyên đề"],
        acts: &["Thông qua Nghị quyết chuyên đề của Ban Chấp hành Đảng bộ về {theme} giai đoạn {y} - {y5}.", "Ban hành Nghị quyết chuyên đề về {theme}; giao Ban Thường vụ xây dựng kế hoạch thực hiện trong quý {q}."],
        topic: "việc thực hiện các nhiệm vụ trọng tâm, đột phá",
    },
    Matter {
        slug: "ky-luat-uy-vien-bch",
        name: "kỷ luật ủy viên BCH, ủy viên Ủy ban Kiểm tra",
        aliases: &["kỷ luật ủy viên Ban Chấp hành", "kỷ luật cấp ủy viên"],
        owner: B::Bch,
        carved_out: true,
        num: "QĐ",
        heads: &["Xem xét, thi hành kỷ luật cấp ủy viên"],
        acts: &["Thi hành kỷ luật khiển trách đối với đồng chí {p}, ủy viên Ban Chấp hành Đảng bộ, do thiếu trách nhiệm trong lãnh đạo, chỉ đạo để xảy ra vi phạm ở đơn vị phụ trách."],
        topic: "việc giữ gìn kỷ luật, kỷ cương trong Đảng",
    },
    Matter {
        slug: "dai-hoi",
        name: "triệu tập đại hội, văn kiện và nhân sự trình đại hội",
        aliases: &["triệu tập đại hội", "chuẩn bị đại hội", "văn kiện đại hội"],
        owner: B::Bch,
        carved_out: true,
        num: "NQ",
        heads: &["Chuẩn bị Đại hội Đảng bộ nhiệm kỳ 2020 - 2025", "Thông qua dự thảo văn kiện và phương án nhân sự trình Đại hội"],
        acts: &["Thông qua dự thảo Báo cáo chính trị, Báo cáo kiểm điểm của Ban Chấp hành và phương án nhân sự Ban Chấp hành nhiệm kỳ 2020 - 2025 trình Đại hội; triệu tập Đại hội trong tháng {m2}/2020."],
        topic: "công tác chuẩn bị đại hội",
    },
    Matter {
        slug: "bo-sung-rut-khoi-bch",
        name: "bổ sung, rút khỏi Ban Chấp hành",
        aliases: &["bổ sung ủy viên Ban Chấp hành", "kiện toàn Ban Chấp hành"],
        owner: B::Bch,
        carved_out: true,
        num: "NQ",
        heads: &["Kiện toàn Ban Chấp hành Đảng bộ", "Cho đồng chí {p} thôi tham gia Ban Chấp hành"],
        acts: &["Đồng ý để đồng chí {p} thôi tham gia Ban Chấp hành Đảng bộ nhiệm kỳ {term} do nhận công tác khác; đề nghị cấp trên chỉ định bổ sung."],
        topic: "công tác kiện toàn cấp ủy",
    },
    Matter {
        slug: "bau-chuc-danh",
        name: "bầu ủy viên BTV, Bí thư, Phó Bí thư, ủy viên và Chủ nhiệm UBKT",
        aliases: &["bầu ủy viên Ủy ban Kiểm tra", "bầu chức danh"],
        owner: B::Bch,
        carved_out: true,
        num: "NQ",
        heads: &["Bầu bổ sung ủy viên Ủy ban Kiểm tra Đảng ủy"],
        acts: &["Bầu bổ sung đồng chí {p} giữ chức ủy viên Ủy ban Kiểm tra Đảng ủy nhiệm kỳ {term}; đề nghị cấp trên chuẩn y."],
        topic: "công tác kiện toàn Ủy ban Kiểm tra",
    },
    Matter {
        slug: "thong-qua-van-kien-btv-trinh",
        name: "thông qua nghị quyết, chương trình, kế hoạch, báo cáo do BTV trình",
        aliases: &["thông qua báo cáo định kỳ", "thông qua kế hoạch", "văn kiện Ban Thường vụ trình"],
        owner: B::Bch,
        carved_out: false,
        num: "NQ",
        heads: &["Thông qua báo cáo sơ kết chuyên đề do Ban Thường vụ trình", "Thông qua kế hoạch thực hiện nghị quyết của Tỉnh ủy"],
        acts: &["Thông qua Báo cáo sơ kết {k} năm thực hiện Nghị quyết về {theme} do Ban Thường vụ trình.", "Thông qua Kế hoạch thực hiện Nghị quyết của Tỉnh ủy về {theme} do Ban Thường vụ trình, có sửa đổi theo ý kiến hội nghị."],
        topic: "việc cụ thể hóa nghị quyết của cấp trên",
    },
    Matter {
        slug: "lay-phieu-tin-nhiem",
        name: "lấy phiếu tín nhiệm ủy viên BTV",
        aliases: &["lấy phiếu tín nhiệm", "lấy phiếu tín nhiệm ủy viên Ban Thường vụ"],
        owner: B::Bch,
        carved_out: true,
        num: "KL",
        heads: &["Lấy phiếu tín nhiệm giữa nhiệm kỳ đối với ủy viên Ban Thường vụ"],
        acts: &["Thông qua kết quả lấy phiếu tín nhiệm đối với {k} đồng chí ủy viên Ban Thường vụ; các đồng chí đều đạt tín nhiệm cao trên 80%."],
        topic: "công tác đánh giá cán bộ",
    },
    Matter {
        slug: "tong-ket-nam",
        name: "sơ kết, tổng kết năm; chương trình, nghị quyết năm tiếp theo",
        aliases: &["tổng kết năm", "tổng kết công tác năm", "nghị quyết nhiệm vụ năm"],
        owner: B::Bch,
        carved_out: false,
        num: "NQ",
        heads: &["Tổng kết năm {y}, nhiệm vụ năm {y1}", "Tổng kết công tác xây dựng Đảng năm {y}"],
        acts: &["Thông qua Báo cáo tổng kết công tác xây dựng Đảng năm {y} và Nghị quyết về phương hướng, nhiệm vụ năm {y1} của Đảng bộ {org}.", "Thông qua Nghị quyết lãnh đạo thực hiện nhiệm vụ năm {y1} với {k} chỉ tiêu chủ yếu."],
        topic: "việc thực hiện các chỉ tiêu năm",
    },
    Matter {
        slug: "chuong-trinh-btv",
        name: "chương trình, kế hoạch công tác của BTV",
        aliases: &["chương trình công tác của Ban Thường vụ", "chương trình công tác quý"],
        owner: B::Btv,
        carved_out: false,
        num: "CTr",
        heads: &["Chương trình công tác quý {q}/{y}", "Điều chỉnh chương trình công tác của Ban Thường vụ"],
        acts: &["Thông qua Chương trình công tác quý {q}/{y} của Ban Thường vụ, bổ sung nội dung làm việc với {cb}.", "Điều chỉnh Chương trình công tác tháng {m} của Ban Thường vụ, lùi việc sơ kết chuyên đề sang tháng sau."],
        topic: "việc thực hiện chương trình công tác",
    },
    Matter {
        slug: "chuong-trinh-kiem-tra-nam",
        name: "chương trình kiểm tra, giám sát hằng năm",
        aliases: &["chương trình kiểm tra, giám sát năm", "kế hoạch kiểm tra, giám sát"],
        owner: B::Btv,
        carved_out: true,
        num: "CTr",
        heads: &["Chương trình kiểm tra, giám sát năm {yk}", "Ban hành chương trình kiểm tra, giám sát năm {yk}"],
        acts: &["Ban hành Chương trình kiểm tra, giám sát năm {yk} của Ban Thường vụ, gồm kiểm tra {k} tổ chức đảng và giám sát chuyên đề {k2} tổ chức đảng."],
        topic: "công tác kiểm tra, giám sát",
    },
    Matter {
        slug: "ket-nap-dang-vien",
        name: "kết nạp, kết nạp lại đảng viên",
        aliases: &["kết nạp đảng viên", "kết nạp", "kết nạp vào Đảng"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Xét kết nạp đảng viên", "Xét đề nghị kết nạp quần chúng ưu tú vào Đảng", "Kết nạp đảng viên mới"],
        acts: &["Kết nạp {k} quần chúng ưu tú thuộc {cb} và {cb2} vào Đảng Cộng sản Việt Nam.", "Kết nạp quần chúng {p}, {cb}, vào Đảng Cộng sản Việt Nam."],
        topic: "công tác phát triển đảng viên",
    },
    Matter {
        slug: "cong-nhan-chinh-thuc",
        name: "công nhận đảng viên chính thức",
        aliases: &["công nhận chính thức", "chuyển đảng chính thức"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Xét công nhận đảng viên chính thức", "Chuyển đảng chính thức cho đảng viên dự bị"],
        acts: &["Công nhận đảng viên chính thức đối với {k} đồng chí đảng viên dự bị thuộc {cb} và {cb2}.", "Công nhận đảng viên chính thức đối với đồng chí {p}, {cb}, kể từ ngày hết thời hạn dự bị."],
        topic: "công tác quản lý, giáo dục đảng viên dự bị",
    },
    Matter {
        slug: "xoa-ten-dang-vien",
        name: "xóa tên đảng viên",
        aliases: &["xóa tên", "xóa tên trong danh sách đảng viên"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Xóa tên đảng viên", "Xem xét xóa tên trong danh sách đảng viên"],
        acts: &["Xóa tên trong danh sách đảng viên đối với 01 đảng viên {cb} do tự ý bỏ sinh hoạt đảng và không đóng đảng phí quá 03 tháng không có lý do chính đáng."],
        topic: "công tác quản lý đảng viên",
    },
    Matter {
        slug: "the-dang-huy-hieu",
        name: "thẻ đảng viên, Huy hiệu Đảng",
        aliases: &["thẻ đảng viên", "phát thẻ đảng viên", "xét tặng Huy hiệu Đảng"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Xét tặng Huy hiệu Đảng", "Phát thẻ đảng viên"],
        acts: &["Xét, đề nghị tặng Huy hiệu 30, 40, 50 năm tuổi Đảng cho {k} đồng chí đảng viên thuộc {cb} và {cb2} đủ điều kiện.", "Phát thẻ đảng viên cho {k} đồng chí mới được công nhận đảng viên chính thức."],
        topic: "công tác quản lý đảng viên",
    },
    Matter {
        slug: "thanh-lap-giai-the",
        name: "thành lập, sáp nhập, giải thể, chia tách tổ chức cơ sở đảng",
        aliases: &["sáp nhập chi bộ", "thành lập chi bộ"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Sáp nhập chi bộ trực thuộc", "Thành lập chi bộ trực thuộc"],
        acts: &["Sáp nhập {cb} và {cb2} thành một chi bộ trực thuộc; chỉ định cấp ủy lâm thời gồm 03 đồng chí.", "Thành lập {cb} trực thuộc Đảng bộ trên cơ sở tách ra từ {cb2}; chỉ định chi ủy lâm thời."],
        topic: "việc sắp xếp, kiện toàn tổ chức cơ sở đảng",
    },
    Matter {
        slug: "khen-thuong",
        name: "khen thưởng tổ chức đảng, đảng viên",
        aliases: &["khen thưởng", "khen thưởng đảng viên", "thi đua, khen thưởng"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Khen thưởng tổ chức đảng, đảng viên", "Khen thưởng tập thể, cá nhân có thành tích xuất sắc"],
        acts: &["Tặng Giấy khen cho {k} tổ chức cơ sở đảng và {k2} đảng viên hoàn thành xuất sắc nhiệm vụ năm {y0}.", "Tặng Giấy khen cho {cb} và {k} đảng viên có thành tích tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."],
        topic: "công tác thi đua, khen thưởng",
    },
    Matter {
        slug: "ky-luat",
        name: "kỷ luật, khiếu nại kỷ luật, tố cáo",
        aliases: &["kỷ luật đảng viên", "thi hành kỷ luật", "kỷ luật"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Xem xét, thi hành kỷ luật đảng viên", "Thi hành kỷ luật đảng viên vi phạm"],
        acts: &["Thi hành kỷ luật khiển trách đối với đồng chí {p}, đảng viên {cb}, do vi phạm quy định về những điều đảng viên không được làm.", "Thi hành kỷ luật cảnh cáo đối với đồng chí {p}, đảng viên {cb}, do vi phạm nguyên tắc tập trung dân chủ và quy chế làm việc."],
        topic: "công tác kiểm tra, thi hành kỷ luật đảng",
    },
    Matter {
        slug: "xep-loai-chat-luong",
        name: "xếp loại chất lượng cấp ủy, tổ chức cơ sở đảng",
        aliases: &["xếp loại chất lượng", "đánh giá, xếp loại chất lượng"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Đánh giá, xếp loại chất lượng tổ chức đảng năm {yk0}", "Xếp loại chất lượng tổ chức cơ sở đảng"],
        acts: &["Công nhận {k} tổ chức đảng hoàn thành xuất sắc nhiệm vụ, {k2} tổ chức đảng hoàn thành tốt nhiệm vụ năm {yk0}; không có tổ chức đảng không hoàn thành nhiệm vụ."],
        topic: "công tác đánh giá, xếp loại chất lượng",
    },
    Matter {
        slug: "to-chuc-bo-may",
        name: "tổ chức bộ máy, biên chế, chính sách cán bộ",
        aliases: &["tổ chức bộ máy", "sắp xếp tổ chức bộ máy"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Kiện toàn bộ máy giúp việc của Đảng ủy", "Sắp xếp tổ chức bộ máy cơ quan chuyên trách"],
        acts: &["Kiện toàn bộ máy giúp việc của Đảng ủy; bố trí 01 công chức kiêm nhiệm công tác văn phòng và 01 công chức theo dõi công tác tổ chức."],
        topic: "việc sắp xếp tổ chức bộ máy tinh gọn",
    },
    Matter {
        slug: "quy-hoach-can-bo",
        name: "quy hoạch cán bộ",
        aliases: &["bổ sung quy hoạch", "quy hoạch cấp ủy"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Rà soát, bổ sung quy hoạch cán bộ", "Phê duyệt quy hoạch cấp ủy"],
        acts: &["Phê duyệt bổ sung quy hoạch cấp ủy nhiệm kỳ {term} đối với {k} đồng chí; đưa ra khỏi quy hoạch 02 đồng chí không còn đủ tiêu chuẩn."],
        topic: "công tác quy hoạch cán bộ",
    },
    Matter {
        slug: "bo-nhiem-dieu-dong",
        name: "đào tạo, đề bạt, bổ nhiệm, miễn nhiệm, điều động, nghỉ hưu cán bộ cơ quan",
        aliases: &["bổ nhiệm cán bộ", "điều động cán bộ", "nghỉ hưu"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Điều động, bổ nhiệm cán bộ", "Cử cán bộ đi đào tạo", "Giải quyết chế độ nghỉ hưu"],
        acts: &["Điều động đồng chí {p} giữ chức Phó Chánh Văn phòng Đảng ủy kể từ ngày ký quyết định.", "Cử {k} đồng chí đi học lớp trung cấp lý luận chính trị - hành chính khóa {k2}.", "Giải quyết chế độ nghỉ hưu đối với đồng chí {p} theo quy định."],
        topic: "công tác cán bộ",
    },
    Matter {
        slug: "danh-gia-can-bo-lanh-dao",
        name: "nhận xét, đánh giá trưởng, phó các ban, văn phòng, đoàn; ủy viên UBKT",
        aliases: &["đánh giá cán bộ lãnh đạo", "nhận xét, đánh giá trưởng, phó các ban"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Nhận xét, đánh giá cán bộ lãnh đạo năm {yk0}"],
        acts: &["Thông qua kết quả nhận xét, đánh giá, xếp loại {k} đồng chí trưởng, phó các ban, Văn phòng Đảng ủy và ủy viên Ủy ban Kiểm tra năm {yk0}."],
        topic: "công tác đánh giá cán bộ",
    },
    Matter {
        slug: "chuan-y-chi-dinh",
        name: "chuẩn y kết quả bầu cử; chỉ định cấp ủy, bí thư của tổ chức trực thuộc",
        aliases: &["chuẩn y kết quả bầu cử", "chỉ định bổ sung cấp ủy viên", "chuẩn y"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Chuẩn y kết quả bầu cử", "Chỉ định bổ sung cấp ủy viên chi bộ trực thuộc"],
        acts: &["Chuẩn y kết quả bầu cử chi ủy, bí thư, phó bí thư {cb} nhiệm kỳ {termsub}.", "Chỉ định đồng chí {p} tham gia chi ủy, giữ chức Bí thư {cb} nhiệm kỳ {termsub}."],
        topic: "công tác kiện toàn cấp ủy cơ sở",
    },
    Matter {
        slug: "tieu-chuan-chinh-tri",
        name: "thẩm tra, kết luận tiêu chuẩn chính trị",
        aliases: &["kết luận tiêu chuẩn chính trị", "thẩm tra tiêu chuẩn chính trị"],
        owner: B::Btv,
        carved_out: true,
        num: "KL",
        heads: &["Thẩm tra tiêu chuẩn chính trị người vào Đảng", "Kết luận tiêu chuẩn chính trị cán bộ dự nguồn"],
        acts: &["Kết luận {k} quần chúng thuộc {cb} và {cb2} đủ tiêu chuẩn chính trị để xem xét kết nạp vào Đảng.", "Kết luận đồng chí {p} đủ tiêu chuẩn chính trị để bổ sung quy hoạch cán bộ."],
        topic: "công tác bảo vệ chính trị nội bộ",
    },
    Matter {
        slug: "phan-cong-nhiem-vu",
        name: "phân công nhiệm vụ ủy viên BCH, ủy viên BTV",
        aliases: &["phân công nhiệm vụ cấp ủy viên", "phân công phụ trách"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Phân công nhiệm vụ cấp ủy viên", "Điều chỉnh phân công phụ trách chi bộ"],
        acts: &["Phân công đồng chí {n} phụ trách {cb} thay đồng chí {n2}, kể từ tháng {m}/{y}.", "Điều chỉnh phân công nhiệm vụ các đồng chí ủy viên Ban Chấp hành theo dõi, phụ trách các chi bộ trực thuộc."],
        topic: "việc phân công cấp ủy viên phụ trách cơ sở",
    },
    Matter {
        slug: "tiep-nhan-chuyen-can-bo",
        name: "tiếp nhận, chuyển cán bộ, công chức",
        aliases: &["tiếp nhận công chức", "chuyển công tác cán bộ"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Tiếp nhận công chức", "Chuyển công tác cán bộ"],
        acts: &["Tiếp nhận đồng chí {p}, công chức {dept}, về công tác tại Văn phòng Đảng ủy.", "Đồng ý chuyển đồng chí {p}, chuyên viên Ban Tổ chức Đảng ủy, đến nhận công tác tại {dept}."],
        topic: "công tác cán bộ",
    },
    Matter {
        slug: "dai-hoi-truc-thuoc",
        name: "báo cáo, đề án nhân sự đại hội của tổ chức trực thuộc",
        aliases: &["đại hội chi bộ trực thuộc", "đề án nhân sự đại hội chi bộ"],
        owner: B::Btv,
        carved_out: true,
        num: "QĐ",
        heads: &["Đề án nhân sự đại hội chi bộ trực thuộc", "Chỉ đạo đại hội chi bộ trực thuộc"],
        acts: &["Thông qua báo cáo chính trị và đề án nhân sự đại hội {cb} nhiệm kỳ {termsub}; đồng ý để chi bộ tổ chức đại hội trong tháng {m2}."],
        topic: "công tác chỉ đạo đại hội chi bộ",
    },
    Matter {
        slug: "trieu-tap-hoi-nghi-bch",
        name: "triệu tập, thời gian, nội dung hội nghị BCH",
        aliases: &["triệu tập hội nghị Ban Chấp hành", "chuẩn bị hội nghị Ban Chấp hành"],
        owner: B::Btv,
        carved_out: false,
        num: "TB",
        heads: &["Chuẩn bị Hội nghị Ban Chấp hành quý {q}", "Triệu tập Hội nghị Ban Chấp hành Đảng bộ"],
        acts: &["Triệu tập Hội nghị Ban Chấp hành Đảng bộ thường lệ quý {q} vào cuối tháng {mq}; giao Văn phòng chuẩn bị tài liệu, gửi trước 03 ngày.", "Thống nhất nội dung Hội nghị Ban Chấp hành quý {q}, gồm đánh giá kết quả thực hiện nhiệm vụ quý và báo cáo công việc Ban Thường vụ đã giải quyết giữa hai kỳ họp."],
        topic: "công tác chuẩn bị hội nghị",
    },
    Matter {
        slug: "tai-chinh-dang",
        name: "tài chính đảng",
        aliases: &["quyết toán tài chính đảng", "dự toán ngân sách đảng", "quản lý, sử dụng tài chính"],
        owner: B::Btv,
        carved_out: false,
        num: "QĐ",
        heads: &["Quyết toán ngân sách đảng năm {y0}", "Dự toán ngân sách đảng năm {yk}", "Chi hỗ trợ từ kinh phí hoạt động của Đảng ủy"],
        acts: &["Phê duyệt quyết toán thu, chi ngân sách đảng năm {y0}, tổng chi {money} đồng.", "Phê duyệt dự toán thu, chi ngân sách đảng năm {yk} với tổng kinh phí {money} đồng.", "Chi từ kinh phí hoạt động của Đảng ủy {money} đồng hỗ trợ {cb} tổ chức sinh hoạt chuyên đề."],
        topic: "công tác quản lý tài chính đảng",
    },
    Matter {
        slug: "uy-quyen-thuong-truc",
        name: "ủy quyền cho Thường trực",
        aliases: &["ủy quyền Thường trực", "giao Thường trực giải quyết"],
        owner: B::Btv,
        carved_out: false,
        num: "QĐ",
        heads: &["Ủy quyền cho Thường trực Đảng ủy năm {y}", "Giao Thường trực giải quyết một số công việc"],
        acts: &["Ủy quyền cho Thường trực Đảng ủy quyết định các khoản chi từ kinh phí hoạt động của Đảng ủy dưới 50.000.000 đồng trong năm {y} và báo cáo Ban Thường vụ tại phiên họp gần nhất."],
        topic: "việc phân cấp, ủy quyền giải quyết công việc",
    },
    Matter {
        slug: "ban-hanh-van-ban",
        name: "ban hành nghị quyết, chỉ thị, thông báo, kế hoạch thực hiện",
        aliases: &["ban hành kế hoạch", "ban hành chỉ thị", "kế hoạch thực hiện"],
        owner: B::Btv,
        carved_out: false,
        num: "KH",
        heads: &["Kế hoạch thực hiện chỉ thị của Tỉnh ủy", "Ban hành kế hoạch tuyên truyền", "Kế hoạch học tập, quán triệt nghị quyết"],
        acts: &["Ban hành Kế hoạch thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy về {theme} trong toàn Đảng bộ.", "Ban hành Kế hoạch tuyên truyền kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam và mừng Xuân {y1}.", "Ban hành Kế hoạch học tập, quán triệt nghị quyết hội nghị Trung ương cho cán bộ, đảng viên."],
        topic: "việc học tập, quán triệt và cụ thể hóa nghị quyết",
    },
    Matter {
        slug: "hoi-nghi-mo-rong",
        name: "hội nghị BCH mở rộng, hội nghị cán bộ chủ chốt",
        aliases: &["hội nghị mở rộng", "hội nghị cán bộ chủ chốt"],
        owner: B::Btv,
        carved_out: false,
        num: "TB",
        heads: &["Tổ chức hội nghị cán bộ chủ chốt"],
        acts: &["Tổ chức Hội nghị cán bộ chủ chốt quán triệt nghị quyết của Tỉnh ủy trong tháng {m2}; thành phần gồm cấp ủy viên và bí thư các chi bộ trực thuộc."],
        topic: "công tác tổ chức hội nghị",
    },
    Matter {
        slug: "trieu-tap-hoi-nghi-btv",
        name: "triệu tập hội nghị BTV",
        aliases: &["triệu tập hội nghị Ban Thường vụ", "triệu tập họp Ban Thường vụ"],
        owner: B::Tt,
        carved_out: false,
        num: "TB",
        heads: &["Triệu tập hội nghị Ban Thường vụ", "Chuẩn bị nội dung hội nghị Ban Thường vụ tháng {m}"],
        acts: &["Triệu tập hội nghị Ban Thường vụ thường lệ tháng {m}; giao Văn phòng gửi tài liệu trước 02 ngày."],
        topic: "công tác chuẩn bị hội nghị Ban Thường vụ",
    },
    Matter {
        slug: "cong-viec-hang-ngay",
        name: "công việc hằng ngày",
        aliases: &["công việc thường xuyên", "giải quyết công việc hằng ngày"],
        owner: B::Tt,
        carved_out: false,
        num: "TB",
        heads: &["Phân công trực lãnh đạo", "Đôn đốc báo cáo định kỳ"],
        acts: &["Phân công các đồng chí Thường trực trực lãnh đạo, chỉ đạo giải quyết công việc trong thời gian nghỉ lễ theo lịch kèm theo.", "Giao Văn phòng Đảng ủy đôn đốc các chi bộ nộp báo cáo định kỳ đúng thời hạn."],
        topic: "việc giải quyết công việc thường xuyên",
    },
    Matter {
        slug: "danh-gia-cong-chuc",
        name: "nhận xét, đánh giá công chức cơ quan",
        aliases: &["đánh giá công chức", "nhận xét, đánh giá công chức"],
        owner: B::Tt,
        carved_out: true,
        num: "TB",
        heads: &["Nhận xét, đánh giá công chức cơ quan năm {yk0}"],
        acts: &["Thông qua kết quả nhận xét, đánh giá, xếp loại {k} công chức cơ quan Đảng ủy năm {yk0}."],
        topic: "công tác đánh giá công chức",
    },
    Matter {
        slug: "phan-cong-thuong-truc",
        name: "phân công nhiệm vụ các đồng chí Thường trực",
        aliases: &["phân công nhiệm vụ Thường trực"],
        owner: B::Tt,
        carved_out: true,
        num: "TB",
        heads: &["Phân công nhiệm vụ các đồng chí Thường trực"],
        acts: &["Điều chỉnh phân công nhiệm vụ các đồng chí Thường trực Đảng ủy trong thời gian đồng chí Bí thư đi học tập trung."],
        topic: "việc phân công trong Thường trực",
    },
    Matter {
        slug: "bao-cao-giua-hai-ky",
        name: "BTV báo cáo công việc đã giải quyết giữa hai kỳ họp BCH",
        aliases: &["báo cáo giữa hai kỳ họp", "báo cáo công việc Ban Thường vụ đã giải quyết"],
        owner: B::Bch,
        carved_out: false,
        num: "BC",
        heads: &["Báo cáo công việc Ban Thường vụ đã giải quyết giữa hai kỳ họp", "Ban Thường vụ báo cáo công việc giữa hai kỳ hội nghị"],
        acts: &[],
        topic: "việc thực hiện quy chế làm việc",
    },
    Matter {
        slug: "can-bo-dien-tinh-uy",
        name: "cán bộ diện Ban Thường vụ Tỉnh ủy quản lý",
        aliases: &["cán bộ diện Tỉnh ủy quản lý", "cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý"],
        owner: B::Tu,
        carved_out: true,
        num: "TTr",
        heads: &["Cán bộ diện Ban Thường vụ Tỉnh ủy quản lý", "Đề nghị bổ sung quy hoạch cán bộ diện Tỉnh ủy quản lý"],
        acts: &["Đề nghị Ban Thường vụ Tỉnh ủy xem xét, bổ sung quy hoạch chức danh Bí thư Đảng ủy nhiệm kỳ 2025 - 2030 đối với {k} đồng chí."],
        topic: "công tác quy hoạch cán bộ",
    },
    Matter {
        slug: "tuyen-dung-cong-chuc",
        name: "tuyển dụng công chức cơ quan Đảng ủy",
        aliases: &["tuyển dụng công chức", "tuyển dụng cán bộ, công chức"],
        owner: B::Tu,
        carved_out: true,
        num: "TTr",
        heads: &["Đề nghị tuyển dụng công chức"],
        acts: &["Đề nghị Ban Tổ chức Tỉnh ủy cho phép tuyển dụng {k} công chức cơ quan Đảng ủy theo chỉ tiêu biên chế được giao năm {y}."],
        topic: "công tác tuyển dụng",
    },
];

fn matter(slug: &str) -> &'static Matter {
    MATTERS.iter().find(|m| m.slug == slug).unwrap_or_else(|| panic!("no matter {slug}"))
}

const THEMES: &[&str] = &[
    "chuyển đổi số trong hoạt động của các tổ chức đảng",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "xây dựng nông thôn mới nâng cao",
    "cải cách hành chính và nâng cao chỉ số hài lòng của người dân",
    "phát triển kinh tế nông nghiệp hàng hóa gắn với sản phẩm OCOP",
    "tăng cường công tác phòng, chống tham nhũng, tiêu cực",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "bảo vệ nền tảng tư tưởng của Đảng",
    "công tác dân vận trong tình hình mới",
    "phát triển đảng viên là người dân tộc thiểu số",
];

// ─────────────────────────── organisations ───────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum OrgKind {
    Commune,
    Ward,
    Town,
    Bloc,
    Agency,
    Enterprise,
}

#[derive(Clone)]
struct Member {
    name: String,
    role: Option<String>,
}

#[derive(Clone)]
struct Roster {
    /// BCH members: [0] Bí thư, [1] Phó Bí thư Thường trực, [2] Phó Bí thư,
    /// then the other BTV members, then the other BCH members.
    bch: Vec<Member>,
    btv: usize,
    staff: Vec<String>,
    guests: Vec<(String, String)>,
}

impl Roster {
    fn members(&self, b: B) -> &[Member] {
        match b {
            B::Bch => &self.bch,
            B::Btv => &self.bch[..self.btv],
            B::Tt => &self.bch[..3],
            B::Tu => unreachable!(),
        }
    }
}

struct Org {
    name: String,
    short: String,
    slug: String,
    code: String,
    kind: OrgKind,
    hall: String,
    units: Vec<String>,
    outsiders: Vec<String>,
    /// Term 2015–2020 (until the 2020 congress) and term 2020–2025.
    rosters: [Roster; 2],
    first_year: i32,
    last_year: i32,
    seed: u64,
}

const TERM_CHANGE: Date = Date { y: 2020, m: 7, d: 1 };

impl Org {
    fn new(master: u64, idx: usize, taken: &mut BTreeSet<String>) -> Org {
        let seed = master.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (idx as u64).wrapping_mul(0xD1B5_4A32_D192_ED03);
        let mut rng = Rng::new(seed);
        let kind = match rng.weighted(&[52, 10, 8, 4, 18, 8]) {
            0 => OrgKind::Commune,
            1 => OrgKind::Ward,
            2 => OrgKind::Town,
            3 => OrgKind::Bloc,
            4 => OrgKind::Agency,
            _ => OrgKind::Enterprise,
        };
        let (name, short, prefix) = loop {
            let (name, short, prefix) = match kind {
                OrgKind::Commune => {
                    let p = place_name(&mut rng);
                    (format!("Đảng ủy xã {p}"), format!("xã {p}"), "ĐUX")
                }
                OrgKind::Ward => {
                    let p = place_name(&mut rng);
                    (format!("Đảng ủy phường {p}"), format!("phường {p}"), "ĐUP")
                }
                OrgKind::Town => {
                    let p = place_name(&mut rng);
                    (format!("Đảng ủy thị trấn {p}"), format!("thị trấn {p}"), "ĐUTT")
                }
                OrgKind::Bloc => {
                    let p = place_name(&mut rng);
                    let b = rng.s(&[
                        "Khối Cơ quan - Doanh nghiệp huyện",
                        "Khối Cơ quan huyện",
                        "Khối Doanh nghiệp huyện",
                        "Khối Các cơ quan huyện",
                    ]);
                    (format!("Đảng ủy {b} {p}"), format!("{b} {p}"), "ĐUK")
                }
                OrgKind::Agency => {
                    let i = rng.weighted(&[3, 2, 2, 3]);
                    let (n, pre) = match i {
                        0 => (rng.s(DEPTS).to_string(), "ĐU"),
                        1 => (format!("Công an huyện {}", place_name(&mut rng)), "ĐUCA"),
                        2 => (format!("Quân sự huyện {}", place_name(&mut rng)), "ĐUQS"),
                        _ => (format!("Bệnh viện Đa khoa huyện {}", place_name(&mut rng)), "ĐUBV"),
                    };
                    (format!("Đảng ủy {n}"), n, pre)
                }
                OrgKind::Enterprise => {
                    let n = rng.s(&[
                        "Công ty Điện lực",
                        "Công ty Cổ phần Cấp thoát nước",
                        "Công ty Lâm nghiệp",
                        "Công ty Cổ phần Khoáng sản",
                        "Công ty Môi trường đô thị",
                        "Công ty Xổ số kiến thiết",
                    ]);
                    let p = place_name(&mut rng);
                    (format!("Đảng ủy {n} {p}"), format!("{n} {p}"), "ĐUDN")
                }
            };
            if taken.insert(slug(&name)) {
                break (name, short, prefix);
            }
        };
        let code = format!("{prefix}{:03}", idx + 1);
        let hall = match kind {
            OrgKind::Commune | OrgKind::Ward | OrgKind::Town => rng
                .s(&["Hội trường Ủy ban nhân dân {s}", "Phòng họp Đảng ủy {s}", "Phòng họp trực tuyến {s}"])
                .replace("{s}", &short),
            _ => rng
                .s(&["Phòng họp {n}", "Hội trường {s}", "Phòng họp tầng 2, trụ sở {s}"])
                .replace("{n}", &name)
                .replace("{s}", &short),
        };
        let mut used = BTreeSet::new();
        let (bch_sizes, btv_sizes): (&[usize], &[usize]) = match kind {
            OrgKind::Commune | OrgKind::Town => (&[11, 13, 13, 15, 15, 17], &[5, 5, 7]),
            OrgKind::Ward => (&[11, 13, 15], &[5, 7]),
            OrgKind::Bloc => (&[15, 17, 19, 21, 23, 25], &[7, 7, 9]),
            OrgKind::Agency | OrgKind::Enterprise => (&[9, 11, 13, 15], &[5, 5, 7]),
        };
        let local = matches!(kind, OrgKind::Commune | OrgKind::Ward | OrgKind::Town);
        let btv_roles: &[&str] = if local {
            &[
                "Chủ tịch Hội đồng nhân dân",
                "Chủ nhiệm Ủy ban Kiểm tra",
                "Phó Chủ tịch Ủy ban nhân dân",
                "Chủ tịch Ủy ban Mặt trận Tổ quốc",
                "Trưởng Công an",
                "Chỉ huy trưởng Ban Chỉ huy Quân sự",
            ]
        } else {
            &[
                "Chủ nhiệm Ủy ban Kiểm tra",
                "Trưởng Ban Tổ chức",
                "Trưởng Ban Tuyên giáo",
                "Chánh Văn phòng",
                "Trưởng Ban Dân vận",
                "Phó Giám đốc",
            ]
        };
        let other_roles: &[&str] = if local {
            &[
                "Chủ tịch Hội Nông dân",
                "Chủ tịch Hội Liên hiệp Phụ nữ",
                "Chủ tịch Hội Cựu chiến binh",
                "Công chức Văn phòng - Thống kê",
                "Trạm trưởng Trạm Y tế",
                "Hiệu trưởng Trường Tiểu học",
                "Công chức Địa chính - Xây dựng",
                "Phó Chủ tịch Hội đồng nhân dân",
            ]
        } else {
            &[
                "Trưởng phòng Tổ chức - Hành chính",
                "Trưởng phòng Kế hoạch - Tài chính",
                "Chủ tịch Công đoàn",
                "Phó Chủ nhiệm Ủy ban Kiểm tra",
                "Trưởng phòng Nghiệp vụ",
                "Giám đốc Trung tâm",
                "Phó Trưởng Ban Tổ chức",
            ]
        };
        let mut make = |rng: &mut Rng, keep: &[Member]| -> Roster {
            let n_bch = *rng.pick(bch_sizes);
            let n_btv = *rng.pick(btv_sizes);
            let mut people: Vec<String> = keep.iter().map(|m| m.name.clone()).collect();
            rng.shuffle(&mut people);
            people.truncate(n_bch);
            while people.len() < n_bch {
                people.push(unique_name(rng, &mut used));
            }
            let mut roles: Vec<&str> = btv_roles.to_vec();
            rng.shuffle(&mut roles);
            let bch = people
                .into_iter()
                .enumerate()
                .map(|(i, name)| {
                    let role = match i {
                        0 => Some("Bí thư".to_string()),
                        1 => Some("Phó Bí thư Thường trực".to_string()),
                        2 => {
                            Some(if local { "Phó Bí thư, Chủ tịch Ủy ban nhân dân" } else { "Phó Bí thư" }.to_string())
                        }
                        i if i < n_btv => roles.get(i - 3).map(|r| r.to_string()),
                        _ => rng.chance(0.5).then(|| rng.pick(other_roles).to_string()),
                    };
                    Member { name, role }
                })
                .collect();
            let staff = (0..3).map(|_| unique_name(rng, &mut used)).collect();
            let guest_roles: &[&str] = &[
                "Chuyên viên Ban Tổ chức Tỉnh ủy",
                "Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy",
                "Chuyên viên Văn phòng Đảng ủy",
                "Phó Trưởng Ban Tổ chức Huyện ủy",
                "Chuyên viên Ủy ban Kiểm tra Huyện ủy",
                "Bí thư chi bộ trực thuộc",
            ];
            let guests = (0..4).map(|_| (unique_name(rng, &mut used), rng.pick(guest_roles).to_string())).collect();
            Roster { bch, btv: n_btv, staff, guests }
        };
        let a = make(&mut rng, &[]);
        // The 2020 congress keeps about 60% of the committee.
        let keep: Vec<Member> = a.bch.iter().filter(|_| rng.chance(0.6)).cloned().collect();
        let b = make(&mut rng, &keep);
        let unit_tpl = if local { VILLAGE_UNITS } else { AGENCY_UNITS };
        let mut units = Vec::new();
        let mut seen = BTreeSet::new();
        while units.len() < 14 {
            let u =
                rng.pick(unit_tpl).replace("{p}", &place_name(&mut rng)).replace("{k}", &rng.range(1, 6).to_string());
            if seen.insert(fold(&u)) {
                units.push(u);
            }
        }
        let outsiders = (0..24).map(|_| unique_name(&mut rng, &mut used)).collect();
        let first_year = 2016 + [0, 0, 0, 1, 2, 3, 4, 5, 6][rng.below(9)];
        let last_year = (first_year + 2 + rng.below(8) as i32).min(2025);
        Org {
            name,
            short,
            slug: String::new(),
            code,
            kind,
            hall,
            units,
            outsiders,
            rosters: [a, b],
            first_year,
            last_year,
            seed,
        }
        .with_slug()
    }

    fn with_slug(mut self) -> Org {
        self.slug = slug(&self.name);
        self
    }

    fn roster(&self, d: Date) -> &Roster {
        &self.rosters[usize::from(d >= TERM_CHANGE)]
    }

    /// The organisation's roster file (format 1.1, "Membership"): every
    /// member of each body in each term, the terms split at the 2020 congress.
    fn roster_toml(&self) -> String {
        let mut out = format!("# {}: who the members of each body were, and when.\n", self.name);
        let last_day = Date { y: TERM_CHANGE.y, m: TERM_CHANGE.m - 1, d: 30 };
        let iso = |d: Date| format!("{:04}-{:02}-{:02}", d.y, d.m, d.d);
        let terms = [(Date { y: 2015, m: 7, d: 1 }, Some(last_day)), (TERM_CHANGE, None)];
        for (roster, (from, to)) in self.rosters.iter().zip(terms) {
            for (body, code) in [(B::Bch, "BCH"), (B::Btv, "BTV"), (B::Tt, "TT")] {
                for m in roster.members(body) {
                    out.push_str(&format!("\n[[member]]\nname = \"{}\"\nbody = \"{code}\"\n", m.name));
                    if let Some(r) = &m.role {
                        out.push_str(&format!("role = \"{r}\"\n"));
                    }
                    out.push_str(&format!("from = {}\n", iso(from)));
                    if let Some(to) = to {
                        out.push_str(&format!("to = {}\n", iso(to)));
                    }
                }
            }
        }
        out
    }

    fn term(&self, d: Date) -> &'static str {
        if d >= TERM_CHANGE {
            "2020 - 2025"
        } else {
            "2015 - 2020"
        }
    }
}

// ────────────────────────────── events ───────────────────────────────────

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    BtvRegular,
    BtvExtra,
    BchRegular,
    BchExpanded,
    BchWritten,
    TtConsult,
}

impl Kind {
    fn body(self) -> B {
        match self {
            Kind::BtvRegular | Kind::BtvExtra => B::Btv,
            Kind::BchRegular | Kind::BchExpanded | Kind::BchWritten => B::Bch,
            Kind::TtConsult => B::Tt,
        }
    }
    fn file_kind(self) -> &'static str {
        match self {
            Kind::BtvRegular | Kind::BchRegular => "thuong-le",
            Kind::BtvExtra => "bat-thuong",
            Kind::BchExpanded => "mo-rong",
            Kind::BchWritten => "lay-y-kien",
            Kind::TtConsult => "hoi-y",
        }
    }
}

/// One year of an organisation's meetings, by date (no two on one day).
fn year_events(rng: &mut Rng, y: i32) -> Vec<(Date, Kind)> {
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    let day = |rng: &mut Rng, m: u32, lo: u32, hi: u32, used: &mut BTreeSet<Date>| -> Date {
        let hi = hi.min(days_in(y, m));
        loop {
            let d = Date { y, m, d: rng.range(lo, hi) };
            if !d.weekend() && used.insert(d) {
                return d;
            }
        }
    };
    for m in 1..=12 {
        out.push((day(rng, m, 3, 26, &mut used), Kind::BtvRegular));
    }
    for q in 1..=4 {
        let m = if rng.chance(0.75) { q * 3 } else { q * 3 - 1 };
        out.push((day(rng, m, 8, 30, &mut used), Kind::BchRegular));
    }
    for _ in 0..[0, 1, 1, 2][rng.below(4)] {
        let m = rng.range(1, 12);
        out.push((day(rng, m, 2, 28, &mut used), Kind::BtvExtra));
    }
    for _ in 0..rng.range(2, 6) {
        let m = rng.range(1, 12);
        out.push((day(rng, m, 1, 28, &mut used), Kind::TtConsult));
    }
    if rng.chance(0.45) {
        let m = rng.range(2, 11);
        out.push((day(rng, m, 2, 27, &mut used), Kind::BchWritten));
    }
    if rng.chance(0.25) {
        let m = rng.range(1, 11);
        out.push((day(rng, m, 2, 27, &mut used), Kind::BchExpanded));
    }
    out.sort();
    out
}

// ───────────────────────────── the writer ────────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum Fields {
    /// `Key: value`
    Plain,
    /// `**Key:** value` everywhere
    Bold,
    /// bold header, `- **Key**: value` in items
    BoldListItems,
    /// plain header, `- Key: value` in items
    ListItems,
}

#[derive(Clone, Copy)]
struct Style {
    ascii: bool,
    crlf: bool,
    bom: bool,
    fields: Fields,
    /// Wrap discussion at this many characters, or one line per paragraph.
    wrap: Option<usize>,
    /// Header and section aliases (`Cơ quan họp`, `Ngày`, `Vắng`…).
    aliases: bool,
}

/// Lines of a part of the record, already in their final form (without
/// line ends), with their byte count including line ends.
#[derive(Default)]
struct Part {
    lines: Vec<String>,
    bytes: usize,
}

impl Part {
    fn push(&mut self, st: &Style, s: impl Into<String>) {
        let s: String = s.into();
        let s = if st.ascii { strip(&s) } else { s };
        self.bytes += s.len() + if st.crlf { 2 } else { 1 };
        self.lines.push(s);
    }
    fn blank(&mut self, st: &Style) {
        self.push(st, "");
    }
    /// A header or attendance field.
    fn field(&mut self, st: &Style, k: &str, v: &str) {
        let line = match st.fields {
            Fields::Plain | Fields::ListItems => format!("{k}: {v}"),
            Fields::Bold | Fields::BoldListItems => format!("**{k}:** {v}"),
        };
        self.push(st, line);
    }
    /// An agenda item's field.
    fn ifield(&mut self, st: &Style, k: &str, v: &str) {
        let line = match st.fields {
            Fields::Plain => format!("{k}: {v}"),
            Fields::Bold => format!("**{k}:** {v}"),
            Fields::BoldListItems => format!("- **{k}**: {v}"),
            Fields::ListItems => format!("- {k}: {v}"),
        };
        self.push(st, line);
    }
    fn append(&mut self, other: Part) {
        self.bytes += other.bytes;
        self.lines.extend(other.lines);
    }
}

/// Words that begin field keys (folded): a wrapped line must not start with
/// one, or bienban would take `Số đảng viên …` for a field missing its colon.
const KEY_WORDS: &[&str] = &[
    "so", "co", "hinh", "thoi", "ngay", "dia", "chu", "thu", "tong", "vang", "khach", "loai", "quyet", "de", "cho",
    "ket", "bieu", "cap", "uy", "van", "bao", "y",
];

fn can_start_line(word: &str) -> bool {
    let Some(c) = word.chars().next() else { return false };
    if !c.is_alphabetic() {
        return false;
    }
    let f = fold(word);
    let f = f.trim_end_matches([',', '.', ';']);
    !KEY_WORDS.contains(&f)
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut cur_len = 0;
    for w in text.split(' ') {
        let wl = w.chars().count();
        if !cur.is_empty() && cur_len + 1 + wl > width && can_start_line(w) {
            lines.push(std::mem::take(&mut cur));
            cur_len = 0;
        }
        if !cur.is_empty() {
            cur.push(' ');
            cur_len += 1;
        }
        cur.push_str(w);
        cur_len += wl;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

// ───────────────────────────── discussion ────────────────────────────────

const SAY: &[&str] = &[
    "Đồng chí {n} trình bày tờ trình về {t}, nêu rõ căn cứ, quá trình chuẩn bị và đề xuất của cơ quan tham mưu.",
    "Đồng chí {n} đề nghị làm rõ thêm một số nội dung liên quan đến {t}, nhất là trách nhiệm của cấp ủy cơ sở trong tổ chức thực hiện.",
    "Đồng chí {n} nhất trí với tờ trình và lưu ý cơ quan tham mưu rà soát kỹ hồ sơ, bảo đảm đúng quy trình, thủ tục theo quy định.",
    "Đồng chí {n} cho rằng thời gian qua {t} có chuyển biến tích cực, song vẫn còn một số hạn chế cần sớm khắc phục.",
    "Đồng chí {n} đề nghị tăng cường kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc ở cơ sở.",
    "Các ý kiến phát biểu tập trung vào những giải pháp nâng cao chất lượng {t} trong thời gian tới.",
    "Đồng chí {n} phát biểu bổ sung, nhấn mạnh yêu cầu phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là cấp ủy viên.",
    "Hội nghị thảo luận dân chủ, thẳng thắn và thống nhất cao với nội dung trình.",
    "Đồng chí {n} báo cáo kết quả thẩm định hồ sơ; các hồ sơ đều bảo đảm đầy đủ, đúng quy định.",
    "Đồng chí {n} đề nghị bổ sung số liệu so sánh với cùng kỳ năm trước để việc đánh giá sát thực hơn.",
    "Đồng chí {n} nêu ý kiến về việc phân công cán bộ theo dõi, hướng dẫn {cb} thực hiện.",
    "Đồng chí {n} đề nghị Văn phòng Đảng ủy tổng hợp các ý kiến, hoàn thiện văn bản trình ký trong tuần.",
    "Thay mặt hội nghị, đồng chí {chair} tiếp thu các ý kiến và giao cơ quan tham mưu hoàn chỉnh hồ sơ.",
    "Qua thảo luận, các đồng chí dự họp đánh giá cao sự chuẩn bị chu đáo của cơ quan tham mưu.",
    "Đồng chí {n} lưu ý {cb} còn chậm nộp báo cáo định kỳ, đề nghị nhắc nhở, chấn chỉnh kịp thời.",
    "Đồng chí {n} đề nghị gắn {t} với việc thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Theo đồng chí {n}, cần chú trọng hơn nữa công tác tuyên truyền để cán bộ, đảng viên và nhân dân hiểu rõ, đồng thuận.",
    "Đồng chí {n} phản ánh một số khó khăn ở {cb} do địa bàn rộng, đi lại chưa thuận lợi, số đảng viên đi làm ăn xa còn nhiều.",
    "Đồng chí {n} đề nghị bố trí kinh phí hợp lý, tiết kiệm, đúng chế độ tài chính hiện hành.",
    "Một số ý kiến đề nghị điều chỉnh tiến độ cho phù hợp với tình hình thực tế của từng chi bộ.",
    "Đồng chí {n} thông tin thêm về kết quả làm việc với {cb} trong tháng {m}; chi bộ đã khắc phục cơ bản các hạn chế được chỉ ra.",
    "Đồng chí {n} đề nghị sớm sơ kết, rút kinh nghiệm để nhân rộng cách làm hay, mô hình tốt trong {t}.",
    "Đồng chí {n} băn khoăn về tính khả thi của một số chỉ tiêu và đề nghị cơ quan tham mưu tính toán lại cho sát thực tế.",
    "Đồng chí {n} đề nghị phân công rõ người, rõ việc, rõ thời gian hoàn thành và trách nhiệm của người đứng đầu.",
    "Đồng chí {n} cho biết {cb} đã chủ động xây dựng kế hoạch, tổ chức thực hiện nghiêm túc, có nhiều cách làm sáng tạo.",
    "Đồng chí {n} lưu ý việc lập và lưu trữ hồ sơ phải đầy đủ, khoa học để phục vụ công tác kiểm tra của cấp trên.",
    "Đồng chí {n} đề nghị Ủy ban Kiểm tra phối hợp theo dõi, giám sát việc thực hiện sau hội nghị.",
    "Đồng chí {n} nhận xét chất lượng sinh hoạt ở một số chi bộ chưa cao, nội dung còn đơn điệu, chưa gắn với nhiệm vụ chính trị của đơn vị.",
    "Đồng chí {n} đề xuất ứng dụng phần mềm quản lý văn bản để rút ngắn thời gian xử lý hồ sơ, giảm giấy tờ.",
    "Đồng chí {n} nhất trí cao và đề nghị sớm ban hành văn bản để các chi bộ kịp triển khai trong tháng {m}.",
    "Một số đồng chí đề nghị làm rõ trách nhiệm của tập thể, cá nhân liên quan và có biện pháp khắc phục cụ thể.",
    "Đồng chí {n} đề nghị quan tâm hơn đến việc bồi dưỡng, giáo dục chính trị tư tưởng cho đảng viên trẻ.",
    "Đồng chí {n} đánh giá {cb} đã làm tốt việc nắm tình hình tư tưởng đảng viên, kịp thời báo cáo cấp ủy những vấn đề phát sinh.",
    "Đồng chí {n} đề nghị rà soát lại danh sách, bảo đảm đúng đối tượng, đúng tiêu chuẩn và công khai, minh bạch.",
    "Đồng chí {n} cho rằng cần có lộ trình cụ thể, ưu tiên những việc cấp bách, có tác động trực tiếp đến đời sống của nhân dân.",
    "Đồng chí {n} nhắc lại kết luận của kỳ họp trước và đề nghị báo cáo rõ những việc đã làm, việc chưa làm được và nguyên nhân.",
    "Đồng chí {n} đề nghị bổ sung vào dự thảo nội dung về trách nhiệm của người đứng đầu cấp ủy trong {t}.",
    "Đồng chí {n} lưu ý thời hạn gửi báo cáo về cấp trên, đề nghị các bộ phận tham mưu phối hợp chặt chẽ để bảo đảm tiến độ.",
    "Đồng chí {n} phát biểu thống nhất với dự thảo, đồng thời đề nghị chỉnh sửa một số câu chữ cho chặt chẽ, dễ hiểu.",
    "Đồng chí {n} báo cáo thêm về ý kiến của các chi bộ; đa số ý kiến đồng tình, một số đề nghị giãn thời gian thực hiện.",
    "Đồng chí {n} đề nghị lựa chọn {cb} làm điểm, rút kinh nghiệm trước khi triển khai ra toàn Đảng bộ.",
    "Đồng chí {n} nhấn mạnh phải giữ vững nguyên tắc tập trung dân chủ, phát huy trí tuệ tập thể, đồng thời đề cao trách nhiệm cá nhân.",
    "Đồng chí {n} đề nghị tăng cường phối hợp với Mặt trận Tổ quốc và các đoàn thể trong việc tuyên truyền, vận động.",
    "Đồng chí {n} cho biết qua kiểm tra, giám sát chưa phát hiện đảng viên vi phạm đến mức phải xem xét xử lý kỷ luật.",
    "Đồng chí {n} đề nghị xây dựng kế hoạch chi tiết, phân kỳ theo từng quý để thuận lợi cho việc theo dõi, đánh giá.",
    "Ý kiến các đồng chí dự họp đều thống nhất sự cần thiết và đánh giá dự thảo đã được chuẩn bị công phu, có chất lượng.",
    "Đồng chí {n} nêu thực tế ở {cb} và đề nghị cấp ủy quan tâm chỉ đạo, hỗ trợ kịp thời để chi bộ hoàn thành nhiệm vụ.",
    "Đồng chí {n} đề nghị chú trọng chất lượng hơn số lượng, không chạy theo thành tích trong {t}.",
    "Đồng chí {n} nhận xét việc chuẩn bị tài liệu lần này đúng thời gian, đầy đủ, giúp các đồng chí dự họp có điều kiện nghiên cứu trước.",
    "Đồng chí {n} kiến nghị cấp trên sớm hướng dẫn thống nhất để cơ sở có căn cứ thực hiện.",
    "Đồng chí {n} đề nghị Ban Tổ chức phối hợp với Ủy ban Kiểm tra thẩm định kỹ trước khi trình.",
];

const LOCAL_SAY: &[&str] = &[
    "Đồng chí {n} báo cáo tình hình sản xuất vụ đông xuân, việc chăm sóc cây trồng và phòng, chống dịch bệnh trên đàn gia súc.",
    "Đồng chí {n} thông tin về tiến độ xây dựng nông thôn mới; một số tiêu chí về giao thông, thủy lợi còn chậm do thiếu vốn đối ứng.",
    "Đồng chí {n} đề nghị các chi bộ thôn vận động nhân dân hiến đất làm đường, giữ gìn vệ sinh môi trường.",
    "Đồng chí {n} báo cáo tình hình an ninh trật tự trên địa bàn cơ bản ổn định, không phát sinh điểm nóng.",
    "Đồng chí {n} đề nghị quan tâm giải quyết dứt điểm kiến nghị của nhân dân về đường liên thôn và nước sinh hoạt.",
    "Đồng chí {n} thông tin kết quả thu ngân sách trên địa bàn đạt khá so với dự toán, chi ngân sách bảo đảm đúng quy định.",
    "Đồng chí {n} đề nghị đẩy mạnh chuyển đổi cơ cấu cây trồng, phát triển cây dong riềng, cây hồi và chăn nuôi gia súc theo hướng hàng hóa.",
    "Đồng chí {n} lưu ý công tác phòng, chống cháy rừng trong mùa khô và phòng, chống thiên tai trong mùa mưa bão.",
    "Đồng chí {n} báo cáo tiến độ giải ngân vốn các chương trình mục tiêu quốc gia còn chậm so với kế hoạch.",
];

const AGENCY_SAY: &[&str] = &[
    "Đồng chí {n} báo cáo kết quả thực hiện nhiệm vụ chuyên môn; cơ quan hoàn thành đúng tiến độ các chỉ tiêu được giao.",
    "Đồng chí {n} đề nghị đẩy mạnh cải cách hành chính, tăng tỷ lệ hồ sơ giải quyết trực tuyến.",
    "Đồng chí {n} lưu ý việc thực hiện dân chủ ở cơ sở, công khai tài chính và chế độ chính sách cho người lao động.",
    "Đồng chí {n} thông tin về tình hình tư tưởng của cán bộ, đảng viên trong quá trình sắp xếp tổ chức bộ máy.",
    "Đồng chí {n} đề nghị thực hiện nghiêm quy định về kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn.",
    "Đồng chí {n} báo cáo việc thực hiện quy chế chi tiêu nội bộ, công khai tài chính bảo đảm đúng quy định.",
    "Đồng chí {n} đề nghị tăng cường kỷ luật, kỷ cương hành chính, chấn chỉnh tình trạng né tránh, đùn đẩy trách nhiệm.",
    "Đồng chí {n} cho biết đơn vị đã hoàn thành việc số hóa hồ sơ lưu trữ giai đoạn một, đang chuẩn bị triển khai giai đoạn hai.",
    "Đồng chí {n} đề nghị phối hợp với công đoàn cơ sở chăm lo đời sống, tạo điều kiện cho người lao động yên tâm công tác.",
];

/// Written consultations have no discussion: only what the ballots said.
const BALLOT_SAY: &[&str] = &[
    "Một phiếu ghi ý kiến đề nghị làm rõ hơn nguồn lực bảo đảm cho {t}.",
    "Có {ks} phiếu đề nghị bổ sung chỉ tiêu cụ thể cho từng năm để thuận lợi cho việc kiểm tra, đánh giá.",
    "Một số phiếu góp ý về câu chữ, bố cục của dự thảo; Ban Thường vụ tiếp thu, chỉnh sửa.",
    "Một phiếu góp ý cho rằng lộ trình thực hiện còn gấp, chưa phù hợp với điều kiện của một số chi bộ.",
    "Tổ kiểm phiếu đã đối chiếu số phiếu phát ra, thu về; các phiếu thu về đều hợp lệ.",
    "Văn phòng Đảng ủy tổng hợp đầy đủ ý kiến ghi trong phiếu, báo cáo Thường trực xem xét, tiếp thu.",
    "Các ý kiến ghi trong phiếu đều đồng tình với sự cần thiết ban hành văn bản và đánh giá dự thảo được chuẩn bị công phu.",
    "Một phiếu đề nghị gắn {t} với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.",
    "Có {ks} phiếu đề nghị Ban Thường vụ sớm ban hành hướng dẫn thực hiện sau khi văn bản được thông qua.",
    "Một phiếu kiến nghị bố trí kinh phí riêng để triển khai ở các chi bộ còn nhiều khó khăn.",
    "Ban Thường vụ tiếp thu các ý kiến hợp lý, hoàn chỉnh văn bản trước khi ban hành.",
    "Các ý kiến khác ghi trong phiếu được tổng hợp thành phụ lục kèm theo kết quả này.",
    "Một phiếu đề nghị nêu rõ trách nhiệm của {cb} trong việc triển khai thí điểm.",
    "Có {ks} phiếu đề nghị rút ngắn thời gian sơ kết, đánh giá để kịp thời điều chỉnh.",
    "Một phiếu lưu ý cần bảo đảm tính khả thi, tránh đặt chỉ tiêu quá cao so với thực tế.",
    "Một phiếu đề nghị bổ sung nội dung phối hợp với Mặt trận Tổ quốc và các đoàn thể.",
    "Phiếu ghi ý kiến khác đề nghị tăng cường ứng dụng công nghệ thông tin trong theo dõi, báo cáo kết quả.",
    "Tổ kiểm phiếu lập biên bản kiểm phiếu, có chữ ký của các thành viên, lưu cùng hồ sơ.",
];

struct Ctx<'a> {
    org: &'a Org,
    date: Date,
    present: Vec<&'a str>,
    chair: &'a str,
    topic: &'static str,
}

fn fill(tpl: &str, cx: &Ctx<'_>, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(tpl.len() + 40);
    let mut rest = tpl;
    let y = cx.date.y;
    // Year-end work in December is about the year; in January, the year before.
    let yk0 = if cx.date.m >= 10 { y } else { y - 1 };
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = rest[i..].find('}').map(|j| i + j).expect("closed placeholder");
        let key = &rest[i + 1..j];
        let v = match key {
            "n" | "n2" => rng.pick(&cx.present).to_string(),
            "chair" => cx.chair.to_string(),
            "cb" | "cb2" => rng.pick(&cx.org.units).clone(),
            "t" => cx.topic.to_string(),
            "k" | "k2" => format!("{:02}", rng.range(2, 12)),
            "ks" => format!("{:02}", rng.range(2, 4)),
            "money" => format!("{}.{:03}.000", rng.range(5, 180), rng.below(4) * 250),
            "m" => cx.date.m.to_string(),
            "m2" => (cx.date.m % 12 + 1).to_string(),
            "mq" => (cx.date.quarter() * 3).to_string(),
            "q" => roman(cx.date.quarter()).to_string(),
            "y" => y.to_string(),
            "y0" => (y - 1).to_string(),
            "y1" => (y + 1).to_string(),
            "y5" => (y + 5).to_string(),
            "yk" => (yk0 + 1).to_string(),
            "yk0" => yk0.to_string(),
            "term" => cx.org.term(cx.date).to_string(),
            "termsub" => if y < 2020 {
                "2017 - 2020"
            } else if y < 2023 {
                "2020 - 2022"
            } else {
                "2022 - 2025"
            }
            .to_string(),
            "p" => rng.pick(&cx.org.outsiders).clone(),
            "org" => cx.org.short.clone(),
            "theme" => rng.s(THEMES).to_string(),
            "dept" => rng.s(DEPTS).to_string(),
            _ => panic!("unknown placeholder {{{key}}}"),
        };
        out.push_str(&v);
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    debug_assert!(!out.contains(':'), "prose with a colon: {out}");
    out
}

/// A paragraph of discussion: 2–4 sentences, none already used in this
/// record (until they run out), no one speaking twice in a row.
fn paragraph(cx: &Ctx<'_>, rng: &mut Rng, used: &mut BTreeSet<&'static str>, written: bool) -> String {
    let local = matches!(cx.org.kind, OrgKind::Commune | OrgKind::Ward | OrgKind::Town);
    let n = rng.range(2, 4);
    let mut s = String::new();
    let mut last_speaker = "";
    for _ in 0..n {
        let mut tpl = "";
        for _ in 0..8 {
            tpl = if written {
                rng.s(BALLOT_SAY)
            } else if rng.chance(0.25) {
                rng.s(if local { LOCAL_SAY } else { AGENCY_SAY })
            } else {
                rng.s(SAY)
            };
            if !used.contains(tpl) {
                break;
            }
        }
        used.insert(tpl);
        let mut speaker = rng.s_of(&cx.present);
        if speaker == last_speaker && cx.present.len() > 1 {
            speaker = cx.present.iter().copied().find(|p| *p != last_speaker).unwrap_or(speaker);
        }
        if tpl.contains("{n}") {
            last_speaker = speaker;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&fill(&tpl.replace("{n}", speaker), cx, rng));
    }
    s
}

fn push_paragraph(p: &mut Part, st: &Style, text: &str) {
    p.blank(st);
    match st.wrap {
        Some(w) => {
            for l in wrap(text, w) {
                p.push(st, l);
            }
        }
        None => p.push(st, text),
    }
}

// ───────────────────────────── records ───────────────────────────────────

#[derive(Clone, Copy, PartialEq, Debug)]
enum Viol {
    Quorum,
    Majority,
    MissingVotes,
    AbsenceReason,
    Competence,
}

impl Viol {
    fn rule(self) -> &'static str {
        match self {
            Viol::Quorum => "quorum",
            Viol::Majority => "majority",
            Viol::MissingVotes => "missing-votes",
            Viol::AbsenceReason => "absence-reason",
            Viol::Competence => "competence",
        }
    }
}

/// Numbering is continuous within an organisation (as party offices number
/// within a term), so every `Số` in the archive is unique.
#[derive(Default)]
struct State {
    counters: Vec<(&'static str, u32)>,
    /// Urgent TT decisions to report at the BTV's next meeting.
    pending_btv: Vec<String>,
    /// Written consultations to announce at the BCH's next meeting.
    pending_bch: Vec<String>,
    /// Numbers of BTV decisions since the last regular BCH meeting.
    btv_since_bch: Vec<String>,
    /// The BTV act delegating finance decisions to the TT this year.
    delegation: Option<(i32, String)>,
    /// Decisions the TT took by delegation, reported for information.
    delegated_done: Vec<String>,
}

impl State {
    fn next(&mut self, kind: &'static str, code: &str, ascii: bool) -> String {
        let n = match self.counters.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.counters.push((kind, 1));
                1
            }
        };
        let s = format!("{n:02}-{kind}/{code}");
        if ascii {
            strip(&s)
        } else {
            s
        }
    }
}

/// The people at a meeting.
struct Attendance<'a> {
    present: Vec<&'a Member>,
    /// (member, reason or None)
    absent: Vec<(&'a Member, Option<String>)>,
}

const REASONS: &[&str] = &[
    "có lý do, đi công tác",
    "có lý do, ốm",
    "có lý do, đi học lớp bồi dưỡng",
    "có lý do, nghỉ phép",
    "có lý do, dự hội nghị của cấp trên",
    "có lý do, việc gia đình",
    "có lý do, đi học lớp cao cấp lý luận chính trị",
    "có lý do, đang điều trị tại bệnh viện",
    "có lý do, được cấp trên triệu tập làm việc",
];

fn attendance<'a>(rng: &mut Rng, members: &'a [Member], body: B, viol: Option<Viol>) -> Attendance<'a> {
    let m = members.len();
    let quorum = (2 * m).div_ceil(3);
    let max_absent = if body == B::Tt { 1 } else { m - quorum };
    let mut n_absent = match body {
        B::Tt => usize::from(rng.chance(0.15)),
        _ => [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3][rng.below(20)],
    }
    .min(max_absent);
    match viol {
        Some(Viol::Quorum) => n_absent = m - quorum + 1,
        Some(Viol::AbsenceReason) => n_absent = n_absent.max(1),
        _ => {}
    }
    // The Bí thư is rarely away (then the Phó Bí thư Thường trực, who
    // chairs, is not), and never in a record with a violation.
    let secretary_away = n_absent > 0 && viol.is_none() && rng.chance(0.12);
    let mut absent_idx: Vec<usize> = Vec::new();
    let mut idx: Vec<usize> = (1..m).collect();
    if secretary_away {
        absent_idx.push(0);
        idx.retain(|&i| i != 1);
    }
    rng.shuffle(&mut idx);
    while absent_idx.len() < n_absent {
        absent_idx.push(idx.pop().unwrap());
    }
    absent_idx.sort();
    let present = members.iter().enumerate().filter(|(i, _)| !absent_idx.contains(i)).map(|(_, p)| p).collect();
    let mut absent: Vec<(&Member, Option<String>)> =
        absent_idx.iter().map(|&i| (&members[i], Some(rng.s(REASONS).to_string()))).collect();
    if viol == Some(Viol::AbsenceReason) {
        let last = absent.len() - 1;
        absent[last].1 = match rng.below(3) {
            0 => Some("không lý do".into()),
            1 => Some("không có lý do".into()),
            _ => None,
        };
    }
    Attendance { present, absent }
}

fn display(m: &Member) -> String {
    match &m.role {
        Some(r) => format!("{} ({r})", m.name),
        None => m.name.clone(),
    }
}

fn date_text(rng: &mut Rng, d: Date, with_time: bool) -> String {
    let (h, mm) = (*rng.pick(&[7, 8, 8, 8, 9, 13, 14, 14, 15]), *rng.pick(&[0, 0, 0, 30, 15]));
    let time = match rng.below(3) {
        0 => format!("{h} giờ {mm:02}"),
        1 => format!("{h:02}:{mm:02}"),
        _ => format!("{h}h{mm:02}"),
    };
    let date = match rng.below(6) {
        0 | 1 => format!("ngày {:02}/{:02}/{}", d.d, d.m, d.y),
        2 => format!("ngày {}-{}-{}", d.d, d.m, d.y),
        3 => format!("{}-{:02}-{:02}", d.y, d.m, d.d),
        4 => format!("ngày {} tháng {} năm {}", d.d, d.m, d.y),
        _ => format!("{:02}/{:02}/{}", d.d, d.m, d.y),
    };
    if !with_time {
        return date;
    }
    if date.starts_with(|c: char| c.is_ascii_digit()) && rng.chance(0.5) {
        format!("{date}, {time}")
    } else {
        format!("{time}, {date}")
    }
}

/// Votes on a decision: in favour, against, abstaining, and the text.
fn votes_text(
    rng: &mut Rng,
    voters: usize,
    members: usize,
    viol_majority: bool,
    written: bool,
) -> (usize, usize, String) {
    let (f, a, b) = if viol_majority {
        let f = members / 2; // not more than half of the members
        let rest = voters - f;
        let a = rest.div_ceil(2);
        (f, a, rest - a)
    } else {
        let drop = [0, 0, 0, 0, 0, 0, 1, 1, 2][rng.below(9)];
        let f = voters.saturating_sub(drop);
        if 2 * f > members {
            let a = if drop > 0 && rng.chance(0.6) { 1 } else { 0 };
            (f, a, drop - a)
        } else {
            (voters, 0, 0)
        }
    };
    let unanimous = a == 0 && b == 0 && f == voters;
    let text = if unanimous && rng.chance(0.35) {
        rng.s(&["nhất trí", "100% tán thành", "nhất trí 100%"]).to_string()
    } else if a == 0 && b == 0 && rng.chance(0.3) {
        format!("{f}/{voters} tán thành")
    } else {
        let unit = if written && rng.chance(0.5) { " phiếu" } else { "" };
        match rng.below(4) {
            0 if b > 0 && a == 0 => format!("{f}{unit} tán thành, {b} phiếu trắng"),
            1 => format!("{f}{unit} tán thành, {a}{unit} không tán thành"),
            _ => format!("{f}{unit} tán thành, {a}{unit} không tán thành, {b}{unit} không biểu quyết"),
        }
    };
    // `f tán thành, a không tán thành` leaves the abstentions out.
    let text =
        if text.ends_with("không tán thành") && b > 0 { format!("{text}, {b} không biểu quyết") } else { text };
    (f, a, text)
}

/// How a clerk writes the matter.
fn matter_text(rng: &mut Rng, m: &Matter) -> String {
    match rng.weighted(&[55, 20, 25]) {
        0 => m.slug.to_string(),
        1 => m.name.to_string(),
        _ if !m.aliases.is_empty() => rng.s(m.aliases).to_string(),
        _ => m.slug.to_string(),
    }
}

struct Item {
    part: Part,
    topic: &'static str,
}

/// What a decision item needs beyond its matter.
#[derive(Default, Clone)]
struct ItemOpts {
    urgent: Option<String>,
    delegation: Option<String>,
    /// Leave out the `Biểu quyết` line (missing-votes violation).
    no_votes: bool,
    /// Votes short of a majority (majority violation).
    short: bool,
    /// Always give a number.
    numbered: bool,
    head: Option<String>,
    act: Option<String>,
}

struct Rec<'a> {
    org: &'a Org,
    st: Style,
    members: usize,
    voters: usize,
    written: bool,
    items: Vec<Item>,
}

impl Rec<'_> {
    fn heading(&self, rng: &mut Rng, p: &mut Part, text: &str) {
        let n = self.items.len() + 1;
        if rng.chance(0.85) {
            p.push(&self.st, format!("### {n}. {text}"));
        } else {
            p.push(&self.st, format!("### {text}"));
        }
        p.blank(&self.st);
    }

    /// A decision (or, for matters of the province, a proposal) on `m`.
    /// Returns the number given, if any.
    fn decision(
        &mut self,
        rng: &mut Rng,
        cx: &Ctx<'_>,
        state: &mut State,
        m: &'static Matter,
        o: ItemOpts,
    ) -> Option<String> {
        let mut p = Part::default();
        // Headings and acts of the same index go together when both lists agree.
        let i = rng.below(m.acts.len().max(1));
        let h = o.head.clone().unwrap_or_else(|| {
            if m.heads.len() == m.acts.len() {
                m.heads[i].to_string()
            } else {
                rng.s(m.heads).to_string()
            }
        });
        let head = fill(&h, cx, rng);
        self.heading(rng, &mut p, &head);
        let st = self.st;
        let number = (o.numbered || rng.chance(0.85)).then(|| state.next(m.num, &self.org.code, st.ascii));
        if let Some(n) = &number {
            p.ifield(&st, "Số", n);
        }
        p.ifield(&st, "Loại việc", &matter_text(rng, m));
        if let Some(u) = &o.urgent {
            p.ifield(&st, "Cấp bách", u);
        }
        if let Some(d) = &o.delegation {
            p.ifield(&st, "Ủy quyền", d);
        }
        if m.slug == "tiep-nhan-chuyen-can-bo" {
            let n = format!("{}-CV/TU", rng.range(100, 2400));
            p.ifield(&st, "Văn bản đồng ý", &n);
        }
        let act = match &o.act {
            Some(a) => a.clone(),
            None => fill(m.acts[i], cx, rng),
        };
        let key = if m.owner == B::Tu { "Đề nghị" } else { "Quyết định" };
        p.ifield(&st, key, &act);
        let mut against = 0;
        if !o.no_votes && (m.owner != B::Tu || rng.chance(0.7)) {
            let (_, a, text) = votes_text(rng, self.voters, self.members, o.short, self.written);
            against = a;
            p.ifield(&st, "Biểu quyết", &text);
        }
        if against > 0 && !self.written && rng.chance(0.4) {
            let who = rng.pick(&cx.present).to_string();
            p.ifield(
                &st,
                "Ý kiến bảo lưu",
                &format!("Đồng chí {who} đề nghị cân nhắc thêm thời điểm thực hiện cho phù hợp với tình hình thực tế."),
            );
        }
        self.items.push(Item { part: p, topic: m.topic });
        number
    }

    fn conclusion(&mut self, rng: &mut Rng, state: &mut State, head: &str, text: &str, topic: &'static str) {
        let mut p = Part::default();
        self.heading(rng, &mut p, head);
        let st = self.st;
        if rng.chance(0.35) {
            let n = state.next("KL", &self.org.code, st.ascii);
            p.ifield(&st, "Số", &n);
        }
        p.ifield(&st, "Kết luận", text);
        self.items.push(Item { part: p, topic });
    }

    fn report(
        &mut self,
        rng: &mut Rng,
        head: &str,
        matter: Option<&'static Matter>,
        numbers: &[String],
        conclusion: &str,
    ) {
        let mut p = Part::default();
        self.heading(rng, &mut p, head);
        let st = self.st;
        if let Some(m) = matter {
            p.ifield(&st, "Loại việc", &matter_text(rng, m));
        }
        if !numbers.is_empty() {
            p.ifield(&st, "Báo cáo lại", &numbers.join(", "));
        }
        p.ifield(&st, "Kết luận", conclusion);
        self.items.push(Item { part: p, topic: "việc thực hiện quy chế làm việc" });
    }
}

/// Picks `n` distinct matters by weight.
fn pick_matters(rng: &mut Rng, pool: &[(&'static str, u32)], n: usize) -> Vec<&'static Matter> {
    let mut pool: Vec<(&'static str, u32)> = pool.to_vec();
    let mut out = Vec::new();
    while out.len() < n && !pool.is_empty() {
        let weights: Vec<u32> = pool.iter().map(|x| x.1).collect();
        let i = rng.weighted(&weights);
        out.push(matter(pool.remove(i).0));
    }
    out
}

const URGENT_REASONS: &[&str] = &[
    "văn bản của cấp trên yêu cầu triển khai trước kỳ họp Ban Thường vụ thường lệ tháng {m}",
    "mưa lũ gây thiệt hại nặng cho một số hộ đảng viên, cần hỗ trợ ngay, không chờ được kỳ họp Ban Thường vụ",
    "phải kịp tổ chức trước ngày lễ, trước kỳ họp Ban Thường vụ thường lệ",
    "Tỉnh ủy yêu cầu báo cáo, triển khai trong 05 ngày, trước kỳ họp Ban Thường vụ",
    "thời hạn quyết toán kinh phí với cơ quan tài chính cấp trên kết thúc trước kỳ họp Ban Thường vụ",
];

/// Writes one record. Returns the text and the violation it carries.
fn record(org: &Org, date: Date, kind: Kind, state: &mut State, rng: &mut Rng, viol: Option<Viol>) -> String {
    let body = kind.body();
    let roster = org.roster(date);
    let members = roster.members(body);
    let st = Style {
        ascii: rng.chance(0.10),
        crlf: rng.chance(0.10),
        bom: rng.chance(0.01),
        fields: match rng.below(100) {
            0..=1 => Fields::Bold,
            2..=3 => Fields::BoldListItems,
            4 => Fields::ListItems,
            _ => Fields::Plain,
        },
        wrap: rng.chance(0.6).then(|| rng.range(76, 84) as usize),
        aliases: rng.chance(0.12),
    };
    let written = kind == Kind::BchWritten;
    let att = if written {
        Attendance { present: members.iter().collect(), absent: Vec::new() }
    } else {
        attendance(rng, members, body, viol)
    };
    // Written consultation: ballots returned.
    let returned = if written { members.len() - [0, 0, 1, 1, 2][rng.below(5)] } else { att.present.len() };
    let secretary_away = att.absent.iter().any(|(m, _)| m.role.as_deref() == Some("Bí thư"));
    let chair = if secretary_away { &roster.bch[1] } else { &roster.bch[0] };
    let chair_text = if secretary_away {
        format!(
            "{} ({}, {})",
            chair.name,
            chair.role.as_deref().unwrap_or_default(),
            rng.s(&["được Bí thư ủy quyền", "được Bí thư ủy nhiệm", "thay mặt Bí thư"])
        )
    } else {
        display(chair)
    };
    let present_names: Vec<&str> = att.present.iter().map(|m| m.name.as_str()).collect();
    let mut rec = Rec { org, st, members: members.len(), voters: returned, written, items: Vec::new() };

    // ── header ──
    let mut head = Part::default();
    let bodyname = |rng: &mut Rng| -> &'static str {
        match body {
            B::Bch => rng.s(&["Ban Chấp hành", "Ban Chấp hành Đảng bộ", "Ban Chấp hành Đảng bộ", "Đảng ủy", "BCH"]),
            B::Btv => rng.s(&["Ban Thường vụ", "Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy", "BTV"]),
            B::Tt => rng.s(&["Thường trực", "Thường trực Đảng ủy", "Thường trực Đảng ủy", "TT"]),
            B::Tu => unreachable!(),
        }
    };
    let title = match kind {
        Kind::BtvRegular => match rng.below(3) {
            0 => format!("Biên bản hội nghị Ban Thường vụ Đảng ủy tháng {}/{}", date.m, date.y),
            1 => format!("Biên bản hội nghị Ban Thường vụ {} thường lệ tháng {:02} năm {}", org.name, date.m, date.y),
            _ => format!("Biên bản họp Ban Thường vụ Đảng ủy {} tháng {}/{}", org.short, date.m, date.y),
        },
        Kind::BtvExtra => match rng.below(2) {
            0 => "Biên bản hội nghị Ban Thường vụ Đảng ủy (bất thường)".to_string(),
            _ => format!("Biên bản họp đột xuất Ban Thường vụ {}", org.name),
        },
        Kind::BchRegular => match rng.below(2) {
            0 => format!("Biên bản Hội nghị Ban Chấp hành Đảng bộ quý {} năm {}", roman(date.quarter()), date.y),
            _ => format!("Biên bản hội nghị {} thường lệ quý {}/{}", org.name, roman(date.quarter()), date.y),
        },
        Kind::BchExpanded => format!("Biên bản Hội nghị Ban Chấp hành Đảng bộ {} mở rộng", org.short),
        Kind::BchWritten => match rng.below(4) {
            0 => "Phiếu lấy ý kiến Ban Chấp hành Đảng bộ - kết quả kiểm phiếu".to_string(),
            _ => format!("Kết quả lấy ý kiến Ban Chấp hành Đảng bộ {} bằng văn bản", org.short),
        },
        Kind::TtConsult => match rng.below(2) {
            0 => "Biên bản hội ý Thường trực Đảng ủy".to_string(),
            _ => format!("Biên bản hội ý Thường trực {}", org.name),
        },
    };
    head.push(&st, format!("# {title}"));
    head.blank(&st);
    let record_number = state.next(if written { "BC" } else { "BB" }, &org.code, st.ascii);
    if written || rng.chance(0.9) {
        head.field(&st, "Số", &record_number);
    }
    let al = st.aliases;
    head.field(&st, if al && rng.chance(0.5) { "Cơ quan họp" } else { "Cơ quan" }, bodyname(rng));
    let form = match kind {
        Kind::BtvRegular | Kind::BchRegular => {
            (!rng.chance(0.05)).then_some(if rng.chance(0.9) { "thường lệ" } else { "định kỳ" })
        }
        Kind::BtvExtra => Some(if rng.chance(0.5) { "bất thường" } else { "đột xuất" }),
        Kind::BchExpanded => Some("mở rộng"),
        Kind::BchWritten => Some("bằng văn bản"),
        Kind::TtConsult => (!rng.chance(0.1)).then_some("hội ý"),
    };
    if let Some(f) = form {
        head.field(&st, if al && rng.chance(0.5) { "Loại hội nghị" } else { "Hình thức" }, f);
    }
    head.field(&st, if al && rng.chance(0.5) { "Ngày" } else { "Thời gian" }, &date_text(rng, date, !written));
    let place = if written {
        format!("Văn phòng Đảng ủy {} (kiểm phiếu)", org.short)
    } else if body == B::Tt {
        "Phòng làm việc đồng chí Bí thư Đảng ủy".to_string()
    } else {
        org.hall.clone()
    };
    head.field(&st, "Địa điểm", &place);
    head.field(&st, "Chủ trì", &chair_text);
    let clerk = rng.pick(&roster.staff).clone();
    head.field(&st, "Thư ký", &clerk);

    let cx =
        Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: "công tác xây dựng Đảng" };
    if written {
        let checker = &roster.staff[(roster.staff.iter().position(|s| *s == clerk).unwrap() + 1) % roster.staff.len()];
        let text = format!(
            "Thực hiện Điều 11 Quy chế làm việc, do không triệu tập được hội nghị tập trung, Ban Thường vụ lấy ý kiến các đồng chí ủy viên Ban Chấp hành bằng phiếu. Phiếu được gửi trước ngày kiểm phiếu 06 ngày kèm dự thảo văn bản. Tổ kiểm phiếu gồm đồng chí {} và đồng chí {}, kiểm phiếu dưới sự giám sát của đồng chí {}.",
            clerk,
            checker,
            roster.bch[3].name
        );
        push_paragraph(&mut head, &st, &text);
    }
    head.blank(&st);

    // ── attendance ──
    let mut atp = Part::default();
    atp.push(&st, if al && rng.chance(0.6) { "## Thành phần dự họp" } else { "## Thành phần" });
    atp.blank(&st);
    let total_key = if al {
        rng.s(&["Tổng số", "Số thành viên", "Tổng số thành viên"])
    } else {
        "Tổng số thành viên"
    };
    atp.field(&st, total_key, &members.len().to_string());
    atp.blank(&st);
    if written {
        atp.field(&st, "Số phiếu phát ra", &members.len().to_string());
        atp.field(&st, "Số phiếu thu về", &returned.to_string());
        if returned < members.len() {
            let missing: Vec<&str> =
                members[members.len() - (members.len() - returned)..].iter().map(|m| m.name.as_str()).collect();
            let who = if missing.len() == 1 {
                format!("Đồng chí {}", missing[0])
            } else {
                format!("Các đồng chí {}", missing.join(", "))
            };
            push_paragraph(&mut atp, &st, &format!("{who} đi công tác dài ngày, không gửi lại phiếu đúng hạn."));
        }
    } else {
        let p = att.present.len();
        let count_only = body == B::Bch && rng.chance(0.15);
        let count = match rng.below(3) {
            _ if count_only => format!("{p}/{}", members.len()),
            0 => format!("{p}/{}", members.len()),
            1 => p.to_string(),
            _ => String::new(),
        };
        if count.is_empty() {
            atp.push(
                &st,
                if st.fields == Fields::Plain || st.fields == Fields::ListItems {
                    "Có mặt:".to_string()
                } else {
                    "**Có mặt:**".to_string()
                },
            );
        } else {
            atp.field(&st, "Có mặt", &count);
        }
        if !count_only {
            for m in &att.present {
                atp.push(&st, format!("- {}", display(m)));
            }
        }
        if !att.absent.is_empty() {
            atp.blank(&st);
            atp.field(&st, if al && rng.chance(0.5) { "Vắng" } else { "Vắng mặt" }, "");
            let last = atp.lines.len() - 1;
            let trimmed = atp.lines[last].trim_end().to_string();
            atp.bytes -= atp.lines[last].len() - trimmed.len();
            atp.lines[last] = trimmed;
            for (m, reason) in &att.absent {
                // Only the Bí thư's role is written (the `chair` rule looks for it);
                // a long `Name (role)` would not fit a field key.
                let who = if m.role.as_deref() == Some("Bí thư") { display(m) } else { m.name.clone() };
                match reason {
                    Some(r) => atp.push(&st, format!("- {who}: {r}")),
                    None => atp.push(&st, format!("- {}", m.name)),
                }
            }
        }
        if body != B::Tt && rng.chance(0.45) || body == B::Tt && rng.chance(0.3) {
            atp.blank(&st);
            atp.field(&st, "Khách mời", "");
            let last = atp.lines.len() - 1;
            let trimmed = atp.lines[last].trim_end().to_string();
            atp.bytes -= atp.lines[last].len() - trimmed.len();
            atp.lines[last] = trimmed;
            let n = rng.range(1, 3) as usize;
            for (g, r) in roster.guests.iter().take(n) {
                atp.push(&st, format!("- {g} ({r})"));
            }
            if kind == Kind::BchExpanded {
                atp.push(&st, "- Các đồng chí bí thư chi bộ trực thuộc");
            }
        }
    }
    atp.blank(&st);

    // ── agenda ──
    let mut agenda = Part::default();
    agenda.push(&st, if al && rng.chance(0.6) { "## Nội dung hội nghị" } else { "## Nội dung" });
    if !written && rng.chance(0.6) {
        let t = format!(
            "Đồng chí {} khai mạc, quán triệt mục đích, yêu cầu và thông qua chương trình làm việc; {} nhất trí với chương trình dự kiến.",
            chair.name,
            if body == B::Tt { "các đồng chí Thường trực" } else { "hội nghị" }
        );
        push_paragraph(&mut agenda, &st, &t);
    }
    agenda.blank(&st);

    let mut viol_item = viol.filter(|v| matches!(v, Viol::Majority | Viol::MissingVotes));
    let mut take_viol = |rng: &mut Rng| -> ItemOpts {
        match viol_item.take() {
            Some(Viol::Majority) => ItemOpts { short: true, ..Default::default() },
            Some(Viol::MissingVotes) => ItemOpts { no_votes: true, ..Default::default() },
            _ => {
                let _ = rng;
                ItemOpts::default()
            }
        }
    };
    let target_items = rng.range(3, 7) as usize;
    let year_end = date.m == 12 || date.m == 1;
    match kind {
        Kind::BtvRegular | Kind::BtvExtra => {
            if !state.pending_btv.is_empty() || !state.delegated_done.is_empty() {
                let mut nums = std::mem::take(&mut state.pending_btv);
                nums.extend(std::mem::take(&mut state.delegated_done));
                let h = rng.s(&[
                    "Thường trực báo cáo việc đã xử lý cấp bách",
                    "Thường trực báo cáo công việc đã giải quyết giữa hai kỳ họp Ban Thường vụ",
                    "Báo cáo việc Thường trực đã giải quyết",
                ]);
                rec.report(
                    rng,
                    h,
                    None,
                    &nums,
                    "Ban Thường vụ thống nhất với các việc Thường trực đã giải quyết; giao Văn phòng lưu hồ sơ, theo dõi việc thực hiện.",
                );
            }
            if kind == Kind::BtvRegular && rng.chance(0.7) {
                let (h, t) = (
                    format!("Kết quả thực hiện nhiệm vụ tháng {}, phương hướng tháng {}", date.m, date.m % 12 + 1),
                    rng.pick(&[
                        "Các chi bộ trực thuộc cơ bản hoàn thành nhiệm vụ trong tháng; tháng tới tập trung chỉ đạo sinh hoạt chi bộ định kỳ, phát triển đảng viên và thu nộp đảng phí đúng quy định.",
                        "Ban Thường vụ ghi nhận kết quả đạt được; yêu cầu khắc phục ngay việc chậm gửi báo cáo của một số chi bộ và chuẩn bị tốt các nội dung trình hội nghị Ban Chấp hành.",
                        "Tình hình chính trị, tư tưởng trong cán bộ, đảng viên ổn định; tiếp tục đẩy mạnh thực hiện các nhiệm vụ trọng tâm, chú trọng công tác kiểm tra, giám sát.",
                    ]),
                );
                rec.conclusion(rng, state, &h, t, "việc thực hiện nhiệm vụ chính trị");
            }
            let mut pool: Vec<(&str, u32)> = if kind == Kind::BtvRegular {
                vec![
                    ("ket-nap-dang-vien", 12),
                    ("cong-nhan-chinh-thuc", 9),
                    ("xoa-ten-dang-vien", 2),
                    ("the-dang-huy-hieu", 3),
                    ("thanh-lap-giai-the", 1),
                    ("khen-thuong", 3),
                    ("ky-luat", 3),
                    ("to-chuc-bo-may", 1),
                    ("quy-hoach-can-bo", 2),
                    ("bo-nhiem-dieu-dong", 3),
                    ("chuan-y-chi-dinh", 3),
                    ("tieu-chuan-chinh-tri", 5),
                    ("phan-cong-nhiem-vu", 1),
                    ("tiep-nhan-chuyen-can-bo", 1),
                    ("dai-hoi-truc-thuoc", 2),
                    ("tai-chinh-dang", 3),
                    ("ban-hanh-van-ban", 6),
                    ("chuong-trinh-btv", 3),
                    ("hoi-nghi-mo-rong", 1),
                ]
            } else {
                vec![
                    ("ky-luat", 3),
                    ("bo-nhiem-dieu-dong", 3),
                    ("chuan-y-chi-dinh", 2),
                    ("tieu-chuan-chinh-tri", 2),
                    ("tai-chinh-dang", 2),
                    ("ban-hanh-van-ban", 3),
                    ("tiep-nhan-chuyen-can-bo", 1),
                ]
            };
            let mut must: Vec<&'static Matter> = Vec::new();
            if kind == Kind::BtvRegular {
                if year_end {
                    for s in ["xep-loai-chat-luong", "danh-gia-can-bo-lanh-dao", "chuong-trinh-kiem-tra-nam"] {
                        if rng.chance(0.5) {
                            must.push(matter(s));
                        }
                    }
                }
                if date.m % 3 == 0 || date.m % 3 == 2 && rng.chance(0.3) {
                    must.push(matter("trieu-tap-hoi-nghi-bch"));
                }
                if date.m == 1 && rng.chance(0.5) {
                    must.push(matter("uy-quyen-thuong-truc"));
                }
                pool.retain(|(s, _)| !must.iter().any(|m| m.slug == *s));
            }
            let n = if kind == Kind::BtvRegular {
                target_items.saturating_sub(rec.items.len() + must.len()).max(1)
            } else {
                rng.range(1, 3) as usize
            };
            let mut chosen = must;
            chosen.extend(pick_matters(rng, &pool, n));
            for m in chosen {
                let opts = take_viol(rng);
                let cxm = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: m.topic };
                let numbered = m.slug == "uy-quyen-thuong-truc";
                if let Some(n) = rec.decision(rng, &cxm, state, m, ItemOpts { numbered, ..opts }) {
                    if m.slug == "uy-quyen-thuong-truc" && viol.is_none() {
                        state.delegation = Some((date.y, n.clone()));
                    }
                    state.btv_since_bch.push(n);
                }
            }
            if kind == Kind::BtvRegular && rng.chance(0.08) {
                let m = matter(if rng.chance(0.6) { "can-bo-dien-tinh-uy" } else { "tuyen-dung-cong-chuc" });
                let cxm = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: m.topic };
                rec.decision(rng, &cxm, state, m, ItemOpts::default());
            }
        }
        Kind::BchRegular | Kind::BchExpanded => {
            if kind == Kind::BchRegular || !state.pending_bch.is_empty() {
                let mut nums = std::mem::take(&mut state.pending_bch);
                if kind == Kind::BchRegular {
                    let since = std::mem::take(&mut state.btv_since_bch);
                    let k = since.len().min(rng.range(2, 8) as usize);
                    nums.extend(since[since.len() - k..].iter().cloned());
                }
                let (h, m) = if kind == Kind::BchRegular {
                    (fill(rng.s(matter("bao-cao-giua-hai-ky").heads), &cx, rng), Some(matter("bao-cao-giua-hai-ky")))
                } else {
                    ("Công bố kết quả lấy ý kiến Ban Chấp hành bằng văn bản".to_string(), None)
                };
                rec.report(
                    rng,
                    &h,
                    m,
                    &nums,
                    "Ban Chấp hành thống nhất với các công việc Ban Thường vụ đã giải quyết giữa hai kỳ họp và kết quả lấy ý kiến bằng văn bản; yêu cầu tiếp tục thực hiện nghiêm quy chế làm việc.",
                );
            }
            if kind == Kind::BchRegular {
                let q = date.quarter();
                let t =
                    format!("Kết quả thực hiện nhiệm vụ quý {} năm {}, phương hướng quý tiếp theo", roman(q), date.y);
                if q != 4 {
                    rec.conclusion(rng, state, &t, "Ban Chấp hành đánh giá các chỉ tiêu cơ bản đạt tiến độ; yêu cầu các chi bộ tập trung khắc phục hạn chế, hoàn thành nhiệm vụ quý tiếp theo.", "việc thực hiện nhiệm vụ chính trị");
                }
            }
            let mut must: Vec<&'static Matter> = Vec::new();
            let term_start = date >= TERM_CHANGE && date.y == 2020;
            if kind == Kind::BchRegular {
                if date.quarter() == 4 {
                    must.push(matter("tong-ket-nam"));
                }
                if date.y == 2020 && date < TERM_CHANGE && rng.chance(0.7) {
                    must.push(matter("dai-hoi"));
                }
                if term_start && date.quarter() == 3 {
                    must.push(matter("chuong-trinh-toan-khoa"));
                    must.push(matter("quy-che-lam-viec"));
                }
                if term_start && date.quarter() == 4 {
                    must.push(matter("chuong-trinh-kiem-tra-toan-khoa"));
                }
                if (date.y == 2018 || date.y == 2023) && date.quarter() == 4 {
                    must.push(matter("lay-phieu-tin-nhiem"));
                }
            }
            let pool: Vec<(&str, u32)> = vec![
                ("thong-qua-van-kien-btv-trinh", 8),
                ("nghi-quyet-chuyen-de", 3),
                ("bo-sung-rut-khoi-bch", 1),
                ("bau-chuc-danh", 1),
                ("ky-luat-uy-vien-bch", 1),
                ("ban-hanh-van-ban", 2),
                ("khen-thuong", 1),
            ];
            let n = target_items.saturating_sub(rec.items.len() + must.len()).clamp(1, 3);
            let mut chosen = must;
            chosen.extend(pick_matters(rng, &pool, n));
            for m in chosen {
                let opts = take_viol(rng);
                let cxm = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: m.topic };
                rec.decision(rng, &cxm, state, m, opts);
            }
        }
        Kind::BchWritten => {
            let pool: Vec<(&str, u32)> = vec![
                ("nghi-quyet-chuyen-de", 3),
                ("thong-qua-van-kien-btv-trinh", 5),
                ("trieu-tap-hoi-nghi-bch", 2),
                ("ban-hanh-van-ban", 2),
            ];
            let n = rng.range(1, 3) as usize;
            for m in pick_matters(rng, &pool, n) {
                let cxm = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: m.topic };
                rec.decision(rng, &cxm, state, m, ItemOpts::default());
            }
            if rng.chance(0.5) {
                let mut p = Part::default();
                rec.heading(rng, &mut p, "Góp ý dự thảo văn bản của cấp trên");
                p.ifield(&st, "Cho ý kiến", &format!("{:02} phiếu đề nghị bổ sung trách nhiệm nêu gương của cấp ủy viên trong sinh hoạt chi bộ nơi cư trú; Văn phòng tổng hợp gửi cấp trên.", rng.range(2, returned as u32)));
                rec.items.push(Item { part: p, topic: "việc góp ý dự thảo văn bản" });
            }
            // The result is announced at the BCH's next meeting.
            state.pending_bch.push(record_number.clone());
        }
        Kind::TtConsult => {
            if viol == Some(Viol::Competence) {
                let m = matter(rng.s(&[
                    "khen-thuong",
                    "ket-nap-dang-vien",
                    "tai-chinh-dang",
                    "ban-hanh-van-ban",
                    "chuong-trinh-btv",
                ]));
                let cxm = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: m.topic };
                rec.decision(rng, &cxm, state, m, ItemOpts::default());
            }
            let n_urgent = if viol.is_some() { 0 } else { [0, 0, 1, 1, 1, 2][rng.below(6)] };
            let urgent_pool: Vec<(&str, u32)> = vec![
                ("tai-chinh-dang", 5),
                ("ban-hanh-van-ban", 4),
                ("chuong-trinh-btv", 2),
                ("trieu-tap-hoi-nghi-bch", 2),
                ("hoi-nghi-mo-rong", 1),
            ];
            for m in pick_matters(rng, &urgent_pool, n_urgent) {
                let cxm = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: m.topic };
                assert!(!m.carved_out && m.owner == B::Btv, "Điều 3.3: {} cannot be urgent", m.slug);
                let reason = fill(rng.s(URGENT_REASONS), &cxm, rng);
                let n = rec.decision(
                    rng,
                    &cxm,
                    state,
                    m,
                    ItemOpts { urgent: Some(reason), numbered: true, ..Default::default() },
                );
                state.pending_btv.extend(n);
            }
            if let Some((y, d)) = state.delegation.clone().filter(|(y, _)| *y == date.y) {
                if rng.chance(0.35) {
                    let m = matter("tai-chinh-dang");
                    let cxm = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: m.topic };
                    let _ = y;
                    let cb = rng.pick(&org.units).clone();
                    let act = format!("Chi từ kinh phí hoạt động của Đảng ủy {}.{:03}.000 đồng hỗ trợ {cb} tổ chức sinh hoạt chuyên đề và thăm hỏi đảng viên ốm đau.", rng.range(3, 45), rng.below(4) * 250);
                    let head = Some("Chi hỗ trợ theo ủy quyền của Ban Thường vụ".to_string());
                    let n = rec.decision(
                        rng,
                        &cxm,
                        state,
                        m,
                        ItemOpts { delegation: Some(d), numbered: true, head, act: Some(act), ..Default::default() },
                    );
                    state.delegated_done.extend(n);
                }
            }
            let own: Vec<(&str, u32)> = if date.m == 12 || date.m == 1 {
                vec![("trieu-tap-hoi-nghi-btv", 3), ("cong-viec-hang-ngay", 3), ("danh-gia-cong-chuc", 3)]
            } else {
                vec![("trieu-tap-hoi-nghi-btv", 4), ("cong-viec-hang-ngay", 4), ("phan-cong-thuong-truc", 1)]
            };
            let n = rng.range(1, 3) as usize;
            for m in pick_matters(rng, &own, n) {
                let cxm = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: m.topic };
                rec.decision(rng, &cxm, state, m, ItemOpts::default());
            }
            if rng.chance(0.5) {
                let t = format!("Chuẩn bị nội dung hội nghị Ban Thường vụ tháng {}", date.m);
                rec.conclusion(
                    rng,
                    state,
                    &t,
                    "Thường trực thống nhất các nội dung trình Ban Thường vụ; giao Văn phòng hoàn thiện tài liệu.",
                    "công tác chuẩn bị hội nghị",
                );
            }
        }
    }

    // ── size: discussion paragraphs until the target ──
    let closing = match kind {
        Kind::TtConsult => {
            format!("Cuộc hội ý kết thúc lúc {} giờ {:02} cùng ngày.", rng.range(10, 17), rng.below(4) * 15)
        }
        Kind::BchWritten => "Kết quả này được công bố tại hội nghị Ban Chấp hành gần nhất.".to_string(),
        _ => format!(
            "Hội nghị kết thúc lúc {} giờ {:02} cùng ngày. Biên bản đã được thông qua trước hội nghị.",
            rng.range(10, 17),
            rng.below(4) * 15
        ),
    };
    let mut tail = Part::default();
    push_paragraph(&mut tail, &st, &closing);
    // Realistic sizes: mostly 4–6 KB, some short, some long (3–8 KB overall).
    let target = if written {
        [3300, 3600, 3900, 4200, 4500][rng.below(5)] + rng.below(300)
    } else {
        [3300, 3700, 4100, 4400, 4700, 5000, 5300, 5600, 6000, 6500, 7000, 7500][rng.below(12)] + rng.below(300)
    };
    let cap = 7900;
    let fixed = head.bytes
        + atp.bytes
        + agenda.bytes
        + tail.bytes
        + rec.items.iter().map(|i| i.part.bytes + if st.crlf { 2 } else { 1 }).sum::<usize>();
    let mut total = fixed;
    let mut tries = 0;
    let mut used = BTreeSet::new();
    while total < target && tries < 60 {
        tries += 1;
        let i = rng.below(rec.items.len());
        let cxp = Ctx { org, date, present: present_names.clone(), chair: &chair.name, topic: rec.items[i].topic };
        let text = paragraph(&cxp, rng, &mut used, written);
        let mut p = Part::default();
        push_paragraph(&mut p, &st, &text);
        if total + p.bytes > cap {
            continue;
        }
        total += p.bytes;
        rec.items[i].part.append(p);
    }

    // ── assemble ──
    let eol = if st.crlf { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(total + 16);
    if st.bom {
        out.push('\u{feff}');
    }
    let emit = |out: &mut String, p: &Part| {
        for l in &p.lines {
            out.push_str(l);
            out.push_str(eol);
        }
    };
    emit(&mut out, &head);
    emit(&mut out, &atp);
    emit(&mut out, &agenda);
    let n_items = rec.items.len();
    for (k, it) in rec.items.iter().enumerate() {
        emit(&mut out, &it.part);
        if k + 1 < n_items {
            out.push_str(eol);
        }
    }
    emit(&mut out, &tail);
    out
}

// ───────────────────────────── main ──────────────────────────────────────

struct Args {
    out: PathBuf,
    records: usize,
    seed: u64,
    single_root: bool,
    roster: bool,
}

const USAGE: &str = "usage: gen_archive --out DIR --records N [--seed S] [--single-root | --roster]";

fn args() -> Result<Args, String> {
    let mut out = None;
    let mut records = None;
    let mut seed = 5;
    let mut single_root = false;
    let mut roster = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (k, inline) = match a.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut val = |name: &str| inline.clone().or_else(|| it.next()).ok_or(format!("{name} needs a value\n{USAGE}"));
        match k.as_str() {
            "--out" | "-o" => out = Some(PathBuf::from(val("--out")?)),
            "--records" | "-n" => {
                records = Some(val("--records")?.replace('_', "").parse().map_err(|e| format!("--records: {e}"))?)
            }
            "--seed" | "-s" => seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--single-root" => single_root = true,
            "--roster" => roster = true,
            "-h" | "--help" => {
                println!("{USAGE}\n\nWrites N records of minutes under DIR (which must not exist or be empty).");
                std::process::exit(0);
            }
            _ => return Err(format!("unknown argument {a}\n{USAGE}")),
        }
    }
    if single_root && roster {
        return Err(format!("--roster needs one archive root per organisation, not --single-root\n{USAGE}"));
    }
    Ok(Args { out: out.ok_or(USAGE)?, records: records.ok_or(USAGE)?, seed, single_root, roster })
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        eprintln!("gen_archive: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if a.out.exists() && std::fs::read_dir(&a.out).map(|mut d| d.next().is_some()).unwrap_or(true) {
        eprintln!("gen_archive: {} exists and is not empty; remove it first", a.out.display());
        std::process::exit(2);
    }
    let started = Instant::now();
    std::fs::create_dir_all(&a.out).expect("create the output folder");
    write(
        &a.out.join("bienban.toml"),
        format!(
            "# Generated by examples/gen_archive.rs (seed {}, {} records).\n# Each organisation folder below has its own bienban.toml: one archive per organisation.\n",
            a.seed, a.records
        )
        .as_bytes(),
    );
    let mut taken = BTreeSet::new();
    let mut written = 0usize;
    let mut bytes_total = 0u64;
    let mut sizes: Vec<u32> = Vec::with_capacity(a.records);
    let mut violations = String::new();
    let mut n_viol = 0;
    let mut orgs = 0;
    let (mut y_min, mut y_max) = (i32::MAX, i32::MIN);
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    let mut idx = 0;
    'orgs: while written < a.records {
        let org = Org::new(a.seed, idx, &mut taken);
        idx += 1;
        orgs += 1;
        let org_dir = a.out.join(&org.slug);
        std::fs::create_dir_all(&org_dir).expect("create an organisation folder");
        if !a.single_root {
            let roster = if a.roster { "roster = \"thanh-vien.toml\"\n" } else { "" };
            write(
                &org_dir.join("bienban.toml"),
                format!("# {}: one organisation, one archive.\n{roster}", org.name).as_bytes(),
            );
        }
        if a.roster {
            write(&org_dir.join("thanh-vien.toml"), org.roster_toml().as_bytes());
        }
        let mut rng = Rng::new(org.seed ^ 0xA5A5_A5A5);
        let mut state = State::default();
        for y in org.first_year..=org.last_year {
            for (date, kind) in year_events(&mut rng, y) {
                if written == a.records {
                    break 'orgs;
                }
                // Written consultations are kept clean.
                let viol = (kind != Kind::BchWritten && rng.chance(0.032)).then(|| match kind {
                    Kind::TtConsult => Viol::Competence,
                    _ => *rng.pick(&[Viol::Quorum, Viol::Majority, Viol::MissingVotes, Viol::AbsenceReason]),
                });
                let text = record(&org, date, kind, &mut state, &mut rng, viol);
                let bdir = match kind.body() {
                    B::Bch => "bch",
                    B::Btv => "btv",
                    _ => "tt",
                };
                let n = state.counters.iter().filter(|(k, _)| *k == "BB" || *k == "BC").map(|c| c.1).sum::<u32>();
                let dir = org_dir.join(y.to_string()).join(bdir);
                if dirs.insert(dir.clone()) {
                    std::fs::create_dir_all(&dir).expect("create a folder");
                }
                let name = format!("{:04}-{:02}-{:02}-{}-{}.md", date.y, date.m, date.d, kind.file_kind(), n);
                let path = dir.join(&name);
                write(&path, text.as_bytes());
                if let Some(v) = viol {
                    n_viol += 1;
                    let rel = path.strip_prefix(&a.out).unwrap_or(&path);
                    violations.push_str(&format!("{}\t{}\n", rel.display(), v.rule()));
                }
                written += 1;
                bytes_total += text.len() as u64;
                sizes.push(text.len() as u32);
                y_min = y_min.min(y);
                y_max = y_max.max(y);
            }
        }
    }
    write(
        &a.out.join("violations.tsv"),
        format!("# path\trule (one deliberate violation per listed record)\n{violations}").as_bytes(),
    );
    sizes.sort_unstable();
    let q = |f: f64| sizes.get(((sizes.len() as f64 - 1.0) * f).round() as usize).copied().unwrap_or(0) as f64 / 1024.0;
    println!(
        "gen_archive: {written} records, {orgs} organisations, {y_min}-{y_max}, {:.1} MB (per file {:.1}/{:.1}/{:.1}/{:.1}/{:.1} KB min/p5/median/p95/max), {n_viol} deliberate violations in violations.tsv, seed {}, {}{} in {:.1} s",
        bytes_total as f64 / 1e6,
        q(0.0),
        q(0.05),
        q(0.5),
        q(0.95),
        q(1.0),
        a.seed,
        a.out.display(),
        if a.single_root { " (single root)" } else { "" },
        started.elapsed().as_secs_f64()
    );
}

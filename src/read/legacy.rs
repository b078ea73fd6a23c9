//! Legacy Vietnamese encodings (issue #6): detection and conversion.
//!
//! Offices typed for years in TCVN3 (ABC), VNI-Windows and Windows-1258. Such files reach us
//! either as raw bytes (not UTF-8) or as mojibake: the legacy bytes were read as
//! Windows-1252/Latin-1 and saved as UTF-8, so "Biên bản" shows as "Biªn b¶n" (TCVN3) or
//! "Bieân baûn" (VNI). Detection is conservative on purpose: an encoding wins only if
//! converting with it gives clearly more common Vietnamese syllables than the text had.

use std::collections::HashSet;
use std::sync::OnceLock;

use encoding_rs::WINDOWS_1258;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
pub enum Legacy {
    /// TCVN3 (ABC): the ".Vn" fonts, one byte per Vietnamese letter.
    Tcvn3,
    /// VNI-Windows: a base letter followed by a mark byte.
    Vni,
    /// Windows-1258: tone marks as separate combining bytes.
    #[value(name = "windows-1258")]
    Windows1258,
}

impl Legacy {
    /// Name shown to users: "TCVN3 (ABC)", "VNI", "Windows-1258".
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
            Legacy::Windows1258 => "Windows-1258",
        }
    }
}

/// For bytes that are NOT valid UTF-8: which legacy encoding they most likely are, if any
/// (raw TCVN3, raw VNI, or Windows-1258), judged from byte statistics.
pub fn detect_bytes(bytes: &[u8]) -> Option<Legacy> {
    let head = bytes.get(..SAMPLE_BYTES).unwrap_or(bytes);
    let units: Vec<Unit> = head.iter().map(|&b| Unit::Byte(b)).collect();
    // The bytes as Windows would show them: the baseline the conversions must beat.
    let as_read: String = head.iter().map(|&b| cp1252_char(b)).collect();
    judge(&as_read, |from| decode_units(&units, from))
}

/// For a valid UTF-8 text: whether it is really TCVN3 or VNI text that went through a
/// Latin-1/Windows-1252 round trip ("Biªn b¶n"), judged from character statistics.
/// Windows-1258 text that took the same path ("Biên baÒn") is recognised too.
/// Returns None for ordinary Vietnamese UTF-8 (NFC or NFD, with or without diacritics),
/// for English/ASCII text, and for ordinary text with a few Latin-1 symbols (©, °, ½, «»).
pub fn detect_text(text: &str) -> Option<Legacy> {
    let head: String = char_prefix(text, SAMPLE_BYTES).nfc().collect();
    judge(&head, |from| convert_text(&head, from))
}

/// Converts raw legacy bytes to NFC Unicode text.
pub fn decode_bytes(bytes: &[u8], from: Legacy) -> String {
    let units: Vec<Unit> = bytes.iter().map(|&b| Unit::Byte(b)).collect();
    decode_units(&units, from)
}

/// Converts mojibake text (legacy text read as Latin-1/Windows-1252 and stored as UTF-8)
/// back to NFC Unicode. For Windows1258 this is: map each char back to its cp1252 byte, then `decode_bytes`.
/// Characters that no such byte can explain (text typed later in Unicode) are kept as they are.
pub fn convert_text(text: &str, from: Legacy) -> String {
    // NFC first: a tool may have decomposed the Latin-1 lookalikes ("é" → "e" + U+0301).
    let units: Vec<Unit> = text
        .nfc()
        .map(|c| match cp1252_byte(c) {
            Some(b) => Unit::Byte(b),
            // TCVN3 "ư" (0xAD, a soft hyphen in Latin-1) often comes out of Word/PDF as a minus sign.
            None if from == Legacy::Tcvn3 && c == '\u{2212}' => Unit::Byte(0xAD),
            None => Unit::Char(c),
        })
        .collect();
    decode_units(&units, from)
}

// ---------------------------------------------------------------------------------------------
// Tables

/// TCVN3 (ABC) byte → letter. Source: repository lamdao/xvnkb, file `tcvn.h` (rows in the
/// order of its `utf.h`: base, sắc, huyền, hỏi, ngã, nặng). Only the lowercase rows and the
/// seven capitals Ă Â Ê Ô Ơ Ư Đ are taken: xvnkb's other capitals sit at TCVN 5712 VN1-only
/// positions. ABC fonts have no toned capitals (offices switched to the `.VnTimeH` capital
/// font with the same codes), so such text necessarily decodes to lowercase.
#[rustfmt::skip]
const TCVN3: [(u8, char); 74] = [
    (0xB8, 'á'), (0xB5, 'à'), (0xB6, 'ả'), (0xB7, 'ã'), (0xB9, 'ạ'),
    (0xA9, 'â'), (0xCA, 'ấ'), (0xC7, 'ầ'), (0xC8, 'ẩ'), (0xC9, 'ẫ'), (0xCB, 'ậ'),
    (0xA8, 'ă'), (0xBE, 'ắ'), (0xBB, 'ằ'), (0xBC, 'ẳ'), (0xBD, 'ẵ'), (0xC6, 'ặ'),
    (0xD0, 'é'), (0xCC, 'è'), (0xCE, 'ẻ'), (0xCF, 'ẽ'), (0xD1, 'ẹ'),
    (0xAA, 'ê'), (0xD5, 'ế'), (0xD2, 'ề'), (0xD3, 'ể'), (0xD4, 'ễ'), (0xD6, 'ệ'),
    (0xE3, 'ó'), (0xDF, 'ò'), (0xE1, 'ỏ'), (0xE2, 'õ'), (0xE4, 'ọ'),
    (0xAB, 'ô'), (0xE8, 'ố'), (0xE5, 'ồ'), (0xE6, 'ổ'), (0xE7, 'ỗ'), (0xE9, 'ộ'),
    (0xAC, 'ơ'), (0xED, 'ớ'), (0xEA, 'ờ'), (0xEB, 'ở'), (0xEC, 'ỡ'), (0xEE, 'ợ'),
    (0xF3, 'ú'), (0xEF, 'ù'), (0xF1, 'ủ'), (0xF2, 'ũ'), (0xF4, 'ụ'),
    (0xAD, 'ư'), (0xF8, 'ứ'), (0xF5, 'ừ'), (0xF6, 'ử'), (0xF7, 'ữ'), (0xF9, 'ự'),
    (0xDD, 'í'), (0xD7, 'ì'), (0xD8, 'ỉ'), (0xDC, 'ĩ'), (0xDE, 'ị'),
    (0xFD, 'ý'), (0xFA, 'ỳ'), (0xFB, 'ỷ'), (0xFC, 'ỹ'), (0xFE, 'ỵ'),
    (0xAE, 'đ'),
    (0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'), (0xA7, 'Đ'),
];

/// TCVN3 table indexed by byte, built at compile time.
const TCVN3_BY_BYTE: [Option<char>; 256] = {
    let mut table = [None; 256];
    let mut i = 0;
    while i < TCVN3.len() {
        let (byte, letter) = TCVN3[i];
        table[byte as usize] = Some(letter);
        i += 1;
    }
    table
};

/// VNI-Windows code (bytes written as their Latin-1 characters) → letter. Source: repository
/// lamdao/xvnkb, file `vni.h`, lowercase half (bare base letters left out). Its uppercase half is
/// the same table in Latin-1 capitals ("AÙ" = Á, "Ñ" = Đ), so capitals are derived by case folding.
#[rustfmt::skip]
const VNI: [(&str, char); 67] = [
    ("aù", 'á'), ("aø", 'à'), ("aû", 'ả'), ("aõ", 'ã'), ("aï", 'ạ'),
    ("aâ", 'â'), ("aá", 'ấ'), ("aà", 'ầ'), ("aå", 'ẩ'), ("aã", 'ẫ'), ("aä", 'ậ'),
    ("aê", 'ă'), ("aé", 'ắ'), ("aè", 'ằ'), ("aú", 'ẳ'), ("aü", 'ẵ'), ("aë", 'ặ'),
    ("eù", 'é'), ("eø", 'è'), ("eû", 'ẻ'), ("eõ", 'ẽ'), ("eï", 'ẹ'),
    ("eâ", 'ê'), ("eá", 'ế'), ("eà", 'ề'), ("eå", 'ể'), ("eã", 'ễ'), ("eä", 'ệ'),
    ("où", 'ó'), ("oø", 'ò'), ("oû", 'ỏ'), ("oõ", 'õ'), ("oï", 'ọ'),
    ("oâ", 'ô'), ("oá", 'ố'), ("oà", 'ồ'), ("oå", 'ổ'), ("oã", 'ỗ'), ("oä", 'ộ'),
    ("ô", 'ơ'), ("ôù", 'ớ'), ("ôø", 'ờ'), ("ôû", 'ở'), ("ôõ", 'ỡ'), ("ôï", 'ợ'),
    ("uù", 'ú'), ("uø", 'ù'), ("uû", 'ủ'), ("uõ", 'ũ'), ("uï", 'ụ'),
    ("ö", 'ư'), ("öù", 'ứ'), ("öø", 'ừ'), ("öû", 'ử'), ("öõ", 'ữ'), ("öï", 'ự'),
    ("í", 'í'), ("ì", 'ì'), ("æ", 'ỉ'), ("ó", 'ĩ'), ("ò", 'ị'),
    ("yù", 'ý'), ("yø", 'ỳ'), ("yû", 'ỷ'), ("yõ", 'ỹ'), ("î", 'ỵ'),
    ("ñ", 'đ'),
];

/// Windows-1252 bytes 0x80–0x9F (WHATWG index-windows-1252, as `encoding_rs` decodes them; the
/// five unassigned bytes map to the C1 controls). Above 0x9F cp1252 equals Latin-1.
const CP1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// Frequent Vietnamese syllables that carry diacritics (plain-ASCII ones say nothing about the
/// encoding): general prose, names, and the vocabulary of committee minutes. Lowercase NFC.
const COMMON_SYLLABLES: &str =
    "của và các có được là không người những với một này đã để năm về ngày đồng chí đảng ủy uỷ thường vụ \
    hội nghị biên bản thành phần nội quyết định kết nạp viên tán biểu mặt vắng lý lí công tác chủ trì \
    thời giờ phút tháng bí thư việc xét bộ đến từ tại trên đó cũng như nhiều việt nước nhà phải làm lại \
    vào đi đưa đề điều đối đoàn đại đạo động đầu đủ đúng ý kiến thống nhất thảo luận họp phó ký kí lãnh \
    chỉ kiểm giám sát kỷ kỉ luật cán quần chúng ưu tú dự báo cáo chương trình kế hoạch nhiệm tình hình \
    tế xã hóa hoá giáo dục quốc phòng chính trị tư tưởng tổ chức dân vận trận huyện tỉnh phường thị trấn \
    nhân bầu cử khác trí thúc lúc cùng hồi đọc thực hiện triển đánh giá xếp loại hoàn xuất sắc tốt phạm \
    khiển trách cảnh cách trừ miễn bổ giới thiệu đào tạo bồi dưỡng tài ngân sách đất đai xây dựng phát \
    sản nông nghiệp tiếp tục trước hết cần tăng cường nâng chất lượng hiệu quả hướng dẫn học tập gương \
    đức hồ ương chấp hành số tổng lần thứ bốn sáu bảy tám chín mười trăm nghìn giấy mời văn trưởng thủ \
    ngành đơn vị địa điểm sở cấp rằng thì mà nên vì bởi nếu còn đang sẽ vẫn rất hơn mới chưa đều cả mỗi \
    mọi ở bên dưới giữa ngoài ông bà chị đây ấy nào gì thế vậy bị tự tiến đạt kỳ kì quý quí ủng hộ tích \
    cực xử đảm bảo vệ góp trọng quản sự phiếu hợp lệ thưởng xóa xoá tên chuyển thức tờ thông chế tọa toạ \
    tiêu vấn đáp giải pháp nhằm đời sống quyền lợi nghĩa cơ thể niên phụ nữ cựu chiến liên nguyễn trần \
    lê hoàng huỳnh vũ võ đặng bùi đỗ ngô dương hùng dũng tuấn thủy thuỷ hà hải sơn thắng bình hồng hương \
    phương tâm hạnh lộc phúc quỳnh thúy trường nguyên hòa hoà thuận khánh đông tây bắc nguyện vọng nhận \
    khuyết hạn khắc phục biện rút nghiệm tới hằng tuần bày phê duyệt đóng dấu bế mạc";

/// Most files are small; a long one is judged on its first part so detection stays cheap.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Converted text must hold at least this many common syllables before we believe it.
const MIN_HITS: usize = 3;

// ---------------------------------------------------------------------------------------------
// Conversion

/// One position of legacy text: a byte to decode, or a character no legacy byte explains.
#[derive(Debug, Clone, Copy)]
enum Unit {
    Byte(u8),
    Char(char),
}

fn decode_units(units: &[Unit], from: Legacy) -> String {
    let decoded = match from {
        Legacy::Tcvn3 => decode_tcvn3(units),
        Legacy::Vni => decode_vni(units),
        Legacy::Windows1258 => decode_1258(units),
    };
    // Windows-1258 yields combining tone marks; NFC also tidies characters kept as they were.
    decoded.nfc().collect()
}

fn decode_tcvn3(units: &[Unit]) -> String {
    units
        .iter()
        .map(|unit| match *unit {
            Unit::Byte(b) => TCVN3_BY_BYTE.get(usize::from(b)).copied().flatten().unwrap_or_else(|| cp1252_char(b)),
            Unit::Char(c) => c,
        })
        .collect()
}

fn decode_vni(units: &[Unit]) -> String {
    let mut out = String::with_capacity(units.len());
    let mut i = 0;
    while let Some(unit) = units.get(i) {
        let byte = match *unit {
            Unit::Char(c) => {
                out.push(c);
                i += 1;
                continue;
            }
            Unit::Byte(b) => b,
        };
        let c = cp1252_char(byte);
        // A base letter and the mark byte after it make one letter (marks are all ≥ 0xC0).
        if let Some(&Unit::Byte(next @ 0xC0..=0xFF)) = units.get(i + 1) {
            if let Some(letter) = vni_letter(c, Some(cp1252_char(next))) {
                out.push(letter);
                i += 2;
                continue;
            }
        }
        out.push(if byte >= 0xC0 { vni_letter(c, None).unwrap_or(c) } else { c });
        i += 1;
    }
    out
}

/// Looks up a VNI code (one or two Latin-1 characters). Case folded, so "AÙ" and the odd
/// mixed "Aù" both give "Á"; the base letter decides the case.
fn vni_letter(base: char, mark: Option<char>) -> Option<char> {
    let lower_base = latin1_lower(base);
    let lower_mark = mark.map(latin1_lower);
    let (_, letter) = VNI.iter().find(|(code, _)| {
        let mut chars = code.chars();
        chars.next() == Some(lower_base) && chars.next() == lower_mark
    })?;
    Some(if lower_base == base { *letter } else { upper(*letter) })
}

fn decode_1258(units: &[Unit]) -> String {
    let mut out = String::with_capacity(units.len());
    let mut run = Vec::new();
    for unit in units {
        match *unit {
            Unit::Byte(b) => run.push(b),
            Unit::Char(c) => {
                flush_1258(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    flush_1258(&mut run, &mut out);
    out
}

fn flush_1258(run: &mut Vec<u8>, out: &mut String) {
    if !run.is_empty() {
        out.push_str(&WINDOWS_1258.decode_without_bom_handling(run).0);
        run.clear();
    }
}

fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_80_9F.get(usize::from(b - 0x80)).copied().unwrap_or(char::from(b)),
        _ => char::from(b),
    }
}

/// The byte a Windows-1252 or Latin-1 reader turned into `c`, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(c) {
        return Some(b);
    }
    let index = CP1252_80_9F.iter().position(|&x| x == c)?;
    u8::try_from(index).ok().map(|i| 0x80 + i)
}

/// Latin-1 lowercase: ASCII and U+00C0–U+00DE except ×.
fn latin1_lower(c: char) -> char {
    match c {
        'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        _ => c,
    }
}

fn upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

// ---------------------------------------------------------------------------------------------
// Detection

const CANDIDATES: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Windows1258];

/// Picks the legacy encoding whose conversion clearly turns `as_read` into Vietnamese.
fn judge(as_read: &str, convert: impl Fn(Legacy) -> String) -> Option<Legacy> {
    // Cheap gate first: no lookalike characters, nothing to convert.
    if !has_legacy_marks(as_read) {
        return None;
    }
    let before = syllable_stats(as_read).hits;
    let scored: Vec<(Legacy, Stats)> = CANDIDATES.iter().map(|&c| (c, syllable_stats(&convert(c)))).collect();
    let &(best, stats) = scored.iter().max_by_key(|(_, s)| s.hits)?;
    let runner_up = scored.iter().filter(|(c, _)| *c != best).map(|(_, s)| s.hits).max().unwrap_or(0);
    let clear = stats.hits >= MIN_HITS
        // Much more Vietnamese than before: ordinary Vietnamese only loses words when "converted".
        && stats.hits * 2 >= before * 3 + 4
        // A fair share of accented words are common ones, as in any real Vietnamese text.
        && stats.hits * 5 >= stats.words
        // No close second: the evidence points at one encoding.
        && stats.hits > runner_up * 2;
    clear.then_some(best)
}

/// Whether the text holds several legacy lookalikes: Latin-1 characters that are not
/// Vietnamese letters (TCVN3 "ª ¶ §", VNI "û ø ï ñ") or a capital right after a lowercase
/// letter (Windows-1258 tone bytes "aÒ", "aÌ"). Ordinary Vietnamese has almost none.
fn has_legacy_marks(text: &str) -> bool {
    let mut count = 0usize;
    let mut distinct: Vec<char> = Vec::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let lookalike = (('\u{A1}'..='\u{FF}').contains(&c) && !is_viet_letter(c))
            || c == '\u{2212}'
            || (c.is_uppercase() && !c.is_ascii() && prev.is_some_and(char::is_lowercase));
        if lookalike {
            count += 1;
            if !distinct.contains(&c) && distinct.len() < 8 {
                distinct.push(c);
            }
        }
        prev = Some(c);
    }
    count >= 3 && distinct.len() >= 2
}

/// A letter of the Vietnamese alphabet: ASCII, đ, or a vowel with at most one vowel mark
/// (circumflex on a/e/o, breve on a, horn on o/u) and at most one tone mark.
fn is_viet_letter(c: char) -> bool {
    if c.is_ascii_alphabetic() || c == 'đ' || c == 'Đ' {
        return true;
    }
    let mut parts = ['\0'; 4];
    let mut len = 0usize;
    decompose_canonical(c, |p| {
        if let Some(slot) = parts.get_mut(len) {
            *slot = p;
        }
        len += 1;
    });
    let Some((&base, marks)) = parts.get(..len.min(parts.len())).and_then(<[char]>::split_first) else {
        return false;
    };
    if len > 3 || marks.is_empty() || !"aeiouyAEIOUY".contains(base) {
        return false;
    }
    let lower = base.to_ascii_lowercase();
    let (mut vowel_marks, mut tones) = (0, 0);
    for &m in marks {
        match m {
            '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}' => tones += 1,
            '\u{0302}' if "aeo".contains(lower) => vowel_marks += 1,
            '\u{0306}' if lower == 'a' => vowel_marks += 1,
            '\u{031B}' if "ou".contains(lower) => vowel_marks += 1,
            _ => return false,
        }
    }
    vowel_marks <= 1 && tones <= 1
}

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Words with at least one non-ASCII character.
    words: usize,
    /// Of those, how many are common Vietnamese syllables.
    hits: usize,
}

fn syllable_stats(text: &str) -> Stats {
    let common = common_syllables();
    let mut stats = Stats::default();
    for word in text.split(|c: char| !(c.is_alphabetic() || is_combining_mark(c))) {
        if word.is_ascii() {
            continue;
        }
        stats.words += 1;
        if common.contains(word.to_lowercase().as_str()) {
            stats.hits += 1;
        }
    }
    stats
}

fn common_syllables() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON_SYLLABLES.split_whitespace().collect())
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn char_prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let end = (0..=max).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    text.get(..end).unwrap_or("")
}

/// Encodes Unicode text in a legacy encoding (the reverse of
/// [`decode_bytes`]); `None` when a character has no code there. Used to
/// test the detectors and converters on real-looking legacy files.
pub fn encode(text: &str, to: Legacy) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(u8::try_from(c).ok()?);
            continue;
        }
        match to {
            Legacy::Tcvn3 => out.push(TCVN3.iter().find(|(_, l)| *l == c)?.0),
            Legacy::Vni => {
                let lower = c.to_lowercase().next()?;
                let (code, _) = VNI.iter().find(|(_, l)| *l == lower)?;
                for k in code.chars() {
                    let k = if c == lower { k } else { latin1_upper(k) };
                    out.push(u8::try_from(k).ok()?);
                }
            }
            // Windows-1258 has few precomposed letters: split off the tone mark where needed.
            Legacy::Windows1258 => {
                let whole = c.to_string();
                let (bytes, _, unmappable) = WINDOWS_1258.encode(&whole);
                if !unmappable {
                    out.extend_from_slice(&bytes);
                    continue;
                }
                let is_tone = |m: &char| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
                let base: String = whole.nfd().filter(|m| !is_tone(m)).nfc().collect();
                let tones: String = whole.nfd().filter(is_tone).collect();
                for piece in [base, tones] {
                    let (bytes, _, unmappable) = WINDOWS_1258.encode(&piece);
                    if unmappable {
                        return None;
                    }
                    out.extend_from_slice(&bytes);
                }
            }
        }
    }
    Some(out)
}

fn latin1_upper(c: char) -> char {
    match c {
        'a'..='z' | '\u{E0}'..='\u{F6}' | '\u{F8}'..='\u{FE}' => char::from_u32(u32::from(c) - 0x20).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    const RECORD: &str = "# Biên bản hội nghị Ban Thường vụ Đảng ủy tháng 3/2021\n\nCơ quan: Ban Thường vụ\nThời gian: 8 giờ 00, ngày 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 9\nCó mặt: 7\n\nVắng mặt:\n- Trần Văn Bình: có lý do, đi công tác\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 03 quần chúng ưu tú vào Đảng.\nBiểu quyết: 7 tán thành, 0 không tán thành\n";

    /// General prose, not minutes, so the detector is not tuned to one document.
    const PROSE: &str = "Sáng nay, đồng chí Bí thư Tỉnh ủy đã chủ trì buổi làm việc với lãnh đạo huyện về tình hình phát triển kinh tế - xã hội sáu tháng đầu năm. Các đại biểu đã thảo luận và thống nhất nhiều giải pháp quan trọng nhằm nâng cao đời sống của nhân dân, giữ vững quốc phòng, an ninh trên địa bàn.\n";

    fn enc_tcvn3(text: &str) -> Vec<u8> {
        encode(text, Legacy::Tcvn3).expect("letters in TCVN3")
    }

    fn enc_vni(text: &str) -> Vec<u8> {
        encode(text, Legacy::Vni).expect("letters in VNI")
    }

    fn enc_1258(text: &str) -> Vec<u8> {
        encode(text, Legacy::Windows1258).expect("letters in Windows-1258")
    }

    /// Legacy bytes read as Windows-1252 and saved as UTF-8.
    fn mojibake(bytes: &[u8]) -> String {
        WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()
    }

    fn strip_diacritics(text: &str) -> String {
        text.nfd()
            .filter(|c| !is_combining_mark(*c))
            .map(|c| match c {
                'đ' => 'd',
                'Đ' => 'D',
                _ => c,
            })
            .collect()
    }

    type Encoder = fn(&str) -> Vec<u8>;
    const ENCODERS: [(Legacy, Encoder); 3] =
        [(Legacy::Tcvn3, enc_tcvn3), (Legacy::Vni, enc_vni), (Legacy::Windows1258, enc_1258)];

    #[test]
    fn raw_bytes_are_detected_and_round_trip() {
        for text in [RECORD, PROSE] {
            for (legacy, encode) in ENCODERS {
                let bytes = encode(text);
                assert!(std::str::from_utf8(&bytes).is_err(), "{legacy:?} bytes should not be UTF-8");
                assert_eq!(detect_bytes(&bytes), Some(legacy), "{legacy:?}");
                assert_eq!(decode_bytes(&bytes, legacy), text, "{legacy:?}");
            }
        }
    }

    #[test]
    fn mojibake_is_detected_and_round_trips() {
        for text in [RECORD, PROSE] {
            for (legacy, encode) in ENCODERS {
                let garbled = mojibake(&encode(text));
                assert_eq!(detect_text(&garbled), Some(legacy), "{legacy:?}: {garbled}");
                assert_eq!(convert_text(&garbled, legacy), text, "{legacy:?}");
                // A tool may have decomposed the lookalikes since.
                let nfd: String = garbled.nfd().collect();
                assert_eq!(convert_text(&nfd, legacy), text, "{legacy:?} NFD");
            }
        }
    }

    #[test]
    fn tcvn3_minus_sign_for_u_horn() {
        let garbled = mojibake(&enc_tcvn3(RECORD)).replace('\u{AD}', "\u{2212}");
        assert!(garbled.contains("Th\u{2212}êng"));
        assert_eq!(detect_text(&garbled), Some(Legacy::Tcvn3));
        assert_eq!(convert_text(&garbled, Legacy::Tcvn3), RECORD);
    }

    #[test]
    fn known_samples_convert() {
        assert_eq!(convert_text("Biªn b¶n", Legacy::Tcvn3), "Biên bản");
        assert_eq!(convert_text("Ban Th−êng vô", Legacy::Tcvn3), "Ban Thường vụ");
        assert_eq!(convert_text("§¶ng ñy", Legacy::Tcvn3), "Đảng ủy");
        assert_eq!(convert_text("Bieân baûn", Legacy::Vni), "Biên bản");
        assert_eq!(convert_text("Thöôøng vuï Ñaûng uûy", Legacy::Vni), "Thường vụ Đảng ủy");
        // Capitals as in the uppercase half of xvnkb vni.h.
        assert_eq!(convert_text("BIEÂN BAÛN", Legacy::Vni), "BIÊN BẢN");
        assert_eq!(convert_text("AÙ ÖÏ Î Ñ OÂ Ô", Legacy::Vni), "Á Ự Ỵ Đ Ô Ơ");
        assert_eq!(convert_text("Biên baÒn", Legacy::Windows1258), "Biên bản");
    }

    #[test]
    fn ordinary_text_is_not_detected() {
        let nfd: String = RECORD.nfd().collect();
        let symbols = "© 2021 Văn phòng Đảng ủy. Nhiệt độ 25°C, ½ số phiếu, «Nghị quyết» số 12, © bản quyền.\n";
        let english = "Minutes of the standing committee, March 2021.\nPresent: 7 of 9 members.\nDecision: admit three new members.\n";
        let english_symbols = "© 2021 Acme Ltd. Temperature 25°C, ½ cup of sugar, «quoted» text, café au lait, naïve façade, Ørsted, Ålesund, ©.\n";
        let texts = [
            RECORD.to_string(),
            PROSE.to_string(),
            nfd,
            PROSE.nfd().collect(),
            strip_diacritics(RECORD),
            english.to_string(),
            english_symbols.repeat(3),
            format!("{RECORD}{symbols}"),
            format!("{PROSE}{symbols}{symbols}"),
            String::new(),
        ];
        for text in &texts {
            assert_eq!(detect_text(text), None, "{text}");
            // Their Windows-1252 bytes are not legacy Vietnamese either.
            let (bytes, _, _) = WINDOWS_1252.encode(text);
            assert_eq!(detect_bytes(&bytes), None, "{text}");
        }
        // UTF-8 with a stray byte is broken UTF-8, not a legacy encoding.
        let mut broken = RECORD.as_bytes().to_vec();
        broken.push(0xFF);
        assert_eq!(detect_bytes(&broken), None);
    }

    #[test]
    fn empty_and_arbitrary_input_never_panics() {
        assert_eq!(detect_bytes(&[]), None);
        assert_eq!(detect_text(""), None);
        for legacy in CANDIDATES {
            assert_eq!(decode_bytes(&[], legacy), "");
            assert_eq!(convert_text("", legacy), "");
        }
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..400 {
            let len = usize::try_from(next() % 300).unwrap();
            let bytes: Vec<u8> = (0..len).map(|_| next().to_le_bytes()[0]).collect();
            assert_eq!(detect_bytes(&bytes), None);
            let text = String::from_utf8_lossy(&bytes);
            let _ = detect_text(&text);
            for legacy in CANDIDATES {
                let _ = decode_bytes(&bytes, legacy);
                let _ = convert_text(&text, legacy);
            }
        }
        // Long input is sampled on a character boundary.
        let long = "ả".repeat(SAMPLE_BYTES);
        assert_eq!(detect_text(&long), None);
        assert!(char_prefix(&long, SAMPLE_BYTES + 1).len() <= SAMPLE_BYTES + 1);
    }

    #[test]
    fn tables_are_consistent() {
        let mut bytes: Vec<u8> = TCVN3.iter().map(|(b, _)| *b).collect();
        bytes.sort_unstable();
        bytes.dedup();
        assert_eq!(bytes.len(), TCVN3.len(), "TCVN3 bytes unique");
        for (_, letter) in TCVN3 {
            assert!(is_viet_letter(letter) && !letter.is_ascii(), "{letter}");
            assert_eq!(TCVN3.iter().filter(|(_, l)| *l == letter).count(), 1, "{letter}");
        }
        for (code, letter) in VNI {
            assert!(is_viet_letter(letter) && letter.is_lowercase(), "{letter}");
            assert_eq!(VNI.iter().filter(|(_, l)| *l == letter).count(), 1, "{letter}");
            assert_eq!(VNI.iter().filter(|(c, _)| *c == code).count(), 1, "{code}");
            assert!(code.chars().all(|c| u8::try_from(c).is_ok()), "{code} is Latin-1");
        }
        // 67 lowercase letters: the whole alphabet's accented lowercase letters plus đ.
        assert_eq!(VNI.len(), 67);
        for b in 0x80..=0x9F_u8 {
            let expected = WINDOWS_1252.decode_without_bom_handling(&[b]).0.chars().next();
            assert_eq!(Some(cp1252_char(b)), expected, "{b:#x}");
            assert_eq!(cp1252_byte(cp1252_char(b)), Some(b));
        }
        for word in COMMON_SYLLABLES.split_whitespace() {
            assert!(!word.is_ascii(), "{word}");
            assert_eq!(word.nfc().collect::<String>(), word, "{word} is NFC");
            assert_eq!(word.to_lowercase(), word, "{word} is lowercase");
        }
    }

    #[test]
    fn viet_letters() {
        for c in "ăâêôơưđậỹẮỰ".chars() {
            assert!(is_viet_letter(c), "{c}");
        }
        for c in "ª¶§ñøûïöëüåäæîÞÐçÿ".chars() {
            assert!(!is_viet_letter(c), "{c}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(Legacy::Tcvn3.name(), "TCVN3 (ABC)");
        assert_eq!(Legacy::Vni.name(), "VNI");
        assert_eq!(Legacy::Windows1258.name(), "Windows-1258");
    }
}

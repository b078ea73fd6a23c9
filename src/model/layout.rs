//! Finding a record's title (format 1.1): the letterhead that offices put
//! before it is skipped, and a file whose title cannot be found is either
//! not a record (skipped, with the reason) or a record that bienban cannot
//! read (`unrecognised-record`) — never silently passed.
//!
//! This runs on the raw text before the grammar, so that the many Markdown
//! files of a repository that are not records cost a few lines' scan.

use crate::common::span::Span;
use crate::common::text::fold;
use crate::model::{values, Date, RecordKind};

/// How many non-blank lines may stand before the title (16-HD's letterhead
/// is five to eight lines; a two-column letterhead converted line by line
/// twice that).
pub const TITLE_WITHIN: usize = 15;

/// A record's title and what the letterhead before it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    pub kind: RecordKind,
    /// The title's words (both lines of 16-HD's two-line title), markup removed.
    pub text: String,
    /// The title's first line, as written.
    pub span: Span,
    /// Where the record's body starts: after the title's last line.
    pub end: usize,
    /// `Số …` in the letterhead: the record's number, as written.
    pub number: Option<(String, Span)>,
    /// The place-and-date line (`Bắc Kạn, ngày 15 tháng 3 năm 2021`).
    pub place_date: Option<(Date, Span)>,
}

/// Why a file that looks like minutes cannot be read as a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Unrecognised {
    /// `Biên bản …` as a plain line, not a heading or a bold line.
    PlainTitle,
    /// `#Biên bản …`: a `#` with no space after it is not a heading.
    NoSpaceHeading,
    /// `Trích biên bản …`: an extract, which bienban does not check.
    Extract,
}

/// Why a Markdown file is not a record (`--show-skipped`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Skip {
    /// No line at all (or only comments).
    Empty,
    /// A heading that is neither letterhead nor a record's title came first.
    OtherHeading { heading: String, line: usize },
    /// No title among the first lines.
    NoTitle,
    /// Left out by the archive's `bienban.toml` (`include` / `exclude`).
    Excluded,
    /// Left out by `--exclude` on the command line.
    ExcludedOnCommandLine,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Scan {
    Record(Title),
    Unrecognised { why: Unrecognised, span: Span },
    Skip(Skip),
}

/// What a line looks like, markup aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Heading,
    /// `**…**` or `__…__`, the whole line.
    Bold,
    /// `*…*` or `_…_`, the whole line.
    Italic,
    /// `#Biên bản`: hashes glued to a word.
    GluedHashes,
    Plain,
}

/// One line of the text with its span (without the line end).
struct RawLine<'a> {
    text: &'a str,
    span: Span,
}

fn raw_lines(text: &str) -> impl Iterator<Item = RawLine<'_>> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |l| {
        let s = start;
        start += l.len();
        let t = l.trim_end_matches(['\n', '\r']);
        RawLine { text: t, span: Span::new(s, s + t.len()) }
    })
}

/// The line's shape and its words with markup removed.
fn shape(line: &str) -> (Shape, String) {
    let t = line.trim_start_matches('\u{feff}').trim();
    let t = t.strip_suffix('\\').unwrap_or(t).trim_end(); // pandoc's hard break
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        let rest = &t[hashes..];
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            return (Shape::Heading, unmark(rest.trim().trim_end_matches('#')));
        }
        if !rest.starts_with('#') {
            return (Shape::GluedHashes, unmark(rest));
        }
    }
    for (open, kind) in [("**", Shape::Bold), ("__", Shape::Bold), ("*", Shape::Italic), ("_", Shape::Italic)] {
        if t.len() > 2 * open.len() && t.starts_with(open) && t.ends_with(open) {
            let inner = &t[open.len()..t.len() - open.len()];
            // `**Số:** 12` is a bold key, not a bold line.
            if !inner.contains(open) {
                return (kind, unmark(inner));
            }
        }
    }
    (Shape::Plain, unmark(t))
}

/// Text without emphasis markers and backslash escapes.
pub fn unmark(s: &str) -> String {
    // Most lines carry no marker at all: one byte search, no rebuilding.
    if memchr::memchr3(b'*', b'\\', b'_', s.as_bytes()).is_none() {
        return s.trim().to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => out.push(chars.next().unwrap_or('\\')),
            '*' => {}
            _ => out.push(c),
        }
    }
    out.trim().trim_matches('_').trim().to_string()
}

/// Titles (folded) that do not yet say which meeting: the next line says it.
const GENERIC_TITLES: &[&str] =
    &["bien ban", "bien ban hoi nghi", "bien ban hop", "bien ban cuoc hop", "bien ban hoi y"];

/// The record kind a title's words announce.
pub fn title_kind(words: &str) -> Option<RecordKind> {
    let f = fold(words);
    if f.starts_with("bien ban") {
        Some(RecordKind::Minutes)
    } else if f.starts_with("phieu lay y kien") || f.starts_with("ket qua lay y kien") {
        Some(RecordKind::Consultation)
    } else {
        None
    }
}

/// What the letterhead may hold before a title.
#[derive(Debug, PartialEq)]
enum Letterhead {
    Other,
    Number(String),
    PlaceDate(Date),
    /// A row of a letterhead converted from a Word table: what its cells say.
    Row {
        number: Option<String>,
        place_date: Option<Date>,
    },
}

/// Organisation words an upper-case letterhead line starts with.
const ISSUERS: &[&str] = &[
    "dang",
    "chi bo",
    "ban ",
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "quan uy",
    "uy ban",
    "van phong",
    "cong hoa",
    "doc lap",
    "hoi dong",
];

fn letterhead(line_shape: Shape, words: &str, raw: &str) -> Option<Letterhead> {
    let f = fold(words);
    if f.is_empty() || words.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | '—' | '–' | ' ' | '\t')) {
        return Some(Letterhead::Other); // a rule under the issuer's name
    }
    // A letterhead converted from a Word table: every cell letterhead.
    let raw = raw.trim();
    if raw.starts_with('|') || raw.starts_with("+-") || raw.starts_with("+=") {
        let (mut number, mut place_date) = (None, None);
        for c in raw.split(['|', '+']).map(str::trim).filter(|c| !c.is_empty()) {
            if c.chars().all(|x| matches!(x, '-' | '=' | ':' | ' ')) {
                continue;
            }
            let (sh, w) = shape(c);
            match letterhead(sh, &w, c)? {
                Letterhead::Number(n) => number = number.or(Some(n)),
                Letterhead::PlaceDate(d) => place_date = place_date.or(Some(d)),
                Letterhead::Other | Letterhead::Row { .. } => {}
            }
        }
        return Some(Letterhead::Row { number, place_date });
    }
    if f.starts_with("so ") || f.starts_with("so:") {
        if f.bytes().any(|b| b.is_ascii_digit()) || f.contains('/') {
            let rest = words.trim_start_matches(|c: char| c.is_alphabetic()).trim_start_matches([':', ' ']);
            let number = values::doc_numbers(rest).into_iter().next().map_or_else(|| rest.trim().to_string(), |n| n.0);
            return Some(Letterhead::Number(number));
        }
        return Some(Letterhead::Other); // `Số    -BB/ĐU` left blank
    }
    if f.contains("ngay") && f.contains("thang") && f.contains("nam") && f.len() < 80 {
        return Some(match values::date(words) {
            Ok((d, _, _)) => Letterhead::PlaceDate(d),
            Err(_) => Letterhead::Other,
        });
    }
    let upper = words.chars().any(char::is_alphabetic) && !words.chars().any(char::is_lowercase);
    let marked = matches!(line_shape, Shape::Heading | Shape::Bold | Shape::Italic);
    if (upper || marked) && ISSUERS.iter().any(|w| f.starts_with(w)) && title_kind(words).is_none() {
        return Some(Letterhead::Other);
    }
    None
}

/// Finds the title. See FORMAT.md 1.1, "Before the title".
pub fn scan(text: &str) -> Scan {
    let mut number = None;
    let mut place_date = None;
    let mut seen = 0;
    let mut in_comment = false;
    let mut lines = raw_lines(text).enumerate();
    while let Some((i, line)) = lines.next() {
        let t = line.text.trim_start_matches('\u{feff}').trim();
        if in_comment {
            in_comment = !t.contains("-->");
            continue;
        }
        if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > TITLE_WITHIN {
            break;
        }
        let (sh, words) = shape(line.text);
        let f = fold(&words);
        if f.starts_with("trich bien ban") {
            return Scan::Unrecognised { why: Unrecognised::Extract, span: line.span };
        }
        if let Some(kind) = title_kind(&words) {
            match sh {
                Shape::Heading | Shape::Bold => {}
                Shape::GluedHashes => return Scan::Unrecognised { why: Unrecognised::NoSpaceHeading, span: line.span },
                Shape::Plain | Shape::Italic => {
                    return Scan::Unrecognised { why: Unrecognised::PlainTitle, span: line.span };
                }
            }
            let mut title =
                Title { kind, text: words.clone(), span: line.span, end: line.span.end, number, place_date };
            // 16-HD's two-line title: `BIÊN BẢN` / `Hội nghị Ban Thường vụ …`;
            // also `BIÊN BẢN HỘI NGHỊ` / `BAN CHẤP HÀNH ĐẢNG BỘ …` when the
            // second line is set like a title (bold, a heading, capitals).
            if GENERIC_TITLES.contains(&f.as_str()) {
                for (_, next) in lines.by_ref() {
                    let (next_shape, more) = shape(next.text);
                    if more.is_empty() {
                        continue;
                    }
                    let capitals = more.chars().any(char::is_alphabetic) && !more.chars().any(char::is_lowercase);
                    if f == "bien ban" || matches!(next_shape, Shape::Heading | Shape::Bold) || capitals {
                        title.text = format!("{} {}", words, more);
                        title.end = next.span.end;
                    }
                    break;
                }
            }
            return Scan::Record(title);
        }
        match letterhead(sh, &words, line.text) {
            Some(Letterhead::Number(n)) => number = number.or(Some((n, line.span))),
            Some(Letterhead::PlaceDate(d)) => place_date = place_date.or(Some((d, line.span))),
            Some(Letterhead::Row { number: n, place_date: d }) => {
                number = number.or(n.map(|n| (n, line.span)));
                place_date = place_date.or(d.map(|d| (d, line.span)));
            }
            Some(Letterhead::Other) => {}
            None if sh == Shape::Heading => {
                return Scan::Skip(Skip::OtherHeading { heading: words, line: i + 1 });
            }
            None => {}
        }
    }
    Scan::Skip(if seen == 0 { Skip::Empty } else { Skip::NoTitle })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> Title {
        match scan(text) {
            Scan::Record(t) => t,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_v1_title() {
        let t = title("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: BTV\n");
        assert_eq!(t.kind, RecordKind::Minutes);
        assert_eq!(t.text, "Biên bản hội nghị Ban Thường vụ");
        assert_eq!(scan("<!-- x -->\n# Kết quả lấy ý kiến\n").kind(), Some(RecordKind::Consultation));
    }

    #[test]
    fn letterhead_before_the_title_is_skipped_and_read() {
        let t = title(
            "# ĐẢNG ỦY CÁC CƠ QUAN TỈNH\n\n**ĐẢNG CỘNG SẢN VIỆT NAM**\n\n\\*\n\nSố 14-BB/ĐU\n\n*Bắc Kạn, ngày 15 tháng 3 năm 2021*\n\n## BIÊN BẢN\n\n**Hội nghị Ban Thường vụ Đảng ủy tháng 3/2021**\n\nThời gian: 8 giờ\n",
        );
        assert_eq!(t.text, "BIÊN BẢN Hội nghị Ban Thường vụ Đảng ủy tháng 3/2021");
        assert_eq!(t.number.as_ref().map(|n| n.0.as_str()), Some("14-BB/ĐU"));
        assert_eq!(t.place_date.map(|d| d.0), Some(Date { year: 2021, month: 3, day: 15 }));
        let t = title("| ĐẢNG BỘ TỈNH BẮC KẠN | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n| ĐẢNG ỦY CÁC CƠ QUAN TỈNH | |\n\n**BIÊN BẢN HỘI NGHỊ BAN CHẤP HÀNH**\n");
        assert_eq!(t.kind, RecordKind::Minutes);
        assert_eq!(t.number, None);
    }

    #[test]
    fn a_letterhead_table_gives_the_number_and_the_date() {
        // pandoc's pipe table of a Word letterhead: the number and the
        // place-and-date line share a row.
        let text = "| ĐẢNG BỘ TỈNH SƠN THỦY | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n| ĐẢNG ỦY KHỐI DOANH NGHIỆP | |\n| \\* | |\n| Số 98-BB/ĐUK | *Sơn Thủy, ngày 14 tháng 02 năm 2023* |\n\n# BIÊN BẢN HỘI NGHỊ BAN THƯỜNG VỤ\n";
        let t = title(text);
        let (n, span) = t.number.expect("the letterhead's number");
        assert_eq!(n, "98-BB/ĐUK");
        assert!(text[span.start..span.end].contains("Số 98-BB/ĐUK"));
        assert_eq!(t.place_date.map(|d| d.0), Some(Date { year: 2023, month: 2, day: 14 }));
        // A row with a cell that is not letterhead is no letterhead.
        assert!(matches!(scan("| Số 98-BB/ĐUK | Ghi chú |\n\n# Biên bản\n"), Scan::Record(Title { number: None, .. })));
    }

    #[test]
    fn a_generic_title_continues_on_a_line_set_like_a_title() {
        let t =
            title("**BIÊN BẢN HỘI NGHỊ**\n\n**BAN CHẤP HÀNH ĐẢNG BỘ KHỐI LẦN THỨ MƯỜI SÁU**\n\nThời gian: 28/9/2023\n");
        assert_eq!(t.text, "BIÊN BẢN HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ KHỐI LẦN THỨ MƯỜI SÁU");
        let t = title("# Biên bản hội nghị\n\nTHƯỜNG TRỰC ĐẢNG ỦY\n");
        assert_eq!(t.text, "Biên bản hội nghị THƯỜNG TRỰC ĐẢNG ỦY");
        // A field is not the title's second line.
        let text = "# Biên bản hội nghị\n\nCơ quan: Ban Thường vụ\n";
        let t = title(text);
        assert_eq!(t.text, "Biên bản hội nghị");
        assert_eq!(&text[t.end..t.end + 1], "\n");
    }

    #[test]
    fn files_that_only_mention_minutes_are_skipped() {
        assert_eq!(
            scan("# Hướng dẫn ghi biên bản\n\n## Biên bản mẫu\n"),
            Scan::Skip(Skip::OtherHeading { heading: "Hướng dẫn ghi biên bản".into(), line: 1 })
        );
        assert_eq!(scan("# README\n\nBiên bản hội nghị được lưu ở đây.\n").kind(), None);
        assert_eq!(scan(""), Scan::Skip(Skip::Empty));
        assert_eq!(scan("Một ghi chú.\n"), Scan::Skip(Skip::NoTitle));
    }

    #[test]
    fn titles_bienban_cannot_read_are_named() {
        let why = |t: &str| match scan(t) {
            Scan::Unrecognised { why, .. } => Some(why),
            _ => None,
        };
        assert_eq!(why("ĐẢNG BỘ TỈNH\n\nBiên bản hội nghị Ban Thường vụ\n"), Some(Unrecognised::PlainTitle));
        assert_eq!(why("#Biên bản hội nghị\n"), Some(Unrecognised::NoSpaceHeading));
        assert_eq!(why("# Trích biên bản hội nghị\n"), Some(Unrecognised::Extract));
    }

    impl Scan {
        fn kind(&self) -> Option<RecordKind> {
            match self {
                Scan::Record(t) => Some(t.kind),
                _ => None,
            }
        }
    }
}

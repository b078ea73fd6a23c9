//! Readers for field values: dates, counts, votes, people, absences.
//! Each works on the original text (to keep offsets) and folds to compare.

use crate::common::memo::{remembered, Memo};
use crate::common::span::Span;
use crate::common::text::{fold, fold_prefix, tokens, Token};
use crate::model::{Absence, Count, Date, Person, Problem, Votes};

/// Finds the one date in a `Thời gian` value: `15/03/2021`, `15-3-2021`,
/// `15.3.2021`, `2021-03-15`, `15/3/21` (read as 2021), `15 - 3 - 2021` or
/// `ngày 15 tháng 3 năm 2021`, with or without a `.` or `;` after it.
/// Returns the date and its byte range relative to `s`.
pub fn date(s: &str) -> Result<(Date, usize, usize), Problem> {
    let toks = tokens(s);
    fn text<'t>(t: &Token<'t>) -> &'t str {
        t.text.trim_end_matches(['.', ',', ';', ':'])
    }
    for (i, t) in toks.iter().enumerate() {
        if let Some((d, m, y)) = numeric_date(t.text) {
            let end = t.start + text(t).len();
            return checked(d, m, y).map(|date| (date, t.start, end));
        }
        // `15 - 3 - 2021`: the parts as words of their own.
        if i + 4 < toks.len() && is_number(t.text) {
            let w = &toks[i..=i + 4];
            let sep = w[1].text;
            if matches!(sep, "-" | "/" | ".") && w[3].text == sep && is_number(w[2].text) && is_number(text(&w[4])) {
                let joined = format!("{}{sep}{}{sep}{}", w[0].text, w[2].text, text(&w[4]));
                if let Some((d, m, y)) = numeric_date(&joined) {
                    return checked(d, m, y).map(|date| (date, t.start, w[4].start + text(&w[4]).len()));
                }
            }
        }
        // ngày D tháng M năm Y
        if t.folded() == "ngay" && i + 5 < toks.len() {
            let w = &toks[i + 1..=i + 5];
            if w[1].folded() == "thang" && w[3].folded() == "nam" {
                if let (Ok(d), Ok(m), Ok(y)) = (text(&w[0]).parse(), text(&w[2]).parse(), text(&w[4]).parse()) {
                    let y = full_year(y, text(&w[4]).len());
                    return checked(d, m, y).map(|date| (date, t.start, w[4].start + text(&w[4]).len()));
                }
            }
        }
    }
    Err(Problem::NoDate)
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// `21` → 2021: a two-digit year in minutes is of this century.
fn full_year(y: i32, digits: usize) -> i32 {
    if digits == 2 {
        2000 + y
    } else {
        y
    }
}

fn numeric_date(t: &str) -> Option<(u32, u32, i32)> {
    let t = t.trim_end_matches(['.', ',', ';', ':']);
    let sep = t.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    if parts[0].len() == 4 {
        Some((n(parts[2])?, n(parts[1])?, parts[0].parse().ok()?))
    } else if matches!(parts[2].len(), 2 | 4) && parts[0].len() <= 2 && parts[1].len() <= 2 {
        Some((n(parts[0])?, n(parts[1])?, full_year(parts[2].parse().ok()?, parts[2].len())))
    } else {
        None
    }
}

/// Where a time of day is written: `08:00`, `8h00`, `14h`, `8 giờ 00`,
/// `8 giờ 30 phút` (for `record-content`: 16-HD asks for the start time).
pub fn time(s: &str) -> Option<(usize, usize)> {
    let toks = tokens(s);
    for (i, t) in toks.iter().enumerate() {
        let w = t.text.trim_end_matches(['.', ',', ';']);
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            continue;
        }
        let rest = &w[digits..];
        let clock = rest.strip_prefix(':').is_some_and(|m| m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()));
        let hours =
            rest.strip_prefix(['h', 'H']).is_some_and(|m| m.len() <= 2 && m.bytes().all(|b| b.is_ascii_digit()));
        let word = rest.is_empty() && toks.get(i + 1).is_some_and(|n| n.folded() == "gio");
        if clock || hours || word {
            return Some((t.start, t.start + w.len()));
        }
    }
    None
}

/// Days in `month` of `year` (Gregorian); `None` for a month that is not 1–12.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

fn checked(day: u32, month: u32, year: i32) -> Result<Date, Problem> {
    let days = days_in_month(year, month).unwrap_or(0);
    if day == 0 || day > days || !(1900..=2200).contains(&year) {
        return Err(Problem::ImpossibleDate { day, month, year });
    }
    Ok(Date { year, month, day })
}

/// `7`, `07`, `7/9`, `7 đồng chí`, `08/09 đồng chí Ủy viên Ban Thường vụ`,
/// `08/09 (đạt 88,9%)`: a count, words and notes in brackets after it.
pub fn count(s: &str) -> Result<Count, Problem> {
    let s = strip_parentheses(s);
    let s = s.trim().trim_end_matches(['.', ';', ':']).trim_end();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return Err(Problem::NotACount);
    }
    let n = s[..digits].parse().map_err(|_| Problem::NotACount)?;
    let rest = &s[digits..];
    let (of, rest) = match rest.trim_start().strip_prefix('/') {
        Some(r) => {
            let r = r.trim_start();
            let d = r.bytes().take_while(u8::is_ascii_digit).count();
            if d == 0 || d > 6 {
                return Err(Problem::NotACount);
            }
            (Some(r[..d].parse().map_err(|_| Problem::NotACount)?), &r[d..])
        }
        None => (None, rest),
    };
    // Words may follow ("đồng chí"), but not another number.
    if rest.bytes().any(|b| b.is_ascii_digit()) {
        return Err(Problem::NotACount);
    }
    Ok(Count { n, of })
}

/// A whole number of members or ballots.
pub fn whole(s: &str) -> Result<u32, Problem> {
    match count(s)? {
        Count { n, of: None } => Ok(n),
        _ => Err(Problem::NotACount),
    }
}

/// `7 tán thành, 1 không tán thành, 1 không biểu quyết` in any order;
/// `7/9 tán thành`; `nhất trí`; `100% tán thành`; `phiếu trắng` = abstain;
/// and the phrasings of format 1.1: `nhất trí 9/9`, `9/9 đồng chí nhất trí
/// (100%)`, `100% đồng chí có mặt nhất trí`, `Tán thành: 12; Không tán
/// thành: 1`, `Tán thành 13/13 đồng chí`, `thống nhất 8/8`, `đồng ý`,
/// `7 phiếu tán thành`, `7/8 đồng chí tán thành, 01 đồng chí không tán thành`.
pub fn votes(s: &str) -> Result<Votes, Problem> {
    // Most records vote in a handful of phrasings (`9/9 tán thành`).
    thread_local! { static SEEN: Memo<Result<Votes, Problem>> = Memo::default(); }
    remembered(&SEEN, s, read_votes)
}

fn read_votes(s: &str) -> Result<Votes, Problem> {
    let mut v = Votes::default();
    let without_notes = strip_parentheses(s);
    for part in without_notes.split([',', ';']) {
        let f = fold(part);
        let f = if f.contains(':') { f.replace(':', " ") } else { f };
        let f = f.trim().trim_end_matches('.').trim();
        if f.is_empty() {
            continue;
        }
        vote_part(f, &mut v).map_err(|()| Problem::BadVotes { part: part.trim().to_string() })?;
    }
    if v == Votes::default() {
        return Err(Problem::BadVotes { part: s.trim().to_string() });
    }
    Ok(v)
}

#[derive(Clone, Copy, PartialEq)]
enum VoteKind {
    Favour,
    Against,
    Abstain,
}

/// Folded phrases naming a kind of vote, longest first (`không tán thành`
/// before `tán thành`).
const VOTE_WORDS: &[(&[&str], VoteKind)] = &[
    (&["khong", "tham", "gia", "bieu", "quyet"], VoteKind::Abstain),
    (&["khong", "bieu", "quyet"], VoteKind::Abstain),
    (&["khong", "tan", "thanh"], VoteKind::Against),
    (&["khong", "dong", "y"], VoteKind::Against),
    (&["khong", "nhat", "tri"], VoteKind::Against),
    (&["khong", "y", "kien"], VoteKind::Abstain),
    (&["phieu", "trang"], VoteKind::Abstain),
    (&["phan", "doi"], VoteKind::Against),
    (&["tan", "thanh"], VoteKind::Favour),
    (&["nhat", "tri"], VoteKind::Favour),
    (&["thong", "nhat"], VoteKind::Favour),
    (&["dong", "y"], VoteKind::Favour),
    (&["trang"], VoteKind::Abstain),
];

/// Words that may stand around a vote without changing it.
const VOTE_FILLERS: &[&str] = &[
    "dong", "chi", "d/c", "dc", "phieu", "co", "mat", "tham", "du", "dai", "bieu", "so", "hoan", "toan", "tuyet",
    "doi", "tat", "ca", "uy", "vien", "thanh", "ket", "qua", "quyet", "gio", "tay", "bo", "kin", "voi", "la", "hoi",
    "nghi", "cac", "tren", "dat", "ty", "le", "=",
];

/// One comma-separated part: a kind of vote and its count.
fn vote_part(f: &str, v: &mut Votes) -> Result<(), ()> {
    // On the stack: a vote part has a handful of words.
    let mut buf = [""; 24];
    let mut n = 0;
    for w in f.split_whitespace() {
        *buf.get_mut(n).ok_or(())? = w;
        n += 1;
    }
    let words = &buf[..n];
    // The kind: the first vote phrase, as whole words (the longest where two start together).
    let (at, len, kind) = (0..words.len())
        .find_map(|i| {
            VOTE_WORDS.iter().find_map(|(phrase, k)| words[i..].starts_with(phrase).then_some((i, phrase.len(), *k)))
        })
        .ok_or(())?;
    let phrase = &words[at..at + len];
    let unanimous_words = phrase == ["nhat", "tri"] || phrase == ["thong", "nhat"];
    let mut rest_buf = [""; 24];
    let mut r = 0;
    for w in words[..at].iter().chain(&words[at + len..]) {
        rest_buf[r] = w;
        r += 1;
    }
    let rest = &rest_buf[..r];
    let mut number: Option<(u32, Option<u32>)> = None;
    let mut percent = None;
    let mut all = false;
    let mut i = 0;
    while i < rest.len() {
        let w = rest[i];
        if let Some(p) = w.strip_suffix('%') {
            percent = Some(p.parse::<f32>().map_err(|_| ())?);
        } else if w.as_bytes()[0].is_ascii_digit() {
            if number.is_some() {
                return Err(()); // two counts in one part
            }
            let (n, of) = match w.split_once('/') {
                Some((n, of)) => (n.parse().map_err(|_| ())?, Some(of.parse().map_err(|_| ())?)),
                None => (w.parse().map_err(|_| ())?, None),
            };
            // `7 trên 9`
            let of = match (of, rest.get(i + 1), rest.get(i + 2)) {
                (None, Some(&"tren"), Some(m)) if m.bytes().all(|b| b.is_ascii_digit()) => {
                    i += 2;
                    Some(m.parse().map_err(|_| ())?)
                }
                (of, _, _) => of,
            };
            number = Some((n, of));
        } else if w == "tat" && rest.get(i + 1) == Some(&"ca") {
            all = true;
        } else if !(VOTE_FILLERS.contains(&w) || unanimous_words && w == "tan") {
            return Err(());
        }
        i += 1;
    }
    match (number, percent) {
        (Some((n, of)), None) => {
            let slot = match kind {
                VoteKind::Favour => &mut v.favour,
                VoteKind::Against => &mut v.against,
                VoteKind::Abstain => &mut v.abstain,
            };
            if slot.replace(n).is_some() {
                return Err(());
            }
            if let Some(of) = of {
                if v.of.is_some_and(|o| o != of) {
                    return Err(());
                }
                v.of = Some(of);
            }
            Ok(())
        }
        // `100% tán thành`, `nhất trí`, `100% đồng chí có mặt nhất trí`.
        (None, Some(p)) if p == 100.0 && kind == VoteKind::Favour => {
            v.unanimous = true;
            Ok(())
        }
        (None, None) if unanimous_words || (kind == VoteKind::Favour && all) => {
            v.unanimous = true;
            Ok(())
        }
        _ => Err(()),
    }
}

fn strip_parentheses(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['(', ')']) {
        return s.into(); // the usual case: nothing to drop, nothing to copy
    }
    let mut depth = 0usize;
    s.chars()
        .filter(|&c| match c {
            '(' => {
                depth += 1;
                false
            }
            ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect::<String>()
        .into()
}

/// `Hoàng Văn Đức (Bí thư)` → name and role; also `Đồng chí Lộc Văn Thành,
/// Bí thư Đảng ủy`, `Lộc Văn Thành - Bí thư Đảng ủy`, and what follows the
/// brackets (`(Phó Bí thư), được Bí thư ủy quyền`) joins the role. `span`
/// is the text's span.
pub fn person(s: &str, span: Span) -> Person {
    // The same people chair, record and attend meeting after meeting.
    thread_local! { static SEEN: Memo<Person> = Memo::default(); }
    Person { span, ..remembered(&SEEN, s, |s| read_person(s, span)) }
}

fn read_person(s: &str, span: Span) -> Person {
    let s = s.trim().trim_end_matches(['.', ';']).trim_end();
    let s = strip_honorific(s);
    let (name, role) = match (s.find('('), s.rfind(')')) {
        (Some(o), Some(c)) if c > o => {
            let after = s[c + 1..].trim().trim_start_matches([',', '-', '–', '—', ';']).trim();
            let inner = s[o + 1..c].trim();
            // `Name, role (được đồng chí Bí thư ủy nhiệm)`: the role before the bracket too.
            let before = s[..o].trim();
            let (name, lead) = split_role(before).unwrap_or((before, ""));
            let role: Vec<&str> = [lead, inner, after].into_iter().filter(|p| !p.is_empty()).collect();
            (name, Some(role.join(", ")))
        }
        _ => match split_role(s) {
            Some((n, r)) => (n, Some(r.to_string())),
            None => (s, None),
        },
    };
    let name = name.trim_end_matches([',', '.', ';', ':']).trim();
    let name = strip_honorific(name);
    Person { name: name.to_string(), role: role.filter(|r| !r.is_empty()), key: fold(name), span }
}

/// `Name, role` or `Name - role`: a name never holds a comma or a spaced dash.
fn split_role(s: &str) -> Option<(&str, &str)> {
    // One pass: the first `,` or spaced dash.
    let (at, len) = s.char_indices().find_map(|(i, c)| match c {
        ',' => Some((i, 1)),
        '-' | '–' | '—' if s[..i].ends_with(' ') && s[i + c.len_utf8()..].starts_with(' ') => {
            Some((i - 1, c.len_utf8() + 2))
        }
        _ => None,
    })?;
    let role = s[at + len..].trim();
    (!role.is_empty()).then(|| (s[..at].trim(), role))
}

/// `đồng chí Nguyễn Văn An` / `đ/c …` → `Nguyễn Văn An`.
fn strip_honorific(name: &str) -> &str {
    // Every honorific starts with a `d` or `đ`: most names are spared folding.
    if !name.starts_with(['d', 'D', 'đ', 'Đ']) {
        return name;
    }
    // The longest honorific has 9 bytes folded: fold no more of the name.
    let f = fold_prefix(name, 9);
    for h in ["dong chi ", "d/c ", "dc "] {
        if f.starts_with(h) {
            // Honorifics are ASCII after folding; find the same number of
            // words in the original.
            let words = h.split_whitespace().count();
            let mut rest = name;
            for _ in 0..words {
                rest = rest.trim_start();
                rest = rest.find(char::is_whitespace).map_or("", |i| &rest[i..]);
            }
            return rest.trim();
        }
    }
    name
}

/// An absence line: `Name: reason`, `Name — reason`, `Name - reason`,
/// `Name (reason)`, `Name, role, reason` or just `Name`. `role_words` are
/// folded role names, to tell `(Bí thư)` (a role) from `(ốm)` (a reason).
pub fn absence(name_part: &str, reason_part: Option<&str>, span: Span, role_words: &[String]) -> Absence {
    let name_part = strip_honorific(name_part.trim());
    let (name_part, reason_part) = match reason_part {
        Some(r) => (name_part, Some(r.to_string())),
        None if name_part.contains('(') => (name_part, None),
        None => match split_role(name_part) {
            // `Name, role, reason` / `Name - reason` / `Name, reason`.
            Some((n, rest)) => {
                let parts = parts_after_name(rest);
                let (role, reason) = split_role_reason(&parts, role_words);
                let mut a = absence_of(person(n, span), reason, role_words);
                if a.person.role.is_none() {
                    a.person.role = role;
                }
                return a;
            }
            // `Chu Văn Thắng đi công tác`: the reason right after the name.
            None => match reason_after_name(name_part) {
                Some((n, why)) => (n, Some(why.to_string())),
                None => (name_part, None),
            },
        },
    };
    absence_of(person(name_part, span), reason_part, role_words)
}

/// A name (capitalised words, at least two) followed by a reason with no
/// comma or dash between them (`Chu Văn Thắng đi công tác`): the reason
/// starts at the first word in lower case, and must read as one.
fn reason_after_name(s: &str) -> Option<(&str, &str)> {
    let s = s.trim().trim_end_matches([',', ';', '.']).trim_end();
    let mut words = 0;
    for (i, w) in s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)) {
        if w.starts_with(char::is_uppercase) {
            words += 1;
            continue;
        }
        let rest = &s[i..];
        return (words >= 2 && w.starts_with(char::is_lowercase) && is_reason(rest)).then(|| (s[..i].trim_end(), rest));
    }
    None
}

fn absence_of(mut p: Person, reason_part: Option<String>, role_words: &[String]) -> Absence {
    let mut reason = reason_part.map(|r| r.trim().to_string());
    if reason.is_none() {
        if let Some(role) = p.role.take() {
            // `(Bí thư)` is a role; `(Bí thư, đi công tác)` a role and a reason.
            let parts = parts_after_name(&role);
            let (r, why) = split_role_reason(&parts, role_words);
            p.role = r;
            reason = why;
        }
    }
    let reason = reason.filter(|r| !no_reason(r));
    Absence { person: p, reason }
}

/// What follows a name, in parts: separated by `,`, `;` or a spaced dash
/// (`Đ/c Lương Văn Khải - Phó Bí thư - đi công tác`).
fn parts_after_name(rest: &str) -> Vec<&str> {
    rest.split([',', ';'])
        .flat_map(|p| p.split(" - ").flat_map(|p| p.split(" – ")).flat_map(|p| p.split(" — ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Comma-separated parts after a name: offices first, then the reason (from
/// the first part that reads as one; else the last part, unless it is an office).
fn split_role_reason(parts: &[&str], role_words: &[String]) -> (Option<String>, Option<String>) {
    if parts.is_empty() {
        return (None, None);
    }
    let at = parts.iter().position(|p| is_reason(p)).unwrap_or_else(|| {
        if is_role(parts[parts.len() - 1], role_words) {
            parts.len()
        } else {
            parts.len() - 1
        }
    });
    let join = |ps: &[&str]| (!ps.is_empty()).then(|| ps.join(", "));
    (join(&parts[..at]), join(&parts[at..]))
}

/// `không lý do`, `vắng không lý do`, `chưa rõ lý do`, nothing: no reason.
pub fn no_reason(r: &str) -> bool {
    let f = fold(r);
    let f = f.trim_end_matches(['.', ';']).trim();
    let f = f.strip_prefix("vang mat").or_else(|| f.strip_prefix("vang")).unwrap_or(f).trim();
    f.is_empty()
        || f.starts_with("khong ly do")
        || f.starts_with("khong co ly do")
        || f.starts_with("chua ro ly do")
        || f == "khong bao cao"
        || f == "khong bao"
}

/// Offices people hold, as their folded first words.
const OFFICE_WORDS: &[&str] = &[
    "bi thu",
    "pho bi thu",
    "uy vien",
    "truong ban",
    "pho truong ban",
    "truong phong",
    "chu nhiem",
    "pho chu nhiem",
    "chanh van phong",
    "pho chanh van phong",
    "giam doc",
    "pho giam doc",
    "chu tich",
    "pho chu tich",
    "can bo",
    "chuyen vien",
    "thu truong",
    "tong bien tap",
    "cuc truong",
    "vien truong",
    "hieu truong",
];

fn is_role(s: &str, role_words: &[String]) -> bool {
    let f = fold(s);
    role_words.iter().any(|r| f.starts_with(r.as_str())) || OFFICE_WORDS.iter().any(|w| f.starts_with(w))
}

/// Words that start a reason for being absent.
fn is_reason(s: &str) -> bool {
    let f = fold(s);
    let f = f.strip_prefix("vang mat").or_else(|| f.strip_prefix("vang")).unwrap_or(&f).trim();
    [
        "co ly do",
        "khong ly do",
        "khong co ly do",
        "di",
        "om",
        "nghi",
        "hoc",
        "ban cong",
        "ban viec",
        "viec",
        "du",
        "cong tac",
        "chua ro",
        "dieu tri",
        "nam vien",
    ]
    .iter()
    .any(|w| f == *w || f.starts_with(&format!("{w} ")))
}

/// The document numbers a value refers to, with their ranges in `s`: every
/// party (`26-QĐ/ĐU`) or state (`26/QĐ-ĐU`) document number in its text
/// (`Quyết định số 26-QĐ/ĐU ngày 10/3/2023 về …`); failing any, a list of
/// short identifiers (`09, 11 và 12`), as format 1.0 allowed.
pub fn numbers(s: &str) -> Vec<(String, usize, usize)> {
    let found = doc_numbers(s);
    if !found.is_empty() {
        return found;
    }
    let listed = listed_numbers(s);
    if listed.iter().all(|(t, _, _)| !t.contains(char::is_whitespace) && t.bytes().any(|b| b.is_ascii_digit())) {
        listed
    } else {
        Vec::new()
    }
}

/// `09-QĐ/ĐU, 11-QĐ/ĐU và 12-QĐ/ĐU` → the comma- or `và`-separated pieces.
fn listed_numbers(s: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in s.split_inclusive([',', ';']) {
        let body = piece.trim_end_matches([',', ';']);
        for sub in split_and(body) {
            let lead = sub.len() - sub.trim_start().len();
            let t = sub.trim();
            if !t.is_empty() {
                let off = start + (sub.as_ptr() as usize - piece.as_ptr() as usize) + lead;
                out.push((t.trim_end_matches('.').to_string(), off, off + t.trim_end_matches('.').len()));
            }
        }
        start += piece.len();
    }
    out
}

fn split_and(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(" và ").or_else(|| rest.find(" va ")) {
        out.push(&rest[..i]);
        rest = &rest[i + 4 + (rest[i..].starts_with(" và ") as usize)..];
    }
    out.push(rest);
    out
}

/// Every party or state document number in a text, in order.
pub fn doc_numbers(s: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let is_sep = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | '“' | '”' | '"');
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (is_sep(c), start) {
            (true, Some(b)) => {
                let t = s[b..i].trim_end_matches(['.', ':', '\\']);
                if is_doc_number(t) {
                    out.push((t.to_string(), b, b + t.len()));
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// `26-QĐ/ĐU`, `01-CTr/ĐU`, `123-CV/TU`, `26/QĐ-ĐU`: digits, then a kind
/// of letters and an issuer, one behind `-` and the other behind `/` (a
/// date has no letters, so `10/3/2023` is not one).
pub fn is_doc_number(t: &str) -> bool {
    doc_parts(t).is_some()
}

/// The number, kind and issuer of a document number (`26`, `QĐ`, `ĐU`),
/// in either the party form `26-QĐ/ĐU` or the state form `26/QĐ-ĐU`.
fn doc_parts(t: &str) -> Option<(&str, &str, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let rest = &t[digits..];
    let second = match rest.chars().next() {
        Some('-') => '/',
        Some('/') => '-',
        _ => return None,
    };
    let (kind, issuer) = rest[1..].split_once(second)?;
    let letters = |w: &str| !w.is_empty() && w.chars().all(char::is_alphabetic);
    let valid = letters(kind)
        && kind.chars().count() <= 6
        && !issuer.is_empty()
        && issuer.chars().any(char::is_alphabetic)
        && issuer.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.'));
    valid.then_some((&t[..digits], kind, issuer))
}

/// The kind of a document number (`QĐ` of `26-QĐ/ĐU`), folded.
pub fn doc_kind(t: &str) -> Option<String> {
    doc_parts(t).map(|(_, kind, _)| fold(kind))
}

/// Numbers compare without case, diacritics or inner spaces; a document
/// number also without leading zeros and whichever of the party
/// (`26-QĐ/ĐU`) or state (`26/QĐ-ĐU`) forms it is written in.
pub fn number_key(s: &str) -> String {
    // Most numbers hold no space: nothing to copy then.
    let compact: std::borrow::Cow<'_, str> = if s.contains(char::is_whitespace) {
        s.chars().filter(|c| !c.is_whitespace()).collect::<String>().into()
    } else {
        s.into()
    };
    match doc_parts(&compact) {
        // Already in the party form, without leading zeros: as it is.
        Some((n, _, _)) if !n.starts_with('0') && compact.as_bytes().get(n.len()) == Some(&b'-') => fold(&compact),
        Some((n, kind, issuer)) => {
            let n = n.trim_start_matches('0');
            fold(&format!("{}-{kind}/{issuer}", if n.is_empty() { "0" } else { n }))
        }
        None => fold(&compact),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_documented_style() {
        let d = Date { year: 2021, month: 3, day: 15 };
        for s in [
            "8 giờ 00, ngày 15/03/2021",
            "15-3-2021",
            "2021-03-15 08:00",
            "14h00 ngày 15 tháng 3 năm 2021",
            "15.03.2021",
        ] {
            assert_eq!(date(s).map(|x| x.0), Ok(d), "{s}");
        }
        assert_eq!(date("31/02/2021"), Err(Problem::ImpossibleDate { day: 31, month: 2, year: 2021 }));
        assert_eq!(date("29/02/2020").map(|x| x.0), Ok(Date { year: 2020, month: 2, day: 29 }));
        assert_eq!(date("sáng thứ hai"), Err(Problem::NoDate));
        let (_, s, e) = date("8 giờ, ngày 15/03/2021").unwrap();
        assert_eq!(&"8 giờ, ngày 15/03/2021"[s..e], "15/03/2021");
    }

    #[test]
    fn counts() {
        assert_eq!(count("7"), Ok(Count { n: 7, of: None }));
        assert_eq!(count("7/9"), Ok(Count { n: 7, of: Some(9) }));
        assert_eq!(count("07 / 09 đồng chí"), Ok(Count { n: 7, of: Some(9) }));
        assert_eq!(count("bảy"), Err(Problem::NotACount));
        assert_eq!(count("7 trên 9"), Err(Problem::NotACount));
        assert_eq!(whole("7/9"), Err(Problem::NotACount));
    }

    #[test]
    fn votes_in_any_order() {
        let v = votes("1 không tán thành, 7 tán thành, 1 không biểu quyết").unwrap();
        assert_eq!((v.favour, v.against, v.abstain), (Some(7), Some(1), Some(1)));
        assert_eq!(v.cast(), Some(9));
        let v = votes("7/9 tán thành").unwrap();
        assert_eq!((v.favour, v.of), (Some(7), Some(9)));
        assert!(votes("Nhất trí").unwrap().unanimous);
        assert!(votes("100% tán thành").unwrap().unanimous);
        assert_eq!(votes("6 tan thanh, 1 phieu trang").unwrap().abstain, Some(1));
        assert_eq!(votes("7 phiếu tán thành (100%)").unwrap().favour, Some(7));
        assert!(votes("đa số tán thành").is_err());
        assert!(votes("7 tán thành, 2 tán thành").is_err());
    }

    #[test]
    fn people_and_absences() {
        let p = person("đồng chí Hoàng Văn Đức (Bí thư)", Span::default());
        assert_eq!((p.name.as_str(), p.role.as_deref()), ("Hoàng Văn Đức", Some("Bí thư")));
        // The role after a comma, the delegation in brackets after it.
        let p = person(
            "Đồng chí Hà Thị Thu Trang, Phó Bí thư Thường trực (được đồng chí Bí thư ủy nhiệm)",
            Span::default(),
        );
        assert_eq!(p.name, "Hà Thị Thu Trang");
        assert_eq!(p.role.as_deref(), Some("Phó Bí thư Thường trực, được đồng chí Bí thư ủy nhiệm"));
        let roles = vec!["bi thu".to_string()];
        let a = absence("Trần Văn Bình — có lý do, đi công tác", None, Span::default(), &roles);
        assert_eq!(a.reason.as_deref(), Some("có lý do, đi công tác"));
        let a = absence("Nông Văn Cường (ốm)", None, Span::default(), &roles);
        assert_eq!(a.reason.as_deref(), Some("ốm"));
        let a = absence("Hoàng Văn Đức (Bí thư)", Some("không lý do"), Span::default(), &roles);
        assert_eq!((a.reason, a.person.role.as_deref()), (None, Some("Bí thư")));
        assert_eq!(absence("Ma Văn Tuấn", None, Span::default(), &roles).reason, None);
        // A reason right after the name, with no comma.
        let a = absence("đồng chí Chu Văn Thắng đi công tác,", None, Span::default(), &roles);
        assert_eq!((a.person.name.as_str(), a.reason.as_deref()), ("Chu Văn Thắng", Some("đi công tác")));
        let a = absence("Sằm Thị Nhung nghỉ ốm", None, Span::default(), &roles);
        assert_eq!((a.person.name.as_str(), a.reason.as_deref()), ("Sằm Thị Nhung", Some("nghỉ ốm")));
        let a = absence("Nịnh Văn Chung vắng không lý do", None, Span::default(), &roles);
        assert_eq!((a.person.name.as_str(), a.reason), ("Nịnh Văn Chung", None));
        assert_eq!(absence("Hà Văn Nam", None, Span::default(), &roles).person.name, "Hà Văn Nam");
        // The role and the reason after dashes, as after commas.
        for text in
            ["Đ/c Lương Văn Khải - Phó Bí thư - đi công tác", "đồng chí Lương Văn Khải, Phó Bí thư, đi công tác"]
        {
            let a = absence(text, None, Span::default(), &roles);
            assert_eq!(a.person.name, "Lương Văn Khải", "{text}");
            assert_eq!(
                (a.person.role.as_deref(), a.reason.as_deref()),
                (Some("Phó Bí thư"), Some("đi công tác")),
                "{text}"
            );
        }
    }

    #[test]
    fn number_lists() {
        let s = "09-QĐ/ĐU, 11-QĐ/ĐU và 12-QĐ/ĐU";
        let n = numbers(s);
        assert_eq!(n.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["09-QĐ/ĐU", "11-QĐ/ĐU", "12-QĐ/ĐU"]);
        for (t, a, b) in &n {
            assert_eq!(&s[*a..*b], t);
        }
        assert_eq!(number_key("14-BB/ĐU"), number_key("14-bb/du"));
        let s = "Quyết định số 26-QĐ/ĐU ngày 10/3/2023 về việc kết nạp; Tờ trình 05/TTr-ĐU.";
        let n = numbers(s);
        assert_eq!(n.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["26-QĐ/ĐU", "05/TTr-ĐU"]);
        for (t, a, b) in &n {
            assert_eq!(&s[*a..*b], t);
        }
        assert_eq!(doc_kind("05/TTr-ĐU").as_deref(), Some("ttr"));
        assert_eq!(doc_kind("123-CV/TU").as_deref(), Some("cv"));
        assert!(numbers("Thường trực báo cáo các việc đã làm").is_empty());
        assert_eq!(numbers("5, 7").len(), 2);
    }
}

//! Readers for field values: dates, counts, votes, people, absences.
//! Each works on the original text (to keep offsets) and folds to compare.

use crate::common::span::Span;
use crate::common::text::{fold, tokens};
use crate::model::{Absence, Count, Date, Person, Problem, Votes};

/// Finds the one date in a `Thời gian` value: `15/03/2021`, `15-3-2021`,
/// `15.3.2021`, `2021-03-15` or `ngày 15 tháng 3 năm 2021`. Returns the
/// date and its byte range relative to `s`.
pub fn date(s: &str) -> Result<(Date, usize, usize), Problem> {
    let toks = tokens(s);
    for (i, t) in toks.iter().enumerate() {
        if let Some((d, m, y)) = numeric_date(t.text) {
            return checked(d, m, y).map(|date| (date, t.start, t.end));
        }
        // ngày D tháng M năm Y
        if t.folded() == "ngay" && i + 5 < toks.len() {
            let w = &toks[i + 1..=i + 5];
            if w[1].folded() == "thang" && w[3].folded() == "nam" {
                if let (Ok(d), Ok(m), Ok(y)) = (w[0].text.parse(), w[2].text.parse(), w[4].text.parse()) {
                    return checked(d, m, y).map(|date| (date, t.start, w[4].end));
                }
            }
        }
    }
    Err(Problem::NoDate)
}

fn numeric_date(t: &str) -> Option<(u32, u32, i32)> {
    let t = t.trim_end_matches(['.', ',']);
    let sep = t.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    if parts[0].len() == 4 {
        Some((n(parts[2])?, n(parts[1])?, parts[0].parse().ok()?))
    } else if parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
        Some((n(parts[0])?, n(parts[1])?, parts[2].parse().ok()?))
    } else {
        None
    }
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

/// `7`, `07`, `7/9`, `7 đồng chí`, `7/9 đồng chí`.
pub fn count(s: &str) -> Result<Count, Problem> {
    let s = s.trim();
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
/// `7/9 tán thành`; `nhất trí`; `100% tán thành`; `phiếu trắng` = abstain.
pub fn votes(s: &str) -> Result<Votes, Problem> {
    let mut v = Votes::default();
    let without_notes = strip_parentheses(s);
    for part in without_notes.split([',', ';']) {
        let f = fold(part);
        let f = f.trim_end_matches('.').trim();
        if f.is_empty() {
            continue;
        }
        let bad = || Problem::BadVotes { part: part.trim().to_string() };
        if f == "nhat tri"
            || f == "nhat tri 100%"
            || f == "100% tan thanh"
            || f == "100% nhat tri"
            || f == "nhat tri hoan toan"
        {
            v.unanimous = true;
            continue;
        }
        let digits = f.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 {
            return Err(bad());
        }
        let n: u32 = f[..digits].parse().map_err(|_| bad())?;
        let mut rest = f[digits..].trim_start();
        let mut of = None;
        if let Some(r) = rest.strip_prefix('/') {
            let d = r.bytes().take_while(u8::is_ascii_digit).count();
            if d == 0 {
                return Err(bad());
            }
            of = Some(r[..d].parse().map_err(|_| bad())?);
            rest = r[d..].trim_start();
        }
        let rest = rest.strip_prefix("phieu ").unwrap_or(rest).trim();
        let rest = rest.strip_prefix("dong chi ").unwrap_or(rest).trim();
        #[derive(PartialEq)]
        enum Kind {
            Favour,
            Against,
            Abstain,
        }
        let kind = match rest {
            "tan thanh" | "dong y" => Kind::Favour,
            "khong tan thanh" | "khong dong y" | "phan doi" => Kind::Against,
            "khong bieu quyet" | "trang" | "phieu trang" | "khong y kien" => Kind::Abstain,
            _ => return Err(bad()),
        };
        if of.is_some() {
            if kind != Kind::Favour {
                return Err(bad());
            }
            v.of = of;
        }
        let slot = match kind {
            Kind::Favour => &mut v.favour,
            Kind::Against => &mut v.against,
            Kind::Abstain => &mut v.abstain,
        };
        if slot.replace(n).is_some() {
            return Err(bad());
        }
    }
    if v == Votes::default() {
        return Err(Problem::BadVotes { part: s.trim().to_string() });
    }
    Ok(v)
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

/// `Hoàng Văn Đức (Bí thư)` → name and role. `span` is the text's span.
pub fn person(s: &str, span: Span) -> Person {
    let s = s.trim();
    let (name, role) = match (s.find('('), s.rfind(')')) {
        (Some(o), Some(c)) if c > o => (s[..o].trim(), Some(s[o + 1..c].trim().to_string())),
        _ => (s, None),
    };
    let name = name.trim_end_matches([',', '.', ';']).trim();
    let name = strip_honorific(name);
    Person { name: name.to_string(), role: role.filter(|r| !r.is_empty()), key: fold(name), span }
}

/// `đồng chí Nguyễn Văn An` / `đ/c …` → `Nguyễn Văn An`.
fn strip_honorific(name: &str) -> &str {
    // Every honorific starts with a `d` or `đ`: most names are spared folding.
    if !name.starts_with(['d', 'D', 'đ', 'Đ']) {
        return name;
    }
    let f = fold(name);
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
/// `Name (reason)` or just `Name`. `role_words` are folded role names, to
/// tell `(Bí thư)` (a role) from `(ốm)` (a reason).
pub fn absence(name_part: &str, reason_part: Option<&str>, span: Span, role_words: &[String]) -> Absence {
    let (name_part, reason_part) = match reason_part {
        Some(r) => (name_part, Some(r)),
        None => match split_dash(name_part) {
            Some((n, r)) => (n, Some(r)),
            None => (name_part, None),
        },
    };
    let mut p = person(name_part, span);
    let mut reason = reason_part.map(|r| r.trim().to_string());
    if reason.is_none() {
        if let Some(role) = p.role.take() {
            let f = fold(&role);
            if role_words.contains(&f) {
                p.role = Some(role);
            } else {
                reason = Some(role);
            }
        }
    }
    let reason = reason.filter(|r| {
        let f = fold(r);
        let f = f.trim_end_matches('.');
        !(f.is_empty()
            || f.starts_with("khong ly do")
            || f.starts_with("khong co ly do")
            || f == "chua ro ly do"
            || f == "khong bao cao")
    });
    Absence { person: p, reason }
}

fn split_dash(s: &str) -> Option<(&str, &str)> {
    for sep in [" — ", " – ", " - "] {
        if let Some(i) = s.find(sep) {
            return Some((&s[..i], &s[i + sep.len()..]));
        }
    }
    None
}

/// `09-QĐ/ĐU, 11-QĐ/ĐU và 12-QĐ/ĐU` → numbers with their ranges in `s`.
pub fn numbers(s: &str) -> Vec<(String, usize, usize)> {
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

/// Numbers compare without case, diacritics or inner spaces.
pub fn number_key(s: &str) -> String {
    fold(s).chars().filter(|c| !c.is_whitespace()).collect()
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
        let roles = vec!["bi thu".to_string()];
        let a = absence("Trần Văn Bình — có lý do, đi công tác", None, Span::default(), &roles);
        assert_eq!(a.reason.as_deref(), Some("có lý do, đi công tác"));
        let a = absence("Nông Văn Cường (ốm)", None, Span::default(), &roles);
        assert_eq!(a.reason.as_deref(), Some("ốm"));
        let a = absence("Hoàng Văn Đức (Bí thư)", Some("không lý do"), Span::default(), &roles);
        assert_eq!((a.reason, a.person.role.as_deref()), (None, Some("Bí thư")));
        assert_eq!(absence("Ma Văn Tuấn", None, Span::default(), &roles).reason, None);
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
    }
}

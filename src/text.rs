//! Keyword folding: the one place that decides when two spellings are "the same".
//!
//! FORMAT.md: keywords match after NFC normalisation, case-insensitively and
//! diacritic-insensitively (`Co mat`, `CÓ MẶT`, `Có mặt`; `Ủy`/`Uỷ`). We
//! decompose (NFD) and drop combining marks, which handles NFC and NFD input
//! alike, map `đ` to `d` (it has no decomposition), lower-case, and collapse
//! white space. Spans are never taken from folded text: it is for comparing.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds `s` for comparison: no diacritics, lower case, single spaces, trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        if is_combining_mark(c) || c == '\u{feff}' {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A word of a value together with its byte range in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Token<'_> {
    pub fn folded(&self) -> String {
        fold(self.text)
    }
}

/// Splits `s` into words on white space and on `,;()`, keeping byte offsets
/// (relative to `s`) so that a finding can point inside a value.
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')');
        match (sep, start) {
            (true, Some(b)) => {
                out.push(Token { text: &s[b..i], start: b, end: i });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push(Token { text: &s[b..], start: b, end: s.len() });
    }
    out
}

/// Words of a folded phrase, for similarity scoring.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_forms() {
        assert_eq!(fold("Có mặt"), "co mat");
        assert_eq!(fold("CÓ MẶT"), "co mat");
        assert_eq!(fold("Co mat"), "co mat");
        assert_eq!(fold("Ủy ban"), fold("Uỷ ban"));
        assert_eq!(fold("hòa"), fold("hoà"));
        assert_eq!(fold("Đảng ủy"), "dang uy");
        // NFD input folds to the same key as NFC input.
        let nfd: String = "Biên bản".nfd().collect();
        assert_eq!(fold(&nfd), "bien ban");
        assert_eq!(fold("  Tổng   số\tthành viên "), "tong so thanh vien");
    }

    #[test]
    fn tokens_keep_offsets() {
        let s = "ngày 15/03/2021, 8 giờ";
        let t = tokens(s);
        assert_eq!(t[1].text, "15/03/2021");
        assert_eq!(&s[t[1].start..t[1].end], "15/03/2021");
        assert_eq!(t.len(), 4);
    }
}

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
    fold_onto(&mut out, s, usize::MAX);
    out
}

/// [`fold`] into `out`, replacing what it held: a caller that folds many
/// short words keeps one buffer instead of allocating a string each.
pub fn fold_into(out: &mut String, s: &str) {
    out.clear();
    fold_onto(out, s, usize::MAX);
}

/// The start of `fold(s)`: at least its first `n` bytes (all of it when
/// shorter), for testing a prefix (`đồng chí …`) without folding a whole
/// line.
pub fn fold_prefix(s: &str, n: usize) -> String {
    let mut out = String::with_capacity(s.len().min(n + 8));
    fold_onto(&mut out, s, n);
    out
}

/// `fold(s)` into the empty `out`, stopping once it holds more than `limit` bytes.
fn fold_onto(out: &mut String, s: &str, limit: usize) {
    let table = table();
    let mut pending_space = false;
    let mut chars = s.chars();
    while out.len() <= limit {
        let Some(c) = chars.next() else { break };
        // ASCII letters, digits and punctuation first: field names, numbers
        // and unaccented text are most of it.
        if c > ' ' && c.is_ascii() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let folded = if (c as u32) < TABLE_END {
            table[c as usize]
        } else if c.is_whitespace() {
            ' '
        } else if c == '\u{feff}' || is_combining_mark(c) {
            '\0'
        } else {
            '\u{1}'
        };
        match folded {
            ' ' => {
                pending_space = !out.is_empty();
                continue;
            }
            '\0' => continue, // a combining mark, or the BOM
            _ => {}
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if folded == '\u{1}' {
            // Outside the table: decompose and lower-case the slow way.
            for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
        } else {
            out.push(folded);
        }
    }
}

/// `s` as spelt, for telling apart names that fold alike (`Lê Văn Hùng`,
/// `Lê Văn Hưng`): NFC, lower case, single spaces, trimmed; `Ð` (U+00D0)
/// typed for `Đ` is `đ`.
pub fn spelling(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.nfc().map(|c| if matches!(c, 'Ð' | 'ð') { 'đ' } else { c }).flat_map(char::to_lowercase));
    }
    out
}

/// First code point of the folding table: Latin-1, Latin Extended and
/// Vietnamese (U+1EA0–U+1EF9) letters all lie below `TABLE_END`.
const TABLE_END: u32 = 0x1F00;

/// The folded form of each character below `TABLE_END`: its base letter in
/// lower case; `' '` for white space; `'\0'` to drop it; `'\u{1}'` when it
/// has no one-letter base. Folding is the hottest text operation (every field name, name and
/// matter), so letters are looked up in a table built once from their
/// canonical decompositions, instead of decomposing each character.
fn table() -> &'static [char] {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|u| match char::from_u32(u) {
                // `Ð` (U+00D0, Icelandic eth) is typed for `Đ` by some fonts and converters.
                Some('đ' | 'Đ' | 'Ð' | 'ð') => 'd',
                Some(c) if c.is_whitespace() => ' ',
                Some(c) if is_combining_mark(c) => '\0',
                Some(c) => {
                    let mut base = std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d));
                    match (base.next(), base.next()) {
                        (Some(b), None) => {
                            let mut low = b.to_lowercase();
                            match (low.next(), low.next()) {
                                (Some(l), None) => l,
                                _ => '\u{1}',
                            }
                        }
                        _ => '\u{1}',
                    }
                }
                None => '\u{1}',
            })
            .collect()
    })
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
        assert_eq!(fold("ÐẢNG ỦY"), "dang uy");
        // NFD input folds to the same key as NFC input.
        let nfd: String = "Biên bản".nfd().collect();
        assert_eq!(fold(&nfd), "bien ban");
        assert_eq!(fold("  Tổng   số\tthành viên "), "tong so thanh vien");
        // Outside the table, and characters that decompose to two letters.
        assert_eq!(fold("ǅ Ω ﬁ"), fold("ǅ Ω ﬁ").to_lowercase());
        assert_eq!(fold("\u{feff}Ủy"), "uy");
        // Spelling keeps the diacritics, whatever the normalisation.
        let nfd: String = "Lê Văn Hưng".nfd().collect();
        assert_eq!(spelling(&nfd), spelling("LÊ  VĂN HƯNG"));
        assert_ne!(spelling("Lê Văn Hưng"), spelling("Lê Văn Hùng"));
        // The table agrees with decomposing every character of the range.
        for u in 1..0x1F00u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let slow: String = std::iter::once(c)
                .nfd()
                .filter(|d| !is_combining_mark(*d))
                .map(|d| if matches!(d, 'đ' | 'Đ' | 'Ð' | 'ð') { 'd' } else { d })
                .flat_map(char::to_lowercase)
                .collect();
            let want = if c.is_whitespace() { String::new() } else { slow };
            assert_eq!(fold(&c.to_string()), want, "U+{u:04X}");
        }
    }

    #[test]
    fn prefixes_and_buffers_fold_alike() {
        let mut buf = String::from("stale");
        for s in ["Đồng chí Nguyễn Văn An", "  đ/c  Lê", "Dc", "", "ǅ Ω ﬁ x", "\u{feff}Ủy  ban ", "ĐỒNG CHÍ"]
        {
            let full = fold(s);
            for n in 0..12 {
                let p = fold_prefix(s, n);
                assert!(full.starts_with(&p) && (p.len() > n || p == full), "{s:?} {n}: {p:?}");
            }
            fold_into(&mut buf, s);
            assert_eq!(buf, full);
        }
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

//! Output that cannot drive anything: record text and file names come from
//! whoever wrote the archive, and reach terminals and CI logs. Every
//! character that could move the cursor, clear the screen, ring the bell,
//! start a new line (and with it a CI workflow command such as `::error::`)
//! or reorder what is shown is written as a visible escape, the way rustc
//! and ruff show them: `\r`, `\n`, `\t`, `\0`, `\u{1b}`.

use std::borrow::Cow;

/// Whether `c` must never reach the output raw: C0 and C1 controls and DEL,
/// the Unicode line and paragraph separators, the bidirectional controls
/// ("Trojan Source"), and the noncharacters U+FFFE and U+FFFF (which XML
/// forbids).
pub fn is_hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}'
        | '\u{fffe}' | '\u{ffff}')
}

/// Appends the visible escape of `c` (see [`is_hostile`]).
pub fn push_escape(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\0' => out.push_str("\\0"),
        c => {
            use std::fmt::Write;
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// `s` with every hostile character escaped; borrowed when there is none
/// (the usual case costs one scan).
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hostile) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_hostile(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` escaped and cut to `max` characters (an ellipsis marks the cut): a
/// message quoting a value of megabytes must not be printed whole.
pub fn visible_clipped(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => visible(s),
        Some((at, _)) => Cow::Owned(format!("{}…", visible(&s[..at]))),
    }
}

/// A path shown at the start of a line (`short`): escaped, and prefixed
/// with `./` when it does not begin with a letter, a digit, `.`, `_` or
/// `/`, so that no line of the report can begin with `::`, `##` or `-`
/// written by whoever named the file.
pub fn path_at_line_start(path: &str) -> Cow<'_, str> {
    let shown = visible(path);
    match shown.chars().next() {
        Some(c) if c.is_alphanumeric() || matches!(c, '.' | '_' | '/') => shown,
        _ => Cow::Owned(format!("./{shown}")),
    }
}

/// A `serde_json` formatter that also escapes, as `\uXXXX`, what JSON
/// allows raw but terminals, logs and JavaScript do not take well: DEL,
/// the C1 controls, U+2028/U+2029, the bidirectional controls and the
/// noncharacters U+FFFE/U+FFFF. (JSON's own rules already escape the C0
/// controls.) The text read back is the same.
pub struct SafeJson<F>(pub F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeJson<F> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_hostile(c)) {
            w.write_all(&rest.as_bytes()[..at])?;
            write!(w, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    // Everything else as the wrapped formatter does it.
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `value` as pretty JSON (two-space indent), escaped as [`SafeJson`] says.
pub fn json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeJson(serde_json::ser::PrettyFormatter::new()));
    value.serialize(&mut ser).expect("plain data serialises");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// `value` as compact JSON, escaped as [`SafeJson`] says.
pub fn json_compact<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(256);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeJson(serde_json::ser::CompactFormatter));
    value.serialize(&mut ser).expect("plain data serialises");
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b\rc\nd\te\0"), "a\\u{1b}]0;x\\u{7}b\\rc\\nd\\te\\0");
        assert_eq!(visible("\u{2028}\u{fffe}\u{202e}\u{9b}"), "\\u{2028}\\u{fffe}\\u{202e}\\u{9b}");
        assert!(matches!(visible("Biên bản hội nghị"), Cow::Borrowed(_)));
        assert_eq!(visible_clipped("ảảảả", 2), "ảả…");
    }

    #[test]
    fn paths_never_start_a_command() {
        assert_eq!(path_at_line_start("::error::x.md"), "./::error::x.md");
        assert_eq!(path_at_line_start("##[error]x.md"), "./##[error]x.md");
        assert_eq!(path_at_line_start("a\nb.md"), "a\\nb.md");
        assert_eq!(path_at_line_start("\n::error::x.md"), "./\\n::error::x.md");
        assert_eq!(path_at_line_start("samples/a.md"), "samples/a.md");
        assert_eq!(path_at_line_start("Đảng ủy/a.md"), "Đảng ủy/a.md");
    }

    #[test]
    fn json_escapes_what_it_allows_raw() {
        let s = json_compact(&"x\u{7f}\u{85}\u{2028}\u{fffe}\u{1b}ả");
        assert_eq!(s, "\"x\\u007f\\u0085\\u2028\\ufffe\\u001bả\"");
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "x\u{7f}\u{85}\u{2028}\u{fffe}\u{1b}ả");
        // The same bytes as serde_json's own for ordinary text.
        let v = serde_json::json!({"a": [1, "Biên bản"], "b": null});
        assert_eq!(json_pretty(&v), serde_json::to_string_pretty(&v).unwrap());
    }
}

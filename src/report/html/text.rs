//! Text from records, file names and configuration, made safe to show:
//! escaped by maud like every spliced value, and with the characters that
//! HTML forbids in text (C0 controls other than tab and line ends, DEL and
//! C1 controls, noncharacters) shown as U+FFFD instead.

use std::borrow::Cow;
use std::fmt::Write;

use maud::{Escaper, Render};

fn forbidden(c: char) -> bool {
    let u = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// `s` with forbidden characters replaced.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().any(forbidden) {
        Cow::Owned(s.chars().map(|c| if forbidden(c) { '\u{FFFD}' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// A piece of untrusted text, rendered escaped and cleaned: `(Txt(&s))`.
pub struct Txt<'a>(pub &'a str);

impl Render for Txt<'_> {
    fn render_to(&self, buf: &mut String) {
        let _ = write!(Escaper::new(buf), "{}", clean(self.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_inert() {
        let m = maud::html! { p title=(Txt("\"><img onerror=alert(1)>")) { (Txt("<script>alert(1)</script>\u{1}\u{FFFF}")) } };
        assert_eq!(
            m.into_string(),
            "<p title=\"&quot;&gt;&lt;img onerror=alert(1)&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;\u{FFFD}\u{FFFD}</p>"
        );
    }
}

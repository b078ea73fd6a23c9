//! Byte ranges into the file as it is on disk, and values that carry them.

use serde::{Deserialize, Serialize};

/// A byte range `start..end` into the file's text (BOM included, so offsets
/// are those of the bytes on disk).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// A sub-range given relative to this span's start.
    pub fn sub(self, start: usize, end: usize) -> Self {
        Span::new(self.start + start, self.start + end)
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A value read from the record, with where it was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A place in a file: its span and, precomputed, its line and column, so
/// that findings can be positioned without keeping the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pos {
    pub span: Span,
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub fn of(text: &str, span: Span) -> Pos {
        let (line, column) = line_col(text, span.start);
        Pos { span, line, column }
    }
}

/// 1-based line and column (in Unicode code points, a leading BOM not
/// counted) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().filter(|&c| c != '\u{feff}').count() + 1;
    (line, col)
}

/// Line starts of a text, computed once, so that positioning many spans
/// costs a binary search and a short count each instead of a scan from the
/// start of the file.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = Vec::with_capacity(text.len() / 32);
        starts.push(0);
        // A vectorised byte search: `\n` never occurs inside a multi-byte character.
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// The same as [`line_col`], faster.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text[start..offset].chars().filter(|&c| c != '\u{feff}').count() + 1;
        (line, col)
    }

    pub fn pos(&self, span: Span) -> Pos {
        let (line, column) = self.line_col(span.start);
        Pos { span, line, column }
    }
}

/// `span` made safe to slice `text` with: inside it and on character
/// boundaries. Spans are computed on the bytes on disk; the text shown may
/// have been read lossily, so they are clamped before any slicing.
pub fn clamp(text: &str, span: Span) -> Span {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
    Span::new(start, end)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_line_col() {
        let t = "\u{feff}# Biên\r\nCó mặt: 7\n\nx";
        let idx = LineIndex::new(t);
        for i in 0..=t.len() {
            assert_eq!(idx.line_col(i), line_col(t, i), "{i}");
        }
    }

    #[test]
    fn columns_count_code_points_not_bytes() {
        let t = "# Biên bản\nCó mặt: 7";
        let off = t.find('7').unwrap();
        assert_eq!(line_col(t, off), (2, 9));
        assert_eq!(line_col("\u{feff}# A", 3), (1, 1));
    }
}

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
/// start of the file. On long lines, column checkpoints every
/// [`CHECKPOINT`] bytes bound the count: a hundred thousand positions on
/// one line of megabytes cost no more than on short lines.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// `(byte offset, column before it)` on lines longer than `CHECKPOINT`.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between column checkpoints on a long line.
pub const CHECKPOINT: usize = 4096;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = Vec::with_capacity(text.len() / 32);
        starts.push(0);
        // A vectorised byte search: `\n` never occurs inside a multi-byte character.
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            if end - start <= CHECKPOINT {
                continue;
            }
            let (mut at, mut col) = (start, 0);
            loop {
                let next = floor_char_boundary(text, (at + CHECKPOINT).min(end));
                if next <= at || next >= end {
                    break;
                }
                col += columns(&text[at..next]);
                checkpoints.push((next, col));
                at = next;
            }
        }
        LineIndex { text, starts, checkpoints }
    }

    /// The same as [`line_col`], faster.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let (from, before) = if offset - start > CHECKPOINT {
            match self.checkpoints.partition_point(|&(b, _)| b <= offset) {
                0 => (start, 0),
                k => match self.checkpoints[k - 1] {
                    (b, c) if b >= start => (b, c),
                    _ => (start, 0),
                },
            }
        } else {
            (start, 0)
        };
        (line, before + columns(&self.text[from..offset]) + 1)
    }

    pub fn pos(&self, span: Span) -> Pos {
        let (line, column) = self.line_col(span.start);
        Pos { span, line, column }
    }

    /// The text indexed.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The number of lines (a final line without `\n` counts; nothing
    /// after a final `\n` does).
    pub fn lines(&self) -> usize {
        self.starts.len() - usize::from(self.text.ends_with('\n'))
    }

    /// The byte range of 1-based `line`, without its `\n` (a `\r` before
    /// it is kept); an empty range past the end for a line that does not exist.
    pub fn line_span(&self, line: usize) -> Span {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.starts.get(i)) else {
            return Span::new(self.text.len(), self.text.len());
        };
        let end = self.starts.get(line).map_or(self.text.len(), |&next| next - 1);
        Span::new(start, end.max(start))
    }
}

/// Columns a stretch of one line takes: its code points, a BOM not counted.
fn columns(s: &str) -> usize {
    // Code points are the bytes that do not continue a multi-byte character.
    let n = s.bytes().filter(|&b| (b as i8) >= -0x40).count();
    n - s.matches('\u{feff}').count()
}

/// `span` made safe to slice `text` with: inside it and on character
/// boundaries. Spans are computed on the bytes on disk; the text shown may
/// have been read lossily, so they are clamped before any slicing.
pub fn clamp(text: &str, span: Span) -> Span {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
    Span::new(start, end)
}

pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
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
    fn long_lines_use_checkpoints_and_agree() {
        let mut t = String::from("\u{feff}ab\n");
        for i in 0..30_000 {
            t.push(if i % 7 == 0 { 'ả' } else { 'x' });
            if i == 12_345 {
                t.push('\u{feff}');
            }
        }
        t.push_str("\nend");
        let idx = LineIndex::new(&t);
        assert!(!idx.checkpoints.is_empty());
        for i in (0..=t.len()).step_by(97).chain([t.len() - 4, t.len()]) {
            assert_eq!(idx.line_col(i), line_col(&t, i), "{i}");
        }
        assert_eq!(idx.lines(), 3);
        assert_eq!(&t[idx.line_span(3).start..idx.line_span(3).end], "end");
        assert_eq!(&t[idx.line_span(1).start..idx.line_span(1).end], "\u{feff}ab");
        assert!(idx.line_span(9).is_empty());
    }

    #[test]
    fn columns_count_code_points_not_bytes() {
        let t = "# Biên bản\nCó mặt: 7";
        let off = t.find('7').unwrap();
        assert_eq!(line_col(t, off), (2, 9));
        assert_eq!(line_col("\u{feff}# A", 3), (1, 1));
    }
}

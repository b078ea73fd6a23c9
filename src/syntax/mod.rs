//! Stage 2, syntax: the pest grammar (`grammar/record.pest`) cuts a text
//! into typed lines — headings, fields, list items, comments, suppressions,
//! text. It knows no Vietnamese keyword.
//!
//! In: a record's text. Out: `Vec<Line>` with byte spans, or a `Failure`
//! (an unclosed comment, a malformed `bienban:` comment).

pub mod parse;

//! Parse: text → flat list of typed lines, using the pest grammar in
//! `grammar/record.pest`. Nothing here knows Vietnamese keywords.

use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;
use pest::Parser;

use crate::common::span::Span;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/record.pest"]
struct RecordParser;

/// One line (or one multi-line comment) of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Line<'a> {
    Heading {
        level: usize,
        text: &'a str,
        span: Span,
        text_span: Span,
    },
    /// `Key: value`, possibly inside a list item (`in_list`).
    Field {
        key: &'a str,
        key_span: Span,
        value: &'a str,
        value_span: Span,
        in_list: bool,
        span: Span,
    },
    /// A list item that is not a field: `- Nguyễn Văn An (Bí thư)`.
    ListItem {
        text: &'a str,
        span: Span,
    },
    Text {
        text: &'a str,
        span: Span,
    },
    Blank,
    Comment {
        span: Span,
    },
    Suppression {
        rules: Vec<(&'a str, Span)>,
        reason: &'a str,
        span: Span,
    },
}

/// Why a record could not be parsed at all, in terms the lowering layer
/// turns into a clerk's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    pub span: Span,
    pub expected: Expected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// An HTML comment `<!--` that is never closed by `-->`.
    CommentClose,
    /// A malformed `<!-- bienban: allow(…) … -->`.
    AllowOpen,
    AllowClose,
    RuleName,
    AllowKeyword,
    Other,
}

pub fn parse(text: &str) -> Result<Vec<Line<'_>>, ParseFailure> {
    let mut pairs = RecordParser::parse(Rule::record, text).map_err(|e| failure(text, e))?;
    let record = pairs.next().expect("the record rule always yields one pair");
    let mut lines = Vec::with_capacity(text.len() / 30);
    for pair in record.into_inner() {
        if let Some(line) = lower_pair(pair) {
            lines.push(line);
        }
    }
    Ok(lines)
}

fn span_of(p: &Pair<'_, Rule>) -> Span {
    let s = p.as_span();
    Span::new(s.start(), s.end())
}

fn lower_pair(pair: Pair<'_, Rule>) -> Option<Line<'_>> {
    let span = span_of(&pair);
    Some(match pair.as_rule() {
        Rule::heading => {
            let mut inner = pair.into_inner();
            let marks = inner.next()?;
            let text = inner.next()?;
            let (t, ts) = trim_end(text.as_str(), span_of(&text));
            Line::Heading { level: marks.as_str().len(), text: t, span, text_span: ts }
        }
        Rule::field | Rule::list_item => {
            let in_list = pair.as_rule() == Rule::list_item;
            let mut key = None;
            let mut value = None;
            let mut item_text = None;
            for p in pair.into_inner() {
                match p.as_rule() {
                    Rule::key => key = Some(p),
                    Rule::value => value = Some(p),
                    Rule::item_text => item_text = Some(p),
                    _ => {}
                }
            }
            match (key, value, item_text) {
                (Some(k), Some(v), _) => {
                    let (key, key_span) = trim_end(k.as_str(), span_of(&k));
                    let (value, value_span) = trim_end(v.as_str(), span_of(&v));
                    Line::Field { key, key_span, value, value_span, in_list, span }
                }
                (_, _, Some(t)) => {
                    let (text, span) = trim_end(t.as_str(), span_of(&t));
                    Line::ListItem { text, span }
                }
                _ => return None,
            }
        }
        Rule::text => {
            let (text, span) = trim_end(pair.as_str(), span);
            if text.trim().is_empty() {
                Line::Blank
            } else {
                Line::Text { text, span }
            }
        }
        Rule::comment => Line::Comment { span },
        Rule::suppression => {
            let mut rules = Vec::new();
            let mut reason = "";
            for p in pair.into_inner() {
                match p.as_rule() {
                    Rule::rule_list => rules = p.into_inner().map(|r| (r.as_str(), span_of(&r))).collect(),
                    Rule::reason => reason = p.as_str().trim(),
                    _ => {}
                }
            }
            Line::Suppression { rules, reason, span }
        }
        _ => return None,
    })
}

/// Drops trailing white space (and a stray `\r`) from a slice and its span.
fn trim_end(s: &str, span: Span) -> (&str, Span) {
    let t = s.trim_end();
    (t, Span::new(span.start, span.start + t.len()))
}

fn failure(text: &str, e: pest::error::Error<Rule>) -> ParseFailure {
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let positives = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let has = |r: Rule| positives.contains(&r);
    if has(Rule::comment_close) && !has(Rule::allow_close) {
        // pest stops at the end of the file; the clerk needs the `<!--`
        // that was never closed.
        let open = unclosed_comment(text, pos).unwrap_or(pos);
        return ParseFailure { span: Span::new(open, open + 4), expected: Expected::CommentClose };
    }
    let expected = if has(Rule::allow_close) {
        Expected::AllowClose
    } else if has(Rule::rule_name) {
        Expected::RuleName
    } else if has(Rule::allow_open) {
        Expected::AllowOpen
    } else if has(Rule::allow_kw) {
        Expected::AllowKeyword
    } else {
        Expected::Other
    };
    let end = text[pos..].chars().next().map_or(pos, |c| pos + c.len_utf8());
    ParseFailure { span: Span::new(pos, end), expected }
}

/// The last `<!--` before `pos` that has no `-->` after it.
fn unclosed_comment(text: &str, pos: usize) -> Option<usize> {
    let before = &text[..pos.min(text.len())];
    let open = before.rfind("<!--")?;
    (!before[open..].contains("-->")).then_some(open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_in_all_their_forms() {
        let t = "Cơ quan: BTV\n- Chủ trì: An\n**Số:** 1\n**Thư ký**: Mai\r\n";
        let lines = parse(t).unwrap();
        let keys: Vec<_> = lines
            .iter()
            .filter_map(|l| match l {
                Line::Field { key, value, .. } => Some((*key, *value)),
                _ => None,
            })
            .collect();
        assert_eq!(keys, vec![("Cơ quan", "BTV"), ("Chủ trì", "An"), ("Số", "1"), ("Thư ký", "Mai")]);
    }

    #[test]
    fn suppression_and_comments() {
        let t = "<!-- note\nmore -->\n<!-- bienban: allow(quorum, votes) họp trực tuyến -->\n";
        let lines = parse(t).unwrap();
        assert!(matches!(lines[0], Line::Comment { .. }));
        match &lines[1] {
            Line::Suppression { rules, reason, .. } => {
                assert_eq!(rules.iter().map(|r| r.0).collect::<Vec<_>>(), ["quorum", "votes"]);
                assert_eq!(*reason, "họp trực tuyến");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unclosed_comment_points_at_its_opening() {
        let t = "# Biên bản\n<!-- ghi chú\nCơ quan: BTV\n";
        let f = parse(t).unwrap_err();
        assert_eq!(f.expected, Expected::CommentClose);
        assert_eq!(f.span.start, t.find("<!--").unwrap());
    }

    #[test]
    fn malformed_suppression_is_a_failure() {
        let f = parse("<!-- bienban: allow(quorum lý do -->\n").unwrap_err();
        assert_eq!(f.expected, Expected::AllowClose);
        let f = parse("<!-- bienban: quorum -->\n").unwrap_err();
        assert_eq!(f.expected, Expected::AllowKeyword);
    }
}

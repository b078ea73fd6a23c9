//! The rules. Each lives in its own file with its documentation (what it
//! finds, why — the article quoted —, an example that fires and one that
//! passes). `ALL` is the one registry: the checker, `bienban rules`, the
//! generated docs and the doc-example tests all read it.

use crate::facts::Facts;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::model::Record;
use crate::profile::Profile;

mod absence_reason;
mod attendance;
mod chair;
mod competence;
pub mod encoding;
mod higher_consent;
mod invalid_value;
pub mod io;
mod majority;
mod missing_field;
mod missing_id;
mod missing_votes;
mod quorum;
pub mod syntax;
mod unknown_matter;
pub mod unused_allow;
mod urgent_carve_out;
mod votes;

/// What every rule sees.
pub struct Context<'a> {
    pub profile: &'a Profile,
    pub lang: Lang,
}

/// A rule's documentation, in both languages. Examples are whole records:
/// a test runs each one through the checker (`tests/rule_docs.rs`).
pub struct RuleDoc {
    pub name: &'static str,
    pub severity: Severity,
    /// The article as the built-in profile cites it.
    pub article: Option<&'static str>,
    /// One line: what it finds.
    pub summary: [&'static str; 2],
    /// Why: the article quoted, and how the rule reads it.
    pub why: [&'static str; 2],
    pub fires: Example,
    pub passes: Example,
}

pub enum Example {
    Record(&'static str),
    /// Bytes that are not text (for `encoding`).
    Bytes(&'static [u8]),
    /// Cannot be shown as a file (for `io`); the string says why.
    None(&'static str),
}

impl RuleDoc {
    pub fn summary(&self, lang: Lang) -> &'static str {
        self.summary[lang as usize]
    }
    pub fn why(&self, lang: Lang) -> &'static str {
        self.why[lang as usize]
    }
}

pub trait Rule: Sync {
    fn doc(&self) -> &'static RuleDoc;
    /// Reports findings on one record. Rules that the pipeline reports
    /// itself (`io`, `encoding`, `unused-allow`) do nothing here.
    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Every rule, in the order of FORMAT.md's table.
pub static ALL: &[&dyn Rule] = &[
    &syntax::Syntax,
    &encoding::Encoding,
    &io::Io,
    &missing_field::MissingField,
    &invalid_value::InvalidValue,
    &attendance::AttendanceRule,
    &quorum::QuorumRule,
    &votes::VotesRule,
    &majority::MajorityRule,
    &missing_votes::MissingVotes,
    &unknown_matter::UnknownMatter,
    &competence::Competence,
    &urgent_carve_out::UrgentCarveOut,
    &higher_consent::HigherConsent,
    &chair::ChairRule,
    &absence_reason::AbsenceReason,
    &missing_id::MissingId,
    &unused_allow::UnusedAllow,
];

/// Rules that need the whole archive (issue #3) are named here so that
/// suppressions of them are not reported as unknown.
pub const ARCHIVE_RULES: &[&str] = &[
    "report-back",
    "unknown-reference",
    "duplicate-id",
    "meeting-frequency",
    "between-sessions-report",
];

pub fn find(name: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.doc().name == name)
}

pub fn is_known(name: &str) -> bool {
    find(name).is_some() || ARCHIVE_RULES.contains(&name)
}

/// Runs every rule on one record.
pub fn check_record(rec: &Record, cx: &Context<'_>) -> Vec<Finding> {
    let facts = Facts::of(rec, cx.profile);
    let mut out = Vec::new();
    for rule in ALL {
        rule.check(rec, &facts, cx, &mut out);
    }
    out
}

/// A finding of `doc`'s rule with its default severity.
pub(crate) fn finding(doc: &RuleDoc, span: crate::span::Span, message: String) -> Finding {
    Finding::new(doc.name, doc.severity, span, message)
}

/// `Điều 11.1: “…”` — the article and its words, for help lines.
pub(crate) fn cite(lang: Lang, article: &str, quote: &str) -> String {
    match lang {
        Lang::Vi => format!("{article} quy định: “{quote}”"),
        Lang::En => format!("{article} (Vietnamese): “{quote}”"),
    }
}

//! The rules. Each lives in its own file with its documentation (what it
//! finds, why — the article quoted —, an example that fires and one that
//! passes). `ALL` is the one registry: the checker, `bienban rules`, the
//! generated docs and the doc-example tests all read it.

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::model::facts::Facts;
use crate::model::roster::Roster;
use crate::model::summary::Summary;
use crate::model::{Date, Record};
use crate::regulation::profile::Profile;

pub mod archive;
pub mod manual;
pub mod record;

// The rules the pipeline reports itself, about a file rather than its content.
use archive::*;
use record::*;
pub use record::{encoding, io, syntax, unrecognised_record, unused_allow};

/// What every rule sees.
pub struct Context<'a> {
    pub profile: &'a Profile,
    /// The archive's roster (`roster` in `bienban.toml`), if it has one.
    pub roster: Option<&'a Roster>,
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
    /// Several records (path, text) checked as one archive.
    Archive(&'static [(&'static str, &'static str)]),
    /// A record checked in an archive whose roster (`thanh-vien.toml`) is `roster`.
    WithRoster {
        roster: &'static str,
        record: &'static str,
    },
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

/// What the archive rules see besides the files.
pub struct ArchiveContext<'a> {
    pub profile: &'a Profile,
    pub lang: Lang,
    /// The configured period, if any (`meeting-frequency`).
    pub period: Option<(Date, Date)>,
    /// The first day of each numbering term, in order (`duplicate-id`):
    /// party document numbers restart in each term.
    pub terms: Vec<Date>,
}

/// One file of the archive as the archive rules see it.
pub struct ArchiveFile<'a> {
    pub path: &'a str,
    /// `None` for a file that could not be read as a record.
    pub summary: Option<&'a Summary>,
}

/// A rule over the whole archive: it reads the files' summaries and
/// reports `(file index, finding)` pairs, positioned with `Finding::at`.
pub trait ArchiveRule: Sync {
    fn doc(&self) -> &'static RuleDoc;
    fn check(&self, files: &[ArchiveFile<'_>], cx: &ArchiveContext<'_>, out: &mut Vec<(usize, Finding)>);
}

/// The rules that need the whole archive.
pub static ARCHIVE: &[&dyn ArchiveRule] = &[
    &report_back::ReportBack,
    &unknown_reference::UnknownReference,
    &duplicate_id::DuplicateId,
    &meeting_frequency::MeetingFrequency,
    &between_sessions_report::BetweenSessionsReport,
];

/// Every rule's documentation: the single-record rules, then the archive rules.
pub fn docs() -> impl Iterator<Item = &'static RuleDoc> {
    ALL.iter().map(|r| r.doc()).chain(ARCHIVE.iter().map(|r| r.doc()))
}

pub fn doc(name: &str) -> Option<&'static RuleDoc> {
    docs().find(|d| d.name == name)
}

/// Every single-record rule, in the order of FORMAT.md's table.
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
    &unrecognised_record::UnrecognisedRecord,
    &unstructured_decision::UnstructuredDecision,
    &unknown_section::UnknownSection,
    &record_content::RecordContent,
    &roster::RosterRule,
];

/// Runs every rule on one record.
pub fn check_record(rec: &Record, facts: &Facts<'_>, cx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in ALL {
        rule.check(rec, facts, cx, &mut out);
    }
    out
}

/// A finding of `doc`'s rule with its default severity.
pub(crate) fn finding(doc: &RuleDoc, span: crate::common::span::Span, message: String) -> Finding {
    Finding::new(doc.name, doc.severity, span, message)
}

/// `Điều 11.1: “…”` — the article and its words, for help lines.
pub(crate) fn cite(lang: Lang, article: &str, quote: &str) -> String {
    match lang {
        Lang::Vi => format!("{article} quy định: “{quote}”"),
        Lang::En => format!("{article} (Vietnamese): “{quote}”"),
    }
}

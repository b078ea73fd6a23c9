//! The model: a record as typed values, each carrying its span. Rules read
//! this (and the facts derived from it), never the parse tree.

use serde::Serialize;

use crate::common::span::{Span, Spanned};

/// A field value as written: parsed, or kept raw with the reason it could
/// not be read (reported by the `invalid-value` rule).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Value<T> {
    Ok { value: T, span: Span },
    Invalid { raw: String, span: Span, problem: Problem },
}

impl<T> Value<T> {
    pub fn ok(&self) -> Option<&T> {
        match self {
            Value::Ok { value, .. } => Some(value),
            Value::Invalid { .. } => None,
        }
    }
    pub fn span(&self) -> Span {
        match self {
            Value::Ok { span, .. } | Value::Invalid { span, .. } => *span,
        }
    }
}

/// Why a value could not be read. Rendered in the clerk's language by the
/// `invalid-value` rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    UnknownBody {
        suggestion: Option<String>,
    },
    UnknownForm,
    NoDate,
    ImpossibleDate {
        day: u32,
        month: u32,
        year: i32,
    },
    NotACount,
    BadVotes {
        part: String,
    },
    /// A form that this body cannot use (e.g. `hội ý` for the BCH).
    FormNotForBody {
        form: Form,
        body: String,
    },
    /// `Cơ quan` names a body the title does not (format 1.1).
    BodyNotInTitle {
        title: String,
    },
    /// `Hình thức` says another form than the title.
    FormNotInTitle {
        title: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    /// `# Biên bản …`
    Minutes,
    /// `# Phiếu lấy ý kiến …` / `# Kết quả lấy ý kiến …`
    Consultation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    Regular,
    Extraordinary,
    Expanded,
    /// `hội ý`: a consultation of the standing members (TT).
    Consultation,
    /// `bằng văn bản`: a written consultation.
    Written,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

/// A count such as `7`, or `7/9` (7 of 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Count {
    pub n: u32,
    pub of: Option<u32>,
}

/// A person line: `Hoàng Văn Đức (Bí thư)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    /// The name folded for comparison.
    #[serde(skip)]
    pub key: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Absence {
    pub person: Person,
    /// The reason as written, if any (`không lý do` counts as none).
    pub reason: Option<String>,
}

/// `Biểu quyết`: parts are optional; `nhất trí` is `unanimous`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Votes {
    pub favour: Option<u32>,
    pub against: Option<u32>,
    pub abstain: Option<u32>,
    /// `7/9 tán thành`: 9 voted.
    pub of: Option<u32>,
    pub unanimous: bool,
}

impl Votes {
    /// Votes cast, when the record states them.
    pub fn cast(&self) -> Option<u32> {
        if let Some(of) = self.of {
            return Some(of);
        }
        if self.favour.is_none() && self.against.is_none() && self.abstain.is_none() {
            return None;
        }
        Some(self.favour.unwrap_or(0) + self.against.unwrap_or(0) + self.abstain.unwrap_or(0))
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Attendance {
    /// The `## Thành phần` heading, when present.
    pub section: Option<Span>,
    pub members: Option<Value<u32>>,
    pub present_count: Option<Value<Count>>,
    /// The `Có mặt` line (label target even when only a list follows).
    pub present_line: Option<Span>,
    pub present: Vec<Person>,
    pub absent_line: Option<Span>,
    /// `Vắng mặt: 01 đồng chí (…)`, `Vắng mặt: không` (0): the count written.
    pub absent_count: Option<Value<u32>>,
    pub absent: Vec<Absence>,
    pub guests: Vec<Person>,
    pub ballots_sent: Option<Value<u32>>,
    pub ballots_returned: Option<Value<u32>>,
}

/// What an agenda item does with its matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Act {
    /// `Quyết định`: binding; competence, votes and majority are checked.
    Decision,
    /// `Đề nghị`: a proposal upwards.
    Proposal,
    /// `Cho ý kiến`: an opinion.
    Opinion,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub heading: Spanned<String>,
    /// From the heading to the line before the next item or section.
    pub span: Span,
    pub number: Option<Spanned<String>>,
    pub matter: Option<Spanned<String>>,
    pub act: Option<Spanned<Act>>,
    /// The text of the decision, proposal or opinion.
    pub act_text: String,
    pub conclusion: Option<Spanned<String>>,
    pub votes: Option<Value<Votes>>,
    pub urgent: Option<Spanned<String>>,
    pub delegation: Option<Spanned<String>>,
    pub consent: Option<Spanned<String>>,
    pub reports_back: Vec<Spanned<String>>,
    pub reserved: Vec<Spanned<String>>,
    /// A decision written in words (`Hội nghị thống nhất kết nạp …`) or a
    /// vote count in the item's prose: what `unstructured-decision` reports
    /// when the item has no `Quyết định` field.
    pub prose_decision: Option<Span>,
    /// A chi bộ-style numbered paragraph: its "heading" is its own first
    /// line of prose, which may hold the decision.
    pub paragraph: bool,
}

impl Item {
    /// An item with its heading and nothing read yet.
    pub fn new(heading: Spanned<String>, span: Span) -> Item {
        Item {
            heading,
            span,
            number: None,
            matter: None,
            act: None,
            act_text: String::new(),
            conclusion: None,
            votes: None,
            urgent: None,
            delegation: None,
            consent: None,
            reports_back: Vec::new(),
            reserved: Vec::new(),
            prose_decision: None,
            paragraph: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Suppression {
    pub rules: Vec<Spanned<String>>,
    pub reason: String,
    pub span: Span,
    /// `None`: the whole file; `Some(i)`: agenda item `i`.
    pub item: Option<usize>,
}

/// A syntax problem found while lowering (the grammar itself is total for
/// everything but comments).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SyntaxProblem {
    /// `Cơ quan Ban Thường vụ`: a known field name with no colon after it.
    MissingColon { key: String, span: Span },
    /// A `###` item before `## Nội dung`.
    ItemOutsideAgenda { span: Span },
}

#[derive(Debug, Clone, Serialize)]
pub struct UnknownSection {
    pub heading: Spanned<String>,
    pub first_field: Span,
    pub fields: usize,
}

/// The parts of minutes that Hướng dẫn 16-HD/VPTW requires and that no
/// other rule checks.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Content {
    /// A time of day in `Thời gian`.
    pub start_time: bool,
    /// `Hội nghị kết thúc vào hồi / lúc …`.
    pub closing_line: bool,
    /// A caption `NGƯỜI GHI BIÊN BẢN` / `THƯ KÝ`.
    pub recorder_caption: bool,
    /// A name under the recorder's caption.
    pub recorder_signed: bool,
    /// A caption `CHỦ TRÌ` / `CHỦ TỌA` / `T/M …`.
    pub chair_caption: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub kind: RecordKind,
    pub title: Spanned<String>,
    pub number: Option<Spanned<String>>,
    pub body: Option<Value<String>>,
    pub form: Option<Value<Form>>,
    pub date: Option<Value<Date>>,
    pub place: Option<Spanned<String>>,
    pub chair: Option<Person>,
    pub secretary: Option<Person>,
    pub attendance: Attendance,
    /// The `## Nội dung` heading, when present.
    pub agenda: Option<Span>,
    pub items: Vec<Item>,
    pub suppressions: Vec<Suppression>,
    pub syntax: Vec<SyntaxProblem>,
    /// Lines that look like fields but whose key is no field name
    /// (`Có mặc: 7`, `Có mặt：7` with a full-width colon): kept so that a
    /// `missing-field` finding can point at the likely misspelling.
    #[serde(skip)]
    pub unknown_fields: Vec<Spanned<String>>,
    /// `Quyết định:` (and the other acts) where the format does not read
    /// them: before the agenda, in an unknown section.
    pub stray_acts: Vec<Span>,
    /// `##` sections none of the format's that hold field lines: the
    /// heading, the first such field, and how many there are.
    pub unknown_sections: Vec<UnknownSection>,
    /// What Hướng dẫn 16-HD/VPTW asks of minutes (`record-content`).
    pub content: Content,
    /// Field names seen without a colon: they are reported as `syntax`, so
    /// `missing-field` stays silent about them (one root cause, one finding).
    #[serde(skip)]
    pub attempted_keys: Vec<Key>,
}

impl Record {
    /// A written consultation: by its title or by `Hình thức: bằng văn bản`.
    pub fn is_written(&self) -> bool {
        self.kind == RecordKind::Consultation || matches!(self.form, Some(Value::Ok { value: Form::Written, .. }))
    }

    /// Which agenda item a span lies in.
    pub fn item_at(&self, span: Span) -> Option<usize> {
        self.items.iter().position(|i| i.span.contains(span))
    }
}

/// Every field name the format knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Number,
    Body,
    Form,
    Date,
    Place,
    Chair,
    Secretary,
    Members,
    Present,
    Absent,
    Guests,
    BallotsSent,
    BallotsReturned,
    Matter,
    Decision,
    Proposal,
    Opinion,
    Conclusion,
    Votes,
    Urgent,
    Delegation,
    Consent,
    ReportsBack,
    Reserved,
    /// `Nội dung:` — with a value, the agenda's summary (free text); with
    /// none, the start of a chi bộ-style agenda of numbered paragraphs.
    Content,
    /// `Tài liệu sử dụng:` — free text.
    Documents,
    /// `Thành phần: có mặt 03/03 đồng chí, vắng mặt: không` — inline attendance.
    Composition,
}

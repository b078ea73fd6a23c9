//! The archive index: each record contributes a small summary (body, kind,
//! date, the numbers it defines and refers to, what it must have reported
//! back) that the cross-record rules query. Summaries, not records: memory
//! grows slowly with the archive.

use crate::common::memo::{remembered, Memo};
pub use crate::common::span::Pos;
use crate::common::span::{LineIndex, Span};
use crate::common::text::fold;
use crate::model::facts::Facts;
use crate::model::values::number_key;
use crate::model::{Date, Form, Record, Value};
use crate::regulation::profile::Profile;

/// A `Số` a record defines: its own, or one of its decisions'.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Number {
    /// Folded, without spaces: `15-qd/du`.
    pub key: String,
    /// As written.
    pub text: String,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RefKind {
    /// `Báo cáo lại`
    ReportBack,
    /// `Ủy quyền`
    Delegation,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Reference {
    pub number: Number,
    pub kind: RefKind,
    /// For `Ủy quyền`: what was decided under the delegation, as shown to
    /// users (the item's `Số`, else its heading), for the report's trails.
    pub decision: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DueKind {
    /// An urgent decision of the standing members (Điều 3.3).
    Urgent,
    /// A written consultation (Điều 11.1).
    Written,
}

/// Something that must be reported at the competent body's next meeting.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Due {
    pub kind: DueKind,
    /// Numbers any of which, listed in `Báo cáo lại`, discharges it.
    pub keys: Vec<String>,
    /// The number shown to users.
    pub text: String,
    pub pos: Pos,
    /// Code of the body it must be reported to.
    pub body: String,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub body: Option<String>,
    pub written: bool,
    /// A regular (`thường lệ`) meeting.
    pub regular: bool,
    pub date: Option<Date>,
    /// The form in force (as written, or the body's default), if readable.
    pub form: Option<Form>,
    /// Members of the body and members present, when readable and
    /// consistent (as the quorum rule sees them): the report's attendance.
    pub members: Option<u32>,
    pub present: Option<u32>,
    /// Where findings about the record as a whole point: its date, or its title.
    pub anchor: Pos,
    pub title: Pos,
    pub defines: Vec<Number>,
    pub refers: Vec<Reference>,
    pub due: Vec<Due>,
    /// It has an item reporting what the BTV did between two BCH meetings.
    pub between_sessions: bool,
}

/// Whether an item's heading says it reports on the time between two
/// sessions (`giữa hai kỳ họp`).
fn between_in(heading: &str) -> bool {
    // Agenda items recur from meeting to meeting: each heading is folded once.
    thread_local! { static SEEN: Memo<bool> = Memo::default(); }
    remembered(&SEEN, heading, |h| fold(h).contains("giua hai ky"))
}

impl Summary {
    pub fn of(rec: &Record, facts: &Facts<'_>, profile: &Profile, lines: &LineIndex<'_>) -> Summary {
        let pos = |s: Span| lines.pos(s);
        let number = |t: &str, s: Span| Number { key: number_key(t), text: t.to_string(), pos: pos(s) };
        let body = facts.body.map(|b| b.code.clone());
        let date = rec.date.as_ref().and_then(Value::ok).copied();
        let anchor = pos(rec.date.as_ref().map_or(rec.title.span, Value::span));

        let mut defines = Vec::new();
        if let Some(n) = &rec.number {
            defines.push(number(&n.value, n.span));
        }
        let mut refers = Vec::new();
        let mut due = Vec::new();
        let mut between_sessions = false;
        let urgent_body = body.as_deref() == Some(profile.urgent.body.as_str());
        // Urgent matters go to the body that owns them; if the matter is
        // unknown, to the lowest body above the urgent one.
        let above_urgent = facts
            .body
            .and_then(|tt| profile.bodies.iter().filter(|b| b.rank > tt.rank && !b.external).min_by_key(|b| b.rank))
            .map(|b| b.code.clone());
        for (it, f) in rec.items.iter().zip(&facts.items) {
            if let Some(n) = &it.number {
                defines.push(number(&n.value, n.span));
            }
            for r in &it.reports_back {
                refers.push(Reference { number: number(&r.value, r.span), kind: RefKind::ReportBack, decision: None });
            }
            if let Some(d) = &it.delegation {
                let decision = Some(it.number.as_ref().map_or_else(|| it.heading.value.clone(), |n| n.value.clone()));
                refers.push(Reference { number: number(&d.value, d.span), kind: RefKind::Delegation, decision });
            }
            if f.matter.is_some_and(|m| m.slug == profile.between_sessions.matter) || between_in(&it.heading.value) {
                between_sessions = true;
            }
            if urgent_body && f.decision && it.urgent.is_some() && it.delegation.is_none() {
                let owner = f
                    .matter
                    .and_then(|m| profile.body(&m.body))
                    .filter(|b| !b.external && Some(b.code.as_str()) != body.as_deref());
                let target = owner.map(|b| b.code.clone()).or_else(|| above_urgent.clone());
                if let (Some(n), Some(target)) = (&it.number, target) {
                    due.push(Due {
                        kind: DueKind::Urgent,
                        keys: vec![number_key(&n.value)],
                        text: n.value.clone(),
                        pos: pos(n.span),
                        body: target,
                    });
                }
            }
        }
        if facts.written {
            if let (Some(b), Some(n)) = (&body, &rec.number) {
                // The consultation is reported by its own number or any of its decisions'.
                let keys = defines.iter().map(|d| d.key.clone()).collect();
                due.push(Due {
                    kind: DueKind::Written,
                    keys,
                    text: n.value.clone(),
                    pos: pos(n.span),
                    body: b.clone(),
                });
            }
        }
        // Held for every record of the archive until its pass ends: no slack.
        defines.shrink_to_fit();
        refers.shrink_to_fit();
        due.shrink_to_fit();
        Summary {
            body,
            written: facts.written,
            regular: !facts.written && facts.form == Some(Form::Regular),
            date,
            form: facts.form,
            members: facts.members,
            present: facts.present,
            anchor,
            title: pos(rec.title.span),
            defines,
            refers,
            due,
            between_sessions,
        }
    }

    /// Keys listed in `Báo cáo lại`.
    pub fn reports(&self, key: &str) -> bool {
        self.refers.iter().any(|r| r.kind == RefKind::ReportBack && r.number.key == key)
    }

    /// A meeting (not a written consultation) of `body`.
    pub fn is_meeting_of(&self, body: &str) -> bool {
        !self.written && self.body.as_deref() == Some(body)
    }
}

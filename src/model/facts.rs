//! Facts computed once per record and shared by every rule (like selene's
//! scope manager): the resolved body and matters, and the attendance
//! numbers that are trustworthy enough to reason with.

use crate::model::roster::{Listing, Member, Roster};
use crate::model::{Act, Form, Record, Value};
use crate::regulation::profile::{Body, Matter, Profile};

pub struct Facts<'p> {
    pub body: Option<&'p Body>,
    /// The form in force: as written, or the default for the body.
    pub form: Option<Form>,
    pub written: bool,
    /// Members of the body, when stated and readable; with a roster and no
    /// total written, the roster's count.
    pub members: Option<u32>,
    /// `members` is the roster's count (the record states no total).
    pub members_from_roster: bool,
    /// The roster's members of the body on the record's date, when the
    /// archive has a roster that covers them.
    pub on_roster: Option<Vec<&'p Member>>,
    /// With `on_roster`: the names listed present and absent, matched to those members.
    pub listing: Option<Listing<'p>>,
    /// Members present, when count and list agree (or only one is given)
    /// and are readable; `None` stops quorum, votes and majority from
    /// reasoning on a number the `attendance` rule already disputes.
    pub present: Option<u32>,
    /// For written consultations: ballots returned.
    pub ballots: Option<u32>,
    pub items: Vec<ItemFacts<'p>>,
}

pub struct ItemFacts<'p> {
    pub matter: Option<&'p Matter>,
    /// Votes in favour, with `nhất trí` resolved against those present.
    pub favour: Option<u32>,
    pub decision: bool,
}

impl<'p> Facts<'p> {
    pub fn of(rec: &Record, profile: &'p Profile, roster: Option<&'p Roster>) -> Facts<'p> {
        let body = rec.body.as_ref().and_then(Value::ok).and_then(|c| profile.body(c));
        let written = rec.is_written();
        let form = match &rec.form {
            Some(Value::Ok { value, .. }) => Some(*value),
            Some(Value::Invalid { .. }) => None,
            None if written => Some(Form::Written),
            None => Some(if body.is_some_and(|b| !b.quorum) { Form::Consultation } else { Form::Regular }),
        };
        let a = &rec.attendance;
        // `Tổng số thành viên`, or the `/N` of `Có mặt: n/N` (format 1.1).
        let of = a.present_count.as_ref().and_then(Value::ok).and_then(|c| c.of);
        let members = a.members.as_ref().and_then(Value::ok).copied().or(if a.members.is_none() { of } else { None });
        let date = rec.date.as_ref().and_then(Value::ok);
        let on_roster = roster.zip(body).zip(date).and_then(|((r, b), d)| r.on(&b.code, *d));
        // No total written at all (an unreadable one is `invalid-value`'s):
        // the roster's count is the total.
        let members_from_roster = a.members.is_none() && of.is_none() && on_roster.is_some();
        let members = if members_from_roster { on_roster.as_ref().map(|d| d.len() as u32) } else { members };
        let listing = roster.zip(on_roster.as_ref()).map(|(r, day)| {
            let people: Vec<&crate::model::Person> =
                a.present.iter().chain(a.absent.iter().map(|x| &x.person)).collect();
            Listing::of(r, day, &people)
        });
        let count = a.present_count.as_ref().map(|c| c.ok().map(|c| c.n));
        let listed = (!a.present.is_empty()).then_some(a.present.len() as u32);
        let present = match (count, listed) {
            (Some(Some(c)), Some(l)) if c == l => Some(c),
            (Some(Some(c)), None) => Some(c),
            (None, Some(l)) => Some(l),
            _ => None,
        };
        // `7/9` that contradicts `Tổng số thành viên` makes the count doubtful.
        let present = present.filter(|_| {
            let of = a.present_count.as_ref().and_then(Value::ok).and_then(|c| c.of);
            of.is_none() || members.is_none() || of == members
        });
        let ballots = a.ballots_returned.as_ref().and_then(Value::ok).copied();
        let voters = if written { ballots } else { present };
        let items = rec
            .items
            .iter()
            .map(|it| {
                let matter = it.matter.as_ref().and_then(|m| profile.matter_named(&m.value));
                let favour =
                    it.votes.as_ref().and_then(Value::ok).and_then(|v| if v.unanimous { voters } else { v.favour });
                let decision = it.act.as_ref().is_some_and(|a| a.value == Act::Decision);
                ItemFacts { matter, favour, decision }
            })
            .collect();
        Facts { body, form, written, members, members_from_roster, on_roster, listing, present, ballots, items }
    }

    /// A meeting of a body that needs a quorum (BCH, BTV), not a written
    /// consultation.
    pub fn quorum_meeting(&self) -> bool {
        !self.written && self.body.is_some_and(|b| b.quorum) && self.form != Some(Form::Written)
    }

    /// Members absent: those named, else the count written (`Vắng mặt: 02 đồng chí`).
    pub fn absent(&self, rec: &Record) -> u32 {
        let a = &rec.attendance;
        match a.absent_count.as_ref().and_then(Value::ok) {
            Some(&n) if a.absent.is_empty() => n,
            _ => a.absent.len() as u32,
        }
    }

    /// Those who could vote: present members, or ballots returned.
    pub fn voters(&self) -> Option<u32> {
        if self.written {
            self.ballots
        } else {
            self.present
        }
    }
}

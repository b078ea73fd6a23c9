//! `roster`: the record against who the members of its body were on its
//! date (format 1.1, "Membership"): the total written, the names listed,
//! the members missing from the lists, the chair's role. Silent without a
//! roster, for a body the roster does not list, and on a date it does not
//! cover.

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::model::facts::Facts;
use crate::model::roster::{find, Match, Member};
use crate::model::{Date, Person, Record, Value};
use crate::regulation::profile::Body;
use crate::rules::record::chair::{role_of, Role};
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct RosterRule;

/// The documented examples' roster: the BTV on 15/03/2021 is Đức, An,
/// Hoa, Cường and Nam (Bình withdrew on 28/02, Nam was added on 01/03).
const EXAMPLE_ROSTER: &str = "[[member]]\nname = \"Hoàng Văn Đức\"\nbody = \"BTV\"\nrole = \"Bí thư\"\nfrom = 2020-10-20\n\n[[member]]\nname = \"Nguyễn Văn An\"\nbody = \"BTV\"\nrole = \"Phó Bí thư Thường trực\"\nfrom = 2020-10-20\n\n[[member]]\nname = \"Lý Thị Hoa\"\nbody = \"BTV\"\nrole = \"Phó Bí thư\"\nfrom = 2020-10-20\n\n[[member]]\nname = \"Trần Văn Bình\"\nbody = \"BTV\"\nfrom = 2020-10-20\nto = 2021-02-28\n\n[[member]]\nname = \"Nông Văn Cường\"\nbody = \"BTV\"\nfrom = 2020-10-20\n\n[[member]]\nname = \"Hà Văn Nam\"\nbody = \"BTV\"\nfrom = 2021-03-01\n";

pub static DOC: RuleDoc = RuleDoc {
    name: "roster",
    severity: Severity::Error,
    article: Some("Điều 11.1"),
    summary: [
        "Biên bản không khớp với danh sách thành viên (`roster` trong bienban.toml) vào ngày họp: tổng số thành viên khác; người được ghi có mặt/vắng mặt không phải thành viên (gợi ý tên gần đúng; “khách mời?”); thành viên không được ghi có mặt hay vắng mặt; chức vụ người chủ trì trái với danh sách.",
        "The record disagrees with the roster (`roster` in bienban.toml) on its date: a different total; a name listed present or absent who was not a member (with the likely member, or “a guest?”); a member listed neither present nor absent; a chair's role the roster contradicts.",
    ],
    why: [
        "Điều 11.1: “Hội nghị Đảng ủy, Ban Thường vụ Đảng ủy phải có ít nhất 2/3 số thành viên tham dự.” Điều lệ Đảng, Điều 9.5: nghị quyết “chỉ có giá trị thi hành khi có hơn một nửa số thành viên trong cơ quan đó tán thành”. Cả hai đều tính trên số thành viên của cơ quan vào ngày họp — những người được bầu, bổ sung mà chưa rút khỏi — chứ không phải con số biên bản tự ghi: một Ban Thường vụ 11 người ghi thành 9 thì 7 người có mặt từ “không đủ” thành “đủ”. Danh sách thành viên ghi mỗi người, mỗi cơ quan một mục, `from` và `to` tính cả hai ngày; tên so sánh không phân biệt dấu, hoa thường, NFC/NFD, bỏ `Đ/c`, `đồng chí` và chức vụ sau dấu phẩy.",
        "Điều 11.1: “Hội nghị Đảng ủy, Ban Thường vụ Đảng ủy phải có ít nhất 2/3 số thành viên tham dự” (BCH and BTV meetings need at least 2/3 of the members present); the Party Charter, Điều 9.5: a resolution “chỉ có giá trị thi hành khi có hơn một nửa số thành viên trong cơ quan đó tán thành” (is valid only when more than half of the body's members agree). Both count the body's members on the meeting's day — those elected or added (bổ sung) and not withdrawn (rút khỏi) — not the number the record writes: a BTV of 11 written down as 9 turns 7 present from “no quorum” into “quorum”. The roster has one entry per person and body, `from` and `to` both inclusive; names compare without diacritics, case, NFC/NFD, `Đ/c`, `đồng chí` or a role after a comma.",
    ],
    fires: Example::WithRoster {
        roster: EXAMPLE_ROSTER,
        record: "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 5\n\nCó mặt:\n- Hoàng Văn Đức (Bí thư)\n- Nguyễn Văn An (Phó Bí thư Thường trực)\n- Lý Thị Hoa (Phó Bí thư)\n- Nông Văn Cường\n- Trần Văn Bình\n",
    },
    passes: Example::WithRoster {
        roster: EXAMPLE_ROSTER,
        record: "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 5\n\nCó mặt:\n- Hoàng Văn Đức (Bí thư)\n- Nguyễn Văn An (Phó Bí thư Thường trực)\n- Lý Thị Hoa (Phó Bí thư)\n- Nông Văn Cường\n\nVắng mặt:\n- Hà Văn Nam: có lý do, đi công tác\n",
    },
};

impl Rule for RosterRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let (Some(day), Some(body), Some(date), Some(roster)) =
            (&facts.on_roster, facts.body, rec.date.as_ref().and_then(Value::ok), cx.roster)
        else {
            return;
        };
        let on = Day { day, body, date: *date, source: &roster.source, lang: cx.lang };
        total(rec, &on, cx, out);
        names(rec, facts, &on, cx, out);
        missing(rec, facts, &on, cx, out);
        chair(rec, facts, &on, cx, out);
    }
}

/// What every finding of a record refers to: the body's members that day.
struct Day<'a, 'r> {
    day: &'a [&'r Member],
    body: &'a Body,
    date: Date,
    source: &'a str,
    lang: Lang,
}

impl Day<'_, '_> {
    fn body_name(&self) -> &str {
        self.lang.pick(&self.body.name, &self.body.name_en)
    }
}

/// `Tổng số thành viên`, or the `/N` of `Có mặt: n/N`, against the roster's count.
fn total(rec: &Record, on: &Day<'_, '_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    let a = &rec.attendance;
    let (written, span, present) = match (&a.members, &a.present_count) {
        (Some(Value::Ok { value, span }), _) => (*value, *span, None),
        (None, Some(Value::Ok { value, span })) => match value.of {
            Some(of) => (of, *span, Some(value.n)),
            None => return,
        },
        _ => return,
    };
    let n = on.day.len() as u32;
    if written == n {
        return;
    }
    let (l, q) = (cx.lang, &cx.profile.quorum);
    let fix = match present {
        Some(p) => format!("Có mặt: {p}/{n}"),
        None => format!("Tổng số thành viên: {n}"),
    };
    out.push(
        finding(
            &DOC,
            span,
            tr!(
                l,
                "biên bản ghi {} thành viên, nhưng theo danh sách thành viên, {} có {} thành viên vào ngày {}",
                "the record says {} members, but by the roster the {} had {} members on {}",
                written,
                on.body_name(),
                n,
                on.date
            ),
        )
        .label(tr!(l, "ghi {}", "{} written", written))
        .help(tr!(
            l,
            "nếu danh sách thành viên ({}) đúng, sửa thành `{}`; nếu danh sách sai (thiếu người được bổ sung, còn người đã rút khỏi), sửa danh sách. Số lượng tham dự và đa số tính trên số thành viên này. {}",
            "if the roster ({}) is right, write `{}`; if it is wrong (someone added is missing, someone withdrawn is still there), correct it. Quorum and majority are counted on this number. {}",
            on.source,
            fix,
            cite(l, &q.article, &q.quote)
        ))
        .article(&q.article),
    );
}

/// The names listed present or absent who were not members that day: a
/// typo of a member's name, someone the roster knows as a member at
/// another time or of another body, or someone it does not know.
fn names(rec: &Record, facts: &Facts<'_>, on: &Day<'_, '_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    let (Some(listing), Some(roster)) = (&facts.listing, cx.roster) else { return };
    let a = &rec.attendance;
    let l = cx.lang;
    let people = a.present.iter().chain(a.absent.iter().map(|x| &x.person));
    for (p, m) in people.zip(&listing.matches) {
        match m {
            _ if p.key.is_empty() => {}
            Match::Same(_) => {}
            Match::Near(m) => out.push(
                finding(
                    &DOC,
                    p.span,
                    tr!(
                        l,
                        "{} không có trong danh sách thành viên {} ngày {}; có phải đồng chí {}?",
                        "{} is not among the {}'s members on {}; did you mean {}?",
                        p.name,
                        on.body_name(),
                        on.date,
                        m.name
                    ),
                )
                .label(tr!(l, "có phải {}?", "did you mean {}?", m.name))
                .help(tr!(
                    l,
                    "viết họ tên như trong danh sách thành viên ({}): `{}`",
                    "write the name as the roster ({}) has it: `{}`",
                    on.source,
                    m.name
                )),
            ),
            Match::None => {
                let entries = roster.named(&p.key);
                if entries.is_empty() {
                    out.push(
                        finding(
                            &DOC,
                            p.span,
                            tr!(
                                l,
                                "{} không có trong danh sách thành viên ({}): khách mời?",
                                "{} is not in the roster ({}): a guest?",
                                p.name,
                                on.source
                            ),
                        )
                        .label(tr!(l, "không phải thành viên", "not a member"))
                        .help(tr!(
                            l,
                            "khách mời ghi trong `Khách mời:` và không được tính vào số có mặt; nếu đồng chí là thành viên {}, bổ sung vào danh sách thành viên",
                            "guests go under `Khách mời:` and are not counted as present; if this is a member of the {}, add them to the roster",
                            on.body_name()
                        )),
                    );
                    continue;
                }
                // A member of this body at another time, or of another body.
                let when: Vec<String> = entries.iter().take(3).map(|m| period(m, cx)).collect();
                out.push(
                    finding(
                        &DOC,
                        p.span,
                        tr!(
                            l,
                            "{} không phải thành viên {} vào ngày {}: theo danh sách thành viên, đồng chí là thành viên {}",
                            "{} was not a member of the {} on {}: by the roster, a member of the {}",
                            p.name,
                            on.body_name(),
                            on.date,
                            when.join("; ")
                        ),
                    )
                    .label(tr!(l, "không phải thành viên ngày {}", "not a member on {}", on.date))
                    .help(tr!(
                        l,
                        "nếu đồng chí dự với tư cách khách mời, ghi trong `Khách mời:`; nếu danh sách thành viên ({}) sai, sửa danh sách",
                        "if they attended as a guest, list them under `Khách mời:`; if the roster ({}) is wrong, correct it",
                        on.source
                    )),
                );
            }
        }
    }
}

/// `Ban Thường vụ từ 20/10/2020 đến 28/02/2021`.
fn period(m: &Member, cx: &Context<'_>) -> String {
    let l = cx.lang;
    let body = cx.profile.body(&m.body).map_or(m.body.as_str(), |b| l.pick(&b.name, &b.name_en));
    match m.to {
        Some(to) => tr!(l, "{} từ {} đến {}", "{} from {} to {}", body, m.from, to),
        None => tr!(l, "{} từ {}", "{} from {}", body, m.from),
    }
}

/// The members that day whom the lists do not name — only when the record
/// lists names (present by name, and absences by name or none) and its own
/// numbers agree: when its count and list disagree, or present and absent
/// do not make its total, `attendance` reports it and names them.
fn missing(rec: &Record, facts: &Facts<'_>, on: &Day<'_, '_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(listing) = &facts.listing else { return };
    let a = &rec.attendance;
    let absences_unnamed = a.absent.is_empty() && a.absent_count.as_ref().and_then(Value::ok).is_some_and(|&n| n > 0);
    // As `attendance` judges it: a sum that makes the roster's count is not
    // disputed (only the total written is wrong, which `total` reports).
    let disputed = match (facts.present, facts.members) {
        (None, _) => true,
        (Some(p), Some(m)) => {
            let sum = p + facts.absent(rec);
            !facts.written && sum != m && sum != on.day.len() as u32
        }
        (Some(_), None) => false,
    };
    if a.present.is_empty() || absences_unnamed || disputed {
        return;
    }
    let l = cx.lang;
    let at = a.present_line.or(a.section).unwrap_or(rec.title.span);
    for m in &listing.unlisted {
        let guest = a.guests.iter().find(|g| g.key == m.key);
        let message = match guest {
            Some(_) => tr!(
                l,
                "{}, thành viên {} vào ngày {}, được ghi là khách mời, không có mặt hay vắng mặt",
                "{}, a member of the {} on {}, is listed as a guest, neither present nor absent",
                m.name,
                on.body_name(),
                on.date
            ),
            None => tr!(
                l,
                "{}, thành viên {} vào ngày {}, không được ghi có mặt hay vắng mặt",
                "{}, a member of the {} on {}, is listed neither present nor absent",
                m.name,
                on.body_name(),
                on.date
            ),
        };
        let mut f = finding(&DOC, at, message)
            .label(tr!(l, "thiếu {}", "{} missing", m.name))
            .help(tr!(
                l,
                "ghi đồng chí {} trong `Có mặt` hoặc `Vắng mặt` (kèm lý do); nếu đồng chí đã thôi là thành viên trước ngày {}, sửa `to` trong danh sách thành viên ({})",
                "list {} under `Có mặt` or `Vắng mặt` (with the reason); if they had left the body before {}, correct `to` in the roster ({})",
                m.name,
                on.date,
                on.source
            ))
            .article(&cx.profile.quorum.article);
        if let Some(g) = guest {
            f = f.also(g.span, tr!(l, "khách mời", "guest"));
        }
        out.push(f);
    }
}

/// The member a person listed in the record is, on the record's date: of
/// the record's body, else of any body of the roster.
pub(crate) fn member_of<'r>(facts: &Facts<'r>, cx: &Context<'r>, date: Date, p: &Person) -> Option<&'r Member> {
    let day = facts.on_roster.as_deref().unwrap_or_default();
    match find(day, &p.key, &p.name, &[]) {
        Match::Same(m) | Match::Near(m) => Some(m),
        Match::None => cx.roster?.named(&p.key).into_iter().find(|m| m.on(date)),
    }
}

/// How the roster contradicts the chair's role as written.
pub(crate) enum Conflict<'r> {
    /// The roster gives the chair another role.
    Role(&'r Member),
    /// The chair is written as the Bí thư; the roster's Bí thư that day is another.
    Secretary(&'r Member),
}

/// The chair's role as written (on the `Chủ trì` line, or in the present
/// list), and how the roster contradicts it, if it does: roles compare as
/// the profile's chair roles (Bí thư, Phó Bí thư, another office).
pub(crate) fn chair_conflict<'r>(rec: &Record, facts: &Facts<'r>, cx: &Context<'r>) -> Option<(String, Conflict<'r>)> {
    let (chair, date, day) = (rec.chair.as_ref()?, *rec.date.as_ref()?.ok()?, facts.on_roster.as_deref()?);
    let c = &cx.profile.chair;
    let written = chair
        .role
        .as_deref()
        .or_else(|| rec.attendance.present.iter().find(|p| p.key == chair.key).and_then(|p| p.role.as_deref()))?;
    let member = member_of(facts, cx, date, chair);
    // The usual case: written as the roster has it.
    if member.is_some_and(|m| m.role.as_deref() == Some(written)) {
        return None;
    }
    let as_written = role_of(Some(written), c);
    if as_written == Role::Unknown {
        return None;
    }
    match (&as_written, member.map(|m| (m, role_of(m.role.as_deref(), c)))) {
        (_, Some((m, theirs))) if !matches!(theirs, Role::Unknown) => {
            let differ = !matches!((&as_written, &theirs), (Role::Other(_), Role::Other(_))) && as_written != theirs;
            differ.then(|| (written.to_string(), Conflict::Role(m)))
        }
        (Role::Secretary, _) => day
            .iter()
            .find(|m| matches!(role_of(m.role.as_deref(), c), Role::Secretary) && Some(**m) != member)
            .map(|s| (written.to_string(), Conflict::Secretary(s))),
        _ => None,
    }
}

/// A chair whose role the roster contradicts.
fn chair(rec: &Record, facts: &Facts<'_>, on: &Day<'_, '_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(chair) = &rec.chair else { return };
    let Some((written, conflict)) = chair_conflict(rec, facts, cx) else { return };
    let l = cx.lang;
    let c = &cx.profile.chair;
    let message = match conflict {
        Conflict::Role(m) => tr!(
            l,
            "người chủ trì {} được ghi là {}, nhưng theo danh sách thành viên, ngày {} đồng chí là {}",
            "the chair, {}, is written as {}, but by the roster, on {} they were {}",
            chair.name,
            written,
            on.date,
            m.role.as_deref().unwrap_or_default()
        ),
        Conflict::Secretary(s) => tr!(
            l,
            "người chủ trì {} được ghi là {}, nhưng theo danh sách thành viên, Bí thư ngày {} là đồng chí {}",
            "the chair, {}, is written as {}, but by the roster the Bí thư on {} was {}",
            chair.name,
            written,
            on.date,
            s.name
        ),
    };
    out.push(
        finding(&DOC, chair.span, message)
            .label(tr!(l, "người chủ trì", "the chair"))
            .help(tr!(
                l,
                "ghi đúng họ tên và chức vụ người chủ trì; nếu danh sách thành viên ({}) sai, sửa danh sách. {}",
                "write the chair's name and role as they were; if the roster ({}) is wrong, correct it. {}",
                on.source,
                cite(l, &c.article, &c.quote)
            ))
            .article(&c.article),
    );
}

//! `attendance`: the attendance section does not add up.

use std::collections::HashMap;

use crate::common::finding::{Finding, Severity};
use crate::common::span::Span;
use crate::model::facts::Facts;
use crate::model::roster::Match;
use crate::model::{Record, Value};
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct AttendanceRule;

pub static DOC: RuleDoc = RuleDoc {
    name: "attendance",
    severity: Severity::Error,
    article: Some("Điều 11.1"),
    summary: [
        "Thành phần không khớp: có mặt + vắng mặt ≠ tổng số thành viên; số ghi ≠ số người liệt kê; một người ghi hai lần, hoặc vừa có mặt vừa vắng mặt.",
        "Attendance does not add up: present + absent ≠ members; the stated count ≠ the names listed; a name twice, or both present and absent.",
    ],
    why: [
        "Điều 11.1: “Hội nghị Đảng ủy, Ban Thường vụ Đảng ủy phải có ít nhất 2/3 số thành viên tham dự.” Số lượng tham dự chỉ kiểm tra được khi phần Thành phần tự nhất quán; khách mời không được tính.",
        "Điều 11.1 requires at least 2/3 of members present; that can only be checked when the attendance section is consistent. Guests are never counted.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 6\n\nVắng mặt:\n- Trần Văn Bình: có lý do, đi công tác\n- Nông Văn Cường: có lý do, ốm\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 5\n\nVắng mặt:\n- Trần Văn Bình: có lý do, đi công tác\n- Nông Văn Cường: có lý do, ốm\n"),
};

impl Rule for AttendanceRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let l = cx.lang;
        let a = &rec.attendance;
        let cite = || cite(l, &cx.profile.quorum.article, &cx.profile.quorum.quote);
        let count = a.present_count.as_ref().and_then(|c| match c {
            Value::Ok { value, span } => Some((*value, *span)),
            Value::Invalid { .. } => None,
        });
        let listed = a.present.len();
        // Who the roster says the lists leave out, to name them in a help line.
        let unlisted = || {
            let names: Vec<&str> = facts.listing.iter().flat_map(|x| &x.unlisted).map(|m| m.name.as_str()).collect();
            let source = cx.roster.map_or("", |r| r.source.as_str());
            match names.is_empty() {
                true => String::new(),
                false => tr!(
                    l,
                    " Theo danh sách thành viên ({}), chưa được ghi: {}.",
                    " By the roster ({}), not listed: {}.",
                    source,
                    names.join(", ")
                ),
            }
        };
        let list_span = a.present.first().map(|f| Span::new(f.span.start, a.present.last().unwrap().span.end));

        // `Có mặt:` with neither a count nor names: nothing to count.
        if let (Some(line), None, true) = (a.present_line, &a.present_count, a.present.is_empty()) {
            out.push(
                finding(
                    &DOC,
                    line,
                    tr!(l, "`Có mặt` không ghi số người hay danh sách", "`Có mặt` gives neither a count nor names"),
                )
                .label(tr!(l, "trống", "empty"))
                .help(tr!(
                    l,
                    "ghi số người có mặt sau `Có mặt:` hoặc liệt kê từng người bên dưới, mỗi dòng `- Họ tên (chức vụ)`",
                    "write the number present after `Có mặt:` or list them below, one `- Name (role)` a line"
                ))
                .article(&cx.profile.quorum.article),
            );
        }
        // The stated count against the names listed.
        if let (Some((c, span)), Some(ls)) = (count, list_span) {
            if c.n as usize != listed {
                out.push(
                    finding(
                        &DOC,
                        span,
                        tr!(
                            l,
                            "ghi {} người có mặt nhưng danh sách có {} người",
                            "{} present stated but {} names listed",
                            c.n,
                            listed
                        ),
                    )
                    .label(tr!(l, "ghi {}", "{} stated", c.n))
                    .also(ls, tr!(l, "{} người được liệt kê", "{} names listed", listed))
                    .help(tr!(
                        l,
                        "sửa số có mặt hoặc danh sách cho khớp nhau.{}",
                        "make the count and the list agree.{}",
                        if c.n as usize > listed { unlisted() } else { String::new() }
                    ))
                    .article(&cx.profile.quorum.article),
                );
            }
        }
        // `7/9` against `Tổng số thành viên`.
        if let (Some((c, span)), Some(members)) =
            (count, a.members.as_ref().and_then(|m| m.ok().map(|v| (*v, m.span()))))
        {
            if let Some(of) = c.of.filter(|&of| of != members.0) {
                out.push(
                    finding(
                        &DOC,
                        span,
                        tr!(
                            l,
                            "`{}/{}` không khớp với tổng số {} thành viên",
                            "`{}/{}` does not match the {} members stated",
                            c.n,
                            of,
                            members.0
                        ),
                    )
                    .label(tr!(l, "trên {}", "of {}", of))
                    .also(members.1, tr!(l, "{} thành viên", "{} members", members.0))
                    .help(tr!(
                        l,
                        "sửa lại cho khớp: `Có mặt: {}/{}`",
                        "make them agree: `Có mặt: {}/{}`",
                        c.n,
                        members.0
                    ))
                    .article(&cx.profile.quorum.article),
                );
            }
        }
        // The absent count written against the absences listed.
        let absent_count = a.absent_count.as_ref().and_then(|c| c.ok().map(|n| (*n, c.span())));
        if let (Some((n, span)), false) = (absent_count, a.absent.is_empty()) {
            if n as usize != a.absent.len() {
                let first = a.absent[0].person.span;
                let last = a.absent[a.absent.len() - 1].person.span;
                out.push(
                    finding(
                        &DOC,
                        span,
                        tr!(
                            l,
                            "ghi {} người vắng mặt nhưng nêu tên {} người",
                            "{} absent stated but {} named",
                            n,
                            a.absent.len()
                        ),
                    )
                    .label(tr!(l, "ghi {}", "{} stated", n))
                    .also(
                        Span::new(first.start, last.end.max(first.start)),
                        tr!(l, "{} người được nêu tên", "{} named", a.absent.len()),
                    )
                    .help(tr!(l, "sửa số vắng mặt hoặc danh sách cho khớp nhau", "make the count and the names agree"))
                    .article(&cx.profile.quorum.article),
                );
            }
        }
        // Present + absent against members (meetings only).
        if let (Some(members), Some(present), false) = (facts.members, facts.present, facts.written) {
            let absent = facts.absent(rec);
            // The total written is what is wrong when present and absent
            // make the roster's count: that is the `roster` finding.
            let roster_count = facts.on_roster.as_ref().map(|d| d.len() as u32);
            if present + absent != members && roster_count != Some(present + absent) {
                let members_span = a
                    .members
                    .as_ref()
                    .map(Value::span)
                    .or(a.present_count.as_ref().map(Value::span))
                    .unwrap_or(rec.title.span);
                let message = match facts.members_from_roster {
                    false => tr!(
                        l,
                        "{} có mặt + {} vắng mặt = {}, nhưng tổng số thành viên là {}",
                        "{} present + {} absent = {}, but the body has {} members",
                        present,
                        absent,
                        present + absent,
                        members
                    ),
                    true => tr!(
                        l,
                        "{} có mặt + {} vắng mặt = {}, nhưng theo danh sách thành viên, cơ quan có {} thành viên",
                        "{} present + {} absent = {}, but by the roster the body has {} members",
                        present,
                        absent,
                        present + absent,
                        members
                    ),
                };
                let mut f = finding(&DOC, members_span, message)
                .label(tr!(l, "{} thành viên", "{} members", members))
                .help(if present + absent < members {
                    tr!(l, "ghi đủ những người vắng mặt trong `Vắng mặt:` (kèm lý do).{} {}", "list every absent member under `Vắng mặt:` (with the reason).{} {}", unlisted(), cite())
                } else {
                    tr!(l, "kiểm tra lại số có mặt, danh sách vắng mặt và tổng số thành viên; khách mời ghi trong `Khách mời:`. {}", "check the present count, the absent list and the members; guests go under `Khách mời:`. {}", cite())
                })
                .article(&cx.profile.quorum.article);
                if let Some(p) = a.present_line {
                    f = f.also(p, tr!(l, "{} có mặt", "{} present", present));
                }
                if let Some(ab) = a.absent_line {
                    f = f.also(ab, tr!(l, "{} vắng mặt", "{} absent", absent));
                }
                out.push(f);
            }
        }
        // Ballots returned against ballots sent.
        if let (Some(Value::Ok { value: sent, span: ss }), Some(Value::Ok { value: back, span: bs })) =
            (&a.ballots_sent, &a.ballots_returned)
        {
            if back > sent {
                out.push(
                    finding(
                        &DOC,
                        *bs,
                        tr!(
                            l,
                            "thu về {} phiếu nhưng chỉ phát ra {}",
                            "{} ballots returned but only {} sent",
                            back,
                            sent
                        ),
                    )
                    .label(tr!(l, "{} phiếu thu về", "{} returned", back))
                    .also(*ss, tr!(l, "{} phiếu phát ra", "{} sent", sent))
                    .help(tr!(
                        l,
                        "kiểm tra lại số phiếu phát ra và thu về",
                        "check the ballots sent and returned"
                    )),
                );
            }
        }
        // Names twice, or both present and absent. With a roster, two names
        // that fold alike are one person when they are one member (`Lê Văn
        // Hùng` and `Lê Văn Hưng` may be two).
        // name → (first place, present there, already reported): one finding per name.
        let mut seen: HashMap<(&str, &str), (Span, bool, bool)> = HashMap::new();
        let people = a.present.iter().map(|p| (p, true)).chain(a.absent.iter().map(|x| (&x.person, false)));
        let members = facts.listing.iter().flat_map(|x| x.matches.iter().map(Some)).chain(std::iter::repeat(None));
        for ((p, present), m) in people.zip(members) {
            if p.key.is_empty() {
                continue;
            }
            let who = match m {
                Some(Match::Same(m)) => (p.key.as_str(), m.name.as_str()),
                _ => (p.key.as_str(), ""),
            };
            if let Some((first, first_present, reported)) = seen.get_mut(&who) {
                if std::mem::replace(reported, true) {
                    continue;
                }
                let (first, first_present) = (*first, *first_present);
                let msg = if first_present != present {
                    tr!(l, "{} vừa có mặt vừa vắng mặt", "{} is both present and absent", p.name)
                } else {
                    tr!(l, "{} được ghi hai lần", "{} is listed twice", p.name)
                };
                out.push(
                    finding(&DOC, p.span, msg)
                        .label(tr!(l, "lần thứ hai", "second time"))
                        .also(first, tr!(l, "lần đầu", "first time"))
                        .help(tr!(
                            l,
                            "mỗi thành viên chỉ ghi một lần, ở `Có mặt` hoặc `Vắng mặt`",
                            "list each member once, under `Có mặt` or `Vắng mặt`"
                        )),
                );
            } else {
                seen.insert(who, (p.span, present, false));
            }
        }
    }
}

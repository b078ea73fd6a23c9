//! `quorum`: a BCH or BTV meeting with fewer than 2/3 of members present.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::{Record, Value};
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct QuorumRule;

pub static DOC: RuleDoc = RuleDoc {
    name: "quorum",
    severity: Severity::Error,
    article: Some("Điều 11.1"),
    summary: ["Hội nghị Ban Chấp hành hoặc Ban Thường vụ có ít hơn 2/3 số thành viên tham dự.", "A BCH or BTV meeting with fewer than 2/3 of its members present."],
    why: [
        "Điều 11.1: “Hội nghị Đảng ủy, Ban Thường vụ Đảng ủy phải có ít nhất 2/3 số thành viên tham dự.” Tính bằng số nguyên: 3 × có mặt ≥ 2 × tổng số (7 thành viên cần 5; 9 cần 6; 15 cần 10). Hội ý Thường trực và lấy ý kiến bằng văn bản không áp dụng. Tổng số là số biên bản ghi; biên bản không ghi thì lấy theo danh sách thành viên (`roster`), nếu lưu trữ có.",
        "Điều 11.1: meetings of the BCH and BTV need at least 2/3 of members present, in integers: 3 × present ≥ 2 × members (7 members need 5; 9 need 6; 15 need 10). TT consultations and written consultations are exempt. The members are the record's total; when it gives none, the roster's count (`roster`), if the archive has one.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 4\n\nVắng mặt:\n- Trần Văn Bình: có lý do, đi công tác\n- Nông Văn Cường: có lý do, ốm\n- Hà Văn Nam: có lý do, đi học\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 5\n\nVắng mặt:\n- Trần Văn Bình: có lý do, đi công tác\n- Nông Văn Cường: có lý do, ốm\n"),
};

impl Rule for QuorumRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !facts.quorum_meeting() {
            return;
        }
        let (Some(members), Some(present)) = (facts.members, facts.present) else {
            return;
        };
        let q = &cx.profile.quorum;
        let needed = q.needed(members);
        if present >= needed {
            return;
        }
        let l = cx.lang;
        let a = &rec.attendance;
        let at = a.present_count.as_ref().map(Value::span).or(a.present_line).unwrap_or(rec.title.span);
        let mut message = tr!(
            l,
            "không đủ số lượng: {} trên {} thành viên có mặt; cần ít nhất {} ({}/{})",
            "no quorum: {} of {} members present; at least {} ({}/{}) required",
            present,
            members,
            needed,
            q.numerator,
            q.denominator
        );
        if facts.members_from_roster {
            message.push_str(l.pick(" (tổng số theo danh sách thành viên)", " (members by the roster)"));
        }
        let mut f = finding(&DOC, at, message)
        .label(tr!(l, "{} có mặt", "{} present", present))
        .help(tr!(
            l,
            "hội nghị này không đủ điều kiện để quyết định; cần triệu tập lại khi có ít nhất {} thành viên, hoặc ghi lại số có mặt nếu đã ghi sai. {}",
            "the meeting could not decide; reconvene with at least {} members, or correct the count if it was written wrongly. {}",
            needed,
            cite(l, &q.article, &q.quote)
        ))
        .article(&q.article);
        if let Some(m) = &a.members {
            f = f.also(m.span(), tr!(l, "{} thành viên", "{} members", members));
        }
        out.push(f);
    }
}

//! `votes`: more votes than people who could vote.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::{Record, Value};
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct VotesRule;

pub static DOC: RuleDoc = RuleDoc {
    name: "votes",
    severity: Severity::Error,
    article: Some("Điều 4.6"),
    summary: ["Số phiếu biểu quyết nhiều hơn số người có mặt (hoặc số phiếu thu về).", "More votes cast than members present (or ballots returned)."],
    why: [
        "Điều 4.6: ủy viên “được quyền thảo luận, biểu quyết các quyết định của Ban Chấp hành Đảng bộ” — chỉ người có mặt (hoặc gửi phiếu) mới biểu quyết, nên tổng số phiếu không thể vượt số đó; nếu vượt, biên bản ghi sai.",
        "Điều 4.6: members vote on decisions; only those present (or who returned a ballot) can vote, so more votes than that means the record is wrong.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 03 quần chúng vào Đảng.\nBiểu quyết: 7 tán thành, 1 không tán thành\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 03 quần chúng vào Đảng.\nBiểu quyết: 6 tán thành, 1 không tán thành\n"),
};

impl Rule for VotesRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(voters) = facts.voters() else { return };
        let l = cx.lang;
        for it in &rec.items {
            let Some(Value::Ok { value: v, span }) = &it.votes else {
                continue;
            };
            let Some(cast) = v.cast() else { continue };
            if cast <= voters {
                continue;
            }
            let (who, who_en) = if facts.written {
                ("phiếu thu về", "ballots returned")
            } else {
                ("người có mặt", "members present")
            };
            out.push(
                finding(
                    &DOC,
                    *span,
                    tr!(
                        l,
                        "{} phiếu biểu quyết nhưng chỉ có {} {}",
                        "{} votes cast but only {} {}",
                        cast,
                        voters,
                        l.pick(who, who_en)
                    ),
                )
                .label(tr!(l, "{} phiếu", "{} votes", cast))
                .help(tr!(
                    l,
                    "sửa lại `Biểu quyết:` sao cho tán thành + không tán thành + không biểu quyết không vượt quá {} (số người có thể biểu quyết), hoặc sửa lại số có mặt nếu ghi sai",
                    "correct `Biểu quyết:` so that in favour + against + abstaining is at most {} (those who could vote), or correct the attendance if it is wrong",
                    voters
                ))
                .article("Điều 4.6"),
            );
        }
    }
}

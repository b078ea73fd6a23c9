//! `absence-reason`: an absent member with no reason recorded.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct AbsenceReason;

pub static DOC: RuleDoc = RuleDoc {
    name: "absence-reason",
    severity: Severity::Warning,
    article: Some("Điều 4.1"),
    summary: ["Thành viên vắng mặt không ghi lý do (hoặc ghi `không lý do`).", "An absent member with no reason recorded (or `không lý do`)."],
    why: [
        "Điều 4.1: ủy viên phải “tham dự đầy đủ các cuộc họp Ban Chấp hành Đảng bộ”. Vắng mặt cần có lý do được ghi vào biên bản; `có lý do …` hoặc bất kỳ lý do nào (`ốm`, `đi công tác`) đều được chấp nhận.",
        "Điều 4.1: members must attend every meeting. An absence needs its reason in the record; `có lý do …` or any reason (`ốm`, `đi công tác`) will do.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 6\n\nVắng mặt:\n- Trần Văn Bình\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 6\n\nVắng mặt:\n- Trần Văn Bình: có lý do, đi công tác\n"),
};

impl Rule for AbsenceReason {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, _: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let l = cx.lang;
        let a = &cx.profile.attendance;
        for x in rec.attendance.absent.iter().filter(|x| x.reason.is_none()) {
            out.push(
                finding(
                    &DOC,
                    x.person.span,
                    tr!(
                        l,
                        "đồng chí {} vắng mặt không có lý do được ghi",
                        "{} is absent with no reason recorded",
                        x.person.name
                    ),
                )
                .label(tr!(l, "không có lý do", "no reason"))
                .help(format!(
                    "{} {}",
                    tr!(
                        l,
                        "ghi lý do sau dấu hai chấm, ví dụ `- {}: có lý do, đi công tác`.",
                        "write the reason after a colon, e.g. `- {}: có lý do, đi công tác`.",
                        x.person.name
                    ),
                    cite(l, &a.article, &a.quote)
                ))
                .article(&a.article),
            );
        }
    }
}

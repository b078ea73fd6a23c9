//! `unused-allow`: a suppression that covered nothing, named no known rule,
//! or gave no reason. Reported by the suppression pass (`src/archive/suppress.rs`).

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::Pos;
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct UnusedAllow;

pub static DOC: RuleDoc = RuleDoc {
    name: "unused-allow",
    severity: Severity::Warning,
    article: None,
    summary: [
        "Chú thích `<!-- bienban: allow(…) lý do -->` không che phát hiện nào, ghi tên quy tắc không tồn tại, hoặc không ghi lý do.",
        "A `<!-- bienban: allow(…) reason -->` comment that covered no finding, names no known rule, or gives no reason.",
    ],
    why: [
        "Người kiểm tra cần biết vì sao một phát hiện bị bỏ qua; một chú thích bỏ qua thừa (không còn che gì) hoặc không có lý do làm hồ sơ khó tin cậy hơn.",
        "Inspectors need to know why a finding was set aside; a stale suppression, or one without a reason, makes the archive harder to trust.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\n<!-- bienban: allow(quorum) họp trực tuyến -->\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\n<!-- bienban: allow(absence-reason) đồng chí Bình đã báo cáo miệng -->\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 6\n\nVắng mặt:\n- Trần Văn Bình\n"),
};

impl Rule for UnusedAllow {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, _: &Record, _: &Facts<'_>, _: &Context<'_>, _: &mut Vec<Finding>) {}
}

pub fn unused(rule: &str, pos: Pos, l: Lang) -> Finding {
    finding(
        &DOC,
        pos.span,
        tr!(l, "chú thích bỏ qua `{}` không che phát hiện nào", "the suppression of `{}` covers no finding", rule),
    )
    .at(pos)
    .label(tr!(l, "không dùng đến", "unused"))
    .help(tr!(
        l,
        "xóa `{}` khỏi chú thích (vi phạm đã được sửa, hoặc chú thích đặt sai mục)",
        "remove `{}` from the comment (the finding is gone, or the comment is in the wrong item)",
        rule
    ))
}

pub fn unknown_rule(rule: &str, suggestion: Option<&str>, pos: Pos, l: Lang) -> Finding {
    let help = match suggestion {
        Some(s) => tr!(
            l,
            "có phải là `{}`? Xem danh sách quy tắc bằng `bienban rules`",
            "did you mean `{}`? See the rules with `bienban rules`",
            s
        ),
        None => tr!(l, "xem danh sách quy tắc bằng `bienban rules`", "see the rules with `bienban rules`"),
    };
    finding(&DOC, pos.span, tr!(l, "không có quy tắc nào tên `{}`", "there is no rule named `{}`", rule))
        .at(pos)
        .label(tr!(l, "tên quy tắc", "rule name"))
        .help(help)
}

pub fn no_reason(pos: Pos, l: Lang) -> Finding {
    finding(&DOC, pos.span, tr!(l, "chú thích bỏ qua không ghi lý do", "the suppression gives no reason"))
        .at(pos)
        .label(tr!(l, "thiếu lý do", "no reason"))
        .help(tr!(l, "ghi lý do sau dấu ngoặc, ví dụ `<!-- bienban: allow(quorum) họp trực tuyến, đã báo cáo Tỉnh ủy -->`", "write the reason after the parenthesis, e.g. `<!-- bienban: allow(quorum) online meeting, reported upwards -->`"))
}

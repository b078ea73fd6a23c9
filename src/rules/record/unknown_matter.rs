//! `unknown-matter`: a decision whose matter is not given or not in the profile.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::regulation::matter_guess::guess;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct UnknownMatter;

pub static DOC: RuleDoc = RuleDoc {
    name: "unknown-matter",
    severity: Severity::Warning,
    article: Some("Điều 1, 2, 3"),
    summary: [
        "Một `Quyết định` không ghi `Loại việc`, hoặc ghi loại việc không có trong quy chế; bienban gợi ý loại việc có lẽ đúng từ nội dung mục.",
        "A `Quyết định` with no `Loại việc`, or one the profile does not know; bienban suggests the likely matter from the item's words.",
    ],
    why: [
        "Điều 1, 2 và 3 chia thẩm quyền theo từng loại việc giữa Ban Chấp hành, Ban Thường vụ và Thường trực. Không biết loại việc thì không kiểm tra được thẩm quyền, việc cấp bách hay văn bản đồng ý của cấp trên.",
        "Điều 1, 2 and 3 give each matter to the BCH, the BTV or the TT. Without the matter, competence, the urgent carve-outs and higher consent cannot be checked.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nQuyết định: Kết nạp 03 quần chúng vào Đảng.\nBiểu quyết: nhất trí\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nLoại việc: ket-nap-dang-vien\nQuyết định: Kết nạp 03 quần chúng vào Đảng.\nBiểu quyết: nhất trí\n"),
};

impl Rule for UnknownMatter {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let l = cx.lang;
        for (it, f) in rec.items.iter().zip(&facts.items) {
            if !f.decision || f.matter.is_some() {
                continue;
            }
            let (span, message, guessed) = match &it.matter {
                Some(m) => (
                    m.span,
                    tr!(l, "loại việc `{}` không có trong quy chế", "the regulation has no matter `{}`", m.value),
                    guess(cx.profile, &m.value)
                        .or_else(|| guess(cx.profile, &format!("{} {}", it.heading.value, it.act_text))),
                ),
                None => (
                    it.act.as_ref().map_or(it.heading.span, |a| a.span),
                    tr!(l, "quyết định không ghi `Loại việc`", "a decision with no `Loại việc`"),
                    guess(cx.profile, &format!("{} {}", it.heading.value, it.act_text)),
                ),
            };
            let help = match guessed {
                Some(m) => tr!(
                    l,
                    "có lẽ là `Loại việc: {}` ({}, thuộc thẩm quyền {}, {}); xem danh sách bằng `bienban explain unknown-matter`",
                    "probably `Loại việc: {}` ({}, decided by the {}, {}); see the list with `bienban explain unknown-matter`",
                    m.slug,
                    l.pick(&m.name, &m.name_en),
                    m.body,
                    m.article
                ),
                None => tr!(l, "thêm dòng `Loại việc:` với tên loại việc trong quy chế, ví dụ `Loại việc: kết nạp đảng viên`", "add a `Loại việc:` line naming a matter of the regulation, e.g. `Loại việc: kết nạp đảng viên`"),
            };
            out.push(finding(&DOC, span, message).label(tr!(l, "ở đây", "here")).help(help).article("Điều 1, 2, 3"));
        }
    }
}

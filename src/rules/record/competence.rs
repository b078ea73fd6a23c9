//! `competence`: the deciding body may not decide this matter.
//!
//! Catala-style: the base rule is that a body decides the matters of its
//! rank or below (BCH ⊃ BTV ⊃ TT). Exception: the TT may decide a higher
//! body's matter when delegated (`Ủy quyền`, Điều 2.9) or urgently
//! (`Cấp bách`, Điều 3.3). The exception to the exception — the carve-outs
//! of urgent handling — is the `urgent-carve-out` rule's.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct Competence;

pub static DOC: RuleDoc = RuleDoc {
    name: "competence",
    severity: Severity::Error,
    article: Some("Điều 1, 2, 3; 13.1"),
    summary: [
        "Cơ quan ra quyết định không có thẩm quyền về loại việc này; Thường trực quyết định việc của Ban Thường vụ/Ban Chấp hành mà không ghi `Cấp bách` hay `Ủy quyền`; việc thuộc thẩm quyền Tỉnh ủy.",
        "The deciding body may not decide this matter; a TT decision on a BTV/BCH matter with neither `Cấp bách` nor `Ủy quyền`; a matter only the provincial committee decides.",
    ],
    why: [
        "Điều 1–3 chia thẩm quyền: Ban Chấp hành quyết định mọi việc của Đảng bộ; Ban Thường vụ quyết định việc của mình và của Thường trực; Thường trực quyết định việc của mình, việc “được Ban Thường vụ, Đảng ủy ủy quyền” (Điều 3.3, 2.9), và khi “cần thiết, cấp bách” (Điều 3.3). Điều 13.1: “xin ý kiến Thường trực Tỉnh ủy đối với những vấn đề vượt quá thẩm quyền”.",
        "Điều 1–3: the BCH decides anything of the organisation; the BTV its own and the TT's matters; the TT its own, what the BTV or BCH delegated (Điều 3.3, 2.9), and urgent matters (Điều 3.3). Điều 13.1: matters beyond the organisation's competence go to the provincial committee.",
    ],
    fires: Example::Record("# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Khen thưởng chi bộ\n\nLoại việc: khen thưởng\nQuyết định: Tặng giấy khen cho Chi bộ Sở Tài chính.\nBiểu quyết: nhất trí\n"),
    passes: Example::Record("# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Khen thưởng chi bộ\n\nLoại việc: khen thưởng\nĐề nghị: Đề nghị Ban Thường vụ tặng giấy khen cho Chi bộ Sở Tài chính.\n"),
};

impl Rule for Competence {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(body) = facts.body else { return };
        let p = cx.profile;
        let l = cx.lang;
        for (it, f) in rec.items.iter().zip(&facts.items) {
            let (true, Some(matter), Some(act)) = (f.decision, f.matter, it.act.as_ref()) else {
                continue;
            };
            let Some(owner) = p.body(&matter.body) else {
                continue;
            };
            if body.rank >= owner.rank && !owner.external {
                continue;
            }
            // Exception: the urgent body acting by delegation or urgently.
            let excepted =
                body.code == p.urgent.body && !owner.external && (it.urgent.is_some() || it.delegation.is_some());
            if excepted {
                continue;
            }
            let matter_name = l.pick(&matter.name, &matter.name_en);
            let owner_name = l.pick(&owner.name, &owner.name_en);
            let body_name = l.pick(&body.name, &body.name_en);
            let help = if owner.external {
                tr!(
                    l,
                    "việc này thuộc thẩm quyền {}: ghi `Đề nghị:` (đề nghị lên cấp trên) thay cho `Quyết định:`",
                    "only the {} decides this: write `Đề nghị:` (a proposal upwards) instead of `Quyết định:`",
                    owner_name
                )
            } else if body.code == p.urgent.body {
                tr!(
                    l,
                    "trình {} quyết định; nếu việc cần giải quyết ngay, ghi `Cấp bách: <lý do>`; nếu đã được ủy quyền, ghi `Ủy quyền: <số văn bản ủy quyền>`",
                    "submit it to the {}; if it could not wait, write `Cấp bách: <reason>`; if it was delegated, write `Ủy quyền: <number of the delegating act>`",
                    owner_name
                )
            } else {
                tr!(
                    l,
                    "trình {} quyết định, hoặc ghi `Đề nghị:` thay cho `Quyết định:`",
                    "submit it to the {}, or write `Đề nghị:` instead of `Quyết định:`",
                    owner_name
                )
            };
            let mut finding = finding(
                &DOC,
                act.span,
                tr!(
                    l,
                    "{} không có thẩm quyền quyết định `{}` (thuộc thẩm quyền {}, {})",
                    "the {} may not decide `{}` (the {} decides it, {})",
                    body_name,
                    matter_name,
                    owner_name,
                    matter.article
                ),
            )
            .label(tr!(l, "quyết định này", "this decision"))
            .help(format!("{help}. {}", cite(l, &matter.article, &matter.quote)))
            .article(&matter.article);
            if let Some(m) = &it.matter {
                finding = finding.also(m.span, tr!(l, "loại việc của {}", "a matter of the {}", owner_name));
            }
            out.push(finding);
        }
    }
}

//! `higher-consent`: a matter that needs a higher body's written consent has none.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct HigherConsent;

pub static DOC: RuleDoc = RuleDoc {
    name: "higher-consent",
    severity: Severity::Error,
    article: Some("Điều 2.2"),
    summary: [
        "Quyết định về việc cần văn bản đồng ý của cấp trên (tiếp nhận, chuyển cán bộ, công chức) mà không ghi `Văn bản đồng ý`.",
        "A decision on a matter that needs a higher body's written consent (receiving or transferring officials) with no `Văn bản đồng ý`.",
    ],
    why: [
        "Điều 2.2: Ban Thường vụ “được tiếp nhận, chuyển chuyển cán bộ, công chức … sau khi có ý kiến đồng ý bằng văn bản của Thường trực Tỉnh ủy.” Loại việc nào cần văn bản đồng ý nằm ở khóa `consent` của loại việc trong hồ sơ quy chế.",
        "Điều 2.2: the BTV may receive or transfer officials only after the provincial standing committee has agreed in writing. Which matters need consent is the `consent` key of each matter in the profile.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Tiếp nhận công chức\n\nLoại việc: tiep-nhan-chuyen-can-bo\nQuyết định: Tiếp nhận đồng chí Ma Văn Tuấn về Ban Tổ chức Đảng ủy.\nBiểu quyết: nhất trí\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Tiếp nhận công chức\n\nLoại việc: tiep-nhan-chuyen-can-bo\nVăn bản đồng ý: 123-CV/TU\nQuyết định: Tiếp nhận đồng chí Ma Văn Tuấn về Ban Tổ chức Đảng ủy.\nBiểu quyết: nhất trí\n"),
};

impl Rule for HigherConsent {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let l = cx.lang;
        let hc = &cx.profile.higher_consent;
        for (it, f) in rec.items.iter().zip(&facts.items) {
            let (true, Some(matter), Some(act), None) = (f.decision, f.matter, it.act.as_ref(), it.consent.as_ref())
            else {
                continue;
            };
            let Some(by) = &matter.consent else { continue };
            out.push(
                finding(
                    &DOC,
                    act.span,
                    tr!(
                        l,
                        "`{}` cần văn bản đồng ý của {} nhưng biên bản không ghi",
                        "`{}` needs the written consent of the {} but none is recorded",
                        l.pick(&matter.name, &matter.name_en),
                        by
                    ),
                )
                .label(tr!(l, "quyết định này", "this decision"))
                .help(format!(
                    "{} {}",
                    tr!(
                        l,
                        "ghi số văn bản đồng ý, ví dụ `Văn bản đồng ý: 123-CV/TU`.",
                        "record the consent's number, e.g. `Văn bản đồng ý: 123-CV/TU`."
                    ),
                    cite(l, &hc.article, &hc.quote)
                ))
                .article(&hc.article),
            );
        }
    }
}

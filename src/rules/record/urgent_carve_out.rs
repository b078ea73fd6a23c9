//! `urgent-carve-out`: the TT decided urgently a matter it may never decide urgently.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct UrgentCarveOut;

pub static DOC: RuleDoc = RuleDoc {
    name: "urgent-carve-out",
    severity: Severity::Error,
    article: Some("Điều 3.3"),
    summary: [
        "Thường trực giải quyết cấp bách (`Cấp bách`) một việc thuộc công tác kiểm tra, công tác tổ chức hoặc cán bộ của Ban Thường vụ/Ban Chấp hành.",
        "The TT decided urgently (`Cấp bách`) a BTV/BCH matter of inspection, organisation or personnel work.",
    ],
    why: [
        "Điều 3.3: Thường trực “trong trường hợp cần thiết, cấp bách được phép giải quyết những công việc thuộc thẩm quyền của Ban Thường vụ, Đảng ủy (trừ công tác kiểm tra, công tác tổ chức, cán bộ) và báo cáo với Ban Thường vụ, Đảng ủy trong phiên họp gần nhất.” Các lĩnh vực bị loại trừ nằm ở `[urgent] excluded_fields` trong hồ sơ quy chế. Việc được Ban Thường vụ ủy quyền (`Ủy quyền`, Điều 2.9) không bị giới hạn này.",
        "Điều 3.3: the TT may, when necessary and urgent, handle matters of the BTV or BCH — except inspection, organisation and personnel work — and must report them at that body's next meeting. The excluded fields are `[urgent] excluded_fields` in the profile. Work delegated by the BTV (`Ủy quyền`, Điều 2.9) is not limited this way.",
    ],
    fires: Example::Record("# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Điều động cán bộ\n\nSố: 09-QĐ/ĐU\nLoại việc: bổ nhiệm cán bộ\nCấp bách: Văn phòng thiếu người trước đợt kiểm tra\nQuyết định: Điều động đồng chí Lý Thị Hoa về Văn phòng Đảng ủy.\nBiểu quyết: nhất trí\n"),
    passes: Example::Record("# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Kinh phí hội nghị\n\nSố: 09-QĐ/ĐU\nLoại việc: tai-chinh-dang\nCấp bách: Hội nghị tổ chức trước kỳ họp Ban Thường vụ\nQuyết định: Chi kinh phí tổ chức hội nghị sơ kết.\nBiểu quyết: nhất trí\n"),
};

impl Rule for UrgentCarveOut {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let p = cx.profile;
        let Some(body) = facts.body.filter(|b| b.code == p.urgent.body) else {
            return;
        };
        let l = cx.lang;
        for (it, f) in rec.items.iter().zip(&facts.items) {
            let (true, Some(matter), Some(urgent), None) =
                (f.decision, f.matter, it.urgent.as_ref(), it.delegation.as_ref())
            else {
                continue;
            };
            let Some(owner) = p.body(&matter.body) else {
                continue;
            };
            if owner.rank <= body.rank || owner.external || !p.urgent.excluded_fields.contains(&matter.field) {
                continue;
            }
            let field = p.field(&matter.field).map_or(matter.field.as_str(), |f| l.pick(&f.name, &f.name_en));
            let mut finding = finding(
                &DOC,
                urgent.span,
                tr!(
                    l,
                    "{} không được giải quyết cấp bách việc thuộc {} (`{}`)",
                    "the {} may not decide urgently a matter of {} (`{}`)",
                    l.pick(&body.name, &body.name_en),
                    field,
                    l.pick(&matter.name, &matter.name_en)
                ),
            )
            .label(tr!(l, "lý do cấp bách", "the urgent reason"))
            .help(format!(
                "{} {}",
                tr!(
                    l,
                    "việc này phải do {} quyết định; nếu {} đã ủy quyền, ghi `Ủy quyền: <số văn bản>`.",
                    "the {} must decide it; if the {} delegated it, write `Ủy quyền: <number of the act>`.",
                    l.pick(&owner.name, &owner.name_en),
                    l.pick(&owner.name, &owner.name_en)
                ),
                cite(l, &p.urgent.article, &p.urgent.quote)
            ))
            .article(&p.urgent.article);
            if let Some(m) = &it.matter {
                finding = finding.also(m.span, tr!(l, "thuộc {}", "{}", field));
            }
            out.push(finding);
        }
    }
}

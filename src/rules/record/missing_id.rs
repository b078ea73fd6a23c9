//! `missing-id`: an urgent TT decision or a written consultation with no `Số`.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct MissingId;

pub static DOC: RuleDoc = RuleDoc {
    name: "missing-id",
    severity: Severity::Warning,
    article: Some("Điều 3.3, 11.1"),
    summary: [
        "Quyết định cấp bách của Thường trực, hoặc biên bản lấy ý kiến bằng văn bản, không có `Số`, nên không lần theo được khi báo cáo lại.",
        "An urgent TT decision, or a written consultation, with no `Số`, so it cannot be traced when reported back.",
    ],
    why: [
        "Điều 3.3: việc Thường trực giải quyết cấp bách phải “báo cáo với Ban Thường vụ, Đảng ủy trong phiên họp gần nhất”; Điều 11.1: kết quả xin ý kiến bằng văn bản phải “thông báo lại với Ban Chấp hành Đảng bộ trong cuộc họp gần nhất”. Hội nghị sau ghi các việc đó bằng số trong `Báo cáo lại`, nên chúng phải có số.",
        "Điều 3.3 and 11.1: urgent TT decisions and written consultations must be reported at the body's next meeting, which lists them by number in `Báo cáo lại`; so they need a number.",
    ],
    fires: Example::Record("# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Kinh phí hội nghị\n\nLoại việc: tai-chinh-dang\nCấp bách: Hội nghị tổ chức trước kỳ họp Ban Thường vụ\nQuyết định: Chi kinh phí tổ chức hội nghị sơ kết.\nBiểu quyết: nhất trí\n"),
    passes: Example::Record("# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Kinh phí hội nghị\n\nSố: 09-QĐ/ĐU\nLoại việc: tai-chinh-dang\nCấp bách: Hội nghị tổ chức trước kỳ họp Ban Thường vụ\nQuyết định: Chi kinh phí tổ chức hội nghị sơ kết.\nBiểu quyết: nhất trí\n"),
};

impl Rule for MissingId {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let l = cx.lang;
        let rb = &cx.profile.report_back;
        if facts.written && rec.number.is_none() {
            out.push(
                finding(
                    &DOC,
                    rec.title.span,
                    tr!(l, "biên bản lấy ý kiến bằng văn bản không có số", "a written consultation with no number"),
                )
                .label(tr!(l, "biên bản này", "this record"))
                .help(format!(
                    "{} {}",
                    tr!(l, "thêm dòng `Số:` dưới tên biên bản, ghi số văn bản đã cấp cho lần lấy ý kiến này, để hội nghị sau ghi trong `Báo cáo lại`.", "add a line `Số:` under the title with the document number given to this consultation, so the next meeting can list it in `Báo cáo lại`."),
                    cite(l, &rb.article, &rb.quote)
                ))
                .article(&rb.article),
            );
        }
        let urgent_body = facts.body.is_some_and(|b| b.code == cx.profile.urgent.body);
        if !urgent_body {
            return;
        }
        for (it, f) in rec.items.iter().zip(&facts.items) {
            if !f.decision || it.urgent.is_none() || it.number.is_some() {
                continue;
            }
            out.push(
                finding(
                    &DOC,
                    it.heading.span,
                    tr!(l, "quyết định cấp bách của Thường trực không có số", "an urgent TT decision with no number"),
                )
                .label(tr!(l, "mục này", "this item"))
                .help(format!(
                    "{} {}",
                    tr!(
                        l,
                        "thêm dòng `Số:` vào mục, ghi số văn bản đã cấp cho quyết định này, để hội nghị sau ghi trong `Báo cáo lại`.",
                        "add a line `Số:` to the item with the document number given to this decision, so the next meeting can list it in `Báo cáo lại`."
                    ),
                    cite(l, &rb.article, &rb.quote)
                ))
                .article(&rb.article),
            );
        }
    }
}

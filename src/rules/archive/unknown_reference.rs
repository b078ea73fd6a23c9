//! `unknown-reference`: `Báo cáo lại` or `Ủy quyền` names a number no record has.

use std::collections::HashSet;

use crate::common::finding::{Finding, Severity};
use crate::common::text::fold;
use crate::model::summary::{RefKind, Reference};
use crate::model::values::doc_kind;
use crate::rules::{finding, ArchiveContext, ArchiveFile, ArchiveRule, Example, RuleDoc};
use crate::tr;

pub struct UnknownReference;

pub static DOC: RuleDoc = RuleDoc {
    name: "unknown-reference",
    severity: Severity::Warning,
    article: Some("Điều 2.9, 3.3"),
    summary: [
        "`Báo cáo lại` hoặc `Ủy quyền` ghi một số mà không biên bản nào trong lưu trữ có.",
        "`Báo cáo lại` or `Ủy quyền` names a number that no record in the archive has.",
    ],
    why: [
        "Điều 2.9: Ban Thường vụ “ủy quyền cho Thường trực Đảng ủy thực hiện một số công việc cụ thể”; Điều 3.3: việc cấp bách phải được báo cáo lại. Một số không tìm thấy thường là gõ nhầm, hoặc văn bản chưa được đưa vào lưu trữ — người kiểm tra không lần theo được. Số của những loại văn bản không bao giờ là biên bản hay quyết định của lưu trữ (tờ trình `TTr`, công văn `CV`; danh sách `outside_kinds` của hồ sơ quy chế) không được xét.",
        "Điều 2.9 (delegation) and 3.3 (reporting back) are traced by number. A number found nowhere is usually a typo, or a record missing from the archive: inspectors cannot follow it. Numbers of kinds that are never records or decisions of the archive (`TTr` tờ trình, `CV` công văn; the profile's `outside_kinds`) are not checked.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 20/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Thường trực báo cáo việc đã xử lý cấp bách\n\nBáo cáo lại: 09-QĐ/ĐU\n"),
    passes: Example::Archive(&[
        ("2021-03-10-tt.md", "# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 10/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Kinh phí hội nghị\n\nSố: 09-QĐ/ĐU\nLoại việc: tai-chinh-dang\nCấp bách: hội nghị diễn ra trước kỳ họp Ban Thường vụ\nQuyết định: Chi kinh phí tổ chức hội nghị.\nBiểu quyết: nhất trí\n"),
        ("2021-03-20-btv.md", "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 20/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Thường trực báo cáo việc đã xử lý cấp bách\n\nBáo cáo lại: 09-QĐ/ĐU\n"),
    ]),
};

impl ArchiveRule for UnknownReference {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, files: &[ArchiveFile<'_>], cx: &ArchiveContext<'_>, out: &mut Vec<(usize, Finding)>) {
        let known: HashSet<&str> = files
            .iter()
            .filter_map(|f| f.summary.as_ref())
            .flat_map(|s| s.defines.iter().map(|n| n.key.as_str()))
            .collect();
        let l = cx.lang;
        // Tờ trình, công văn…: never records or decisions of the archive.
        let outside: HashSet<String> = cx.profile.outside_kinds.iter().map(|k| fold(k)).collect();
        let checkable = |r: &&Reference| doc_kind(&r.number.text).is_none_or(|k| !outside.contains(&k));
        for (i, f) in files.iter().enumerate() {
            let Some(s) = &f.summary else { continue };
            for r in s.refers.iter().filter(checkable).filter(|r| !known.contains(r.number.key.as_str())) {
                let n = &r.number;
                let message = match r.kind {
                    RefKind::ReportBack => tr!(
                        l,
                        "`Báo cáo lại` ghi số {} nhưng không biên bản nào trong lưu trữ có số này",
                        "`Báo cáo lại` names {} but no record in the archive has that number",
                        n.text
                    ),
                    RefKind::Delegation => tr!(
                        l,
                        "`Ủy quyền` ghi số {} nhưng không biên bản nào trong lưu trữ có số này",
                        "`Ủy quyền` names {} but no record in the archive has that number",
                        n.text
                    ),
                };
                let help = tr!(
                    l,
                    "kiểm tra lại số (gõ nhầm?); nếu văn bản có thật nhưng nằm ngoài lưu trữ, đưa biên bản đó vào lưu trữ, hoặc ghi `<!-- bienban: allow(unknown-reference) lý do -->` trong mục này",
                    "check the number (a typo?); if the act exists outside the archive, add its record to the archive, or write `<!-- bienban: allow(unknown-reference) reason -->` in this item"
                );
                out.push((
                    i,
                    finding(&DOC, n.pos.span, message)
                        .at(n.pos)
                        .label(tr!(l, "không tìm thấy", "not found"))
                        .help(help)
                        .article(DOC.article.unwrap_or_default()),
                ));
            }
        }
    }
}

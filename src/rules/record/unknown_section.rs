//! `unknown-section`: a `##` section none of the format's that holds field
//! lines, which bienban therefore does not read.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct UnknownSection;

pub static DOC: RuleDoc = RuleDoc {
    name: "unknown-section",
    severity: Severity::Warning,
    article: None,
    summary: [
        "Một phần `##` không phải phần nào của định dạng (Thành phần, Nội dung / Diễn biến hội nghị) nhưng có các dòng trường (`Quyết định:`, `Biểu quyết:`, `Có mặt:`…): các dòng ấy không được đọc.",
        "A `##` section that is none of the format's (Thành phần, Nội dung / Diễn biến hội nghị) yet holds field lines (`Quyết định:`, `Biểu quyết:`, `Có mặt:`…): they are not read.",
    ],
    why: [
        "bienban đọc thành phần dự họp trong phần `## Thành phần` và các quyết định trong các mục của phần `## Nội dung` (hoặc `## Diễn biến hội nghị`, theo Hướng dẫn 16-HD/VPTW). Các trường ghi trong một phần có tên khác thì không được kiểm tra; để không báo “không có lỗi” về những gì chưa đọc, bienban báo phần ấy. Phần chỉ có lời văn (ý kiến thảo luận, kết luận) thì không bị báo.",
        "bienban reads attendance under `## Thành phần` and decisions in the items of `## Nội dung` (or `## Diễn biến hội nghị`, as Hướng dẫn 16-HD/VPTW names it). Fields in a section of another name are not checked; rather than call them clean, bienban reports the section. Sections of prose only (discussion, closing words) are not reported.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Công tác tháng 3\n\nKết luận: Tiếp tục triển khai kế hoạch.\n\n## 2. Xét kết nạp đảng viên\n\nLoại việc: kết nạp đảng viên\nKết luận: Giao chi bộ hoàn thiện hồ sơ.\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Công tác tháng 3\n\nKết luận: Tiếp tục triển khai kế hoạch.\n\n### 2. Xét kết nạp đảng viên\n\nLoại việc: kết nạp đảng viên\nKết luận: Giao chi bộ hoàn thiện hồ sơ.\n\n## Ý kiến thảo luận\n\nCác đồng chí thống nhất cao với báo cáo.\n"),
};

impl Rule for UnknownSection {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, _: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let l = cx.lang;
        for u in &rec.unknown_sections {
            out.push(
                finding(
                    &DOC,
                    u.heading.span,
                    tr!(
                        l,
                        "phần `{}` không phải phần nào của định dạng biên bản: {} dòng trường trong đó không được đọc",
                        "the section `{}` is none of the record format's: its {} field line(s) are not read",
                        u.heading.value.chars().take(80).collect::<String>(),
                        u.fields
                    ),
                )
                .label(tr!(l, "phần này", "this section"))
                .also(u.first_field, tr!(l, "không được đọc", "not read"))
                .help(tr!(
                    l,
                    "nếu đây là một mục của nội dung hội nghị, viết tiêu đề thành `### …` dưới `## Nội dung` (hoặc `## Diễn biến hội nghị`); nếu là thành phần dự họp, đặt dưới `## Thành phần`",
                    "if this is an agenda item, make its heading `### …` under `## Nội dung` (or `## Diễn biến hội nghị`); if it is attendance, put it under `## Thành phần`"
                )),
            );
        }
    }
}

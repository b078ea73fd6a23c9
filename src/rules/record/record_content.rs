//! `record-content`: what Hướng dẫn 16-HD/VPTW asks of a meeting's minutes
//! that the record lacks. Off in the built-in profile: an office that
//! follows 16-HD turns it on in bienban.toml.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct RecordContent;

/// The guideline this rule cites.
const GUIDE: &str = "Hướng dẫn 16-HD/VPTW";

pub static DOC: RuleDoc = RuleDoc {
    name: "record-content",
    severity: Severity::Warning,
    article: Some(GUIDE),
    summary: [
        "Biên bản hội nghị thiếu phần Hướng dẫn 16-HD/VPTW yêu cầu: người ghi biên bản, địa điểm, giờ bắt đầu, dòng kết thúc (“… kết thúc vào hồi …”), phần chữ ký. Tắt theo mặc định; bật bằng `[rules] record-content = \"warning\"`.",
        "Minutes lack what Hướng dẫn 16-HD/VPTW requires: the recorder, the place, the start time, the closing line (“… kết thúc vào hồi …”), the signature block. Off by default; turn it on with `[rules] record-content = \"warning\"`.",
    ],
    why: [
        "Hướng dẫn 16-HD/VPTW (23/02/2023) của Văn phòng Trung ương Đảng hướng dẫn thể thức biên bản hội nghị: thời gian, địa điểm, người chủ trì, người ghi biên bản; diễn biến hội nghị; thời gian kết thúc; chữ ký của người ghi biên bản và người chủ trì. Quy chế làm việc không đòi hỏi các mục này, nên quy tắc tắt trong hồ sơ quy chế có sẵn; văn phòng cấp ủy làm theo Hướng dẫn 16 thì bật nó lên. Một phát hiện cho mỗi biên bản, liệt kê những gì còn thiếu; không áp dụng cho lấy ý kiến bằng văn bản.",
        "Hướng dẫn 16-HD/VPTW (23/02/2023) of the Central Party Office lays out minutes: time, place, chair, recorder; the course of the meeting; the closing time; the signatures of the recorder and the chair. The working regulation does not require these, so the rule is off in the built-in profile; an office that follows Guideline 16 turns it on. One finding per record lists what is missing; written consultations are not concerned.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: ngày 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 8 giờ 00, ngày 15/03/2021\nĐịa điểm: Phòng họp Đảng ủy\nChủ trì: Hoàng Văn Đức (Bí thư)\nNgười ghi biên bản: Đàm Thị Yến\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Công tác tháng 3\n\nKết luận: Tiếp tục triển khai kế hoạch.\n\nHội nghị kết thúc vào hồi 11 giờ 00 cùng ngày.\n\nNGƯỜI GHI BIÊN BẢN        T/M BAN THƯỜNG VỤ\n\nĐàm Thị Yến               Hoàng Văn Đức\n"),
};

impl Rule for RecordContent {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if facts.written {
            return;
        }
        let l = cx.lang;
        let c = &rec.content;
        let mut missing = Vec::new();
        if rec.secretary.is_none() && !c.recorder_signed {
            missing.push(tr!(
                l,
                "người ghi biên bản (`Người ghi biên bản:` hoặc tên dưới chữ ký)",
                "the recorder (`Người ghi biên bản:` or a name under the signature)"
            ));
        }
        if rec.place.is_none() {
            missing.push(tr!(l, "địa điểm (`Địa điểm:`)", "the place (`Địa điểm:`)"));
        }
        if !c.start_time {
            missing.push(tr!(l, "giờ bắt đầu (trong `Thời gian:`)", "the start time (in `Thời gian:`)"));
        }
        if !c.closing_line {
            missing.push(tr!(
                l,
                "dòng kết thúc (“Hội nghị kết thúc vào hồi …”)",
                "the closing line (“Hội nghị kết thúc vào hồi …”)"
            ));
        }
        if !(c.recorder_caption && c.chair_caption) {
            missing.push(tr!(
                l,
                "phần chữ ký (`NGƯỜI GHI BIÊN BẢN` và `CHỦ TRÌ` / `T/M …`)",
                "the signature block (`NGƯỜI GHI BIÊN BẢN` and `CHỦ TRÌ` / `T/M …`)"
            ));
        }
        if missing.is_empty() {
            return;
        }
        out.push(
            finding(
                &DOC,
                rec.title.span,
                tr!(l, "biên bản thiếu phần Hướng dẫn 16-HD/VPTW yêu cầu: {}", "the record lacks what Hướng dẫn 16-HD/VPTW requires: {}", missing.join("; ")),
            )
            .label(tr!(l, "biên bản này", "this record"))
            .help(tr!(
                l,
                "bổ sung các phần còn thiếu theo thể thức biên bản của Hướng dẫn 16-HD/VPTW; nếu văn phòng không áp dụng Hướng dẫn này, tắt quy tắc bằng `[rules] record-content = \"off\"`",
                "add what is missing as Hướng dẫn 16-HD/VPTW lays minutes out; an office that does not follow the guideline turns the rule off with `[rules] record-content = \"off\"`"
            ))
            .article(GUIDE),
        );
    }
}

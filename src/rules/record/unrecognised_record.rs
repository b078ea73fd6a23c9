//! `unrecognised-record`: a file that looks like minutes but whose title
//! bienban cannot find, so it cannot be checked — said, not skipped.

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::Span;
use crate::model::facts::Facts;
use crate::model::layout::Unrecognised;
use crate::model::Record;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct UnrecognisedRecord;

pub static DOC: RuleDoc = RuleDoc {
    name: "unrecognised-record",
    severity: Severity::Warning,
    article: None,
    summary: [
        "Tệp có dòng đầu (sau phần tiêu đề văn bản) bắt đầu bằng `Biên bản`, `Phiếu lấy ý kiến` hay `Kết quả lấy ý kiến` nhưng viết như một dòng thường (không phải đề mục hay dòng in đậm), hoặc là `Trích biên bản`: bienban không kiểm tra được tệp này.",
        "A file whose first line after the letterhead begins with `Biên bản`, `Phiếu lấy ý kiến` or `Kết quả lấy ý kiến` as plain text (not a heading or a bold line), or an extract (`Trích biên bản`): bienban cannot check it.",
    ],
    why: [
        "Một công cụ kiểm tra nói “không có lỗi” về một biên bản mà nó không đọc được thì còn tệ hơn không kiểm tra. bienban nhận ra biên bản qua tên biên bản: một đề mục (`# Biên bản …`) hoặc một dòng in đậm (`**BIÊN BẢN …**`) trong 15 dòng đầu, sau phần tiêu đề văn bản (tên cơ quan, `ĐẢNG CỘNG SẢN VIỆT NAM`, số, địa danh và ngày tháng) theo Hướng dẫn 16-HD/VPTW. Trích biên bản chỉ chép một phần hội nghị nên không đủ để kiểm tra số lượng tham dự hay biểu quyết. Tệp nhắc đến biên bản ở chỗ khác (một README, một hướng dẫn `# Hướng dẫn ghi biên bản`) không bị báo.",
        "A checker that calls unread minutes clean is worse than none. bienban recognises a record by its title: a heading (`# Biên bản …`) or a bold line (`**BIÊN BẢN …**`) among the first 15 lines, after the letterhead (the issuing body, `ĐẢNG CỘNG SẢN VIỆT NAM`, the number, the place and date) as Hướng dẫn 16-HD/VPTW lays it out. An extract copies part of a meeting only, so attendance and votes cannot be checked from it. Files that mention minutes elsewhere (a README, a guide `# Hướng dẫn ghi biên bản`) are not reported.",
    ],
    fires: Example::Record("ĐẢNG ỦY CÁC CƠ QUAN TỈNH\n\nBiên bản hội nghị Ban Thường vụ tháng 3/2021\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\n"),
    passes: Example::Record("ĐẢNG ỦY CÁC CƠ QUAN TỈNH\n\n# Biên bản hội nghị Ban Thường vụ tháng 3/2021\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
};

impl Rule for UnrecognisedRecord {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    /// Reported by the pipeline, which finds no record to give the rules.
    fn check(&self, _: &Record, _: &Facts<'_>, _: &Context<'_>, _: &mut Vec<Finding>) {}
}

/// The finding for a file whose title could not be read as one.
pub fn found(why: Unrecognised, span: Span, l: Lang) -> Finding {
    let (message, help) = match why {
        Unrecognised::PlainTitle => (
            tr!(l, "tên biên bản viết như một dòng thường: bienban không nhận ra đây là biên bản và không kiểm tra tệp này", "the title is a plain line: bienban does not recognise this file as a record and does not check it"),
            tr!(l, "viết tên biên bản thành đề mục (thêm `# ` ở đầu dòng) hoặc in đậm (`**…**`); bienban tìm tên biên bản trong 15 dòng đầu, sau phần tiêu đề văn bản", "make the title a heading (start the line with `# `) or bold (`**…**`); bienban looks for the title among the first 15 lines, after the letterhead"),
        ),
        Unrecognised::NoSpaceHeading => (
            tr!(l, "`#` liền chữ không phải là đề mục: bienban không nhận ra tên biên bản và không kiểm tra tệp này", "a `#` glued to the word is not a heading: bienban does not recognise the title and does not check this file"),
            tr!(l, "thêm một dấu cách sau `#`", "put a space after the `#`"),
        ),
        Unrecognised::Extract => (
            tr!(l, "đây là trích biên bản: bienban không kiểm tra trích biên bản", "this is an extract of minutes: bienban does not check extracts"),
            tr!(l, "kiểm tra biên bản đầy đủ của hội nghị; trích biên bản chỉ chép một phần nên không đủ để kiểm tra", "check the full minutes of the meeting; an extract copies part of it only"),
        ),
    };
    finding(&DOC, span, message).label(tr!(l, "tên biên bản", "the title")).help(help)
}

//! `missing-field`: a required field is absent.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Key;
use crate::model::Record;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct MissingField;

pub static DOC: RuleDoc = RuleDoc {
    name: "missing-field",
    severity: Severity::Error,
    article: Some("Điều 11.1"),
    summary: [
        "Thiếu trường bắt buộc: `Cơ quan`, `Thời gian`, `Tổng số thành viên`; với hội nghị còn `Chủ trì` và `Có mặt`; với lấy ý kiến bằng văn bản là `Số phiếu thu về`.",
        "A required field is absent: `Cơ quan`, `Thời gian`, `Tổng số thành viên`; for meetings also `Chủ trì` and `Có mặt`; for written consultations `Số phiếu thu về`.",
    ],
    why: [
        "Không có các trường này thì không kiểm tra được thẩm quyền (Điều 1–3), số lượng tham dự (Điều 11.1: “phải có ít nhất 2/3 số thành viên tham dự”) hay người chủ trì (Điều 6.1).",
        "Without these fields nothing can be checked: competence (Điều 1–3), attendance (Điều 11.1: at least 2/3 of members present) or who chaired (Điều 6.1).",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
};

impl Rule for MissingField {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let a = &rec.attendance;
        let mut missing = Vec::new();
        if rec.body.is_none() {
            missing.push((Key::Body, "Ban Thường vụ"));
        }
        if rec.date.is_none() {
            missing.push((Key::Date, "15/03/2021"));
        }
        if a.members.is_none() {
            missing.push((Key::Members, "7"));
        }
        if facts.written {
            if a.ballots_returned.is_none() {
                missing.push((Key::BallotsReturned, "14"));
            }
        } else {
            if rec.chair.is_none() {
                missing.push((Key::Chair, "Hoàng Văn Đức (Bí thư)"));
            }
            if a.present_line.is_none() {
                missing.push((Key::Present, "7"));
            }
        }
        let l = cx.lang;
        for (key, example) in missing {
            if rec.attempted_keys.contains(&key) {
                continue; // already a `syntax` finding
            }
            let name = key.name();
            out.push(
                finding(
                    &DOC,
                    rec.title.span,
                    tr!(l, "biên bản thiếu trường `{}`", "the record has no `{}` field", name),
                )
                .label(tr!(l, "biên bản này", "this record"))
                .help(tr!(l, "thêm dòng `{}: {}`", "add a line `{}: {}`", name, example)),
            );
        }
    }
}

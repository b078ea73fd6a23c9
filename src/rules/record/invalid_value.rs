//! `invalid-value`: a field's value cannot be read.

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::Span;
use crate::model::facts::Facts;
use crate::model::{Form, Problem, Record, Value};
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct InvalidValue;

pub static DOC: RuleDoc = RuleDoc {
    name: "invalid-value",
    severity: Severity::Error,
    article: None,
    summary: [
        "Giá trị không hợp lệ: cơ quan không có trong quy chế, hình thức hội nghị lạ, ngày không tồn tại (31/02/2021), số lượng không phải là số, kết quả biểu quyết không đọc được.",
        "A value that cannot be read: a body the regulation does not know, an unknown meeting form, an impossible date (31/02/2021), a count that is not a number, unreadable votes.",
    ],
    why: [
        "Các quy tắc về thẩm quyền, số lượng tham dự và biểu quyết cần giá trị chính xác; một giá trị sai được báo một lần ở đây, và các quy tắc dựa trên nó sẽ không báo thêm.",
        "Competence, quorum and majority need exact values; a wrong value is reported once, here, and the rules that depend on it stay silent.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 31/02/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 28/02/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
};

impl Rule for InvalidValue {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, _: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let a = &rec.attendance;
        let mut bad: Vec<(Span, &str, &Problem)> = [
            invalid(&rec.body),
            invalid(&rec.form),
            invalid(&rec.date),
            invalid(&a.members),
            invalid(&a.present_count),
            invalid(&a.ballots_sent),
            invalid(&a.ballots_returned),
        ]
        .into_iter()
        .flatten()
        .collect();
        bad.extend(rec.items.iter().filter_map(|it| invalid(&it.votes)));
        let body_names: Vec<&str> = cx.profile.bodies.iter().filter(|b| !b.external).map(|b| b.name.as_str()).collect();
        for (span, raw, problem) in bad {
            out.push(describe(span, raw, problem, &body_names, cx.lang));
        }
    }
}

fn invalid<T>(v: &Option<Value<T>>) -> Option<(Span, &str, &Problem)> {
    match v {
        Some(Value::Invalid { raw, span, problem }) => Some((*span, raw.as_str(), problem)),
        _ => None,
    }
}

fn form_name(f: Form) -> &'static str {
    match f {
        Form::Regular => "thường lệ",
        Form::Extraordinary => "bất thường",
        Form::Expanded => "mở rộng",
        Form::Consultation => "hội ý",
        Form::Written => "bằng văn bản",
    }
}

fn describe(span: Span, raw: &str, problem: &Problem, bodies: &[&str], l: Lang) -> Finding {
    let (message, help) = match problem {
        Problem::UnknownBody { suggestion } => (
            tr!(l, "cơ quan `{}` không có trong quy chế", "the regulation has no body `{}`", raw),
            match suggestion {
                Some(s) => tr!(l, "có phải là `{}`? Các cơ quan: {}", "did you mean `{}`? The bodies are: {}", s, bodies.join(", ")),
                None => tr!(l, "viết một trong: {}", "write one of: {}", bodies.join(", ")),
            },
        ),
        Problem::UnknownForm => (
            tr!(l, "hình thức hội nghị `{}` không hợp lệ", "unknown meeting form `{}`", raw),
            tr!(l, "viết một trong: thường lệ, bất thường, đột xuất, mở rộng, hội ý, bằng văn bản", "write one of: thường lệ (regular), bất thường / đột xuất (extraordinary), mở rộng (expanded), hội ý (TT consultation), bằng văn bản (written)"),
        ),
        Problem::FormNotForBody { form, body } => (
            tr!(l, "{} không họp theo hình thức `{}`", "the {} cannot meet as `{}`", body, form_name(*form)),
            tr!(l, "`hội ý` chỉ dùng cho Thường trực; `bằng văn bản` chỉ dùng cho Ban Chấp hành và Ban Thường vụ (Điều 11)", "`hội ý` is for the standing members (TT) only; `bằng văn bản` for the BCH and BTV only (Điều 11)"),
        ),
        Problem::BodyNotInTitle { title } => (
            tr!(l, "`Cơ quan: {}` không khớp với tên biên bản, tên biên bản ghi: {}", "`Cơ quan: {}` does not match the title, which names: {}", raw, title),
            tr!(l, "sửa `Cơ quan` hoặc tên biên bản cho thống nhất; khi không có dòng `Cơ quan`, bienban lấy cơ quan từ tên biên bản", "make `Cơ quan` and the title agree; with no `Cơ quan` line, bienban takes the body from the title"),
        ),
        Problem::FormNotInTitle { title } => (
            tr!(l, "hình thức hội nghị không khớp với tên biên bản `{}`", "the meeting form does not match the title `{}`", title),
            tr!(l, "sửa `Hình thức` hoặc tên biên bản cho thống nhất (ví dụ tên ghi “mở rộng” thì hình thức là `mở rộng`)", "make `Hình thức` and the title agree (a title saying “mở rộng” is an expanded meeting)"),
        ),
        Problem::NoDate => (
            tr!(l, "không tìm thấy ngày trong `{}`", "no date found in `{}`", raw),
            tr!(l, "viết ngày theo thứ tự ngày/tháng/năm bằng chữ số (`dd/mm/yyyy`), hoặc `ngày … tháng … năm …`", "write the date as day/month/year in digits (`dd/mm/yyyy`), or `ngày … tháng … năm …`"),
        ),
        Problem::ImpossibleDate { day, month, year } => (
            tr!(l, "ngày {}/{}/{} không tồn tại", "the date {}/{}/{} does not exist", day, month, year),
            match crate::model::values::days_in_month(*year, *month) {
                Some(n) => tr!(
                    l,
                    "tháng {}/{} chỉ có {} ngày; sửa lại ngày, viết theo thứ tự ngày/tháng/năm, ví dụ `{:02}/{:02}/{}`",
                    "month {}/{} has only {} days; correct the date, written day/month/year, e.g. `{:02}/{:02}/{}`",
                    month,
                    year,
                    n,
                    n,
                    month,
                    year
                ),
                None => tr!(
                    l,
                    "tháng phải từ 1 đến 12; viết theo thứ tự ngày/tháng/năm (`dd/mm/yyyy`)",
                    "the month must be 1 to 12; write day/month/year (`dd/mm/yyyy`)"
                ),
            },
        ),
        Problem::NotACount => (
            tr!(l, "`{}` không phải là một số", "`{}` is not a number", raw),
            tr!(l, "viết số bằng chữ số; có thể ghi “có mặt/tổng số” dạng `n/N`", "write the number in digits; present of members may be written `n/N`"),
        ),
        Problem::BadVotes { part } => (
            tr!(l, "không đọc được kết quả biểu quyết `{}`", "cannot read the votes `{}`", part),
            tr!(l, "ghi số phiếu của từng loại: `… tán thành, … không tán thành, … không biểu quyết`, hoặc `…/… tán thành`, hoặc `nhất trí`", "give the count of each kind: `… tán thành, … không tán thành, … không biểu quyết` (in favour, against, abstaining), or `…/… tán thành`, or `nhất trí` (unanimous)"),
        ),
    };
    finding(&DOC, span, message).label(tr!(l, "giá trị này", "this value")).help(help)
}

//! `missing-field`: a required field is absent.

use crate::common::finding::{Finding, Severity};
use crate::common::text::fold;
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
        "Thiếu trường bắt buộc: `Cơ quan`, `Thời gian`, `Tổng số thành viên` (trừ khi danh sách thành viên của lưu trữ cho biết); với hội nghị còn `Chủ trì` và `Có mặt`; với lấy ý kiến bằng văn bản là `Số phiếu thu về`.",
        "A required field is absent: `Cơ quan`, `Thời gian`, `Tổng số thành viên` (unless the archive's roster gives it); for meetings also `Chủ trì` and `Có mặt`; for written consultations `Số phiếu thu về`.",
    ],
    why: [
        "Không có các trường này thì không kiểm tra được thẩm quyền (Điều 1–3), số lượng tham dự (Điều 11.1: “phải có ít nhất 2/3 số thành viên tham dự”) hay người chủ trì (Điều 6.1).",
        "Without these fields nothing can be checked: competence (Điều 1–3), attendance (Điều 11.1: at least 2/3 of members present) or who chaired (Điều 6.1).",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặc: 7\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
};

impl Rule for MissingField {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let a = &rec.attendance;
        let l = cx.lang;
        let mut missing: Vec<(Key, String)> = Vec::new();
        if rec.body.is_none() {
            let names: Vec<&str> = cx.profile.bodies.iter().filter(|b| !b.external).map(|b| b.name.as_str()).collect();
            missing.push((
                Key::Body,
                tr!(
                    l,
                    "thêm dòng `Cơ quan:` ghi cơ quan họp: {}",
                    "add a line `Cơ quan:` naming the body: {}",
                    names.join(", ")
                ),
            ));
        }
        if rec.date.is_none() {
            missing.push((
                Key::Date,
                tr!(
                    l,
                    "thêm dòng `Thời gian:` ghi ngày họp (ngày/tháng/năm)",
                    "add a line `Thời gian:` with the meeting's date (day/month/year)"
                ),
            ));
        }
        let of = a.present_count.as_ref().and_then(|c| c.ok()).and_then(|c| c.of);
        // With a roster that covers the record, its count is the total.
        if a.members.is_none() && of.is_none() && !facts.members_from_roster {
            // The record's own numbers, when it has them.
            let absent = a
                .absent_count
                .as_ref()
                .and_then(|c| c.ok().copied())
                .or((!a.absent.is_empty()).then_some(a.absent.len() as u32));
            let help = match (facts.present, absent) {
                (Some(p), Some(ab)) if !facts.written => tr!(
                    l,
                    "thêm dòng `Tổng số thành viên:` ghi số thành viên của cơ quan vào ngày họp (biên bản ghi {} có mặt và {} vắng mặt, tức `Tổng số thành viên: {}` nếu đã ghi đủ)",
                    "add a line `Tổng số thành viên:` with the body's members on the day (the record has {} present and {} absent, i.e. `Tổng số thành viên: {}` if none is missing)",
                    p,
                    ab,
                    p + ab
                ),
                _ => tr!(
                    l,
                    "thêm dòng `Tổng số thành viên:` ghi số thành viên của cơ quan vào ngày họp, hoặc ghi `Có mặt: n/N` (n có mặt trên N thành viên)",
                    "add a line `Tổng số thành viên:` with the body's members on the day, or write `Có mặt: n/N` (n present of N members)"
                ),
            };
            missing.push((Key::Members, help));
        }
        if facts.written {
            if a.ballots_returned.is_none() {
                missing.push((
                    Key::BallotsReturned,
                    tr!(
                        l,
                        "thêm dòng `Số phiếu thu về:` ghi số phiếu thu về",
                        "add a line `Số phiếu thu về:` with the ballots returned"
                    ),
                ));
            }
        } else {
            if rec.chair.is_none() {
                // The Bí thư, if the present list names him.
                let secretary = a.present.iter().find(|p| {
                    p.role.as_deref().is_some_and(|r| {
                        let f = fold(r);
                        cx.profile.chair.secretary_roles.iter().any(|s| f.starts_with(&fold(s)))
                            && !cx.profile.chair.deputy_roles.iter().any(|d| f.starts_with(&fold(d)))
                    })
                });
                missing.push((
                    Key::Chair,
                    match secretary {
                        Some(p) => tr!(
                            l,
                            "thêm dòng `Chủ trì:` ghi người chủ trì, ví dụ `Chủ trì: {} ({})` nếu đồng chí Bí thư có mặt đã chủ trì",
                            "add a line `Chủ trì:` naming the chair, e.g. `Chủ trì: {} ({})` if the Bí thư, who was present, chaired",
                            p.name,
                            p.role.as_deref().unwrap_or_default()
                        ),
                        None => tr!(l, "thêm dòng `Chủ trì:` ghi họ tên và chức vụ người chủ trì", "add a line `Chủ trì:` with the chair's name and role"),
                    },
                ));
            }
            if a.present_line.is_none() {
                missing.push((
                    Key::Present,
                    tr!(
                        l,
                        "thêm dòng `Có mặt:` ghi số người có mặt, hoặc danh sách tên bên dưới",
                        "add a line `Có mặt:` with the number present, or the list of names below it"
                    ),
                ));
            }
        }
        for (key, help) in missing {
            if rec.attempted_keys.contains(&key) {
                continue; // already a `syntax` finding
            }
            let name = key.name();
            // A line whose key is this one misspelt (`Có mặc: 7`, a full-width
            // colon, an invisible character): point there.
            if let Some(near) = rec.unknown_fields.iter().find(|u| close_to(&u.value, key)) {
                out.push(
                    finding(
                        &DOC,
                        near.span,
                        tr!(l, "biên bản thiếu trường `{}`; có phải dòng này?", "the record has no `{}` field; is it this line?", name),
                    )
                    .label(tr!(l, "có phải là `{}`?", "did you mean `{}`?", name))
                    .help(tr!(
                        l,
                        "viết đúng tên trường `{}` và dấu hai chấm thường `:` (không dùng dấu hai chấm toàn khổ `：` hay ký tự ẩn)",
                        "spell the field `{}` with a plain colon `:` (not a full-width `：` nor an invisible character)",
                        name
                    )),
                );
                continue;
            }
            out.push(
                finding(
                    &DOC,
                    rec.title.span,
                    tr!(l, "biên bản thiếu trường `{}`", "the record has no `{}` field", name),
                )
                .label(tr!(l, "biên bản này", "this record"))
                .help(help),
            );
        }
    }
}

/// A key written close to one of `key`'s spellings: after dropping
/// invisible characters, within two edits.
fn close_to(written: &str, key: Key) -> bool {
    let visible: String = written
        .chars()
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}'))
        .collect();
    let f = fold(&visible);
    key.spellings().any(|s| {
        let d = strsim::levenshtein(&f, s);
        d <= 2 && d < s.len() / 2
    })
}

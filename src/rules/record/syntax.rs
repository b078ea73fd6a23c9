//! `syntax`: the record cannot be read as written.

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::model::facts::Facts;
use crate::model::{Record, SyntaxProblem};
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::syntax::parse::{Expected, ParseFailure};
use crate::tr;

pub struct Syntax;

pub static DOC: RuleDoc = RuleDoc {
    name: "syntax",
    severity: Severity::Error,
    article: None,
    summary: [
        "Biên bản không đọc được: thiếu dấu hai chấm sau tên trường, chú thích không đóng, chú thích `bienban:` viết sai, mục `###` nằm ngoài phần `## Nội dung`.",
        "The record cannot be read: a field name without its colon, an unclosed comment, a malformed `bienban:` comment, an `###` item outside `## Nội dung`.",
    ],
    why: [
        "Một trường viết thiếu dấu hai chấm (`Cơ quan Ban Thường vụ`) thì không ai, kể cả bienban, biết chắc đó là trường hay lời văn; các quy tắc khác sẽ không kiểm tra được nội dung đó.",
        "A field written without its colon (`Cơ quan Ban Thường vụ`) cannot be told from prose; the other rules could not check what it says.",
    ],
    fires: Example::Record(
        "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n",
    ),
    passes: Example::Record(
        "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n",
    ),
};

impl Rule for Syntax {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, _: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let l = cx.lang;
        for p in &rec.syntax {
            out.push(match p {
                SyntaxProblem::MissingColon { key, span } => finding(
                    &DOC,
                    *span,
                    tr!(l, "thiếu dấu hai chấm sau tên trường `{}`", "missing colon after the field name `{}`", key),
                )
                .label(tr!(l, "cần dấu `:` ở đây", "a `:` is needed here"))
                .help(tr!(
                    l,
                    "viết `{}: …` (tên trường, dấu hai chấm, rồi giá trị)",
                    "write `{}: …` (the field name, a colon, then the value)",
                    key
                )),
                SyntaxProblem::ItemOutsideAgenda { span } => finding(
                    &DOC,
                    *span,
                    tr!(l, "mục `###` nằm ngoài phần `## Nội dung`", "an `###` item outside the `## Nội dung` section"),
                )
                .label(tr!(l, "mục này", "this item"))
                .help(tr!(
                    l,
                    "thêm dòng `## Nội dung` trước các mục của hội nghị",
                    "add a `## Nội dung` line before the meeting's items"
                )),
            });
        }
    }
}

/// The grammar could not read the file at all.
pub fn unparsable(f: &ParseFailure, lang: Lang) -> Finding {
    let l = lang;
    let example = "`<!-- bienban: allow(quorum) lý do -->`";
    let (message, label, help) = match f.expected {
        Expected::CommentClose => (
            tr!(l, "chú thích `<!--` không được đóng", "the comment `<!--` is never closed"),
            tr!(l, "chú thích mở ở đây", "comment opened here"),
            tr!(l, "thêm `-->` ở cuối chú thích", "add `-->` at the end of the comment"),
        ),
        Expected::AllowClose => (
            tr!(l, "thiếu dấu `)` sau danh sách quy tắc", "missing `)` after the list of rules"),
            tr!(l, "cần `)` hoặc `,` ở đây", "`)` or `,` expected here"),
            tr!(l, "viết {}", "write {}", example),
        ),
        Expected::RuleName => (
            tr!(l, "thiếu tên quy tắc trong `allow(…)`", "missing rule name in `allow(…)`"),
            tr!(l, "cần tên quy tắc ở đây", "a rule name is expected here"),
            tr!(l, "viết {}", "write {}", example),
        ),
        Expected::AllowOpen => (
            tr!(l, "thiếu dấu `(` sau `allow`", "missing `(` after `allow`"),
            tr!(l, "cần `(` ở đây", "`(` expected here"),
            tr!(l, "viết {}", "write {}", example),
        ),
        Expected::AllowKeyword => (
            tr!(l, "sau `bienban:` phải là `allow(…)`", "`bienban:` must be followed by `allow(…)`"),
            tr!(l, "cần `allow` ở đây", "`allow` expected here"),
            tr!(l, "viết {}", "write {}", example),
        ),
        Expected::Other => (
            tr!(l, "không đọc được dòng này", "this line cannot be read"),
            tr!(l, "ở đây", "here"),
            tr!(
                l,
                "xem hướng dẫn định dạng biên bản (docs/format.md)",
                "see the record format reference (docs/format.md)"
            ),
        ),
    };
    finding(&DOC, f.span, message).label(label).help(help)
}

//! `encoding`: the file is not UTF-8.

use super::{finding, Context, Example, Rule, RuleDoc};
use crate::facts::Facts;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::model::Record;
use crate::span::Span;
use crate::tr;

pub struct Encoding;

pub static DOC: RuleDoc = RuleDoc {
    name: "encoding",
    severity: Severity::Error,
    article: None,
    summary: ["Tệp không phải UTF-8.", "The file is not UTF-8."],
    why: [
        "Biên bản phải lưu bằng UTF-8 thì mới đọc đúng dấu tiếng Việt ở mọi máy; tệp gõ bằng bảng mã cũ (TCVN3, VNI, Windows-1258) hiển thị sai và không kiểm tra được.",
        "Records must be UTF-8 to show Vietnamese correctly everywhere; files typed in legacy encodings (TCVN3, VNI, Windows-1258) display wrongly and cannot be checked.",
    ],
    fires: Example::Bytes(b"# Bi\xean b\xb6n h\xe9i ngh\xfb\n"),
    passes: Example::Record("# Biên bản hội nghị Thường trực\n\nCơ quan: Thường trực\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n"),
};

impl Rule for Encoding {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, _: &Record, _: &Facts<'_>, _: &Context<'_>, _: &mut Vec<Finding>) {}
}

/// The finding for bytes that are not UTF-8; `at` is the first bad byte.
pub fn not_utf8(at: usize, lang: Lang) -> Finding {
    let l = lang;
    finding(&DOC, Span::new(at, at), tr!(l, "tệp không phải UTF-8 (byte {} không hợp lệ)", "the file is not UTF-8 (invalid byte at offset {})", at))
        .help(tr!(
            l,
            "lưu lại tệp với bảng mã UTF-8 (trong Word: Lưu thành… → Văn bản thuần → Unicode (UTF-8)); nếu tệp gõ bằng TCVN3/ABC hoặc VNI, hãy chuyển mã bằng Unikey (Công cụ chuyển mã) sang Unicode trước",
            "save the file as UTF-8 (in Word: Save as… → Plain text → Unicode (UTF-8)); if it was typed in TCVN3/ABC or VNI, convert it to Unicode first (e.g. Unikey's converter)"
        ))
}

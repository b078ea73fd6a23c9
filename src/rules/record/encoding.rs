//! `encoding`: the file is not UTF-8.

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::Span;
use crate::model::facts::Facts;
use crate::model::Record;
use crate::read::legacy::Legacy;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct Encoding;

pub static DOC: RuleDoc = RuleDoc {
    name: "encoding",
    severity: Severity::Error,
    article: None,
    summary: [
        "Tệp không phải UTF-8 (kèm gợi ý khi nhận ra bảng mã cũ TCVN3, VNI, Windows-1258), văn bản UTF-8 gõ bằng phông cũ (“Biªn b¶n”), hoặc tệp nhị phân.",
        "The file is not UTF-8 (with a hint when it looks like legacy TCVN3, VNI or Windows-1258), is UTF-8 typed through a legacy font (“Biªn b¶n”), or is binary.",
    ],
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

/// How to convert, in the clerk's words, when the legacy encoding is known.
fn convert_help(from: Legacy, l: Lang) -> String {
    let flag = flag(from);
    tr!(
        l,
        "chuyển sang Unicode bằng `bienban convert --from {} TỆP` (tạo bản sao UTF-8, không sửa tệp gốc), hoặc bằng công cụ chuyển mã của Unikey, rồi lưu với bảng mã UTF-8",
        "convert it to Unicode with `bienban convert --from {} FILE` (writes a UTF-8 copy, the original is left alone), or with Unikey's converter, then save it as UTF-8",
        flag
    )
}

/// The value of `--from` / `--encoding` that names `from`.
fn flag(from: Legacy) -> &'static str {
    match from {
        Legacy::Tcvn3 => "tcvn3",
        Legacy::Vni => "vni",
        Legacy::Windows1258 => "windows-1258",
    }
}

/// The finding for bytes that are not UTF-8; `at` is the first bad byte;
/// `legacy` the encoding they look like, if any.
pub fn not_utf8(at: usize, legacy: Option<Legacy>, lang: Lang) -> Finding {
    let l = lang;
    let (message, help) = match legacy {
        Some(from) => (
            tr!(l, "tệp không phải UTF-8: có vẻ được gõ bằng bảng mã {}", "the file is not UTF-8: it looks like {} text", from.name()),
            format!(
                "{}; {}",
                convert_help(from, l),
                tr!(l, "hoặc kiểm tra ngay với `--encoding {}`", "or check it as it is with `--encoding {}`", flag(from))
            ),
        ),
        None => (
            tr!(l, "tệp không phải UTF-8 (byte {} không hợp lệ)", "the file is not UTF-8 (invalid byte at offset {})", at),
            tr!(
                l,
                "lưu lại tệp với bảng mã UTF-8 (trong Word: Lưu thành… → Văn bản thuần → Unicode (UTF-8)); nếu tệp gõ bằng TCVN3/ABC hoặc VNI, hãy chuyển mã sang Unicode trước (`bienban convert`)",
                "save the file as UTF-8 (in Word: Save as… → Plain text → Unicode (UTF-8)); if it was typed in TCVN3/ABC or VNI, convert it to Unicode first (`bienban convert`)"
            ),
        ),
    };
    finding(&DOC, Span::new(at, at), message).label(tr!(l, "byte này", "this byte")).help(help)
}

/// UTF-8 text typed through a legacy font ("Biªn b¶n" for "Biên bản").
pub fn mojibake(from: Legacy, lang: Lang) -> Finding {
    let l = lang;
    let mut f = finding(
        &DOC,
        Span::new(0, 0),
        tr!(
            l,
            "văn bản được gõ bằng phông {} cũ, không phải Unicode (ví dụ “Biªn b¶n” thay cho “Biên bản”)",
            "the text was typed with a legacy {} font, not Unicode (e.g. “Biªn b¶n” for “Biên bản”)",
            from.name()
        ),
    )
    .help(convert_help(from, l));
    (f.line, f.column) = (1, 1);
    f
}

/// A binary file named like a record.
pub fn binary(at: usize, lang: Lang) -> Finding {
    let l = lang;
    finding(
        &DOC,
        Span::new(at, at),
        tr!(l, "tệp nhị phân (có byte 0), không phải văn bản", "a binary file (it holds a zero byte), not text"),
    )
    .help(tr!(
        l,
        "đổi tên tệp nếu nó không phải biên bản, hoặc xuất lại biên bản dưới dạng văn bản thuần UTF-8",
        "rename it if it is not a record, or export the record again as plain UTF-8 text"
    ))
}

/// A record whose lines end with a lone CR (classic Mac OS): it reads as
/// one long line, so nothing in it could be checked.
pub fn cr_line_ends(lang: Lang) -> Finding {
    let l = lang;
    let mut f = finding(
        &DOC,
        Span::new(0, 0),
        tr!(
            l,
            "các dòng kết thúc bằng ký tự CR (kiểu Mac OS cũ), không phải LF hoặc CRLF: không đọc được từng dòng",
            "the lines end with a lone CR (old Mac OS style), not LF or CRLF: the lines cannot be told apart"
        ),
    )
    .help(tr!(
        l,
        "lưu lại tệp với kiểu xuống dòng LF (Unix) hoặc CRLF (Windows)",
        "save the file again with LF (Unix) or CRLF (Windows) line ends"
    ));
    (f.line, f.column) = (1, 1);
    f
}

//! `io`: the file cannot be read.

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::Span;
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct Io;

pub static DOC: RuleDoc = RuleDoc {
    name: "io",
    severity: Severity::Error,
    article: None,
    summary: [
        "Không đọc được tệp (không có quyền, tệp mất, là thư mục…).",
        "The file cannot be read (permission denied, vanished, a folder…).",
    ],
    why: [
        "Một biên bản không đọc được là một biên bản chưa được kiểm tra; bienban báo lỗi và vẫn kiểm tra các tệp khác.",
        "A record that cannot be read has not been checked; bienban says so and goes on with the other files.",
    ],
    fires: Example::None("a file without read permission (chmod 000)"),
    passes: Example::None("any readable file"),
};

impl Rule for Io {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, _: &Record, _: &Facts<'_>, _: &Context<'_>, _: &mut Vec<Finding>) {}
}

pub fn unreadable(err: &std::io::Error, lang: Lang) -> Finding {
    let l = lang;
    let why = match err.kind() {
        std::io::ErrorKind::PermissionDenied => tr!(l, "không có quyền đọc", "permission denied"),
        std::io::ErrorKind::NotFound => tr!(l, "không tìm thấy tệp", "file not found"),
        _ => err.to_string(),
    };
    finding(&DOC, Span::default(), tr!(l, "không đọc được tệp: {}", "cannot read the file: {}", why)).help(tr!(
        l,
        "kiểm tra đường dẫn và quyền đọc của tệp",
        "check the path and the file's read permission"
    ))
}

/// A file over the size limit: not read at all.
pub fn too_large(len: u64, limit: u64, lang: Lang) -> Finding {
    let mb = |n: u64| format!("{:.1} MB", n as f64 / 1_048_576.0);
    let l = lang;
    finding(&DOC, Span::default(), tr!(l, "tệp quá lớn ({}, giới hạn {}): không đọc", "the file is too large ({}, the limit is {}): not read", mb(len), mb(limit)))
        .help(tr!(
            l,
            "một biên bản chỉ vài chục KB; nếu đây đúng là biên bản, tăng giới hạn bằng `--max-file-size` hoặc `max_file_size` trong bienban.toml",
            "a record is a few tens of KB; if this really is one, raise the limit with `--max-file-size` or `max_file_size` in bienban.toml"
        ))
}

/// A FIFO, a device, a socket or a folder named like a record: never opened
/// for reading (it could block the run, or never end).
pub fn not_regular(lang: Lang) -> Finding {
    let l = lang;
    finding(
        &DOC,
        Span::default(),
        tr!(
            l,
            "không phải tệp thông thường (ống dẫn, thiết bị…): không đọc",
            "not a regular file (a pipe, a device…): not read"
        ),
    )
    .help(tr!(l, "một biên bản là một tệp văn bản thông thường", "a record is an ordinary text file"))
}

/// A link that leads out of the archive (or out of the folder named): not
/// followed, so nothing outside is read or shown.
pub fn outside(lang: Lang) -> Finding {
    let l = lang;
    finding(
        &DOC,
        Span::default(),
        tr!(
            l,
            "liên kết trỏ ra ngoài thư mục lưu trữ: không đọc",
            "a link that points outside the archive: not followed"
        ),
    )
    .help(tr!(
        l,
        "bienban chỉ đọc tệp nằm trong thư mục lưu trữ (thư mục có bienban.toml, hoặc thư mục được nêu tên); chép tệp vào lưu trữ thay cho liên kết, hoặc nêu tên chính tệp đó",
        "bienban only reads files inside the archive (the folder with bienban.toml, or the folder named); copy the file into the archive instead of linking to it, or name that file itself"
    ))
}

/// A link that leads nowhere (its target is missing, or links loop).
pub fn broken_link(lang: Lang) -> Finding {
    let l = lang;
    finding(&DOC, Span::default(), tr!(l, "liên kết hỏng: không đọc", "a broken link: not read")).help(tr!(
        l,
        "sửa hoặc xóa liên kết",
        "fix or remove the link"
    ))
}

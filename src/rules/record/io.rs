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

//! `io`: the file cannot be read.

use super::{finding, Context, Example, Rule, RuleDoc};
use crate::facts::Facts;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::model::Record;
use crate::span::Span;
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

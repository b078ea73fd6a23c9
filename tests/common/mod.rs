//! Helpers shared by the integration tests: build records, check them.
#![allow(dead_code)]

use bienban::archive::check_alone;
use bienban::archive::config::Config;
use bienban::check::{FileResult, Options};
use bienban::common::i18n::Lang;
use bienban::common::span::line_col;
use bienban::regulation::profile::Profile;
use bienban::rules::Example;

pub fn check(text: &str) -> FileResult {
    check_lang(text, Lang::Vi)
}

pub fn check_lang(text: &str, lang: Lang) -> FileResult {
    let profile = Profile::builtin();
    check_alone("test.md", text.as_bytes(), &profile, Options::new(lang, false)).expect("a record")
}

/// `(rule, line)` of every finding.
pub fn fired(text: &str) -> Vec<(&'static str, usize)> {
    let r = check(text);
    r.findings.iter().map(|f| (f.rule, line_col(text, f.span.start).0)).collect()
}

pub fn rules(text: &str) -> Vec<&'static str> {
    fired(text).into_iter().map(|x| x.0).collect()
}

/// A meeting record of `body` with `members`, `present` (a count line),
/// `absent` reasons and `items` (raw markdown after `## Nội dung`).
pub fn meeting(body: &str, members: u32, present: u32, items: &str) -> String {
    let absent: String =
        (0..members.saturating_sub(present)).map(|i| format!("- Vắng {i}: có lý do, đi công tác\n")).collect();
    let form = if body == "Thường trực" { "hội ý" } else { "thường lệ" };
    // A regular BCH meeting hears the BTV's between-sessions report.
    let items = if body == "Ban Chấp hành" {
        format!("{items}\n### Báo cáo giữa hai kỳ\n\nLoại việc: bao-cao-giua-hai-ky\nKết luận: Nhất trí.\n")
    } else {
        items.to_string()
    };
    format!(
        "# Biên bản hội nghị {body}\n\nCơ quan: {body}\nHình thức: {form}\nThời gian: 8 giờ 00, ngày 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: {members}\nCó mặt: {present}\n\nVắng mặt:\n{absent}\n## Nội dung\n\n{items}"
    )
}

/// A decision item.
pub fn decision(matter: &str, votes: &str) -> String {
    format!("### 1. Việc cần quyết\n\nLoại việc: {matter}\nQuyết định: Thông qua.\nBiểu quyết: {votes}\n")
}

/// Copies a folder tree (files and folders only).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let t = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &t);
        } else {
            std::fs::copy(e.path(), t).unwrap();
        }
    }
}

/// A rule's documented example as files to check as one archive, with its
/// roster (if it has one) set in `config`; `None` when it cannot be shown
/// as a file.
pub fn example_files<'e>(e: &'e Example, config: &mut Config, profile: &Profile) -> Option<Vec<(&'e str, &'e [u8])>> {
    Some(match e {
        Example::Record(t) => vec![("example.md", t.as_bytes())],
        Example::Bytes(b) => vec![("example.md", *b)],
        Example::Archive(fs) => fs.iter().map(|(p, t)| (*p, t.as_bytes())).collect(),
        Example::WithRoster { roster, record } => {
            let path = std::path::Path::new("thanh-vien.toml");
            let roster = bienban::archive::roster::parse(path, "thanh-vien.toml", roster, profile, Lang::Vi)
                .unwrap_or_else(|e| panic!("an example's roster: {}", e.message));
            config.set_roster(roster);
            vec![("example.md", record.as_bytes())]
        }
        Example::None(_) => return None,
    })
}

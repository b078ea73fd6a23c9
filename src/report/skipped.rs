//! Files that were not checked as records, and why: listed with
//! `--show-skipped` (or `--verbose`), counted in the summary line always,
//! so that a "0 lỗi" never hides a file that was not read.

use crate::check::Skip;
use crate::common::i18n::Lang;
use crate::report::escape::{path_at_line_start, visible, visible_clipped};
use crate::tr;

/// Why `skip` kept a file out of the check, in the user's words.
pub fn reason(skip: &Skip, l: Lang) -> String {
    match skip {
        Skip::Empty => tr!(l, "tệp trống", "the file is empty"),
        Skip::OtherHeading { heading, line } => tr!(
            l,
            "không phải biên bản: đề mục đầu tiên (dòng {}) là «{}», không bắt đầu bằng «Biên bản», «Phiếu lấy ý kiến» hay «Kết quả lấy ý kiến»",
            "not a record: its first heading (line {}) is «{}», which does not begin with «Biên bản», «Phiếu lấy ý kiến» or «Kết quả lấy ý kiến»",
            line,
            visible_clipped(heading, 80)
        ),
        Skip::NoTitle => tr!(
            l,
            "không phải biên bản: không có tiêu đề «Biên bản…», «Phiếu lấy ý kiến…» hay «Kết quả lấy ý kiến…» trong 15 dòng đầu",
            "not a record: no «Biên bản…», «Phiếu lấy ý kiến…» or «Kết quả lấy ý kiến…» title in its first 15 lines"
        ),
        Skip::Excluded => tr!(
            l,
            "bị loại khỏi lưu trữ bởi `include` / `exclude` của bienban.toml",
            "left out of the archive by bienban.toml's `include` / `exclude`"
        ),
        Skip::ExcludedOnCommandLine => {
            tr!(l, "bị loại bởi `--exclude` trên dòng lệnh", "left out by `--exclude` on the command line")
        }
    }
}

/// One line per skipped file, `path: bỏ qua: reason` (never shaped like a
/// finding: no line and column).
pub fn list(skipped: &[(String, Skip)], l: Lang) -> String {
    let mut out = String::new();
    for (path, why) in skipped {
        out.push_str(&format!(
            "{}: {}: {}\n",
            path_at_line_start(path),
            tr!(l, "bỏ qua", "skipped"),
            visible(&reason(why, l))
        ));
    }
    out
}

/// What the summary line adds when files were skipped (not all of them
/// need be non-records: `exclude` sets records aside too).
pub fn note(n: usize, shown: bool, l: Lang) -> String {
    let files = if n == 1 { "file" } else { "files" };
    match (l, shown) {
        (Lang::Vi, true) => format!("; bỏ qua {n} tệp"),
        (Lang::Vi, false) => format!("; bỏ qua {n} tệp (--show-skipped để xem lý do)"),
        (Lang::En, true) => format!("; {n} {files} skipped"),
        (Lang::En, false) => format!("; {n} {files} skipped (--show-skipped says why)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_name_the_heading_and_escape_it() {
        let why = Skip::OtherHeading { heading: "Hướng dẫn\u{1b}[2J".into(), line: 3 };
        let r = reason(&why, Lang::Vi);
        assert!(r.contains("dòng 3") && r.contains("Hướng dẫn"), "{r}");
        assert!(!list(&[("a.md".into(), why)], Lang::En).contains('\u{1b}'));
        assert_eq!(list(&[("a.md".into(), Skip::Empty)], Lang::En), "a.md: skipped: the file is empty\n");
    }

    #[test]
    fn the_note_counts_and_points_at_the_flag_only_when_not_listed() {
        assert!(note(2, false, Lang::Vi).contains("--show-skipped"));
        assert!(!note(2, true, Lang::Vi).contains("--show-skipped"));
        assert_eq!(note(1, true, Lang::En), "; 1 file skipped");
    }
}

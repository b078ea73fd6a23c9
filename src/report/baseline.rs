//! What the baseline did, in the user's words: how many findings it set
//! aside (in every summary line, as skipped files are: a baseline shipped
//! with an archive must never hide findings silently), its entries that
//! matched nothing, and what `--write-baseline` / `--prune-baseline` wrote.

use crate::archive::baseline::{Effect, Unused};
use crate::check::FileResult;
use crate::common::i18n::Lang;
use crate::report::escape::{path_at_line_start, visible};
use crate::tr;

/// How many of the reported findings the baseline set aside.
pub fn set_aside(results: &[FileResult]) -> usize {
    results.iter().flat_map(|r| &r.suppressed).filter(|a| a.baseline).count()
}

/// What the summary line adds: the findings set aside, and the entries
/// that matched nothing.
pub fn note(set_aside: usize, unused: usize, l: Lang) -> String {
    let mut out = String::new();
    if set_aside > 0 {
        out.push_str(&match l {
            Lang::Vi => format!("; tệp mốc bỏ qua {set_aside} phát hiện cũ (--no-baseline để xem)"),
            Lang::En => format!(
                "; {set_aside} old {} set aside by the baseline (--no-baseline shows them)",
                if set_aside == 1 { "finding" } else { "findings" }
            ),
        });
    }
    if unused > 0 {
        out.push_str(&match l {
            Lang::Vi => format!("; {unused} mục của tệp mốc không còn khớp (--prune-baseline để xóa)"),
            Lang::En => format!(
                "; {unused} baseline {} no longer {} (--prune-baseline removes them)",
                if unused == 1 { "entry" } else { "entries" },
                if unused == 1 { "matches" } else { "match" }
            ),
        });
    }
    out
}

/// One line per unused entry: `bienban-baseline.json: FILE: rule: …`
/// (never shaped like a finding: no line and column).
pub fn unused(list: &[Unused], l: Lang) -> String {
    let mut out = String::new();
    for u in list {
        out.push_str(&format!(
            "{}: {}: {}: {}\n",
            path_at_line_start(&u.baseline),
            visible(&u.path),
            visible(&u.rule),
            tr!(
                l,
                "{} phát hiện đã ghi trong tệp mốc không còn xảy ra (đã sửa, hoặc tệp đã xóa hay đổi tên); `bienban check --prune-baseline` xóa mục này",
                "{} recorded finding(s) no longer occur (fixed, or the file was deleted or renamed); `bienban check --prune-baseline` removes the entry",
                u.count
            )
        ));
    }
    out
}

/// For standard error, after `--write-baseline` or `--prune-baseline`.
pub fn written(e: &Effect, l: Lang) -> String {
    let mut out = String::new();
    for (path, n) in &e.written {
        out.push_str(&tr!(
            l,
            "bienban: đã ghi {}: {} phát hiện",
            "bienban: wrote {}: {} finding(s)",
            visible(&path.display().to_string()),
            n
        ));
        out.push('\n');
    }
    if e.pruned > 0 {
        out.push_str(&tr!(
            l,
            "bienban: đã xóa {} dấu vân tay không còn khớp khỏi tệp mốc",
            "bienban: removed {} fingerprint(s) that no longer match from the baseline",
            e.pruned
        ));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_says_what_was_set_aside_and_what_is_stale() {
        assert_eq!(note(0, 0, Lang::Vi), "");
        assert!(note(3, 0, Lang::Vi).contains("3 phát hiện") && note(3, 0, Lang::Vi).contains("--no-baseline"));
        assert!(note(0, 1, Lang::En).contains("1 baseline entry no longer matches"));
        let u = Unused {
            baseline: "bienban-baseline.json".into(),
            path: "a\u{1b}.md".into(),
            rule: "quorum".into(),
            count: 2,
        };
        let s = unused(&[u], Lang::En);
        assert!(s.starts_with("bienban-baseline.json: a\\u{1b}.md: quorum: 2 recorded"), "{s}");
    }
}

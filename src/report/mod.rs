//! Report: findings → what the user reads (miette's graphical report, or
//! JSON), and the one-line summary.

pub mod human;
pub mod json;

use crate::check::FileResult;
use crate::finding::Severity;
use crate::i18n::Lang;

/// Totals over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Totals {
    pub fn of(results: &[FileResult]) -> Totals {
        Totals {
            files: results.len(),
            errors: results.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: results.iter().map(|r| r.count(Severity::Warning)).sum(),
        }
    }

    /// `12 tệp, 3 lỗi, 2 cảnh báo`.
    pub fn summary(&self, l: Lang) -> String {
        match l {
            Lang::Vi => format!("{} tệp, {} lỗi, {} cảnh báo", self.files, self.errors, self.warnings),
            Lang::En => format!(
                "{} {}, {} {}, {} {}",
                self.files,
                plural(self.files, "file"),
                self.errors,
                plural(self.errors, "error"),
                self.warnings,
                plural(self.warnings, "warning")
            ),
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

//! Report: findings → what the user reads (miette's graphical report, or
//! JSON), and the one-line summary.

pub mod baseline;
pub mod escape;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;
pub mod skipped;

use std::collections::HashMap;

use crate::archive::fingerprint;
use crate::check::FileResult;
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::LineIndex;

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

/// End positions, stable fingerprints and root-relative paths of findings,
/// which need the files' texts (read again once per file that has findings).
pub struct Positions {
    /// `[file][finding]`, then `[file][suppressed finding]`.
    found: Vec<Vec<Located>>,
    suppressed: Vec<Vec<Located>>,
    /// Each file's path relative to its repository or archive root
    /// ([`RepoPaths`]), the same however bienban was started.
    paths: Vec<Rooted>,
}

#[derive(Clone)]
pub struct Located {
    pub end_line: usize,
    pub end_column: usize,
    /// The finding's fingerprint ([`fingerprint`]) with the file's
    /// root-relative path: stable across runs, edits elsewhere in the file,
    /// and the folder bienban is started from.
    pub fingerprint: String,
}

impl Positions {
    pub fn of(results: &[FileResult]) -> Positions {
        let mut found = Vec::with_capacity(results.len());
        let mut suppressed = Vec::with_capacity(results.len());
        let mut paths = Vec::with_capacity(results.len());
        let mut repo = RepoPaths::default();
        for r in results {
            let rooted = repo.of(r.file.as_deref(), &r.path);
            let text = if r.findings.is_empty() && r.suppressed.is_empty() { None } else { human::text_of(r) };
            let index = text.as_deref().map(LineIndex::new);
            let end = |f: &Finding| {
                let (line, col) = (f.line.max(1), f.column.max(1));
                let Some(index) = &index else { return (line, col) };
                let span = crate::common::span::clamp(index.text(), f.span);
                if span.end > span.start {
                    index.line_col(span.end)
                } else {
                    (line, col)
                }
            };
            // The findings and those the baseline set aside are counted
            // together (as the baseline counted them); those an `allow`
            // comment set aside, apart.
            let (base, allow): (Vec<usize>, Vec<usize>) =
                (0..r.suppressed.len()).partition(|&k| r.suppressed[k].baseline);
            let mut main: Vec<&Finding> = r.findings.iter().collect();
            main.extend(base.iter().map(|&k| &r.suppressed[k].finding));
            let main_prints = fingerprint::fingerprints(text.as_deref(), &main);
            let allowed: Vec<&Finding> = allow.iter().map(|&k| &r.suppressed[k].finding).collect();
            let allow_prints = fingerprint::fingerprints(text.as_deref(), &allowed);
            let located = |f: &Finding, print: &str| {
                let (end_line, end_column) = end(f);
                Located { end_line, end_column, fingerprint: fingerprint::with_path(print, &rooted.path) }
            };
            found.push(r.findings.iter().zip(&main_prints).map(|(f, p)| located(f, p)).collect());
            let mut aside: Vec<Option<Located>> = vec![None; r.suppressed.len()];
            for (n, &k) in base.iter().enumerate() {
                aside[k] = Some(located(&r.suppressed[k].finding, &main_prints[r.findings.len() + n]));
            }
            for (n, &k) in allow.iter().enumerate() {
                aside[k] = Some(located(&r.suppressed[k].finding, &allow_prints[n]));
            }
            suppressed.push(aside.into_iter().flatten().collect());
            paths.push(rooted);
        }
        Positions { found, suppressed, paths }
    }

    pub fn end(&self, file: usize, finding: usize) -> (usize, usize) {
        let l = &self.found[file][finding];
        (l.end_line, l.end_column)
    }

    pub fn fingerprint(&self, file: usize, finding: usize) -> String {
        self.found[file][finding].fingerprint.clone()
    }

    pub fn located(&self, file: usize, finding: usize, suppressed: bool) -> &Located {
        if suppressed {
            &self.suppressed[file][finding]
        } else {
            &self.found[file][finding]
        }
    }

    /// The file's path relative to its repository or archive root.
    pub fn path(&self, file: usize) -> &Rooted {
        &self.paths[file]
    }
}

/// A path as machine formats give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rooted {
    /// Relative to the root (`/`-separated) when `rooted`, else as the run shows it.
    pub path: String,
    /// Relative to a repository (`.git`) or archive (`bienban.toml`) root.
    pub rooted: bool,
}

/// Paths relative to the repository holding the file (the nearest folder
/// with `.git`), else to its archive root (the nearest `bienban.toml`), as
/// code scanning and GitLab expect; else the path as shown. The same
/// whichever folder bienban is started from and however the path is named.
#[derive(Default)]
pub struct RepoPaths {
    roots: HashMap<std::path::PathBuf, Option<std::path::PathBuf>>,
}

impl RepoPaths {
    /// `shown` (the path as the run shows it) relative to its root, found
    /// from `file` (else from `shown` itself, relative to the current folder).
    pub fn of(&mut self, file: Option<&std::path::Path>, shown: &str) -> Rooted {
        let plain = || Rooted { path: shown.to_string(), rooted: false };
        let Some(abs) = std::fs::canonicalize(file.unwrap_or(std::path::Path::new(shown))).ok() else { return plain() };
        let Some(dir) = abs.parent() else { return plain() };
        let root = self
            .roots
            .entry(dir.to_path_buf())
            .or_insert_with(|| {
                dir.ancestors()
                    .find(|d| d.join(".git").exists())
                    .map(std::path::Path::to_path_buf)
                    .or_else(|| crate::archive::config::find_root(dir, &mut Vec::new()))
            })
            .clone();
        match root.and_then(|root| abs.strip_prefix(root).ok().map(crate::archive::baseline::rel_key)) {
            Some(path) => Rooted { path, rooted: true },
            None => plain(),
        }
    }
}

/// Findings per rule and severity, most frequent first.
fn counts(results: &[FileResult]) -> Vec<((&'static str, Severity), usize)> {
    let mut counts: HashMap<(&'static str, Severity), usize> = HashMap::new();
    for f in results.iter().flat_map(|r| &r.findings) {
        *counts.entry((f.rule, f.severity)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0 .0.cmp(b.0 .0)).then(a.0 .1.cmp(&b.0 .1)));
    rows
}

/// `--statistics --format json` (`{"statistics": [{"rule", "severity",
/// "count"}…], "files_checked": N}`) or `json-lines` (one row a line).
pub fn statistics_json(results: &[FileResult], lines: bool) -> String {
    #[derive(serde::Serialize)]
    struct Row {
        rule: &'static str,
        severity: Severity,
        count: usize,
    }
    #[derive(serde::Serialize)]
    struct Out {
        statistics: Vec<Row>,
        files_checked: usize,
    }
    let rows: Vec<Row> =
        counts(results).into_iter().map(|((rule, severity), count)| Row { rule, severity, count }).collect();
    if lines {
        return rows.iter().map(|r| escape::json_compact(r) + "\n").collect();
    }
    escape::json_pretty(&Out { statistics: rows, files_checked: results.len() }) + "\n"
}

/// `--statistics`: findings per rule, most frequent first.
pub fn statistics(results: &[FileResult], l: Lang) -> String {
    let rows = counts(results);
    let mut out = String::new();
    for ((rule, sev), n) in rows {
        let sev = sev.name(l);
        let summary = crate::rules::doc(rule).map_or("", |d| d.summary(l));
        let summary: String = summary.chars().take(70).collect();
        out.push_str(&format!("{n:>6}  {rule:<24} {sev:<9} {summary}\n"));
    }
    out
}

//! The baseline: `bienban-baseline.json` at the archive's root, the
//! findings an archive already had when it was written (`bienban check
//! --write-baseline`), which later runs set aside — ESLint's bulk
//! suppressions, for records that are signed and cannot be edited (an
//! `allow` comment would edit the record).
//!
//! ```json
//! { "version": 1,
//!   "files": { "2021/btv/2021-04.md": { "quorum": { "count": 1, "fingerprints": ["9f3c…"] } } } }
//! ```
//!
//! Per file (relative to the root, `/`-separated) and per rule, the number
//! of findings and the [fingerprint](super::fingerprint) of each, which
//! survives edits elsewhere in the file. A finding is set aside when its
//! fingerprint is in the entry (each fingerprint sets aside one finding);
//! any other finding is reported as usual. Fingerprints that matched
//! nothing are *unused* entries: reported, and they fail the run like an
//! error (ESLint does the same with unused suppressions) until
//! `--prune-baseline` removes them.
//!
//! The file is untrusted input like the records: read only at the root,
//! never through a link, within [`MAX_DATA_SIZE`](super::config::MAX_DATA_SIZE),
//! validated (an invalid one stops the run, exit 2, rather than hide
//! anything); `--no-baseline` (or `--no-allow`, `--audit`) ignores it, and
//! every report says how many findings it set aside. It is written
//! atomically, only at the root, and bienban never edits a record for it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::archive::config::{self, ConfigError};
use crate::archive::fingerprint;
use crate::check::{Applied, FileResult};
use crate::common::i18n::Lang;
use crate::tr;

pub const FILE_NAME: &str = "bienban-baseline.json";
const VERSION: u32 = 1;

/// What a run does with the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Read it and set aside what it records (the default).
    #[default]
    Use,
    /// `--no-baseline` (also `--no-allow`, `--audit`): do not read it.
    Ignore,
    /// `--write-baseline`: record every finding of the archive now, replacing it.
    Write,
    /// `--prune-baseline`: remove its unused entries, then use it.
    Prune,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    /// File (relative to the root) → rule → entry.
    pub files: BTreeMap<String, BTreeMap<String, Entry>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// How many findings of the rule the file had (the number of fingerprints).
    pub count: usize,
    pub fingerprints: Vec<String>,
}

/// Baseline entries that matched no finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unused {
    /// The baseline file, as shown.
    pub baseline: String,
    /// The file the entry is for, relative to the archive's root.
    pub path: String,
    pub rule: String,
    /// How many of its fingerprints matched nothing.
    pub count: usize,
}

/// What the baseline did in one archive (or a whole run, [`Effect::add`]).
#[derive(Debug, Clone, Default)]
pub struct Effect {
    /// Whether a baseline was read or written.
    pub used: bool,
    pub unused: Vec<Unused>,
    /// Baselines written: the file, and how many findings it records.
    pub written: Vec<(PathBuf, usize)>,
    /// Entries' fingerprints removed by `--prune-baseline`.
    pub pruned: usize,
}

impl Effect {
    pub fn add(&mut self, other: Effect) {
        self.used |= other.used;
        self.unused.extend(other.unused);
        self.written.extend(other.written);
        self.pruned += other.pruned;
    }
}

/// One archive's files as the baseline sees them.
pub struct Files {
    /// For each result: its path relative to the root (`/`-separated), and
    /// where to read its text again when the result does not say.
    pub rel: Vec<String>,
    pub read_from: Vec<Option<PathBuf>>,
    /// For each result: whether its entries' use is judged (a file named,
    /// or found under a folder named); unused entries of other files are
    /// not this run's business.
    pub judged: Vec<bool>,
    /// Every record of the archive is judged: entries for files that are no
    /// longer in it (deleted, renamed, now excluded) are unused too.
    pub complete: bool,
}

/// A path relative to the root, as the baseline writes it.
pub fn rel_key(rel: &Path) -> String {
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Applies (or first writes) the baseline of one archive to its finished
/// results: findings it records move to `suppressed`, marked `baseline`.
/// `files` is called only when there is a baseline to write or to use: a
/// run without one need not work out every file's key.
pub fn process(
    root: &Path,
    files: impl FnOnce(&[FileResult]) -> Files,
    results: &mut [FileResult],
    mode: Mode,
    lang: Lang,
) -> Result<Effect, Box<ConfigError>> {
    let path = root.join(FILE_NAME);
    let mut effect = Effect::default();
    let (files, mut baseline) = match mode {
        Mode::Ignore => return Ok(effect),
        Mode::Write => {
            let files = files(results);
            let b = record(&files, results);
            let n = b.files.values().flat_map(|m| m.values()).map(|e| e.count).sum();
            write(&path, &b, lang)?;
            effect.written.push((PathBuf::from(shown(&path)), n));
            (files, b)
        }
        Mode::Use | Mode::Prune => match load(&path, lang)? {
            Some(b) => (files(results), b),
            None => return Ok(effect),
        },
    };
    let files = &files;
    effect.used = true;
    let shown = shown(&path);
    let reason = reason(lang);
    let mut seen = std::collections::HashSet::new();
    for (i, r) in results.iter_mut().enumerate() {
        let key = &files.rel[i];
        seen.insert(key.as_str());
        let Some(entries) = baseline.files.get(key) else { continue };
        let text = fingerprint::text_for(r, files.read_from[i].as_deref());
        let found: Vec<&crate::common::finding::Finding> = r.findings.iter().collect();
        let prints = fingerprint::fingerprints(text.as_deref(), &found);
        // Fingerprints of each rule's entry still to be matched.
        let mut left: BTreeMap<&str, Vec<&str>> = entries
            .iter()
            .map(|(rule, e)| (rule.as_str(), e.fingerprints.iter().map(String::as_str).collect()))
            .collect();
        let mut kept = Vec::with_capacity(r.findings.len());
        for (f, print) in std::mem::take(&mut r.findings).into_iter().zip(&prints) {
            let hit = left.get_mut(f.rule).and_then(|l| l.iter().position(|p| p == print).map(|k| l.swap_remove(k)));
            if hit.is_some() {
                r.suppressed.push(Applied {
                    reason: reason.clone(),
                    span: Default::default(),
                    finding: f,
                    baseline: true,
                });
            } else {
                kept.push(f);
            }
        }
        r.findings = kept;
        if files.judged[i] {
            for (rule, l) in left.into_iter().filter(|(_, l)| !l.is_empty()) {
                effect.unused.push(Unused {
                    baseline: shown.clone(),
                    path: key.clone(),
                    rule: rule.to_string(),
                    count: l.len(),
                });
            }
        }
    }
    if files.complete {
        for (key, entries) in baseline.files.iter().filter(|(k, _)| !seen.contains(k.as_str())) {
            for (rule, e) in entries {
                effect.unused.push(Unused {
                    baseline: shown.clone(),
                    path: key.clone(),
                    rule: rule.clone(),
                    count: e.count,
                });
            }
        }
    }
    if mode == Mode::Prune && !effect.unused.is_empty() {
        effect.pruned = prune(&mut baseline, files, results, &effect.unused);
        write(&path, &baseline, lang)?;
        effect.unused.clear();
    }
    effect.unused.sort();
    Ok(effect)
}

/// `path` as the user knows it: relative to the current folder when under it.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().ok().and_then(|c| std::fs::canonicalize(c).ok());
    cwd.and_then(|c| path.strip_prefix(c).ok().map(|p| p.to_string_lossy().into_owned()))
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// What set-aside findings show as their reason.
pub fn reason(lang: Lang) -> String {
    tr!(
        lang,
        "đã có khi lập mốc (bienban-baseline.json): vi phạm cũ trong biên bản đã ký, không sửa được",
        "recorded in the baseline (bienban-baseline.json): an old finding in a signed record that cannot be edited"
    )
}

/// Every finding of the archive now, as a baseline.
fn record(files: &Files, results: &[FileResult]) -> Baseline {
    let mut b = Baseline { version: VERSION, files: BTreeMap::new() };
    for (i, r) in results.iter().enumerate() {
        if r.findings.is_empty() {
            continue;
        }
        let text = fingerprint::text_for(r, files.read_from[i].as_deref());
        let found: Vec<&crate::common::finding::Finding> = r.findings.iter().collect();
        let prints = fingerprint::fingerprints(text.as_deref(), &found);
        let entries = b.files.entry(files.rel[i].clone()).or_default();
        for (f, p) in r.findings.iter().zip(prints) {
            let e = entries.entry(f.rule.to_string()).or_insert(Entry { count: 0, fingerprints: Vec::new() });
            e.count += 1;
            e.fingerprints.push(p);
        }
    }
    for e in b.files.values_mut().flat_map(|m| m.values_mut()) {
        e.fingerprints.sort();
    }
    b
}

/// Removes the unused entries' fingerprints: those of judged files that
/// matched nothing this run (the findings set aside are in `suppressed`),
/// and whole files that are gone. Returns how many were removed.
fn prune(b: &mut Baseline, files: &Files, results: &[FileResult], unused: &[Unused]) -> usize {
    let mut removed = 0;
    for u in unused {
        let i = files.rel.iter().position(|k| *k == u.path);
        let Some(entries) = b.files.get_mut(&u.path) else { continue };
        match i {
            // Keep the fingerprints of the findings the entry set aside.
            Some(i) => {
                let r = &results[i];
                let text = fingerprint::text_for(r, files.read_from[i].as_deref());
                let all: Vec<&crate::common::finding::Finding> =
                    r.findings.iter().chain(r.suppressed.iter().filter(|a| a.baseline).map(|a| &a.finding)).collect();
                let prints = fingerprint::fingerprints(text.as_deref(), &all);
                let aside: Vec<&str> = all
                    .iter()
                    .zip(&prints)
                    .skip(r.findings.len())
                    .filter(|(f, _)| f.rule == u.rule)
                    .map(|(_, p)| p.as_str())
                    .collect();
                if let Some(e) = entries.get_mut(&u.rule) {
                    let mut keep = Vec::new();
                    let mut aside = aside.clone();
                    for p in std::mem::take(&mut e.fingerprints) {
                        match aside.iter().position(|a| *a == p) {
                            Some(k) => {
                                aside.swap_remove(k);
                                keep.push(p);
                            }
                            None => removed += 1,
                        }
                    }
                    e.count = keep.len();
                    e.fingerprints = keep;
                    if e.count == 0 {
                        entries.remove(&u.rule);
                    }
                }
            }
            None => {
                if let Some(e) = entries.remove(&u.rule) {
                    removed += e.count;
                }
            }
        }
        if entries.is_empty() {
            b.files.remove(&u.path);
        }
    }
    removed
}

/// Writes the baseline at `path` (the root's `bienban-baseline.json`),
/// atomically; a link there is replaced, never followed.
fn write(path: &Path, b: &Baseline, lang: Lang) -> Result<(), Box<ConfigError>> {
    let mut text = serde_json::to_string_pretty(b).unwrap_or_default();
    text.push('\n');
    crate::common::fs::write_atomically(path, text.as_bytes()).map_err(|e| {
        Box::new(ConfigError {
            path: path.to_path_buf(),
            text: None,
            message: tr!(lang, "không ghi được {}: {}", "cannot write {}: {}", path.display(), e),
            span: None,
            help: None,
        })
    })
}

/// Reads and validates the baseline at `path`; `None` when there is none.
pub fn load(path: &Path, lang: Lang) -> Result<Option<Baseline>, Box<ConfigError>> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let fail = |message: String, text: Option<&str>, at: Option<(usize, usize)>| {
        let span = text.zip(at).map(|(t, (line, col))| offset(t, line, col)).map(|o| o..o);
        Box::new(ConfigError {
            path: path.to_path_buf(),
            text: text.map(str::to_string),
            message,
            span,
            help: Some(tr!(
                lang,
                "tệp mốc do `bienban check --write-baseline` ghi; ghi lại nó, hoặc dùng --no-baseline để kiểm tra mà không dùng nó",
                "the baseline is written by `bienban check --write-baseline`; write it again, or check without it with --no-baseline"
            )),
        })
    };
    let text = config::read_text(path, config::MAX_DATA_SIZE, lang).map_err(|m| fail(m, None, None))?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        fail(
            tr!(lang, "tệp mốc không hợp lệ: {}", "invalid baseline: {}", e),
            Some(&text),
            Some((e.line(), e.column())),
        )
    })?;
    if b.version != VERSION {
        return Err(fail(
            tr!(lang, "phiên bản tệp mốc không được hỗ trợ: {}", "unsupported baseline version: {}", b.version),
            Some(&text),
            None,
        ));
    }
    for (file, entries) in &b.files {
        for (rule, e) in entries {
            let hex = |p: &String| p.len() == 16 && p.bytes().all(|c| c.is_ascii_hexdigit());
            if e.count != e.fingerprints.len() || !e.fingerprints.iter().all(hex) {
                return Err(fail(
                    tr!(
                        lang,
                        "tệp mốc không hợp lệ: mục `{}` của {}: `count` phải bằng số dấu vân tay (16 chữ số thập lục phân)",
                        "invalid baseline: entry `{}` of {}: `count` must equal the number of fingerprints (16 hexadecimal digits each)",
                        rule,
                        file
                    ),
                    Some(&text),
                    None,
                ));
            }
        }
    }
    Ok(Some(b))
}

/// The byte offset of 1-based `line`, `column` (serde_json's, in bytes) in `text`.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    crate::common::span::floor_char_boundary(text, (start + column.saturating_sub(1)).min(text.len()))
}

//! Incremental runs: the per-file results (before the archive pass) are
//! kept in `.bienban_cache/` at the archive's root, keyed by the file's
//! content hash, and reused when bienban, the profile and the language are
//! the same. A repeated run on an unchanged archive reads the files but
//! does not parse them again. The cache is one file written through a
//! temporary file and a rename (concurrent runs each write a whole file;
//! the last one wins); one that cannot be read or does not match is
//! discarded, never trusted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use crate::check::{FileResult, Scope};
use crate::common::finding::{Finding, Label, Severity};
use crate::common::i18n::Lang;
use crate::common::span::Span;
use crate::model::summary::Summary;

pub const DIR_NAME: &str = ".bienban_cache";
/// postcard (compact binary serde) after a 16-byte XXH3-128 of it: a cache
/// whose bytes changed in any way fails the check and is not read at all.
const FILE_NAME: &str = "results-v3.bin";

/// What a file's check produced, or `None` for a file that is not a record.
#[derive(Clone, Serialize, Deserialize)]
pub struct Entry(Option<Stored>);

#[derive(Clone, Serialize, Deserialize)]
pub struct Stored {
    #[serde(deserialize_with = "known_rules")]
    findings: Vec<Finding>,
    summary: Option<std::sync::Arc<Summary>>,
    suppressions: Vec<Scope>,
    items: Vec<Span>,
}

impl Entry {
    pub fn of(r: Option<&FileResult>) -> Entry {
        Entry(r.map(|r| Stored {
            findings: r.findings.clone(),
            summary: r.summary.clone(),
            suppressions: r.suppressions.clone(),
            items: r.items.clone(),
        }))
    }

    /// The result for `display` at `path`, as it was computed.
    pub fn result(&self, display: &str, path: &Path) -> Option<FileResult> {
        let s = self.0.as_ref()?;
        Some(FileResult {
            path: display.to_string(),
            file: Some(path.to_path_buf()),
            text: None,
            findings: s.findings.clone(),
            suppressed: Vec::new(),
            summary: s.summary.clone(),
            suppressions: s.suppressions.clone(),
            items: s.items.clone(),
        })
    }
}

/// A finding as read back from the cache: its rule's name must be one of
/// the registered rules (else the cache entry is not trusted).
#[derive(Deserialize)]
struct StoredFinding {
    rule: String,
    severity: Severity,
    message: String,
    span: Span,
    label: String,
    labels: Vec<Label>,
    help: Option<String>,
    article: Option<String>,
    line: usize,
    column: usize,
}

fn known_rules<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Finding>, D::Error> {
    let stored = Vec::<StoredFinding>::deserialize(d)?;
    stored
        .into_iter()
        .map(|s| {
            let rule = crate::rules::doc(&s.rule)
                .map(|d| d.name)
                .ok_or_else(|| serde::de::Error::custom(format!("unknown rule `{}`", s.rule)))?;
            Ok(Finding {
                rule,
                severity: s.severity,
                message: s.message,
                span: s.span,
                label: s.label,
                labels: s.labels,
                help: s.help,
                article: s.article,
                line: s.line,
                column: s.column,
                related: Vec::new(),
            })
        })
        .collect()
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    /// bienban's version, the profile and the language: entries are only
    /// valid for the same.
    salt: String,
    entries: HashMap<String, Entry>,
}

pub struct Cache {
    dir: PathBuf,
    salt: String,
    old: HashMap<String, Entry>,
    /// Files whose result was reused, and files checked anew.
    pub hits: AtomicUsize,
    pub misses: AtomicUsize,
}

pub use crate::common::hash::key;

impl Cache {
    /// Opens the cache in `root`; an unreadable, corrupt or stale cache is
    /// an empty one.
    pub fn open(root: &Path, profile_source: &str, lang: Lang) -> Cache {
        let salt = format!("{}:{}:{:?}", env!("CARGO_PKG_VERSION"), key(profile_source.as_bytes()), lang);
        let dir = root.join(DIR_NAME);
        let old = std::fs::read(dir.join(FILE_NAME))
            .ok()
            .and_then(|b| decode(&b))
            .filter(|c| c.salt == salt)
            .map(|c| c.entries)
            .unwrap_or_default();
        Cache { dir, salt, old, hits: AtomicUsize::new(0), misses: AtomicUsize::new(0) }
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        let e = self.old.get(key);
        let counter = if e.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        e
    }

    /// `hits/misses`, for `--debug-cache`.
    pub fn counts(&self) -> (usize, usize) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// Writes the entries of this run: `(key, None)` for a file whose old
    /// entry was used, `(key, Some(entry))` for one checked anew (entries of
    /// files no longer in the archive are dropped). Hits are not cloned
    /// unless something changed. Failing to write a cache is not an error.
    pub fn store(&self, seen: Vec<(String, Option<Entry>)>) {
        let unchanged = seen.iter().all(|(_, e)| e.is_none()) && seen.len() == self.old.len();
        if unchanged {
            return;
        }
        let entries: HashMap<String, Entry> = seen
            .into_iter()
            .filter_map(|(k, e)| match e {
                Some(e) => Some((k, e)),
                None => self.old.get(&k).map(|old| (k, old.clone())),
            })
            .collect();
        let file = CacheFile { salt: self.salt.clone(), entries };
        let Some(bytes) = encode(&file) else { return };
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        // Tell tools (git, editors' searches) to leave the cache alone.
        let _ = std::fs::write(self.dir.join(".gitignore"), "*\n");
        let _ = crate::common::fs::write_atomically(&self.dir.join(FILE_NAME), &bytes);
    }
}

fn encode(file: &CacheFile) -> Option<Vec<u8>> {
    let payload = postcard::to_stdvec(file).ok()?;
    let mut bytes = xxhash_rust::xxh3::xxh3_128(&payload).to_le_bytes().to_vec();
    bytes.extend_from_slice(&payload);
    Some(bytes)
}

fn decode(bytes: &[u8]) -> Option<CacheFile> {
    let (sum, payload) = bytes.split_at_checked(16)?;
    if sum != xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes() {
        return None;
    }
    postcard::from_bytes(payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_with_content_and_are_stable() {
        assert_eq!(key(b"abc"), key(b"abc"));
        assert_ne!(key(b"abc"), key(b"abd"));
        assert_ne!(key(b""), key(b"\0"));
    }

    #[test]
    fn a_corrupt_or_stale_cache_is_empty() {
        let d = std::env::temp_dir().join(format!("bienban-cache-test-{}", std::process::id()));
        std::fs::create_dir_all(d.join(DIR_NAME)).unwrap();
        std::fs::write(d.join(DIR_NAME).join(FILE_NAME), b"not a cache at all").unwrap();
        assert!(Cache::open(&d, "p", Lang::Vi).old.is_empty());
        let c = Cache::open(&d, "p", Lang::Vi);
        c.store(vec![(key(b"x"), Some(Entry(None)))]);
        assert_eq!(Cache::open(&d, "p", Lang::Vi).old.len(), 1);
        // Another profile or language: stale.
        assert!(Cache::open(&d, "q", Lang::Vi).old.is_empty());
        assert!(Cache::open(&d, "p", Lang::En).old.is_empty());
        let _ = std::fs::remove_dir_all(&d);
    }
}

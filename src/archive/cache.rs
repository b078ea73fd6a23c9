//! Incremental runs: the per-file results (before the archive pass) are
//! kept in the user's cache folder, one file per archive, keyed by each
//! file's content hash, and reused when bienban, the profile, the roster,
//! the language and the reading options are the same. A repeated run on an unchanged
//! archive reads the files but does not parse them again.
//!
//! The cache is never inside the archive: an archive comes from whoever
//! wrote it, and a cache shipped with it could say that a record with a
//! quorum error is clean. It lives in `$BIENBAN_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/bienban`, else `~/.cache/bienban`, in a folder only the
//! user may enter (0700, not a link, the user's own), as
//! `<BLAKE3 of the archive's canonical path>.bin` (0600). It is written
//! through a temporary file and a rename (concurrent runs each write a
//! whole file; the last one wins); one that cannot be read, is altered or
//! does not match is discarded, never trusted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::check::{FileResult, Options, Scope, Skip};
use crate::common::finding::{Finding, Label, Severity};
use crate::common::hash::{digest, key};
use crate::common::i18n::Lang;
use crate::common::span::Span;
use crate::model::summary::Summary;
use crate::tr;

/// Overrides where caches are kept (tests use it; so may CI, to keep the
/// cache between jobs).
pub const ENV_DIR: &str = "BIENBAN_CACHE_DIR";
/// The largest cache file read (100,000 records take about 50 MB).
pub const MAX_CACHE_SIZE: u64 = 512 << 20;
/// The format: a 32-byte BLAKE3 of the rest, then postcard (compact binary
/// serde) of a [`CacheFile`]. Bumped when the layout changes.
const FORMAT: &str = "v6";
/// A temporary file older than this was left by a killed run.
const STALE_TEMP: Duration = Duration::from_secs(600);

/// What a file's check produced, or `None` for a file that is not a record.
#[derive(Clone, Serialize, Deserialize)]
pub struct Entry(Result<Stored, Skip>);

#[derive(Clone, Serialize, Deserialize)]
pub struct Stored {
    #[serde(deserialize_with = "known_rules")]
    findings: Vec<Finding>,
    summary: Option<std::sync::Arc<Summary>>,
    suppressions: Vec<Scope>,
    items: Vec<Span>,
    /// The decoded text of a file that is not UTF-8 on disk (UTF-16).
    text: Option<String>,
}

impl Entry {
    pub fn of(r: &Result<FileResult, Skip>) -> Entry {
        Entry(match r {
            Ok(r) => Ok(Stored {
                findings: r.findings.clone(),
                summary: r.summary.clone(),
                suppressions: r.suppressions.clone(),
                items: r.items.clone(),
                text: r.text.clone(),
            }),
            Err(skip) => Err(skip.clone()),
        })
    }

    /// The result for `display` at `path`, as it was computed.
    pub fn result(&self, display: &str, path: &Path) -> Result<FileResult, Skip> {
        let s = self.0.as_ref().map_err(Clone::clone)?;
        Ok(FileResult {
            path: display.to_string(),
            file: s.text.is_none().then(|| path.to_path_buf()),
            text: s.text.clone(),
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

/// Everything that changes a file's result besides its bytes: entries are
/// only valid for the same. (The baseline of issue 11 goes here when it
/// exists: a fingerprint, like the profile's and the roster's.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Salt {
    version: String,
    /// The profile's fingerprint ([`crate::regulation::profile::Profile::fingerprint`]).
    profile: String,
    /// The roster's ([`crate::model::roster::Roster::fingerprint`]), if the archive has one.
    roster: Option<String>,
    lang: Lang,
    /// `--encoding`: how files that are not UTF-8 are read.
    encoding: Option<String>,
    /// `--max-file-size`.
    max_file_size: u64,
}

impl Salt {
    pub fn new(profile_fingerprint: &str, roster_fingerprint: Option<&str>, opts: &Options) -> Salt {
        Salt {
            version: concat!(env!("CARGO_PKG_VERSION"), "+", env!("BIENBAN_BUILD_ID")).to_string(),
            profile: profile_fingerprint.to_string(),
            roster: roster_fingerprint.map(str::to_string),
            lang: opts.lang,
            encoding: opts.encoding.map(|e| format!("{e:?}")),
            max_file_size: opts.max_file_size,
        }
    }
}

/// A content key: the BLAKE3 of a file's bytes.
pub type Key = [u8; 32];

/// The key of a file's bytes.
pub fn key_of(bytes: &[u8]) -> Key {
    digest(bytes)
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    salt: Salt,
    /// The archive's canonical path (the file name is its hash).
    root: PathBuf,
    entries: HashMap<Key, Entry>,
}

/// Where caches are kept, if anywhere: `$BIENBAN_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/bienban`, else `$HOME/.cache/bienban`.
pub fn folder() -> Option<PathBuf> {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(d) = var(ENV_DIR) {
        return Some(d);
    }
    if let Some(x) = var("XDG_CACHE_HOME").filter(|x| x.is_absolute()) {
        return Some(x.join("bienban"));
    }
    var("HOME").filter(|h| h.is_absolute()).map(|h| h.join(".cache").join("bienban"))
}

/// The cache folder made ready: created owner-only if missing; refused if
/// it is a link, not the user's, or writable by others (a cache others can
/// write is a verdict others can forge).
fn ready(dir: &Path, lang: Lang) -> Result<(), String> {
    let refuse = |why: String| {
        tr!(lang, "bienban: không dùng bộ nhớ đệm {}: {}", "bienban: not using the cache {}: {}", dir.display(), why)
    };
    if std::fs::symlink_metadata(dir).is_err() {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir).map_err(|e| refuse(e.to_string()))?;
    }
    let m = std::fs::symlink_metadata(dir).map_err(|e| refuse(e.to_string()))?;
    if m.file_type().is_symlink() || !m.is_dir() {
        return Err(refuse(tr!(lang, "không phải thư mục (hoặc là liên kết)", "not a folder (or a link)")));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid(2) cannot fail and has no side effect.
        let me = unsafe { libc::geteuid() };
        if m.uid() != me {
            return Err(refuse(tr!(
                lang,
                "thuộc người dùng khác (uid {})",
                "it belongs to another user (uid {})",
                m.uid()
            )));
        }
        if m.mode() & 0o022 != 0 {
            return Err(refuse(tr!(
                lang,
                "người khác có quyền ghi vào đó (chmod 700)",
                "others may write to it (chmod 700)"
            )));
        }
    }
    Ok(())
}

pub struct Cache {
    file: PathBuf,
    root: PathBuf,
    salt: Salt,
    old: HashMap<Key, Entry>,
    lang: Lang,
    /// Files whose result was reused, and files checked anew.
    pub hits: AtomicUsize,
    pub misses: AtomicUsize,
}

impl Cache {
    /// Opens the cache of the archive at `root` (canonical) in `dir`; an
    /// unreadable, corrupt or stale cache is an empty one. `Err`: the
    /// folder may not be used (said on standard error by the caller).
    pub fn open(dir: &Path, root: &Path, salt: Salt, lang: Lang) -> Result<Cache, String> {
        ready(dir, lang)?;
        let file = dir.join(format!("{}-{}.bin", FORMAT, &key(root.as_os_str().as_encoded_bytes())[..32]));
        let old = crate::read::file::read_limited(&file, MAX_CACHE_SIZE)
            .ok()
            .and_then(|b| decode(&b))
            .filter(|c| c.salt == salt && c.root == root)
            .map(|c| c.entries)
            .unwrap_or_default();
        Ok(Cache {
            file,
            root: root.to_path_buf(),
            salt,
            old,
            lang,
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        })
    }

    pub fn get(&self, key: &Key) -> Option<&Entry> {
        let e = self.old.get(key);
        let counter = if e.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        e
    }

    /// `hits/misses`, for `--debug-cache`.
    pub fn counts(&self) -> (usize, usize) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// The cache file of this archive.
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// Writes the entries of this run: `(key, None)` for a file whose old
    /// entry was used, `(key, Some(entry))` for one checked anew (entries of
    /// files no longer in the archive are dropped). Hits are not cloned
    /// unless something changed. Failing to write a cache does not fail
    /// the run: the message says why, for standard error.
    pub fn store(&self, seen: Vec<(Key, Option<Entry>)>) -> Result<(), String> {
        let unchanged = seen.iter().all(|(_, e)| e.is_none()) && seen.len() == self.old.len();
        if unchanged {
            return Ok(());
        }
        let entries: HashMap<Key, Entry> = seen
            .into_iter()
            .filter_map(|(k, e)| match e {
                Some(e) => Some((k, e)),
                None => self.old.get(&k).map(|old| (k, old.clone())),
            })
            .collect();
        let file = CacheFile { salt: self.salt.clone(), root: self.root.clone(), entries };
        let Some(bytes) = encode(&file) else { return Ok(()) };
        let dir = self.file.parent().unwrap_or(Path::new("."));
        let name = self.file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        crate::common::fs::sweep(dir, name, STALE_TEMP);
        crate::common::fs::write_private(&self.file, &bytes).map_err(|e| {
            tr!(
                self.lang,
                "bienban: không ghi được bộ nhớ đệm {}: {} (lần sau sẽ kiểm tra lại mọi tệp)",
                "bienban: cannot write the cache {}: {} (the next run checks every file again)",
                self.file.display(),
                e
            )
        })
    }
}

fn encode(file: &CacheFile) -> Option<Vec<u8>> {
    let payload = postcard::to_stdvec(file).ok()?;
    let mut bytes = digest(&payload).to_vec();
    bytes.extend_from_slice(&payload);
    Some(bytes)
}

fn decode(bytes: &[u8]) -> Option<CacheFile> {
    let (sum, payload) = bytes.split_at_checked(32)?;
    if sum != digest(payload) {
        return None;
    }
    postcard::from_bytes(payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_with_content_and_are_stable() {
        assert_eq!(key_of(b"abc"), key_of(b"abc"));
        assert_ne!(key_of(b"abc"), key_of(b"abd"));
        assert_ne!(key_of(b""), key_of(b"\0"));
    }

    #[test]
    fn a_corrupt_or_stale_cache_is_empty() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("cache");
        let root = d.path().join("archive");
        let salt = |lang, profile: &str| Salt::new(profile, None, &Options::new(lang, false));
        let c = Cache::open(&dir, &root, salt(Lang::Vi, "p"), Lang::Vi).unwrap();
        std::fs::write(c.path(), b"not a cache at all").unwrap();
        assert!(Cache::open(&dir, &root, salt(Lang::Vi, "p"), Lang::Vi).unwrap().old.is_empty());
        c.store(vec![(key_of(b"x"), Some(Entry(Err(Skip::Empty))))]).unwrap();
        assert_eq!(Cache::open(&dir, &root, salt(Lang::Vi, "p"), Lang::Vi).unwrap().old.len(), 1);
        // Another profile, roster, language or archive: stale.
        assert!(Cache::open(&dir, &root, salt(Lang::Vi, "q"), Lang::Vi).unwrap().old.is_empty());
        let rostered = Salt::new("p", Some("r"), &Options::new(Lang::Vi, false));
        assert!(Cache::open(&dir, &root, rostered, Lang::Vi).unwrap().old.is_empty());
        assert!(Cache::open(&dir, &root, salt(Lang::En, "p"), Lang::Vi).unwrap().old.is_empty());
        assert!(Cache::open(&dir, &d.path().join("other"), salt(Lang::Vi, "p"), Lang::Vi).unwrap().old.is_empty());
        let mut opts = Options::new(Lang::Vi, false);
        opts.max_file_size = 1;
        assert!(Cache::open(&dir, &root, Salt::new("p", None, &opts), Lang::Vi).unwrap().old.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_others_may_write_or_a_link_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let open = std::fs::create_dir(d.path().join("open"));
        open.unwrap();
        std::fs::set_permissions(d.path().join("open"), std::fs::Permissions::from_mode(0o777)).unwrap();
        let salt = Salt::new("p", None, &Options::default());
        assert!(Cache::open(&d.path().join("open"), d.path(), salt.clone(), Lang::En).is_err());
        std::os::unix::fs::symlink(d.path().join("open"), d.path().join("link")).unwrap();
        assert!(Cache::open(&d.path().join("link"), d.path(), salt.clone(), Lang::En).is_err());
        let c = Cache::open(&d.path().join("new/deep"), d.path(), salt, Lang::En).unwrap();
        let mode = std::fs::metadata(d.path().join("new/deep")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        c.store(vec![(key_of(b"x"), Some(Entry(Err(Skip::Empty))))]).unwrap();
        assert_eq!(std::fs::metadata(c.path()).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

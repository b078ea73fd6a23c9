//! Incremental runs: what checking each file of an archive produced, and
//! what the archive rules found over them all, kept in the user's cache
//! folder, one file per archive, and reused when bienban (its build), the
//! profile, the roster, the language and the reading options are the same.
//!
//! A file is not read at all when its stat data (size, modification and
//! status-change times in nanoseconds, inode: [`Stat`]) are those recorded
//! when it was last read — what git's index does. A file whose stat data
//! differ is read and hashed (BLAKE3), and its results are reused when a
//! file with the same bytes was checked before: a touch without a change
//! costs a read, never a wrong result. Git's "racy" case is guarded: a file
//! modified (or its status changed) less than [`RACY_NS`] before the run
//! that recorded it started may have been changed again within the same
//! clock tick without its stat data showing it, so it is read again until
//! a later run records it.
//!
//! The archive rules' findings are kept too, with a key over the paths of
//! the archive's records, a digest of each one's summary (all that the
//! archive rules read) and the configuration they read (period, terms): a
//! run in which none of these changed does not decode the summaries or run
//! the archive rules again. So a run that names one file reads that file,
//! and takes everything else from the cache after one `lstat` per file of
//! the archive.
//!
//! The cache is never inside the archive: an archive comes from whoever
//! wrote it, and a cache shipped with it could say that a record with a
//! quorum error is clean. It lives in `$BIENBAN_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/bienban`, else `~/.cache/bienban`, in a folder only the
//! user may enter (0700, not a link, the user's own), as
//! `<FORMAT>-<BLAKE3 of the archive's canonical path>.bin` (0600). It is
//! written through a temporary file and a rename (concurrent runs each
//! write a whole file; the last one wins), only when something changed; one
//! that cannot be read, is altered or does not match is discarded, never
//! trusted.
//!
//! The file: a 32-byte BLAKE3 of the rest; then, in postcard (compact
//! binary serde), a [`Head`] (what the cache is valid for) and an
//! [`Index`] (the entries, keyed by the BLAKE3 of a file's bytes; the files
//! by path, with their stat data and entry; the archive rules' findings);
//! then the blobs the index points into (each entry's summary, and the
//! rest of its results), decoded only when needed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::check::{FileResult, Options, Scope, Skip};
use crate::common::finding::{Finding, Label, Related, Severity};
use crate::common::hash::{digest, digest_parallel, key};
use crate::common::i18n::Lang;
use crate::common::span::Span;
use crate::model::summary::Summary;
use crate::read::file::Stat;
use crate::tr;

/// Overrides where caches are kept (tests use it; so may CI, to keep the
/// cache between jobs).
pub const ENV_DIR: &str = "BIENBAN_CACHE_DIR";
/// The largest cache file read (100,000 records take about 60 MB).
pub const MAX_CACHE_SIZE: u64 = 512 << 20;
/// The format, in the file's name. Bumped when the layout changes.
const FORMAT: &str = "v7";
/// A temporary file older than this was left by a killed run.
const STALE_TEMP: Duration = Duration::from_secs(600);
/// The racy guard, in nanoseconds: a file whose modification or status
/// change is less than this older than the start of the run that recorded
/// it is read again. Two seconds cover the coarsest clocks that file times
/// are taken from (the kernel's tick; FAT keeps times to two seconds).
pub const RACY_NS: i64 = 2_000_000_000;

/// Changes to at most this many files (and fewer than one file in a
/// hundred) are not worth rewriting the cache for ([`Cache::store`]).
pub const LAZY_FILES: usize = 8;

/// A content key: the BLAKE3 of a file's bytes.
pub type Key = [u8; 32];
/// A summary's digest (the first half of its BLAKE3), for the archive rules' key.
pub type Digest = [u8; 16];
/// A range of the blob area: offset and length.
type Blob = (u32, u32);

/// The key of a file's bytes.
pub fn key_of(bytes: &[u8]) -> Key {
    digest(bytes)
}

/// What a file's check produced (but its summary: see [`New`]), or why it
/// is not a record.
struct Entry(Result<Stored, Skip>);

struct Stored {
    findings: Vec<Finding>,
    suppressions: Vec<Scope>,
    items: Vec<Span>,
    /// The decoded text of a file that is not UTF-8 on disk (UTF-16).
    text: Option<String>,
}

/// An entry as written: everything but the summary (kept apart, so that the
/// archive rules can have the summaries without the rest).
#[derive(Serialize)]
struct RestOut<'a> {
    findings: &'a [Finding],
    suppressions: &'a [Scope],
    items: &'a [Span],
    text: &'a Option<String>,
}

#[derive(Deserialize)]
struct RestIn {
    #[serde(deserialize_with = "known_rules")]
    findings: Vec<Finding>,
    suppressions: Vec<Scope>,
    items: Vec<Span>,
    text: Option<String>,
}

/// A newly checked file's entry, ready to be written.
pub struct New {
    key: Key,
    entry: Entry,
    /// The summary, encoded (the bytes its digest is taken of).
    summary: Option<Vec<u8>>,
    pub digest: Digest,
}

impl New {
    /// The entry of result `r` of a file with key `key`; the findings of
    /// rules that are `off` are left out (the salt names them).
    pub fn of(key: Key, r: &Result<FileResult, Skip>, off: &[&str]) -> New {
        let entry = Entry(match r {
            Ok(r) => Ok(Stored {
                findings: r.findings.iter().filter(|f| !off.contains(&f.rule)).cloned().collect(),
                suppressions: r.suppressions.clone(),
                items: r.items.clone(),
                text: r.text.clone(),
            }),
            Err(skip) => Err(skip.clone()),
        });
        let summary = r.as_ref().ok().and_then(|r| r.summary.as_deref()).and_then(|s| postcard::to_stdvec(s).ok());
        let digest = digest_of(summary.as_deref());
        New { key, entry, summary, digest }
    }
}

/// The digest of an encoded summary (zeros for none).
fn digest_of(summary: Option<&[u8]>) -> Digest {
    let mut d = [0; 16];
    if let Some(s) = summary {
        d.copy_from_slice(&digest(s)[..16]);
    }
    d
}

/// The digest of a result's summary, for results that have no [`New`].
pub fn summary_digest(summary: Option<&Summary>) -> Digest {
    digest_of(summary.and_then(|s| postcard::to_stdvec(s).ok()).as_deref())
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

impl StoredFinding {
    fn into_finding(self) -> Result<Finding, String> {
        let rule =
            crate::rules::doc(&self.rule).map(|d| d.name).ok_or_else(|| format!("unknown rule `{}`", self.rule))?;
        Ok(Finding {
            rule,
            severity: self.severity,
            message: self.message,
            span: self.span,
            label: self.label,
            labels: self.labels,
            help: self.help,
            article: self.article,
            line: self.line,
            column: self.column,
            related: Vec::new(),
        })
    }
}

fn known_rules<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Finding>, D::Error> {
    let stored = Vec::<StoredFinding>::deserialize(d)?;
    stored.into_iter().map(|s| s.into_finding().map_err(serde::de::Error::custom)).collect()
}

/// The archive rules' findings as written: for each, the index of its file
/// and of the other files it involves (so that a run can pick the ones it
/// reports without decoding the others), and its blob.
#[derive(Serialize, Deserialize)]
struct ArchiveHead {
    file: u32,
    involved: Vec<u32>,
    blob: Blob,
}

/// One archive finding's blob: the finding (its `related` is not
/// serialised with it) and the places it involves.
#[derive(Serialize)]
struct ArchiveOut<'a>(&'a Finding, &'a [Related]);

#[derive(Deserialize)]
struct ArchiveIn(StoredFinding, Vec<Related>);

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
    /// The rules that are off (by the profile or the configuration): their
    /// findings are not kept ([`Cache::off`]), so turning one on in
    /// `bienban.toml` makes another cache.
    off: Vec<String>,
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
            off: Vec::new(),
        }
    }

    /// The same, for a run where `off` rules are off.
    pub fn with_off(mut self, off: &[&str]) -> Salt {
        self.off = off.iter().map(|r| r.to_string()).collect();
        self
    }
}

/// What a cache file is valid for.
#[derive(Serialize, Deserialize)]
struct Head<'a> {
    salt: Salt,
    /// The archive's canonical path (the file name is its hash).
    root: &'a [u8],
}

/// Keys and digests as bytes (a length, then the bytes as they are): read
/// back several times faster than arrays, which serde takes byte by byte.
mod raw {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer, const N: usize>(b: &[u8; N], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(b)
    }

    pub fn deserialize<'de, D: Deserializer<'de>, const N: usize>(d: D) -> Result<[u8; N], D::Error> {
        let b: &[u8] = Deserialize::deserialize(d)?;
        b.try_into().map_err(|_| serde::de::Error::custom("wrong length"))
    }
}

/// What a cache file holds, pointing into the blob area after it.
#[derive(Serialize, Deserialize)]
struct Index<'a> {
    /// When the run that wrote it started (nanoseconds since 1970): the racy guard.
    started: i64,
    /// Entries by content key: each key appears once in the file.
    entries: Vec<EntryRow>,
    #[serde(borrow)]
    files: Vec<FileRow<'a>>,
    /// The archive rules' findings: their key, and the blob of `ArchiveOut`s.
    archive: Option<(Key, Blob)>,
}

#[derive(Clone, Serialize, Deserialize)]
struct EntryRow {
    #[serde(with = "raw")]
    key: Key,
    /// Why the file is not a record (then it has no summary and no rest).
    skip: Option<Skip>,
    summary: Option<Blob>,
    #[serde(with = "raw")]
    digest: Digest,
    rest: Blob,
    /// It has findings, suppressions or text of its own (else `rest` need
    /// not be decoded).
    busy: bool,
}

#[derive(Serialize, Deserialize)]
struct FileRow<'a> {
    /// Relative to the root, as bytes (names need not be UTF-8).
    path: &'a [u8],
    /// `None` for a link: always read.
    stat: Option<Stat>,
    entry: u32,
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

fn now_ns() -> i64 {
    let d = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(d.as_nanos()).unwrap_or(i64::MAX)
}

pub struct Cache {
    file: PathBuf,
    root: PathBuf,
    salt: Salt,
    lang: Lang,
    /// When this run opened the cache, before reading any file of the archive.
    started: i64,
    /// What the cache file held (nothing, if there was no usable one).
    old: Old,
    /// Files whose result was reused, and files checked anew.
    hits: AtomicUsize,
    misses: AtomicUsize,
    /// Files whose bytes were read (a hit by content is read; one by stat is not).
    reads: AtomicUsize,
}

impl Cache {
    /// Opens the cache of the archive at `root` (canonical) in `dir`; an
    /// unreadable, corrupt or stale cache is an empty one. `Err`: the
    /// folder may not be used (said on standard error by the caller).
    pub fn open(dir: &Path, root: &Path, salt: Salt, lang: Lang) -> Result<Cache, String> {
        let started = now_ns();
        ready(dir, lang)?;
        let file = dir.join(format!("{}-{}.bin", FORMAT, &key(root.as_os_str().as_encoded_bytes())[..32]));
        let old = crate::read::file::read_limited(&file, MAX_CACHE_SIZE)
            .ok()
            .and_then(|bytes| Old::decode(bytes, &salt, root))
            .unwrap_or_default();
        Ok(Cache {
            file,
            root: root.to_path_buf(),
            salt,
            lang,
            started,
            old,
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            reads: AtomicUsize::new(0),
        })
    }

    /// What the cache file held (nothing, if there was no usable one).
    pub fn old(&self) -> &Old {
        &self.old
    }

    pub fn hit(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    pub fn miss(&self) {
        self.misses.fetch_add(1, Ordering::Relaxed);
    }

    pub fn read(&self) {
        self.reads.fetch_add(1, Ordering::Relaxed);
    }

    /// `hits/misses`, for `--debug-cache`.
    pub fn counts(&self) -> (usize, usize) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// Files read, for `--debug-cache`.
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::Relaxed)
    }

    /// What the cache is valid for.
    pub fn salt(&self) -> &Salt {
        &self.salt
    }

    /// The cache file of this archive.
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// Writes what this run knows, if it differs from what the cache held:
    /// `files` (each file's path relative to the root, stat data and
    /// entry; files no longer in the archive, and entries no file uses, are
    /// dropped) and the archive rules' findings (`(key, None)`: those of
    /// the old cache still hold). Old entries are copied as they were
    /// stored. Failing to write a cache does not fail the run: the message
    /// says why, for standard error.
    pub fn store(&self, old: &Old, files: Vec<Row<'_>>, archive: Option<ArchiveUpdate<'_>>) -> Result<(), String> {
        if !self.changed(old, &files, archive.as_ref()) || self.not_worth_writing(old, &files, archive.as_ref()) {
            return Ok(());
        }
        let Some(bytes) = self.encode(old, files, archive) else { return Ok(()) };
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

    /// Whether what changed is so little that the next run reading it again
    /// costs less than writing the cache (tens of megabytes for a
    /// province): at most [`LAZY_FILES`] files, and fewer than one in a
    /// hundred, with the archive rules' findings those of the cache. Such
    /// files are read (and, when new, checked) again next time, which is
    /// what a pre-commit run does with the file it names anyway.
    fn not_worth_writing(&self, old: &Old, files: &[Row<'_>], archive: Option<&ArchiveUpdate<'_>>) -> bool {
        if archive.is_some_and(|a| a.findings.is_some()) || files.len() != old.files.len() {
            return false;
        }
        let pending = files.iter().filter(|f| !f.known).count();
        pending <= LAZY_FILES && pending * 100 < files.len()
    }

    /// Whether anything would be written that the cache does not hold: a
    /// new entry, new archive findings, a file added, gone, changed or
    /// read again and no longer racy.
    fn changed(&self, old: &Old, files: &[Row<'_>], archive: Option<&ArchiveUpdate<'_>>) -> bool {
        if archive.is_some_and(|a| a.findings.is_some() || old.archive.map(|x| x.0) != Some(a.key)) {
            return true;
        }
        if files.len() != old.files.len() {
            return true;
        }
        let racy = |s: &Stat, started: i64| s.mtime >= started - RACY_NS || s.ctime >= started - RACY_NS;
        files.iter().filter(|f| !f.known).any(|f| {
            let Ref::Old(e) = f.entry else { return true };
            let Some(i) = f.was else { return true };
            let (_, stat, entry) = old.files[i as usize];
            entry != e || stat != f.stat || f.stat.is_some_and(|s| racy(&s, old.started) && !racy(&s, self.started))
        })
    }

    /// The new cache file. When most of the old one is still in use (the
    /// usual case: a few files changed), its entries and blob area are kept
    /// as they are, at the same places, and the new ones added after them —
    /// a copy, not 100,000 entries re-laid; otherwise (more than half of it
    /// unused) only what is used is copied.
    fn encode(&self, old: &Old, mut files: Vec<Row<'_>>, archive: Option<ArchiveUpdate<'_>>) -> Option<Vec<u8>> {
        // Sorted by path: a run looks them up in the order it walks them.
        files.sort_unstable_by(|a, b| a.path.cmp(b.path));
        files.dedup_by(|a, b| a.path == b.path);
        let mut used = vec![false; old.entries.len()];
        for f in &files {
            if let Ref::Old(e) = f.entry {
                *used.get_mut(e as usize)? = true;
            }
        }
        let size = |e: &EntryRow| e.summary.map_or(0, |b| b.1 as usize) + if e.busy { e.rest.1 as usize } else { 0 };
        let live_entries = old.entries.iter().zip(&used).filter(|(_, u)| **u);
        let mut live: usize = live_entries.clone().map(|(e, _)| size(e)).sum();
        let reused_archive = match &archive {
            Some(ArchiveUpdate { findings: None, .. }) => Some(old.archive_heads()?),
            _ => None,
        };
        if let Some((heads, b)) = &reused_archive {
            live += b.1 as usize + heads.iter().map(|h| h.blob.1 as usize).sum::<usize>();
        }
        let area = old.bytes.len() - old.blobs;
        let append = area > 0 && live * 2 >= area && live_entries.count() * 2 >= old.entries.len();
        let put = |blobs: &mut Vec<u8>, bytes: &[u8]| -> Option<Blob> {
            let at = u32::try_from(blobs.len()).ok()?;
            let len = u32::try_from(bytes.len()).ok()?;
            blobs.extend_from_slice(bytes);
            Some((at, len))
        };
        let (mut entries, mut blobs) = if append {
            (old.entries.clone(), old.bytes[old.blobs..].to_vec())
        } else {
            (Vec::new(), Vec::with_capacity(live))
        };
        let mut from_old: HashMap<u32, u32> = HashMap::new();
        let mut from_new: HashMap<Key, u32> = HashMap::new();
        let mut rows = Vec::with_capacity(files.len());
        for f in &files {
            let at = entries.len() as u32;
            let entry = match &f.entry {
                Ref::Old(e) if append => *e,
                Ref::Old(e) => match from_old.get(e) {
                    Some(&i) => i,
                    None => {
                        let mut row = old.entries.get(*e as usize)?.clone();
                        if let Some(s) = row.summary {
                            row.summary = Some(put(&mut blobs, old.blob(s)?)?);
                        }
                        if row.busy {
                            row.rest = put(&mut blobs, old.blob(row.rest)?)?;
                        }
                        entries.push(row);
                        from_old.insert(*e, at);
                        at
                    }
                },
                Ref::New(n) => match from_new.get(&n.key) {
                    Some(&i) => i,
                    None => {
                        let row = match &n.entry.0 {
                            Ok(s) => {
                                let busy = !s.findings.is_empty() || !s.suppressions.is_empty() || s.text.is_some();
                                let rest = if busy {
                                    // Item spans matter to suppressions only.
                                    let items = if s.suppressions.is_empty() { &[][..] } else { &s.items[..] };
                                    let rest = RestOut {
                                        findings: &s.findings,
                                        suppressions: &s.suppressions,
                                        items,
                                        text: &s.text,
                                    };
                                    put(&mut blobs, &postcard::to_stdvec(&rest).ok()?)?
                                } else {
                                    (0, 0)
                                };
                                let summary = match &n.summary {
                                    Some(b) => Some(put(&mut blobs, b)?),
                                    None => None,
                                };
                                EntryRow { key: n.key, skip: None, summary, digest: n.digest, rest, busy }
                            }
                            Err(skip) => EntryRow {
                                key: n.key,
                                skip: Some(skip.clone()),
                                summary: None,
                                digest: n.digest,
                                rest: (0, 0),
                                busy: false,
                            },
                        };
                        entries.push(row);
                        from_new.insert(n.key, at);
                        at
                    }
                },
            };
            rows.push(FileRow { path: f.path, stat: f.stat, entry });
        }
        let archive = match archive {
            None => None,
            // Appended to: the findings' blobs are where they were.
            Some(ArchiveUpdate { key, findings: None }) if append => Some((key, old.archive?.1)),
            Some(ArchiveUpdate { key, findings: None }) => {
                let (heads, _) = reused_archive?;
                let mut moved = Vec::with_capacity(heads.len());
                for h in heads {
                    moved.push(ArchiveHead { blob: put(&mut blobs, old.blob(h.blob)?)?, ..h });
                }
                Some((key, put(&mut blobs, &postcard::to_stdvec(&moved).ok()?)?))
            }
            Some(ArchiveUpdate { key, findings: Some((found, involved)) }) => {
                let mut heads = Vec::with_capacity(found.len());
                for ((i, f), involved) in found.iter().zip(involved) {
                    let blob = put(&mut blobs, &postcard::to_stdvec(&ArchiveOut(f, &f.related)).ok()?)?;
                    heads.push(ArchiveHead { file: u32::try_from(*i).ok()?, involved: involved.clone(), blob });
                }
                Some((key, put(&mut blobs, &postcard::to_stdvec(&heads).ok()?)?))
            }
        };
        let head = Head { salt: self.salt.clone(), root: self.root.as_os_str().as_encoded_bytes() };
        let index = Index { started: self.started, entries, files: rows, archive };
        let mut payload = postcard::to_stdvec(&head).ok()?;
        payload.extend(postcard::to_stdvec(&index).ok()?);
        payload.extend(blobs);
        let mut bytes = Vec::with_capacity(32 + payload.len());
        bytes.extend_from_slice(&digest_parallel(&payload));
        bytes.extend(payload);
        Some(bytes)
    }
}

/// Which entry a file has: one of the old cache's, or a new one.
pub enum Ref {
    Old(u32),
    New(Box<New>),
}

/// One file of the archive as the cache will know it.
pub struct Row<'a> {
    /// Relative to the root, as bytes.
    pub path: &'a [u8],
    pub stat: Option<Stat>,
    pub entry: Ref,
    /// The cache holds this very row (the file was known by its stat data).
    pub known: bool,
    /// Its index among the files the cache knew ([`Old::find`]), if any.
    pub was: Option<u32>,
}

/// Archive findings as `(file index, finding)`, with for each the indices
/// of the other files it involves.
pub type Found<'a> = (&'a [(usize, Finding)], &'a [Vec<u32>]);

/// The archive rules' findings of this run: their key, and if they had to
/// be found again (`None`: the cache's still hold), the findings with, for
/// each, the indices of the other files it involves.
pub struct ArchiveUpdate<'a> {
    pub key: Key,
    pub findings: Option<Found<'a>>,
}

/// The old cache file, decoded as far as its index (owned: it is read
/// while the archive is walked).
#[derive(Default)]
pub struct Old {
    started: i64,
    entries: Vec<EntryRow>,
    /// Each known file, sorted by path: where its path (relative to the
    /// root) lies in `bytes`, its stat data and its entry.
    files: Vec<((u32, u32), Option<Stat>, u32)>,
    /// Entries by key, made the first time a file is read (a run that
    /// reads none needs none).
    by_key: std::sync::OnceLock<HashMap<Key, u32>>,
    archive: Option<(Key, Blob)>,
    /// The file's bytes, and where the blob area starts in them.
    bytes: Vec<u8>,
    blobs: usize,
}

impl Old {
    /// The cache file `bytes`, if its checksum is right and it is the
    /// cache of `root` for `salt`.
    fn decode(bytes: Vec<u8>, salt: &Salt, root: &Path) -> Option<Old> {
        let (sum, payload) = bytes.split_at_checked(32)?;
        if sum != digest_parallel(payload) {
            return None;
        }
        let (head, rest) = postcard::take_from_bytes::<Head<'_>>(payload).ok()?;
        if &head.salt != salt || head.root != root.as_os_str().as_encoded_bytes() {
            return None;
        }
        let (index, blobs) = postcard::take_from_bytes::<Index<'_>>(rest).ok()?;
        let blobs = bytes.len() - blobs.len();
        // Paths are kept as where they lie in `bytes` (no copy of each).
        let base = bytes.as_ptr() as usize;
        let at = |p: &[u8]| Some((u32::try_from(p.as_ptr() as usize - base).ok()?, u32::try_from(p.len()).ok()?));
        let mut files = Vec::with_capacity(index.files.len());
        for f in &index.files {
            files.push((at(f.path)?, f.stat, f.entry));
        }
        let by_key = std::sync::OnceLock::new();
        let (started, entries, archive) = (index.started, index.entries, index.archive);
        let mut old = Old { started, entries, files, by_key, archive, bytes, blobs };
        // Written sorted; a file that is not is put right, not trusted less.
        if !old.files.is_sorted_by(|a, b| old.path(a.0) <= old.path(b.0)) {
            let mut files = std::mem::take(&mut old.files);
            files.sort_by(|a, b| old.path(a.0).cmp(old.path(b.0)));
            old.files = files;
        }
        Some(old)
    }

    fn path(&self, (at, len): (u32, u32)) -> &[u8] {
        &self.bytes[at as usize..at as usize + len as usize]
    }

    /// The index of the known file at `rel` (relative to the root, as
    /// bytes), if any. `cursor` remembers where the last one was: looking
    /// paths up in order costs one comparison each.
    pub fn find(&self, rel: &[u8], cursor: &mut usize) -> Option<u32> {
        if self.files.get(*cursor).is_some_and(|f| self.path(f.0) == rel) {
            *cursor += 1;
            return Some(*cursor as u32 - 1);
        }
        match self.files.binary_search_by(|f| self.path(f.0).cmp(rel)) {
            Ok(i) => {
                *cursor = i + 1;
                Some(i as u32)
            }
            Err(i) => {
                *cursor = i;
                None
            }
        }
    }

    fn blob(&self, (at, len): Blob) -> Option<&[u8]> {
        let at = self.blobs.checked_add(at as usize)?;
        self.bytes.get(at..at.checked_add(len as usize)?)
    }

    /// The entry of known file `i` ([`Old::find`]) if its stat data are the
    /// recorded ones and it was not racy then: its bytes need not be read.
    pub fn by_stat(&self, i: u32, stat: &Stat) -> Option<u32> {
        let (_, known, entry) = *self.files.get(i as usize)?;
        let settled = |t: i64| t < self.started.saturating_sub(RACY_NS);
        (known.as_ref() == Some(stat) && settled(stat.mtime) && settled(stat.ctime)).then_some(entry)
    }

    /// The entry of a file with these bytes.
    pub fn by_key(&self, key: &Key) -> Option<u32> {
        let by_key =
            self.by_key.get_or_init(|| self.entries.iter().enumerate().map(|(i, e)| (e.key, i as u32)).collect());
        by_key.get(key).copied()
    }

    /// Why the file of entry `e` is not a record, if it is not.
    pub fn skip(&self, e: u32) -> Option<&Skip> {
        self.entries.get(e as usize)?.skip.as_ref()
    }

    pub fn digest(&self, e: u32) -> Digest {
        self.entries.get(e as usize).map_or([0; 16], |r| r.digest)
    }

    /// The summary of entry `e`: `Some(None)` for a file without one,
    /// `None` if it cannot be decoded.
    pub fn summary(&self, e: u32) -> Option<Option<Arc<Summary>>> {
        let row = self.entries.get(e as usize)?;
        match row.summary {
            None => Some(None),
            Some(b) => postcard::from_bytes(self.blob(b)?).ok().map(|s: Summary| Some(Arc::new(s))),
        }
    }

    /// The result of entry `e` for `display` at `path`, as it was computed
    /// (without its summary); `None` if it cannot be decoded.
    pub fn result(&self, e: u32, display: &str, path: &Path) -> Option<Result<FileResult, Skip>> {
        let row = self.entries.get(e as usize)?;
        if let Some(skip) = &row.skip {
            return Some(Err(skip.clone()));
        }
        let rest = if row.busy {
            postcard::from_bytes(self.blob(row.rest)?).ok()?
        } else {
            RestIn { findings: Vec::new(), suppressions: Vec::new(), items: Vec::new(), text: None }
        };
        Some(Ok(FileResult {
            path: display.to_string(),
            file: rest.text.is_none().then(|| path.to_path_buf()),
            text: rest.text,
            findings: rest.findings,
            suppressed: Vec::new(),
            summary: None,
            suppressions: rest.suppressions,
            // Item spans matter only to suppressions.
            items: rest.items,
        }))
    }

    /// The heads of the archive rules' findings the cache holds, and where
    /// they lie.
    fn archive_heads(&self) -> Option<(Vec<ArchiveHead>, Blob)> {
        let (_, b) = self.archive?;
        Some((postcard::from_bytes(self.blob(b)?).ok()?, b))
    }

    /// The archive rules' findings recorded under `key`, if any: those
    /// that `pick` picks by the index of their file and of the files they
    /// involve (the others are not decoded).
    pub fn archive(&self, key: &Key, pick: impl Fn(u32, &[u32]) -> bool) -> Option<Vec<(usize, Finding)>> {
        let (k, b) = self.archive?;
        if &k != key {
            return None;
        }
        let heads: Vec<ArchiveHead> = postcard::from_bytes(self.blob(b)?).ok()?;
        heads
            .into_iter()
            .filter(|h| pick(h.file, &h.involved))
            .map(|h| {
                let ArchiveIn(f, related) = postcard::from_bytes(self.blob(h.blob)?).ok()?;
                let mut f = f.into_finding().ok()?;
                f.related = related;
                Some((h.file as usize, f))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(mtime: i64) -> Stat {
        Stat { size: 10, mtime, ctime: mtime, ino: 7 }
    }

    fn row(path: &str, stat: Option<Stat>, entry: Ref) -> Row<'_> {
        Row { path: path.as_bytes(), stat, entry, known: false, was: None }
    }

    fn new(bytes: &[u8]) -> Ref {
        Ref::New(Box::new(New::of(key_of(bytes), &Err(Skip::Empty), &[])))
    }

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
        let open = |root: &Path, salt| Cache::open(&dir, root, salt, Lang::Vi).unwrap();
        let c = open(&root, salt(Lang::Vi, "p"));
        std::fs::write(c.path(), b"not a cache at all").unwrap();
        assert!(open(&root, salt(Lang::Vi, "p")).old().entries.is_empty());
        c.store(c.old(), vec![row("x.md", None, new(b"x"))], None).unwrap();
        assert_eq!(open(&root, salt(Lang::Vi, "p")).old().entries.len(), 1);
        // Another profile, roster, language or archive: stale.
        assert!(open(&root, salt(Lang::Vi, "q")).old().entries.is_empty());
        assert!(open(&root, Salt::new("p", Some("r"), &Options::new(Lang::Vi, false))).old().entries.is_empty());
        assert!(open(&root, salt(Lang::En, "p")).old().entries.is_empty());
        assert!(open(&d.path().join("other"), salt(Lang::Vi, "p")).old().entries.is_empty());
        let mut opts = Options::new(Lang::Vi, false);
        opts.max_file_size = 1;
        assert!(open(&root, Salt::new("p", None, &opts)).old().entries.is_empty());
    }

    #[test]
    fn stat_data_are_trusted_only_when_equal_and_not_racy() {
        let d = tempfile::tempdir().unwrap();
        let salt = Salt::new("p", None, &Options::default());
        let c = Cache::open(d.path(), d.path(), salt.clone(), Lang::En).unwrap();
        let long_ago = c.started - 3600 * 1_000_000_000;
        let just_now = c.started - RACY_NS / 2;
        let rows = vec![
            row("old.md", Some(stat(long_ago)), new(b"a")),
            row("new.md", Some(stat(just_now)), new(b"b")),
            row("link.md", None, new(b"c")),
        ];
        c.store(c.old(), rows, None).unwrap();
        let c = Cache::open(d.path(), d.path(), salt, Lang::En).unwrap();
        let old = c.old();
        let by = |rel: &str, s: &Stat| old.find(rel.as_bytes(), &mut 0).and_then(|i| old.by_stat(i, s));
        let a = old.by_key(&key_of(b"a"));
        assert!(a.is_some());
        assert_eq!(by("old.md", &stat(long_ago)), a);
        // Any field that differs: read.
        for other in [
            Stat { size: 11, ..stat(long_ago) },
            Stat { ino: 8, ..stat(long_ago) },
            Stat { ctime: long_ago + 1, ..stat(long_ago) },
            stat(long_ago + 1),
        ] {
            assert_eq!(by("old.md", &other), None, "{other:?}");
        }
        // Modified shortly before the run that recorded it: read again.
        assert_eq!(by("new.md", &stat(just_now)), None);
        assert!(old.by_key(&key_of(b"b")).is_some());
        // A file modified long ago whose status changed just now: the same.
        assert_eq!(by("old.md", &Stat { ctime: just_now, ..stat(long_ago) }), None);
        assert_eq!(by("link.md", &stat(long_ago)), None);
        assert_eq!(by("gone.md", &stat(long_ago)), None);
        // Paths looked up in order, or not.
        let mut cursor = 0;
        let found: Vec<Option<u32>> = ["link.md", "new.md", "old.md", "a.md", "old.md", "zz.md"]
            .iter()
            .map(|p| old.find(p.as_bytes(), &mut cursor))
            .collect();
        assert_eq!(found, [Some(0), Some(1), Some(2), None, Some(2), None]);
        // Nothing changed: nothing written. Read again and no longer racy: written.
        let row_of = |p: &'static str, st, e: u32| {
            let was = old.find(p.as_bytes(), &mut 0);
            Row { path: p.as_bytes(), stat: st, entry: Ref::Old(e), known: false, was }
        };
        let e = |k: &[u8]| old.by_key(&key_of(k)).unwrap();
        let same = || vec![row_of("old.md", Some(stat(long_ago)), e(b"a")), row_of("link.md", None, e(b"c"))];
        assert!(c.changed(old, &same(), None), "new.md is gone");
        let mut all = same();
        all.push(row_of("new.md", Some(stat(just_now)), e(b"b")));
        assert!(!c.changed(old, &all, None) || c.started - RACY_NS > just_now);
        all[0].stat = Some(stat(long_ago + 1));
        assert!(c.changed(old, &all, None));
    }

    #[test]
    fn archive_findings_survive_appending_and_compacting() {
        let d = tempfile::tempdir().unwrap();
        let salt = Salt::new("p", None, &Options::default());
        let open = || Cache::open(d.path(), d.path(), salt.clone(), Lang::En).unwrap();
        let rule = crate::rules::docs().next().unwrap().name;
        let mut f = Finding::new(rule, Severity::Error, Span { start: 1, end: 2 }, "thông điệp".into());
        let pos = crate::common::span::Pos { span: Span { start: 0, end: 0 }, line: 1, column: 1 };
        f.related = vec![Related { path: "b.md".into(), pos, text: "liên quan".into() }];
        let found = vec![(1usize, f)];
        let involved = vec![vec![0u32]];
        let files = |n: usize, tag: &str| -> Vec<(String, Vec<u8>)> {
            (0..n).map(|i| (format!("{i:03}.md"), format!("{tag}{i}").into_bytes())).collect()
        };
        let rows = |c: &Cache, fs: &[(String, Vec<u8>)]| -> Vec<(String, Ref)> {
            fs.iter()
                .map(|(p, b)| {
                    let e = c.old().by_key(&key_of(b)).map_or_else(|| new(b), Ref::Old);
                    (p.clone(), e)
                })
                .collect()
        };
        let store = |c: &Cache, rs: Vec<(String, Ref)>, a: Option<ArchiveUpdate<'_>>| {
            let (paths, refs): (Vec<String>, Vec<Ref>) = rs.into_iter().unzip();
            let rs: Vec<Row<'_>> = paths
                .iter()
                .zip(refs)
                .map(|(p, entry)| Row { path: p.as_bytes(), stat: None, entry, known: false, was: None })
                .collect();
            c.store(c.old(), rs, a).unwrap();
        };
        let key = key_of(b"the archive");
        let c = open();
        store(&c, rows(&c, &files(10, "a")), Some(ArchiveUpdate { key, findings: Some((&found, &involved)) }));
        let check = || {
            let got = open().old().archive(&key, |_, _| true).expect("the findings are there");
            assert_eq!(got.len(), 1);
            assert_eq!(
                (got[0].0, got[0].1.message.as_str(), &got[0].1.related),
                (1, "thông điệp", &found[0].1.related)
            );
        };
        check();
        // One file more: appended, the findings reused where they were.
        let c = open();
        let before = c.old().entries.len();
        let mut fs = files(10, "a");
        fs.push(("zz.md".into(), b"zz".to_vec()));
        store(&c, rows(&c, &fs), Some(ArchiveUpdate { key, findings: None }));
        assert_eq!(open().old().entries.len(), before + 1);
        check();
        // Most files gone: compacted, the findings' blobs moved with it.
        let c = open();
        store(&c, rows(&c, &files(2, "a")), Some(ArchiveUpdate { key, findings: None }));
        assert_eq!(open().old().entries.len(), 2);
        check();
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
        c.store(c.old(), vec![row("x.md", None, new(b"x"))], None).unwrap();
        assert_eq!(std::fs::metadata(c.path()).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

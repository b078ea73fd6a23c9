//! A whole run: the named paths are grouped by archive root (the nearest
//! `bienban.toml` above them that may govern the run); each archive is read
//! whole for the cross-record rules, but only the named files are reported
//! — what a pre-commit hook needs. Without a root, the archive is what was
//! named.
//!
//! Containment: a file is read only inside its boundary — the archive's
//! root, or without one the folder named (for a file named, its own
//! folder). Walked folders are never links, so only a link can lead out:
//! each one is resolved, and one that leads out is an `io` finding on the
//! link, its target never opened.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::archive;
use crate::archive::baseline::{self, Effect};
use crate::archive::cache::{self, Cache, Entry, Key, Salt};
use crate::archive::config::{self, Config, ConfigError, Ignored, Probe};
use crate::archive::roster;
use crate::check::{self, Against, FileResult, Options, Skip};
use crate::common::i18n::Lang;
use crate::model::Date;
use crate::read::discover::{discover, Target};
use crate::read::file::{resolve_within, ReadError};
use crate::regulation::profile::Profile;
use crate::rules::io;
use crate::tr;

pub struct Request<'a> {
    pub paths: &'a [PathBuf],
    /// `check -`: one record from standard input instead of `paths`.
    pub stdin: Option<Stdin>,
    /// `--lang`, which wins over the configuration's `lang`.
    pub lang: Option<Lang>,
    pub no_allow: bool,
    /// `--no-cache`: neither read nor write the cache.
    pub no_cache: bool,
    /// `--max-file-size` (bytes); else the configuration's, else the default.
    pub max_file_size: Option<u64>,
    /// `--encoding`: how to read files that are not UTF-8.
    pub encoding: Option<crate::read::legacy::Legacy>,
    /// `--profile`: a profile the user names, instead of the configuration's.
    pub profile: Option<PathBuf>,
    /// `--audit`: the archive's own settings are not trusted. Its
    /// `bienban.toml` still marks its root (so the whole archive is read
    /// for the cross-record rules) but is not read: no severities, globs,
    /// period, profile or size limit of its own; no suppression comment
    /// applies; no cache is read or written. The profile is the built-in
    /// one or `--profile`.
    pub audit: bool,
    /// `report`: keep every archive's records with their summaries
    /// ([`Outcome::archives`]) for the calendar, attendance and trails.
    /// `check` leaves it off: its memory then grows with the findings only.
    pub keep_archives: bool,
    /// What to do with each archive's `bienban-baseline.json` (ignored
    /// anyway with `no_allow` or `audit`).
    pub baseline: baseline::Mode,
    /// `--config`: a configuration the user names, used instead of every
    /// archive's own `bienban.toml` (which still marks the roots), also
    /// with `--audit` (it is the user's, not the archive's).
    pub config: Option<PathBuf>,
    /// `--select` / `--ignore`, over any configuration's `[rules]`.
    pub selection: config::Selection,
}

impl Request<'_> {
    pub fn new(paths: &[PathBuf]) -> Request<'_> {
        Request {
            paths,
            stdin: None,
            lang: None,
            no_allow: false,
            no_cache: false,
            max_file_size: None,
            encoding: None,
            profile: None,
            audit: false,
            keep_archives: false,
            baseline: baseline::Mode::Use,
            config: None,
            selection: config::Selection::default(),
        }
    }
}

/// A record read from standard input; `filename` (`--stdin-filename`) names
/// it in messages and locates its archive. It is read within the size
/// limit of the run, once that is known.
pub struct Stdin {
    pub input: Mutex<Box<dyn Read + Send>>,
    pub filename: Option<PathBuf>,
}

impl Stdin {
    pub fn new(input: impl Read + Send + 'static, filename: Option<PathBuf>) -> Stdin {
        Stdin { input: Mutex::new(Box::new(input)), filename }
    }
}

pub struct Outcome {
    /// The reported files, sorted by path.
    pub results: Vec<FileResult>,
    /// Cache hits and misses over the run (0, 0 without a cache).
    pub cache: (usize, usize),
    /// The language the run spoke (for the summary line).
    pub lang: Lang,
    /// What the user should know about the run itself (a `bienban.toml`
    /// ignored, a cache not written), for standard error.
    pub notes: Vec<String>,
    /// With [`Request::keep_archives`]: each archive read, in root order.
    pub archives: Vec<Archive>,
    /// Markdown files named, or found under a named folder, that were not
    /// checked as records, and why (`--show-skipped`), sorted by path.
    pub skipped: Vec<(String, Skip)>,
    /// What the archives' baselines set aside, which of their entries
    /// matched nothing, and which were written.
    pub baseline: Effect,
}

/// One archive as the inspector's report needs it: everything `check`
/// drops once the archive rules have run.
pub struct Archive {
    /// The folder with `bienban.toml`; `None`: the files named, with no root above them.
    pub root: Option<PathBuf>,
    pub lang: Lang,
    /// The configured `[period]`, if any.
    pub period: Option<(Date, Date)>,
    pub profile: Arc<Profile>,
    /// The paths (as shown) of this archive's files in [`Outcome::results`],
    /// whose summaries are kept.
    pub reported: Vec<String>,
    /// The archive's other records, read for the cross-record rules only
    /// (not named), with their summaries and findings.
    pub context: Vec<FileResult>,
    /// Its named Markdown files that are not records, and why.
    pub skipped: Vec<(String, Skip)>,
}

pub fn run(req: &Request<'_>) -> Result<Outcome, Box<ConfigError>> {
    let note_lang = req.lang.unwrap_or_default();
    let named = load_named_profile(req, note_lang)?;
    let user_config = load_user_config(req, named.is_some(), note_lang)?;
    if let Some(stdin) = &req.stdin {
        return run_stdin(stdin, req, named, user_config.as_ref());
    }
    let (targets, walk_errors) = discover(req.paths);
    let mut canon = Canon::default();
    // Group the named files by root; `None` is "no bienban.toml above".
    let mut groups: BTreeMap<Option<PathBuf>, Vec<(PathBuf, Target)>> = BTreeMap::new();
    for t in targets {
        let abs = canon.of(&t.path);
        let root = abs.parent().and_then(|d| canon.root_of(d));
        groups.entry(root).or_default().push((abs, t));
    }
    let mut notes: Vec<String> = canon.ignored.iter().map(|i| i.note(note_lang)).collect();
    // Where the files of each named path may lead (used without a root).
    let bounds: Vec<Option<PathBuf>> = req.paths.iter().map(|p| boundary_of(p)).collect();
    // Folders named on the command line: an archive inside one of them was
    // walked whole already, and need not be walked again for context.
    let walked: Vec<PathBuf> =
        req.paths.iter().filter(|p| p.is_dir()).filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    // Parsed once and shared: an inspector's archive may hold hundreds of
    // archive roots (one per organisation).
    let named_given = named.is_some();
    let default_profile = Arc::new(named.unwrap_or_else(Profile::builtin));
    // Archives are independent: they are checked in parallel with each
    // other as well as file by file (rayon nests the two).
    let checked: Vec<Result<GroupOutcome, Box<ConfigError>>> = groups
        .into_par_iter()
        .map(|(root, named_files)| {
            let (config, profile) =
                configure(req, root.as_deref(), user_config.as_ref(), named_given, &default_profile)?;
            let group_lang = req.lang.or(config.lang).unwrap_or_default();
            let opts = options(req, &config, group_lang);
            let mut notes = Vec::new();
            let cache = match root.as_deref().filter(|_| !req.no_cache && !req.audit).zip(cache::folder()) {
                Some((r, dir)) => match Cache::open(
                    &dir,
                    r,
                    Salt::new(&profile.fingerprint, config.roster().map(|r| r.fingerprint.as_str()), &opts),
                    group_lang,
                ) {
                    Ok(c) => Some(c),
                    Err(note) => {
                        notes.push(note);
                        None
                    }
                },
                None => None,
            };
            let whole = root.as_deref().is_some_and(|r| walked.iter().any(|w| r.starts_with(w)));
            let scope = Scope {
                root: root.as_deref(),
                whole,
                bounds: &bounds,
                keep: req.keep_archives,
                baseline: baseline_mode(req),
            };
            let (results, context, skipped, effect) =
                check_archive(&scope, named_files, &config, &profile, opts, cache.as_ref(), &mut notes)?;
            let archive = req.keep_archives.then(|| Archive {
                root: root.clone(),
                lang: group_lang,
                period: config.period(),
                profile: profile.clone(),
                reported: results.iter().map(|r| r.path.clone()).collect(),
                context,
                skipped: skipped.clone(),
            });
            Ok((results, skipped, group_lang, cache.map_or((0, 0), |c| c.counts()), notes, archive, effect))
        })
        .collect();
    let mut results = Vec::new();
    let mut archives = Vec::new();
    let mut skipped = Vec::new();
    let mut lang = req.lang.unwrap_or_default();
    let mut counts = (0, 0);
    let mut effect = Effect::default();
    for (i, group) in checked.into_iter().enumerate() {
        let (r, s, group_lang, (h, m), n, archive, e) = group?;
        effect.add(e);
        if i == 0 {
            lang = group_lang;
        }
        results.extend(r);
        skipped.extend(s);
        notes.extend(n);
        archives.extend(archive);
        counts = (counts.0 + h, counts.1 + m);
    }
    for e in walk_errors {
        let f = io::unreadable(&e.error, lang);
        results.push(FileResult::failed(&e.display, None, f));
    }
    results.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.sort();
    effect.unused.sort();
    Ok(Outcome { results, lang, cache: counts, notes, archives, skipped, baseline: effect })
}

/// The baseline mode of a run: none in audit modes.
fn baseline_mode(req: &Request<'_>) -> baseline::Mode {
    if req.no_allow || req.audit {
        baseline::Mode::Ignore
    } else {
        req.baseline
    }
}

/// The options of one archive's check.
fn options(req: &Request<'_>, config: &Config, lang: Lang) -> Options {
    let max_file_size = req.max_file_size.or(config.max_file_size()).unwrap_or(check::DEFAULT_MAX_FILE_SIZE);
    Options { lang, no_allow: req.no_allow || req.audit, max_file_size, encoding: req.encoding }
}

/// The canonical folder the files found under a named path may lead to,
/// when no archive root says otherwise: the folder itself, or a named
/// file's own folder.
fn boundary_of(p: &Path) -> Option<PathBuf> {
    let c = std::fs::canonicalize(p).ok()?;
    if std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()) || c.is_dir() {
        return Some(c);
    }
    let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::canonicalize(parent).ok()
}

/// `--profile`: read once, shared by every archive of the run.
fn load_named_profile(req: &Request<'_>, lang: Lang) -> Result<Option<Profile>, Box<ConfigError>> {
    let Some(p) = &req.profile else { return Ok(None) };
    // The user named it: a link is followed, but it must be a regular file
    // of sensible size, and its text is shown in errors only if it is TOML.
    let file = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
    let text = config::read_text(&file, config::MAX_DATA_SIZE, lang).map_err(|message| ConfigError {
        path: p.clone(),
        text: None,
        message,
        span: None,
        help: None,
    })?;
    Profile::from_toml(&text).map(Some).map_err(|e| {
        Box::new(ConfigError {
            path: p.clone(),
            message: e.message,
            span: e.span,
            help: None,
            text: is_toml(p).then_some(text),
        })
    })
}

fn is_toml(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

fn run_stdin(
    stdin: &Stdin,
    req: &Request<'_>,
    named: Option<Profile>,
    user_config: Option<&UserConfig>,
) -> Result<Outcome, Box<ConfigError>> {
    let display = stdin.filename.as_ref().map_or_else(|| "-".to_string(), |p| p.to_string_lossy().into_owned());
    // The file need not exist: its folder locates the archive.
    let abs = stdin.filename.as_ref().map(|p| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf()).join(p.file_name().unwrap_or_default())
    });
    let mut ignored = Vec::new();
    let root = abs.as_ref().and_then(|a| a.parent()).and_then(|d| config::find_root(d, &mut ignored));
    let notes = ignored.iter().map(|i| i.note(req.lang.unwrap_or_default())).collect();
    let named_given = named.is_some();
    let default = Arc::new(named.unwrap_or_else(Profile::builtin));
    let (config, profile) = configure(req, root.as_deref(), user_config, named_given, &default)?;
    let against = Against { profile: &profile, roster: config.roster() };
    let lang = req.lang.or(config.lang).unwrap_or_default();
    let opts = options(req, &config, lang);
    // Standard input honours the size limit like any file.
    let read = {
        let mut input = stdin.input.lock().unwrap_or_else(|e| e.into_inner());
        crate::read::file::read_to_limit(&mut *input, 0, opts.max_file_size)
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            let f = match e {
                ReadError::TooLarge(n) => io::too_large(n, opts.max_file_size, lang),
                ReadError::Io(e) => io::unreadable(&e, lang),
                ReadError::NotRegular | ReadError::Link => io::not_regular(lang),
            };
            return Ok(Outcome {
                results: vec![FileResult::failed(&display, None, f)],
                lang,
                cache: (0, 0),
                notes,
                archives: Vec::new(),
                skipped: Vec::new(),
                baseline: Effect::default(),
            });
        }
    };
    let mut mine = match check::check_file(&display, &bytes, against, opts) {
        Ok(r) => r,
        Err(why) => {
            let skipped = vec![(display, why)];
            return Ok(Outcome {
                results: Vec::new(),
                lang,
                cache: (0, 0),
                notes,
                archives: Vec::new(),
                skipped,
                baseline: Effect::default(),
            });
        }
    };
    if mine.text.is_none() {
        mine.text = Some(String::from_utf8_lossy(&bytes).into_owned());
    }
    // The archive around it, without the on-disk version of the same file.
    let mut files = Vec::new();
    if let Some(r) = &root {
        let (under, _) = discover(std::slice::from_ref(r));
        let cwd = std::env::current_dir().ok().and_then(|d| std::fs::canonicalize(d).ok());
        files = under
            .par_iter()
            .filter(|t| Some(&t.path) != abs.as_ref() && config.includes(t.path.strip_prefix(r).unwrap_or(&t.path)))
            .filter_map(|t| {
                let shown = shown_path(&t.path, cwd.as_deref());
                match contained(&t.path, t.link, Some(r)) {
                    Ok(path) => check::check_path(&path, &shown, against, opts).ok(),
                    Err(f) => Some(FileResult::failed(&shown, None, f(lang))),
                }
            })
            .collect();
    }
    files.push(mine);
    let me = files.len() - 1;
    archive::check(&mut files, &profile, &config, config.period(), opts);
    let effect = match &root {
        Some(r) => {
            let rel =
                |p: Option<&Path>| p.map(|p| baseline::rel_key(p.strip_prefix(r).unwrap_or(p))).unwrap_or_default();
            let keys = files
                .iter()
                .enumerate()
                .map(|(i, f)| if i == me { rel(abs.as_deref()) } else { rel(f.file.as_deref()) })
                .collect();
            let bf = baseline::Files {
                root: r,
                rel: keys,
                read_from: vec![None; files.len()],
                judged: (0..files.len()).map(|i| i == me).collect(),
                complete: false,
            };
            baseline::process(&bf, &mut files, baseline_mode(req), lang)?
        }
        None => Effect::default(),
    };
    // Findings of the archive's other records that involve this one (the
    // `report-back` of a TT decision this meeting should list) are reported too.
    let mut results: Vec<FileResult> = Vec::new();
    let mine = files.swap_remove(me);
    for mut other in files {
        if keep_involving(&mut other, &HashSet::from([mine.path.as_str()])) {
            results.push(other);
        }
    }
    results.push(mine);
    results.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Outcome { results, lang, cache: (0, 0), notes, archives: Vec::new(), skipped: Vec::new(), baseline: effect })
}

/// Where one archive's files may be read from.
struct Scope<'a> {
    root: Option<&'a Path>,
    /// The named files are already everything under `root`.
    whole: bool,
    /// Without a root: each named path's boundary ([`boundary_of`]).
    bounds: &'a [Option<PathBuf>],
    /// `report`: the reported results keep their summaries, and the
    /// archive's other records are returned too; otherwise they are dropped.
    keep: bool,
    baseline: baseline::Mode,
}

/// The path to read for a file found at `path`: itself, or for a link its
/// target, when that lies within `boundary`; else the finding to report on
/// the link (the target is never opened).
fn contained(
    path: &Path,
    link: bool,
    boundary: Option<&Path>,
) -> Result<PathBuf, fn(Lang) -> crate::common::finding::Finding> {
    if !link {
        return Ok(path.to_path_buf());
    }
    let Some(b) = boundary else { return Err(io::outside) };
    match resolve_within(path, b) {
        Ok(target) => Ok(target),
        Err(None) => Err(io::outside),
        Err(Some(_)) => Err(io::broken_link),
    }
}

/// Reads the archive (everything under the root, or just `named`), runs
/// every rule, and returns the results to report — the named files', and
/// those of other files with findings that involve a named file (see
/// [`keep_involving`]) — with [`Scope::keep`], the archive's other records —
/// and the named files that are not records, with the reason.
fn check_archive(
    scope: &Scope<'_>,
    named: Vec<(PathBuf, Target)>,
    config: &Config,
    profile: &Profile,
    opts: Options,
    cache: Option<&Cache>,
    notes: &mut Vec<String>,
) -> Result<ArchiveChecked, Box<ConfigError>> {
    let (root, keep) = (scope.root, scope.keep);
    let mut skipped = Vec::new();
    let against = Against { profile, roster: config.roster() };
    // abs path → (display, whether it is a link, its boundary), for the files to report.
    let mut report: HashMap<PathBuf, (String, bool, Option<PathBuf>)> = HashMap::new();
    let mut all: Vec<(PathBuf, Option<String>, bool, Option<PathBuf>)> = Vec::new();
    for (abs, t) in named {
        let rel = root.and_then(|r| abs.strip_prefix(r).ok());
        if rel.is_some_and(|rel| !config.includes(rel)) {
            skipped.push((t.display, Skip::Excluded)); // by the archive's configuration
            continue;
        }
        let boundary = match root {
            Some(r) => Some(r.to_path_buf()),
            None => scope.bounds.get(t.named).cloned().flatten(),
        };
        report.insert(abs, (t.display, t.link, boundary));
    }
    if let Some(r) = root.filter(|_| !scope.whole) {
        let (under, _) = discover(&[r.to_path_buf()]);
        for t in under {
            let rel = t.path.strip_prefix(r).unwrap_or(&t.path);
            if config.includes(rel) && !report.contains_key(&t.path) {
                all.push((t.path, None, t.link, Some(r.to_path_buf())));
            }
        }
    }
    all.extend(report.into_iter().map(|(p, (d, link, b))| (p, Some(d), link, b)));
    all.sort();
    // Files read only for context are named relative to the current folder.
    let cwd = std::env::current_dir().ok().and_then(|d| std::fs::canonicalize(d).ok());
    let mut checked: Vec<Checked> = all
        .par_iter()
        .enumerate()
        .map(|(k, (path, display, link, boundary))| {
            let shown = display.clone().unwrap_or_else(|| shown_path(path, cwd.as_deref()));
            let (mut r, entry) = match contained(path, *link, boundary.as_deref()) {
                Ok(read_from) => check_cached(&read_from, &shown, against, opts, cache),
                Err(f) => (Ok(FileResult::failed(&shown, None, f(opts.lang))), None),
            };
            if display.is_none() {
                // Read for context only: its text is found again (from `all`)
                // only if one of its findings is reported.
                if let Ok(r) = &mut r {
                    r.file = None;
                }
            }
            (r, display.clone(), entry, k)
        })
        .collect();
    if let Some(c) = cache {
        if let Err(note) = c.store(checked.iter_mut().filter_map(|(_, _, e, _)| e.take()).collect()) {
            notes.push(note);
        }
    }
    checked.retain(|c| match (&c.0, &c.1) {
        (Ok(_), _) => true,
        (Err(why), Some(shown)) => {
            skipped.push((shown.clone(), why.clone()));
            false
        }
        (Err(_), None) => false,
    });
    checked.sort_by(|a, b| a.0.as_ref().map(|r| &r.path).ok().cmp(&b.0.as_ref().map(|r| &r.path).ok()));
    let shown: Vec<(bool, usize)> = checked.iter().map(|c| (c.1.is_some(), c.3)).collect();
    // From here on every record of the archive is in memory at once: no
    // copies, and what the report does not need is dropped in place. (A
    // new vector: collecting in place would keep the larger buffer of `checked`.)
    let mut results: Vec<FileResult> = Vec::with_capacity(checked.len());
    results.extend(checked.into_iter().filter_map(|c| c.0.ok()));
    archive::check(&mut results, profile, config, config.period(), opts);
    let effect = match root {
        Some(r) => {
            let files = baseline::Files {
                root: r,
                rel: shown
                    .iter()
                    .map(|&(_, k)| baseline::rel_key(all[k].0.strip_prefix(r).unwrap_or(&all[k].0)))
                    .collect(),
                read_from: results
                    .iter()
                    .zip(&shown)
                    .map(|(res, &(_, k))| if res.file.is_some() { None } else { Some(all[k].0.clone()) })
                    .collect(),
                judged: shown.iter().map(|s| s.0).collect(),
                complete: shown.iter().all(|s| s.0),
            };
            baseline::process(&files, &mut results, scope.baseline, opts.lang)?
        }
        None => Effect::default(),
    };
    if shown.iter().all(|s| s.0) {
        if !keep {
            results.iter_mut().for_each(FileResult::shed);
        }
        results.shrink_to_fit();
        return Ok((results, Vec::new(), skipped, effect));
    }
    let names: HashSet<String> = results.iter().zip(&shown).filter(|(_, s)| s.0).map(|(r, _)| r.path.clone()).collect();
    let names: HashSet<&str> = names.iter().map(String::as_str).collect();
    let mut reported = Vec::with_capacity(names.len());
    let mut context = Vec::new();
    for (mut r, (named, k)) in results.into_iter().zip(shown) {
        if named {
            if !keep {
                r.shed();
            }
            reported.push(r);
        } else if keep_involving(&mut r, &names) {
            r.file = Some(all[k].0.clone());
            if !keep {
                r.shed();
            }
            reported.push(r);
        } else if keep {
            context.push(r);
        }
    }
    reported.shrink_to_fit();
    Ok((reported, context, skipped, effect))
}

/// Keeps, of a file that was not named, only the findings that involve a
/// named file (a `report-back` on a TT record whose next BTV meeting is
/// named, a `duplicate-id` whose other record is named, the meeting after a
/// gap whose other side is named); whether any is left. Suppressed ones are
/// the other file's business and are not shown.
fn keep_involving(r: &mut FileResult, names: &HashSet<&str>) -> bool {
    r.findings.retain(|f| f.related.iter().any(|x| names.contains(x.path.as_str())));
    r.suppressed.clear();
    !r.findings.is_empty()
}

/// One archive's reported results, its other records (for the report),
/// the named files that are not records, and what its baseline did.
type ArchiveChecked = (Vec<FileResult>, Vec<FileResult>, Vec<(String, Skip)>, Effect);

/// One archive's reported results, its language, its cache hits and
/// misses, notes, and (for the report) the archive itself.
type GroupOutcome = (Vec<FileResult>, Vec<(String, Skip)>, Lang, (usize, usize), Vec<String>, Option<Archive>, Effect);

/// A file's result (or why it is not a record), how it is shown if it is
/// named, its cache entry, and its index in the archive's list of paths.
type Checked = (Result<FileResult, Skip>, Option<String>, Option<KeptEntry>, usize);

/// A file's cache key, and its new entry (`None`: the cached one is still good).
type KeptEntry = (Key, Option<Entry>);

/// Checks one file, or takes its result from the cache when its content
/// has not changed. Returns the cache entry to keep.
fn check_cached(
    path: &Path,
    shown: &str,
    against: Against<'_>,
    opts: Options,
    cache: Option<&Cache>,
) -> (Result<FileResult, Skip>, Option<KeptEntry>) {
    let Some(cache) = cache else { return (check::check_path(path, shown, against, opts), None) };
    let bytes = match check::read_limited(path, opts) {
        Ok(b) => b,
        Err(f) => return (Ok(FileResult::failed(shown, Some(path), *f)), None),
    };
    let key = cache::key_of(&bytes);
    if let Some(entry) = cache.get(&key) {
        return (entry.result(shown, path), Some((key, None)));
    }
    let r = check::check_file(shown, &bytes, against, opts).map(|mut r| {
        if r.text.is_none() {
            r.file = Some(path.to_path_buf());
        }
        r
    });
    let entry = Entry::of(&r);
    (r, Some((key, Some(entry))))
}

fn shown_path(path: &Path, cwd: Option<&Path>) -> String {
    let p = cwd.and_then(|c| path.strip_prefix(c).ok()).unwrap_or(path);
    p.to_string_lossy().into_owned()
}

/// A configuration the user named (`--config`): its path and text, parsed
/// again for each archive (cheap), and the profile it names, read once.
struct UserConfig {
    path: PathBuf,
    text: String,
    profile: Option<Arc<Profile>>,
}

/// `--config`: read once; its `profile` is relative to its own folder.
fn load_user_config(
    req: &Request<'_>,
    named_profile: bool,
    lang: Lang,
) -> Result<Option<UserConfig>, Box<ConfigError>> {
    let Some(p) = &req.config else { return Ok(None) };
    // The user named it: a link is followed, but it must be a regular file.
    let path = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
    let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
    let (_, text, profile) = load_config_at(&path, p, &dir, lang, named_profile)?;
    Ok(Some(UserConfig { path: p.clone(), text, profile: profile.map(Arc::new) }))
}

/// One archive's configuration, its profile (its own, else `default`) and
/// roster: `--config`'s, else the archive's `bienban.toml` (not with
/// `--audit`), else the defaults; with `--select` / `--ignore` on top. The
/// roster is read once per archive, never with `--audit`.
fn configure(
    req: &Request<'_>,
    root: Option<&Path>,
    user: Option<&UserConfig>,
    named_profile: bool,
    default: &Arc<Profile>,
) -> Result<(Config, Arc<Profile>), Box<ConfigError>> {
    let lang = req.lang.unwrap_or_default();
    let (mut config, own, source) = match (user, root) {
        (Some(u), _) => {
            (Config::parse(&u.path, u.text.clone(), lang)?, u.profile.clone(), Some((u.path.clone(), u.text.clone())))
        }
        (None, Some(r)) if !req.audit => {
            let (c, p, path, text) = load_config(r, req.lang, named_profile)?;
            (c, p.map(Arc::new), Some((path, text)))
        }
        _ => (Config::default(), None, None),
    };
    let profile = own.unwrap_or_else(|| default.clone());
    if let (Some(r), Some((path, text)), false) = (root, &source, req.audit) {
        if let Some(roster) = roster::load(r, &config, path, text, &profile, lang)? {
            config.set_roster(roster);
        }
    }
    config.selection = req.selection.clone();
    Ok((config, profile))
}

/// The archive's configuration and profile (its own, else the built-in
/// one), without its roster: for `bienban roster init`, which writes it.
pub fn settings(root: &Path, lang: Option<Lang>) -> Result<(Config, Profile), Box<ConfigError>> {
    let (config, own, _, _) = load_config(root, lang, false)?;
    Ok((config, own.unwrap_or_else(Profile::builtin)))
}

/// `bienban.toml` (with its path and text, to point at its lines) and the
/// profile it names, unless `--profile` replaces it.
fn load_config(
    root: &Path,
    lang: Option<Lang>,
    named_profile: bool,
) -> Result<(Config, Option<Profile>, PathBuf, String), Box<ConfigError>> {
    let path = root.join(config::FILE_NAME);
    let (config, text, profile) = load_config_at(&path, &path, root, lang.unwrap_or_default(), named_profile)?;
    Ok((config, profile, path, text))
}

/// Reads the configuration at `path` (named `shown` in messages), and the
/// profile it names, relative to `dir` and within it (unless `--profile`
/// replaces it). Returns the configuration, its text and the profile.
fn load_config_at(
    path: &Path,
    shown: &Path,
    dir: &Path,
    lang: Lang,
    named_profile: bool,
) -> Result<(Config, String, Option<Profile>), Box<ConfigError>> {
    let text = config::read_text(path, config::MAX_CONFIG_SIZE, lang).map_err(|message| ConfigError {
        path: shown.to_path_buf(),
        text: None,
        message,
        span: None,
        help: None,
    })?;
    let config = Config::parse(shown, text.clone(), lang)?;
    let profile = match &config.profile {
        Some(p) if !named_profile => {
            let elsewhere = tr!(
                lang,
                "để dùng một tệp khác, nêu tên nó bằng `--profile` trên dòng lệnh",
                "to use another file, name it with `--profile` on the command line"
            );
            let (file, ptext) = config::archive_file(dir, p, shown, &text, Some(elsewhere), lang)?;
            Some(Profile::from_toml(&ptext).map_err(|e| ConfigError {
                // A TOML file of the archive: its offending line may be shown.
                text: is_toml(&file).then(|| ptext.clone()),
                path: file,
                message: e.message,
                span: e.span,
                help: None,
            })?)
        }
        _ => None,
    };
    Ok((config, text, profile))
}

/// Canonical folders and archive roots, each worked out once: an archive
/// of 100,000 records has some 20,000 folders, and the walk up to the root
/// runs before any file can be checked, on one core.
#[derive(Default)]
struct Canon {
    dirs: HashMap<PathBuf, PathBuf>,
    roots: HashMap<PathBuf, Option<PathBuf>>,
    /// `bienban.toml` files passed over ([`config::probe`]).
    ignored: BTreeSet<Ignored>,
}

impl Canon {
    /// `p` with its folder canonical (the file itself may be a link).
    fn of(&mut self, p: &Path) -> PathBuf {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let dir = self.dir(parent);
        match p.file_name() {
            Some(n) => dir.join(n),
            None => dir,
        }
    }

    /// A folder made canonical from its parent's canonical form, which is
    /// one `lstat` instead of a `readlink` for every component.
    fn dir(&mut self, d: &Path) -> PathBuf {
        if let Some(c) = self.dirs.get(d) {
            return c.clone();
        }
        let plain = |c: Option<std::path::Component<'_>>| matches!(c, Some(std::path::Component::Normal(_)));
        let parent = d.parent().filter(|p| !p.as_os_str().is_empty());
        let is_link = || std::fs::symlink_metadata(d).map_or(true, |m| m.file_type().is_symlink());
        let c = match (parent, d.file_name()) {
            (Some(parent), Some(name)) if plain(d.components().next_back()) && !is_link() => {
                self.dir(parent).join(name)
            }
            _ => std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf()),
        };
        self.dirs.insert(d.to_path_buf(), c.clone());
        c
    }

    /// The nearest folder at or above canonical `dir` holding a bienban.toml
    /// that may govern the run ([`config::probe`], remembered for every
    /// folder on the way up). A relative `dir` could not be made canonical:
    /// it has no root, as for `find_root`, rather than one found from the
    /// current folder.
    fn root_of(&mut self, dir: &Path) -> Option<PathBuf> {
        if !dir.is_absolute() {
            return None;
        }
        if let Some(r) = self.roots.get(dir) {
            return r.clone();
        }
        let r = match config::probe(dir) {
            Probe::Root => Some(dir.to_path_buf()),
            Probe::None => dir.parent().and_then(|p| self.root_of(p)),
            Probe::Ignored(i) => {
                self.ignored.insert(i);
                dir.parent().and_then(|p| self.root_of(p))
            }
        };
        self.roots.insert(dir.to_path_buf(), r.clone());
        r
    }
}

/// What `--audit` adds to the summary line.
pub fn audit_note(profile: Option<&Path>, lang: Lang) -> String {
    let p = profile.map(|p| p.display().to_string());
    match p {
        None => tr!(
            lang,
            "kiểm tra độc lập: không dùng bienban.toml, chú thích allow và bộ nhớ đệm của lưu trữ; quy chế có sẵn",
            "audit: the archive's bienban.toml, suppressions and cache ignored; built-in profile"
        ),
        Some(p) => tr!(
            lang,
            "kiểm tra độc lập: không dùng bienban.toml, chú thích allow và bộ nhớ đệm của lưu trữ; quy chế {}",
            "audit: the archive's bienban.toml, suppressions and cache ignored; profile {}",
            p
        ),
    }
}

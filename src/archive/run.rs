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
use crate::archive::cache::{self, ArchiveUpdate, Cache, New, Old, Ref, Row, Salt};
use crate::archive::config::{self, Config, ConfigError, Ignored, Patterns, Probe};
use crate::archive::roster;
use crate::check::{self, Against, FileResult, Options, Skip};
use crate::common::finding::Finding;
use crate::common::i18n::Lang;
use crate::model::Date;
use crate::read::discover::{discover_all, Target, Walk, Walked};
use crate::read::file::{resolve_within, ReadError, Stat};
use crate::regulation::profile::Profile;
use crate::rules::{io, ArchiveFile};
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
    /// `--no-ignore`: `.gitignore` and `.ignore` files do not leave files
    /// out of the walk (`--audit` implies it: they come with the archive).
    pub no_ignore: bool,
    /// `--exclude`: more patterns of files to leave out (skipped, with the
    /// reason), relative to each archive's root, or without one to the
    /// current folder.
    pub exclude: Option<Patterns>,
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
            no_ignore: false,
            exclude: None,
            baseline: baseline::Mode::Use,
            config: None,
            selection: config::Selection::default(),
        }
    }

    /// How folders are walked.
    fn walk(&self) -> Walk {
        Walk {
            ignore_files: !self.no_ignore && !self.audit,
            threads: rayon::current_num_threads(),
            top_marker: Some(config::FILE_NAME),
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
    /// Files whose bytes were read in archives with a cache (the others
    /// were known from their stat data).
    pub reads: usize,
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
    // Parsed once and shared: an inspector's archive may hold hundreds of
    // archive roots (one per organisation).
    let named_given = named.is_some();
    let default_profile = Arc::new(named.unwrap_or_else(Profile::builtin));
    // The caches of the archives the named paths lie in are read while the
    // paths are walked.
    let (found, early) = rayon::join(
        || discover_all(req.paths, &req.walk()),
        || open_early(req, user_config.as_ref(), &default_profile, named_given),
    );
    let walk_errors = found.errors;
    let mut canon = Canon::new(&found.walked);
    // Group the named files by root (`None`: no bienban.toml above), each
    // with its path relative to the root. A folder's files come together
    // (sorted): its root is found once.
    let mut roots: Vec<Option<PathBuf>> = Vec::new();
    let mut grouped: Vec<Vec<(Option<PathBuf>, Target)>> = Vec::new();
    // The last folder: as found, relative to its root, and its group.
    let mut last: Option<(PathBuf, Option<PathBuf>, usize)> = None;
    let total = found.targets.len();
    for t in found.targets {
        let parent = t.path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        // (Compared as bytes: both come from the same walk.)
        if !matches!(&last, Some((p, _, _)) if p.as_os_str() == parent.as_os_str() && t.walked) {
            let dir = canon.dir(parent, t.walked);
            let root = canon.root_of(&dir, t.walked);
            let rel = root.as_deref().and_then(|r| dir.strip_prefix(r).ok()).map(Path::to_path_buf);
            let group = roots.iter().position(|r| *r == root).unwrap_or_else(|| {
                roots.push(root);
                // Most runs have one archive: room for every file in the first.
                grouped.push(Vec::with_capacity(if grouped.is_empty() { total } else { 0 }));
                roots.len() - 1
            });
            last = Some((parent.to_path_buf(), rel, group));
        }
        let Some((_, dir, group)) = &last else { continue };
        let rel = dir.as_ref().map(|d| match t.path.file_name() {
            Some(n) => d.join(n),
            None => d.clone(),
        });
        grouped[*group].push((rel, t));
    }
    let groups: BTreeMap<Option<PathBuf>, Vec<(Option<PathBuf>, Target)>> = roots.into_iter().zip(grouped).collect();
    let mut notes: Vec<String> = canon.ignored.iter().map(|i| i.note(note_lang)).collect();
    // Where the files of each named path may lead (used without a root).
    let bounds: Vec<Option<PathBuf>> = req.paths.iter().map(|p| boundary_of(p)).collect();
    // Folders named on the command line: an archive inside one of them was
    // walked whole already, and need not be walked again for context.
    let walked: Vec<PathBuf> =
        req.paths.iter().filter(|p| p.is_dir()).filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    // Files read only for context are named relative to the current folder.
    let cwd = std::env::current_dir().ok().and_then(|d| std::fs::canonicalize(d).ok());
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
            let whole = root.as_deref().is_some_and(|r| walked.iter().any(|w| r.starts_with(w)));
            let scope = Scope {
                root: root.as_deref(),
                whole,
                bounds: &bounds,
                keep: req.keep_archives,
                walk: req.walk(),
                exclude: req.exclude.as_ref(),
                cwd: cwd.as_deref(),
                baseline: baseline_mode(req),
            };
            // The archive is walked while its cache is read (a pre-commit
            // run on one file spends most of its time on these two).
            let open = || {
                let dir = root.as_deref().filter(|_| !req.no_cache && !req.audit).zip(cache::folder())?;
                let salt = salt(&profile, &config, &opts);
                let early = early.lock().unwrap_or_else(|e| e.into_inner()).remove(dir.0);
                match early {
                    Some(Ok(c)) if c.salt() == &salt => Some(Ok(c)),
                    Some(Err(note)) => Some(Err(note)),
                    _ => Some(Cache::open(&dir.1, dir.0, salt, group_lang)),
                }
            };
            let (cache, context) = rayon::join(open, || walk_context(&scope));
            let cache = match cache {
                Some(Ok(c)) => Some(c),
                Some(Err(note)) => {
                    notes.push(note);
                    None
                }
                None => None,
            };
            let (results, context, skipped, effect) =
                check_archive(&scope, named_files, context, &config, &profile, opts, cache.as_ref(), &mut notes)?;
            let archive = req.keep_archives.then(|| Archive {
                root: root.clone(),
                lang: group_lang,
                period: config.period(),
                profile: profile.clone(),
                reported: results.iter().map(|r| r.path.clone()).collect(),
                context,
                skipped: skipped.clone(),
            });
            let counts = cache.as_ref().map_or((0, 0, 0), |c| (c.counts().0, c.counts().1, c.reads()));
            Ok((results, skipped, group_lang, counts, notes, archive, effect))
        })
        .collect();
    let mut results = Vec::with_capacity(checked.iter().map(|g| g.as_ref().map_or(0, |g| g.0.len())).sum());
    let mut archives = Vec::new();
    let mut skipped = Vec::new();
    let mut lang = req.lang.unwrap_or_default();
    let mut counts = (0, 0);
    let mut reads = 0;
    let mut effect = Effect::default();
    for (i, group) in checked.into_iter().enumerate() {
        let (r, s, group_lang, (h, m, read), n, archive, e) = group?;
        reads += read;
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
    Ok(Outcome { results, lang, cache: counts, reads, notes, archives, skipped, baseline: effect })
}

/// The baseline mode of a run: none in audit modes.
fn baseline_mode(req: &Request<'_>) -> baseline::Mode {
    if req.no_allow || req.audit {
        baseline::Mode::Ignore
    } else {
        req.baseline
    }
}

/// The caches of the archives that the named folders lie in (the nearest
/// root at or above each), opened with the settings their groups will
/// have: read while the folders are walked. A root whose configuration
/// cannot be read gets none (its group says why).
fn open_early(
    req: &Request<'_>,
    user: Option<&UserConfig>,
    default_profile: &Arc<Profile>,
    named_given: bool,
) -> Mutex<EarlyCaches> {
    let mut caches = HashMap::new();
    let Some(dir) = cache::folder().filter(|_| !req.no_cache && !req.audit) else { return Mutex::new(caches) };
    // Folders only: a named file's archive is walked for context while its
    // cache is read, later, in its group.
    for p in req.paths.iter().filter(|p| p.is_dir()) {
        let Some(root) = config::find_root(p, &mut Vec::new()) else { continue };
        if caches.contains_key(&root) {
            continue;
        }
        let Ok((config, profile)) = configure(req, Some(&root), user, named_given, default_profile) else { continue };
        let lang = req.lang.or(config.lang).unwrap_or_default();
        let opts = options(req, &config, lang);
        let cache = Cache::open(&dir, &root, salt(&profile, &config, &opts), lang);
        caches.insert(root, cache);
    }
    Mutex::new(caches)
}

/// Caches opened early, by root, or why the cache folder may not be used.
type EarlyCaches = HashMap<PathBuf, Result<Cache, String>>;

/// What the cache of an archive is valid for.
fn salt(profile: &Profile, config: &Config, opts: &Options) -> Salt {
    let roster = config.roster().map(|r| r.fingerprint.as_str());
    Salt::new(&profile.fingerprint, roster, opts).with_off(&archive::pass::off_rules(profile, config))
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
    let alone = |results, skipped| Outcome {
        results,
        lang,
        cache: (0, 0),
        reads: 0,
        notes,
        archives: Vec::new(),
        skipped,
        baseline: Effect::default(),
    };
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
            return Ok(alone(vec![FileResult::failed(&display, None, f)], Vec::new()));
        }
    };
    let mut mine = match check::check_file(&display, &bytes, against, opts) {
        Ok(r) => r,
        Err(why) => return Ok(alone(Vec::new(), vec![(display, why)])),
    };
    if mine.text.is_none() {
        mine.text = Some(String::from_utf8_lossy(&bytes).into_owned());
    }
    // The archive around it, without the on-disk version of the same file.
    let mut files = Vec::new();
    if let Some(r) = &root {
        let under = config::own_files(discover_all(std::slice::from_ref(r), &req.walk()));
        let cwd = std::env::current_dir().ok().and_then(|d| std::fs::canonicalize(d).ok());
        let exclude = req.exclude.as_ref();
        files = under
            .par_iter()
            .filter(|t| Some(&t.path) != abs.as_ref())
            .filter(|t| left_out(t.path.strip_prefix(r).ok(), &t.path, &config, exclude, cwd.as_deref()).is_none())
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
            let bf = |files: &[FileResult]| baseline::Files {
                rel: keys,
                read_from: vec![None; files.len()],
                judged: (0..files.len()).map(|i| i == me).collect(),
                complete: false,
            };
            baseline::process(r, bf, &mut files, baseline_mode(req), lang)?
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
    let mut outcome = alone(results, Vec::new());
    outcome.baseline = effect;
    Ok(outcome)
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
    walk: Walk,
    /// `--exclude`.
    exclude: Option<&'a Patterns>,
    /// The current folder, canonical: files read for context are shown relative to it.
    cwd: Option<&'a Path>,
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

/// Why a file is not part of its archive, if it is not: left out by the
/// archive's `include`/`exclude` (matched against `rel`, its path relative
/// to the root), or by `--exclude` (against `rel`, or without a root
/// against its path relative to the current folder).
fn left_out(
    rel: Option<&Path>,
    path: &Path,
    config: &Config,
    exclude: Option<&Patterns>,
    cwd: Option<&Path>,
) -> Option<Skip> {
    if rel.is_some_and(|rel| !config.includes(rel)) {
        return Some(Skip::Excluded);
    }
    let exclude = exclude?;
    let rel = rel.or_else(|| cwd.and_then(|c| path.strip_prefix(c).ok())).unwrap_or(path);
    exclude.matches(rel).then_some(Skip::ExcludedOnCommandLine)
}

/// One file of the archive to check, as listed.
struct Item {
    /// Where it is read from: relative to the current folder when the
    /// archive lies under it (fewer folders for the kernel to look up per
    /// file), else absolute.
    path: PathBuf,
    /// Relative to the archive's root (`None` without one): what the
    /// cache knows it by, and what `include`/`exclude` match.
    rel: Option<PathBuf>,
    /// As named, or for a file read for context, relative to the current folder.
    shown: String,
    named: bool,
    link: bool,
    /// Where a link may lead (for a link only).
    boundary: Option<PathBuf>,
    stat: Option<Stat>,
}

/// What became of one file: its result, or its entry in the old cache
/// (whose result is decoded only if it is reported).
enum Got {
    Cached(u32),
    Fresh(Result<FileResult, Skip>),
}

/// One file after its check: its index in the list of [`Item`]s, what
/// became of it, and what the cache will know of it.
struct Slot {
    k: usize,
    got: Got,
    /// Its stat data and entry, whether the cache holds this very row, and
    /// its index among the files the cache knew.
    row: Option<(Option<Stat>, Ref, bool, Option<u32>)>,
}

impl Slot {
    /// The summary digest, for the key of the archive rules' findings.
    fn digest(&self, old: &Old) -> cache::Digest {
        match (&self.got, &self.row) {
            (Got::Cached(e), _) => old.digest(*e),
            (Got::Fresh(_), Some((_, Ref::New(n), _, _))) => n.digest,
            (Got::Fresh(r), _) => cache::summary_digest(r.as_ref().ok().and_then(|r| r.summary.as_deref())),
        }
    }
}

/// The archive's files found under its root, when the files named are not
/// all of it already, and the folder they were found from: the current
/// folder's path to the root when the archive lies under it (the paths
/// found are then also the paths shown), else the root. One walking
/// thread: the other reads the cache meanwhile.
fn walk_context(scope: &Scope<'_>) -> Option<(PathBuf, Vec<Target>)> {
    let r = scope.root.filter(|_| !scope.whole)?;
    let from = match scope.cwd.and_then(|c| r.strip_prefix(c).ok()) {
        Some(p) if p.as_os_str().is_empty() => PathBuf::from("."),
        Some(p) => p.to_path_buf(),
        None => r.to_path_buf(),
    };
    let found = discover_all(std::slice::from_ref(&from), &Walk { threads: 1, ..scope.walk });
    Some((from, config::own_files(found)))
}

/// Reads the archive (everything under the root, or just `named`), runs
/// every rule, and returns the results to report — the named files', and
/// those of other files with findings that involve a named file (see
/// [`keep_involving`]) — with [`Scope::keep`], the archive's other records —
/// and the named files that are not records, with the reason.
///
/// With a cache, a file whose stat data are the recorded ones is not read,
/// and its result is decoded only if it is reported; when no record's
/// summary changed, the archive rules' findings are the recorded ones, and
/// no other summary is decoded. The archive's baseline is applied last.
#[allow(clippy::too_many_arguments)]
fn check_archive(
    scope: &Scope<'_>,
    named: Vec<(Option<PathBuf>, Target)>,
    context: Option<(PathBuf, Vec<Target>)>,
    config: &Config,
    profile: &Profile,
    opts: Options,
    cache: Option<&Cache>,
    notes: &mut Vec<String>,
) -> Result<ArchiveChecked, Box<ConfigError>> {
    let (root, keep) = (scope.root, scope.keep);
    let against = Against { profile, roster: config.roster() };
    let mut skipped = Vec::new();
    // The named files, in the order found (sorted, like the cache's paths).
    let mut report: Vec<Item> = Vec::with_capacity(named.len());
    for (rel, t) in named {
        if let Some(why) = left_out(rel.as_deref(), &t.path, config, scope.exclude, scope.cwd) {
            skipped.push((t.display, why));
            continue;
        }
        let boundary = match root {
            Some(r) => t.link.then(|| r.to_path_buf()),
            None => scope.bounds.get(t.named).cloned().flatten(),
        };
        let (link, stat, shown) = (t.link, t.stat, t.display);
        // Read as found: relative to the current folder, as named.
        report.push(Item { path: t.path, rel, shown, named: true, link, boundary, stat });
    }
    let mut all: Vec<Item> = Vec::new();
    if let (Some(r), Some((from, under))) = (root, context) {
        // Files named are not listed twice (a pre-commit run names a few: compared as they are).
        let few: Vec<&[u8]> =
            report.iter().filter_map(|i| i.rel.as_deref()).map(|p| p.as_os_str().as_encoded_bytes()).collect();
        let many: HashSet<&[u8]> = if few.len() > 16 { few.iter().copied().collect() } else { HashSet::new() };
        let is_named = |rel: &[u8]| if few.len() > 16 { many.contains(rel) } else { few.contains(&rel) };
        all.reserve(under.len() + report.len());
        for t in under {
            let Ok(rel) = t.path.strip_prefix(&from).map(Path::to_path_buf) else { continue };
            if is_named(rel.as_os_str().as_encoded_bytes())
                || left_out(Some(&rel), &t.path, config, scope.exclude, scope.cwd).is_some()
            {
                continue;
            }
            let boundary = t.link.then(|| r.to_path_buf());
            all.push(Item {
                path: t.path,
                rel: Some(rel),
                shown: t.display,
                named: false,
                link: t.link,
                boundary,
                stat: t.stat,
            });
        }
    }
    all.extend(report);
    let old = cache.map(Cache::old);
    let off = archive::pass::off_rules(profile, config);
    // Each thread looks the paths up in the order they were walked (sorted,
    // like the cache's): one comparison each.
    let mut slots: Vec<Slot> = all
        .par_iter()
        .enumerate()
        .map_init(|| 0, |cursor, (k, item)| slot(k, item, against, opts, cache.zip(old), &off, cursor))
        .collect();
    let mut rows = Vec::new();
    if cache.is_some() {
        for s in &mut slots {
            if let (Some((stat, entry, known, was)), Some(rel)) = (s.row.take(), &all[s.k].rel) {
                rows.push(Row { path: rel.as_os_str().as_encoded_bytes(), stat, entry, known, was });
            }
        }
    }
    // Files that are not records: the named ones are listed as skipped.
    slots.retain(|s| {
        let why = match &s.got {
            Got::Fresh(Err(why)) => why.clone(),
            Got::Cached(e) => match old.and_then(|o| o.skip(*e)) {
                Some(why) => why.clone(),
                None => return true,
            },
            Got::Fresh(Ok(_)) => return true,
        };
        if all[s.k].named {
            skipped.push((all[s.k].shown.clone(), why));
        }
        false
    });
    slots.sort_by(|a, b| all[a.k].shown.cmp(&all[b.k].shown));
    // The archive rules: their findings as recorded, if no summary changed.
    let terms = config.term_starts(profile);
    let key = old.map(|o| archive_key(&slots, &all, o, config.period(), &terms));
    // Which findings a run reports: those on a named file, and those that
    // involve one; all of them when every file is named or for the report.
    let named: Vec<bool> = slots.iter().map(|s| all[s.k].named).collect();
    let every = keep || named.iter().all(|n| *n);
    let pick = |file: u32, involved: &[u32]| {
        every || named[file as usize] || involved.iter().any(|i| named.get(*i as usize).copied().unwrap_or(false))
    };
    let recorded = old.zip(key.as_ref()).and_then(|(o, k)| o.archive(k, pick));
    let had = recorded.is_some();
    // The report needs every summary; otherwise only the archive rules do.
    let mut summaries = (!had || keep).then(|| summaries(&mut slots, old, against, opts, &all));
    let found = match (recorded, &summaries) {
        (Some(found), _) => found,
        (None, Some(m)) => {
            let index: Vec<ArchiveFile<'_>> = slots
                .iter()
                .zip(m)
                .map(|(s, m)| ArchiveFile { path: &all[s.k].shown, summary: m.as_deref() })
                .collect();
            archive::pass::rules(&index, profile, config.period(), terms, opts.lang)
        }
        (None, None) => Vec::new(),
    };
    if let (Some(c), Some(o)) = (cache, old) {
        let involved: Vec<Vec<u32>> = if had { Vec::new() } else { involved(&found, &slots, &all) };
        let findings = (!had).then_some((found.as_slice(), involved.as_slice()));
        if let Err(note) = c.store(o, rows, key.map(|key| ArchiveUpdate { key, findings })) {
            notes.push(note);
        }
    }
    let mut by_file: Vec<Vec<Finding>> = (0..slots.len()).map(|_| Vec::new()).collect();
    for (i, f) in found {
        by_file[i].push(f);
    }
    // The files to report: the named ones, and those with a finding that
    // involves one of them; with `keep`, the others too, as context.
    // (When every file is named — a whole run — no set of names is needed.)
    let all_named = slots.iter().all(|s| all[s.k].named);
    let names: HashSet<&str> = if all_named {
        HashSet::new()
    } else {
        slots.iter().map(|s| &all[s.k]).filter(|i| i.named).map(|i| i.shown.as_str()).collect()
    };
    let involves = |fs: &[Finding]| fs.iter().any(|f| f.related.iter().any(|x| names.contains(x.path.as_str())));
    // Writing a baseline records every finding of the archive.
    let record_all = keep || scope.baseline == baseline::Mode::Write;
    let wanted: Vec<bool> =
        slots.iter().zip(&by_file).map(|(s, f)| record_all || all[s.k].named || (!all_named && involves(f))).collect();
    // One result per file, in place (an archive's whole run makes 100,000).
    let made: Vec<Option<(usize, usize, FileResult)>> = slots
        .into_par_iter()
        .zip(by_file)
        .enumerate()
        .map(|(i, (slot, found))| {
            if !wanted[i] {
                return None;
            }
            let k = slot.k;
            let mut r = result_of(slot, old, &all, against, opts)?;
            r.findings.extend(found);
            archive::pass::finish(&mut r, profile, config, opts);
            Some((k, i, r))
        })
        .collect();
    // (index in `all`, index in `slots`) of each result.
    let (made, mut results): (Vec<(usize, usize)>, Vec<FileResult>) =
        made.into_iter().flatten().map(|(k, i, r)| ((k, i), r)).unzip();
    let effect = match root {
        Some(r) => {
            let files = |results: &[FileResult]| baseline::Files {
                rel: made
                    .iter()
                    .map(|&(k, _)| all[k].rel.as_deref().map(baseline::rel_key).unwrap_or_default())
                    .collect(),
                read_from: made
                    .iter()
                    .zip(results)
                    .map(|(&(k, _), res)| (res.file.is_none() && res.text.is_none()).then(|| all[k].path.clone()))
                    .collect(),
                judged: made.iter().map(|&(k, _)| all[k].named).collect(),
                complete: all_named,
            };
            baseline::process(r, files, &mut results, scope.baseline, opts.lang)?
        }
        None => Effect::default(),
    };
    let mut reported = Vec::with_capacity(results.len());
    let mut context = Vec::new();
    for ((k, i), mut r) in made.into_iter().zip(results) {
        let named = all[k].named;
        if keep {
            r.summary = summaries.as_mut().and_then(|m| m[i].take());
        } else {
            r.shed();
        }
        if named || keep_involving(&mut r, &names) {
            reported.push(r);
        } else if keep {
            context.push(r);
        }
    }
    reported.shrink_to_fit();
    Ok((reported, context, skipped, effect))
}

/// The key of the archive rules' findings: what they depend on besides the
/// profile and the language (in the cache's salt) — the period, the terms'
/// first days, and each record's path as shown and summary.
fn archive_key(slots: &[Slot], all: &[Item], old: &Old, period: Option<(Date, Date)>, terms: &[Date]) -> cache::Key {
    let mut b = format!("{period:?} {terms:?}").into_bytes();
    for s in slots {
        let shown = &all[s.k].shown;
        b.extend_from_slice(&(shown.len() as u64).to_le_bytes());
        b.extend_from_slice(shown.as_bytes());
        b.extend_from_slice(&s.digest(old));
    }
    crate::common::hash::digest_parallel(&b)
}

/// For each archive finding, the indices (in `slots`, sorted by path as
/// shown) of the other files it involves.
fn involved(found: &[(usize, Finding)], slots: &[Slot], all: &[Item]) -> Vec<Vec<u32>> {
    let at = |p: &str| slots.binary_search_by(|s| all[s.k].shown.as_str().cmp(p)).ok().map(|i| i as u32);
    found.iter().map(|(_, f)| f.related.iter().filter_map(|r| at(&r.path)).collect()).collect()
}

/// Every record's summary, decoding the cached ones (in parallel). An entry
/// that cannot be decoded is checked again.
fn summaries(
    slots: &mut [Slot],
    old: Option<&Old>,
    against: Against<'_>,
    opts: Options,
    all: &[Item],
) -> Vec<Option<Arc<crate::model::summary::Summary>>> {
    slots
        .par_iter_mut()
        .map(|s| match &s.got {
            Got::Fresh(r) => r.as_ref().ok().and_then(|r| r.summary.clone()),
            Got::Cached(e) => match old.map(|o| o.summary(*e)) {
                Some(Some(m)) => m,
                _ => {
                    s.got = Got::Fresh(recheck(s, all, against, opts));
                    match &s.got {
                        Got::Fresh(Ok(r)) => r.summary.clone(),
                        _ => None,
                    }
                }
            },
        })
        .collect()
}

/// A cached entry that could not be decoded: the file is checked again.
fn recheck(s: &Slot, all: &[Item], against: Against<'_>, opts: Options) -> Result<FileResult, Skip> {
    let item = &all[s.k];
    match contained(&item.path, item.link, item.boundary.as_deref()) {
        Ok(p) => check::check_path(&p, &item.shown, against, opts),
        Err(f) => Ok(FileResult::failed(&item.shown, None, f(opts.lang))),
    }
}

/// The result of a file to report.
fn result_of(slot: Slot, old: Option<&Old>, all: &[Item], against: Against<'_>, opts: Options) -> Option<FileResult> {
    let item = &all[slot.k];
    let r = match slot.got {
        Got::Fresh(r) => r,
        Got::Cached(e) => {
            let target = item.link.then(|| contained(&item.path, true, item.boundary.as_deref()).ok()).flatten();
            match old.and_then(|o| o.result(e, &item.shown, target.as_deref().unwrap_or(&item.path))) {
                Some(r) => r,
                None => recheck(&slot, all, against, opts),
            }
        }
    };
    let mut r = r.ok()?;
    if !item.named && r.text.is_none() {
        // Read for context: its text is found again from where it was listed.
        r.file = Some(item.path.clone());
    }
    Some(r)
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

/// One archive's reported results, its language, its cache hits, misses
/// and reads, notes, (for the report) the archive itself, and what its
/// baseline did.
type GroupOutcome =
    (Vec<FileResult>, Vec<(String, Skip)>, Lang, (usize, usize, usize), Vec<String>, Option<Archive>, Effect);

/// Checks one file, or takes its result from the cache: without reading
/// it when its stat data are the recorded ones, else when its bytes are
/// those of a file checked before.
fn slot(
    k: usize,
    item: &Item,
    against: Against<'_>,
    opts: Options,
    cache: Option<(&Cache, &Old)>,
    off: &[&str],
    cursor: &mut usize,
) -> Slot {
    let shown = &item.shown;
    let read_from = match contained(&item.path, item.link, item.boundary.as_deref()) {
        Ok(p) => p,
        Err(f) => return Slot { k, got: Got::Fresh(Ok(FileResult::failed(shown, None, f(opts.lang)))), row: None },
    };
    let Some(((cache, old), rel)) = cache.zip(item.rel.as_ref()) else {
        return Slot { k, got: Got::Fresh(check::check_path(&read_from, shown, against, opts)), row: None };
    };
    let was = old.find(rel.as_os_str().as_encoded_bytes(), cursor);
    if let Some(e) = item.stat.filter(|_| !item.link).zip(was).and_then(|(s, i)| old.by_stat(i, &s)) {
        cache.hit();
        return Slot { k, got: Got::Cached(e), row: Some((item.stat, Ref::Old(e), true, was)) };
    }
    cache.read();
    let (bytes, stat) = match check::read_with_stat(&read_from, opts) {
        Ok(b) => b,
        Err(f) => return Slot { k, got: Got::Fresh(Ok(FileResult::failed(shown, Some(&read_from), *f))), row: None },
    };
    // A link is always read: its own stat data say nothing of its target.
    let stat = stat.filter(|_| !item.link);
    let key = cache::key_of(&bytes);
    if let Some(e) = old.by_key(&key) {
        cache.hit();
        return Slot { k, got: Got::Cached(e), row: Some((stat, Ref::Old(e), false, was)) };
    }
    cache.miss();
    let r = check::check_file(shown, &bytes, against, opts).map(|mut r| {
        if r.text.is_none() {
            r.file = Some(read_from.clone());
        }
        r
    });
    let new = New::of(key, &r, off);
    Slot { k, got: Got::Fresh(r), row: Some((stat, Ref::New(Box::new(new)), false, was)) }
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
/// runs before any file can be checked, on one core. Under a folder that
/// was walked, nothing is asked of the file system: the walk followed no
/// link, and saw which folders hold a `bienban.toml`.
#[derive(Default)]
struct Canon {
    dirs: HashMap<PathBuf, PathBuf>,
    roots: HashMap<PathBuf, Option<PathBuf>>,
    /// `bienban.toml` files passed over ([`config::probe`]).
    ignored: BTreeSet<Ignored>,
    /// Folders walked: as named, canonical, and (canonical) the folders
    /// under them that hold a `bienban.toml`.
    walked: Vec<(PathBuf, PathBuf, HashSet<PathBuf>)>,
}

impl Canon {
    fn new(walked: &[Walked]) -> Canon {
        let walked = walked
            .iter()
            .filter_map(|w| {
                let canonical = std::fs::canonicalize(&w.root).ok()?;
                let marked =
                    w.marked.iter().filter_map(|m| Some(canonical.join(m.strip_prefix(&w.root).ok()?))).collect();
                Some((w.root.clone(), canonical, marked))
            })
            .collect();
        Canon { walked, ..Canon::default() }
    }

    /// A folder made canonical from its parent's canonical form, which is
    /// one `lstat` instead of a `readlink` for every component — none for
    /// a folder the walk went through (`walked`: the walk follows no link).
    fn dir(&mut self, d: &Path, walked: bool) -> PathBuf {
        if let Some(c) = self.dirs.get(d) {
            return c.clone();
        }
        let plain = |p: &Path| p.components().all(|c| matches!(c, std::path::Component::Normal(_)));
        let under = |(named, c, _): &(PathBuf, PathBuf, HashSet<PathBuf>)| {
            let rest = d.strip_prefix(named).ok().filter(|rest| plain(rest))?;
            Some(if rest.as_os_str().is_empty() { c.clone() } else { c.join(rest) })
        };
        if let Some(c) = self.walked.iter().filter(|_| walked).find_map(under) {
            self.dirs.insert(d.to_path_buf(), c.clone());
            return c;
        }
        let plain = |c: Option<std::path::Component<'_>>| matches!(c, Some(std::path::Component::Normal(_)));
        let parent = d.parent().filter(|p| !p.as_os_str().is_empty());
        let is_link = || std::fs::symlink_metadata(d).map_or(true, |m| m.file_type().is_symlink());
        let c = match (parent, d.file_name()) {
            (Some(parent), Some(name)) if plain(d.components().next_back()) && !is_link() => {
                self.dir(parent, false).join(name)
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
    fn root_of(&mut self, dir: &Path, walked: bool) -> Option<PathBuf> {
        if !dir.is_absolute() {
            return None;
        }
        if let Some(r) = self.roots.get(dir) {
            return r.clone();
        }
        // In a folder the walk went through (`walked`, and so are those
        // above it up to the walk's start), only those where it saw a
        // bienban.toml are asked.
        let unmarked = walked && self.walked.iter().any(|(_, c, marked)| dir.starts_with(c) && !marked.contains(dir));
        let probe = if unmarked { Probe::None } else { config::probe(dir) };
        let r = match probe {
            Probe::Root => Some(dir.to_path_buf()),
            Probe::None => dir.parent().and_then(|p| self.root_of(p, walked)),
            Probe::Ignored(i) => {
                self.ignored.insert(i);
                dir.parent().and_then(|p| self.root_of(p, walked))
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

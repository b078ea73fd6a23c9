//! Finding the files to check: named files as they are, folders walked for
//! `*.md` with the `ignore` crate's parallel walker (one thread per core),
//! hidden files and folders skipped, `.gitignore` and `.ignore` respected
//! (unless [`Walk::ignore_files`] is off), sorted by path. Each file found
//! is `lstat`ed once, for the cache ([`Stat`]); nothing is opened.
//!
//! Links to folders are not followed, so a link loop cannot trap the walk;
//! links to files are kept, marked, for the archive to resolve within its
//! boundary (`archive::run`); pipes and devices are never opened.
//!
//! Ignore files come from whoever wrote the archive: they are read like
//! every other file (`read::file`: regular files only, never through a
//! link — git does not follow a linked `.gitignore` either —, never
//! blocking, at most [`MAX_IGNORE_FILE`] bytes), and all they can do is
//! leave files out of the walk. Above the folder walked, the ignore files
//! of its parent folders count up to the top of its git repository, or
//! without one up to the nearest folder holding [`Walk::top_marker`] (the
//! archive's root).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::{WalkBuilder, WalkState};
use rayon::prelude::*;

use crate::read::file::{read_limited, Stat};

/// The largest `.gitignore` or `.ignore` read; a larger one is not used.
pub const MAX_IGNORE_FILE: u64 = 256 << 10;
/// The ignore files, in the order they are asked (`.ignore` wins, as in ripgrep).
const IGNORE_FILES: [&str; 2] = [".ignore", ".gitignore"];

/// A file to check, with the path to show for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub display: String,
    pub path: PathBuf,
    /// The path is a symbolic link (to a file): to be resolved before reading.
    pub link: bool,
    /// Which of the named paths it was found under (its index).
    pub named: usize,
    /// What `lstat` said of it when it was found (`None` for a link).
    pub stat: Option<Stat>,
    /// Found by walking a folder (so every folder between it and that
    /// folder is a real folder, not a link), not named.
    pub walked: bool,
}

/// Something that could not be walked: reported as `io` on that path.
#[derive(Debug)]
pub struct WalkError {
    pub display: String,
    pub error: std::io::Error,
}

/// How folders are walked.
#[derive(Debug, Clone, Copy)]
pub struct Walk {
    /// Respect `.gitignore` and `.ignore` files (`--no-ignore` turns it off).
    pub ignore_files: bool,
    /// Threads for the walk (0: one per core).
    pub threads: usize,
    /// Without a git repository, the parent folders' ignore files count up
    /// to the nearest folder holding a file of this name.
    pub top_marker: Option<&'static str>,
}

impl Default for Walk {
    fn default() -> Walk {
        Walk { ignore_files: true, threads: 0, top_marker: None }
    }
}

/// The files under `paths`, and what could not be walked.
pub fn discover(paths: &[PathBuf], walk: &Walk) -> (Vec<Target>, Vec<WalkError>) {
    let d = discover_all(paths, walk);
    (d.targets, d.errors)
}

/// A folder walked, and what the walk saw of it besides files to check.
#[derive(Debug)]
pub struct Walked {
    /// As named.
    pub root: PathBuf,
    /// The folders under it (as the walk names them: `root` joined with
    /// their path) that hold a file named [`Walk::top_marker`]; every other
    /// folder under it was seen not to.
    pub marked: Vec<PathBuf>,
}

/// What [`discover_all`] found.
pub struct Discovered {
    pub targets: Vec<Target>,
    pub errors: Vec<WalkError>,
    pub walked: Vec<Walked>,
}

/// [`discover`], with the folders walked: the files found under a folder
/// walked lie in real folders (a link to a folder is never walked), and
/// those holding [`Walk::top_marker`] are known without asking.
pub fn discover_all(paths: &[PathBuf], walk: &Walk) -> Discovered {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    let mut walked = Vec::new();
    for (named, root) in paths.iter().enumerate() {
        let meta = std::fs::symlink_metadata(root);
        let link = meta.as_ref().is_ok_and(|m| m.file_type().is_symlink());
        if root.is_file() {
            let stat = meta.ok().filter(|_| !link).and_then(|m| Stat::of(&m));
            targets.push(Target { display: show(root), path: root.clone(), link, named, stat, walked: false });
            continue;
        }
        if !root.exists() {
            errors.push(WalkError {
                display: show(root),
                error: std::io::Error::new(std::io::ErrorKind::NotFound, "not found"),
            });
            continue;
        }
        let (t, e, marked) = walk_folder(root, named, walk);
        targets.extend(t);
        errors.extend(e);
        walked.push(Walked { root: root.clone(), marked });
    }
    // In parallel: a province's archive is 100,000 paths.
    targets.par_sort_unstable();
    targets.dedup_by(|a, b| a.path == b.path && a.display == b.display);
    Discovered { targets, errors, walked }
}

/// What one walker thread found.
#[derive(Default)]
struct Found {
    targets: Vec<Target>,
    errors: Vec<WalkError>,
}

/// Walks one folder on every core: folders are read in parallel, and each
/// file is `lstat`ed by the thread that found it.
fn walk_folder(root: &Path, named: usize, walk: &Walk) -> (Vec<Target>, Vec<WalkError>, Vec<PathBuf>) {
    let mut b = WalkBuilder::new(root);
    // The ignore crate's own ignore-file reading is off: it would open a
    // `.gitignore` that is a FIFO (and wait forever) or follow a link to
    // /dev/zero. The walk only notes which folders hold one ([`Ignores`]
    // reads them afterwards): no folder is asked for files it does not have.
    b.standard_filters(false).follow_links(false).threads(walk.threads);
    let noted = Arc::new(Mutex::new(Vec::new()));
    let note = noted.clone();
    let marked = Arc::new(Mutex::new(Vec::new()));
    let mark = marked.clone();
    let (on, marker) = (walk.ignore_files, walk.top_marker);
    b.filter_entry(move |e| {
        let name = e.file_name();
        if !is_hidden(name) {
            if marker.is_some_and(|m| name == m) {
                if let Some(dir) = e.path().parent() {
                    mark.lock().unwrap_or_else(|e| e.into_inner()).push(dir.to_path_buf());
                }
            }
            return true;
        }
        if on && IGNORE_FILES.iter().any(|f| name == *f) {
            if let Some(dir) = e.path().parent() {
                note.lock().unwrap_or_else(|e| e.into_inner()).push(dir.to_path_buf());
            }
        }
        false
    });
    let all = Mutex::new(Vec::new());
    b.build_parallel().visit(&mut Builder { all: &all, named });
    let mut found = Found::default();
    for f in all.into_inner().unwrap_or_else(|e| e.into_inner()) {
        found.targets.extend(f.targets);
        found.errors.extend(f.errors);
    }
    if on {
        let noted = std::mem::take(&mut *noted.lock().unwrap_or_else(|e| e.into_inner()));
        found.targets = Ignores::new(root, noted, walk.top_marker).keep(found.targets);
    }
    let marked = std::mem::take(&mut *marked.lock().unwrap_or_else(|e| e.into_inner()));
    (found.targets, found.errors, marked)
}

/// Makes one [`Visitor`] per walker thread; each hands what it found to
/// `all` when the walk ends.
struct Builder<'a> {
    all: &'a Mutex<Vec<Found>>,
    named: usize,
}

impl<'s> ignore::ParallelVisitorBuilder<'s> for Builder<'s> {
    fn build(&mut self) -> Box<dyn ignore::ParallelVisitor + 's> {
        Box::new(Visitor { all: self.all, named: self.named, found: Found::default() })
    }
}

struct Visitor<'a> {
    all: &'a Mutex<Vec<Found>>,
    named: usize,
    found: Found,
}

impl Drop for Visitor<'_> {
    fn drop(&mut self) {
        let found = std::mem::take(&mut self.found);
        self.all.lock().unwrap_or_else(|e| e.into_inner()).push(found);
    }
}

impl ignore::ParallelVisitor for Visitor<'_> {
    fn visit(&mut self, entry: Result<ignore::DirEntry, ignore::Error>) -> WalkState {
        let e = match entry {
            Ok(e) => e,
            Err(err) => {
                let display = error_path(&err).map_or_else(|| "?".to_string(), show);
                let error = err.into_io_error().unwrap_or_else(|| std::io::Error::other("symlink loop"));
                self.found.errors.push(WalkError { display, error });
                return WalkState::Continue;
            }
        };
        let Some(kind) = e.file_type() else { return WalkState::Continue };
        // Folders are walked by the crate; pipes, sockets and devices never opened.
        if e.depth() == 0 || !is_markdown(e.path()) {
            return WalkState::Continue;
        }
        if kind.is_file() {
            // `lstat`: the walk does not follow links, so neither does this.
            let stat = e.metadata().ok().and_then(|m| Stat::of(&m));
            self.found.targets.push(Target {
                display: show(e.path()),
                path: e.into_path(),
                link: false,
                named: self.named,
                stat,
                walked: true,
            });
        } else if kind.is_symlink() {
            // Links to files are kept (marked); links to folders are not (no loops).
            match std::fs::metadata(e.path()) {
                Ok(m) if m.is_file() => {
                    let t = Target {
                        display: show(e.path()),
                        path: e.into_path(),
                        link: true,
                        named: self.named,
                        stat: None,
                        walked: true,
                    };
                    self.found.targets.push(t);
                }
                Ok(_) => {}
                Err(error) => self.found.errors.push(WalkError { display: show(e.path()), error }),
            }
        }
        WalkState::Continue
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child),
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}

/// The ignore files that apply in one folder: its own, then (`parent`)
/// those of the folders above it.
struct Layer {
    /// The folder's own matchers (`.ignore` first), matched against paths
    /// relative to `base`.
    matchers: Vec<Gitignore>,
    base: Base,
    parent: Option<Arc<Layer>>,
}

/// Where a layer's patterns are anchored.
enum Base {
    /// A folder met by the walk, as the walk names it.
    Walked(PathBuf),
    /// A folder above the walk's root: the root's path relative to it.
    Above(PathBuf),
}

/// What the ignore files say of one walk's files, applied once the walk is
/// done: a file is left out when the nearest pattern that matches it, or
/// a folder above it, ignores it (deepest folder first, its `.ignore`
/// before its `.gitignore`; a `!` pattern keeps). With no ignore file
/// anywhere, nothing is matched at all.
struct Ignores {
    root: PathBuf,
    /// The layers above the root, and the root's own.
    top: Option<Arc<Layer>>,
    /// The folders of the walk that hold an ignore file, with their matchers.
    own: HashMap<PathBuf, Vec<Gitignore>>,
}

/// What the ignore files say of one folder: the nearest layer at or above
/// it, and whether it is ignored itself (then so is all it holds).
#[derive(Clone)]
struct Folder {
    layer: Option<Arc<Layer>>,
    ignored: bool,
}

impl Ignores {
    fn new(root: &Path, noted: Vec<PathBuf>, marker: Option<&str>) -> Ignores {
        let mut own: HashMap<PathBuf, Vec<Gitignore>> = HashMap::new();
        for dir in noted {
            if let std::collections::hash_map::Entry::Vacant(v) = own.entry(dir) {
                let m = matchers(v.key());
                v.insert(m);
            }
        }
        own.retain(|_, m| !m.is_empty());
        let above = above(root, marker);
        let top = match own.remove(root) {
            Some(matchers) => Some(Arc::new(Layer { matchers, base: Base::Walked(root.to_path_buf()), parent: above })),
            None => above,
        };
        Ignores { root: root.to_path_buf(), top, own }
    }

    /// The targets that no ignore file leaves out (in parallel, each
    /// thread remembering the folders it has seen; sorted first, so that a
    /// folder's files come together).
    fn keep(&self, mut targets: Vec<Target>) -> Vec<Target> {
        if self.top.is_none() && self.own.is_empty() {
            return targets;
        }
        targets.par_sort_unstable();
        targets
            .into_par_iter()
            .map_init(
                || (HashMap::new(), None::<(PathBuf, Folder)>),
                |(seen, last), t| {
                    let dir = t.path.parent().unwrap_or(Path::new(""));
                    let f = match last {
                        Some((d, f)) if d == dir => f.clone(),
                        _ => {
                            let f = self.folder(dir, seen);
                            *last = Some((dir.to_path_buf(), f.clone()));
                            f
                        }
                    };
                    (!f.ignored && !self.ignored(f.layer.as_deref(), &t.path, false)).then_some(t)
                },
            )
            .flatten()
            .collect()
    }

    /// What the ignore files say of folder `dir` of the walk (made from its
    /// parent's, and remembered in `seen`).
    fn folder(&self, dir: &Path, seen: &mut HashMap<PathBuf, Folder>) -> Folder {
        if let Some(f) = seen.get(dir) {
            return f.clone();
        }
        let f = match dir.parent() {
            Some(parent) if dir != self.root && dir.starts_with(&self.root) => {
                let up = self.folder(parent, seen);
                let ignored = up.ignored || self.ignored(up.layer.as_deref(), dir, true);
                let layer = match self.own.get(dir) {
                    Some(m) => Some(Arc::new(Layer {
                        matchers: m.clone(),
                        base: Base::Walked(dir.to_path_buf()),
                        parent: up.layer,
                    })),
                    None => up.layer,
                };
                Folder { layer, ignored }
            }
            _ => Folder { layer: self.top.clone(), ignored: false },
        };
        seen.insert(dir.to_path_buf(), f.clone());
        f
    }

    /// Whether the nearest pattern of `layer` and the layers above it that
    /// matches `path` ignores it.
    fn ignored(&self, mut layer: Option<&Layer>, path: &Path, is_dir: bool) -> bool {
        while let Some(l) = layer {
            let rel = match &l.base {
                Base::Walked(d) => path.strip_prefix(d).ok().map(std::borrow::Cow::Borrowed),
                Base::Above(r) => path.strip_prefix(&self.root).ok().map(|p| std::borrow::Cow::Owned(r.join(p))),
            };
            if let Some(rel) = rel {
                for m in &l.matchers {
                    let hit = m.matched(&rel, is_dir);
                    if hit.is_ignore() {
                        return true;
                    }
                    if hit.is_whitelist() {
                        return false;
                    }
                }
            }
            layer = l.parent.as_deref();
        }
        false
    }
}

/// The matchers of `dir`'s own ignore files (`.ignore` first).
fn matchers(dir: &Path) -> Vec<Gitignore> {
    IGNORE_FILES.iter().filter_map(|name| matcher(&dir.join(name))).collect()
}

/// The layer of `dir`'s own ignore files, over `parent`; `None` if it has none.
fn own(dir: &Path, base: Base, parent: Option<Arc<Layer>>) -> Option<Arc<Layer>> {
    let matchers = matchers(dir);
    (!matchers.is_empty()).then(|| Arc::new(Layer { matchers, base, parent }))
}

/// One ignore file's patterns. A file that is missing, not a regular file,
/// a link, too large or not UTF-8 is not used; a line that is not a valid
/// pattern is left out, as git does.
fn matcher(path: &Path) -> Option<Gitignore> {
    let bytes = read_limited(path, MAX_IGNORE_FILE).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    // Anchored at ".": the paths matched are already relative to the folder.
    let mut b = GitignoreBuilder::new(".");
    for line in text.lines() {
        let _ = b.add_line(None, line);
    }
    b.build().ok().filter(|g| !g.is_empty())
}

/// The layers of the folders above `root`: up to the top of its git
/// repository (the nearest folder with `.git`), or without one up to the
/// nearest folder holding `marker`; none if neither is found.
fn above(root: &Path, marker: Option<&str>) -> Option<Arc<Layer>> {
    let canonical = std::fs::canonicalize(root).ok()?;
    let ancestors: Vec<&Path> = canonical.ancestors().skip(1).collect();
    let has = |d: &Path, name: &str| std::fs::symlink_metadata(d.join(name)).is_ok();
    if has(&canonical, ".git") {
        return None;
    }
    let top = ancestors.iter().position(|d| has(d, ".git")).or_else(|| {
        // The walk's root itself may hold the marker: nothing above counts then.
        if marker.is_some_and(|m| has(&canonical, m)) {
            return None;
        }
        marker.and_then(|m| ancestors.iter().position(|d| has(d, m)))
    })?;
    let mut layer = None;
    for d in ancestors[..=top].iter().rev() {
        let rel = canonical.strip_prefix(d).ok()?.to_path_buf();
        layer = own(d, Base::Above(rel), layer.clone()).or(layer);
    }
    layer
}

/// Paths are shown lossily: a non-UTF-8 name never stops the run.
fn show(p: &Path) -> String {
    let s = p.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

fn is_markdown(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path, walk: &Walk) -> Vec<String> {
        let (t, e) = discover(&[dir.to_path_buf()], walk);
        assert!(e.is_empty(), "{e:?}");
        t.iter().map(|t| t.path.strip_prefix(dir).unwrap().to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn ignore_files_leave_files_out_at_every_level() {
        let d = tempfile::tempdir().unwrap();
        let w = |p: &str, s: &str| {
            let p = d.path().join(p);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, s).unwrap();
        };
        w("a.md", "");
        w("nhap.md", "");
        w("du-thao/b.md", "");
        w("2021/c.md", "");
        w("2021/nhap.md", "");
        w("2021/giu.md", "");
        w("2022/d.md", "");
        w(".an/e.md", "");
        w(".f.md", "");
        w(".gitignore", "nhap.md\ndu-thao/\n*.md.bak\n");
        w("2021/.gitignore", "giu.md\n");
        w("2021/.ignore", "!giu.md\n");
        w("2022/.ignore", "*\n");
        let on = Walk::default();
        assert_eq!(names(d.path(), &on), ["2021/c.md", "2021/giu.md", "a.md"]);
        let off = Walk { ignore_files: false, ..Walk::default() };
        let all = names(d.path(), &off);
        assert_eq!(all, ["2021/c.md", "2021/giu.md", "2021/nhap.md", "2022/d.md", "a.md", "du-thao/b.md", "nhap.md"]);
        // A subfolder walked on its own: the parent's .gitignore counts up to
        // the marker (here the archive's bienban.toml).
        w("bienban.toml", "");
        let marked = Walk { top_marker: Some("bienban.toml"), ..Walk::default() };
        assert_eq!(names(&d.path().join("2021"), &marked), ["c.md", "giu.md"]);
        assert_eq!(names(&d.path().join("2021"), &on), ["c.md", "giu.md", "nhap.md"]);
        // Stat data for every file found.
        let (t, _) = discover(&[d.path().to_path_buf()], &on);
        assert!(t.iter().all(|t| t.stat.is_some() == cfg!(unix)));
    }

    #[cfg(unix)]
    #[test]
    fn an_ignore_file_that_is_a_fifo_or_a_link_is_not_read() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a.md"), "").unwrap();
        std::fs::write(d.path().join("b.md"), "").unwrap();
        std::fs::write(d.path().join("patterns"), "a.md\n").unwrap();
        assert!(std::process::Command::new("mkfifo").arg(d.path().join(".ignore")).status().unwrap().success());
        std::os::unix::fs::symlink(d.path().join("patterns"), d.path().join(".gitignore")).unwrap();
        // Returns at once: nobody writes to the FIFO.
        assert_eq!(names(d.path(), &Walk::default()), ["a.md", "b.md"]);
    }
}

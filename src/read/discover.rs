//! Finding the files to check: named files as they are, folders walked
//! (with walkdir) for `*.md`, hidden folders skipped, sorted by path.
//! Links to folders are not followed, so a link loop cannot trap the walk;
//! links to files are kept, marked, for the archive to resolve within its
//! boundary (`archive::run`); pipes and devices are never opened.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

/// A file to check, with the path to show for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub display: String,
    pub path: PathBuf,
    /// The path is a symbolic link (to a file): to be resolved before reading.
    pub link: bool,
    /// Which of the named paths it was found under (its index).
    pub named: usize,
}

/// Something that could not be walked: reported as `io` on that path.
#[derive(Debug)]
pub struct WalkError {
    pub display: String,
    pub error: std::io::Error,
}

pub fn discover(paths: &[PathBuf]) -> (Vec<Target>, Vec<WalkError>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    for (named, root) in paths.iter().enumerate() {
        let first = targets.len();
        let link = std::fs::symlink_metadata(root).is_ok_and(|m| m.file_type().is_symlink());
        if root.is_file() {
            targets.push(target(root, link, named));
            continue;
        }
        if !root.exists() {
            errors.push(WalkError {
                display: show(root),
                error: std::io::Error::new(std::io::ErrorKind::NotFound, "not found"),
            });
            continue;
        }
        // The top level here, each folder below it walked on its own core:
        // nothing can be checked before the walk ends.
        let mut subfolders = Vec::new();
        walk(WalkDir::new(root).max_depth(1), root, &mut targets, &mut errors, Some(&mut subfolders));
        let walked: Vec<(Vec<Target>, Vec<WalkError>)> = subfolders
            .par_iter()
            .map(|d| {
                let (mut t, mut e) = (Vec::new(), Vec::new());
                walk(WalkDir::new(d).follow_root_links(false), d, &mut t, &mut e, None);
                (t, e)
            })
            .collect();
        for (t, e) in walked {
            targets.extend(t);
            errors.extend(e);
        }
        for t in &mut targets[first..] {
            t.named = named;
        }
    }
    targets.sort();
    targets.dedup_by(|a, b| a.path == b.path && a.display == b.display);
    (targets, errors)
}

/// Walks one tree into `targets` and `errors`. With `subfolders`, the
/// folders met below the top are handed back to be walked apart instead.
fn walk(
    w: WalkDir,
    root: &Path,
    targets: &mut Vec<Target>,
    errors: &mut Vec<WalkError>,
    mut subfolders: Option<&mut Vec<PathBuf>>,
) {
    let walk = w.follow_links(false).into_iter().filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
    for entry in walk {
        match entry {
            // Folders are never opened here: walked apart, or by walkdir itself.
            Ok(e) if e.depth() > 0 && e.file_type().is_dir() => {
                if let Some(s) = subfolders.as_deref_mut() {
                    s.push(e.into_path());
                }
            }
            Ok(e) if e.file_type().is_file() && is_markdown(e.path()) => {
                let link = e.depth() == 0 && e.path_is_symlink();
                targets.push(target(e.path(), link, 0))
            }
            // Links to files are kept (marked); links to folders are not (no loops).
            Ok(e) if e.path_is_symlink() && is_markdown(e.path()) => match std::fs::metadata(e.path()) {
                Ok(m) if m.is_file() => targets.push(target(e.path(), true, 0)),
                Ok(_) => {}
                Err(error) => errors.push(WalkError { display: show(e.path()), error }),
            },
            // Folders, pipes, sockets, devices: never opened.
            Ok(_) => {}
            Err(err) => {
                let display = err.path().map_or_else(|| show(root), show);
                let error = err.into_io_error().unwrap_or_else(|| std::io::Error::other("symlink loop"));
                errors.push(WalkError { display, error });
            }
        }
    }
}

fn target(p: &Path, link: bool, named: usize) -> Target {
    Target { display: show(p), path: p.to_path_buf(), link, named }
}

/// Paths are shown lossily: a non-UTF-8 name never stops the run.
fn show(p: &Path) -> String {
    let s = p.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

fn is_hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

fn is_markdown(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

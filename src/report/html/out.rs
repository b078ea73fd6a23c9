//! Writing the report's folder so that a reader never sees half of it:
//! everything is written into a fresh hidden sibling folder, which is then
//! renamed into place. An interrupted run leaves that sibling (named
//! `.NAME.bienban-tmp-PID`) and the previous report, or nothing, at OUT_DIR;
//! never a half-written folder with a complete-looking index.
//!
//! Nothing is written outside the sibling: page names are made by the
//! report (never taken from a record or a file name), files are created
//! with `create_new` in folders this run created, so no link planted in
//! the way is followed. OUT_DIR itself may be a previous report (it then
//! holds [`MARKER`]) or an empty folder; anything else — a folder with
//! other files, a file, a symbolic link — is refused rather than replaced.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The file that marks a folder as a bienban report (safe to replace).
pub const MARKER: &str = ".bienban-report";

/// Why OUT_DIR cannot be written.
#[derive(Debug)]
pub enum OutError {
    /// OUT_DIR exists and is not a previous report nor an empty folder.
    NotAReport(PathBuf),
    /// OUT_DIR is a symbolic link.
    Link(PathBuf),
    Io(PathBuf, io::Error),
}

/// A folder being written: files go in with [`Staging::file`].
pub struct Staging {
    dir: PathBuf,
}

impl Staging {
    /// Writes `bytes` at `rel` (a `/`-separated path made by the report),
    /// creating its folders.
    pub fn file(&self, rel: &str, bytes: &[u8]) -> Result<(), OutError> {
        debug_assert!(rel.split('/').all(|c| !c.is_empty() && c != "." && c != ".."), "{rel}");
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| OutError::Io(parent.to_path_buf(), e))?;
        }
        let mut f =
            OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| OutError::Io(path.clone(), e))?;
        f.write_all(bytes).map_err(|e| OutError::Io(path, e))
    }

    /// A folder for pages, created before they are written in parallel.
    pub fn folder(&self, rel: &str) -> Result<(), OutError> {
        let path = self.dir.join(rel);
        fs::create_dir_all(&path).map_err(|e| OutError::Io(path, e))
    }
}

/// Checks that `out` may be (re)written, then lets `build` fill a staging
/// folder, then puts it in place of `out`. On any failure `out` is left as
/// it was and the staging folder is removed.
pub fn publish<T>(out: &Path, build: impl FnOnce(&Staging) -> Result<T, OutError>) -> Result<T, OutError> {
    let existing = match fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => return Err(OutError::Link(out.to_path_buf())),
        Ok(m) if !m.is_dir() => return Err(OutError::NotAReport(out.to_path_buf())),
        Ok(_) => {
            let mut entries = fs::read_dir(out).map_err(|e| OutError::Io(out.to_path_buf(), e))?;
            let empty = entries.next().is_none();
            if !empty && !out.join(MARKER).is_file() {
                return Err(OutError::NotAReport(out.to_path_buf()));
            }
            true
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(OutError::Io(out.to_path_buf(), e)),
    };
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "report".into());
    let tmp = parent.join(format!(".{name}.bienban-tmp-{}", std::process::id()));
    // A leftover of an interrupted run with the same process id: ours to remove.
    if fs::symlink_metadata(&tmp).is_ok() {
        fs::remove_dir_all(&tmp).map_err(|e| OutError::Io(tmp.clone(), e))?;
    }
    fs::create_dir(&tmp).map_err(|e| OutError::Io(tmp.clone(), e))?;
    let staging = Staging { dir: tmp.clone() };
    let result = build(&staging).and_then(|v| {
        staging.file(MARKER, b"bienban report --html\n")?;
        Ok(v)
    });
    let value = match result {
        Ok(v) => v,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    if existing {
        let old = parent.join(format!(".{name}.bienban-old-{}", std::process::id()));
        if let Err(e) = fs::rename(out, &old) {
            let _ = fs::remove_dir_all(&tmp);
            return Err(OutError::Io(out.to_path_buf(), e));
        }
        if let Err(e) = fs::rename(&tmp, out) {
            let _ = fs::rename(&old, out);
            let _ = fs::remove_dir_all(&tmp);
            return Err(OutError::Io(out.to_path_buf(), e));
        }
        let _ = fs::remove_dir_all(&old);
    } else if let Err(e) = fs::rename(&tmp, out) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(OutError::Io(out.to_path_buf(), e));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("bienban-out-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_report_replaces_a_report_and_nothing_else() {
        let d = scratch("replace");
        let out = d.join("r");
        publish(&out, |s| s.file("index.html", b"one")).unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");
        publish(&out, |s| s.file("index.html", b"two")).unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"two");
        // Only the report is left beside it: no staging or old folders.
        let names: Vec<_> = fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["r"]);
        // A folder of the user's is never replaced.
        let mine = d.join("mine");
        fs::create_dir(&mine).unwrap();
        fs::write(mine.join("notes.txt"), "keep").unwrap();
        assert!(matches!(publish(&mine, |s| s.file("index.html", b"x")), Err(OutError::NotAReport(_))));
        assert_eq!(fs::read_to_string(mine.join("notes.txt")).unwrap(), "keep");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn a_failed_build_leaves_the_old_report() {
        let d = scratch("fail");
        let out = d.join("r");
        publish(&out, |s| s.file("index.html", b"old")).unwrap();
        let r = publish(&out, |s| {
            s.file("a.html", b"half")?;
            Err::<(), _>(OutError::Io(PathBuf::from("x"), io::Error::other("interrupted")))
        });
        assert!(r.is_err());
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"old");
        assert!(!out.join("a.html").exists());
        let names: Vec<_> = fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["r"]);
        let _ = fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_refused() {
        let d = scratch("link");
        let target = d.join("elsewhere");
        fs::create_dir(&target).unwrap();
        std::os::unix::fs::symlink(&target, d.join("r")).unwrap();
        assert!(matches!(publish(&d.join("r"), |s| s.file("index.html", b"x")), Err(OutError::Link(_))));
        assert_eq!(fs::read_dir(&target).unwrap().count(), 0);
        let _ = fs::remove_dir_all(&d);
    }
}

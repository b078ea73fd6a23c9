//! Writing files safely. Every file bienban writes goes through a temporary
//! file that `tempfile` creates exclusively (`O_EXCL`, an unpredictable
//! name, mode 0600) in the target's folder, is written and synced, and only
//! then takes the target's name: by a rename, which replaces a link rather
//! than writing through it, or by a link that refuses an existing name. A
//! reader never sees half a file; a failure leaves nothing behind but, after
//! a kill, a `.NAME.*.tmp` file that [`sweep`] removes later.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// The folder a path lies in (`.` for a bare name).
fn folder(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Who may read a file bienban writes.
#[derive(Clone, Copy)]
enum Access {
    /// 0600: the cache.
    Owner,
    /// 0666 less the umask, as `File::create` makes files: reports, `init`.
    Ordinary,
}

/// A temporary file beside `path`, holding `contents`, synced to disk if `sync`.
fn temp_beside(path: &Path, contents: &[u8], access: Access, sync: bool) -> std::io::Result<NamedTempFile> {
    let mut prefix = OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".");
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    if let Access::Ordinary = access {
        // The mode is given to open(2): the kernel applies the umask.
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = access;
    let mut tmp = b.tempfile_in(folder(path))?;
    tmp.write_all(contents)?;
    if sync {
        tmp.as_file().sync_all()?;
    }
    Ok(tmp)
}

/// Writes `contents` to `path` atomically, replacing what is there (a link
/// at `path` is replaced, never followed), with the mode `File::create`
/// would give it.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let tmp = temp_beside(path, contents, Access::Ordinary, true)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `contents` to `path` atomically, owner-only (mode 0600), replacing
/// what is there: for the cache. Not synced to disk (that would take longer
/// than the run it saves: the cache of a province's archive is tens of
/// megabytes): after a crash the file may be cut short or empty, which its
/// checksum reveals, and a cache that does not check out is not used.
pub fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let tmp = temp_beside(path, contents, Access::Owner, false)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `contents` to a new file `path`, whole or not at all; fails with
/// `AlreadyExists` if anything, even a dangling link, has that name.
pub fn write_new(path: &Path, contents: &[u8], like: Option<&std::fs::Metadata>) -> std::io::Result<()> {
    let tmp = temp_beside(path, contents, Access::Ordinary, true)?;
    if let Some(m) = like {
        copy_owner_and_mode(tmp.as_file(), m)?;
    }
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_folder(path)
}

/// Replaces the file at `path` by `contents`, atomically, with the mode and
/// (as far as the user may set it) the owner and group of `like` (the
/// file being replaced); the folder is synced afterwards, so the rename
/// survives a crash.
pub fn replace_like(path: &Path, contents: &[u8], like: &std::fs::Metadata) -> std::io::Result<()> {
    let tmp = temp_beside(path, contents, Access::Owner, true)?;
    copy_owner_and_mode(tmp.as_file(), like)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(path)
}

fn copy_owner_and_mode(file: &std::fs::File, like: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Owner and group first: changing them may clear set-id bits.
        // Only root may give a file away; a group the user belongs to is
        // kept; anything else is left as the system made it.
        if std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(like.gid()));
        }
    }
    file.set_permissions(like.permissions())
}

/// Syncs the folder holding `path`, so that a rename in it is durable.
pub fn sync_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(folder(path))?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Removes the temporary files a killed run may have left for `name` in
/// `dir` (`.NAME.*.tmp`), when older than `age` (a running writer's file
/// is younger). Best effort: errors are ignored.
pub fn sweep(dir: &Path, name: &str, age: Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    let now = SystemTime::now();
    for e in entries.flatten() {
        let n = e.file_name();
        let Some(n) = n.to_str() else { continue };
        if !(n.starts_with(&prefix) && n.ends_with(".tmp")) {
            continue;
        }
        let old = e
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|d| d >= age);
        if old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn writes_never_follow_links_and_new_files_refuse_existing_names() {
        let d = tempfile::tempdir().unwrap();
        let victim = d.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let link = d.path().join("out");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        write_atomically(&link, b"report").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert!(!std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        // A dangling link is a name that exists.
        let dangling = d.path().join("x.orig");
        std::os::unix::fs::symlink(d.path().join("nowhere"), &dangling).unwrap();
        let e = write_new(&dangling, b"x", None).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert!(!d.path().join("nowhere").exists());
        // Mode kept.
        let f = d.path().join("r.md");
        std::fs::write(&f, b"old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
        let m = std::fs::metadata(&f).unwrap();
        replace_like(&f, b"new", &m).unwrap();
        assert_eq!(std::fs::metadata(&f).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read(&f).unwrap(), b"new");
        // No temporary file is left.
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert!(left.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")), "{left:?}");
    }

    #[test]
    fn old_temporary_files_are_swept() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join(".cache.bin.abc123.tmp"), b"x").unwrap();
        std::fs::write(d.path().join("other.tmp"), b"x").unwrap();
        sweep(d.path(), "cache.bin", Duration::from_secs(3600));
        assert!(d.path().join(".cache.bin.abc123.tmp").exists(), "too young to sweep");
        sweep(d.path(), "cache.bin", Duration::ZERO);
        assert!(!d.path().join(".cache.bin.abc123.tmp").exists());
        assert!(d.path().join("other.tmp").exists());
    }
}

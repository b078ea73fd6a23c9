//! A file's bytes, within a size limit, from regular files only.
//!
//! Every file bienban reads (records, `bienban.toml`, profiles, the cache,
//! the text shown in snippets) is opened here: without following a link in
//! its last component, without blocking (a FIFO or a device opened by
//! mistake must not hang the run), and checked to be a regular file on the
//! opened descriptor itself (so the check and the read see the same file).
//! Links are resolved beforehand, by the caller that knows where they may
//! point ([`resolve_within`]).

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file's bytes could not be had.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Larger than the limit: its size in bytes (as far as it was read).
    TooLarge(u64),
    /// A FIFO, a device, a socket or a folder: never read.
    NotRegular,
    /// A link where none may be (a link is resolved before it is read).
    Link,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::TooLarge(n) => write!(f, "too large ({n} bytes)"),
            ReadError::NotRegular => f.write_str("not a regular file"),
            ReadError::Link => f.write_str("a symbolic link"),
        }
    }
}

/// Opens `path` for reading if it is a regular file: a link in the last
/// component is not followed (`O_NOFOLLOW`), the open never blocks
/// (`O_NONBLOCK`: a FIFO is opened and refused, not waited on), and the
/// type is checked on the open descriptor.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY | libc::O_CLOEXEC);
    }
    #[cfg(not(unix))]
    if std::fs::symlink_metadata(path).map_err(ReadError::Io)?.file_type().is_symlink() {
        return Err(ReadError::Link);
    }
    let file = o.open(path).map_err(|e| {
        // ELOOP: the last component is a link (O_NOFOLLOW).
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return ReadError::Link;
        }
        ReadError::Io(e)
    })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok(file)
}

/// Reads a regular file, refusing one larger than `limit` without reading
/// it (and never reading more than the limit, should it grow meanwhile).
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_with_stat(path, limit).map(|(bytes, _)| bytes)
}

/// [`read_limited`], with what `fstat` said of the file before it was read
/// (`None` where the platform has no such data).
pub fn read_with_stat(path: &Path, limit: u64) -> Result<(Vec<u8>, Option<Stat>), ReadError> {
    let file = open_regular(path)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    let len = meta.len();
    if len > limit {
        return Err(ReadError::TooLarge(len));
    }
    Ok((read_to_limit(file, len, limit)?, Stat::of(&meta)))
}

/// What `stat` says of a file, enough to tell without reading it that it
/// has not changed since it was read: the size, the modification and
/// status-change times in nanoseconds, and the inode (git's index keeps the
/// same). Any write changes the ctime, which no program can set back, and
/// replacing the file changes the inode; a write within the same clock tick
/// as the read can keep them all, which the cache guards against by reading
/// again every file modified shortly before the run that cached it
/// (`archive::cache`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Stat {
    pub size: u64,
    /// Nanoseconds since 1970.
    pub mtime: i64,
    pub ctime: i64,
    pub ino: u64,
}

impl Stat {
    /// `None` off Unix, or for times outside ±292 years of 1970.
    pub fn of(m: &std::fs::Metadata) -> Option<Stat> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| s.checked_mul(1_000_000_000)?.checked_add(n);
            Some(Stat {
                size: m.size(),
                mtime: ns(m.mtime(), m.mtime_nsec())?,
                ctime: ns(m.ctime(), m.ctime_nsec())?,
                ino: m.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = m;
            None
        }
    }
}

/// Reads at most `limit` bytes of `r` (`hint`: the expected size).
pub fn read_to_limit(r: impl Read, hint: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(hint.min(limit) as usize);
    r.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Where a link may lead: its target made canonical, if it lies under
/// `boundary` (itself canonical). `Err(None)`: the link leads outside;
/// `Err(Some(e))`: it leads nowhere (broken, a loop).
pub fn resolve_within(link: &Path, boundary: &Path) -> Result<PathBuf, Option<std::io::Error>> {
    let target = std::fs::canonicalize(link).map_err(Some)?;
    if target.starts_with(boundary) {
        Ok(target)
    } else {
        Err(None)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn fifos_links_and_limits() {
        let d = std::env::temp_dir().join(format!("bienban-read-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("a"), b"hello").unwrap();
        assert_eq!(read_limited(&d.join("a"), 5).unwrap(), b"hello");
        assert!(matches!(read_limited(&d.join("a"), 4), Err(ReadError::TooLarge(5))));
        std::os::unix::fs::symlink("a", d.join("l")).unwrap();
        assert!(matches!(read_limited(&d.join("l"), 10), Err(ReadError::Link)));
        assert!(std::process::Command::new("mkfifo").arg(d.join("p")).status().unwrap().success());
        // Returns at once: nobody writes to the FIFO.
        assert!(matches!(read_limited(&d.join("p"), 10), Err(ReadError::NotRegular)));
        assert!(matches!(read_limited(Path::new("/dev/zero"), 10), Err(ReadError::NotRegular)));
        assert!(matches!(read_limited(&d, 10), Err(ReadError::NotRegular)));
        let canon = std::fs::canonicalize(&d).unwrap();
        assert_eq!(resolve_within(&d.join("l"), &canon).unwrap(), canon.join("a"));
        assert!(matches!(resolve_within(&d.join("l"), Path::new("/nowhere")), Err(None)));
        let _ = std::fs::remove_dir_all(&d);
    }
}

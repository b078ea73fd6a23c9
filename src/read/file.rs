//! A file's bytes, within a size limit.

use std::io::Read;
use std::path::Path;

/// Why a file's bytes could not be had.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Larger than the limit: its size in bytes (as far as it was read).
    TooLarge(u64),
}

/// Reads a file, refusing one larger than `limit` without reading it
/// (and never reading more than the limit, should it grow meanwhile).
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let len = file.metadata().map_err(ReadError::Io)?.len();
    if len > limit {
        return Err(ReadError::TooLarge(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

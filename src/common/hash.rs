//! Content hashes: keys of cached results and fingerprints of profiles.
//!
//! BLAKE3: what is hashed (records, profiles, archive paths) comes from
//! whoever wrote the archive, so two inputs with one key must be out of
//! anyone's reach, not only out of chance's; BLAKE3 is a cryptographic
//! hash that still runs at several GB/s.

/// A 256-bit digest of `bytes`.
pub fn digest(bytes: &[u8]) -> [u8; 32] {
    *blake3::hash(bytes).as_bytes()
}

/// [`digest`] on every core (rayon), for large inputs: the cache file.
pub fn digest_parallel(bytes: &[u8]) -> [u8; 32] {
    *blake3::Hasher::new().update_rayon(bytes).finalize().as_bytes()
}

/// The same digest in hexadecimal (profile fingerprints, cache file names).
pub fn key(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

//! Content hashes: keys of cached results and fingerprints of profiles.

/// A 128-bit content key (XXH3-128) and the length: a collision among even
/// millions of files is out of reach, and a repeat run must hash every file
/// of the archive, so the hash has to run at memory speed.
pub fn key(bytes: &[u8]) -> String {
    format!("{:032x}{:x}", xxhash_rust::xxh3::xxh3_128(bytes), bytes.len())
}

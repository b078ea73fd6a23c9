//! The regulation as data, read by every later stage: the profile (bodies,
//! quorum, majority basis, urgent carve-outs, the matter table with its
//! articles and quotes) and the guess of a matter from an item's words.
//!
//! In: a profile's TOML text (the built-in one, or the archive's own).
//! Out: `Profile`, queried by name; `matter_guess` for suggestions.

pub mod matter_guess;
pub mod profile;

//! The shared basics every stage uses, and nothing else: byte spans and
//! positions, keyword folding, per-thread memos, the clerk's language
//! (`tr!`), the finding a rule reports, content hashes, and safe file writes.
//!
//! In: nothing of bienban's. Out: small types and helpers; no stage logic.

pub mod finding;
pub mod fs;
pub mod hash;
pub mod i18n;
pub mod memo;
pub mod span;
pub mod text;

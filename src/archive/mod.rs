//! Stage 6, the archive: a run's named paths grouped by archive root
//! (`bienban.toml`, and the profile and roster it names), each archive
//! read whole (with the cache), the
//! cross-record rules run over the records' summaries, then severities
//! from the configuration, suppressions and the baseline applied.
//!
//! In: the paths and options of a run. Out: the `FileResult`s of the files
//! to report, finished (severities set, suppressions applied, sorted).

pub mod baseline;
pub mod cache;
pub mod config;
pub mod fingerprint;
mod pass;
pub mod roster;
pub mod run;
pub mod suppress;

pub use pass::{check, check_alone, check_texts, finish};

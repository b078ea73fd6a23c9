//! bienban: a static analyzer for the minutes (biên bản) of party
//! committees. The modules are the stages of its pipeline, in layer order:
//! each imports only the ones above it here (ARCHITECTURE.md;
//! `tests/architecture.rs` keeps it so).

// pest_derive without its `std` feature names `alloc` in the code it generates.
extern crate alloc;

/// Spans, folding, messages, findings, hashes, safe writes.
pub mod common;

/// Which files, and their bytes (size limits, encodings).
pub mod read;

/// The regulation as data: the profile and its matter table.
pub mod regulation;

/// The grammar: text → typed lines.
pub mod syntax;

/// Lines → `Record`, its `Facts` and its archive `Summary`.
pub mod model;

/// The rules, one file each, with their documentation.
pub mod rules;

/// One file through the whole per-file pipeline.
pub mod check;

/// Archives: roots, configuration, cache, the cross-record pass, suppressions.
pub mod archive;

/// Findings → what the user reads (human, JSON, SARIF, …).
pub mod report;

/// The commands.
pub mod cli;

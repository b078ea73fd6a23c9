//! Stage 5, checking one file: read → decode → parse → lower → facts →
//! single-record rules, in one call per file (files run in parallel).
//!
//! In: a path or bytes, the profile and the archive's roster (`Against`), the options. Out: a `FileResult` that
//! owns everything later stages need (findings with positions, the
//! record's `Summary`, its suppression scopes) — never the text, never the
//! parse tree. `None` for a file that is not a record.

mod file;
mod result;

pub use crate::model::layout::Skip;
pub use file::{check_bytes, check_file, check_path, read_limited, read_with_stat, record_of, Against};
pub use result::{Applied, FileResult, Options, Scope, DEFAULT_MAX_FILE_SIZE};

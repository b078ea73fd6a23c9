//! bienban: a static analyzer for the minutes (biên bản) of party
//! committees. Pipeline: read → parse → model → rules → report; see
//! ARCHITECTURE.md.

// pest_derive without its `std` feature names `alloc` in the code it generates.
extern crate alloc;
pub mod i18n;

pub mod archive;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod convert;
pub mod discover;
pub mod docs;
pub mod facts;
pub mod finding;
pub mod index;
pub mod legacy;
pub mod lower;
pub mod matter_guess;
pub mod model;
pub mod parse;
pub mod profile;
pub mod report;
pub mod rules;
pub mod run;
pub mod span;
pub mod suppress;
pub mod text;
pub mod values;

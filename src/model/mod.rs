//! Stage 3, the model: typed lines are lowered into a `Record` (field names
//! recognised after folding, values read), then the facts every rule
//! shares are computed once, and the small `Summary` a record contributes
//! to its archive.
//!
//! In: the syntax stage's lines and the regulation profile. Out: `Record`
//! (the types in `record`), `Facts`, `Summary`. Rules read these, never
//! the parse tree.

pub mod facts;
pub mod layout;
pub mod lower;
mod record;
pub mod summary;
pub mod values;

pub use record::*;

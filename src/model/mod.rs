//! Stage 3, the model: typed lines are lowered into a `Record` (field names
//! recognised after folding, values read), then the facts every rule
//! shares are computed once, and the small `Summary` a record contributes
//! to its archive. `roster` holds who the members of each body were, and
//! when (format 1.1, "Membership"), queried by body and date.
//!
//! In: the syntax stage's lines, the regulation profile and the archive's
//! roster, if any. Out: `Record` (the types in `record`), `Facts`,
//! `Summary`, `Roster`. Rules read these, never the parse tree.

pub mod facts;
pub mod layout;
pub mod lower;
mod record;
pub mod roster;
pub mod summary;
pub mod values;

pub use record::*;

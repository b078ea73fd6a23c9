//! The single-record rules: each reads one `Record` and its `Facts`.

pub mod absence_reason;
pub mod attendance;
pub mod chair;
pub mod competence;
pub mod encoding;
pub mod higher_consent;
pub mod invalid_value;
pub mod io;
pub mod majority;
pub mod missing_field;
pub mod missing_id;
pub mod missing_votes;
pub mod quorum;
pub mod record_content;
pub mod roster;
pub mod syntax;
pub mod unknown_matter;
pub mod unknown_section;
pub mod unrecognised_record;
pub mod unstructured_decision;
pub mod unused_allow;
pub mod urgent_carve_out;
pub mod votes;

//! The cross-record rules: each reads the summaries of every record of an
//! archive (with hash maps and binary searches, not pairwise scans).

pub mod between_sessions_report;
pub mod duplicate_id;
pub mod meeting_frequency;
pub mod report_back;
pub mod unknown_reference;

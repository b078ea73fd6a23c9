//! Legacy Vietnamese encodings (issue #6): detection and conversion.
//! Placeholder module, filled in by the legacy-encoding work.

//! Stage 1, reading: which files make up the run, and their bytes.
//!
//! In: the paths the user named. Out: the files to check (`discover`),
//! each file's bytes within the size limit (`file`), UTF-16 decoded (`decode`), and the
//! legacy Vietnamese encodings recognised and decoded (`legacy`). Nothing here
//! knows what a record is.

pub mod decode;
pub mod discover;
pub mod file;
pub mod legacy;

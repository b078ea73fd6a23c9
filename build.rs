//! Build identity for the cache: a hash of the sources that decide what a
//! check finds (code, grammar, built-in profiles). Cached results are reused
//! only by the same build, not merely the same version number — a changed
//! reader with an unchanged version must not be served stale findings.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let mut all = Vec::new();
    for dir in ["src", "grammar", "profiles"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut all);
    }
    all.sort();
    let mut h = DefaultHasher::new();
    for p in &all {
        p.hash(&mut h);
        std::fs::read(p).unwrap_or_default().hash(&mut h);
    }
    println!("cargo:rustc-env=BIENBAN_BUILD_ID={:016x}", h.finish());
}

//! Stable fingerprints of findings: what the baseline records and what
//! SARIF's `partialFingerprints` and GitLab's `fingerprint` carry. A
//! finding's fingerprint is made of its rule, the text of the line it
//! points at (white space folded) and which occurrence of that pair in the
//! file it is — never its line number, so it survives lines added or
//! removed elsewhere in the file, and never the path as the run shows it
//! (that depends on the folder bienban was started from: the path a
//! report adds is relative to the repository or archive root).

use std::collections::HashMap;
use std::path::Path;

use crate::check::FileResult;
use crate::common::finding::Finding;
use crate::common::span::LineIndex;

/// FNV-1a, 64 bits: tiny, stable across versions and platforms (unlike
/// std's hasher), enough to tell findings apart.
pub fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Lines longer than this (white space folded) enter fingerprints as a
/// digest, computed once per line, so that many findings on one line of
/// megabytes do not each hash the line.
const LONG_LINE: usize = 4096;

/// The largest file read again for its lines (a record is a few KB; the
/// run's own size limit keeps larger ones from being checked at all).
const MAX_READ: u64 = 1 << 30;

/// Whether a finding is about the file rather than a line of it (it could
/// not be read, it is not UTF-8…): its fingerprint takes no line text.
fn about_the_file(f: &Finding) -> bool {
    matches!(f.rule, "io" | "encoding")
}

/// The text a result's fingerprints are made from: the result's own text
/// (standard input), else the file read again (`file`, or the result's
/// own path on disk), lossily; `None` when every finding is about the
/// file itself (an unreadable or binary file is never read for this).
pub fn text_for(r: &FileResult, file: Option<&Path>) -> Option<String> {
    let needed = r.findings.iter().chain(r.suppressed.iter().map(|a| &a.finding)).any(|f| !about_the_file(f));
    if !needed {
        return None;
    }
    if let Some(t) = &r.text {
        return Some(t.clone());
    }
    let bytes = crate::read::file::read_limited(file.or(r.file.as_deref())?, MAX_READ).ok()?;
    Some(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// The fingerprints of `findings` (all of one file), in their order: each
/// a 16-digit hexadecimal FNV-1a of the rule, the folded text of the line
/// and the occurrence number. Occurrences are counted in a canonical order
/// (position, rule, message), so the same set of findings gets the same
/// fingerprints whichever of them a baseline or a suppression set aside.
pub fn fingerprints(text: Option<&str>, findings: &[&Finding]) -> Vec<String> {
    let index = text.map(LineIndex::new);
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (findings[a], findings[b]);
        (x.span.start, x.rule, &x.message).cmp(&(y.span.start, y.rule, &y.message))
    });
    let mut seen: HashMap<(String, &'static str), usize> = HashMap::new();
    let mut lines: HashMap<usize, String> = HashMap::new();
    let mut out = vec![String::new(); findings.len()];
    for i in order {
        let f = findings[i];
        let line = match (&index, about_the_file(f)) {
            (Some(ix), false) => {
                let at = ix.line_col(crate::common::span::clamp(ix.text(), f.span).start).0;
                lines.entry(at).or_insert_with(|| {
                    let s = ix.line_span(at);
                    let folded = ix.text()[s.start..s.end].split_whitespace().collect::<Vec<_>>().join(" ");
                    if folded.len() > LONG_LINE {
                        format!("#{:016x}", fnv(&[&folded]))
                    } else {
                        folded
                    }
                });
                at
            }
            _ => 0,
        };
        let line_text = lines.get(&line).map_or("", String::as_str);
        let n = seen.entry((line_text.to_owned(), f.rule)).or_insert(0);
        *n += 1;
        out[i] = format!("{:016x}", fnv(&[f.rule, line_text, &n.to_string()]));
    }
    out
}

/// A fingerprint for a report: the file's fingerprint with the path that
/// names the file however bienban was started (relative to the repository
/// or archive root).
pub fn with_path(fingerprint: &str, path: &str) -> String {
    format!("{:016x}", fnv(&[fingerprint, path]))
}

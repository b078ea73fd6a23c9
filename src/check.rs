//! The per-file pipeline: read → sniff → parse → model → rules. Everything
//! a file needs later is owned by its result (findings, the archive
//! summary, suppression scopes) — never the parse tree, never the text —
//! so files are checked in parallel and memory stays small.

use std::path::{Path, PathBuf};

use crate::facts::Facts;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::index::Summary;
use crate::legacy::{self, Legacy};
use crate::lower;
use crate::parse;
use crate::profile::Profile;
use crate::rules::{self, encoding, io, syntax, Context};
use crate::span::{line_col, LineIndex, Span};
use crate::suppress::{Applied, Scope};

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    /// `--no-allow`: ignore every suppression (audit mode).
    pub no_allow: bool,
    /// Larger files are not read (`io`): a record is a few kilobytes.
    pub max_file_size: u64,
    /// `--encoding`: read files that are not UTF-8 in this legacy encoding.
    pub encoding: Option<Legacy>,
}

/// 4 MiB: a thousand times a long record, far below what would strain memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;

impl Default for Options {
    fn default() -> Options {
        Options { lang: Lang::Vi, no_allow: false, max_file_size: DEFAULT_MAX_FILE_SIZE, encoding: None }
    }
}

impl Options {
    pub fn new(lang: Lang, no_allow: bool) -> Options {
        Options { lang, no_allow, ..Options::default() }
    }
}

/// The result of checking one file.
#[derive(Debug)]
pub struct FileResult {
    /// The path as named or as found under a named folder.
    pub path: String,
    /// Where to read the text again to show snippets (`None` for text that
    /// came from memory or a file that could not be read).
    pub file: Option<PathBuf>,
    /// The text itself, only for text that came from standard input.
    pub text: Option<String>,
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Applied>,
    /// For the cross-record rules; `None` when the file was not a readable record.
    /// Shared with the cache entry it came from or goes to: no copy per hit.
    pub summary: Option<std::sync::Arc<Summary>>,
    pub suppressions: Vec<Scope>,
    /// Spans of the agenda items, for item-level suppressions.
    pub items: Vec<Span>,
}

impl FileResult {
    /// What the report needs, once the archive rules have run: the summary
    /// and the suppression scopes are dropped, so that memory after an
    /// archive's pass grows with the findings, not with the archive.
    pub fn shed(&mut self) {
        self.summary = None;
        self.suppressions = Vec::new();
        self.items = Vec::new();
    }

    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// A file that yielded one finding and nothing else (unreadable, not UTF-8, unparsable).
    pub fn failed(path: &str, file: Option<&Path>, finding: Finding) -> FileResult {
        FileResult {
            path: path.to_string(),
            file: file.map(Path::to_path_buf),
            text: None,
            findings: vec![finding],
            suppressed: Vec::new(),
            summary: None,
            suppressions: Vec::new(),
            items: Vec::new(),
        }
    }
}

/// Reads and checks one file. `None`: the file is not a record.
pub fn check_path(path: &Path, display: &str, profile: &Profile, opts: Options) -> Option<FileResult> {
    match read_limited(path, opts) {
        Ok(bytes) => {
            let mut r = check_bytes(display, &bytes, profile, opts)?;
            r.file = Some(path.to_path_buf());
            Some(r)
        }
        Err(f) => Some(FileResult::failed(display, None, *f)),
    }
}

/// Reads a file, refusing one larger than the limit without reading it
/// (and never reading more than the limit, should it grow meanwhile).
pub fn read_limited(path: &Path, opts: Options) -> Result<Vec<u8>, Box<Finding>> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| Box::new(io::unreadable(&e, opts.lang));
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let len = file.metadata().map_err(unreadable)?.len();
    if len > opts.max_file_size {
        return Err(Box::new(io::too_large(len, opts.max_file_size, opts.lang)));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(opts.max_file_size + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > opts.max_file_size {
        return Err(Box::new(io::too_large(bytes.len() as u64, opts.max_file_size, opts.lang)));
    }
    Ok(bytes)
}

/// Checks one file's bytes with the single-record rules. `None`: the file
/// is not a record. Suppressions are applied later, once the archive rules
/// have run (see `archive.rs`).
pub fn check_bytes(display: &str, bytes: &[u8], profile: &Profile, opts: Options) -> Option<FileResult> {
    // Binary files named `.md` (a NUL never occurs in text).
    let head = &bytes[..bytes.len().min(64 * 1024)];
    // `contains` on bytes is a vectorised memchr; the position only when needed.
    if let Some(at) = head.contains(&0).then(|| head.iter().position(|&b| b == 0)).flatten() {
        return Some(FileResult::failed(display, None, encoding::binary(at, opts.lang)));
    }
    let decoded;
    let text = match (utf8(bytes), opts.encoding) {
        (Ok(t), _) => t,
        // `--encoding`: read it anyway, decoded (positions then refer to the decoded text).
        (Err(_), Some(from)) => {
            decoded = legacy::decode_bytes(bytes, from);
            &decoded
        }
        (Err(e), None) => {
            let mut f = encoding::not_utf8(e.valid_up_to(), legacy::detect_bytes(bytes), opts.lang);
            let (line, column) = line_col(&String::from_utf8_lossy(bytes), e.valid_up_to());
            (f.line, f.column) = (line, column);
            return Some(FileResult::failed(display, None, f));
        }
    };
    if lower::sniff(text).is_none() {
        // Legacy-font text stored as UTF-8 ("Biªn b¶n"): its title does not
        // read as a record, so look before skipping it.
        let from = legacy::detect_text(text)?;
        return Some(FileResult::failed(display, None, encoding::mojibake(from, opts.lang)));
    }
    let lines = match parse::parse(text) {
        Ok(lines) => lines,
        Err(failure) => {
            let mut f = syntax::unparsable(&failure, opts.lang);
            (f.line, f.column) = line_col(text, f.span.start);
            return Some(FileResult::failed(display, None, f));
        }
    };
    let rec = lower::lower(&lines, profile)?;
    let cx = Context { profile, lang: opts.lang };
    let facts = Facts::of(&rec, profile);
    let mut findings = rules::check_record(&rec, &facts, &cx);
    let lines = LineIndex::new(text);
    for f in &mut findings {
        (f.line, f.column) = lines.line_col(f.span.start);
    }
    Some(FileResult {
        path: display.to_string(),
        file: None,
        text: None,
        findings,
        suppressed: Vec::new(),
        summary: Some(std::sync::Arc::new(Summary::of(&rec, &facts, profile, &lines))),
        // Item spans only matter to item-level suppressions.
        items: if rec.suppressions.is_empty() { Vec::new() } else { rec.items.iter().map(|i| i.span).collect() },
        suppressions: rec.suppressions.iter().map(|s| Scope::of(s, &lines)).collect(),
    })
}

/// UTF-8 validation: SIMD for the common valid case (Vietnamese text is
/// mostly multi-byte, where the standard library's check is slow); the
/// standard library's error, which knows where the bad byte is, otherwise.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

/// Checks one record as an archive of its own (what `bienban check FILE`
/// does without a bienban.toml): every rule, then its suppressions.
pub fn check_alone(display: &str, bytes: &[u8], profile: &Profile, opts: Options) -> Option<FileResult> {
    crate::archive::check_texts(&[(display, bytes)], profile, &crate::config::Config::default(), opts).pop()
}

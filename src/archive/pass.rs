//! The archive pass: once every file has its own findings and summary, the
//! cross-record rules query the summaries; then each file's severities are
//! set from the configuration and its suppressions applied.

use crate::archive::config::{Config, Level};
use crate::archive::suppress;
use crate::check::{FileResult, Options};
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::model::Date;
use crate::regulation::profile::Profile;
use crate::rules::{ArchiveContext, ArchiveFile, ARCHIVE};

/// Runs the archive rules over `files` (every record of the archive, in
/// path order) and finishes each file.
pub fn check(
    files: &mut [FileResult],
    profile: &Profile,
    config: &Config,
    period: Option<(Date, Date)>,
    opts: Options,
) {
    let index: Vec<ArchiveFile<'_>> =
        files.iter().map(|f| ArchiveFile { path: &f.path, summary: f.summary.as_deref() }).collect();
    let found = rules(&index, profile, period, config.term_starts(profile), opts.lang);
    drop(index);
    for (i, f) in found {
        files[i].findings.push(f);
    }
    for f in files.iter_mut() {
        finish(f, profile, config, opts);
    }
}

/// The archive rules' findings over `files` (every record of the archive,
/// in path order), as `(index in files, finding)`, before severities and
/// suppressions. `terms`: the first day of each numbering term.
pub fn rules(
    files: &[ArchiveFile<'_>],
    profile: &Profile,
    period: Option<(Date, Date)>,
    terms: Vec<Date>,
    lang: Lang,
) -> Vec<(usize, Finding)> {
    let cx = ArchiveContext { profile, lang, period, terms };
    let mut found = Vec::new();
    for rule in ARCHIVE {
        rule.check(files, &cx, &mut found);
    }
    found
}

/// Checks in-memory files `(path, bytes)` as one archive (with the roster
/// `config` holds, if any): for tests, the documented examples and fuzzing.
pub fn check_texts(files: &[(&str, &[u8])], profile: &Profile, config: &Config, opts: Options) -> Vec<FileResult> {
    let against = crate::check::Against { profile, roster: config.roster() };
    let mut results: Vec<FileResult> =
        files.iter().filter_map(|(p, b)| crate::check::check_bytes(p, b, against, opts)).collect();
    archive_pass(&mut results, profile, config, opts);
    results
}

fn archive_pass(files: &mut [FileResult], profile: &Profile, config: &Config, opts: Options) {
    check(files, profile, config, config.period(), opts)
}

/// The rules that are off in this run (`--select`/`--ignore`, else the
/// configuration, else the profile):
/// their findings are never reported (and need not be kept).
pub fn off_rules(profile: &Profile, config: &Config) -> Vec<&'static str> {
    crate::rules::docs().map(|d| d.name).filter(|r| config.effective(r, profile.level(r)) == Some(Level::Off)).collect()
}

/// Severities from the configuration (else the profile's defaults), then
/// suppressions, then order.
pub fn finish(r: &mut FileResult, profile: &Profile, config: &Config, opts: Options) {
    let level = |rule: &str| config.effective(rule, profile.level(rule));
    r.findings.retain(|f| level(f.rule) != Some(Level::Off));
    for f in &mut r.findings {
        match level(f.rule) {
            Some(Level::Error) => f.severity = Severity::Error,
            Some(Level::Warning) => f.severity = Severity::Warning,
            _ => {}
        }
    }
    if !opts.no_allow {
        suppress::apply(r, opts.lang, |rule| level(rule) == Some(Level::Off));
        // unused-allow findings are new: give them their configured level too.
        r.findings.retain(|f| level(f.rule) != Some(Level::Off));
    }
    r.findings.sort_by_key(|f| (f.span.start, f.rule));
}

/// Checks one record as an archive of its own (what `bienban check FILE`
/// does without a bienban.toml): every rule, then its suppressions.
pub fn check_alone(display: &str, bytes: &[u8], profile: &Profile, opts: Options) -> Option<FileResult> {
    check_texts(&[(display, bytes)], profile, &Config::default(), opts).pop()
}

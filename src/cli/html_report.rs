//! `bienban report --html OUT_DIR [PATH…]`: the inspector's report. The
//! same run as `check` (archive discovery, bienban.toml, profile,
//! suppressions, exit status), with the archives' summaries kept for the
//! calendar, attendance and trails; then `report::html` writes the folder.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::archive::run::{self, Request};
use crate::common::i18n::Lang;
use crate::report::html::{self, OutError};
use crate::report::Totals;
use crate::tr;

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Write the HTML report into this folder (created, or replaced if it
    /// holds an earlier report; any other folder is left alone).
    #[arg(long, value_name = "OUT_DIR")]
    pub html: PathBuf,
    /// Files or folders to report on (default: .), found as `check` finds them.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Audit mode: ignore every `<!-- bienban: allow(…) -->` comment and
    /// the baseline.
    #[arg(long)]
    pub no_allow: bool,
    /// Ignore bienban-baseline.json: show the findings it would set aside
    /// as findings (otherwise they are shown set aside, with the reason).
    #[arg(long)]
    pub no_baseline: bool,
    /// Neither read nor write the cache of results.
    #[arg(long)]
    pub no_cache: bool,
    #[command(flatten)]
    pub walk: super::WalkArgs,
    /// Files larger than this are not read (e.g. `4M`, `512K`; default 4M).
    #[arg(long, value_name = "SIZE", value_parser = super::parse_size)]
    pub max_file_size: Option<u64>,
    /// Read files that are not UTF-8 in this legacy encoding.
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub encoding: Option<crate::read::legacy::Legacy>,
    /// Exit 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Exit 0 even when errors are found (a run that fails still exits 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print nothing when the report is written.
    #[arg(long, short)]
    pub quiet: bool,
    /// Number of threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Inspect an archive you do not trust: its `bienban.toml`, its
    /// suppression comments and its cache are ignored; the built-in
    /// profile is used, or `--profile`.
    #[arg(long)]
    pub audit: bool,
    /// A regulation profile (TOML) to check against, instead of the one
    /// the archive's `bienban.toml` names.
    #[arg(long, value_name = "PATH")]
    pub profile: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub rules: super::RuleArgs,
}

pub fn run(args: ReportArgs, lang: Option<Lang>) -> ExitCode {
    let fail_lang = lang.unwrap_or_default();
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let exclude = match args.walk.patterns(fail_lang) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{}", crate::report::escape::visible(&msg));
            return ExitCode::from(2);
        }
    };
    let req = Request {
        paths: &args.paths,
        stdin: None,
        lang,
        no_allow: args.no_allow,
        no_cache: args.no_cache,
        max_file_size: args.max_file_size,
        encoding: args.encoding,
        keep_archives: true,
        profile: args.profile.clone(),
        audit: args.audit,
        no_ignore: args.walk.no_ignore,
        exclude,
        config: args.rules.config.clone(),
        selection: args.rules.selection(),
        baseline: if args.no_baseline {
            crate::archive::baseline::Mode::Ignore
        } else {
            crate::archive::baseline::Mode::Use
        },
    };
    if let Some(msg) = args.rules.unknown(fail_lang) {
        eprintln!("{msg}");
        return ExitCode::from(2);
    }
    let outcome = match run::run(&req) {
        Ok(o) => o,
        Err(e) => {
            eprint!("{}", super::config_error(&e, fail_lang, false));
            return ExitCode::from(2);
        }
    };
    let l = outcome.lang;
    let totals = Totals::of(&outcome.results);
    let skipped_note = match outcome.skipped.len() {
        0 => String::new(),
        n => crate::report::skipped::note(n, true, l),
    } + &crate::report::baseline::note(
        crate::report::baseline::set_aside(&outcome.results),
        outcome.baseline.unused.len(),
        l,
    );
    eprint!("{}", crate::report::baseline::unused(&outcome.baseline.unused, l));
    match html::write(&args.html, &outcome.archives, &outcome.results, l) {
        Ok(w) => {
            if !args.quiet {
                println!(
                    "{}",
                    tr!(
                        l,
                        "đã ghi báo cáo vào {} ({} trang); {}",
                        "report written to {} ({} pages); {}",
                        args.html.join("index.html").display(),
                        w.pages,
                        totals.summary(l) + &skipped_note
                    )
                );
            }
        }
        Err(e) => {
            let message = match e {
                OutError::NotAReport(p) => tr!(
                    l,
                    "{} đã có và không phải một báo cáo của bienban (cũng không trống): không ghi đè",
                    "{} exists and is neither a bienban report nor empty: not replaced",
                    p.display()
                ),
                OutError::Link(p) => tr!(
                    l,
                    "{} là một liên kết tượng trưng: không ghi qua liên kết",
                    "{} is a symbolic link: the report is never written through a link",
                    p.display()
                ),
                OutError::Io(p, e) => tr!(l, "không ghi được {}: {}", "cannot write {}: {}", p.display(), e),
            };
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    }
    let too_many_warnings = args.max_warnings.is_some_and(|n| totals.warnings > n);
    let stale = !outcome.baseline.unused.is_empty();
    if !args.exit_zero && (totals.errors > 0 || too_many_warnings || stale) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

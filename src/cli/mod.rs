//! The command line: options, then the run, then the report. Exit status:
//! 0 no error, 1 errors found (or too many warnings), 2 the run itself failed.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub mod convert;
pub mod help;
pub mod html_report;
pub mod roster;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::archive::baseline;
use crate::archive::config::{self, ConfigError};
use crate::archive::run::{self, Request, Stdin};
use crate::check::{FileResult, Skip};
use crate::common::i18n::Lang;
use crate::report::escape::visible;
use crate::report::{self, human, Positions, Totals};
use crate::rules;
use crate::tr;

#[derive(Parser, Debug)]
#[command(
    name = "bienban",
    version,
    about = "Kiểm tra biên bản hội nghị theo Quy chế làm việc — checks party committee minutes against the working regulation"
)]
pub struct Cli {
    /// Language of messages: vi (default) or en. Overrides `lang` in bienban.toml.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check records (files, folders walked for *.md, or `-` for standard input).
    Check(CheckArgs),
    /// List every rule with its severity and article.
    Rules,
    /// Print a rule's documentation: what it finds, why, examples.
    Explain {
        /// The rule's name, e.g. `quorum`.
        #[arg(value_parser = RuleName, hide_possible_values = true)]
        rule: String,
    },
    /// Write a commented bienban.toml in a folder (default: the current one).
    Init {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// The roster: who the members of each body were, and when
    /// (`roster = "thanh-vien.toml"` in bienban.toml).
    Roster {
        #[command(subcommand)]
        command: roster::RosterCommand,
    },
    /// Convert records typed in a legacy encoding (TCVN3, VNI, Windows-1258)
    /// to UTF-8 Unicode. Writes a copy `NAME.unicode.md` unless told otherwise.
    Convert(ConvertArgs),
    /// Write the inspector's report: a static HTML folder (index, meeting
    /// calendar, attendance, trails, one page per record worth one).
    Report(html_report::ReportArgs),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff); with --out-dir, write one page per subcommand.
    Man {
        /// Write bienban.1 and a bienban-COMMAND.1 page per subcommand into this folder.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

/// The command line as the user typed it, with `--help` in the user's
/// language ([`help`]); clap's own errors exit 2.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let l = help::help_lang(&args);
    let cli = help::command(l)
        .try_get_matches_from(&args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
        .unwrap_or_else(|e| e.exit());
    run_with_help_lang(cli, l)
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check, or `-` for one record on standard input.
    /// Inside an archive (a folder with bienban.toml), the whole archive is
    /// read but only these are reported.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,
    /// With `-`: the path of the record read from standard input, for
    /// messages and for finding its archive.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// When to use colours (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Audit mode: ignore every `<!-- bienban: allow(…) -->` comment and
    /// the baseline.
    #[arg(long)]
    pub no_allow: bool,
    /// Record every finding of the archive now in bienban-baseline.json at
    /// its root (replacing it); later runs report only findings beyond it.
    #[arg(long, conflicts_with_all = ["prune_baseline", "no_baseline", "no_allow", "audit"])]
    pub write_baseline: bool,
    /// Remove the baseline's entries that no longer match a finding.
    #[arg(long, conflicts_with_all = ["no_baseline", "no_allow", "audit"])]
    pub prune_baseline: bool,
    /// Ignore bienban-baseline.json: report the findings it would set aside.
    #[arg(long)]
    pub no_baseline: bool,
    /// Check an archive you did not write: its bienban.toml (settings,
    /// severities, globs, profile), its suppression comments and its cache
    /// are ignored; the built-in profile is used, or `--profile`.
    #[arg(long, visible_alias = "isolated")]
    pub audit: bool,
    /// A regulation profile (TOML) to check against, instead of the one
    /// bienban.toml names or the built-in one.
    #[arg(long, value_name = "PATH")]
    pub profile: Option<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// With `--output-file`: replace the file even if it is a record or a
    /// file bienban did not write.
    #[arg(long)]
    pub force: bool,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Exit 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Exit 0 even when errors are found (a run that fails still exits 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print only the findings: no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// List the Markdown files that were not checked as records, and why
    /// (the summary line always counts them).
    #[arg(long, visible_alias = "verbose")]
    pub show_skipped: bool,
    #[command(flatten)]
    pub walk: WalkArgs,
    /// Neither read nor write the cache of results (kept in the user's
    /// cache folder: $BIENBAN_CACHE_DIR, $XDG_CACHE_HOME/bienban or ~/.cache/bienban).
    #[arg(long)]
    pub no_cache: bool,
    /// Print cache hits and misses to standard error.
    #[arg(long, hide = true)]
    pub debug_cache: bool,
    /// Print how many files were read (not known from their stat data) to standard error.
    #[arg(long, hide = true)]
    pub debug_reads: bool,
    /// Files larger than this are not read (e.g. `4M`, `512K`; default 4M).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_file_size: Option<u64>,
    /// Read files that are not UTF-8 in this legacy encoding (and check them anyway).
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub encoding: Option<crate::read::legacy::Legacy>,
    /// Number of threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Width of the human report, in columns.
    #[arg(long, default_value_t = 100, hide = true)]
    pub width: usize,
}

/// Which files a walk finds: `check` and `report` share these.
#[derive(clap::Args, Debug, Default)]
pub struct WalkArgs {
    /// Leave out files matching GLOB (`.gitignore` syntax: `du-thao/`,
    /// `*.nhap.md`), relative to the archive's root (without one, to the
    /// current folder); added to bienban.toml's `exclude`. Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Also walk files that `.gitignore` and `.ignore` files leave out.
    #[arg(long)]
    pub no_ignore: bool,
}

impl WalkArgs {
    /// The `--exclude` patterns, or the message saying which is wrong.
    pub fn patterns(&self, l: Lang) -> Result<Option<config::Patterns>, String> {
        if self.exclude.is_empty() {
            return Ok(None);
        }
        config::Patterns::new(self.exclude.iter().map(String::as_str)).map(Some).map_err(|(i, why)| {
            tr!(
                l,
                "--exclude {}: mẫu không hợp lệ: {} (viết như trong .gitignore: `du-thao/`, `*.nhap.md`)",
                "--exclude {}: invalid glob: {} (write it as in .gitignore: `du-thao/`, `*.nhap.md`)",
                self.exclude.get(i).map_or("", String::as_str),
                why
            )
        })
    }
}

/// `--config`, `--select`, `--ignore`: shared by `check` and `report`.
#[derive(clap::Args, Debug, Default)]
pub struct RuleArgs {
    /// Use this configuration (a bienban.toml) instead of each archive's own;
    /// the folders holding a bienban.toml still mark the archives' roots.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Run only these rules (comma-separated), whatever `[rules]` says.
    #[arg(long, value_name = "RULE,…", value_delimiter = ',', value_parser = RuleName, hide_possible_values = true)]
    pub select: Option<Vec<String>>,
    /// Do not run these rules (comma-separated), whatever `[rules]` says.
    #[arg(long, value_name = "RULE,…", value_delimiter = ',', value_parser = RuleName, hide_possible_values = true)]
    pub ignore: Vec<String>,
}

impl RuleArgs {
    pub fn selection(&self) -> config::Selection {
        config::Selection { select: self.select.clone(), ignore: self.ignore.clone() }
    }

    /// A misspelt rule name in `--select` / `--ignore`, as a message with a
    /// did-you-mean.
    pub fn unknown(&self, l: Lang) -> Option<String> {
        let sel = self.selection();
        let (name, near) = sel.unknown()?;
        Some(no_such_rule(name, near, l))
    }
}

/// `there is no rule named X; did you mean Y?`
fn no_such_rule(name: &str, near: Option<&str>, l: Lang) -> String {
    let name = visible(name);
    match near {
        Some(n) => tr!(
            l,
            "không có quy tắc nào tên `{}`; có phải là `{}`? Xem `bienban rules`",
            "there is no rule named `{}`; did you mean `{}`? See `bienban rules`",
            name,
            n
        ),
        None => tr!(
            l,
            "không có quy tắc nào tên `{}`; xem `bienban rules`",
            "there is no rule named `{}`; see `bienban rules`",
            name
        ),
    }
}

/// A rule's name: any text is taken (a misspelling gets our own message,
/// with a did-you-mean, in the user's language), but the rules' names are
/// offered to shell completion.
#[derive(Clone, Debug)]
pub struct RuleName;

impl clap::builder::TypedValueParser for RuleName {
    type Value = String;
    fn parse_ref(
        &self,
        _: &clap::Command,
        _: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }
    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(rules::docs().map(|d| clap::builder::PossibleValue::new(d.name))))
    }
}

#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// The legacy encoding the files were typed in.
    #[arg(long, value_enum)]
    pub from: crate::read::legacy::Legacy,
    /// Files to convert.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Where to write the result (one file only; `-` for standard output).
    #[arg(long, short, value_name = "PATH", conflicts_with = "in_place")]
    pub output: Option<PathBuf>,
    /// Replace each file (atomically), keeping the original as `NAME.orig`.
    #[arg(long)]
    pub in_place: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette's graphical report
    Human,
    /// one line per finding: path:line:column: severity[rule] message
    Short,
    /// one JSON object (the documented contract)
    Json,
    /// one JSON object per finding, one per line
    JsonLines,
    /// SARIF 2.1.0 (GitHub code scanning)
    Sarif,
    /// GitHub Actions annotations
    Github,
    /// JUnit XML
    Junit,
    /// GitLab code quality report
    Gitlab,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

fn parse_size(s: &str) -> Result<u64, String> {
    config::parse_size(s).ok_or_else(|| format!("`{s}` is not a size: write bytes, or 4M, 512K, 1G"))
}

pub fn run(cli: Cli) -> ExitCode {
    let l = cli.lang.unwrap_or_default();
    run_with_help_lang(cli, l)
}

/// [`run`]; `help_lang` is the language of the manual pages.
fn run_with_help_lang(cli: Cli, help_lang: Lang) -> ExitCode {
    let lang = cli.lang.unwrap_or_default();
    match cli.command {
        Command::Check(args) => check(args, cli.lang),
        Command::Rules => print_out(&crate::rules::manual::rules_table(lang)),
        Command::Explain { rule } => match rules::doc(&rule) {
            Some(d) => print_out(&crate::rules::manual::explain(d, lang)),
            None => {
                eprintln!("{}", no_such_rule(&rule, config::suggest_rule(&rule), lang));
                ExitCode::from(2)
            }
        },
        Command::Init { dir } => init(&dir, lang),
        Command::Roster { command } => roster::run(&command, cli.lang),
        Command::Convert(args) => crate::cli::convert::run(&args, lang),
        Command::Report(args) => html_report::run(args, cli.lang),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "bienban", &mut script);
            print_out(&String::from_utf8_lossy(&script))
        }
        Command::Man { out_dir: None } => match help::man_page(help_lang) {
            Ok(roff) => print_out(&String::from_utf8_lossy(&roff)),
            Err(_) => ExitCode::from(2),
        },
        Command::Man { out_dir: Some(dir) } => match help::write_pages(&dir, help_lang) {
            Ok(names) => {
                for n in names {
                    println!("{}", dir.join(n).display());
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!(
                    "{}",
                    tr!(
                        lang,
                        "không ghi được trang hướng dẫn vào {}: {}",
                        "cannot write the manual pages to {}: {}",
                        dir.display(),
                        e
                    )
                );
                ExitCode::from(2)
            }
        },
    }
}

/// Writes `text` to standard output. A closed pipe (`bienban rules | head`)
/// ends the command quietly with its normal status; another failure is exit 2.
fn print_out(text: &str) -> ExitCode {
    match write_stdout(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

fn init(dir: &Path, lang: Lang) -> ExitCode {
    if !dir.is_dir() {
        let msg = if dir.exists() {
            tr!(lang, "{}: không phải thư mục", "{}: not a folder", dir.display())
        } else {
            tr!(
                lang,
                "thư mục {} không tồn tại; tạo nó trước (mkdir), rồi chạy lại `bienban init`",
                "the folder {} does not exist; create it first (mkdir), then run `bienban init` again",
                dir.display()
            )
        };
        eprintln!("{}", visible(&msg));
        return ExitCode::from(2);
    }
    let path = dir.join(config::FILE_NAME);
    // Created whole or not at all, and never over anything (even a dangling link).
    match crate::common::fs::write_new(&path, config::TEMPLATE.as_bytes(), None) {
        Ok(()) => {
            println!("{}", tr!(lang, "đã tạo {}", "created {}", path.display()));
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("{}", tr!(lang, "{} đã có; không ghi đè", "{} already exists; not overwritten", path.display()));
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("{}", tr!(lang, "không ghi được {}: {}", "cannot write {}: {}", path.display(), e));
            ExitCode::from(2)
        }
    }
}

/// Whether to colour output going to a terminal (`to_terminal`) or not.
/// With `auto`: `NO_COLOR` turns colours off; `FORCE_COLOR` (not `0`) or
/// `CLICOLOR_FORCE` turns them on even through a pipe; `TERM=dumb` (or no
/// `TERM`) and `CLICOLOR=0` turn them off (anstream's reading of the
/// conventions, with `FORCE_COLOR` added).
fn use_color(c: Color, to_terminal: bool) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            let force = std::env::var_os("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0");
            if anstyle_query::no_color() {
                false
            } else if force || anstyle_query::clicolor_force() {
                true
            } else {
                to_terminal
                    && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
                    && anstyle_query::term_supports_color()
            }
        }
    }
}

fn check(args: CheckArgs, lang: Option<Lang>) -> ExitCode {
    let fail_lang = lang.unwrap_or_default();
    if let Some(n) = args.threads {
        // Only the first call can set the global pool; later calls are no-ops.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let stdin = if args.paths.len() == 1 && args.paths[0] == Path::new("-") {
        // Read within the run's size limit, once the archive's is known.
        Some(Stdin::new(std::io::stdin(), args.stdin_filename.clone()))
    } else {
        None
    };
    if let Some(path) = &args.output_file {
        if let Err(msg) = output_file_allowed(path, &args, fail_lang) {
            eprintln!("{}", visible(&msg));
            return ExitCode::from(2);
        }
    }
    let to_terminal = args.output_file.is_none() && std::io::stdout().is_terminal();
    let exclude = match args.walk.patterns(fail_lang) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{}", visible(&msg));
            return ExitCode::from(2);
        }
    };
    let req = Request {
        paths: &args.paths,
        stdin,
        lang,
        no_allow: args.no_allow,
        no_cache: args.no_cache,
        max_file_size: args.max_file_size,
        encoding: args.encoding,
        profile: args.profile.clone(),
        audit: args.audit,
        config: args.rules.config.clone(),
        selection: args.rules.selection(),
        keep_archives: false,
        no_ignore: args.walk.no_ignore,
        exclude,
        baseline: if args.write_baseline {
            baseline::Mode::Write
        } else if args.prune_baseline {
            baseline::Mode::Prune
        } else if args.no_baseline {
            baseline::Mode::Ignore
        } else {
            baseline::Mode::Use
        },
    };
    if let Some(msg) = args.rules.unknown(fail_lang) {
        eprintln!("{msg}");
        return ExitCode::from(2);
    }
    if (args.write_baseline || args.prune_baseline) && req.stdin.is_some() {
        eprintln!(
            "{}",
            tr!(
                fail_lang,
                "--write-baseline và --prune-baseline cần đường dẫn của lưu trữ, không dùng với `-`",
                "--write-baseline and --prune-baseline need the archive's paths, not `-`"
            )
        );
        return ExitCode::from(2);
    }
    let outcome = match run::run(&req) {
        Ok(o) => o,
        Err(e) => {
            eprint!("{}", config_error(&e, fail_lang, use_color(args.color, std::io::stderr().is_terminal())));
            return ExitCode::from(2);
        }
    };
    let lang = outcome.lang;
    for note in &outcome.notes {
        eprintln!("{}", visible(note));
    }
    if args.write_baseline && outcome.baseline.written.is_empty() {
        eprintln!(
            "{}",
            tr!(
                lang,
                "không ghi được tệp mốc: không có bienban.toml đánh dấu gốc của lưu trữ (tạo bằng `bienban init`)",
                "no baseline written: no bienban.toml marks the archive's root (`bienban init` writes one)"
            )
        );
        return ExitCode::from(2);
    }
    eprint!("{}", report::baseline::written(&outcome.baseline, lang));
    if args.debug_cache {
        eprintln!("cache: {} hits, {} misses", outcome.cache.0, outcome.cache.1);
    }
    if args.debug_reads {
        eprintln!("reads: {}", outcome.reads);
    }
    let results = outcome.results;
    let totals = Totals::of(&results);
    let skipped = &outcome.skipped;
    let effect = &outcome.baseline;
    let out = render(&args, &results, &totals, skipped, effect, lang, use_color(args.color, to_terminal));
    let listed_in_output =
        matches!(args.format, Format::Human | Format::Short) || (args.format == Format::Json && !args.statistics);
    if args.statistics && !matches!(args.format, Format::Human | Format::Short | Format::Json | Format::JsonLines) {
        // The format's own report stays on standard output, whole and valid.
        eprint!("{}", report::statistics(&results, lang));
    }
    if !listed_in_output {
        // Formats with no place for them (SARIF, JUnit, CI annotations): on standard error.
        if args.show_skipped {
            eprint!("{}", report::skipped::list(skipped, lang));
        }
        eprint!("{}", report::baseline::unused(&effect.unused, lang));
    }
    let written = match &args.output_file {
        Some(path) => {
            crate::common::fs::write_atomically(path, out.as_bytes()).map_err(|e| (path.display().to_string(), e))
        }
        None => write_stdout(&out).map_err(|e| ("stdout".to_string(), e)),
    };
    // A closed pipe (`bienban check | head`) is not a failure of the run.
    let written =
        written.or_else(|(what, e)| if e.kind() == std::io::ErrorKind::BrokenPipe { Ok(()) } else { Err((what, e)) });
    if let Err((what, e)) = written {
        eprintln!(
            "{}",
            tr!(fail_lang, "không ghi được báo cáo vào {}: {}", "cannot write the report to {}: {}", what, e)
        );
        return ExitCode::from(2);
    }
    let too_many_warnings = args.max_warnings.is_some_and(|n| totals.warnings > n);
    // Unused baseline entries fail the run, as ESLint's unused suppressions do.
    let stale = !effect.unused.is_empty();
    if !args.exit_zero && (totals.errors > 0 || too_many_warnings || stale) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn render(
    args: &CheckArgs,
    results: &[FileResult],
    totals: &Totals,
    skipped: &[(String, Skip)],
    effect: &baseline::Effect,
    lang: Lang,
    color: bool,
) -> String {
    let mut out = String::new();
    let summary = |out: &mut String| {
        if args.show_skipped {
            out.push_str(&report::skipped::list(skipped, lang));
        }
        out.push_str(&report::baseline::unused(&effect.unused, lang));
        if !args.quiet {
            out.push_str(&totals.summary(lang));
            if !skipped.is_empty() {
                out.push_str(&report::skipped::note(skipped.len(), args.show_skipped, lang));
            }
            out.push_str(&report::baseline::note(report::baseline::set_aside(results), effect.unused.len(), lang));
            if args.audit {
                out.push_str(&format!(" ({})", visible(&run::audit_note(args.profile.as_deref(), lang))));
            }
            out.push('\n');
        }
    };
    if args.statistics {
        match args.format {
            Format::Human | Format::Short => {
                out.push_str(&report::statistics(results, lang));
                summary(&mut out);
                return out;
            }
            Format::Json => {
                out.push_str(&report::statistics_json(results, false));
                return out;
            }
            Format::JsonLines => {
                out.push_str(&report::statistics_json(results, true));
                return out;
            }
            // The other formats give their full report (the table goes to standard error).
            _ => {}
        }
    }
    match args.format {
        Format::Human => {
            let style = human::Style { color, width: args.width, lang };
            for r in results {
                human::render_file(r, human::text_of(r).as_deref(), &style, &mut out);
            }
            summary(&mut out);
        }
        Format::Short => {
            out.push_str(&report::short::render(results));
            summary(&mut out);
        }
        Format::Json => {
            let listed = args.show_skipped.then_some((skipped, lang));
            out.push_str(&report::json::render_full(results, listed, Some(effect)));
            out.push('\n');
        }
        Format::JsonLines => out.push_str(&report::json::render_lines(results)),
        Format::Sarif => {
            out.push_str(&report::sarif::render(results, &Positions::of(results), lang, effect.used));
            out.push('\n');
        }
        Format::Github => out.push_str(&report::github::render(results, &Positions::of(results))),
        Format::Junit => out.push_str(&report::junit::render(results, lang)),
        Format::Gitlab => {
            out.push_str(&report::gitlab::render(results, &Positions::of(results)));
            out.push('\n');
        }
    }
    out
}

/// Whether `--output-file PATH` may be written: never a record (a `.md`
/// file, or one of the paths checked) and never an existing file that is
/// not a report bienban wrote, unless `--force`; never through a link, a
/// FIFO or a device, even with `--force` (a link is replaced, not followed).
fn output_file_allowed(path: &Path, args: &CheckArgs, l: Lang) -> Result<(), String> {
    let shown = path.display();
    let meta = std::fs::symlink_metadata(path).ok();
    if meta.as_ref().is_some_and(|m| !m.is_file() && !m.file_type().is_symlink()) {
        return Err(tr!(l, "{}: không phải tệp thông thường; không ghi", "{}: not a regular file; not written", shown));
    }
    if args.force {
        return Ok(());
    }
    let is_md = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let canonical = std::fs::canonicalize(path).ok();
    let is_checked = canonical.is_some() && args.paths.iter().any(|p| std::fs::canonicalize(p).ok() == canonical);
    if is_md || is_checked {
        return Err(tr!(
            l,
            "{}: có thể là một biên bản; không ghi báo cáo đè lên (dùng --force nếu đúng là muốn vậy)",
            "{}: this may be a record; the report is not written over it (--force if you mean it)",
            shown
        ));
    }
    match meta {
        None => Ok(()),
        Some(m) if m.file_type().is_symlink() => Err(tr!(
            l,
            "{}: là một liên kết; không ghi (dùng --force để thay liên kết bằng báo cáo)",
            "{}: a symbolic link; not written (--force replaces the link by the report)",
            shown
        )),
        Some(_) if written_by_bienban(path) => Ok(()),
        Some(_) => Err(tr!(
            l,
            "{}: tệp đã có và không phải báo cáo của bienban; không ghi đè (dùng --force nếu muốn)",
            "{}: the file exists and is not a bienban report; not overwritten (--force to replace it)",
            shown
        )),
    }
}

/// Whether the file at `path` is a report bienban wrote (in any format),
/// judged by its first bytes: only such a file is replaced without `--force`.
fn written_by_bienban(path: &Path) -> bool {
    let Ok(f) = crate::read::file::open_regular(path) else { return false };
    let mut head = Vec::new();
    if f.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    let t = head.trim_start();
    let summary = |s: &str| {
        s.lines().next().is_some_and(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            w.len() >= 6 && w[0].parse::<usize>().is_ok() && (w[1].starts_with("tệp") || w[1].starts_with("file"))
        })
    };
    t.is_empty()
        || t.starts_with("{\n  \"diagnostics\"")
        || t.starts_with("{\"rule\":")
        || (t.starts_with("{\n  \"$schema\"")
            && (t.contains("\"generator\": \"bienban\"") || t.contains("\"name\": \"bienban\"")))
        || t.starts_with("::error file=")
        || t.starts_with("::warning file=")
        || t.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"bienban\"")
        || (t.starts_with('[') && (t == "[]" || t.starts_with("[\n  {\n    \"description\"")))
        || t.starts_with("bienban::")
        || t.starts_with("\u{1b}[")
        || summary(t)
        || is_short_report(t)
}

/// `path:line:col: severity[rule] message` lines.
fn is_short_report(t: &str) -> bool {
    t.lines().next().is_some_and(|l| {
        let mut parts = l.splitn(4, ':');
        let (_, line, col, rest) = (parts.next(), parts.next(), parts.next(), parts.next());
        line.is_some_and(|x| x.parse::<usize>().is_ok())
            && col.is_some_and(|x| x.parse::<usize>().is_ok())
            && rest.is_some_and(|r| r.starts_with(" error[") || r.starts_with(" warning["))
    })
}

/// A configuration or profile problem as a miette report pointing at the line.
fn config_error(e: &ConfigError, lang: Lang, color: bool) -> String {
    human::render_problem(
        &e.path.to_string_lossy(),
        e.text.as_deref(),
        e.span.clone(),
        &e.message,
        e.help.as_deref(),
        lang,
        color,
    )
}

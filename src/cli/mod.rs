//! The command line: options, then the run, then the report. Exit status:
//! 0 no error, 1 errors found (or too many warnings), 2 the run itself failed.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub mod convert;
pub mod html_report;
pub mod roster;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::archive::config::{self, ConfigError};
use crate::archive::run::{self, Request, Stdin};
use crate::check::FileResult;
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
    /// Print the manual page (roff).
    Man,
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
    /// Audit mode: ignore every `<!-- bienban: allow(…) -->` comment.
    #[arg(long)]
    pub no_allow: bool,
    /// Check an archive you did not write: its bienban.toml (settings,
    /// severities, globs, profile), its suppression comments and its cache
    /// are ignored; the built-in profile is used, or `--profile`.
    #[arg(long, visible_alias = "isolated")]
    pub audit: bool,
    /// A regulation profile (TOML) to check against, instead of the one
    /// bienban.toml names or the built-in one.
    #[arg(long, value_name = "PATH")]
    pub profile: Option<PathBuf>,
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
    /// Neither read nor write the cache of results (kept in the user's
    /// cache folder: $BIENBAN_CACHE_DIR, $XDG_CACHE_HOME/bienban or ~/.cache/bienban).
    #[arg(long)]
    pub no_cache: bool,
    /// Print cache hits and misses to standard error.
    #[arg(long, hide = true)]
    pub debug_cache: bool,
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
    let lang = cli.lang.unwrap_or_default();
    match cli.command {
        Command::Check(args) => check(args, cli.lang),
        Command::Rules => {
            print!("{}", crate::rules::manual::rules_table(lang));
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match rules::doc(&rule) {
            Some(d) => {
                print!("{}", crate::rules::manual::explain(d, lang));
                ExitCode::SUCCESS
            }
            None => {
                eprintln!(
                    "{}",
                    tr!(
                        lang,
                        "không có quy tắc nào tên `{}`; xem `bienban rules`",
                        "there is no rule named `{}`; see `bienban rules`",
                        rule
                    )
                );
                ExitCode::from(2)
            }
        },
        Command::Init { dir } => init(&dir, lang),
        Command::Roster { command } => roster::run(&command, cli.lang),
        Command::Convert(args) => crate::cli::convert::run(&args, lang),
        Command::Report(args) => html_report::run(args, cli.lang),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "bienban", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => match clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        },
    }
}

fn init(dir: &Path, lang: Lang) -> ExitCode {
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

fn use_color(c: Color, to_terminal: bool) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
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
        keep_archives: false,
    };
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
    if args.debug_cache {
        eprintln!("cache: {} hits, {} misses", outcome.cache.0, outcome.cache.1);
    }
    let results = outcome.results;
    let totals = Totals::of(&results);
    let out = render(&args, &results, &totals, lang, use_color(args.color, to_terminal));
    let written = match &args.output_file {
        Some(path) => {
            crate::common::fs::write_atomically(path, out.as_bytes()).map_err(|e| (path.display().to_string(), e))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()).map_err(|e| ("stdout".to_string(), e))
        }
    };
    if let Err((what, e)) = written {
        eprintln!(
            "{}",
            tr!(fail_lang, "không ghi được báo cáo vào {}: {}", "cannot write the report to {}: {}", what, e)
        );
        return ExitCode::from(2);
    }
    let too_many_warnings = args.max_warnings.is_some_and(|n| totals.warnings > n);
    if !args.exit_zero && (totals.errors > 0 || too_many_warnings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn render(args: &CheckArgs, results: &[FileResult], totals: &Totals, lang: Lang, color: bool) -> String {
    let mut out = String::new();
    let summary = |out: &mut String| {
        if !args.quiet {
            out.push_str(&totals.summary(lang));
            if args.audit {
                out.push_str(&format!(" ({})", visible(&run::audit_note(args.profile.as_deref(), lang))));
            }
            out.push('\n');
        }
    };
    if args.statistics {
        out.push_str(&report::statistics(results, lang));
        summary(&mut out);
        return out;
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
            out.push_str(&report::json::render(results));
            out.push('\n');
        }
        Format::JsonLines => out.push_str(&report::json::render_lines(results)),
        Format::Sarif => {
            out.push_str(&report::sarif::render(results, &Positions::of(results), lang));
            out.push('\n');
        }
        Format::Github => out.push_str(&report::github::render(results, &Positions::of(results))),
        Format::Junit => out.push_str(&report::junit::render(results)),
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
        || (t.starts_with("{\n  \"$schema\"") && t.contains("\"name\": \"bienban\""))
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

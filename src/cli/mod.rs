//! The command line: options, then the run, then the report. Exit status:
//! 0 no error, 1 errors found (or too many warnings), 2 the run itself failed.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub mod convert;
pub mod html_report;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::archive::config::{self, ConfigError};
use crate::archive::run::{self, Request, Stdin};
use crate::check::FileResult;
use crate::common::i18n::Lang;
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
    /// Neither read nor write the cache of results (`.bienban_cache/` at
    /// the archive's root).
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
    if path.exists() {
        eprintln!("{}", tr!(lang, "{} đã có; không ghi đè", "{} already exists; not overwritten", path.display()));
        return ExitCode::from(2);
    }
    match crate::common::fs::write_atomically(&path, config::TEMPLATE.as_bytes()) {
        Ok(()) => {
            println!("{}", tr!(lang, "đã tạo {}", "created {}", path.display()));
            ExitCode::SUCCESS
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
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("{}", tr!(fail_lang, "không đọc được đầu vào chuẩn: {}", "cannot read standard input: {}", e));
            return ExitCode::from(2);
        }
        Some(Stdin { bytes, filename: args.stdin_filename.clone() })
    } else {
        None
    };
    let to_terminal = args.output_file.is_none() && std::io::stdout().is_terminal();
    let req = Request {
        paths: &args.paths,
        stdin,
        lang,
        no_allow: args.no_allow,
        no_cache: args.no_cache,
        max_file_size: args.max_file_size,
        encoding: args.encoding,
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

/// A configuration or profile problem as a miette report pointing at the line.
fn config_error(e: &ConfigError, lang: Lang, color: bool) -> String {
    human::render_problem(
        &e.path.to_string_lossy(),
        &e.text,
        e.span.clone(),
        &e.message,
        e.help.as_deref(),
        lang,
        color,
    )
}

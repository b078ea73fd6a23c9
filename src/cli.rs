//! The command line: options, then the run, then the report. Exit status:
//! 0 no error, 1 errors found, 2 the run itself failed.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::{self, ConfigError};
use crate::i18n::Lang;
use crate::report::{self, human, Totals};
use crate::rules;
use crate::run::{self, Request};
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
    /// Check records (files, or folders walked for *.md).
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
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check. Inside an archive (a folder with
    /// bienban.toml), the whole archive is read but only these are reported.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colours (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Audit mode: ignore every `<!-- bienban: allow(…) -->` comment.
    #[arg(long)]
    pub no_allow: bool,
    /// Width of the human report, in columns.
    #[arg(long, default_value_t = 100, hide = true)]
    pub width: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

pub fn run(cli: Cli) -> ExitCode {
    let lang = cli.lang.unwrap_or_default();
    match cli.command {
        Command::Check(args) => check(args, cli.lang),
        Command::Rules => {
            print!("{}", crate::docs::rules_table(lang));
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match rules::doc(&rule) {
            Some(d) => {
                print!("{}", crate::docs::explain(d, lang));
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
    }
}

fn init(dir: &std::path::Path, lang: Lang) -> ExitCode {
    let path = dir.join(config::FILE_NAME);
    if path.exists() {
        eprintln!("{}", tr!(lang, "{} đã có; không ghi đè", "{} already exists; not overwritten", path.display()));
        return ExitCode::from(2);
    }
    // Write a temporary file and rename it: never a half-written config.
    let tmp = dir.join(".bienban.toml.tmp");
    let written = std::fs::write(&tmp, config::TEMPLATE).and_then(|_| std::fs::rename(&tmp, &path));
    match written {
        Ok(()) => {
            println!("{}", tr!(lang, "đã tạo {}", "created {}", path.display()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            eprintln!("{}", tr!(lang, "không ghi được {}: {}", "cannot write {}: {}", path.display(), e));
            ExitCode::from(2)
        }
    }
}

fn use_color(c: Color) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn check(args: CheckArgs, lang: Option<Lang>) -> ExitCode {
    let req = Request { paths: &args.paths, lang, no_allow: args.no_allow };
    let outcome = match run::run(&req) {
        Ok(o) => o,
        Err(e) => {
            eprint!("{}", config_error(&e, lang.unwrap_or_default(), use_color(args.color)));
            return ExitCode::from(2);
        }
    };
    let lang = outcome.lang;
    let results = outcome.results;
    let totals = Totals::of(&results);
    let mut out = String::new();
    match args.format {
        Format::Json => {
            out.push_str(&report::json::render(&results));
            out.push('\n');
        }
        Format::Human => {
            let style = human::Style { color: use_color(args.color), width: args.width, lang };
            for r in &results {
                human::render_file(r, human::text_of(r).as_deref(), &style, &mut out);
            }
            out.push_str(&totals.summary(lang));
            out.push('\n');
        }
    }
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()).is_err() {
        return ExitCode::from(2);
    }
    if totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
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

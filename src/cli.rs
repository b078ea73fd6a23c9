//! The command line: options, then the pipeline over every file, then the
//! report. Exit status: 0 no error, 1 errors found, 2 the run failed.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::check::{self, FileResult, Options};
use crate::discover::discover;
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::report::{self, human, Totals};
use crate::rules::{self, io};
use crate::tr;

#[derive(Parser, Debug)]
#[command(
    name = "bienban",
    version,
    about = "Kiểm tra biên bản hội nghị theo Quy chế làm việc — checks party committee minutes against the working regulation"
)]
pub struct Cli {
    /// Language of messages: vi (default) or en.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
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
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check.
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
    match cli.command {
        Command::Check(args) => check(args, cli.lang),
        Command::Rules => {
            print!("{}", crate::docs::rules_table(cli.lang));
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match rules::find(&rule) {
            Some(r) => {
                print!("{}", crate::docs::explain(r.doc(), cli.lang));
                ExitCode::SUCCESS
            }
            None => {
                eprintln!(
                    "{}",
                    tr!(
                        cli.lang,
                        "không có quy tắc nào tên `{}`; xem `bienban rules`",
                        "there is no rule named `{}`; see `bienban rules`",
                        rule
                    )
                );
                ExitCode::from(2)
            }
        },
    }
}

fn check(args: CheckArgs, lang: Lang) -> ExitCode {
    let profile = Profile::builtin();
    let opts = Options {
        lang,
        no_allow: args.no_allow,
    };
    let (targets, walk_errors) = discover(&args.paths);
    let mut results: Vec<FileResult> = targets
        .par_iter()
        .filter_map(|t| check::check_path(&t.path, &t.display, &profile, opts))
        .collect();
    for e in walk_errors {
        results.push(FileResult {
            path: e.display,
            text: None,
            findings: vec![io::unreadable(&e.error, lang)],
            suppressed: Vec::new(),
        });
    }
    results.sort_by(|a, b| a.path.cmp(&b.path));
    let totals = Totals::of(&results);
    let mut out = String::new();
    match args.format {
        Format::Json => {
            out.push_str(&report::json::render(&results));
            out.push('\n');
        }
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            let style = human::Style {
                color,
                width: args.width,
                lang,
            };
            for r in &results {
                human::render_file(r, &style, &mut out);
            }
            out.push_str(&totals.summary(lang));
            out.push('\n');
        }
    }
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    if totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

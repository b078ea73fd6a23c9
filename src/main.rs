use clap::Parser;

fn main() -> std::process::ExitCode {
    bienban::cli::run(bienban::cli::Cli::parse())
}

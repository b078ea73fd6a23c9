fn main() -> std::process::ExitCode {
    bienban::cli::main()
}

// The allocator: see mimalloc's entry in Cargo.toml for why and what it
// saves (measured in bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    bienban::cli::main()
}

//! (interim CLI until the front end lands)

pub mod run;

use clap::Parser;

/// Exit code of an internal error (a bug in mini4d).
pub const EXIT_INTERNAL: u8 = 70;

#[derive(Parser)]
#[command(name = "mini4d", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    Run(run::RunArgs),
}

pub fn main() -> std::process::ExitCode {
    match Cli::parse().command {
        Command::Run(a) => run::execute(&a),
    }
}

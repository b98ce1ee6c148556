//! The command line: `mini4d check`, `mini4d run`, `mini4d test` and `mini4d repl`.

pub mod check;
pub mod crash;
pub mod permissions;
pub mod project;
pub mod repl;
pub mod run;
#[cfg(feature = "serve")]
pub mod serve;
pub mod test;

/// Exit code of an internal error (a bug in mini4d).
pub const EXIT_INTERNAL: u8 = 70;

/// The memory limit of a run, in MB (`--max-memory`; 0: none).
pub fn set_memory_limit(mb: u64) {
    crate::runtime::memory::set_limit(usize::try_from(mb.saturating_mul(1 << 20)).unwrap_or(0));
}

use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  mini4d check Project/Sources            check every .4dm file of a project
  mini4d check MyMethod.4dm Other.4dm     check some files
  mini4d check --format json src/         one JSON object per diagnostic, for editors and CI
  mini4d check --list-unimplemented Project/Sources
                                          list the commands mini4d cannot run yet
  mini4d run main.4dm                     run a method
  mini4d run MyApp --startup-method main  run a project: On Startup, main, On Exit
  mini4d test MyApp --junit report.xml    run the project's test_* methods
  mini4d repl                             type 4D statements, see their values
  mini4d serve MyApp --port 8080          serve the project's HTTP handlers and web code
  mini4d lsp                              language server for editors, over stdio
  mini4d                                  the REPL, when started on a terminal

Exit status: 0 when everything is fine, 1 on run-time errors and failed tests, 2 on syntax errors
or usage errors. Each subcommand has its own --help.
Set NO_COLOR to disable colors.";

const CHECK_EXAMPLES: &str = "\
Examples:
  mini4d check Project/Sources
  mini4d check --format json MyMethod.4dm
  mini4d check --list-unimplemented Project/Sources/Methods

Prints each error with its line and column, then a summary line such as
`checked 3 files: 2 errors in 1 file`. Exit status: 0 if no errors, 2 otherwise.";

/// An interpreter for the 4D language: check and run `.4dm` methods outside 4D.
#[derive(Parser, Debug)]
#[command(name = "mini4d", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check the syntax of .4dm files (files, or folders searched recursively).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(check::CheckArgs),
    /// Run a .4dm method, or a 4D project (On Startup, startup method, On Exit).
    Run(run::RunArgs),
    /// An interactive session: type 4D statements, see their values.
    Repl(repl::ReplArgs),
    /// Run the test_* methods of a project or folder; JUnit XML report for CI.
    Test(test::TestArgs),
    /// Serve a project's HTTP request handlers, /4DACTION methods and WebFolder.
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
    /// Language server for editors (Language Server Protocol over stdio).
    Lsp,
}

/// Whether a command-line word is a file or folder rather than a misspelt subcommand.
fn looks_like_a_path(arg: &std::ffi::OsStr) -> bool {
    let path = std::path::Path::new(arg);
    path.exists()
        || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
        || arg.to_string_lossy().contains(['/', '\\'])
}

/// `mini4d run …` parsed with `run`'s arguments only: building the arguments of every
/// subcommand cost a third of the instructions of a one-line run. `None` for any other
/// command line, and for any that `run` alone does not accept (help, errors): those go through
/// the full parser, which gives the usual messages.
fn run_args_alone() -> Option<run::RunArgs> {
    #[derive(Parser)]
    #[command(name = "mini4d run")]
    struct RunOnly {
        #[command(flatten)]
        args: run::RunArgs,
    }
    let mut words = std::env::args_os().skip(1);
    if words.next()? != "run" {
        return None;
    }
    RunOnly::try_parse_from(std::iter::once("mini4d run".into()).chain(words)).ok().map(|r| r.args)
}

/// Entry point of the `mini4d` binary.
pub fn main() -> ExitCode {
    crash::install_hook();
    crate::runtime::guard::test_panic("main");
    if let Some(args) = run_args_alone() {
        return run::execute(&args);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            if e.kind() == clap::error::ErrorKind::InvalidSubcommand {
                if let Some(path) = std::env::args_os().nth(1).filter(|a| looks_like_a_path(a)) {
                    let path = std::path::Path::new(&path).display().to_string();
                    eprintln!("\ntip: to run a method file: mini4d run {path}");
                    eprintln!("     to check it:          mini4d check {path}");
                }
            }
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match &cli.command {
        // `mini4d` alone: the REPL on a terminal, else the help.
        None if std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            repl::execute(&repl::ReplArgs::default())
        }
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            ExitCode::from(2)
        }
        Some(Command::Repl(args)) => repl::execute(args),
        Some(Command::Check(args)) => check::execute(args),
        Some(Command::Run(args)) => run::execute(args),
        Some(Command::Test(args)) => test::execute(args),
        #[cfg(feature = "serve")]
        Some(Command::Serve(args)) => serve::execute(args),
        Some(Command::Lsp) => crate::lsp::run_stdio(),
    }
}

//! `mini4d run` (stub: the interpreter replaces this file).

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `mini4d run`.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// The method file (`.4dm`) to run.
    pub file: Option<PathBuf>,
    /// Arguments passed to the method.
    #[arg(trailing_var_arg = true)]
    pub args: Vec<String>,
}

pub fn execute(_args: &RunArgs) -> ExitCode {
    eprintln!("run: not implemented yet");
    ExitCode::from(2)
}

//! `mini4d serve PROJECT`: runs a project's web code on a real HTTP server.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use crate::serve::{LogFormat, ServeOptions, Server};

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The project: its `.4DProject` file, its `Project` folder or its root folder.
    pub project: PathBuf,
    /// Port to listen on (0: any free port). Default: the project's web settings, else 8080.
    #[arg(long)]
    pub port: Option<u16>,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// One line per request: `text` or `json`.
    #[arg(long, value_parser = ["text", "json"], default_value = "text")]
    pub log_format: String,
    /// Web process threads (requests whose 4D code runs at once).
    #[arg(long, default_value_t = 8)]
    pub workers: usize,
    /// Most requests handled at once; more get 503.
    #[arg(long, default_value_t = 100)]
    pub max_concurrent: usize,
    /// Time limit of one request's 4D code, in seconds (then 503, and the code is stopped).
    #[arg(long, default_value_t = 30.0)]
    pub request_timeout: f64,
    /// Largest request body accepted, in bytes (413 beyond).
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_body: usize,
    /// Largest request head (request line + headers), in bytes (431 beyond).
    #[arg(long, default_value_t = 16 * 1024)]
    pub max_header: usize,
    /// Time for a client to send its request head, then its body, in seconds (408 beyond).
    #[arg(long, default_value_t = 10.0)]
    pub read_timeout: f64,
    #[command(flatten)]
    pub permissions: super::permissions::PermissionFlags,
}

fn seconds(s: f64) -> Duration {
    Duration::from_secs_f64(if s.is_finite() { s.clamp(0.001, 86_400.0) } else { 30.0 })
}

pub fn execute(args: &ServeArgs) -> ExitCode {
    let mut opts = ServeOptions::new(&args.project);
    // The 4D code gets what the run command's permission flags give (nothing by default).
    if let Some(layout) = super::project::find_project(&args.project) {
        opts.options.database_name = layout.name.clone();
        opts.options.permissions = layout.gate(&args.permissions);
    }
    opts.host = args.host.clone();
    opts.port = args.port;
    opts.log_format = if args.log_format == "json" { LogFormat::Json } else { LogFormat::Text };
    opts.workers = args.workers.clamp(1, 1024);
    opts.limits.max_concurrent = args.max_concurrent.max(1);
    opts.limits.request_timeout = seconds(args.request_timeout);
    opts.limits.read_timeout = seconds(args.read_timeout);
    opts.limits.max_body_bytes = args.max_body;
    opts.limits.max_header_bytes = args.max_header;
    let server = match Server::start(opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(super::run::EXIT_USAGE);
        }
    };
    println!("mini4d serve: listening on http://{}", server.addr());
    server.run_until_signal();
    eprintln!("mini4d serve: stopped");
    ExitCode::SUCCESS
}

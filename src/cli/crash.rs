//! What happens when mini4d itself fails (a panic: a bug, never the script's fault): a short
//! "internal error" report asking for a bug report, and exit status 70, whichever thread panicked.

use std::io::Write;

use super::EXIT_INTERNAL;

/// Installs the panic hook of the `mini4d` binary. The hook prints the report and ends the whole
/// OS process with [`EXIT_INTERNAL`]: a panic on an interpreter or process thread must not leave
/// other processes waiting for a lock it held, nor exit with a runtime-error status.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown cause".to_string()
        };
        let location =
            info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let thread = std::thread::current().name().unwrap_or("main").to_string();
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "internal error: mini4d crashed ({message})\n  at {location} (thread \"{thread}\")\n  \
             This is a bug in mini4d, not in your code. Please report it with the script and \
             command line that triggered it."
        );
        let _ = err.flush();
        let _ = std::io::stdout().flush();
        std::process::exit(i32::from(EXIT_INTERNAL));
    }));
}

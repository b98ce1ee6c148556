//! Rendering of syntax and run-time errors for the terminal.

use super::project::SourceEntry;
use super::Engine;
use crate::runtime::RtError;
use crate::syntax::SyntaxError;

pub fn syntax_error(file: &SourceEntry, err: &SyntaxError) -> String {
    let (line, col) = file.map.line_col(err.span.start as usize);
    format!("error[syntax::{}]: {}\n  --> {}:{line}:{col}\n", err.code, err.message, file.display)
}

/// An uncaught run-time error: 4D code, message, location and the 4D call chain. `process`
/// names the process for errors outside the main one.
pub fn runtime_error(engine: &Engine, e: &RtError, process: Option<&str>) -> String {
    let mut out = format!("error[4D({})]: {}\n", e.code, e.message);
    if let Some(p) = process {
        out.push_str(&format!("  in process \"{p}\"\n"));
    }
    if let Some(loc) = e.location {
        if let Some(file) = engine.project.file(loc.file) {
            let (line, col) = file.map.line_col(loc.span.start as usize);
            out.push_str(&format!("  --> {}:{line}:{col}\n", file.display));
        }
    }
    for f in e.frames.iter().rev() {
        out.push_str(&format!("  in method {} at line {}\n", f.method, f.line));
    }
    out
}

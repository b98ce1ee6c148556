//! Turns syntax and run-time errors into [`Report`]s: the 4D code and message, the labeled span
//! in the source, and the 4D call chain.

use super::project::SourceEntry;
use super::Engine;
use crate::diagnostics::{render, Report, Style};
use crate::runtime::RtError;
use crate::syntax::SyntaxError;

pub fn syntax_error(file: &SourceEntry, err: &SyntaxError) -> String {
    render(&Report::from_syntax(&file.display, file.text.clone(), err), Style::detect())
}

/// The reports of errors in a project's constants files (empty when there are none).
pub fn constant_errors(errors: &[crate::syntax::project_constants::ConstantsFileError]) -> String {
    let style = Style::detect();
    errors
        .iter()
        .map(|e| {
            let file = e.path.display().to_string();
            render(&Report::from_syntax(&file, e.text.clone(), &e.error), style)
        })
        .collect()
}

/// The report of an uncaught run-time error. `process` names the process for errors outside
/// the main one.
pub fn runtime_report(engine: &Engine, e: &RtError, process: Option<&str>) -> Report {
    let code = format!("4D({})", e.code);
    let file = e.location.and_then(|l| engine.project.file(l.file).map(|f| (l, f)));
    let mut report = match &file {
        Some((loc, f)) => Report::new(f.display.clone(), f.text.clone(), code, e.message.clone())
            .with_label(loc.span, label_for(e)),
        None => Report::new("<unknown>", "".into(), code, e.message.clone()),
    };
    if let Some(p) = process {
        report = report.with_note(format!("in process \"{p}\""));
    }
    // Innermost call first; a runaway recursion shows its two ends only.
    const SHOWN: usize = 8;
    let n = e.frames.len();
    for (i, frame) in e.frames.iter().rev().enumerate() {
        if n > 2 * SHOWN && i == SHOWN {
            report = report.with_note(format!("… {} more calls …", n - 2 * SHOWN));
        }
        if n > 2 * SHOWN && (SHOWN..n - SHOWN).contains(&i) {
            continue;
        }
        report = report.with_note(format!("in method {} at line {}", frame.method, frame.line));
    }
    report
}

fn label_for(e: &RtError) -> String {
    if e.kind.code_is_from_4d() || e.kind == crate::runtime::ErrorKind::Thrown {
        format!("error {}", e.code)
    } else {
        format!("error {} (code chosen by mini4d)", e.code)
    }
}

pub fn runtime_error(engine: &Engine, e: &RtError, process: Option<&str>) -> String {
    render(&runtime_report(engine, e, process), Style::detect())
}

//! The interpreter on mutated programs (seeded from tests/golden) under small limits: a run may
//! fail with a 4D error, never panic, hang or abort.
#![no_main]

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use mini4d::embed::Runtime;
use mini4d::interp::{Options, Output};

struct Null;

impl Output for Null {
    fn stdout(&self, _: &str) {}
    fn stderr(&self, _: &str) {}
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 16 * 1024 {
        return;
    }
    let options = Options {
        max_steps: Some(20_000),
        deadline: Some(Instant::now() + Duration::from_millis(500)),
        max_call_depth: 64,
        ..Options::default()
    };
    let rt = Runtime::with_output(&[], options, Box::new(Null));
    let Ok(file) = rt.add_method("main", "main.4dm", data) else { return };
    let Some(session) = rt.open_session(None) else { return };
    let r = rt.run_file(&session, "Main", file, |_| Ok(Vec::new()));
    rt.wait();
    if let Err(e) = r {
        // A panic on an interpreter thread comes back as this report: make it a crash.
        assert!(!e.report.starts_with("internal error"), "interpreter panicked: {}", e.report);
    }
});

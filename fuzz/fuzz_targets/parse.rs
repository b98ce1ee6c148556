//! Lexer + parser on arbitrary bytes, then the rendering of every syntax error as a miette report
//! (spans at any byte of any line): must never panic, hang or overflow the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mini4d::embed::Runtime;
use mini4d::interp::Options;

fuzz_target!(|data: &[u8]| {
    let rt = Runtime::new(&[], Options::default());
    if let Err(report) = rt.add_method("main", "main.4dm", data) {
        assert!(!report.is_empty());
    }
});

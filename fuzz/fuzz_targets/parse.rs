//! Lexer + parser (+ resolver-free check) on arbitrary bytes: must never panic or overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mini4d::syntax::{decode_source, parse, MethodNames};

fuzz_target!(|data: &[u8]| {
    let text = decode_source(data);
    let names = MethodNames::new();
    let _ = parse(&text, &names);
});

//! The interpreter's parts, each timed on a small 4D program run through the embedding API:
//! method calls, property get/set, `Use…End use` pairs, text appends, collection push and sort.
//!
//! `cargo bench --bench interp`

use mini4d::embed::Runtime;

fn main() {
    divan::main();
}

/// Runs `code` as method `bench` once (a fresh runtime each time, as `mini4d run` would).
fn run(code: &str) {
    let rt = Runtime::from_source("bench", code);
    let Some(session) = rt.open_session(None) else { return };
    let result = rt.run_method(&session, "bench", Vec::new());
    assert!(result.is_ok(), "{result:?}");
}

/// 100,000 calls of a one-line method (`twice` is the method itself with a flag).
#[divan::bench]
fn method_calls_100k() {
    run("#DECLARE($n : Integer) : Integer\nvar $i; $s : Integer\nIf ($n>0)\nreturn $n*2\nEnd if\nFor ($i; 1; 100000)\n$s:=$s+bench($i)\nEnd for\nreturn $s");
}

/// 100,000 property writes and reads on one object.
#[divan::bench]
fn property_get_set_100k() {
    run("var $o : Object\nvar $i : Integer\n$o:=New object(\"n\"; 0)\nFor ($i; 1; 100000)\n$o.n:=$o.n+1\nEnd for");
}

/// 100,000 uncontended `Use…End use` pairs around an increment.
#[divan::bench]
fn use_pairs_100k() {
    run("var $s : Object\nvar $i : Integer\n$s:=New shared object(\"n\"; 0)\nFor ($i; 1; 100000)\nUse ($s)\n$s.n:=$s.n+1\nEnd use\nEnd for");
}

/// 100,000 appends to one text (linear: the text is appended in place).
#[divan::bench]
fn text_append_100k() {
    run("var $t : Text\nvar $i : Integer\nFor ($i; 1; 100000)\n$t:=$t+\"x\"\nEnd for");
}

/// 100,000 pushes, then a sort.
#[divan::bench]
fn collection_push_sort_100k() {
    run("var $c : Collection\nvar $i : Integer\n$c:=New collection\nFor ($i; 1; 100000)\n$c.push(($i*7919)%100003)\nEnd for\n$c.sort()");
}

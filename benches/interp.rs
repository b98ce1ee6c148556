//! The interpreter's parts, each timed on a small 4D program run through the embedding API:
//! method calls (general and numeric), property get/set, `Use…End use` pairs, text appends, collection push and sort,
//! class function calls and `cs.X.new()`, reading a long text character by character.
//!
//! `cargo bench --bench interp`

use std::path::PathBuf;

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

/// 100,000 calls of a method that only computes with numbers (run over `f64` slots, see
/// `interp/numeric.rs`): the same shape as `method_calls_100k` with a `While` loop.
#[divan::bench]
fn numeric_calls_100k() {
    run("#DECLARE($n : Integer) : Integer\nvar $i; $s : Integer\nIf ($n>0)\nreturn $n*2\nEnd if\nWhile ($i<100000)\n$i:=$i+1\n$s:=$s+bench($i)\nEnd while\nreturn $s");
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

/// A project folder with the class `K` (one property, an empty constructor, one function), made
/// once in the temporary folder.
fn class_project() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mini4d-bench-classes-{}", std::process::id()));
    let classes = dir.join("Classes");
    if !classes.exists() {
        std::fs::create_dir_all(&classes).expect("temporary folder");
        std::fs::write(
            classes.join("K.4dm"),
            "property x : Real\nClass constructor()\n\nFunction f($s : Real) : Real\n\treturn $s+1\n",
        )
        .expect("class file");
    }
    dir
}

/// Runs `code` as method `bench` of the class project.
fn run_with_classes(code: &str) {
    let rt = Runtime::new(&[class_project()], Default::default());
    rt.add_method("bench", "bench.4dm", code.as_bytes()).expect("bench method");
    let Some(session) = rt.open_session(None) else { return };
    let result = rt.run_method(&session, "bench", Vec::new());
    assert!(result.is_ok(), "{result:?}");
}

/// 100,000 calls of a class function (`$k.f($s)`), to compare with `method_calls_100k`.
#[divan::bench]
fn class_calls_100k() {
    run_with_classes("var $k : cs.K\nvar $i : Integer\nvar $s : Real\n$k:=cs.K.new()\nFor ($i; 1; 100000)\n$s:=$k.f($s)\nEnd for");
}

/// 100,000 `cs.K.new()` of a class with an empty constructor.
#[divan::bench]
fn class_new_100k() {
    run_with_classes(
        "var $k : cs.K\nvar $i : Integer\nFor ($i; 1; 100000)\n$k:=cs.K.new()\nEnd for",
    );
}

/// A 100,000-character text read character by character (`[[i]]`, `Character code`): linear.
#[divan::bench]
fn text_index_100k() {
    run("var $t : Text\nvar $i; $n : Integer\nFor ($i; 1; 20000)\n$t:=$t+\"abcd \"\nEnd for\nFor ($i; 1; Length($t))\n$n:=$n+Character code($t[[$i]])\nEnd for");
}

/// The same scan on a text with non-ASCII characters (the UTF-16 position index).
#[divan::bench]
fn text_index_wide_100k() {
    run("var $t : Text\nvar $i; $n : Integer\nFor ($i; 1; 20000)\n$t:=$t+\"abcé \"\nEnd for\nFor ($i; 1; Length($t))\n$n:=$n+Character code($t[[$i]])\nEnd for");
}

/// `Substring` and `Position` from increasing offsets of a 100,000-character text.
#[divan::bench]
fn text_substring_position_100k() {
    run("var $t; $w : Text\nvar $i; $p : Integer\nFor ($i; 1; 20000)\n$t:=$t+\"abcd \"\nEnd for\n$p:=1\nWhile ($p>0)\n$i:=Position(\" \"; $t; $p)\nIf ($i>0)\n$w:=Substring($t; $p; $i-$p)\n$p:=$i+1\nElse\n$p:=0\nEnd if\nEnd while");
}

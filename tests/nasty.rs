//! Hostile inputs: the parser must report errors, never panic, never overflow the stack, and stay
//! linear in time.

use std::time::{Duration, Instant};

use mini4d::syntax::{decode_source, parse, parse_bytes, MethodNames};

/// Runs `f` on a thread with a normal-size stack (2 MiB) and catches panics.
fn guarded<F: FnOnce() -> usize + Send + 'static>(name: &str, f: F) -> usize {
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
    match handle.expect("spawn").join() {
        Ok(Ok(n)) => n,
        _ => panic!("{name}: the parser panicked"),
    }
}

fn errors_of(src: String) -> usize {
    let out = parse(&src, &MethodNames::new());
    out.errors.len()
}

fn check(name: &str, src: String, expect_errors: bool) {
    let start = Instant::now();
    let n = guarded(name, move || errors_of(src));
    assert!(start.elapsed() < Duration::from_secs(10), "{name}: too slow ({:?})", start.elapsed());
    if expect_errors {
        assert!(n > 0, "{name}: expected errors");
    } else {
        assert_eq!(n, 0, "{name}: expected no errors");
    }
}

#[test]
fn empty_and_blank() {
    check("empty", String::new(), false);
    check("blank", "\n\r\n\r   \t\n".into(), false);
}

#[test]
fn random_bytes_with_a_fixed_seed() {
    // xorshift64*: deterministic pseudo-random bytes.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let alphabet = b"$.;:()[]{}\"'!?+-*/\\#<>=&|^%0123456789abcIfEnd \n\t/*";
    for round in 0..200 {
        let len = (next() % 400) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if round % 2 == 0 {
                    (r >> 7) as u8
                } else {
                    alphabet[(r % alphabet.len() as u64) as usize]
                }
            })
            .collect();
        guarded("random", move || parse_bytes(&bytes, &MethodNames::new()).1.errors.len());
    }
}

#[test]
fn invalid_utf8_is_reported_per_sequence() {
    let (text, errors) = decode_source(b"\xEF\xBB\xBF$a:=\"\xE9\"\n\xFF\xFE$b:=1");
    assert!(text.starts_with("$a:="));
    assert_eq!(errors.len(), 3);
    let (_, out) = parse_bytes(b"$a:=1 \xFF\n", &MethodNames::new());
    assert_eq!(out.errors.len(), 1, "{:?}", out.errors);
    assert_eq!(out.errors[0].code, "invalid-utf8");
}

#[test]
fn one_megabyte_lines() {
    check("long text", format!("$a:=\"{}\"", "x".repeat(1 << 20)), false);
    check("long collection", format!("$a:=[{}1]", "1; ".repeat(1 << 18)), false);
    check("long chain", format!("$a:=1{}", "+1".repeat(1 << 19)), true);
    check("long member chain", format!("$a:=$o{}", ".b".repeat(1 << 19)), true);
    check("many words", "a ".repeat(1 << 19), true);
}

#[test]
fn deep_nesting() {
    check("100k parens", format!("$a:={}1", "(".repeat(100_000)), true);
    check(
        "100k parens closed",
        format!("$a:={}1{}", "(".repeat(100_000), ")".repeat(100_000)),
        true,
    );
    check("100k brackets", "[".repeat(100_000), true);
    check("100k braces", "{".repeat(100_000), true);
    check("100k minus", format!("$a:={}1", "-".repeat(100_000)), true);
    check("100k pointers", format!("$a:={}$x", "->".repeat(100_000)), true);
    check("10k If", "If (True)\n".repeat(10_000), true);
    check(
        "10k If closed",
        format!("{}{}", "If (True)\n".repeat(10_000), "End if\n".repeat(10_000)),
        true,
    );
    check(
        "512 If is fine",
        format!("{}{}", "If (True)\n".repeat(512), "End if\n".repeat(512)),
        false,
    );
    check("256 parens are fine", format!("$a:={}1{}", "(".repeat(256), ")".repeat(256)), false);
    check("nested comments", "/*".repeat(100_000), true);
}

#[test]
fn unterminated_things() {
    check("text", "$a:=\"abc".into(), true);
    check("comment", "/* abc".into(), true);
    check("nested comment", "/* /* */".into(), true);
    check("date", "$d:=!2024-01".into(), true);
    check("continuation at end", "$a:=1+\\".into(), true);
    check("dollar brace", "${".into(), true);
    check("suffix", "Length:C".into(), true);
}

//! Bad input through the binary: every file of `tests/bad_input/` (and a few big ones generated
//! here) goes through `mini4d check` and `mini4d run`. Each must end with its expected exit code
//! (`X.exit`: `check N` / `run N`; 0 ok, 1 runtime error, 2 syntax or usage error) and a
//! diagnostic with a location, and never with a panic, a signal, a backtrace or a timeout.
//! `X.args` lists the `run` arguments one per line (`{file}` is the case), default `{file}`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

struct Outcome {
    code: Option<i32>,
    stderr: String,
    elapsed: Duration,
}

fn mini4d(args: &[String], env: &[(&str, &str)]) -> Outcome {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mini4d"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("start mini4d");
    let mut pipe = child.stderr.take().expect("stderr pipe");
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = pipe.read_to_end(&mut v);
        v
    });
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mini4d {} did not finish within {TIMEOUT:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    Outcome { code: status.code(), stderr, elapsed }
}

/// What no run may ever print.
const FORBIDDEN: &[&str] =
    &["panicked", "RUST_BACKTRACE", "stack backtrace", "overflowed its stack", "internal error"];

fn check_outcome(what: &str, out: &Outcome, expected: i32) -> Result<(), String> {
    let head: String = out.stderr.chars().take(1500).collect();
    let Some(code) = out.code else {
        return Err(format!("{what}: killed by a signal after {:?}\n{head}", out.elapsed));
    };
    for bad in FORBIDDEN {
        if out.stderr.contains(bad) {
            return Err(format!("{what}: stderr contains {bad:?}\n{head}"));
        }
    }
    if code != expected {
        return Err(format!("{what}: exit {code}, expected {expected}\n{head}"));
    }
    if code != 0 {
        // A diagnostic with a location (miette's `╭─[file:line:col]`), or a usage error.
        let located = out.stderr.contains("╭─[");
        let usage = out.stderr.starts_with("error:") || out.stderr.contains("\nerror:");
        if !(located || (code == 2 && usage)) {
            return Err(format!("{what}: no located diagnostic\n{head}"));
        }
    }
    Ok(())
}

fn parse_exit(text: &str) -> (i32, i32) {
    let mut check = None;
    let mut run = None;
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next().and_then(|n| n.parse::<i32>().ok())) {
            (Some("check"), Some(n)) => check = Some(n),
            (Some("run"), Some(n)) => run = Some(n),
            _ => {}
        }
    }
    (check.expect("`check N` line"), run.expect("`run N` line"))
}

fn run_case(file: &Path, run_args: Option<&str>, check_code: i32, run_code: i32) -> Vec<String> {
    let name = file.display().to_string();
    let mut failures = Vec::new();
    let check = mini4d(&["check".to_string(), name.clone()], &[]);
    if let Err(e) = check_outcome(&format!("check {name}"), &check, check_code) {
        failures.push(e);
    }
    let mut args = vec!["run".to_string()];
    match run_args {
        Some(text) => args.extend(text.lines().map(|l| l.replace("{file}", &name))),
        None => args.push(name.clone()),
    }
    let run = mini4d(&args, &[]);
    if let Err(e) = check_outcome(&format!("run {name}"), &run, run_code) {
        failures.push(e);
    }
    failures
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input")
}

#[test]
fn checked_in_corpus() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/bad_input")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "4dm"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus is missing");
    let mut failures = Vec::new();
    for case in &cases {
        let exit = std::fs::read_to_string(case.with_extension("exit"))
            .unwrap_or_else(|_| panic!("{} has no .exit file", case.display()));
        let (check_code, run_code) = parse_exit(&exit);
        let args = std::fs::read_to_string(case.with_extension("args")).ok();
        failures.extend(run_case(case, args.as_deref(), check_code, run_code));
    }
    assert!(failures.is_empty(), "{} failures:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Big inputs, generated rather than checked in.
#[test]
fn generated_big_inputs() {
    let dir = std::env::temp_dir().join(format!("mini4d-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: Vec<(&str, Vec<u8>, i32, i32)> = vec![
        // A 1 MB single line: a valid assignment, and an unterminated text.
        ("one_mb_line", format!("$t:=\"{}\"\n", "a".repeat(1 << 20)).into_bytes(), 0, 0),
        ("one_mb_unterminated", format!("$t:=\"{}", "a".repeat(1 << 20)).into_bytes(), 2, 2),
        // More than 2000 operators in one statement: a documented parser limit.
        ("one_mb_expression", format!("$x:=0{}\n", "+1".repeat(1 << 19)).into_bytes(), 2, 2),
        (
            "nested_parentheses_100000",
            format!("$x:={}1{}\n", "(".repeat(100_000), ")".repeat(100_000)).into_bytes(),
            2,
            2,
        ),
        ("nested_brackets_100000", format!("$x:={}\n", "[".repeat(100_000)).into_bytes(), 2, 2),
        (
            "nested_if_10000",
            format!("{}ALERT(\"x\")\n{}", "If (True)\n".repeat(10_000), "End if\n".repeat(10_000))
                .into_bytes(),
            2,
            2,
        ),
        (
            "nested_comments_100000",
            format!("{}\nALERT(\"x\")\n", "/*".repeat(100_000)).into_bytes(),
            2,
            2,
        ),
        ("many_lines", "ALERT(\"\")\n".repeat(100_000).into_bytes(), 0, 0),
        ("many_errors", ")(\n".repeat(20_000).into_bytes(), 2, 2),
    ];
    let mut failures = Vec::new();
    for (name, bytes, check_code, run_code) in cases {
        let path = dir.join(format!("{name}.4dm"));
        std::fs::write(&path, bytes).expect("write case");
        failures.extend(run_case(&path, None, check_code, run_code));
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{} failures:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// The limits name the statement being executed.
#[test]
fn limits_name_the_statement() {
    let dir = std::env::temp_dir().join(format!("mini4d-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("loop.4dm");
    std::fs::write(&path, "var $i : Integer\n$i:=1\nWhile (True)\n\t$i:=$i+1\nEnd while\n")
        .expect("write");
    let file = path.display().to_string();
    for (flag, value, message) in
        [("--max-steps", "10000", "--max-steps"), ("--timeout", "0.2", "--timeout")]
    {
        let out = mini4d(&["run".into(), flag.into(), value.into(), file.clone()], &[]);
        assert_eq!(out.code, Some(1), "{flag}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{flag}: {}", out.stderr);
        assert!(out.stderr.contains("-10512"), "{flag}: {}", out.stderr);
        // The location is the loop (line 3) or its body (line 4).
        assert!(
            out.stderr.contains("loop.4dm:3:") || out.stderr.contains("loop.4dm:4:"),
            "{flag}: no statement named\n{}",
            out.stderr
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A panic (a bug in mini4d), on any thread, ends in a short internal-error report and exit 70.
#[test]
fn panics_become_internal_errors() {
    for place in ["main", "interp", "process"] {
        let out = mini4d(
            &["run".into(), "-e".into(), "$n:=New process(\"nothing\"; 0)\nALERT(\"x\")".into()],
            &[("MINI4D_TEST_PANIC", place), ("RUST_BACKTRACE", "1")],
        );
        assert_eq!(out.code, Some(70), "{place}: {}", out.stderr);
        assert!(out.stderr.starts_with("internal error"), "{place}: {}", out.stderr);
        assert!(out.stderr.contains("bug"), "{place}: {}", out.stderr);
        assert!(!out.stderr.contains("stack backtrace"), "{place}: {}", out.stderr);
        assert!(out.stderr.lines().count() <= 5, "{place}: {}", out.stderr);
    }
}

//! The first-hour defects of issue 14 that need generated input, a pipe or the file system:
//! each test failed before its fix.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn mini4d() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mini4d"));
    c.env("NO_COLOR", "1");
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mini4d-defects-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn piped(args: &[&str], input: &str) -> Output {
    let mut child = mini4d()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mini4d starts");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("input written");
    child.wait_with_output().expect("mini4d ends")
}

/// Defect 1: an error past column 65,535 made the renderer panic (exit 70).
#[test]
fn errors_on_very_long_lines_are_rendered() {
    let dir = scratch("long");
    let pad = " ".repeat(70_000);
    let syntax = dir.join("syntax.4dm");
    std::fs::write(&syntax, format!("$a:=1{pad}$b:=)\n")).expect("written");
    let out = mini4d().arg("check").arg(&syntax).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("syntax.4dm:1:70006"), "{}", text(&out.stderr));

    let runtime = dir.join("runtime.4dm");
    std::fs::write(&runtime, format!("$t:=\"{}\"+String(1-\"a\")\n", "x".repeat(70_000)))
        .expect("written");
    let out = mini4d().arg("run").arg(&runtime).output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("4D("), "{}", text(&out.stderr));
    assert!(text(&out.stderr).len() < 4000, "the long line is shown as an excerpt");

    let out = piped(&["repl"], &format!("$a:=1{pad}$b:=)\n"));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains(":1:70006"), "{}", text(&out.stderr));

    // `mini4d test`: a test method with such a line fails with its location, without a panic.
    let tests = dir.join("tests");
    std::fs::create_dir_all(&tests).expect("folder");
    std::fs::write(tests.join("test_long.4dm"), format!("$a:=1{pad}$b:=)\n")).expect("written");
    let out = mini4d().arg("test").arg(&tests).output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("test_long.4dm:1: error"), "{}", text(&out.stdout));
}

/// Defect 2: hundreds of errors on long lines were each rendered with the whole line.
#[test]
fn many_errors_render_in_bounded_time_and_size() {
    let dir = scratch("many");
    let file = dir.join("garbage.4dm");
    let line = format!("$a:=1 {}\n", "` ~ \u{1} ".repeat(3000));
    std::fs::write(&file, line.repeat(40)).expect("written");
    let start = Instant::now();
    let out = mini4d().arg("check").arg(&file).output().expect("runs");
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.len() < 200_000, "{} bytes of diagnostics", err.len());
    assert!(err.contains("more syntax errors not shown"), "{err}");
}

/// Defect 3: an endless input filled the memory.
#[cfg(unix)]
#[test]
fn endless_input_fails_early() {
    for sub in ["run", "check"] {
        let start = Instant::now();
        let out = mini4d().args([sub, "/dev/zero"]).output().expect("runs");
        assert!(start.elapsed() < Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(2), "{sub}");
        assert!(text(&out.stderr).contains("not a 4D method file"), "{}", text(&out.stderr));
    }
}

/// Defect 6: a piped REPL dropped an unclosed block and exited 0.
#[test]
fn piped_repl_reports_unclosed_blocks_and_unknown_commands() {
    let out = piped(&["repl"], "If (True)\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("never closed"), "{}", text(&out.stderr));

    let out = piped(&["repl"], "If (True\n1+1\n");
    assert!(text(&out.stderr).contains("expected `)`"), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "2\n", "the next entry runs");

    let out = piped(&["repl"], ":foo\n3\n");
    assert!(text(&out.stderr).contains("unknown command `:foo`, try :help"));
    assert_eq!(text(&out.stdout), "3\n");

    let out = piped(&["repl"], "$x:=1-\"a\"\n");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));

    // Defect 7: a one-line REPL error has its caret and label (the line has no newline).
    let out = piped(&["repl"], "$a:=(1+");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("╰── expected an expression"), "{}", text(&out.stderr));

    let out = piped(&["repl"], "$x:=2\n$x*3\n");
    assert_eq!(out.status.code(), Some(0));
}

/// Defect 11: `check` followed symbolic link loops and checked a file once per path.
#[cfg(unix)]
#[test]
fn check_reads_each_file_once_through_links() {
    let dir = scratch("links");
    std::fs::create_dir_all(dir.join("sub")).expect("folder");
    std::fs::write(dir.join("sub/a.4dm"), "ALERT(\"a\")\n").expect("written");
    std::os::unix::fs::symlink("..", dir.join("sub/up")).expect("link");
    std::os::unix::fs::symlink("sub/a.4dm", dir.join("b.4dm")).expect("link");
    let out = mini4d().arg("check").arg(&dir).arg(dir.join("sub")).output().expect("runs");
    assert_eq!(text(&out.stdout), "checked 1 file: no errors\n", "{}", text(&out.stderr));
}

//! The developer's workflow beyond the golden cases: the REPL fed through a pipe, the JUnit
//! report, help and version.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn mini4d() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mini4d"));
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    c
}

fn repl(args: &[&str], input: &str) -> Output {
    let mut child = mini4d()
        .arg("repl")
        .args(args)
        .env("HOME", std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mini4d starts");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("input written");
    child.wait_with_output().expect("mini4d ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn repl_prints_values_keeps_locals_and_continues_blocks() {
    let out = repl(
        &[],
        "3+4*5\n\
         var $n : Integer\n\
         For ($i; 1; 4)\n\
         \t$n+=$i\n\
         End for\n\
         $n\n\
         \"a\"+\"b\"\n\
         New object(\"total\"; $n; \"items\"; New collection(1; 2))\n\
         $n:=$n*2\n\
         $n\n\
         $i\n",
    );
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "35\n10\n\"ab\"\n{\"total\":10,\"items\":[1,2]}\n20\n5\n");
    assert!(out.status.success());
}

#[test]
fn repl_reports_errors_and_goes_on() {
    let out = repl(
        &[],
        "var $n : Integer\n$n:=\"text\"\nnoSuchMethod(1)\nIf (True\n$n+1\nEnd if\n$n+1\n",
    );
    let err = text(&out.stderr);
    assert!(err.contains("cannot assign a Text to $n, which is declared Integer"), "{err}");
    assert!(err.contains("noSuchMethod"), "{err}");
    assert!(err.contains("expected `)`"), "{err}");
    // The session survived every error (`If (True` is reported at once, not continued as a
    // block); `$n` kept its value. Piped entries are a script: their errors set the status.
    assert_eq!(text(&out.stdout), "1\n1\n");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn repl_redeclares_a_local_with_var() {
    let out =
        repl(&[], "var $x : Integer\n$x:=5\nvar $x : Text\n$x\n$x:=\"now text\"\n$x\n:vars\n");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "\"\"\n\"now text\"\n$x : Text = \"now text\"\n");
}

#[test]
fn repl_quits_on_quit_4d_and_calls_project_methods() {
    let out = repl(&["examples/test-project"], "addVAT(10; 0.5)\nQUIT 4D\n1+1\n");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "15\n");
    assert!(out.status.success());
}

#[test]
fn junit_report_lists_every_test() {
    let dir = std::env::temp_dir().join(format!("mini4d-junit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let report = dir.join("report.xml");
    let out = mini4d()
        .args(["test", "examples/test-project", "--filter", "test_*", "--junit"])
        .arg(&report)
        .output()
        .expect("mini4d runs");
    assert_eq!(out.status.code(), Some(1));
    let xml = std::fs::read_to_string(&report).expect("report written");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "), "{xml}");
    assert!(xml.contains("<testsuite name=\"test-project\" tests=\"6\" failures=\"2\""), "{xml}");
    assert_eq!(xml.matches("<testcase ").count(), 6, "{xml}");
    assert_eq!(xml.matches("<failure ").count(), 2, "{xml}");
    assert!(xml.contains(
        "message=\"examples/test-project/Project/Sources/Methods/test_wrongTotal.4dm:5: Assert failed: total without VAT\" type=\"assertion\""
    ), "{xml}");
    // Quotes of the source shown in the report are escaped; no raw `<` sneaks in.
    assert!(xml.contains("&quot;total without VAT&quot;"), "{xml}");
    assert!(xml.contains(" time=\""), "{xml}");
    assert!(xml.trim_end().ends_with("</testsuites>"));
    for line in xml.lines().skip(1) {
        let inner = line.trim();
        assert!(inner.starts_with('<') || !inner.contains('<'), "unescaped text: {line}");
    }
}

#[test]
fn test_output_has_no_color_when_piped() {
    let out = mini4d()
        .env_remove("NO_COLOR")
        .args(["test", "examples/test-project", "--filter", "addVAT"])
        .output()
        .expect("mini4d runs");
    let stdout = text(&out.stdout);
    assert!(!stdout.contains('\x1b'), "{stdout:?}");
    assert!(stdout.starts_with("PASS  test_addVAT ("), "{stdout}");
    assert!(stdout.ends_with("1 passed, 0 failed, 5 skipped\n"), "{stdout}");
    assert!(out.status.success());
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for sub in ["check", "run", "test", "repl"] {
        let out = mini4d().args([sub, "--help"]).output().expect("mini4d runs");
        assert!(out.status.success(), "{sub} --help");
        let help = text(&out.stdout);
        assert!(help.contains("Examples:"), "{sub} --help:\n{help}");
    }
    let out = mini4d().arg("--version").output().expect("mini4d runs");
    assert_eq!(text(&out.stdout), format!("mini4d {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_arguments_without_a_terminal_prints_help() {
    let out = mini4d().stdin(Stdio::null()).output().expect("mini4d runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("Usage: mini4d"));
}

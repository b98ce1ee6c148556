//! Golden tests: every `tests/golden/**/*.4dm` is a case (except the helper methods next to a
//! `main.4dm`, the classes in a `Classes/` folder beside it, and in a project's
//! `Project/Sources/` every file but `Methods/main.4dm`). The case runs `mini4d run X.4dm`,
//! or the arguments listed one per line in `X.args` (`{file}` is replaced by the case path), and
//! its stdout, stderr and exit code must equal `X.stdout`, `X.stderr` (absent: empty;
//! `X.stderr.2`… list other acceptable outputs where scheduling decides) and `X.exit` (absent: 0).
//!
//! `MINI4D_BLESS=1 cargo test --release --test golden` rewrites the expectation files.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The case path relative to the crate root, with `/` separators.
fn relative(path: &Path) -> String {
    let root = crate_root();
    let rel = path.strip_prefix(&root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    code: i32,
}

fn run(args: &[String]) -> Result<Outcome, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mini4d"))
        .args(args)
        .current_dir(crate_root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start mini4d: {e}"))?;
    let mut out_pipe = child.stdout.take().ok_or("no stdout pipe")?;
    let mut err_pipe = child.stderr.take().ok_or("no stderr pipe")?;
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("mini4d {} did not finish within {TIMEOUT:?}", args.join(" ")));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let stdout = out_thread.join().unwrap_or_default();
    let stderr = err_thread.join().unwrap_or_default();
    Ok(Outcome { stdout, stderr, code: status.code().unwrap_or(-1) })
}

/// Writes `content` to `path`, or removes `path` when `content` is `None`.
fn bless(path: &Path, content: Option<&[u8]>) -> std::io::Result<()> {
    match content {
        Some(c) => std::fs::write(path, c),
        None => match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
    }
}

fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.is_empty() {
        return "    (empty)\n".to_string();
    }
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        out.push_str("    | ");
        out.push_str(&line.replace('\r', "\\r"));
        if !line.ends_with('\n') {
            out.push_str("⏎ (no final newline)\n");
        }
    }
    out
}

/// A readable account of how `actual` differs from `expected`.
fn difference(what: &str, expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let first = e
        .lines()
        .zip(a.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(e.lines().count().min(a.lines().count()));
    format!(
        "{what} differs (first difference at line {}):\n  expected:\n{}  actual:\n{}",
        first + 1,
        show(expected),
        show(actual)
    )
}

fn golden(path: &Path) -> datatest_stable::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    if path.file_name().is_some_and(|n| n != "main.4dm") && dir.join("main.4dm").exists() {
        return Ok(()); // a helper method of `main.4dm`, not a case
    }
    if dir.file_name().is_some_and(|n| n == "Classes")
        && dir.parent().is_some_and(|d| d.join("main.4dm").exists())
    {
        return Ok(()); // a class of the case `main.4dm` beside the `Classes` folder
    }
    // A project laid out as 4D lays it out (a host with components): its
    // `Project/Sources/Methods/main.4dm` is the case, its other sources are its code.
    let in_sources = dir.parent().is_some_and(|s| {
        s.file_name().is_some_and(|n| n == "Sources")
            && s.parent().and_then(Path::file_name).is_some_and(|n| n == "Project")
    });
    if in_sources && !(dir.ends_with("Methods") && path.ends_with("main.4dm")) {
        return Ok(());
    }
    let rel = relative(path);
    let stem = path.with_extension("");
    let with_ext = |ext: &str| PathBuf::from(format!("{}.{ext}", stem.display()));
    let args: Vec<String> = match std::fs::read_to_string(with_ext("args")) {
        Ok(text) => text
            .lines()
            .map(|l| l.trim_end_matches('\r'))
            .filter(|l| !l.is_empty())
            .map(|l| l.replace("{file}", &rel))
            .collect(),
        Err(_) => vec!["run".to_string(), rel.clone()],
    };
    let outcome = run(&args)?;

    if std::env::var_os("MINI4D_BLESS").is_some_and(|v| v == "1") {
        bless(&with_ext("stdout"), Some(&outcome.stdout))?;
        bless(&with_ext("stderr"), (!outcome.stderr.is_empty()).then_some(&outcome.stderr[..]))?;
        let code = format!("{}\n", outcome.code);
        bless(&with_ext("exit"), (outcome.code != 0).then_some(code.as_bytes()))?;
        return Ok(());
    }

    let mut problems = Vec::new();
    match std::fs::read(with_ext("stdout")) {
        Ok(expected) if expected == outcome.stdout => {}
        Ok(expected) => problems.push(difference("stdout", &expected, &outcome.stdout)),
        Err(_) => problems.push(format!(
            "missing expectation file {}.stdout (run with MINI4D_BLESS=1 to create it)\n  actual stdout:\n{}",
            stem.display(),
            show(&outcome.stdout)
        )),
    }
    let expected_err = std::fs::read(with_ext("stderr")).unwrap_or_default();
    // Where the output depends on scheduling (which process of a deadlock is told), the other
    // acceptable outputs are listed as `X.stderr.2`, `X.stderr.3`, ….
    let alternatives: Vec<Vec<u8>> =
        (2..10).map_while(|i| std::fs::read(with_ext(&format!("stderr.{i}"))).ok()).collect();
    if expected_err != outcome.stderr && !alternatives.contains(&outcome.stderr) {
        problems.push(difference("stderr", &expected_err, &outcome.stderr));
    }
    let expected_code = match std::fs::read_to_string(with_ext("exit")) {
        Ok(t) => {
            t.trim().parse::<i32>().map_err(|e| format!("bad {}.exit: {e}", stem.display()))?
        }
        Err(_) => 0,
    };
    if expected_code != outcome.code {
        problems.push(format!("exit code: expected {expected_code}, got {}", outcome.code));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("golden case {rel} (mini4d {}):\n{}", args.join(" "), problems.join("\n"))
            .into())
    }
}

datatest_stable::harness! {
    { test = golden, root = "tests/golden", pattern = r"\.4dm$" },
}

//! `mini4d test`: runs every `test_*` project method, each in its own process, and reports which
//! passed, with a JUnit XML report for CI.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::project::{project_or_folder, Layout};
use super::run::EXIT_USAGE;
use crate::embed::{RunError, Runtime};
use crate::interp::Options;

const TEST_EXAMPLES: &str = "\
Examples:
  mini4d test                             test the project (or the .4dm files) of this folder
  mini4d test MyApp                       a project's root folder, Project folder or .4DProject file
  mini4d test MyApp --filter invoice      only the tests whose name contains \"invoice\"
  mini4d test MyApp --filter 'test_vat*'  glob patterns (* and ?) match the whole name
  mini4d test MyApp --jobs 4 --junit report.xml
                                          4 tests at a time, JUnit XML report for CI

Test methods are the project methods whose names start with test_ (any case), run in name order.
Each runs in its own process (fresh process variables; Storage and interprocess variables are
shared unless --isolate). A test fails when an ASSERT fails or an error is left uncaught.

Output: one line per test, `PASS name (time)` or `FAIL name (time): file:line: message`, then
`N passed, N failed` (`, N skipped` with --filter).
Exit status: 0 when every test passed, 1 when one failed, 2 on usage errors.
Set NO_COLOR to disable colors.";

#[derive(clap::Args, Debug, Default)]
#[command(after_help = TEST_EXAMPLES)]
pub struct TestArgs {
    /// A 4D project (root folder, Project folder or .4DProject file) or a folder of .4dm files.
    #[arg(value_name = "PROJECT_OR_FOLDER", default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub permissions: super::permissions::PermissionFlags,
    /// Run only the tests whose name contains PATTERN (any case); with * or ?, a glob on the
    /// whole name.
    #[arg(long, short = 'f', value_name = "PATTERN")]
    pub filter: Option<String>,
    /// Give each test a fresh runtime (its own Storage and interprocess variables).
    #[arg(long)]
    pub isolate: bool,
    /// Run N tests at a time (the report keeps the tests' order).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 1)]
    pub jobs: usize,
    /// Write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Do not print (or record in the JUnit report) how long each test took.
    #[arg(long)]
    pub no_time: bool,
    /// Print the full error report (with the 4D call chain) of each failure.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// What `Get database parameter(User param value; $t)` returns.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub user_param: String,
    /// Stop a test after this many statements (with --isolate: per test; else for the whole run).
    #[arg(long, value_name = "N")]
    pub max_steps: Option<u64>,
    /// Stop with error -10512 when the run uses more than this many megabytes (0: no limit).
    #[arg(long, value_name = "MB", default_value_t = crate::runtime::memory::DEFAULT_LIMIT_MB)]
    pub max_memory: u64,
}

/// The outcome of one test.
struct Outcome {
    elapsed: Duration,
    failure: Option<Failure>,
}

struct Failure {
    /// One line: the assertion's message, or the error's code and message.
    message: String,
    /// `file:line` of the failing statement, when known.
    location: Option<String>,
    /// The full report (location and call chain).
    report: String,
    kind: &'static str,
}

impl Failure {
    fn from_error(e: &RunError) -> Failure {
        let assertion = e.code == -10518;
        Failure {
            message: if assertion {
                e.message.clone()
            } else {
                format!("error {}: {}", e.code, e.message)
            },
            location: e.location.as_ref().map(|(f, l)| format!("{f}:{l}")),
            report: e.report.clone(),
            kind: if assertion { "assertion" } else { "error" },
        }
    }
}

struct Test {
    name: String,
    selected: bool,
}

/// The test methods of `layout`, sorted by name (any case).
fn discover(layout: &Layout) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(&layout.methods)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
        })
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .filter(|n| n.len() >= 5 && n[..5].eq_ignore_ascii_case("test_"))
        .collect();
    names.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)));
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    Ok(names)
}

/// Whether test `name` matches `--filter`: a substring (any case), or a glob with `*` and `?`.
fn matches(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let n: Vec<char> = name.to_lowercase().chars().collect();
    if !p.iter().any(|c| *c == '*' || *c == '?') {
        return name.to_lowercase().contains(&pattern.to_lowercase());
    }
    // Glob matching with backtracking on the last `*`.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

/// Colors and the progress line, on a terminal only.
struct Term {
    color: bool,
    progress: bool,
}

impl Term {
    fn detect() -> Term {
        let tty = std::io::stdout().is_terminal();
        Term {
            color: tty && std::env::var_os("NO_COLOR").is_none(),
            progress: tty && std::io::stderr().is_terminal(),
        }
    }

    fn paint(&self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn clear_progress(&self) {
        if self.progress {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }

    fn show_progress(&self, done: usize, total: usize, next: Option<&str>) {
        if self.progress {
            let mut err = std::io::stderr().lock();
            let _ = match next {
                Some(name) => write!(err, "\r\x1b[K[{done}/{total}] running {name}…"),
                None => write!(err, "\r\x1b[K"),
            };
            let _ = err.flush();
        }
    }
}

fn format_time(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1000.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

pub fn execute(args: &TestArgs) -> ExitCode {
    super::set_memory_limit(args.max_memory);
    if args.jobs == 0 {
        eprintln!("error: --jobs must be at least 1");
        return ExitCode::from(EXIT_USAGE);
    }
    let Some(layout) = project_or_folder(&args.path) else {
        eprintln!("error: {} is neither a 4D project nor a folder", args.path.display());
        return ExitCode::from(EXIT_USAGE);
    };
    let names = match discover(&layout) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", layout.methods.display());
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let tests: Vec<Test> = names
        .into_iter()
        .map(|name| Test {
            selected: match &args.filter {
                Some(p) => matches(p, &name),
                None => true,
            },
            name,
        })
        .collect();
    if tests.is_empty() {
        eprintln!("error: no test methods (methods named test_…) in {}", layout.methods.display());
        return ExitCode::from(EXIT_USAGE);
    }
    if let Some(pattern) = args.filter.as_ref().filter(|_| !tests.iter().any(|t| t.selected)) {
        eprintln!("error: --filter {pattern:?} matches none of the {} test methods", tests.len());
        return ExitCode::from(EXIT_USAGE);
    }
    let options = Options {
        user_param: args.user_param.clone(),
        max_steps: args.max_steps,
        permissions: layout.gate(&args.permissions),
        ..Options::default()
    };
    let term = Term::detect();
    let started = Instant::now();
    let selected: Vec<usize> = (0..tests.len()).filter(|&i| tests[i].selected).collect();
    let shared = (!args.isolate).then(|| {
        let rt = Runtime::new(std::slice::from_ref(&layout.methods), options.clone());
        let session = rt.open_session(None).unwrap_or_default();
        (rt, session)
    });
    // Errors in the constants files stop the run before any test, as a syntax error would.
    let setup = match &shared {
        Some((rt, _)) => rt.setup_errors(),
        None => Runtime::new(std::slice::from_ref(&layout.methods), options.clone()).setup_errors(),
    };
    if let Some(report) = setup {
        eprint!("{report}");
        return ExitCode::from(EXIT_USAGE);
    }
    let jobs = args.jobs.max(1).min(selected.len().max(1));
    // With one job and a shared runtime, the processes a test starts end before the next test,
    // so their errors count against it.
    let wait_each = jobs == 1 || args.isolate;

    let run_one = |name: &str| -> Outcome {
        let start = Instant::now();
        let own;
        let (rt, session) = match &shared {
            Some((rt, s)) => (rt, s.clone()),
            None => {
                own = Runtime::new(std::slice::from_ref(&layout.methods), options.clone());
                let s = own.open_session(None).unwrap_or_default();
                (&own, s)
            }
        };
        let result = rt.run_method(&session, name, Vec::new());
        if wait_each {
            rt.wait();
        }
        let elapsed = start.elapsed();
        let failure = match result {
            Err(e) => Some(Failure::from_error(&e)),
            Ok(_) if wait_each && rt.take_process_errors() => Some(Failure {
                message:
                    "a process started by the test ended on an uncaught error (reported on stderr)"
                        .to_string(),
                location: None,
                report: String::new(),
                kind: "error",
            }),
            Ok(_) => None,
        };
        Outcome { elapsed, failure }
    };

    let mut outcomes: BTreeMap<usize, Outcome> = BTreeMap::new();
    let total = selected.len();
    let mut passed = 0;
    let mut failed = 0;
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Outcome)>();
        for _ in 0..jobs {
            let tx = tx.clone();
            let next = &next;
            let selected = &selected;
            let tests = &tests;
            let run_one = &run_one;
            scope.spawn(move || loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(&i) = selected.get(k) else { break };
                let outcome = run_one(&tests[i].name);
                if tx.send((k, outcome)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Print in discovery order as results come in.
        let mut printed = 0;
        term.show_progress(0, total, selected.first().map(|&i| tests[i].name.as_str()));
        for (k, outcome) in rx {
            outcomes.insert(k, outcome);
            while let Some(outcome) = outcomes.get(&printed) {
                let test = &tests[selected[printed]];
                term.clear_progress();
                let time = if args.no_time {
                    String::new()
                } else {
                    format!(" ({})", format_time(outcome.elapsed))
                };
                let mut out = std::io::stdout().lock();
                match &outcome.failure {
                    None => {
                        passed += 1;
                        let _ = writeln!(out, "{}  {}{time}", term.paint("PASS", "32"), test.name);
                    }
                    Some(f) => {
                        failed += 1;
                        let place =
                            f.location.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
                        let _ = writeln!(
                            out,
                            "{}  {}{time}: {place}{}",
                            term.paint("FAIL", "1;31"),
                            test.name,
                            f.message
                        );
                        if args.verbose && !f.report.is_empty() {
                            let _ = write!(out, "{}", f.report);
                        }
                    }
                }
                let _ = out.flush();
                drop(out);
                printed += 1;
                let upcoming = selected.get(printed).map(|&i| tests[i].name.as_str());
                term.show_progress(printed, total, upcoming);
            }
        }
        term.clear_progress();
    });
    if let Some((rt, _)) = &shared {
        rt.wait();
        if !wait_each && rt.take_process_errors() {
            eprintln!("error: a process started by the tests ended on an uncaught error");
            failed += 1;
        }
    }
    let skipped = tests.len() - selected.len();
    let mut summary = format!("{passed} passed, {failed} failed");
    if args.filter.is_some() {
        summary.push_str(&format!(", {skipped} skipped"));
    }
    if !args.no_time && term.progress {
        summary.push_str(&format!(" ({})", format_time(started.elapsed())));
    }
    println!("{summary}");

    if let Some(path) = &args.junit {
        let xml = junit(&layout, &tests, &selected, &outcomes, args.no_time);
        if let Err(e) = std::fs::write(path, xml) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(EXIT_USAGE);
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The JUnit XML report: one `testsuite` (the project) with a `testcase` per test method.
fn junit(
    layout: &Layout,
    tests: &[Test],
    selected: &[usize],
    outcomes: &BTreeMap<usize, Outcome>,
    no_time: bool,
) -> String {
    let failures = outcomes.values().filter(|o| o.failure.is_some()).count();
    let total_time: Duration = outcomes.values().map(|o| o.elapsed).sum();
    let time_attr = |d: Duration| {
        if no_time {
            String::new()
        } else {
            format!(" time=\"{:.3}\"", d.as_secs_f64())
        }
    };
    let suite = xml_escape(&layout.name);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!(
        "<testsuites name=\"mini4d test\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{}\"{}>\n",
        tests.len(),
        tests.len() - selected.len(),
        time_attr(total_time)
    ));
    x.push_str(&format!(
        "  <testsuite name=\"{suite}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{}\"{}>\n",
        tests.len(),
        tests.len() - selected.len(),
        time_attr(total_time)
    ));
    for (i, test) in tests.iter().enumerate() {
        let name = xml_escape(&test.name);
        let outcome = selected.iter().position(|&s| s == i).and_then(|k| outcomes.get(&k));
        match outcome {
            None => x.push_str(&format!(
                "    <testcase name=\"{name}\" classname=\"{suite}\">\n      <skipped/>\n    </testcase>\n"
            )),
            Some(Outcome { elapsed, failure: None }) => x.push_str(&format!(
                "    <testcase name=\"{name}\" classname=\"{suite}\"{}/>\n",
                time_attr(*elapsed)
            )),
            Some(Outcome { elapsed, failure: Some(f) }) => {
                let message = match &f.location {
                    Some(l) => format!("{l}: {}", f.message),
                    None => f.message.clone(),
                };
                x.push_str(&format!(
                    "    <testcase name=\"{name}\" classname=\"{suite}\"{}>\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                    time_attr(*elapsed),
                    xml_escape(&message),
                    f.kind,
                    xml_text(if f.report.is_empty() { &f.message } else { &f.report })
                ));
            }
        }
    }
    x.push_str("  </testsuite>\n</testsuites>\n");
    x
}

/// Escapes text for XML element content (line breaks kept).
fn xml_text(text: &str) -> String {
    xml_escape(text).replace("&#10;", "\n")
}

/// Escapes text for XML attributes and content; drops terminal color sequences and the
/// characters XML 1.0 cannot hold.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                // ESC [ parameters final-letter
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if d.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_patterns() {
        assert!(matches("vat", "test_addVAT"));
        assert!(matches("test_add*", "test_addVAT"));
        assert!(matches("*VAT", "test_addVAT"));
        assert!(matches("test_?ddvat", "test_addVAT"));
        assert!(!matches("test_add", "test_sub"));
        assert!(!matches("test_*x", "test_addVAT"));
        assert!(matches("*", "test_a"));
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(xml_escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(xml_escape("\x1b[31mred\x1b[0m\x01"), "red");
        assert_eq!(xml_escape("l1\nl2"), "l1&#10;l2");
    }
}

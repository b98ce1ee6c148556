//! `mini4d repl`: a read-eval-print loop over one long-lived 4D process.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::project::{display_value, project_or_folder};
use super::run::EXIT_USAGE;
use crate::embed::Runtime;
use crate::interp::repl::{Locals, SnippetResult};
use crate::interp::{report, Interp, Options};
use crate::runtime::Value;

const REPL_EXAMPLES: &str = "\
Examples:
  mini4d repl                             an empty session
  mini4d repl MyApp                       the methods of a project (or folder) can be called
  echo '3+4*5' | mini4d repl              read entries from a pipe (no prompt, no history)

Type 4D statements. An expression's value is printed (texts quoted, objects and collections as
JSON). Local variables ($x) and process variables live until the session ends. A block (If,
For, Case of, …) continues until it is closed; a line ending with \\ continues on the next.
Errors are reported and the session goes on.

Commands: :help, :vars (the local variables), :quit (or Ctrl-D, or QUIT 4D).
Ctrl-C cancels the entry being typed. History is kept in ~/.mini4d_history.";

#[derive(clap::Args, Debug)]
#[command(after_help = REPL_EXAMPLES)]
pub struct ReplArgs {
    /// A 4D project or a folder of .4dm files whose methods the session can call.
    #[arg(value_name = "PROJECT_OR_FOLDER")]
    pub path: Option<PathBuf>,
    #[command(flatten)]
    pub permissions: super::permissions::PermissionFlags,
    /// What `Get database parameter(User param value; $t)` returns.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub user_param: String,
    /// Stop an entry with error -10512 when the session uses more than this many megabytes
    /// (0: no limit).
    #[arg(long, value_name = "MB", default_value_t = crate::runtime::memory::DEFAULT_LIMIT_MB)]
    pub max_memory: u64,
}

impl Default for ReplArgs {
    fn default() -> ReplArgs {
        ReplArgs {
            path: None,
            permissions: Default::default(),
            user_param: String::new(),
            max_memory: crate::runtime::memory::DEFAULT_LIMIT_MB,
        }
    }
}

/// Stack of the REPL's process thread (as deep as other processes').
const STACK: usize = 256 << 20;

const PROMPT: &str = "4D> ";
const CONTINUE: &str = "..> ";

/// Where entries come from: the line editor on a terminal, else plain lines.
enum Input {
    Editor(Box<rustyline::DefaultEditor>, Option<PathBuf>),
    Lines(std::io::StdinLock<'static>),
}

enum Line {
    Text(String),
    /// Ctrl-C: drop the entry being typed.
    Cancel,
    End,
}

impl Input {
    fn open() -> Input {
        if std::io::stdin().is_terminal() {
            if let Ok(mut editor) = rustyline::DefaultEditor::new() {
                let history =
                    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".mini4d_history"));
                if let Some(h) = &history {
                    let _ = editor.load_history(h);
                }
                return Input::Editor(Box::new(editor), history);
            }
        }
        Input::Lines(std::io::stdin().lock())
    }

    fn read(&mut self, prompt: &str) -> Line {
        match self {
            Input::Editor(editor, _) => match editor.readline(prompt) {
                Ok(line) => Line::Text(line),
                Err(rustyline::error::ReadlineError::Interrupted) => Line::Cancel,
                Err(_) => Line::End,
            },
            Input::Lines(stdin) => {
                let mut line = String::new();
                match stdin.read_line(&mut line) {
                    Ok(0) | Err(_) => Line::End,
                    Ok(_) => {
                        let len = line.trim_end_matches(['\n', '\r']).len();
                        line.truncate(len);
                        Line::Text(line)
                    }
                }
            }
        }
    }

    fn remember(&mut self, entry: &str) {
        if let Input::Editor(editor, _) = self {
            let _ = editor.add_history_entry(entry);
        }
    }

    fn interactive(&self) -> bool {
        matches!(self, Input::Editor(..))
    }

    fn close(&mut self) {
        if let Input::Editor(editor, Some(h)) = self {
            let _ = editor.save_history(h);
        }
    }
}

pub fn execute(args: &ReplArgs) -> ExitCode {
    super::set_memory_limit(args.max_memory);
    let mut gate = None;
    let dirs = match &args.path {
        None => Vec::new(),
        Some(p) => match project_or_folder(p) {
            Some(layout) => {
                gate = Some(layout.gate(&args.permissions));
                vec![layout.methods]
            }
            None => {
                eprintln!("error: {} is neither a 4D project nor a folder", p.display());
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    let permissions = gate.unwrap_or_else(|| {
        std::sync::Arc::new(args.permissions.gate(Some(std::path::Path::new(".")), None))
    });
    let options =
        Options { user_param: args.user_param.clone(), permissions, ..Options::default() };
    let rt = Runtime::new(&dirs, options);
    // The interpreter runs on a thread with a deep stack, like every 4D process.
    let thread = std::thread::Builder::new()
        .name("4D process REPL".to_string())
        .stack_size(STACK)
        .spawn(move || session(&rt));
    match thread.map(|t| t.join()) {
        Ok(Ok(code)) => code,
        _ => ExitCode::from(super::EXIT_INTERNAL),
    }
}

fn session(rt: &Runtime) -> ExitCode {
    let engine = rt.engine().clone();
    let Some(session) = rt.open_session(None).and_then(|id| engine.sessions.get(&id)) else {
        return ExitCode::from(super::EXIT_INTERNAL);
    };
    let entry = engine.processes.register("REPL", &session.id, false);
    let number = entry.number;
    let mut interp = Interp::new(engine.clone(), session, entry);
    let mut locals = Locals::default();
    let mut input = Input::open();
    if input.interactive() {
        println!(
            "mini4d {} — 4D statements; :help for help, :quit or Ctrl-D to leave",
            env!("CARGO_PKG_VERSION")
        );
    }
    let mut buffer = String::new();
    let mut count = 0;
    // Piped input is a script: its errors decide the exit status (2 syntax, 1 run time).
    let mut status = ExitCode::SUCCESS;
    let mut had_syntax_error = false;
    let mut had_runtime_error = false;
    loop {
        let prompt = if !input.interactive() {
            ""
        } else if buffer.is_empty() {
            PROMPT
        } else {
            CONTINUE
        };
        let line = match input.read(prompt) {
            Line::Text(l) => l,
            Line::Cancel => {
                buffer.clear();
                continue;
            }
            Line::End if buffer.is_empty() => break,
            // The input ended inside a block: run what was typed, so that its error is shown.
            Line::End => String::new(),
        };
        let ended = line.is_empty() && !buffer.is_empty();
        if buffer.is_empty() {
            match line.trim() {
                "" => continue,
                ":quit" | ":q" | ":exit" => break,
                ":help" | ":h" => {
                    println!("{REPL_EXAMPLES}");
                    continue;
                }
                ":vars" => {
                    for (name, ty, value) in &locals.vars {
                        println!("${name} : {} = {}", ty.name(), show(value));
                    }
                    continue;
                }
                command if is_repl_command(command) => {
                    eprintln!("error: unknown command `{command}`, try :help");
                    had_syntax_error = true;
                    continue;
                }
                _ => {}
            }
        }
        if !buffer.is_empty() {
            buffer.push('\n');
        }
        buffer.push_str(&line);
        if !ended && (line.ends_with('\\') || block_is_open(&engine, &buffer)) {
            continue;
        }
        let entry = std::mem::take(&mut buffer);
        input.remember(&entry);
        count += 1;
        let display = format!("<repl {count}>");
        let file = engine.project.add_source(&display, "REPL", entry.as_bytes());
        if let Some(source) = engine.project.file(file) {
            if !source.errors.is_empty() {
                for e in &source.errors {
                    eprint!("{}", report::syntax_error(&source, e));
                }
                had_syntax_error = true;
                if ended {
                    break;
                }
                continue;
            }
            if source.ast.declare.is_some() {
                eprintln!("error: #DECLARE is for methods; use var in the REPL");
                continue;
            }
        }
        match interp.run_snippet(file, &mut locals) {
            Ok(SnippetResult::Value(v)) => {
                if !v.is_undefined() {
                    println!("{}", show(&v));
                }
            }
            Ok(SnippetResult::Quit) => break,
            Err(e) if e.is_abort() => eprintln!("aborted"),
            Err(e) => {
                had_runtime_error = true;
                eprint!("{}", report::runtime_error(&engine, &e, None));
            }
        }
        let _ = std::io::stdout().flush();
        if ended {
            break;
        }
    }
    if !input.interactive() {
        if had_syntax_error {
            status = ExitCode::from(EXIT_USAGE);
        } else if had_runtime_error {
            status = ExitCode::from(super::run::EXIT_RUNTIME_ERROR);
        }
    }
    input.close();
    interp.release_all_locks();
    engine.processes.finish(number);
    rt.wait();
    status
}

/// Whether `text` only lacks the end of a block (`End if`, `End for`, …) to be complete: it has
/// an unclosed block and no other error (`If (True` is an error to show, not a block to go on).
fn block_is_open(engine: &crate::interp::Engine, text: &str) -> bool {
    let out = crate::syntax::parse(text, engine.project.method_names());
    out.errors.iter().any(|e| e.code == "unclosed-block")
        && out.errors.iter().all(|e| e.code == "unclosed-block")
}

/// Whether an entry is meant as a REPL command (`:name`), not 4D code (`:(…)` is a `Case of`
/// branch).
fn is_repl_command(entry: &str) -> bool {
    entry.strip_prefix(':').is_some_and(|rest| rest.starts_with(|c: char| c.is_alphabetic()))
}

/// A value as the REPL shows it: texts quoted (as JSON), the rest as `mini4d run --method`.
fn show(v: &Value) -> String {
    match v {
        Value::Text(t) => serde_json::to_string(t.as_str()).unwrap_or_default(),
        other => display_value(other),
    }
}

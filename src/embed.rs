//! The Rust embedding API: create a runtime over a folder of 4D methods, open and close
//! sessions, run methods in a given session, read session storage.
//!
//! ```
//! use mini4d::embed::{Runtime, SendValue};
//!
//! let rt = Runtime::from_source("double", "#DECLARE($n : Integer) : Integer\nreturn $n*2");
//! let session = rt.open_session(None).expect("a new session");
//! let result = rt.run_method(&session, "double", vec![SendValue::Int(21)]).expect("no error");
//! assert!(matches!(result, SendValue::Int(42)));
//! ```

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::interp::project::Project;
use crate::interp::{report, Engine, Interp};
pub use crate::interp::{Options, Output, StdOutput};
pub use crate::runtime::array::ElementType;
pub use crate::runtime::process::SendValue;
use crate::runtime::session::Session;
pub use crate::runtime::Date;
use crate::runtime::Value;

/// Stack size of the thread a method runs on.
const METHOD_STACK: usize = 1 << 30;

/// An error a run ended with, already rendered as 4D reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunError {
    pub code: i32,
    pub message: String,
    /// The full report (location and 4D call chain).
    pub report: String,
    /// Where the error happened: the source file as shown in reports, and the 1-based line.
    pub location: Option<(String, u32)>,
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.report)
    }
}

impl std::error::Error for RunError {}

/// A mini4d runtime: the methods it can call, `Storage`, the sessions and the processes.
#[derive(Clone)]
pub struct Runtime {
    engine: Arc<Engine>,
}

impl Runtime {
    /// A runtime whose project methods are the `*.4dm` files of `dirs`.
    pub fn new(dirs: &[PathBuf], options: Options) -> Runtime {
        Runtime::with_output(dirs, options, Box::new(StdOutput))
    }

    /// Like [`Runtime::new`], writing 4D output (`LOG EVENT`, `ALERT`) to `output`.
    pub fn with_output(dirs: &[PathBuf], options: Options, output: Box<dyn Output>) -> Runtime {
        Runtime { engine: Engine::new(Project::from_dirs(dirs), options, output) }
    }

    /// A runtime with one method given as source text (handy for tests and doc examples).
    pub fn from_source(name: &str, source: &str) -> Runtime {
        let rt = Runtime::new(&[], Options::default());
        let file = rt.engine.project.add_source(&format!("{name}.4dm"), name, source.as_bytes());
        rt.engine.project.register_method(name, file);
        rt
    }

    /// The rendered errors of the project's constants files (`Resources/*.xlf`), if any: a run
    /// should not start with them, as it should not with a syntax error.
    pub fn setup_errors(&self) -> Option<String> {
        let errors = self.engine.project.constant_errors();
        (!errors.is_empty()).then(|| report::constant_errors(errors))
    }

    /// Adds a method from source text; syntax errors are returned rendered.
    pub fn add_method(&self, name: &str, display: &str, source: &[u8]) -> Result<u32, String> {
        let file = self.engine.project.add_source(display, name, source);
        self.engine.project.register_method(name, file);
        let entry = self.engine.project.file(file).ok_or("file not registered")?;
        if entry.errors.is_empty() {
            Ok(file)
        } else {
            Err(entry.errors.iter().map(|e| report::syntax_error(&entry, e)).collect())
        }
    }

    pub(crate) fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// A handle on an engine made elsewhere (the web server's).
    pub(crate) fn from_engine(engine: Arc<Engine>) -> Runtime {
        Runtime { engine }
    }

    /// Opens a session (with the given id, or a random one) and returns its id.
    pub fn open_session(&self, id: Option<&str>) -> Option<String> {
        self.engine.sessions.open(id, "standalone", "designer").map(|s| s.id.clone())
    }

    /// Closes a session; false if there was none with that id.
    pub fn close_session(&self, id: &str) -> bool {
        self.engine.sessions.close(id)
    }

    fn session(&self, id: &str) -> Result<Arc<Session>, RunError> {
        self.engine.sessions.get(id).ok_or_else(|| RunError {
            code: -1,
            message: format!("no session {id}"),
            report: format!("error: no session {id}\n"),
            location: None,
        })
    }

    /// Runs project method `name` in session `session_id`, as a new process on its own thread,
    /// and returns its result. Other processes it started keep running (see [`Runtime::wait`]).
    pub fn run_method(
        &self,
        session_id: &str,
        name: &str,
        args: Vec<SendValue>,
    ) -> Result<SendValue, RunError> {
        let name = name.to_string();
        self.run_in(session_id, &name.clone(), false, move |interp| {
            let values = args.into_iter().map(SendValue::into_value).collect();
            interp.run_method(&name, values)
        })
    }

    /// Runs the method of source file `file` (from [`Runtime::add_method`]); `make_args` builds
    /// its arguments on the process's thread. `from_main_thread`: the caller is the process's
    /// main thread, which may then run the method itself (see [`Runtime::run_in`]).
    pub(crate) fn run_file(
        &self,
        session_id: &str,
        process_name: &str,
        file: u32,
        from_main_thread: bool,
        make_args: impl FnOnce(Option<&crate::syntax::ast::Declare>) -> Result<Vec<Value>, String>
            + Send
            + 'static,
    ) -> Result<SendValue, RunError> {
        let engine = self.engine.clone();
        self.run_in(session_id, process_name, from_main_thread, move |interp| {
            let declare = engine.project.file(file).and_then(|f| f.ast.declare.clone());
            let values = make_args(declare.as_ref()).map_err(|m| {
                let mut e = crate::runtime::RtError::generic(m);
                e.component = "args".to_string();
                e
            })?;
            interp.run_file(file, values)
        })
    }

    /// Runs `body` as a new process with a [`METHOD_STACK`]-byte stack: on a thread of its own,
    /// or, when `from_main_thread` and the main thread's stack can grow that far
    /// ([`crate::runtime::guard::main_stack_can_hold`]), on the calling thread.
    fn run_in(
        &self,
        session_id: &str,
        process_name: &str,
        from_main_thread: bool,
        body: impl FnOnce(&mut Interp) -> Result<Value, crate::runtime::RtError> + Send + 'static,
    ) -> Result<SendValue, RunError> {
        let session = self.session(session_id)?;
        let engine = self.engine.clone();
        let entry = engine.processes.register(process_name, &session.id, true);
        if from_main_thread && crate::runtime::guard::main_stack_can_hold(METHOD_STACK) {
            return run_process(engine, session, entry, body);
        }
        let number = entry.number;
        let handle = std::thread::Builder::new()
            .name(format!("4D process {number}"))
            .stack_size(METHOD_STACK)
            .spawn(move || run_process(engine, session, entry, body))
            .map_err(|e| RunError {
                code: -1,
                message: e.to_string(),
                report: format!("error: {e}\n"),
                location: None,
            })?;
        handle.join().unwrap_or_else(|_| Err(internal_error()))
    }

    /// Waits for every process started by the runs to end (workers drain their mailboxes).
    pub fn wait(&self) {
        self.engine.processes.wait_all(0);
    }

    /// Whether a process other than the ones run directly ended on an uncaught error.
    pub fn had_process_errors(&self) -> bool {
        self.engine.failed.load(Ordering::Acquire)
    }

    /// Whether a process of the runtime ran `QUIT 4D`.
    pub fn quit_requested(&self) -> bool {
        self.engine.quit.load(Ordering::Acquire)
    }

    /// Like [`Runtime::had_process_errors`], and clears the flag: tells which run (of several
    /// made one after the other) left a failed process behind.
    pub fn take_process_errors(&self) -> bool {
        self.engine.failed.swap(false, Ordering::AcqRel)
    }

    /// A session's storage as JSON, or `None` for an unknown id.
    pub fn session_storage_json(&self, id: &str) -> Option<String> {
        let s = self.engine.sessions.get(id)?;
        crate::runtime::json::stringify(&Value::SharedObject(s.storage.clone()), false).ok()
    }

    /// `Storage` as JSON.
    pub fn storage_json(&self) -> String {
        crate::runtime::json::stringify(&Value::SharedObject(self.engine.storage.clone()), false)
            .unwrap_or_default()
    }

    /// Every open session id.
    pub fn session_ids(&self) -> Vec<String> {
        self.engine.sessions.all().iter().map(|s| s.id.clone()).collect()
    }
}

/// The error a run ends with when the interpreter panicked (a bug in mini4d).
fn internal_error() -> RunError {
    RunError {
        code: INTERNAL_ERROR,
        message: "internal error".to_string(),
        report: "internal error: the interpreter panicked (a bug in mini4d)\n".to_string(),
        location: None,
    }
}

/// The life of a process run by [`Runtime::run_in`], on the thread that is to run it (whose
/// stack is [`METHOD_STACK`] bytes deep): the method, then the messages sent to it as a worker.
fn run_process(
    engine: Arc<Engine>,
    session: Arc<Session>,
    entry: Arc<crate::runtime::process::ProcessEntry>,
    body: impl FnOnce(&mut Interp) -> Result<Value, crate::runtime::RtError>,
) -> Result<SendValue, RunError> {
    let number = entry.number;
    crate::runtime::guard::enter_thread(METHOD_STACK);
    let mut interp = Interp::new(engine.clone(), session, entry.clone());
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::runtime::guard::test_panic("interp");
        body(&mut interp)
    }));
    let Ok(r) = r else {
        interp.release_all_locks();
        engine.processes.finish(number);
        return Err(internal_error());
    };
    // The process is a worker: messages sent to it run after its method.
    let r = match r {
        Ok(v) => {
            let mut out = Ok(SendValue::from_value(&v));
            if let Some(mailbox) = entry.mailbox.clone() {
                mailbox.close();
                while let Some(m) = mailbox.next() {
                    if let Err(e) = interp.run_message(m) {
                        out = Err(render(&engine, &e));
                        break;
                    }
                }
            }
            out
        }
        Err(e) if e.component == "args" => Err(RunError {
            code: -1,
            message: e.message.clone(),
            report: format!("error: {}\n", e.message),
            location: None,
        }),
        Err(e) if e.is_abort() => Err(RunError {
            code: 0,
            message: e.message.clone(),
            report: "aborted: the run was stopped by ABORT\n".to_string(),
            location: None,
        }),
        Err(e) => Err(render(&engine, &e)),
    };
    interp.release_all_locks();
    engine.processes.finish(number);
    r
}

/// [`RunError::code`] of a run whose interpreter panicked.
pub const INTERNAL_ERROR: i32 = i32::MIN;

fn render(engine: &Engine, e: &crate::runtime::RtError) -> RunError {
    RunError {
        code: e.code,
        message: e.message.clone(),
        report: report::runtime_error(engine, e, None),
        location: e.location.and_then(|l| {
            let f = engine.project.file(l.file)?;
            Some((f.display.clone(), f.line_of(l.span)))
        }),
    }
}

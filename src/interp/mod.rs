//! The tree-walking interpreter: one [`Interp`] per 4D process, evaluating the resolved program
//! of [`crate::resolve`].

mod classes;
pub mod components;
pub mod convert;
mod eval;
mod exec;
mod intrinsics;
mod introspection;
mod numeric;
pub mod ops;
mod pointers;
mod processes;
mod signals;
mod transfer;
pub use processes::{PROCESS_STACK, SESSION_CLASS};
pub mod project;
pub mod repl;
pub mod report;

use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use crate::commands::Host;
use crate::resolve::ir::{Block, Method, ResultKind, VarType};
use crate::resolve::{self, Names};
use crate::runtime::error::Frame as ChainFrame;
use crate::runtime::process::{ProcessEntry, ProcessTable};
use crate::runtime::session::{Session, SessionRegistry};
use crate::runtime::{ErrorKind, RtError, Value};
use crate::syntax::ast::Span;
use project::Project;

/// Why evaluation stopped early: an error or a control signal (`return`, `ABORT`, `QUIT 4D`).
///
/// One machine word, so that [`Flow<Value>`] is 16 bytes, the size of a value, instead of 24:
/// every `eval` result is that much smaller to write and copy (a test asserts the sizes). The
/// word is either an owned `Box<RtError>` or one of three small sentinel addresses that no
/// allocation of an 8-aligned `RtError` can have.
pub struct Unwind(std::ptr::NonNull<RtError>);

/// What an [`Unwind`] carries, taken apart for matching.
pub enum Cause {
    Error(Box<RtError>),
    /// `return`: leaves the current method.
    Return,
    /// `ABORT`: leaves the whole process.
    Abort,
    /// `QUIT 4D`.
    Quit,
    /// `break`: leaves the innermost loop.
    Break,
    /// `continue`: the next iteration of the innermost loop.
    Continue,
}

const RETURN_BITS: usize = 1;
const ABORT_BITS: usize = 2;
const QUIT_BITS: usize = 3;
const BREAK_BITS: usize = 4;
const CONTINUE_BITS: usize = 5;

impl Unwind {
    pub const RETURN: Unwind = Unwind::signal(RETURN_BITS);
    pub const ABORT: Unwind = Unwind::signal(ABORT_BITS);
    pub const QUIT: Unwind = Unwind::signal(QUIT_BITS);
    pub const BREAK: Unwind = Unwind::signal(BREAK_BITS);
    pub const CONTINUE: Unwind = Unwind::signal(CONTINUE_BITS);

    const fn signal(bits: usize) -> Unwind {
        assert!(bits != 0);
        // SAFETY: `bits` is non-zero (asserted at compile time: only called in constants). The
        // pointer is never dereferenced: `as_error` and `Drop` recognise the sentinel values.
        Unwind(unsafe { std::ptr::NonNull::new_unchecked(bits as *mut RtError) })
    }

    pub fn error(e: Box<RtError>) -> Unwind {
        Unwind(std::ptr::NonNull::from(Box::leak(e)))
    }

    fn bits(&self) -> usize {
        self.0.as_ptr() as usize
    }

    /// How a loop goes on after its body unwound with `self`: `Ok(true)` next iteration
    /// (`continue`), `Ok(false)` leave the loop (`break`), `Err` anything else.
    #[inline]
    pub fn loop_exit(self) -> Result<bool, Unwind> {
        match self.bits() {
            CONTINUE_BITS => Ok(true),
            BREAK_BITS => Ok(false),
            _ => Err(self),
        }
    }

    /// Whether this is an error (not `return`, `break`, `continue`, `ABORT` or `QUIT 4D`).
    #[inline(always)]
    pub fn is_error(&self) -> bool {
        self.bits() > CONTINUE_BITS
    }

    /// Whether this is `return` leaving a method.
    pub fn is_return(&self) -> bool {
        self.bits() == RETURN_BITS
    }

    /// The error, when this is one.
    pub fn as_error(&self) -> Option<&RtError> {
        match self.bits() {
            RETURN_BITS | ABORT_BITS | QUIT_BITS | BREAK_BITS | CONTINUE_BITS => None,
            // SAFETY: any other value came from `Box::leak` in `Unwind::error` and is still owned.
            _ => Some(unsafe { self.0.as_ref() }),
        }
    }

    /// Takes the unwind apart.
    pub fn into_cause(self) -> Cause {
        let me = std::mem::ManuallyDrop::new(self);
        match me.bits() {
            RETURN_BITS => Cause::Return,
            ABORT_BITS => Cause::Abort,
            QUIT_BITS => Cause::Quit,
            BREAK_BITS => Cause::Break,
            CONTINUE_BITS => Cause::Continue,
            // SAFETY: the pointer came from `Box::leak` and ownership moves back into the Box
            // (`me` is never dropped).
            _ => Cause::Error(unsafe { Box::from_raw(me.0.as_ptr()) }),
        }
    }
}

impl Drop for Unwind {
    fn drop(&mut self) {
        if self.as_error().is_some() {
            // SAFETY: an error pointer owns its Box (see `Unwind::error`); dropped exactly once.
            drop(unsafe { Box::from_raw(self.0.as_ptr()) });
        }
    }
}

impl From<RtError> for Unwind {
    fn from(e: RtError) -> Unwind {
        Unwind::error(Box::new(e))
    }
}

impl From<Cause> for Unwind {
    fn from(c: Cause) -> Unwind {
        match c {
            Cause::Error(e) => Unwind::error(e),
            Cause::Return => Unwind::RETURN,
            Cause::Abort => Unwind::ABORT,
            Cause::Quit => Unwind::QUIT,
            Cause::Break => Unwind::BREAK,
            Cause::Continue => Unwind::CONTINUE,
        }
    }
}

pub type Flow<T> = Result<T, Unwind>;

/// Where a process writes: the real stdout/stderr, or buffers for embedding and tests.
pub trait Output: Send + Sync {
    fn stdout(&self, text: &str);
    fn stderr(&self, text: &str);
}

/// Standard output and error of the OS process.
pub struct StdOutput;

impl Output for StdOutput {
    fn stdout(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
    fn stderr(&self, text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

/// Settings of a runtime, fixed when it is created ([`crate::embed::Runtime::new`]).
///
/// `Options::default()` is what an embedding host usually wants: no step or time limit, a call
/// depth of 2000, and every access outside the process (files, programs, network, environment)
/// refused. Change single fields with struct update syntax:
/// `Options { max_steps: Some(1_000_000), ..Options::default() }`.
///
/// The memory limit is not here: it is process-wide and needs the counting allocator, see
/// [`crate::memory`].
#[derive(Clone)]
pub struct Options {
    /// What `Get database parameter(User param value; $t)` returns. Default: empty.
    pub user_param: String,
    /// Deepest nesting of method and function calls; one more call fails with 4D's "stack
    /// full" error instead of overflowing the thread's stack. Default: 2000.
    pub max_call_depth: usize,
    /// Stop a process with an error after this many statements (the command line's
    /// `--max-steps`); counted per process. Default: `None`, no limit.
    pub max_steps: Option<u64>,
    /// Stop every process with an error at this instant (the command line's `--timeout`).
    /// Default: `None`, no limit.
    pub deadline: Option<Instant>,
    /// Whether the main process frees its outermost method's variables when that method ends.
    /// The command line turns it off: the OS process ends right after, and freeing a large
    /// collection object by object can take longer than building it. Default: `true` (a host
    /// keeps running, so it wants the memory back).
    pub free_main_locals: bool,
    /// The project's name, as `Call chain` reports it (`database`). Default: empty.
    pub database_name: String,
    /// The permission gate: what scripts may reach outside (files, programs, network,
    /// environment), and the folders of the run (`/PACKAGE/`, `/DATA/`, `/LOGS/`…). Default:
    /// [`crate::permissions::Gate::deny_all`]; build another with
    /// `Gate::new(Policy::…, Folders::…)`.
    pub permissions: Arc<crate::permissions::Gate>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            user_param: String::new(),
            max_call_depth: 2000,
            max_steps: None,
            deadline: None,
            free_main_locals: true,
            database_name: String::new(),
            permissions: Arc::new(crate::permissions::Gate::deny_all()),
        }
    }
}

/// What every process of a run shares.
pub struct Engine {
    pub project: Project,
    /// The `Storage` object.
    pub storage: Arc<crate::runtime::shared::SharedObject>,
    pub sessions: SessionRegistry,
    pub processes: ProcessTable,
    /// Interprocess variables (`<>name`), copied in and out like process parameters.
    pub interprocess: parking_lot::Mutex<HashMap<String, crate::runtime::process::SendValue>>,
    /// Set when any process ended on an uncaught error.
    pub failed: std::sync::atomic::AtomicBool,
    /// Set by `QUIT 4D`: a project run then goes straight to `On Exit`.
    pub quit: std::sync::atomic::AtomicBool,
    pub options: Options,
    pub output: Box<dyn Output>,
    pub started: Instant,
    /// Instances of shared singleton classes, by class name (one for all processes).
    pub singletons: parking_lot::Mutex<HashMap<String, Arc<crate::runtime::shared::SharedObject>>>,
    /// The class objects (`cs.Name`, `4D.Name`), by class key (`4D.Name` for a built-in class):
    /// shared objects, one per class for every process, as in 4D.
    pub class_objects:
        parking_lot::Mutex<HashMap<String, Arc<crate::runtime::shared::SharedObject>>>,
    /// `ON ERR CALL(method; ek global)` and `(method; ek errors from components)`: the
    /// handlers of every process (a process's own `ek local` handler comes first).
    pub error_handlers: parking_lot::Mutex<[Option<String>; 2]>,
    /// Method attributes changed by `METHOD SET ATTRIBUTE(S)` during the run, by lower-case
    /// method name, as JSON text (the `.4dm` files are never rewritten).
    pub method_attributes: parking_lot::Mutex<HashMap<String, String>>,
    /// `ON ERR CALL(…; ek global)` installed by components' code, by module.
    pub component_error_handlers: parking_lot::Mutex<HashMap<u32, String>>,
    /// Database parameters set by `SET DATABASE PARAMETER` for every process.
    pub db_params: parking_lot::Mutex<HashMap<i32, crate::commands::dbparams::DbParam>>,
    /// The web server `mini4d serve` runs for this engine (none under `run` and `test`).
    pub web_server: std::sync::OnceLock<crate::commands::webserver::WebServerInfo>,
}

impl Engine {
    pub fn new(project: Project, options: Options, output: Box<dyn Output>) -> Arc<Engine> {
        Arc::new(Engine {
            project,
            options,
            output,
            storage: crate::runtime::shared::SharedObject::new(
                crate::runtime::shared::SharedRoot::Storage,
            ),
            sessions: SessionRegistry::default(),
            processes: ProcessTable::default(),
            failed: std::sync::atomic::AtomicBool::new(false),
            quit: std::sync::atomic::AtomicBool::new(false),
            interprocess: parking_lot::Mutex::new(HashMap::new()),
            started: Instant::now(),
            singletons: parking_lot::Mutex::new(HashMap::new()),
            class_objects: parking_lot::Mutex::new(HashMap::new()),
            error_handlers: parking_lot::Mutex::new([None, None]),
            method_attributes: parking_lot::Mutex::new(HashMap::new()),
            component_error_handlers: parking_lot::Mutex::new(HashMap::new()),
            db_params: parking_lot::Mutex::new(HashMap::new()),
            web_server: std::sync::OnceLock::new(),
        })
    }
}

/// One entry of the process's method table.
struct MethodSlot {
    name: String,
    code: Option<Rc<Method>>,
    /// Its compiled form when it only computes with numbers (see [`numeric`]).
    num: numeric::NumState,
}

/// A call frame.
struct Frame {
    method: Rc<Method>,
    base: usize,
    /// Unique within the process (wrapping): tells a pointer to a local whether the call it
    /// was made in is still running.
    serial: u32,
    argc: usize,
    /// Arguments beyond the declared parameters (reached with `${N}`).
    extra: Vec<Value>,
    this: Value,
    /// The caller's statement at the time of the call (for the call chain).
    caller_span: Span,
}

/// One 4D process: its call stack, process variables and error-handling state.
pub struct Interp {
    pub engine: Arc<Engine>,
    /// The session this process runs in.
    pub session: Arc<Session>,
    /// This process's entry in the process table.
    pub process: Arc<ProcessEntry>,
    methods: Vec<MethodSlot>,
    method_ids: HashMap<String, u32>,
    pvar_ids: HashMap<String, u32>,
    pvars: Vec<Value>,
    pvar_types: Vec<VarType>,
    stack: Vec<Value>,
    frames: Vec<Frame>,
    /// Base of the current frame in `stack` (cached from `frames`).
    base: usize,
    /// `Last errors`: the errors of the latest failure.
    last_errors: Vec<RtError>,
    /// `ON ERR CALL(…; ek local)` of this process, by module (the host is 0): a component's
    /// handler is called only for its own errors, the host's only for the host's.
    error_handler: HashMap<u32, String>,
    in_error_handler: bool,
    try_depth: u32,
    /// Emptied argument vectors of finished command and member calls, reused by the next
    /// call: no allocation per call.
    arg_pool: Vec<Vec<Value>>,
    assert_enabled: bool,
    steps: u64,
    /// `steps` value at which the limits are next checked.
    next_check: u64,
    /// The statement being executed in the innermost frame.
    cur_span: Span,
    /// Groups locked by this process's open `Use` blocks, innermost last.
    held: Vec<processes::HeldLock>,
    /// This thread's stack guard address (see `runtime::guard`), read once.
    stack_limit: usize,
    /// Classes loaded by this process, class stores and process singletons.
    classes: classes::ClassState,
    /// Serial number of the latest call frame (see `Frame::serial`).
    frame_serial: u32,
    /// Nesting level of `START TRANSACTION` (a run has no datastore: nothing to roll back).
    transaction_level: u32,
    /// This process's own time limit (a web request's), besides `--timeout`.
    deadline: Option<Instant>,
    /// Database parameters of process scope set by this process (`Dates inside objects`…).
    db_params: HashMap<i32, crate::commands::dbparams::DbParam>,
    /// The value of the `return expr` being executed, from the `return` statement to the end
    /// of its method's frame (one slot for the process: nothing runs in between).
    ret: Value,
    /// `Options::max_call_depth`, read once.
    max_depth: usize,
    /// The `f64` slots of running compiled numeric methods (see [`numeric`]).
    num_stack: Vec<f64>,
    /// Non-zero while a compiled call that bailed out runs again on the general path: its
    /// calls are not run compiled.
    numeric_off: u32,
}

impl Interp {
    /// An interpreter for a process already registered in `engine`'s table; it must run on the
    /// thread that calls this (the process number is bound to the thread).
    pub fn new(engine: Arc<Engine>, session: Arc<Session>, process: Arc<ProcessEntry>) -> Interp {
        crate::runtime::shared::set_current_process(process.number);
        let engine_max_depth = engine.options.max_call_depth;
        Interp {
            engine,
            session,
            process,
            methods: Vec::new(),
            method_ids: HashMap::new(),
            pvar_ids: HashMap::new(),
            pvars: Vec::new(),
            pvar_types: Vec::new(),
            stack: Vec::with_capacity(256),
            frames: Vec::new(),
            base: 0,
            last_errors: Vec::new(),
            error_handler: HashMap::new(),
            in_error_handler: false,
            try_depth: 0,
            arg_pool: Vec::new(),
            assert_enabled: true,
            steps: 0,
            next_check: 0,
            cur_span: Span::default(),
            held: Vec::new(),
            stack_limit: crate::runtime::guard::stack_limit(),
            classes: classes::ClassState::default(),
            frame_serial: 0,
            transaction_level: 0,
            deadline: None,
            db_params: HashMap::new(),
            ret: Value::Undefined,
            max_depth: engine_max_depth,
            num_stack: Vec::new(),
            numeric_off: 0,
        }
    }

    /// Makes this interpreter serve one more web request as a fresh web process: the new
    /// process entry and session, process variables back to their declared defaults, no error
    /// handler, no process singletons; resolved code stays cached (the point of reusing it).
    pub fn begin_web_request(
        &mut self,
        session: Arc<Session>,
        process: Arc<ProcessEntry>,
        deadline: Option<Instant>,
    ) {
        crate::runtime::shared::set_current_process(process.number);
        self.session = session;
        self.process = process;
        for (v, &ty) in self.pvars.iter_mut().zip(&self.pvar_types) {
            *v = convert::default_for(ty);
        }
        self.last_errors.clear();
        self.error_handler.clear();
        self.in_error_handler = false;
        self.try_depth = 0;
        self.assert_enabled = true;
        self.classes.clear_process_singletons();
        self.deadline = deadline;
        self.next_check = self.steps;
    }

    /// The earliest of `--timeout` and this process's own limit.
    pub(crate) fn effective_deadline(&self) -> Option<Instant> {
        match (self.engine.options.deadline, self.deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Runs the method in file `file` with `args`. Uncaught errors come back as `Err`.
    pub fn run_file(&mut self, file: u32, args: Vec<Value>) -> Result<Value, RtError> {
        let entry =
            self.engine.project.file(file).ok_or_else(|| RtError::generic("no such file"))?;
        let saved = std::mem::replace(&mut self.classes.resolving_module, entry.module);
        let method =
            Rc::new(resolve::resolve_method(&entry.method, file, &entry.text, &entry.ast, self));
        self.classes.resolving_module = saved;
        self.run_top(method, args)
    }

    /// Runs project method `name` with `args`.
    pub fn run_method(&mut self, name: &str, args: Vec<Value>) -> Result<Value, RtError> {
        let id = self.method_id(name).or_else(|| self.any_method_id(name)).ok_or_else(|| {
            RtError::new(ErrorKind::MethodNotFound, format!("the method `{name}` was not found"))
        })?;
        let method = match self.method_code(id) {
            Ok(m) => m,
            Err(u) => match u.into_cause() {
                Cause::Error(e) => return Err(*e),
                _ => return Ok(Value::Undefined),
            },
        };
        self.run_top(method, args)
    }

    /// Runs `source` (a formula's text sent from another process) as a method body.
    pub fn run_source(&mut self, source: &str, args: Vec<Value>) -> Result<Value, RtError> {
        let file = self.engine.project.add_source("<formula>", "Formula", source.as_bytes());
        self.run_file(file, args)
    }

    /// Releases every `Use` lock this process still holds (when it ends).
    pub fn release_all_locks(&mut self) {
        let me = self.process.number;
        while let Some(g) = self.held.pop() {
            g.unlock(me);
        }
    }

    fn run_top(&mut self, method: Rc<Method>, args: Vec<Value>) -> Result<Value, RtError> {
        match self.call(method, args, Value::Undefined, Span::default()) {
            Ok(v) => Ok(v),
            Err(u) => match u.into_cause() {
                Cause::Error(e) => Err(*e),
                Cause::Abort => Err(RtError::new(ErrorKind::Generic, "ABORT").with_abort()),
                Cause::Return | Cause::Quit | Cause::Break | Cause::Continue => {
                    Ok(Value::Undefined)
                }
            },
        }
    }

    /// The resolved code of method `id`, resolving it on first use.
    #[inline]
    fn method_code(&mut self, id: u32) -> Flow<Rc<Method>> {
        match self.methods.get(id as usize) {
            Some(MethodSlot { code: Some(code), .. }) => Ok(code.clone()),
            _ => self.load_method_code(id),
        }
    }

    #[inline(never)]
    fn load_method_code(&mut self, id: u32) -> Flow<Rc<Method>> {
        let name = self.methods.get(id as usize).map(|m| m.name.clone()).unwrap_or_default();
        let file = match self.engine.project.load_method(&name) {
            Ok(Some(f)) => f,
            Ok(None) => {
                return Err(RtError::new(
                    ErrorKind::MethodNotFound,
                    format!("the method `{name}` was not found"),
                )
                .into())
            }
            Err(msg) => return Err(RtError::new(ErrorKind::MethodNotFound, msg).into()),
        };
        let entry = self
            .engine
            .project
            .file(file)
            .ok_or_else(|| RtError::new(ErrorKind::MethodNotFound, name.clone()))?;
        if let Some(err) = entry.errors.first() {
            return Err(RtError::generic(format!(
                "the method `{}` has a syntax error at line {}: {}",
                entry.method,
                entry.line_of(err.span),
                err.message
            ))
            .at(file, err.span)
            .into());
        }
        let saved = std::mem::replace(&mut self.classes.resolving_module, entry.module);
        let code =
            Rc::new(resolve::resolve_method(&entry.method, file, &entry.text, &entry.ast, self));
        self.classes.resolving_module = saved;
        if let Some(slot) = self.methods.get_mut(id as usize) {
            slot.code = Some(code.clone());
        }
        Ok(code)
    }

    /// Calls a resolved method: binds arguments to parameters (converting them to the
    /// declared types), runs the body, and returns the result.
    fn call(
        &mut self,
        method: Rc<Method>,
        args: Vec<Value>,
        this: Value,
        call_span: Span,
    ) -> Flow<Value> {
        self.call_with(method, args, this, call_span, &[])
    }

    /// [`Interp::call`] with some slots preset (a formula's captured locals).
    fn call_with(
        &mut self,
        method: Rc<Method>,
        mut args: Vec<Value>,
        this: Value,
        call_span: Span,
        preset: &[(u32, Value)],
    ) -> Flow<Value> {
        self.check_depth()?;
        let _ = call_span;
        let base = self.stack.len();
        for &ty in &method.slot_types {
            self.stack.push(convert::default_for(ty));
        }
        for (slot, v) in preset {
            if let Some(cell) = self.stack.get_mut(base + *slot as usize) {
                *cell = v.clone();
            }
        }
        let argc = args.len();
        let mut extra = Vec::new();
        // (Drained, not consumed: the vector goes back to the argument pool.)
        for (i, arg) in args.drain(..).enumerate() {
            if let Some(p) = method.params.get(i) {
                match convert::coerce(p.ty, arg) {
                    Ok(v) => self.stack[base + p.slot as usize] = v,
                    Err(v) => {
                        self.stack.truncate(base);
                        return Err(param_error(&method, i, p.ty, &v));
                    }
                }
            } else {
                let arg = match method.variadic {
                    Some(ty) => match convert::coerce(ty, arg) {
                        Ok(v) => v,
                        Err(v) => {
                            self.stack.truncate(base);
                            return Err(param_error(&method, i, ty, &v));
                        }
                    },
                    None => arg,
                };
                extra.push(arg);
            }
        }
        self.give_arg_vec(args);
        self.enter(method, base, argc, extra, this)
    }

    /// Fails with "stack full" when one more call would pass `--max-depth`.
    #[inline]
    pub(super) fn check_depth(&self) -> Flow<()> {
        if crate::runtime::guard::stack_exhausted_below(self.stack_limit) {
            return Err(RtError::new(
                ErrorKind::StackFull,
                format!(
                    "stack full: {} nested method calls used up the process's stack",
                    self.frames.len()
                ),
            )
            .into());
        }
        if self.frames.len() >= self.max_depth {
            return Err(RtError::new(
                ErrorKind::StackFull,
                format!(
                    "stack full: more than {} nested method calls",
                    self.engine.options.max_call_depth
                ),
            )
            .into());
        }
        Ok(())
    }

    /// Runs `method` in a frame whose slots are already on the stack from `base`.
    ///
    /// Inlined so that the frame is built in place from the caller's values (a plain method
    /// call passes constants for `extra` and `this`).
    #[inline(always)]
    pub(super) fn enter(
        &mut self,
        method: Rc<Method>,
        base: usize,
        argc: usize,
        extra: Vec<Value>,
        this: Value,
    ) -> Flow<Value> {
        self.frame_serial = self.frame_serial.wrapping_add(1);
        let body: *const Block = &method.body;
        let result = method.result;
        self.frames.push(Frame {
            method,
            base,
            serial: self.frame_serial,
            argc,
            extra,
            this,
            caller_span: self.cur_span,
        });
        // SAFETY: `body` points into the method the frame just pushed holds (an `Rc`, so the
        // method stays where it is however the frame vector grows); run_frame pops that frame
        // only after the body has run.
        self.run_frame(unsafe { &*body }, result, base)
    }

    /// Runs the body of the frame [`Interp::enter`] just pushed, pops it, and returns the
    /// method's result.
    #[inline(never)]
    fn run_frame(&mut self, body: &Block, result: ResultKind, base: usize) -> Flow<Value> {
        let saved_base = self.base;
        let caller_span = self.cur_span;
        self.base = base;
        let outcome = self.exec_block(body);
        // Take the returned value out of the frame and drop the frame where it lies (moving a
        // whole frame out of the vector costs more than the call itself).
        let ret = std::mem::take(&mut self.ret);
        self.frames.truncate(self.frames.len().saturating_sub(1));
        self.base = saved_base;
        self.cur_span = caller_span;
        let result = match outcome {
            Err(u) if !u.is_return() => Err(u),
            _ => Ok(match result {
                ResultKind::Slot(s) => std::mem::take(&mut self.stack[base + s as usize]),
                ResultKind::Returned(ty) => convert::coerce(ty, ret).unwrap_or_default(),
                ResultKind::None => ret,
            }),
        };
        if self.frames.is_empty()
            && !self.engine.options.free_main_locals
            && self.process.number == 1
        {
            // The run is ending (see `Options::free_main_locals`): the OS takes the memory back.
            self.stack.drain(base..).for_each(std::mem::forget);
        }
        self.stack.truncate(base);
        result
    }

    /// Keeps the value of `return expr` for [`Interp::run_frame`].
    #[inline]
    pub(super) fn set_returned(&mut self, v: Value) {
        // The slot is empty here (run_frame takes it): no drop to run.
        if self.ret.is_undefined() {
            // (An Undefined value owns nothing: forgetting it skips the drop call.)
            std::mem::forget(std::mem::replace(&mut self.ret, v));
        } else {
            self.ret = v;
        }
    }

    /// Counts a statement against `--max-steps` / `--timeout` (one comparison per statement;
    /// the limits themselves are looked at every 1024 statements, or exactly at `--max-steps`).
    #[inline(always)]
    fn tick(&mut self) -> Flow<()> {
        self.steps += 1;
        if self.steps >= self.next_check || crate::runtime::memory::over_limit() {
            return self.check_limits();
        }
        Ok(())
    }

    #[cold]
    fn check_limits(&mut self) -> Flow<()> {
        let opts = &self.engine.options;
        if crate::runtime::memory::over_limit() && crate::runtime::memory::still_over() {
            let mb = crate::runtime::memory::limit() >> 20;
            return Err(RtError::new(
                ErrorKind::LimitExceeded,
                format!("the run used more than --max-memory ({mb} MB)"),
            )
            .into());
        }
        if self.steps < self.next_check {
            return Ok(());
        }
        if opts.max_steps.is_some_and(|m| self.steps > m) {
            return Err(
                RtError::new(ErrorKind::LimitExceeded, "the run exceeded --max-steps").into()
            );
        }
        if opts.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(RtError::new(ErrorKind::LimitExceeded, "the run exceeded --timeout").into());
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(RtError::new(
                ErrorKind::LimitExceeded,
                "the request exceeded its time limit (--request-timeout)",
            )
            .into());
        }
        let next = self.steps + 1024;
        self.next_check = match opts.max_steps {
            Some(m) if m + 1 < next => m + 1,
            _ => next,
        };
        Ok(())
    }

    fn current_file(&self) -> u32 {
        self.frames.last().map(|f| f.method.file).unwrap_or(u32::MAX)
    }

    /// Fills in where an error happened and the 4D call chain, if not done yet.
    fn locate(&self, mut e: RtError, span: Span) -> RtError {
        if e.location.is_none() {
            e = e.at(self.current_file(), span);
        }
        if e.frames.is_empty() {
            // Each frame is at the statement that made the next call; the innermost at `cur_span`.
            e.frames = self
                .frames
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let span =
                        self.frames.get(i + 1).map_or(self.cur_span, |next| next.caller_span);
                    let line = self
                        .engine
                        .project
                        .file(f.method.file)
                        .map(|s| s.line_of(span))
                        .unwrap_or(0);
                    ChainFrame { method: f.method.name.clone(), line }
                })
                .collect();
            // The innermost frame's line is where the error is, even when it was raised while
            // moving between statements (a loop header).
            if let (Some(loc), Some(last)) = (e.location, e.frames.last_mut()) {
                if loc.file == self.current_file() {
                    if let Some(f) = self.engine.project.file(loc.file) {
                        last.line = f.line_of(loc.span);
                    }
                }
            }
        }
        e
    }

    /// Records `e` as the current error (for `Last errors` and the `Error` system variables).
    fn record_error(&mut self, e: &RtError) {
        // The same error passing up through each calling method: recorded once (cloning its
        // call chain at every level would be quadratic in the call depth).
        let same = matches!(self.last_errors.as_slice(), [last] if last.code == e.code
                && last.location == e.location
                && last.frames.len() == e.frames.len()
                && last.message == e.message
                && last.thrown.is_none()
                && e.thrown.is_none());
        if !same {
            self.last_errors = vec![e.clone()];
        }
        let code = e.code;
        self.set_system_var("error", Value::Int(code));
        let method = e.frames.last().map(|f| f.method.clone()).unwrap_or_default();
        let line = e.frames.last().map(|f| f.line).unwrap_or(0);
        self.set_system_var("error method", Value::text(method));
        self.set_system_var("error line", Value::Int(line as i32));
        let formula = e
            .location
            .and_then(|loc| {
                let f = self.engine.project.file(loc.file)?;
                let start = f.text[..(loc.span.start as usize).min(f.text.len())]
                    .rfind(['\n', '\r'])
                    .map_or(0, |p| p + 1);
                let end = f.text[start..].find(['\n', '\r']).map_or(f.text.len(), |p| start + p);
                f.text.get(start..end).map(|t| t.trim().to_string())
            })
            .unwrap_or_default();
        self.set_system_var("error formula", Value::text(formula));
    }

    fn set_system_var(&mut self, name: &str, v: Value) {
        let i = self.process_var(name) as usize;
        self.pvars[i] = v;
    }
}

/// The error for an argument that does not convert to its parameter's declared type.
pub(super) fn param_error(method: &Method, i: usize, ty: VarType, v: &Value) -> Unwind {
    let name = method.params.get(i).map_or_else(|| (i + 1).to_string(), |p| p.name.clone());
    RtError::type_mismatch(format!(
        "parameter ${name} of `{}` is declared {} but received {}",
        method.name,
        ty.name(),
        v.kind_name()
    ))
    .into()
}

impl RtError {
    fn with_abort(mut self) -> RtError {
        self.kind = ErrorKind::Generic;
        self.message = "execution aborted by ABORT".to_string();
        self.component = "ABORT".to_string();
        self
    }

    /// Whether this error stands for an `ABORT` that left the process.
    pub fn is_abort(&self) -> bool {
        self.component == "ABORT"
    }
}

impl Interp {
    /// A method by name for code run from another process or by name (`CALL WORKER`,
    /// `New process`): the module of the caller is not known, so any module's method serves.
    fn any_method_id(&mut self, name: &str) -> Option<u32> {
        let key = self.engine.project.any_method_key(name)?;
        Some(self.method_slot(key, name))
    }

    fn method_slot(&mut self, key: String, name: &str) -> u32 {
        if let Some(&id) = self.method_ids.get(&key) {
            return id;
        }
        let id = self.methods.len() as u32;
        self.methods.push(MethodSlot { name: key.clone(), code: None, num: Default::default() });
        self.method_ids.insert(key, id);
        let _ = name;
        id
    }
}

impl Names for Interp {
    fn method_id(&mut self, name: &str) -> Option<u32> {
        if self.engine.project.has_components() {
            let key = self.engine.project.method_key(self.classes.resolving_module, name)?;
            return Some(self.method_slot(key, name));
        }
        let key = name.to_lowercase();
        if let Some(&id) = self.method_ids.get(&key) {
            return Some(id);
        }
        if !self.engine.project.has_method(&key) {
            return None;
        }
        let id = self.methods.len() as u32;
        self.methods.push(MethodSlot {
            name: name.to_string(),
            code: None,
            num: Default::default(),
        });
        self.method_ids.insert(key, id);
        Some(id)
    }

    fn process_var(&mut self, name: &str) -> u32 {
        let mut key = name.to_lowercase();
        // A component's process variables are its own (develop-components.md); the system
        // variables (`OK`, `Document`…) that commands set are the process's.
        let module = self.classes.resolving_module;
        if module != 0 && !components::is_system_variable(&key) {
            key = components::key(module, &key);
        }
        if let Some(&i) = self.pvar_ids.get(&key) {
            return i;
        }
        let i = self.pvars.len() as u32;
        self.pvars.push(Value::Undefined);
        self.pvar_types.push(VarType::Variant);
        self.pvar_ids.insert(key, i);
        i
    }

    fn method_names(&self) -> Vec<String> {
        self.engine.project.method_names_as_written()
    }

    fn declare_process_var(&mut self, index: u32, ty: VarType) {
        if let Some(t) = self.pvar_types.get_mut(index as usize) {
            if *t == VarType::Variant {
                *t = ty;
                self.pvars[index as usize] = convert::default_for(ty);
            }
        }
    }
}

impl Host for Interp {
    fn interp(&mut self) -> Option<&mut Interp> {
        Some(self)
    }

    fn call(&mut self, function: &Value, args: Vec<Value>) -> Result<Value, RtError> {
        self.call_on(function, Value::Undefined, args)
    }

    fn call_on(
        &mut self,
        function: &Value,
        this: Value,
        args: Vec<Value>,
    ) -> Result<Value, RtError> {
        match self.call_value(function, this, args, Span::default()) {
            Ok(v) => Ok(v),
            Err(u) => match u.into_cause() {
                Cause::Error(e) => Err(*e),
                Cause::Abort => Err(RtError::generic("execution aborted by ABORT").with_abort()),
                _ => Ok(Value::Undefined),
            },
        }
    }

    fn member(&mut self, obj: &crate::runtime::ObjRef, name: &str) -> Value {
        match obj.get_str(name) {
            Value::Undefined => {
                let key = crate::runtime::Key::new(name);
                self.class_member(&Value::Object(obj.clone()), &key, Span::default())
                    .unwrap_or(Value::Undefined)
            }
            v => v,
        }
    }

    fn write_stdout(&mut self, text: &str) {
        self.engine.output.stdout(text);
    }

    fn write_stderr(&mut self, text: &str) {
        self.engine.output.stderr(text);
    }

    fn set_ok(&mut self, ok: bool) {
        self.set_system_var("ok", Value::Int(ok as i32));
    }

    fn deref(&mut self, pointer: &Value) -> Result<Value, RtError> {
        self.deref_value(pointer, Span::default()).map_err(unwind_to_error)
    }

    fn assign_through(&mut self, pointer: &Value, value: Value) -> Result<(), RtError> {
        match pointer {
            Value::Pointer(p) => {
                let p = p.clone();
                Interp::assign_through(self, &p, value, Span::default()).map_err(unwind_to_error)
            }
            v => Err(RtError::type_mismatch(format!(
                "a pointer was expected, not {}",
                v.kind_name()
            ))),
        }
    }

    fn pointer_to(&mut self, name: &str) -> Value {
        self.pointer_to_name(name)
    }

    fn gate(&self) -> &crate::permissions::Gate {
        &self.engine.options.permissions
    }

    fn set_system_variable(&mut self, name: &str, value: Value) {
        self.set_system_var(name, value);
    }
}

/// An unwind that reached a command as an error.
fn unwind_to_error(u: Unwind) -> RtError {
    match u.into_cause() {
        Cause::Error(e) => *e,
        _ => RtError::generic("execution aborted"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `eval` returns a `Flow<Value>`: an 8-byte `Unwind` lets it share the value's
    /// 16 bytes instead of growing to 24.
    #[test]
    fn unwind_is_one_word_and_flow_fits_a_value() {
        assert_eq!(std::mem::size_of::<Unwind>(), 8);
        assert_eq!(std::mem::size_of::<Flow<Value>>(), 16);
        assert_eq!(std::mem::size_of::<Flow<()>>(), 8);
    }

    #[test]
    fn unwind_round_trips_its_cause() {
        assert!(Unwind::RETURN.is_return());
        assert!(Unwind::ABORT.as_error().is_none());
        assert!(matches!(Unwind::QUIT.into_cause(), Cause::Quit));
        let u = Unwind::from(RtError::generic("boom"));
        assert_eq!(u.as_error().map(|e| e.message.as_str()), Some("boom"));
        match u.into_cause() {
            Cause::Error(e) => assert_eq!(e.message, "boom"),
            _ => panic!("expected an error"),
        }
    }
}

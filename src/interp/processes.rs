//! Sessions and processes as seen from 4D code: `Session`, `Session storage`, `Process info`,
//! `New process`, `CALL WORKER`, … and the waiting side of `Use` (with deadlock detection).

use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use super::{Engine, Flow, Interp, Unwind};
use crate::commands::Args;
use crate::native::NativeClass;
use crate::resolve::ir::{Expr, Intrinsic};
use crate::runtime::process::{self, Message, ProcessEntry, SendValue};
use crate::runtime::session::Session;
use crate::runtime::shared::{Group, SharedCollection, SharedObject};
use crate::runtime::value::Function;
use crate::runtime::{CollRef, ErrorKind, ObjRef, RtError, Value};
use crate::syntax::ast::Span;

/// Stack size of every process thread.
pub const PROCESS_STACK: usize = 256 << 20;

/// How often a waiting `Use` re-checks for a deadlock.
const DEADLOCK_POLL: Duration = Duration::from_millis(20);

/// A function implemented in Rust (members of `Session` objects).
pub(super) struct NativeFunction(pub fn(&mut Interp, &Value, Vec<Value>) -> Flow<Value>);

/// A group locked by one of this process's open `Use` blocks (or a shared class function).
///
/// `Use ($s)` keeps the evaluated object rather than a new reference to its group: the object
/// keeps both of its groups alive ([`crate::runtime::shared::GroupCell`]), and `bool` says which
/// one was locked, so End use unlocks that one even if the object joined another group since.
pub(crate) enum HeldLock {
    Group(Arc<Group>),
    Object(Arc<SharedObject>, bool),
    Collection(Arc<SharedCollection>, bool),
}

impl std::ops::Deref for HeldLock {
    type Target = Arc<Group>;
    #[inline]
    fn deref(&self) -> &Arc<Group> {
        match self {
            HeldLock::Group(g) => g,
            HeldLock::Object(o, joined) => o.group.slot(*joined),
            HeldLock::Collection(c, joined) => c.group.slot(*joined),
        }
    }
}

impl From<Arc<Group>> for HeldLock {
    fn from(g: Arc<Group>) -> HeldLock {
        HeldLock::Group(g)
    }
}

impl Interp {
    pub(super) fn process_intrinsic(
        &mut self,
        which: Intrinsic,
        args: &[Expr],
        star: bool,
        span: Span,
    ) -> Flow<Value> {
        use Intrinsic::*;
        let vals = self.eval_all(args)?;
        let file = self.current_file();
        let fail = |e: RtError| -> Unwind { e.at(file, span).into() };
        match which {
            Session => Ok(self.session_object()),
            SessionStorage => {
                let id = vals.first().and_then(|v| v.as_str()).unwrap_or("");
                Ok(match self.engine.sessions.get(id) {
                    Some(s) => Value::SharedObject(s.storage.clone()),
                    None => Value::Null,
                })
            }
            SessionInfo => {
                let id = vals.first().and_then(|v| v.as_str()).unwrap_or("");
                Ok(match self.engine.sessions.get(id) {
                    Some(s) => session_info(&s),
                    None => Value::Null,
                })
            }
            ProcessActivity => {
                let o = ObjRef::new();
                let procs = self
                    .engine
                    .processes
                    .live()
                    .iter()
                    .map(|p| process_info(&self.engine, p))
                    .collect();
                o.set_str("processes", Value::Collection(CollRef::from_vec(procs)));
                let sessions = self.engine.sessions.all().iter().map(|s| session_info(s)).collect();
                o.set_str("sessions", Value::Collection(CollRef::from_vec(sessions)));
                Ok(Value::Object(o))
            }
            ProcessInfo => {
                let n = vals.first().and_then(|v| v.as_number()).unwrap_or(0.0) as u32;
                Ok(
                    match self
                        .engine
                        .processes
                        .get(n)
                        .filter(|p| !p.finished.load(Ordering::Acquire))
                    {
                        Some(p) => process_info(&self.engine, &p),
                        None => Value::Null,
                    },
                )
            }
            CurrentProcess => Ok(Value::Int(self.process.number as i32)),
            CurrentProcessName => Ok(Value::text(self.process.name.clone())),
            ProcessNumber => {
                let name = vals.first().and_then(|v| v.as_str()).unwrap_or("");
                Ok(Value::Int(
                    self.engine.processes.find_by_name(name, false).map_or(0, |p| p.number as i32),
                ))
            }
            ProcessState => {
                let n = vals.first().and_then(|v| v.as_number()).unwrap_or(0.0) as u32;
                Ok(Value::Int(match self.engine.processes.get(n) {
                    Some(p) if !p.finished.load(Ordering::Acquire) => {
                        p.state.load(Ordering::Acquire)
                    }
                    _ => process::state::DOES_NOT_EXIST,
                }))
            }
            NewProcess => self.new_process(vals, star).map_err(fail),
            CallWorker => self.call_worker(vals).map_err(fail).map(|_| Value::Undefined),
            NewSignal => Ok(super::signals::new_signal(vals.first())),
            KillWorker => {
                let target = match vals.first() {
                    None => Some(self.process.clone()),
                    Some(v) => self.find_process(v).filter(|p| p.is_worker()),
                };
                if let Some(p) = target {
                    if let Some(m) = &p.mailbox {
                        m.kill();
                    }
                }
                Ok(Value::Undefined)
            }
            DelayProcess => {
                let n = vals.first().and_then(|v| v.as_number()).unwrap_or(0.0) as u32;
                let ticks = vals.get(1).and_then(|v| v.as_number()).unwrap_or(0.0);
                if n == self.process.number && ticks > 0.0 && ticks.is_finite() {
                    self.process.state.store(process::state::DELAYED, Ordering::Release);
                    let mut pause = Duration::from_secs_f64((ticks / 60.0).min(86_400.0));
                    if let Some(deadline) = self.effective_deadline() {
                        // Never sleep past --timeout.
                        let left = deadline.saturating_duration_since(std::time::Instant::now());
                        pause = pause.min(left);
                    }
                    std::thread::sleep(pause);
                    self.process.state.store(process::state::EXECUTING, Ordering::Release);
                }
                Ok(Value::Undefined)
            }
            _ => Ok(Value::Undefined),
        }
    }

    fn find_process(&self, v: &Value) -> Option<Arc<ProcessEntry>> {
        match v {
            Value::Text(name) => self.engine.processes.find_by_name(name, true),
            v => v.as_number().and_then(|n| self.engine.processes.get(n as u32)),
        }
    }

    /// `Session`: the current session as a `4D.Session` object.
    fn session_object(&self) -> Value {
        Value::Object(crate::native::new_instance(&SESSION_CLASS, self.session.clone()))
    }

    /// `New process(method; stack{; name{; param…}}{; *})`.
    fn new_process(&mut self, vals: Vec<Value>, star: bool) -> Result<Value, RtError> {
        let method = match vals.first() {
            Some(Value::Text(t)) => t.to_string(),
            Some(Value::Function(f)) => f.source.to_string(),
            _ => {
                return Err(RtError::type_mismatch("New process: the method must be given by name"))
            }
        };
        let name = vals.get(2).and_then(|v| v.as_str()).unwrap_or(&method).to_string();
        if star {
            if let Some(p) = self.engine.processes.find_by_name(&name, false) {
                return Ok(Value::Int(p.number as i32));
            }
        }
        let args: Vec<SendValue> = vals.iter().skip(3).map(|v| self.send_value(v)).collect();
        let entry = self.engine.processes.register(&name, &self.session.id, false);
        let number = entry.number;
        spawn_process(self.engine.clone(), self.session.clone(), entry, move |interp| {
            let values = args.into_iter().map(|v| interp.receive_value(v)).collect();
            interp.run_method(&method, values).map(|_| ())
        })?;
        Ok(Value::Int(number as i32))
    }

    /// `CALL WORKER(worker; method{; param…})`: queues a message, creating the worker on first use.
    fn call_worker(&mut self, vals: Vec<Value>) -> Result<(), RtError> {
        let Some(target) = vals.first() else {
            return Err(RtError::new(
                ErrorKind::WrongArgCount,
                "CALL WORKER expects a worker and a method",
            ));
        };
        let method = match vals.get(1) {
            Some(Value::Function(f)) => SendValue::Formula(f.source.to_string()),
            Some(Value::Text(t)) => SendValue::Text(t.to_string()),
            _ => {
                return Err(RtError::type_mismatch(
                    "CALL WORKER: the method must be a name or a Formula",
                ))
            }
        };
        let args: Vec<SendValue> = vals.iter().skip(2).map(|v| self.send_value(v)).collect();
        let message = Message { method, args };
        let killed = |p: &ProcessEntry| p.mailbox.as_ref().is_some_and(|m| m.is_killed());
        let worker = match target {
            // A worker that killed itself does not call itself back to life.
            Value::Text(name) if name.as_str() == &*self.process.name && killed(&self.process) => {
                return Ok(())
            }
            Value::Text(name) => {
                let live = self.engine.processes.find_worker(name);
                match live {
                    Some(p) => p,
                    None => {
                        let entry = self.engine.processes.register(name, &self.session.id, true);
                        let mailbox = entry.mailbox.clone();
                        spawn_process(
                            self.engine.clone(),
                            self.session.clone(),
                            entry,
                            move |interp| {
                                let Some(mailbox) = mailbox else { return Ok(()) };
                                // The first message's method is the worker's startup method:
                                // a message with an empty method name runs it again.
                                let mut startup: Option<SendValue> = None;
                                while let Some(mut m) = mailbox.next() {
                                    match (&m.method, &startup) {
                                        (SendValue::Text(t), Some(first)) if t.is_empty() => {
                                            m.method = first.clone()
                                        }
                                        (_, None) => startup = Some(m.method.clone()),
                                        _ => {}
                                    }
                                    interp.run_message(m)?;
                                }
                                Ok(())
                            },
                        )?;
                        match self.engine.processes.find_worker(name) {
                            Some(p) => p,
                            None => return Ok(()),
                        }
                    }
                }
            }
            v => match v.as_number().and_then(|n| self.engine.processes.get(n as u32)) {
                Some(p) if p.is_worker() => p,
                _ => return Ok(()),
            },
        };
        if let Some(m) = &worker.mailbox {
            m.post(message);
        }
        Ok(())
    }

    /// Runs one worker message.
    pub fn run_message(&mut self, m: Message) -> Result<(), RtError> {
        let args: Vec<Value> = m.args.into_iter().map(|v| self.receive_value(v)).collect();
        match m.method {
            SendValue::Text(name) => self.run_method(&name, args).map(|_| ()),
            SendValue::Formula(source) => self.run_source(&source, args).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// Takes a shared group's lock for this process, waiting while another process holds it;
    /// a wait that closes a cycle of waits fails with a deadlock error instead of hanging.
    pub(super) fn lock_group(&mut self, group: &Arc<Group>, span: Span) -> Flow<()> {
        let me = self.process.number;
        if group.try_lock(me) {
            return Ok(());
        }
        // Short holds (an increment inside `Use`) are the common case: spin and yield a little
        // before the slow path that registers the wait and checks for deadlocks.
        for round in 0..32 {
            if round < 16 {
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
            if group.try_lock(me) {
                return Ok(());
            }
        }
        let engine = self.engine.clone();
        let mut cycle = None;
        let deadline = self.effective_deadline();
        let mut late = false;
        self.process.state.store(process::state::WAITING_FOR_INTERNAL_FLAG, Ordering::Release);
        let locked = group.lock_or(me, DEADLOCK_POLL, || {
            // A time limit also ends a wait (a web request stuck behind another's `Use`).
            late = deadline.is_some_and(|d| std::time::Instant::now() >= d);
            cycle = if late { None } else { engine.processes.wait_for(me, group) };
            late || cycle.is_some()
        });
        engine.processes.done_waiting(me);
        self.process.state.store(process::state::EXECUTING, Ordering::Release);
        if locked {
            return Ok(());
        }
        if late {
            return Err(RtError::new(
                ErrorKind::LimitExceeded,
                format!(
                    "the time limit passed while waiting for a shared object (group {})",
                    group.id
                ),
            )
            .at(self.current_file(), span)
            .into());
        }
        let cycle = cycle.unwrap_or_default();
        let describe = |n: u32| match engine.processes.get(n) {
            Some(p) => format!("process {n} (\"{}\")", p.name),
            None => format!("process {n}"),
        };
        let chain: Vec<String> = cycle.iter().map(|&n| describe(n)).collect();
        let message = format!(
            "deadlock: {} waits for a shared object (group {}) held by {}; the waits form a cycle: {} -> {}",
            describe(me),
            group.id,
            chain.get(1).cloned().unwrap_or_default(),
            chain.join(" -> "),
            describe(me)
        );
        Err(RtError::new(ErrorKind::Deadlock, message).at(self.current_file(), span).into())
    }

    /// Calls a native function of a `Session`-like object.
    pub(super) fn call_native(
        &mut self,
        f: &NativeFunction,
        this: &Value,
        args: Vec<Value>,
    ) -> Flow<Value> {
        (f.0)(self, this, args)
    }
}

/// A 4D function value implemented in Rust.
pub fn native_function(name: &str, f: fn(&mut Interp, &Value, Vec<Value>) -> Flow<Value>) -> Value {
    Value::Function(Rc::new(Function { source: Rc::from(name), code: Rc::new(NativeFunction(f)) }))
}

/// `4D.Session`: what the `Session` command returns. The instance holds its session; the
/// properties are computed when read (a web session's privileges and timeout change). The
/// functions that only web user sessions have answer as documented for the other kinds.
pub static SESSION_CLASS: NativeClass = NativeClass {
    name: "Session",
    superclass: None,
    constructor: None,
    functions: &[
        ("hasPrivilege", |_, o, a| {
            let s = this_session(o)?;
            let name = a.text(0, "hasPrivilege")?;
            Ok(Value::Bool(match &s.web {
                Some(w) => w.privileges.lock().iter().any(|p| p.eq_ignore_ascii_case(&name)),
                None => true,
            }))
        }),
        ("getPrivileges", |_, o, _| {
            let s = this_session(o)?;
            let list = match &s.web {
                Some(w) => w.privileges.lock().iter().map(Value::text).collect(),
                None => vec![Value::text("WebAdmin")],
            };
            Ok(Value::Collection(CollRef::from_vec(list)))
        }),
        ("setPrivileges", |host, o, a| {
            let s = this_session(o)?;
            let roles = host.interp().and_then(|i| i.engine.sessions.roles.read().clone());
            set_privileges(&s, roles.as_deref(), a)
        }),
        ("clearPrivileges", |_, o, _| {
            if let Some(w) = &this_session(o)?.web {
                w.privileges.lock().clear();
            }
            Ok(Value::Bool(true))
        }),
        ("isGuest", |_, o, _| {
            Ok(Value::Bool(
                this_session(o)?.web.as_ref().is_some_and(|w| w.privileges.lock().is_empty()),
            ))
        }),
        ("createOTP", |host, o, a| {
            let s = this_session(o)?;
            let lifespan = a.get(0).and_then(|v| v.as_number());
            Ok(Value::text(match host.interp() {
                Some(i) => i.engine.sessions.create_otp(&s, lifespan),
                None => String::new(),
            }))
        }),
        ("restore", |host, o, a| {
            let s = this_session(o)?;
            let token = a.text(0, "restore")?;
            let Some(i) = host.interp() else { return Ok(Value::Bool(false)) };
            if s.web.is_none() {
                return Ok(Value::Bool(false));
            }
            match i.engine.sessions.take_otp(&token) {
                Some(restored) => {
                    i.session = restored;
                    Ok(Value::Bool(true))
                }
                None => Ok(Value::Bool(false)),
            }
        }),
    ],
    getters: &[
        ("id", |_, o| Ok(Value::text(this_session(o)?.id.clone()))),
        ("storage", |_, o| Ok(Value::SharedObject(this_session(o)?.storage.clone()))),
        ("info", |_, o| this_session(o).map(|s| session_info(&s))),
        ("userName", |_, o| {
            let s = this_session(o)?;
            Ok(Value::text(match &s.web {
                Some(w) => w.user_name.lock().clone(),
                None => s.user_name.clone(),
            }))
        }),
        ("idleTimeout", |_, o| {
            Ok(match &this_session(o)?.web {
                Some(w) => Value::Int(w.idle_timeout.load(Ordering::Acquire) as i32),
                None => Value::Undefined,
            })
        }),
        ("expirationDate", |_, o| {
            Ok(match &this_session(o)?.web {
                Some(w) => Value::text(crate::runtime::session::iso_ms(w.expires_at())),
                None => Value::Undefined,
            })
        }),
    ],
    setters: &[("idleTimeout", |_, o, v| {
        if let Some(w) = &this_session(o)?.web {
            w.set_idle_timeout(v.as_number().unwrap_or(0.0));
        }
        Ok(())
    })],
};

fn this_session(o: &ObjRef) -> Result<Arc<Session>, RtError> {
    crate::native::state::<Arc<Session>>(o, &SESSION_CLASS).map(|s| (*s).clone())
}

/// `Session.setPrivileges(name | names | {privileges; roles; userName})`: the session's
/// privileges become the given ones, expanded with the project's `roles.json` (roles give
/// their privileges, privileges bring those they include, undeclared names are ignored);
/// without a `roles.json` the names are taken as given. True when something valid was
/// given; False for non-web sessions.
fn set_privileges(
    s: &Session,
    declared: Option<&crate::runtime::roles::Roles>,
    args: &mut Args,
) -> Result<Value, RtError> {
    fn names(v: &Value, out: &mut Vec<String>) -> bool {
        match v {
            Value::Text(t) => {
                out.extend(t.split(',').map(str::trim).filter(|n| !n.is_empty()).map(String::from));
                true
            }
            Value::Collection(c) => {
                out.extend(c.to_vec().iter().filter_map(|v| v.as_str().map(String::from)));
                true
            }
            Value::SharedCollection(_) => {
                let c = crate::runtime::json::stringify(v, false).unwrap_or_default();
                if let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&c) {
                    out.extend(items.iter().filter_map(|v| v.as_str().map(String::from)));
                }
                true
            }
            _ => false,
        }
    }
    let Some(web) = s.web.as_ref() else { return Ok(Value::Bool(false)) };
    let (mut privileges, mut roles) = (Vec::new(), Vec::new());
    let ok = match args.get(0) {
        Some(Value::Object(o)) => {
            let mut any = false;
            for (k, list) in [("privileges", &mut privileges), ("roles", &mut roles)] {
                let v = o.get(&crate::runtime::Key::new(k));
                if !v.is_undefined() && !matches!(v, Value::Null) {
                    any |= names(&v, list);
                }
            }
            if let Some(user) = o.get(&crate::runtime::Key::new("userName")).as_str() {
                *web.user_name.lock() = user.to_string();
            }
            any
        }
        Some(v) => names(v, &mut privileges),
        None => false,
    };
    if ok {
        let list = match declared {
            Some(declared) => declared.expand(&privileges, &roles),
            None => {
                let mut all = privileges;
                for r in roles {
                    if !all.contains(&r) {
                        all.push(r);
                    }
                }
                all.dedup();
                all
            }
        };
        *web.privileges.lock() = list;
    }
    Ok(Value::Bool(ok))
}

/// `Session info` / `Session.info` of a session.
fn session_info(s: &Session) -> Value {
    let o = ObjRef::new();
    o.set_str("type", Value::text(s.kind));
    o.set_str("userName", Value::text(s.user_name.clone()));
    // Fixed values: scripts get no access to the machine's environment (README-reliability.md).
    o.set_str("machineName", Value::text("localhost"));
    o.set_str("systemUserName", Value::text("mini4d"));
    o.set_str("IPAddress", Value::text("127.0.0.1"));
    o.set_str(
        "hostType",
        Value::text(if cfg!(windows) {
            "windows"
        } else if cfg!(target_os = "macos") {
            "mac"
        } else {
            "linux"
        }),
    );
    o.set_str("creationDateTime", Value::text(s.created.clone()));
    o.set_str("state", Value::text("active"));
    o.set_str("ID", Value::text(s.id.clone()));
    o.set_str("persistentID", Value::text(s.id.clone()));
    Value::Object(o)
}

/// `Process info` of a process.
impl Interp {
    /// `PROCESS PROPERTIES(process; name; state; time {; mode {; uniqueID {; origin}}})`: writes
    /// into the variables passed; an unknown process leaves them unchanged (docs). `mode` is the
    /// visibility when the variable holds a Boolean, else the bit field (bit 0 visible, bit 1
    /// preemptive: every mini4d process is both).
    pub(super) fn process_properties(&mut self, args: &[Expr], span: Span) -> Flow<Value> {
        let number = match args.first() {
            Some(e) => self.eval(e)?.as_number().unwrap_or(0.0),
            None => 0.0,
        };
        let Some(p) = self.engine.processes.get(number as u32) else {
            return Ok(Value::Undefined);
        };
        let state = if p.finished.load(Ordering::Acquire) {
            process::state::ABORTED
        } else {
            p.state.load(Ordering::Acquire)
        };
        // The clock `created_ms` was read from.
        let ticks = (chrono::Utc::now().timestamp_millis() - p.created_ms).max(0) * 60 / 1000;
        let origin =
            if p.is_worker() { process::WORKER_PROCESS } else { process::OTHER_USER_PROCESS };
        let mut outputs = vec![
            Value::text(p.name.clone()),
            Value::Int(state),
            Value::Int(ticks.min(i32::MAX as i64) as i32),
        ];
        if let Some(mode) = args.get(4) {
            let as_bool = matches!(self.eval(mode), Ok(Value::Bool(_)));
            outputs.push(if as_bool { Value::Bool(true) } else { Value::Int(0b11) });
        }
        outputs.push(Value::Int(p.number as i32));
        outputs.push(Value::Int(origin));
        for (target, value) in args.iter().skip(1).zip(outputs) {
            self.assign_expr_target(target, value, span)?;
        }
        Ok(Value::Undefined)
    }
}

fn process_info(engine: &Engine, p: &ProcessEntry) -> Value {
    let o = ObjRef::new();
    o.set_str("number", Value::Int(p.number as i32));
    o.set_str("name", Value::text(p.name.clone()));
    o.set_str("sessionID", Value::text(p.session_id.clone()));
    o.set_str("ID", Value::Int(p.number as i32));
    o.set_str("visible", Value::Bool(true));
    o.set_str(
        "type",
        Value::Int(if p.is_worker() {
            process::WORKER_PROCESS
        } else {
            process::OTHER_USER_PROCESS
        }),
    );
    o.set_str("state", Value::Int(p.state.load(Ordering::Acquire)));
    o.set_str("creationDateTime", Value::text(p.created()));
    o.set_str("preemptive", Value::Bool(true));
    o.set_str("systemID", Value::text(format!("{}", p.number)));
    o.set_str("cpuUsage", Value::Real(0.0));
    o.set_str("cpuTime", Value::Real(engine.started.elapsed().as_secs_f64()));
    Value::Object(o)
}

/// Starts `body` as a new 4D process on its own OS thread. An uncaught error is reported on
/// stderr with the process's name and marks the run as failed.
pub fn spawn_process(
    engine: Arc<Engine>,
    session: Arc<Session>,
    entry: Arc<ProcessEntry>,
    body: impl FnOnce(&mut Interp) -> Result<(), RtError> + Send + 'static,
) -> Result<(), RtError> {
    let number = entry.number;
    let entry2 = entry.clone();
    let handle = std::thread::Builder::new()
        .name(format!("4D process {number}"))
        .stack_size(PROCESS_STACK)
        .spawn(move || {
            crate::runtime::guard::enter_thread(PROCESS_STACK);
            let mut interp = Interp::new(engine.clone(), session, entry2.clone());
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crate::runtime::guard::test_panic("process");
                body(&mut interp)
            }));
            let outcome = outcome.unwrap_or_else(|_| {
                // A panic (a bug): the process ends as on an uncaught error, locks released.
                engine.failed.store(true, Ordering::Release);
                Ok(())
            });
            if let Err(e) = outcome {
                if !e.is_abort() {
                    let text = super::report::runtime_error(&engine, &e, Some(&entry2.name));
                    engine.output.stderr(&text);
                    engine.failed.store(true, Ordering::Release);
                }
            }
            interp.release_all_locks();
            engine.processes.finish(number);
        })
        .map_err(|e| RtError::generic(format!("cannot start a process: {e}")))?;
    *entry.handle.lock() = Some(handle);
    Ok(())
}

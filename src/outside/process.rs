//! External programs: starting them through the permission gate (`--allow-run`, `--allow-env`)
//! for `LAUNCH EXTERNAL PROCESS` and `4D.SystemWorker` (docs/API/SystemWorkerClass.md).
//!
//! A program runs with the environment of mini4d only under `--allow-env`; otherwise with a
//! fixed `PATH` and the variables the script set itself. Callbacks of a system worker run in
//! the script's thread while it waits (`.wait()`), never behind its back.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::rc::Rc;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use std::cell::RefCell;

use super::deadline::Deadline;
use super::file::{make, place_of};
use super::paths::Place;
use super::text;
use crate::commands::{Args, Host};
use crate::native::{new_instance, state, NativeClass};
use crate::permissions::DEFAULT_PATH;
use crate::runtime::{CollRef, ErrorKind, ObjRef, RtError, Value};

/// Splits a command line into the program and its arguments: spaces separate, double or
/// single quotes group, a backslash outside single quotes takes the next character as is.
pub fn split_command_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut started = false;
    let mut chars = line.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') if matches!(chars.peek(), Some('"') | Some('\\')) => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            (Some(_), c) => cur.push(c),
            (None, '"') | (None, '\'') => {
                quote = Some(c);
                started = true;
            }
            (None, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                started = true;
            }
            (None, c) if c.is_whitespace() => {
                if started || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            (None, c) => cur.push(c),
        }
    }
    if started || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A program ready to start: checked by the gate, its environment set.
pub fn command(
    host: &dyn Host,
    line: &str,
    dir: Option<&Place>,
    vars: &[(String, String)],
    what: &str,
) -> Result<Command, RtError> {
    let argv = split_command_line(line);
    let Some(program) = argv.first() else {
        return Err(RtError::new(ErrorKind::Generic, format!("{what}: the command line is empty")));
    };
    let gate = host.gate();
    let file = gate.check_run(program)?;
    let mut cmd = Command::new(file);
    cmd.args(&argv[1..]);
    crate::runtime::guard::child_gets_original_stack_limit(&mut cmd);
    if gate.policy().env {
        // Everything mini4d has is passed on.
    } else {
        cmd.env_clear();
        cmd.env("PATH", DEFAULT_PATH);
    }
    for (k, v) in vars {
        cmd.env(k, v);
    }
    if let Some(d) = dir {
        // The folder must be one the script may read.
        match gate.metadata(&d.real)? {
            Some(m) if m.is_dir() => {}
            _ => {
                return Err(RtError::new(
                    ErrorKind::FileNotFound,
                    format!("{what}: the folder {} does not exist", d.real.display()),
                ))
            }
        }
        cmd.current_dir(&d.real);
    } else if let Some(p) = &gate.folders.package {
        cmd.current_dir(p);
    }
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    Ok(cmd)
}

/// The error of a program that could not start.
pub fn start_error(e: &std::io::Error, line: &str) -> RtError {
    let kind = match e.kind() {
        std::io::ErrorKind::NotFound => ErrorKind::FileNotFound,
        _ => ErrorKind::FileIo,
    };
    RtError::new(kind, format!("cannot start {line:?}: {e}"))
}

/// Writes `input` to the child's standard input from another thread (so that a program
/// writing much output while it reads cannot block both sides), then closes it.
pub fn feed(stdin: Option<ChildStdin>, input: Vec<u8>) {
    if let Some(mut s) = stdin {
        std::thread::spawn(move || {
            let _ = s.write_all(&input);
        });
    }
}

// ----- 4D.SystemWorker ------------------------------------------------------------------------

pub static SYSTEM_WORKER: NativeClass = NativeClass {
    name: "SystemWorker",
    superclass: None,
    constructor: Some(new_worker),
    functions: &[
        ("wait", |h, o, a| {
            wait(h, o, &Deadline::from_arg(a, 0, "wait")?)?;
            Ok(Value::Object(o.clone()))
        }),
        ("postMessage", |_, o, a| {
            let bytes = crate::runtime::blob::text_or_blob_bytes(&a.value(0)).ok_or_else(|| {
                RtError::type_mismatch("postMessage: the message must be a text or a blob")
            })?;
            let w = worker(o)?;
            let mut s = w.borrow_mut();
            if let Some(stdin) = s.stdin.as_mut() {
                if stdin.write_all(&bytes).and_then(|_| stdin.flush()).is_err() {
                    s.stdin = None;
                }
            }
            Ok(Value::Undefined)
        }),
        ("closeInput", |_, o, _| {
            worker(o)?.borrow_mut().stdin = None;
            Ok(Value::Undefined)
        }),
        ("terminate", |_, o, _| {
            let w = worker(o)?;
            let mut s = w.borrow_mut();
            s.stdin = None;
            if let Ok(mut c) = s.child.lock() {
                let _ = c.kill();
            }
            s.killed = true;
            Ok(Value::Undefined)
        }),
    ],
    getters: &[
        ("commandLine", |_, o| Ok(Value::text(worker(o)?.borrow().command_line.clone()))),
        ("currentDirectory", |_, o| {
            Ok(worker(o)?.borrow().dir.clone().map_or(Value::Undefined, make))
        }),
        ("dataType", |_, o| {
            Ok(Value::text(if worker(o)?.borrow().blob { "blob" } else { "text" }))
        }),
        ("encoding", |_, o| Ok(Value::text(worker(o)?.borrow().encoding.clone()))),
        ("pid", |_, o| Ok(Value::Int(worker(o)?.borrow().pid as i32))),
        ("timeout", |_, o| Ok(worker(o)?.borrow().timeout.map_or(Value::Undefined, Value::Real))),
        ("hideWindow", |_, o| Ok(Value::Bool(worker(o)?.borrow().hide_window))),
        ("response", |_, o| {
            let w = worker(o)?;
            drain(&w);
            let s = w.borrow();
            s.data_value(&s.response)
        }),
        ("responseError", |_, o| {
            let w = worker(o)?;
            drain(&w);
            let s = w.borrow();
            Ok(Value::text(text::decode(&s.response_error, Some(&s.encoding))?))
        }),
        ("exitCode", |_, o| {
            let w = worker(o)?;
            drain(&w);
            let code = w.borrow().exit_code;
            Ok(code.map_or(Value::Undefined, Value::Int))
        }),
        ("terminated", |_, o| {
            let w = worker(o)?;
            drain(&w);
            let exited = w.borrow().exited;
            Ok(Value::Bool(exited))
        }),
        ("errors", |_, o| {
            let out = CollRef::new();
            for (code, message) in &worker(o)?.borrow().errors {
                let e = ObjRef::new();
                e.set_str("errorCode", Value::Int(*code));
                e.set_str("message", Value::text(message.clone()));
                e.set_str("componentSignature", Value::text("mini4d"));
                out.push(Value::Object(e));
            }
            Ok(Value::Collection(out))
        }),
    ],
    setters: &[("hideWindow", |_, o, v| {
        worker(o)?.borrow_mut().hide_window = matches!(v, Value::Bool(true));
        Ok(())
    })],
};

enum Event {
    Out(Vec<u8>),
    Err(Vec<u8>),
    OutEnd,
    ErrEnd,
}

/// A callback still to be called: its name in the options and the data it receives.
struct Pending {
    callback: &'static str,
    kind: &'static str,
    data: Option<Vec<u8>>,
}

struct Worker {
    command_line: String,
    dir: Option<Place>,
    blob: bool,
    encoding: String,
    timeout: Option<f64>,
    hide_window: bool,
    pid: u32,
    options: Option<ObjRef>,
    child: Arc<Mutex<Child>>,
    stdin: Option<ChildStdin>,
    events: Receiver<Event>,
    open_streams: u8,
    response: Vec<u8>,
    response_error: Vec<u8>,
    exit_code: Option<i32>,
    exited: bool,
    killed: bool,
    errors: Vec<(i32, String)>,
    pending: VecDeque<Pending>,
    /// `onResponse`/`onTerminate` were queued.
    finished: bool,
}

impl Worker {
    fn data_value(&self, bytes: &[u8]) -> Result<Value, RtError> {
        if self.blob {
            Ok(crate::runtime::blob::to_object(Rc::new(bytes.to_vec())))
        } else {
            Ok(Value::text(text::decode(bytes, Some(&self.encoding))?))
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // A worker nobody holds any more keeps running (as in 4D); its exit is collected.
        let child = self.child.clone();
        self.stdin = None;
        std::thread::spawn(move || {
            if let Ok(mut c) = child.lock() {
                let _ = c.wait();
            }
        });
    }
}

fn worker(o: &ObjRef) -> Result<Rc<RefCell<Worker>>, RtError> {
    let s: Rc<WorkerState> = state(o, &SYSTEM_WORKER)?;
    Ok(s.0.clone())
}

struct WorkerState(Rc<RefCell<Worker>>);

fn pipe_reader(mut r: impl Read + Send + 'static, tx: Sender<Event>, err: bool) {
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let chunk = buf[..n].to_vec();
                    let ev = if err { Event::Err(chunk) } else { Event::Out(chunk) };
                    if tx.send(ev).is_err() {
                        return;
                    }
                }
            }
        }
        let _ = tx.send(if err { Event::ErrEnd } else { Event::OutEnd });
    });
}

/// `4D.SystemWorker.new(commandLine {; options})`.
fn new_worker(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "4D.SystemWorker.new";
    let line = args.text(0, NAME)?;
    let options = match args.value(1) {
        Value::Object(o) => Some(o),
        Value::Undefined | Value::Null => None,
        v => {
            return Err(RtError::type_mismatch(format!(
                "{NAME}: the options must be an object, not {}",
                v.kind_name()
            )))
        }
    };
    let opt = |name: &str| options.as_ref().map_or(Value::Undefined, |o| o.get_str(name));
    let blob = matches!(opt("dataType"), Value::Text(t) if t.eq_ignore_ascii_case("blob"));
    let encoding = match opt("encoding") {
        Value::Text(t) if !t.is_empty() => t.to_string(),
        _ => "UTF-8".to_string(),
    };
    text::encode("", Some(&encoding))?;
    let timeout = opt("timeout").as_number().filter(|t| *t > 0.0);
    let dir = match opt("currentDirectory") {
        Value::Undefined | Value::Null => None,
        v => match place_of(&v) {
            Some(p) if p.folder => Some(p),
            _ => {
                return Err(RtError::type_mismatch(format!(
                    "{NAME}: currentDirectory must be a 4D.Folder"
                )))
            }
        },
    };
    let mut vars = Vec::new();
    if let Value::Object(v) = opt("variables") {
        for (k, val) in v.entries() {
            let s = match val {
                Value::Text(t) => t.to_string(),
                Value::Bool(b) => b.to_string(),
                other => match other.as_number() {
                    Some(n) => crate::runtime::format::format_real(n),
                    None => crate::runtime::json::stringify(&other, false).unwrap_or_default(),
                },
            };
            vars.push((k.as_str().to_string(), s));
        }
    }
    let hide_window = !matches!(opt("hideWindow"), Value::Bool(false));
    let mut cmd = command(host, &line, dir.as_ref(), &vars, NAME)?;
    let mut child = cmd.spawn().map_err(|e| start_error(&e, &line))?;
    let (tx, rx) = channel();
    if let Some(out) = child.stdout.take() {
        pipe_reader(out, tx.clone(), false);
    }
    if let Some(err) = child.stderr.take() {
        pipe_reader(err, tx, true);
    }
    let stdin = child.stdin.take();
    let pid = child.id();
    let child = Arc::new(Mutex::new(child));
    if let Some(t) = timeout {
        let c = child.clone();
        std::thread::spawn(move || {
            let until = Instant::now() + Duration::from_secs_f64(t.min(1e9));
            loop {
                std::thread::sleep(Duration::from_millis(20));
                let Ok(mut c) = c.lock() else { return };
                if !matches!(c.try_wait(), Ok(None)) {
                    return;
                }
                if Instant::now() >= until {
                    let _ = c.kill();
                    return;
                }
            }
        });
    }
    let w = Worker {
        command_line: line,
        dir,
        blob,
        encoding,
        timeout,
        hide_window,
        pid,
        options,
        child,
        stdin,
        events: rx,
        open_streams: 2,
        response: Vec::new(),
        response_error: Vec::new(),
        exit_code: None,
        exited: false,
        killed: false,
        errors: Vec::new(),
        pending: VecDeque::new(),
        finished: false,
    };
    Ok(Value::Object(new_instance(&SYSTEM_WORKER, WorkerState(Rc::new(RefCell::new(w))))))
}

/// Takes one event into the worker's state, queueing its callback.
fn apply(s: &mut Worker, ev: Event) {
    match ev {
        Event::Out(b) => {
            s.response.extend_from_slice(&b);
            s.pending.push_back(Pending { callback: "onData", kind: "data", data: Some(b) });
        }
        Event::Err(b) => {
            s.response_error.extend_from_slice(&b);
            s.pending.push_back(Pending { callback: "onDataError", kind: "error", data: Some(b) });
        }
        Event::OutEnd | Event::ErrEnd => s.open_streams = s.open_streams.saturating_sub(1),
    }
    finish_if_done(s);
}

/// Once both output streams are closed: the exit status, then `onResponse` and `onTerminate`.
fn finish_if_done(s: &mut Worker) {
    if s.finished || s.open_streams > 0 {
        return;
    }
    let status = match s.child.lock() {
        Ok(mut c) => c.wait().ok(),
        Err(_) => None,
    };
    s.exit_code = status.and_then(|st| st.code());
    s.exited = true;
    s.finished = true;
    s.stdin = None;
    if status.is_none() {
        s.errors.push((-1, "the external process could not be waited for".to_string()));
        s.pending.push_back(Pending { callback: "onError", kind: "error", data: None });
    } else {
        s.pending.push_back(Pending { callback: "onResponse", kind: "response", data: None });
    }
    s.pending.push_back(Pending { callback: "onTerminate", kind: "termination", data: None });
}

/// Takes every event that has arrived, without calling callbacks.
fn drain(w: &Rc<RefCell<Worker>>) {
    let mut s = w.borrow_mut();
    while let Ok(ev) = s.events.try_recv() {
        apply(&mut s, ev);
    }
}

/// `.wait({timeout})`: takes the events as they come and calls the callbacks, until
/// `onTerminate` has run, the timeout has passed, or `terminate()` was called by a callback.
fn wait(host: &mut dyn Host, o: &ObjRef, deadline: &Deadline) -> Result<(), RtError> {
    let w = worker(o)?;
    let killed_at_start = w.borrow().killed;
    loop {
        // Callbacks first, one at a time, with no borrow held (they may use the worker).
        let next = w.borrow_mut().pending.pop_front();
        if let Some(p) = next {
            let done = p.callback == "onTerminate";
            call_back(host, o, &w, p)?;
            if done {
                return Ok(());
            }
            if !killed_at_start && w.borrow().killed {
                return Ok(());
            }
            continue;
        }
        if w.borrow().finished {
            return Ok(());
        }
        let Some(wait_for) = deadline.next_step() else { return Ok(()) };
        let ev = w.borrow().events.recv_timeout(wait_for);
        match ev {
            Ok(ev) => apply(&mut w.borrow_mut(), ev),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                let mut s = w.borrow_mut();
                s.open_streams = 0;
                finish_if_done(&mut s);
            }
        }
    }
}

fn call_back(
    host: &mut dyn Host,
    o: &ObjRef,
    w: &Rc<RefCell<Worker>>,
    p: Pending,
) -> Result<(), RtError> {
    let (options, data) = {
        let s = w.borrow();
        let data = match &p.data {
            Some(b) => Some(s.data_value(b)?),
            None => None,
        };
        (s.options.clone(), data)
    };
    let Some(options) = options else { return Ok(()) };
    let f = host.member(&options, p.callback);
    if !matches!(f, Value::Function(_)) {
        return Ok(());
    }
    let info = ObjRef::new();
    info.set_str("type", Value::text(p.kind));
    if let Some(d) = data {
        info.set_str("data", d);
    }
    host.call_on(&f, Value::Object(options), vec![Value::Object(o.clone()), Value::Object(info)])?;
    Ok(())
}

/// The folder a `_4D_OPTION_CURRENT_DIRECTORY` value names.
pub fn option_dir(host: &dyn Host, text: &str) -> Result<Place, RtError> {
    super::file::classic_place(host, text, true)
}

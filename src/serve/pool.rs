//! The web processes: a fixed pool of OS threads, each with one long-lived interpreter that
//! serves requests one at a time as fresh 4D processes (process variables reset, resolved code
//! kept). A request's code runs under its own time limit.

use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use parking_lot::{Condvar, Mutex};

use super::request::{self, RequestContext, WebRequest};
use super::App;
use crate::interp::{report, Interp, PROCESS_STACK};
use crate::runtime::session::Session;
use crate::runtime::{ErrorKind, ObjRef, RtError, Value};

/// What a request runs.
#[derive(Debug, Clone)]
pub enum JobKind {
    /// The handler at this index of `HTTPHandlers.json`.
    Handler(usize),
    /// `/4DACTION/method/param`.
    Action { method: String, param: String },
    /// The `On Web Connection` database method.
    WebConnection,
}

pub struct Job {
    pub kind: JobKind,
    pub request: Arc<WebRequest>,
    pub session: Arc<Session>,
    pub deadline: Instant,
    pub reply: tokio::sync::oneshot::Sender<Outcome>,
}

/// A job being run (its reply channel kept apart).
struct Ticket {
    kind: JobKind,
    request: Arc<WebRequest>,
    session: Arc<Session>,
    deadline: Instant,
}

/// The answer of a web process.
#[derive(Debug, Default)]
pub struct Outcome {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The session the request ended in (another one after `Session.restore()`).
    pub session_id: String,
    /// A 4D error, for the log only (never sent to the client).
    pub error: Option<String>,
}

impl Outcome {
    pub fn plain(status: u16, text: &str) -> Outcome {
        Outcome {
            status,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: text.as_bytes().to_vec(),
            ..Outcome::default()
        }
    }
}

/// How many times an idle web process looks for a job before it sleeps.
const SPINS: usize = 64;

#[derive(Default)]
struct Queue {
    jobs: Mutex<(VecDeque<Job>, bool)>,
    ready: Condvar,
}

/// The pool of web process threads.
pub struct Pool {
    queue: Arc<Queue>,
    threads: Mutex<Vec<JoinHandle<()>>>,
}

impl Pool {
    pub fn start(app: Arc<App>, size: usize) -> Result<Pool, String> {
        let queue = Arc::new(Queue::default());
        let mut threads = Vec::new();
        for n in 0..size.max(1) {
            let (queue, app) = (queue.clone(), app.clone());
            let t = std::thread::Builder::new()
                .name(format!("4D web process {}", n + 1))
                .stack_size(PROCESS_STACK)
                .spawn(move || worker(&app, &queue))
                .map_err(|e| format!("cannot start a web process thread: {e}"))?;
            threads.push(t);
        }
        Ok(Pool { queue, threads: Mutex::new(threads) })
    }

    pub fn submit(&self, job: Job) {
        let mut q = self.queue.jobs.lock();
        q.0.push_back(job);
        self.queue.ready.notify_one();
    }

    /// Lets the threads finish the queued jobs, then waits for them.
    pub fn close(&self) {
        self.queue.jobs.lock().1 = true;
        self.queue.ready.notify_all();
        for t in self.threads.lock().drain(..) {
            let _ = t.join();
        }
    }
}

fn worker(app: &App, queue: &Queue) {
    crate::runtime::guard::enter_thread(PROCESS_STACK);
    let mut interp: Option<Interp> = None;
    loop {
        let job = {
            // Under load the next job comes within microseconds: look a few times before
            // sleeping (a sleep and wake-up cost more than the job).
            let mut found = None;
            for _ in 0..SPINS {
                if let Some(j) = queue.jobs.lock().0.pop_front() {
                    found = Some(j);
                    break;
                }
                std::thread::yield_now();
            }
            match found {
                Some(j) => j,
                None => {
                    let mut q = queue.jobs.lock();
                    loop {
                        if let Some(j) = q.0.pop_front() {
                            break j;
                        }
                        if q.1 {
                            return;
                        }
                        queue.ready.wait(&mut q);
                    }
                }
            }
        };
        if Instant::now() >= job.deadline {
            // Waited in the queue past its limit: the client has had its 503 already.
            continue;
        }
        let Job { kind, request, session, deadline, reply } = job;
        let job = Ticket { kind, request, session, deadline };
        let entry = app.engine.processes.register("Web process", &job.session.id, false);
        let number = entry.number;
        let interp_ref = interp.get_or_insert_with(|| {
            Interp::new(app.engine.clone(), job.session.clone(), entry.clone())
        });
        interp_ref.begin_web_request(job.session.clone(), entry, Some(job.deadline));
        let ctx = Rc::new(RequestContext {
            request: job.request.clone(),
            response: Default::default(),
            web_folder: app.web_folder.clone().map(|f| (f, app.web_gate.clone())),
        });
        request::enter(ctx.clone());
        let ran =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(app, interp_ref, &job)));
        request::clear();
        let outcome = match ran {
            Ok(result) => {
                let mut o = outcome_of(app, interp_ref, &job, result, &ctx);
                o.session_id = interp_ref.session.id.clone();
                interp_ref.release_all_locks();
                o
            }
            Err(_) => {
                // A bug in mini4d: this interpreter is dropped, a new one serves the next job.
                if let Some(mut i) = interp.take() {
                    i.release_all_locks();
                }
                let mut o = Outcome::plain(500, "Internal Server Error");
                o.error = Some("internal error: the interpreter panicked (a bug in mini4d)".into());
                o.session_id = job.session.id.clone();
                o
            }
        };
        app.engine.processes.finish(number);
        app.engine.processes.remove(number);
        let _ = reply.send(outcome);
    }
}

fn run(app: &App, interp: &mut Interp, job: &Ticket) -> Result<Value, RtError> {
    let req = &job.request;
    match &job.kind {
        JobKind::Handler(i) => {
            let Some(target) = app.handlers.get(*i) else {
                return Err(RtError::generic("no such handler"));
            };
            match &target.file {
                Ok(file) => {
                    let message = super::messages::incoming_message(req.clone());
                    interp.run_file(*file, vec![message])
                }
                Err(documented) => Err(RtError::generic(documented.clone())),
            }
        }
        JobKind::Action { method, param } => {
            interp.run_method(method, vec![Value::text(param.clone())])
        }
        JobKind::WebConnection => {
            let Some(file) = app.on_web_connection else {
                return Err(RtError::generic("no On Web Connection database method"));
            };
            let mut header = req.header_text();
            header.push_str("\r\n");
            // The documented 32 KB cut of headers + body.
            header.push_str(&String::from_utf8_lossy(&req.body));
            let mut cut = header.len().min(32 * 1024);
            while !header.is_char_boundary(cut) {
                cut -= 1;
            }
            header.truncate(cut);
            let args = vec![
                Value::text(req.url.clone()),
                Value::text(header),
                Value::text(req.client_ip.clone()),
                Value::text(req.server_ip.clone()),
                Value::text(""),
                Value::text(""),
            ];
            interp.run_file(file, args)
        }
    }
}

/// The HTTP answer to what the 4D code did.
fn outcome_of(
    app: &App,
    interp: &Interp,
    job: &Ticket,
    result: Result<Value, RtError>,
    ctx: &RequestContext,
) -> Outcome {
    let value = match result {
        Ok(v) => v,
        Err(e) => {
            let timed_out = e.kind == ErrorKind::LimitExceeded && Instant::now() >= job.deadline;
            let text = if e.location.is_some() {
                report::runtime_error(&app.engine, &e, Some(&interp.process.name))
            } else {
                format!("error {}: {}\n", e.code, e.message)
            };
            let mut o = if timed_out {
                Outcome::plain(503, "Service Unavailable")
            } else if e.location.is_none() && e.message.starts_with("Cannot find singleton") {
                Outcome::plain(500, &e.message)
            } else {
                Outcome::plain(500, "Internal Server Error")
            };
            o.error = Some(text);
            return o;
        }
    };
    let classic = ctx.response.borrow().clone();
    if classic.body.is_some() || classic.status.is_some() {
        return Outcome {
            status: classic.status.unwrap_or(200),
            headers: classic.headers,
            body: classic.body.unwrap_or_default(),
            ..Outcome::default()
        };
    }
    match (&job.kind, value) {
        (JobKind::Handler(_), Value::Object(o)) if is_outgoing(&o) => outgoing_message(&o),
        (JobKind::Handler(_), v) if !v.is_undefined() && !matches!(v, Value::Null) => {
            let (body, ty) = body_of(&v);
            Outcome {
                status: 200,
                headers: vec![("Content-Type".into(), ty)],
                body,
                ..Outcome::default()
            }
        }
        _ => Outcome { status: 200, headers: classic.headers, ..Outcome::default() },
    }
}

fn is_outgoing(o: &ObjRef) -> bool {
    crate::native::instance(o).is_some_and(|i| std::ptr::eq(i.class, &super::messages::OUTGOING))
}

/// The response a `4D.OutgoingMessage` describes: its `status`, `headers` and `body`.
fn outgoing_message(o: &ObjRef) -> Outcome {
    use crate::runtime::Key;
    let status = o.get(&Key::new("status")).as_number().map_or(200, |n| n as u16);
    let status = if (100..=999).contains(&status) { status } else { 200 };
    let mut headers: Vec<(String, String)> = Vec::new();
    if let Value::Object(h) = o.get(&Key::new("headers")) {
        for (k, v) in h.entries() {
            let v = match &v {
                Value::Text(t) => t.to_string(),
                other => crate::cli::project::display_value(other),
            };
            headers.push((k.as_str().to_string(), v));
        }
    }
    let body = o.get(&Key::new("body"));
    let (bytes, ty) = if body.is_undefined() || matches!(body, Value::Null) {
        (Vec::new(), None)
    } else {
        let (b, t) = body_of(&body);
        (b, Some(t))
    };
    if let Some(t) = ty {
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type")) {
            headers.push(("Content-Type".into(), t));
        }
    }
    Outcome { status, headers, body: bytes, ..Outcome::default() }
}

/// A body value as bytes and its default content type (text, object/collection as JSON).
pub fn body_of(v: &Value) -> (Vec<u8>, String) {
    match v {
        Value::Text(t) => (t.as_bytes().to_vec(), "text/plain".into()),
        Value::Blob(b) => (b.to_vec(), "application/octet-stream".into()),
        // A blob kept in an object (the message's `body`) is a `4D.Blob`.
        Value::Object(o) if crate::runtime::blob::object_bytes(o).is_some() => (
            crate::runtime::blob::object_bytes(o).map(|b| b.to_vec()).unwrap_or_default(),
            "application/octet-stream".into(),
        ),
        Value::Object(_)
        | Value::Collection(_)
        | Value::SharedObject(_)
        | Value::SharedCollection(_) => (
            crate::runtime::json::stringify(v, false).unwrap_or_default().into_bytes(),
            "application/json".into(),
        ),
        other => (crate::cli::project::display_value(other).into_bytes(), "text/plain".into()),
    }
}

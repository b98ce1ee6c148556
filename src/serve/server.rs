//! The HTTP side of `mini4d serve`: hyper on tokio, the routing of a request to a handler,
//! static files, sessions by cookie.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};

use super::pool::{Job, JobKind, Outcome, Pool};
use super::request::WebRequest;
use super::routes::{self, Handlers, Route};
use super::{request, statics};
use crate::interp::{Engine, Options};
use crate::runtime::session::Session;

/// How request lines are logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// Where log lines go (stderr for the command line; a buffer in tests).
pub type LogSink = Arc<dyn Fn(&str) + Send + Sync>;

/// Limits that protect the server.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Request line and headers together (a larger head gets 431).
    pub max_header_bytes: usize,
    /// A larger body gets 413.
    pub max_body_bytes: usize,
    /// Time for the client to send its head, and again its body (408 after).
    pub read_timeout: Duration,
    /// Time for the 4D code of one request (503 after; the code is stopped).
    pub request_timeout: Duration,
    /// Requests handled at once; more get 503 at once.
    pub max_concurrent: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_header_bytes: 16 * 1024,
            max_body_bytes: 10 * 1024 * 1024,
            read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_concurrent: 100,
        }
    }
}

/// Settings of `mini4d serve`.
#[derive(Clone)]
pub struct ServeOptions {
    pub project: PathBuf,
    pub host: String,
    /// `None`: the project's settings, else 8080. `Some(0)`: any free port.
    pub port: Option<u16>,
    pub log_format: LogFormat,
    pub log: LogSink,
    pub limits: Limits,
    /// Web process threads.
    pub workers: usize,
    pub options: Options,
}

impl ServeOptions {
    pub fn new(project: impl Into<PathBuf>) -> ServeOptions {
        ServeOptions {
            project: project.into(),
            host: "127.0.0.1".to_string(),
            port: None,
            log_format: LogFormat::Text,
            log: Arc::new(|line: &str| eprintln!("{line}")),
            limits: Limits::default(),
            workers: 8,
            options: Options::default(),
        }
    }
}

/// A handler of `HTTPHandlers.json` made ready to run.
pub struct HandlerTarget {
    /// The generated method that calls the singleton's function, or the documented error.
    pub file: Result<u32, String>,
}

/// What every request shares.
pub struct App {
    pub engine: Arc<Engine>,
    pub name: String,
    pub cookie_name: String,
    pub routes: Handlers,
    pub handlers: Vec<HandlerTarget>,
    pub on_web_connection: Option<u32>,
    /// Methods with the "Available through 4D tags and URLs" attribute (lowercase names).
    pub published: std::collections::HashSet<String>,
    pub web_folder: Option<PathBuf>,
    /// The permission gate static files are read through: the web folder, read-only.
    pub web_gate: Arc<crate::permissions::Gate>,
    pub limits: Limits,
    pub log_format: LogFormat,
    pub log: LogSink,
}

/// A running server.
pub struct Server {
    addr: SocketAddr,
    app: Arc<App>,
    pool: Arc<Pool>,
    runtime: Option<tokio::runtime::Runtime>,
    stop: tokio::sync::watch::Sender<bool>,
    accept: Option<tokio::task::JoinHandle<()>>,
}

impl Server {
    /// Loads the project and starts listening (the port is bound when this returns).
    pub fn start(opts: ServeOptions) -> Result<Server, String> {
        let app = Arc::new(load_app(&opts)?);
        let port = match opts.port {
            Some(p) => p,
            None => settings_port(&opts.project).unwrap_or(8080),
        };
        let listener = std::net::TcpListener::bind((opts.host.as_str(), port))
            .map_err(|e| format!("cannot listen on {}:{port}: {e}", opts.host))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let _ = app.engine.web_server.set(crate::commands::webserver::WebServerInfo {
            address: addr.ip().to_string(),
            port: addr.port(),
            max_concurrent: app.limits.max_concurrent,
            max_request_size: app.limits.max_body_bytes,
            root_folder: app.web_folder.clone(),
            cookie_name: app.cookie_name.clone(),
        });
        listener.set_nonblocking(true).map_err(|e| e.to_string())?;
        let pool = Arc::new(Pool::start(app.clone(), opts.workers)?);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("mini4d-http")
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the HTTP runtime: {e}"))?;
        let (stop, stop_rx) = tokio::sync::watch::channel(false);
        let accept = {
            let _guard = runtime.enter();
            let listener =
                tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
            runtime.spawn(accept_loop(listener, app.clone(), pool.clone(), stop_rx.clone()))
        };
        runtime.spawn(sweep_sessions(app.clone(), stop_rx));
        Ok(Server { addr, app, pool, runtime: Some(runtime), stop, accept: Some(accept) })
    }

    /// The address the server listens on (the real port when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The runtime the server's 4D code runs in: its sessions and `Storage` (see
    /// [`crate::embed::Runtime`]).
    pub fn runtime(&self) -> crate::embed::Runtime {
        crate::embed::Runtime::from_engine(self.app.engine.clone())
    }

    /// Moves the session clock forward (tests of expiry), then drops expired sessions.
    pub fn advance_clock(&self, by: Duration) {
        self.app.engine.sessions.clock.advance(by);
        self.app.engine.sessions.expire();
    }

    /// Waits for SIGINT or SIGTERM, then shuts down gracefully.
    pub fn run_until_signal(self) {
        if let Some(rt) = &self.runtime {
            rt.block_on(wait_for_signal());
        }
        self.shutdown();
    }

    /// Stops accepting connections, lets the requests in flight finish (within the request
    /// time limit), then stops the web processes.
    pub fn shutdown(mut self) {
        self.stop_now();
    }

    fn stop_now(&mut self) {
        let _ = self.stop.send(true);
        if let (Some(rt), Some(accept)) = (&self.runtime, self.accept.take()) {
            let grace = self.app.limits.request_timeout + self.app.limits.read_timeout;
            let _ = rt.block_on(async { tokio::time::timeout(grace, accept).await });
        }
        self.pool.close();
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_timeout(Duration::from_secs(1));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.runtime.is_some() {
            self.stop_now();
        }
    }
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Drops expired sessions every second (a request also checks its own session's expiry).
async fn sweep_sessions(app: Arc<App>, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => { app.engine.sessions.expire(); }
            _ = stop.changed() => return,
        }
    }
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    pool: Arc<Pool>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let permits = Arc::new(tokio::sync::Semaphore::new(app.limits.max_concurrent));
    let mut connections = tokio::task::JoinSet::new();
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stop.changed() => break,
        };
        let Ok((stream, peer)) = accepted else { continue };
        let _ = stream.set_nodelay(true);
        let local = stream.local_addr().unwrap_or(peer);
        let (app, pool, permits) = (app.clone(), pool.clone(), permits.clone());
        let limits = app.limits.clone();
        let mut stop = stop.clone();
        connections.spawn(async move {
            let io = hyper_util::rt::TokioIo::new(stream);
            let svc = hyper::service::service_fn(move |req| {
                handle(app.clone(), pool.clone(), permits.clone(), req, peer, local)
            });
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(limits.read_timeout)
                .max_buf_size(8192.max(limits.max_header_bytes))
                .keep_alive(true);
            let conn = builder.serve_connection(io, svc);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = stop.changed() => {}
            }
            // Shutting down: finish the request in flight, then close.
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        });
        // Reap finished connections so the set does not grow.
        while connections.try_join_next().is_some() {}
    }
    while connections.join_next().await.is_some() {}
}

type Body = Full<Bytes>;

async fn handle(
    app: Arc<App>,
    pool: Arc<Pool>,
    permits: Arc<tokio::sync::Semaphore>,
    req: Request<Incoming>,
    peer: SocketAddr,
    local: SocketAddr,
) -> Result<Response<Body>, Infallible> {
    let started = Instant::now();
    let verb = req.method().as_str().to_string();
    let url = req.uri().path_and_query().map(|p| p.as_str().to_string()).unwrap_or("/".into());
    let (response, note) = respond(&app, &pool, &permits, req, peer, local).await;
    log_request(&app, &verb, &url, response.status().as_u16(), started.elapsed(), &peer, note);
    Ok(response)
}

fn log_request(
    app: &App,
    verb: &str,
    url: &str,
    status: u16,
    took: Duration,
    peer: &SocketAddr,
    error: Option<String>,
) {
    let ms = took.as_secs_f64() * 1000.0;
    let path = url.split('?').next().unwrap_or(url);
    let line = match app.log_format {
        LogFormat::Text => {
            let mut l = format!("{} {verb} {path} {status} {ms:.2}ms", peer.ip());
            if let Some(e) = &error {
                l.push('\n');
                l.push_str(e.trim_end());
            }
            l
        }
        LogFormat::Json => {
            let mut o = serde_json::json!({
                "client": peer.ip().to_string(),
                "method": verb,
                "path": path,
                "status": status,
                "ms": (ms * 1000.0).round() / 1000.0,
            });
            if let Some(e) = error {
                o["error"] = serde_json::Value::String(e);
            }
            o.to_string()
        }
    };
    (app.log)(&line);
}

fn plain(status: u16, text: &str) -> Response<Body> {
    let mut r = Response::new(Full::new(Bytes::from(text.to_string())));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// The response to one request, and an error to log with it.
async fn respond(
    app: &Arc<App>,
    pool: &Arc<Pool>,
    permits: &Arc<tokio::sync::Semaphore>,
    req: Request<Incoming>,
    peer: SocketAddr,
    local: SocketAddr,
) -> (Response<Body>, Option<String>) {
    let Ok(_permit) = permits.clone().try_acquire_owned() else {
        return (plain(503, "Service Unavailable"), Some("too many concurrent requests".into()));
    };
    let limits = &app.limits;
    let declared = req
        .headers()
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body_bytes as u64) {
        return (plain(413, "Payload Too Large"), None);
    }
    let (parts, body) = req.into_parts();
    let body = match tokio::time::timeout(
        limits.read_timeout,
        Limited::new(body, limits.max_body_bytes).collect(),
    )
    .await
    {
        Err(_) => return (plain(408, "Request Timeout"), None),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return (plain(413, "Payload Too Large"), None)
        }
        Ok(Err(_)) => return (plain(400, "Bad Request"), None),
        Ok(Ok(c)) => c.to_bytes(),
    };
    let path_raw = parts.uri.path();
    let request = Arc::new(WebRequest {
        verb: parts.method.as_str().to_string(),
        url: parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or("/".into()),
        path: request::percent_decode(path_raw, false),
        query: parts.uri.query().unwrap_or("").to_string(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into()))
            .collect(),
        body,
        version: format!("{:?}", parts.version),
        client_ip: peer.ip().to_string(),
        server_ip: local.ip().to_string(),
    });
    // Custom handlers first, then /4DACTION, static files, On Web Connection.
    let kind = match app.routes.route(&request.verb, &request.path) {
        Route::Handler(i) => JobKind::Handler(i),
        Route::VerbNotAllowed => return (plain(405, "Method Not Allowed"), None),
        Route::None => {
            if let Some(rest) = strip_prefix_ci(&request.path, "/4DACTION/") {
                let (method, param) = rest.split_once('/').unwrap_or((rest, ""));
                if !app.published.contains(&method.to_lowercase()) {
                    return (plain(404, "Not Found"), None);
                }
                JobKind::Action { method: method.to_string(), param: param.to_string() }
            } else if let Some(r) = statics::serve(app, &request).await {
                return (r, None);
            } else if app.on_web_connection.is_some() {
                JobKind::WebConnection
            } else {
                return (plain(404, "Not Found"), None);
            }
        }
    };
    let (session, cookie_session) = resolve_session(app, &request);
    let deadline = Instant::now() + limits.request_timeout;
    let (tx, rx) = tokio::sync::oneshot::channel();
    pool.submit(Job { kind, request, session: session.clone(), deadline, reply: tx });
    // A little longer than the 4D time limit: the process normally reports the limit itself.
    let wait = limits.request_timeout + Duration::from_millis(500);
    let outcome = match tokio::time::timeout(wait, rx).await {
        Ok(Ok(o)) => o,
        Ok(Err(_)) => Outcome::plain(500, "Internal Server Error"),
        Err(_) => {
            let mut o = Outcome::plain(503, "Service Unavailable");
            o.error = Some("the request exceeded its time limit".into());
            o
        }
    };
    let final_session =
        if outcome.session_id.is_empty() { &session.id } else { &outcome.session_id };
    let mut response = build_response(&outcome);
    if cookie_session.as_deref() != Some(final_session.as_str()) {
        let cookie =
            format!("{}={}; Path=/; HttpOnly; SameSite=Strict", app.cookie_name, final_session);
        if let Ok(v) = hyper::header::HeaderValue::from_str(&cookie) {
            response.headers_mut().append(hyper::header::SET_COOKIE, v);
        }
    }
    (response, outcome.error)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// The session of a request: the one its `$4DSID` one-time passcode restores, else the one its
/// cookie names (if still alive), else a new Guest session. Also returns the session the
/// cookie named, to know whether a new cookie must be sent.
fn resolve_session(app: &App, req: &WebRequest) -> (Arc<Session>, Option<String>) {
    let sessions = &app.engine.sessions;
    let from_cookie = cookie_value(req, &app.cookie_name).and_then(|id| sessions.get_web(&id));
    let cookie_id = from_cookie.as_ref().map(|s| s.id.clone());
    let from_otp = if req.query.contains("4DSID") {
        req.query_pairs()
            .into_iter()
            .find(|(k, _)| k == "$4DSID")
            .and_then(|(_, token)| sessions.take_otp(&token))
    } else {
        None
    };
    let session = from_otp.or(from_cookie).unwrap_or_else(|| sessions.open_web());
    if let Some(web) = &session.web {
        web.last_access.store(sessions.clock.now_ms(), std::sync::atomic::Ordering::Release);
    }
    (session, cookie_id)
}

fn cookie_value(req: &WebRequest, name: &str) -> Option<String> {
    req.headers.iter().filter(|(k, _)| k == "cookie").find_map(|(_, v)| {
        v.split(';').find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then(|| v.trim().to_string())
        })
    })
}

fn build_response(o: &Outcome) -> Response<Body> {
    let mut r = Response::new(Full::new(Bytes::from(o.body.clone())));
    *r.status_mut() = StatusCode::from_u16(o.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (k, v) in &o.headers {
        if let (Ok(k), Ok(v)) = (
            hyper::header::HeaderName::from_bytes(k.as_bytes()),
            hyper::header::HeaderValue::from_str(v),
        ) {
            r.headers_mut().append(k, v);
        }
    }
    r
}

/// The `port_number` of the project's web settings (`Project/Sources/settings.4DSettings`).
fn settings_port(project: &Path) -> Option<u16> {
    let layout = crate::cli::project::find_project(project)?;
    let sources = layout.methods.parent()?;
    let text = std::fs::read_to_string(sources.join("settings.4DSettings")).ok()?;
    let web = &text[text.find("<web")?..];
    let at = web.find("port_number=\"")? + "port_number=\"".len();
    web[at..].split('"').next()?.parse().ok()
}

/// Reads the project: methods, classes, handlers, database methods, web folder.
fn load_app(opts: &ServeOptions) -> Result<App, String> {
    let layout = crate::cli::project::find_project(&opts.project).ok_or_else(|| {
        format!("{} is not a 4D project (no .4DProject file found)", opts.project.display())
    })?;
    let sources = layout.methods.parent().map(Path::to_path_buf).unwrap_or_default();
    let root = sources.parent().and_then(Path::parent).map(Path::to_path_buf);
    let rt =
        crate::embed::Runtime::new(std::slice::from_ref(&layout.methods), opts.options.clone());
    let engine = rt.engine().clone();
    let routes = Handlers::load(&sources)?;
    // Like 4D, a malformed roles.json does not stop the server: access is then not limited by
    // it (names are taken as given), and the error is logged.
    match crate::runtime::roles::Roles::load(&sources) {
        Ok(roles) => *engine.sessions.roles.write() = roles.map(Arc::new),
        Err(e) => (opts.log)(&format!("roles.json ignored: {e}")),
    }
    let handlers = routes.list.iter().map(|h| prepare_handler(&engine, h)).collect();
    let on_web_connection = match layout.database_methods.as_ref() {
        Some(dir) => {
            let path = dir.join("onWebConnection.4dm");
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let display = path.display().to_string();
                    let file = engine.project.add_source(&display, "On Web Connection", &bytes);
                    if let Some(entry) = engine.project.file(file) {
                        if !entry.errors.is_empty() {
                            return Err(entry
                                .errors
                                .iter()
                                .map(|e| crate::interp::report::syntax_error(&entry, e))
                                .collect());
                        }
                    }
                    Some(file)
                }
                Err(_) => None,
            }
        }
        None => None,
    };
    let published = published_methods(&layout.methods);
    let web_folder = root.map(|r| r.join("WebFolder")).filter(|p| p.is_dir());
    let mut policy = crate::permissions::Policy::deny_all();
    policy.allow_read(web_folder.as_slice());
    let web_gate = Arc::new(crate::permissions::Gate::new(policy, Default::default()));
    let cookie_name = format!(
        "4DSID_{}",
        layout
            .name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || "_-.".contains(*c))
            .collect::<String>()
    );
    Ok(App {
        engine,
        name: layout.name,
        cookie_name,
        routes,
        handlers,
        on_web_connection,
        published,
        web_folder,
        web_gate,
        limits: opts.limits.clone(),
        log_format: opts.log_format,
        log: opts.log.clone(),
    })
}

/// Checks a handler's class and function and makes the method that calls them; the
/// documented errors ("Cannot find singleton", "Cannot find singleton function") otherwise.
fn prepare_handler(engine: &Engine, h: &routes::Handler) -> HandlerTarget {
    let ident = |s: &str| {
        !s.is_empty()
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !s.starts_with(|c: char| c.is_ascii_digit())
    };
    let no_singleton = || HandlerTarget {
        file: Err(format!(
            "Cannot find singleton: cs.{} (handler pattern {:?})",
            h.class, h.pattern
        )),
    };
    if !ident(&h.class) {
        return no_singleton();
    }
    let def = match engine.project.load_class(&h.class) {
        Ok(Some(f)) => engine.project.file(f).and_then(|e| e.ast.class.clone()),
        _ => None,
    };
    let Some(def) = def else { return no_singleton() };
    if !(def.shared && def.singleton) || def.session {
        return no_singleton();
    }
    if !ident(&h.method) || !def.functions.iter().any(|f| f.name.text == h.method) {
        return HandlerTarget {
            file: Err(format!(
                "Cannot find singleton function: cs.{}.{} (handler pattern {:?})",
                h.class, h.method, h.pattern
            )),
        };
    }
    let source = format!(
        "#DECLARE($request : Object) : Variant\nreturn cs.{}.me.{}($request)\n",
        h.class, h.method
    );
    let name = format!("HTTP handler {}.{}", h.class, h.method);
    HandlerTarget {
        file: Ok(engine.project.add_source(&format!("<{name}>"), &name, source.as_bytes())),
    }
}

/// Project methods whose attributes allow `/4DACTION` (`"publishedWeb":true`).
fn published_methods(dir: &Path) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let path = e.path();
        if !path.extension().and_then(|x| x.to_str()).is_some_and(|x| x.eq_ignore_ascii_case("4dm"))
        {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let first = text.lines().next().unwrap_or("");
        let compact: String = first.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.starts_with("//%attributes") && compact.contains("\"publishedWeb\":true") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                out.insert(stem.to_lowercase());
            }
        }
    }
    out
}

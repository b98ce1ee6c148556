//! `WEB Server` and `WEB Server list`: the `4D.WebServer` object (docs API/WebServerClass.md).
//!
//! mini4d's web server is `mini4d serve` (see `crate::serve`): under it the object describes
//! that server (running, its address, port, limits, root folder, session cookie); under
//! `mini4d run` or `mini4d test` no server runs and the object shows the project's settings and
//! 4D's documented defaults. What mini4d does not model (TLS, HTTP compression, CORS, request
//! logs, legacy sessions) reads as the documented default, switched off. Starting or stopping a
//! server from code is not modelled: `.start()` outside `serve` and `.stop()` give error 33.

use super::{Args, CommandFn, Host};
use crate::native::NativeClass;
use crate::runtime::object::ObjRef;
use crate::runtime::{CollRef, ErrorKind, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] =
    &[("WEB Server", web_server), ("WEB Server list", web_server_list)];

/// What `mini4d serve` tells the code about the server it runs (set once it listens).
#[derive(Clone, Debug)]
pub struct WebServerInfo {
    pub address: String,
    pub port: u16,
    pub max_concurrent: usize,
    pub max_request_size: usize,
    pub root_folder: Option<std::path::PathBuf>,
    pub cookie_name: String,
}

/// One web server object: a snapshot of the server's values when `WEB Server` was called
/// ("the returned Web server object contains the current values").
struct State {
    name: String,
    running: Option<WebServerInfo>,
    settings_port: Option<u16>,
    root_folder: Option<std::path::PathBuf>,
}

fn state_of(o: &ObjRef) -> Result<std::rc::Rc<State>, RtError> {
    crate::native::state::<State>(o, &WEB_SERVER)
}

/// `WEB Server{(option)}`: `Web server database` (1, the default), `Web server host database`
/// (2) and `Web server receiving request` (3) are all the project's one server here.
fn web_server(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB Server", 0, 1)?;
    if let Some(v) = args.get(0) {
        let option = v.as_number().unwrap_or(0.0);
        if !(1.0..=3.0).contains(&option) || option.fract() != 0.0 {
            return Err(RtError::new(
                ErrorKind::IndexOutOfRange,
                format!("WEB Server: {option} is not a web server option (1, 2 or 3)"),
            ));
        }
    }
    Ok(Value::Object(server_object(host)))
}

/// `WEB Server list`: the project's web server (components have none in mini4d).
fn web_server_list(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB Server list", 0, 0)?;
    Ok(Value::Collection(CollRef::from_vec(vec![Value::Object(server_object(host))])))
}

fn server_object(host: &mut dyn Host) -> ObjRef {
    let package = host.gate().folders.package.clone();
    let (name, running) = match host.interp() {
        Some(i) => (i.engine.options.database_name.clone(), i.engine.web_server.get().cloned()),
        None => (String::new(), None),
    };
    let settings_port = package.as_deref().and_then(settings_port);
    let root_folder = package.map(|p| p.join("WebFolder"));
    crate::native::new_instance(&WEB_SERVER, State { name, running, settings_port, root_folder })
}

/// The `port_number` of the web settings of the project at `root`.
fn settings_port(root: &std::path::Path) -> Option<u16> {
    let text = std::fs::read_to_string(root.join("Project/Sources/settings.4DSettings")).ok()?;
    let web = &text[text.find("<web")?..];
    let at = web.find("port_number=\"")? + "port_number=\"".len();
    web[at..].split('"').next()?.parse().ok()
}

fn posix_folder(p: &std::path::Path) -> Value {
    let mut s = p.to_string_lossy().replace('\\', "/");
    if !s.ends_with('/') {
        s.push('/');
    }
    Value::text(s)
}

fn not_modelled(what: &str) -> RtError {
    RtError::new(
        ErrorKind::Unimplemented,
        format!(
            "WebServer.{what} is not implemented by mini4d: the web server is `mini4d serve`, \
             started from the command line (SIGTERM stops it)"
        ),
    )
}

/// A getter that gives a fixed value.
macro_rules! fixed {
    ($name:literal, $value:expr) => {
        ($name, |_, _| Ok($value))
    };
}

/// `4D.WebServer`.
pub static WEB_SERVER: NativeClass = NativeClass {
    name: "WebServer",
    superclass: None,
    constructor: None,
    functions: &[
        ("start", |_, o, _| {
            let s = state_of(o)?;
            if s.running.is_none() {
                return Err(not_modelled("start()"));
            }
            // The docs: starting a server that runs already returns an error.
            let error = ObjRef::new();
            error.set_str("errCode", Value::Int(-1));
            error.set_str("message", Value::text("the web server is already started"));
            error.set_str("componentSignature", Value::text("mini4d"));
            let result = ObjRef::new();
            result.set_str("success", Value::Bool(false));
            result.set_str(
                "errors",
                Value::Collection(CollRef::from_vec(vec![Value::Object(error)])),
            );
            Ok(Value::Object(result))
        }),
        ("stop", |_, _, _| Err(not_modelled("stop()"))),
    ],
    getters: &[
        ("name", |_, o| Ok(Value::text(state_of(o)?.name.clone()))),
        ("isRunning", |_, o| Ok(Value::Bool(state_of(o)?.running.is_some()))),
        ("HTTPPort", |_, o| {
            let s = state_of(o)?;
            let port = s.running.as_ref().map(|r| r.port).or(s.settings_port).unwrap_or(80);
            Ok(Value::Int(i32::from(port)))
        }),
        ("IPAddressToListen", |_, o| {
            Ok(Value::text(state_of(o)?.running.as_ref().map_or("", |r| r.address.as_str())))
        }),
        ("rootFolder", |_, o| {
            let s = state_of(o)?;
            let folder = s.running.as_ref().and_then(|r| r.root_folder.clone());
            Ok(folder
                .or_else(|| s.root_folder.clone())
                .map_or(Value::text(""), |p| posix_folder(&p)))
        }),
        ("maxConcurrentProcesses", |_, o| {
            let n = state_of(o)?.running.as_ref().map_or(100, |r| r.max_concurrent);
            Ok(Value::Int(n.min(i32::MAX as usize) as i32))
        }),
        ("maxRequestSize", |_, o| {
            let n = state_of(o)?.running.as_ref().map_or(10 << 20, |r| r.max_request_size);
            Ok(Value::Real(n as f64))
        }),
        ("sessionCookieName", |_, o| {
            let s = state_of(o)?;
            Ok(Value::text(match &s.running {
                Some(r) => r.cookie_name.clone(),
                None => format!("4DSID_{}", s.name),
            }))
        }),
        fixed!("HTTPEnabled", Value::Bool(true)),
        fixed!("HTTPSEnabled", Value::Bool(false)),
        fixed!("HTTPSPort", Value::Int(443)),
        fixed!("HTTPTrace", Value::Bool(false)),
        fixed!("HSTSEnabled", Value::Bool(false)),
        fixed!("HSTSMaxAge", Value::Int(63_072_000)),
        fixed!("HTTPCompressionLevel", Value::Int(1)),
        fixed!("HTTPCompressionThreshold", Value::Int(1024)),
        fixed!("CORSEnabled", Value::Bool(false)),
        ("CORSSettings", |_, _| Ok(Value::Collection(CollRef::from_vec(Vec::new())))),
        fixed!("characterSet", Value::Int(106)),
        fixed!("cipherSuite", Value::text("")),
        fixed!("certificateFolder", Value::text("")),
        fixed!("accessKeyDefined", Value::Bool(false)),
        fixed!("debugLog", Value::Int(0)),
        fixed!("logRecording", Value::Int(0)),
        fixed!("defaultHomepage", Value::text("index.html")),
        fixed!("keepSession", Value::Bool(false)),
        fixed!("scalableSession", Value::Bool(true)),
        fixed!("minTLSVersion", Value::Int(3)),
        fixed!("openSSLVersion", Value::text("")),
        fixed!("perfectForwardSecrecy", Value::Bool(false)),
        fixed!("sessionCookieDomain", Value::text("")),
        fixed!("sessionCookiePath", Value::text("/")),
        fixed!("sessionCookieSameSite", Value::text("Strict")),
        fixed!("sessionIPAddressValidation", Value::Bool(false)),
    ],
    setters: &[],
};

//! Outgoing HTTP: `4D.HTTPRequest` (docs/API/HTTPRequestClass.md) and the blocking request used
//! by `HTTP Request`/`HTTP Get`. Every host, also each host a redirection leads to, is checked
//! by the permission gate (`--allow-net`) before anything is sent. The client is `ureq` (TLS by
//! rustls with the webpki root certificates).
//!
//! A `4D.HTTPRequest` is sent by a thread of its own; its callbacks run in the script's thread
//! while it waits (`.wait()`).

use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::Duration;

use super::deadline::Deadline;
use super::text;
use crate::commands::{Args, Host};
use crate::native::{new_instance, state, NativeClass};
use crate::permissions::{Gate, Policy};
use crate::runtime::{CollRef, ErrorKind, ObjRef, RtError, Value};

/// One request to send.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    pub url: url::Url,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    pub timeout: Option<Duration>,
    /// How many redirections are followed (0: none).
    pub max_redirects: u32,
}

/// What came back.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub status_text: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Parses `text` as 4D does (https when no scheme is given) and checks that its host may be
/// reached.
pub fn checked_url(gate: &Gate, text: &str) -> Result<url::Url, RtError> {
    let with_scheme =
        if text.contains("://") { text.to_string() } else { format!("https://{text}") };
    let url = url::Url::parse(&with_scheme)
        .map_err(|e| RtError::new(ErrorKind::Network, format!("invalid URL {text:?}: {e}")))?;
    check(gate, &url)?;
    Ok(url)
}

fn check(gate: &Gate, url: &url::Url) -> Result<(), RtError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(RtError::new(
            ErrorKind::Network,
            format!("unsupported URL scheme {:?} (http or https)", url.scheme()),
        ));
    }
    let host = url.host_str().unwrap_or("");
    let port = url.port_or_known_default().unwrap_or(80);
    gate.check_net(host, port)
}

/// A gate for the sending thread: the network part of `gate`'s policy only.
pub fn net_gate(gate: &Gate) -> Gate {
    let policy = Policy { net: gate.policy().net.clone(), ..Policy::deny_all() };
    Gate::new(policy, Default::default())
}

/// Sends `req`, following redirections (each checked by `gate`).
pub fn send(gate: &Gate, req: &Request) -> Result<Reply, RtError> {
    let mut builder = ureq::AgentBuilder::new().redirects(0);
    if let Some(t) = req.timeout {
        builder = builder.timeout(t);
    }
    let agent = builder.build();
    let mut url = req.url.clone();
    let mut method = req.method.clone();
    let mut body = req.body.clone();
    let mut hops = 0;
    loop {
        let mut r = agent.request_url(&method, &url);
        for (k, v) in &req.headers {
            r = r.set(k, v);
        }
        let result = match &body {
            Some(b) => r.send_bytes(b),
            None => r.call(),
        };
        let resp = match result {
            Ok(resp) => resp,
            Err(ureq::Error::Status(_, resp)) => resp,
            Err(ureq::Error::Transport(t)) => {
                return Err(RtError::new(ErrorKind::Network, format!("{method} {url}: {t}")))
            }
        };
        let status = resp.status();
        if (300..400).contains(&status) && status != 304 && hops < req.max_redirects {
            if let Some(next) = resp.header("location").and_then(|l| url.join(l).ok()) {
                check(gate, &next)?;
                if status == 303 || ((status == 301 || status == 302) && method == "POST") {
                    method = "GET".to_string();
                    body = None;
                }
                url = next;
                hops += 1;
                continue;
            }
        }
        let status_text = resp.status_text().to_string();
        let mut headers = Vec::new();
        let mut names = resp.headers_names();
        names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let mut done: Vec<String> = Vec::new();
        for name in names {
            if done.iter().any(|d| d.eq_ignore_ascii_case(&name)) {
                continue;
            }
            done.push(name.clone());
            for v in resp.all(&name) {
                headers.push((name.clone(), v.to_string()));
            }
        }
        let mut bytes = Vec::new();
        resp.into_reader()
            .take(crate::runtime::blob::MAX_BLOB_BYTES as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| RtError::new(ErrorKind::Network, format!("{method} {url}: {e}")))?;
        return Ok(Reply { status, status_text, headers, body: bytes });
    }
}

/// The `Content-Type` of a reply, lowercase, without parameters.
pub fn content_type(headers: &[(String, String)]) -> String {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a MIME type is text for "auto" (JSON is handled first).
pub fn is_textual(mime: &str) -> bool {
    mime.starts_with("text/")
        || mime.contains("javascript")
        || mime.contains("xml")
        || mime == "message/http"
        || mime == "application/x-www-form-urlencoded"
}

/// A request body from a script value: text (with its encoding), blob, or object (JSON), and
/// the content type it implies.
pub fn body_of(
    v: &Value,
    encoding: Option<&str>,
) -> Result<Option<(Vec<u8>, &'static str)>, RtError> {
    Ok(match v {
        Value::Undefined | Value::Null => None,
        Value::Text(t) => Some((text::encode(t, encoding.map(no_bom).as_deref())?, "text/plain")),
        Value::Blob(b) => Some((b.to_vec(), "application/octet-stream")),
        Value::Object(o) if crate::runtime::blob::object_bytes(o).is_some() => Some((
            crate::runtime::blob::object_bytes(o).unwrap_or_default().to_vec(),
            "application/octet-stream",
        )),
        Value::Object(_) | Value::Collection(_) => {
            let json = crate::runtime::json::stringify(v, false)
                .map_err(|e| RtError::new(ErrorKind::JsonParse, e))?;
            Some((json.into_bytes(), "application/json"))
        }
        other => {
            let t = crate::runtime::json::stringify(other, false).unwrap_or_default();
            Some((t.into_bytes(), "text/plain"))
        }
    })
}

fn no_bom(name: &str) -> String {
    format!("{}-no-bom", name.trim_end_matches("-no-bom"))
}

// ----- 4D.HTTPRequest --------------------------------------------------------------------------

pub static HTTP_REQUEST: NativeClass = NativeClass {
    name: "HTTPRequest",
    superclass: None,
    constructor: Some(new_request),
    functions: &[
        ("wait", |h, o, a| {
            wait(h, o, &Deadline::from_arg(a, 0, "wait")?)?;
            Ok(Value::Object(o.clone()))
        }),
        ("terminate", |_, o, _| {
            let r = request(o)?;
            let mut s = r.borrow_mut();
            if !s.finished {
                s.finished = true;
                s.terminated = true;
                s.pending.clear();
                s.pending.push(("onTerminate", "terminate", None));
            }
            Ok(Value::Undefined)
        }),
    ],
    getters: &[
        ("url", |_, o| Ok(Value::text(request(o)?.borrow().url.clone()))),
        ("method", |_, o| Ok(Value::text(request(o)?.borrow().method.clone()))),
        ("headers", |_, o| Ok(Value::Object(request(o)?.borrow().headers.clone()))),
        ("dataType", |_, o| Ok(Value::text(request(o)?.borrow().data_type.clone()))),
        ("encoding", |_, o| Ok(Value::text(request(o)?.borrow().encoding.clone()))),
        ("protocol", |_, _| Ok(Value::text("HTTP/1.1"))),
        ("agent", |_, _| Ok(Value::Undefined)),
        ("timeout", |_, o| Ok(request(o)?.borrow().timeout.map_or(Value::Undefined, Value::Real))),
        ("returnResponseBody", |_, o| Ok(Value::Bool(request(o)?.borrow().return_body))),
        ("terminated", |_, o| {
            let r = request(o)?;
            poll(&r);
            let t = r.borrow().terminated;
            Ok(Value::Bool(t))
        }),
        ("response", |_, o| {
            let r = request(o)?;
            poll(&r);
            let v = r.borrow().response.clone().map_or(Value::Undefined, Value::Object);
            Ok(v)
        }),
        ("errors", |_, o| {
            let r = request(o)?;
            poll(&r);
            let s = r.borrow();
            if s.errors.is_empty() {
                return Ok(Value::Undefined);
            }
            let out = CollRef::new();
            for (code, message) in &s.errors {
                let e = ObjRef::new();
                e.set_str("errCode", Value::Int(*code));
                e.set_str("message", Value::text(message.clone()));
                e.set_str("componentSignature", Value::text("mini4d"));
                out.push(Value::Object(e));
            }
            Ok(Value::Collection(out))
        }),
    ],
    setters: &[],
};

type Callback = (&'static str, &'static str, Option<Value>);

struct HttpState {
    url: String,
    method: String,
    headers: ObjRef,
    data_type: String,
    encoding: String,
    timeout: Option<f64>,
    return_body: bool,
    options: Option<ObjRef>,
    /// The answer from the sending thread (an error as kind and message: errors stay in it).
    result: Option<Receiver<Result<Reply, (ErrorKind, String)>>>,
    response: Option<ObjRef>,
    errors: Vec<(i32, String)>,
    terminated: bool,
    finished: bool,
    /// Callbacks still to call, in order.
    pending: Vec<Callback>,
}

struct RequestState(Rc<RefCell<HttpState>>);

fn request(o: &ObjRef) -> Result<Rc<RefCell<HttpState>>, RtError> {
    let s: Rc<RequestState> = state(o, &HTTP_REQUEST)?;
    Ok(s.0.clone())
}

/// The headers of a script object: `key=value`, or a collection for repeated headers.
pub fn headers_of(o: &ObjRef) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (k, v) in o.entries() {
        match v {
            Value::Collection(c) => {
                for item in c.to_vec() {
                    out.push((k.as_str().to_string(), plain_text(&item)));
                }
            }
            v => out.push((k.as_str().to_string(), plain_text(&v))),
        }
    }
    out
}

fn plain_text(v: &Value) -> String {
    match v {
        Value::Text(t) => t.to_string(),
        v => match v.as_number() {
            Some(n) => crate::runtime::format::format_real(n),
            None => crate::runtime::json::stringify(v, false).unwrap_or_default(),
        },
    }
}

/// `4D.HTTPRequest.new(url {; options})`: checks the host, then sends in the background.
fn new_request(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "4D.HTTPRequest.new";
    let url_text = args.text(0, NAME)?;
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
    let mut opt = |name: &str| match &options {
        Some(o) => host.member(o, name),
        None => Value::Undefined,
    };
    let method = match opt("method") {
        Value::Text(t) if !t.is_empty() => t.to_ascii_uppercase(),
        _ => "GET".to_string(),
    };
    let headers = match opt("headers") {
        Value::Object(h) => h,
        _ => ObjRef::new(),
    };
    let data_type = match opt("dataType") {
        Value::Text(t) if !t.is_empty() => t.to_string(),
        _ => "auto".to_string(),
    };
    let encoding = match opt("encoding") {
        Value::Text(t) if !t.is_empty() => t.to_string(),
        _ => "UTF-8".to_string(),
    };
    let timeout = opt("timeout").as_number().filter(|t| *t > 0.0);
    let return_body = !matches!(opt("returnResponseBody"), Value::Bool(false));
    let follow = !matches!(opt("automaticRedirections"), Value::Bool(false));
    let body = body_of(&opt("body"), Some(&encoding))?;
    let url = checked_url(host.gate(), &url_text)?;
    let mut header_list = headers_of(&headers);
    if let Some((_, ct)) = &body {
        if !header_list.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type")) {
            header_list.push(("Content-Type".to_string(), ct.to_string()));
        }
    }
    let req = Request {
        method: method.clone(),
        url,
        headers: header_list,
        body: body.map(|(b, _)| b),
        timeout: timeout.map(|t| Duration::from_secs_f64(t.min(1e9))),
        max_redirects: if follow { 5 } else { 0 },
    };
    let gate = net_gate(host.gate());
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(send(&gate, &req).map_err(|e| (e.kind, e.message)));
    });
    let s = HttpState {
        url: url_text,
        method,
        headers,
        data_type,
        encoding,
        timeout,
        return_body,
        options,
        result: Some(rx),
        response: None,
        errors: Vec::new(),
        terminated: false,
        finished: false,
        pending: Vec::new(),
    };
    Ok(Value::Object(new_instance(&HTTP_REQUEST, RequestState(Rc::new(RefCell::new(s))))))
}

/// The response body as the request's `dataType` asks.
fn body_value(s: &HttpState, reply: &Reply) -> Value {
    let mime = content_type(&reply.headers);
    let kind = match s.data_type.as_str() {
        "auto" if mime.contains("json") => "object",
        "auto" if is_textual(&mime) => "text",
        "auto" => "blob",
        other => other,
    };
    match kind {
        "text" => Value::text(text::decode(&reply.body, Some(&s.encoding)).unwrap_or_default()),
        "object" => {
            let t = String::from_utf8_lossy(&reply.body);
            crate::runtime::json::parse(&t).unwrap_or(Value::Undefined)
        }
        _ => crate::runtime::blob::to_object(Rc::new(reply.body.clone())),
    }
}

/// Headers as a 4D object: repeated names give a collection.
pub fn headers_object(headers: &[(String, String)], lowercase: bool) -> ObjRef {
    let o = ObjRef::new();
    for (k, v) in headers {
        let k = if lowercase { k.to_ascii_lowercase() } else { k.clone() };
        match o.get_str(&k) {
            Value::Undefined => o.set_str(&k, Value::text(v.clone())),
            Value::Collection(c) => c.push(Value::text(v.clone())),
            prev => {
                let c = CollRef::new();
                c.push(prev);
                c.push(Value::text(v.clone()));
                o.set_str(&k, Value::Collection(c));
            }
        }
    }
    o
}

/// Takes the result if it has arrived, queueing the callbacks.
fn poll(r: &Rc<RefCell<HttpState>>) {
    poll_for(r, Duration::ZERO);
}

fn poll_for(r: &Rc<RefCell<HttpState>>, d: Duration) {
    let got = {
        let s = r.borrow();
        let Some(rx) = &s.result else { return };
        match rx.recv_timeout(d) {
            Ok(res) => Some(res),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                Some(Err((ErrorKind::Network, "the request stopped unexpectedly".to_string())))
            }
        }
    };
    let Some(res) = got else { return };
    let mut s = r.borrow_mut();
    s.result = None;
    if s.finished {
        return; // terminated before the answer came
    }
    s.finished = true;
    s.terminated = true;
    match res {
        Ok(reply) => {
            let resp = ObjRef::new();
            resp.set_str("status", Value::Int(reply.status as i32));
            resp.set_str("statusText", Value::text(reply.status_text.clone()));
            resp.set_str("headers", Value::Object(headers_object(&reply.headers, true)));
            resp.set_str("rawHeaders", Value::Object(headers_object(&reply.headers, false)));
            s.pending.push(("onHeaders", "headers", None));
            if !reply.body.is_empty() {
                let data = crate::runtime::blob::to_object(Rc::new(reply.body.clone()));
                s.pending.push(("onData", "data", Some(data)));
            }
            if s.return_body {
                resp.set_str("body", body_value(&s, &reply));
            }
            s.response = Some(resp);
            s.pending.push(("onResponse", "response", None));
        }
        Err((kind, message)) => {
            s.errors.push((kind.code(), message));
            s.pending.push(("onError", "error", None));
        }
    }
    s.pending.push(("onTerminate", "terminate", None));
}

/// `.wait({timeout})`: until the request is over and its callbacks have run, or the timeout.
fn wait(host: &mut dyn Host, o: &ObjRef, deadline: &Deadline) -> Result<(), RtError> {
    let r = request(o)?;
    loop {
        let next = {
            let mut s = r.borrow_mut();
            if s.pending.is_empty() {
                None
            } else {
                Some(s.pending.remove(0))
            }
        };
        if let Some((callback, kind, data)) = next {
            call_back(host, o, &r, callback, kind, data)?;
            continue;
        }
        if r.borrow().finished {
            return Ok(());
        }
        let Some(step) = deadline.next_step() else { return Ok(()) };
        poll_for(&r, step);
    }
}

fn call_back(
    host: &mut dyn Host,
    o: &ObjRef,
    r: &Rc<RefCell<HttpState>>,
    callback: &str,
    kind: &str,
    data: Option<Value>,
) -> Result<(), RtError> {
    let Some(options) = r.borrow().options.clone() else { return Ok(()) };
    let f = host.member(&options, callback);
    if !matches!(f, Value::Function(_)) {
        return Ok(());
    }
    let event = ObjRef::new();
    event.set_str("type", Value::text(kind));
    if let Some(d) = data {
        event.set_str("data", d);
    }
    host.call_on(&f, Value::Object(options), vec![Value::Object(o.clone()), Value::Object(event)])?;
    Ok(())
}

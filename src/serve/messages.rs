//! `4D.IncomingMessage` and `4D.OutgoingMessage`: native classes (see [`crate::native`]). An
//! incoming message holds the request; an outgoing message is an object with `status`,
//! `headers` and `body`, read back when the handler returns.

use std::sync::Arc;

use crate::commands::{Args, Host};
use crate::native::{self, NativeClass};
use crate::runtime::{CollRef, ErrorKind, Key, ObjRef, RtError, Value};

use super::request::WebRequest;

/// `4D.IncomingMessage`: made by the server for a handler; read-only properties.
pub static INCOMING: NativeClass = NativeClass {
    name: "IncomingMessage",
    superclass: None,
    constructor: None,
    functions: &[
        ("getText", get_text),
        ("getJSON", get_json),
        ("getHeader", get_header),
        ("getBlob", get_blob),
        ("getPicture", get_picture),
    ],
    getters: &[
        ("url", |_, o| Ok(Value::text(request(o)?.url.clone()))),
        ("urlPath", |_, o| request(o).map(|r| url_path(&r))),
        ("urlQuery", |_, o| request(o).map(|r| url_query(&r))),
        ("verb", |_, o| Ok(Value::text(request(o)?.verb.clone()))),
        ("headers", |_, o| request(o).map(|r| headers(&r))),
    ],
    setters: &[],
};

/// `4D.OutgoingMessage`: `4D.OutgoingMessage.new()` in handler code.
pub static OUTGOING: NativeClass = NativeClass {
    name: "OutgoingMessage",
    superclass: None,
    constructor: Some(|_, _| {
        let o = native::new_instance(&OUTGOING, ());
        o.set_str("status", Value::Int(200));
        o.set_str("headers", Value::Object(ObjRef::new()));
        Ok(Value::Object(o))
    }),
    functions: &[("setBody", set_body), ("setHeader", set_header), ("setStatus", set_status)],
    getters: &[],
    setters: &[],
};

/// The `4D.IncomingMessage` of a request.
pub fn incoming_message(req: Arc<WebRequest>) -> Value {
    Value::Object(native::new_instance(&INCOMING, req))
}

fn request(o: &ObjRef) -> Result<Arc<WebRequest>, RtError> {
    native::state::<Arc<WebRequest>>(o, &INCOMING).map(|r| (*r).clone())
}

fn url_path(req: &WebRequest) -> Value {
    let parts =
        req.path.split('/').filter(|p| !p.is_empty()).map(|p| Value::text(p.to_string())).collect();
    Value::Collection(CollRef::from_vec(parts))
}

fn url_query(req: &WebRequest) -> Value {
    let query = ObjRef::new();
    for (k, v) in req.query_pairs() {
        query.set_str(&k, Value::text(v));
    }
    Value::Object(query)
}

fn headers(req: &WebRequest) -> Value {
    let headers = ObjRef::new();
    for (k, _) in &req.headers {
        if let Some(v) = req.header(k) {
            headers.set_str(k, Value::text(v));
        }
    }
    Value::Object(headers)
}

fn headers_of(o: &ObjRef) -> ObjRef {
    match o.get(&Key::new("headers")) {
        Value::Object(h) => h,
        _ => {
            let h = ObjRef::new();
            o.set_str("headers", Value::Object(h.clone()));
            h
        }
    }
}

/// `.setBody(body)`: Text, Blob (scalar or `4D.Blob`), Object or Collection; sets the
/// `Content-Type` header for the body's type.
fn set_body(_: &mut dyn Host, o: &ObjRef, args: &mut Args) -> Result<Value, RtError> {
    let body = args.value(0);
    let ty = match &body {
        Value::Text(_) => "text/plain",
        Value::Blob(_) => "application/octet-stream",
        Value::Object(b) if crate::runtime::blob::object_bytes(b).is_some() => {
            "application/octet-stream"
        }
        Value::Object(_)
        | Value::Collection(_)
        | Value::SharedObject(_)
        | Value::SharedCollection(_) => "application/json",
        other => {
            return Err(RtError::type_mismatch(format!(
                "setBody(): a body cannot be a {} (Text, Blob, Object or Collection expected)",
                other.kind_name()
            )))
        }
    };
    o.set_str("body", body);
    headers_of(o).set_str("Content-Type", Value::text(ty));
    Ok(Value::Undefined)
}

/// `.setHeader(key; value)`: both must be Text.
fn set_header(_: &mut dyn Host, o: &ObjRef, args: &mut Args) -> Result<Value, RtError> {
    match (args.get(0), args.get(1)) {
        (Some(Value::Text(k)), Some(Value::Text(v))) => {
            let h = headers_of(o);
            // Header names are case-insensitive: a new value replaces the old one.
            let existing =
                h.entries().into_iter().find(|(key, _)| key.as_str().eq_ignore_ascii_case(k));
            if let Some((key, _)) = existing {
                h.borrow_mut().props.shift_remove(&key);
            }
            h.set_str(k, Value::text(v.to_string()));
            Ok(Value::Undefined)
        }
        _ => Err(RtError::type_mismatch("setHeader(): the key and the value must be Text")),
    }
}

/// `.setStatus(status)`: an integer.
fn set_status(_: &mut dyn Host, o: &ObjRef, args: &mut Args) -> Result<Value, RtError> {
    match args.get(0) {
        Some(Value::Int(n)) => o.set_str("status", Value::Int(*n)),
        Some(Value::Real(r)) if r.fract() == 0.0 && r.abs() < 1e9 => {
            o.set_str("status", Value::Int(*r as i32))
        }
        _ => return Err(RtError::type_mismatch("setStatus(): the status must be an integer")),
    }
    Ok(Value::Undefined)
}

fn body_text(o: &ObjRef) -> Result<String, RtError> {
    Ok(String::from_utf8_lossy(&request(o)?.body).into_owned())
}

fn get_text(_: &mut dyn Host, o: &ObjRef, _: &mut Args) -> Result<Value, RtError> {
    Ok(Value::text(body_text(o)?))
}

fn get_json(_: &mut dyn Host, o: &ObjRef, _: &mut Args) -> Result<Value, RtError> {
    crate::runtime::json::parse(&body_text(o)?).map_err(|e| {
        RtError::new(ErrorKind::JsonParse, format!("getJSON(): the body is not valid JSON: {e}"))
    })
}

fn get_header(_: &mut dyn Host, o: &ObjRef, args: &mut Args) -> Result<Value, RtError> {
    let name = args.text(0, "getHeader")?;
    Ok(Value::text(request(o)?.header(&name).unwrap_or_default()))
}

fn get_blob(_: &mut dyn Host, o: &ObjRef, _: &mut Args) -> Result<Value, RtError> {
    Ok(crate::runtime::blob::blob(request(o)?.body.to_vec()))
}

/// `getPicture()`: mini4d has no picture type, so an image body (an `image/…` content type)
/// comes as a `4D.Blob` of its bytes; any other body gives Null, as in 4D for a body that is
/// not a picture.
fn get_picture(_: &mut dyn Host, o: &ObjRef, _: &mut Args) -> Result<Value, RtError> {
    let req = request(o)?;
    let is_image = req
        .header("content-type")
        .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("image/"));
    Ok(if is_image && !req.body.is_empty() {
        crate::runtime::blob::to_object(std::rc::Rc::new(req.body.to_vec()))
    } else {
        Value::Null
    })
}

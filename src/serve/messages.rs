//! `4D.IncomingMessage` and `4D.OutgoingMessage`: built-in classes whose functions are Rust.
//! An incoming message reads the request its web process is serving; an outgoing message is
//! a plain object with `status`, `headers` and `body`, read back when the handler returns.

use crate::interp::{Flow, Interp};
use crate::runtime::{ErrorKind, Key, ObjRef, RtError, Value};

use super::request;

type Native = fn(&mut Interp, &Value, Vec<Value>) -> Flow<Value>;

const INCOMING: &[(&str, Native)] = &[
    ("getText", get_text),
    ("getJSON", get_json),
    ("getHeader", get_header),
    ("getBlob", get_blob),
    ("getPicture", get_picture),
];

const OUTGOING: &[(&str, Native)] =
    &[("setBody", set_body), ("setHeader", set_header), ("setStatus", set_status)];

/// The functions of built-in class `name`.
pub fn functions(name: &str) -> &'static [(&'static str, Native)] {
    match name {
        "IncomingMessage" => INCOMING,
        "OutgoingMessage" => OUTGOING,
        _ => &[],
    }
}

/// A new outgoing message: status 200, no headers, no body.
pub fn init_outgoing(o: &ObjRef) {
    o.set_str("status", Value::Int(200));
    o.set_str("headers", Value::Object(ObjRef::new()));
}

fn this_object(this: &Value, function: &str) -> Result<ObjRef, RtError> {
    match this {
        Value::Object(o) => Ok(o.clone()),
        _ => Err(RtError::new(
            ErrorKind::ObjectExpected,
            format!("{function}() must be called on a message object"),
        )),
    }
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

/// `.setBody(body)`: Text, Object or Collection (a BLOB once mini4d has them); sets the
/// `Content-Type` header for the body's type.
fn set_body(_: &mut Interp, this: &Value, args: Vec<Value>) -> Flow<Value> {
    let o = this_object(this, "setBody")?;
    let body = args.into_iter().next().unwrap_or(Value::Undefined);
    let ty = match &body {
        Value::Text(_) => "text/plain",
        Value::Object(_)
        | Value::Collection(_)
        | Value::SharedObject(_)
        | Value::SharedCollection(_) => "application/json",
        other => {
            return Err(RtError::type_mismatch(format!(
                "setBody(): a body cannot be a {} (Text, Object or Collection expected)",
                other.kind_name()
            ))
            .into())
        }
    };
    o.set_str("body", body);
    headers_of(&o).set_str("Content-Type", Value::text(ty));
    Ok(Value::Undefined)
}

/// `.setHeader(key; value)`: both must be Text.
fn set_header(_: &mut Interp, this: &Value, args: Vec<Value>) -> Flow<Value> {
    let o = this_object(this, "setHeader")?;
    match (args.first(), args.get(1)) {
        (Some(Value::Text(k)), Some(Value::Text(v))) => {
            let h = headers_of(&o);
            // Header names are case-insensitive: a new value replaces the old one.
            let existing =
                h.entries().into_iter().find(|(key, _)| key.as_str().eq_ignore_ascii_case(k));
            if let Some((key, _)) = existing {
                h.borrow_mut().props.shift_remove(&key);
            }
            h.set_str(k, Value::text(v.to_string()));
            Ok(Value::Undefined)
        }
        _ => Err(RtError::type_mismatch("setHeader(): the key and the value must be Text").into()),
    }
}

/// `.setStatus(status)`: an integer.
fn set_status(_: &mut Interp, this: &Value, args: Vec<Value>) -> Flow<Value> {
    let o = this_object(this, "setStatus")?;
    match args.first() {
        Some(Value::Int(n)) => o.set_str("status", Value::Int(*n)),
        Some(Value::Real(r)) if r.fract() == 0.0 && r.abs() < 1e9 => {
            o.set_str("status", Value::Int(*r as i32))
        }
        _ => {
            return Err(RtError::type_mismatch("setStatus(): the status must be an integer").into())
        }
    }
    Ok(Value::Undefined)
}

fn body_text() -> String {
    request::current()
        .map(|c| String::from_utf8_lossy(&c.request.body).into_owned())
        .unwrap_or_default()
}

fn get_text(_: &mut Interp, _: &Value, _: Vec<Value>) -> Flow<Value> {
    Ok(Value::text(body_text()))
}

fn get_json(_: &mut Interp, _: &Value, _: Vec<Value>) -> Flow<Value> {
    crate::runtime::json::parse(&body_text()).map_err(|e| {
        RtError::new(ErrorKind::JsonParse, format!("getJSON(): the body is not valid JSON: {e}"))
            .into()
    })
}

fn get_header(_: &mut Interp, _: &Value, args: Vec<Value>) -> Flow<Value> {
    let name = args.first().and_then(|v| v.as_str()).unwrap_or("");
    Ok(Value::text(request::current().and_then(|c| c.request.header(name)).unwrap_or_default()))
}

fn get_blob(_: &mut Interp, _: &Value, _: Vec<Value>) -> Flow<Value> {
    Err(RtError::new(
        ErrorKind::Unimplemented,
        "getBlob(): mini4d has no BLOB values yet; use getText()",
    )
    .into())
}

fn get_picture(_: &mut Interp, _: &Value, _: Vec<Value>) -> Flow<Value> {
    // mini4d has no pictures: the documented result for a body that is not a picture.
    Ok(Value::Null)
}

//! Classic web server commands (`WEB SEND TEXT`, `WEB GET HTTP HEADER`, …): they act on the
//! request the current web process serves (see `crate::serve`); outside a web process they do
//! nothing and read empty values.

use super::{Args, CommandFn, Host};
use crate::runtime::{RtError, Value};
use crate::serve::request;

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("WEB SEND TEXT", web_send_text),
    ("WEB SEND BLOB", web_send_blob),
    ("WEB SEND HTTP REDIRECT", web_send_http_redirect),
    ("WEB SET HTTP HEADER", web_set_http_header),
    ("WEB GET HTTP HEADER", web_get_http_header),
    ("WEB GET HTTP BODY", web_get_http_body),
];

/// `WEB SEND TEXT(text{; contentType})`: the response body (`text/html` by default).
fn web_send_text(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB SEND TEXT", 1, 2)?;
    let text = args.text(0, "WEB SEND TEXT")?;
    let ty = args.text(1, "WEB SEND TEXT")?;
    if let Some(ctx) = request::current() {
        let mut r = ctx.response.borrow_mut();
        r.body = Some(text.into_bytes());
        let ty = if ty.is_empty() { "text/html; charset=utf-8".to_string() } else { ty };
        r.set_header("Content-Type", &ty);
    }
    Ok(Value::Undefined)
}

/// `WEB SEND BLOB(blob; type)`: the response body, with `type` as its content type.
fn web_send_blob(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB SEND BLOB", 2, 2)?;
    let Some(bytes) = crate::runtime::blob::bytes_of(&args.value(0)) else {
        return Err(RtError::type_mismatch("WEB SEND BLOB: the first argument must be a BLOB"));
    };
    let ty = args.text(1, "WEB SEND BLOB")?;
    if let Some(ctx) = request::current() {
        let mut r = ctx.response.borrow_mut();
        r.body = Some(bytes.to_vec());
        if !ty.is_empty() {
            r.set_header("Content-Type", &ty);
        }
    }
    Ok(Value::Undefined)
}

/// `WEB SEND HTTP REDIRECT(url{; *})`: a 302 to `url`.
fn web_send_http_redirect(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB SEND HTTP REDIRECT", 1, 1)?;
    let url = args.text(0, "WEB SEND HTTP REDIRECT")?;
    if let Some(ctx) = request::current() {
        let mut r = ctx.response.borrow_mut();
        r.status = Some(302);
        r.set_header("Location", &url);
        r.body = Some(Vec::new());
    }
    Ok(Value::Undefined)
}

/// `WEB SET HTTP HEADER(header)`: header lines (`Name: value`, separated by CR/LF) for the
/// response; a first line `HTTP/1.x CODE reason` sets the status.
fn web_set_http_header(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB SET HTTP HEADER", 1, 1)?;
    let text = args.text(0, "WEB SET HTTP HEADER")?;
    if let Some(ctx) = request::current() {
        let mut r = ctx.response.borrow_mut();
        for line in text.split(['\r', '\n']).filter(|l| !l.trim().is_empty()) {
            if line.starts_with("HTTP/") {
                if let Some(code) = line.split_whitespace().nth(1).and_then(|c| c.parse().ok()) {
                    r.status = Some(code);
                }
            } else if let Some((name, value)) = line.split_once(':') {
                r.set_header(name.trim(), value.trim());
            }
        }
    }
    Ok(Value::Undefined)
}

/// `WEB GET HTTP HEADER(header)`: the request line and headers as text.
fn web_get_http_header(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB GET HTTP HEADER", 1, 1)?;
    let text = request::current().map(|c| c.request.header_text()).unwrap_or_default();
    args.set_output(0, Value::text(text));
    Ok(Value::Undefined)
}

/// `WEB GET HTTP BODY(body)`: the request body, as a BLOB into a BLOB variable, else as text.
fn web_get_http_body(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB GET HTTP BODY", 1, 1)?;
    let body = request::current().map(|c| c.request.body.to_vec()).unwrap_or_default();
    let out = match args.value(0) {
        Value::Blob(_) => crate::runtime::blob::blob(body),
        _ => Value::text(String::from_utf8_lossy(&body).into_owned()),
    };
    args.set_output(0, out);
    Ok(Value::Undefined)
}

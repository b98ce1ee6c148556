//! Classic web server commands (`WEB SEND TEXT`, `WEB GET HTTP HEADER`, …): they act on the
//! request the current web process serves (see `crate::serve`); outside a web process they do
//! nothing and read empty values.

use super::arrays::set_or_fill;
use super::{Args, CommandFn, Host};
use crate::runtime::array::ElementType;
use crate::runtime::{ErrorKind, RtError, Value};
use crate::serve::request;

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("WEB SEND TEXT", web_send_text),
    ("WEB SEND BLOB", web_send_blob),
    ("WEB SEND HTTP REDIRECT", web_send_http_redirect),
    ("WEB SET HTTP HEADER", web_set_http_header),
    ("WEB GET HTTP HEADER", web_get_http_header),
    ("WEB GET HTTP BODY", web_get_http_body),
    ("WEB GET VARIABLES", web_get_variables),
    ("WEB SEND FILE", web_send_file),
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

/// `WEB GET HTTP HEADER(header)`: the request line and headers as text;
/// `WEB GET HTTP HEADER(fields; values)`: the same as two text arrays.
fn web_get_http_header(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB GET HTTP HEADER", 1, 2)?;
    let request = request::current().map(|c| c.request.clone());
    if args.len() == 2 {
        let fields = request.map(|r| r.header_fields()).unwrap_or_default();
        fill_pairs(args, fields);
        return Ok(Value::Undefined);
    }
    let text = request.map(|r| r.header_text()).unwrap_or_default();
    args.set_output(0, Value::text(text));
    Ok(Value::Undefined)
}

/// `WEB GET VARIABLES(names; values)`: the variables of the submitted form (query and body).
fn web_get_variables(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB GET VARIABLES", 2, 2)?;
    let vars = request::current().map(|c| c.request.form_variables()).unwrap_or_default();
    fill_pairs(args, vars);
    Ok(Value::Undefined)
}

/// Puts names and values in the text arrays of arguments 0 and 1.
fn fill_pairs(args: &mut Args, pairs: Vec<(String, String)>) {
    let (names, values): (Vec<Value>, Vec<Value>) =
        pairs.into_iter().map(|(k, v)| (Value::text(k), Value::text(v))).unzip();
    set_or_fill(args, 0, ElementType::Text, names);
    set_or_fill(args, 1, ElementType::Text, values);
}

/// `WEB SEND FILE(path)`: a file of the web folder (a path relative to it) as the
/// response, with the content type of its extension; `OK` says whether it was sent. Outside a
/// web process the command is ignored, as the docs say.
fn web_send_file(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("WEB SEND FILE", 1, 1)?;
    let name = args.text(0, "WEB SEND FILE")?;
    let Some(ctx) = request::current() else { return Ok(Value::Undefined) };
    let relative = name.replace('\\', "/");
    let Some((root, web_gate)) = &ctx.web_folder else {
        host.set_ok(false);
        return Err(RtError::new(
            ErrorKind::FileNotFound,
            format!("WEB SEND FILE: the project has no WebFolder to find `{name}` in"),
        ));
    };
    let path = root.join(relative.trim_start_matches("./").trim_start_matches('/'));
    // The web folder is public (served as static files); elsewhere the process's gate decides.
    let read = match path.canonicalize() {
        Ok(real) if root.canonicalize().is_ok_and(|r| real.starts_with(r)) => web_gate.read(&real),
        Err(_) if !relative.split('/').any(|seg| seg == "..") => Err(RtError::new(
            ErrorKind::FileNotFound,
            format!("WEB SEND FILE: no file `{name}` in the web folder"),
        )),
        _ => host.gate().read(&path),
    };
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(e) => {
            host.set_ok(false);
            return Err(e);
        }
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let mut r = ctx.response.borrow_mut();
    r.body = Some(bytes);
    r.set_header("Content-Type", crate::serve::content_type(&ext));
    host.set_ok(true);
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

//! The classic HTTP client commands (theme "HTTP"): `HTTP Request`, `HTTP Get`,
//! `HTTP SET OPTION`, `HTTP GET OPTION`. The request goes through `crate::outside::http`
//! (hosts checked by the permission gate, `--allow-net`).

use std::cell::Cell;
use std::time::Duration;

use super::arrays::set_or_fill;
use super::{Args, CommandFn, Host};
use crate::outside::http::{body_of, checked_url, content_type, send, Reply, Request};
use crate::runtime::array::ElementType;
use crate::runtime::{ErrorKind, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("HTTP Request", http_request),
    ("HTTP Get", http_get),
    ("HTTP SET OPTION", http_set_option),
    ("HTTP GET OPTION", http_get_option),
];

thread_local! {
    /// `HTTP timeout` (1) in seconds, `HTTP follow redirect` (2), `HTTP max redirect` (3).
    static OPTIONS: Cell<(f64, bool, u32)> = const { Cell::new((120.0, true, 2)) };
}

fn http_set_option(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "HTTP SET OPTION";
    args.expect_count(NAME, 2, 2)?;
    let option = args.num(0, NAME)? as i64;
    let value = args.num(1, NAME)?;
    OPTIONS.with(|o| {
        let (mut t, mut f, mut m) = o.get();
        match option {
            1 => t = value.max(0.0),
            2 => f = value != 0.0,
            3 => m = value.max(0.0) as u32,
            _ => {} // authentication dialogs, compression, logs: nothing to do headless
        }
        o.set((t, f, m));
    });
    Ok(Value::Undefined)
}

fn http_get_option(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "HTTP GET OPTION";
    args.expect_count(NAME, 2, 2)?;
    let option = args.num(0, NAME)? as i64;
    let (t, f, m) = OPTIONS.with(|o| o.get());
    let v = match option {
        1 => t,
        2 => f as i32 as f64,
        3 => m as f64,
        _ => 0.0,
    };
    args.set_output(1, Value::Real(v));
    Ok(Value::Undefined)
}

/// `HTTP Get(url; response {; headerNames; headerValues}{; *})`.
fn http_get(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("HTTP Get", 2, 4)?;
    let url = args.text(0, "HTTP Get")?;
    perform(host, args, "HTTP Get", "GET".to_string(), &url, None, 1)
}

/// `HTTP Request(method; url; contents; response {; headerNames; headerValues}{; *})`.
fn http_request(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "HTTP Request";
    args.expect_count(NAME, 4, 6)?;
    let method = args.text(0, NAME)?.to_ascii_uppercase();
    let url = args.text(1, NAME)?;
    let contents = args.value(2);
    perform(host, args, NAME, method, &url, Some(contents), 3)
}

fn perform(
    host: &mut dyn Host,
    args: &mut Args,
    name: &str,
    method: String,
    url: &str,
    contents: Option<Value>,
    response_at: usize,
) -> Result<Value, RtError> {
    let url = checked_url(host.gate(), url)?;
    let (names_at, values_at) = (response_at + 1, response_at + 2);
    let mut headers = Vec::new();
    if let (Some(Value::Array(n)), Some(Value::Array(v))) =
        (args.get(names_at), args.get(values_at))
    {
        let (n, v) = (n.borrow(), v.borrow());
        for (k, val) in n.items.iter().skip(1).zip(v.items.iter().skip(1)) {
            if let (Value::Text(k), Value::Text(val)) = (k, val) {
                headers.push((k.to_string(), val.to_string()));
            }
        }
    }
    let body = match &contents {
        Some(v) if !matches!(v, Value::Text(t) if t.is_empty()) => body_of(v, None)?,
        _ => None,
    };
    if let Some((_, ct)) = &body {
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type")) {
            headers.push(("Content-Type".to_string(), ct.to_string()));
        }
    }
    let (timeout, follow, max) = OPTIONS.with(|o| o.get());
    let req = Request {
        method,
        url,
        headers,
        body: body.map(|(b, _)| b),
        timeout: (timeout > 0.0).then(|| Duration::from_secs_f64(timeout.min(1e9))),
        max_redirects: if follow { max } else { 0 },
    };
    let reply = match send(host.gate(), &req) {
        Ok(r) => r,
        Err(e) => {
            host.set_system_variable("OK", Value::Int(0));
            return Err(e);
        }
    };
    set_response(args, response_at, &reply, name)?;
    if args.len() > values_at {
        let names = reply.headers.iter().map(|(k, _)| Value::text(k.clone())).collect();
        let values = reply.headers.iter().map(|(_, v)| Value::text(v.clone())).collect();
        set_or_fill(args, names_at, ElementType::Text, names);
        set_or_fill(args, values_at, ElementType::Text, values);
    }
    host.set_system_variable("OK", Value::Int(1));
    Ok(Value::Int(reply.status as i32))
}

/// The response into its variable, as its type asks: Blob, Object (JSON), else Text.
fn set_response(args: &mut Args, i: usize, reply: &Reply, name: &str) -> Result<(), RtError> {
    let v = match args.value(i) {
        Value::Blob(_) => crate::runtime::blob::blob(reply.body.clone()),
        Value::Object(_) | Value::Null | Value::Collection(_) => {
            let t = String::from_utf8_lossy(&reply.body);
            match crate::runtime::json::parse(&t) {
                Ok(v) => v,
                Err(e) => {
                    return Err(RtError::new(
                        ErrorKind::JsonParse,
                        format!(
                            "{name}: the response ({}) is not JSON: {e}",
                            content_type(&reply.headers)
                        ),
                    ))
                }
            }
        }
        _ => Value::text(String::from_utf8_lossy(&reply.body).into_owned()),
    };
    args.set_output(i, v);
    Ok(())
}

//! `mini4d serve PROJECT`: a web server for a 4D project's HTTP request handlers
//! (`HTTPHandlers.json`), `/4DACTION` methods, `On Web Connection` and its `WebFolder`, with
//! scalable web sessions (the `4DSID_<AppName>` cookie).
//!
//! The HTTP side is hyper on a small tokio runtime (async I/O, keep-alive, limits, graceful
//! shutdown); 4D code runs on a pool of interpreter threads ([`pool`]), each request as a web
//! process of its session. The two meet through a queue and a one-shot reply channel.

pub(crate) mod messages;
#[cfg(feature = "serve")]
pub(crate) mod pool;
pub(crate) mod request;
pub(crate) mod routes;
#[cfg(feature = "serve")]
mod server;
#[cfg(feature = "serve")]
mod statics;

#[cfg(feature = "serve")]
pub use server::*;

/// The content type of a file extension.
pub(crate) fn content_type(ext: &str) -> &'static str {
    match ext {
        "html" | "htm" | "shtml" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

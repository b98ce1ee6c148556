//! Static files of the project's `WebFolder` (GET and HEAD only).

use bytes::Bytes;
use http_body_util::Full;
use hyper::Response;

use super::request::WebRequest;
use super::App;

/// The file for `req`, if it names one inside the web folder; `None` lets the request go on to
/// `On Web Connection` (or 404).
pub async fn serve(app: &App, req: &WebRequest) -> Option<Response<Full<Bytes>>> {
    let root = app.web_folder.as_ref()?;
    if req.verb != "GET" && req.verb != "HEAD" {
        return None;
    }
    // Only plain names: no `..`, no backslashes, no NULs, no absolute parts.
    let mut path = root.clone();
    for seg in req.path.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg == "." || seg.contains(['\\', '\0', ':']) {
            return None;
        }
        path.push(seg);
    }
    if path.is_dir() {
        path.push("index.html");
    }
    // The resolved file must still be inside the web folder (symbolic links included).
    let real = tokio::fs::canonicalize(&path).await.ok()?;
    let real_root = tokio::fs::canonicalize(root).await.ok()?;
    if !real.starts_with(&real_root) || !real.is_file() {
        return None;
    }
    // Read through the permission gate (which allows the web folder only).
    let bytes = app.web_gate.read(&real).ok()?;
    let ext = real.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let body = if req.verb == "HEAD" { Bytes::new() } else { Bytes::from(bytes) };
    Response::builder()
        .header(hyper::header::CONTENT_TYPE, super::content_type(&ext))
        .body(Full::new(body))
        .ok()
}

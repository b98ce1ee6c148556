//! One web request as 4D code sees it: the `4D.IncomingMessage` object, the classic `WEB …`
//! commands' view of the request, and the response those commands build.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// A request, read whole by the HTTP side and handed to a web process.
#[derive(Debug, Clone)]
pub struct WebRequest {
    /// `GET`, `POST`… as received.
    pub verb: String,
    /// Path and query as received (`/a/b?x=1`).
    pub url: String,
    /// The path without the query, percent-decoded.
    pub path: String,
    /// The raw query (after `?`), possibly empty.
    pub query: String,
    /// Header names in lowercase, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: bytes::Bytes,
    pub version: String,
    pub client_ip: String,
    pub server_ip: String,
}

impl WebRequest {
    /// The value of header `name` (any case); several values are joined with `, `.
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// The query parameters, decoded, in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        parse_form(&self.query)
    }

    /// The request line and headers as the two arrays of `WEB GET HTTP HEADER`: first the
    /// request line's parts as the pseudo-fields `X-METHOD`, `X-URL`, `X-VERSION`, then each
    /// header in the order received.
    pub fn header_fields(&self) -> Vec<(String, String)> {
        let mut fields = vec![
            ("X-METHOD".to_string(), self.verb.clone()),
            ("X-URL".to_string(), self.url.clone()),
            ("X-VERSION".to_string(), self.version.clone()),
        ];
        fields.extend(self.headers.iter().cloned());
        fields
    }

    /// The variables of a submitted web form (`WEB GET VARIABLES`): the query's, then those
    /// of an url-encoded or multipart body (text parts only; file parts are left out).
    pub fn form_variables(&self) -> Vec<(String, String)> {
        let mut vars = self.query_pairs();
        let ty = self.header("content-type").unwrap_or_default().to_ascii_lowercase();
        if ty.starts_with("application/x-www-form-urlencoded") {
            vars.extend(parse_form(&String::from_utf8_lossy(&self.body)));
        } else if ty.starts_with("multipart/form-data") {
            if let Some(boundary) =
                multipart_boundary(&ty, &self.header("content-type").unwrap_or_default())
            {
                vars.extend(multipart_text_fields(&self.body, &boundary));
            }
        }
        vars
    }

    /// The request line and headers as text (`WEB GET HTTP HEADER`, `On Web Connection`).
    pub fn header_text(&self) -> String {
        let mut t = format!("{} {} {}\r\n", self.verb, self.url, self.version);
        for (k, v) in &self.headers {
            t.push_str(k);
            t.push_str(": ");
            t.push_str(v);
            t.push_str("\r\n");
        }
        t
    }
}

/// `application/x-www-form-urlencoded` (or a query string) as decoded pairs.
pub fn parse_form(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

/// The `boundary=` parameter of a multipart content type (`lower` is the lowercased header,
/// used to find it; the value is taken from `original`, since boundaries are case-sensitive).
fn multipart_boundary(lower: &str, original: &str) -> Option<String> {
    let at = lower.find("boundary=")? + "boundary=".len();
    let raw = original.get(at..)?.split(';').next()?.trim();
    let b = raw.trim_matches('"');
    (!b.is_empty()).then(|| b.to_string())
}

/// The `name`/value pairs of the parts of a `multipart/form-data` body that carry no file
/// (no `filename=`), in order.
fn multipart_text_fields(body: &[u8], boundary: &str) -> Vec<(String, String)> {
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(body);
    let mut fields = Vec::new();
    for part in text.split(delimiter.as_str()).skip(1) {
        if part.starts_with("--") {
            break;
        }
        let part = part.strip_prefix("\r\n").unwrap_or(part);
        let Some((head, value)) = part.split_once("\r\n\r\n") else { continue };
        let disposition = head
            .split("\r\n")
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))
            .unwrap_or("");
        if disposition.contains("filename=") {
            continue;
        }
        let Some(name) = disposition.split(';').find_map(|p| p.trim().strip_prefix("name=")) else {
            continue;
        };
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        fields.push((name.trim_matches('"').to_string(), value.to_string()));
    }
    fields
}

/// Decodes `%XX` escapes (and `+` as a space when `plus` is set); invalid escapes stay as
/// they are, invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str, plus: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' if plus => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What classic web code (`WEB SEND TEXT`, `WEB SET HTTP HEADER`, …) has put in the response.
#[derive(Debug, Default, Clone)]
pub struct ClassicResponse {
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

impl ClassicResponse {
    /// Sets a header, replacing an earlier value of the same name.
    pub fn set_header(&mut self, name: &str, value: &str) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.to_string()));
    }
}

/// The request a web process is serving, and the response being built.
pub struct RequestContext {
    pub request: Arc<WebRequest>,
    pub response: RefCell<ClassicResponse>,
    /// The project's `WebFolder`, where `WEB SEND FILE` looks for relative paths, and the gate
    /// that lets the server read it (it is public: the server serves it as static files).
    pub web_folder: Option<(std::path::PathBuf, Arc<crate::permissions::Gate>)>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<RequestContext>>> = const { RefCell::new(None) };
}

/// Makes `ctx` the request of this thread's web process (until [`clear`]).
pub fn enter(ctx: Rc<RequestContext>) {
    CURRENT.with(|c| *c.borrow_mut() = Some(ctx));
}

/// Ends the current request of this thread.
pub fn clear() -> Option<Rc<RequestContext>> {
    CURRENT.with(|c| c.borrow_mut().take())
}

/// The request being served on this thread; `None` outside a web process.
pub fn current() -> Option<Rc<RequestContext>> {
    CURRENT.with(|c| c.borrow().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("a%20b+c", true), "a b c");
        assert_eq!(percent_decode("a%20b+c", false), "a b+c");
        assert_eq!(percent_decode("%zz%4", true), "%zz%4");
        assert_eq!(percent_decode("%E2%82%AC", true), "€");
        assert_eq!(percent_decode("%", true), "%");
        assert_eq!(
            parse_form("x=1&y=%60%60&&z"),
            vec![("x".into(), "1".into()), ("y".into(), "``".into()), ("z".into(), "".into())]
        );
    }

    #[test]
    fn multipart_text_parts_only() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"vName\"\r\n\r\nROBERT\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"up\"; filename=\"a.txt\"\r\n\
                    Content-Type: text/plain\r\n\r\nfile body\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"vCity\"\r\n\r\nDAL\r\nLAS\r\n--XyZ--\r\n";
        assert_eq!(
            multipart_text_fields(body.as_bytes(), "XyZ"),
            vec![("vName".into(), "ROBERT".into()), ("vCity".into(), "DAL\r\nLAS".into())]
        );
        let ty = "multipart/form-data; boundary=\"XyZ\"";
        assert_eq!(multipart_boundary(&ty.to_ascii_lowercase(), ty).as_deref(), Some("XyZ"));
    }
}

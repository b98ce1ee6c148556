//! `Project/Sources/HTTPHandlers.json`: the custom HTTP request handlers, matched in file order
//! (first pattern + verb that matches wins).

use std::path::Path;

/// URL prefixes that belong to 4D's own request processing: no handler may take them.
pub const FORBIDDEN_PREFIXES: &[&str] = &["/4DACTION", "/rest", "/$lib/renderer", "/$shared"];

/// One handler definition.
#[derive(Debug)]
pub struct Handler {
    pub class: String,
    pub method: String,
    matcher: Matcher,
    /// Uppercase verbs; `None` = every verb.
    verbs: Option<Vec<String>>,
    /// The pattern as written (for logs and errors).
    pub pattern: String,
}

#[derive(Debug)]
enum Matcher {
    /// `pattern`: `/prefix` itself or anything below `/prefix/`.
    Prefix(String),
    /// `regexPattern`: a regular expression matched from the start of the URL path.
    Regex(regex::Regex),
}

/// What the handler table says about a request.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// The handler at this index takes it.
    Handler(usize),
    /// A pattern matches but none of its definitions allows the verb.
    VerbNotAllowed,
    /// No handler pattern matches.
    None,
}

impl Handler {
    fn matches_path(&self, path: &str) -> bool {
        match &self.matcher {
            Matcher::Prefix(p) => {
                path == p || path.strip_prefix(p.as_str()).is_some_and(|rest| rest.starts_with('/'))
            }
            Matcher::Regex(r) => r.is_match(path),
        }
    }

    fn allows(&self, verb: &str) -> bool {
        self.verbs.as_ref().is_none_or(|v| v.iter().any(|x| x.eq_ignore_ascii_case(verb)))
    }
}

/// Whether `path` is one of 4D's built-in URLs (never given to a handler).
pub fn is_forbidden(path: &str) -> bool {
    FORBIDDEN_PREFIXES.iter().any(|f| {
        path.len() >= f.len()
            && path.is_char_boundary(f.len())
            && path[..f.len()].eq_ignore_ascii_case(f)
            && matches!(path.as_bytes().get(f.len()), None | Some(b'/') | Some(b'?'))
    })
}

/// The handler table.
#[derive(Debug, Default)]
pub struct Handlers {
    pub list: Vec<Handler>,
}

impl Handlers {
    /// Reads `HTTPHandlers.json` of a project's `Sources` folder (no file: no handlers).
    pub fn load(sources: &Path) -> Result<Handlers, String> {
        let path = sources.join("HTTPHandlers.json");
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Handlers::default()),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        Handlers::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Parses the JSON text of a handler file (a collection of definitions).
    pub fn parse(text: &str) -> Result<Handlers, String> {
        let json: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
        let serde_json::Value::Array(items) = json else {
            return Err("the handlers must be a JSON collection (an array)".to_string());
        };
        let mut list = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let n = i + 1;
            let field = |k: &str| item.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let class = field("class").ok_or(format!("handler {n}: \"class\" is missing"))?;
            let method = field("method").ok_or(format!("handler {n}: \"method\" is missing"))?;
            // "regexPattern" wins when both are given (as documented).
            let (matcher, pattern) = if let Some(re) = field("regexPattern") {
                let compiled = regex::Regex::new(&format!("^(?:{re})"))
                    .map_err(|e| format!("handler {n}: invalid regexPattern {re:?}: {e}"))?;
                (Matcher::Regex(compiled), re)
            } else if let Some(p) = field("pattern") {
                let trimmed = p.trim_matches('/');
                (Matcher::Prefix(format!("/{trimmed}")), p)
            } else {
                return Err(format!("handler {n}: \"pattern\" or \"regexPattern\" is needed"));
            };
            // A pattern written for a built-in URL is refused; a broader regex is kept, and
            // built-in URLs are never routed to handlers anyway (see `route`).
            let forbidden = FORBIDDEN_PREFIXES.iter().find(|f| match &matcher {
                Matcher::Prefix(p) => is_forbidden(p),
                Matcher::Regex(_) => {
                    pattern.len() >= f.len()
                        && pattern.is_char_boundary(f.len())
                        && pattern[..f.len()].eq_ignore_ascii_case(f)
                        && !pattern[f.len()..].starts_with(|c: char| c.is_alphanumeric())
                }
            });
            if let Some(f) = forbidden {
                return Err(format!(
                    "handler {n}: the pattern {pattern:?} takes {f}, which belongs to 4D's built-in processing"
                ));
            }
            let verbs = field("verbs").map(|v| {
                v.split(',')
                    .map(|s| s.trim().to_ascii_uppercase())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
            });
            list.push(Handler { class, method, matcher, verbs, pattern });
        }
        Ok(Handlers { list })
    }

    /// The handler for `verb` on `path` (the URL path without its query).
    pub fn route(&self, verb: &str, path: &str) -> Route {
        if is_forbidden(path) {
            return Route::None;
        }
        let mut pattern_matched = false;
        for (i, h) in self.list.iter().enumerate() {
            if h.matches_path(path) {
                if h.allows(verb) {
                    return Route::Handler(i);
                }
                pattern_matched = true;
            }
        }
        if pattern_matched {
            Route::VerbNotAllowed
        } else {
            Route::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC_LIKE: &str = r#"[
        {"class": "A", "method": "info", "pattern": "info", "verbs": "GET"},
        {"class": "A", "method": "acct", "pattern": "user/update", "verbs": "put, post"},
        {"class": "B", "method": "inv", "regexPattern": "/docs/invoices/(past|today)", "verbs": "GET"},
        {"class": "C", "method": "detail", "pattern": "docs/invoices/details/one", "verbs": "GET,POST"},
        {"class": "C", "method": "details", "pattern": "docs/invoices/details", "verbs": "GET"},
        {"class": "C", "method": "other", "pattern": "docs/invoices/details"}
    ]"#;

    #[test]
    fn first_match_wins_with_prefixes_regexes_and_verbs() {
        let h = Handlers::parse(DOC_LIKE).unwrap();
        assert_eq!(h.route("GET", "/info"), Route::Handler(0));
        assert_eq!(h.route("GET", "/info/general"), Route::Handler(0));
        assert_eq!(h.route("GET", "/information"), Route::None);
        assert_eq!(h.route("POST", "/info"), Route::VerbNotAllowed);
        assert_eq!(h.route("post", "/user/update/profile"), Route::Handler(1));
        assert_eq!(h.route("GET", "/docs/invoices/today/latest"), Route::Handler(2));
        assert_eq!(h.route("GET", "/docs/invoices/details/one/x"), Route::Handler(3));
        assert_eq!(h.route("GET", "/docs/invoices/details/"), Route::Handler(4));
        assert_eq!(h.route("DELETE", "/docs/invoices/details"), Route::Handler(5));
    }

    #[test]
    fn builtin_urls_are_refused() {
        assert!(Handlers::parse(r#"[{"class":"A","method":"m","pattern":"4DACTION"}]"#).is_err());
        assert!(
            Handlers::parse(r#"[{"class":"A","method":"m","regexPattern":"/rest.*"}]"#).is_err()
        );
        let all = Handlers::parse(r#"[{"class":"A","method":"m","regexPattern":"/.*"}]"#).unwrap();
        assert_eq!(all.route("GET", "/4DACTION/x"), Route::None);
        assert_eq!(all.route("GET", "/x"), Route::Handler(0));
        let h = Handlers::parse(r#"[{"class":"A","method":"m","regexPattern":"/r"}]"#).unwrap();
        assert_eq!(h.route("GET", "/rest/x"), Route::None);
        assert_eq!(h.route("GET", "/r"), Route::Handler(0));
        assert!(is_forbidden("/4daction/m"));
        assert!(!is_forbidden("/4dactions"));
    }

    #[test]
    fn malformed_files_are_errors() {
        assert!(Handlers::parse("{").is_err());
        assert!(Handlers::parse("{}").is_err());
        assert!(Handlers::parse(r#"[{"class":"A"}]"#).is_err());
        assert!(Handlers::parse(r#"[{"class":"A","method":"m","regexPattern":"("}]"#).is_err());
    }
}

//! The text side of code introspection (`METHOD GET CODE` & co): method paths and the code
//! text as 4D hands it out (tokens removed or kept, CR line ends, the `//%attributes` header).

/// Where a method path (as `METHOD Get path` builds it) points.
#[derive(Debug, PartialEq, Eq)]
pub enum MethodPath<'a> {
    Project(&'a str),
    Class(&'a str),
    Database(&'a str),
}

/// Reads a method path: `Name`, `[class]/Name`, `[databaseMethod]/onStartup`; `None` for
/// the kinds of path mini4d has no code for (forms, triggers).
pub fn parse_path(path: &str) -> Option<MethodPath<'_>> {
    if let Some(name) = path.strip_prefix("[class]/") {
        return Some(MethodPath::Class(name));
    }
    if let Some(name) = path.strip_prefix("[databaseMethod]/") {
        return Some(MethodPath::Database(name));
    }
    if path.starts_with('[') || path.is_empty() {
        return None;
    }
    Some(MethodPath::Project(path))
}

/// The JSON of a method file's first line `//%attributes = {…}`, if it has one.
pub fn header_attributes(source: &str) -> Option<serde_json::Value> {
    let first = source.trim_start_matches('\u{feff}').lines().next()?;
    let json = first.trim_start().strip_prefix("//%attributes")?.trim_start();
    let json = json.strip_prefix('=').unwrap_or(json).trim();
    serde_json::from_str(json).ok()
}

/// `METHOD Get path` selectors.
pub const PATH_PROJECT_METHOD: i32 = 1;
pub const PATH_DATABASE_METHOD: i32 = 2;
pub const PATH_CLASS: i32 = 32;

pub const PATH_PROJECT_FORM: i32 = 4;

/// What `METHOD RESOLVE PATH` reads in a path: its kind (`Path …` constants), the form or
/// database method name, and the form object name. The docs fill the name only for forms and
/// database methods; a path that names a table (table forms, triggers) is an error here, since
/// mini4d has no tables. The method need not exist.
pub fn resolve_path(path: &str) -> Result<(i32, &str, &str), &'static str> {
    if let Some(name) = path.strip_prefix("[databaseMethod]/") {
        return Ok((PATH_DATABASE_METHOD, name, ""));
    }
    if path.strip_prefix("[class]/").is_some() {
        return Ok((PATH_CLASS, "", ""));
    }
    if let Some(rest) = path.strip_prefix("[projectForm]/") {
        let (form, object) = rest.split_once('/').unwrap_or((rest, ""));
        let object = if object == "{formMethod}" { "" } else { object };
        return Ok((PATH_PROJECT_FORM, form, object));
    }
    if path.starts_with("[tableForm]/") {
        return Err("table form");
    }
    if path.starts_with("[trigger]/") {
        return Err("trigger");
    }
    Ok((PATH_PROJECT_METHOD, "", ""))
}

/// The path of method `name` of kind `selector`, as `METHOD Get path` returns it.
pub fn build_path(selector: i32, name: &str) -> Option<String> {
    match selector {
        PATH_PROJECT_METHOD => Some(name.to_string()),
        PATH_DATABASE_METHOD => Some(format!("[databaseMethod]/{name}")),
        PATH_CLASS => Some(format!("[class]/{name}")),
        _ => None,
    }
}

/// The header line 4D puts first in the code it returns, when the file has none.
const DEFAULT_HEADER: &str = "//%attributes = {\"lang\":\"en\"}";

/// The code of a method file as `METHOD GET CODE` returns it: lines ended by CR, the
/// `//%attributes` line first (the file's own, or a default one), and without the `:C…`/`:K…`
/// token suffixes unless `with_tokens`.
pub fn exported_code(source: &str, with_tokens: bool) -> String {
    let text = if with_tokens { source.to_string() } else { strip_tokens(source) };
    let mut lines: Vec<&str> =
        text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    // One CR-only file is one "line" with CRs inside: split those too.
    if lines.len() == 1 {
        lines = text.split('\r').collect();
    }
    let has_header = lines.first().is_some_and(|l| l.trim_start().starts_with("//%attributes"));
    let mut out = String::with_capacity(text.len() + DEFAULT_HEADER.len() + 1);
    if !has_header {
        out.push_str(DEFAULT_HEADER);
        out.push('\r');
    }
    out.push_str(&lines.join("\r"));
    out
}

/// Removes the token suffixes (`Length:C16`, `Is text:K8:3`, `This:C1470`) from code, leaving
/// strings and comments as they are.
pub fn strip_tokens(source: &str) -> String {
    let b = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for range in crate::syntax::scan::code_ranges(source) {
        let mut i = range.start;
        while i < range.end {
            if b[i] == b':' && i > 0 && is_name_end(b[i - 1]) {
                if let Some(n) = token_len(&b[i..range.end]) {
                    out.push_str(&source[copied..i]);
                    i += n;
                    copied = i;
                    continue;
                }
            }
            i += 1;
        }
    }
    out.push_str(&source[copied.min(source.len())..]);
    out
}

fn is_name_end(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// Length of a token suffix at the start of `b` (`:C12`, `:K15:38`), if there is one.
fn token_len(b: &[u8]) -> Option<usize> {
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let kind = *b.get(1)?;
    let n = match kind {
        b'C' => {
            let d = digits(2);
            (d > 0).then_some(2 + d)?
        }
        b'K' => {
            let d = digits(2);
            if d == 0 || b.get(2 + d) != Some(&b':') {
                return None;
            }
            let e = digits(3 + d);
            (e > 0).then_some(3 + d + e)?
        }
        _ => return None,
    };
    match b.get(n) {
        Some(c) if is_name_end(*c) => None,
        _ => Some(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_stripped_outside_strings_and_comments() {
        let src = "$n:=Length:C16(\"a:C1\")  // x:C2\n$c:=Char:C90(Carriage return:K15:38)";
        assert_eq!(strip_tokens(src), "$n:=Length(\"a:C1\")  // x:C2\n$c:=Char(Carriage return)");
        assert_eq!(strip_tokens("$a:=$b ? $c:$d"), "$a:=$b ? $c:$d");
        assert_eq!(strip_tokens("$x:Cat"), "$x:Cat");
    }

    #[test]
    fn export_adds_header_and_cr() {
        assert_eq!(exported_code("a\nb", false), "//%attributes = {\"lang\":\"en\"}\ra\rb");
        assert_eq!(exported_code("//%attributes = {}\r\na", false), "//%attributes = {}\ra");
    }

    #[test]
    fn paths() {
        assert_eq!(parse_path("[class]/A"), Some(MethodPath::Class("A")));
        assert_eq!(parse_path("m"), Some(MethodPath::Project("m")));
        assert_eq!(parse_path("[trigger]/table_1"), None);
        assert_eq!(build_path(PATH_CLASS, "A").as_deref(), Some("[class]/A"));
    }
}

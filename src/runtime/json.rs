//! JSON text ↔ 4D values (`JSON Stringify`, `JSON Parse`).
//!
//! Output follows the 4D documentation: compact by default; pretty form with one TAB per level
//! and `": "` after keys; keys in definition order; dates as `"YYYY-MM-DD"` (the default
//! "date type" setting); times as seconds. Both directions are bounded by
//! [`MAX_DEPTH`](super::ops::MAX_DEPTH) levels of nesting.

use std::fmt::Write as _;

use super::collection::CollRef;
use super::date::Date;
use super::format::format_real;
use super::object::{Key, ObjRef, PropMap};
use super::ops::{collection_items, object_entries, MAX_DEPTH};
use super::value::{type_code, Text, Value};

/// `JSON Stringify(value{; *})`. Fails only on nesting deeper than `MAX_DEPTH` (e.g. an object
/// containing itself).
pub fn stringify(value: &Value, pretty: bool) -> Result<String, String> {
    if value.is_undefined() {
        return Ok(String::new());
    }
    let mut w = Writer { out: String::new(), pretty };
    w.value(value, 0)?;
    Ok(w.out)
}

/// A number as JSON writes it: integral values without decimals, others in the shortest form
/// that reads back exactly (ECMAScript `Number.prototype.toString` rules); NaN and infinities
/// (not representable in JSON) as `null`.
pub fn number_to_json(x: f64) -> String {
    if !x.is_finite() {
        return "null".to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    // Shortest round-trip digits from Rust's formatter, as d.ddddde±x.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let k = digits.len() as i32;
    let n = exp + 1; // position of the decimal point relative to the digits
    let mut s = String::new();
    if x < 0.0 {
        s.push('-');
    }
    if k <= n && n <= 21 {
        s.push_str(&digits);
        s.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        s.push_str(&digits[..n as usize]);
        s.push('.');
        s.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', (-n) as usize));
        s.push_str(&digits);
    } else {
        s.push_str(&digits[..1]);
        if k > 1 {
            s.push('.');
            s.push_str(&digits[1..]);
        }
        let e = n - 1;
        let _ = write!(s, "e{}{}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    s
}

/// Appends `text` as a JSON string literal (quotes included).
pub fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Writer {
    out: String,
    pretty: bool,
}

impl Writer {
    fn newline(&mut self, level: usize) {
        if self.pretty {
            self.out.push('\n');
            self.out.extend(std::iter::repeat_n('\t', level));
        }
    }

    fn value(&mut self, v: &Value, depth: usize) -> Result<(), String> {
        if self.out.len() > super::value::MAX_TEXT_BYTES {
            return Err("JSON Stringify: the text would be longer than 1 GiB".to_string());
        }
        if depth > MAX_DEPTH {
            return Err(format!(
                "JSON Stringify: value nested more than {MAX_DEPTH} levels deep (does an object contain itself?)"
            ));
        }
        match v {
            Value::Undefined | Value::Null => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Value::Real(r) => self.out.push_str(&number_to_json(*r)),
            Value::Time(t) => {
                let _ = write!(self.out, "{t}");
            }
            Value::Date(d) => write_json_string(&mut self.out, &d.iso()),
            Value::Text(t) => write_json_string(&mut self.out, t),
            Value::Function(_) => self.out.push_str("{}"),
            Value::Pointer(p) => write_json_string(&mut self.out, &p.to_string()),
            Value::Array(a) => {
                let items: Vec<Value> = a.borrow().items.iter().skip(1).cloned().collect();
                self.array(items.iter(), depth)?;
            }
            Value::Blob(_) => self.out.push_str("\"[object Blob]\""),
            Value::Object(o) => {
                // A shared borrow is enough: nothing here can mutate objects.
                let data = o.borrow();
                let members = data.props.iter().filter(|(_, v)| !v.is_undefined());
                self.object(members.map(|(k, v)| (k.as_str(), v)), depth)?;
            }
            Value::SharedObject(_) => {
                let entries = object_entries(v).unwrap_or_default();
                let members = entries.iter().filter(|(_, v)| !v.is_undefined());
                self.object(members.map(|(k, v)| (&**k, v)), depth)?;
            }
            Value::Collection(c) => {
                let items = c.borrow();
                self.array(items.iter(), depth)?;
            }
            Value::SharedCollection(_) => {
                let items = collection_items(v).unwrap_or_default();
                self.array(items.iter(), depth)?;
            }
        }
        Ok(())
    }

    fn object<'a>(
        &mut self,
        members: impl Iterator<Item = (&'a str, &'a Value)>,
        depth: usize,
    ) -> Result<(), String> {
        self.out.push('{');
        let mut any = false;
        for (k, v) in members {
            if any {
                self.out.push(',');
            }
            any = true;
            self.newline(depth + 1);
            write_json_string(&mut self.out, k);
            self.out.push_str(if self.pretty { ": " } else { ":" });
            self.value(v, depth + 1)?;
        }
        if any {
            self.newline(depth);
        }
        self.out.push('}');
        Ok(())
    }

    fn array<'a>(
        &mut self,
        items: impl Iterator<Item = &'a Value>,
        depth: usize,
    ) -> Result<(), String> {
        self.out.push('[');
        let mut any = false;
        for v in items {
            if any {
                self.out.push(',');
            }
            any = true;
            self.newline(depth + 1);
            self.value(v, depth + 1)?;
        }
        if any {
            self.newline(depth);
        }
        self.out.push(']');
        Ok(())
    }
}

/// `JSON Parse(text)`: objects (keys in order, last duplicate wins), collections, Real numbers,
/// texts, booleans, null. Inside objects and collections a text of the form `"YYYY-MM-DD"`
/// becomes a Date (the default "date type" setting).
pub fn parse(text: &str) -> Result<Value, String> {
    let mut p =
        Parser { s: text.as_bytes(), src: text, pos: 0, props: Vec::new(), items: Vec::new() };
    p.skip_ws();
    if p.pos >= p.s.len() {
        return Err("JSON Parse: empty JSON text".to_string());
    }
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos < p.s.len() {
        return Err(p.error("unexpected text after the JSON value"));
    }
    Ok(v)
}

/// `JSON Parse(text; type)`: parses, then converts the result to the type given by its
/// `Value type` code (`Is longint`, `Is real`, `Is text`, `Is date`, `Is time` (seconds),
/// `Is boolean`, `Is object`, `Is collection`). Other codes leave the value as parsed.
pub fn parse_as(text: &str, type_code: i32) -> Result<Value, String> {
    let v = parse(text)?;
    Ok(convert_to(v, type_code))
}

/// Converts a parsed JSON value to the type with `Value type` code `code` (see [`parse_as`]).
pub fn convert_to(v: Value, code: i32) -> Value {
    match code {
        type_code::IS_LONGINT | type_code::IS_INTEGER => {
            let n = match &v {
                Value::Real(r) => *r,
                Value::Bool(b) => *b as i32 as f64,
                Value::Text(t) => t.trim().parse::<f64>().unwrap_or(0.0),
                _ => 0.0,
            };
            Value::Int(if n.is_nan() {
                0
            } else {
                n.trunc().clamp(i32::MIN as f64, i32::MAX as f64) as i32
            })
        }
        type_code::IS_REAL => Value::Real(match &v {
            Value::Real(r) => *r,
            Value::Bool(b) => *b as i32 as f64,
            Value::Text(t) => t.trim().parse::<f64>().unwrap_or(0.0),
            _ => 0.0,
        }),
        type_code::IS_TEXT => match v {
            Value::Text(_) => v,
            Value::Real(r) => Value::text(format_real(r)),
            Value::Bool(b) => Value::text(if b { "true" } else { "false" }),
            Value::Date(d) => Value::text(d.iso()),
            Value::Null | Value::Undefined => Value::empty_text(),
            other => Value::text(stringify(&other, false).unwrap_or_default()),
        },
        type_code::IS_DATE => Value::Date(match &v {
            Value::Date(d) => *d,
            Value::Text(t) => iso_date_prefix(t).unwrap_or(Date::NULL),
            _ => Date::NULL,
        }),
        type_code::IS_TIME => Value::Time(match &v {
            Value::Real(r) if r.is_finite() => r.trunc() as i64,
            Value::Text(t) => super::datetime::parse_time(t).unwrap_or(0),
            _ => 0,
        }),
        type_code::IS_BOOLEAN => Value::Bool(match &v {
            Value::Bool(b) => *b,
            Value::Real(r) => *r != 0.0,
            Value::Text(t) => t.eq_ignore_ascii_case("true"),
            Value::Null | Value::Undefined => false,
            _ => true,
        }),
        type_code::IS_OBJECT => match v {
            Value::Object(_) => v,
            _ => Value::Null,
        },
        type_code::IS_COLLECTION => match v {
            Value::Collection(_) => v,
            _ => Value::Null,
        },
        _ => v,
    }
}

/// The date of a text starting with `YYYY-MM-DD` (the rest — a time, a zone — is ignored).
/// `0000-00-00` is the null date.
pub fn iso_date_prefix(t: &str) -> Option<Date> {
    let b = t.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = t.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if y == 0 && m == 0 && d == 0 {
        return Some(Date::NULL);
    }
    if !(1..=12).contains(&m)
        || d < 1
        || d > super::datetime::days_in_month(y as i64, m as i64) as u32
        || y == 0
    {
        return None;
    }
    Some(Date::new(y as u16, m as u8, d as u8))
}

/// A text that is exactly `YYYY-MM-DD` (a date inside a parsed object or collection).
fn exact_date(t: &str) -> Option<Date> {
    if t.len() == 10 {
        iso_date_prefix(t)
    } else {
        None
    }
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    pos: usize,
    /// The members of the objects being read (innermost last): each object is then made with
    /// room for exactly its members (grown one by one, a 5-member object kept room for 8).
    props: Vec<(Key, Value)>,
    /// The same for the elements of the collections being read.
    items: Vec<Value>,
}

impl<'a> Parser<'a> {
    /// A string token, borrowed from the source when it has no escapes (most do: no
    /// intermediate `String` per key or text).
    fn string_cow(&mut self) -> Result<std::borrow::Cow<'a, str>, String> {
        let start = self.pos + 1;
        let mut end = start;
        while let Some(&c) = self.s.get(end) {
            if c == b'"' || c == b'\\' {
                break;
            }
            end += 1;
        }
        if self.s.get(end) == Some(&b'"') {
            // Both ends are next to an ASCII quote: character boundaries.
            if let Some(run) = self.src.get(start..end) {
                self.pos = end + 1;
                return Ok(std::borrow::Cow::Borrowed(run));
            }
        }
        self.string().map(std::borrow::Cow::Owned)
    }

    fn error(&self, what: &str) -> String {
        let before = &self.src.as_bytes()[..self.pos.min(self.s.len())];
        let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|&&c| c != b'\n').count() + 1;
        format!("JSON Parse: {what} at line {line}, column {col}")
    }

    fn skip_ws(&mut self) {
        while let Some(&c) = self.s.get(self.pos) {
            if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' {
                self.pos += 1;
            } else if c == 0xEF && self.s.get(self.pos..self.pos + 3) == Some(&[0xEF, 0xBB, 0xBF]) {
                self.pos += 3; // byte order mark
            } else {
                break;
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        // At most MAX_DEPTH nested objects/collections (depth counts from 0).
        if depth >= MAX_DEPTH {
            return Err(self.error(&format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        match self.s.get(self.pos) {
            None => Err(self.error("unexpected end of JSON text")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Value::Text(Text::from(self.string_cow()?))),
            Some(b't') => self.keyword("true", Value::Bool(true)),
            Some(b'f') => self.keyword("false", Value::Bool(false)),
            Some(b'n') => self.keyword("null", Value::Null),
            Some(c) if *c == b'-' || c.is_ascii_digit() => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    /// A member value or element: as [`Self::value`], with `"YYYY-MM-DD"` texts read as dates.
    fn member(&mut self, depth: usize) -> Result<Value, String> {
        let v = self.value(depth)?;
        if let Value::Text(t) = &v {
            if let Some(d) = exact_date(t) {
                return Ok(Value::Date(d));
            }
        }
        Ok(v)
    }

    fn keyword(&mut self, word: &str, v: Value) -> Result<Value, String> {
        if self.s[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error("invalid literal"))
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let s = p.pos;
            while p.s.get(p.pos).is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos - s
        };
        if self.s.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            self.pos = start;
            return Err(self.error("invalid number"));
        }
        if self.s.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.s.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.s.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        let text = &self.src[start..self.pos];
        text.parse::<f64>().map(Value::Real).map_err(|_| self.error("invalid number"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let h = self.s.get(self.pos..self.pos + 4).ok_or_else(|| self.error("bad \\u escape"))?;
        let h = std::str::from_utf8(h).map_err(|_| self.error("bad \\u escape"))?;
        let v = u32::from_str_radix(h, 16).map_err(|_| self.error("bad \\u escape"))?;
        self.pos += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, String> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(&c) = self.s.get(self.pos) {
                if c == b'"' || c == b'\\' {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.src[run_start..self.pos]);
            match self.s.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                _ => {
                    self.pos += 1; // backslash
                    let Some(&e) = self.s.get(self.pos) else {
                        return Err(self.error("unterminated string"));
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.s.get(self.pos..self.pos + 2) == Some(b"\\u")
                            {
                                let save = self.pos;
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                } else {
                                    self.pos = save;
                                    0xFFFD
                                }
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("invalid escape in string"));
                        }
                    }
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        self.pos += 1;
        let start = self.props.len();
        self.skip_ws();
        if self.s.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Value::Object(ObjRef::from_props(PropMap::default())));
        }
        loop {
            self.skip_ws();
            if self.s.get(self.pos) != Some(&b'"') {
                return Err(self.error("expected a property name"));
            }
            let key = self.string_cow()?;
            self.skip_ws();
            if self.s.get(self.pos) != Some(&b':') {
                return Err(self.error("expected ':'"));
            }
            self.pos += 1;
            self.skip_ws();
            let v = self.member(depth + 1)?;
            self.props.push((Key::intern(&key), v));
            self.skip_ws();
            match self.s.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    let mut props = PropMap::with_capacity(self.props.len() - start);
                    for (k, v) in self.props.drain(start..) {
                        // `insert`: a repeated name keeps its first place and its last value.
                        props.insert(k, v);
                    }
                    return Ok(Value::Object(ObjRef::from_props(props)));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, String> {
        self.pos += 1;
        let start = self.items.len();
        self.skip_ws();
        if self.s.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value::Collection(CollRef::from_vec(Vec::new())));
        }
        loop {
            self.skip_ws();
            let v = self.member(depth + 1)?;
            self.items.push(v);
            self.skip_ws();
            match self.s.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    let items: Vec<Value> = self.items.drain(start..).collect();
                    return Ok(Value::Collection(CollRef::from_vec(items)));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(pairs: &[(&str, Value)]) -> Value {
        let o = ObjRef::new();
        for (k, v) in pairs {
            o.set_str(k, v.clone());
        }
        Value::Object(o)
    }

    fn coll(items: Vec<Value>) -> Value {
        let c = CollRef::new();
        for v in items {
            c.push(v);
        }
        Value::Collection(c)
    }

    #[test]
    fn check_35_scalars_and_collection() {
        assert_eq!(stringify(&Value::Int(120), false).unwrap(), "120");
        assert_eq!(stringify(&Value::Real(120.0), false).unwrap(), "120");
        let c = coll(vec![
            Value::Int(33),
            Value::text("mike"),
            Value::Date(Date::new(2017, 8, 28)),
            Value::Bool(false),
        ]);
        assert_eq!(stringify(&c, false).unwrap(), r#"[33,"mike","2017-08-28",false]"#);
        assert_eq!(stringify(&Value::Time(72000), false).unwrap(), "72000");
        assert_eq!(stringify(&Value::text("Eureka!"), false).unwrap(), "\"Eureka!\"");
        assert_eq!(stringify(&Value::Null, false).unwrap(), "null");
        assert_eq!(stringify(&Value::Undefined, false).unwrap(), "");
    }

    #[test]
    fn check_36_pretty() {
        let v = obj(&[("a", Value::text("x")), ("b", obj(&[("c", Value::text("y"))]))]);
        assert_eq!(
            stringify(&v, true).unwrap(),
            "{\n\t\"a\": \"x\",\n\t\"b\": {\n\t\t\"c\": \"y\"\n\t}\n}"
        );
        let v = obj(&[("a", Value::text("x")), ("b", obj(&[("c", Value::Int(1))]))]);
        assert_eq!(stringify(&v, false).unwrap(), r#"{"a":"x","b":{"c":1}}"#);
        assert_eq!(stringify(&obj(&[]), true).unwrap(), "{}");
        assert_eq!(stringify(&coll(vec![]), true).unwrap(), "[]");
        let v = coll(vec![Value::Int(1), coll(vec![Value::Int(2)])]);
        assert_eq!(stringify(&v, true).unwrap(), "[\n\t1,\n\t[\n\t\t2\n\t]\n]");
    }

    #[test]
    fn undefined_members_skipped_and_escapes() {
        let v = obj(&[
            ("u", Value::Undefined),
            ("t", Value::text("a\"b\\c\nd\u{1}é")),
            ("time", Value::Time(2)),
        ]);
        assert_eq!(
            stringify(&v, false).unwrap(),
            "{\"t\":\"a\\\"b\\\\c\\nd\\u0001é\",\"time\":2000}"
        );
        let c = CollRef::from_vec(vec![Value::Undefined, Value::Null]);
        assert_eq!(stringify(&Value::Collection(c), false).unwrap(), "[null,null]");
    }

    #[test]
    fn numbers() {
        assert_eq!(number_to_json(0.1), "0.1");
        assert_eq!(number_to_json(-2.5), "-2.5");
        assert_eq!(number_to_json(1.5e300), "1.5e+300");
        assert_eq!(number_to_json(1e21), "1e+21");
        assert_eq!(number_to_json(1e20), "100000000000000000000");
        assert_eq!(number_to_json(1e-7), "1e-7");
        assert_eq!(number_to_json(0.000001), "0.000001");
        assert_eq!(number_to_json(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(number_to_json(-0.0), "0");
        assert_eq!(number_to_json(f64::INFINITY), "null");
    }

    #[test]
    fn cycle_is_an_error_not_a_crash() {
        let o = ObjRef::new();
        o.set_str("me", Value::Object(o.clone()));
        assert!(stringify(&Value::Object(o.clone()), false).is_err());
        o.remove(&Key::new("me"));
    }

    #[test]
    fn parse_basics() {
        let v = parse(r#" {"b":1,"a":[true,null,"x",-1.5e2],"b":2} "#).unwrap();
        let Value::Object(o) = &v else { panic!() };
        let keys: Vec<String> = o.keys().iter().map(|k| k.as_str().to_string()).collect();
        assert_eq!(keys, ["b", "a"]);
        assert!(matches!(o.get_str("b"), Value::Real(r) if r == 2.0));
        assert_eq!(stringify(&v, false).unwrap(), r#"{"b":2,"a":[true,null,"x",-150]}"#);
        assert!(matches!(parse("42.17").unwrap(), Value::Real(r) if r == 42.17));
        assert_eq!(parse(r#""\u00e9\ud83d\ude00\/""#).unwrap().as_str(), Some("é😀/"));
    }

    #[test]
    fn parse_dates_inside_objects_only() {
        let v = parse(r#"{"name":"Marcus","birthday":"2017-10-16","ts":"1990-12-25T12:00:00Z"}"#)
            .unwrap();
        let Value::Object(o) = &v else { panic!() };
        assert!(matches!(o.get_str("birthday"), Value::Date(d) if d == Date::new(2017, 10, 16)));
        assert!(matches!(o.get_str("ts"), Value::Text(_)));
        assert!(matches!(parse(r#""2017-10-16""#).unwrap(), Value::Text(_)));
        assert!(
            matches!(parse(r#"["2017-02-30"]"#).unwrap(), Value::Collection(c) if matches!(c.get(0), Some(Value::Text(_))))
        );
    }

    #[test]
    fn parse_errors() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "tru",
            "\"abc",
            "[1] x",
            "{'a':1}",
            "\"\\x\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should fail");
        }
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).is_err());
        let deep_ok = format!("{}{}", "[".repeat(500), "]".repeat(500));
        assert!(parse(&deep_ok).is_ok());
    }

    #[test]
    fn deepest_allowed_nesting_round_trips() {
        let n = MAX_DEPTH;
        let text = format!("{}{}", "[".repeat(n), "]".repeat(n));
        let v = parse(&text).unwrap();
        assert_eq!(stringify(&v, false).unwrap(), text);
        let copy = super::super::ops::deep_copy(&v).unwrap();
        assert!(super::super::ops::deep_equal(&v, &copy, false));
        assert!(parse(&format!("[{text}]")).is_err());
    }

    #[test]
    fn parse_with_type() {
        assert!(matches!(parse_as("120.13", type_code::IS_LONGINT).unwrap(), Value::Int(120)));
        assert_eq!(parse_as("\"Year 42\"", type_code::IS_TEXT).unwrap().as_str(), Some("Year 42"));
        assert!(matches!(
            parse_as("{\"manager\":true}", type_code::IS_BOOLEAN).unwrap(),
            Value::Bool(true)
        ));
        assert!(matches!(parse_as("5120", type_code::IS_TIME).unwrap(), Value::Time(5120)));
        assert!(matches!(
            parse_as("\"2008-01-01T12:00:00Z\"", type_code::IS_DATE).unwrap(),
            Value::Date(d) if d == Date::new(2008, 1, 1)
        ));
        assert!(matches!(parse_as("[1]", type_code::IS_OBJECT).unwrap(), Value::Null));
    }
}

//! The query language of collections: `.query()` and `.indices()`.
//!
//! `propertyPath comparator value {and|or …}` with parentheses, `not`, indexed (`:1`) and named
//! (`:name`, from `querySettings.parameters` / `.attributes`) placeholders, `[]` in paths
//! (any element of a collection property matches), and the comparators `=`/`==` (with `@`
//! wildcards), `===`/`IS` (no wildcards), `#`/`!=`, `!==`/`IS NOT`, `<`, `<=`, `>`, `>=`, `IN`
//! and `%` (keyword). `and` binds tighter than `or`. A query is parsed once, then evaluated on
//! each element; elements that are not objects never match.

use std::cmp::Ordering;

use super::{Args, Host};
use crate::runtime::ops::{collection_items, values_equal};
use crate::runtime::{text, CollRef, ErrorKind, RtError, Value};

/// The elements of `items` that match the query in `args` (query string, then values or a
/// querySettings object), as their indexes.
pub fn matching_indexes(
    host: &mut dyn Host,
    items: &[Value],
    args: &Args,
    name: &str,
) -> Result<Vec<usize>, RtError> {
    let source = args.text(0, name)?;
    let inputs = Inputs::from_args(args);
    let query = Parser::new(&source, &inputs, name)?.parse()?;
    let is_object = |v: &Value| matches!(v, Value::Object(_) | Value::SharedObject(_));
    Ok(items
        .iter()
        .enumerate()
        .filter(|(_, v)| is_object(v) && query.matches(v, host))
        .map(|(i, _)| i)
        .collect())
}

/// What placeholders stand for.
struct Inputs {
    indexed: Vec<Value>,
    parameters: Value,
    attributes: Value,
}

impl Inputs {
    fn from_args(args: &Args) -> Inputs {
        let rest = args.values.get(1..).unwrap_or_default();
        match rest {
            [settings @ (Value::Object(_) | Value::SharedObject(_))] => Inputs {
                indexed: Vec::new(),
                parameters: crate::runtime::ops::get_path(settings, "parameters"),
                attributes: crate::runtime::ops::get_path(settings, "attributes"),
            },
            _ => Inputs {
                indexed: rest.to_vec(),
                parameters: Value::Undefined,
                attributes: Value::Undefined,
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Comparator {
    Equal,
    Identical,
    NotEqual,
    NotIdentical,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    Keyword,
}

/// A parsed query.
enum Query {
    Condition { path: Vec<Path>, op: Comparator, value: Operand },
    Not(Box<Query>),
    And(Box<Query>, Box<Query>),
    Or(Box<Query>, Box<Query>),
}

/// One step of a property path; `each` after a `[]` (every element of a collection).
#[derive(Debug, Clone)]
struct Path {
    name: String,
    each: bool,
}

/// What a condition compares with: a value (a list for `IN`), or `null`.
enum Operand {
    Value(Value),
    List(Vec<Value>),
}

impl Query {
    fn matches(&self, element: &Value, host: &mut dyn Host) -> bool {
        match self {
            Query::Not(q) => !q.matches(element, host),
            Query::And(a, b) => a.matches(element, host) && b.matches(element, host),
            Query::Or(a, b) => a.matches(element, host) || b.matches(element, host),
            Query::Condition { path, op, value } => {
                let found = values_at(element, path, host);
                match op {
                    // "not equal" is the negation of "equal" over all the values found.
                    Comparator::NotEqual => {
                        !found.iter().any(|v| test(v, Comparator::Equal, value))
                    }
                    Comparator::NotIdentical => {
                        !found.iter().any(|v| test(v, Comparator::Identical, value))
                    }
                    _ => found.iter().any(|v| test(v, *op, value)),
                }
            }
        }
    }
}

/// The values a path leads to (several after a `[]`; Undefined when a step is missing).
fn values_at(v: &Value, path: &[Path], host: &mut dyn Host) -> Vec<Value> {
    let Some((first, rest)) = path.split_first() else { return vec![v.clone()] };
    let next = match (member(v, &first.name), v) {
        // A computed property of a class instance (`Function get`) is read like the language
        // reads it (real projects count class instances by a computed property).
        (Value::Undefined, Value::Object(o)) => host.member(o, &first.name),
        (found, _) => found,
    };
    if first.each {
        match collection_items(&next) {
            Some(items) => items.iter().flat_map(|item| values_at(item, rest, host)).collect(),
            None => Vec::new(),
        }
    } else {
        values_at(&next, rest, host)
    }
}

/// Property `name` of an object (no dot splitting: a name may hold dots when it comes from a
/// collection of path parts).
fn member(v: &Value, name: &str) -> Value {
    match v {
        Value::Object(o) => o.get_str(name),
        Value::SharedObject(o) => {
            o.get(name).map(|s| crate::runtime::ops::shared_to_value(&s)).unwrap_or_default()
        }
        _ => Value::Undefined,
    }
}

/// One comparison of a found value with the operand.
fn test(found: &Value, op: Comparator, operand: &Operand) -> bool {
    let wanted = match operand {
        Operand::List(list) => {
            return list.iter().any(|w| equal(found, w, true));
        }
        Operand::Value(w) => w,
    };
    match op {
        Comparator::Equal | Comparator::NotEqual => equal(found, wanted, true),
        Comparator::Identical | Comparator::NotIdentical => equal(found, wanted, false),
        Comparator::In => match collection_items(wanted) {
            Some(list) => list.iter().any(|w| equal(found, w, true)),
            None => equal(found, wanted, true),
        },
        Comparator::Keyword => match (found, wanted) {
            (Value::Text(t), Value::Text(k)) => text::keyword_search(t, k),
            _ => false,
        },
        Comparator::Less => order(found, wanted) == Some(Ordering::Less),
        Comparator::LessOrEqual => order(found, wanted).is_some_and(|o| o != Ordering::Greater),
        Comparator::Greater => order(found, wanted) == Some(Ordering::Greater),
        Comparator::GreaterOrEqual => order(found, wanted).is_some_and(|o| o != Ordering::Less),
    }
}

/// Equality as the query language has it: `null` finds null and undefined, a text operand
/// finds texts (with `@` wildcards unless `wildcards` is false), a `YYYY-MM-DD` text also finds
/// that date, objects and collections are found by reference.
fn equal(found: &Value, wanted: &Value, wildcards: bool) -> bool {
    match (found, wanted) {
        (Value::Text(f), Value::Text(w)) if !wildcards => text::equals(f, w),
        (Value::Date(_), Value::Text(w)) => {
            as_date(w).is_some_and(|d| values_equal(found, &Value::Date(d)))
        }
        _ => values_equal(found, wanted),
    }
}

fn order(found: &Value, wanted: &Value) -> Option<Ordering> {
    match (found, wanted) {
        (Value::Text(f), Value::Text(w)) => Some(text::compare_wildcard(f, w)),
        (Value::Date(f), Value::Date(w)) => Some(f.cmp(w)),
        (Value::Date(f), Value::Text(w)) => as_date(w).map(|w| f.cmp(&w)),
        (Value::Bool(f), Value::Bool(w)) => Some(f.cmp(w)),
        _ => {
            let (f, w) = (number(found)?, number(wanted)?);
            f.partial_cmp(&w)
        }
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(_) | Value::Real(_) | Value::Time(_) => v.as_number(),
        _ => None,
    }
}

/// A `YYYY-MM-DD` text as a date.
fn as_date(t: &str) -> Option<crate::runtime::Date> {
    let b = t.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    let n = |r: std::ops::Range<usize>| t[r].parse::<i64>().ok();
    let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(crate::runtime::Date::normalized(y, m, d))
}

// ---------------------------------------------------------------------------------------------
// Parsing

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    Comparator(Comparator),
    And,
    Or,
    Not,
    Placeholder(String),
    Quoted(String),
    List(Vec<Token>),
    Word(String),
}

struct Parser<'a> {
    tokens: Vec<Token>,
    at: usize,
    inputs: &'a Inputs,
    name: &'a str,
}

fn syntax_error(name: &str, source: &str, why: &str) -> RtError {
    RtError::new(ErrorKind::Generic, format!("{name}: invalid query {source:?}: {why}"))
}

fn tokenize(source: &str, name: &str) -> Result<Vec<Token>, RtError> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |why: &str| syntax_error(name, source, why);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let two: String = chars[i..chars.len().min(i + 2)].iter().collect();
        let three: String = chars[i..chars.len().min(i + 3)].iter().collect();
        match c {
            _ if c.is_whitespace() => i += 1,
            '(' => {
                out.push(Token::Open);
                i += 1;
            }
            ')' => {
                out.push(Token::Close);
                i += 1;
            }
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&d| d == c)
                    .ok_or_else(|| err("a quote is not closed"))?;
                out.push(Token::Quoted(chars[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            '[' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&d| d == ']')
                    .ok_or_else(|| err("a `[` is not closed"))?;
                let inner: String = chars[i + 1..i + 1 + end].iter().collect();
                let mut items = Vec::new();
                for part in split_list(&inner) {
                    let part = part.trim();
                    let unquoted = part
                        .strip_prefix('"')
                        .and_then(|p| p.strip_suffix('"'))
                        .or_else(|| part.strip_prefix('\'').and_then(|p| p.strip_suffix('\'')));
                    match unquoted {
                        Some(t) => items.push(Token::Quoted(t.replace("\\\"", "\""))),
                        None if part.is_empty() => {}
                        None => items.push(Token::Word(part.to_string())),
                    }
                }
                out.push(Token::List(items));
                i += end + 2;
            }
            ':' => {
                let len =
                    chars[i + 1..].iter().take_while(|d| d.is_alphanumeric() || **d == '_').count();
                if len == 0 {
                    return Err(err("`:` must be followed by a placeholder name or number"));
                }
                out.push(Token::Placeholder(chars[i + 1..i + 1 + len].iter().collect()));
                i += len + 1;
            }
            '&' | '|' => {
                out.push(if c == '&' { Token::And } else { Token::Or });
                i += if next == Some(c) { 2 } else { 1 };
            }
            '=' | '!' | '#' | '<' | '>' | '%' => {
                let (op, len) = match (three.as_str(), two.as_str()) {
                    ("===", _) => (Comparator::Identical, 3),
                    ("!==", _) => (Comparator::NotIdentical, 3),
                    (_, "==") => (Comparator::Equal, 2),
                    (_, "!=") => (Comparator::NotEqual, 2),
                    (_, "<=") => (Comparator::LessOrEqual, 2),
                    (_, ">=") => (Comparator::GreaterOrEqual, 2),
                    _ => match c {
                        '=' => (Comparator::Equal, 1),
                        '#' => (Comparator::NotEqual, 1),
                        '<' => (Comparator::Less, 1),
                        '>' => (Comparator::Greater, 1),
                        '%' => (Comparator::Keyword, 1),
                        _ => return Err(err("`!` must be part of `!=` or `!==`")),
                    },
                };
                out.push(Token::Comparator(op));
                i += len;
            }
            _ => {
                let len = chars[i..]
                    .iter()
                    .take_while(|d| !d.is_whitespace() && !"()'\"=!#<>%&|:".contains(**d))
                    .count()
                    .max(1);
                let word: String = chars[i..i + len].iter().collect();
                i += len;
                let lower = word.to_ascii_lowercase();
                out.push(match lower.as_str() {
                    "and" => Token::And,
                    "or" => Token::Or,
                    "not" => Token::Not,
                    "in" => Token::Comparator(Comparator::In),
                    "is" => {
                        // `IS NOT` is one comparator
                        let rest: String = chars[i..].iter().collect();
                        let trimmed = rest.trim_start();
                        if trimmed.len() >= 3
                            && trimmed[..3].eq_ignore_ascii_case("not")
                            && trimmed[3..].starts_with(|c: char| c.is_whitespace() || c == ':')
                        {
                            i += rest.len() - trimmed.len() + 3;
                            Token::Comparator(Comparator::NotIdentical)
                        } else {
                            Token::Comparator(Comparator::Identical)
                        }
                    }
                    _ => Token::Word(word),
                });
            }
        }
    }
    Ok(out)
}

/// The items of a `[…]` list, split at commas outside double quotes.
fn split_list(inner: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    let mut prev = '\0';
    for c in inner.chars() {
        if c == '"' && prev != '\\' {
            quoted = !quoted;
        }
        if c == ',' && !quoted {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
        prev = c;
    }
    parts
}

impl<'a> Parser<'a> {
    fn new(source: &str, inputs: &'a Inputs, name: &'a str) -> Result<Parser<'a>, RtError> {
        Ok(Parser { tokens: tokenize(source, name)?, at: 0, inputs, name })
    }

    fn error(&self, why: &str) -> RtError {
        RtError::new(ErrorKind::Generic, format!("{}: invalid query: {why}", self.name))
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn parse(mut self) -> Result<Query, RtError> {
        if self.tokens.is_empty() {
            return Err(self.error("the query is empty"));
        }
        let q = self.or()?;
        match self.peek() {
            None => Ok(q),
            Some(t) => Err(self.error(&format!("unexpected {t:?}"))),
        }
    }

    fn or(&mut self) -> Result<Query, RtError> {
        let mut q = self.and()?;
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            q = Query::Or(Box::new(q), Box::new(self.and()?));
        }
        Ok(q)
    }

    fn and(&mut self) -> Result<Query, RtError> {
        let mut q = self.factor()?;
        while self.peek() == Some(&Token::And) {
            self.at += 1;
            q = Query::And(Box::new(q), Box::new(self.factor()?));
        }
        Ok(q)
    }

    fn factor(&mut self) -> Result<Query, RtError> {
        match self.next() {
            Some(Token::Not) => Ok(Query::Not(Box::new(self.factor()?))),
            Some(Token::Open) => {
                let q = self.or()?;
                match self.next() {
                    Some(Token::Close) => Ok(q),
                    _ => Err(self.error("a `(` is not closed")),
                }
            }
            Some(Token::Word(w)) => self.condition(parse_path(&w)),
            Some(Token::Quoted(w)) => self.condition(parse_path(&w)),
            Some(Token::Placeholder(p)) => {
                let path = self.attribute(&p)?;
                self.condition(path)
            }
            Some(t) => Err(self.error(&format!("a property path was expected, not {t:?}"))),
            None => Err(self.error("the query ends too early")),
        }
    }

    /// The path a placeholder in attribute position stands for.
    fn attribute(&self, p: &str) -> Result<Vec<Path>, RtError> {
        let v = self.placeholder(p, &self.inputs.attributes)?;
        match &v {
            Value::Text(t) => Ok(parse_path(t)),
            _ => match collection_items(&v) {
                Some(parts) => Ok(parts
                    .iter()
                    .map(|p| Path { name: p.as_str().unwrap_or("").to_string(), each: false })
                    .collect()),
                None => Err(self.error(&format!(
                    "the attribute placeholder :{p} must be a text or a collection of texts"
                ))),
            },
        }
    }

    /// The value of `:p`: an indexed value (`:1`), or a named one from `named`.
    fn placeholder(&self, p: &str, named: &Value) -> Result<Value, RtError> {
        if let Ok(n) = p.parse::<usize>() {
            return self
                .inputs
                .indexed
                .get(n.wrapping_sub(1))
                .cloned()
                .ok_or_else(|| self.error(&format!("no value for the placeholder :{n}")));
        }
        match member(named, p) {
            Value::Undefined => Err(self.error(&format!("no value for the placeholder :{p}"))),
            v => Ok(v),
        }
    }

    fn condition(&mut self, path: Vec<Path>) -> Result<Query, RtError> {
        let op = match self.next() {
            Some(Token::Comparator(op)) => op,
            Some(Token::Not) if self.peek() == Some(&Token::Comparator(Comparator::In)) => {
                // `path not in [...]`
                self.at += 1;
                let value = self.operand(Comparator::In)?;
                return Ok(Query::Not(Box::new(Query::Condition {
                    path,
                    op: Comparator::In,
                    value,
                })));
            }
            _ => return Err(self.error("a comparator was expected after the property path")),
        };
        let value = self.operand(op)?;
        Ok(Query::Condition { path, op, value })
    }

    fn operand(&mut self, op: Comparator) -> Result<Operand, RtError> {
        let v = match self.next() {
            Some(Token::Placeholder(p)) => self.placeholder(&p, &self.inputs.parameters)?,
            Some(Token::Quoted(t)) => Value::text(t),
            Some(Token::Word(w)) => literal(&w),
            Some(Token::List(items)) => {
                return Ok(Operand::List(
                    items
                        .into_iter()
                        .map(|t| match t {
                            Token::Quoted(s) => Value::text(s),
                            Token::Word(w) => literal(&w),
                            _ => Value::Undefined,
                        })
                        .collect(),
                ))
            }
            _ => return Err(self.error("a value was expected after the comparator")),
        };
        if op == Comparator::In {
            if let Some(items) = collection_items(&v) {
                return Ok(Operand::List(items));
            }
        }
        Ok(Operand::Value(v))
    }
}

/// A path such as `a.b`, `children[].age`.
fn parse_path(p: &str) -> Vec<Path> {
    p.split('.')
        .map(|part| match part.strip_suffix("[]") {
            Some(name) => Path { name: name.to_string(), each: true },
            None => Path { name: part.to_string(), each: false },
        })
        .collect()
}

/// A value written in the query: a number, `true`/`false` (case-sensitive), `null`, or text.
fn literal(w: &str) -> Value {
    match w {
        "true" => return Value::Bool(true),
        "false" => return Value::Bool(false),
        _ => {}
    }
    if w.eq_ignore_ascii_case("null") {
        return Value::Null;
    }
    if let Some(d) = as_date(w) {
        return Value::Date(d);
    }
    match w.parse::<f64>() {
        Ok(n) if w.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.') => {
            Value::Real(n)
        }
        _ => Value::text(w),
    }
}

/// `.query()`: the matching elements (same references), in their order.
pub fn query(host: &mut dyn Host, items: &[Value], args: &Args) -> Result<Value, RtError> {
    args.expect_count(".query()", 1, 129)?;
    let found = matching_indexes(host, items, args, ".query()")?;
    Ok(Value::Collection(CollRef::from_vec(
        found.into_iter().filter_map(|i| items.get(i).cloned()).collect(),
    )))
}

/// `.indices()`: the indexes of the matching elements, ascending.
pub fn indices(host: &mut dyn Host, items: &[Value], args: &Args) -> Result<Value, RtError> {
    args.expect_count(".indices()", 1, 129)?;
    let found = matching_indexes(host, items, args, ".indices()")?;
    Ok(Value::Collection(CollRef::from_vec(
        found.into_iter().map(|i| Value::Real(i as f64)).collect(),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t = tokenize("a.b >= 3 AND (c IS NOT 'x' || d in [1, \"a,b\"])", "q").unwrap();
        assert_eq!(t.len(), 13);
        assert!(matches!(&t[11], Token::List(items) if items.len() == 2));
        assert!(tokenize("a = 'open", "q").is_err());
        assert!(
            matches!(literal("2020-01-31"), Value::Date(d) if d == crate::runtime::Date::new(2020, 1, 31))
        );
        assert!(matches!(literal("12.5"), Value::Real(n) if n == 12.5));
        assert!(matches!(literal("True"), Value::Text(_)));
    }
}

//! `Match regex`, with `fancy-regex`: a backtracking engine over Rust's `regex` that has ICU's
//! look-around, back-references and atomic groups (the README lists what still differs).
//!
//! Positions and lengths are 1-based UTF-16 units, like every 4D text position.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use fancy_regex::Regex;

use super::{Args, CommandFn, Host};
use crate::runtime::array::to_element;
use crate::runtime::{RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[("Match regex", match_regex)];

/// Compiled patterns kept per thread (a loop calls `Match regex` with the same pattern).
const CACHE_SIZE: usize = 64;

thread_local! {
    static CACHE: RefCell<HashMap<(String, bool), Rc<Regex>>> = RefCell::new(HashMap::new());
}

/// `pattern` compiled; `whole` anchors it to the whole text.
fn compile(pattern: &str, whole: bool) -> Result<Rc<Regex>, RtError> {
    let key = (pattern.to_string(), whole);
    if let Some(re) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(re);
    }
    let source = if whole { format!(r"\A(?:{pattern})\z") } else { pattern.to_string() };
    let re = Regex::new(&source).map_err(|e| {
        RtError::generic(format!("Match regex: invalid regular expression `{pattern}`: {e}"))
    })?;
    let re = Rc::new(re);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_SIZE {
            c.clear();
        }
        c.insert(key, re.clone());
    });
    Ok(re)
}

/// The byte offset of UTF-16 unit `units` in `s` (the end when past it).
fn byte_offset(s: &str, units: usize) -> usize {
    let mut n = 0;
    for (i, c) in s.char_indices() {
        if n >= units {
            return i;
        }
        n += c.len_utf16();
    }
    s.len()
}

/// The number of UTF-16 units in `s[..byte]`.
fn utf16_units(s: &str, byte: usize) -> usize {
    s[..byte].chars().map(char::len_utf16).sum()
}

fn search_error(e: fancy_regex::Error) -> RtError {
    RtError::generic(format!("Match regex: {e}"))
}

/// `Match regex(pattern; aString)` (the whole text must match) and
/// `Match regex(pattern; aString; start{; pos_found; length_found}{; *})`: the first match from
/// `start` (or only at `start` with `*`). The found position and length (0 and 0 when nothing
/// matches) go to the variables, or with arrays those of the match and of each group.
fn match_regex(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Match regex";
    args.expect_count(NAME, 2, 5)?;
    let pattern = args.text(0, NAME)?;
    let text = args.text(1, NAME)?;
    if args.len() == 2 && !args.has_star() {
        let re = compile(&pattern, true)?;
        return Ok(Value::Bool(re.is_match(&text).map_err(search_error)?));
    }
    let start = if args.len() > 2 { args.num(2, NAME)? } else { 1.0 };
    let start = if start.is_nan() || start < 1.0 { 0 } else { start as usize - 1 };
    let from = byte_offset(&text, start);
    let re = compile(&pattern, false)?;
    let found = if from > text.len() {
        None
    } else {
        re.find_from_pos(&text, from).map_err(search_error)?
    };
    let found = found.filter(|m| !args.has_star() || m.start() == from);
    let wants_groups = matches!(args.get(3), Some(Value::Array(_)))
        || matches!(args.get(4), Some(Value::Array(_)));
    // (position, length) of the match then of each group; a group that took no part: 0, 0.
    let mut spans: Vec<(i32, i32)> = Vec::new();
    if let Some(m) = &found {
        if wants_groups {
            let caps = re.captures_from_pos(&text, m.start()).map_err(search_error)?;
            if let Some(caps) = caps {
                spans = (0..caps.len())
                    .map(|i| caps.get(i).map_or((0, 0), |g| unit_span(&text, g.start(), g.end())))
                    .collect();
            }
        }
        if spans.is_empty() {
            spans.push(unit_span(&text, m.start(), m.end()));
        }
    }
    let first = spans.first().copied().unwrap_or((0, 0));
    if args.len() > 3 {
        put_found(args, 3, first.0, spans.iter().map(|s| s.0));
    }
    if args.len() > 4 {
        put_found(args, 4, first.1, spans.iter().map(|s| s.1));
    }
    Ok(Value::Bool(found.is_some()))
}

/// 1-based UTF-16 position and length of the bytes `start..end` of `text`.
fn unit_span(text: &str, start: usize, end: usize) -> (i32, i32) {
    let p = utf16_units(text, start);
    let len = utf16_units(text, end) - p;
    (clamp_i32(p + 1), clamp_i32(len))
}

fn clamp_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Writes a found position or length: into a variable, or, for an array, the whole match in
/// element 0 and each capture group in elements 1…n (the array is resized to the group count;
/// emptied when nothing matched).
fn put_found(args: &mut Args, i: usize, scalar: i32, all: impl Iterator<Item = i32>) {
    match args.get(i) {
        Some(Value::Array(a)) if !a.is_2d() => {
            let elem = a.elem();
            let mut all = all.map(|n| to_element(elem, Value::Int(n)).unwrap_or(Value::Int(n)));
            let zero = all.next().unwrap_or_else(|| elem.default_value());
            let mut data = a.borrow_mut();
            data.items.clear();
            data.items.push(zero);
            data.items.extend(all);
        }
        _ => args.set_output(i, Value::Int(scalar)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_positions() {
        let s = "a😀b";
        assert_eq!(byte_offset(s, 1), 1);
        assert_eq!(byte_offset(s, 3), 5);
        assert_eq!(utf16_units(s, 5), 3);
    }
}

//! `Match regex`, with `fancy-regex`: a backtracking engine over Rust's `regex` that has ICU's
//! look-around, back-references and atomic groups (the README lists what still differs).
//!
//! Positions and lengths are 1-based UTF-16 units, like every 4D text position.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use fancy_regex::Regex;

use super::{Args, CommandFn, Host};
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
/// matches) go to the variables.
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
    let (pos, len) = match &found {
        Some(m) => {
            let p = utf16_units(&text, m.start());
            (p + 1, utf16_units(&text, m.end()) - p)
        }
        None => (0, 0),
    };
    if args.len() > 3 {
        args.set_output(3, Value::Int(pos as i32));
    }
    if args.len() > 4 {
        args.set_output(4, Value::Int(len as i32));
    }
    Ok(Value::Bool(found.is_some()))
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

//! Text, number-conversion, math and boolean commands (4D themes String, Math, Boolean).
//!
//! Positions and lengths are UTF-16 code units, 1-based (see [`crate::runtime::text`]).
//! Numeric results are Real, except `Length`, `Position`, `Character code` and `Random`
//! (Integer).

use std::cell::Cell;

use super::{Args, CommandFn, Host};
use crate::runtime::array::ElementType;
use crate::runtime::collection::CollRef;
use crate::runtime::format;
use crate::runtime::text;
use crate::runtime::value::MAX_TEXT_BYTES;
use crate::runtime::{ErrorKind, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("Length", length),
    ("Substring", substring),
    ("Position", position),
    ("Compare strings", compare_strings),
    ("Replace string", replace_string),
    ("Change string", change_string),
    ("Insert string", insert_string),
    ("Delete string", delete_string),
    ("Uppercase", uppercase),
    ("Lowercase", lowercase),
    ("Trim", trim),
    ("Trim start", trim_start),
    ("Trim end", trim_end),
    ("Split string", split_string),
    ("GET TEXT KEYWORDS", get_text_keywords),
    ("Char", char_),
    ("Character code", character_code),
    ("String", string),
    ("Num", num),
    ("Bool", bool_of),
    ("Abs", abs),
    ("Square root", square_root),
    ("Exp", exp),
    ("Log", log),
    ("Sin", sin),
    ("Cos", cos),
    ("Tan", tan),
    ("Arctan", arctan),
    ("Round", round),
    ("Trunc", trunc),
    ("Int", int),
    ("Dec", dec),
    ("Mod", mod_),
    ("Random", random),
    ("True", true_),
    ("False", false_),
    ("Not", not),
];

fn int_value(n: usize) -> Value {
    Value::Int(n.min(i32::MAX as usize) as i32)
}

/// A 1-based position argument as a 0-based offset (positions below 1 count as 1).
fn offset_arg(x: f64) -> usize {
    if x.is_nan() || x < 1.0 {
        0
    } else if x >= usize::MAX as f64 {
        usize::MAX
    } else {
        x as usize - 1
    }
}

/// A count argument (negative → 0).
fn count_arg(x: f64) -> usize {
    if x.is_nan() || x <= 0.0 {
        0
    } else if x >= usize::MAX as f64 {
        usize::MAX
    } else {
        x as usize
    }
}

/// `Length(text)` → Integer: UTF-16 code units (ignorable characters counted).
fn length(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Length", 1, 1)?;
    Ok(int_value(args.text_rc(0, "Length")?.utf16_len()))
}

/// `Substring(text; first{; count})`.
fn substring(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Substring";
    args.expect_count(NAME, 2, 3)?;
    let t = args.text_rc(0, NAME)?;
    let first = args.num(1, NAME)?;
    let count = if args.len() > 2 { count_arg(args.num(2, NAME)?) } else { usize::MAX };
    Ok(Value::text(t.substring_utf16(offset_arg(first), count)))
}

/// `Position(find; text{; start{; lengthFound}}{; *})` and
/// `Position(find; text; start; lengthFound; options)` → Integer (0 when not found).
fn position(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Position";
    args.expect_count(NAME, 2, 5)?;
    let find = args.text_rc(0, NAME)?;
    let t = args.text_rc(1, NAME)?;
    let from = if args.len() > 2 { offset_arg(args.num(2, NAME)?) } else { 0 };
    let found = if args.len() > 4 {
        let options = args.num(4, NAME)?;
        text::find_with_options(&t, &find, from, options as i32)
    } else {
        text::find_in(&t, &find, from, args.has_star())
    };
    let (pos, len) = match found {
        Some((p, l)) => (p + 1, l),
        None => (0, 0),
    };
    if args.len() > 3 {
        args.set_output(3, int_value(len));
    }
    Ok(int_value(pos))
}

/// The error for a text that would grow past [`MAX_TEXT_BYTES`].
fn too_long() -> RtError {
    RtError::new(ErrorKind::LimitExceeded, "text longer than 1 GiB")
}

/// `Replace string(source; old; new{; howMany}{; *})`.
fn replace_string(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Replace string";
    args.expect_count(NAME, 3, 4)?;
    let source = args.text(0, NAME)?;
    let old = args.text(1, NAME)?;
    let new = args.text(2, NAME)?;
    let how_many = if args.len() > 3 { Some(count_arg(args.num(3, NAME)?)) } else { None };
    text::try_replace(&source, &old, &new, how_many, args.has_star(), MAX_TEXT_BYTES)
        .map(Value::text)
        .ok_or_else(too_long)
}

/// `Change string(source; newChars; where)`: overwrites, keeping the length of `source`.
fn change_string(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Change string";
    args.expect_count(NAME, 3, 3)?;
    let source = args.text(0, NAME)?;
    let new = args.text(1, NAME)?;
    let at = args.num(2, NAME)?;
    let len = text::utf16_len(&source);
    if new.is_empty() || at.is_nan() || at < 1.0 || at > len as f64 {
        return Ok(Value::text(source));
    }
    let start = at as usize - 1;
    let room = len - start;
    let new = text::substring_utf16(&new, 0, room);
    let n = text::utf16_len(&new);
    Ok(Value::text(text::splice_utf16(&source, start, n, &new)))
}

/// `Insert string(source; what; where)`.
fn insert_string(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Insert string";
    args.expect_count(NAME, 3, 3)?;
    let source = args.text(0, NAME)?;
    let what = args.text(1, NAME)?;
    let at = offset_arg(args.num(2, NAME)?);
    if what.is_empty() {
        return Ok(Value::text(source));
    }
    if source.len().saturating_add(what.len()) > MAX_TEXT_BYTES {
        return Err(too_long());
    }
    Ok(Value::text(text::splice_utf16(&source, at, 0, &what)))
}

/// `Delete string(source; where; numChars)` (where < 1 deletes from the beginning).
fn delete_string(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Delete string";
    args.expect_count(NAME, 3, 3)?;
    let source = args.text(0, NAME)?;
    let at = offset_arg(args.num(1, NAME)?);
    let n = count_arg(args.num(2, NAME)?);
    if n == 0 || at >= text::utf16_len(&source) {
        return Ok(Value::text(source));
    }
    Ok(Value::text(text::splice_utf16(&source, at, n, "")))
}

/// `Uppercase(text{; *})`: accents dropped unless `*`.
fn uppercase(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Uppercase", 1, 1)?;
    Ok(Value::text(text::uppercase(&args.text(0, "Uppercase")?, args.has_star())))
}

/// `Lowercase(text{; *})`: accents dropped unless `*`.
fn lowercase(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Lowercase", 1, 1)?;
    Ok(Value::text(text::lowercase(&args.text(0, "Lowercase")?, args.has_star())))
}

fn trim(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Trim", 1, 1)?;
    Ok(Value::text(text::trim(&args.text(0, "Trim")?)))
}

fn trim_start(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Trim start", 1, 1)?;
    Ok(Value::text(text::trim_start(&args.text(0, "Trim start")?)))
}

fn trim_end(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Trim end", 1, 1)?;
    Ok(Value::text(text::trim_end(&args.text(0, "Trim end")?)))
}

/// `Split string(text; separator{; options})` → Collection. The separator is matched by
/// character codes; "" splits into characters (a character outside the BMP stays whole).
fn split_string(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Split string";
    args.expect_count(NAME, 2, 3)?;
    let t = args.text(0, NAME)?;
    let sep = args.text(1, NAME)?;
    let options = if args.len() > 2 { args.num(2, NAME)? as i32 } else { 0 };
    let ignore_empty = options & text::sk::IGNORE_EMPTY_STRINGS != 0;
    let trim_spaces = options & text::sk::TRIM_SPACES != 0;
    let mut buf = [0u8; 4];
    let pieces: Vec<&str> = if sep.is_empty() {
        t.char_indices().map(|(i, c)| &t[i..i + c.encode_utf8(&mut buf).len()]).collect()
    } else {
        t.split(sep.as_str()).collect()
    };
    let items = pieces
        .into_iter()
        .map(|p| if trim_spaces { text::trim(p) } else { p })
        .filter(|p| !(ignore_empty && p.is_empty()))
        .map(Value::text)
        .collect();
    Ok(Value::Collection(CollRef::from_vec(items)))
}

/// `Char(code)`: the UTF-16 code unit `code` (0..65535). A lone surrogate code gives U+FFFD;
/// codes out of range give "".
fn char_(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Char", 1, 1)?;
    let code = args.num(0, "Char")?;
    if !(0.0..65536.0).contains(&code) {
        return Ok(Value::empty_text());
    }
    let c = char::from_u32(code as u32).unwrap_or('\u{FFFD}');
    Ok(Value::text(c.to_string()))
}

/// `Character code(text)` → Integer: the first UTF-16 code unit (0 for "").
fn character_code(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Character code", 1, 1)?;
    let t = args.text_rc(0, "Character code")?;
    Ok(Value::Int(t.utf16_unit_at(0).map_or(0, i32::from)))
}

/// `String(value{; format{; addTime}})` / `String(number; base)`.
fn string(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "String";
    args.expect_count(NAME, 1, 3)?;
    let value = args.value(0);
    let fmt = args.get(1).cloned();
    let number = match value {
        Value::Int(i) => Some((i as f64, true)),
        Value::Real(r) => Some((r, false)),
        _ => None,
    };
    if let Some((x, is_int)) = number {
        let s = match fmt {
            None | Some(Value::Undefined) => {
                if is_int {
                    format::format_int(x as i32)
                } else {
                    format::format_real(x)
                }
            }
            Some(Value::Text(f)) => format::format_with(x, &f),
            Some(Value::Int(_)) | Some(Value::Real(_)) => {
                let base = args.num(1, NAME)?;
                format::format_radix(x, base as i32).ok_or_else(|| {
                    RtError::generic(format!(
                        "String: the base must be between 2 and 36, not {}",
                        format::format_real(base)
                    ))
                })?
            }
            Some(other) => {
                return Err(RtError::type_mismatch(format!(
                    "String: the format of a number must be a text or a base, not {}",
                    other.kind_name()
                )))
            }
        };
        return Ok(Value::text(s));
    }
    match &value {
        Value::Text(_) => Ok(value),
        Value::Bool(b) => Ok(Value::text(if *b { "True" } else { "False" })),
        Value::Undefined => Ok(Value::empty_text()),
        Value::Null => Ok(Value::text("null")),
        // (not documented: the form the REPL and JSON show, `->name`)
        Value::Pointer(p) => Ok(Value::text(p.to_string())),
        // Dates, times, objects, collections.
        _ => match format::format_other(&value, fmt.as_ref(), args.get(2)) {
            Some(s) => Ok(Value::text(s)),
            None => Err(RtError::new(
                ErrorKind::Unimplemented,
                format!("String of {} value is not implemented yet", value.a_kind()),
            )),
        },
    }
}

/// `Num(value{; separator})` or `Num(text; base)` (4D 21) → Real.
fn num(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Num";
    args.expect_count(NAME, 1, 2)?;
    if args.len() > 1 && matches!(args.value(1), Value::Int(_) | Value::Real(_)) {
        let base = args.num(1, NAME)? as i64;
        return Ok(Value::Real(match args.value(0) {
            Value::Text(t) => parse_int_radix(&t, base),
            Value::Bool(b) => f64::from(u8::from(b)),
            Value::Int(i) => i as f64,
            Value::Real(r) => r,
            Value::Time(t) => t as f64,
            _ => 0.0,
        }));
    }
    let sep = if args.len() > 1 { args.text(1, NAME)? } else { String::new() };
    let r = match args.value(0) {
        Value::Text(t) => format::parse_num_with(&t, if sep.is_empty() { "." } else { &sep }),
        Value::Bool(b) => f64::from(u8::from(b)),
        Value::Int(i) => i as f64,
        Value::Real(r) => r,
        Value::Time(t) => t as f64,
        Value::Undefined | Value::Null => 0.0,
        other => {
            return Err(RtError::type_mismatch(format!(
                "Num: argument 1 must be a text, a number or a boolean, not {}",
                other.kind_name()
            )))
        }
    };
    Ok(Value::Real(r))
}

/// The `Num(text; base)` form: EcmaScript's `parseInt(text, base)` (the docs say it follows it),
/// with 0 where parseInt gives NaN (the docs' `Num("2";2)` is 0). Base 0 means 16 after "0x",
/// else 10; other bases outside 2..=36 give 0.
fn parse_int_radix(text: &str, base: i64) -> f64 {
    let s = text.trim_start();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let has_hex_prefix = s.as_bytes().get(..2).is_some_and(|b| b.eq_ignore_ascii_case(b"0x"));
    let (radix, digits) = match base {
        0 if has_hex_prefix => (16, &s[2..]),
        0 => (10, s),
        16 if has_hex_prefix => (16, &s[2..]),
        2..=36 => (base as u32, s),
        _ => return 0.0,
    };
    let mut value = 0.0f64;
    let mut any = false;
    for c in digits.chars() {
        match c.to_digit(radix) {
            Some(d) => {
                value = value * f64::from(radix) + f64::from(d);
                any = true;
            }
            None => break,
        }
    }
    match (any, negative) {
        (false, _) => 0.0,
        (true, true) => -value,
        (true, false) => value,
    }
}

/// `Bool(value)` → Boolean: a number is True when not 0, a text when it reads "True" (any case);
/// Undefined and Null are False.
fn bool_of(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Bool", 1, 1)?;
    Ok(Value::Bool(match args.value(0) {
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::Real(r) => r != 0.0,
        Value::Text(t) => t.eq_ignore_ascii_case("true"),
        Value::Undefined | Value::Null => false,
        other => {
            return Err(RtError::type_mismatch(format!(
                "Bool: argument 1 must be a boolean, a number or a text, not {}",
                other.kind_name()
            )))
        }
    }))
}

fn unary(args: &Args, name: &str, f: fn(f64) -> f64) -> Result<Value, RtError> {
    args.expect_count(name, 1, 1)?;
    Ok(Value::Real(f(args.num(0, name)?)))
}

/// A one-argument numeric function.
pub(super) type Kernel1 = fn(f64) -> f64;

/// The kernels of the commands written with [`unary`]: their result on a number is the
/// kernel's (see `ExprKind::Numeric1`).
pub(super) fn numeric_kernel1(name: &str) -> Option<Kernel1> {
    const KERNELS: [(&str, Kernel1); 10] = [
        ("Abs", f64::abs),
        ("Square root", f64::sqrt),
        ("Exp", f64::exp),
        ("Log", f64::ln),
        ("Sin", f64::sin),
        ("Cos", f64::cos),
        ("Tan", f64::tan),
        ("Arctan", f64::atan),
        ("Int", f64::floor),
        ("Dec", f64::fract),
    ];
    KERNELS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|&(_, k)| k)
}

fn abs(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Abs", f64::abs)
}

fn square_root(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Square root", f64::sqrt)
}

fn exp(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Exp", f64::exp)
}

/// `Log(x)`: natural logarithm (`Log(-1)` is NaN, `Log(0)` is -INF).
fn log(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Log", f64::ln)
}

fn sin(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Sin", f64::sin)
}

fn cos(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Cos", f64::cos)
}

fn tan(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Tan", f64::tan)
}

fn arctan(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Arctan", f64::atan)
}

fn places_arg(x: f64) -> i32 {
    if x.is_nan() {
        0
    } else {
        x.clamp(-1000.0, 1000.0) as i32
    }
}

/// `Round(x; places)`: half away from zero; negative places round left of the point.
fn round(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Round", 2, 2)?;
    let x = args.num(0, "Round")?;
    let places = places_arg(args.num(1, "Round")?);
    Ok(Value::Real(format::round_half_away(x, places)))
}

/// `Trunc(x; places)`: toward −∞ at the given place.
fn trunc(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Trunc", 2, 2)?;
    let x = args.num(0, "Trunc")?;
    let places = places_arg(args.num(1, "Trunc")?);
    Ok(Value::Real(format::trunc_floor(x, places)))
}

/// `Int(x)`: the integer part, toward −∞ (`Int(-123.4)` = -124).
fn int(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Int", f64::floor)
}

/// `Dec(x)`: the fractional part (same sign as `x`).
fn dec(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    unary(args, "Dec", f64::fract)
}

/// `Mod(a; b)`: remainder of the integer division of the rounded operands (sign of `a`;
/// `Mod(a; 0)` = 0).
fn mod_(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Mod", 2, 2)?;
    let (a, b) = (args.num(0, "Mod")?, args.num(1, "Mod")?);
    Ok(Value::Real(mod_numbers(a, b)))
}

/// `Mod(a; b)` on two numbers (also the kernel of `ExprKind::Numeric2` for `Mod`).
pub fn mod_numbers(a: f64, b: f64) -> f64 {
    let a = format::round_half_away(a, 0);
    let b = format::round_half_away(b, 0);
    if b == 0.0 || !a.is_finite() || !b.is_finite() {
        return 0.0;
    }
    // Integral operands (they are rounded) in i64 range: the integer remainder is the exact
    // value fmod computes, without its bit-by-bit loop.
    const LIMIT: f64 = (1u64 << 62) as f64;
    if a.abs() < LIMIT && b.abs() < LIMIT {
        return (a as i64 % b as i64) as f64 + 0.0;
    }
    a % b + 0.0
}

thread_local! {
    static RANDOM_STATE: Cell<u64> = const { Cell::new(0) };
}

fn next_random() -> u64 {
    RANDOM_STATE.with(|state| {
        let mut x = state.get();
        if x == 0 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            let local = &x as *const u64 as u64;
            x = (nanos ^ local.rotate_left(32)) | 1;
        }
        // xorshift64*
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}

/// `Random` → Integer in 0..32767.
fn random(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Random", 0, 0)?;
    Ok(Value::Int(((next_random() >> 33) % 32768) as i32))
}

fn true_(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("True", 0, 0)?;
    Ok(Value::Bool(true))
}

fn false_(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("False", 0, 0)?;
    Ok(Value::Bool(false))
}

fn not(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Not", 1, 1)?;
    Ok(Value::Bool(!args.boolean(0, "Not")?))
}

/// `Compare strings(a; b{; options})`: -1, 0 or 1; without options as the `<` operator compares.
fn compare_strings(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Compare strings";
    args.expect_count(NAME, 2, 3)?;
    let a = args.text(0, NAME)?;
    let b = args.text(1, NAME)?;
    let order = if args.len() > 2 {
        let options = args.num(2, NAME)?;
        text::compare_with_options(&a, &b, options as i32)
    } else {
        text::compare(&a, &b)
    };
    Ok(Value::Int(order as i32))
}

/// `GET TEXT KEYWORDS(text; arrKeywords{; *})`: the words of `text` (see
/// [`text::keywords`]) into a text array; with `*` each word once (first spelling kept,
/// compared as 4D compares texts: case- and accent-insensitive).
fn get_text_keywords(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "GET TEXT KEYWORDS";
    args.expect_count(NAME, 2, 3)?;
    let source = args.text(0, NAME)?;
    let mut words = text::keywords(&source);
    if args.has_star() {
        let mut unique: Vec<String> = Vec::with_capacity(words.len());
        for w in words {
            if !unique.iter().any(|u| text::equals(u, &w)) {
                unique.push(w);
            }
        }
        words = unique;
    }
    match args.get(1) {
        Some(Value::Array(a)) if a.elem() == ElementType::Text && !a.is_2d() => {
            let mut data = a.borrow_mut();
            data.items.truncate(1);
            if data.items.is_empty() {
                data.items.push(Value::text(""));
            }
            data.items.extend(words.into_iter().map(Value::text));
            Ok(Value::Undefined)
        }
        _ => Err(RtError::type_mismatch(format!(
            "{NAME} expects a text array as its second parameter"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoHost;

    impl Host for NoHost {
        fn call(&mut self, _: &Value, _: Vec<Value>) -> Result<Value, RtError> {
            Err(RtError::generic("no host"))
        }
        fn write_stdout(&mut self, _: &str) {}
        fn write_stderr(&mut self, _: &str) {}
    }

    #[test]
    fn mod_integer_path_matches_fmod() {
        let m = command("Mod");
        let cases = [
            (7.0, 3.0),
            (-7.0, 3.0),
            (7.0, -3.0),
            (-4.0, 2.0),
            (2.5, 2.0),
            (-2.5, 2.0),
            (1e17 + 3.0, 1e9 + 7.0),
            (-(2f64.powi(61)), 2147483648.0),
            (2f64.powi(62) + 8.0, 3.0),
            (1e300, 7.0),
        ];
        for (a, b) in cases {
            let got = m(&mut NoHost, &mut Args::new(vec![Value::Real(a), Value::Real(b)]));
            let (ra, rb) = (format::round_half_away(a, 0), format::round_half_away(b, 0));
            let want = ra % rb + 0.0;
            match got {
                Ok(Value::Real(r)) => assert_eq!(r.to_bits(), want.to_bits(), "Mod({a};{b})"),
                _ => panic!("Mod({a};{b}) did not return a Real"),
            }
        }
    }

    fn command(name: &str) -> CommandFn {
        COMMANDS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
            .unwrap_or_else(|| panic!("no command {name}"))
    }

    fn run_args(
        name: &str,
        values: Vec<Value>,
        star: bool,
    ) -> (Result<Value, RtError>, Vec<(usize, Value)>) {
        let mut args = Args::new(values);
        args.star = star;
        let r = command(name)(&mut NoHost, &mut args);
        (r, args.outputs)
    }

    fn run(name: &str, values: Vec<Value>) -> Value {
        run_args(name, values, false).0.unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn run_star(name: &str, values: Vec<Value>) -> Value {
        run_args(name, values, true).0.unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn err(name: &str, values: Vec<Value>) -> RtError {
        match run_args(name, values, false).0 {
            Ok(v) => panic!("{name}: expected an error, got {v:?}"),
            Err(e) => e,
        }
    }

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    fn r(x: f64) -> Value {
        Value::Real(x)
    }

    fn i(x: i32) -> Value {
        Value::Int(x)
    }

    fn text_of(v: Value) -> String {
        match v {
            Value::Text(s) => s.as_str().to_owned(),
            other => panic!("not a text: {other:?}"),
        }
    }

    fn real_of(v: Value) -> f64 {
        match v {
            Value::Real(x) => x,
            other => panic!("not a real: {other:?}"),
        }
    }

    fn int_of(v: Value) -> i32 {
        match v {
            Value::Int(x) => x,
            other => panic!("not an integer: {other:?}"),
        }
    }

    fn list_of(v: Value) -> Vec<String> {
        match v {
            Value::Collection(c) => c.to_vec().into_iter().map(text_of).collect(),
            other => panic!("not a collection: {other:?}"),
        }
    }

    #[test]
    fn names_are_canonical_4d_commands() {
        let table = include_str!("data/4d-commands.tsv");
        for (name, _) in COMMANDS {
            assert!(
                table.lines().any(|l| l.split('\t').next() == Some(name)),
                "{name} not in 4d-commands.tsv"
            );
        }
    }

    #[test]
    fn check_14_substring_length() {
        assert_eq!(text_of(run("Substring", vec![t("08/04/62"), r(4.0), r(2.0)])), "04");
        assert_eq!(int_of(run("Length", vec![t("Topaz")])), 5);
        assert_eq!(text_of(run("Substring", vec![t("Emergency"), r(1.0), r(6.0)])), "Emerge");
        assert_eq!(text_of(run("Substring", vec![t("abc"), r(2.0)])), "bc");
        assert_eq!(text_of(run("Substring", vec![t("abc"), r(4.0)])), "");
        assert_eq!(text_of(run("Substring", vec![t("abc"), r(2.0), r(99.0)])), "bc");
        assert_eq!(text_of(run("Substring", vec![t("abc"), r(-5.0), r(2.0)])), "ab");
        assert_eq!(text_of(run("Substring", vec![t("abc"), r(2.0), r(-1.0)])), "");
        assert_eq!(text_of(run("Substring", vec![t("abc"), r(1e300), r(1e300)])), "");
        assert_eq!(text_of(run("Substring", vec![t("abc"), r(f64::NAN)])), "abc");
        assert_eq!(text_of(run("Substring", vec![t("😀é"), r(3.0), r(1.0)])), "é");
        assert_eq!(int_of(run("Length", vec![t("😀")])), 2);
        assert_eq!(int_of(run("Length", vec![t("")])), 0);
        assert_eq!(int_of(run("Length", vec![t("a\u{1}")])), 2);
        assert_eq!(int_of(run("Length", vec![Value::Undefined])), 0);
        assert_eq!(err("Length", vec![]).kind, ErrorKind::WrongArgCount);
        assert_eq!(err("Length", vec![r(1.0)]).kind, ErrorKind::TypeMismatch);
        assert_eq!(err("Substring", vec![t("a")]).kind, ErrorKind::WrongArgCount);
    }

    #[test]
    fn check_15_position() {
        assert_eq!(int_of(run("Position", vec![t("ll"), t("Willow")])), 3);
        assert_eq!(int_of(run("Position", vec![t("day"), t("Today is the first day"), r(1.0)])), 3);
        assert_eq!(
            int_of(run("Position", vec![t("day"), t("Today is the first day"), r(4.0)])),
            20
        );
        assert_eq!(
            int_of(run_star("Position", vec![t("DAY"), t("Today is the first day"), r(1.0)])),
            0
        );
        assert_eq!(int_of(run("Position", vec![t(""), t("")])), 0);
        assert_eq!(int_of(run("Position", vec![t("x"), t("abc"), r(100.0)])), 0);
        assert_eq!(int_of(run("Position", vec![t("a"), t("abc"), r(-3.0)])), 1);
        let (res, out) = run_args("Position", vec![t("œ"), t("Bœuf"), r(1.0), i(0)], false);
        assert_eq!(int_of(res.expect("ok")), 2);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, 3);
        assert_eq!(int_of(out[0].1.clone()), 1);
        let (res, out) = run_args("Position", vec![t("ae"), t("Cæsar"), r(1.0), i(0)], false);
        assert_eq!(int_of(res.expect("ok")), 2);
        assert_eq!(int_of(out[0].1.clone()), 1);
        let (res, out) = run_args("Position", vec![t("zz"), t("abc"), r(1.0), i(7)], false);
        assert_eq!(int_of(res.expect("ok")), 0);
        assert_eq!(int_of(out[0].1.clone()), 0);
        // 5-parameter form with sk options
        let (res, out) = run_args(
            "Position",
            vec![t("joel"), t("Hello Joelle et joël!"), r(1.0), i(0), r(2.0 + 4.0 + 32.0)],
            false,
        );
        assert_eq!(int_of(res.expect("ok")), 17);
        assert_eq!(int_of(out[0].1.clone()), 4);
        assert_eq!(int_of(run("Position", vec![t("x"), t("😀x")])), 3);
        assert_eq!(int_of(run("Position", vec![t("abc@"), t("xabc@")])), 2);
        assert_eq!(int_of(run("Position", vec![t("abc@"), t("xabcd")])), 0);
    }

    #[test]
    fn check_16_replace_string() {
        assert_eq!(text_of(run("Replace string", vec![t("Shout"), t("o"), t("")])), "Shut");
        assert_eq!(text_of(run("Replace string", vec![t("Willow"), t("ll"), t("d")])), "Widow");
        assert_eq!(
            text_of(run("Replace string", vec![t("Crème brûlée"), t("Brulee"), t("caramel")])),
            "Crème caramel"
        );
        assert_eq!(
            text_of(run_star("Replace string", vec![t("Crème brûlée"), t("Brulee"), t("caramel")])),
            "Crème brûlée"
        );
        assert_eq!(
            text_of(run("Replace string", vec![t("a-a-a"), t("a"), t("b"), r(2.0)])),
            "b-b-a"
        );
        assert_eq!(
            text_of(run("Replace string", vec![t("a-a-a"), t("a"), t("b"), r(0.0)])),
            "a-a-a"
        );
        assert_eq!(text_of(run("Replace string", vec![t("abc"), t(""), t("x")])), "abc");
        assert_eq!(
            text_of(run_star("Replace string", vec![t("a\tb\tc"), t("\t"), t(",")])),
            "a,b,c"
        );
    }

    #[test]
    fn change_insert_delete() {
        assert_eq!(text_of(run("Change string", vec![t("Acme"), t("CME"), r(2.0)])), "ACME");
        assert_eq!(
            text_of(run("Change string", vec![t("November"), t("Dec"), r(1.0)])),
            "December"
        );
        assert_eq!(text_of(run("Change string", vec![t("abc"), t("XYZW"), r(2.0)])), "aXY");
        assert_eq!(text_of(run("Change string", vec![t("abc"), t("X"), r(0.0)])), "abc");
        assert_eq!(text_of(run("Change string", vec![t("abc"), t("X"), r(4.0)])), "abc");
        assert_eq!(text_of(run("Change string", vec![t("abc"), t(""), r(1.0)])), "abc");
        assert_eq!(
            text_of(run("Insert string", vec![t("The tree"), t(" green"), r(4.0)])),
            "The green tree"
        );
        assert_eq!(text_of(run("Insert string", vec![t("Shut"), t("o"), r(3.0)])), "Shout");
        assert_eq!(
            text_of(run("Insert string", vec![t("Indention"), t("ta"), r(6.0)])),
            "Indentation"
        );
        assert_eq!(text_of(run("Insert string", vec![t("abc"), t("X"), r(99.0)])), "abcX");
        assert_eq!(text_of(run("Insert string", vec![t("abc"), t("X"), r(-1.0)])), "Xabc");
        assert_eq!(text_of(run("Delete string", vec![t("Lamborghini"), r(6.0), r(6.0)])), "Lambo");
        assert_eq!(
            text_of(run("Delete string", vec![t("Indentation"), r(6.0), r(2.0)])),
            "Indention"
        );
        assert_eq!(text_of(run("Delete string", vec![t("abcdef"), r(3.0), r(32000.0)])), "ab");
        assert_eq!(text_of(run("Delete string", vec![t("abc"), r(9.0), r(1.0)])), "abc");
        assert_eq!(text_of(run("Delete string", vec![t("abc"), r(1.0), r(0.0)])), "abc");
        assert_eq!(text_of(run("Delete string", vec![t("abc"), r(0.0), r(1.0)])), "bc");
        assert_eq!(text_of(run("Delete string", vec![t(""), r(1.0), r(1.0)])), "");
    }

    #[test]
    fn check_21_case() {
        assert_eq!(text_of(run("Uppercase", vec![t("hélène")])), "HELENE");
        assert_eq!(text_of(run_star("Uppercase", vec![t("hélène")])), "HÉLÈNE");
        assert_eq!(text_of(run("Lowercase", vec![t("HÉLÈNE")])), "helene");
        assert_eq!(text_of(run_star("Lowercase", vec![t("HÉLÈNE")])), "hélène");
    }

    #[test]
    fn trims_and_split() {
        assert_eq!(text_of(run("Trim", vec![t("     Hello World!    ")])), "Hello World!");
        assert_eq!(text_of(run("Trim start", vec![t("  a  ")])), "a  ");
        assert_eq!(text_of(run("Trim end", vec![t("  a  ")])), "  a");
        let s = "John;Doe;120 jefferson st.;Riverside;; NJ; 08075";
        assert_eq!(
            list_of(run("Split string", vec![t(s), t(";")])),
            ["John", "Doe", "120 jefferson st.", "Riverside", "", " NJ", " 08075"]
        );
        assert_eq!(
            list_of(run("Split string", vec![t(s), t(";"), r(1.0)])),
            ["John", "Doe", "120 jefferson st.", "Riverside", " NJ", " 08075"]
        );
        assert_eq!(
            list_of(run("Split string", vec![t(s), t(";"), r(3.0)])),
            ["John", "Doe", "120 jefferson st.", "Riverside", "NJ", "08075"]
        );
        assert_eq!(list_of(run("Split string", vec![t("abc"), t(",")])), ["abc"]);
        assert_eq!(list_of(run("Split string", vec![t("a😀"), t("")])), ["a", "😀"]);
        assert_eq!(list_of(run("Split string", vec![t(""), t(",")])), [""]);
        assert!(list_of(run("Split string", vec![t(""), t(","), r(1.0)])).is_empty());
        assert_eq!(list_of(run("Split string", vec![t("a, ,b"), t(","), r(3.0)])), ["a", "b"]);
        assert_eq!(list_of(run("Split string", vec![t("a<>b<>c"), t("<>")])), ["a", "b", "c"]);
    }

    #[test]
    fn char_and_code() {
        assert_eq!(text_of(run("Char", vec![r(65.0)])), "A");
        assert_eq!(text_of(run("Char", vec![r(233.0)])), "é");
        assert_eq!(text_of(run("Char", vec![r(0.0)])), "\u{0}");
        assert_eq!(text_of(run("Char", vec![r(-1.0)])), "");
        assert_eq!(text_of(run("Char", vec![r(70000.0)])), "");
        assert_eq!(text_of(run("Char", vec![r(0xD800 as f64)])), "\u{FFFD}");
        assert_eq!(text_of(run("Char", vec![r(f64::NAN)])), "");
        assert_eq!(int_of(run("Character code", vec![t("A")])), 65);
        assert_eq!(int_of(run("Character code", vec![t("abc")])), 97);
        assert_eq!(int_of(run("Character code", vec![t("")])), 0);
        assert_eq!(int_of(run("Character code", vec![t("😀")])), 0xD83D);
    }

    #[test]
    fn check_18_string() {
        assert_eq!(text_of(run("String", vec![r(32768.0)])), "32768");
        assert_eq!(text_of(run("String", vec![r(1.0 / 3.0)])), "0.3333333333333");
        assert_eq!(text_of(run("String", vec![r(1.0 / 3.0), t("##0.00000")])), "0.33333");
        assert_eq!(text_of(run("String", vec![r(f64::INFINITY)])), "INF");
        assert_eq!(text_of(run("String", vec![r(-1.0), t("&x")])), "0xFFFFFFFF");
        assert_eq!(text_of(run("String", vec![i(-1), t("&x")])), "0xFFFFFFFF");
        assert_eq!(text_of(run("String", vec![i(42)])), "42");
        assert_eq!(text_of(run("String", vec![r(254.0), i(16)])), "fe");
        assert_eq!(text_of(run("String", vec![r(10.0), r(2.0)])), "1010");
        assert_eq!(err("String", vec![r(10.0), r(1.0)]).kind, ErrorKind::Generic);
        assert_eq!(text_of(run("String", vec![t("abc"), t("##")])), "abc");
        assert_eq!(text_of(run("String", vec![Value::Bool(true)])), "True");
        assert_eq!(text_of(run("String", vec![Value::Bool(false)])), "False");
        assert_eq!(text_of(run("String", vec![Value::Undefined])), "");
        assert_eq!(text_of(run("String", vec![Value::Null])), "null");
        assert_eq!(text_of(run("String", vec![r(f64::NAN)])), "");
        assert_eq!(text_of(run("String", vec![Value::Time(5)])), "00:00:05");
        assert_eq!(err("String", vec![]).kind, ErrorKind::WrongArgCount);
    }

    #[test]
    fn check_17_num() {
        assert_eq!(real_of(run("Num", vec![t("A1B2C3")])), 123.0);
        assert_eq!(real_of(run("Num", vec![t("123-456")])), 123.0);
        assert_eq!(real_of(run("Num", vec![Value::Bool(true)])), 1.0);
        assert_eq!(real_of(run("Num", vec![Value::Bool(false)])), 0.0);
        assert_eq!(real_of(run("Num", vec![i(7)])), 7.0);
        assert_eq!(real_of(run("Num", vec![r(2.5)])), 2.5);
        assert_eq!(real_of(run("Num", vec![Value::Undefined])), 0.0);
        assert_eq!(real_of(run("Num", vec![t("33,333.33"), t(".")])), 33333.33);
        assert_eq!(real_of(run("Num", vec![t("ff"), i(16)])), 255.0);
        assert_eq!(real_of(run("Num", vec![t("0xFF"), i(16)])), 255.0);
        assert_eq!(real_of(run("Num", vec![t("2"), i(2)])), 0.0);
        assert_eq!(real_of(run("Num", vec![t("10.3"), i(16)])), 16.0);
        assert_eq!(real_of(run("Num", vec![t("123.20"), i(10)])), 123.0);
        assert_eq!(real_of(run("Num", vec![Value::Undefined, i(1)])), 0.0);
        assert_eq!(real_of(run("Num", vec![t("33 333,33"), t(",")])), 33333.33);
        assert_eq!(real_of(run("Num", vec![t("1.5")])), 1.5);
    }

    #[test]
    fn checks_19_20_math() {
        assert_eq!(real_of(run("Round", vec![r(16.857), r(2.0)])), 16.86);
        assert_eq!(real_of(run("Round", vec![r(-1.5), r(0.0)])), -2.0);
        assert_eq!(real_of(run("Round", vec![r(32345.67), r(-3.0)])), 32000.0);
        assert_eq!(real_of(run("Trunc", vec![r(-216.897), r(1.0)])), -216.9);
        assert_eq!(real_of(run("Trunc", vec![r(216.897), r(-1.0)])), 210.0);
        assert_eq!(real_of(run("Int", vec![r(-123.4)])), -124.0);
        assert_eq!(real_of(run("Int", vec![r(123.4)])), 123.0);
        assert_eq!(real_of(run("Mod", vec![r(3.5), r(2.0)])), 0.0);
        assert_eq!(real_of(run("Mod", vec![r(3.0), r(2.0)])), 1.0);
        assert_eq!(real_of(run("Mod", vec![r(4.0), r(2.0)])), 0.0);
        assert_eq!(real_of(run("Mod", vec![r(-7.0), r(3.0)])), -1.0);
        assert_eq!(real_of(run("Mod", vec![r(7.0), r(0.0)])), 0.0);
        assert!((real_of(run("Dec", vec![r(12.75)])) - 0.75).abs() < 1e-12);
        assert!((real_of(run("Dec", vec![r(-3.5)])) + 0.5).abs() < 1e-12);
        assert_eq!(real_of(run("Abs", vec![r(-2.5)])), 2.5);
        assert_eq!(real_of(run("Abs", vec![i(-3)])), 3.0);
        assert_eq!(real_of(run("Square root", vec![r(16.0)])), 4.0);
        assert!(real_of(run("Square root", vec![r(-1.0)])).is_nan());
        assert_eq!(real_of(run("Exp", vec![r(0.0)])), 1.0);
        assert_eq!(real_of(run("Log", vec![r(1.0)])), 0.0);
        assert!(real_of(run("Log", vec![r(-1.0)])).is_nan());
        assert_eq!(real_of(run("Log", vec![r(0.0)])), f64::NEG_INFINITY);
        assert_eq!(real_of(run("Sin", vec![r(0.0)])), 0.0);
        assert_eq!(real_of(run("Cos", vec![r(0.0)])), 1.0);
        assert_eq!(real_of(run("Tan", vec![r(0.0)])), 0.0);
        assert_eq!(
            text_of(run(
                "String",
                vec![run("Arctan", vec![r(1.0)])
                    .as_number()
                    .map(|x| r(x * 4.0))
                    .unwrap_or_default()]
            )),
            "3.14159265359"
        );
        assert_eq!(err("Round", vec![r(1.0)]).kind, ErrorKind::WrongArgCount);
        assert_eq!(err("Abs", vec![t("x")]).kind, ErrorKind::TypeMismatch);
    }

    #[test]
    fn random_and_booleans() {
        for _ in 0..1000 {
            let v = int_of(run("Random", vec![]));
            assert!((0..=32767).contains(&v));
        }
        let distinct: std::collections::HashSet<i32> =
            (0..100).map(|_| int_of(run("Random", vec![]))).collect();
        assert!(distinct.len() > 50);
        assert!(matches!(run("True", vec![]), Value::Bool(true)));
        assert!(matches!(run("False", vec![]), Value::Bool(false)));
        assert!(matches!(run("Not", vec![Value::Bool(true)]), Value::Bool(false)));
        assert!(matches!(run("Not", vec![Value::Bool(false)]), Value::Bool(true)));
        assert_eq!(err("Not", vec![r(1.0)]).kind, ErrorKind::TypeMismatch);
        assert_eq!(err("True", vec![r(1.0)]).kind, ErrorKind::WrongArgCount);
    }

    /// No input makes a command panic.
    #[test]
    fn no_panics_on_odd_inputs() {
        let odd = [
            Value::Undefined,
            Value::Null,
            r(f64::NAN),
            r(f64::INFINITY),
            r(f64::NEG_INFINITY),
            r(-1e300),
            r(1e300),
            i(i32::MIN),
            i(i32::MAX),
            r(0.0),
            t(""),
            t("😀"),
            t("\u{1}@@"),
            Value::Bool(true),
        ];
        for (name, f) in COMMANDS {
            for n in 0..=3 {
                let mut combos: Vec<Vec<Value>> = vec![vec![]];
                for _ in 0..n {
                    combos = combos
                        .into_iter()
                        .flat_map(|c| {
                            odd.iter().map(move |v| {
                                let mut c2 = c.clone();
                                c2.push(v.clone());
                                c2
                            })
                        })
                        .collect();
                }
                for values in combos {
                    let mut args = Args::new(values);
                    let _ = f(&mut NoHost, &mut args);
                    let mut args = Args::new(args.values);
                    args.star = true;
                    let _ = f(&mut NoHost, &mut args);
                }
            }
            let _ = name;
        }
    }
}

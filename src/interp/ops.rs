//! 4D's binary operators on values. All sit on one precedence level (the parser folds them
//! left to right); this module gives each its meaning per operand types.

use std::cmp::Ordering;

use crate::runtime::date::Date;
use crate::runtime::text;
use crate::runtime::value::Text;
use crate::runtime::{RtError, Value};
use crate::syntax::ast::BinOp;

/// Real equality tolerance used by `=` and `#` (4D's default comparison level).
pub const REAL_EPSILON: f64 = 1e-6;

fn type_error(op: BinOp, l: &Value, r: &Value) -> RtError {
    RtError::type_mismatch(format!(
        "the operator `{}` cannot be applied to {} and {}",
        op.symbol(),
        l.kind_name(),
        r.kind_name()
    ))
}

/// A number operand: Integer, Real, or a Time used as seconds.
#[inline]
fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Real(r) => Some(*r),
        Value::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// Converts a number to a 32-bit Longint the way 4D does for `%` and bitwise operators
/// (truncation toward zero, wrapping outside the range).
#[inline]
pub fn to_longint(x: f64) -> i32 {
    // `as` truncates toward zero and maps NaN to 0 (no libm call).
    (x as i64) as i32
}

pub fn binary(op: BinOp, l: Value, r: Value) -> Result<Value, RtError> {
    use BinOp::*;
    // Fast path: two numbers.
    if let (Some(a), Some(b)) = (num(&l), num(&r)) {
        return numeric(op, a, b).ok_or_else(|| type_error(op, &l, &r));
    }
    match op {
        Add => add(l, r),
        Sub => sub(l, r),
        Mul => mul(l, r),
        Div | IntDiv | Pow => time_arith(op, &l, &r),
        Mod => match (&l, &r) {
            (Value::Text(t), Value::Text(k)) => Ok(Value::Bool(text::keyword_search(t, k))),
            (Value::Time(a), Value::Time(b)) => {
                if *b == 0 {
                    Err(RtError::generic("division by zero in `%`"))
                } else {
                    Ok(Value::Time(a.wrapping_rem(*b)))
                }
            }
            _ => time_arith(op, &l, &r),
        },
        Eq => equal(&l, &r).map(Value::Bool).ok_or_else(|| type_error(op, &l, &r)),
        Ne => equal(&l, &r).map(|b| Value::Bool(!b)).ok_or_else(|| type_error(op, &l, &r)),
        Lt | Gt | Le | Ge => ordering(op, &l, &r),
        And | Or => match (&l, &r) {
            (Value::Bool(a), Value::Bool(b)) => {
                Ok(Value::Bool(if op == And { *a && *b } else { *a || *b }))
            }
            _ => Err(type_error(op, &l, &r)),
        },
        AndAnd | OrOr => Err(type_error(op, &l, &r)),
        BitXor | Shl | Shr | BitSet | BitClear | BitTest => Err(type_error(op, &l, &r)),
    }
}

/// Both operands numbers (Integer or Real). Also the interpreter's fast paths for number
/// operands, so that they cannot drift from the general operator: the common operators are
/// inlined into them, the rest is one call away.
#[inline(always)]
pub fn numeric(op: BinOp, a: f64, b: f64) -> Option<Value> {
    use BinOp::*;
    Some(match op {
        Add => Value::Real(a + b),
        Sub => Value::Real(a - b),
        Mul => Value::Real(a * b),
        Div => Value::Real(a / b),
        Mod => {
            let (x, y) = (to_longint(a), to_longint(b));
            if y == 0 {
                return Some(Value::Real(f64::NAN));
            }
            Value::Real(x.wrapping_rem(y) as f64)
        }
        Lt => Value::Bool(a < b),
        Gt => Value::Bool(a > b),
        Le => Value::Bool(a <= b),
        Ge => Value::Bool(a >= b),
        _ => return numeric_other(op, a, b),
    })
}

#[inline(never)]
fn numeric_other(op: BinOp, a: f64, b: f64) -> Option<Value> {
    use BinOp::*;
    Some(match op {
        Add | Sub | Mul | Div | Mod | Lt | Gt | Le | Ge => return numeric(op, a, b),
        IntDiv => Value::Real((a / b).floor()),
        Pow => Value::Real(a.powf(b)),
        Eq => Value::Bool((a - b).abs() <= REAL_EPSILON || a == b),
        Ne => Value::Bool(!((a - b).abs() <= REAL_EPSILON || a == b)),
        And => Value::Int(to_longint(a) & to_longint(b)),
        Or => Value::Int(to_longint(a) | to_longint(b)),
        BitXor => Value::Int(to_longint(a) ^ to_longint(b)),
        Shl => {
            let s = to_longint(b);
            Value::Int(if (0..32).contains(&s) { ((to_longint(a) as u32) << s) as i32 } else { 0 })
        }
        Shr => {
            let s = to_longint(b);
            Value::Int(if (0..32).contains(&s) { ((to_longint(a) as u32) >> s) as i32 } else { 0 })
        }
        BitSet => {
            let s = to_longint(b);
            Value::Int(if (0..32).contains(&s) { to_longint(a) | (1 << s) } else { to_longint(a) })
        }
        BitClear => {
            let s = to_longint(b);
            Value::Int(if (0..32).contains(&s) { to_longint(a) & !(1 << s) } else { to_longint(a) })
        }
        BitTest => {
            let s = to_longint(b);
            Value::Bool((0..32).contains(&s) && to_longint(a) & (1 << s) != 0)
        }
        AndAnd | OrOr => return None,
    })
}

/// Appends `parts` to `text` in place (copying it first only when it is shared with another
/// value), refusing to grow past [`crate::runtime::value::MAX_TEXT_BYTES`].
pub fn append_text(text: &mut Text, parts: &[&str]) -> Result<(), RtError> {
    let extra = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
    if text.len().saturating_add(extra) > crate::runtime::value::MAX_TEXT_BYTES {
        return Err(RtError::new(
            crate::runtime::ErrorKind::LimitExceeded,
            "text longer than 1 GiB",
        ));
    }
    // In place when held only here; a shared text (a literal, a variable's value) is copied
    // once, to exactly the result's size.
    text.push_strs(parts);
    Ok(())
}

/// Appends `r` to the text `l` in place when `l` is held only here (keeps `$t:=$t+"x"` linear).
pub fn add(l: Value, r: Value) -> Result<Value, RtError> {
    match (l, r) {
        (Value::Text(mut a), Value::Text(mut b)) => {
            // `"prefix"+String($i)`: the left text is shared (a literal), the right one a
            // temporary held only here: the prefix goes in front of it, in its own buffer.
            if !a.is_unique() && b.prepend_in_place(&a) {
                return Ok(Value::Text(b));
            }
            append_text(&mut a, &[&b])?;
            Ok(Value::Text(a))
        }
        (Value::Date(d), r) if num(&r).is_some() => {
            Ok(Value::Date(shift_date(d, num(&r).unwrap_or(0.0))))
        }
        (Value::Time(a), Value::Time(b)) => Ok(Value::Time(a.wrapping_add(b))),
        (l @ Value::Time(_), r) | (l, r @ Value::Time(_)) => time_arith(BinOp::Add, &l, &r),
        (l, r) => Err(type_error(BinOp::Add, &l, &r)),
    }
}

fn sub(l: Value, r: Value) -> Result<Value, RtError> {
    match (&l, &r) {
        (Value::Date(a), Value::Date(b)) => match (a.to_days(), b.to_days()) {
            (Some(x), Some(y)) => Ok(Value::Real((x - y) as f64)),
            _ => Ok(Value::Real(0.0)),
        },
        (Value::Date(d), r) if num(r).is_some() => {
            Ok(Value::Date(shift_date(*d, -num(r).unwrap_or(0.0))))
        }
        (Value::Time(a), Value::Time(b)) => Ok(Value::Time(a.wrapping_sub(*b))),
        _ => time_arith(BinOp::Sub, &l, &r),
    }
}

fn mul(l: Value, r: Value) -> Result<Value, RtError> {
    match (&l, &r) {
        (Value::Text(t), n) if num(n).is_some() => {
            let times = num(n).unwrap_or(0.0);
            let times = if times.is_finite() && times > 0.0 { times as usize } else { 0 };
            if t.len().saturating_mul(times) > crate::runtime::value::MAX_TEXT_BYTES {
                return Err(RtError::new(
                    crate::runtime::ErrorKind::LimitExceeded,
                    "text too long",
                ));
            }
            Ok(Value::text(t.repeat(times)))
        }
        _ => time_arith(BinOp::Mul, &l, &r),
    }
}

/// A Time mixed with a number (or two times for the operators not handled above): the time
/// counts as its seconds and the result is a number.
fn time_arith(op: BinOp, l: &Value, r: &Value) -> Result<Value, RtError> {
    let as_num = |v: &Value| match v {
        Value::Time(t) => Some(*t as f64),
        v => num(v),
    };
    match (as_num(l), as_num(r)) {
        (Some(a), Some(b)) if matches!(l, Value::Time(_)) || matches!(r, Value::Time(_)) => {
            numeric(op, a, b).ok_or_else(|| type_error(op, l, r))
        }
        _ => Err(type_error(op, l, r)),
    }
}

fn shift_date(d: Date, days: f64) -> Date {
    match d.to_days() {
        Some(x) => Date::from_days(x + days.trunc() as i64),
        None => d,
    }
}

/// `=`: `None` when the operand types cannot be compared.
pub fn equal(l: &Value, r: &Value) -> Option<bool> {
    Some(match (l, r) {
        (Value::Undefined | Value::Null, Value::Undefined | Value::Null) => true,
        (Value::Undefined | Value::Null, _) | (_, Value::Undefined | Value::Null) => false,
        (Value::Text(a), Value::Text(b)) => text::equals_wildcard(a, b),
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Date(a), Value::Date(b)) => a == b,
        (Value::Time(a), Value::Time(b)) => a == b,
        (Value::Pointer(a), Value::Pointer(b)) => a.same_target(b),
        (Value::Time(t), n) | (n, Value::Time(t)) if num(n).is_some() => {
            (*t as f64 - num(n).unwrap_or(0.0)).abs() <= REAL_EPSILON
        }
        (a, b) => match (a.ref_addr(), b.ref_addr()) {
            (Some(x), Some(y)) => x == y,
            _ => match (num(a), num(b)) {
                (Some(x), Some(y)) => (x - y).abs() <= REAL_EPSILON || x == y,
                _ => return None,
            },
        },
    })
}

fn ordering(op: BinOp, l: &Value, r: &Value) -> Result<Value, RtError> {
    let ord: Option<Ordering> = match (l, r) {
        // Undefined against a text, date, time or number is simply False.
        (
            Value::Undefined,
            Value::Text(_) | Value::Date(_) | Value::Time(_) | Value::Int(_) | Value::Real(_),
        )
        | (
            Value::Text(_) | Value::Date(_) | Value::Time(_) | Value::Int(_) | Value::Real(_),
            Value::Undefined,
        ) => return Ok(Value::Bool(false)),
        (Value::Text(a), Value::Text(b)) => Some(text::compare(a, b)),
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        (Value::Time(a), Value::Time(b)) => Some(a.cmp(b)),
        (Value::Time(t), n) if num(n).is_some() => (*t as f64).partial_cmp(&num(n).unwrap_or(0.0)),
        (n, Value::Time(t)) if num(n).is_some() => num(n).unwrap_or(0.0).partial_cmp(&(*t as f64)),
        _ => return Err(type_error(op, l, r)),
    };
    let Some(ord) = ord else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(match op {
        BinOp::Lt => ord == Ordering::Less,
        BinOp::Gt => ord == Ordering::Greater,
        BinOp::Le => ord != Ordering::Greater,
        _ => ord != Ordering::Less,
    }))
}

//! Commands of the Tools theme that need nothing from the interpreter (`Choose`).

use super::{Args, CommandFn, Host};
use crate::runtime::{Date, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[("Choose", choose)];

/// The "empty" value of `v`'s type (`Choose` with no value at the criterion's position).
fn empty_like(v: &Value) -> Value {
    match v {
        Value::Text(_) => Value::empty_text(),
        Value::Int(_) => Value::Int(0),
        Value::Real(_) => Value::Real(0.0),
        Value::Bool(_) => Value::Bool(false),
        Value::Date(_) => Value::Date(Date::NULL),
        Value::Time(_) => Value::Time(0),
        _ => Value::Null,
    }
}

/// `Choose(criterion; value{; value2; …})`: a Boolean picks value (True) or value2 (False); a
/// number picks the value at that 0-based position. Every value has already been evaluated, as in
/// 4D.
fn choose(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Choose";
    args.expect_count(NAME, 2, usize::MAX)?;
    let position = match args.get(0) {
        Some(Value::Bool(b)) => {
            args.expect_count(NAME, 3, 3)?;
            if *b {
                0.0
            } else {
                1.0
            }
        }
        _ => args.num(0, NAME)?,
    };
    let values = &args.values[1..];
    let picked =
        if position.is_nan() || position < 0.0 { None } else { values.get(position as usize) };
    Ok(match picked {
        Some(v) => v.clone(),
        None => empty_like(&values[0]),
    })
}

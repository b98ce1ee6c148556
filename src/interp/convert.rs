//! Typed variables: defaults and the conversions an assignment may make.

use crate::resolve::ir::VarType;
use crate::runtime::{blob, Date, Value};

/// The value a variable of type `ty` starts with.
pub fn default_for(ty: VarType) -> Value {
    match ty {
        VarType::Variant => Value::Undefined,
        VarType::Text => Value::empty_text(),
        VarType::Integer => Value::Int(0),
        VarType::Real => Value::Real(0.0),
        VarType::Boolean => Value::Bool(false),
        VarType::Date => Value::Date(Date::NULL),
        VarType::Time => Value::Time(0),
        VarType::Pointer => Value::Pointer(crate::runtime::pointer::nil()),
        VarType::Object | VarType::Collection | VarType::Picture => Value::Null,
        VarType::Blob => crate::runtime::blob::empty(),
    }
}

/// Converts `v` for storage in a variable of type `ty`; `Err(v)` when the types are incompatible.
/// Undefined resets to the type's default (like `CLEAR VARIABLE`).
#[inline(always)]
pub fn coerce(ty: VarType, v: Value) -> Result<Value, Value> {
    // Already of the declared type (the usual case): no conversion.
    match (ty, &v) {
        (VarType::Variant, _)
        | (VarType::Real, Value::Real(_))
        | (VarType::Integer, Value::Int(_))
        | (VarType::Text, Value::Text(_))
        | (VarType::Object, Value::Object(_))
        | (VarType::Collection, Value::Collection(_)) => return Ok(v),
        (VarType::Integer, Value::Real(r)) => return Ok(Value::Int(real_to_longint(*r))),
        (VarType::Real, Value::Int(i)) => return Ok(Value::Real(*i as f64)),
        _ => {}
    }
    coerce_other(ty, v)
}

#[inline(never)]
fn coerce_other(ty: VarType, v: Value) -> Result<Value, Value> {
    match (ty, v) {
        (VarType::Variant, v) => Ok(v),
        (_, Value::Undefined) => Ok(default_for(ty)),
        (VarType::Real, Value::Real(r)) => Ok(Value::Real(r)),
        (VarType::Real, Value::Int(i)) => Ok(Value::Real(i as f64)),
        (VarType::Integer, Value::Int(i)) => Ok(Value::Int(i)),
        (VarType::Integer, Value::Real(r)) => Ok(Value::Int(real_to_longint(r))),
        (VarType::Text, v @ Value::Text(_)) => Ok(v),
        (VarType::Boolean, v @ Value::Bool(_)) => Ok(v),
        (VarType::Date, v @ Value::Date(_)) => Ok(v),
        (VarType::Time, v @ Value::Time(_)) => Ok(v),
        (VarType::Blob, v @ Value::Blob(_)) => Ok(v),
        // A 4D.Blob and a scalar blob convert into each other on assignment.
        (VarType::Blob, Value::Object(o)) => match blob::object_bytes(&o) {
            Some(bytes) => Ok(Value::Blob(bytes)),
            None => Err(Value::Object(o)),
        },
        (VarType::Object, Value::Blob(b)) => Ok(blob::to_object(b)),
        (VarType::Time, Value::Real(r)) => Ok(Value::Time(r.round() as i64)),
        (VarType::Time, Value::Int(i)) => Ok(Value::Time(i as i64)),
        (VarType::Integer | VarType::Real, Value::Time(t)) => {
            Ok(if ty == VarType::Integer { Value::Int(t as i32) } else { Value::Real(t as f64) })
        }
        (
            VarType::Object,
            v @ (Value::Object(_) | Value::SharedObject(_) | Value::Function(_) | Value::Null),
        ) => Ok(v),
        (
            VarType::Collection,
            v @ (Value::Collection(_) | Value::SharedCollection(_) | Value::Null),
        ) => Ok(v),
        (VarType::Pointer, v @ Value::Pointer(_)) => Ok(v),
        (VarType::Pointer, Value::Null) => Ok(default_for(VarType::Pointer)),
        (_, v) => Err(v),
    }
}

/// Real → Longint on assignment: rounded to the nearest integer (halves away from zero),
/// wrapping outside the 32-bit range.
#[inline]
pub fn real_to_longint(r: f64) -> i32 {
    // Integral values in range (loop counters, sums) need no rounding call.
    let t = r as i32;
    if t as f64 == r {
        return t;
    }
    if r.is_nan() {
        0
    } else {
        (r.round() as i64) as i32
    }
}

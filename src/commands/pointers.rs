//! The pointer commands of the "Language" theme: `Is nil pointer`, `Get pointer`,
//! `RESOLVE POINTER`.

use super::{Args, CommandFn, Host};
use crate::runtime::pointer::Pointer;
use crate::runtime::{RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("Is nil pointer", is_nil_pointer),
    ("Get pointer", get_pointer),
    ("RESOLVE POINTER", resolve_pointer),
];

fn pointer_arg<'a>(args: &'a Args, name: &str) -> Result<&'a Pointer, RtError> {
    match args.get(0) {
        Some(Value::Pointer(p)) => Ok(p),
        Some(v) => Err(RtError::type_mismatch(format!(
            "{name}: argument 1 must be a pointer, not {}",
            v.kind_name()
        ))),
        None => Err(RtError::type_mismatch(format!("{name}: argument 1 must be a pointer"))),
    }
}

fn is_nil_pointer(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Is nil pointer", 1, 1)?;
    Ok(Value::Bool(pointer_arg(args, "Is nil pointer")?.is_nil()))
}

fn get_pointer(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Get pointer", 1, 1)?;
    let name = args.text(0, "Get pointer")?;
    Ok(host.pointer_to(&name))
}

/// `RESOLVE POINTER(p; varName; tableNum; fieldNum)`, with the values of the documentation's
/// table (a pointer to a local gives its name too: see the README).
fn resolve_pointer(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("RESOLVE POINTER", 4, 4)?;
    let p = pointer_arg(args, "RESOLVE POINTER")?.clone();
    let (name, table, field) = match &p {
        Pointer::Nil => (String::new(), 0, 0),
        Pointer::Element { array, index } => match &**array {
            // An element of a row of a two-dimensional array: row and column.
            Pointer::Element { array: inner, index: row } => (inner.variable_name(), *row, *index),
            a => (a.variable_name(), *index, -1),
        },
        // No datastore: tables and fields have no numbers.
        Pointer::Table { .. } => (String::new(), 0, 0),
        Pointer::Field { .. } => (String::new(), 0, 0),
        p => (p.variable_name(), -1, -1),
    };
    args.set_output(1, Value::text(name));
    args.set_output(2, Value::Int(table));
    args.set_output(3, Value::Int(field));
    Ok(Value::Undefined)
}

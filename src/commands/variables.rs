//! Commands about variables themselves: the compiler directives of the "Compiler" theme
//! (`C_TEXT`, `C_LONGINT`, …) and `CLEAR VARIABLE`.
//!
//! A directive written as a statement is a declaration: the resolver turns it into one (see
//! `resolve::directive_type`), so these functions only run for a directive used as a value,
//! which declares nothing and gives nothing. They are here so that the command table, `check
//! --list-unimplemented` and the resolver agree that directives are implemented.

use super::{Args, CommandFn, Host};
use crate::runtime::{RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("C_BLOB", directive),
    ("C_BOOLEAN", directive),
    ("C_COLLECTION", directive),
    ("C_DATE", directive),
    ("C_LONGINT", directive),
    ("C_OBJECT", directive),
    ("C_PICTURE", directive),
    ("C_POINTER", directive),
    ("C_REAL", directive),
    ("C_TEXT", directive),
    ("C_TIME", directive),
    ("C_VARIANT", directive),
    ("CLEAR VARIABLE", clear_variable),
];

fn directive(_: &mut dyn Host, _: &mut Args) -> Result<Value, RtError> {
    Ok(Value::Undefined)
}

/// `CLEAR VARIABLE(v)`: the variable's type's empty value (an Undefined stored into a declared
/// variable becomes its default); an array loses all its elements.
fn clear_variable(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("CLEAR VARIABLE", 1, 1)?;
    match args.get(0) {
        Some(Value::Array(a)) => {
            let mut data = a.borrow_mut();
            let zero = match data.items.first() {
                Some(Value::Array(row)) => {
                    Value::Array(crate::runtime::array::ArrayRef::new(row.elem(), 0))
                }
                _ => data.elem.default_value(),
            };
            data.items = vec![zero];
        }
        _ => args.set_output(0, Value::Undefined),
    }
    Ok(Value::Undefined)
}

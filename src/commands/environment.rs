//! The environment of a headless run: no keyboard (every modifier key is up) and the 4D version
//! mini4d stands in for.

use super::{Args, CommandFn, Host};
use crate::runtime::{RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("Shift down", key_up),
    ("Caps lock down", key_up),
    ("Macintosh command down", key_up),
    ("Macintosh control down", key_up),
    ("Macintosh option down", key_up),
    ("Windows Alt down", key_up),
    ("Windows Ctrl down", key_up),
    ("Application version", application_version),
    ("Is compiled mode", is_compiled_mode),
];

/// The 4D version mini4d follows (4D 21), in `Application version`'s "VVRB" form.
pub const VERSION: &str = "2100";

/// A headless run has no keyboard: a modifier key is never down.
fn key_up(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("modifier key", 0, 0)?;
    Ok(Value::Bool(false))
}

/// `Application version {(buildNum {; *})}`: the version text; the build number is 0.
fn application_version(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    if !args.is_empty() {
        args.set_output(0, Value::Int(0));
    }
    Ok(Value::text(VERSION))
}

/// `Is compiled mode{(*)}`: mini4d interprets the source (as 4D's interpreted mode does), for
/// the host project and its components alike.
fn is_compiled_mode(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Is compiled mode", 0, 1)?;
    Ok(Value::Bool(false))
}

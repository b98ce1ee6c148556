//! The environment of a headless run: the 4D version mini4d stands in for (the modifier keys,
//! never down without a keyboard, are in `tools.rs`).

use super::{Args, CommandFn, Host};
use crate::runtime::{RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[("Application version", application_version)];

/// The 4D version mini4d follows (4D 21), in `Application version`'s "VVRB" form.
pub const VERSION: &str = "2100";

/// `Application version {(buildNum {; *})}`: the version text; the build number is 0.
fn application_version(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    if !args.is_empty() {
        args.set_output(0, Value::Int(0));
    }
    Ok(Value::text(VERSION))
}

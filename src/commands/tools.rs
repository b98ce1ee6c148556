//! Commands of the Tools theme that need nothing from the interpreter (`Choose`).

use super::{Args, CommandFn, Host};
use crate::runtime::{CollRef, Date, ObjRef, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("Choose", choose),
    ("Is Windows", is_windows),
    ("Is macOS", is_macos),
    ("System info", system_info),
    ("Current machine", current_machine),
    ("Current system user", current_system_user),
    ("Current user", current_user),
    ("GET SYSTEM FORMAT", get_system_format),
];

/// `Current machine`: fixed, like `System info.machineName` (a script learns nothing about the
/// machine).
fn current_machine(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Current machine", 0, 0)?;
    Ok(Value::text("localhost"))
}

/// `Current system user`: fixed, like `System info.userName`.
fn current_system_user(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Current system user", 0, 0)?;
    Ok(Value::text("mini4d"))
}

/// `Current user{(kind)}`: a run has no users and groups, so every process runs as the
/// Designer, 4D's user when no access control is set (no alias: `4D user alias` gives "").
fn current_user(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Current user";
    args.expect_count(NAME, 0, 1)?;
    let kind = if args.is_empty() { 0 } else { args.num(0, NAME)? as i32 };
    Ok(Value::text(if kind == 2 { "" } else { "Designer" }))
}

/// `GET SYSTEM FORMAT(format; value)`: a headless run's regional settings are fixed (US English,
/// the formats `String` of dates, times and numbers uses).
fn get_system_format(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "GET SYSTEM FORMAT";
    args.expect_count(NAME, 2, 2)?;
    let value = match args.num(0, NAME)? as i32 {
        0 => ".",
        1 => ",",
        2 => "$",
        3 => "h:mm a",
        4 => "h:mm:ss a",
        5 => "h:mm:ss a z",
        6 => "MM/dd/yyyy",
        7 => "MMM d, yyyy",
        8 => "EEEE, MMMM d, yyyy",
        13 => "/",
        14 => ":",
        15 => "2",
        16 => "1",
        17 => "3",
        18 => "AM",
        19 => "PM",
        other => return Err(RtError::generic(format!("{NAME}: {other} is not a system format"))),
    };
    args.set_output(1, Value::text(value));
    Ok(Value::Undefined)
}

/// `Is Windows`: the platform mini4d was built for.
fn is_windows(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Is Windows", 0, 0)?;
    Ok(Value::Bool(cfg!(target_os = "windows")))
}

/// `Is macOS`: the platform mini4d was built for.
fn is_macos(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Is macOS", 0, 0)?;
    Ok(Value::Bool(cfg!(target_os = "macos")))
}

/// `System info`: the documented properties with fixed values (like `Session info`, a script
/// learns nothing about the machine but its platform and its number of cores).
fn system_info(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("System info", 0, 0)?;
    let os = if cfg!(target_os = "windows") {
        "Windows"
    } else if cfg!(target_os = "macos") {
        "macOS"
    } else {
        "Linux"
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let o = ObjRef::new();
    o.set_str("accountName", Value::text("mini4d"));
    o.set_str("cores", Value::Real(threads));
    o.set_str("cpuThreads", Value::Real(threads));
    o.set_str("machineName", Value::text("localhost"));
    o.set_str("macRosetta", Value::Bool(false));
    o.set_str("model", Value::text("mini4d"));
    o.set_str("networkInterfaces", Value::Collection(CollRef::from_vec(Vec::new())));
    o.set_str("osVersion", Value::text(os));
    o.set_str("osLanguage", Value::text("en"));
    o.set_str("physicalMemory", Value::Real(0.0));
    o.set_str("processor", Value::text(std::env::consts::ARCH));
    o.set_str("uptime", Value::Real(0.0));
    o.set_str("userName", Value::text("mini4d"));
    o.set_str("volumes", Value::Collection(CollRef::from_vec(Vec::new())));
    Ok(Value::Object(o))
}

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

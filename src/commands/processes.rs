//! External programs and the environment they get: `LAUNCH EXTERNAL PROCESS` and
//! `SET ENVIRONMENT VARIABLE` (theme "Tools"). Programs start through the permission gate
//! (`--allow-run`); see `crate::outside::process`.

use std::cell::RefCell;
use std::io::Read;

use super::{Args, CommandFn, Host};
use crate::outside::process::{command, feed, option_dir, start_error};
use crate::runtime::{RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("LAUNCH EXTERNAL PROCESS", launch_external_process),
    ("SET ENVIRONMENT VARIABLE", set_environment_variable),
];

thread_local! {
    /// The variables this process set for the programs it launches (in order; `""` removes).
    static VARIABLES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

const OPTION_PREFIX: &str = "_4D_OPTION_";

/// `SET ENVIRONMENT VARIABLE(name; value)`: for the programs launched later by this process;
/// `_4D_OPTION_…` variables for the next `LAUNCH EXTERNAL PROCESS` only.
fn set_environment_variable(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "SET ENVIRONMENT VARIABLE";
    args.expect_count(NAME, 2, 2)?;
    let name = args.text(0, NAME)?;
    let value = args.text(1, NAME)?;
    VARIABLES.with(|v| {
        let mut v = v.borrow_mut();
        v.retain(|(k, _)| *k != name);
        if !value.is_empty() {
            v.push((name, value));
        }
    });
    Ok(Value::Undefined)
}

/// The variables for the next launch and its `_4D_OPTION_…` options (which are then reset).
/// Environment variables as (name, value) pairs.
type Variables = Vec<(String, String)>;

fn take_variables() -> (Variables, Variables) {
    VARIABLES.with(|v| {
        let mut v = v.borrow_mut();
        let (options, vars): (Vec<_>, Vec<_>) =
            v.iter().cloned().partition(|(k, _)| k.starts_with(OPTION_PREFIX));
        v.retain(|(k, _)| !k.starts_with(OPTION_PREFIX));
        (vars, options)
    })
}

/// `LAUNCH EXTERNAL PROCESS(fileName {; input {; output {; error}}} {; pid})`.
fn launch_external_process(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "LAUNCH EXTERNAL PROCESS";
    args.expect_count(NAME, 1, 5)?;
    let line = args.text(0, NAME)?;
    // The pid is the last argument when there are two (a number variable) or five.
    let pid_at = match args.len() {
        5 => Some(4),
        2 if args.value(1).is_number() => Some(1),
        _ => None,
    };
    let streams = pid_at.map_or(args.len(), |p| p.min(args.len())).saturating_sub(1);
    let (vars, options) = take_variables();
    let option = |name: &str| {
        options.iter().find(|(k, _)| k == &format!("{OPTION_PREFIX}{name}")).map(|(_, v)| v.clone())
    };
    let blocking =
        !option("BLOCKING_EXTERNAL_PROCESS").is_some_and(|v| v.eq_ignore_ascii_case("false"));
    let dir = match option("CURRENT_DIRECTORY") {
        Some(d) => Some(option_dir(host, &d)?),
        None => None,
    };
    let input: Vec<u8> = if streams >= 1 {
        crate::runtime::blob::text_or_blob_bytes(&args.value(1)).unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut cmd = command(host, &line, dir.as_ref(), &vars, NAME)?;
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            // 4D reports a program that cannot start through OK only.
            host.set_system_variable("OK", Value::Int(0));
            let _ = start_error(&e, &line);
            return Ok(Value::Undefined);
        }
    };
    let pid = child.id();
    feed(child.stdin.take(), input);
    if blocking {
        let out = child.stdout.take();
        let err = child.stderr.take();
        let reader = |p: Option<Box<dyn Read + Send>>| {
            std::thread::spawn(move || {
                let mut v = Vec::new();
                if let Some(mut p) = p {
                    let _ = p.read_to_end(&mut v);
                }
                v
            })
        };
        let out_t = reader(out.map(|p| Box::new(p) as Box<dyn Read + Send>));
        let err_t = reader(err.map(|p| Box::new(p) as Box<dyn Read + Send>));
        let status = child.wait();
        let out = out_t.join().unwrap_or_default();
        let err = err_t.join().unwrap_or_default();
        if streams >= 2 {
            set_stream(args, 2, out);
        }
        if streams >= 3 {
            set_stream(args, 3, err);
        }
        host.set_system_variable("OK", Value::Int(status.is_ok() as i32));
    } else {
        // Runs on its own; its end is collected so that it leaves no zombie.
        std::thread::spawn(move || {
            let _ = child.wait_with_output();
        });
        host.set_system_variable("OK", Value::Int(1));
    }
    if let Some(p) = pid_at {
        args.set_output(p, Value::Int(pid as i32));
    }
    Ok(Value::Undefined)
}

/// An output stream into its variable: a Blob variable gets the bytes, any other the text.
fn set_stream(args: &mut Args, i: usize, bytes: Vec<u8>) {
    let v = match args.value(i) {
        Value::Blob(_) => crate::runtime::blob::blob(bytes),
        _ => Value::text(String::from_utf8_lossy(&bytes).into_owned()),
    };
    args.set_output(i, v);
}

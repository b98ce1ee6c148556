//! Built-in commands: one file per theme, one table ([`catalog`]) of every 4D command and constant
//! name that also feeds the lexer.
//!
//! Each theme file exports `COMMANDS: &[(&str, CommandFn)]` (canonical 4D names). At first use
//! they are bound to catalog indexes, so a resolved program calls a command through a plain
//! function pointer.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use crate::runtime::{ObjRef, RtError, Value};
use crate::syntax::ast::Span;

pub mod arrays;
pub mod blobs;
pub mod catalog;
pub mod collections;
pub mod dates;
pub mod dbparams;
pub mod documents;
pub mod encoding;
pub mod environment;
pub mod files;
pub mod http;
pub mod interpreter;
pub mod json;
pub mod localization;
pub mod methods;
pub mod objects;
pub mod pointers;
pub mod processes;
pub mod query;
pub mod regex;
pub mod text;
pub mod tools;
pub mod variables;
pub mod web;
pub mod webserver;

/// What a command may ask of the interpreter running it.
pub trait Host {
    /// Calls a `4D.Function` value (from `Formula`) or a project method given by name (Text),
    /// with `args` as `$1…`, returning its result.
    fn call(&mut self, function: &Value, args: Vec<Value>) -> Result<Value, RtError>;
    /// Calls `function` with `this` as `This` (callbacks given as functions of an options
    /// object, such as a class instance's `onData`).
    fn call_on(
        &mut self,
        function: &Value,
        this: Value,
        args: Vec<Value>,
    ) -> Result<Value, RtError> {
        let _ = this;
        self.call(function, args)
    }
    /// `obj.name` as the language reads it: an own property, else a function or computed
    /// property of the object's class (callbacks of an options object made by a class).
    fn member(&mut self, obj: &ObjRef, name: &str) -> Value {
        obj.get_str(name)
    }
    /// Writes to standard output exactly (no newline added).
    fn write_stdout(&mut self, text: &str);
    /// Writes to standard error exactly.
    fn write_stderr(&mut self, text: &str);
    /// The interpreter behind this host, for the few native functions that change the
    /// process itself (`Session.restore()` switches the process's session).
    fn interp(&mut self) -> Option<&mut crate::interp::Interp> {
        None
    }
    /// Sets the `OK` system variable to 1 (true) or 0.
    fn set_ok(&mut self, _ok: bool) {}
    /// What the pointer `pointer` points to (its current value: an array comes back shared with
    /// its variable, so changing its elements changes the variable's array).
    fn deref(&mut self, pointer: &Value) -> Result<Value, RtError> {
        let _ = pointer;
        Err(RtError::generic("pointers cannot be used here"))
    }
    /// Assigns `value` to what `pointer` points to.
    // For commands that write through a pointer argument; none does yet.
    #[allow(dead_code)]
    fn assign_through(&mut self, pointer: &Value, value: Value) -> Result<(), RtError> {
        let _ = (pointer, value);
        Err(RtError::generic("pointers cannot be used here"))
    }
    /// A pointer to the process or interprocess variable named `name` (`Get pointer`).
    fn pointer_to(&mut self, name: &str) -> Value {
        let _ = name;
        Value::Pointer(crate::runtime::pointer::nil())
    }
    /// The permission gate every access to files, programs, the network and the environment
    /// goes through (denies everything unless the host says otherwise).
    fn gate(&self) -> &crate::permissions::Gate {
        static DENY: std::sync::OnceLock<crate::permissions::Gate> = std::sync::OnceLock::new();
        DENY.get_or_init(crate::permissions::Gate::deny_all)
    }
    /// Sets a system variable of the running process (`OK`, `Document`).
    fn set_system_variable(&mut self, _name: &str, _value: Value) {}
}

/// The evaluated arguments of one command call.
pub struct Args {
    pub values: Vec<Value>,
    /// Span of the whole call.
    pub call_span: Span,
    /// Values written back to variable arguments (out-parameters such as
    /// `Get database parameter(User param value; $text)`), by argument position.
    pub outputs: Vec<(usize, Value)>,
    /// Whether a `*` argument was given.
    pub star: bool,
}

impl Args {
    pub fn new(values: Vec<Value>) -> Args {
        Args { values, call_span: Span::default(), outputs: Vec::new(), star: false }
    }
    pub fn len(&self) -> usize {
        self.values.len()
    }
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.values.get(i)
    }
    /// Argument `i` (Undefined when absent).
    pub fn value(&self, i: usize) -> Value {
        self.values.get(i).cloned().unwrap_or(Value::Undefined)
    }
    /// Whether `*` was passed anywhere in the arguments (it is removed from `values` by the
    /// interpreter and recorded here).
    pub fn has_star(&self) -> bool {
        self.star
    }
    pub fn set_output(&mut self, i: usize, value: Value) {
        self.outputs.push((i, value));
    }
    /// Fails unless `min <= len <= max`.
    pub fn expect_count(&self, name: &str, min: usize, max: usize) -> Result<(), RtError> {
        let n = self.values.len();
        if n < min || n > max {
            let wanted = match (min, max) {
                _ if min == max => format!("{min}"),
                (_, usize::MAX) => format!("at least {min}"),
                _ => format!("{min} to {max}"),
            };
            return Err(RtError::new(
                crate::runtime::ErrorKind::WrongArgCount,
                format!("{name} expects {wanted} argument(s), got {n}"),
            ));
        }
        Ok(())
    }
    /// Argument `i` as a number (Undefined → 0). Other types are a type error.
    pub fn num(&self, i: usize, name: &str) -> Result<f64, RtError> {
        match self.values.get(i) {
            None | Some(Value::Undefined) | Some(Value::Null) => Ok(0.0),
            Some(Value::Int(n)) => Ok(*n as f64),
            Some(Value::Real(r)) => Ok(*r),
            Some(Value::Time(t)) => Ok(*t as f64),
            Some(Value::Bool(b)) => Ok(if *b { 1.0 } else { 0.0 }),
            Some(v) => Err(RtError::type_mismatch(format!(
                "{name}: argument {} must be a number, not {}",
                i + 1,
                v.kind_name()
            ))),
        }
    }
    /// Argument `i` as the shared text value, without copying it (Undefined → ""): what
    /// position commands use, so that they can use the text's position index.
    pub fn text_rc(&self, i: usize, name: &str) -> Result<crate::runtime::value::Text, RtError> {
        match self.values.get(i) {
            None | Some(Value::Undefined) => Ok(Default::default()),
            Some(Value::Text(t)) => Ok(t.clone()),
            Some(v) => Err(RtError::type_mismatch(format!(
                "{name}: argument {} must be a text, not {}",
                i + 1,
                v.kind_name()
            ))),
        }
    }
    /// Argument `i` as text (Undefined → ""). Other types are a type error.
    pub fn text(&self, i: usize, name: &str) -> Result<String, RtError> {
        match self.values.get(i) {
            None | Some(Value::Undefined) => Ok(String::new()),
            Some(Value::Text(t)) => Ok(t.as_str().to_owned()),
            Some(v) => Err(RtError::type_mismatch(format!(
                "{name}: argument {} must be a text, not {}",
                i + 1,
                v.kind_name()
            ))),
        }
    }
    /// Argument `i` as a boolean (Undefined → False).
    pub fn boolean(&self, i: usize, name: &str) -> Result<bool, RtError> {
        match self.values.get(i) {
            None | Some(Value::Undefined) => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(v) => Err(RtError::type_mismatch(format!(
                "{name}: argument {} must be a boolean, not {}",
                i + 1,
                v.kind_name()
            ))),
        }
    }
}

/// A built-in command.
pub type CommandFn = fn(&mut dyn Host, &mut Args) -> Result<Value, RtError>;

/// How mini4d runs a command.
#[derive(Clone, Copy)]
pub enum Implementation {
    /// A function of its evaluated arguments.
    Plain(CommandFn),
    /// Run by the interpreter itself (it needs the interpreter's state or unevaluated
    /// arguments).
    Interp(interpreter::Intrinsic),
}

/// How the command at catalog `index` runs, found in the theme files' lists and in
/// [`interpreter::COMMANDS`] (the one table of implemented commands). The answer is kept per
/// index: a run looks up only the commands it uses (building the whole table cost a one-line
/// run 600 name searches).
fn implementation(index: u16) -> Option<Implementation> {
    /// Per catalog index: 0 not looked up yet, 1 not implemented, 2 + position in
    /// [`registrations`] otherwise.
    static FOUND: OnceLock<Vec<AtomicU32>> = OnceLock::new();
    let found = FOUND.get_or_init(|| {
        std::iter::repeat_with(|| AtomicU32::new(0)).take(catalog::commands().len()).collect()
    });
    let slot = found.get(index as usize)?;
    let position = match slot.load(Ordering::Relaxed) {
        0 => {
            let name = catalog::commands()[index as usize].name;
            let position = registrations().position(|(n, _)| n.eq_ignore_ascii_case(name));
            let code = position.map_or(1, |p| p as u32 + 2);
            slot.store(code, Ordering::Relaxed);
            position
        }
        1 => None,
        code => Some(code as usize - 2),
    };
    registrations().nth(position?).map(|(_, i)| i)
}

/// Every registered command, plain ones first (an interpreter command of the same name would
/// have replaced a plain one: a unit test makes sure no name is registered twice).
fn registrations() -> impl Iterator<Item = (&'static str, Implementation)> {
    let plain = THEMES.iter().flat_map(|t| t.iter().map(|&(n, f)| (n, Implementation::Plain(f))));
    let interp = interpreter::COMMANDS.iter().map(|&(n, w)| (n, Implementation::Interp(w)));
    plain.chain(interp)
}

/// Every theme's command list.
const THEMES: &[&[(&str, CommandFn)]] = &[
    text::COMMANDS,
    objects::COMMANDS,
    json::COMMANDS,
    dates::COMMANDS,
    blobs::COMMANDS,
    tools::COMMANDS,
    encoding::COMMANDS,
    regex::COMMANDS,
    localization::COMMANDS,
    web::COMMANDS,
    webserver::COMMANDS,
    files::COMMANDS,
    documents::COMMANDS,
    processes::COMMANDS,
    http::COMMANDS,
    arrays::COMMANDS,
    pointers::COMMANDS,
    variables::COMMANDS,
    environment::COMMANDS,
];

/// How the command at `index` in [`catalog::commands`] runs, if mini4d implements it.
pub fn lookup(index: u16) -> Option<Implementation> {
    implementation(index)
}

/// The number-only kernel of a two-argument command, for commands whose result on two numbers
/// needs nothing else (see `ExprKind::Numeric2`).
pub fn numeric_kernel2(name: &str) -> Option<fn(f64, f64) -> f64> {
    if name.eq_ignore_ascii_case("Mod") {
        Some(text::mod_numbers)
    } else {
        None
    }
}

/// The function of a one-argument numeric command whose result on a number needs nothing
/// else (see `ExprKind::Numeric1`).
pub fn numeric_kernel1(name: &str) -> Option<fn(f64) -> f64> {
    text::numeric_kernel1(name)
}

/// Whether mini4d implements the command at `index` in [`catalog::commands`].
pub fn is_implemented(index: u16) -> bool {
    lookup(index).is_some()
}

/// Calls collection function `name` (`push`, `sort`, …) on `coll`; `None` when collections have
/// no function of that name.
pub fn collection_member(
    host: &mut dyn Host,
    coll: &crate::runtime::CollRef,
    name: &str,
    args: &mut Args,
) -> Option<Result<Value, RtError>> {
    collections::call_member(host, coll, name, args)
}

/// The collection function named `key` (exactly), if collections have one: resolved once by
/// the resolver so a call like `$c.push(…)` does no lookup at run time.
pub fn collection_member_fn(key: &crate::runtime::Key) -> Option<collections::MemberFn> {
    collections::member_fn(key.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name missing from the catalog would leave its command silently unimplemented.
    #[test]
    fn every_implemented_name_is_in_the_catalog() {
        let plain = THEMES.iter().flat_map(|t| t.iter().map(|&(n, _)| n));
        let interp = interpreter::COMMANDS.iter().map(|&(n, _)| n);
        for name in plain.chain(interp) {
            let i = catalog::command_index(name);
            assert!(i.is_some(), "{name} is not in the command catalog");
            assert!(i.is_some_and(is_implemented), "{name} is not implemented");
        }
    }

    /// A name listed twice would be implemented by whichever registration came last.
    #[test]
    fn no_command_is_registered_twice() {
        let mut seen = std::collections::HashSet::new();
        let plain = THEMES.iter().flat_map(|t| t.iter().map(|&(n, _)| n));
        let interp = interpreter::COMMANDS.iter().map(|&(n, _)| n);
        for name in plain.chain(interp) {
            assert!(seen.insert(name.to_lowercase()), "{name} is registered twice");
        }
    }
}

//! `New signal` and the members of a `4D.Signal`: a shared object (user properties under
//! `Use`, `.description`) with a flag that `.trigger()` sets and `.wait()` waits for.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use super::processes::native_function;
use super::{Flow, Interp};
use crate::runtime::process;
use crate::runtime::shared::{SharedObject, SharedRoot, SharedValue};
use crate::runtime::signal::Signal;
use crate::runtime::{ErrorKind, RtError, Value};
use crate::syntax::ast::Span;

/// The class name a signal's shared object carries (`OB Class` gives `4D.Signal`).
pub(super) const SIGNAL_CLASS: &str = "4D.Signal";

/// `New signal {(description)}`.
pub(super) fn new_signal(description: Option<&Value>) -> Value {
    let o = SharedObject::new(SharedRoot::Plain);
    let _ = o.class.set(Arc::from(SIGNAL_CLASS));
    let _ = o.signal.set(Arc::new(Signal::default()));
    let text = description.map(|d| d.as_str().unwrap_or("").to_string()).unwrap_or_default();
    o.props.write().insert(Arc::from("description"), SharedValue::Text(Arc::from(text.as_str())));
    Value::SharedObject(o)
}

fn signal_of(v: &Value) -> Option<Arc<Signal>> {
    match v {
        Value::SharedObject(o) => o.signal.get().cloned(),
        _ => None,
    }
}

impl Interp {
    /// `$signal.key` when the signal has no such property: its functions and `.signaled`.
    pub(super) fn signal_member(&mut self, signal: &Signal, key: &str) -> Value {
        match key {
            "signaled" => Value::Bool(signal.is_signaled()),
            "wait" => native_function("4D.Signal.wait", signal_wait),
            "trigger" => native_function("4D.Signal.trigger", signal_trigger),
            _ => Value::Undefined,
        }
    }

    /// Writing `.signaled` (read-only).
    pub(super) fn signal_read_only(&self, key: &str, span: Span) -> Option<crate::interp::Unwind> {
        (key == "signaled").then(|| {
            RtError::new(
                ErrorKind::ReadOnlyProperty,
                "the property `signaled` of a 4D.Signal is read-only",
            )
            .at(self.current_file(), span)
            .into()
        })
    }
}

/// `.wait({timeout})`: the process waits (state "waiting for internal flag") until the signal
/// is triggered or the timeout (seconds) passes; never past the run's time limit.
fn signal_wait(interp: &mut Interp, this: &Value, args: Vec<Value>) -> Flow<Value> {
    let Some(signal) = signal_of(this) else { return Ok(Value::Bool(false)) };
    if signal.is_signaled() {
        return Ok(Value::Bool(true));
    }
    let timeout = args
        .first()
        .and_then(|v| v.as_number())
        .map(|s| Duration::from_secs_f64(if s.is_finite() { s.clamp(0.0, 1e9) } else { 0.0 }));
    let deadline = interp.effective_deadline();
    interp.process.state.store(process::state::WAITING_FOR_INTERNAL_FLAG, Ordering::Release);
    let got = signal.wait(timeout, deadline);
    interp.process.state.store(process::state::EXECUTING, Ordering::Release);
    Ok(Value::Bool(got))
}

/// `.trigger()`: sets `.signaled` for good and wakes the waiting processes.
fn signal_trigger(_: &mut Interp, this: &Value, _: Vec<Value>) -> Flow<Value> {
    if let Some(signal) = signal_of(this) {
        signal.trigger();
    }
    Ok(Value::Undefined)
}

//! Native classes: built-in classes of the `4D` class store (`4D.File`, `4D.Blob`, …) whose
//! constructor, functions and computed properties are Rust functions.
//!
//! # Adding a class
//!
//! 1. Write a `pub static X: NativeClass` next to the code it wraps (its own module), with the
//!    functions and computed properties it has, and a `constructor` when `4D.X.new(…)` is allowed.
//! 2. Add `&path::X` to [`CLASSES`] — the one place native classes are registered.
//!
//! The interpreter then serves `4D.X`, `4D.X.new(…)`, `OB Class`, `OB Instance of`, `$o.fn(…)`,
//! `$o.prop` (read-only unless a setter is given) and the "unknown function" errors.
//!
//! # Instances
//!
//! An instance is an ordinary object whose class tag is an [`Instance`]: the class plus a Rust
//! state (`Rc<dyn Any>`, immutable: put `Cell`/`RefCell` inside when it must change). Create one
//! anywhere — in a command such as `File()` as well as in a constructor — with [`new_instance`];
//! read its state back with [`state`]. Copies made by `OB Copy` share the state (make mutable
//! states copy-on-write if that matters). Instances never cross processes as such: like any
//! non-shared object they are copied into plain objects.
//!
//! The code receives the running interpreter as a [`Host`] (to call formulas, write output, …).

use std::any::Any;
use std::rc::Rc;

use crate::commands::{Args, Host};
use crate::runtime::{ErrorKind, ObjRef, RtError, Value};

/// A function of a native class: `this`, then the call's arguments.
pub type NativeFn = fn(&mut dyn Host, &ObjRef, &mut Args) -> Result<Value, RtError>;
/// A computed property's getter.
pub type NativeGetter = fn(&mut dyn Host, &ObjRef) -> Result<Value, RtError>;
/// A computed property's setter.
pub type NativeSetter = fn(&mut dyn Host, &ObjRef, Value) -> Result<(), RtError>;
/// `4D.X.new(…)`: returns the new instance (usually made by [`new_instance`]).
pub type NativeConstructor = fn(&mut dyn Host, &mut Args) -> Result<Value, RtError>;

/// A built-in class written in Rust, served as `4D.<name>`.
pub struct NativeClass {
    /// The name in the `4D` store (`"File"` for `4D.File`).
    pub name: &'static str,
    /// Another native class this one extends (`4D.Object` when `None`).
    pub superclass: Option<&'static str>,
    /// `4D.X.new(…)`; `None` when instances come only from commands (`.new()` is then an error).
    pub constructor: Option<NativeConstructor>,
    /// Functions by name (case-sensitive, as 4D's).
    pub functions: &'static [(&'static str, NativeFn)],
    /// Computed properties by name.
    pub getters: &'static [(&'static str, NativeGetter)],
    /// Writable computed properties by name (a property with a getter and no setter is read-only).
    pub setters: &'static [(&'static str, NativeSetter)],
}

impl NativeClass {
    pub fn getter(&self, name: &str) -> Option<NativeGetter> {
        self.getters.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }
    pub fn setter(&self, name: &str) -> Option<NativeSetter> {
        self.setters.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }
}

/// Every native class. Registering a class is one line here.
pub static CLASSES: &[&NativeClass] = &[
    &crate::commands::blobs::BLOB_CLASS,
    &crate::interp::SESSION_CLASS,
    &crate::commands::webserver::WEB_SERVER,
    &crate::serve::messages::INCOMING,
    &crate::serve::messages::OUTGOING,
    &crate::outside::file::FILE,
    &crate::outside::file::FOLDER,
    &crate::outside::handle::FILE_HANDLE,
    &crate::outside::process::SYSTEM_WORKER,
    &crate::outside::http::HTTP_REQUEST,
    #[cfg(test)]
    &tests::PROBE,
];

/// The native class named `name` (`4D.<name>`).
pub fn find(name: &str) -> Option<&'static NativeClass> {
    CLASSES.iter().copied().find(|c| c.name == name)
}

/// The class tag of a native instance: its class and its Rust state.
pub struct Instance {
    pub class: &'static NativeClass,
    pub state: Rc<dyn Any>,
}

/// A new instance of `class` holding `state`.
pub fn new_instance<T: 'static>(class: &'static NativeClass, state: T) -> ObjRef {
    let o = ObjRef::new();
    o.borrow_mut().class = Some(Rc::new(Instance { class, state: Rc::new(state) }));
    o
}

/// The native instance `o` is, if it is one.
pub fn instance(o: &ObjRef) -> Option<Rc<Instance>> {
    o.borrow().class.clone()?.downcast::<Instance>().ok()
}

/// The state of `o` when it is an instance of `class` (or of a class extending it); otherwise
/// an error naming the class (a function called on another kind of object).
pub fn state<T: 'static>(o: &ObjRef, class: &'static NativeClass) -> Result<Rc<T>, RtError> {
    instance(o).and_then(|i| i.state.clone().downcast::<T>().ok()).ok_or_else(|| {
        RtError::new(
            ErrorKind::TypeMismatch,
            format!("this function must be called on a 4D.{}", class.name),
        )
    })
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::embed::{Runtime, SendValue};

    /// A class that exists only in unit tests, to check the mechanism alone.
    pub static PROBE: NativeClass = NativeClass {
        name: "NativeProbe",
        superclass: None,
        constructor: Some(|_, args| {
            let start = args.num(0, "4D.NativeProbe.new")?;
            Ok(Value::Object(new_instance(&PROBE, Cell::new(start))))
        }),
        functions: &[("add", |_, this, args| {
            let n = state::<Cell<f64>>(this, &PROBE)?;
            n.set(n.get() + args.num(0, "add")?);
            Ok(Value::Real(n.get()))
        })],
        getters: &[
            ("count", |_, this| Ok(Value::Real(state::<Cell<f64>>(this, &PROBE)?.get()))),
            ("fixed", |_, _| Ok(Value::text("ro"))),
        ],
        setters: &[("count", |_, this, v| {
            state::<Cell<f64>>(this, &PROBE)?.set(v.as_number().unwrap_or(0.0));
            Ok(())
        })],
    };

    fn run(code: &str) -> Result<String, String> {
        let rt = Runtime::from_source("probe", code);
        let s = rt.open_session(None).ok_or("no session")?;
        match rt.run_method(&s, "probe", vec![]) {
            Ok(SendValue::Text(t)) => Ok(t.to_string()),
            Ok(other) => Err(format!("unexpected {other:?}")),
            Err(e) => Err(e.message),
        }
    }

    #[test]
    fn new_functions_getters_setters_and_class_commands() {
        let out = run(r#"var $p : Object
$p:=4D.NativeProbe.new(2)
$p.add(3)
var $t : Text
$t:=String($p.count)+" "+$p.fixed
$p.count:=10
$t:=$t+" "+String($p.add(1))
$t:=$t+" "+String(OB Instance of($p; 4D.NativeProbe))+" "+String(OB Instance of($p; 4D.Object))
$t:=$t+" "+OB Class($p).name+" "+String(OB Class($p)=4D.NativeProbe)
return $t"#);
        assert_eq!(out.as_deref(), Ok("5 ro 11 True True NativeProbe True"));
    }

    #[test]
    fn read_only_unknown_function_and_wrong_this() {
        let e = run("var $p : Object\n$p:=4D.NativeProbe.new(1)\n$p.fixed:=\"x\"\nreturn \"\"");
        assert!(e.unwrap_err().contains("read-only"));
        let e = run("var $p : Object\n$p:=4D.NativeProbe.new(1)\n$p.nope()\nreturn \"\"");
        assert!(e.unwrap_err().contains("unknown function `nope` of class `4D.NativeProbe`"));
        let e = run("var $p; $f : Object\n$p:=4D.NativeProbe.new(1)\n$f:=New object(\"add\"; $p.add)\n$f.add(1)\nreturn \"\"");
        assert!(e.unwrap_err().contains("must be called on a 4D.NativeProbe"));
    }
}

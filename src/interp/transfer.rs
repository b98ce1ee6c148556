//! Values crossing processes (`CALL WORKER`, `New process`) with their classes: each process
//! loads its own classes, so an instance travels as its class name and a copy of its
//! properties, and a class object, class store or class function as a name that the receiving
//! process looks up among its own.

use std::rc::Rc;
use std::sync::Arc;

use super::classes::{Class, ClassCode, Store};
use super::Interp;
use crate::runtime::process::{ClassName, ObjectTag, Receiver, SendValue, Sender};
use crate::runtime::shared::SharedFunction;
use crate::runtime::value::Function;
use crate::runtime::{ObjRef, Value};
use crate::syntax::ast::Span;

fn name_of(c: &Class) -> ClassName {
    ClassName { builtin: c.builtin, name: if c.builtin { c.name.to_string() } else { c.key() } }
}

/// The sending side: reads the class tags of this process's objects.
pub(super) struct ClassSender;

impl Sender for ClassSender {
    fn object_tag(&self, o: &ObjRef) -> Option<ObjectTag> {
        let tag = o.borrow().class.clone()?;
        if let Some(c) = tag.downcast_ref::<Class>() {
            return Some(ObjectTag::Instance(name_of(c)));
        }
        tag.downcast_ref::<Store>().map(|s| ObjectTag::Store(matches!(s, Store::User(_))))
    }

    fn function(&self, f: &Function) -> SendValue {
        match f.code.downcast_ref::<ClassCode>() {
            // Display names are `Class.function` (`4D.Class.function` for native ones).
            Some(ClassCode::Function { .. }) | Some(ClassCode::Native(_)) => {
                let (builtin, rest) = match f.source.strip_prefix("4D.") {
                    Some(rest) => (true, rest),
                    None => (false, &*f.source),
                };
                match rest.split_once('.') {
                    Some((class, name)) => SendValue::ClassFunction(
                        ClassName { builtin, name: class.to_string() },
                        name.to_string(),
                    ),
                    None => SendValue::Null,
                }
            }
            Some(ClassCode::New(c)) => SendValue::ClassFunction(name_of(c), "new".to_string()),
            None => SendValue::Formula(f.source.to_string()),
        }
    }
}

impl Interp {
    /// A value as it leaves this process for another one.
    pub(super) fn send_value(&self, v: &Value) -> SendValue {
        SendValue::from_value_linked(v, &ClassSender)
    }

    /// A value arriving from another process, with this process's classes.
    pub(super) fn receive_value(&mut self, v: SendValue) -> Value {
        v.into_value_with(self)
    }

    /// A method's name as written, from its key (a component's method keys carry the module).
    pub(super) fn method_name_of_key(&self, key: &str) -> String {
        let (module, lower) = crate::interp::components::split_key(key);
        if module == 0 {
            return key.to_string();
        }
        let written = self.engine.project.method_name_written(module, lower);
        written.unwrap_or_else(|| lower.to_string())
    }

    /// This process's function for one kept in a shared object (made on first use).
    pub(super) fn local_function(&mut self, f: &Arc<SharedFunction>) -> Value {
        let address = Arc::as_ptr(f) as usize;
        if let Some((_, v)) = self.classes.shared_functions.get(&address) {
            return v.clone();
        }
        let v = self.receive_value(f.code.clone());
        self.classes.shared_functions.insert(address, (f.clone(), v.clone()));
        v
    }

    fn class_named(&mut self, c: &ClassName) -> Option<Rc<Class>> {
        if c.builtin {
            self.builtin_class(&c.name)
        } else {
            self.user_class(&c.name, Span::default()).ok()
        }
    }
}

impl Receiver for Interp {
    fn tag_instance(&mut self, c: &ClassName, obj: &ObjRef) {
        // Native instances hold Rust state that does not travel: they arrive as plain objects.
        if c.builtin {
            return;
        }
        if let Some(class) = self.class_named(c) {
            obj.borrow_mut().class = Some(class);
        }
    }

    fn store(&mut self, user: bool) -> Value {
        self.store_object(if user { Store::User(0) } else { Store::Builtin })
    }

    fn class_function(&mut self, c: &ClassName, name: &str) -> Value {
        let Some(class) = self.class_named(c) else { return Value::Null };
        if name == "new" {
            return Value::Function(Rc::new(Function {
                source: Rc::from(format!("{}.new", class.display()).as_str()),
                code: Rc::new(ClassCode::New(class)),
            }));
        }
        class.functions.get_str(name).cloned().unwrap_or(Value::Null)
    }

    fn formula(&mut self, source: &str) -> Value {
        // A formula is compiled again here (the values it captured do not travel).
        self.run_source(&format!("return Formula({source})"), Vec::new())
            .unwrap_or_else(|_| Value::text(source))
    }
}

//! User classes at run time: the class stores `cs` and `4D`, class objects, instances (plain and
//! shared), class functions, computed properties, `Super`, singletons, `OB Class` and
//! `OB Instance of`.
//!
//! Each process loads the classes it uses (their code is resolved against its own process
//! variables and methods); what crosses processes is only a shared instance, which carries its
//! class by name, and the shared singletons kept in the [`super::Engine`].

use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use super::{Flow, Interp, Unwind};
use crate::commands::Args;
use crate::native::{self, NativeClass, NativeFn};
use crate::resolve::classes::{self as rc, SuperCall, SuperExpr};
use crate::resolve::ir::{Expr, Intrinsic, Method};
use crate::runtime::shared::{SharedObject, SharedRoot, SharedValue};
use crate::runtime::value::Function;
use crate::runtime::{ErrorKind, Key, ObjRef, RtError, Value};
use crate::syntax::ast::{FunctionKind, Span};

/// A class as one process sees it (a user class of `cs`, or a built-in class of `4D`).
pub(super) struct Class {
    pub name: Rc<str>,
    pub builtin: bool,
    /// `None` only for `4D.Object`.
    pub superclass: Option<Rc<Class>>,
    pub constructor: Option<Rc<Method>>,
    /// Functions by name (case-sensitive), as `4D.Function` values. Keyed by [`Key`], whose
    /// hash is computed once: a call `$o.f()` looks its function up without hashing the name.
    pub functions: KeyMap<Value>,
    /// Computed properties: accessor and whether it is `shared`.
    pub getters: KeyMap<(Rc<Method>, bool)>,
    pub setters: KeyMap<(Rc<Method>, bool)>,
    /// Declared properties with an initializer, in declaration order.
    pub initializers: Vec<(Key, Rc<Method>)>,
    pub shared: bool,
    pub singleton: bool,
    /// `session singleton`: one shared instance per session (`shared` and `singleton` are set).
    pub session: bool,
    /// The class object (`cs.Name`, `4D.Name`): a shared object, the same for every process
    /// (see [`Interp::class_object`]).
    pub object: Arc<SharedObject>,
    /// The Rust code of a native built-in class (`crate::native`).
    pub native: Option<&'static NativeClass>,
    /// The module the class belongs to (0: the host project, k: its k-th component).
    pub module: u32,
    /// No class of the chain has a computed property or native code: reading or setting a
    /// property of an instance is a plain property access (set when the class is complete).
    pub plain_props: bool,
    /// When no class of the chain has native code: the names of every `Function get`/`set` of
    /// the chain (setting any other property of an instance is a plain property set).
    pub accessors: Option<Box<[Key]>>,
}

/// A map by property name that uses the name's precomputed hash. Looked up by [`Key`] only (a
/// `&str` lookup would hash differently and miss): [`KeyMap::get_str`] makes the key.
pub(super) struct KeyMap<V>(
    HashMap<Key, V, std::hash::BuildHasherDefault<crate::runtime::object::PassThroughHasher>>,
);

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap(HashMap::default())
    }
}

impl<V> KeyMap<V> {
    #[inline]
    pub(super) fn get(&self, key: &Key) -> Option<&V> {
        self.0.get(key)
    }
    pub(super) fn get_str(&self, name: &str) -> Option<&V> {
        self.0.get(&Key::new(name))
    }
    #[inline]
    pub(super) fn contains_key(&self, key: &Key) -> bool {
        self.0.contains_key(key)
    }
    pub(super) fn insert(&mut self, key: Key, value: V) {
        self.0.insert(key, value);
    }
}

impl Class {
    /// This class and its superclasses, nearest first (walked, not collected: a class call
    /// allocates nothing).
    fn chain(&self) -> impl Iterator<Item = &Class> {
        std::iter::successors(Some(self), |c| c.superclass.as_deref())
    }

    /// The class's key in the project (its name, with its module for a component's class).
    pub(super) fn key(&self) -> String {
        super::components::key(self.module, &self.name)
    }

    pub(super) fn display(&self) -> String {
        if self.builtin {
            format!("4D.{}", self.name)
        } else {
            format!("cs.{}", self.name)
        }
    }
}

/// Marks a class store object (`cs` or `4D`).
#[derive(PartialEq, Eq)]
pub(super) enum Store {
    /// `cs` of a module (0: the host project; k: a component, which is `cs.<namespace>` in
    /// the host).
    User(u32),
    Builtin,
}

/// The code of a `4D.Function` that belongs to a class.
pub(super) enum ClassCode {
    Function { method: Rc<Method>, shared: bool },
    New(Rc<Class>),
    Native(NativeFn),
}

/// What `$o.name(…)` calls when it can be found without running code: a class function of
/// the instance `$o` (see [`Interp::class_call_target`]).
pub(super) enum ClassCall {
    Function(Rc<Method>),
}

/// The classes of the `4D` store that mini4d has.
const BUILTIN_CLASSES: [&str; 4] = ["Class", "Function", "Object", "Signal"];

/// The classes a process has loaded, its class stores and its (process) singletons.
#[derive(Default)]
pub(super) struct ClassState {
    user: HashMap<String, Rc<Class>>,
    builtin: HashMap<&'static str, Rc<Class>>,
    loading: Vec<String>,
    cs: Option<ObjRef>,
    /// The class stores of the components, by module.
    component_cs: HashMap<u32, ObjRef>,
    four_d: Option<ObjRef>,
    /// The module whose code is being resolved (its method names and classes are the ones seen).
    pub(super) resolving_module: u32,
    singletons: HashMap<String, Value>,
    /// This process's class of each class object met, by the object's address (the objects
    /// are kept alive by the engine): `cs.X.new()` finds its class without hashing a name.
    by_object: HashMap<usize, Rc<Class>, std::hash::BuildHasherDefault<AddressHasher>>,
    /// This process's copy of each function read out of a shared object, by the shared
    /// function's address (kept alive here, so the address is not reused).
    pub(super) shared_functions: HashMap<
        usize,
        (Arc<crate::runtime::shared::SharedFunction>, Value),
        std::hash::BuildHasherDefault<AddressHasher>,
    >,
}

/// Hashes an address (already unique): the identity, mixed a little.
#[derive(Default)]
pub(super) struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The properties every class object has (read-only).
const CLASS_OBJECT_PROPERTIES: [&str; 5] =
    ["name", "superclass", "isShared", "isSingleton", "isSessionSingleton"];

impl ClassState {
    /// Drops the process singletons (a web process starting a new request).
    pub(super) fn clear_process_singletons(&mut self) {
        self.singletons.clear();
    }
}

fn tag(o: &ObjRef) -> Option<Rc<dyn Any>> {
    o.borrow().class.clone()
}

/// Name of the user class `o` is an instance of, if any: a shared copy keeps it (`OB Copy` with
/// `ck shared` of a class instance is still an instance of that class).
pub(super) fn user_class_name(o: &ObjRef) -> Option<Arc<str>> {
    let t = tag(o)?;
    let class = t.downcast_ref::<Class>()?;
    (!class.builtin).then(|| Arc::from(&*class.name))
}

/// Whether `t` tags an instance (of a user class or of a native class).
fn is_instance_tag(t: &Rc<dyn Any>) -> bool {
    t.is::<Class>() || t.is::<native::Instance>()
}

fn class_error(kind: ErrorKind, message: String, file: u32, span: Span) -> Unwind {
    RtError::new(kind, message).at(file, span).into()
}

impl Interp {
    // ----- loading --------------------------------------------------------------------------

    /// Built-in class `4D.name`: `Object`, `Function`, `Class` and the native classes.
    pub(super) fn builtin_class(&mut self, name: &str) -> Option<Rc<Class>> {
        let native = native::find(name);
        let name: &'static str = match (name, native) {
            ("Object", _) => "Object",
            ("Function", _) => "Function",
            ("Class", _) => "Class",
            ("Signal", _) => "Signal",
            // ORDA's classes (docs API/DataClassClass.md, EntityClass.md…): there is no datastore
            // here, so they have no instances, but code may name them (`OB Instance of($v;
            // 4D.EntitySelection)` is False for every value).
            ("DataClass", _) => "DataClass",
            ("DataStore", _) => "DataStore",
            ("Entity", _) => "Entity",
            ("EntitySelection", _) => "EntitySelection",
            (_, Some(n)) => n.name,
            _ => return None,
        };
        if let Some(c) = self.classes.builtin.get(name) {
            return Some(c.clone());
        }
        let superclass = match native.and_then(|n| n.superclass) {
            _ if name == "Object" => None,
            Some(parent) => self.builtin_class(parent),
            None => self.builtin_class("Object"),
        };
        let mut class = self.make_class(name, true, superclass, false, false);
        if let Some(c) = Rc::get_mut(&mut class) {
            c.plain_props = native.is_none() && c.superclass.as_ref().is_none_or(|s| s.plain_props);
            if native.is_none() {
                c.accessors = match &c.superclass {
                    None => Some(Box::default()),
                    Some(s) => s.accessors.clone(),
                };
            }
        }
        if let (Some(n), Some(c)) = (native, Rc::get_mut(&mut class)) {
            c.native = Some(n);
            for &(fname, f) in n.functions {
                let value = Value::Function(Rc::new(Function {
                    source: Rc::from(format!("4D.{name}.{fname}").as_str()),
                    code: Rc::new(ClassCode::Native(f)),
                }));
                c.functions.insert(Key::new(fname), value);
            }
        }
        self.finish_class(&class);
        self.classes.builtin.insert(name, class.clone());
        Some(class)
    }

    fn make_class(
        &mut self,
        name: &str,
        builtin: bool,
        superclass: Option<Rc<Class>>,
        shared: bool,
        singleton: bool,
    ) -> Rc<Class> {
        let class = Class {
            name: Rc::from(name),
            builtin,
            superclass,
            constructor: None,
            functions: KeyMap::default(),
            getters: KeyMap::default(),
            setters: KeyMap::default(),
            initializers: Vec::new(),
            shared,
            singleton,
            session: false,
            object: self.class_object(&if builtin {
                format!("4D.{name}")
            } else {
                name.to_string()
            }),
            native: None,
            module: 0,
            plain_props: false,
            accessors: None,
        };
        Rc::new(class)
    }

    /// The class object of the class `key` (`4D.Name` for a built-in class): made once for
    /// every process of the run, filled in by [`Interp::finish_class`].
    fn class_object(&self, key: &str) -> Arc<SharedObject> {
        let mut objects = self.engine.class_objects.lock();
        objects
            .entry(key.to_string())
            .or_insert_with(|| SharedObject::new(SharedRoot::Plain))
            .clone()
    }

    /// Fills in the class object's properties and marks it, the first time a process completes
    /// the class (the others find it done).
    fn finish_class(&mut self, class: &Rc<Class>) {
        let o = &class.object;
        let key = if class.builtin { format!("4D.{}", class.name) } else { class.key() };
        {
            let mut props = o.props.write();
            if props.is_empty() {
                let superclass = match &class.superclass {
                    Some(s) => SharedValue::Object(s.object.clone()),
                    None => SharedValue::Null,
                };
                for (name, v) in CLASS_OBJECT_PROPERTIES.iter().zip([
                    SharedValue::Text(Arc::from(&*class.name)),
                    superclass,
                    SharedValue::Bool(class.shared),
                    SharedValue::Bool(class.singleton),
                    SharedValue::Bool(class.session),
                ]) {
                    props.insert(Arc::from(*name), v);
                }
            }
        }
        let _ = o.defines.set(Arc::from(key.as_str()));
        self.classes.by_object.insert(Arc::as_ptr(o) as usize, class.clone());
    }

    /// This process's class for a class object (`None`: the object is not one).
    #[inline]
    pub(super) fn class_of_object(&mut self, o: &Arc<SharedObject>) -> Option<Rc<Class>> {
        if let Some(c) = self.classes.by_object.get(&(Arc::as_ptr(o) as usize)) {
            return Some(c.clone());
        }
        let key = o.defines.get()?.clone();
        self.shared_instance_class(&key, Span::default()).ok().flatten()
    }

    /// Whether `o` is a class object whose `new` is the class's (no own property `new`: the
    /// properties are still only the ones every class object has).
    #[inline]
    pub(super) fn plain_class_object(o: &SharedObject) -> bool {
        o.defines.get().is_some() && o.props.read().len() == CLASS_OBJECT_PROPERTIES.len()
    }

    /// The module of the code running now (0 when the project has no components).
    pub(super) fn code_module(&self) -> u32 {
        if self.engine.project.has_components() {
            self.engine.project.module_of(self.current_file())
        } else {
            0
        }
    }

    /// User class `key` (a class name of the host, or a component's class key: see
    /// [`super::components::key`]), loaded and resolved on first use.
    pub(super) fn user_class(&mut self, key: &str, span: Span) -> Flow<Rc<Class>> {
        if let Some(c) = self.classes.user.get(key) {
            return Ok(c.clone());
        }
        let (module, name) = super::components::split_key(key);
        let saved = std::mem::replace(&mut self.classes.resolving_module, module);
        let r = self.load_user_class(key, module, name, span);
        self.classes.resolving_module = saved;
        r
    }

    fn load_user_class(
        &mut self,
        key: &str,
        module: u32,
        name: &str,
        span: Span,
    ) -> Flow<Rc<Class>> {
        let file_here = self.current_file();
        if self.classes.loading.iter().any(|n| n == key) {
            let mut cycle = self.classes.loading.clone();
            cycle.push(key.to_string());
            return Err(class_error(
                ErrorKind::ClassDefinition,
                format!("circular `Class extends`: {}", cycle.join(" -> ")),
                file_here,
                span,
            ));
        }
        let file = match self.engine.project.load_class(key) {
            Ok(Some(f)) => f,
            Ok(None) => {
                return Err(class_error(
                    ErrorKind::UnknownClass,
                    format!("unknown class `cs.{name}`: no class file `Classes/{name}.4dm` (class names are case-sensitive)"),
                    file_here,
                    span,
                ))
            }
            Err(msg) => return Err(class_error(ErrorKind::ClassDefinition, msg, file_here, span)),
        };
        let entry = self.engine.project.file(file).ok_or_else(|| {
            class_error(ErrorKind::UnknownClass, format!("unknown class `{name}`"), file_here, span)
        })?;
        if let Some(err) = entry.errors.first() {
            return Err(class_error(
                ErrorKind::ClassDefinition,
                format!(
                    "the class `{name}` has a syntax error at line {}: {}",
                    entry.line_of(err.span),
                    err.message
                ),
                file_here,
                span,
            ));
        }
        let def = entry.ast.class.clone().unwrap_or_default();
        self.classes.loading.push(key.to_string());
        let superclass = match &def.extends {
            Some(parent) => {
                let r = self.user_class(&super::components::key(module, &parent.text), span);
                self.classes.resolving_module = module;
                match r {
                    Ok(c) => Ok(c),
                    Err(u) if u.as_error().is_some_and(|e| e.kind == ErrorKind::UnknownClass) => {
                        Err(class_error(
                            ErrorKind::ClassDefinition,
                            format!(
                                "the class `{name}` extends `{}`, which is not a class of cs",
                                parent.text
                            ),
                            file,
                            parent.span,
                        ))
                    }
                    Err(e) => Err(e),
                }
            }
            None => Ok(self.builtin_class("Object").expect("4D.Object")),
        };
        self.classes.loading.pop();
        let superclass = superclass?;
        if def.shared && !superclass.builtin && !superclass.shared {
            return Err(class_error(
                ErrorKind::ClassDefinition,
                format!(
                    "the shared class `{name}` cannot extend the non-shared class `{}`",
                    superclass.name
                ),
                file_here,
                span,
            ));
        }
        let mut class = Class {
            name: Rc::from(name),
            builtin: false,
            superclass: Some(superclass),
            constructor: None,
            functions: KeyMap::default(),
            getters: KeyMap::default(),
            setters: KeyMap::default(),
            initializers: Vec::new(),
            shared: def.shared,
            singleton: def.singleton,
            session: def.session,
            object: self.class_object(key),
            native: None,
            module,
            plain_props: false,
            accessors: None,
        };
        let text = entry.text.clone();
        if let Some(ctor) = &def.constructor {
            class.constructor =
                Some(Rc::new(rc::resolve_function(name, ctor, file, &text, &mut *self)));
        }
        for f in &def.functions {
            let method = Rc::new(rc::resolve_function(name, f, file, &text, &mut *self));
            // Interned as the resolver interns the names in code: a lookup then compares the
            // keys by pointer, not by text.
            let key = Key::intern(&f.name.text);
            match f.kind {
                FunctionKind::Getter => {
                    class.getters.insert(key, (method, f.shared));
                }
                FunctionKind::Setter => {
                    class.setters.insert(key, (method, f.shared));
                }
                _ => {
                    let value = Value::Function(Rc::new(Function {
                        source: Rc::from(rc::function_display_name(name, f).as_str()),
                        code: Rc::new(ClassCode::Function { method, shared: f.shared }),
                    }));
                    class.functions.insert(key, value);
                }
            }
        }
        for p in &def.properties {
            if let (Some(init), [n]) = (&p.init, p.names.as_slice()) {
                let m = rc::resolve_initializer(name, init, file, &text, &mut *self);
                class.initializers.push((Key::intern(&n.text), Rc::new(m)));
            }
        }
        class.plain_props = class.getters.0.is_empty()
            && class.setters.0.is_empty()
            && class.superclass.as_ref().is_none_or(|s| s.plain_props);
        let inherited = match &class.superclass {
            None => Some(Box::default()),
            Some(s) => s.accessors.clone(),
        };
        class.accessors = inherited.map(|names: Box<[Key]>| {
            let mut names = names.into_vec();
            names.extend(class.getters.0.keys().chain(class.setters.0.keys()).cloned());
            names.into_boxed_slice()
        });
        let class = Rc::new(class);
        self.finish_class(&class);
        self.classes.user.insert(key.to_string(), class.clone());
        Ok(class)
    }

    // ----- class stores and commands --------------------------------------------------------

    /// `cs` or `4D`: an object whose properties are its classes (so `For each`, `OB Keys` and
    /// `cs[$name]` see them all), filled when the process first reads it. A user class that
    /// does not load (syntax error, unknown superclass) is left out; naming it raises its error.
    pub(super) fn store_object(&mut self, store: Store) -> Value {
        let slot = match store {
            Store::User(0) => self.classes.cs.as_ref(),
            Store::User(m) => self.classes.component_cs.get(&m),
            Store::Builtin => self.classes.four_d.as_ref(),
        };
        if let Some(o) = slot {
            return Value::Object(o.clone());
        }
        let o = ObjRef::new();
        let user = match store {
            Store::User(m) => Some(m),
            Store::Builtin => None,
        };
        o.borrow_mut().class = Some(Rc::new(store));
        if let Some(module) = user {
            if module == 0 {
                self.classes.cs = Some(o.clone());
            } else {
                self.classes.component_cs.insert(module, o.clone());
            }
            let names = self.engine.project.class_names_in(module);
            for name in &names {
                let key = super::components::key(module, name);
                if let Ok(class) = self.user_class(&key, Span::default()) {
                    o.set_str(name, Value::SharedObject(class.object.clone()));
                }
            }
            // The host sees each component's classes as `cs.<namespace>` (a host class of
            // that name wins).
            if module == 0 {
                let spaces: Vec<(u32, String)> = (self.engine.project.components().iter())
                    .enumerate()
                    .filter_map(|(i, c)| Some((i as u32 + 1, c.namespace.clone()?)))
                    .filter(|(_, ns)| !names.contains(ns))
                    .collect();
                for (m, ns) in spaces {
                    let store = self.store_object(Store::User(m));
                    o.set_str(&ns, store);
                }
            }
        } else {
            self.classes.four_d = Some(o.clone());
            let mut names: Vec<&str> = BUILTIN_CLASSES.to_vec();
            names.extend(native::CLASSES.iter().map(|c| c.name));
            names.sort_unstable();
            names.dedup();
            for name in names {
                if let Some(class) = self.builtin_class(name) {
                    o.set_str(name, Value::SharedObject(class.object.clone()));
                }
            }
        }
        Value::Object(o)
    }

    /// The class of `cs.name` when `cs.name.new(…)` is that class's own `new`, read from the
    /// `cs` object in place (the same checks as the `MemberCall` path on an evaluated class
    /// object); `None` sends the call to the general path.
    pub(super) fn cs_class_to_new(&mut self, name: &Key) -> Option<Rc<Class>> {
        let module = self.code_module();
        let Value::Object(cs) = self.store_object(Store::User(module)) else { return None };
        let class_object = match cs.borrow().props.get(name) {
            Some(Value::SharedObject(o)) if Interp::plain_class_object(o) => o.clone(),
            _ => return None,
        };
        self.class_of_object(&class_object)
    }

    pub(super) fn class_intrinsic(
        &mut self,
        which: Intrinsic,
        args: &[Expr],
        span: Span,
    ) -> Flow<Value> {
        match which {
            Intrinsic::Cs => {
                let module = self.code_module();
                Ok(self.store_object(Store::User(module)))
            }
            Intrinsic::FourD => Ok(self.store_object(Store::Builtin)),
            Intrinsic::ObClass => {
                let v = match args.first() {
                    Some(a) => self.eval(a)?,
                    None => Value::Undefined,
                };
                Ok(match self.class_of(&v, span)? {
                    Some(c) => Value::SharedObject(c.object.clone()),
                    None => Value::Null,
                })
            }
            Intrinsic::ObInstanceOf => {
                let vals = self.eval_all(args)?;
                let (Some(v), Some(target)) = (vals.first(), vals.get(1)) else {
                    return Err(class_error(
                        ErrorKind::WrongArgCount,
                        "OB Instance of expects an object and a class".to_string(),
                        self.current_file(),
                        span,
                    ));
                };
                let Some(target) = self.as_class_object(target) else {
                    return Err(class_error(
                        ErrorKind::TypeMismatch,
                        format!(
                            "OB Instance of: the second parameter must be a class (cs.Name or 4D.Name), not {}",
                            target.kind_name()
                        ),
                        self.current_file(),
                        span,
                    ));
                };
                Ok(Value::Bool(match self.class_of(v, span)? {
                    Some(c) => c.chain().any(|k| std::ptr::eq(k, &*target)),
                    None => false,
                }))
            }
            _ => Ok(Value::Undefined),
        }
    }

    /// The class of a value (`OB Class`): `None` when it is not an object.
    fn class_of(&mut self, v: &Value, span: Span) -> Flow<Option<Rc<Class>>> {
        Ok(match v {
            Value::Object(o) => match tag(o) {
                Some(t) if is_instance_tag(&t) => self.tag_class(t),
                _ => self.builtin_class("Object"),
            },
            Value::SharedObject(o) if o.defines.get().is_some() => self.builtin_class("Class"),
            Value::SharedObject(o) => {
                let name = o.class.get().cloned();
                match name {
                    Some(n) => self.shared_instance_class(&n, span)?,
                    None => self.builtin_class("Object"),
                }
            }
            Value::Function(_) => self.builtin_class("Function"),
            _ => None,
        })
    }

    /// The class of a shared instance, by the name it carries (`4D.Name` for a built-in one).
    fn shared_instance_class(&mut self, name: &str, span: Span) -> Flow<Option<Rc<Class>>> {
        match name.strip_prefix("4D.") {
            Some(builtin) => Ok(self.builtin_class(builtin)),
            None => self.user_class(name, span).map(Some),
        }
    }

    /// A plain copy of a shared instance of a user class is an instance of that class too.
    pub(super) fn keep_shared_class(&mut self, src: &Value, copy: &Value, span: Span) -> Flow<()> {
        if let (Value::SharedObject(s), Value::Object(o)) = (src, copy) {
            if let Some(name) = s.class.get().cloned() {
                let class: Rc<dyn Any> = self.user_class(&name, span)?;
                o.borrow_mut().class = Some(class);
            }
        }
        Ok(())
    }

    /// The class an instance tag stands for.
    fn tag_class(&mut self, t: Rc<dyn Any>) -> Option<Rc<Class>> {
        match t.downcast::<Class>() {
            Ok(c) => Some(c),
            Err(t) => self.builtin_class(t.downcast_ref::<native::Instance>()?.class.name),
        }
    }

    /// The class of an instance of a user class or of a native class.
    fn instance_class(&mut self, obj: &Value, span: Span) -> Flow<Option<Rc<Class>>> {
        match obj {
            Value::Object(o) => Ok(tag(o).filter(is_instance_tag).and_then(|t| self.tag_class(t))),
            Value::SharedObject(o) => {
                let name = o.class.get().cloned();
                match name {
                    Some(n) => self.shared_instance_class(&n, span),
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    // ----- members --------------------------------------------------------------------------

    /// The direct target of `o.key(…)`: the user-class function `key` of the instance `o` (no
    /// own property `key`, no accessor or native class met first).
    /// `None` sends the call the general way ([`Interp::class_member`], then `call_value`); the
    /// answer is the same, this only skips making and unpacking a `4D.Function` per call.
    pub(super) fn class_call_target(o: &ObjRef, key: &Key) -> Option<ClassCall> {
        let b = o.borrow();
        if b.props.get(key).is_some() {
            return None;
        }
        let t = b.class.as_ref()?;
        if let Some(class) = t.downcast_ref::<Class>() {
            for c in class.chain() {
                if let Some(Value::Function(f)) = c.functions.get(key) {
                    return match f.code.downcast_ref::<ClassCode>()? {
                        ClassCode::Function { method, .. } => {
                            Some(ClassCall::Function(method.clone()))
                        }
                        _ => None,
                    };
                }
                if c.getters.contains_key(key) || c.setters.contains_key(key) || c.native.is_some()
                {
                    return None;
                }
            }
        }
        None
    }

    /// `obj.key` when `obj` has no own property `key`: a class function, a computed property, a
    /// class of a class store, or `new`/`me` of a class object.
    pub(super) fn class_member(&mut self, obj: &Value, key: &Key, span: Span) -> Flow<Value> {
        let t = match obj {
            Value::Object(o) => match tag(o) {
                Some(t) => t,
                None => return Ok(Value::Undefined),
            },
            Value::SharedObject(o) if o.class.get().is_some() => {
                if let Some(signal) = o.signal.get() {
                    return Ok(self.signal_member(signal, key.as_str()));
                }
                return match self.instance_class(obj, span)? {
                    Some(c) => self.instance_member(&c, obj, key, span),
                    None => Ok(Value::Undefined),
                };
            }
            Value::SharedObject(o) => {
                let Some(class) = self.class_of_object(o) else { return Ok(Value::Undefined) };
                return match key.as_str() {
                    "new" => Ok(Value::Function(Rc::new(Function {
                        source: Rc::from(format!("{}.new", class.display()).as_str()),
                        code: Rc::new(ClassCode::New(class)),
                    }))),
                    "me" if class.singleton => self.singleton(&class, span),
                    _ => Ok(Value::Undefined),
                };
            }
            _ => return Ok(Value::Undefined),
        };
        if is_instance_tag(&t) {
            let Some(class) = self.tag_class(t) else { return Ok(Value::Undefined) };
            return self.instance_member(&class, obj, key, span);
        }
        if let Some(store) = t.downcast_ref::<Store>() {
            return match store {
                Store::User(m) => {
                    let key = super::components::key(*m, key.as_str());
                    Ok(Value::SharedObject(self.user_class(&key, span)?.object.clone()))
                }
                Store::Builtin => match self.builtin_class(key.as_str()) {
                    Some(c) => Ok(Value::SharedObject(c.object.clone())),
                    None => Err(class_error(
                        ErrorKind::UnknownClass,
                        format!(
                            "unknown class `4D.{}`: not a built-in class of mini4d",
                            key.as_str()
                        ),
                        self.current_file(),
                        span,
                    )),
                },
            };
        }
        Ok(Value::Undefined)
    }

    fn instance_member(
        &mut self,
        class: &Rc<Class>,
        obj: &Value,
        key: &Key,
        span: Span,
    ) -> Flow<Value> {
        for c in class.chain() {
            if let Some(f) = c.functions.get(key) {
                return Ok(f.clone());
            }
            if let Some((getter, shared)) = c.getters.get(key) {
                let (getter, shared) = (getter.clone(), *shared);
                if let Value::Object(_) = obj {
                    // A plain instance: no implicit `Use`, no argument vector.
                    return self.call_code_exprs(getter, &[], obj.clone(), span);
                }
                return self.call_in_class(getter, shared, obj.clone(), Vec::new(), span);
            }
            if c.setters.contains_key(key) {
                return Ok(Value::Undefined);
            }
            if let (Some(getter), Value::Object(o)) =
                (c.native.and_then(|n| n.getter(key.as_str())), obj)
            {
                return getter(self, o).map_err(|e| self.native_error(e, span));
            }
        }
        Ok(Value::Undefined)
    }

    /// `obj.key:=v` on a class instance: runs the `Function set`, refuses a read-only computed
    /// property; `None` when the class has no accessor for `key` (an ordinary property).
    pub(super) fn class_set_member(
        &mut self,
        obj: &Value,
        key: &Key,
        v: &Value,
        span: Span,
    ) -> Option<Flow<()>> {
        let class = match obj {
            Value::Object(o) => {
                // A plain object, or an instance of a class without accessors: an ordinary
                // property (decided without taking the class out of the object).
                match o.borrow().class.as_deref() {
                    None => return None,
                    Some(t) => match t.downcast_ref::<Class>() {
                        Some(c) if c.plain_props => return None,
                        // No accessor of that name in the chain (and no native code): looked
                        // up without taking the class out of the object.
                        Some(c) if c.accessors.as_ref().is_some_and(|a| !a.contains(key)) => {
                            return None
                        }
                        _ => {}
                    },
                }
                let t = tag(o).filter(is_instance_tag)?;
                self.tag_class(t)?
            }
            Value::SharedObject(o) if o.defines.get().is_some() => {
                if !CLASS_OBJECT_PROPERTIES.contains(&key.as_str()) {
                    return None;
                }
                let class = self.class_of_object(o)?;
                return Some(Err(class_error(
                    ErrorKind::ReadOnlyProperty,
                    format!(
                        "the property `{}` of the class object `{}` is read-only",
                        key.as_str(),
                        class.display()
                    ),
                    self.current_file(),
                    span,
                )));
            }
            Value::SharedObject(o) => {
                o.class.get()?;
                if o.signal.get().is_some() {
                    return self.signal_read_only(key.as_str(), span).map(Err);
                }
                match self.instance_class(obj, span) {
                    Ok(c) => c?,
                    Err(e) => return Some(Err(e)),
                }
            }
            _ => return None,
        };
        for c in class.chain() {
            if let (Some(n), Value::Object(o)) = (c.native, obj) {
                if let Some(setter) = n.setter(key.as_str()) {
                    return Some(
                        setter(self, o, v.clone()).map_err(|e| self.native_error(e, span)),
                    );
                }
                if n.getter(key.as_str()).is_some() {
                    return Some(Err(self.read_only_error(key, &class, span)));
                }
            }
            if let Some((setter, shared)) = c.setters.get(key) {
                let (setter, shared) = (setter.clone(), *shared);
                return Some(
                    self.call_in_class(setter, shared, obj.clone(), vec![v.clone()], span)
                        .map(|_| ()),
                );
            }
            if c.getters.contains_key(key) {
                return Some(Err(self.read_only_error(key, &class, span)));
            }
        }
        None
    }

    fn read_only_error(&self, key: &Key, class: &Class, span: Span) -> Unwind {
        class_error(
            ErrorKind::ReadOnlyProperty,
            format!(
                "the computed property `{}` of class `{}` is read-only (it has a `Function get` but no `Function set`)",
                key.as_str(),
                class.name
            ),
            self.current_file(),
            span,
        )
    }

    /// An error from native class code, located at the call (unless it already has a place).
    fn native_error(&self, e: RtError, span: Span) -> Unwind {
        e.at(self.current_file(), span).into()
    }

    /// The error for `obj.key(…)` when `obj` has no such function.
    pub(super) fn no_function_error(&mut self, obj: &Value, key: &Key, span: Span) -> Unwind {
        let file = self.current_file();
        let class = match self.instance_class(obj, span) {
            Ok(c) => c,
            Err(e) => return e,
        };
        if let Some(class) = class {
            return class_error(
                ErrorKind::UnknownFunction,
                format!("unknown function `{}` of class `{}`", key.as_str(), class.display()),
                file,
                span,
            );
        }
        if let Value::SharedObject(o) = obj {
            if let Some(c) = self.class_of_object(o) {
                return class_error(
                    ErrorKind::UnknownFunction,
                    format!(
                        "unknown function `{}` of the class object `{}` (a class object has `new()`; functions are called on instances)",
                        key.as_str(),
                        c.display()
                    ),
                    file,
                    span,
                );
            }
        }
        class_error(
            ErrorKind::FunctionExpected,
            format!("the object has no function `{}`", key.as_str()),
            file,
            span,
        )
    }

    // ----- calls ----------------------------------------------------------------------------

    /// Calls a `4D.Function` made by a class (a class function or `new`).
    pub(super) fn call_class_code(
        &mut self,
        func: &Rc<Function>,
        this: Value,
        args: Vec<Value>,
        span: Span,
    ) -> Flow<Value> {
        let Ok(code) = func.code.clone().downcast::<ClassCode>() else {
            return Ok(Value::Undefined);
        };
        match &*code {
            ClassCode::Function { method, shared } => {
                self.call_in_class(method.clone(), *shared, this, args, span)
            }
            ClassCode::New(class) => self.instantiate(class, args, span),
            ClassCode::Native(f) => {
                let Value::Object(o) = &this else {
                    return Err(class_error(
                        ErrorKind::TypeMismatch,
                        format!("{} must be called on an object", func.source),
                        self.current_file(),
                        span,
                    ));
                };
                let mut a = Args::new(args);
                a.call_span = span;
                f(self, o, &mut a).map_err(|e| self.native_error(e, span))
            }
        }
    }

    /// Runs class code on `this`; a `shared` function on a shared object runs inside an implicit
    /// `Use(This)…End use`.
    fn call_in_class(
        &mut self,
        method: Rc<Method>,
        shared: bool,
        this: Value,
        args: Vec<Value>,
        span: Span,
    ) -> Flow<Value> {
        let group = match (&this, shared) {
            (Value::SharedObject(o), true) => Some(o.group()),
            _ => None,
        };
        if let Some(g) = &group {
            self.lock_group(g, span)?;
            self.held.push(g.clone().into());
        }
        let r = self.call(method, args, this, span);
        if let Some(g) = group {
            self.held.pop();
            g.unlock(self.process.number);
        }
        r
    }

    /// `cs.Name.new(…)`: a new instance (the singleton when the class is one).
    pub(super) fn instantiate(
        &mut self,
        class: &Rc<Class>,
        args: Vec<Value>,
        span: Span,
    ) -> Flow<Value> {
        if class.builtin {
            if &*class.name == "Object" {
                return Ok(Value::Object(ObjRef::new()));
            }
            if let Some(ctor) = class.native.and_then(|n| n.constructor) {
                let mut a = Args::new(args);
                a.call_span = span;
                return ctor(self, &mut a).map_err(|e| self.native_error(e, span));
            }
            return Err(class_error(
                ErrorKind::FunctionExpected,
                format!("{}.new() is not available in mini4d", class.display()),
                self.current_file(),
                span,
            ));
        }
        if class.singleton {
            if let Some(v) = self.existing_singleton(class) {
                return Ok(v);
            }
        }
        let me = self.process.number;
        if class.shared {
            let o = SharedObject::new(SharedRoot::Plain);
            let _ = o.class.set(Arc::from(class.key().as_str()));
            let group = o.group();
            group.try_lock(me);
            if class.singleton {
                let mut map = self.shared_singletons(class).lock();
                if let Some(existing) = map.get(&*class.name) {
                    group.unlock(me);
                    return Ok(Value::SharedObject(existing.clone()));
                }
                map.insert(class.name.to_string(), o.clone());
            }
            self.held.push(group.clone().into());
            let this = Value::SharedObject(o);
            let r = self.construct(class, &this, args, span);
            self.held.pop();
            group.unlock(me);
            r.map(|_| this)
        } else {
            let o = ObjRef::new();
            o.borrow_mut().class = Some(class.clone());
            let this = Value::Object(o);
            if class.singleton {
                self.classes.singletons.insert(class.name.to_string(), this.clone());
            }
            self.construct(class, &this, args, span)?;
            Ok(this)
        }
    }

    /// `cs.Name.new(args)`: as [`Interp::instantiate`], with the arguments evaluated straight
    /// into the constructor's frame when nothing runs before the constructor (a user class,
    /// neither shared nor a singleton, without property initializers in its chain).
    pub(super) fn instantiate_exprs(
        &mut self,
        class: &Rc<Class>,
        args: &[Expr],
        span: Span,
    ) -> Flow<Value> {
        let ctor = match class.chain().find_map(|c| c.constructor.as_ref()) {
            Some(ctor)
                if !class.builtin
                    && !class.singleton
                    && !class.shared
                    && class.chain().all(|c| c.initializers.is_empty()) =>
            {
                ctor.clone()
            }
            _ => {
                let values = self.eval_all(args)?;
                return self.instantiate(class, values, span);
            }
        };
        let o = ObjRef::new();
        o.borrow_mut().class = Some(class.clone());
        let this = Value::Object(o);
        self.call_code_exprs(ctor, args, this.clone(), span)?;
        Ok(this)
    }

    /// Initializes declared properties (superclasses first) then runs the nearest constructor.
    fn construct(
        &mut self,
        class: &Rc<Class>,
        this: &Value,
        args: Vec<Value>,
        span: Span,
    ) -> Flow<()> {
        let chain: smallvec::SmallVec<[&Class; 4]> = class.chain().collect();
        for c in chain.iter().rev() {
            for (key, init) in &c.initializers {
                let v = self.call(init.clone(), Vec::new(), this.clone(), span)?;
                match this {
                    Value::SharedObject(o) => {
                        let v = match v {
                            Value::Object(_) | Value::Collection(_) => {
                                super::intrinsics::copy_shared(&v, Some(o.group()), 0)
                                    .map_err(|e| Unwind::from(e.at(self.current_file(), span)))?
                            }
                            v => v,
                        };
                        self.shared_set(o, key.as_str(), v)
                            .map_err(|e| Unwind::from(e.at(self.current_file(), span)))?;
                    }
                    Value::Object(o) => o.set(key.clone(), v),
                    _ => {}
                }
            }
        }
        if let Some(ctor) = chain.iter().find_map(|c| c.constructor.clone()) {
            self.call(ctor, args, this.clone(), span)?;
        }
        Ok(())
    }

    /// Where the instances of a shared singleton class live: the session for a session
    /// singleton, the engine (every process of the run) otherwise.
    fn shared_singletons(
        &self,
        class: &Class,
    ) -> &parking_lot::Mutex<HashMap<String, Arc<SharedObject>>> {
        if class.session {
            &self.session.singletons
        } else {
            &self.engine.singletons
        }
    }

    fn existing_singleton(&self, class: &Class) -> Option<Value> {
        if class.shared {
            self.shared_singletons(class).lock().get(&*class.name).cloned().map(Value::SharedObject)
        } else {
            self.classes.singletons.get(&*class.name).cloned()
        }
    }

    /// `cs.Name.me`: the singleton, created (constructor without parameters) on first use.
    fn singleton(&mut self, class: &Rc<Class>, span: Span) -> Flow<Value> {
        match self.existing_singleton(class) {
            Some(v) => Ok(v),
            None => self.instantiate(class, Vec::new(), span),
        }
    }

    // ----- Super ----------------------------------------------------------------------------

    pub(super) fn eval_super(&mut self, s: &SuperExpr, span: Span) -> Flow<Value> {
        let file = self.current_file();
        let Some(name) = &s.class else {
            return Err(class_error(
                ErrorKind::SuperOutOfScope,
                "`Super` can only be used in the code of a class".to_string(),
                file,
                span,
            ));
        };
        let key = super::components::key(self.code_module(), name);
        let class = self.user_class(&key, span)?;
        let sup = match &class.superclass {
            Some(sup) if !sup.builtin => sup.clone(),
            _ => {
                return Err(class_error(
                    ErrorKind::SuperOutOfScope,
                    format!(
                    "`Super`: the class `{name}` does not extend another class (`Class extends`)"
                ),
                    file,
                    span,
                ))
            }
        };
        let this = self.frames.last().map(|f| f.this.clone()).unwrap_or_default();
        match &s.call {
            SuperCall::Value => Ok(Value::SharedObject(sup.object.clone())),
            SuperCall::Constructor(args) => {
                if !s.constructor {
                    return Err(class_error(
                        ErrorKind::SuperOutOfScope,
                        format!("`Super(…)` calls the constructor of `{}`: it is allowed only in a `Class constructor`", sup.name),
                        file,
                        span,
                    ));
                }
                let values = self.eval_all(args)?;
                if let Some(ctor) = sup.chain().find_map(|c| c.constructor.clone()) {
                    self.call(ctor, values, this, span)?;
                }
                Ok(Value::Undefined)
            }
            SuperCall::Function(key, args) => {
                let values = self.eval_all(args)?;
                let found = sup.chain().find_map(|c| c.functions.get(key).cloned());
                match found {
                    Some(f) => self.call_value(&f, this, values, span),
                    None => Err(class_error(
                        ErrorKind::UnknownFunction,
                        format!(
                            "unknown function `{}` in the superclasses of `{name}` (from `{}` up)",
                            key.as_str(),
                            sup.name
                        ),
                        file,
                        span,
                    )),
                }
            }
        }
    }
}

impl Interp {
    /// The class a class object stands for.
    fn as_class_object(&mut self, v: &Value) -> Option<Rc<Class>> {
        let Value::SharedObject(o) = v else { return None };
        self.class_of_object(o)
    }
}

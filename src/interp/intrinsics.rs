//! Commands that need the interpreter's own state: parameters, error handling, output, shared
//! values, sessions and processes.

use std::sync::Arc;

use super::eval::to_shared;
use super::{Flow, Interp, Unwind};
use crate::commands::Host;
use crate::resolve::ir::{Expr, ExprKind, Intrinsic, VarType};
use crate::runtime::array::{ArrayRef, ElementType};
use crate::runtime::ops::{self as value_ops, shared_to_value};
use crate::runtime::shared::{self, SharedCollection, SharedObject, SharedRoot};
use crate::runtime::value::type_code;
use crate::runtime::{CollRef, ErrorKind, Key, ObjRef, RtError, Value};
use crate::syntax::ast::Span;

/// `LOG EVENT` target that writes to standard output/error.
const INTO_SYSTEM_STANDARD_OUTPUTS: i32 = 6;
const ERROR_MESSAGE: i32 = 2;
/// `ON ERR CALL` scopes.
const EK_LOCAL: i32 = 0;
const EK_GLOBAL: i32 = 1;
const EK_ERRORS_FROM_COMPONENTS: i32 = 2;
use crate::commands::dbparams::{self, DbParam, Scope, USER_PARAM_VALUE};
use crate::commands::objects::ck::CK_SHARED;

impl Interp {
    pub(super) fn intrinsic(
        &mut self,
        which: Intrinsic,
        args: &[Expr],
        star: bool,
        span: Span,
    ) -> Flow<Value> {
        use Intrinsic::*;
        let _ = star;
        match which {
            CountParameters => Ok(Value::Int(self.arg_count() as i32)),
            CopyParameters => {
                let vals = self.eval_all(args)?;
                let from = vals.first().and_then(Value::as_number).unwrap_or(1.0).max(1.0) as usize;
                let items: Vec<Value> =
                    self.frame_args().into_iter().skip(from - 1).map(Value::for_storage).collect();
                Ok(Value::Collection(CollRef::from_vec(items)))
            }
            Type => {
                let Some(arg) = args.first() else {
                    return Ok(Value::Int(type_code::IS_UNDEFINED));
                };
                let declared = match &arg.kind {
                    ExprKind::Local(s) => {
                        self.frames.last().map(|f| f.method.slot_types[*s as usize])
                    }
                    ExprKind::ProcessVar(i) => self.pvar_types.get(*i as usize).copied(),
                    _ => None,
                };
                let v = match &arg.kind {
                    // `Type($p->)`: the declared type of the variable pointed to.
                    ExprKind::Deref(p) => {
                        let p = self.eval(p)?;
                        return Ok(Value::Int(self.pointee_type(&p, arg.span)?));
                    }
                    _ => self.eval(arg)?,
                };
                if let Value::Array(a) = &v {
                    return Ok(Value::Int(a.type_code()));
                }
                Ok(Value::Int(match declared {
                    None => match v {
                        Value::Undefined => type_code::IS_VARIANT,
                        v => v.type_code(),
                    },
                    Some(t) => declared_type_code(t),
                }))
            }
            GetLastErrorStack => {
                // The errors `Last errors` lists, as three arrays (codes, components, texts).
                let errors = &self.last_errors;
                let codes = errors.iter().map(|e| Value::Int(e.code)).collect();
                let components = errors.iter().map(|e| Value::text(e.component.clone())).collect();
                let texts = errors.iter().map(|e| Value::text(e.message.clone())).collect();
                let arrays = [
                    (ElementType::Longint, codes),
                    (ElementType::Text, components),
                    (ElementType::Text, texts),
                ];
                for (target, (kind, items)) in args.iter().zip(arrays) {
                    let array = ArrayRef::from_values(kind, items);
                    self.assign_expr_target(target, Value::Array(array), span)?;
                }
                Ok(Value::Undefined)
            }
            LastErrors => {
                if self.last_errors.is_empty() {
                    return Ok(Value::Null);
                }
                let items = self.last_errors.iter().map(error_object).collect();
                Ok(Value::Collection(CollRef::from_vec(items)))
            }
            OnErrCall => {
                let vals = self.eval_all(args)?;
                let name = vals.first().and_then(|v| v.as_str()).unwrap_or("").to_string();
                let name = if name.is_empty() { None } else { Some(name) };
                // A component's handler is its own method: keep it by its key.
                let name = match name {
                    Some(n) if self.code_module() != 0 => {
                        Some(self.engine.project.method_key(self.code_module(), &n).unwrap_or(n))
                    }
                    n => n,
                };
                let module = self.code_module();
                match vals.get(1).map(number).unwrap_or(EK_LOCAL) {
                    EK_LOCAL => match name {
                        Some(n) => {
                            self.error_handler.insert(module, n);
                        }
                        None => {
                            self.error_handler.remove(&module);
                        }
                    },
                    EK_GLOBAL if module != 0 => {
                        let mut handlers = self.engine.component_error_handlers.lock();
                        match name {
                            Some(n) => handlers.insert(module, n),
                            None => handlers.remove(&module),
                        };
                    }
                    scope @ (EK_GLOBAL | EK_ERRORS_FROM_COMPONENTS) => {
                        self.engine.error_handlers.lock()[(scope - 1) as usize] = name
                    }
                    scope => {
                        return Err(RtError::new(
                            ErrorKind::Generic,
                            format!("ON ERR CALL: unknown scope {scope} (ek local, ek global or ek errors from components)"),
                        )
                        .at(self.current_file(), span)
                        .into())
                    }
                }
                Ok(Value::Undefined)
            }
            MethodCalledOnError => {
                let vals = self.eval_all(args)?;
                let module = self.code_module();
                let name = match vals.first().map(number).unwrap_or(EK_LOCAL) {
                    EK_LOCAL => self.error_handler.get(&module).cloned(),
                    EK_GLOBAL if module != 0 => {
                        self.engine.component_error_handlers.lock().get(&module).cloned()
                    }
                    scope @ (EK_GLOBAL | EK_ERRORS_FROM_COMPONENTS) => {
                        self.engine.error_handlers.lock()[(scope - 1) as usize].clone()
                    }
                    _ => None,
                };
                let name = name.unwrap_or_default();
                let plain = match self.engine.project.has_components() {
                    true => self.method_name_of_key(&name),
                    false => name,
                };
                Ok(Value::text(plain))
            }
            Abort => Err(Unwind::ABORT),
            Assert | Asserted => {
                let vals = self.eval_all(args)?;
                // `Asserted` gives back the expression's value (even when assertions are off).
                let result = match (which, vals.first()) {
                    (Asserted, Some(Value::Bool(b))) => Value::Bool(*b),
                    _ => Value::Undefined,
                };
                if !self.assert_enabled {
                    return Ok(result);
                }
                match vals.first() {
                    Some(Value::Bool(true)) => Ok(result),
                    Some(Value::Bool(false)) => {
                        let text = match vals.get(1) {
                            Some(Value::Text(t)) => t.to_string(),
                            _ => self.source_text(args[0].span),
                        };
                        Err(RtError::new(ErrorKind::AssertFailed, format!("Assert failed: {text}"))
                            .at(self.current_file(), span)
                            .into())
                    }
                    _ => Err(RtError::type_mismatch("ASSERT expects a Boolean")
                        .at(self.current_file(), span)
                        .into()),
                }
            }
            SetAssertEnabled => {
                let vals = self.eval_all(args)?;
                self.assert_enabled = matches!(vals.first(), Some(Value::Bool(true)));
                Ok(Value::Undefined)
            }
            GetAssertEnabled => Ok(Value::Bool(self.assert_enabled)),
            Throw => {
                let vals = self.eval_all(args)?;
                Err(self.throw_error(vals).at(self.current_file(), span).into())
            }
            LogEvent => {
                let vals = self.eval_all(args)?;
                let (target, msg, importance) = match vals.as_slice() {
                    [m] => (0, m.clone(), 0),
                    [t, m] => (number(t), m.clone(), 0),
                    [t, m, i, ..] => (number(t), m.clone(), number(i)),
                    [] => {
                        return Err(RtError::new(
                            ErrorKind::WrongArgCount,
                            "LOG EVENT expects a message",
                        )
                        .into())
                    }
                };
                let Value::Text(msg) = msg else {
                    return Err(RtError::type_mismatch("LOG EVENT: the message must be a text")
                        .at(self.current_file(), span)
                        .into());
                };
                if target == INTO_SYSTEM_STANDARD_OUTPUTS {
                    if importance == ERROR_MESSAGE {
                        self.write_stderr(&msg);
                    } else {
                        self.write_stdout(&msg);
                    }
                }
                Ok(Value::Undefined)
            }
            Alert => {
                let vals = self.eval_all(args)?;
                let msg = match vals.first() {
                    Some(Value::Text(t)) => t.to_string(),
                    Some(v) => {
                        return Err(RtError::type_mismatch(format!(
                            "ALERT: the message must be a text, not {}",
                            v.kind_name()
                        ))
                        .at(self.current_file(), span)
                        .into())
                    }
                    None => String::new(),
                };
                self.write_stdout(&format!("{msg}\n"));
                Ok(Value::Undefined)
            }
            Trace => Ok(Value::Undefined),
            GetDatabaseParameter => self.get_database_parameter(args, span),
            SetDatabaseParameter => {
                let vals = self.eval_all(args)?;
                let (Some(selector), Some(value)) = (vals.first(), vals.get(1)) else {
                    return Err(RtError::new(
                        ErrorKind::WrongArgCount,
                        "SET DATABASE PARAMETER expects a selector and a value",
                    )
                    .into());
                };
                self.set_database_parameter(number(selector), value);
                Ok(Value::Undefined)
            }
            Quit4D => {
                self.engine.quit.store(true, std::sync::atomic::Ordering::Release);
                Err(Unwind::QUIT)
            }
            ObSet => {
                let Some(first) = args.first() else {
                    return Err(
                        RtError::new(ErrorKind::WrongArgCount, "OB SET expects an object").into()
                    );
                };
                let mut obj = self.eval(first)?;
                if obj.is_nullish() {
                    obj = Value::Object(ObjRef::new());
                    self.assign_expr_target(first, obj.clone(), span)?;
                }
                let rest = self.eval_all(&args[1..])?;
                for pair in rest.chunks(2) {
                    let name = pair[0].as_str().unwrap_or("").to_string();
                    let v = pair.get(1).cloned().unwrap_or_default();
                    self.set_member(&obj, Key::intern(&name), v, span)?;
                }
                Ok(Value::Undefined)
            }
            CurrentMethodName => Ok(Value::text(self.current_method_name())),
            ApplicationType => Ok(Value::Int(6)),
            ApplicationInfo => {
                let o = ObjRef::new();
                o.set_str("headless", Value::Bool(true));
                o.set_str("product", Value::text("mini4d"));
                o.set_str("version", Value::text(env!("CARGO_PKG_VERSION")));
                Ok(Value::Object(o))
            }
            NewSharedObject => {
                let vals = self.eval_all(args)?;
                let o = SharedObject::new(SharedRoot::Plain);
                let group = o.group();
                {
                    let mut props = o.props.write();
                    for pair in vals.chunks(2) {
                        let name = match &pair[0] {
                            Value::Text(t) => t.to_string(),
                            v => {
                                return Err(RtError::type_mismatch(format!(
                                    "New shared object: property names must be texts, not {}",
                                    v.kind_name()
                                ))
                                .at(self.current_file(), span)
                                .into())
                            }
                        };
                        let v = pair.get(1).cloned().unwrap_or_default();
                        let sv = to_shared(&v, Some(&group), false)
                            .map_err(|e| e.at(self.current_file(), span))?;
                        props.insert(Arc::from(name.as_str()), sv);
                    }
                }
                Ok(Value::SharedObject(o))
            }
            NewSharedCollection => {
                let vals = self.eval_all(args)?;
                let c = SharedCollection::new();
                let group = c.group();
                let mut items = Vec::with_capacity(vals.len());
                for v in &vals {
                    items.push(
                        to_shared(v, Some(&group), false)
                            .map_err(|e| e.at(self.current_file(), span))?,
                    );
                }
                *c.items.write() = items;
                Ok(Value::SharedCollection(c))
            }
            ObCopy => {
                let vals = self.eval_all(args)?;
                let src = vals.first().cloned().unwrap_or_default();
                let shared = vals.get(1).map(number) == Some(CK_SHARED);
                if shared {
                    let group = match vals.get(2) {
                        Some(Value::SharedObject(o)) => Some(o.group()),
                        Some(Value::SharedCollection(c)) => Some(c.group()),
                        _ => None,
                    };
                    copy_shared(&src, group, 0).map_err(|e| e.at(self.current_file(), span).into())
                } else {
                    let copy = value_ops::deep_copy(&src)
                        .map_err(|m| RtError::generic(m).at(self.current_file(), span))?;
                    self.keep_shared_class(&src, &copy, span)?;
                    Ok(copy)
                }
            }
            Storage => Ok(Value::SharedObject(self.engine.storage.clone())),
            GenerateUuid => {
                Ok(Value::text(uuid::Uuid::new_v4().simple().to_string().to_uppercase()))
            }
            ProcessProperties => self.process_properties(args, span),
            Session | SessionStorage | SessionInfo | ProcessActivity | ProcessInfo
            | ProcessNumber | ProcessState | NewProcess | CallWorker | KillWorker | NewSignal
            | DelayProcess | CurrentProcess | CurrentProcessName => {
                self.process_intrinsic(which, args, star, span)
            }
            Cs | FourD | ObClass | ObInstanceOf => self.class_intrinsic(which, args, span),
            MethodGetCode | MethodGetPath | MethodResolvePath | MethodGetNames | MethodGetPaths
            | CurrentMethodPath | MethodGetAttribute | MethodGetAttributes | MethodSetAttribute
            | MethodSetAttributes | CallChain | ExecuteMethod | StartTransaction
            | ValidateTransaction | CancelTransaction | InTransaction | TransactionLevel
            | FormulaFromString => self.introspection_intrinsic(which, args, span),
            // The resolver compiles `Formula(…)` into its own node; never reached.
            Formula => {
                Err(RtError::generic("Formula: not compiled").at(self.current_file(), span).into())
            }
        }
    }

    /// The source text under `span` in the current file.
    fn source_text(&self, span: Span) -> String {
        self.engine
            .project
            .file(self.current_file())
            .and_then(|f| f.text.get(span.range()).map(str::to_string))
            .unwrap_or_default()
    }

    /// Builds the error raised by `throw(…)`.
    fn throw_error(&self, vals: Vec<Value>) -> RtError {
        match vals.as_slice() {
            [] => match self.last_errors.first() {
                Some(e) => {
                    let mut e = e.clone();
                    e.deferred = true;
                    e
                }
                None => RtError::generic("throw without arguments outside of an error context"),
            },
            [Value::Object(o), ..] => {
                let code = o.get_str("errCode").as_number().map(|n| n as i32).unwrap_or(-1);
                let component = match o.get_str("componentSignature") {
                    Value::Text(t) => t.to_string(),
                    _ => "host".to_string(),
                };
                let message = match o.get_str("message") {
                    Value::Text(t) => fill_placeholders(&t, o),
                    _ => format!("Error code: {code} ({component})"),
                };
                let mut e = RtError::new(ErrorKind::Thrown, message);
                e.code = code;
                e.component = component;
                e.deferred = matches!(o.get_str("deferred"), Value::Bool(true));
                e.thrown = Some(o.clone());
                e
            }
            [code, rest @ ..] => {
                let code = code.as_number().map(|n| n as i32).unwrap_or(-1);
                let message = match rest.first() {
                    Some(Value::Text(t)) => t.to_string(),
                    _ => format!("Error code: {code} (host)"),
                };
                let mut e = RtError::new(ErrorKind::Thrown, message);
                e.code = code;
                e.component = "host".to_string();
                e
            }
        }
    }
}

fn number(v: &Value) -> i32 {
    v.as_number().map(|n| n as i32).unwrap_or(0)
}

/// `Type` code of a declared variable type.
impl Interp {
    /// `Type(p->)`: the type of the variable `p` points to (declared, or of its value).
    fn pointee_type(&mut self, p: &Value, span: Span) -> Flow<i32> {
        use crate::runtime::pointer::Pointer;
        let declared = match p {
            Value::Pointer(ptr) => match &**ptr {
                Pointer::Local { depth, serial, slot, .. } => self
                    .frames
                    .get(*depth as usize)
                    .filter(|f| f.serial == *serial)
                    .map(|f| f.method.slot_types[*slot as usize]),
                Pointer::Process { index, .. } => self.pvar_types.get(*index as usize).copied(),
                _ => None,
            },
            _ => None,
        };
        let v = self.deref_value(p, span)?;
        Ok(match (&v, declared) {
            (Value::Array(a), _) => a.type_code(),
            (_, Some(t)) => declared_type_code(t),
            (Value::Undefined, None) => type_code::IS_VARIANT,
            (v, None) => v.type_code(),
        })
    }
}

fn declared_type_code(t: VarType) -> i32 {
    match t {
        VarType::Variant => type_code::IS_VARIANT,
        VarType::Text => type_code::IS_TEXT,
        VarType::Integer => type_code::IS_LONGINT,
        VarType::Real => type_code::IS_REAL,
        VarType::Boolean => type_code::IS_BOOLEAN,
        VarType::Date => type_code::IS_DATE,
        VarType::Time => type_code::IS_TIME,
        VarType::Object => type_code::IS_OBJECT,
        VarType::Collection => type_code::IS_COLLECTION,
        VarType::Pointer => type_code::IS_POINTER,
        VarType::Picture => 3,
        VarType::Blob => 30,
    }
}

/// `{errCode; message; componentSignature}` (+ a thrown object's own properties).
fn error_object(e: &RtError) -> Value {
    let o = ObjRef::new();
    o.set_str("errCode", Value::Real(e.code as f64));
    o.set_str("message", Value::text(e.message.clone()));
    o.set_str("componentSignature", Value::text(e.component.clone()));
    if let Some(t) = &e.thrown {
        for (k, v) in t.entries() {
            if !matches!(k.as_str(), "errCode" | "message" | "componentSignature") {
                o.set(k, v);
            }
        }
    }
    Value::Object(o)
}

/// Replaces `{name}` in a thrown message with the object's property `name`.
fn fill_placeholders(template: &str, o: &ObjRef) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match o.get_str(name) {
                    Value::Text(t) => out.push_str(&t),
                    Value::Real(r) => out.push_str(&crate::runtime::format::format_real(r)),
                    Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
                    _ => {}
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Deepest object nesting a copy follows.
const MAX_COPY_DEPTH: usize = 1000;

/// A deep copy made of shared values, in a new group or in `group`.
pub fn copy_shared(
    v: &Value,
    group: Option<Arc<shared::Group>>,
    depth: usize,
) -> Result<Value, RtError> {
    if depth > MAX_COPY_DEPTH {
        return Err(RtError::generic("object nesting too deep to copy"));
    }
    let entries: Option<Vec<(String, Value)>> = match v {
        Value::Object(o) => {
            Some(o.entries().into_iter().map(|(k, v)| (k.as_str().to_string(), v)).collect())
        }
        Value::SharedObject(o) => {
            Some(o.props.read().iter().map(|(k, v)| (k.to_string(), shared_to_value(v))).collect())
        }
        _ => None,
    };
    if let Some(entries) = entries {
        let o = match &group {
            Some(g) => {
                g.mark_grouped();
                SharedObject::in_group(SharedRoot::Plain, g.clone())
            }
            None => SharedObject::new(SharedRoot::Plain),
        };
        let class = match v {
            Value::Object(src) => super::classes::user_class_name(src),
            Value::SharedObject(src) => src.class.get().cloned(),
            _ => None,
        };
        if let Some(name) = class {
            let _ = o.class.set(name);
        }
        let g = o.group();
        let mut props = o.props.write();
        for (k, v) in entries {
            let c = copy_shared(&v, Some(g.clone()), depth + 1)?;
            props.insert(Arc::from(k.as_str()), to_shared(&c, Some(&g), false)?);
        }
        drop(props);
        return Ok(Value::SharedObject(o));
    }
    let items: Option<Vec<Value>> = match v {
        Value::Collection(c) => Some(c.to_vec()),
        Value::SharedCollection(c) => Some(c.items.read().iter().map(shared_to_value).collect()),
        _ => None,
    };
    if let Some(items) = items {
        let c = match &group {
            Some(g) => {
                g.mark_grouped();
                SharedCollection::in_group(g.clone())
            }
            None => SharedCollection::new(),
        };
        let g = c.group();
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            let copy = copy_shared(&v, Some(g.clone()), depth + 1)?;
            out.push(to_shared(&copy, Some(&g), false)?);
        }
        *c.items.write() = out;
        return Ok(Value::SharedCollection(c));
    }
    // Scalars and functions are stored as they are (`to_shared` converts them).
    Ok(v.clone())
}

impl Interp {
    /// `Get database parameter({table;} selector{; stringValue})`: the value this run has (see
    /// [`dbparams`]); a text value goes to `stringValue` and the result is then 0.
    fn get_database_parameter(&mut self, args: &[Expr], span: Span) -> Flow<Value> {
        let vals = self.eval_all(args)?;
        // A table first: there are no tables, so it can only be the selector's place.
        let (selector, target) = match vals.first() {
            Some(Value::Pointer(_)) => (vals.get(1).map(number), args.get(2)),
            first => (first.map(number), args.get(1)),
        };
        let Some(selector) = selector else {
            return Err(RtError::new(
                ErrorKind::WrongArgCount,
                "Get database parameter expects a selector",
            )
            .into());
        };
        let value = self.database_parameter(selector);
        match value {
            Some(DbParam::Text(t)) => {
                if let Some(target) = target {
                    self.assign_expr_target(target, Value::text(t), span)?;
                }
                Ok(Value::Real(0.0))
            }
            Some(DbParam::Number(n)) => Ok(Value::Real(n)),
            None => Ok(Value::Real(0.0)),
        }
    }

    fn database_parameter(&self, selector: i32) -> Option<DbParam> {
        let (default, scope) = dbparams::default(selector)?;
        if selector == USER_PARAM_VALUE {
            return Some(DbParam::Text(self.engine.options.user_param.clone()));
        }
        let set = match scope {
            Scope::Process => self.db_params.get(&selector).cloned(),
            Scope::Application => self.engine.db_params.lock().get(&selector).cloned(),
            Scope::ReadOnly | Scope::NextSession => None,
        };
        Some(set.unwrap_or(default))
    }

    /// `SET DATABASE PARAMETER`: kept for this run (process or application scope); read-only
    /// selectors and `User param value` (meant for the next session) change nothing here.
    fn set_database_parameter(&mut self, selector: i32, value: &Value) {
        let Some((default, scope)) = dbparams::default(selector) else { return };
        let value = match default {
            DbParam::Text(_) => DbParam::Text(value.as_str().unwrap_or_default().to_string()),
            DbParam::Number(_) => DbParam::Number(value.as_number().unwrap_or(0.0)),
        };
        match scope {
            Scope::Process => {
                self.db_params.insert(selector, value);
            }
            Scope::Application => {
                self.engine.db_params.lock().insert(selector, value);
            }
            Scope::ReadOnly | Scope::NextSession => {}
        }
    }
}

impl Interp {
    /// `Current method name` as the docs' table gives it: `Method` for a project or database
    /// method (also a component's), `Class.function` for a class function and
    /// `Class:constructor` for a class constructor (with a colon, unlike `Call chain`).
    fn current_method_name(&self) -> String {
        let Some(frame) = self.frames.last() else { return String::new() };
        let name = &frame.method.name;
        if let Some(class) = name.strip_suffix(".constructor") {
            let in_class = (self.engine.project.file(frame.method.file))
                .is_some_and(|entry| entry.ast.class.is_some());
            if in_class {
                return format!("{class}:constructor");
            }
        }
        name.clone()
    }
}

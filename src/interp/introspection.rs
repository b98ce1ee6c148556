//! Commands about the running code itself: `METHOD GET CODE`, `METHOD Get path`,
//! `Current method path`, `Call chain`, `EXECUTE METHOD`, and the transactions of a run without
//! a datastore (only their nesting level exists).

use super::{Flow, Interp, Names};
use crate::commands::interpreter::Intrinsic;
use crate::commands::methods::{self, MethodPath};
use crate::resolve::ir::{Expr, ExprKind};
use crate::runtime::array::{ArrayRef, ElementType};
use crate::runtime::text;
use crate::runtime::{CollRef, ErrorKind, ObjRef, RtError, Value};
use crate::syntax::ast::Span;

/// `METHOD GET CODE` option that keeps the tokens.
const CODE_WITH_TOKENS: i32 = 1;

/// The boolean method attributes `METHOD GET ATTRIBUTES` lists (all False by default).
const BOOLEAN_ATTRIBUTES: [&str; 7] = [
    "invisible",
    "publishedWeb",
    "publishedSoap",
    "publishedWsdl",
    "shared",
    "publishedSql",
    "executedOnServer",
];

/// `Attribute folder name`.
const ATTRIBUTE_FOLDER_NAME: i32 = 1024;

/// The attribute property an `Attribute …` constant (Design Object Access theme) stands for.
fn attribute_key(which: i32) -> Option<&'static str> {
    Some(match which {
        1 => "invisible",
        2 => "publishedWeb",
        3 => "publishedSoap",
        4 => "publishedWsdl",
        5 => "shared",
        7 => "publishedSql",
        8 => "executedOnServer",
        _ => return None,
    })
}

/// A method's attributes as a 4D object.
fn attributes_value(attributes: &serde_json::Map<String, serde_json::Value>) -> Value {
    let text = serde_json::Value::Object(attributes.clone()).to_string();
    crate::runtime::json::parse(&text).unwrap_or(Value::Undefined)
}

impl Interp {
    pub(super) fn introspection_intrinsic(
        &mut self,
        which: Intrinsic,
        args: &[Expr],
        span: Span,
    ) -> Flow<Value> {
        use Intrinsic::*;
        match which {
            MethodGetNames => {
                let vals = self.eval_all(args)?;
                let filter = vals.get(1).and_then(|v| v.as_str()).map(str::to_string);
                let names: Vec<Value> = (self.engine.project.method_names_as_written().into_iter())
                    .filter(|n| filter.as_deref().is_none_or(|f| text::equals_wildcard(n, f)))
                    .map(Value::text)
                    .collect();
                self.fill_text_array(args.first(), names, span)
            }
            MethodGetPaths => {
                let vals = self.eval_all(args)?;
                // `{folderName;} methodType; arrPaths…`: a text first is the folder name.
                let (kinds_at, folder) = match vals.first() {
                    Some(Value::Text(t)) => (1, Some(t.to_string())),
                    _ => (0, None),
                };
                let kinds = vals.get(kinds_at).and_then(|v| v.as_number()).unwrap_or(0.0) as i32;
                let _ = folder;
                let project = &self.engine.project;
                let mut paths: Vec<String> = Vec::new();
                if kinds == -1 || kinds & 1 != 0 {
                    paths.extend(project.method_names_as_written());
                }
                if kinds == -1 || kinds & 32 != 0 {
                    paths.extend(project.class_names().into_iter().map(|c| format!("[class]/{c}")));
                }
                let paths = paths.into_iter().map(Value::text).collect();
                self.fill_text_array(args.get(kinds_at + 1), paths, span)
            }
            MethodGetCode if args.first().is_some_and(|a| self.is_array_expr(a)) => {
                // Array form: `METHOD GET CODE(arrPaths; arrCodes{; option}{; *})`.
                let vals = self.eval_all(args)?;
                let with_tokens =
                    vals.get(2).and_then(|v| v.as_number()) == Some(CODE_WITH_TOKENS as f64);
                let paths: Vec<String> = match vals.first() {
                    Some(Value::Array(a)) => a
                        .borrow()
                        .items
                        .iter()
                        .skip(1)
                        .map(|v| v.as_str().unwrap_or("").to_string())
                        .collect(),
                    _ => Vec::new(),
                };
                let mut codes = Vec::with_capacity(paths.len());
                for path in &paths {
                    match self.method_source(path) {
                        Some(src) => {
                            codes.push(Value::text(methods::exported_code(&src, with_tokens)))
                        }
                        None => {
                            return Err(RtError::new(
                                ErrorKind::MethodNotFound,
                                format!("METHOD GET CODE: no method has the path \"{path}\""),
                            )
                            .at(self.current_file(), span)
                            .into())
                        }
                    }
                }
                self.fill_text_array(args.get(1), codes, span)
            }
            MethodGetCode => {
                let vals = self.eval_all(args)?;
                let path = vals.first().and_then(|v| v.as_str()).unwrap_or("").to_string();
                let with_tokens =
                    vals.get(2).and_then(|v| v.as_number()) == Some(CODE_WITH_TOKENS as f64);
                let code =
                    self.method_source(&path).map(|s| methods::exported_code(&s, with_tokens));
                if let Some(target) = args.get(1) {
                    self.assign_expr_target(
                        target,
                        Value::text(code.clone().unwrap_or_default()),
                        span,
                    )?;
                }
                match code {
                    Some(_) => Ok(Value::Undefined),
                    None => Err(RtError::new(
                        ErrorKind::MethodNotFound,
                        format!("METHOD GET CODE: no method has the path \"{path}\""),
                    )
                    .at(self.current_file(), span)
                    .into()),
                }
            }
            MethodGetPath => {
                let vals = self.eval_all(args)?;
                let selector = vals.first().and_then(|v| v.as_number()).unwrap_or(0.0) as i32;
                let name = vals.get(1).and_then(|v| v.as_str()).unwrap_or("");
                match methods::build_path(selector, name) {
                    Some(p) => Ok(Value::text(p)),
                    None => Err(RtError::new(
                        ErrorKind::Unimplemented,
                        format!("METHOD Get path: paths of kind {selector} are not supported by mini4d (no forms or tables)"),
                    )
                    .at(self.current_file(), span)
                    .into()),
                }
            }
            MethodResolvePath => {
                let path = match args.first() {
                    Some(e) => self.eval(e)?.as_str().unwrap_or("").to_string(),
                    None => String::new(),
                };
                let (kind, object, form_object) = methods::resolve_path(&path).map_err(|what| {
                    RtError::new(
                        ErrorKind::NoDatastore,
                        format!("METHOD RESOLVE PATH: \"{path}\" names a {what}, and mini4d has no tables"),
                    )
                    .at(self.current_file(), span)
                })?;
                let outputs = [
                    Value::Int(kind),
                    Value::Pointer(crate::runtime::pointer::nil()),
                    Value::text(object),
                    Value::text(form_object),
                ];
                for (target, value) in args.iter().skip(1).zip(outputs) {
                    self.assign_expr_target(target, value, span)?;
                }
                Ok(Value::Undefined)
            }
            MethodGetAttribute => {
                let vals = self.eval_all(args)?;
                let path = vals.first().and_then(|v| v.as_str()).unwrap_or("").to_string();
                let which = vals.get(1).and_then(|v| v.as_number()).unwrap_or(0.0) as i32;
                let attributes = self.method_attributes(&path, "METHOD Get attribute", span)?;
                let set = attribute_key(which)
                    .and_then(|k| attributes.get(k))
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false);
                Ok(Value::Bool(set))
            }
            MethodGetAttributes => {
                const NAME: &str = "METHOD GET ATTRIBUTES";
                if args.first().is_some_and(|a| self.is_array_expr(a)) {
                    let paths = self.eval_text_array(args.first())?;
                    let mut objects = Vec::with_capacity(paths.len());
                    for path in &paths {
                        let attributes = self.method_attributes(path, NAME, span)?;
                        objects.push(attributes_value(&attributes));
                    }
                    if let Some(target) = args.get(1) {
                        let array = ArrayRef::from_values(ElementType::Object, objects);
                        self.assign_expr_target(target, Value::Array(array), span)?;
                    }
                    return Ok(Value::Undefined);
                }
                let vals = self.eval_all(args)?;
                let path = vals.first().and_then(|v| v.as_str()).unwrap_or("").to_string();
                let attributes = self.method_attributes(&path, NAME, span)?;
                if let Some(target) = args.get(1) {
                    self.assign_expr_target(target, attributes_value(&attributes), span)?;
                }
                Ok(Value::Undefined)
            }
            MethodSetAttribute => {
                const NAME: &str = "METHOD SET ATTRIBUTE";
                let vals = self.eval_all(args)?;
                let path = vals.first().and_then(|v| v.as_str()).unwrap_or("").to_string();
                let mut attributes = self.method_attributes(&path, NAME, span)?;
                for pair in vals[1.min(vals.len())..].chunks(2) {
                    let which = pair[0].as_number().unwrap_or(0.0) as i32;
                    let value = pair.get(1).cloned().unwrap_or(Value::Undefined);
                    if which == ATTRIBUTE_FOLDER_NAME {
                        // Folders are not modelled: the name is kept, nothing moves.
                        let folder = value.as_str().unwrap_or("").to_string();
                        attributes.insert("folder".into(), serde_json::Value::String(folder));
                        continue;
                    }
                    let Some(key) = attribute_key(which) else {
                        return Err(RtError::generic(format!(
                            "{NAME}: {which} is not an attribute type"
                        ))
                        .at(self.current_file(), span)
                        .into());
                    };
                    let Value::Bool(on) = value else {
                        return Err(RtError::type_mismatch(format!(
                            "{NAME}: the value of attribute {which} must be a boolean, not {}",
                            value.kind_name()
                        ))
                        .at(self.current_file(), span)
                        .into());
                    };
                    attributes.insert(key.into(), serde_json::Value::Bool(on));
                }
                self.store_method_attributes(&path, attributes);
                Ok(Value::Undefined)
            }
            MethodSetAttributes => {
                const NAME: &str = "METHOD SET ATTRIBUTES";
                let vals = self.eval_all(args)?;
                let pairs: Vec<(String, Value)> = match (vals.first(), vals.get(1)) {
                    (Some(Value::Array(paths)), Some(Value::Array(objects))) => {
                        let paths = paths.borrow();
                        let objects = objects.borrow();
                        (paths.items.iter().skip(1))
                            .zip(objects.items.iter().skip(1))
                            .map(|(p, o)| (p.as_str().unwrap_or("").to_string(), o.clone()))
                            .collect()
                    }
                    (Some(p), Some(o)) => vec![(p.as_str().unwrap_or("").to_string(), o.clone())],
                    _ => Vec::new(),
                };
                for (path, changes) in pairs {
                    let mut attributes = self.method_attributes(&path, NAME, span)?;
                    let json = crate::runtime::json::stringify(&changes, false).unwrap_or_default();
                    if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(&json) {
                        attributes.extend(map);
                    }
                    self.store_method_attributes(&path, attributes);
                }
                Ok(Value::Undefined)
            }
            CurrentMethodPath => {
                let name = self.frames.last().map(|f| f.method.name.clone()).unwrap_or_default();
                Ok(Value::text(match name.split_once('.') {
                    Some((class, _)) if self.engine.project.has_class(class) => {
                        format!("[class]/{name}")
                    }
                    _ => name,
                }))
            }
            CallChain => Ok(self.call_chain()),
            ExecuteMethod => {
                let mut vals = self.eval_all(args)?;
                if vals.is_empty() {
                    return Err(RtError::new(
                        ErrorKind::WrongArgCount,
                        "EXECUTE METHOD expects a method name",
                    )
                    .at(self.current_file(), span)
                    .into());
                }
                let name = vals.remove(0);
                // `EXECUTE METHOD(name; result; args…)`: the second argument receives the
                // result (`*` in its place: none).
                let (result_target, rest) = match args.get(1) {
                    Some(_) if !vals.is_empty() => (Some(1), vals.split_off(1)),
                    _ => (None, Vec::new()),
                };
                let _ = result_target;
                let Value::Text(t) = &name else {
                    return Err(RtError::type_mismatch(
                        "EXECUTE METHOD: the method name must be a text",
                    )
                    .at(self.current_file(), span)
                    .into());
                };
                // Method names are those the calling code sees (its component's, or the host's).
                let module = self.code_module();
                let saved = std::mem::replace(&mut self.classes.resolving_module, module);
                let found = self.method_id(t).is_some();
                self.classes.resolving_module = saved;
                if !found {
                    return Err(RtError::new(
                        ErrorKind::MethodNotFound,
                        format!("EXECUTE METHOD: the method `{t}` was not found"),
                    )
                    .at(self.current_file(), span)
                    .into());
                }
                let saved = std::mem::replace(&mut self.classes.resolving_module, module);
                let r = self.call_value(&name, Value::Undefined, rest, span);
                self.classes.resolving_module = saved;
                let r = r?;
                if let Some(target) = args.get(1) {
                    self.assign_expr_target(target, r, span)?;
                }
                Ok(Value::Undefined)
            }
            StartTransaction => {
                self.transaction_level += 1;
                Ok(Value::Undefined)
            }
            ValidateTransaction | CancelTransaction => {
                let ok =
                    if self.transaction_level > 0 && which == ValidateTransaction { 1 } else { 0 };
                self.transaction_level = self.transaction_level.saturating_sub(1);
                self.set_system_var("ok", Value::Int(ok));
                Ok(Value::Undefined)
            }
            FormulaFromString => {
                let vals = self.eval_all(args)?;
                let Some(Value::Text(text)) = vals.first() else {
                    return Err(RtError::type_mismatch("Formula from string expects a text")
                        .at(self.current_file(), span)
                        .into());
                };
                // The text is compiled as the body of `Formula(…)` in a method of its own.
                let source = format!("return Formula({text})");
                self.run_source(&source, Vec::new()).map_err(|e| {
                    RtError::new(e.kind, format!("Formula from string: {}", e.message))
                        .at(self.current_file(), span)
                        .into()
                })
            }
            InTransaction => Ok(Value::Bool(self.transaction_level > 0)),
            TransactionLevel => Ok(Value::Int(self.transaction_level as i32)),
            _ => Ok(Value::Undefined),
        }
    }

    /// Stores `items` as a new text array into the variable `target` names.
    fn fill_text_array(
        &mut self,
        target: Option<&Expr>,
        items: Vec<Value>,
        span: Span,
    ) -> Flow<Value> {
        if let Some(target) = target {
            let array = ArrayRef::from_values(ElementType::Text, items);
            self.assign_expr_target(target, Value::Array(array), span)?;
        }
        Ok(Value::Undefined)
    }

    /// Whether `e` evaluates to an array (a variable holding one), without side effects.
    fn is_array_expr(&mut self, e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Local(_) | ExprKind::ProcessVar(_))
            && matches!(self.eval(e), Ok(Value::Array(_)))
    }

    /// The source text of the method at a `METHOD Get path` path.
    fn method_source(&self, path: &str) -> Option<String> {
        let project = &self.engine.project;
        let file = match methods::parse_path(path)? {
            MethodPath::Project(name) => project.load_method(name).ok()??,
            MethodPath::Class(name) => project.load_class(name).ok()??,
            MethodPath::Database(_) => return None,
        };
        project.file(file).map(|f| f.text.to_string())
    }

    /// The attributes of the project method at `path`: the documented ones with their default
    /// values, then those of the file's `//%attributes` line, then the run's own changes.
    fn method_attributes(
        &self,
        path: &str,
        command: &str,
        span: Span,
    ) -> Result<serde_json::Map<String, serde_json::Value>, RtError> {
        let not_found = || {
            RtError::new(
                ErrorKind::MethodNotFound,
                format!("{command}: no project method has the path \"{path}\""),
            )
            .at(self.current_file(), span)
        };
        let Some(MethodPath::Project(name)) = methods::parse_path(path) else {
            return Err(not_found());
        };
        if let Some(changed) = self.engine.method_attributes.lock().get(&name.to_lowercase()) {
            if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(changed) {
                return Ok(map);
            }
        }
        let source = self.method_source(path).ok_or_else(not_found)?;
        let mut attributes = serde_json::Map::new();
        for key in BOOLEAN_ATTRIBUTES {
            attributes.insert(key.to_string(), serde_json::Value::Bool(false));
        }
        attributes.insert("preemptive".into(), serde_json::Value::String("indifferent".into()));
        if let Some(serde_json::Value::Object(header)) = methods::header_attributes(&source) {
            for (key, value) in header {
                if key == "preemptive" || key == "folder" || BOOLEAN_ATTRIBUTES.contains(&&*key) {
                    attributes.insert(key, value);
                }
            }
        }
        Ok(attributes)
    }

    fn store_method_attributes(
        &self,
        path: &str,
        attributes: serde_json::Map<String, serde_json::Value>,
    ) {
        if let Some(MethodPath::Project(name)) = methods::parse_path(path) {
            let text = serde_json::Value::Object(attributes).to_string();
            self.engine.method_attributes.lock().insert(name.to_lowercase(), text);
        }
    }

    /// The texts of the text array `e` names (element 0 left out).
    fn eval_text_array(&mut self, e: Option<&Expr>) -> Flow<Vec<String>> {
        let Some(e) = e else { return Ok(Vec::new()) };
        Ok(match self.eval(e)? {
            Value::Array(a) => (a.borrow().items.iter().skip(1))
                .map(|v| v.as_str().unwrap_or("").to_string())
                .collect(),
            _ => Vec::new(),
        })
    }

    /// `Call chain`: the current method first, then its callers.
    fn call_chain(&self) -> Value {
        let items = (0..self.frames.len())
            .rev()
            .map(|i| {
                let f = &self.frames[i];
                let span = self.frames.get(i + 1).map_or(self.cur_span, |next| next.caller_span);
                let entry = self.engine.project.file(f.method.file);
                let line = entry.as_ref().map(|s| s.line_of(span)).unwrap_or(0);
                let o = ObjRef::new();
                let name = f.method.name.clone();
                let is_class =
                    name.split_once('.').is_some_and(|(c, _)| self.engine.project.has_class(c));
                o.set_str(
                    "type",
                    Value::text(if is_class { "classFunction" } else { "projectMethod" }),
                );
                o.set_str("name", Value::text(name));
                o.set_str("line", Value::Int(line as i32));
                o.set_str("database", Value::text(self.engine.options.database_name.clone()));
                if let Some(text) = entry.as_ref().and_then(|s| {
                    let start = s.text[..(span.start as usize).min(s.text.len())]
                        .rfind('\n')
                        .map_or(0, |p| p + 1);
                    let end =
                        s.text[start..].find(['\n', '\r']).map_or(s.text.len(), |p| start + p);
                    s.text.get(start..end).map(|t| t.trim().to_string())
                }) {
                    o.set_str("formula", Value::text(text));
                }
                Value::Object(o)
            })
            .collect();
        Value::Collection(CollRef::from_vec(items))
    }
}

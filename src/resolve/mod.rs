//! The resolver: lowers the AST of one method into the [`ir`] the interpreter walks.
//!
//! Locals and parameters become frame slots, commands become function pointers (or
//! [`ir::Intrinsic`]s), names become project-method ids or process-variable indexes, and literal
//! property names become pre-hashed keys. Errors found here do not stop resolution: the
//! offending node becomes an `Invalid` node that raises when (and only if) it runs, as in
//! interpreted 4D.

pub mod classes;
pub mod ir;

use std::collections::HashMap;
use std::rc::Rc;

use crate::commands::{self, catalog, Implementation};
use crate::runtime::{Date, Key, Value};
use crate::syntax::ast::{self, BasicType, BinOp, ExprKind as A, Span, StmtKind as S, TypeKind};
use ir::*;

/// What the resolver needs from the process it resolves for: method ids and process variables.
pub trait Names {
    /// The id of the project method called `name` (case-insensitive), if one exists.
    fn method_id(&mut self, name: &str) -> Option<u32>;
    /// The index of process variable `name` (case-insensitive), created on first use.
    fn process_var(&mut self, name: &str) -> u32;
    /// Declares a process variable's type (from `var name : Type`).
    fn declare_process_var(&mut self, index: u32, ty: VarType);
    /// The project method names, for "did you mean …?" hints (none by default).
    fn method_names(&self) -> Vec<String> {
        Vec::new()
    }
}

/// "unknown method `name`", with the closest project method as a hint.
fn unknown_method(names: &dyn Names, name: &str) -> Rc<str> {
    if let Some(component) = crate::syntax::builtin_components::component_of(name) {
        return crate::syntax::builtin_components::unavailable_message(name, component).into();
    }
    let known = names.method_names();
    let hint = crate::analysis::suggest::hint(name, known.iter().map(String::as_str));
    format!("{UNKNOWN_METHOD} `{name}`{hint}").into()
}

/// Lowers one method (or the main method of a run) to its resolved form.
pub fn resolve_method(
    name: &str,
    file: u32,
    text: &str,
    source: &ast::SourceFile,
    names: &mut dyn Names,
) -> Method {
    let mut r = Resolver::new(names, file, text);
    r.method(name, file, source.declare.as_ref(), &source.body)
}

/// Like [`resolve_method`], with locals that already exist: they take slots `0..locals.len()`, in
/// order, with their types. The REPL keeps its variables between entries this way.
pub fn resolve_with_locals(
    name: &str,
    file: u32,
    text: &str,
    source: &ast::SourceFile,
    names: &mut dyn Names,
    locals: &[(String, VarType)],
) -> Method {
    let mut r = Resolver::new(names, file, text);
    for (local, ty) in locals {
        if *ty == VarType::Variant {
            r.local(local);
        } else {
            r.declare_local(local, *ty);
        }
    }
    r.method(name, file, source.declare.as_ref(), &source.body)
}

struct Resolver<'n> {
    names: &'n mut dyn Names,
    slots: HashMap<String, Slot>,
    slot_types: Vec<VarType>,
    slot_names: Vec<String>,
    slot_declared: Vec<bool>,
    /// Slots of `$1…$n` by position (legacy sequential parameters and `#DECLARE` names).
    param_slots: Vec<Slot>,
    /// Set while lowering a `Formula(…)` body: the enclosing method's slots it may capture.
    enclosing: Option<Rc<HashMap<String, Slot>>>,
    captures: Vec<(Slot, Slot)>,
    /// The file being resolved and its text (for `Formula` sources and `ASSERT` messages).
    file: u32,
    source: &'n str,
    /// Set while lowering a class function: what `Super` refers to.
    class_ctx: Option<classes::ClassCtx>,
    /// How many loops enclose the statement being lowered (`break`/`continue` need one).
    loop_depth: u32,
    /// `C_TEXT(${N})` / `var ${N} : Text` seen: the first generic parameter and its type.
    generic: Option<(u32, VarType)>,
}

/// `break` or `continue` written as a statement.
fn loop_keyword(e: &ast::Expr) -> Option<StmtKind> {
    match &e.kind {
        A::Name(n) if n.eq_ignore_ascii_case("break") => Some(StmtKind::Break),
        A::Name(n) if n.eq_ignore_ascii_case("continue") => Some(StmtKind::Continue),
        _ => None,
    }
}

/// The message of tables, fields and SQL, which need a datastore.
const NO_DATASTORE: &str = "tables and fields need a datastore, which mini4d does not have";

fn lower_name(name: &str) -> String {
    name.to_lowercase()
}

pub fn basic_var_type(t: BasicType) -> VarType {
    match t {
        BasicType::Text => VarType::Text,
        BasicType::Date => VarType::Date,
        BasicType::Time => VarType::Time,
        BasicType::Boolean => VarType::Boolean,
        BasicType::Integer => VarType::Integer,
        BasicType::Real => VarType::Real,
        BasicType::Pointer => VarType::Pointer,
        BasicType::Picture => VarType::Picture,
        BasicType::Blob => VarType::Blob,
        BasicType::Collection => VarType::Collection,
        BasicType::Variant => VarType::Variant,
        BasicType::Object => VarType::Object,
    }
}

fn type_of(t: Option<&ast::TypeRef>) -> VarType {
    match t.map(|t| &t.kind) {
        None => VarType::Variant,
        Some(TypeKind::Basic(b)) => basic_var_type(*b),
        Some(TypeKind::Class { .. }) => VarType::Object,
    }
}

/// Value of a catalog constant, read from the constant table (see docs/constants.md).
pub fn constant_value(index: u16) -> Option<Value> {
    let info = catalog::constants().get(index as usize)?;
    if info.name.eq_ignore_ascii_case("Folder separator") {
        // The separator of platform paths, which are POSIX paths except on Windows.
        return Some(Value::text(if cfg!(windows) { "\\" } else { "/" }));
    }
    let raw = info.value?;
    // A value written in double quotes is a text (the empty text, or one that reads as a number).
    if let Some(text) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return Some(Value::text(text));
    }
    if let Ok(i) = raw.parse::<i32>() {
        return Some(Value::Int(i));
    }
    if let Some(hex) = raw.strip_prefix("0x").or_else(|| raw.strip_prefix("0X")) {
        if let Ok(u) = u32::from_str_radix(hex, 16) {
            return Some(Value::Int(u as i32));
        }
    }
    if let Ok(r) = raw.parse::<f64>() {
        return Some(Value::Real(r));
    }
    Some(Value::text(raw))
}

/// Value of a constant the project defines.
pub fn project_constant_value(c: &crate::syntax::project_constants::ProjectConstant) -> Value {
    use crate::syntax::project_constants::ConstValue;
    match &c.value {
        ConstValue::Longint(i) => Value::Int(*i),
        ConstValue::Real(r) => Value::Real(*r),
        ConstValue::Text(t) => Value::text(t.as_str()),
    }
}

impl<'n> Resolver<'n> {
    fn new(names: &'n mut dyn Names, file: u32, source: &'n str) -> Resolver<'n> {
        Resolver {
            file,
            source,
            names,
            slots: HashMap::new(),
            slot_types: Vec::new(),
            slot_names: Vec::new(),
            slot_declared: Vec::new(),
            param_slots: Vec::new(),
            enclosing: None,
            captures: Vec::new(),
            class_ctx: None,
            loop_depth: 0,
            generic: None,
        }
    }

    /// A loop body: `break` and `continue` are allowed in it.
    fn loop_block(&mut self, body: &ast::Block) -> Block {
        self.loop_depth += 1;
        let b = self.block(body);
        self.loop_depth -= 1;
        b
    }

    fn new_slot(&mut self, name: &str, ty: VarType) -> Slot {
        let slot = self.slot_types.len() as Slot;
        self.slots.insert(lower_name(name), slot);
        self.slot_types.push(ty);
        self.slot_names.push(name.to_string());
        self.slot_declared.push(false);
        slot
    }

    /// The slot of local `$name`, created (Variant) on first use. Inside a formula, a local of
    /// the enclosing method is captured instead.
    fn local(&mut self, name: &str) -> Slot {
        let key = lower_name(name);
        if let Some(&s) = self.slots.get(&key) {
            return s;
        }
        let outer = self.enclosing.as_ref().and_then(|e| e.get(&key).copied());
        let slot = self.new_slot(name, VarType::Variant);
        if let Some(outer) = outer {
            self.captures.push((outer, slot));
        }
        slot
    }

    fn declare_local(&mut self, name: &str, ty: VarType) -> Slot {
        let slot = self.declare_local_inner(name, ty);
        self.slot_declared[slot as usize] = true;
        slot
    }

    fn declare_local_inner(&mut self, name: &str, ty: VarType) -> Slot {
        let key = lower_name(name);
        match self.slots.get(&key) {
            Some(&s) => {
                if self.slot_types[s as usize] == VarType::Variant {
                    self.slot_types[s as usize] = ty;
                }
                s
            }
            None => self.new_slot(name, ty),
        }
    }

    /// Slot of the n-th parameter (1-based), creating legacy slots `$1…$n` as needed.
    fn param_slot(&mut self, n: u32) -> Slot {
        while self.param_slots.len() < n as usize {
            let k = (self.param_slots.len() + 1).to_string();
            // Never a capture: inside a formula `$1…` are the formula's own parameters, not the
            // enclosing method's.
            let s = match self.slots.get(&lower_name(&k)) {
                Some(&s) => s,
                None => self.new_slot(&k, VarType::Variant),
            };
            self.param_slots.push(s);
        }
        self.param_slots[n as usize - 1]
    }

    fn method(
        &mut self,
        name: &str,
        file: u32,
        declare: Option<&ast::Declare>,
        body: &ast::Block,
    ) -> Method {
        let mut params = Vec::new();
        let mut variadic = None;
        let mut result = ResultKind::None;
        if let Some(d) = declare {
            for p in &d.params {
                let ty = type_of(p.ty.as_ref());
                if p.variadic {
                    variadic = Some(ty);
                    continue;
                }
                if let Some(n) = &p.name {
                    let slot = self.declare_local(&n.text, ty);
                    self.param_slots.push(slot);
                    params.push(ParamSpec { slot, ty, name: n.text.clone() });
                }
            }
            match &d.result {
                None => {}
                Some(ast::ResultDecl::Named { name, ty }) => {
                    let t = type_of(ty.as_ref());
                    let slot = self.declare_local(&name.text, t);
                    result = ResultKind::Slot(slot);
                }
                Some(ast::ResultDecl::Typed(ty)) => {
                    result = ResultKind::Returned(type_of(Some(ty)));
                }
            }
        }
        let body = self.block(body);
        // `$1…$n` used beyond the declared parameters (or without `#DECLARE`) are parameters too.
        for i in params.len()..self.param_slots.len() {
            params.push(ParamSpec {
                slot: self.param_slots[i],
                ty: VarType::Variant,
                name: (i + 1).to_string(),
            });
        }
        if result == ResultKind::None {
            // Legacy `$0` result.
            if let Some(&s) = self.slots.get("0") {
                result = ResultKind::Slot(s);
            }
        }
        let params_in_order = params.iter().enumerate().all(|(i, p)| p.slot as usize == i);
        Method {
            name: name.to_string(),
            file,
            params_in_order,
            params,
            variadic,
            generic: self.generic.take(),
            result,
            slot_types: std::mem::take(&mut self.slot_types),
            slot_names: std::mem::take(&mut self.slot_names),
            slot_declared: std::mem::take(&mut self.slot_declared),
            body,
        }
    }

    fn block(&mut self, block: &ast::Block) -> Block {
        block.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Stmt {
        let kind = match &s.kind {
            S::Var { names, ty, init } => {
                let t = type_of(ty.as_ref());
                let t = match (ty, init) {
                    // `var $n:=20`: the type is inferred from the initializer.
                    (None, Some(e)) => infer_type(e),
                    _ => t,
                };
                let targets: Vec<LValue> = names.iter().map(|n| self.declare_var(n, t)).collect();
                match init {
                    Some(e) if targets.len() == 1 => {
                        let value = self.expr(e);
                        let mut targets = targets;
                        match targets.pop() {
                            Some(target) => StmtKind::Assign { target, op: None, value },
                            None => StmtKind::Declare(Vec::new()),
                        }
                    }
                    Some(_) => StmtKind::Invalid(
                        "an initializer is allowed only when `var` declares one variable".into(),
                    ),
                    None => StmtKind::Declare(targets),
                }
            }
            S::Assign { target, op, value } => {
                let op = match op {
                    ast::AssignOp::Assign => None,
                    ast::AssignOp::Add => Some(ast::BinOp::Add),
                    ast::AssignOp::Sub => Some(ast::BinOp::Sub),
                    ast::AssignOp::Mul => Some(ast::BinOp::Mul),
                    ast::AssignOp::Div => Some(ast::BinOp::Div),
                };
                match self.lvalue(target) {
                    Ok(LValue::Local(slot)) => {
                        let value = self.expr(value);
                        if append_parts(slot, op, &value).is_some() {
                            StmtKind::Accumulate { slot, parts: into_parts(op, value) }
                        } else {
                            StmtKind::Assign { target: LValue::Local(slot), op, value }
                        }
                    }
                    Ok(target) => StmtKind::Assign { target, op, value: self.expr(value) },
                    Err(msg) => StmtKind::Invalid(msg.into()),
                }
            }
            S::Expr(e) => match loop_keyword(e) {
                Some(kind) if self.loop_depth > 0 => kind,
                Some(_) => StmtKind::Invalid(
                    "`break` and `continue` are allowed only inside a loop".into(),
                ),
                None => match directive_type(e) {
                    Some((ty, args)) => self.directive(ty, args),
                    // A name alone on a line is a call: a name that is no method is a misspelt
                    // one (a variable read there would do nothing), never a silent no-op.
                    None => match &e.kind {
                        A::Name(n) if self.names.method_id(n).is_none() => {
                            StmtKind::Invalid(unknown_method(&*self.names, n))
                        }
                        _ => StmtKind::Expr(self.expr(e)),
                    },
                },
            },
            S::If { cond, then, otherwise } => StmtKind::If {
                cond: self.expr(cond),
                then: self.block(then),
                otherwise: otherwise.as_ref().map(|b| self.block(b)).unwrap_or_default(),
            },
            S::Case { branches, otherwise } => StmtKind::Case {
                branches: branches.iter().map(|(c, b)| (self.expr(c), self.block(b))).collect(),
                otherwise: otherwise.as_ref().map(|b| self.block(b)).unwrap_or_default(),
            },
            S::While { cond, body } => {
                StmtKind::While { cond: self.expr(cond), body: self.loop_block(body) }
            }
            S::Repeat { body, until } => {
                StmtKind::Repeat { body: self.loop_block(body), until: self.expr(until) }
            }
            S::For { var, start, end, step, body } => match self.lvalue(var) {
                Ok(var) => StmtKind::For {
                    var,
                    start: self.expr(start),
                    end: self.expr(end),
                    step: step.as_ref().map(|e| self.expr(e)),
                    body: self.loop_block(body),
                },
                Err(msg) => StmtKind::Invalid(msg.into()),
            },
            S::ForEach { item, source, begin, end, cond, body } => match self.lvalue(item) {
                Ok(item) => StmtKind::ForEach {
                    item,
                    source: self.expr(source),
                    begin: begin.as_ref().map(|e| self.expr(e)),
                    end: end.as_ref().map(|e| self.expr(e)),
                    cond: cond.as_ref().map(|(k, e)| (*k, self.expr(e))),
                    body: self.loop_block(body),
                },
                Err(msg) => StmtKind::Invalid(msg.into()),
            },
            S::Use { target, body } => {
                StmtKind::Use { target: self.expr(target), body: self.block(body) }
            }
            S::Try { body, catch } => StmtKind::Try {
                body: self.block(body),
                catch: catch.as_ref().map(|b| self.block(b)).unwrap_or_default(),
            },
            S::Return(e) => StmtKind::Return(e.as_ref().map(|e| self.expr(e))),
            S::Sql(_) => match catalog::command_index("Begin SQL") {
                Some(index) => {
                    StmtKind::Expr(Expr { kind: ExprKind::Unimplemented { index }, span: s.span })
                }
                None => StmtKind::Invalid(NO_DATASTORE.into()),
            },
            S::MisplacedDeclare(_) => {
                StmtKind::Invalid("`#DECLARE` must be the first statement of the method".into())
            }
        };
        Stmt { kind, span: s.span }
    }

    fn declare_var(&mut self, name: &ast::Name, ty: VarType) -> LValue {
        let text = name.text.strip_prefix('$');
        // `var ${N} : Type`: the generic parameters from the N-th on.
        if let Some(n) = text.and_then(|t| t.strip_prefix('{')).and_then(|t| t.strip_suffix('}')) {
            let n = n.trim().parse::<u32>().unwrap_or(1).max(1);
            self.generic = Some((n, ty));
            return LValue::Param(Box::new(Expr {
                kind: ExprKind::Literal(Value::Real(n as f64)),
                span: name.span,
            }));
        }
        // `var $1 : Text`: a sequential parameter (`$0`: the result).
        if let Some(n) = text.filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())) {
            let slot = match n.parse::<u32>() {
                Ok(0) | Err(_) => self.local("0"),
                Ok(n) => self.param_slot(n),
            };
            self.set_slot_type(slot, ty);
            return LValue::Local(slot);
        }
        match text {
            Some(local) => LValue::Local(self.declare_local(local, ty)),
            None if name.text.starts_with("<>") => {
                LValue::Interprocess(lower_name(&name.text[2..]).into())
            }
            None => {
                let index = self.names.process_var(&name.text);
                self.names.declare_process_var(index, ty);
                LValue::ProcessVar(index)
            }
        }
    }

    /// Gives `slot` the declared type `ty` (a later declaration wins, as at run time in 4D).
    fn set_slot_type(&mut self, slot: Slot, ty: VarType) {
        if let Some(t) = self.slot_types.get_mut(slot as usize) {
            *t = ty;
        }
        if let Some(d) = self.slot_declared.get_mut(slot as usize) {
            *d = true;
        }
    }

    /// A `C_TEXT(…)`-style compiler directive: declares each variable given. A first argument
    /// naming a method (`C_TEXT(myMethod; $1)`, the form used in `Compiler` methods to type
    /// another method's parameters) makes the directive a no-op, as it is at run time.
    fn directive(&mut self, ty: VarType, args: &[ast::Expr]) -> StmtKind {
        if args.len() > 1 && matches!(args[0].kind, A::Name(_) | A::MethodCall { .. }) {
            return StmtKind::Declare(Vec::new());
        }
        let mut targets = Vec::new();
        for a in args {
            let name = match &a.kind {
                A::Local(n) => format!("${n}"),
                A::LegacyParam(n) => format!("${n}"),
                A::ParamIndex(inner) => match inner.kind {
                    A::Number(n) => format!("${{{}}}", n as u32),
                    _ => {
                        return StmtKind::Invalid(
                            "the number of a generic parameter declaration must be a constant"
                                .into(),
                        )
                    }
                },
                A::Name(n) => n.clone(),
                A::Interprocess(n) => format!("<>{n}"),
                A::Command { index, args, .. } if args.is_empty() => {
                    catalog::commands().get(*index as usize).map(|c| c.name).unwrap_or("?").into()
                }
                _ => {
                    return StmtKind::Invalid(
                        "a compiler directive declares variables: pass variable names".into(),
                    )
                }
            };
            let target = self.declare_var(&ast::Name { text: name, span: a.span }, ty);
            if !matches!(target, LValue::Param(_)) {
                targets.push(target);
            }
        }
        StmtKind::Declare(targets)
    }

    fn lvalue(&mut self, e: &ast::Expr) -> Result<LValue, String> {
        Ok(match &e.kind {
            A::Local(n) => LValue::Local(self.local(n)),
            A::LegacyParam(n) => {
                if *n == 0 {
                    LValue::Local(self.local("0"))
                } else {
                    LValue::Local(self.param_slot(*n))
                }
            }
            A::ParamIndex(i) => LValue::Param(Box::new(self.expr(i))),
            A::Name(n) => LValue::ProcessVar(self.names.process_var(n)),
            A::Interprocess(n) => LValue::Interprocess(lower_name(n).into()),
            A::Member { object, name } => {
                LValue::Member { object: Box::new(self.expr(object)), key: Key::intern(&name.text) }
            }
            A::Deref(p) => LValue::Deref(Box::new(self.expr(p))),
            A::ArrayElement { array, index } => LValue::Element {
                array: Box::new(self.expr(array)),
                index: Box::new(self.expr(index)),
            },
            A::Table(_) | A::Field { .. } => return Err(NO_DATASTORE.to_string()),
            A::Index { object, index } => LValue::Index {
                object: Box::new(self.expr(object)),
                index: Box::new(self.expr(index)),
            },
            A::CharIndex { text, index } => LValue::CharIndex {
                target: Box::new(self.lvalue(text)?),
                index: Box::new(self.expr(index)),
            },
            A::Command { index, args, .. } if args.is_empty() => {
                // A system variable spelled like a command (e.g. `Error`) is a process variable.
                let name = catalog::commands().get(*index as usize).map(|c| c.name).unwrap_or("?");
                LValue::ProcessVar(self.names.process_var(name))
            }
            _ => return Err("this expression cannot be assigned to".to_string()),
        })
    }

    /// What `->e` points to.
    fn pointer_target(&mut self, e: &ast::Expr) -> Result<PtrTarget, String> {
        Ok(match &e.kind {
            A::Local(n) => PtrTarget::Local(self.local(n), format!("${n}").into()),
            A::LegacyParam(0) => PtrTarget::Local(self.local("0"), "$0".into()),
            A::LegacyParam(n) => PtrTarget::Local(self.param_slot(*n), format!("${n}").into()),
            A::Name(n) => PtrTarget::ProcessVar(self.names.process_var(n), n.as_str().into()),
            A::Command { index, args, .. } if args.is_empty() => {
                let name = catalog::commands().get(*index as usize).map(|c| c.name).unwrap_or("?");
                PtrTarget::ProcessVar(self.names.process_var(name), name.into())
            }
            A::Interprocess(n) => PtrTarget::Interprocess(lower_name(n).into()),
            A::ArrayElement { array, index } => {
                PtrTarget::Element(Box::new(self.pointer_target(array)?), self.expr(index))
            }
            A::Deref(p) => PtrTarget::Deref(self.expr(p)),
            A::Table(t) => PtrTarget::Table(t.as_str().into()),
            A::Field { table, field } => {
                PtrTarget::Field(table.as_str().into(), field.as_str().into())
            }
            _ => {
                return Err("`->` points to a variable, an array element, a table or a field".into())
            }
        })
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> Vec<Expr> {
        es.iter().filter(|e| !matches!(e.kind, A::Star)).map(|e| self.expr(e)).collect()
    }

    fn expr(&mut self, e: &ast::Expr) -> Expr {
        let span = e.span;
        let kind = match &e.kind {
            A::Number(n) => ExprKind::Literal(Value::Real(*n)),
            A::Text(t) => ExprKind::Literal(Value::text(t.clone())),
            A::Date(d) => ExprKind::Literal(Value::Date(Date::new(d.year, d.month, d.day))),
            A::Time(t) => ExprKind::Literal(Value::Time(*t)),
            A::Local(n) => ExprKind::Local(self.local(n)),
            A::LegacyParam(0) => ExprKind::Local(self.local("0")),
            A::LegacyParam(n) => ExprKind::Local(self.param_slot(*n)),
            A::ParamIndex(i) => ExprKind::Param(Box::new(self.expr(i))),
            A::Name(n) => match self.names.method_id(n) {
                Some(id) => ExprKind::Method { id, args: Vec::new() },
                None => ExprKind::ProcessVar(self.names.process_var(n)),
            },
            A::Interprocess(n) => ExprKind::Interprocess(lower_name(n).into()),
            A::Command { index, args, .. } => self.command(*index, args, span),
            A::Constant(i) => match constant_value(*i) {
                Some(v) => ExprKind::Literal(v),
                None => {
                    let name = catalog::constants().get(*i as usize).map(|c| c.name).unwrap_or("?");
                    ExprKind::Invalid(
                        format!(
                            "the constant `{name}` has no value in mini4d: neither the 4D documentation nor 4D's constant list gives one"
                        )
                        .into(),
                    )
                }
            },
            A::ProjectConstant(c) => ExprKind::Literal(project_constant_value(c)),
            A::MethodCall { name, args, .. } => match self.names.method_id(name) {
                Some(id) => ExprKind::Method { id, args: self.exprs(args) },
                None => ExprKind::Invalid(unknown_method(&*self.names, name)),
            },
            A::Star => ExprKind::Invalid("`*` is only allowed as a command argument".into()),
            A::Member { object, name } => ExprKind::Member {
                object: Box::new(self.expr(object)),
                key: Key::intern(&name.text),
            },
            A::Index { object, index } => ExprKind::Index {
                object: Box::new(self.expr(object)),
                index: Box::new(self.expr(index)),
            },
            A::CharIndex { text, index } => ExprKind::CharIndex {
                text: Box::new(self.expr(text)),
                index: Box::new(self.expr(index)),
            },
            A::Call { callee, args } if classes::is_super_callee(callee) => {
                self.super_call(callee, args)
            }
            A::Call { callee, args } => match &callee.kind {
                A::Member { object, name } => {
                    let key = Key::intern(&name.text);
                    ExprKind::MemberCall {
                        object: Box::new(self.expr(object)),
                        coll_fn: commands::collection_member_fn(&key),
                        key,
                        args: self.exprs(args),
                    }
                }
                _ => ExprKind::Call { callee: Box::new(self.expr(callee)), args: self.exprs(args) },
            },
            A::Object(entries) => ExprKind::Object(
                entries.iter().map(|(k, v)| (Key::intern(&k.text), self.expr(v))).collect(),
            ),
            A::Collection(items) => ExprKind::Collection(self.exprs(items)),
            A::Neg(inner) => match &inner.kind {
                A::Number(n) => ExprKind::Literal(Value::Real(-n)),
                _ => ExprKind::Neg(Box::new(self.expr(inner))),
            },
            A::Binary { op, left, right } => {
                let (left, right) = (self.expr(left), self.expr(right));
                match (op, left.kind, right.kind) {
                    (
                        BinOp::Add,
                        ExprKind::Literal(Value::Text(prefix)),
                        ExprKind::StringOf { f, arg },
                    ) => ExprKind::PrefixString { prefix, f, arg, span: right.span },
                    (_, lk, rk) => ExprKind::Binary {
                        op: *op,
                        left: Box::new(Expr { kind: lk, span: left.span }),
                        right: Box::new(Expr { kind: rk, span: right.span }),
                    },
                }
            }
            A::Ternary { cond, then, otherwise } => ExprKind::Ternary {
                cond: Box::new(self.expr(cond)),
                then: Box::new(self.expr(then)),
                otherwise: Box::new(self.expr(otherwise)),
            },
            A::Pointer(target) => match self.pointer_target(target) {
                Ok(t) => ExprKind::PointerTo(Box::new(t)),
                Err(msg) => ExprKind::Invalid(msg.into()),
            },
            A::Deref(p) => ExprKind::Deref(Box::new(self.expr(p))),
            A::Table(_) | A::Field { .. } => ExprKind::Invalid(NO_DATASTORE.into()),
            A::SortOrder { ascending } => {
                ExprKind::Literal(Value::text(if *ascending { ">" } else { "<" }))
            }
            A::ArrayElement { array, index } => ExprKind::Element {
                array: Box::new(self.expr(array)),
                index: Box::new(self.expr(index)),
            },
            A::AssignArg { .. } => {
                ExprKind::Invalid("an assignment is only allowed as the argument of Formula".into())
            }
            A::TryExpr(inner) => ExprKind::Try(Box::new(self.expr(inner))),
            A::This => ExprKind::This,
            A::Super => self.super_value(),
            A::Error => ExprKind::Invalid("syntax error".into()),
        };
        Expr { kind, span }
    }

    fn command(&mut self, index: u16, args: &[ast::Expr], span: Span) -> ExprKind {
        let name = catalog::commands().get(index as usize).map(|c| c.name).unwrap_or("");
        let star = args.iter().any(|a| matches!(a.kind, A::Star));
        if args.is_empty() {
            match name.to_lowercase().as_str() {
                "true" => return ExprKind::Literal(Value::Bool(true)),
                "false" => return ExprKind::Literal(Value::Bool(false)),
                "null" => return ExprKind::Literal(Value::Null),
                // Tokenized code writes the keyword as the command `This:C1470`.
                "this" => return ExprKind::This,
                _ => {}
            }
        }
        let implementation = match commands::lookup(index) {
            Some(Implementation::Interp(Intrinsic::Formula)) => return self.formula(args, span),
            Some(Implementation::Interp(which)) => {
                return ExprKind::Intrinsic { which, args: self.exprs(args), star }
            }
            Some(Implementation::Plain(f)) => Some(f),
            None => None,
        };
        if name.eq_ignore_ascii_case("New object")
            && !star
            && args.len().is_multiple_of(2)
            && args.chunks(2).all(|pair| matches!(pair[0].kind, A::Text(_)))
        {
            let entries: Vec<(Key, Expr)> = args
                .chunks(2)
                .filter_map(|pair| match &pair[0].kind {
                    A::Text(name) => Some((Key::intern(name), self.expr(&pair[1]))),
                    _ => None,
                })
                .collect();
            let distinct = entries
                .iter()
                .enumerate()
                .all(|(i, (k, _))| entries[..i].iter().all(|(p, _)| p != k));
            return ExprKind::NewObject { entries, distinct };
        }
        if let (true, [arg], false, Some(f)) =
            (name.eq_ignore_ascii_case("String"), args, star, implementation)
        {
            return ExprKind::StringOf { f, arg: Box::new(self.expr(arg)) };
        }
        if let ([a], false, Some(f), Some(kernel)) =
            (args, star, implementation, commands::numeric_kernel1(name))
        {
            return ExprKind::Numeric1 { f, kernel, arg: Box::new(self.expr(a)) };
        }
        if let ([arg], false, true, Some(_)) =
            (args, star, name.eq_ignore_ascii_case("Character code"), implementation)
        {
            if let A::CharIndex { text, index } = &arg.kind {
                return ExprKind::CharCodeAt {
                    text: Box::new(self.expr(text)),
                    index: Box::new(self.expr(index)),
                    span: arg.span,
                };
            }
        }
        if let ([a, b], false, Some(f), Some(kernel)) =
            (args, star, implementation, commands::numeric_kernel2(name))
        {
            return ExprKind::Numeric2 { f, kernel, args: Box::new([self.expr(a), self.expr(b)]) };
        }
        match implementation {
            Some(f) => ExprKind::Command { index, f, args: self.exprs(args), star },
            None => ExprKind::Unimplemented { index },
        }
    }

    /// `Formula(expr)`: resolves `expr` as the body of a small method whose `$1…` are the call
    /// arguments; locals of the enclosing method it mentions are captured by value.
    fn formula(&mut self, args: &[ast::Expr], _span: Span) -> ExprKind {
        let [body] = args else {
            return ExprKind::Invalid("Formula expects exactly one expression".into());
        };
        let (file, source) = (self.file, self.source);
        let enclosing = Rc::new(self.slots.clone());
        let mut inner = Resolver::new(&mut *self.names, self.file, self.source);
        inner.enclosing = Some(enclosing);
        if let A::AssignArg { target, value } = &body.kind {
            // `Formula($1.result:=…)`: the formula runs the assignment and returns nothing.
            let assign = ast::Stmt {
                kind: S::Assign {
                    target: (**target).clone(),
                    op: ast::AssignOp::Assign,
                    value: (**value).clone(),
                },
                span: body.span,
            };
            let stmt = inner.stmt(&assign);
            return finish_formula(inner, stmt, body.span, file, source);
        }
        let value = match &body.kind {
            A::Name(n) | A::MethodCall { name: n, parens: false, .. } => {
                match inner.names.method_id(n) {
                    Some(id) => Expr { kind: ExprKind::ForwardCall { id }, span: body.span },
                    None => inner.expr(body),
                }
            }
            _ => inner.expr(body),
        };
        let stmt = Stmt { kind: StmtKind::Return(Some(value)), span: body.span };
        finish_formula(inner, stmt, body.span, file, source)
    }
}

/// The formula whose body is `stmt`, resolved by `inner`.
fn finish_formula(
    mut inner: Resolver,
    stmt: Stmt,
    body_span: Span,
    file: u32,
    source: &str,
) -> ExprKind {
    let captures = std::mem::take(&mut inner.captures);
    let params = (0..inner.param_slots.len())
        .map(|i| ParamSpec {
            slot: inner.param_slots[i],
            ty: VarType::Variant,
            name: (i + 1).to_string(),
        })
        .collect();
    let method = Method {
        name: "Formula".to_string(),
        file,
        params_in_order: false,
        params,
        variadic: None,
        generic: None,
        result: ResultKind::Returned(VarType::Variant),
        slot_types: std::mem::take(&mut inner.slot_types),
        slot_names: std::mem::take(&mut inner.slot_names),
        slot_declared: std::mem::take(&mut inner.slot_declared),
        body: vec![stmt],
    };
    let source = source.get(body_span.range()).unwrap_or("").trim();
    ExprKind::Formula(Rc::new(FormulaCode {
        method: Rc::new(method),
        captures,
        source: Rc::from(source),
    }))
}

/// Whether `name` is a `C_` compiler directive (also those 4D no longer lists as commands).
pub fn is_directive_name(name: &str) -> bool {
    directive_of_name(name).is_some()
}

/// The type a `C_` compiler directive declares, and its arguments, if `e` is one.
fn directive_type(e: &ast::Expr) -> Option<(VarType, &[ast::Expr])> {
    let (name, args) = match &e.kind {
        A::Command { index, args, .. } => (catalog::commands().get(*index as usize)?.name, args),
        // Directives 4D no longer lists (so not in the command table).
        A::MethodCall { name, args, .. } => (name.as_str(), args),
        _ => return None,
    };
    let ty = directive_of_name(name)?;
    // `C_STRING(80; $s)`: the old fixed-length form; the length is dropped.
    let args = match (name.eq_ignore_ascii_case("C_STRING"), args.split_first()) {
        (true, Some((first, rest))) if matches!(first.kind, A::Number(_)) => rest,
        _ => args,
    };
    Some((ty, args))
}

/// The type the directive named `name` declares.
fn directive_of_name(name: &str) -> Option<VarType> {
    let ty = match name.to_ascii_uppercase().as_str() {
        "C_TEXT" | "C_STRING" => VarType::Text,
        "C_LONGINT" | "C_INTEGER" => VarType::Integer,
        "C_REAL" => VarType::Real,
        "C_BOOLEAN" => VarType::Boolean,
        "C_DATE" => VarType::Date,
        "C_TIME" => VarType::Time,
        "C_OBJECT" => VarType::Object,
        "C_COLLECTION" => VarType::Collection,
        "C_VARIANT" => VarType::Variant,
        "C_POINTER" => VarType::Pointer,
        "C_BLOB" => VarType::Blob,
        "C_PICTURE" | "C_GRAPH" => VarType::Picture,
        _ => return None,
    };
    Some(ty)
}

/// The type `var $x:=init` gives `$x`: an integer literal infers Real (as in 4D).
fn infer_type(e: &ast::Expr) -> VarType {
    match &e.kind {
        A::Number(_) => VarType::Real,
        A::Neg(inner) if matches!(inner.kind, A::Number(_)) => VarType::Real,
        A::Text(_) => VarType::Text,
        A::Date(_) => VarType::Date,
        A::Time(_) => VarType::Time,
        A::Object(_) => VarType::Object,
        A::Collection(_) => VarType::Collection,
        A::Command { index, args, .. } if args.is_empty() => {
            match catalog::commands()
                .get(*index as usize)
                .map(|c| c.name.to_ascii_lowercase())
                .as_deref()
            {
                Some("true" | "false") => VarType::Boolean,
                _ => VarType::Variant,
            }
        }
        _ => VarType::Variant,
    }
}

/// For `$t:=$t+a+b` (or `$t+=a`) on local `slot`: the parts to add, when none of them can
/// read `$t` itself (so the variable can be updated in place after they are evaluated).
pub(crate) fn append_parts(slot: u32, op: Option<BinOp>, value: &Expr) -> Option<Vec<&Expr>> {
    let mut parts = Vec::new();
    match op {
        Some(BinOp::Add) => parts.push(value),
        Some(_) => return None,
        None => {
            let mut cur = value;
            loop {
                match &cur.kind {
                    ExprKind::Binary { op: BinOp::Add, left, right } => {
                        parts.push(&**right);
                        cur = left;
                    }
                    ExprKind::Local(s) if *s == slot && !parts.is_empty() => break,
                    _ => return None,
                }
            }
            parts.reverse();
        }
    }
    if parts.iter().all(|p| !mentions_slot(p, slot)) {
        Some(parts)
    } else {
        None
    }
}

/// Whether evaluating `e` could read local `slot` (conservative).
fn mentions_slot(e: &Expr, slot: u32) -> bool {
    match &e.kind {
        ExprKind::Literal(_)
        | ExprKind::ProcessVar(_)
        | ExprKind::Interprocess(_)
        | ExprKind::Unimplemented { .. } => false,
        ExprKind::Local(s) => *s == slot,
        ExprKind::Param(_)
        | ExprKind::Formula(_)
        | ExprKind::Invalid(_)
        | ExprKind::This
        | ExprKind::Super(_)
        | ExprKind::ForwardCall { .. }
        // A pointer can name any local.
        | ExprKind::PointerTo(_)
        | ExprKind::Deref(_)
        | ExprKind::Element { .. } => true,
        ExprKind::Command { args, .. }
        | ExprKind::Intrinsic { args, .. }
        | ExprKind::Method { args, .. } => args.iter().any(|a| mentions_slot(a, slot)),
        ExprKind::Member { object, .. } => mentions_slot(object, slot),
        ExprKind::Index { object, index } => {
            mentions_slot(object, slot) || mentions_slot(index, slot)
        }
        ExprKind::CharIndex { text, index } => {
            mentions_slot(text, slot) || mentions_slot(index, slot)
        }
        ExprKind::MemberCall { object, args, .. } => {
            mentions_slot(object, slot) || args.iter().any(|a| mentions_slot(a, slot))
        }
        ExprKind::Call { callee, args } => {
            mentions_slot(callee, slot) || args.iter().any(|a| mentions_slot(a, slot))
        }
        ExprKind::Object(entries) | ExprKind::NewObject { entries, .. } => {
            entries.iter().any(|(_, v)| mentions_slot(v, slot))
        }
        ExprKind::Collection(items) => items.iter().any(|v| mentions_slot(v, slot)),
        ExprKind::Neg(x)
        | ExprKind::Try(x)
        | ExprKind::StringOf { arg: x, .. }
        | ExprKind::PrefixString { arg: x, .. }
        | ExprKind::Numeric1 { arg: x, .. } => mentions_slot(x, slot),
        ExprKind::CharCodeAt { text, index, .. } => {
            mentions_slot(text, slot) || mentions_slot(index, slot)
        }
        ExprKind::Numeric2 { args, .. } => args.iter().any(|a| mentions_slot(a, slot)),
        ExprKind::Binary { left, right, .. } => {
            mentions_slot(left, slot) || mentions_slot(right, slot)
        }
        ExprKind::Ternary { cond, then, otherwise } => {
            mentions_slot(cond, slot) || mentions_slot(then, slot) || mentions_slot(otherwise, slot)
        }
    }
}

/// Splits the right-hand side accepted by [`append_parts`] into its owned parts.
fn into_parts(op: Option<ast::BinOp>, value: Expr) -> Vec<Expr> {
    if op.is_some() {
        return vec![value];
    }
    let mut parts = Vec::new();
    let mut cur = value;
    while let ExprKind::Binary { left, right, .. } = cur.kind {
        parts.push(*right);
        cur = *left;
    }
    parts.reverse();
    parts
}

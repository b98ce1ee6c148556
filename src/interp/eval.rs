//! Expressions: reading variables and properties, calling commands, methods and functions.

use std::rc::Rc;
use std::sync::Arc;

use super::ops;
use super::{Cause, Flow, Interp, Unwind};
use crate::commands::{catalog, Args, CommandFn};
use crate::resolve::ir::{Expr, ExprKind, FormulaCode, Intrinsic, VarType};
use crate::runtime::format;
use crate::runtime::ops::shared_to_value;
use crate::runtime::shared::{self, Group, SharedValue};
use crate::runtime::value::Function;
use crate::runtime::{CollRef, ErrorKind, Key, ObjRef, RtError, Value};

/// The highest `${N}` a method may assign (4D methods take at most 32,767 parameters).
const MAX_PARAMS: usize = 32_767;
use crate::syntax::ast::{BinOp, Span};

impl Interp {
    /// Evaluates an expression. The common node kinds are handled here, in a function with a
    /// small stack frame (it recurses); everything else goes to [`Interp::eval_other`].
    #[inline]
    pub(super) fn eval(&mut self, e: &Expr) -> Flow<Value> {
        match &e.kind {
            ExprKind::Literal(v) => Ok(v.clone()),
            ExprKind::Local(s) => Ok(self.stack[self.base + *s as usize].clone()),
            ExprKind::Binary { op, left, right } if !matches!(op, BinOp::AndAnd | BinOp::OrOr) => {
                // Number operands that are locals or literals are read in place: no clone, no
                // drop, no recursive call.
                let l = match self.peek_number(left) {
                    Some(v) => v,
                    None => self.eval(left)?,
                };
                let r = match self.peek_number(right) {
                    Some(v) => v,
                    None => self.eval(right)?,
                };
                if let (Some(a), Some(b)) = (fast_num(&l), fast_num(&r)) {
                    if let Some(v) = ops::numeric(*op, a, b) {
                        // Both operands are Int or Real, which own nothing: skip the drop glue.
                        std::mem::forget(l);
                        std::mem::forget(r);
                        return Ok(v);
                    }
                }
                self.binary_other(*op, l, r, e.span)
            }
            ExprKind::Method { id, args } => self.call_method_id(*id, args, e.span),
            _ => self.eval_other(e),
        }
    }

    #[inline(never)]
    fn binary_other(&mut self, op: BinOp, l: Value, r: Value, span: Span) -> Flow<Value> {
        ops::binary(op, l, r).map_err(|err| err.at(self.current_file(), span).into())
    }

    #[inline(never)]
    fn eval_other(&mut self, e: &Expr) -> Flow<Value> {
        match &e.kind {
            ExprKind::Literal(v) => Ok(v.clone()),
            ExprKind::Local(s) => Ok(self.stack[self.base + *s as usize].clone()),
            ExprKind::Binary { op, left, right } => match op {
                BinOp::AndAnd => {
                    let l = self.eval(left)?;
                    if !l.is_truthy() {
                        Ok(l)
                    } else {
                        self.eval(right)
                    }
                }
                BinOp::OrOr => {
                    let l = self.eval(left)?;
                    if l.is_truthy() {
                        Ok(l)
                    } else {
                        self.eval(right)
                    }
                }
                _ => {
                    let l = self.eval(left)?;
                    let r = self.eval(right)?;
                    // Two Reals: the common case, computed without leaving the loop.
                    if let (Value::Real(a), Value::Real(b)) = (&l, &r) {
                        let (a, b) = (*a, *b);
                        match op {
                            BinOp::Add => return Ok(Value::Real(a + b)),
                            BinOp::Sub => return Ok(Value::Real(a - b)),
                            BinOp::Mul => return Ok(Value::Real(a * b)),
                            BinOp::Lt => return Ok(Value::Bool(a < b)),
                            BinOp::Gt => return Ok(Value::Bool(a > b)),
                            BinOp::Le => return Ok(Value::Bool(a <= b)),
                            BinOp::Ge => return Ok(Value::Bool(a >= b)),
                            _ => {}
                        }
                    }
                    ops::binary(*op, l, r).map_err(|err| err.at(self.current_file(), e.span).into())
                }
            },
            ExprKind::Param(n) => {
                let n = self.eval(n)?;
                self.param_value(&n)
            }
            ExprKind::ProcessVar(i) => Ok(self.pvars[*i as usize].clone()),
            ExprKind::Interprocess(name) => Ok(self.read_interprocess(name)),
            ExprKind::Command { index, f, args, star } => {
                let mut a = self.eval_args(args, *star)?;
                a.call_span = e.span;
                let lent = if a.values.iter().any(|v| matches!(v, Value::Blob(_))) {
                    self.lend_blob_arg(*index, args, &a)?
                } else {
                    None
                };
                let r = f(self, &mut a);
                if let Some(i) = lent {
                    if !a.outputs.iter().any(|(j, _)| *j == i) {
                        let v = a.values.get_mut(i).map(std::mem::take).unwrap_or_default();
                        a.set_output(i, v);
                    }
                }
                if args.iter().any(|x| matches!(x.kind, ExprKind::Interprocess(_))) {
                    self.write_back_interprocess_arrays(args, &a.values);
                }
                self.give_arg_vec(std::mem::take(&mut a.values));
                match r {
                    Ok(r) => {
                        if !a.outputs.is_empty() {
                            self.write_outputs(*index, args, a)?;
                        }
                        Ok(r)
                    }
                    Err(err) => {
                        // A failed command still gives back the variables it took (a blob).
                        self.write_outputs(*index, args, a)?;
                        Err(err.at(self.current_file(), e.span).into())
                    }
                }
            }
            ExprKind::StringOf { f, arg } => match self.eval(arg)? {
                Value::Int(i) => Ok(Value::text(format::format_int(i))),
                Value::Real(r) => Ok(Value::text(format::format_real(r))),
                v => self.call_command(*f, vec![v], e.span),
            },
            ExprKind::Numeric2 { f, kernel, args } => {
                let [a, b] = &**args;
                // Operands that are number locals, literals or `+ - *` of them: computed in
                // place, without building values.
                if let (Some(x), Some(y)) = (self.peek_num_or_arith(a), self.peek_num_or_arith(b)) {
                    return Ok(Value::Real(kernel(x, y)));
                }
                let a = self.eval(a)?;
                let b = self.eval(b)?;
                if let (Some(x), Some(y)) = (fast_num(&a), fast_num(&b)) {
                    return Ok(Value::Real(kernel(x, y)));
                }
                self.call_command(*f, vec![a, b], e.span)
            }
            ExprKind::Numeric1 { f, kernel, arg } => {
                if let Some(x) = self.peek_num_or_arith(arg) {
                    return Ok(Value::Real(kernel(x)));
                }
                let a = self.eval(arg)?;
                match fast_num(&a) {
                    Some(x) => Ok(Value::Real(kernel(x))),
                    None => self.call_command(*f, vec![a], e.span),
                }
            }
            ExprKind::CharCodeAt { text, index, span } => {
                // Evaluated in `[[…]]`'s order: the text, then the index (a local or a literal
                // text is read in place after the index instead: reading it has no effect).
                let owned = match self.peek(text) {
                    Some(_) => None,
                    None => Some(self.eval(text)?),
                };
                let i = match self.peek_f64(index) {
                    Some(i) => i,
                    None => self.eval(index)?.as_number().unwrap_or(0.0),
                };
                let code = match owned.as_ref().or_else(|| self.peek(text)) {
                    Some(Value::Text(t)) => text_code_at(t, i),
                    other => {
                        let t = other.cloned().unwrap_or_default();
                        return self.char_at(&t, &Value::Real(i), *span);
                    }
                };
                Ok(Value::Int(code))
            }
            ExprKind::PrefixString { prefix, f, arg, span } => match self.eval(arg)? {
                Value::Int(i) => {
                    let digits = format::IntText::new(i);
                    Ok(Value::Text(crate::runtime::value::Text::from_parts(&[
                        prefix,
                        digits.as_str(),
                    ])))
                }
                v => {
                    let r = match v {
                        Value::Real(r) => Value::text(format::format_real(r)),
                        v => self.call_command(*f, vec![v], *span)?,
                    };
                    self.binary_other(BinOp::Add, Value::Text(prefix.clone()), r, e.span)
                }
            },
            ExprKind::Intrinsic { which, args, star } => {
                self.intrinsic(*which, args, *star, e.span)
            }
            ExprKind::Unimplemented { index } => {
                let name = catalog::commands().get(*index as usize).map(|c| c.name).unwrap_or("?");
                Err(RtError::new(
                    ErrorKind::Unimplemented,
                    format!(
                        "Unimplemented command or function: `{name}` is not implemented in mini4d"
                    ),
                )
                .at(self.current_file(), e.span)
                .into())
            }
            ExprKind::PointerTo(t) => self.make_pointer(t, e.span),
            ExprKind::Deref(p) => {
                let p = self.eval(p)?;
                self.deref_value(&p, e.span)
            }
            ExprKind::Element { array, index } => {
                let a = self.eval(array)?;
                let i = self.eval(index)?;
                self.element_get(&a, &i, e.span)
            }
            ExprKind::Method { id, args } => self.call_method_id(*id, args, e.span),
            ExprKind::Member { object, key } => {
                // `$o.k` with `$o` a local object holding `k`: read in place, without taking
                // (and then releasing) a reference to the object.
                match object.kind {
                    ExprKind::Local(s) => {
                        if let Some(Value::Object(o)) = self.stack.get(self.base + s as usize) {
                            if let Some(v) = o.borrow().props.get(key) {
                                return Ok(v.clone());
                            }
                        }
                    }
                    // `This.x` in class code: the same, on the frame's `This`.
                    ExprKind::This => {
                        if let Some(Value::Object(o)) = self.frames.last().map(|f| &f.this) {
                            if let Some(v) = o.borrow().props.get(key) {
                                return Ok(v.clone());
                            }
                        }
                    }
                    _ => {}
                }
                let obj = self.eval(object)?;
                if obj.is_null() {
                    // A variable declared Object or Collection but never assigned reads as an
                    // empty value (`.length` is 0); Null obtained any other way is an error.
                    match object.kind {
                        ExprKind::Local(_) | ExprKind::ProcessVar(_) => {
                            return Ok(
                                if key.as_str() == "length" && self.is_collection_var(object) {
                                    Value::Real(0.0)
                                } else {
                                    Value::Undefined
                                },
                            )
                        }
                        _ => {}
                    }
                }
                self.get_member(&obj, key, e.span)
            }
            ExprKind::Index { object, index } => {
                let obj = self.eval(object)?;
                let idx = self.eval(index)?;
                // `$o["k"]` reads like `$o.k`: a variable holding Null reads as Undefined.
                if obj.is_null()
                    && matches!(idx, Value::Text(_))
                    && matches!(object.kind, ExprKind::Local(_) | ExprKind::ProcessVar(_))
                {
                    return Ok(Value::Undefined);
                }
                self.get_index(&obj, &idx, e.span)
            }
            ExprKind::CharIndex { text, index } => {
                let t = self.eval(text)?;
                let i = self.eval(index)?;
                self.char_at(&t, &i, e.span)
            }
            ExprKind::MemberCall { object, key, coll_fn, args } => {
                if let ExprKind::Member { object: store, key: name } = &object.kind {
                    if matches!(store.kind, ExprKind::Intrinsic { which: Intrinsic::Cs, .. })
                        && key.as_str() == "new"
                    {
                        // `cs.X.new(…)`: the class found in place, without building the
                        // values of `cs` and `cs.X`.
                        if let Some(class) = self.cs_class_to_new(name) {
                            return self.instantiate_exprs(&class, args, e.span);
                        }
                    }
                }
                let obj = self.eval(object)?;
                if let Value::Object(o) = &obj {
                    // A user-class function: called straight, its arguments
                    // evaluated into the new frame like a project method's.
                    if let Some(super::classes::ClassCall::Function(method)) =
                        Interp::class_call_target(o, key)
                    {
                        return self.call_code_exprs(method, args, obj, e.span);
                    }
                } else if let Value::SharedObject(so) = &obj {
                    // `cs.X.new(…)` on a class object that does not override `new`.
                    if key.as_str() == "new" && Interp::plain_class_object(so) {
                        if let Some(class) = self.class_of_object(so) {
                            return self.instantiate_exprs(&class, args, e.span);
                        }
                    }
                }
                self.member_call(obj, key, *coll_fn, args, e.span)
            }
            ExprKind::Call { callee, args } => {
                // `$o["name"](…)`: the object is `This` for the call.
                let (f, this) = match &callee.kind {
                    ExprKind::Index { object, index } => {
                        let obj = self.eval(object)?;
                        let idx = self.eval(index)?;
                        (self.get_index(&obj, &idx, callee.span)?, obj)
                    }
                    _ => (self.eval(callee)?, Value::Undefined),
                };
                let values = self.eval_all(args)?;
                self.call_value(&f, this, values, e.span)
            }
            ExprKind::ForwardCall { id } => {
                // A formula made of a bare method name passes its own parameters on.
                let args = self.all_args();
                let code = self.method_code(*id).map_err(|u| self.at_span(u, e.span))?;
                self.call(code, args, Value::Undefined, e.span)
            }
            ExprKind::Object(entries) => {
                // Sized up front: a 5-property object grown one push at a time kept room for 8.
                let mut props = crate::runtime::object::PropMap::with_capacity(entries.len());
                for (k, v) in entries {
                    let v = self.eval(v)?;
                    if !v.is_undefined() {
                        props.insert(k.clone(), v.for_storage());
                    }
                }
                Ok(Value::Object(ObjRef::from_props(props)))
            }
            ExprKind::NewObject { entries, distinct } => {
                let mut props = crate::runtime::object::PropMap::with_capacity(entries.len());
                if *distinct {
                    for (k, v) in entries {
                        props.push_new(k.clone(), self.eval(v)?.for_storage());
                    }
                } else {
                    for (k, v) in entries {
                        props.insert(k.clone(), self.eval(v)?.for_storage());
                    }
                }
                Ok(Value::Object(ObjRef::from_props(props)))
            }
            ExprKind::Collection(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(match self.eval(i)? {
                        Value::Undefined => Value::Null,
                        v => v.for_storage(),
                    });
                }
                Ok(Value::Collection(CollRef::from_vec(out)))
            }
            ExprKind::Neg(x) => match self.eval(x)? {
                Value::Real(r) => Ok(Value::Real(-r)),
                Value::Int(i) => Ok(Value::Real(-(i as f64))),
                Value::Time(t) => Ok(Value::Time(-t)),
                v => Err(RtError::type_mismatch(format!("cannot negate {}", v.a_kind()))
                    .at(self.current_file(), e.span)
                    .into()),
            },
            ExprKind::Ternary { cond, then, otherwise } => {
                if self.eval(cond)?.is_truthy() {
                    self.eval(then)
                } else {
                    self.eval(otherwise)
                }
            }
            ExprKind::Try(inner) => self.eval_try(inner),
            ExprKind::Formula(code) => Ok(self.make_formula(code)),
            ExprKind::This => Ok(self.frames.last().map(|f| f.this.clone()).unwrap_or_default()),
            ExprKind::Super(s) => self.eval_super(s, e.span),
            ExprKind::Invalid(msg) => {
                Err(RtError::invalid(msg).at(self.current_file(), e.span).into())
            }
        }
    }

    /// Evaluates expressions left to right (arguments of a call).
    pub(super) fn eval_all(&mut self, args: &[Expr]) -> Flow<Vec<Value>> {
        let mut out = Vec::with_capacity(args.len());
        self.eval_into(&mut out, args)?;
        Ok(out)
    }

    /// Evaluates `args` left to right onto the end of `out`.
    #[inline]
    fn eval_into(&mut self, out: &mut Vec<Value>, args: &[Expr]) -> Flow<()> {
        for a in args {
            out.push(self.eval(a)?);
        }
        Ok(())
    }

    /// Calls project method `id`. When its parameters are its first slots (the usual
    /// `#DECLARE` case) the arguments are evaluated straight into the new frame: no argument
    /// vector is allocated.
    fn call_method_id(&mut self, id: u32, args: &[Expr], span: Span) -> Flow<Value> {
        let code = self.method_code(id).map_err(|u| self.at_span(u, span))?;
        if let Some(f) = self.numeric_fn(id) {
            if f.takes(args.len()) {
                return self.call_numeric(f, code, args, span);
            }
        }
        self.call_code_exprs(code, args, Value::Undefined, span)
    }

    /// Calls `code` on `this` with the arguments `args` evaluated straight into its frame (see
    /// [`Interp::call_method_id`]); also used for class functions.
    #[inline(always)]
    pub(super) fn call_code_exprs(
        &mut self,
        code: Rc<crate::resolve::ir::Method>,
        args: &[Expr],
        this: Value,
        span: Span,
    ) -> Flow<Value> {
        if !code.params_in_order || args.len() > code.params.len() {
            let values = self.eval_all(args)?;
            return self.call(code, values, this, span);
        }
        self.check_depth()?;
        let base = self.stack.len();
        for (i, a) in args.iter().enumerate() {
            // Arithmetic on number locals and literals (`f($n-1)`) goes straight into the
            // parameter slot, without building an intermediate value.
            if let Some(x) = self.peek_arith(a) {
                match code.params[i].ty {
                    VarType::Integer => {
                        self.stack.push(Value::Int(super::convert::real_to_longint(x)));
                        continue;
                    }
                    VarType::Real | VarType::Variant => {
                        self.stack.push(Value::Real(x));
                        continue;
                    }
                    _ => {}
                }
            }
            let v = match self.eval(a) {
                Ok(v) => v,
                Err(u) => {
                    self.stack.truncate(base);
                    return Err(u);
                }
            };
            let ty = code.params[i].ty;
            match super::convert::coerce(ty, v) {
                Ok(v) => self.stack.push(v),
                Err(v) => {
                    self.stack.truncate(base);
                    return Err(super::param_error(&code, i, ty, &v));
                }
            }
        }
        for &ty in &code.slot_types[args.len()..] {
            self.stack.push(super::convert::default_for(ty));
        }
        self.enter(code, base, args.len(), Vec::new(), this)
    }

    fn at_span(&self, u: Unwind, span: Span) -> Unwind {
        match u.into_cause() {
            Cause::Error(e) => Unwind::from(e.at(self.current_file(), span)),
            other => other.into(),
        }
    }

    /// [`Interp::eval_all`] into a vector from the pool; give it back with
    /// [`Interp::give_arg_vec`].
    fn eval_all_pooled(&mut self, args: &[Expr]) -> Flow<Vec<Value>> {
        let mut out = self.arg_pool.pop().unwrap_or_default();
        out.reserve(args.len());
        match self.eval_into(&mut out, args) {
            Ok(()) => Ok(out),
            Err(u) => {
                self.give_arg_vec(out);
                Err(u)
            }
        }
    }

    /// Empties an argument vector and keeps it for the next call (small ones, a few).
    pub(super) fn give_arg_vec(&mut self, mut v: Vec<Value>) {
        v.clear();
        if v.capacity() != 0 && v.capacity() <= 16 && self.arg_pool.len() < 16 {
            self.arg_pool.push(v);
        }
    }

    /// Calls command `f` on evaluated arguments: the general path of the nodes that stand for
    /// one command call (`StringOf`, `Numeric2`, `PrefixString`).
    fn call_command(&mut self, f: CommandFn, values: Vec<Value>, span: Span) -> Flow<Value> {
        let mut a = Args::new(values);
        a.call_span = span;
        f(self, &mut a).map_err(|err| Unwind::from(err.at(self.current_file(), span)))
    }

    fn eval_args(&mut self, args: &[Expr], star: bool) -> Flow<Args> {
        let values = self.eval_all_pooled(args)?;
        // Argument spans are not collected: errors are labelled with the call's span.
        let mut a = Args::new(values);
        a.star = star;
        Ok(a)
    }

    /// For a command that alters a blob argument in place: empties the variable so that the
    /// argument holds the only reference to the bytes (no copy on write); the command, or the
    /// caller when the command did not, gives the bytes back. Returns the argument's index.
    #[cold]
    fn lend_blob_arg(&mut self, index: u16, args: &[Expr], a: &Args) -> Flow<Option<usize>> {
        let Some(info) = crate::commands::catalog::commands().get(index as usize) else {
            return Ok(None);
        };
        let Some(i) = crate::commands::blobs::altered_blob_arg(info.name) else { return Ok(None) };
        let (Some(Value::Blob(_)), Some(e)) = (a.values.get(i), args.get(i)) else {
            return Ok(None);
        };
        let Some(target) = as_lvalue(e) else { return Ok(None) };
        self.assign_expr_target(target, Value::Blob(std::rc::Rc::default()), e.span)?;
        Ok(Some(i))
    }

    /// Writes a command's out-parameters back to the variables given as arguments.
    fn write_outputs(&mut self, _index: u16, args: &[Expr], a: Args) -> Flow<()> {
        for (i, v) in a.outputs {
            if let Some(e) = args.get(i) {
                if let Some(target) = as_lvalue(e) {
                    self.assign_expr_target(target, v, e.span)?;
                }
            }
        }
        Ok(())
    }

    /// An interprocess array given to a command was changed on a copy: store it back.
    #[cold]
    fn write_back_interprocess_arrays(&mut self, args: &[Expr], values: &[Value]) {
        for (e, v) in args.iter().zip(values) {
            if let (ExprKind::Interprocess(name), Value::Array(_)) = (&e.kind, v) {
                self.write_interprocess(name, v.clone());
            }
        }
    }

    /// Assigns to an argument expression that names a variable.
    pub(super) fn assign_expr_target(&mut self, e: &Expr, v: Value, span: Span) -> Flow<()> {
        match &e.kind {
            // An array replaces what the variable held, whatever its declared type.
            ExprKind::Local(s) if matches!(v, Value::Array(_)) => {
                self.stack[self.base + *s as usize] = v;
                Ok(())
            }
            ExprKind::Local(s) => self.store_local(*s, v, span),
            ExprKind::ProcessVar(i) if matches!(v, Value::Array(_)) => {
                self.pvars[*i as usize] = v;
                Ok(())
            }
            ExprKind::ProcessVar(i) => {
                let ty = self.pvar_types[*i as usize];
                match super::convert::coerce(ty, v) {
                    Ok(v) => self.pvars[*i as usize] = v,
                    Err(v) => {
                        return Err(RtError::type_mismatch(format!(
                            "cannot assign a {} to a variable declared {}",
                            v.kind_name(),
                            ty.name()
                        ))
                        .at(self.current_file(), span)
                        .into())
                    }
                }
                Ok(())
            }
            ExprKind::Interprocess(name) => {
                self.write_interprocess(name, v);
                Ok(())
            }
            ExprKind::Param(n) => {
                let n = self.eval(n)?;
                self.set_param(&n, v, span)
            }
            ExprKind::Deref(p) => {
                let p = self.eval(p)?;
                match p {
                    Value::Pointer(p) => self.assign_through(&p, v, span),
                    other => self.deref_value(&other, span).map(|_| ()),
                }
            }
            ExprKind::Element { array, index } => self.assign_element(array, index, v, span),
            ExprKind::Member { object, key } => {
                let obj = self.eval(object)?;
                self.set_member(&obj, key.clone(), v, span)
            }
            _ => Ok(()),
        }
    }

    /// `${n}`: the n-th parameter of the current method.
    pub(super) fn param_value(&mut self, n: &Value) -> Flow<Value> {
        let n = n.as_number().unwrap_or(0.0) as i64;
        let Some(frame) = self.frames.last() else { return Ok(Value::Undefined) };
        if n < 1 {
            return Ok(Value::Undefined);
        }
        let i = (n - 1) as usize;
        let v = if let Some(p) = frame.method.params.get(i) {
            self.stack[frame.base + p.slot as usize].clone()
        } else {
            let extra_i = i - frame.method.params.len();
            frame.extra.get(extra_i).cloned().unwrap_or_default()
        };
        // `C_TEXT(${N})`: parameters from the N-th on read as that type.
        match frame.method.generic {
            Some((first, ty)) if n >= first as i64 => {
                Ok(super::convert::coerce(ty, v)
                    .unwrap_or_else(|_| super::convert::default_for(ty)))
            }
            _ => Ok(v),
        }
    }

    pub(super) fn set_param(&mut self, n: &Value, v: Value, span: Span) -> Flow<()> {
        let n = n.as_number().unwrap_or(0.0) as i64;
        if n < 1 {
            return Err(RtError::generic("parameter numbers start at 1")
                .at(self.current_file(), span)
                .into());
        }
        let i = (n - 1) as usize;
        let slot = self.frames.last().and_then(|f| f.method.params.get(i).map(|p| p.slot));
        if let Some(s) = slot {
            return self.store_local(s, v, span);
        }
        if i >= MAX_PARAMS {
            return Err(RtError::new(ErrorKind::IndexOutOfRange, "parameter number too large")
                .at(self.current_file(), span)
                .into());
        }
        if let Some(frame) = self.frames.last_mut() {
            let extra_i = i - frame.method.params.len();
            if extra_i >= frame.extra.len() {
                frame.extra.resize(extra_i + 1, Value::Undefined);
            }
            frame.extra[extra_i] = v;
        }
        Ok(())
    }

    /// Every argument the current method received, in order (`Copy parameters`).
    pub(super) fn frame_args(&self) -> Vec<Value> {
        self.all_args()
    }

    /// Every argument the current method received, in order.
    fn all_args(&self) -> Vec<Value> {
        let Some(frame) = self.frames.last() else { return Vec::new() };
        let mut out: Vec<Value> = frame
            .method
            .params
            .iter()
            .take(frame.argc)
            .map(|p| self.stack[frame.base + p.slot as usize].clone())
            .collect();
        out.extend(frame.extra.iter().cloned());
        out
    }

    fn is_collection_var(&self, e: &Expr) -> bool {
        match e.kind {
            ExprKind::Local(s) => self.frames.last().is_some_and(|f| {
                f.method.slot_types[s as usize] == crate::resolve::ir::VarType::Collection
            }),
            ExprKind::ProcessVar(i) => {
                self.pvar_types.get(i as usize) == Some(&crate::resolve::ir::VarType::Collection)
            }
            _ => false,
        }
    }

    pub(super) fn arg_count(&self) -> usize {
        self.frames.last().map(|f| f.argc).unwrap_or(0)
    }

    // ----- objects -------------------------------------------------------------------------

    /// `obj.key`. Reading from Undefined gives Undefined; from Null it is an error.
    pub(super) fn get_member(&mut self, obj: &Value, key: &Key, span: Span) -> Flow<Value> {
        match obj {
            Value::Object(o) => {
                let v = o.borrow().props.get(key).cloned();
                match v {
                    Some(v) => Ok(v),
                    None => self.class_member(obj, key, span),
                }
            }
            Value::SharedObject(o) => match o.get(key.as_str()) {
                Some(v) => Ok(shared_to_value(&v)),
                None => self.class_member(obj, key, span),
            },
            Value::Collection(c) if key.as_str() == "length" => Ok(Value::Real(c.len() as f64)),
            Value::SharedCollection(c) if key.as_str() == "length" => {
                Ok(Value::Real(c.len() as f64))
            }
            Value::Function(f) if key.as_str() == "source" => Ok(Value::text(f.source.to_string())),
            Value::Undefined => Ok(Value::Undefined),
            Value::Collection(_) | Value::SharedCollection(_) | Value::Function(_) => {
                Ok(Value::Undefined)
            }
            Value::Null => Err(RtError::new(
                ErrorKind::NullAccess,
                format!("cannot read property `{}` of Null", key.as_str()),
            )
            .at(self.current_file(), span)
            .into()),
            v => Err(self.object_expected("read property", "of", key, v, span)),
        }
    }

    /// "cannot index a Text with a Boolean".
    fn bad_index(&self, o: &Value, i: &Value, span: Span) -> Unwind {
        RtError::type_mismatch(format!("cannot index {} with {}", o.a_kind(), i.a_kind()))
            .at(self.current_file(), span)
            .into()
    }

    /// "cannot read property `k` of a Text: an object was expected" (error 59).
    fn object_expected(&self, what: &str, prep: &str, key: &Key, v: &Value, span: Span) -> Unwind {
        RtError::new(
            ErrorKind::ObjectExpected,
            format!(
                "cannot {what} `{}` {prep} {}: an object was expected",
                key.as_str(),
                v.a_kind()
            ),
        )
        .at(self.current_file(), span)
        .into()
    }

    pub(super) fn set_member(&mut self, obj: &Value, key: Key, v: Value, span: Span) -> Flow<()> {
        if let Some(done) = self.class_set_member(obj, &key, &v, span) {
            return done;
        }
        match obj {
            Value::Object(o) => {
                if v.is_undefined() {
                    let mut data = o.borrow_mut();
                    if let Some(cur) = data.props.get_mut(&key) {
                        *cur = reset_for_undefined(cur);
                    }
                    return Ok(());
                }
                o.set(key, v);
                Ok(())
            }
            Value::SharedObject(o) => self
                .shared_set(o, key.as_str(), v)
                .map_err(|e| Unwind::from(e.at(self.current_file(), span))),
            Value::Null | Value::Undefined => Err(RtError::new(
                ErrorKind::UninitializedObject,
                format!("cannot set property `{}`: the object is not initialized", key.as_str()),
            )
            .at(self.current_file(), span)
            .into()),
            v => Err(self.object_expected("set property", "on", &key, v, span)),
        }
    }

    /// Stores into a shared object: the value must be shareable and the process must hold `Use`.
    pub(super) fn shared_set(
        &mut self,
        o: &Arc<shared::SharedObject>,
        key: &str,
        v: Value,
    ) -> Result<(), RtError> {
        // The group is cloned only when the value may join it (a shared object or collection).
        let group = {
            let current = o.group.get();
            if !current.held_by(self.process.number) {
                return Err(RtError::new(
                    ErrorKind::SharedNotLocked,
                    format!(
                        "cannot modify property `{key}` of a shared object outside Use…End use"
                    ),
                ));
            }
            v.is_shared().then(|| current.clone())
        };
        if v.is_undefined() {
            let mut props = o.props.write();
            if let Some(cur) = props.get_mut(key) {
                *cur = reset_shared_for_undefined(cur);
            }
            return Ok(());
        }
        let sv = to_shared(&v, group.as_ref(), o.root == shared::SharedRoot::Storage)?;
        if o.root == shared::SharedRoot::Storage
            && !matches!(sv, SharedValue::Object(_) | SharedValue::Collection(_))
        {
            return Err(not_sharable(
                "a scalar or null (Storage accepts only shared objects and collections)",
            ));
        }
        let mut props = o.props.write();
        match props.get_mut(key) {
            Some(cur) => *cur = sv,
            None => {
                props.insert(Arc::from(key), sv);
            }
        }
        Ok(())
    }

    /// `$o.k:=$o.k op x` where `$o` is a local or process variable holding a shared object
    /// whose lock this process holds, and `x` a literal or such a variable: the property is
    /// read, computed and written back under one write lock, without cloning the object.
    /// Returns false, having changed nothing, when the statement does not have that shape or
    /// anything is out of the ordinary (no such property, a class instance, `Storage`, an
    /// operator error…): the general path then runs it, with its errors. Reading `$o` and `x`
    /// has no effect, so doing it once instead of twice changes nothing.
    pub(super) fn shared_update(&self, object: &Expr, key: &Key, value: &Expr) -> bool {
        let ExprKind::Binary { op, left, right } = &value.kind else { return false };
        match &left.kind {
            ExprKind::Member { object: o, key: k } if k == key && same_variable(o, object) => {
                self.shared_apply(object, key, *op, right)
            }
            _ => false,
        }
    }

    /// The value of a local or process variable, borrowed (None for other expressions).
    #[inline]
    fn variable_ref(&self, e: &Expr) -> Option<&Value> {
        match e.kind {
            ExprKind::Local(s) => self.stack.get(self.base + s as usize),
            ExprKind::ProcessVar(i) => self.pvars.get(i as usize),
            _ => None,
        }
    }

    /// `$o.k op= x` (and the read-modify-write of [`Interp::shared_update`]): false, having
    /// changed nothing, unless `$o` is a local or process variable holding a plain shared object
    /// whose lock this process holds, with a property `k`, and `x` a literal or a variable.
    pub(super) fn shared_apply(&self, object: &Expr, key: &Key, op: BinOp, right: &Expr) -> bool {
        if matches!(op, BinOp::AndAnd | BinOp::OrOr) {
            return false;
        }
        let Some(Value::SharedObject(o)) = self.variable_ref(object) else { return false };
        let rhs = match &right.kind {
            ExprKind::Literal(v) => v,
            _ => match self.variable_ref(right) {
                Some(v) => v,
                None => return false,
            },
        };
        if o.root != shared::SharedRoot::Plain
            || o.class.get().is_some()
            || !o.group.get().held_by(self.process.number)
        {
            return false;
        }
        let mut props = o.props.write();
        let Some(cur) = props.get_mut(key.as_str()) else { return false };
        // Two numbers: the operator's own result, stored as is when it is a Real or a Boolean.
        let fast = match (&*cur, fast_num(rhs)) {
            (SharedValue::Real(a), Some(b)) => match ops::numeric(op, *a, b) {
                Some(Value::Real(x)) => Some(SharedValue::Real(x)),
                Some(Value::Bool(x)) => Some(SharedValue::Bool(x)),
                _ => None,
            },
            _ => None,
        };
        if let Some(sv) = fast {
            *cur = sv;
            return true;
        }
        let new = match ops::binary(op, shared_to_value(cur), rhs.clone()) {
            Ok(v) if !v.is_shared() && !v.is_undefined() => v,
            _ => return false,
        };
        match to_shared(&new, None, false) {
            Ok(sv) => {
                *cur = sv;
                true
            }
            Err(_) => false,
        }
    }

    /// `obj[index]`: a collection element, or a property by computed name.
    pub(super) fn get_index(&mut self, obj: &Value, idx: &Value, span: Span) -> Flow<Value> {
        match (obj, idx) {
            (Value::Collection(c), i) => {
                let i = self.index_number(i, span)?;
                match c.borrow().get(i) {
                    Some(v) => Ok(v.clone()),
                    None => Err(self.out_of_range(i, c.len(), span)),
                }
            }
            (Value::SharedCollection(c), i) => {
                let i = self.index_number(i, span)?;
                let items = c.items.read();
                match items.get(i) {
                    Some(v) => Ok(shared_to_value(v)),
                    None => {
                        let len = items.len();
                        drop(items);
                        Err(self.out_of_range(i, len, span))
                    }
                }
            }
            (o, Value::Text(name)) => self.get_member(o, &Key::intern(name), span),
            (Value::Undefined, _) => Ok(Value::Undefined),
            // `$blobObject[i]`: a byte of a 4D.Blob.
            (Value::Object(o), Value::Int(_) | Value::Real(_)) => {
                match crate::runtime::blob::object_bytes(o) {
                    Some(bytes) => {
                        crate::runtime::blob::byte_at(&bytes, idx.as_number().unwrap_or(-1.0))
                            .map_err(|e| e.at(self.current_file(), span).into())
                    }
                    None => Err(self.bad_index(obj, idx, span)),
                }
            }
            (o, i) => Err(self.bad_index(o, i, span)),
        }
    }

    fn out_of_range(&self, i: usize, len: usize, span: Span) -> Unwind {
        RtError::new(
            ErrorKind::IndexOutOfRange,
            format!("collection index {i} is out of range (the collection has {len} elements)"),
        )
        .at(self.current_file(), span)
        .into()
    }

    fn index_number(&self, i: &Value, span: Span) -> Flow<usize> {
        match i.as_number() {
            Some(n) if n >= 0.0 && n < crate::runtime::value::MAX_COLLECTION_LEN as f64 => {
                Ok(n as usize)
            }
            Some(n) => Err(RtError::new(
                ErrorKind::IndexOutOfRange,
                format!("collection index {n} is out of range"),
            )
            .at(self.current_file(), span)
            .into()),
            None => Err(RtError::type_mismatch(format!(
                "a collection index must be a number, not {}",
                i.kind_name()
            ))
            .at(self.current_file(), span)
            .into()),
        }
    }

    pub(super) fn set_index(&mut self, obj: &Value, idx: &Value, v: Value, span: Span) -> Flow<()> {
        match (obj, idx) {
            (Value::Collection(c), i) => {
                let i = self.index_number(i, span)?;
                c.set(i, if v.is_undefined() { Value::Null } else { v });
                Ok(())
            }
            (Value::SharedCollection(c), i) => {
                let i = self.index_number(i, span)?;
                let group = c.group();
                if !group.held_by(shared::current_process()) {
                    return Err(RtError::new(
                        ErrorKind::SharedNotLocked,
                        "cannot modify an element of a shared collection outside Use…End use",
                    )
                    .at(self.current_file(), span)
                    .into());
                }
                let sv = to_shared(&v, Some(&group), false)
                    .map_err(|e| Unwind::from(e.at(self.current_file(), span)))?;
                let mut items = c.items.write();
                if i >= items.len() {
                    items.resize(i + 1, SharedValue::Null);
                }
                items[i] = sv;
                Ok(())
            }
            (o, Value::Text(name)) => self.set_member(o, Key::intern(name), v, span),
            (o, i) => Err(self.bad_index(o, i, span)),
        }
    }

    /// `t[[i]]`: the i-th character (1-based).
    pub(super) fn char_at(&mut self, t: &Value, i: &Value, span: Span) -> Flow<Value> {
        let Value::Text(t) = t else {
            return Err(RtError::type_mismatch(format!(
                "[[…]] needs a text, not {}",
                t.kind_name()
            ))
            .at(self.current_file(), span)
            .into());
        };
        let n = i.as_number().unwrap_or(0.0);
        // (NaN too: not a position.)
        if n.is_nan() || n < 1.0 {
            return Ok(Value::empty_text());
        }
        Ok(match t.char_at(n as usize - 1) {
            Some(c) => Value::Text(crate::runtime::text_value::one_char(c)),
            None => Value::empty_text(),
        })
    }

    /// `t[[i]]:=c`: a copy of `t` with character i replaced (out of range: unchanged).
    pub(super) fn replace_char(
        &mut self,
        t: &Value,
        i: &Value,
        c: &Value,
        span: Span,
    ) -> Flow<Value> {
        let (Value::Text(t), Value::Text(c)) = (t, c) else {
            return Err(RtError::type_mismatch("[[…]]:= needs a text and a character")
                .at(self.current_file(), span)
                .into());
        };
        let n = i.as_number().unwrap_or(0.0);
        let mut chars: Vec<char> = t.chars().collect();
        if n >= 1.0 && (n as usize) <= chars.len() {
            if let Some(ch) = c.chars().next() {
                chars[n as usize - 1] = ch;
            }
        }
        Ok(Value::text(chars.into_iter().collect::<String>()))
    }

    /// Items of a collection (a snapshot for shared ones).
    pub(super) fn collection_items(&self, v: &Value) -> Vec<Value> {
        match v {
            Value::Collection(c) => c.to_vec(),
            Value::SharedCollection(c) => c.items.read().iter().map(shared_to_value).collect(),
            _ => Vec::new(),
        }
    }

    // ----- calls ----------------------------------------------------------------------------

    fn member_call(
        &mut self,
        obj: Value,
        key: &Key,
        coll_fn: Option<crate::commands::collections::MemberFn>,
        args: &[Expr],
        span: Span,
    ) -> Flow<Value> {
        let values = self.eval_all_pooled(args)?;
        // (The argument test first: it rules out `.push($object)` without comparing names.)
        if values.first().and_then(Value::as_number)
            == Some(crate::commands::objects::ck::CK_SHARED as f64)
            && key.as_str() == "copy"
            && matches!(obj, Value::Collection(_) | Value::SharedCollection(_))
        {
            let group = match values.get(1) {
                Some(Value::SharedObject(o)) => Some(o.group()),
                Some(Value::SharedCollection(c)) => Some(c.group()),
                _ => None,
            };
            return super::intrinsics::copy_shared(&obj, group, 0)
                .map_err(|e| e.at(self.current_file(), span).into());
        }
        match &obj {
            Value::Collection(c) => {
                let mut a = Args::new(values);
                a.call_span = span;
                let c = c.clone();
                let r = coll_fn.map(|f| f(self, &c, &mut a));
                self.give_arg_vec(std::mem::take(&mut a.values));
                match r {
                    Some(r) => r.map_err(|e| e.at(self.current_file(), span).into()),
                    None => Err(RtError::new(
                        ErrorKind::FunctionExpected,
                        format!("`{}` is not a function of collections", key.as_str()),
                    )
                    .at(self.current_file(), span)
                    .into()),
                }
            }
            Value::SharedCollection(c) => {
                let c = c.clone();
                self.shared_collection_call(&c, key.as_str(), values, span)
            }
            Value::Function(f) => match key.as_str() {
                "call" => {
                    let mut it = values.into_iter();
                    let this = it.next().unwrap_or_default();
                    let f = Value::Function(f.clone());
                    self.call_value(&f, this, it.collect(), span)
                }
                "apply" => {
                    let mut it = values.into_iter();
                    let this = it.next().unwrap_or_default();
                    let list = it.next().map(|c| self.collection_items(&c)).unwrap_or_default();
                    let f = Value::Function(f.clone());
                    self.call_value(&f, this, list, span)
                }
                other => Err(RtError::new(
                    ErrorKind::FunctionExpected,
                    format!("`{other}` is not a function of 4D.Function"),
                )
                .at(self.current_file(), span)
                .into()),
            },
            Value::Object(_) | Value::SharedObject(_) => {
                let f = self.get_member(&obj, key, span)?;
                match f {
                    Value::Function(_) => self.call_value(&f, obj.clone(), values, span),
                    Value::Undefined => Err(self.no_function_error(&obj, key, span)),
                    other => Err(RtError::new(
                        ErrorKind::FunctionExpected,
                        format!("`{}` is {}, not a function", key.as_str(), other.a_kind()),
                    )
                    .at(self.current_file(), span)
                    .into()),
                }
            }
            Value::Null => Err(RtError::new(
                ErrorKind::NullAccess,
                format!("cannot call `{}` on Null", key.as_str()),
            )
            .at(self.current_file(), span)
            .into()),
            other => Err(RtError::new(
                ErrorKind::FunctionExpected,
                format!("cannot call `{}` on {}", key.as_str(), other.a_kind()),
            )
            .at(self.current_file(), span)
            .into()),
        }
    }

    /// A collection function on a shared collection: mutating functions take the collection's
    /// lock themselves (an internal `Use`) and work on a copy that is written back.
    fn shared_collection_call(
        &mut self,
        c: &Arc<shared::SharedCollection>,
        name: &str,
        values: Vec<Value>,
        span: Span,
    ) -> Flow<Value> {
        let mutating = matches!(
            name,
            "push"
                | "pop"
                | "shift"
                | "unshift"
                | "insert"
                | "remove"
                | "combine"
                | "fill"
                | "resize"
                | "clear"
                | "sort"
                | "multiSort"
        );
        let group = c.group();
        let me = self.process.number;
        if mutating {
            self.lock_group(&group, span)?;
        }
        if name == "push" {
            // Appends in place (the general path below copies the whole collection).
            let r = self
                .shared_push(c, &group, &values)
                .map_err(|e| e.at(self.current_file(), span).into());
            group.unlock(me);
            return r.map(|()| Value::SharedCollection(c.clone()));
        }
        let items: Vec<Value> = c.items.read().iter().map(shared_to_value).collect();
        let temp = CollRef::from_vec(items);
        let mut a = Args::new(values);
        a.call_span = span;
        let r = crate::commands::collection_member(self, &temp, name, &mut a);
        let result = match r {
            None => Err(RtError::new(
                ErrorKind::FunctionExpected,
                format!("`{name}` is not a function of collections"),
            )),
            Some(Err(e)) => Err(e),
            Some(Ok(v)) => {
                if mutating {
                    let mut out = Vec::with_capacity(temp.len());
                    let mut failed = None;
                    for v in temp.to_vec() {
                        match to_shared(&v, Some(&group), false) {
                            Ok(sv) => out.push(sv),
                            Err(e) => {
                                failed = Some(e);
                                break;
                            }
                        }
                    }
                    match failed {
                        Some(e) => Err(e),
                        None => {
                            *c.items.write() = out;
                            // Chainable functions return the collection itself.
                            Ok(match v {
                                Value::Collection(r) if r.ptr_eq(&temp) => {
                                    Value::SharedCollection(c.clone())
                                }
                                v => v,
                            })
                        }
                    }
                } else {
                    Ok(v)
                }
            }
        };
        if mutating {
            group.unlock(me);
        }
        result.map_err(|e| e.at(self.current_file(), span).into())
    }

    /// `.push(v…)` on a shared collection whose lock this process holds: every value is
    /// converted first (so a refused value adds nothing), then all are appended.
    fn shared_push(
        &mut self,
        c: &Arc<shared::SharedCollection>,
        group: &Arc<Group>,
        values: &[Value],
    ) -> Result<(), RtError> {
        let mut converted = Vec::with_capacity(values.len());
        for v in values {
            converted.push(to_shared(v, Some(group), false)?);
        }
        let mut items = c.items.write();
        if items.len() + converted.len() > crate::runtime::value::MAX_COLLECTION_LEN {
            return Err(RtError::new(ErrorKind::LimitExceeded, "collection too large"));
        }
        items.extend(converted);
        Ok(())
    }

    /// Calls a `4D.Function`, or a project method named by a Text.
    pub(super) fn call_value(
        &mut self,
        f: &Value,
        this: Value,
        args: Vec<Value>,
        span: Span,
    ) -> Flow<Value> {
        match f {
            Value::Function(func) => {
                if let Some(native) = func.code.downcast_ref::<super::processes::NativeFunction>() {
                    return self.call_native(native, &this, args);
                }
                if func.code.is::<super::classes::ClassCode>() {
                    return self.call_class_code(func, this, args, span);
                }
                if let Some(shared) = func.code.downcast_ref::<shared::SharedCode>() {
                    let local = self.local_function(&shared.0);
                    return self.call_value(&local, this, args, span);
                }
                let Some(code) = func.code.clone().downcast::<FormulaInstance>().ok() else {
                    return Err(RtError::new(
                        ErrorKind::FunctionExpected,
                        "this function cannot be called here",
                    )
                    .into());
                };
                let method = code.code.method.clone();
                self.call_with(method, args, this, span, &code.captured)
            }
            Value::Text(name) => {
                let Some(id) = super::Names::method_id(self, name) else {
                    return Err(RtError::new(
                        ErrorKind::MethodNotFound,
                        format!("the method `{name}` was not found"),
                    )
                    .at(self.current_file(), span)
                    .into());
                };
                let code = self.method_code(id)?;
                self.call(code, args, this, span)
            }
            other => Err(RtError::new(
                ErrorKind::FunctionExpected,
                format!("a function was expected, not {}", other.kind_name()),
            )
            .at(self.current_file(), span)
            .into()),
        }
    }

    fn make_formula(&mut self, code: &Rc<FormulaCode>) -> Value {
        let captured = code
            .captures
            .iter()
            .map(|(outer, inner)| (*inner, self.stack[self.base + *outer as usize].clone()))
            .collect();
        let inst = FormulaInstance { code: code.clone(), captured };
        Value::Function(Rc::new(Function { source: code.source.clone(), code: Rc::new(inst) }))
    }

    // ----- interprocess variables and locks -------------------------------------------------

    /// An interprocess variable of the running code's module (a component's are its own).
    fn interprocess_key<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        match self.code_module() {
            0 => std::borrow::Cow::Borrowed(name),
            m => std::borrow::Cow::Owned(super::components::key(m, name)),
        }
    }

    pub(super) fn read_interprocess(&self, name: &str) -> Value {
        let key = self.interprocess_key(name);
        self.engine
            .interprocess
            .lock()
            .get(&*key)
            .cloned()
            .map(|v| v.into_value())
            .unwrap_or_default()
    }

    pub(super) fn write_interprocess(&mut self, name: &str, v: Value) {
        let sv = crate::runtime::process::SendValue::from_value(&v);
        let key = self.interprocess_key(name).into_owned();
        self.engine.interprocess.lock().insert(key, sv);
    }
}

impl Interp {
    /// The value of `e` when it is a local or a literal holding an Integer or a Real: read
    /// without evaluating (both have no side effects), so arithmetic on them skips `eval`.
    #[inline(always)]
    pub(super) fn peek_number(&self, e: &Expr) -> Option<Value> {
        match self.peek(e)? {
            Value::Real(r) => Some(Value::Real(*r)),
            Value::Int(i) => Some(Value::Int(*i)),
            _ => None,
        }
    }

    /// The value of `+`, `-` or `*` on two [`Interp::peek_f64`] operands, computed without
    /// evaluating anything (the result is a Real, as the operator's would be).
    #[inline(always)]
    pub(super) fn peek_arith(&self, e: &Expr) -> Option<f64> {
        match &e.kind {
            ExprKind::Binary { op, left, right } => {
                let (a, b) = (self.peek_f64(left)?, self.peek_f64(right)?);
                match op {
                    BinOp::Add => Some(a + b),
                    BinOp::Sub => Some(a - b),
                    BinOp::Mul => Some(a * b),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// [`Interp::peek_f64`], or else [`Interp::peek_arith`].
    #[inline(always)]
    pub(super) fn peek_num_or_arith(&self, e: &Expr) -> Option<f64> {
        match self.peek_f64(e) {
            Some(x) => Some(x),
            None => self.peek_arith(e),
        }
    }

    /// [`Interp::peek_number`] as an `f64`.
    #[inline(always)]
    pub(super) fn peek_f64(&self, e: &Expr) -> Option<f64> {
        fast_num(self.peek(e)?)
    }

    /// The value of a local or a literal, borrowed in place.
    #[inline(always)]
    fn peek<'a>(&'a self, e: &'a Expr) -> Option<&'a Value> {
        match &e.kind {
            ExprKind::Local(s) => self.stack.get(self.base + *s as usize),
            ExprKind::Literal(v) => Some(v),
            _ => None,
        }
    }
}

/// A number operand for the arithmetic fast path.
#[inline(always)]
fn fast_num(v: &Value) -> Option<f64> {
    match v {
        Value::Real(r) => Some(*r),
        Value::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// `Character code(t[[i]])`: the first UTF-16 unit of character `i` (1-based) of `t`, 0 past
/// either end (as `Character code` of the empty text `[[…]]` gives there).
#[inline]
fn text_code_at(t: &crate::runtime::value::Text, i: f64) -> i32 {
    if i.is_nan() || i < 1.0 {
        return 0;
    }
    match t.char_at(i as usize - 1) {
        Some(c) => {
            let mut units = [0u16; 2];
            c.encode_utf16(&mut units)[0] as i32
        }
        None => 0,
    }
}

/// A formula value: its code and the locals it captured when created.
pub(super) struct FormulaInstance {
    pub code: Rc<FormulaCode>,
    pub captured: Vec<(u32, Value)>,
}

/// An argument expression that can receive a command's out-parameter.
fn as_lvalue(e: &Expr) -> Option<&Expr> {
    match e.kind {
        ExprKind::Local(_)
        | ExprKind::ProcessVar(_)
        | ExprKind::Member { .. }
        | ExprKind::Interprocess(_)
        | ExprKind::Param(_)
        | ExprKind::Deref(_)
        | ExprKind::Element { .. } => Some(e),
        _ => None,
    }
}

/// What an existing property becomes when Undefined is assigned to it.
fn reset_for_undefined(cur: &Value) -> Value {
    match cur {
        Value::Bool(_) => Value::Bool(false),
        Value::Text(_) => Value::empty_text(),
        Value::Real(_) | Value::Int(_) => Value::Real(0.0),
        Value::Date(_) => Value::Date(crate::runtime::Date::NULL),
        Value::Time(_) => Value::Real(0.0),
        Value::Object(_)
        | Value::Collection(_)
        | Value::SharedObject(_)
        | Value::SharedCollection(_)
        | Value::Function(_)
        | Value::Array(_) => Value::Null,
        Value::Pointer(_) => Value::Pointer(crate::runtime::pointer::nil()),
        Value::Blob(_) => crate::runtime::blob::empty(),
        Value::Null | Value::Undefined => cur.clone(),
    }
}

/// Whether `a` and `b` name the same local or process variable.
fn same_variable(a: &Expr, b: &Expr) -> bool {
    match (&a.kind, &b.kind) {
        (ExprKind::Local(x), ExprKind::Local(y)) => x == y,
        (ExprKind::ProcessVar(x), ExprKind::ProcessVar(y)) => x == y,
        _ => false,
    }
}

fn reset_shared_for_undefined(cur: &SharedValue) -> SharedValue {
    match cur {
        SharedValue::Bool(_) => SharedValue::Bool(false),
        SharedValue::Text(_) => SharedValue::Text(Arc::from("")),
        SharedValue::Real(_) => SharedValue::Real(0.0),
        SharedValue::Date(_) => SharedValue::Date(crate::runtime::Date::NULL),
        SharedValue::Object(_) | SharedValue::Collection(_) | SharedValue::Function(_) => {
            SharedValue::Null
        }
        SharedValue::Null => SharedValue::Null,
    }
}

/// Converts a value for storage in a shared object or collection of `group`: only scalars, null
/// and shared values are allowed (-10721 otherwise); storing a shared value joins it to `group`
/// unless the container is `Storage`.
pub fn to_shared(
    v: &Value,
    group: Option<&Arc<Group>>,
    is_storage: bool,
) -> Result<SharedValue, RtError> {
    let join = |member: &shared::GroupCell| -> Result<(), RtError> {
        let Some(group) = group else { return Ok(()) };
        if is_storage {
            return Ok(());
        }
        member.join(group, shared::current_process()).map_err(|refused| match refused {
            shared::JoinRefused::OtherGroup => RtError::new(
                ErrorKind::SharedOtherGroup,
                "this shared object or collection already belongs to another shared group",
            ),
            shared::JoinRefused::InUse => RtError::new(
                ErrorKind::SharedOtherGroup,
                "this shared object or collection is in use by another process (Use) and cannot join a shared group now",
            ),
        })
    };
    Ok(match v {
        Value::Null | Value::Undefined => SharedValue::Null,
        Value::Bool(b) => SharedValue::Bool(*b),
        Value::Int(i) => SharedValue::Real(*i as f64),
        Value::Real(r) => SharedValue::Real(*r),
        Value::Time(t) => SharedValue::Real(*t as f64 * 1000.0),
        Value::Text(t) => SharedValue::Text(Arc::from(t.as_str())),
        Value::Date(d) => SharedValue::Date(*d),
        Value::SharedObject(o) => {
            if o.root == shared::SharedRoot::Storage {
                return Err(not_sharable("Storage"));
            }
            join(&o.group)?;
            SharedValue::Object(o.clone())
        }
        Value::SharedCollection(c) => {
            join(&c.group)?;
            SharedValue::Collection(c.clone())
        }
        Value::Object(_) => return Err(not_sharable("a non-shared object")),
        Value::Collection(_) => return Err(not_sharable("a non-shared collection")),
        Value::Function(f) => shared_function(f)?,
        Value::Pointer(_) => return Err(not_sharable("a pointer")),
        Value::Array(_) => return Err(not_sharable("an array")),
        Value::Blob(_) => return Err(not_sharable("a blob")),
    })
}

/// A function as a shared object keeps it: how another process makes it again.
fn shared_function(f: &Function) -> Result<SharedValue, RtError> {
    use crate::runtime::process::{SendValue, Sender};
    if let Some(shared) = f.code.downcast_ref::<shared::SharedCode>() {
        return Ok(SharedValue::Function(shared.0.clone()));
    }
    let code = super::transfer::ClassSender.function(f);
    if matches!(code, SendValue::Null) {
        return Err(not_sharable("a function"));
    }
    Ok(SharedValue::Function(Arc::new(shared::SharedFunction {
        source: Arc::from(&*f.source),
        code,
    })))
}

fn not_sharable(what: &str) -> RtError {
    RtError::new(
        ErrorKind::NotSharable,
        format!("Not supported value type in a shared object or shared collection: {what}"),
    )
}

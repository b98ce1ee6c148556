//! Statements: assignment, control flow, `Use`, `Try`, and what happens when one fails.

use super::convert;
use super::ops;
use super::processes::HeldLock;
use super::{Cause, Flow, Interp, Unwind};
use crate::resolve::ir::{Block, Expr, ExprKind, LValue, ResultKind, Stmt, StmtKind, VarType};
use crate::runtime::{ErrorKind, RtError, Value};
use crate::syntax::ast::{BinOp, LoopCond, Span};

/// Deepest nesting of `Try` blocks and expressions.
const MAX_TRY_DEPTH: u32 = 10_000;

impl Interp {
    /// Runs a block. A failing statement's error goes, in order, to the innermost `Try`, to the
    /// `ON ERR CALL` handler (execution then continues with the next statement), or up the call
    /// stack as an uncaught error.
    pub(super) fn exec_block(&mut self, block: &Block) -> Flow<()> {
        for stmt in block {
            self.cur_span = stmt.span;
            self.tick()?;
            if let Err(u) = self.exec(stmt) {
                // `return`, `break`… leave the block as they are; an error is looked at.
                if !u.is_error() {
                    return Err(u);
                }
                self.statement_failed(u, stmt.span)?;
            }
        }
        Ok(())
    }

    /// What follows a statement that unwound with `u` (see [`Interp::exec_block`]): `Ok` when
    /// an `ON ERR CALL` handler took the error (the block goes on), `Err` to leave the block.
    /// Kept out of line: the loop over statements stays small.
    #[inline(never)]
    fn statement_failed(&mut self, u: Unwind, span: Span) -> Flow<()> {
        match u.into_cause() {
            Cause::Error(e) => {
                if e.is_abort() {
                    return Err(Unwind::ABORT);
                }
                let e = self.locate(*e, span);
                if self.try_depth > 0 || self.in_error_handler {
                    return Err(e.into());
                }
                let module = self.code_module();
                if module != self.module_of_error(&e) {
                    // An error of another module's code that its handlers left: this
                    // module's handler is not called for it (develop-components.md).
                    return Err(e.into());
                }
                let handler = self.error_handler_for(module);
                match handler {
                    Some(handler) => self.run_error_handler(&handler, e),
                    None => {
                        self.record_error(&e);
                        Err(e.into())
                    }
                }
            }
            other => Err(other.into()),
        }
    }

    /// Calls the `ON ERR CALL` method for `e`; an error inside the handler is uncaught.
    fn run_error_handler(&mut self, handler: &str, e: RtError) -> Flow<()> {
        self.record_error(&e);
        let Some(id) = super::Names::method_id(self, handler) else {
            return Err(RtError::new(
                ErrorKind::MethodNotFound,
                format!("the error handler `{handler}` installed by ON ERR CALL was not found"),
            )
            .into());
        };
        let code = self.method_code(id)?;
        self.in_error_handler = true;
        let r = self.call(code, Vec::new(), Value::Undefined, Span::default());
        self.in_error_handler = false;
        match r {
            Ok(_) => Ok(()),
            Err(u) if u.is_return() => Ok(()),
            Err(other) => Err(other),
        }
    }

    /// Runs a loop body: `Ok(false)` when it ended with `break`.
    #[inline]
    fn loop_body(&mut self, body: &Block) -> Flow<bool> {
        match self.exec_block(body) {
            Ok(()) => Ok(true),
            Err(u) => u.loop_exit(),
        }
    }

    fn exec(&mut self, stmt: &Stmt) -> Flow<()> {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval(e)?;
                Ok(())
            }
            StmtKind::Assign { target: LValue::Local(slot), op: None, value } => {
                let v = self.eval(value)?;
                self.store_local(*slot, v, value.span)
            }
            StmtKind::Assign { target, op, value } => self.assign_stmt(target, *op, value),
            StmtKind::Accumulate { slot, parts } => self.accumulate(*slot, parts),
            StmtKind::If { cond, then, otherwise } => {
                if self.condition(cond)? {
                    self.exec_block(then)
                } else {
                    self.exec_block(otherwise)
                }
            }
            StmtKind::Case { branches, otherwise } => {
                for (cond, body) in branches {
                    if self.condition(cond)? {
                        return self.exec_block(body);
                    }
                }
                self.exec_block(otherwise)
            }
            StmtKind::While { cond, body } => {
                while self.condition(cond)? {
                    if !self.loop_body(body)? {
                        break;
                    }
                    self.tick()?;
                }
                Ok(())
            }
            StmtKind::Repeat { body, until } => loop {
                if !self.loop_body(body)? {
                    return Ok(());
                }
                self.tick()?;
                if self.condition(until)? {
                    return Ok(());
                }
            },
            StmtKind::For { var, start, end, step, body } => {
                self.exec_for(var, start, end, step.as_ref(), body)
            }
            StmtKind::ForEach { item, source, begin, end, cond, body } => {
                self.exec_for_each(item, source, begin.as_ref(), end.as_ref(), cond.as_ref(), body)
            }
            StmtKind::Use { target, body } => self.exec_use(target, body),
            StmtKind::Try { body, catch } => self.exec_try(body, catch),
            StmtKind::Break => Err(Unwind::BREAK),
            StmtKind::Continue => Err(Unwind::CONTINUE),
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    let v = self.eval(e)?;
                    // With a named result (`->$r`, or `$0`), `return expr` assigns it.
                    match self.frames.last().map(|f| f.method.result) {
                        Some(ResultKind::Slot(slot)) => self.store_local(slot, v, e.span)?,
                        _ => self.set_returned(v),
                    }
                }
                Err(Unwind::RETURN)
            }
            StmtKind::Declare(targets) => {
                for t in targets {
                    match t {
                        LValue::Local(s) => self.declare_local_at_run_time(*s),
                        LValue::ProcessVar(i) => {
                            // Declared again: keeps its value when it converts (4D creates a
                            // process variable once per process).
                            let i = *i as usize;
                            let ty = self.pvar_types[i];
                            let cur = std::mem::take(&mut self.pvars[i]);
                            self.pvars[i] = convert::coerce(ty, cur)
                                .unwrap_or_else(|_| convert::default_for(ty));
                        }
                        _ => {}
                    }
                }
                Ok(())
            }
            StmtKind::Invalid(msg) => Err(RtError::invalid(msg).into()),
        }
    }

    /// A condition of `If`, `Case of`, `While`, `Until`: Boolean, and Undefined counts as False.
    #[inline]
    pub(super) fn condition(&mut self, e: &Expr) -> Flow<bool> {
        // An ordering of two numbers held in locals or literals (`$i<$n`, `$n<2`): decided
        // in place, without evaluating the operands or building a Boolean.
        if let ExprKind::Binary { op, left, right } = &e.kind {
            if let (Some(a), Some(b)) = (self.peek_f64(left), self.peek_f64(right)) {
                match op {
                    BinOp::Lt => return Ok(a < b),
                    BinOp::Gt => return Ok(a > b),
                    BinOp::Le => return Ok(a <= b),
                    BinOp::Ge => return Ok(a >= b),
                    BinOp::Eq | BinOp::Ne => {
                        if let Some(Value::Bool(b)) = ops::numeric(*op, a, b) {
                            return Ok(b);
                        }
                    }
                    _ => {}
                }
            }
        }
        self.condition_other(e)
    }

    /// [`Interp::condition`] of anything but an ordering of two number locals or literals.
    #[inline(never)]
    fn condition_other(&mut self, e: &Expr) -> Flow<bool> {
        // A comparison of two numbers held in locals or literals (`$i=$n`): decided without
        // evaluating the operands.
        if let ExprKind::Binary { op, left, right } = &e.kind {
            if let (Some(a), Some(b)) = (self.peek_f64(left), self.peek_f64(right)) {
                if let Some(Value::Bool(b)) = ops::numeric(*op, a, b) {
                    return Ok(b);
                }
            }
        }
        match self.eval(e)? {
            Value::Bool(b) => Ok(b),
            Value::Undefined => Ok(false),
            v => Err(RtError::type_mismatch(format!(
                "a condition must be a Boolean, not {}",
                v.kind_name()
            ))
            .at(self.current_file(), e.span)
            .into()),
        }
    }

    /// `$x:=$x+a+b` / `$x+=a` on a local (see [`StmtKind::Accumulate`]): each part is
    /// evaluated and added to the variable in place, left to right as `(($x+a)+b)` would be —
    /// numbers directly, texts appended without copying when the text is held only here
    /// (linear text building). No part reads `$x` (the resolver checks), so the partial sums
    /// are invisible; if a part fails, the variable gets its first value back.
    fn accumulate(&mut self, slot: u32, parts: &[Expr]) -> Flow<()> {
        if let [part] = parts {
            // `$sum:=$sum+($i%7)` on a Real: the part's operands are number locals or literals,
            // so its value is computed and added in place (the operator's own result).
            if let ExprKind::Binary { op, left, right } = &part.kind {
                if let (Some(a), Some(b)) = (self.peek_f64(left), self.peek_f64(right)) {
                    if let Some(Value::Real(x)) = ops::numeric(*op, a, b) {
                        if let Value::Real(acc) = &mut self.stack[self.base + slot as usize] {
                            *acc += x;
                            return Ok(());
                        }
                    }
                }
            }
            if matches!(part.kind, ExprKind::StringOf { .. })
                && self.append_number_text(slot, part)?
            {
                return Ok(());
            }
            let r = self.eval(part)?;
            return self.accumulate_one(slot, r, part.span);
        }
        let idx = self.base + slot as usize;
        let saved = match &self.stack[idx] {
            Value::Text(t) => Saved::TextLen(t.len()),
            v => Saved::Value(v.clone()),
        };
        for part in parts {
            let outcome = match self.append_number_text(slot, part) {
                Ok(true) => Ok(()),
                Ok(false) => match self.eval(part) {
                    Ok(r) => self.accumulate_one(slot, r, part.span),
                    Err(u) => Err(u),
                },
                Err(u) => Err(u),
            };
            if let Err(u) = outcome {
                let idx = self.base + slot as usize;
                match (saved, &mut self.stack[idx]) {
                    (Saved::TextLen(n), Value::Text(t)) => t.truncate(n),
                    (Saved::Value(v), cell) => *cell = v,
                    _ => {}
                }
                return Err(u);
            }
        }
        Ok(())
    }

    /// `$t:=$t+String($n)…` with `$t` a text and `$n` a number local or literal: the digits are
    /// written straight onto the text (no temporary text). False when the part is not of that
    /// form (nothing was done).
    #[inline(never)]
    fn append_number_text(&mut self, slot: u32, part: &Expr) -> Flow<bool> {
        let ExprKind::StringOf { arg, .. } = &part.kind else { return Ok(false) };
        let Some(n) = self.peek_number(arg) else { return Ok(false) };
        let idx = self.base + slot as usize;
        let Value::Text(t) = &mut self.stack[idx] else { return Ok(false) };
        match n {
            Value::Int(i) => {
                ops::append_text(t, &[crate::runtime::format::IntText::new(i).as_str()])?
            }
            Value::Real(r) => ops::append_text(t, &[&crate::runtime::format::format_real(r)])?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Adds one evaluated part to local `slot` (see [`Interp::accumulate`]).
    #[inline]
    fn accumulate_one(&mut self, slot: u32, r: Value, span: Span) -> Flow<()> {
        let idx = self.base + slot as usize;
        // (The number arms forget `r`: an Int or Real owns nothing, so no drop glue runs.)
        match (&mut self.stack[idx], &r) {
            (Value::Real(a), Value::Real(b)) => {
                *a += *b;
                std::mem::forget(r);
                return Ok(());
            }
            (Value::Real(a), Value::Int(b)) => {
                *a += *b as f64;
                std::mem::forget(r);
                return Ok(());
            }
            (Value::Int(a), Value::Int(b)) => {
                *a = convert::real_to_longint(*a as f64 + *b as f64);
                std::mem::forget(r);
                return Ok(());
            }
            // `$count:=$count+1` on an Integer: the literal is a Real; the sum is stored back
            // converted, as the general path's `store_local` would.
            (Value::Int(a), Value::Real(b))
                if self.frames.last().map(|f| f.method.slot_types[slot as usize])
                    == Some(VarType::Integer) =>
            {
                *a = convert::real_to_longint(*a as f64 + *b);
                std::mem::forget(r);
                return Ok(());
            }
            (Value::Text(t), Value::Text(b)) => {
                return ops::append_text(t, &[b]).map_err(Unwind::from);
            }
            _ => {}
        }
        let acc = self.stack[idx].clone();
        let v = ops::binary(BinOp::Add, acc, r).map_err(|e| e.at(self.current_file(), span))?;
        self.store_local(slot, v, span)
    }

    fn assign_stmt(&mut self, target: &LValue, op: Option<BinOp>, value: &Expr) -> Flow<()> {
        match op {
            None => {
                if let LValue::Member { object, key } = target {
                    if self.shared_update(object, key, value) {
                        return Ok(());
                    }
                }
                let v = self.eval(value)?;
                self.assign(target, v, value.span)
            }
            Some(op) => self.compound_assign(target, op, value),
        }
    }

    /// `target op= value`, evaluating the target's object and index once.
    fn compound_assign(&mut self, target: &LValue, op: BinOp, value: &Expr) -> Flow<()> {
        match target {
            LValue::Member { object, key } => {
                if self.shared_apply(object, key, op, value) {
                    return Ok(());
                }
                let obj = self.eval(object)?;
                let cur = self.get_member(&obj, key, object.span)?;
                let r = self.eval(value)?;
                let v =
                    ops::binary(op, cur, r).map_err(|e| e.at(self.current_file(), value.span))?;
                self.set_member(&obj, key.clone(), v, object.span)
            }
            LValue::Index { object, index } => {
                let obj = self.eval(object)?;
                let idx = self.eval(index)?;
                let cur = self.get_index(&obj, &idx, index.span)?;
                let r = self.eval(value)?;
                let v =
                    ops::binary(op, cur, r).map_err(|e| e.at(self.current_file(), value.span))?;
                self.set_index(&obj, &idx, v, index.span)
            }
            _ => {
                let cur = self.read_lvalue(target)?;
                let r = self.eval(value)?;
                let v =
                    ops::binary(op, cur, r).map_err(|e| e.at(self.current_file(), value.span))?;
                self.assign(target, v, value.span)
            }
        }
    }

    pub(super) fn read_lvalue(&mut self, target: &LValue) -> Flow<Value> {
        Ok(match target {
            LValue::Local(s) => self.stack[self.base + *s as usize].clone(),
            LValue::ProcessVar(i) => self.pvars[*i as usize].clone(),
            LValue::Interprocess(name) => self.read_interprocess(name),
            LValue::Param(n) => {
                let n = self.eval(n)?;
                self.param_value(&n)?
            }
            LValue::Member { object, key } => {
                let obj = self.eval(object)?;
                self.get_member(&obj, key, object.span)?
            }
            LValue::Index { object, index } => {
                let obj = self.eval(object)?;
                let idx = self.eval(index)?;
                self.get_index(&obj, &idx, index.span)?
            }
            LValue::CharIndex { target, index } => {
                let t = self.read_lvalue(target)?;
                let i = self.eval(index)?;
                self.char_at(&t, &i, index.span)?
            }
            LValue::Deref(p) => {
                let pv = self.eval(p)?;
                self.deref_value(&pv, p.span)?
            }
            LValue::Element { array, index } => {
                let a = self.eval(array)?;
                let i = self.eval(index)?;
                self.element_get(&a, &i, index.span)?
            }
        })
    }

    /// Stores `v` into a local slot, converting it to the slot's declared type.
    #[inline]
    pub(super) fn store_local(&mut self, slot: u32, v: Value, span: Span) -> Flow<()> {
        let ty = match self.frames.last() {
            Some(f) => f.method.slot_types[slot as usize],
            None => return Ok(()),
        };
        match convert::coerce(ty, v) {
            Ok(v) => {
                self.stack[self.base + slot as usize] = v;
                Ok(())
            }
            Err(v) => {
                let name = self
                    .frames
                    .last()
                    .map(|f| f.method.slot_names[slot as usize].clone())
                    .unwrap_or_default();
                Err(RtError::type_mismatch(format!(
                    "cannot assign {} to ${name}, which is declared {}",
                    v.a_kind(),
                    ty.name()
                ))
                .at(self.current_file(), span)
                .into())
            }
        }
    }

    pub(super) fn assign(&mut self, target: &LValue, v: Value, span: Span) -> Flow<()> {
        match target {
            LValue::Local(s) => self.store_local(*s, v, span),
            LValue::ProcessVar(i) => {
                let ty = self.pvar_types[*i as usize];
                match convert::coerce(ty, v) {
                    Ok(v) => {
                        self.pvars[*i as usize] = v;
                        Ok(())
                    }
                    Err(v) => Err(RtError::type_mismatch(format!(
                        "cannot assign {} to a variable declared {}",
                        v.a_kind(),
                        ty.name()
                    ))
                    .at(self.current_file(), span)
                    .into()),
                }
            }
            LValue::Interprocess(name) => {
                self.write_interprocess(name, v);
                Ok(())
            }
            LValue::Param(n) => {
                let n = self.eval(n)?;
                self.set_param(&n, v, span)
            }
            LValue::Member { object, key } => {
                let obj = self.eval(object)?;
                self.set_member(&obj, key.clone(), v, object.span)
            }
            LValue::Index { object, index } => {
                let obj = self.eval(object)?;
                let idx = self.eval(index)?;
                self.set_index(&obj, &idx, v, index.span)
            }
            LValue::CharIndex { target, index } => {
                let t = self.read_lvalue(target)?;
                let i = self.eval(index)?;
                let new = self.replace_char(&t, &i, &v, index.span)?;
                self.assign(target, new, span)
            }
            LValue::Deref(p) => {
                let pv = self.eval(p)?;
                match pv {
                    Value::Pointer(ptr) => self.assign_through(&ptr, v, p.span),
                    other => self.deref_value(&other, p.span).map(|_| ()),
                }
            }
            LValue::Element { array, index } => self.assign_element(array, index, v, index.span),
        }
    }

    fn exec_for(
        &mut self,
        var: &LValue,
        start: &Expr,
        end: &Expr,
        step: Option<&Expr>,
        body: &Block,
    ) -> Flow<()> {
        let start = self.eval_number(start)?;
        let end = self.eval_number(end)?;
        let step = match step {
            Some(s) => self.eval_number(s)?,
            None => 1.0,
        };
        self.assign(var, Value::Real(start), Span::default())?;
        if step == 0.0 {
            return Ok(());
        }
        if let LValue::Local(slot) = var {
            return self.exec_for_local(*slot, end, step, body);
        }
        loop {
            let cur = counter_value(&self.read_lvalue(var)?)?;
            if past_end(cur, end, step) {
                return Ok(());
            }
            if !self.loop_body(body)? {
                return Ok(());
            }
            self.tick()?;
            let next = match self.read_lvalue(var)? {
                Value::Int(i) => i as f64 + step,
                Value::Real(r) => r + step,
                _ => return Ok(()),
            };
            self.assign(var, Value::Real(next), Span::default())?;
        }
    }

    /// `For` on a local counter: same steps as the general loop, reading and writing the slot
    /// directly (the body may still change the counter).
    fn exec_for_local(&mut self, slot: u32, end: f64, step: f64, body: &Block) -> Flow<()> {
        let ty = self.frames.last().map(|f| f.method.slot_types[slot as usize]);
        loop {
            let idx = self.base + slot as usize;
            let cur = counter_value(&self.stack[idx])?;
            if past_end(cur, end, step) {
                return Ok(());
            }
            if !self.loop_body(body)? {
                return Ok(());
            }
            self.tick()?;
            let idx = self.base + slot as usize;
            match (&mut self.stack[idx], ty) {
                (Value::Int(i), Some(VarType::Integer)) => {
                    *i = convert::real_to_longint(*i as f64 + step);
                }
                (Value::Real(r), Some(VarType::Real | VarType::Variant)) => *r += step,
                (Value::Int(i), _) => {
                    let next = *i as f64 + step;
                    self.store_local(slot, Value::Real(next), Span::default())?;
                }
                (Value::Real(r), _) => {
                    let next = *r + step;
                    self.store_local(slot, Value::Real(next), Span::default())?;
                }
                _ => return Ok(()),
            }
        }
    }

    fn eval_number(&mut self, e: &Expr) -> Flow<f64> {
        match self.eval(e)? {
            Value::Int(i) => Ok(i as f64),
            Value::Real(r) => Ok(r),
            Value::Time(t) => Ok(t as f64),
            v => {
                Err(RtError::type_mismatch(format!("a number was expected, not {}", v.kind_name()))
                    .at(self.current_file(), e.span)
                    .into())
            }
        }
    }

    fn exec_for_each(
        &mut self,
        item: &LValue,
        source: &Expr,
        begin: Option<&Expr>,
        end: Option<&Expr>,
        cond: Option<&(LoopCond, Expr)>,
        body: &Block,
    ) -> Flow<()> {
        let src = self.eval(source)?;
        // Objects: property names in creation order; begin/end are ignored.
        let items: Vec<Value> = match &src {
            Value::Object(o) => o.keys().into_iter().map(|k| Value::text(k.as_str())).collect(),
            Value::SharedObject(o) => o.props.read().keys().map(|k| Value::text(&**k)).collect(),
            Value::Collection(_) | Value::SharedCollection(_) => {
                let mut all = self.collection_items(&src);
                let len = all.len() as i64;
                let b = match begin {
                    Some(e) => self.eval_number(e)? as i64,
                    None => 0,
                };
                let e = match end {
                    Some(e) => self.eval_number(e)? as i64,
                    None => len,
                };
                let b = if b < 0 { (b + len).max(0) } else { b.min(len) };
                let e = if e < 0 { (e + len).max(0) } else { e.min(len) };
                if b >= e {
                    Vec::new()
                } else {
                    // The snapshot is cut in place: no second copy of the items.
                    all.truncate(e as usize);
                    all.drain(..b as usize);
                    all
                }
            }
            Value::Undefined | Value::Null => Vec::new(),
            v => {
                return Err(RtError::type_mismatch(format!(
                    "For each expects a collection or an object, not {}",
                    v.kind_name()
                ))
                .at(self.current_file(), source.span)
                .into())
            }
        };
        for it in items {
            if let Some((LoopCond::While, c)) = cond {
                if !self.condition(c)? {
                    break;
                }
            }
            self.assign(item, it, source.span)?;
            if !self.loop_body(body)? {
                break;
            }
            self.tick()?;
            if let Some((LoopCond::Until, c)) = cond {
                if self.condition(c)? {
                    break;
                }
            }
        }
        Ok(())
    }

    fn exec_try(&mut self, body: &Block, catch: &Block) -> Flow<()> {
        if self.try_depth >= MAX_TRY_DEPTH {
            return Err(RtError::new(ErrorKind::StackFull, "too many nested Try").into());
        }
        self.try_depth += 1;
        let r = self.exec_block(body);
        self.try_depth -= 1;
        match r {
            Err(u) => match u.into_cause() {
                Cause::Error(e) => {
                    self.record_error(&e);
                    self.exec_block(catch)
                }
                other => Err(other.into()),
            },
            ok => ok,
        }
    }

    /// `Try(expr)`: the value of `expr`, or Undefined if it failed.
    pub(super) fn eval_try(&mut self, e: &Expr) -> Flow<Value> {
        if self.try_depth >= MAX_TRY_DEPTH {
            return Err(RtError::new(ErrorKind::StackFull, "too many nested Try").into());
        }
        self.try_depth += 1;
        let r = self.eval(e);
        self.try_depth -= 1;
        match r {
            Err(u) if u.as_error().is_some_and(|err| !err.is_abort()) => match u.into_cause() {
                Cause::Error(err) => {
                    let err = self.locate(*err, e.span);
                    self.record_error(&err);
                    Ok(Value::Undefined)
                }
                other => Err(other.into()),
            },
            other => other,
        }
    }

    fn exec_use(&mut self, target: &Expr, body: &Block) -> Flow<()> {
        let held = match self.eval(target)? {
            Value::SharedObject(o) => {
                let joined = o.group.current().0;
                HeldLock::Object(o, joined)
            }
            Value::SharedCollection(c) => {
                let joined = c.group.current().0;
                HeldLock::Collection(c, joined)
            }
            other => {
                return Err(RtError::new(
                    ErrorKind::UseNotShared,
                    format!(
                        "Use needs a shared object or shared collection, not {}",
                        describe(&other)
                    ),
                )
                .at(self.current_file(), target.span)
                .into())
            }
        };
        if !held.try_lock(self.process.number) {
            self.lock_group(&held, target.span)?;
        }
        self.held.push(held);
        let r = self.exec_block(body);
        // The innermost held group is this block's (inner blocks pop theirs on the way out).
        if let Some(group) = self.held.pop() {
            group.unlock(self.process.number);
        }
        r
    }
}

/// What [`Interp::accumulate`] puts back when a part fails.
enum Saved {
    TextLen(usize),
    Value(Value),
}

impl Interp {
    /// `var`/`C_…` on a local at run time: a parameter that received an argument keeps it,
    /// converted to the declared type (an argument that does not convert gives the type's
    /// empty value, as the docs say of `C_` declarations); any other local is reset.
    fn declare_local_at_run_time(&mut self, slot: u32) {
        let Some(f) = self.frames.last() else { return };
        let ty = f.method.slot_types[slot as usize];
        let received = f.method.params.iter().take(f.argc).any(|p| p.slot == slot);
        let idx = self.base + slot as usize;
        if received {
            let cur = std::mem::take(&mut self.stack[idx]);
            self.stack[idx] = match cur {
                v @ Value::Array(_) => v,
                v => convert::coerce(ty, v).unwrap_or_else(|_| convert::default_for(ty)),
            };
        } else {
            self.stack[idx] = convert::default_for(ty);
        }
    }
}

/// The value of a `For` counter as a number.
#[inline(always)]
fn counter_value(v: &Value) -> Flow<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Real(r) => Ok(*r),
        v => Err(not_a_counter(v)),
    }
}

#[cold]
fn not_a_counter(v: &Value) -> Unwind {
    RtError::type_mismatch(format!("a For counter must be a number, not {}", v.kind_name())).into()
}

/// Whether a `For` counter has gone past its end value.
#[inline]
fn past_end(cur: f64, end: f64, step: f64) -> bool {
    (step > 0.0 && cur > end) || (step < 0.0 && cur < end)
}

fn describe(v: &Value) -> String {
    match v {
        Value::Object(_) => "a non-shared object".to_string(),
        Value::Collection(_) => "a non-shared collection".to_string(),
        Value::Null => "Null".to_string(),
        v => v.a_kind(),
    }
}

impl Interp {
    /// The one `ON ERR CALL` method called for an error in module `module`'s code: its local
    /// handler, else its global one; for a component's error that neither catches, the host's
    /// `ek errors from components` handler (error-handling.md, develop-components.md).
    /// The module whose code raised `e` (0 when the project has no components).
    fn module_of_error(&self, e: &RtError) -> u32 {
        match &e.location {
            Some(l) if self.engine.project.has_components() => {
                self.engine.project.module_of(l.file)
            }
            _ => 0,
        }
    }

    pub(super) fn error_handler_for(&self, module: u32) -> Option<String> {
        if let Some(h) = self.error_handler.get(&module) {
            return Some(h.clone());
        }
        if module == 0 {
            return self.engine.error_handlers.lock()[0].clone();
        }
        if let Some(h) = self.engine.component_error_handlers.lock().get(&module) {
            return Some(h.clone());
        }
        self.engine.error_handlers.lock()[1].clone()
    }
}

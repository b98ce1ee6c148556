//! Methods that only compute with numbers, run over `f64` slots instead of `Value`s.
//!
//! A project method whose parameters, locals and result are all Integer or Real, and whose body
//! only does arithmetic, number comparisons, `If`/`Case of`/`While`/`Repeat`, assignments to its
//! own locals, `return` and calls to other such methods, is compiled once (at its first call)
//! into [`NumFn`]: a tree of [`NStmt`]/[`NExpr`] nodes over `f64` slots. A call of it pushes no
//! frame, builds no `Value` and drops nothing: the arguments are computed into the callee's
//! slots and its body runs.
//!
//! It computes what the general path computes: numbers are `f64` while an expression is
//! computed (`ops::numeric`), an Integer slot holds what `real_to_longint` makes of what is
//! stored, a `return` into an Integer result is converted the same way, and every statement
//! counts a step. What it cannot do the same way, it does not do: at the call-depth limit, at
//! the stack guard, at a step or time limit that fails, or on a callee that is not compiled, it
//! *bails out*. The outermost compiled call is then run again by the general path from its
//! arguments, with compiled calls off until it returns. That is exact because such a method has
//! no effect but its result and its step count, and the steps it took are given back first: the
//! general path then raises 4D's own error (stack full, `--max-steps`…) with its call chain.

use std::rc::Rc;

use super::convert::real_to_longint;
use super::ops;
use super::{Flow, Interp};
use crate::resolve::ir::{Block, Expr, ExprKind, LValue, Method, ResultKind, StmtKind, VarType};
use crate::runtime::Value;
use crate::syntax::ast::{BinOp, Span};

/// The most parameters a compiled method takes (their values are kept for a bail-out).
const MAX_PARAMS: usize = 8;

/// How many times a method whose callees are not resolved yet is tried again.
const RETRIES: u8 = 3;

/// Bail-outs after which a method is no longer run compiled (each costs a second run).
const MAX_BAILS: u16 = 16;

/// Where a method stands with respect to compilation (kept in its method-table entry).
#[derive(Default)]
pub(super) enum NumState {
    /// Not tried yet, or tried while a callee was not resolved (tries left).
    #[default]
    Untried,
    Retry(u8),
    /// Being compiled (a recursive call to it is accepted).
    InProgress,
    Ready(Rc<NumFn>),
    /// Not compilable (or bailed out too often).
    No,
}

/// A compiled method.
pub(super) struct NumFn {
    slots: usize,
    /// Whether parameter i is slot i, for each parameter.
    in_order: bool,
    /// (slot, holds an Integer) of each parameter, in order.
    params: Box<[(u32, bool)]>,
    result: NResult,
    body: Box<[NStmt]>,
    bails: std::cell::Cell<u16>,
}

impl NumFn {
    /// Whether a call with `argc` arguments can run compiled (extra arguments cannot).
    #[inline]
    pub(super) fn takes(&self, argc: usize) -> bool {
        argc <= self.params.len()
    }
}

#[derive(Clone, Copy)]
enum NResult {
    /// `: Integer` / `: Real`: the value of `return expr` (0 without one).
    Returned { int: bool },
    /// `-> $r`: the slot's value at the end.
    Slot { slot: u32, int: bool },
}

enum NExpr {
    Const(f64),
    Slot(u32),
    Add(Box<(NExpr, NExpr)>),
    Sub(Box<(NExpr, NExpr)>),
    Mul(Box<(NExpr, NExpr)>),
    /// Any other arithmetic operator (its value is a Real, as `ops::numeric` gives it).
    Op(BinOp, Box<(NExpr, NExpr)>),
    Neg(Box<NExpr>),
    /// A one-argument math command (`Abs`, `Int`…) on a number.
    Math(fn(f64) -> f64, Box<NExpr>),
    /// A call of a compiled method: its method-table id.
    Call {
        id: u32,
        args: Box<[NExpr]>,
    },
    /// `return expr` in a `-> $r` method: stores into the result slot (its value is unused).
    Store {
        slot: u32,
        int: bool,
        value: Box<NExpr>,
    },
}

struct NCond {
    op: BinOp,
    left: NExpr,
    right: NExpr,
}

enum NStmt {
    Eval(NExpr),
    Store {
        slot: u32,
        int: bool,
        value: NExpr,
    },
    /// `$x:=$x+a+b` (`StmtKind::Accumulate`): each part added and stored in turn.
    Accumulate {
        slot: u32,
        int: bool,
        parts: Box<[NExpr]>,
    },
    If {
        cond: NCond,
        then: Box<[NStmt]>,
        otherwise: Box<[NStmt]>,
    },
    Case {
        branches: Box<[(NCond, Box<[NStmt]>)]>,
        otherwise: Box<[NStmt]>,
    },
    While {
        cond: NCond,
        body: Box<[NStmt]>,
    },
    Repeat {
        body: Box<[NStmt]>,
        until: NCond,
    },
    Return(Option<NExpr>),
    /// `var $x : Integer` on locals that are not parameters: back to 0.
    Reset(Box<[u32]>),
}

/// Why a method was not compiled.
enum Why {
    /// Something it does has no compiled form.
    No,
    /// A method it calls is not resolved yet: try again at a later call.
    Later,
}

/// A compiled run had to stop (see the module's documentation).
struct Bail;

type Run<T> = Result<T, Bail>;

/// The value stored into a slot (or returned) of type Integer (`int`) or Real.
#[inline(always)]
fn conv(int: bool, x: f64) -> f64 {
    if int {
        real_to_longint(x) as f64
    } else {
        x
    }
}

impl Interp {
    /// The compiled form of method `id` if it has one (compiling it on its first call).
    #[inline]
    pub(super) fn numeric_fn(&mut self, id: u32) -> Option<Rc<NumFn>> {
        match &self.methods.get(id as usize)?.num {
            NumState::Ready(f) if self.numeric_off == 0 => Some(f.clone()),
            NumState::Untried | NumState::Retry(_) if self.numeric_off == 0 => {
                self.try_compile_numeric(id)
            }
            _ => None,
        }
    }

    #[inline(never)]
    fn try_compile_numeric(&mut self, id: u32) -> Option<Rc<NumFn>> {
        let mut made = Vec::new();
        match self.compile_numeric(id, &mut made) {
            Ok(f) => Some(f),
            Err(_) => {
                // What was compiled on the assumption that `id` would be: compiled again at
                // its own next call.
                for m in made {
                    if let Some(slot) = self.methods.get_mut(m as usize) {
                        slot.num = NumState::Retry(1);
                    }
                }
                None
            }
        }
    }

    fn compile_numeric(&mut self, id: u32, made: &mut Vec<u32>) -> Result<Rc<NumFn>, Why> {
        let Some(slot) = self.methods.get_mut(id as usize) else { return Err(Why::No) };
        let tries = match slot.num {
            NumState::Untried => RETRIES,
            NumState::Retry(n) => n,
            _ => return Err(Why::No),
        };
        let Some(code) = slot.code.clone() else { return Err(Why::Later) };
        slot.num = NumState::InProgress;
        let outcome = self.compile_method(&code, made);
        let slot = &mut self.methods[id as usize];
        match outcome {
            Ok(f) => {
                let f = Rc::new(f);
                slot.num = NumState::Ready(f.clone());
                made.push(id);
                Ok(f)
            }
            Err(Why::Later) if tries > 1 => {
                slot.num = NumState::Retry(tries - 1);
                Err(Why::Later)
            }
            Err(why) => {
                slot.num = NumState::No;
                Err(why)
            }
        }
    }

    fn compile_method(&mut self, code: &Method, made: &mut Vec<u32>) -> Result<NumFn, Why> {
        if code.variadic.is_some() || code.generic.is_some() || code.params.len() > MAX_PARAMS {
            return Err(Why::No);
        }
        let int_slot = |ty: VarType| match ty {
            VarType::Integer => Ok(true),
            VarType::Real => Ok(false),
            _ => Err(Why::No),
        };
        let ints = code.slot_types.iter().map(|&t| int_slot(t)).collect::<Result<Vec<_>, _>>()?;
        let result = match code.result {
            ResultKind::Returned(ty) => NResult::Returned { int: int_slot(ty)? },
            ResultKind::Slot(s) => {
                NResult::Slot { slot: s, int: *ints.get(s as usize).ok_or(Why::No)? }
            }
            ResultKind::None => return Err(Why::No),
        };
        let params = code
            .params
            .iter()
            .map(|p| Ok((p.slot, *ints.get(p.slot as usize).ok_or(Why::No)?)))
            .collect::<Result<Vec<_>, Why>>()?;
        let result_slot = match result {
            NResult::Slot { slot, int } => Some((slot, int)),
            NResult::Returned { .. } => None,
        };
        let mut c = Compiler { interp: self, ints: &ints, params: &params, result_slot, made };
        let body = c.block(&code.body)?;
        Ok(NumFn {
            slots: ints.len(),
            in_order: params.iter().enumerate().all(|(i, p)| p.0 as usize == i),
            params: params.into_boxed_slice(),
            result,
            body,
            bails: std::cell::Cell::new(0),
        })
    }

    /// Calls compiled method `f` (table id `id`) from the general path: the arguments are
    /// evaluated there, in order, then the body runs over `f64` slots. A bail-out runs the
    /// call again through the general path (see the module's documentation).
    pub(super) fn call_numeric(
        &mut self,
        f: Rc<NumFn>,
        code: Rc<Method>,
        args: &[Expr],
        span: Span,
    ) -> Flow<Value> {
        let mark = self.num_stack.len();
        self.num_stack.resize(mark + f.slots, 0.0);
        let mut given = [0.0f64; MAX_PARAMS];
        for (i, a) in args.iter().enumerate() {
            let x = match self.peek_f64(a) {
                Some(x) => x,
                None => match self.eval(a) {
                    Ok(Value::Int(n)) => n as f64,
                    Ok(Value::Real(r)) => r,
                    Ok(other) => {
                        // Not a number: the general call from here (its conversion or error),
                        // with the arguments already evaluated.
                        self.num_stack.truncate(mark);
                        let mut values = given_values(&f, &given[..i]);
                        values.push(other);
                        values.extend(self.eval_all(&args[i + 1..])?);
                        return self.call(code, values, Value::Undefined, span);
                    }
                    Err(u) => {
                        self.num_stack.truncate(mark);
                        return Err(u);
                    }
                },
            };
            let (slot, int) = f.params[i];
            given[i] = conv(int, x);
            self.num_stack[mark + slot as usize] = given[i];
        }
        let steps = self.steps;
        let outcome = self.num_invoke(&f, mark, 0);
        self.num_stack.truncate(mark);
        match outcome {
            Ok(x) => Ok(match f.result {
                NResult::Returned { int: true } | NResult::Slot { int: true, .. } => {
                    Value::Int(x as i32)
                }
                _ => Value::Real(x),
            }),
            Err(Bail) => {
                self.steps = steps;
                let n = f.bails.get() + 1;
                f.bails.set(n);
                if n >= MAX_BAILS {
                    // Bails out every time (e.g. recursion near the depth limit): no longer
                    // worth a second run.
                    for slot in &mut self.methods {
                        if matches!(&slot.num, NumState::Ready(g) if Rc::ptr_eq(g, &f)) {
                            slot.num = NumState::No;
                        }
                    }
                }
                let values = given_values(&f, &given[..args.len()]);
                self.numeric_off += 1;
                let r = self.call(code, values, Value::Undefined, span);
                self.numeric_off -= 1;
                r
            }
        }
    }

    /// Runs `f`'s body on the slots at `base`, `depth` compiled calls deep.
    #[inline(always)]
    fn num_invoke(&mut self, f: &NumFn, base: usize, depth: usize) -> Run<f64> {
        if self.frames.len() + depth >= self.max_depth
            || crate::runtime::guard::stack_exhausted_below(self.stack_limit)
        {
            return Err(Bail);
        }
        let mut ret = 0.0;
        self.num_block(&f.body, base, depth + 1, &mut ret)?;
        Ok(match f.result {
            NResult::Returned { int } => conv(int, ret),
            NResult::Slot { slot, .. } => self.num_stack[base + slot as usize],
        })
    }

    /// Runs `block`: `Ok(true)` when a `return` ended it.
    fn num_block(
        &mut self,
        block: &[NStmt],
        base: usize,
        depth: usize,
        ret: &mut f64,
    ) -> Run<bool> {
        for s in block {
            if self.tick().is_err() {
                return Err(Bail);
            }
            if self.num_stmt(s, base, depth, ret)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn num_stmt(&mut self, s: &NStmt, base: usize, depth: usize, ret: &mut f64) -> Run<bool> {
        match s {
            NStmt::If { cond, then, otherwise } => {
                let block = if self.num_cond(cond, base, depth)? { then } else { otherwise };
                if let [only] = &block[..] {
                    // A one-statement branch (`return $n`): run without a block call.
                    if self.tick().is_err() {
                        return Err(Bail);
                    }
                    return self.num_stmt(only, base, depth, ret);
                }
                self.num_block(block, base, depth, ret)
            }
            NStmt::Return(e) => {
                if let Some(e) = e {
                    *ret = self.num_eval(e, base, depth)?;
                }
                Ok(true)
            }
            NStmt::Store { slot, int, value } => {
                let x = self.num_eval(value, base, depth)?;
                self.num_stack[base + *slot as usize] = conv(*int, x);
                Ok(false)
            }
            NStmt::Eval(e) => {
                self.num_eval(e, base, depth)?;
                Ok(false)
            }
            NStmt::Accumulate { slot, int, parts } => {
                for p in parts.iter() {
                    let x = self.num_eval(p, base, depth)?;
                    let cell = &mut self.num_stack[base + *slot as usize];
                    *cell = conv(*int, *cell + x);
                }
                Ok(false)
            }
            NStmt::Case { branches, otherwise } => {
                for (cond, body) in branches.iter() {
                    if self.num_cond(cond, base, depth)? {
                        return self.num_block(body, base, depth, ret);
                    }
                }
                self.num_block(otherwise, base, depth, ret)
            }
            NStmt::While { cond, body } => {
                while self.num_cond(cond, base, depth)? {
                    if self.num_block(body, base, depth, ret)? {
                        return Ok(true);
                    }
                    if self.tick().is_err() {
                        return Err(Bail);
                    }
                }
                Ok(false)
            }
            NStmt::Repeat { body, until } => loop {
                if self.num_block(body, base, depth, ret)? {
                    return Ok(true);
                }
                if self.tick().is_err() {
                    return Err(Bail);
                }
                if self.num_cond(until, base, depth)? {
                    return Ok(false);
                }
            },
            NStmt::Reset(slots) => {
                for slot in slots.iter() {
                    self.num_stack[base + *slot as usize] = 0.0;
                }
                Ok(false)
            }
        }
    }

    #[inline(always)]
    fn num_cond(&mut self, c: &NCond, base: usize, depth: usize) -> Run<bool> {
        let a = self.num_eval(&c.left, base, depth)?;
        let b = self.num_eval(&c.right, base, depth)?;
        Ok(match c.op {
            BinOp::Lt => a < b,
            BinOp::Gt => a > b,
            BinOp::Le => a <= b,
            BinOp::Ge => a >= b,
            op => matches!(ops::numeric(op, a, b), Some(Value::Bool(true))),
        })
    }

    /// The value of `e`: a slot or a constant read in line, anything else by
    /// [`Interp::num_node`].
    #[inline(always)]
    fn num_eval(&mut self, e: &NExpr, base: usize, depth: usize) -> Run<f64> {
        match e {
            NExpr::Slot(s) => Ok(self.num_stack[base + *s as usize]),
            NExpr::Const(x) => Ok(*x),
            NExpr::Call { id, args } => self.num_call(*id, args, base, depth),
            _ => self.num_node(e, base, depth),
        }
    }

    fn num_node(&mut self, e: &NExpr, base: usize, depth: usize) -> Run<f64> {
        Ok(match e {
            NExpr::Slot(s) => self.num_stack[base + *s as usize],
            NExpr::Const(x) => *x,
            NExpr::Add(p) => {
                self.num_eval(&p.0, base, depth)? + self.num_eval(&p.1, base, depth)?
            }
            NExpr::Sub(p) => {
                self.num_eval(&p.0, base, depth)? - self.num_eval(&p.1, base, depth)?
            }
            NExpr::Mul(p) => {
                self.num_eval(&p.0, base, depth)? * self.num_eval(&p.1, base, depth)?
            }
            NExpr::Call { id, args } => return self.num_call(*id, args, base, depth),
            NExpr::Op(op, p) => {
                let a = self.num_eval(&p.0, base, depth)?;
                let b = self.num_eval(&p.1, base, depth)?;
                match ops::numeric(*op, a, b) {
                    Some(Value::Real(x)) => x,
                    _ => return Err(Bail),
                }
            }
            NExpr::Neg(x) => -self.num_eval(x, base, depth)?,
            NExpr::Math(kernel, x) => kernel(self.num_eval(x, base, depth)?),
            NExpr::Store { slot, int, value } => {
                let x = conv(*int, self.num_eval(value, base, depth)?);
                self.num_stack[base + *slot as usize] = x;
                x
            }
        })
    }

    #[inline(never)]
    fn num_call(&mut self, id: u32, args: &[NExpr], base: usize, depth: usize) -> Run<f64> {
        let f = match self.methods.get(id as usize) {
            Some(super::MethodSlot { num: NumState::Ready(f), .. }) => f.clone(),
            _ => return Err(Bail),
        };
        let callee = self.num_stack.len();
        if f.in_order {
            // Parameter i is slot i: each argument is pushed as it is computed (a call inside
            // an argument works above it and leaves the stack as it found it).
            for (a, &(_, int)) in args.iter().zip(f.params.iter()) {
                let x = self.num_eval(a, base, depth)?;
                self.num_stack.push(conv(int, x));
            }
            for _ in args.len()..f.slots {
                self.num_stack.push(0.0);
            }
        } else {
            self.num_stack.resize(callee + f.slots, 0.0);
            for (a, &(slot, int)) in args.iter().zip(f.params.iter()) {
                let x = self.num_eval(a, base, depth)?;
                self.num_stack[callee + slot as usize] = conv(int, x);
            }
        }
        let r = self.num_invoke(&f, callee, depth);
        self.num_stack.truncate(callee);
        r
    }
}

/// The evaluated arguments of a compiled call as values, for the general path.
fn given_values(f: &NumFn, given: &[f64]) -> Vec<Value> {
    given
        .iter()
        .zip(f.params.iter())
        .map(|(&x, &(_, int))| if int { Value::Int(x as i32) } else { Value::Real(x) })
        .collect()
}

/// Lowers one method's resolved body (see [`Interp::compile_method`]).
struct Compiler<'a> {
    interp: &'a mut Interp,
    /// Whether each slot holds an Integer (else a Real).
    ints: &'a [bool],
    params: &'a [(u32, bool)],
    /// The result slot of a `-> $r` method: `return expr` stores into it.
    result_slot: Option<(u32, bool)>,
    made: &'a mut Vec<u32>,
}

impl Compiler<'_> {
    fn block(&mut self, block: &Block) -> Result<Box<[NStmt]>, Why> {
        block.iter().map(|s| self.stmt(&s.kind)).collect()
    }

    fn int(&self, slot: u32) -> Result<bool, Why> {
        self.ints.get(slot as usize).copied().ok_or(Why::No)
    }

    fn stmt(&mut self, s: &StmtKind) -> Result<NStmt, Why> {
        Ok(match s {
            StmtKind::Expr(e) => NStmt::Eval(self.expr(e)?),
            StmtKind::Assign { target: LValue::Local(slot), op: None, value } => {
                NStmt::Store { slot: *slot, int: self.int(*slot)?, value: self.expr(value)? }
            }
            StmtKind::Accumulate { slot, parts } => NStmt::Accumulate {
                slot: *slot,
                int: self.int(*slot)?,
                parts: parts.iter().map(|p| self.expr(p)).collect::<Result<_, _>>()?,
            },
            StmtKind::If { cond, then, otherwise } => NStmt::If {
                cond: self.cond(cond)?,
                then: self.block(then)?,
                otherwise: self.block(otherwise)?,
            },
            StmtKind::Case { branches, otherwise } => NStmt::Case {
                branches: branches
                    .iter()
                    .map(|(c, b)| Ok((self.cond(c)?, self.block(b)?)))
                    .collect::<Result<_, Why>>()?,
                otherwise: self.block(otherwise)?,
            },
            StmtKind::While { cond, body } => {
                NStmt::While { cond: self.cond(cond)?, body: self.block(body)? }
            }
            StmtKind::Repeat { body, until } => {
                NStmt::Repeat { body: self.block(body)?, until: self.cond(until)? }
            }
            StmtKind::Return(e) => match (e, self.result_slot) {
                (Some(e), Some((slot, int))) => {
                    NStmt::Return(Some(NExpr::Store { slot, int, value: Box::new(self.expr(e)?) }))
                }
                (Some(e), None) => NStmt::Return(Some(self.expr(e)?)),
                (None, _) => NStmt::Return(None),
            },
            StmtKind::Declare(targets) => {
                let mut slots = Vec::with_capacity(targets.len());
                for t in targets {
                    match t {
                        // (A parameter keeps the argument it received: not compiled.)
                        LValue::Local(slot) if !self.params.iter().any(|p| p.0 == *slot) => {
                            self.int(*slot)?;
                            slots.push(*slot);
                        }
                        _ => return Err(Why::No),
                    }
                }
                NStmt::Reset(slots.into_boxed_slice())
            }
            _ => return Err(Why::No),
        })
    }

    fn cond(&mut self, e: &Expr) -> Result<NCond, Why> {
        match &e.kind {
            ExprKind::Binary { op, left, right }
                if matches!(
                    op,
                    BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge | BinOp::Eq | BinOp::Ne
                ) =>
            {
                Ok(NCond { op: *op, left: self.expr(left)?, right: self.expr(right)? })
            }
            _ => Err(Why::No),
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<NExpr, Why> {
        Ok(match &e.kind {
            ExprKind::Literal(Value::Int(i)) => NExpr::Const(*i as f64),
            ExprKind::Literal(Value::Real(r)) => NExpr::Const(*r),
            ExprKind::Local(s) => {
                self.int(*s)?;
                NExpr::Slot(*s)
            }
            ExprKind::Binary { op, left, right } => {
                let pair = Box::new((self.expr(left)?, self.expr(right)?));
                match op {
                    BinOp::Add => NExpr::Add(pair),
                    BinOp::Sub => NExpr::Sub(pair),
                    BinOp::Mul => NExpr::Mul(pair),
                    BinOp::Div | BinOp::Mod | BinOp::IntDiv | BinOp::Pow => NExpr::Op(*op, pair),
                    _ => return Err(Why::No),
                }
            }
            ExprKind::Neg(x) => NExpr::Neg(Box::new(self.expr(x)?)),
            ExprKind::Numeric1 { kernel, arg, .. } => {
                NExpr::Math(*kernel, Box::new(self.expr(arg)?))
            }
            ExprKind::Method { id, args } => {
                let params = self.callee_params(*id)?;
                if args.len() > params {
                    return Err(Why::No);
                }
                NExpr::Call {
                    id: *id,
                    args: args.iter().map(|a| self.expr(a)).collect::<Result<_, _>>()?,
                }
            }
            _ => return Err(Why::No),
        })
    }

    /// How many parameters method `id` declares, once it is known to be compiled (or being
    /// compiled: a recursive call).
    fn callee_params(&mut self, id: u32) -> Result<usize, Why> {
        let slot = self.interp.methods.get(id as usize).ok_or(Why::No)?;
        let Some(code) = &slot.code else { return Err(Why::Later) };
        let n = code.params.len();
        match slot.num {
            NumState::Ready(_) | NumState::InProgress => Ok(n),
            NumState::No => Err(Why::No),
            NumState::Untried | NumState::Retry(_) => {
                self.interp.compile_numeric(id, self.made)?;
                Ok(n)
            }
        }
    }
}

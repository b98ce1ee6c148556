//! Pointers and array elements in the interpreter: making a pointer (`->x`), reading and
//! writing through one (`p->`), and array elements (`a{i}`).
//!
//! Kept out of `eval.rs`: nothing here runs unless a program uses pointers or arrays.

use std::rc::Rc;

use super::{convert, Flow, Interp};
use crate::resolve::ir::{Expr, ExprKind, PtrTarget, VarType};
use crate::runtime::array::{to_element, ArrayRef};
use crate::runtime::pointer::{self, Pointer};
use crate::runtime::{ErrorKind, RtError, Value};
use crate::syntax::ast::Span;

impl Interp {
    fn located(&self, e: RtError, span: Span) -> super::Unwind {
        e.at(self.current_file(), span).into()
    }

    /// `->target`.
    pub(super) fn make_pointer(&mut self, t: &PtrTarget, span: Span) -> Flow<Value> {
        Ok(Value::Pointer(Rc::new(self.pointer_of(t, span)?)))
    }

    fn pointer_of(&mut self, t: &PtrTarget, span: Span) -> Flow<Pointer> {
        Ok(match t {
            PtrTarget::Local(slot, name) => {
                let depth = self.frames.len().saturating_sub(1);
                let serial = self.frames.last().map_or(0, |f| f.serial);
                Pointer::Local { depth: depth as u32, serial, slot: *slot, name: name.clone() }
            }
            PtrTarget::ProcessVar(index, name) => {
                Pointer::Process { index: *index, name: name.clone() }
            }
            PtrTarget::Interprocess(name) => Pointer::Interprocess { name: name.clone() },
            PtrTarget::Element(array, index) => {
                let array = Rc::new(self.pointer_of(array, span)?);
                let i = self.eval(index)?;
                let index = i.as_number().unwrap_or(0.0) as i32;
                Pointer::Element { array, index }
            }
            PtrTarget::Deref(p) => match self.eval(p)? {
                Value::Pointer(p) => (*p).clone(),
                v => return Err(self.not_a_pointer(&v, span)),
            },
            PtrTarget::Table(name) => Pointer::Table { name: name.clone() },
            PtrTarget::Field(table, field) => {
                Pointer::Field { table: table.clone(), field: field.clone() }
            }
        })
    }

    fn not_a_pointer(&self, v: &Value, span: Span) -> super::Unwind {
        self.located(
            RtError::type_mismatch(format!("`->` dereferences a pointer, not a {}", v.kind_name())),
            span,
        )
    }

    /// `p->` where `p` evaluated to `v`.
    pub(super) fn deref_value(&mut self, v: &Value, span: Span) -> Flow<Value> {
        match v {
            Value::Pointer(p) => self.deref(p, span),
            v => Err(self.not_a_pointer(v, span)),
        }
    }

    /// The current value of what `p` points to.
    pub(super) fn deref(&mut self, p: &Pointer, span: Span) -> Flow<Value> {
        match p {
            Pointer::Local { depth, serial, slot, name } => {
                let base = self.frame_base(*depth, *serial, name, span)?;
                Ok(self.stack.get(base + *slot as usize).cloned().unwrap_or_default())
            }
            Pointer::Process { index, .. } => {
                Ok(self.pvars.get(*index as usize).cloned().unwrap_or_default())
            }
            Pointer::Interprocess { name } => Ok(self.read_interprocess(name)),
            Pointer::Element { array, index } => {
                let a = self.deref(array, span)?;
                self.element_get(&a, &Value::Int(*index), span)
            }
            Pointer::Nil => Err(self.nil_error(span)),
            Pointer::Table { .. } | Pointer::Field { .. } => Err(self.no_datastore(span)),
        }
    }

    fn nil_error(&self, span: Span) -> super::Unwind {
        self.located(
            RtError::new(ErrorKind::NilPointer, "the pointer is Nil: it points to nothing"),
            span,
        )
    }

    pub(super) fn no_datastore(&self, span: Span) -> super::Unwind {
        self.located(
            RtError::new(
                ErrorKind::NoDatastore,
                "tables and fields need a datastore, which mini4d does not have",
            ),
            span,
        )
    }

    /// The stack base of the call frame a local pointer names, if that call is still running.
    fn frame_base(&self, depth: u32, serial: u32, name: &str, span: Span) -> Flow<usize> {
        match self.frames.get(depth as usize) {
            Some(f) if f.serial == serial => Ok(f.base),
            _ => Err(self.located(
                RtError::new(
                    ErrorKind::DanglingPointer,
                    format!(
                        "the pointer to {name} is no longer valid: the method call that owned this local variable has returned"
                    ),
                ),
                span,
            )),
        }
    }

    /// `p->:=v`.
    pub(super) fn assign_through(&mut self, p: &Pointer, v: Value, span: Span) -> Flow<()> {
        match p {
            Pointer::Local { depth, serial, slot, name } => {
                let base = self.frame_base(*depth, *serial, name, span)?;
                let ty = self.frames[*depth as usize]
                    .method
                    .slot_types
                    .get(*slot as usize)
                    .copied()
                    .unwrap_or(VarType::Variant);
                let v = match (ty, v) {
                    // An array replaces whatever the variable held (`ARRAY` through a pointer).
                    (_, v @ Value::Array(_)) => v,
                    (ty, v) => convert::coerce(ty, v).map_err(|v| {
                        self.located(
                            RtError::type_mismatch(format!(
                                "cannot assign a {} to {name}, which is declared {}",
                                v.kind_name(),
                                ty.name()
                            )),
                            span,
                        )
                    })?,
                };
                if let Some(cell) = self.stack.get_mut(base + *slot as usize) {
                    *cell = v;
                }
                Ok(())
            }
            Pointer::Process { index, .. } => {
                let ty = self.pvar_types.get(*index as usize).copied().unwrap_or(VarType::Variant);
                let v = match (ty, v) {
                    (_, v @ Value::Array(_)) => v,
                    (ty, v) => convert::coerce(ty, v).map_err(|v| {
                        self.located(
                            RtError::type_mismatch(format!(
                                "cannot assign a {} to a variable declared {}",
                                v.kind_name(),
                                ty.name()
                            )),
                            span,
                        )
                    })?,
                };
                if let Some(cell) = self.pvars.get_mut(*index as usize) {
                    *cell = v;
                }
                Ok(())
            }
            Pointer::Interprocess { name } => {
                self.write_interprocess(name, v);
                Ok(())
            }
            Pointer::Element { array, index } => {
                let a = self.deref(array, span)?;
                self.element_set(&a, &Value::Int(*index), v, span)?;
                if matches!(**array, Pointer::Interprocess { .. }) {
                    self.assign_through(array, a, span)?;
                }
                Ok(())
            }
            Pointer::Nil => Err(self.nil_error(span)),
            Pointer::Table { .. } | Pointer::Field { .. } => Err(self.no_datastore(span)),
        }
    }

    fn array_of<'v>(&self, v: &'v Value, span: Span) -> Flow<&'v ArrayRef> {
        match v {
            Value::Array(a) => Ok(a),
            v => Err(self.located(
                RtError::new(
                    ErrorKind::ArrayExpected,
                    format!("`{{}}` needs an array, not {}", v.kind_name()),
                ),
                span,
            )),
        }
    }

    fn element_index(&self, a: &ArrayRef, i: &Value, span: Span) -> Flow<usize> {
        let n = i.as_number().unwrap_or(-1.0);
        let len = a.len();
        if n < 0.0 || n.fract() != 0.0 || n as usize > len {
            return Err(self.located(
                RtError::new(
                    ErrorKind::IndexOutOfRange,
                    format!(
                        "array index {} is out of range (the array has {len} elements)",
                        crate::runtime::format::format_real(n)
                    ),
                ),
                span,
            ));
        }
        Ok(n as usize)
    }

    /// `a{i}` (a byte when `a` is a BLOB).
    pub(super) fn element_get(&mut self, a: &Value, i: &Value, span: Span) -> Flow<Value> {
        if let Value::Blob(bytes) = a {
            let i = i.as_number().unwrap_or(-1.0);
            return crate::runtime::blob::byte_at(bytes, i).map_err(|e| self.located(e, span));
        }
        let a = self.array_of(a, span)?;
        let i = self.element_index(a, i, span)?;
        Ok(a.get(i as i64).unwrap_or_default())
    }

    /// `a{i}:=v` on the array `a` (shared with its variable).
    pub(super) fn element_set(&mut self, a: &Value, i: &Value, v: Value, span: Span) -> Flow<()> {
        let a = self.array_of(a, span)?;
        let i = self.element_index(a, i, span)?;
        let (elem, two_d) = {
            let data = a.borrow();
            (data.elem, data.two_d)
        };
        if two_d {
            return Err(self.located(
                RtError::type_mismatch("a row of a two-dimensional array cannot be assigned"),
                span,
            ));
        }
        let v = to_element(elem, v).map_err(|v| {
            self.located(
                RtError::type_mismatch(format!(
                    "cannot put a {} in an array of type {}",
                    v.kind_name(),
                    elem.name()
                )),
                span,
            )
        })?;
        if let Some(cell) = a.borrow_mut().items.get_mut(i) {
            *cell = v;
        }
        Ok(())
    }

    /// `array{index}:=v` where `array` is an expression naming an array variable.
    pub(super) fn assign_element(
        &mut self,
        array: &Expr,
        index: &Expr,
        v: Value,
        span: Span,
    ) -> Flow<()> {
        let a = self.eval(array)?;
        let i = self.eval(index)?;
        if let Value::Blob(mut bytes) = a {
            // A BLOB is a value: change a copy of its bytes and store it back.
            let i = i.as_number().unwrap_or(-1.0);
            let byte = v.as_number().unwrap_or(0.0);
            crate::runtime::blob::set_byte(&mut bytes, i, byte)
                .map_err(|e| self.located(e, span))?;
            return self.assign_expr_target(array, Value::Blob(bytes), span);
        }
        self.element_set(&a, &i, v, span)?;
        // An interprocess array is held as a copy: write it back.
        if let ExprKind::Interprocess(name) = &array.kind {
            self.write_interprocess(name, a);
        }
        Ok(())
    }

    /// A pointer to the variable named `name` (`Get pointer`): a process variable, an
    /// interprocess one (`<>name`) or, with `{i}` after it, an element of an array.
    pub(super) fn pointer_to_name(&mut self, name: &str) -> Value {
        let name = name.trim();
        let (var, element) = match name.strip_suffix('}').and_then(|n| n.split_once('{')) {
            Some((v, i)) => (v.trim(), i.trim().parse::<i32>().ok()),
            None => (name, None),
        };
        if var.is_empty() || var.starts_with('$') {
            return Value::Pointer(pointer::nil());
        }
        let base = match var.strip_prefix("<>") {
            Some(ip) => Pointer::Interprocess { name: ip.to_lowercase().into() },
            None => {
                use crate::resolve::Names;
                Pointer::Process { index: self.process_var(var), name: var.into() }
            }
        };
        let p = match element {
            Some(index) => Pointer::Element { array: Rc::new(base), index },
            None => base,
        };
        Value::Pointer(Rc::new(p))
    }
}

//! Running one entry of an interactive session (`mini4d repl`) in a frame whose locals live on
//! from one entry to the next.

use std::rc::Rc;

use super::{convert, Cause, Frame, Interp};
use crate::resolve::ir::{LValue, Stmt, StmtKind, VarType};
use crate::resolve::{self, ir::Method};
use crate::runtime::{RtError, Value};
use crate::syntax::ast;

/// The locals of an interactive session: name (without `$`), type and value.
#[derive(Default)]
pub struct Locals {
    pub vars: Vec<(String, VarType, Value)>,
}

/// Name of the hidden slot that receives the value of a trailing expression.
const VALUE_SLOT: &str = "<value>";

/// What an entry gave back.
pub enum SnippetResult {
    /// The value of the entry's last statement when it is an expression (or of `return expr`).
    Value(Value),
    /// The entry ran `QUIT 4D`.
    Quit,
}

impl Interp {
    /// Runs source file `file` (from [`super::project::Project::add_source`]) as one REPL entry:
    /// the locals in `locals` are visible (a `var` of the entry redeclares them), the locals it
    /// creates or changes are stored back, and the value of its last statement, when that is an
    /// expression, is returned. Errors go through `Try` and `ON ERR CALL` as in a method.
    pub fn run_snippet(
        &mut self,
        file: u32,
        locals: &mut Locals,
    ) -> Result<SnippetResult, RtError> {
        let entry =
            self.engine.project.file(file).ok_or_else(|| RtError::generic("no such file"))?;
        // Top-level `var` statements start their variables afresh (with their new type).
        let redeclared: Vec<String> = entry
            .ast
            .body
            .iter()
            .filter_map(|s| match &s.kind {
                ast::StmtKind::Var { names, .. } => Some(names),
                _ => None,
            })
            .flatten()
            .filter_map(|n| n.text.strip_prefix('$').map(str::to_lowercase))
            .collect();
        locals.vars.retain(|(n, _, _)| !redeclared.contains(&n.to_lowercase()));
        let seeds: Vec<(String, VarType)> =
            locals.vars.iter().map(|(n, t, _)| (n.clone(), *t)).collect();
        let mut method: Method = resolve::resolve_with_locals(
            &entry.method,
            file,
            &entry.text,
            &entry.ast,
            self,
            &seeds,
        );
        // A trailing expression statement stores its value in a hidden slot.
        let value_slot = method.slot_types.len() as u32;
        method.slot_types.push(VarType::Variant);
        method.slot_names.push(VALUE_SLOT.to_string());
        method.slot_declared.push(true);
        if let Some(last) = method.body.pop() {
            let span = last.span;
            let kind = match last.kind {
                StmtKind::Expr(e) => {
                    StmtKind::Assign { target: LValue::Local(value_slot), op: None, value: e }
                }
                other => other,
            };
            method.body.push(Stmt { kind, span });
        }
        let method = Rc::new(method);

        let base = self.stack.len();
        for &ty in &method.slot_types {
            self.stack.push(convert::default_for(ty));
        }
        for (i, (_, _, v)) in locals.vars.iter().enumerate() {
            self.stack[base + i] = v.clone();
        }
        let saved_base = self.base;
        self.base = base;
        self.frame_serial = self.frame_serial.wrapping_add(1);
        self.frames.push(Frame {
            method: method.clone(),
            base,
            serial: self.frame_serial,
            argc: 0,
            extra: Vec::new(),
            this: Value::Undefined,
            caller_span: self.cur_span,
        });
        let outcome = self.exec_block(&method.body);
        self.frames.pop();
        let returned = std::mem::take(&mut self.ret);
        self.base = saved_base;
        let slots: Vec<Value> = self.stack.drain(base..).collect();
        locals.vars = method
            .slot_names
            .iter()
            .zip(&method.slot_types)
            .zip(slots.iter())
            .filter(|((name, _), _)| name.as_str() != VALUE_SLOT)
            .map(|((name, ty), v)| (name.clone(), *ty, v.clone()))
            .collect();
        match outcome {
            Ok(()) => Ok(SnippetResult::Value(slots[value_slot as usize].clone())),
            Err(u) if u.is_return() => Ok(SnippetResult::Value(returned)),
            Err(u) => match u.into_cause() {
                Cause::Quit => Ok(SnippetResult::Quit),
                Cause::Abort | Cause::Return | Cause::Break | Cause::Continue => {
                    Err(RtError::generic("ABORT").with_abort())
                }
                Cause::Error(e) => Err(*e),
            },
        }
    }
}

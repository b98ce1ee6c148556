//! Process and interprocess variables across a project: which names are given a value or a type
//! somewhere (so that reading them elsewhere is fine), and which are declared (`var`, `C_…`,
//! `ARRAY …`), which the "all variables are typed" compilation mode requires.
//!
//! The collection errs on the side of "defined": a name passed to any command may be one of its
//! output parameters, a name written in a form or inside a text may be set through the form or
//! `EXECUTE FORMULA`. Only a name that nothing could have set is reported.

use std::collections::HashSet;

use crate::commands::catalog;
use crate::syntax::ast::{Block, Expr, ExprKind, SourceFile, Stmt, StmtKind};

/// The 4D system variables: process variables that every process has.
const SYSTEM_VARIABLES: &[&str] = &[
    "ok",
    "document",
    "flddelimit",
    "recdelimit",
    "error",
    "error method",
    "error line",
    "error formula",
    "mousedown",
    "mousex",
    "mousey",
    "keycode",
    "modifiers",
    "mouseproc",
];

/// What a project does with its process (`name`) and interprocess (`<>name`) variables; names
/// are in lower case, interprocess ones with their `<>`.
#[derive(Clone, Debug, Default)]
pub struct Variables {
    /// Names assigned, declared, passed to a command, pointed to, used as a loop variable,
    /// or written in a form or a text literal.
    pub defined: HashSet<String>,
    /// Names declared with `var`, a `C_…` directive or an `ARRAY …` command.
    pub declared: HashSet<String>,
}

impl Variables {
    /// Whether reading `name` (a process variable, or `<>name`) can be legitimate.
    pub fn is_defined(&self, name: &str) -> bool {
        let key = name.to_lowercase();
        SYSTEM_VARIABLES.contains(&key.as_str()) || self.defined.contains(&key)
    }

    /// Whether `name` is declared (system variables are).
    pub fn is_declared(&self, name: &str) -> bool {
        let key = name.to_lowercase();
        SYSTEM_VARIABLES.contains(&key.as_str()) || self.declared.contains(&key)
    }

    /// Adds what a parsed file defines and declares.
    pub fn add_file(&mut self, file: &SourceFile) {
        self.block(&file.body);
        if let Some(class) = &file.class {
            for f in class.constructor.iter().chain(class.functions.iter()) {
                self.block(&f.body);
            }
            for p in &class.properties {
                if let Some(e) = &p.init {
                    self.expr(e, false, false);
                }
            }
        }
    }

    /// Adds every word of a text that is not 4D code (a form's JSON): any of them may name a
    /// variable the form shows or sets.
    pub fn add_words(&mut self, text: &str) {
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '<' || c == '>'))
        {
            let word = word.trim_start_matches(['<', '>']);
            if !word.is_empty() {
                self.defined.insert(word.to_lowercase());
                self.defined.insert(format!("<>{}", word.to_lowercase()));
            }
        }
    }

    fn name(&mut self, e: &Expr, declare: bool) {
        let key = match &e.kind {
            ExprKind::Name(n) => n.to_lowercase(),
            ExprKind::Interprocess(n) => format!("<>{}", n.to_lowercase()),
            _ => return,
        };
        if declare {
            self.declared.insert(key.clone());
        }
        self.defined.insert(key);
    }

    fn block(&mut self, b: &Block) {
        for s in b {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Var { names, init, .. } => {
                for n in names.iter().filter(|n| !n.text.starts_with('$')) {
                    let key = if let Some(bare) = n.text.strip_prefix("<>") {
                        format!("<>{}", bare.to_lowercase())
                    } else {
                        n.text.to_lowercase()
                    };
                    self.defined.insert(key.clone());
                    self.declared.insert(key);
                }
                if let Some(e) = init {
                    self.expr(e, false, false);
                }
            }
            StmtKind::Assign { target, value, .. } => {
                self.expr(target, true, false);
                self.expr(value, false, false);
            }
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => self.expr(e, false, false),
            StmtKind::If { cond, then, otherwise } => {
                self.expr(cond, false, false);
                self.block(then);
                if let Some(b) = otherwise {
                    self.block(b);
                }
            }
            StmtKind::Case { branches, otherwise } => {
                for (c, b) in branches {
                    self.expr(c, false, false);
                    self.block(b);
                }
                if let Some(b) = otherwise {
                    self.block(b);
                }
            }
            StmtKind::While { cond, body } => {
                self.expr(cond, false, false);
                self.block(body);
            }
            StmtKind::Repeat { body, until } => {
                self.block(body);
                self.expr(until, false, false);
            }
            StmtKind::For { var, start, end, step, body } => {
                self.expr(var, true, false);
                for e in [start, end].into_iter().chain(step.iter()) {
                    self.expr(e, false, false);
                }
                self.block(body);
            }
            StmtKind::ForEach { item, source, begin, end, cond, body } => {
                self.expr(item, true, false);
                self.expr(source, false, false);
                for e in begin.iter().chain(end.iter()) {
                    self.expr(e, false, false);
                }
                if let Some((_, e)) = cond {
                    self.expr(e, false, false);
                }
                self.block(body);
            }
            StmtKind::Use { target, body } => {
                self.expr(target, false, false);
                self.block(body);
            }
            StmtKind::Try { body, catch } => {
                self.block(body);
                if let Some(b) = catch {
                    self.block(b);
                }
            }
            _ => {}
        }
    }

    /// `defines`: the expression is in a place that sets the variable at its root (assignment
    /// target, command argument, pointer); `declares`: a `C_…`/`ARRAY …` argument.
    fn expr(&mut self, e: &Expr, defines: bool, declares: bool) {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Interprocess(_) => {
                if defines {
                    self.name(e, declares);
                }
            }
            ExprKind::Text(t) => self.add_words(t),
            ExprKind::Command { index, args, .. } => {
                let declares = catalog::command(*index).is_some_and(|c| is_declaration(c.name));
                for a in args {
                    self.expr(a, true, declares);
                }
            }
            ExprKind::MethodCall { name, args, .. } => {
                let declares = is_declaration(name);
                for a in args {
                    self.expr(a, declares, declares);
                }
            }
            ExprKind::Pointer(x) => self.expr(x, true, false),
            ExprKind::ArrayElement { array, index } => {
                self.expr(array, defines, false);
                self.expr(index, false, false);
            }
            ExprKind::Index { object, index } => {
                self.expr(object, defines, false);
                self.expr(index, false, false);
            }
            ExprKind::CharIndex { text, index } => {
                self.expr(text, defines, false);
                self.expr(index, false, false);
            }
            ExprKind::Member { object, .. } => self.expr(object, defines, false),
            ExprKind::AssignArg { target, value } => {
                self.expr(target, true, false);
                self.expr(value, false, false);
            }
            _ => for_each_child(e, |c| self.expr(c, false, false)),
        }
    }
}

/// `C_TEXT`, `C_LONGINT`…, `ARRAY TEXT`…: commands that declare their variable arguments.
pub fn is_declaration(command: &str) -> bool {
    let upper = command.to_ascii_uppercase();
    upper.starts_with("C_") || upper.starts_with("ARRAY ")
}

/// Calls `f` on each direct sub-expression of `e`.
pub fn for_each_child(e: &Expr, mut f: impl FnMut(&Expr)) {
    match &e.kind {
        ExprKind::ParamIndex(x)
        | ExprKind::Neg(x)
        | ExprKind::TryExpr(x)
        | ExprKind::Deref(x)
        | ExprKind::Pointer(x) => f(x),
        ExprKind::Command { args, .. }
        | ExprKind::MethodCall { args, .. }
        | ExprKind::Collection(args) => args.iter().for_each(f),
        ExprKind::Call { callee, args } => {
            f(callee);
            args.iter().for_each(f);
        }
        ExprKind::Member { object, .. } => f(object),
        ExprKind::Index { object, index } => {
            f(object);
            f(index);
        }
        ExprKind::CharIndex { text, index } => {
            f(text);
            f(index);
        }
        ExprKind::ArrayElement { array, index } => {
            f(array);
            f(index);
        }
        ExprKind::AssignArg { target, value } => {
            f(target);
            f(value);
        }
        ExprKind::Object(entries) => entries.iter().for_each(|(_, v)| f(v)),
        ExprKind::Binary { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::Ternary { cond, then, otherwise } => {
            f(cond);
            f(then);
            f(otherwise);
        }
        _ => {}
    }
}

//! Lowering of class files: the constructor, each `Function` (plain, `get`, `set`) and each
//! property initializer becomes a resolved [`Method`]; `Super` becomes [`ExprKind::Super`].

use std::rc::Rc;

use super::ir::*;
use super::{Names, Resolver};
use crate::runtime::Key;
use crate::syntax::ast::{self, ExprKind as A, FunctionKind};

/// The class whose code is being lowered (what `Super` refers to).
#[derive(Clone)]
pub struct ClassCtx {
    pub class: Rc<str>,
    pub constructor: bool,
}

/// What a `Super` expression does.
pub enum SuperCall {
    /// `Super(args)`: the superclass constructor, on `This`.
    Constructor(Vec<Expr>),
    /// `Super.name(args)`: a function of the superclass chain, on `This`.
    Function(Key, Vec<Expr>),
    /// `Super` alone: the superclass object.
    Value,
}

pub struct SuperExpr {
    /// The class whose code holds the `Super` (`None` outside any class).
    pub class: Option<Rc<str>>,
    /// Whether that code is the class constructor.
    pub constructor: bool,
    pub call: SuperCall,
}

/// `Super(…)` or `Super.name(…)` as a callee.
pub fn is_super_callee(e: &ast::Expr) -> bool {
    match &e.kind {
        A::Super => true,
        A::Member { object, .. } => matches!(object.kind, A::Super),
        _ => false,
    }
}

impl Resolver<'_> {
    pub(super) fn super_call(&mut self, callee: &ast::Expr, args: &[ast::Expr]) -> ExprKind {
        let args = self.exprs(args);
        let call = match &callee.kind {
            A::Member { name, .. } => SuperCall::Function(Key::new(&name.text), args),
            _ => SuperCall::Constructor(args),
        };
        self.super_expr(call)
    }

    pub(super) fn super_value(&mut self) -> ExprKind {
        self.super_expr(SuperCall::Value)
    }

    fn super_expr(&self, call: SuperCall) -> ExprKind {
        ExprKind::Super(Box::new(SuperExpr {
            class: self.class_ctx.as_ref().map(|c| c.class.clone()),
            constructor: self.class_ctx.as_ref().is_some_and(|c| c.constructor),
            call,
        }))
    }
}

/// The name a class function has in the call chain and for `Current method name`.
pub fn function_display_name(class: &str, f: &ast::Function) -> String {
    match f.kind {
        FunctionKind::Constructor => format!("{class}.constructor"),
        _ => format!("{class}.{}", f.name.text),
    }
}

/// Lowers one function (or the constructor) of class `class`.
pub fn resolve_function(
    class: &str,
    f: &ast::Function,
    file: u32,
    text: &str,
    names: &mut dyn Names,
) -> Method {
    let mut r = Resolver::new(names, file, text);
    r.class_ctx =
        Some(ClassCtx { class: Rc::from(class), constructor: f.kind == FunctionKind::Constructor });
    let declare = ast::Declare { params: f.params.clone(), result: f.result.clone(), span: f.span };
    r.method(&function_display_name(class, f), file, Some(&declare), &f.body)
}

/// Lowers the initializer of a declared property (`property name := expr`) as a method that
/// returns the value.
pub fn resolve_initializer(
    class: &str,
    init: &ast::Expr,
    file: u32,
    text: &str,
    names: &mut dyn Names,
) -> Method {
    let mut r = Resolver::new(names, file, text);
    r.class_ctx = Some(ClassCtx { class: Rc::from(class), constructor: false });
    let body = vec![ast::Stmt { kind: ast::StmtKind::Return(Some(init.clone())), span: init.span }];
    r.method(&format!("{class}.constructor"), file, None, &body)
}

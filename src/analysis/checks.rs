//! The checks of one file against the project model: names, calls, declarations, and the code
//! the compiler would warn about.
//!
//! Constructs this module does not know (new syntax) are skipped, never reported: a false error
//! on code that 4D compiles is worse than a missed one.

use std::collections::{HashMap, HashSet};

use super::model::{ProjectModel, Signature};
use super::suggest;
use super::{Finding, Severity};
use crate::commands::catalog;
use crate::syntax::ast::{
    AssignOp, BasicType, Block, Expr, ExprKind, Function, FunctionKind, ResultDecl, SourceFile,
    Span, Stmt, StmtKind, TypeKind, TypeRef,
};

/// Where the code being checked lives.
#[derive(Clone, Copy)]
struct Scope<'a> {
    /// The class, for class files.
    class: Option<&'a str>,
    /// Whether the code is a class constructor.
    constructor: bool,
}

/// A local variable declared with `var` (or as a parameter) in the current method or function.
struct Local {
    name: String,
    span: Span,
    ty: Option<BasicType>,
    /// Times the name appears in the code besides its declarations.
    uses: usize,
    /// Whether it is a parameter (never reported as unused).
    parameter: bool,
}

pub struct Checker<'a> {
    model: &'a ProjectModel,
    text: &'a str,
    pub findings: Vec<Finding>,
    locals: HashMap<String, Local>,
    /// Locals (lower case) given a value so far in the current body, in source order: assigned,
    /// passed to a command, pointed to, loop variables.
    assigned: HashSet<String>,
    /// Locals declared by a `C_…` directive or an `ARRAY …` command in the current body.
    directive_locals: HashSet<String>,
    /// Names already reported in the current body (once per name and kind).
    reported: HashSet<(&'static str, String)>,
}

impl<'a> Checker<'a> {
    pub fn new(model: &'a ProjectModel, text: &'a str) -> Checker<'a> {
        Checker {
            model,
            text,
            findings: Vec::new(),
            locals: HashMap::new(),
            assigned: HashSet::new(),
            directive_locals: HashSet::new(),
            reported: HashSet::new(),
        }
    }

    fn report(&mut self, severity: Severity, code: &'static str, span: Span, message: String) {
        self.report_with(severity, code, span, message, String::new(), None);
    }

    fn report_with(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Span,
        message: String,
        label: String,
        help: Option<String>,
    ) {
        self.findings.push(Finding { severity, code, span, message, label, help });
    }

    /// Checks a whole file.
    pub fn file(&mut self, file: &SourceFile, class_name: Option<&str>) {
        let method_scope = Scope { class: None, constructor: false };
        self.begin_body(
            file.declare.as_ref().map(|d| d.params.as_slice()).unwrap_or(&[]),
            file.declare.as_ref().and_then(|d| d.result.as_ref()),
        );
        declared_locals(&file.body, &mut self.directive_locals);
        self.block(&file.body, method_scope);
        self.end_body(span_of_block(&file.body).unwrap_or_default(), &file.body);
        if let Some(class) = &file.class {
            if let (Some(parent), Some(name)) = (&class.extends, class_name) {
                if parent.text.eq_ignore_ascii_case(name) {
                    self.report(
                        Severity::Error,
                        "class-extends-itself",
                        parent.span,
                        format!("the class `{name}` cannot extend itself"),
                    );
                }
            }
            let mut seen: HashMap<String, Span> = HashMap::new();
            for f in class.constructor.iter().chain(class.functions.iter()) {
                // Function names are case-sensitive, as object properties are (`M` and `m`).
                if f.kind == FunctionKind::Plain {
                    let key = f.name.text.clone();
                    if let Some(first) = seen.get(&key) {
                        let first_line = line_of(self.text, first.start as usize);
                        self.report(
                            Severity::Error,
                            "duplicate-function",
                            f.name.span,
                            format!(
                                "the function `{}` is already defined at line {first_line}",
                                f.name.text
                            ),
                        );
                    } else {
                        seen.insert(key, f.name.span);
                    }
                }
                self.function(f, class_name);
            }
        }
    }

    fn function(&mut self, f: &Function, class: Option<&str>) {
        let scope = Scope { class, constructor: f.kind == FunctionKind::Constructor };
        self.begin_body(&f.params, f.result.as_ref());
        declared_locals(&f.body, &mut self.directive_locals);
        self.block(&f.body, scope);
        self.end_body(f.span, &f.body);
    }

    fn begin_body(&mut self, params: &[crate::syntax::ast::Param], result: Option<&ResultDecl>) {
        self.locals.clear();
        self.assigned.clear();
        self.directive_locals.clear();
        self.reported.clear();
        // `-> $result : Type` declares `$result` (a value the caller gets, never "unused").
        if let Some(ResultDecl::Named { name, ty }) = result {
            let bare = name.text.trim_start_matches('$');
            self.locals.insert(
                bare.to_lowercase(),
                Local {
                    name: bare.to_string(),
                    span: name.span,
                    ty: ty.as_ref().and_then(basic),
                    uses: 1,
                    parameter: true,
                },
            );
        }
        for p in params {
            if let Some(n) = &p.name {
                let name = n.text.trim_start_matches('$').to_lowercase();
                self.locals.insert(
                    name.clone(),
                    Local {
                        name: n.text.trim_start_matches('$').to_string(),
                        span: n.span,
                        ty: p.ty.as_ref().and_then(basic),
                        uses: 1,
                        parameter: true,
                    },
                );
            }
        }
    }

    /// Reports the locals declared with `var` and never used in `body`.
    fn end_body(&mut self, _span: Span, body: &Block) {
        let Some(range) = span_of_block(body) else { return };
        let uses = count_locals(&self.text[range.range()]);
        let mut unused: Vec<(Span, String)> = self
            .locals
            .iter()
            // `var $3 : Real` declares a sequential parameter, not a local.
            .filter(|(key, l)| !l.parameter && !key.starts_with('{'))
            .filter(|(key, _)| !key.bytes().all(|b| b.is_ascii_digit()))
            .filter(|(key, l)| uses.get(*key).copied().unwrap_or(0) <= l.uses)
            .map(|(_, l)| (l.span, l.name.clone()))
            .collect();
        unused.sort_by_key(|(s, _)| s.start);
        for (span, name) in unused {
            self.report_with(
                Severity::Warning,
                "unused-variable",
                span,
                format!("the local variable `${name}` is declared but never used"),
                "declared here".to_string(),
                None,
            );
        }
        self.locals.clear();
    }

    fn block(&mut self, block: &Block, scope: Scope) {
        let mut ended: Option<&Stmt> = None;
        for s in block {
            if let Some(end) = ended {
                self.report_with(
                    Severity::Warning,
                    "unreachable-code",
                    s.span,
                    "this code is never run".to_string(),
                    format!(
                        "after the `return` at line {}",
                        line_of(self.text, end.span.start as usize)
                    ),
                    None,
                );
                ended = None;
            }
            self.stmt(s, scope);
            if matches!(s.kind, StmtKind::Return(_)) {
                ended = Some(s);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt, scope: Scope) {
        match &s.kind {
            StmtKind::Var { names, ty, init } => {
                for n in names {
                    self.declare_local(n, ty.as_ref());
                }
                if let Some(e) = init {
                    self.expr(e, scope);
                    if let (Some(t), [n]) = (ty.as_ref(), names.as_slice()) {
                        self.check_assign_type(&n.text, t.kind.clone(), e);
                    }
                }
            }
            StmtKind::Assign { target, op, value } => {
                self.expr(value, scope);
                match &target.kind {
                    // `$x:=…` gives `$x` a value; `$x+=…` reads it first.
                    ExprKind::Local(name) if *op == AssignOp::Assign => {
                        self.check_declared_local(name, target.span);
                        self.assigned.insert(name.to_lowercase());
                    }
                    _ => self.expr(target, scope),
                }
                if *op == AssignOp::Assign {
                    if let ExprKind::Local(name) = &target.kind {
                        let declared = self.locals.get(&name.to_lowercase()).and_then(|l| l.ty);
                        if let Some(b) = declared {
                            self.check_assign_type(name, TypeKind::Basic(b), value);
                        }
                    }
                }
            }
            StmtKind::Expr(e) => {
                if let ExprKind::Name(n) = &e.kind {
                    self.unknown_name_statement(n, e.span);
                } else {
                    self.expr(e, scope);
                }
            }
            StmtKind::If { cond, then, otherwise } => {
                self.expr(cond, scope);
                self.block(then, scope);
                if let Some(b) = otherwise {
                    self.block(b, scope);
                }
            }
            StmtKind::Case { branches, otherwise } => {
                for (c, b) in branches {
                    self.expr(c, scope);
                    self.block(b, scope);
                }
                if let Some(b) = otherwise {
                    self.block(b, scope);
                }
            }
            StmtKind::While { cond, body } => {
                self.expr(cond, scope);
                self.block(body, scope);
            }
            StmtKind::Repeat { body, until } => {
                self.block(body, scope);
                self.expr(until, scope);
            }
            StmtKind::For { var, start, end, step, body } => {
                for e in [start, end].into_iter().chain(step.iter()) {
                    self.expr(e, scope);
                }
                self.gives_value(var, scope);
                self.block(body, scope);
            }
            StmtKind::ForEach { item, source, begin, end, cond, body } => {
                self.expr(source, scope);
                self.gives_value(item, scope);
                for e in begin.iter().chain(end.iter()) {
                    self.expr(e, scope);
                }
                if let Some((_, e)) = cond {
                    self.expr(e, scope);
                }
                self.block(body, scope);
            }
            StmtKind::Use { target, body } => {
                self.expr(target, scope);
                self.block(body, scope);
            }
            StmtKind::Try { body, catch } => {
                self.block(body, scope);
                if let Some(b) = catch {
                    self.block(b, scope);
                }
            }
            StmtKind::Return(Some(e)) => self.expr(e, scope),
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }

    fn declare_local(&mut self, n: &crate::syntax::ast::Name, ty: Option<&TypeRef>) {
        let Some(bare) = n.text.strip_prefix('$') else { return };
        let key = bare.to_lowercase();
        let new_ty = ty.and_then(basic);
        if let Some(prev) = self.locals.get_mut(&key) {
            prev.uses += 1;
            if let (Some(a), Some(b)) = (prev.ty, new_ty) {
                if a != b {
                    let first_line = line_of(self.text, prev.span.start as usize);
                    self.report_with(
                        Severity::Error,
                        "conflicting-declaration",
                        n.span,
                        format!(
                            "`${bare}` is declared {} here and {} at line {first_line}",
                            type_name(b),
                            type_name(a)
                        ),
                        "a second type for the same variable".to_string(),
                        None,
                    );
                }
            }
            return;
        }
        self.locals.insert(
            key,
            Local {
                name: bare.to_string(),
                span: n.span,
                ty: new_ty,
                uses: 1,
                // `var $1; $2` and `var ${5}` declare sequential parameters, which a caller fills.
                parameter: is_sequential_parameter(bare),
            },
        );
    }

    /// A literal of the wrong kind assigned to a typed variable.
    fn check_assign_type(&mut self, name: &str, ty: TypeKind, value: &Expr) {
        let TypeKind::Basic(target) = ty else { return };
        let Some(given) = literal_type(value) else { return };
        if compatible(target, given) {
            return;
        }
        let bare = name.trim_start_matches('$');
        let given = if given == BasicType::Real { "number" } else { type_name(given) };
        self.report_with(
            Severity::Error,
            "type-mismatch",
            value.span,
            format!(
                "a {given} cannot be assigned to `${bare}`, which is declared {}",
                type_name(target)
            ),
            format!("a {given}"),
            None,
        );
    }

    /// A bare name on its own line: a call to a method that does not exist.
    fn unknown_name_statement(&mut self, name: &str, span: Span) {
        // `break` and `continue` are statements of recent 4D versions.
        if self.model.method(name).is_some()
            || name.eq_ignore_ascii_case("break")
            || name.eq_ignore_ascii_case("continue")
        {
            return;
        }
        self.unknown_method(name, span);
    }

    fn unknown_method(&mut self, name: &str, span: Span) {
        // `C_…` compiler directives (some obsolete ones are not in the command table).
        if name.len() > 2 && name[..2].eq_ignore_ascii_case("C_") {
            return;
        }
        // A shared method of a component 4D ships built in (`Progress New`): 4D compiles it.
        if crate::syntax::builtin_components::component_of(name).is_some() {
            return;
        }
        let hint = suggest::closest(name, self.model.method_names());
        let (severity, help) = if self.model.has_components {
            (
                Severity::Warning,
                Some("the project uses components: it may be one of their shared methods".into()),
            )
        } else {
            (Severity::Error, hint.map(|h| format!("did you mean `{h}`?")))
        };
        self.report_with(
            severity,
            "unknown-method",
            span,
            format!("unknown method `{name}`"),
            "no project method has this name".to_string(),
            help,
        );
    }

    fn expr(&mut self, e: &Expr, scope: Scope) {
        match &e.kind {
            ExprKind::MethodCall { name, args, .. } => {
                match self.model.method(name) {
                    Some(m) => {
                        if let Some(sig) = m.signature.clone() {
                            self.check_call(&m.name.clone(), "method", &sig, args);
                        }
                    }
                    // `C_INTEGER`, `C_GRAPH`…: directives 4D no longer lists as commands.
                    None if crate::resolve::is_directive_name(name) => {
                        self.command_args(args, true, scope);
                        return;
                    }
                    None => self.unknown_method(name, e.span),
                }
                self.exprs(args, scope);
            }
            ExprKind::Command { index, args, .. } => {
                let declares = catalog::command(*index)
                    .is_some_and(|c| super::variables::is_declaration(c.name));
                self.command_args(args, declares, scope);
            }
            ExprKind::Collection(args) => self.exprs(args, scope),
            ExprKind::Local(name) => self.local_read(name, e.span),
            ExprKind::Name(name) => self.process_variable(name, e.span),
            ExprKind::Interprocess(name) => self.process_variable(&format!("<>{name}"), e.span),
            ExprKind::Pointer(x) => self.gives_value(x, scope),
            ExprKind::Deref(x) => self.expr(x, scope),
            ExprKind::ArrayElement { array, index } => {
                self.expr(array, scope);
                self.expr(index, scope);
            }
            ExprKind::AssignArg { target, value } => {
                self.expr(value, scope);
                self.gives_value(target, scope);
            }
            ExprKind::Call { callee, args } => {
                self.call(callee, args, scope);
                self.exprs(args, scope);
            }
            ExprKind::Member { object, name } => {
                self.class_reference(object, name, e.span);
                self.expr(object, scope);
            }
            ExprKind::ParamIndex(x) | ExprKind::Neg(x) | ExprKind::TryExpr(x) => {
                self.expr(x, scope)
            }
            ExprKind::Index { object, index } => {
                self.expr(object, scope);
                self.expr(index, scope);
            }
            ExprKind::CharIndex { text, index } => {
                self.expr(text, scope);
                self.expr(index, scope);
            }
            ExprKind::Object(entries) => {
                for (_, v) in entries {
                    self.expr(v, scope);
                }
            }
            ExprKind::Binary { left, right, .. } => {
                self.expr(left, scope);
                self.expr(right, scope);
            }
            ExprKind::Ternary { cond, then, otherwise } => {
                self.expr(cond, scope);
                self.expr(then, scope);
                self.expr(otherwise, scope);
            }
            ExprKind::Super => self.check_super(e.span, scope, false),
            _ => {}
        }
    }

    /// Arguments of a command: a bare local may be an output parameter (it gets a value), and
    /// the arguments of `C_…`/`ARRAY …` are declared.
    fn command_args(&mut self, args: &[Expr], declares: bool, scope: Scope) {
        for a in args {
            match &a.kind {
                ExprKind::Local(name) => {
                    let key = name.to_lowercase();
                    // An output argument may be created by the command (an array it fills):
                    // not reported as undeclared either.
                    if declares {
                        self.directive_locals.insert(key.clone());
                    }
                    self.assigned.insert(key);
                }
                ExprKind::Name(_) | ExprKind::Interprocess(_) => {}
                _ => self.gives_value(a, scope),
            }
        }
    }

    /// An expression in a place that sets what it names (a pointer's target, a loop variable,
    /// an output argument): a bare local gets a value; anything else is read as usual.
    fn gives_value(&mut self, e: &Expr, scope: Scope) {
        match &e.kind {
            ExprKind::Local(name) => {
                self.check_declared_local(name, e.span);
                self.assigned.insert(name.to_lowercase());
            }
            // Process variables named here are defined (see [`super::variables`]).
            ExprKind::Name(_) | ExprKind::Interprocess(_) => {}
            ExprKind::ArrayElement { array, index } => {
                self.gives_value(array, scope);
                self.expr(index, scope);
            }
            _ => self.expr(e, scope),
        }
    }

    /// Whether `$name` is declared: a parameter, `var`, or a `C_…`/`ARRAY …` argument.
    fn local_is_declared(&self, key: &str) -> bool {
        self.locals.contains_key(key) || self.directive_locals.contains(key)
    }

    /// Under "All variables are typed", a local that is not declared is an error.
    fn check_declared_local(&mut self, name: &str, span: Span) {
        let key = name.to_lowercase();
        if !self.model.all_typed || is_sequential_parameter(&key) || self.local_is_declared(&key) {
            return;
        }
        if self.reported.insert(("undeclared-variable", key)) {
            self.report_with(
                Severity::Error,
                "undeclared-variable",
                span,
                format!("the local variable `${name}` is not declared"),
                "never declared in this method".to_string(),
                Some(format!(
                    "the project compiles with \"All variables are typed\": declare it, e.g. `var ${name} : Text`"
                )),
            );
        }
    }

    /// `$name` read: it should be declared, or have been given a value earlier in the code.
    fn local_read(&mut self, name: &str, span: Span) {
        let key = name.to_lowercase();
        if is_sequential_parameter(&key) || key.starts_with('{') {
            return;
        }
        self.check_declared_local(name, span);
        if self.local_is_declared(&key) || self.assigned.contains(&key) {
            return;
        }
        if self.reported.insert(("used-before-assignment", key)) {
            self.report_with(
                Severity::Warning,
                "used-before-assignment",
                span,
                format!("the local variable `${name}` is used before any value is assigned to it"),
                "read here first".to_string(),
                Some(format!("assign it first, or declare it with `var ${name} : …`")),
            );
        }
    }

    /// A process or interprocess variable read: it must be defined somewhere in the project.
    fn process_variable(&mut self, name: &str, span: Span) {
        let vars = &self.model.variables;
        if self.model.has_components || !vars.is_defined(name) {
            // A project with components may call their shared methods without parentheses.
            if self.model.has_components {
                return;
            }
            let key = name.to_lowercase();
            if self.reported.insert(("unknown-variable", key)) {
                let hint = suggest::closest(name, self.model.method_names());
                self.report_with(
                    Severity::Error,
                    "unknown-variable",
                    span,
                    if name.starts_with("<>") {
                        format!("unknown interprocess variable `{name}`")
                    } else {
                        format!("unknown variable or method `{name}`")
                    },
                    "never assigned or declared in the project".to_string(),
                    hint.map(|h| format!("did you mean the method `{h}`?")),
                );
            }
        } else if self.model.all_typed && !vars.is_declared(name) {
            let key = name.to_lowercase();
            if self.reported.insert(("undeclared-variable", key)) {
                self.report_with(
                    Severity::Error,
                    "undeclared-variable",
                    span,
                    format!("the variable `{name}` is not declared"),
                    "assigned but never declared".to_string(),
                    Some(
                        "the project compiles with \"All variables are typed\": declare it with `var` (e.g. in a Compiler_ method)".into(),
                    ),
                );
            }
        }
    }

    fn exprs(&mut self, args: &[Expr], scope: Scope) {
        for a in args {
            self.expr(a, scope);
        }
    }

    /// `callee(args)`: `Super(…)`, `cs.X.new(…)`, `This.f(…)`.
    fn call(&mut self, callee: &Expr, args: &[Expr], scope: Scope) {
        match &callee.kind {
            ExprKind::Super => {
                self.check_super(callee.span, scope, true);
                return;
            }
            ExprKind::Member { object, name } => {
                if matches!(object.kind, ExprKind::Super) {
                    self.check_super(object.span, scope, false);
                    return;
                }
                if name.text.eq_ignore_ascii_case("new") {
                    if let Some((model, prefix, class)) = self.class_target(object) {
                        if let Some(info) = model.class(&class) {
                            if let Some(sig) = constructor_of(model, &info.name) {
                                let label = format!("cs.{prefix}{}.new", info.name);
                                self.check_call(&label, "constructor", &sig, args);
                            }
                        }
                    }
                }
                if matches!(object.kind, ExprKind::This) {
                    if let Some(class) = scope.class {
                        if let Some(Some(sig)) = self.model.function(class, &name.text) {
                            let sig = sig.clone();
                            let label = format!("This.{}", name.text);
                            self.check_call(&label, "function", &sig, args);
                        }
                    }
                }
            }
            _ => {}
        }
        self.expr(callee, scope);
    }

    /// The model holding the class `object` names, the namespace prefix to show (`""` or
    /// `"NetKit."`) and the class name: `cs.X` and `cs.<own namespace>.X` are the project's
    /// classes, `cs.<component namespace>.X` a loaded component's.
    fn class_target(&self, object: &Expr) -> Option<(&'a ProjectModel, String, String)> {
        let ExprKind::Member { object: store, name } = &object.kind else { return None };
        match &store.kind {
            ExprKind::Command { index, .. } if is_cs(*index) => {
                Some((self.model, String::new(), name.text.clone()))
            }
            ExprKind::Member { object: inner, name: ns } => match &inner.kind {
                ExprKind::Command { index, .. } if is_cs(*index) => {
                    let own = self.model.namespace.as_deref();
                    if own.is_some_and(|n| n.eq_ignore_ascii_case(&ns.text)) {
                        Some((self.model, format!("{}.", ns.text), name.text.clone()))
                    } else {
                        let component = self.model.component(&ns.text)?;
                        Some((component, format!("{}.", ns.text), name.text.clone()))
                    }
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `cs.X` where the project has no class `X` (nor a namespace `X`), and `cs.<ns>.X` where the
    /// loaded component `<ns>` has no class `X`.
    fn class_reference(&mut self, object: &Expr, name: &crate::syntax::ast::Name, span: Span) {
        match &object.kind {
            ExprKind::Command { index, .. } if is_cs(*index) => {
                if self.model.has_components
                    || (self.model.classes.is_empty() && self.model.components.is_empty())
                {
                    return;
                }
                if self.model.class(&name.text).is_some() || self.model.is_namespace(&name.text) {
                    return;
                }
                let candidates = self.model.class_names().chain(self.model.namespaces());
                let hint = suggest::closest(&name.text, candidates);
                self.report_with(
                    Severity::Error,
                    "unknown-class",
                    span,
                    format!("unknown class `cs.{}`", name.text),
                    "the project has no class with this name".to_string(),
                    hint.map(|h| format!("did you mean `cs.{h}`?")),
                );
            }
            ExprKind::Member { object: inner, name: ns } => {
                let ExprKind::Command { index, .. } = &inner.kind else { return };
                if !is_cs(*index) {
                    return;
                }
                let Some(component) = self.model.component(&ns.text) else { return };
                if component.class(&name.text).is_some() {
                    return;
                }
                let hint = suggest::closest(&name.text, component.class_names());
                self.report_with(
                    Severity::Error,
                    "unknown-class",
                    span,
                    format!("unknown class `cs.{}.{}`", ns.text, name.text),
                    format!("the component `{}` has no class with this name", ns.text),
                    hint.map(|h| format!("did you mean `cs.{}.{h}`?", ns.text)),
                );
            }
            _ => {}
        }
    }

    /// `Super` outside class code, or `Super(…)` outside a constructor.
    fn check_super(&mut self, span: Span, scope: Scope, is_call: bool) {
        if scope.class.is_none() {
            self.report(
                Severity::Error,
                "super-misuse",
                span,
                "`Super` is only valid in the code of a class".to_string(),
            );
        } else if is_call && !scope.constructor {
            self.report(
                Severity::Error,
                "super-misuse",
                span,
                "`Super(…)` calls the parent constructor: it is only valid in `Class constructor`"
                    .to_string(),
            );
        }
    }

    /// A call to a method or function whose parameters are declared. Only the argument types
    /// are checked: 4D accepts more arguments than declared (the called code reads them with
    /// `${N}` and `Count parameters`) and fewer (the missing ones get their type's empty value),
    /// so the number of arguments is never an error (4d/docs Concepts/parameters.md).
    fn check_call(&mut self, name: &str, what: &str, sig: &Signature, args: &[Expr]) {
        self.check_argument_types(name, what, sig, args);
    }

    /// Arguments whose type is known (literals, typed locals) against the declared parameter
    /// types: 4D's compiler rejects a mismatch. Fewer arguments than parameters is not checked:
    /// 4D gives the missing ones their type's empty value.
    fn check_argument_types(&mut self, name: &str, what: &str, sig: &Signature, args: &[Expr]) {
        for (i, (arg, ty)) in args.iter().zip(sig.param_types.iter()).enumerate() {
            let Some(target) = *ty else { continue };
            let Some(given) = self.type_of(arg) else { continue };
            if compatible(target, given) {
                continue;
            }
            let given_name = if given == BasicType::Real && literal_type(arg).is_some() {
                "number"
            } else {
                type_name(given)
            };
            self.report_with(
                Severity::Error,
                "parameter-type-mismatch",
                arg.span,
                format!(
                    "parameter {} of the {what} `{name}` is declared {}, but a {given_name} is given",
                    i + 1,
                    type_name(target)
                ),
                format!("a {given_name}"),
                None,
            );
        }
    }

    /// The type of a literal, or of a local declared with a basic type.
    fn type_of(&self, e: &Expr) -> Option<BasicType> {
        match &e.kind {
            ExprKind::Local(name) => self.locals.get(&name.to_lowercase()).and_then(|l| l.ty),
            _ => literal_type(e),
        }
    }

    /// Checks the results of method calls used as values (all assignments' right sides).
    pub fn results(&mut self, file: &SourceFile) {
        let mut blocks: Vec<&Block> = vec![&file.body];
        if let Some(c) = &file.class {
            blocks.extend(c.constructor.iter().chain(c.functions.iter()).map(|f| &f.body));
        }
        while let Some(b) = blocks.pop() {
            for s in b {
                match &s.kind {
                    StmtKind::Assign { value, .. } => self.result_used(value),
                    StmtKind::Var { init: Some(value), .. } => self.result_used(value),
                    StmtKind::If { then, otherwise, .. } => {
                        blocks.push(then);
                        blocks.extend(otherwise.iter());
                    }
                    StmtKind::Case { branches, otherwise } => {
                        blocks.extend(branches.iter().map(|(_, b)| b));
                        blocks.extend(otherwise.iter());
                    }
                    StmtKind::While { body, .. }
                    | StmtKind::Repeat { body, .. }
                    | StmtKind::For { body, .. }
                    | StmtKind::ForEach { body, .. }
                    | StmtKind::Use { body, .. } => blocks.push(body),
                    StmtKind::Try { body, catch } => {
                        blocks.push(body);
                        blocks.extend(catch.iter());
                    }
                    _ => {}
                }
            }
        }
    }

    /// `$x:=m()` where `m` declares no result.
    fn result_used(&mut self, value: &Expr) {
        let ExprKind::MethodCall { name, .. } = &value.kind else { return };
        let Some(m) = self.model.method(name) else { return };
        if m.signature.as_ref().is_some_and(|s| !s.result) {
            let name = m.name.clone();
            self.report_with(
                Severity::Error,
                "no-result",
                value.span,
                format!("the method `{name}` returns no result, but its result is used"),
                "used as a value".to_string(),
                Some(
                    "declare a result in its #DECLARE, e.g. `#DECLARE() -> $result : Text`".into(),
                ),
            );
        }
    }
}

/// The constructor of `class` (in `model`) or of its nearest ancestor that has one; `None` when
/// unknown.
fn constructor_of(model: &ProjectModel, class: &str) -> Option<Signature> {
    let mut current = class.to_string();
    for _ in 0..64 {
        let info = model.class(&current)?;
        if info.has_syntax_errors {
            return None;
        }
        if let Some(sig) = &info.constructor {
            return Some(sig.clone());
        }
        current = info.extends.clone()?;
    }
    None
}

fn is_cs(index: u16) -> bool {
    catalog::command(index).is_some_and(|c| c.name.eq_ignore_ascii_case("cs"))
}

fn basic(t: &TypeRef) -> Option<BasicType> {
    match t.kind {
        TypeKind::Basic(b) => Some(b),
        _ => None,
    }
}

fn type_name(t: BasicType) -> &'static str {
    match t {
        BasicType::Text => "Text",
        BasicType::Date => "Date",
        BasicType::Time => "Time",
        BasicType::Boolean => "Boolean",
        BasicType::Integer => "Integer",
        BasicType::Real => "Real",
        BasicType::Pointer => "Pointer",
        BasicType::Picture => "Picture",
        BasicType::Blob => "Blob",
        BasicType::Collection => "Collection",
        BasicType::Variant => "Variant",
        BasicType::Object => "Object",
    }
}

/// The type of a literal (only literals: the type of other expressions is not inferred here).
fn literal_type(e: &Expr) -> Option<BasicType> {
    Some(match &e.kind {
        ExprKind::Number(_) => BasicType::Real,
        ExprKind::Text(_) => BasicType::Text,
        ExprKind::Date(_) => BasicType::Date,
        ExprKind::Time(_) => BasicType::Time,
        ExprKind::Object(_) => BasicType::Object,
        ExprKind::Collection(_) => BasicType::Collection,
        _ => return None,
    })
}

/// Whether a value of type `given` may be assigned to (or passed as) a `target`.
fn compatible(target: BasicType, given: BasicType) -> bool {
    use BasicType::*;
    if matches!(given, Variant | Picture | Blob | Pointer) {
        return true;
    }
    match target {
        Variant => true,
        // Numbers convert into each other; a time is a number of seconds.
        Integer | Real | Time => matches!(given, Integer | Real | Time),
        Picture | Blob | Pointer => true,
        t => t == given,
    }
}

fn span_of_block(b: &Block) -> Option<Span> {
    Some(b.first()?.span.to(b.last()?.span))
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// How often each `$name` appears in `code` (lower case, without `$`), outside texts and
/// comments.
fn count_locals(code: &str) -> HashMap<String, usize> {
    let mut out: HashMap<String, usize> = HashMap::new();
    for (_, name) in crate::syntax::scan::local_names(code) {
        *out.entry(name.to_lowercase()).or_default() += 1;
    }
    out
}

/// `1`, `{5}`: the name (after `$`) of a sequential parameter.
fn is_sequential_parameter(bare: &str) -> bool {
    let digits = bare.strip_prefix('{').and_then(|b| b.strip_suffix('}')).unwrap_or(bare);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Adds to `out` the locals (lower case, without `$`) a body declares anywhere with `var` or a
/// `C_…`/`ARRAY …` statement: like 4D's compiler, a declaration counts for the whole method.
fn declared_locals(block: &Block, out: &mut HashSet<String>) {
    for s in block {
        match &s.kind {
            StmtKind::Var { names, .. } => {
                for n in names {
                    if let Some(bare) = n.text.strip_prefix('$') {
                        out.insert(bare.to_lowercase());
                    }
                }
            }
            StmtKind::Expr(e) => {
                let args = match &e.kind {
                    ExprKind::Command { index, args, .. }
                        if catalog::command(*index)
                            .is_some_and(|c| super::variables::is_declaration(c.name)) =>
                    {
                        args
                    }
                    ExprKind::MethodCall { name, args, .. }
                        if super::variables::is_declaration(name) =>
                    {
                        args
                    }
                    _ => continue,
                };
                for a in args {
                    if let ExprKind::Local(name) = &a.kind {
                        out.insert(name.to_lowercase());
                    }
                }
            }
            StmtKind::If { then, otherwise, .. } => {
                declared_locals(then, out);
                if let Some(b) = otherwise {
                    declared_locals(b, out);
                }
            }
            StmtKind::Case { branches, otherwise } => {
                for (_, b) in branches {
                    declared_locals(b, out);
                }
                if let Some(b) = otherwise {
                    declared_locals(b, out);
                }
            }
            StmtKind::While { body, .. }
            | StmtKind::Repeat { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::ForEach { body, .. }
            | StmtKind::Use { body, .. } => declared_locals(body, out),
            StmtKind::Try { body, catch } => {
                declared_locals(body, out);
                if let Some(b) = catch {
                    declared_locals(b, out);
                }
            }
            _ => {}
        }
    }
}

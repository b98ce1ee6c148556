//! What editors ask of one parsed file: its outline, the name under the cursor and what that
//! name is (a local, a method, a class member…), the declared type of an expression, and where
//! a name is declared. Pure functions of the syntax tree and the [`ProjectModel`]; the language
//! server turns them into protocol answers.

use crate::commands::catalog;
use crate::syntax::ast::{
    Block, ClassDef, Expr, ExprKind, Function, FunctionKind, Name, Param, ResultDecl, SourceFile,
    Span, Stmt, StmtKind, TypeKind, TypeRef,
};

/// What an outline entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Declare,
    Class,
    Constructor,
    Function,
    Getter,
    Setter,
    Property,
    Alias,
}

/// One entry of a file's outline.
#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
    /// The whole declaration (a function with its body).
    pub span: Span,
    /// The name in it.
    pub name_span: Span,
    pub children: Vec<Symbol>,
}

/// The outline of a file: its `#DECLARE`, or its class with the class's members.
/// `class_name` is the class's name for class files.
pub fn outline(file: &SourceFile, class_name: Option<&str>, text_len: usize) -> Vec<Symbol> {
    let mut out = Vec::new();
    if let Some(d) = &file.declare {
        out.push(Symbol {
            name: "#DECLARE".into(),
            kind: SymbolKind::Declare,
            span: d.span,
            name_span: d.span,
            children: Vec::new(),
        });
    }
    if let Some(class) = &file.class {
        let mut members = Vec::new();
        for p in &class.properties {
            for n in &p.names {
                members.push(Symbol {
                    name: n.text.clone(),
                    kind: SymbolKind::Property,
                    span: p.span,
                    name_span: n.span,
                    children: Vec::new(),
                });
            }
        }
        for (n, _) in &class.aliases {
            members.push(Symbol {
                name: n.text.clone(),
                kind: SymbolKind::Alias,
                span: n.span,
                name_span: n.span,
                children: Vec::new(),
            });
        }
        for f in class.constructor.iter().chain(class.functions.iter()) {
            let kind = match f.kind {
                FunctionKind::Plain => SymbolKind::Function,
                FunctionKind::Getter => SymbolKind::Getter,
                FunctionKind::Setter => SymbolKind::Setter,
                FunctionKind::Constructor => SymbolKind::Constructor,
            };
            let name = if f.kind == FunctionKind::Constructor {
                "constructor".to_string()
            } else {
                f.name.text.clone()
            };
            members.push(Symbol {
                name,
                kind,
                span: f.span,
                name_span: f.name.span,
                children: Vec::new(),
            });
        }
        members.sort_by_key(|s| s.span.start);
        let whole = Span::new(0, text_len);
        out.push(Symbol {
            name: class_name.unwrap_or("class").to_string(),
            kind: SymbolKind::Class,
            span: whole,
            name_span: class.extends.as_ref().map(|e| e.span).unwrap_or(Span::new(0, 0)),
            children: members,
        });
    }
    out
}

/// A declared type that navigation can follow: an object of a class, or the class itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    /// An instance of `cs.<name>` (or `4D.<name>` when `builtin`).
    Instance { class: String, builtin: bool },
    /// The class object `cs.<name>` itself.
    ClassObject { class: String, builtin: bool },
}

/// What the name under the cursor is.
#[derive(Clone, Debug, PartialEq)]
pub enum Reference {
    /// `$name` (without `$`), with the span of the name as written.
    Local(String),
    /// A process variable (a bare name that is not a command, constant or method).
    Process(String),
    Interprocess(String),
    Method(String),
    Command(u16),
    Constant(u16),
    /// A class named directly (`cs.X`, a type, `Class extends X`).
    Class {
        name: String,
        builtin: bool,
    },
    /// `.name` on a value whose type is known or not.
    Member {
        owner: Option<Ty>,
        name: String,
    },
    This,
}

/// The body the cursor is in: the method's, or a class function's.
#[derive(Clone, Copy)]
pub struct Body<'a> {
    pub params: &'a [Param],
    pub result: Option<&'a ResultDecl>,
    pub block: &'a Block,
    /// The span of the function (or of the whole file for a method).
    pub span: Span,
    pub function: Option<&'a Function>,
}

/// The body holding `offset`.
pub fn body_at(file: &SourceFile, offset: usize) -> Body<'_> {
    let at = offset as u32;
    if let Some(class) = &file.class {
        for f in class.constructor.iter().chain(class.functions.iter()) {
            if f.span.start <= at && at <= f.span.end {
                return Body {
                    params: &f.params,
                    result: f.result.as_ref(),
                    block: &f.body,
                    span: f.span,
                    function: Some(f),
                };
            }
        }
    }
    Body {
        params: file.declare.as_ref().map(|d| d.params.as_slice()).unwrap_or(&[]),
        result: file.declare.as_ref().and_then(|d| d.result.as_ref()),
        block: &file.body,
        span: Span::new(0, u32::MAX as usize),
        function: None,
    }
}

/// Where a local is declared in a body: a parameter, the named result, or its first `var`.
/// Returns the span of the name and its declared type.
pub fn local_declaration<'a>(body: Body<'a>, name: &str) -> Option<(Span, Option<&'a TypeRef>)> {
    let same = |n: &str| n.trim_start_matches('$').eq_ignore_ascii_case(name);
    for p in body.params {
        if let Some(n) = &p.name {
            if same(&n.text) {
                return Some((n.span, p.ty.as_ref()));
            }
        }
    }
    if let Some(ResultDecl::Named { name: n, ty }) = body.result {
        if same(&n.text) {
            return Some((n.span, ty.as_ref()));
        }
    }
    let mut found = None;
    visit_stmts(body.block, &mut |s| {
        if found.is_some() {
            return;
        }
        if let StmtKind::Var { names, ty, .. } = &s.kind {
            if let Some(n) = names.iter().find(|n| n.text.starts_with('$') && same(&n.text)) {
                found = Some((n.span, ty.as_ref()));
            }
        }
    });
    found
}

/// The locals of a body (parameters, named result, `var $x`): (name without `$`, type).
pub fn locals<'a>(body: Body<'a>) -> Vec<(String, Option<&'a TypeRef>)> {
    let mut out: Vec<(String, Option<&'a TypeRef>)> = Vec::new();
    let mut add = |n: &Name, ty: Option<&'a TypeRef>| {
        let name = n.text.trim_start_matches('$').to_string();
        if !out.iter().any(|(o, _)| o.eq_ignore_ascii_case(&name)) {
            out.push((name, ty));
        }
    };
    for p in body.params {
        if let Some(n) = &p.name {
            add(n, p.ty.as_ref());
        }
    }
    if let Some(ResultDecl::Named { name, ty }) = body.result {
        add(name, ty.as_ref());
    }
    visit_stmts(body.block, &mut |s| {
        if let StmtKind::Var { names, ty, .. } = &s.kind {
            for n in names.iter().filter(|n| n.text.starts_with('$')) {
                add(n, ty.as_ref());
            }
        }
    });
    out
}

/// The type a declaration names, when navigation can follow it.
pub fn ty_of_ref(t: &TypeRef) -> Option<Ty> {
    match &t.kind {
        TypeKind::Class { store, name } => {
            Some(Ty::Instance { class: name.clone(), builtin: store != "cs" })
        }
        TypeKind::Basic(_) => None,
    }
}

fn is_store(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Command { index, args, .. } if args.is_empty() => {
            let name = catalog::command(*index)?.name;
            if name.eq_ignore_ascii_case("cs") {
                Some(false)
            } else if name == "4D" {
                Some(true)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Finds types of expressions within one file.
pub struct Types<'a> {
    pub file: &'a SourceFile,
    /// The class of the file, for `This`.
    pub class: Option<&'a str>,
    /// Declared types of class members: (class, member) → the member's type.
    pub member_type: &'a dyn Fn(&str, &str) -> Option<Ty>,
    /// Whether a name is a component's namespace: `cs.<ns>.X` is then class `ns.X` (the name
    /// the parser gives the type `cs.<ns>.X`).
    pub namespace: &'a dyn Fn(&str) -> bool,
}

impl Types<'_> {
    /// The type of `e` in the body holding it, when it is declared.
    pub fn of(&self, e: &Expr) -> Option<Ty> {
        match &e.kind {
            ExprKind::Local(name) => {
                let body = body_at(self.file, e.span.start as usize);
                local_declaration(body, name).and_then(|(_, t)| t).and_then(ty_of_ref)
            }
            ExprKind::This => self.class.map(|c| Ty::Instance { class: c.into(), builtin: false }),
            ExprKind::Member { object, name } => {
                if let Some(builtin) = is_store(object) {
                    return Some(Ty::ClassObject { class: name.text.clone(), builtin });
                }
                if let Some(class) = self.component_class(object, &name.text) {
                    return Some(Ty::ClassObject { class, builtin: false });
                }
                match self.of(object)? {
                    Ty::Instance { class, builtin: false } => {
                        (self.member_type)(&class, &name.text)
                    }
                    _ => None,
                }
            }
            ExprKind::Call { callee, .. } => match &callee.kind {
                ExprKind::Member { object, name } => match self.of(object)? {
                    Ty::ClassObject { class, builtin } if name.text == "new" => {
                        Some(Ty::Instance { class, builtin })
                    }
                    Ty::Instance { class, builtin: false } => {
                        (self.member_type)(&class, &name.text)
                    }
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// `ns.X` when `object` is `cs.<ns>` for a component's namespace `ns`.
    fn component_class(&self, object: &Expr, name: &str) -> Option<String> {
        match &object.kind {
            ExprKind::Member { object: store, name: ns }
                if is_store(store) == Some(false) && (self.namespace)(&ns.text) =>
            {
                Some(format!("{}.{name}", ns.text))
            }
            _ => None,
        }
    }

    /// The reference under `offset`, if any.
    pub fn reference_at(&self, offset: usize) -> Option<(Reference, Span)> {
        let at = offset as u32;
        let inside = |s: Span| s.start <= at && at <= s.end;
        // Declarations: class header, functions, properties, parameters, `var`.
        if let Some(class) = &self.file.class {
            if let Some(r) = class_decl_at(class, self.class, at) {
                return Some(r);
            }
        }
        let mut found: Option<(Reference, Span)> = None;
        let mut visit = |e: &Expr| {
            if found.is_some() || !inside(e.span) {
                return;
            }
            if let Some(r) = self.expr_reference(e, at) {
                found = Some(r);
            }
        };
        let mut types = Vec::new();
        let mut names: Vec<&Name> = Vec::new();
        let mut params: Vec<&Param> = Vec::new();
        if let Some(d) = &self.file.declare {
            params.extend(d.params.iter());
        }
        let mut blocks: Vec<&Block> = vec![&self.file.body];
        if let Some(class) = &self.file.class {
            for f in class.constructor.iter().chain(class.functions.iter()) {
                add_function_parts(f, &mut blocks, &mut params, &mut types);
            }
            for p in &class.properties {
                types.extend(p.ty.iter());
                if let Some(init) = &p.init {
                    visit_expr(init, &mut visit);
                }
            }
        }
        for p in params {
            types.extend(p.ty.iter());
            names.extend(p.name.iter());
        }
        for b in blocks {
            visit_stmts(b, &mut |s| {
                if let StmtKind::Var { names: ns, ty, .. } = &s.kind {
                    names.extend(ns.iter());
                    types.extend(ty.iter());
                }
                stmt_exprs(s, &mut |e| visit_expr(e, &mut visit));
            });
        }
        if found.is_some() {
            return found;
        }
        for n in names {
            if inside(n.span) {
                return Some((variable_reference(&n.text), n.span));
            }
        }
        for t in types {
            if inside(t.span) {
                if let TypeKind::Class { store, name } = &t.kind {
                    let r = Reference::Class { name: name.clone(), builtin: store != "cs" };
                    return Some((r, t.span));
                }
            }
        }
        None
    }

    /// Every name of the file that refers to something, with its span (the name only: for a
    /// type `cs.X`, the `X`): what references and renames search.
    pub fn all_references(&self) -> Vec<(Reference, Span)> {
        let mut out = Vec::new();
        let mut blocks: Vec<&Block> = vec![&self.file.body];
        let mut params: Vec<&Param> = Vec::new();
        let mut types: Vec<&TypeRef> = Vec::new();
        if let Some(d) = &self.file.declare {
            params.extend(d.params.iter());
        }
        if let Some(class) = &self.file.class {
            if let Some(e) = &class.extends {
                out.push((Reference::Class { name: e.text.clone(), builtin: false }, e.span));
            }
            let owner = self.class.map(|c| Ty::Instance { class: c.into(), builtin: false });
            for f in class.constructor.iter().chain(class.functions.iter()) {
                add_function_parts(f, &mut blocks, &mut params, &mut types);
                if f.kind != FunctionKind::Constructor {
                    let r = Reference::Member { owner: owner.clone(), name: f.name.text.clone() };
                    out.push((r, f.name.span));
                }
            }
            for p in &class.properties {
                types.extend(p.ty.iter());
                for n in &p.names {
                    let r = Reference::Member { owner: owner.clone(), name: n.text.clone() };
                    out.push((r, n.span));
                }
                if let Some(init) = &p.init {
                    visit_expr(init, &mut |e| out.extend(self.own_reference(e)));
                }
            }
        }
        for p in params {
            types.extend(p.ty.iter());
            if let Some(n) = &p.name {
                out.push((variable_reference(&n.text), n.span));
            }
        }
        for b in blocks {
            visit_stmts(b, &mut |s| {
                if let StmtKind::Var { names, ty, .. } = &s.kind {
                    for n in names {
                        out.push((variable_reference(&n.text), n.span));
                    }
                    types.extend(ty.iter());
                }
                stmt_exprs(s, &mut |e| visit_expr(e, &mut |e| out.extend(self.own_reference(e))));
            });
        }
        for t in types {
            if let TypeKind::Class { store, name } = &t.kind {
                // The class's name ends the type as written (`cs.X`, `cs.ns.X`).
                let short = name.rsplit('.').next().unwrap_or(name).len();
                let span =
                    Span::new((t.span.end as usize).saturating_sub(short), t.span.end as usize);
                out.push((Reference::Class { name: name.clone(), builtin: store != "cs" }, span));
            }
        }
        out
    }

    /// The reference an expression makes by its own name (not its sub-expressions').
    fn own_reference(&self, e: &Expr) -> Option<(Reference, Span)> {
        let at = match &e.kind {
            ExprKind::Member { name, .. } => name.span.start,
            _ => e.span.start,
        };
        self.expr_reference(e, at)
    }

    /// The reference an expression makes at `at` when `at` is on its own name (not a sub-expression).
    fn expr_reference(&self, e: &Expr, at: u32) -> Option<(Reference, Span)> {
        let head = |len: usize| Span::new(e.span.start as usize, e.span.start as usize + len);
        match &e.kind {
            ExprKind::Local(n) => Some((Reference::Local(n.clone()), e.span)),
            ExprKind::Name(n) => Some((Reference::Process(n.clone()), e.span)),
            ExprKind::Interprocess(n) => Some((Reference::Interprocess(n.clone()), e.span)),
            ExprKind::Constant(i) => Some((Reference::Constant(*i), e.span)),
            ExprKind::This => Some((Reference::This, e.span)),
            ExprKind::Command { index, args, .. } => {
                let end = args.first().map(|a| a.span.start).unwrap_or(e.span.end);
                (at < end || args.is_empty()).then(|| {
                    let len = catalog::command(*index).map(|c| c.name.len()).unwrap_or(0);
                    (Reference::Command(*index), head(len))
                })
            }
            ExprKind::MethodCall { name, args, .. } => {
                let end = args.first().map(|a| a.span.start).unwrap_or(e.span.end);
                (at < end || args.is_empty())
                    .then(|| (Reference::Method(name.clone()), head(name.len())))
            }
            ExprKind::Member { object, name } if name.span.start <= at && at <= name.span.end => {
                if let Some(builtin) = is_store(object) {
                    let r = Reference::Class { name: name.text.clone(), builtin };
                    return Some((r, name.span));
                }
                if let Some(class) = self.component_class(object, &name.text) {
                    return Some((Reference::Class { name: class, builtin: false }, name.span));
                }
                let owner = self.of(object);
                Some((Reference::Member { owner, name: name.text.clone() }, name.span))
            }
            _ => None,
        }
    }
}

fn class_decl_at(class: &ClassDef, class_name: Option<&str>, at: u32) -> Option<(Reference, Span)> {
    let inside = |s: Span| s.start <= at && at <= s.end;
    if let Some(e) = &class.extends {
        if inside(e.span) {
            return Some((Reference::Class { name: e.text.clone(), builtin: false }, e.span));
        }
    }
    let owner = class_name.map(|c| Ty::Instance { class: c.into(), builtin: false });
    for f in class.constructor.iter().chain(class.functions.iter()) {
        if f.kind != FunctionKind::Constructor && inside(f.name.span) {
            let r = Reference::Member { owner: owner.clone(), name: f.name.text.clone() };
            return Some((r, f.name.span));
        }
    }
    for p in &class.properties {
        for n in &p.names {
            if inside(n.span) {
                let r = Reference::Member { owner: owner.clone(), name: n.text.clone() };
                return Some((r, n.span));
            }
        }
    }
    None
}

fn variable_reference(text: &str) -> Reference {
    if let Some(n) = text.strip_prefix('$') {
        Reference::Local(n.to_string())
    } else if let Some(n) = text.strip_prefix("<>") {
        Reference::Interprocess(n.to_string())
    } else {
        Reference::Process(text.to_string())
    }
}

/// Where a process or interprocess variable is declared in a file: a `var` naming it, a
/// `C_…` command taking it, or else its first assignment. (declaration?, span)
pub fn variable_declaration(
    file: &SourceFile,
    name: &str,
    interprocess: bool,
) -> Option<(bool, Span)> {
    let matches = |e: &Expr| match &e.kind {
        ExprKind::Name(n) if !interprocess => n.eq_ignore_ascii_case(name),
        ExprKind::Interprocess(n) if interprocess => n.eq_ignore_ascii_case(name),
        _ => false,
    };
    let written = |n: &Name| {
        let bare = n.text.strip_prefix("<>");
        if interprocess {
            bare.is_some_and(|b| b.eq_ignore_ascii_case(name))
        } else {
            !n.text.starts_with('$') && bare.is_none() && n.text.eq_ignore_ascii_case(name)
        }
    };
    let mut declared = None;
    let mut assigned = None;
    let mut blocks: Vec<&Block> = vec![&file.body];
    if let Some(class) = &file.class {
        blocks.extend(class.constructor.iter().chain(class.functions.iter()).map(|f| &f.body));
    }
    for b in blocks {
        visit_stmts(b, &mut |s| {
            if declared.is_some() {
                return;
            }
            match &s.kind {
                StmtKind::Var { names, .. } => {
                    if let Some(n) = names.iter().find(|n| written(n)) {
                        declared = Some(n.span);
                    }
                }
                StmtKind::Expr(Expr { kind: ExprKind::Command { index, args, .. }, .. })
                    if catalog::command(*index).is_some_and(|c| c.name.starts_with("C_")) =>
                {
                    if let Some(a) = args.iter().find(|a| matches(a)) {
                        declared = Some(a.span);
                    }
                }
                StmtKind::Assign { target, .. } if assigned.is_none() && matches(target) => {
                    assigned = Some(target.span);
                }
                _ => {}
            }
        });
    }
    declared.map(|s| (true, s)).or(assigned.map(|s| (false, s)))
}

/// Calls `f` on every statement of a block, nested blocks included.
pub fn visit_stmts<'a>(block: &'a Block, f: &mut dyn FnMut(&'a Stmt)) {
    for s in block {
        f(s);
        match &s.kind {
            StmtKind::If { then, otherwise, .. } => {
                visit_stmts(then, f);
                if let Some(o) = otherwise {
                    visit_stmts(o, f);
                }
            }
            StmtKind::Case { branches, otherwise } => {
                for (_, b) in branches {
                    visit_stmts(b, f);
                }
                if let Some(o) = otherwise {
                    visit_stmts(o, f);
                }
            }
            StmtKind::While { body, .. }
            | StmtKind::Repeat { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::ForEach { body, .. }
            | StmtKind::Use { body, .. } => visit_stmts(body, f),
            StmtKind::Try { body, catch } => {
                visit_stmts(body, f);
                if let Some(c) = catch {
                    visit_stmts(c, f);
                }
            }
            _ => {}
        }
    }
}

/// Calls `f` on the expressions written directly in a statement (not in nested blocks).
pub fn stmt_exprs<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Expr)) {
    match &s.kind {
        StmtKind::Var { init, .. } => init.iter().for_each(f),
        StmtKind::Assign { target, value, .. } => {
            f(target);
            f(value);
        }
        StmtKind::Expr(e) | StmtKind::Use { target: e, .. } => f(e),
        StmtKind::If { cond, .. } | StmtKind::While { cond, .. } => f(cond),
        StmtKind::Case { branches, .. } => branches.iter().for_each(|(c, _)| f(c)),
        StmtKind::Repeat { until, .. } => f(until),
        StmtKind::For { var, start, end, step, .. } => {
            f(var);
            f(start);
            f(end);
            if let Some(s) = step {
                f(s);
            }
        }
        StmtKind::ForEach { item, source, begin, end, cond, .. } => {
            f(item);
            f(source);
            for e in begin.iter().chain(end.iter()) {
                f(e);
            }
            if let Some((_, c)) = cond {
                f(c);
            }
        }
        StmtKind::Return(e) => e.iter().for_each(f),
        StmtKind::Try { .. } | StmtKind::Sql(_) | StmtKind::MisplacedDeclare(_) => {}
    }
}

/// Calls `f` on `e` and every expression inside it, outermost first.
pub fn visit_expr<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Command { args, .. }
        | ExprKind::MethodCall { args, .. }
        | ExprKind::Collection(args) => args.iter().for_each(|a| visit_expr(a, f)),
        ExprKind::Call { callee, args } => {
            visit_expr(callee, f);
            args.iter().for_each(|a| visit_expr(a, f));
        }
        ExprKind::ParamIndex(x)
        | ExprKind::Neg(x)
        | ExprKind::Pointer(x)
        | ExprKind::Deref(x)
        | ExprKind::TryExpr(x) => visit_expr(x, f),
        ExprKind::Member { object, .. } => visit_expr(object, f),
        ExprKind::Index { object: a, index: b }
        | ExprKind::CharIndex { text: a, index: b }
        | ExprKind::ArrayElement { array: a, index: b }
        | ExprKind::AssignArg { target: a, value: b }
        | ExprKind::Binary { left: a, right: b, .. } => {
            visit_expr(a, f);
            visit_expr(b, f);
        }
        ExprKind::Object(entries) => entries.iter().for_each(|(_, v)| visit_expr(v, f)),
        ExprKind::Ternary { cond, then, otherwise } => {
            visit_expr(cond, f);
            visit_expr(then, f);
            visit_expr(otherwise, f);
        }
        _ => {}
    }
}

/// The comment lines right above the line holding `offset` (`//` lines or a `/* */` block),
/// without their markers.
pub fn comment_above(text: &str, offset: usize) -> Option<String> {
    let line_start = text[..offset.min(text.len())].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = &text[..line_start];
    let mut lines: Vec<&str> = Vec::new();
    let mut in_block = false;
    for line in before.lines().rev() {
        let t = line.trim();
        if in_block {
            lines.push(t.trim_start_matches("/*").trim_start_matches('*').trim());
            if t.starts_with("/*") {
                break;
            }
        } else if let Some(c) = t.strip_prefix("//") {
            lines.push(c.trim());
        } else if t.ends_with("*/") && lines.is_empty() {
            let t = t.trim_end_matches("*/");
            if let Some(single) = t.trim().strip_prefix("/*") {
                lines.push(single.trim());
                break;
            }
            lines.push(t.trim().trim_start_matches('*').trim());
            in_block = true;
        } else {
            break;
        }
    }
    lines.reverse();
    let joined = lines.join("\n").trim().to_string();
    (!joined.is_empty()).then_some(joined)
}

/// A method's or function's signature as written: `name($a : Text; $b : Integer) : Text`, with
/// the text span of each parameter in the returned label.
pub fn signature_label(
    name: &str,
    params: &[Param],
    result: Option<&ResultDecl>,
    text: &str,
) -> (String, Vec<(usize, usize)>) {
    let mut label = format!("{name}(");
    let mut ranges = Vec::new();
    for (i, p) in params.iter().enumerate() {
        if i > 0 {
            label.push_str("; ");
        }
        let start = label.len();
        let written = text.get(p.span.range()).unwrap_or("").trim();
        label.push_str(if written.is_empty() { "..." } else { written });
        ranges.push((start, label.len()));
    }
    label.push(')');
    match result {
        Some(ResultDecl::Typed(t)) => {
            label.push_str(" : ");
            label.push_str(text.get(t.span.range()).unwrap_or("").trim());
        }
        Some(ResultDecl::Named { name, ty }) => {
            label.push_str(&format!(" -> {}", name.text));
            if let Some(t) = ty {
                label.push_str(" : ");
                label.push_str(text.get(t.span.range()).unwrap_or("").trim());
            }
        }
        None => {}
    }
    (label, ranges)
}

/// Declared type of a class member from its declaration (a property's type, a function's or
/// getter's result), searched in the class only (the caller walks the `extends` chain).
pub fn member_type_in(class: &ClassDef, member: &str) -> Option<Option<Ty>> {
    for p in &class.properties {
        if p.names.iter().any(|n| n.text == member) {
            return Some(p.ty.as_ref().and_then(ty_of_ref));
        }
    }
    for f in &class.functions {
        if f.name.text == member && f.kind != FunctionKind::Setter {
            let t = match &f.result {
                Some(ResultDecl::Typed(t)) | Some(ResultDecl::Named { ty: Some(t), .. }) => {
                    ty_of_ref(t)
                }
                _ => None,
            };
            return Some(t);
        }
    }
    None
}

/// The declaration of member `member` in a class: a function (not the setter when a getter
/// exists) or a property. Returns the span of its name.
pub fn member_in(class: &ClassDef, member: &str) -> Option<Span> {
    if member == "new" {
        return class.constructor.as_ref().map(|c| c.name.span);
    }
    let function = class
        .functions
        .iter()
        .filter(|f| f.name.text == member)
        .min_by_key(|f| f.kind == FunctionKind::Setter)
        .map(|f| f.name.span);
    function.or_else(|| {
        class
            .properties
            .iter()
            .flat_map(|p| p.names.iter())
            .find(|n| n.text == member)
            .map(|n| n.span)
    })
}

/// What a class function adds to a walk of its file: its body, its parameters and its result
/// type (the walks of [`Types::reference_at`] and [`Types::all_references`]).
fn add_function_parts<'a>(
    f: &'a Function,
    blocks: &mut Vec<&'a Block>,
    params: &mut Vec<&'a Param>,
    types: &mut Vec<&'a TypeRef>,
) {
    blocks.push(&f.body);
    params.extend(f.params.iter());
    if let Some(ResultDecl::Typed(t) | ResultDecl::Named { ty: Some(t), .. }) = &f.result {
        types.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse, MethodNames};

    fn parsed(text: &str) -> SourceFile {
        let mut names = MethodNames::new();
        names.insert("helper");
        parse(text, &names).file
    }

    #[test]
    fn references_under_the_cursor() {
        let text = "var $p : cs.Person\n$p:=cs.Person.new()\n$p.greet()\nhelper(1)\nALERT(\"x\")\n$s:=cs.Geo.Square.new()\n";
        let file = parsed(text);
        let member_type = |_: &str, _: &str| None;
        let namespace = |ns: &str| ns == "Geo";
        let types =
            Types { file: &file, class: None, member_type: &member_type, namespace: &namespace };
        let at = |needle: &str, skip: usize| text.find(needle).unwrap_or(0) + skip;
        let r = |o| types.reference_at(o).map(|(r, _)| r);
        assert_eq!(
            r(at("greet", 1)),
            Some(Reference::Member {
                owner: Some(Ty::Instance { class: "Person".into(), builtin: false }),
                name: "greet".into()
            })
        );
        assert_eq!(
            r(at("Person.new", 1)),
            Some(Reference::Class { name: "Person".into(), builtin: false })
        );
        assert_eq!(r(at("helper", 2)), Some(Reference::Method("helper".into())));
        assert!(matches!(r(at("ALERT", 1)), Some(Reference::Command(_))));
        assert_eq!(r(at("$p.greet", 1)), Some(Reference::Local("p".into())));
        assert_eq!(
            r(at("cs.Person\n", 4)),
            Some(Reference::Class { name: "Person".into(), builtin: false })
        );
        // A component's class through its namespace, and its constructor.
        assert_eq!(
            r(at("Square", 1)),
            Some(Reference::Class { name: "Geo.Square".into(), builtin: false })
        );
        assert_eq!(
            r(at("Square.new", 8)),
            Some(Reference::Member {
                owner: Some(Ty::ClassObject { class: "Geo.Square".into(), builtin: false }),
                name: "new".into()
            })
        );
    }

    #[test]
    fn comments_above_a_line() {
        let text = "// one\n// two\n#DECLARE($a : Text)\n";
        let at = text.find("#DECLARE").unwrap_or(0);
        assert_eq!(comment_above(text, at).as_deref(), Some("one\ntwo"));
        let text = "/* block\n  doc */\nFunction f()\n";
        let at = text.find("Function").unwrap_or(0);
        assert_eq!(comment_above(text, at).as_deref(), Some("block\ndoc"));
    }
}

//! Go to definition and hover: what the name under the cursor is ([`navigate`]), and where
//! the project declares it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::protocol::types as lsp;
use super::protocol::{path_to_uri, uri_to_path};
use super::workspace::{file_role, parent_class, Parsed, Project, Workspace};
use crate::analysis::model::Role;
use crate::analysis::navigate::{
    body_at, comment_above, local_declaration, member_in, member_type_in, signature_label,
    variable_declaration, Reference, Ty, Types,
};
use crate::commands::catalog;
use crate::syntax::ast::{FunctionKind, Span};

/// The file and place the cursor is in, on the file's last good tree.
pub struct Cursor<'a> {
    pub project: &'a Project,
    pub path: PathBuf,
    pub parsed: Arc<Parsed>,
    /// Byte offset in `parsed.text`.
    pub offset: usize,
    /// The class of the file, for class files.
    pub class: Option<String>,
}

impl<'a> Cursor<'a> {
    pub fn new(ws: &'a Workspace, uri: &lsp::Uri, pos: lsp::Position) -> Option<Cursor<'a>> {
        let path = uri_to_path(uri)?;
        let (project, state) = ws.file(&path)?;
        let parsed = state.good.clone()?;
        // While the current text does not parse, positions are read on the last good text.
        let offset = parsed.lines.offset(&parsed.text, pos);
        let (role, stem) = file_role(&path);
        let class = (role == Role::Class).then_some(stem);
        Some(Cursor { project, path, parsed, offset, class })
    }

    /// Resolves types against the project's classes.
    pub fn with_types<T>(&self, f: impl FnOnce(&Types) -> T) -> T {
        let member_type = |class: &str, member: &str| member_type(self.project, class, member);
        let namespace = |ns: &str| self.project.is_component_namespace(ns);
        let types = Types {
            file: &self.parsed.file,
            class: self.class.as_deref(),
            member_type: &member_type,
            namespace: &namespace,
        };
        f(&types)
    }

    pub fn reference(&self) -> Option<(Reference, Span)> {
        self.with_types(|t| t.reference_at(self.offset))
    }
}

/// The declared type of member `member` of class `class` or its ancestors.
pub fn member_type(project: &Project, class: &str, member: &str) -> Option<Ty> {
    let mut current = class.to_string();
    for _ in 0..32 {
        let (_, parsed) = project.class_file(&current)?;
        let def = parsed.file.class.as_ref()?;
        if let Some(t) = member_type_in(def, member) {
            return t;
        }
        current = parent_class(&current, &def.extends.as_ref()?.text);
    }
    None
}

/// Where member `member` of class `class` (or of an ancestor) is declared.
pub fn member_location(
    project: &Project,
    class: &str,
    member: &str,
) -> Option<(PathBuf, Arc<Parsed>, Span)> {
    let mut current = class.to_string();
    for _ in 0..32 {
        let (path, parsed) = project.class_file(&current)?;
        let def = parsed.file.class.as_ref()?;
        if let Some(span) = member_in(def, member) {
            return Some((path.to_path_buf(), parsed.clone(), span));
        }
        if member == "new" {
            // No constructor: the class itself.
            return Some((path.to_path_buf(), parsed.clone(), Span::new(0, 0)));
        }
        current = parent_class(&current, &def.extends.as_ref()?.text);
    }
    None
}

fn location(path: &Path, parsed: &Parsed, span: Span) -> lsp::Location {
    lsp::Location::new(path_to_uri(path), parsed.lines.range(&parsed.text, span))
}

fn file_start(path: &Path) -> lsp::Location {
    lsp::Location::new(path_to_uri(path), lsp::Range::default())
}

/// Where a method is declared: its `#DECLARE`, else the start of its file.
fn method_location(project: &Project, name: &str) -> Option<lsp::Location> {
    let (path, state) = project.method_file(name)?;
    match state.good.as_ref().and_then(|g| g.file.declare.as_ref().map(|d| (g, d.span))) {
        Some((g, span)) => Some(location(path, g, span)),
        None => Some(file_start(path)),
    }
}

/// Where a process or interprocess variable is declared (else first assigned), project-wide.
fn variable_locations(project: &Project, name: &str, interprocess: bool) -> Vec<lsp::Location> {
    let mut assigned = None;
    for (path, state) in &project.files {
        let Some(g) = &state.good else { continue };
        match variable_declaration(&g.file, name, interprocess) {
            Some((true, span)) => return vec![location(path, g, span)],
            Some((false, span)) if assigned.is_none() => assigned = Some(location(path, g, span)),
            _ => {}
        }
    }
    assigned.into_iter().collect()
}

pub fn definition(
    ws: &Workspace,
    p: lsp::GotoDefinitionParams,
) -> Option<lsp::GotoDefinitionResponse> {
    let pp = p.text_document_position_params;
    let cursor = Cursor::new(ws, &pp.text_document.uri, pp.position)?;
    let project = cursor.project;
    let (reference, _) = cursor.reference()?;
    let found: Vec<lsp::Location> = match reference {
        Reference::Local(name) => {
            let body = body_at(&cursor.parsed.file, cursor.offset);
            let (span, _) = local_declaration(body, &name)?;
            vec![location(&cursor.path, &cursor.parsed, span)]
        }
        Reference::Process(name) => match method_location(project, &name) {
            Some(l) => vec![l],
            None => variable_locations(project, &name, false),
        },
        Reference::Interprocess(name) => variable_locations(project, &name, true),
        Reference::Method(name) => vec![method_location(project, &name)?],
        Reference::Class { name, builtin: false } => {
            vec![file_start(project.class_file(&name)?.0)]
        }
        Reference::This => vec![file_start(project.class_file(cursor.class.as_deref()?)?.0)],
        Reference::Member { owner: Some(Ty::Instance { class, builtin: false }), name }
        | Reference::Member { owner: Some(Ty::ClassObject { class, builtin: false }), name } => {
            let (path, parsed, span) = member_location(project, &class, &name)?;
            vec![location(&path, &parsed, span)]
        }
        Reference::Member { owner: None, name } => {
            // An object of unknown class: every class member of that name (the project's
            // classes, and those its components expose).
            let mut out = Vec::new();
            let exposed = project.components.iter().filter(|c| c.namespace.is_some());
            let files = project.files.iter().chain(exposed.flat_map(|c| c.files.iter()));
            for (path, state) in files {
                if file_role(path).0 != Role::Class {
                    continue;
                }
                let Some(g) = &state.good else { continue };
                if let Some(span) = g.file.class.as_ref().and_then(|c| member_in(c, &name)) {
                    if name != "new" {
                        out.push(location(path, g, span));
                    }
                }
            }
            out
        }
        _ => Vec::new(),
    };
    match found.len() {
        0 => None,
        1 => found.into_iter().next().map(lsp::GotoDefinitionResponse::Scalar),
        _ => Some(lsp::GotoDefinitionResponse::Array(found)),
    }
}

fn code(text: &str) -> String {
    format!("```4d\n{text}\n```")
}

fn with_comment(signature: String, comment: Option<String>) -> String {
    match comment {
        Some(c) => format!("{}\n\n{c}", code(&signature)),
        None => code(&signature),
    }
}

/// The comment at the top of a file (before its first line of code).
fn leading_comment(text: &str) -> Option<String> {
    let first_code = text
        .lines()
        .scan(0usize, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, l)| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with("//") && !t.starts_with("/*") && !t.starts_with('*')
        })
        .map_or(text.len(), |(s, _)| s);
    comment_above(text, first_code)
}

/// The line holding `span` in `text`, trimmed.
fn line_of(text: &str, span: Span) -> &str {
    let at = (span.start as usize).min(text.len());
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    text[start..end].trim()
}

fn method_hover(project: &Project, name: &str) -> Option<String> {
    let (path, state) = project.method_file(name)?;
    let stem = file_role(path).1;
    let g = state.good.as_ref()?;
    Some(match &g.file.declare {
        Some(d) => {
            let (mut label, _) = signature_label(&stem, &d.params, d.result.as_ref(), &g.text);
            if let Some(c) = project.component_of(path) {
                label = format!("// shared method of component {}\n{label}", c.name);
            }
            with_comment(label, comment_above(&g.text, d.span.start as usize))
        }
        None => {
            let kind = match project.component_of(path) {
                Some(c) => format!("shared method of component {}", c.name),
                None => "project method".to_string(),
            };
            with_comment(format!("{stem}  // {kind}"), leading_comment(&g.text))
        }
    })
}

fn member_hover(project: &Project, class: &str, name: &str) -> Option<String> {
    let (_, parsed, span) = member_location(project, class, name)?;
    let def = parsed.file.class.as_ref()?;
    let text = &parsed.text;
    let function = def.constructor.iter().chain(def.functions.iter()).find(|f| f.name.span == span);
    let owner = file_owner(project, &parsed).unwrap_or_else(|| class.to_string());
    Some(match function {
        Some(f) => {
            let prefix = match f.kind {
                FunctionKind::Plain => "Function ",
                FunctionKind::Getter => "Function get ",
                FunctionKind::Setter => "Function set ",
                FunctionKind::Constructor => "Class constructor",
            };
            let name = if f.kind == FunctionKind::Constructor { "" } else { f.name.text.as_str() };
            let (label, _) = signature_label(name, &f.params, f.result.as_ref(), text);
            with_comment(
                format!("// cs.{owner}\n{prefix}{label}"),
                comment_above(text, f.span.start as usize),
            )
        }
        None if span.is_empty() => with_comment(format!("Class {owner}"), leading_comment(text)),
        None => with_comment(
            format!("// cs.{owner}\n{}", line_of(text, span)),
            comment_above(text, span.start as usize),
        ),
    })
}

/// The class (`X`, or `ns.X` for a component's) whose file parsed to `parsed`.
fn file_owner(project: &Project, parsed: &Arc<Parsed>) -> Option<String> {
    let is_it =
        |s: &super::workspace::FileState| s.good.as_ref().is_some_and(|g| Arc::ptr_eq(g, parsed));
    if let Some((p, _)) = project.files.iter().find(|(_, s)| is_it(s)) {
        return Some(file_role(p).1);
    }
    project.components.iter().find_map(|c| {
        let (p, _) = c.files.iter().find(|(_, s)| is_it(s))?;
        let stem = file_role(p).1;
        Some(match &c.namespace {
            Some(ns) => format!("{ns}.{stem}"),
            None => stem,
        })
    })
}

fn class_hover(project: &Project, name: &str) -> Option<String> {
    if let Some(c) = project.component(name).filter(|_| !name.contains('.')) {
        let mut classes: Vec<String> = c
            .files
            .keys()
            .filter(|p| file_role(p).0 == Role::Class)
            .map(|p| file_role(p).1)
            .collect();
        classes.sort();
        return Some(format!(
            "{}\n\nClasses: {}",
            code(&format!("cs.{name}  // class store of component {}", c.name)),
            classes.join(", ")
        ));
    }
    let (path, parsed) = project.class_file(name)?;
    let stem = match name.split_once('.') {
        Some((ns, _)) => format!("{ns}.{}", file_role(path).1),
        None => file_role(path).1,
    };
    let extends = parsed
        .file
        .class
        .as_ref()
        .and_then(|c| c.extends.as_ref())
        .map(|e| format!(" extends {}", e.text))
        .unwrap_or_default();
    Some(with_comment(format!("Class {stem}{extends}"), leading_comment(&parsed.text)))
}

/// Hover text of a command: its name, number, theme and thread safety.
pub fn command_hover(index: u16) -> Option<String> {
    let c = catalog::command(index)?;
    let mut out = format!("**{}**", c.name);
    if let Some(n) = c.number {
        out.push_str(&format!(" — command {n} (`{}:C{n}`)", c.name));
    }
    if !c.theme.is_empty() {
        out.push_str(&format!("\n\nTheme: {}", c.theme));
    }
    match c.thread_safe {
        Some(true) => out.push_str("\n\nThread safe"),
        Some(false) => out.push_str("\n\nNot thread safe"),
        None => {}
    }
    if !crate::commands::is_implemented(index) {
        out.push_str("\n\n_Not implemented by mini4d._");
    }
    Some(out)
}

fn constant_hover(index: u16) -> Option<String> {
    let c = catalog::constant(index)?;
    let mut out = format!("**{}**", c.name);
    if let Some(v) = c.value {
        out.push_str(&format!(" = `{v}`"));
    }
    if !c.theme.is_empty() {
        out.push_str(&format!("\n\nConstant, theme: {}", c.theme));
    }
    Some(out)
}

pub fn hover(ws: &Workspace, p: lsp::HoverParams) -> Option<lsp::Hover> {
    let pp = p.text_document_position_params;
    let cursor = Cursor::new(ws, &pp.text_document.uri, pp.position)?;
    let project = cursor.project;
    let (reference, span) = cursor.reference()?;
    let text = match reference {
        Reference::Local(name) => {
            let body = body_at(&cursor.parsed.file, cursor.offset);
            let declared = local_declaration(body, &name);
            let is_param = body.params.iter().any(|p| {
                p.name
                    .as_ref()
                    .is_some_and(|n| n.text.trim_start_matches('$').eq_ignore_ascii_case(&name))
            });
            let kind = if is_param { "parameter" } else { "local variable" };
            match declared.and_then(|(_, t)| t) {
                Some(t) => {
                    let ty = cursor.parsed.text.get(t.span.range()).unwrap_or("").trim();
                    code(&format!("${name} : {ty}  // {kind}"))
                }
                None => code(&format!("${name}  // {kind}")),
            }
        }
        Reference::Process(name) => match method_hover(project, &name) {
            Some(h) => h,
            None => variable_hover(project, &name, false),
        },
        Reference::Interprocess(name) => variable_hover(project, &name, true),
        Reference::Method(name) => method_hover(project, &name)?,
        Reference::Command(index) => command_hover(index)?,
        Reference::Constant(index) => constant_hover(index)?,
        Reference::Class { name, builtin: false } => class_hover(project, &name)?,
        Reference::Class { name, builtin: true } => code(&format!("4D.{name}  // built-in class")),
        Reference::This => match &cursor.class {
            Some(c) => code(&format!("This : cs.{c}")),
            None => code("This  // the object the code runs on"),
        },
        Reference::Member { owner: Some(Ty::Instance { class, builtin: false }), name }
        | Reference::Member { owner: Some(Ty::ClassObject { class, builtin: false }), name } => {
            member_hover(project, &class, &name)?
        }
        Reference::Member { .. } => return None,
    };
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: text,
        }),
        range: Some(cursor.parsed.lines.range(&cursor.parsed.text, span)),
    })
}

fn variable_hover(project: &Project, name: &str, interprocess: bool) -> String {
    let shown = if interprocess { format!("<>{name}") } else { name.to_string() };
    let kind = if interprocess { "interprocess variable" } else { "process variable" };
    for state in project.files.values() {
        let Some(g) = &state.good else { continue };
        if let Some((true, span)) = variable_declaration(&g.file, name, interprocess) {
            return code(&format!("{}  // {kind}", line_of(&g.text, span)));
        }
    }
    code(&format!("{shown}  // {kind}"))
}

//! Completion and signature help. Both read the current text around the cursor (which rarely
//! parses while typing) and the last good tree for declarations.

use std::collections::HashSet;

use super::goto::Cursor;
use super::protocol::types as lsp;
use super::protocol::uri_to_path;
use super::symbols::fuzzy;
use super::workspace::{file_role, Project, Workspace};
use crate::analysis::model::Role;
use crate::analysis::navigate::{body_at, locals, signature_label, Ty};
use crate::commands::catalog;
use crate::syntax::ast::{FunctionKind, Span};

const MAX_ITEMS: usize = 300;

const KEYWORDS: &[&str] = &[
    "If",
    "Else",
    "End if",
    "Case of",
    "End case",
    "While",
    "End while",
    "Repeat",
    "Until",
    "For",
    "End for",
    "For each",
    "End for each",
    "Use",
    "End use",
    "Try",
    "Catch",
    "End try",
    "return",
    "var",
    "#DECLARE",
    "Function",
    "Class constructor",
    "Class extends",
    "property",
    "This",
    "Super",
    "shared",
    "singleton",
];

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Start of the word ending at `offset` (a `$` or `<>` before it included).
fn word_start(text: &str, offset: usize) -> usize {
    let mut start = offset;
    for (i, c) in text[..offset].char_indices().rev() {
        if !is_word(c) {
            break;
        }
        start = i;
    }
    if text[..start].ends_with('$') {
        start -= 1;
    } else if text[..start].ends_with("<>") {
        start -= 2;
    }
    start
}

/// The members of class `class` (and its ancestors): functions and properties.
fn class_members(project: &Project, class: &str, out: &mut Vec<lsp::CompletionItem>) {
    let mut current = class.to_string();
    let mut seen = HashSet::new();
    for _ in 0..32 {
        let Some((_, parsed)) = project.class_file(&current) else { return };
        let Some(def) = parsed.file.class.as_ref() else { return };
        for f in &def.functions {
            if !seen.insert(f.name.text.clone()) {
                continue;
            }
            let (label, _) =
                signature_label(&f.name.text, &f.params, f.result.as_ref(), &parsed.text);
            let kind = match f.kind {
                FunctionKind::Plain => lsp::CompletionItemKind::METHOD,
                _ => lsp::CompletionItemKind::PROPERTY,
            };
            out.push(item(&f.name.text, kind, Some(format!("{current}: {label}"))));
        }
        for p in &def.properties {
            for n in &p.names {
                if seen.insert(n.text.clone()) {
                    let ty = p.ty.as_ref().and_then(|t| parsed.text.get(t.span.range()));
                    let detail = format!(
                        "{current}: property {}{}",
                        n.text,
                        ty.map(|t| format!(" : {t}")).unwrap_or_default()
                    );
                    out.push(item(&n.text, lsp::CompletionItemKind::FIELD, Some(detail)));
                }
            }
        }
        match &def.extends {
            Some(e) => current = super::workspace::parent_class(&current, &e.text),
            None => return,
        }
    }
}

fn item(label: &str, kind: lsp::CompletionItemKind, detail: Option<String>) -> lsp::CompletionItem {
    lsp::CompletionItem { label: label.to_string(), kind: Some(kind), detail, ..Default::default() }
}

/// The receiver written before the `.` at `dot`: `cs`, `4D`, `This`, `$name`, or `cs.Name`,
/// without token suffixes (`cs:C1710` is `cs`).
fn receiver(text: &str, dot: usize) -> String {
    let mut start = dot;
    for (i, c) in text[..dot].char_indices().rev() {
        if !(is_word(c) || c == '$' || c == '.' || c == ':') {
            break;
        }
        start = i;
    }
    let mut out = String::new();
    for part in text[start..dot].split('.') {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(part.split(':').next().unwrap_or(""));
    }
    out
}

pub fn completion(ws: &Workspace, p: lsp::CompletionParams) -> Option<lsp::CompletionResponse> {
    let pp = p.text_document_position;
    let path = uri_to_path(&pp.text_document.uri)?;
    let (project, state) = ws.file(&path)?;
    let text = &state.text;
    let offset = state.lines.offset(text, pp.position);
    let start = word_start(text, offset);
    let prefix = &text[start..offset];
    let mut items = Vec::new();
    let cursor = Cursor::new(ws, &pp.text_document.uri, pp.position);
    if text[..start].ends_with('.') {
        let recv = receiver(text, start - 1);
        match recv.as_str() {
            "cs" => {
                for c in project.model.class_names() {
                    items.push(item(c, lsp::CompletionItemKind::CLASS, Some(format!("cs.{c}"))));
                }
                if let Some(ns) = &project.model.namespace {
                    items.push(item(ns, lsp::CompletionItemKind::MODULE, None));
                }
                for c in &project.components {
                    if let Some(ns) = &c.namespace {
                        let detail = format!("classes of component {}", c.name);
                        items.push(item(ns, lsp::CompletionItemKind::MODULE, Some(detail)));
                    }
                }
            }
            _ if recv.strip_prefix("cs.").is_some_and(|ns| project.is_component_namespace(ns)) => {
                let ns = &recv["cs.".len()..];
                for c in project.component(ns).iter().flat_map(|c| c.files.keys()) {
                    let (role, stem) = file_role(c);
                    if role == Role::Class {
                        let detail = Some(format!("cs.{ns}.{stem}"));
                        items.push(item(&stem, lsp::CompletionItemKind::CLASS, detail));
                    }
                }
            }
            "4D" => {
                for c in crate::native::CLASSES {
                    items.push(item(
                        c.name,
                        lsp::CompletionItemKind::CLASS,
                        Some(format!("4D.{}", c.name)),
                    ));
                }
            }
            _ => {
                let ty = if let Some(class) = recv.strip_prefix("cs.") {
                    Some(Ty::ClassObject { class: class.to_string(), builtin: false })
                } else if recv == "This" {
                    cursor
                        .as_ref()
                        .and_then(|c| c.class.clone())
                        .map(|class| Ty::Instance { class, builtin: false })
                } else if let (Some(local), Some(c)) = (recv.strip_prefix('$'), &cursor) {
                    let body = body_at(&c.parsed.file, c.offset.min(c.parsed.text.len()));
                    locals(body)
                        .into_iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(local))
                        .and_then(|(_, t)| t.and_then(crate::analysis::navigate::ty_of_ref))
                } else {
                    None
                };
                match ty {
                    Some(Ty::ClassObject { builtin: false, .. }) => {
                        items.push(item(
                            "new",
                            lsp::CompletionItemKind::CONSTRUCTOR,
                            Some("creates an instance".into()),
                        ));
                    }
                    Some(Ty::Instance { class, builtin: false }) => {
                        class_members(project, &class, &mut items)
                    }
                    _ => {}
                }
            }
        }
        return Some(lsp::CompletionResponse::List(lsp::CompletionList {
            is_incomplete: false,
            items,
        }));
    }
    let range = lsp::Range { start: state.lines.position(text, start), end: pp.position };
    let bare = prefix.trim_start_matches('$').trim_start_matches("<>");
    let matches = |name: &str| {
        bare.is_empty()
            || name.to_lowercase().starts_with(&bare.to_lowercase())
            || fuzzy(bare, name) && bare.len() > 2
    };
    let mut incomplete = false;
    let mut push =
        |label: String, kind, detail: Option<String>, items: &mut Vec<lsp::CompletionItem>| {
            if items.len() >= MAX_ITEMS {
                incomplete = true;
                return;
            }
            items.push(lsp::CompletionItem {
                filter_text: Some(label.clone()),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                    range,
                    new_text: label.clone(),
                })),
                label,
                kind: Some(kind),
                detail,
                ..Default::default()
            });
        };
    if let Some(c) = &cursor {
        let body = body_at(&c.parsed.file, c.offset.min(c.parsed.text.len()));
        for (name, ty) in locals(body) {
            if matches(&name) {
                let detail = ty.and_then(|t| c.parsed.text.get(t.span.range())).map(str::to_string);
                push(format!("${name}"), lsp::CompletionItemKind::VARIABLE, detail, &mut items);
            }
        }
    }
    if prefix.starts_with('$') {
        return Some(lsp::CompletionResponse::List(lsp::CompletionList {
            is_incomplete: incomplete,
            items,
        }));
    }
    for k in KEYWORDS {
        if matches(k) {
            push(k.to_string(), lsp::CompletionItemKind::KEYWORD, None, &mut items);
        }
    }
    for path in project.files.keys() {
        let (role, stem) = file_role(path);
        if role == Role::Method && matches(&stem) {
            push(
                stem,
                lsp::CompletionItemKind::FUNCTION,
                Some("project method".into()),
                &mut items,
            );
        }
    }
    for c in &project.components {
        for path in c.files.keys() {
            let (role, stem) = file_role(path);
            let shared = role == Role::Method && c.shared.contains(&stem.to_lowercase());
            if shared
                && matches(&stem)
                && project.method_file(&stem).is_some_and(|(p, _)| p == path)
            {
                let detail = Some(format!("shared method of component {}", c.name));
                push(stem, lsp::CompletionItemKind::FUNCTION, detail, &mut items);
            }
        }
    }
    if !bare.is_empty() {
        for c in catalog::commands() {
            if c.name.to_lowercase().starts_with(&bare.to_lowercase()) {
                let detail = c.number.map(|n| format!("command {n} — {}", c.theme));
                push(c.name.to_string(), lsp::CompletionItemKind::FUNCTION, detail, &mut items);
            }
        }
        for c in catalog::constants() {
            if c.name.to_lowercase().starts_with(&bare.to_lowercase()) {
                let detail = Some(format!("constant — {}", c.theme));
                push(c.name.to_string(), lsp::CompletionItemKind::CONSTANT, detail, &mut items);
            }
        }
    } else {
        incomplete = true;
    }
    Some(lsp::CompletionResponse::List(lsp::CompletionList { is_incomplete: incomplete, items }))
}

/// The innermost call open at `offset` on its line: (offset of `(`, index of the argument).
fn open_call(text: &str, offset: usize) -> Option<(usize, u32)> {
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let mut stack: Vec<(usize, u32)> = Vec::new();
    let mut in_text = false;
    let bytes = text.as_bytes();
    let mut i = line_start;
    while i < offset {
        let b = bytes[i];
        if in_text {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                in_text = false;
            }
        } else {
            match b {
                b'"' => in_text = true,
                b'/' if bytes.get(i + 1) == Some(&b'/') => return None,
                b'(' => stack.push((i, 0)),
                b')' => {
                    stack.pop();
                }
                b';' => {
                    if let Some(top) = stack.last_mut() {
                        top.1 += 1;
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    stack.pop()
}

pub fn signature_help(ws: &Workspace, p: lsp::SignatureHelpParams) -> Option<lsp::SignatureHelp> {
    let pp = p.text_document_position_params;
    let path = uri_to_path(&pp.text_document.uri)?;
    let (project, state) = ws.file(&path)?;
    let text = &state.text;
    let offset = state.lines.offset(text, pp.position);
    let (paren, active) = open_call(text, offset)?;
    let before = text[..paren].trim_end();
    let name_start = word_start(before, before.len());
    let name = &before[name_start..];
    let (label, ranges, doc) = if before[..name_start].ends_with('.') {
        // `receiver.function(`: the receiver's class, from its declaration.
        let recv = receiver(before, name_start - 1);
        let cursor = Cursor::new(ws, &pp.text_document.uri, pp.position);
        let class = if let Some(class) = recv.strip_prefix("cs.").filter(|_| name == "new") {
            Some(class.to_string())
        } else if recv == "This" {
            cursor.as_ref().and_then(|c| c.class.clone())
        } else if let (Some(local), Some(c)) = (recv.strip_prefix('$'), &cursor) {
            let body = body_at(&c.parsed.file, c.offset.min(c.parsed.text.len()));
            locals(body)
                .into_iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(local))
                .and_then(|(_, t)| t.and_then(crate::analysis::navigate::ty_of_ref))
                .and_then(|t| match t {
                    Ty::Instance { class, builtin: false } => Some(class),
                    _ => None,
                })
        } else {
            None
        }?;
        function_signature(project, &class, name)?
    } else {
        // A method or command name may have several words: try the longest first.
        let line_start = before.rfind(['\n', '\r', '(', ';', '=', ':']).map_or(0, |i| i + 1);
        let words = before[line_start..].trim_start();
        let starts: Vec<usize> =
            std::iter::once(0).chain(words.match_indices(' ').map(|(i, _)| i + 1)).collect();
        let mut found = None;
        for s in starts {
            let candidate = words[s..].split(":C").next().unwrap_or("").trim();
            if candidate.is_empty() {
                continue;
            }
            if let Some(sig) = method_signature(project, candidate) {
                found = Some(sig);
                break;
            }
            if let Some(index) = catalog::command_index(candidate) {
                let c = catalog::command(index)?;
                let doc = super::goto::command_hover(index);
                found = Some((format!("{}(…)", c.name), Vec::new(), doc));
                break;
            }
        }
        found?
    };
    let parameters: Vec<lsp::ParameterInformation> = ranges
        .iter()
        .map(|&(s, e)| lsp::ParameterInformation {
            label: lsp::ParameterLabel::LabelOffsets([
                utf16_len(&label[..s]),
                utf16_len(&label[..e]),
            ]),
            documentation: None,
        })
        .collect();
    let active_parameter =
        if parameters.is_empty() { None } else { Some(active.min(parameters.len() as u32 - 1)) };
    Some(lsp::SignatureHelp {
        signatures: vec![lsp::SignatureInformation {
            label,
            documentation: doc.map(|d| {
                lsp::Documentation::MarkupContent(lsp::MarkupContent {
                    kind: lsp::MarkupKind::Markdown,
                    value: d,
                })
            }),
            parameters: Some(parameters),
            active_parameter,
        }],
        active_signature: Some(0),
        active_parameter,
    })
}

fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

type Sig = (String, Vec<(usize, usize)>, Option<String>);

fn method_signature(project: &Project, name: &str) -> Option<Sig> {
    let (path, state) = project.method_file(name)?;
    let stem = file_role(path).1;
    let g = state.good.as_ref()?;
    let d = g.file.declare.as_ref()?;
    let (label, ranges) = signature_label(&stem, &d.params, d.result.as_ref(), &g.text);
    let doc = crate::analysis::navigate::comment_above(&g.text, d.span.start as usize);
    Some((label, ranges, doc))
}

fn function_signature(project: &Project, class: &str, name: &str) -> Option<Sig> {
    let (_, parsed, span) = super::goto::member_location(project, class, name)?;
    let def = parsed.file.class.as_ref()?;
    let f = def
        .constructor
        .iter()
        .chain(def.functions.iter())
        .find(|f| f.name.span == span && span != Span::default())?;
    let shown = match f.kind {
        FunctionKind::Constructor => format!("cs.{class}.new"),
        _ => name.to_string(),
    };
    let (label, ranges) = signature_label(&shown, &f.params, f.result.as_ref(), &parsed.text);
    let doc = crate::analysis::navigate::comment_above(&parsed.text, f.span.start as usize);
    Some((label, ranges, doc))
}

//! Document symbols (a file's outline) and workspace symbols (methods, classes, members).

use super::protocol::types as lsp;
use super::protocol::{path_to_uri, uri_to_path};
use super::workspace::{file_role, Parsed, Workspace};
use crate::analysis::model::Role;
use crate::analysis::navigate::{outline, Symbol, SymbolKind};

fn kind(k: SymbolKind) -> lsp::SymbolKind {
    match k {
        SymbolKind::Declare => lsp::SymbolKind::FUNCTION,
        SymbolKind::Class => lsp::SymbolKind::CLASS,
        SymbolKind::Constructor => lsp::SymbolKind::CONSTRUCTOR,
        SymbolKind::Function => lsp::SymbolKind::METHOD,
        SymbolKind::Getter | SymbolKind::Setter | SymbolKind::Property | SymbolKind::Alias => {
            lsp::SymbolKind::PROPERTY
        }
    }
}

fn detail(k: SymbolKind) -> Option<String> {
    match k {
        SymbolKind::Getter => Some("get".into()),
        SymbolKind::Setter => Some("set".into()),
        SymbolKind::Alias => Some("alias".into()),
        _ => None,
    }
}

fn class_name(path: &std::path::Path) -> Option<String> {
    let (role, stem) = file_role(path);
    (role == Role::Class).then_some(stem)
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol type.
fn document_symbol(parsed: &Parsed, s: &Symbol) -> lsp::DocumentSymbol {
    let range = parsed.lines.range(&parsed.text, s.span);
    let mut selection = parsed.lines.range(&parsed.text, s.name_span);
    // The selection must lie inside the range.
    if selection.start < range.start || selection.end > range.end {
        selection = lsp::Range { start: range.start, end: range.start };
    }
    lsp::DocumentSymbol {
        name: s.name.clone(),
        detail: detail(s.kind),
        kind: kind(s.kind),
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: Some(s.children.iter().map(|c| document_symbol(parsed, c)).collect()),
    }
}

pub fn document(
    ws: &Workspace,
    p: lsp::DocumentSymbolParams,
) -> Option<lsp::DocumentSymbolResponse> {
    let path = uri_to_path(&p.text_document.uri)?;
    let (_, state) = ws.file(&path)?;
    let parsed = state.good.as_ref()?;
    let class = class_name(&path);
    let symbols = outline(&parsed.file, class.as_deref(), parsed.text.len());
    let list = symbols.iter().map(|s| document_symbol(parsed, s)).collect();
    Some(lsp::DocumentSymbolResponse::Nested(list))
}

/// Whether `query` matches `name`: its characters in order, ignoring case (`gtNm` ~ `getName`).
pub fn fuzzy(query: &str, name: &str) -> bool {
    let mut chars = name.chars().flat_map(char::to_lowercase);
    query.chars().flat_map(char::to_lowercase).all(|q| chars.any(|c| c == q))
}

const MAX_WORKSPACE_SYMBOLS: usize = 500;

#[allow(deprecated)] // `deprecated` is a required field of the protocol type.
pub fn workspace(
    ws: &Workspace,
    p: lsp::WorkspaceSymbolParams,
) -> Option<lsp::WorkspaceSymbolResponse> {
    let mut out = Vec::new();
    let mut add = |name: &str, kind: lsp::SymbolKind, container: Option<String>, loc| {
        if out.len() < MAX_WORKSPACE_SYMBOLS && fuzzy(&p.query, name) {
            out.push(lsp::SymbolInformation {
                name: name.to_string(),
                kind,
                tags: None,
                deprecated: None,
                location: loc,
                container_name: container,
            });
        }
    };
    for project in &ws.projects {
        // The project's files, then what its components give it: shared methods and classes.
        let own = project.files.iter().map(|(p, s)| (p, s, None));
        let components = project.components.iter().flat_map(|c| {
            c.files
                .iter()
                .filter(|(p, _)| match file_role(p).0 {
                    Role::Method => c.shared.contains(&file_role(p).1.to_lowercase()),
                    _ => true,
                })
                .map(|(p, s)| (p, s, Some(format!("component {}", c.name))))
        });
        for (path, state, component) in own.chain(components) {
            let (role, stem) = file_role(path);
            let uri = path_to_uri(path);
            let whole = lsp::Location::new(uri.clone(), lsp::Range::default());
            match role {
                Role::Method => add(&stem, lsp::SymbolKind::FUNCTION, component, whole),
                Role::Class => add(&stem, lsp::SymbolKind::CLASS, component, whole),
                Role::Other => {}
            }
            if role != Role::Class {
                continue;
            }
            let Some(parsed) = &state.good else { continue };
            for s in outline(&parsed.file, Some(&stem), parsed.text.len()) {
                for c in &s.children {
                    let range = parsed.lines.range(&parsed.text, c.name_span);
                    let loc = lsp::Location::new(uri.clone(), range);
                    add(&c.name, kind(c.kind), Some(stem.clone()), loc);
                }
            }
        }
    }
    Some(lsp::WorkspaceSymbolResponse::Flat(out))
}

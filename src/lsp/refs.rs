//! Find references and rename: every name of the project that refers to the same declaration
//! as the name under the cursor (a method, a class, a class member, a local of the same body,
//! a process or interprocess variable), read from each file's last good tree.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::goto::{member_location, with_file_types, Cursor};
use super::protocol::path_to_uri;
use super::protocol::types as lsp;
use super::workspace::{file_role, Parsed, Project, Workspace};
use crate::analysis::model::Role;
use crate::analysis::navigate::{body_at, Reference, Ty};
use crate::syntax::ast::Span;

/// What a name refers to, as declared once in the project.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    /// A local: its file, the span of its body, its lower-case name.
    Local(PathBuf, Span, String),
    Method(String),
    Class(String),
    Process(String),
    Interprocess(String),
    /// A class member: where it is declared.
    Member(PathBuf, Span),
}

impl Target {
    /// The name as the target's occurrences write it (a quick filter before resolving).
    fn may_be(&self, r: &Reference) -> bool {
        let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        match (self, r) {
            (Target::Local(_, _, n), Reference::Local(m)) => same(n, m),
            (Target::Method(n), Reference::Method(m) | Reference::Process(m)) => same(n, m),
            (Target::Process(n), Reference::Process(m)) => same(n, m),
            (Target::Interprocess(n), Reference::Interprocess(m)) => same(n, m),
            (Target::Class(n), Reference::Class { name, builtin: false }) => same(n, name),
            (Target::Member(..), Reference::Member { .. }) => true,
            _ => false,
        }
    }
}

fn target_of(
    project: &Project,
    path: &Path,
    parsed: &Parsed,
    reference: &Reference,
    offset: usize,
) -> Option<Target> {
    Some(match reference {
        Reference::Local(n) => {
            let body = body_at(&parsed.file, offset);
            Target::Local(path.to_path_buf(), body.span, n.to_lowercase())
        }
        Reference::Method(n) => Target::Method(n.to_lowercase()),
        Reference::Process(n) if project.method_file(n).is_some() => {
            Target::Method(n.to_lowercase())
        }
        Reference::Process(n) => Target::Process(n.to_lowercase()),
        Reference::Interprocess(n) => Target::Interprocess(n.to_lowercase()),
        Reference::Class { name, builtin: false } => Target::Class(name.to_lowercase()),
        Reference::Member { owner: Some(Ty::Instance { class, builtin: false }), name }
        | Reference::Member { owner: Some(Ty::ClassObject { class, builtin: false }), name } => {
            let (decl, _, span) = member_location(project, class, name)?;
            Target::Member(decl, span)
        }
        _ => return None,
    })
}

/// A name in a file: the file, its last good tree, the span of the name.
type Occurrence = (PathBuf, std::sync::Arc<Parsed>, Span);

/// Every occurrence of the declaration under the cursor: (file, its last good tree, span).
fn occurrences(
    ws: &Workspace,
    uri: &lsp::Uri,
    pos: lsp::Position,
) -> Option<(Target, Vec<Occurrence>)> {
    let cursor = Cursor::new(ws, uri, pos)?;
    let project = cursor.project;
    let (reference, _) = cursor.reference()?;
    let target = target_of(project, &cursor.path, &cursor.parsed, &reference, cursor.offset)?;
    let mut out = Vec::new();
    for (path, state) in &project.files {
        if let Target::Local(file, ..) = &target {
            if file != path {
                continue;
            }
        }
        let Some(parsed) = state.good.clone() else { continue };
        let (role, stem) = file_role(path);
        let class = (role == Role::Class).then_some(stem);
        let found = with_file_types(project, &parsed, class.as_deref(), |t| t.all_references());
        for (r, span) in found {
            if target.may_be(&r)
                && target_of(project, path, &parsed, &r, span.start as usize).as_ref()
                    == Some(&target)
            {
                out.push((path.clone(), parsed.clone(), span));
            }
        }
    }
    out.sort_by_key(|(p, _, s)| (p.clone(), s.start));
    out.dedup_by_key(|(p, _, s)| (p.clone(), *s));
    Some((target, out))
}

pub fn references(ws: &Workspace, p: lsp::ReferenceParams) -> Option<Vec<lsp::Location>> {
    let pp = p.text_document_position;
    let (_, found) = occurrences(ws, &pp.text_document.uri, pp.position)?;
    Some(
        found
            .into_iter()
            .map(|(path, parsed, span)| {
                lsp::Location::new(path_to_uri(&path), parsed.lines.range(&parsed.text, span))
            })
            .collect(),
    )
}

/// Whether `name` can replace a name of this kind (4D names: letters, digits, `_`, and inner
/// spaces for methods).
fn valid_name(name: &str, spaces: bool) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit() || c == ' ')
        && !name.ends_with(' ')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_' || (spaces && c == ' '))
}

pub fn rename(ws: &Workspace, p: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>, String> {
    let pp = p.text_document_position;
    let Some((target, found)) = occurrences(ws, &pp.text_document.uri, pp.position) else {
        return Ok(None);
    };
    let bare = p.new_name.trim_start_matches('$').trim_start_matches("<>");
    if !valid_name(bare, matches!(target, Target::Method(_))) {
        return Err(format!("`{}` is not a valid name", p.new_name));
    }
    let mut edits: HashMap<PathBuf, Vec<lsp::TextEdit>> = HashMap::new();
    for (path, parsed, span) in &found {
        let written = parsed.text.get(span.range()).unwrap_or("");
        let new_text = if written.starts_with('$') {
            format!("${bare}")
        } else if written.starts_with("<>") {
            format!("<>{bare}")
        } else {
            bare.to_string()
        };
        let range = parsed.lines.range(&parsed.text, *span);
        edits.entry(path.clone()).or_default().push(lsp::TextEdit { range, new_text });
    }
    // A method or a class is its file: the file is renamed too, after its edits.
    let project = ws
        .project_of(&crate::lsp::protocol::uri_to_path(&pp.text_document.uri).unwrap_or_default());
    let file = match (&target, project) {
        (Target::Method(n), Some(project)) => project.files.keys().find(|p| {
            let (role, stem) = file_role(p);
            role == Role::Method && stem.eq_ignore_ascii_case(n)
        }),
        (Target::Class(n), Some(project)) => project.files.keys().find(|p| {
            let (role, stem) = file_role(p);
            role == Role::Class && stem.eq_ignore_ascii_case(n)
        }),
        _ => None,
    };
    let Some(file) = file else {
        // `Uri` caches its parts inside (clippy's mutable key), never changed once made.
        #[allow(clippy::mutable_key_type)]
        let changes = edits.into_iter().map(|(p, e)| (path_to_uri(&p), e)).collect();
        return Ok(Some(lsp::WorkspaceEdit { changes: Some(changes), ..Default::default() }));
    };
    let mut operations: Vec<lsp::DocumentChangeOperation> = edits
        .into_iter()
        .map(|(p, e)| {
            lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
                text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                    uri: path_to_uri(&p),
                    version: None,
                },
                edits: e.into_iter().map(lsp::OneOf::Left).collect(),
            })
        })
        .collect();
    let new_path = file.with_file_name(format!("{bare}.4dm"));
    operations.push(lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Rename(lsp::RenameFile {
        old_uri: path_to_uri(file),
        new_uri: path_to_uri(&new_path),
        options: None,
        annotation_id: None,
    })));
    Ok(Some(lsp::WorkspaceEdit {
        document_changes: Some(lsp::DocumentChanges::Operations(operations)),
        ..Default::default()
    }))
}

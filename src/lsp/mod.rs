//! `mini4d lsp`: a language server for 4D over stdio, built on the project analysis of
//! [`crate::analysis`] (the same model, name resolution and diagnostics as `mini4d check`).
//!
//! One synchronous loop ([`Server::run`]) reads messages from an `lsp-server` connection; the
//! protocol types are reached only through [`protocol`]. Every request runs under
//! `catch_unwind`, so a bug answers an error instead of ending the session.

pub mod complete;
pub mod goto;
pub mod protocol;
pub mod symbols;
pub mod tokens;
pub mod transport;
pub mod workspace;

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use protocol::types::{self as lsp, notification::Notification as _, request::Request as _};
use protocol::{path_to_uri, uri_to_path};
use workspace::{FileState, Workspace};

use crate::analysis::Severity;

/// `mini4d lsp`: serves stdio until the client says `exit`.
pub fn run_stdio() -> ExitCode {
    let (connection, threads) = transport::stdio();
    let result = serve(&connection);
    drop(connection);
    threads.join();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mini4d lsp: {e}");
            ExitCode::from(1)
        }
    }
}

/// The server's capabilities: what it answers.
pub fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::FULL),
                save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(lsp::SaveOptions {
                    include_text: Some(true),
                })),
                ..Default::default()
            },
        )),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: tokens::legend(),
                    full: Some(lsp::SemanticTokensFullOptions::Delta { delta: Some(true) }),
                    range: Some(true),
                    ..Default::default()
                },
            ),
        ),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![".".into(), "$".into()]),
            ..Default::default()
        }),
        signature_help_provider: Some(lsp::SignatureHelpOptions {
            trigger_characters: Some(vec!["(".into(), ";".into()]),
            retrigger_characters: None,
            work_done_progress_options: Default::default(),
        }),
        ..Default::default()
    }
}

/// Runs the whole session on `connection`: initialize, then messages until `exit`.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let init: lsp::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = lsp::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(lsp::ServerInfo {
            name: "mini4d".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
    connection.initialize_finish(id, result).map_err(|e| e.to_string())?;
    let mut server = Server {
        connection,
        workspace: Workspace::default(),
        open: HashMap::new(),
        sent_tokens: tokens::Sent::default(),
    };
    for root in workspace_roots(&init) {
        server.load(&root);
    }
    server.run();
    Ok(())
}

/// The folders the client opened (`workspaceFolders`, else `rootUri`).
#[allow(deprecated)] // `root_uri` is how older clients give their folder.
fn workspace_roots(init: &lsp::InitializeParams) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> =
        init.workspace_folders.iter().flatten().filter_map(|f| uri_to_path(&f.uri)).collect();
    if folders.is_empty() {
        folders.extend(init.root_uri.as_ref().and_then(uri_to_path));
    }
    let mut roots = Vec::new();
    for folder in folders {
        if let Some(root) = crate::analysis::model::project_root(&folder.join("x.4dm")) {
            roots.push(root);
        } else if folder.join("Project/Sources").is_dir() {
            roots.push(folder);
        } else if let Ok(entries) = std::fs::read_dir(&folder) {
            // A folder holding projects: each one directly below.
            let mut below: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.join("Project/Sources").is_dir())
                .collect();
            below.sort();
            roots.extend(below);
        }
    }
    roots
}

struct Server<'a> {
    connection: &'a Connection,
    workspace: Workspace,
    /// Texts of the documents the editor has open.
    open: HashMap<PathBuf, String>,
    /// The semantic tokens last sent per file (for `semanticTokens/full/delta`).
    sent_tokens: tokens::Sent,
}

impl Server<'_> {
    fn run(&mut self) {
        let mut shutting_down = false;
        while let Ok(msg) = self.connection.receiver.recv() {
            match msg {
                Message::Request(req) => {
                    if req.method == lsp::request::Shutdown::METHOD {
                        shutting_down = true;
                        self.send(Response::new_ok(req.id, serde_json::Value::Null));
                        continue;
                    }
                    if shutting_down {
                        let code = ErrorCode::InvalidRequest as i32;
                        self.send(Response::new_err(req.id, code, "shutting down".into()));
                        continue;
                    }
                    let id = req.id.clone();
                    let response = catch_unwind(AssertUnwindSafe(|| self.request(req)))
                        .unwrap_or_else(|_| {
                            let code = ErrorCode::InternalError as i32;
                            Response::new_err(id, code, "internal error in mini4d".into())
                        });
                    self.send(response);
                }
                Message::Notification(n) => {
                    if n.method == lsp::notification::Exit::METHOD {
                        return;
                    }
                    let method = n.method.clone();
                    if catch_unwind(AssertUnwindSafe(|| self.notification(n))).is_err() {
                        eprintln!("mini4d lsp: internal error while handling {method}");
                    }
                }
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, r: Response) {
        let _ = self.connection.sender.send(Message::Response(r));
    }

    fn request(&mut self, req: Request) -> Response {
        use lsp::request::*;
        let id = req.id.clone();
        let ws = &self.workspace;
        let sent = &mut self.sent_tokens;
        let result = match req.method.as_str() {
            DocumentSymbolRequest::METHOD => {
                handle::<DocumentSymbolRequest>(req, |p| symbols::document(ws, p))
            }
            WorkspaceSymbolRequest::METHOD => {
                handle::<WorkspaceSymbolRequest>(req, |p| symbols::workspace(ws, p))
            }
            GotoDefinition::METHOD => handle::<GotoDefinition>(req, |p| goto::definition(ws, p)),
            HoverRequest::METHOD => handle::<HoverRequest>(req, |p| goto::hover(ws, p)),
            SemanticTokensFullRequest::METHOD => {
                handle::<SemanticTokensFullRequest>(req, |p| tokens::full(ws, sent, p))
            }
            SemanticTokensFullDeltaRequest::METHOD => {
                handle::<SemanticTokensFullDeltaRequest>(req, |p| tokens::delta(ws, sent, p))
            }
            SemanticTokensRangeRequest::METHOD => {
                handle::<SemanticTokensRangeRequest>(req, |p| tokens::range(ws, p))
            }
            Completion::METHOD => handle::<Completion>(req, |p| complete::completion(ws, p)),
            SignatureHelpRequest::METHOD => {
                handle::<SignatureHelpRequest>(req, |p| complete::signature_help(ws, p))
            }
            _ => Err((ErrorCode::MethodNotFound, format!("unknown method `{}`", req.method))),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn notification(&mut self, n: Notification) {
        use lsp::notification::*;
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Some(p) = params::<DidOpenTextDocument>(n) {
                    if let Some(path) = uri_to_path(&p.text_document.uri) {
                        self.edited(&path, p.text_document.text);
                    }
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Some(p) = params::<DidChangeTextDocument>(n) {
                    // Full synchronisation: the last change holds the whole text.
                    let path = uri_to_path(&p.text_document.uri);
                    if let (Some(path), Some(change)) = (path, p.content_changes.into_iter().last())
                    {
                        if change.range.is_none() {
                            self.edited(&path, change.text);
                        }
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Some(p) = params::<DidSaveTextDocument>(n) {
                    if let (Some(path), Some(text)) = (uri_to_path(&p.text_document.uri), p.text) {
                        self.edited(&path, text);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Some(p) = params::<DidCloseTextDocument>(n) {
                    if let Some(path) = uri_to_path(&p.text_document.uri) {
                        self.closed(&path);
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Some(p) = params::<DidChangeWatchedFiles>(n) {
                    for change in p.changes {
                        if let Some(path) = uri_to_path(&change.uri) {
                            self.changed_on_disk(&path, change.typ);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Loads a project (once) and publishes the diagnostics of all its files.
    fn load(&mut self, root: &Path) {
        let open = &self.open;
        if self.workspace.ensure_loaded(root, &|p| open.get(p).cloned()) {
            if let Some(project) = self.workspace.projects.iter().find(|p| p.root == root) {
                for (path, state) in &project.files {
                    self.publish(path, state);
                }
            }
        }
    }

    /// A document's text changed in the editor (open, edit, save).
    fn edited(&mut self, path: &Path, text: String) {
        if !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm")) {
            return;
        }
        self.open.insert(path.to_path_buf(), text.clone());
        let root = workspace::root_of(path);
        self.load(&root);
        self.update(path, text, true);
    }

    /// Analyses a file's new text; publishes its diagnostics, then those of the files using it
    /// when what it declares changed (so the edited file's answer never waits for the others).
    fn update(&mut self, path: &Path, text: String, open: bool) {
        let Some(project) = self.workspace.project_of_mut(path) else { return };
        let declarations_changed = project.update(path, text, open);
        self.publish_all(&[path.to_path_buf()]);
        if declarations_changed {
            let users = match self.workspace.project_of_mut(path) {
                Some(project) => project.recheck_users_of(path),
                None => return,
            };
            self.publish_all(&users);
        }
    }

    fn closed(&mut self, path: &Path) {
        self.open.remove(path);
        self.sent_tokens.forget(path);
        // The file on disk is the truth again (the editor may close without saving).
        match crate::interp::project::read_source(path) {
            Ok(bytes) => self.update(path, crate::syntax::decode_source(&bytes).0, false),
            Err(_) => self.changed_on_disk(path, lsp::FileChangeType::DELETED),
        }
    }

    fn changed_on_disk(&mut self, path: &Path, typ: lsp::FileChangeType) {
        if self.open.contains_key(path) {
            return; // the editor's text wins
        }
        if typ != lsp::FileChangeType::DELETED {
            if let Ok(bytes) = crate::interp::project::read_source(path) {
                self.update(path, crate::syntax::decode_source(&bytes).0, false);
            }
            return;
        }
        let changed = match self.workspace.project_of_mut(path) {
            Some(project) => {
                let users = project.remove(path);
                // Its diagnostics go with it.
                let uri = path_to_uri(path);
                let params = lsp::PublishDiagnosticsParams::new(uri, Vec::new(), None);
                self.notify::<lsp::notification::PublishDiagnostics>(params);
                users
            }
            None => return,
        };
        self.publish_all(&changed);
    }

    fn publish_all(&self, paths: &[PathBuf]) {
        for path in paths {
            if let Some((_, state)) = self.workspace.file(path) {
                self.publish(path, state);
            }
        }
    }

    fn publish(&self, path: &Path, state: &FileState) {
        let params =
            lsp::PublishDiagnosticsParams::new(path_to_uri(path), diagnostics(state), None);
        self.notify::<lsp::notification::PublishDiagnostics>(params);
    }

    fn notify<N: lsp::notification::Notification>(&self, params: N::Params) {
        let n = Notification::new(N::METHOD.to_string(), params);
        let _ = self.connection.sender.send(Message::Notification(n));
    }
}

type Handled = Result<serde_json::Value, (ErrorCode, String)>;

fn handle<R: lsp::request::Request>(
    req: Request,
    f: impl FnOnce(R::Params) -> R::Result,
) -> Handled {
    let params: R::Params = serde_json::from_value(req.params)
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid parameters: {e}")))?;
    let result = f(params);
    Ok(serde_json::to_value(result).unwrap_or(serde_json::Value::Null))
}

fn params<N: lsp::notification::Notification>(n: Notification) -> Option<N::Params> {
    match serde_json::from_value(n.params) {
        Ok(p) => Some(p),
        Err(e) => {
            eprintln!("mini4d lsp: invalid parameters of {}: {e}", n.method);
            None
        }
    }
}

/// The diagnostics of a file: its syntax errors, or the checker's findings when it parses.
pub fn diagnostics(state: &FileState) -> Vec<lsp::Diagnostic> {
    let range = |span| state.lines.range(&state.text, span);
    let mut out = Vec::new();
    if state.too_large {
        out.push(lsp::Diagnostic {
            range: lsp::Range::default(),
            severity: Some(lsp::DiagnosticSeverity::INFORMATION),
            source: Some("mini4d".into()),
            message: format!(
                "this file ({} MB) is too large to be analysed",
                state.text.len() >> 20
            ),
            ..Default::default()
        });
    }
    for e in &state.syntax_errors {
        out.push(lsp::Diagnostic {
            range: range(e.span),
            severity: Some(lsp::DiagnosticSeverity::ERROR),
            code: Some(lsp::NumberOrString::String(format!("syntax::{}", e.code))),
            source: Some("mini4d".into()),
            message: with_help(&e.message, e.help.as_deref()),
            ..Default::default()
        });
    }
    for f in &state.findings {
        out.push(lsp::Diagnostic {
            range: range(f.span),
            severity: Some(match f.severity {
                Severity::Error => lsp::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            }),
            code: Some(lsp::NumberOrString::String(format!("check::{}", f.code))),
            source: Some("mini4d".into()),
            message: with_help(&f.message, f.help.as_deref()),
            tags: (f.code.starts_with("unused") || f.code == "unreachable-code")
                .then(|| vec![lsp::DiagnosticTag::UNNECESSARY]),
            ..Default::default()
        });
    }
    out
}

fn with_help(message: &str, help: Option<&str>) -> String {
    match help {
        Some(h) => format!("{message}\n{h}"),
        None => message.to_string(),
    }
}

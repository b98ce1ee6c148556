//! Semantic tokens: locals, process and interprocess variables, commands, constants, methods,
//! classes and members told apart, as 4D's own editor colours them. Read from the lexer (so a
//! file being edited is coloured even where it does not parse), with the project's names.

use std::collections::HashMap;
use std::path::PathBuf;

use super::protocol::types as lsp;
use super::protocol::{uri_to_path, LineIndex};
use super::workspace::{Project, Workspace};
use crate::commands::catalog;
use crate::syntax::lexer::Lexer;
use crate::syntax::token::Tok;

const TYPES: &[lsp::SemanticTokenType] = &[
    lsp::SemanticTokenType::VARIABLE,
    lsp::SemanticTokenType::PARAMETER,
    lsp::SemanticTokenType::FUNCTION,
    lsp::SemanticTokenType::METHOD,
    lsp::SemanticTokenType::CLASS,
    lsp::SemanticTokenType::PROPERTY,
    lsp::SemanticTokenType::ENUM_MEMBER,
    lsp::SemanticTokenType::KEYWORD,
    lsp::SemanticTokenType::STRING,
    lsp::SemanticTokenType::NUMBER,
    lsp::SemanticTokenType::NAMESPACE,
    lsp::SemanticTokenType::COMMENT,
    lsp::SemanticTokenType::TYPE,
];

/// Index of each kind in [`TYPES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Variable,
    Parameter,
    Function,
    Method,
    Class,
    Property,
    Constant,
    Keyword,
    String,
    Number,
    Namespace,
    Comment,
    Type,
}

/// Modifier bits, in the order of [`MODIFIERS`].
pub const LOCAL: u32 = 1;
pub const PROCESS: u32 = 2;
pub const INTERPROCESS: u32 = 4;
pub const DEFAULT_LIBRARY: u32 = 8;

const MODIFIERS: &[&str] = &["local", "process", "interprocess", "defaultLibrary"];

pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.iter().map(|m| lsp::SemanticTokenModifier::new(m)).collect(),
    }
}

/// One classified piece of text: byte range, kind, modifier bits.
pub type Classified = (usize, usize, Kind, u32);

/// Classifies the tokens and comments of `text`, a file of `project`.
pub fn classify(text: &str, project: &Project) -> Vec<Classified> {
    let model = &project.model;
    let toks: Vec<(usize, Tok, usize)> = Lexer::new(text, &project.names).flatten().collect();
    let mut out = Vec::with_capacity(toks.len());
    let mut last_end = 0;
    for (i, (start, tok, end)) in toks.iter().enumerate() {
        comments(text, last_end, *start, &mut out);
        last_end = *end;
        let prev = |k: usize| i.checked_sub(k).and_then(|j| toks.get(j)).map(|t| &t.1);
        let next = toks.get(i + 1).map(|t| &t.1);
        let after_function = matches!(prev(1), Some(Tok::Function))
            || matches!((prev(2), prev(1)), (Some(Tok::Function), Some(Tok::Get | Tok::Set)));
        // A declared type (`: Text`, `: cs.Person`): the class part is coloured below.
        let type_word = matches!(prev(1), Some(Tok::Colon)) && next != Some(&Tok::Dot);
        let kind = match tok {
            Tok::Name(_) | Tok::PropName(_) if after_function => Some((Kind::Method, 0)),
            Tok::Name(_) | Tok::Command(_) | Tok::Constant(_) | Tok::Method(_) if type_word => {
                Some((Kind::Type, 0))
            }
            Tok::Name(_) if matches!(prev(1), Some(Tok::Property)) => Some((Kind::Property, 0)),
            Tok::Get | Tok::Set => Some((Kind::Keyword, 0)),
            Tok::Local(_) => Some((Kind::Variable, LOCAL)),
            Tok::LegacyParam(_) | Tok::DollarBrace => Some((Kind::Parameter, LOCAL)),
            Tok::Interprocess(_) => Some((Kind::Variable, INTERPROCESS)),
            Tok::Name(n) => {
                let after_extends = matches!(prev(1), Some(Tok::ClassExtends));
                if after_extends || (model.class(n).is_some() && next != Some(&Tok::Dot)) {
                    Some((Kind::Class, 0))
                } else {
                    Some((Kind::Variable, PROCESS))
                }
            }
            Tok::Command(index) => {
                let name = catalog::command(*index).map(|c| c.name).unwrap_or("");
                if name.eq_ignore_ascii_case("cs") || name == "4D" {
                    Some((Kind::Namespace, DEFAULT_LIBRARY))
                } else {
                    Some((Kind::Function, DEFAULT_LIBRARY))
                }
            }
            Tok::Constant(_) => Some((Kind::Constant, DEFAULT_LIBRARY)),
            Tok::ProjectConstant(_) => Some((Kind::Constant, 0)),
            Tok::Method(_) => Some((Kind::Function, 0)),
            Tok::PropName(n) => {
                let is_store = |t: Option<&Tok>| {
                    matches!(t, Some(Tok::Command(c))
                        if catalog::command(*c).is_some_and(|c| c.name.eq_ignore_ascii_case("cs") || c.name == "4D"))
                };
                let after_store = matches!(prev(1), Some(Tok::Dot)) && is_store(prev(2));
                // `cs.<namespace>.Class`: a component's class store, then one of its classes.
                let after_namespace = matches!(prev(1), Some(Tok::Dot))
                    && matches!(prev(2), Some(Tok::PropName(ns)) if project.is_component_namespace(ns))
                    && matches!(prev(3), Some(Tok::Dot))
                    && is_store(prev(4));
                if after_store && project.is_component_namespace(n) {
                    Some((Kind::Namespace, 0))
                } else if after_store || after_namespace {
                    Some((Kind::Class, 0))
                } else if next == Some(&Tok::LParen) {
                    Some((Kind::Method, 0))
                } else {
                    Some((Kind::Property, 0))
                }
            }
            Tok::Text(_) => Some((Kind::String, 0)),
            Tok::Number(_) | Tok::Date(_) | Tok::Time(_) => Some((Kind::Number, 0)),
            Tok::This | Tok::Super => Some((Kind::Keyword, 0)),
            t if is_keyword(t) => Some((Kind::Keyword, 0)),
            _ => None,
        };
        if let Some((kind, mods)) = kind {
            out.push((*start, *end, kind, mods));
        }
    }
    comments(text, last_end, text.len(), &mut out);
    out
}

fn is_keyword(t: &Tok) -> bool {
    matches!(
        t,
        Tok::If
            | Tok::Else
            | Tok::EndIf
            | Tok::CaseOf
            | Tok::EndCase
            | Tok::While
            | Tok::EndWhile
            | Tok::Repeat
            | Tok::Until
            | Tok::For
            | Tok::EndFor
            | Tok::ForEach
            | Tok::EndForEach
            | Tok::Use
            | Tok::EndUse
            | Tok::Try
            | Tok::Catch
            | Tok::EndTry
            | Tok::Return
            | Tok::Var
            | Tok::Declare
            | Tok::Function
            | Tok::ClassConstructor
            | Tok::ClassExtends
            | Tok::Property
            | Tok::Shared
            | Tok::Singleton
            | Tok::Session
            | Tok::Exposed
            | Tok::KwLocal
    )
}

/// The comments in `text[from..to]` (the text between two tokens).
fn comments(text: &str, from: usize, to: usize, out: &mut Vec<Classified>) {
    let Some(gap) = text.get(from..to) else { return };
    let mut at = 0;
    while let Some(i) = gap[at..].find('/') {
        let start = at + i;
        let rest = &gap[start..];
        if rest.starts_with("//") {
            let end = rest.find(['\n', '\r']).map_or(gap.len(), |e| start + e);
            out.push((from + start, from + end, Kind::Comment, 0));
            at = end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(gap.len(), |e| start + e + 2);
            out.push((from + start, from + end, Kind::Comment, 0));
            at = end;
        } else {
            at = start + 1;
        }
    }
}

/// Encodes classified ranges as LSP relative tokens (multi-line ranges split per line).
pub fn encode(text: &str, lines: &LineIndex, items: &[Classified]) -> Vec<lsp::SemanticToken> {
    let mut out = Vec::with_capacity(items.len());
    let (mut line, mut col) = (0u32, 0u32);
    for &(start, end, kind, mods) in items {
        let Some(piece) = text.get(start..end) else { continue };
        let mut offset = start;
        for part in piece.split_inclusive(['\n', '\r']) {
            let body = part.trim_end_matches(['\n', '\r']);
            let len: u32 = body.chars().map(|c| c.len_utf16() as u32).sum();
            let pos = lines.position(text, offset);
            offset += part.len();
            if len == 0 {
                continue;
            }
            let delta_line = pos.line - line;
            let delta_start = if delta_line == 0 { pos.character - col } else { pos.character };
            out.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length: len,
                token_type: kind as u32,
                token_modifiers_bitset: mods,
            });
            line = pos.line;
            col = pos.character;
        }
    }
    out
}

/// The tokens of a file and the classified pieces they came from (`None` for a file too
/// large to analyse or outside the workspace).
fn file_tokens(
    ws: &Workspace,
    uri: &lsp::Uri,
    range: Option<lsp::Range>,
) -> Option<Vec<lsp::SemanticToken>> {
    let path = uri_to_path(uri)?;
    let (project, state) = ws.file(&path)?;
    if state.too_large {
        return None;
    }
    let mut items = classify(&state.text, project);
    if let Some(r) = range {
        // The pieces that overlap the range (a comment may start before it).
        let start = state.lines.offset(&state.text, r.start);
        let end = state.lines.offset(&state.text, r.end);
        items.retain(|&(s, e, _, _)| e > start && s < end || s == start);
    }
    Some(encode(&state.text, &state.lines, &items))
}

/// The tokens last sent for each file with their result id, for `full/delta` requests.
#[derive(Default)]
pub struct Sent {
    next_id: u64,
    by_file: HashMap<PathBuf, (String, Vec<lsp::SemanticToken>)>,
}

impl Sent {
    fn remember(&mut self, uri: &lsp::Uri, data: &[lsp::SemanticToken]) -> Option<String> {
        let path = uri_to_path(uri)?;
        self.next_id += 1;
        let id = self.next_id.to_string();
        self.by_file.insert(path, (id.clone(), data.to_vec()));
        Some(id)
    }

    /// Forgets a closed file.
    pub fn forget(&mut self, path: &std::path::Path) {
        self.by_file.remove(path);
    }
}

pub fn full(
    ws: &Workspace,
    sent: &mut Sent,
    p: lsp::SemanticTokensParams,
) -> Option<lsp::SemanticTokensResult> {
    let data = file_tokens(ws, &p.text_document.uri, None)?;
    let result_id = sent.remember(&p.text_document.uri, &data);
    Some(lsp::SemanticTokensResult::Tokens(lsp::SemanticTokens { result_id, data }))
}

pub fn range(
    ws: &Workspace,
    p: lsp::SemanticTokensRangeParams,
) -> Option<lsp::SemanticTokensRangeResult> {
    let data = file_tokens(ws, &p.text_document.uri, Some(p.range))?;
    Some(lsp::SemanticTokensRangeResult::Tokens(lsp::SemanticTokens { result_id: None, data }))
}

/// `full/delta`: the edit turning the tokens sent under `previous_result_id` into the current
/// ones (one edit: what lies between their common beginning and common end), or all of them
/// when that result is not the last one sent for the file.
pub fn delta(
    ws: &Workspace,
    sent: &mut Sent,
    p: lsp::SemanticTokensDeltaParams,
) -> Option<lsp::SemanticTokensFullDeltaResult> {
    let uri = &p.text_document.uri;
    let data = file_tokens(ws, uri, None)?;
    let previous = uri_to_path(uri)
        .and_then(|path| sent.by_file.get(&path))
        .filter(|(id, _)| *id == p.previous_result_id)
        .map(|(_, old)| old.clone());
    let result_id = sent.remember(uri, &data);
    let Some(old) = previous else {
        return Some(lsp::SemanticTokensFullDeltaResult::Tokens(lsp::SemanticTokens {
            result_id,
            data,
        }));
    };
    let prefix = old.iter().zip(&data).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(data[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let edits = if prefix == old.len() && prefix == data.len() {
        Vec::new()
    } else {
        // Positions count the integers of the flat array: five per token.
        vec![lsp::SemanticTokensEdit {
            start: (prefix * 5) as u32,
            delete_count: ((old.len() - prefix - suffix) * 5) as u32,
            data: Some(data[prefix..data.len() - suffix].to_vec()),
        }]
    };
    Some(lsp::SemanticTokensFullDeltaResult::TokensDelta(lsp::SemanticTokensDelta {
        result_id,
        edits,
    }))
}

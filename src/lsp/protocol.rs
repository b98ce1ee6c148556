//! The thin layer between the server and the LSP crates: everything that knows about
//! `lsp-types` positions and URIs lives here, so another types crate can replace it in one place.

use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use lsp_types as types;
use types::{Position, Range, Uri};

use crate::syntax::ast::Span;

/// Line starts of a text, to turn byte offsets into LSP positions (UTF-16 columns) and back.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                // A lone CR ends a line too (old Mac files); CRLF ends it once, at the LF.
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The LSP position of byte `offset` of `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts[line];
        let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position { line: line as u32, character: column as u32 }
    }

    /// The byte offset of an LSP position (clamped to the line and the text).
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self.starts.get(position.line as usize + 1).copied().unwrap_or(text.len());
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            if units >= position.character || c == '\n' || c == '\r' {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        end
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range {
            start: self.position(text, span.start as usize),
            end: self.position(text, span.end as usize),
        }
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The file a `file:` URI names; `None` for other schemes.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file://host/path`: keep the path (the host is `localhost` or empty in practice).
    let path = &rest[rest.find('/')?..];
    let decoded = crate::serve::request::percent_decode(path, false);
    // `file:///C:/x` on Windows: drop the slash before the drive letter.
    let decoded = match decoded.as_bytes() {
        [b'/', d, b':', ..] if cfg!(windows) && d.is_ascii_alphabetic() => decoded[1..].to_string(),
        _ => decoded,
    };
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of a path.
pub fn path_to_uri(path: &Path) -> Uri {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // Every character outside the safe set is escaped above, so this always parses.
    Uri::from_str(&out).unwrap_or_else(|_| Uri::from_str("file:///").expect("a valid URI"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "a\né😀x\r\nlast";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        let pos = index.position(text, x);
        assert_eq!((pos.line, pos.character), (1, 3));
        assert_eq!(index.offset(text, pos), x);
        assert_eq!(index.offset(text, Position { line: 2, character: 99 }), text.len());
        assert_eq!(index.offset(text, Position { line: 9, character: 0 }), text.len());
    }

    #[test]
    fn uris_round_trip() {
        let path = Path::new("/tmp/My Project/Sources/Methods/a%b é.4dm");
        let uri = path_to_uri(path);
        assert_eq!(uri_to_path(&uri).as_deref(), Some(path));
    }
}

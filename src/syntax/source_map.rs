//! Byte offsets to line and column numbers.

/// Line starts of one source text. Lines end at LF, CRLF or a lone CR (as in the lexer).
#[derive(Clone, Debug)]
pub struct SourceMap {
    text_len: usize,
    /// Byte offset where each line starts (line 1 at index 0).
    starts: Vec<usize>,
    /// The text, kept to count characters for columns.
    text: String,
}

impl SourceMap {
    pub fn new(text: &str) -> SourceMap {
        let mut starts = vec![0];
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap { text_len: text.len(), starts, text: text.to_string() }
    }

    /// Number of lines (a final line break does not start a new empty line... but it is counted
    /// as one so that an offset at the very end has a line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and column (column counted in characters) of a byte offset. Offsets past the
    /// end are clamped; an offset inside a character counts as that character.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text_len);
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let mut end = offset;
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end].chars().count() + 1;
        (line + 1, col)
    }

    /// Byte range of a 1-based line, without its line break; `None` past the last line.
    pub fn line_span(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).copied().unwrap_or(self.text_len);
        let b = self.text.as_bytes();
        if end > start && b.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && b.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::SourceMap;

    #[test]
    fn lines_and_columns() {
        let m = SourceMap::new("ab\r\ncé\rx\ny");
        assert_eq!(m.line_col(0), (1, 1));
        assert_eq!(m.line_col(4), (2, 1));
        assert_eq!(m.line_col(7), (2, 3));
        assert_eq!(m.line_col(8), (3, 1));
        assert_eq!(m.line_col(10), (4, 1));
        assert_eq!(m.line_col(99), (4, 2));
        assert_eq!(m.line_span(1), Some(0..2));
        assert_eq!(m.line_span(2), Some(4..7));
        assert_eq!(m.line_span(4), Some(10..11));
        assert_eq!(m.line_span(5), None);
    }
}

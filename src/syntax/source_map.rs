//! Byte offsets to 1-based line and column.

pub struct SourceMap {
    line_starts: Vec<usize>,
    text: String,
}

impl SourceMap {
    pub fn new(text: &str) -> SourceMap {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        SourceMap { line_starts, text: text.to_string() }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let end = offset.min(self.text.len());
        let col = self.text.get(start..end).map(|s| s.chars().count()).unwrap_or(0) + 1;
        (line, col)
    }
}

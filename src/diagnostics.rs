//! Diagnostics shown to the user: one [`Report`] type for syntax errors (now) and run-time errors
//! (later), rendered by miette with the source line, a label under the exact span, the code and
//! any help or notes.

use std::fmt;
use std::io::IsTerminal;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::syntax::ast::Span;
use crate::syntax::SyntaxError;

/// One diagnostic about one source file.
#[derive(Clone, Debug)]
pub struct Report {
    /// The file as it should be shown (e.g. the path given on the command line).
    pub file: String,
    source: IndexedSource,
    /// E.g. `syntax::unclosed-block`, `4D(-10518)`.
    pub code: String,
    pub message: String,
    /// The main span and its label.
    pub primary: Option<(Span, String)>,
    /// Other spans worth showing (e.g. where a block was opened).
    pub secondary: Vec<(Span, String)>,
    pub help: Option<String>,
    /// Extra lines printed after the report, such as the 4D call chain
    /// ("in method X at line N").
    pub notes: Vec<String>,
    /// A warning rather than an error.
    pub warning: bool,
}

impl Report {
    /// A report with no span yet; `source` is the whole text of `file`.
    pub fn new(
        file: impl Into<String>,
        source: Arc<str>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Report {
        let file = file.into();
        Report {
            source: IndexedSource::new(file.clone(), source),
            file,
            code: code.into(),
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
            notes: Vec::new(),
            warning: false,
        }
    }

    pub fn with_label(mut self, span: Span, label: impl Into<String>) -> Report {
        self.primary = Some((span, label.into()));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Report {
        self.notes.push(note.into());
        self
    }

    /// The report for a syntax error; its code is `syntax::<kind>`.
    pub fn from_syntax(file: &str, source: Arc<str>, e: &SyntaxError) -> Report {
        let mut r = Report::new(file, source, format!("syntax::{}", e.code), e.message.clone())
            .with_label(e.span, e.label.clone());
        r.help = e.help.clone();
        r
    }

    /// The source text this report is about.
    pub fn source_text(&self) -> &str {
        &self.source.text
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

/// A file's text with the start of every line (CR, LF and CRLF end lines, as for miette), so
/// that showing a span reads only the lines around it: a file with thousands of errors renders in
/// linear time, where miette's plain `str` source scans from the start of the text each time.
#[derive(Clone, Debug)]
struct IndexedSource {
    name: String,
    text: Arc<str>,
    line_starts: Arc<[usize]>,
    /// Line and byte column (0-based) where `text` starts in the real file: an excerpt of a
    /// long line is shown with the real line and column numbers.
    base_line: usize,
    base_column: usize,
}

impl IndexedSource {
    fn new(name: String, text: Arc<str>) -> IndexedSource {
        // Reports about one file come in a row: index each text once.
        type Cache = Option<(Arc<str>, Arc<[usize]>)>;
        static LAST: std::sync::Mutex<Cache> = std::sync::Mutex::new(None);
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        let line_starts = match &*last {
            Some((t, starts)) if Arc::ptr_eq(t, &text) => starts.clone(),
            _ => {
                let starts: Arc<[usize]> = line_starts(&text).into();
                *last = Some((text.clone(), starts.clone()));
                starts
            }
        };
        IndexedSource { name, text, line_starts, base_line: 0, base_column: 0 }
    }

    /// Index of the line containing byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 1;
                starts.push(i + 1);
            }
            b'\r' | b'\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

impl SourceCode for IndexedSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // A window of whole lines around the span, read the way miette reads a whole text.
        let first = self.line_of(span.offset()).saturating_sub(context_lines_before);
        let end_line = self.line_of(span.offset() + span.len()) + context_lines_after + 1;
        let start = self.line_starts[first];
        let end = self.line_starts.get(end_line + 1).copied().unwrap_or(self.text.len());
        let window = &self.text[start..end];
        let local = SourceSpan::new((span.offset() - start).into(), span.len());
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        let line = inner.line() + first;
        let column = if line == 0 { inner.column() + self.base_column } else { inner.column() };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + start).into(), inner.span().len()),
            line + self.base_line,
            column,
            inner.line_count() + first,
        )))
    }
}

/// A span clamped to the source and to character boundaries, as miette needs.
fn source_span(text: &str, span: Span) -> SourceSpan {
    let mut start = (span.start as usize).min(text.len());
    let mut end = (span.end as usize).clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    SourceSpan::new(start.into(), end - start)
}

impl Diagnostic for Report {
    fn severity(&self) -> Option<miette::Severity> {
        Some(if self.warning { miette::Severity::Warning } else { miette::Severity::Error })
    }

    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        if self.primary.is_some() || !self.secondary.is_empty() {
            Some(&self.source)
        } else {
            None
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let text = self.source_text();
        let mut labels = Vec::new();
        if let Some((span, label)) = &self.primary {
            labels.push(LabeledSpan::new_primary_with_span(
                Some(label.clone()).filter(|l| !l.is_empty()),
                source_span(text, *span),
            ));
        }
        for (span, label) in &self.secondary {
            labels.push(LabeledSpan::new_with_span(Some(label.clone()), source_span(text, *span)));
        }
        if labels.is_empty() {
            None
        } else {
            Some(Box::new(labels.into_iter()))
        }
    }
}

/// How to render reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// No colors, fixed width 100: stable output for files and tests.
    Plain,
    /// Colors, for a terminal.
    Fancy,
}

impl Style {
    /// `Fancy` only when stderr is a terminal and `NO_COLOR` is not set.
    pub fn detect() -> Style {
        if std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal() {
            Style::Fancy
        } else {
            Style::Plain
        }
    }
}

/// Lines longer than this (in bytes) are shown as an excerpt around the span.
const LONG_LINE: usize = 200;
/// Bytes of a long line shown on each side of the span.
const EXCERPT_MARGIN: usize = 60;
/// Longest part of a span shown in an excerpt.
const EXCERPT_SPAN: usize = 80;

/// The report as it is shown: a span at the very end of a text without a final line break
/// points at an added blank (miette shows no line for it), and a span on a long line is shown
/// on an excerpt of that line. The rendering then stays readable and its cost bounded whatever
/// the line length (miette pads the caret line with the column as a width, which it cannot
/// format beyond 65,535).
fn displayable(report: &Report) -> Option<Report> {
    let (span, label) = report.primary.clone()?;
    let text = &report.source.text;
    let start = (span.start as usize).min(text.len());
    if start == text.len() && !text.ends_with(['\n', '\r']) {
        let mut r = report.clone();
        let padded: Arc<str> = Arc::from(format!("{text} "));
        r.source = IndexedSource::new(r.source.name.clone(), padded);
        r.primary = Some((Span::new(start, start + 1), label));
        return Some(r);
    }
    let src = &report.source;
    let line = src.line_of(start);
    let around = line.saturating_sub(1)..(line + 2).min(src.line_starts.len());
    // Where line `l` ends, before its line break.
    let line_end = |l: usize| {
        let end = src.line_starts.get(l + 1).copied().unwrap_or(text.len());
        let body = &text[src.line_starts[l]..end];
        let body =
            body.strip_suffix("\r\n").or_else(|| body.strip_suffix(['\n', '\r'])).unwrap_or(body);
        src.line_starts[l] + body.len()
    };
    if around.clone().all(|l| line_end(l) - src.line_starts[l] <= LONG_LINE) {
        return None;
    }
    let line_start = src.line_starts[line];
    let end_of_line = line_end(line).max(start);
    let span_end = (span.end as usize).clamp(start, end_of_line).min(start + EXCERPT_SPAN);
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = floor(start.saturating_sub(EXCERPT_MARGIN).max(line_start));
    let to = floor((span_end + EXCERPT_MARGIN).min(end_of_line)).max(floor(span_end));
    let prefix = if from > line_start { "…" } else { "" };
    let suffix = if to < end_of_line { "…" } else { "" };
    let excerpt: Arc<str> = Arc::from(format!("{prefix}{}{suffix}", &text[from..to]));
    let shift = |i: usize| i - from + prefix.len();
    let mut r = report.clone();
    r.source = IndexedSource::new(r.source.name.clone(), excerpt);
    r.source.base_line = line;
    r.source.base_column = (from - line_start).saturating_sub(prefix.len());
    r.primary = Some((Span::new(shift(start), shift(floor(span_end))), label));
    r.secondary = report
        .secondary
        .iter()
        .filter(|(s, _)| (s.start as usize) >= from && (s.end as usize) <= to)
        .map(|(s, l)| (Span::new(shift(s.start as usize), shift(s.end as usize)), l.clone()))
        .collect();
    Some(r)
}

/// Renders a report as text (ending with a newline).
pub fn render(report: &Report, style: Style) -> String {
    let theme = match style {
        Style::Plain => GraphicalTheme::unicode_nocolor(),
        Style::Fancy => GraphicalTheme::unicode(),
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false);
    let shown = displayable(report);
    let report = shown.as_ref().unwrap_or(report);
    let mut out = String::new();
    if handler.render_report(&mut out, report).is_err() {
        out = format!("{}: {} [{}]\n", report.file, report.message, report.code);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    for note in &report.notes {
        out.push_str("  note: ");
        out.push_str(note);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rendering_has_file_position_label_and_code() {
        let src: Arc<str> = Arc::from("$a:=1\nIf (True)\n$b:=2\n");
        let r = Report::new(
            "m.4dm",
            src,
            "syntax::unclosed-block",
            "`If` opened at line 2 is never closed",
        )
        .with_label(Span::new(6, 15), "this `If` has no `End if`")
        .with_note("in method m at line 2");
        let text = render(&r, Style::Plain);
        assert!(text.contains("m.4dm:2:1"), "{text}");
        assert!(text.contains("syntax::unclosed-block"), "{text}");
        assert!(text.contains("this `If` has no `End if`"), "{text}");
        assert!(text.ends_with("  note: in method m at line 2\n"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text}");
    }
}

//! The lexer: `logos` recognises context-free tokens ([`Raw`]); this wrapper does 4D's
//! context-dependent work and yields [`Tok`]s with byte spans to the grammar:
//!
//! - statement-ending line breaks (collapsed), line continuations, nested `/* */` comments;
//! - multi-word names (keywords, commands, constants, project methods) by longest match over
//!   words separated by single spaces, case-insensitively;
//! - property names after `.` and object literal keys, which are never keywords or commands;
//! - token suffixes written by the 4D editor (`Length:C16`, `Is text:K8:3`), stripped;
//! - `[[` (character index) only right after an expression;
//! - limits on bracket nesting and on operators per statement, so no input can build an AST deep
//!   enough to overflow the stack.
//!
//! Lexical errors are collected in [`Lexer::errors`] and leave a [`Tok::Error`] in the stream, so
//! the parser recovers at the end of the line and keeps reporting.

use logos::Logos;

use super::ast::{DateLit, Span};
use super::names::{fold, Keyword, Matched, MethodNames, Walker};
use super::parser::SyntaxError;
use super::token::{Raw, Tok};
use crate::commands::catalog;

/// Maximum nesting of `(`, `[`, `{` and `${` within one statement.
pub const MAX_BRACKET_DEPTH: usize = 256;
/// Maximum number of operators, member accesses, indexings and calls in one statement (each can
/// add a level to the expression tree; real 4D lines are at most 32,000 characters).
pub const MAX_OPERATORS: u32 = 2000;

/// The lexer never fails: errors become [`Tok::Error`] tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

pub type Spanned<'a> = Result<(usize, Tok<'a>, usize), Never>;

/// What the previous emitted token was, as far as context decisions go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    LineStart,
    ExprEnd,
    Dot,
    LBrace,
    Semi,
    Modifier,
    Function,
    /// `->` starting an expression: a `[Table]` that follows is a table reference.
    Arrow,
    /// `->` after an expression (a dereference): a word that follows is a property name
    /// (`$ptr->name` is `$ptr->.name`).
    DerefArrow,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bracket {
    Paren,
    Square,
    Brace,
}

enum Suffix {
    Command(u32),
    Constant,
}

pub struct Lexer<'a> {
    src: &'a str,
    raw: logos::Lexer<'a, Raw>,
    methods: &'a MethodNames,
    /// Lexical errors found so far.
    pub errors: Vec<SyntaxError>,
    last: Last,
    brackets: Vec<Bracket>,
    operators: u32,
    /// Drop tokens until the end of the line (after a limit error).
    skip_line: bool,
    /// After `Function`, `Class extends`, `property`: words are plain names until `(`, `:`, `:=`.
    plain: bool,
    /// The maximal word sequence scanned last: (start, end).
    seq_cache: (usize, usize),
    done: bool,
    fold_buf: String,
    /// A `;` outside brackets, held back until the next token shows whether it ends the line
    /// (4D accepts and ignores a statement's trailing `;`).
    held_semi: Option<(usize, Tok<'a>, usize)>,
    /// The token read after a held `;` that was not at the end of its line.
    queued: Option<(usize, Tok<'a>, usize)>,
}

/// The longest variable name, in characters, that may contain spaces (docs: identifiers).
const MAX_SPACED_NAME: usize = 31;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{A0}'
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, methods: &'a MethodNames) -> Lexer<'a> {
        let mut raw = Raw::lexer(src);
        if src.starts_with('\u{FEFF}') {
            raw.bump(3);
        }
        Lexer {
            src,
            raw,
            methods,
            errors: Vec::new(),
            last: Last::LineStart,
            brackets: Vec::new(),
            operators: 0,
            skip_line: false,
            plain: false,
            seq_cache: (usize::MAX, 0),
            done: false,
            fold_buf: String::new(),
            held_semi: None,
            queued: None,
        }
    }

    fn error(
        &mut self,
        start: usize,
        end: usize,
        code: &'static str,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<&str>,
    ) {
        self.errors.push(SyntaxError {
            span: Span::new(start, end),
            code,
            message: message.into(),
            label: label.into(),
            help: help.map(str::to_string),
        });
    }

    /// Moves the raw lexer so its current token ends at `end`.
    fn bump_to(&mut self, end: usize) {
        let cur = self.raw.span().end;
        if end > cur {
            self.raw.bump(end - cur);
        }
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.src.get(pos..).and_then(|s| s.chars().next())
    }

    /// End of the run of word characters starting at `pos`.
    fn scan_word(&self, pos: usize) -> usize {
        let rest = &self.src[pos..];
        rest.char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(self.src.len(), |(i, _)| pos + i)
    }

    /// If a single space and a word follow `end`, the end of that word.
    fn next_word(&self, end: usize) -> Option<usize> {
        if self.src.as_bytes().get(end) != Some(&b' ') {
            return None;
        }
        match self.char_at(end + 1) {
            Some(c) if is_word_char(c) => Some(self.scan_word(end + 1)),
            _ => None,
        }
    }

    /// End of the maximal sequence of single-space-separated words that contains `start`.
    fn sequence_end(&mut self, start: usize, first_end: usize) -> usize {
        let (cs, ce) = self.seq_cache;
        if cs <= start && start < ce {
            return ce;
        }
        let mut end = first_end;
        while let Some(e) = self.next_word(end) {
            end = e;
        }
        self.seq_cache = (start, end);
        end
    }

    /// A token suffix (`:C16`, `:K8:3`) starting at `pos`, with its end.
    fn suffix_at(&self, pos: usize) -> Option<(Suffix, usize)> {
        let b = self.src.as_bytes();
        if b.get(pos) != Some(&b':') {
            return None;
        }
        let kind = *b.get(pos + 1)?;
        let digits = |from: usize| {
            let mut i = from;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            i
        };
        let d1 = digits(pos + 2);
        if d1 == pos + 2 {
            return None;
        }
        let end = match kind {
            b'C' | b'c' => d1,
            b'K' | b'k' => {
                if b.get(d1) != Some(&b':') {
                    return None;
                }
                let d2 = digits(d1 + 1);
                if d2 == d1 + 1 {
                    return None;
                }
                d2
            }
            _ => return None,
        };
        if self.char_at(end).is_some_and(is_word_char) {
            return None;
        }
        let suffix = if kind == b'C' || kind == b'c' {
            Suffix::Command(self.src[pos + 2..d1].parse().unwrap_or(u32::MAX))
        } else {
            Suffix::Constant
        };
        Some((suffix, end))
    }

    /// Whether the next word after blanks is one that can follow a class member modifier.
    fn modifier_follows(&self, end: usize) -> bool {
        let rest = self.src[end..].trim_start_matches(is_blank);
        if rest.len() == self.src.len() - end {
            return false; // no blank after the modifier
        }
        let word_end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        let word = rest[..word_end].to_ascii_lowercase();
        matches!(
            word.as_str(),
            "function"
                | "class"
                | "shared"
                | "singleton"
                | "session"
                | "exposed"
                | "local"
                | "property"
                | "alias"
                | "onhttpget"
        )
    }

    fn word_token(
        &mut self,
        start: usize,
        first_end: usize,
        glued_number: bool,
    ) -> (usize, Tok<'a>, usize) {
        let src = self.src;
        let first = &src[start..first_end];

        if matches!(self.last, Last::Dot | Last::DerefArrow) {
            self.bump_to(first_end);
            return (start, Tok::PropName(first), first_end);
        }
        if self.plain && !glued_number {
            self.bump_to(first_end);
            if self.last == Last::Function
                && (first.eq_ignore_ascii_case("get") || first.eq_ignore_ascii_case("set"))
            {
                let rest = src[first_end..].trim_start_matches(is_blank);
                if rest.len() < src.len() - first_end && rest.starts_with(|c: char| is_word_char(c))
                {
                    let tok = if first.eq_ignore_ascii_case("get") { Tok::Get } else { Tok::Set };
                    return (start, tok, first_end);
                }
            }
            return (start, Tok::Name(first), first_end);
        }
        // (`$blob{Num:C11($i)}`: a token suffix glued to a name is no object-literal key.)
        if matches!(self.last, Last::LBrace | Last::Semi)
            && self.brackets.last() == Some(&Bracket::Brace)
            && !glued_number
            && self.suffix_at(first_end).is_none()
        {
            let rest = src[first_end..].trim_start_matches(is_blank);
            if rest.starts_with(':') && !rest.starts_with(":=") {
                self.bump_to(first_end);
                return (start, Tok::PropName(first), first_end);
            }
        }

        // ORDA class members: `Alias name path`, `onHTTPGet Function …`.
        if matches!(self.last, Last::LineStart | Last::Modifier) {
            let rest = src[first_end..].trim_start_matches(is_blank);
            let blank_follows = rest.len() < src.len() - first_end;
            if blank_follows
                && first.eq_ignore_ascii_case("alias")
                && rest.starts_with(is_word_char)
            {
                self.bump_to(first_end);
                self.plain = true;
                return (start, Tok::Alias, first_end);
            }
            if blank_follows
                && first.eq_ignore_ascii_case("onhttpget")
                && self.modifier_follows(first_end)
            {
                self.bump_to(first_end);
                return (start, Tok::OnHttpGet, first_end);
            }
        }

        let best = self.longest_name(start, first_end);

        let seq_end = self.sequence_end(start, first_end);
        let suffix = self.suffix_at(seq_end);
        let mut suffix_applies = match (&best, &suffix) {
            (Some((_, mend)), Some(_)) => *mend == seq_end,
            _ => false,
        };
        // A keyword followed by a tokenized name (`return This:C1470`): the suffix belongs to
        // the words after the keyword, which are lexed next.
        if let (Some((Matched::Keyword(_), mend)), Some(_)) = (&best, &suffix) {
            if *mend < seq_end {
                suffix_applies = true;
            }
        }
        if let (Some((m, mend)), false) = (best, suffix.is_some() && !suffix_applies) {
            let tok = match m {
                Matched::Keyword(k) => self.keyword_token(k, first, mend),
                Matched::Command(i) if self.is_begin_sql(i) => {
                    return self.sql_block(start, mend);
                }
                Matched::Command(i) => Tok::Command(i),
                Matched::Method => Tok::Method(&src[start..mend]),
                Matched::Constant(i) => Tok::Constant(i),
                Matched::ProjectConstant(i) => match self.methods.constants().get(i as usize) {
                    Some(c) => Tok::ProjectConstant(c.clone()),
                    None => Tok::Name(&src[start..mend]),
                },
                Matched::SystemVar => Tok::Name(&src[start..mend]),
            };
            let mut end = mend;
            if let (Tok::Name(_), false) = (&tok, m == Matched::SystemVar) {
                end = first_end;
            } else if suffix_applies && mend == seq_end {
                if let Some((_, e)) = suffix {
                    end = e;
                }
            }
            self.bump_to(end);
            return (start, tok, end);
        }
        if let Some((suffix, suffix_end)) = suffix {
            // Tokenized code naming something the tables do not know by this name (a renamed
            // command, say): the number decides.
            let name = &src[start..seq_end];
            self.bump_to(suffix_end);
            let tok = match suffix {
                Suffix::Command(n) => catalog::command_index(name)
                    .or_else(|| catalog::command_by_number(n))
                    .map(Tok::Command),
                Suffix::Constant => catalog::constant_index(name).map(Tok::Constant),
            };
            if let Some(tok) = tok {
                return (start, tok, suffix_end);
            }
            let what = if matches!(suffix, Suffix::Command(_)) { "command" } else { "constant" };
            self.error(
                start,
                suffix_end,
                "unknown-name",
                format!("unknown {what} `{}`", &src[start..suffix_end]),
                if what == "command" {
                    "no 4D command has this name or number".to_string()
                } else {
                    "no 4D constant has this name".to_string()
                },
                None,
            );
            return (start, Tok::Error, suffix_end);
        }
        self.bump_to(first_end);
        if glued_number {
            self.error(
                start,
                first_end,
                "invalid-number",
                format!("invalid number `{first}`"),
                "not a number",
                Some("a name cannot start with a digit"),
            );
            return (start, Tok::Error, first_end);
        }
        let end = self.spaced_name_end(start, first_end);
        self.bump_to(end);
        (start, Tok::Name(&src[start..end]), end)
    }

    /// The end of a variable name that contains spaces (`C_OBJECT(New window)`: the docs'
    /// identifier rules allow the space character). Words separated by one space on the same
    /// line belong to an unknown name unless one of them begins a keyword, a command, a constant
    /// or a method, which keeps every known construct lexed as before, and while the name stays
    /// within the 31 characters the docs allow a variable name.
    fn spaced_name_end(&mut self, start: usize, first_end: usize) -> usize {
        let mut end = first_end;
        while let Some(next_end) = self.next_word(end) {
            let word = &self.src[end + 1..next_end];
            let too_long = self.src[start..next_end].chars().count() > MAX_SPACED_NAME;
            if too_long || word.starts_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            if self.longest_name(end + 1, next_end).is_some() {
                break;
            }
            end = next_end;
        }
        end
    }

    /// The longest keyword, command, constant or method name spelt by the words from `start`
    /// (the first ending at `first_end`), with its end.
    fn longest_name(&mut self, start: usize, first_end: usize) -> Option<(Matched, usize)> {
        let mut walker = Walker::new(self.methods);
        let mut best = None;
        let (mut word_start, mut end) = (start, first_end);
        loop {
            let mut buf = std::mem::take(&mut self.fold_buf);
            let alive = walker.step(fold(&self.src[word_start..end], &mut buf));
            self.fold_buf = buf;
            if !alive {
                return best;
            }
            if let Some(m) = walker.complete() {
                best = Some((m, end));
            }
            match self.next_word(end) {
                Some(e) if walker.can_continue() => (word_start, end) = (end + 1, e),
                _ => return best,
            }
        }
    }

    fn is_begin_sql(&self, index: u16) -> bool {
        catalog::command(index).is_some_and(|c| c.name.eq_ignore_ascii_case("Begin SQL"))
    }

    /// `Begin SQL` (its name ends at `name_end`, a token suffix may follow): everything up to the
    /// line starting with `End SQL` is SQL, kept as text in one token.
    fn sql_block(&mut self, start: usize, name_end: usize) -> (usize, Tok<'a>, usize) {
        let src = self.src;
        let b = src.as_bytes();
        let after_name = match self.suffix_at(name_end) {
            Some((_, e)) => e,
            None => name_end,
        };
        // The body starts on the next line.
        let mut pos = src[after_name..].find(['\r', '\n']).map_or(src.len(), |i| after_name + i);
        let skip_break = |pos: usize| {
            if b.get(pos) == Some(&b'\r') && b.get(pos + 1) == Some(&b'\n') {
                pos + 2
            } else {
                pos + 1
            }
        };
        pos = skip_break(pos);
        let body_start = pos.min(src.len());
        while pos < src.len() {
            let line_end = src[pos..].find(['\r', '\n']).map_or(src.len(), |i| pos + i);
            let line = src[pos..line_end].trim_start_matches(is_blank);
            if line.len() >= 7
                && line.is_char_boundary(7)
                && line[..7].eq_ignore_ascii_case("end sql")
            {
                let mut end = line_end - line.len() + 7;
                if let Some((_, e)) = self.suffix_at(end) {
                    end = e;
                }
                self.bump_to(end);
                return (start, Tok::SqlBlock(&src[body_start..pos]), end);
            }
            pos = skip_break(line_end);
        }
        self.bump_to(src.len());
        self.error(
            start,
            name_end,
            "unclosed-block",
            "`Begin SQL` is never closed by `End SQL`",
            "this `Begin SQL` has no `End SQL`",
            None,
        );
        (start, Tok::Error, src.len())
    }

    /// `[Table]Field` or (after `->`) `[Table]` at `start` (a `[` not following an expression).
    fn table_ref(&self, start: usize) -> Option<(Tok<'a>, usize)> {
        let src = self.src;
        let inner_start = start + 1;
        if !self.char_at(inner_start).is_some_and(|c| c.is_alphabetic() || c == '_') {
            return None;
        }
        let close = src[inner_start..].find(']').map(|i| inner_start + i)?;
        let inner = &src[inner_start..close];
        let name_end = inner.find(':').unwrap_or(inner.len());
        let (name, suffix) = inner.split_at(name_end);
        if !name.chars().all(|c| is_word_char(c) || c == ' ')
            || name.ends_with(' ')
            || !(suffix.is_empty() || suffix[1..].chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        let after = close + 1;
        if self.char_at(after).is_some_and(is_word_char) {
            let mut end = self.scan_word(after);
            if self.src.as_bytes().get(end) == Some(&b':') {
                let digits = src[end + 1..].bytes().take_while(u8::is_ascii_digit).count();
                if digits > 0 {
                    end += 1 + digits;
                }
            }
            return Some((Tok::Field(&src[start..end]), end));
        }
        if self.last == Last::Arrow {
            return Some((Tok::Table(name), after));
        }
        None
    }

    /// A `//` comment whose line ends with `\` goes on over the next line (4D joins the lines
    /// before reading the comment). Returns the end of the whole comment.
    fn comment_end(&self, mut end: usize) -> usize {
        let src = self.src;
        let b = src.as_bytes();
        while src[..end].trim_end_matches(is_blank).ends_with('\\') && end < src.len() {
            end += if b[end] == b'\r' && b.get(end + 1) == Some(&b'\n') { 2 } else { 1 };
            end = src[end..].find(['\r', '\n']).map_or(src.len(), |i| end + i);
        }
        end
    }

    fn keyword_token(&mut self, k: Keyword, first: &'a str, end: usize) -> Tok<'a> {
        let at_line_start = matches!(self.last, Last::LineStart | Last::Modifier);
        match k {
            Keyword::If => Tok::If,
            Keyword::Else => Tok::Else,
            Keyword::EndIf => Tok::EndIf,
            Keyword::CaseOf => Tok::CaseOf,
            Keyword::EndCase => Tok::EndCase,
            Keyword::While => Tok::While,
            Keyword::EndWhile => Tok::EndWhile,
            Keyword::Repeat => Tok::Repeat,
            Keyword::Until => Tok::Until,
            Keyword::For => Tok::For,
            Keyword::EndFor => Tok::EndFor,
            Keyword::ForEach => Tok::ForEach,
            Keyword::EndForEach => Tok::EndForEach,
            Keyword::Use => Tok::Use,
            Keyword::EndUse => Tok::EndUse,
            Keyword::Try => Tok::Try,
            Keyword::Catch => Tok::Catch,
            Keyword::EndTry => Tok::EndTry,
            Keyword::Return => Tok::Return,
            Keyword::Var => Tok::Var,
            Keyword::Function => {
                self.plain = true;
                Tok::Function
            }
            Keyword::ClassConstructor => Tok::ClassConstructor,
            Keyword::ClassExtends => {
                self.plain = true;
                Tok::ClassExtends
            }
            Keyword::Property if at_line_start => {
                self.plain = true;
                Tok::Property
            }
            Keyword::This => Tok::This,
            Keyword::Super => Tok::Super,
            Keyword::Shared
            | Keyword::Singleton
            | Keyword::Session
            | Keyword::Exposed
            | Keyword::Local
                if at_line_start && self.modifier_follows(end) =>
            {
                match k {
                    Keyword::Shared => Tok::Shared,
                    Keyword::Singleton => Tok::Singleton,
                    Keyword::Session => Tok::Session,
                    Keyword::Exposed => Tok::Exposed,
                    _ => Tok::KwLocal,
                }
            }
            // `Session` is also a command (the current session object).
            Keyword::Session => match catalog::command_index("Session") {
                Some(i) => Tok::Command(i),
                None => Tok::Name(first),
            },
            Keyword::Property
            | Keyword::Shared
            | Keyword::Singleton
            | Keyword::Exposed
            | Keyword::Local => Tok::Name(first),
        }
    }

    /// Skips a nested block comment whose `/*` is at `start`; returns the token it stands for.
    fn block_comment(&mut self, start: usize) -> Option<(usize, Tok<'a>, usize)> {
        let b = self.src.as_bytes();
        let mut i = start + 2;
        let mut depth = 1usize;
        let mut line_break = false;
        while i < b.len() {
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    depth += 1;
                    i += 2;
                }
                b'*' if b.get(i + 1) == Some(&b'/') => {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                }
                b'\n' | b'\r' => {
                    line_break = true;
                    i += 1;
                }
                _ => i += 1,
            }
        }
        self.bump_to(i);
        if depth > 0 {
            self.error(
                start,
                start + 2,
                "unterminated-comment",
                "unterminated comment",
                "this `/*` comment is never closed",
                Some("close it with `*/`; comments nest, so every `/*` needs its own `*/`"),
            );
            return Some((start, Tok::Error, i));
        }
        // A comment spanning lines separates statements, unless it sits inside brackets.
        if line_break && self.brackets.is_empty() {
            return Some((start, Tok::Newline, i));
        }
        None
    }

    fn text_literal(&mut self, start: usize, end: usize) -> Tok<'a> {
        let body = &self.src[start + 1..end - 1];
        if !body.contains('\\') {
            return Tok::Text(body.to_string());
        }
        let mut out = String::with_capacity(body.len());
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some('t' | 'T') => out.push('\t'),
                Some('r' | 'R') => out.push('\r'),
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        }
        Tok::Text(out)
    }

    fn date_literal(&mut self, start: usize, end: usize) -> Tok<'a> {
        let text = &self.src[start..end];
        let inner = &text[1..text.len() - 1];
        let (parts, iso): (Vec<&str>, bool) = if inner.contains('-') {
            (inner.split('-').collect(), true)
        } else {
            (inner.split('/').collect(), false)
        };
        let (y, m, d) =
            if iso { (parts[0], parts[1], parts[2]) } else { (parts[2], parts[0], parts[1]) };
        let num = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
        let (mut year, month, day) = (num(y), num(m), num(d));
        if year == 0 && month == 0 && day == 0 {
            return Tok::Date(DateLit { year: 0, month: 0, day: 0 });
        }
        if y.len() <= 2 {
            year += if year < 30 { 2000 } else { 1900 };
        }
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => 0,
        };
        if year > 32767 || day == 0 || day > days {
            self.error(
                start,
                end,
                "invalid-date",
                format!("invalid date literal `{text}`"),
                "no such date",
                Some("date literals are written `!YYYY-MM-DD!` (`!00-00-00!` is the null date)"),
            );
            return Tok::Error;
        }
        Tok::Date(DateLit { year: year as u16, month: month as u8, day: day as u8 })
    }

    fn time_literal(&mut self, start: usize, end: usize) -> Tok<'a> {
        let text = &self.src[start..end];
        let parts: Vec<u64> =
            text[1..text.len() - 1].split(':').map(|p| p.parse().unwrap_or(u64::MAX)).collect();
        let (h, m, s) = (parts[0], parts[1], parts.get(2).copied().unwrap_or(0));
        if m >= 60 || s >= 60 || h > 596_000 {
            self.error(
                start,
                end,
                "invalid-time",
                format!("invalid time literal `{text}`"),
                "no such time",
                Some("time literals are written `?HH:MM:SS?`"),
            );
            return Tok::Error;
        }
        Tok::Time((h * 3600 + m * 60 + s) as i64)
    }

    /// Turns one raw token into zero or one token.
    fn convert(&mut self, raw: Raw) -> Option<(usize, Tok<'a>, usize)> {
        let span = self.raw.span();
        let (s, e) = (span.start, span.end);
        let src = self.src;
        let tok = match raw {
            Raw::Newline => Tok::Newline,
            Raw::Continuation => return None,
            Raw::LineComment => {
                let end = self.comment_end(e);
                self.bump_to(end);
                return None;
            }
            Raw::BlockCommentStart => return self.block_comment(s),
            Raw::Text => self.text_literal(s, e),
            Raw::UnterminatedText => {
                self.error(
                    s,
                    e,
                    "unterminated-text",
                    "unterminated text literal",
                    "this text is never closed",
                    Some("a text literal ends with `\"` on the same line; write `\\\"` for a quote inside it"),
                );
                Tok::Error
            }
            Raw::Number => {
                if let Some(end) = self.digit_constant(s, e) {
                    self.bump_to(end.1);
                    return Some((s, Tok::Constant(end.0), end.1));
                }
                if self.char_at(e).is_some_and(is_word_char) {
                    let end = self.scan_word(s);
                    return Some(self.word_token(s, end, true));
                }
                match src[s..e].parse::<f64>() {
                    Ok(v) => Tok::Number(v),
                    Err(_) => {
                        self.error(s, e, "invalid-number", "invalid number", "not a number", None);
                        Tok::Error
                    }
                }
            }
            Raw::Hex => match u64::from_str_radix(&src[s + 2..e], 16) {
                Ok(v) if !self.char_at(e).is_some_and(is_word_char) => Tok::Number(v as f64),
                _ => {
                    let end = self.scan_word(s);
                    self.bump_to(end);
                    self.error(
                        s,
                        end,
                        "invalid-number",
                        "invalid hexadecimal number",
                        "not a number",
                        None,
                    );
                    return Some((s, Tok::Error, end));
                }
            },
            Raw::Date => self.date_literal(s, e),
            Raw::Time => self.time_literal(s, e),
            Raw::Local => {
                if self.last == Last::Dot || self.at_object_key(e) {
                    Tok::PropName(&src[s..e])
                } else if src.as_bytes()[s + 1..e].iter().all(u8::is_ascii_digit) {
                    match src[s + 1..e].parse::<u32>() {
                        Ok(n) => Tok::LegacyParam(n),
                        Err(_) => {
                            self.error(
                                s,
                                e,
                                "invalid-number",
                                "parameter number too large",
                                "here",
                                None,
                            );
                            Tok::Error
                        }
                    }
                } else {
                    Tok::Local(&src[s + 1..e])
                }
            }
            Raw::Dollar if self.last == Last::Dot => Tok::PropName(&src[s..e]),
            Raw::Dollar => return Some(self.stray()),
            Raw::DollarBrace => Tok::DollarBrace,
            Raw::Interprocess => Tok::Interprocess(&src[s + 2..e]),
            Raw::Word => return Some(self.word_token(s, e, false)),
            Raw::Declare => Tok::Declare,
            Raw::Assign => Tok::Assign,
            Raw::AddAssign => Tok::AddAssign,
            Raw::SubAssign => Tok::SubAssign,
            Raw::MulAssign => Tok::MulAssign,
            Raw::DivAssign => Tok::DivAssign,
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Slash => Tok::Slash,
            Raw::Backslash => Tok::Backslash,
            Raw::Percent => Tok::Percent,
            Raw::Caret => Tok::Caret,
            Raw::Eq => Tok::Eq,
            Raw::Hash => Tok::Hash,
            Raw::Lt => Tok::Lt,
            Raw::Gt => Tok::Gt,
            Raw::Le => Tok::Le,
            Raw::Ge => Tok::Ge,
            Raw::Amp => Tok::Amp,
            Raw::Pipe => Tok::Pipe,
            Raw::AmpAmp => Tok::AmpAmp,
            Raw::PipePipe => Tok::PipePipe,
            Raw::CaretPipe => Tok::CaretPipe,
            Raw::Shl => Tok::Shl,
            Raw::Shr => Tok::Shr,
            Raw::QPlus => Tok::QPlus,
            Raw::QMinus => Tok::QMinus,
            Raw::QQ => Tok::QQ,
            Raw::Question => Tok::Question,
            Raw::Colon => Tok::Colon,
            Raw::Semi => Tok::Semi,
            Raw::Dot => Tok::Dot,
            Raw::Ellipsis => Tok::Ellipsis,
            Raw::LParen => Tok::LParen,
            Raw::RParen => Tok::RParen,
            Raw::LBracket => {
                if self.last == Last::ExprEnd && src.as_bytes().get(e) == Some(&b'[') {
                    self.raw.bump(1);
                    return Some((s, Tok::LBracket2, e + 1));
                }
                if self.last != Last::ExprEnd {
                    if let Some((tok, end)) = self.table_ref(s) {
                        self.bump_to(end);
                        return Some((s, tok, end));
                    }
                }
                Tok::LBracket
            }
            Raw::RBracket => Tok::RBracket,
            Raw::LBrace => Tok::LBrace,
            Raw::RBrace => Tok::RBrace,
            Raw::Arrow => Tok::Arrow,
        };
        Some((s, tok, e))
    }

    /// A constant whose name starts with a number (`64 bit version:K5:25`): the number, the
    /// following words and a `:K` token suffix name it together. Returns its index and end.
    fn digit_constant(&mut self, start: usize, number_end: usize) -> Option<(u16, usize)> {
        if self.src.as_bytes().get(number_end) != Some(&b' ') {
            return None;
        }
        let first_end = self.scan_word(start);
        let seq_end = self.sequence_end(start, first_end);
        match self.suffix_at(seq_end) {
            Some((Suffix::Constant, end)) => {
                catalog::constant_index(&self.src[start..seq_end]).map(|i| (i, end))
            }
            _ => None,
        }
    }

    /// Whether the token ending at `end` is an object literal key (`{$oid: 1}`).
    fn at_object_key(&self, end: usize) -> bool {
        if !matches!(self.last, Last::LBrace | Last::Semi)
            || self.brackets.last() != Some(&Bracket::Brace)
            || self.suffix_at(end).is_some()
        {
            return false;
        }
        let rest = self.src[end..].trim_start_matches(is_blank);
        rest.starts_with(':') && !rest.starts_with(":=")
    }

    /// A character logos could not read.
    fn stray(&mut self) -> (usize, Tok<'a>, usize) {
        let s = self.raw.span().start;
        let c = self.char_at(s).unwrap_or('\u{FFFD}');
        let e = s + c.len_utf8();
        self.bump_to(e);
        let (message, help) = match c {
            '\'' => (
                "unexpected character `'`".to_string(),
                Some("text literals use double quotes: \"text\""),
            ),
            '!' => (
                "unexpected character `!`".to_string(),
                Some("date literals are written `!2024-01-31!`; use `Not()` to negate a boolean"),
            ),
            '$' => (
                "unexpected character `$`".to_string(),
                Some("a local variable name follows `$`: `$name`"),
            ),
            '\u{FFFD}' => ("invalid character (U+FFFD, from invalid UTF-8)".to_string(), None),
            c if c.is_control() => {
                (format!("unexpected control character U+{:04X}", c as u32), None)
            }
            c => (format!("unexpected character `{c}`"), None),
        };
        self.error(s, e, "invalid-character", message, "not valid here", help);
        (s, Tok::Error, e)
    }

    /// Book-keeping for an emitted token; may replace it by an error or drop it.
    fn emit(&mut self, s: usize, tok: Tok<'a>, e: usize) -> Option<(usize, Tok<'a>, usize)> {
        if tok == Tok::Newline {
            let at_start = self.last == Last::LineStart;
            self.last = Last::LineStart;
            self.brackets.clear();
            self.operators = 0;
            self.skip_line = false;
            self.plain = false;
            return if at_start { None } else { Some((s, Tok::Newline, e)) };
        }
        if self.skip_line {
            return None;
        }
        if tok == Tok::Error {
            // One lexical error per line: the parser skips the rest of the line anyway.
            self.skip_line = true;
            self.last = Last::Other;
            return Some((s, tok, e));
        }
        match tok {
            Tok::LParen | Tok::Colon | Tok::Assign => self.plain = false,
            _ => {}
        }
        match tok {
            Tok::LParen => self.brackets.push(Bracket::Paren),
            Tok::LBracket => self.brackets.push(Bracket::Square),
            // `[[` is closed by two `]` tokens.
            Tok::LBracket2 => self.brackets.extend([Bracket::Square, Bracket::Square]),
            Tok::LBrace | Tok::DollarBrace => self.brackets.push(Bracket::Brace),
            Tok::RParen | Tok::RBracket | Tok::RBrace => {
                self.brackets.pop();
            }
            _ => {}
        }
        if self.brackets.len() > MAX_BRACKET_DEPTH {
            self.error(
                s,
                e,
                "nesting-limit",
                format!("nesting limit exceeded: more than {MAX_BRACKET_DEPTH} nested brackets"),
                "too deeply nested",
                Some("split the expression with intermediate variables"),
            );
            self.skip_line = true;
            self.last = Last::Other;
            return Some((s, Tok::Error, e));
        }
        if tok.deepens() {
            self.operators += 1;
            if self.operators > MAX_OPERATORS {
                self.error(
                    s,
                    e,
                    "nesting-limit",
                    format!("nesting limit exceeded: more than {MAX_OPERATORS} operators in one statement"),
                    "expression too long",
                    Some("split the expression with intermediate variables"),
                );
                self.skip_line = true;
                self.last = Last::Other;
                return Some((s, Tok::Error, e));
            }
        }
        self.last = match tok {
            Tok::Dot => Last::Dot,
            Tok::LBrace => Last::LBrace,
            Tok::Semi => Last::Semi,
            Tok::Shared
            | Tok::Singleton
            | Tok::Session
            | Tok::Exposed
            | Tok::KwLocal
            | Tok::OnHttpGet => Last::Modifier,
            Tok::Function => Last::Function,
            Tok::Arrow if self.last == Last::ExprEnd => Last::DerefArrow,
            Tok::Arrow => Last::Arrow,
            ref t if t.ends_expression() => Last::ExprEnd,
            _ => Last::Other,
        };
        Some((s, tok, e))
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Spanned<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(tok) = self.queued.take() {
            return Some(Ok(tok));
        }
        loop {
            let Some(tok) = self.next_token() else {
                // A held `;` at the very end of the file (no final newline) is trailing too.
                return None;
            };
            if tok.1 == Tok::Semi && self.brackets.is_empty() && self.held_semi.is_none() {
                self.held_semi = Some(tok);
                continue;
            }
            return Some(Ok(match self.held_semi.take() {
                Some(_) if tok.1 == Tok::Newline => tok,
                Some(semi) => {
                    self.queued = Some(tok);
                    semi
                }
                None => tok,
            }));
        }
    }
}

impl<'a> Lexer<'a> {
    /// The next token as the grammar sees it, before trailing `;` are dropped.
    fn next_token(&mut self) -> Option<(usize, Tok<'a>, usize)> {
        loop {
            if self.done {
                return None;
            }
            let next = match self.raw.next() {
                None => {
                    self.done = true;
                    let n = self.src.len();
                    if self.last != Last::LineStart {
                        self.last = Last::LineStart;
                        return Some((n, Tok::Newline, n));
                    }
                    return None;
                }
                Some(Ok(raw)) => self.convert(raw),
                Some(Err(())) => Some(self.stray()),
            };
            if let Some((s, tok, e)) = next {
                if let Some(out) = self.emit(s, tok, e) {
                    return Some(out);
                }
            }
        }
    }
}

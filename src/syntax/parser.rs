//! Parsing: the generated LALR grammar turns the token stream into a flat list of lines
//! ([`Line`]), then [`Builder`] nests the blocks (`If`…`End if`, …) and class members. Doing the
//! nesting by hand gives 4D-style messages for unclosed and mismatched blocks and keeps error
//! recovery simple: a bad line is skipped up to its end, the rest of the file is still checked.

use std::cell::RefCell;

use lalrpop_util::{ErrorRecovery, ParseError};

use super::ast::*;
use super::lexer::{Lexer, Never};
use super::names::MethodNames;
use super::source_map::SourceMap;
use super::token::Tok;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, unused_imports, dead_code)]
    grammar,
    "/fourd.rs"
);

/// Maximum nesting of control structures (4D's documented limit).
pub const MAX_BLOCK_DEPTH: usize = 512;

/// One syntax error, with everything needed to render it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    /// A short kebab-case kind, e.g. `unclosed-block`.
    pub code: &'static str,
    pub message: String,
    /// The text shown under the span.
    pub label: String,
    pub help: Option<String>,
}

/// What [`parse`] returns: always a syntax tree (with `ExprKind::Error` placeholders and skipped
/// lines where there were errors), and every error found, in source order.
#[derive(Clone, Debug)]
pub struct ParseOutput {
    pub file: SourceFile,
    pub errors: Vec<SyntaxError>,
}

/// A borrowed name in a token (an alias: lalrpop cannot write `&'a str` in token patterns).
pub type Str<'a> = &'a str;

/// Class member modifiers written before `Function` or `Class constructor`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mods {
    pub shared: bool,
    pub singleton: bool,
    /// `session` (only valid as `session singleton Class constructor`).
    pub session: bool,
    pub exposed: bool,
    pub local: bool,
    /// `onHTTPGet`: the function answers HTTP GET requests (4D's REST server).
    pub on_http_get: bool,
}

/// The header of a `For` line.
#[derive(Clone, Debug)]
pub struct ForHead {
    pub var: Expr,
    pub start: Expr,
    pub end: Expr,
    pub step: Option<Expr>,
}

/// The header of a `For each` line.
#[derive(Clone, Debug)]
pub struct ForEachHead {
    pub item: Expr,
    pub source: Expr,
    pub begin: Option<Expr>,
    pub end: Option<Expr>,
    pub cond: Option<(LoopCond, Expr)>,
}

/// A `Function` line.
#[derive(Clone, Debug)]
pub struct FunctionHead {
    pub mods: Mods,
    pub kind: FunctionKind,
    pub name: Name,
    pub params: Vec<Param>,
    pub result: Option<ResultDecl>,
}

/// One parsed line (big variants boxed: the parser moves these values around a lot).
#[derive(Clone, Debug)]
pub enum Line {
    Stmt(Box<StmtKind>),
    Declare(Box<Declare>),
    If(Expr),
    Else,
    EndIf,
    CaseOf,
    Branch(Expr),
    EndCase,
    While(Expr),
    EndWhile,
    Repeat,
    Until(Expr),
    For(Box<ForHead>),
    EndFor,
    ForEach(Box<ForEachHead>),
    EndForEach(Option<(LoopCond, Expr)>),
    Use(Expr),
    EndUse,
    Try,
    Catch,
    EndTry,
    Constructor {
        mods: Mods,
        params: Vec<Param>,
    },
    Extends(Name),
    Function(Box<FunctionHead>),
    Property(Box<PropertyDecl>),
    /// `exposed Alias name path` (ORDA entity classes).
    Alias(Box<(Mods, Name, Name)>),
}

/// State shared with the grammar actions.
pub struct Ctx<'a> {
    pub src: &'a str,
    errors: RefCell<Vec<SyntaxError>>,
    builder: RefCell<Builder<'a>>,
}

fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    Expr { kind, span: Span::new(l, r) }
}

impl<'a> Ctx<'a> {
    fn error(
        &self,
        span: Span,
        code: &'static str,
        message: String,
        label: &str,
        help: Option<&str>,
    ) {
        self.errors.borrow_mut().push(SyntaxError {
            span,
            code,
            message,
            label: label.to_string(),
            help: help.map(str::to_string),
        });
    }

    /// Hands one parsed line to the block builder.
    pub fn line(&self, line: Line, span: Span) {
        self.builder.borrow_mut().line(line, span);
    }

    /// A placeholder expression left by error recovery.
    pub fn error_expr(at: usize) -> Expr {
        expr(ExprKind::Error, at, at)
    }

    /// A name as written between `l` and `r`.
    pub fn name(&self, l: usize, r: usize) -> Name {
        Name { text: self.src[l..r].to_string(), span: Span::new(l, r) }
    }

    /// The text of a type word, without a token suffix.
    fn word(&self, l: usize, r: usize) -> &'a str {
        let w = &self.src[l..r];
        match w.find(':') {
            Some(i) => &w[..i],
            None => w,
        }
    }

    pub fn basic_type(&self, l: usize, r: usize) -> TypeRef {
        let word = self.word(l, r);
        let basic = match word.to_ascii_lowercase().as_str() {
            "text" => BasicType::Text,
            "date" => BasicType::Date,
            "time" => BasicType::Time,
            "boolean" => BasicType::Boolean,
            "integer" => BasicType::Integer,
            "real" => BasicType::Real,
            "pointer" => BasicType::Pointer,
            "picture" => BasicType::Picture,
            "blob" => BasicType::Blob,
            "collection" => BasicType::Collection,
            "variant" => BasicType::Variant,
            "object" => BasicType::Object,
            _ => {
                self.error(
                    Span::new(l, r),
                    "unknown-type",
                    format!("unknown type `{word}`"),
                    "not a type",
                    Some(
                        "types are Text, Date, Time, Boolean, Integer, Real, Pointer, Picture, Blob, \
                         Collection, Variant, Object, cs.<Class> and 4D.<Class>",
                    ),
                );
                BasicType::Variant
            }
        };
        TypeRef { kind: TypeKind::Basic(basic), span: Span::new(l, r) }
    }

    pub fn class_type(&self, store: (usize, usize), name: &str, l: usize, r: usize) -> TypeRef {
        let s = self.word(store.0, store.1);
        let store_name = if s.eq_ignore_ascii_case("cs") {
            "cs"
        } else if s.eq_ignore_ascii_case("4d") {
            "4D"
        } else {
            self.error(
                Span::new(store.0, store.1),
                "unknown-type",
                format!("unknown class store `{s}`"),
                "expected `cs` or `4D`",
                Some("class types are written cs.<Class> or 4D.<Class>"),
            );
            s
        };
        TypeRef {
            kind: TypeKind::Class { store: store_name.to_string(), name: name.to_string() },
            span: Span::new(l, r),
        }
    }

    /// `[Table]Field` as written: the names without brackets and token suffixes.
    pub fn field(&self, text: &str) -> ExprKind {
        let strip = |s: &str| s.split(':').next().unwrap_or("").to_string();
        let (table, field) = text.trim_start_matches('[').split_once(']').unwrap_or((text, ""));
        ExprKind::Field { table: strip(table), field: strip(field) }
    }

    /// `Begin SQL`…`End SQL`.
    pub fn sql_block(&self, body: &str, _l: usize, _r: usize) -> StmtKind {
        StmtKind::Sql(body.to_string())
    }

    /// `-e`; a number literal is folded into a negative literal.
    pub fn neg(&self, e: Expr, l: usize, r: usize) -> Expr {
        match e.kind {
            ExprKind::Number(n) => expr(ExprKind::Number(-n), l, r),
            kind => expr(ExprKind::Neg(Box::new(Expr { kind, span: e.span })), l, r),
        }
    }

    /// The arguments of a call to command `index` (`u16::MAX`: a method): an assignment
    /// argument is only accepted by `Formula` (`Formula($1.result:=$1.value>0)`).
    pub fn command_args(&self, index: u16, args: Vec<Expr>) -> Vec<Expr> {
        let formula = crate::commands::catalog::commands()
            .get(index as usize)
            .is_some_and(|c| c.name.eq_ignore_ascii_case("Formula"));
        for a in &args {
            if let ExprKind::AssignArg { target, value } = &a.kind {
                if formula && args.len() == 1 {
                    // Reports a target that cannot be assigned.
                    let _ = self.assign((**target).clone(), AssignOp::Assign, (**value).clone());
                } else {
                    self.error(
                        a.span,
                        "invalid-assignment",
                        "an assignment is not a value".to_string(),
                        "assignment used as an argument",
                        Some("only `Formula(target:=value)` accepts an assignment; use `=` to compare"),
                    );
                }
            }
        }
        args
    }

    pub fn assign(&self, target: Expr, op: AssignOp, value: Expr) -> StmtKind {
        let ok = match &target.kind {
            ExprKind::Local(_)
            | ExprKind::LegacyParam(_)
            | ExprKind::ParamIndex(_)
            | ExprKind::Name(_)
            | ExprKind::Interprocess(_)
            | ExprKind::Member { .. }
            | ExprKind::Index { .. }
            | ExprKind::ArrayElement { .. }
            | ExprKind::Deref(_)
            | ExprKind::Field { .. }
            | ExprKind::Error => true,
            ExprKind::CharIndex { .. } => {
                if op != AssignOp::Assign {
                    self.error(
                        target.span,
                        "invalid-assignment",
                        "compound assignment is not allowed on a character reference".to_string(),
                        "use `:=` here",
                        Some("write `$t[[$i]]:=...`"),
                    );
                }
                true
            }
            _ => false,
        };
        if !ok {
            let what = match &target.kind {
                ExprKind::Command { .. } => "a command",
                ExprKind::MethodCall { .. } => "a method call",
                ExprKind::Call { .. } => "a function call",
                ExprKind::Constant(_) | ExprKind::ProjectConstant(_) => "a constant",
                ExprKind::Number(_) | ExprKind::Text(_) | ExprKind::Date(_) | ExprKind::Time(_) => {
                    "a literal"
                }
                _ => "this expression",
            };
            self.error(
                target.span,
                "invalid-assignment",
                format!("cannot assign to {what}"),
                "not a variable, property or element",
                None,
            );
        }
        StmtKind::Assign { target, op, value }
    }

    /// Error recovery: report what the parser could not accept on this line.
    pub fn recovered(&self, e: ErrorRecovery<usize, Tok<'a>, Never>) {
        self.parse_error(e.error);
    }

    /// A line that ends with `Function` and no name (`at` is where the line ends). The docs
    /// (Concepts/classes.md) declare a class function as `Function <name>(…)`, but 4D loads a
    /// class with such a line (mesopelagique/Mystax ships one, with spec results produced by
    /// 4D through that class): the line declares nothing and is skipped without an error.
    fn function_without_name(&self, at: usize) -> bool {
        let before = self.src.get(..at).unwrap_or("");
        let line = before.rsplit(['\n', '\r']).next().unwrap_or("").trim();
        line.eq_ignore_ascii_case("function")
    }

    fn parse_error(&self, e: ParseError<usize, Tok<'a>, Never>) {
        match e {
            ParseError::UnrecognizedToken { token: (l, tok, r), expected } => {
                if tok == Tok::Error {
                    return; // already reported by the lexer
                }
                if tok == Tok::Newline && self.function_without_name(l) {
                    return;
                }
                let (message, label) =
                    describe_unexpected(token_text(self.src, &tok, l, r), &expected);
                let (l, r) = if tok == Tok::Newline { (l, l) } else { (l, r) };
                self.error(Span::new(l, r), "unexpected-token", message, &label, None);
            }
            ParseError::UnrecognizedEof { location, expected } => {
                if self.function_without_name(location) {
                    return;
                }
                let (message, label) = describe_unexpected(Tok::Newline.to_string(), &expected);
                self.error(
                    Span::new(location, location),
                    "unexpected-token",
                    message,
                    &label,
                    None,
                );
            }
            ParseError::InvalidToken { location } => {
                self.error(
                    Span::new(location, location),
                    "unexpected-token",
                    "invalid token".into(),
                    "here",
                    None,
                );
            }
            ParseError::ExtraToken { token: (l, tok, r) } => {
                if tok != Tok::Error {
                    self.error(
                        Span::new(l, r),
                        "unexpected-token",
                        format!("unexpected {}", token_text(self.src, &tok, l, r)),
                        "not expected here",
                        None,
                    );
                }
            }
            ParseError::User { error } => match error {},
        }
    }
}

/// Terminal names of the grammar that can start an expression.
const EXPR_START: &str = "\"number\"";

/// How to name an unexpected token: its source text when it has one.
fn token_text(src: &str, tok: &Tok<'_>, l: usize, r: usize) -> String {
    match tok {
        Tok::Newline | Tok::Error => tok.to_string(),
        _ => {
            let text = src.get(l..r).unwrap_or("");
            if text.is_empty() {
                return tok.to_string();
            }
            let short: String = text.chars().take(40).collect();
            let ellipsis = if short.len() < text.len() { "…" } else { "" };
            format!("`{short}{ellipsis}`")
        }
    }
}

fn describe_unexpected(what: String, expected: &[String]) -> (String, String) {
    let expected_text = if expected.iter().any(|e| e == EXPR_START) {
        if expected.iter().any(|e| e == "\")\"") && expected.len() < 40 {
            Some("an expression or `)`".to_string())
        } else {
            Some("an expression".to_string())
        }
    } else if expected.iter().any(|e| e == "\"+\"") {
        let mut items = vec!["an operator".to_string()];
        for (t, shown) in
            [("\";\"", "`;`"), ("\")\"", "`)`"), ("\"]\"", "`]`"), ("\"newline\"", "end of line")]
        {
            if expected.iter().any(|e| e == t) {
                items.push(shown.to_string());
            }
        }
        let (last, rest) = items.split_last().unwrap_or((&items[0], &[]));
        Some(if rest.is_empty() {
            last.clone()
        } else {
            format!("{} or {}", rest.join(", "), last)
        })
    } else {
        // Inside an argument list `:=` is only valid as `Formula(target:=value)`: not worth
        // suggesting next to `;` or `)`.
        let in_args = expected.iter().any(|e| e == "\")\"");
        let names: Vec<String> = expected
            .iter()
            .filter(|e| !(in_args && *e == "\":=\""))
            .map(|e| {
                let t = e.trim_matches('"');
                match t {
                    "newline" => "end of line".to_string(),
                    "name" | "property name" | "number" => format!("a {t}"),
                    "local" => "a local variable".to_string(),
                    "legacy param" => "a parameter (`$1`)".to_string(),
                    "interprocess" => "an interprocess variable".to_string(),
                    "text" => "a text literal".to_string(),
                    _ => format!("`{t}`"),
                }
            })
            .collect();
        match names.len() {
            0 => None,
            1 => Some(names[0].clone()),
            2..=5 => {
                let (last, rest) = names.split_last().unwrap_or((&names[0], &[]));
                Some(format!("{} or {}", rest.join(", "), last))
            }
            _ => None,
        }
    };
    let message = match &expected_text {
        Some(x) => format!("unexpected {what}, expected {x}"),
        None => format!("unexpected {what}"),
    };
    let label = match expected_text {
        Some(x) => format!("expected {x}"),
        None => "not expected here".to_string(),
    };
    (message, label)
}

/// Parses one method or class file. Never panics; errors are returned with the tree (at most
/// [`MAX_ERRORS_PER_LINE`] per line and [`MAX_ERRORS`] in all, then one that counts the rest).
pub fn parse(source: &str, methods: &MethodNames) -> ParseOutput {
    let mut out = parse_all_errors(source, methods);
    cap_errors(source, &mut out.errors);
    out
}

/// Syntax errors kept on one line: after a few, the others are mostly consequences.
pub const MAX_ERRORS_PER_LINE: usize = 3;
/// Syntax errors kept for one file.
pub const MAX_ERRORS: usize = 50;

/// Keeps the first errors of each line and of the file (sorted `errors`), and replaces the others
/// by one error that says how many there were: a garbled file then reports in bounded time.
fn cap_errors(source: &str, errors: &mut Vec<SyntaxError>) {
    if errors.len() <= MAX_ERRORS_PER_LINE {
        return;
    }
    let bytes = source.as_bytes();
    let (mut line, mut scanned, mut on_line, mut line_of_last) = (0usize, 0usize, 0usize, 0usize);
    let mut kept = Vec::with_capacity(errors.len().min(MAX_ERRORS + 1));
    let mut first_dropped = None;
    let mut dropped = 0usize;
    for e in errors.drain(..) {
        let at = (e.span.start as usize).min(bytes.len());
        if at > scanned {
            line += bytes[scanned..at].iter().filter(|&&b| b == b'\n').count();
            scanned = at;
        }
        if line != line_of_last {
            line_of_last = line;
            on_line = 0;
        }
        on_line += 1;
        if on_line > MAX_ERRORS_PER_LINE || kept.len() >= MAX_ERRORS {
            dropped += 1;
            first_dropped.get_or_insert(e.span);
        } else {
            kept.push(e);
        }
    }
    if let Some(span) = first_dropped {
        let noun = if dropped == 1 { "error" } else { "errors" };
        kept.push(SyntaxError {
            span: Span { start: span.start, end: span.start },
            code: "too-many-errors",
            message: format!("{dropped} more syntax {noun} not shown"),
            label: "the first one not shown".to_string(),
            help: Some("fix the errors above and check again".to_string()),
        });
        kept.sort_by_key(|e| (e.span.start, e.span.end));
    }
    *errors = kept;
}

fn parse_all_errors(source: &str, methods: &MethodNames) -> ParseOutput {
    let mut lexer = Lexer::new(source, methods);
    let ctx = Ctx {
        src: source,
        errors: RefCell::new(Vec::new()),
        builder: RefCell::new(Builder::new(source)),
    };
    if let Err(e) = grammar::FileParser::new().parse(&ctx, &mut lexer) {
        ctx.parse_error(e);
    }
    let mut errors = std::mem::take(&mut lexer.errors);
    errors.append(&mut ctx.errors.into_inner());
    let mut builder = ctx.builder.into_inner();
    let file = builder.finish();
    errors.append(&mut builder.errors);
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    ParseOutput { file, errors }
}

/// Parses raw file bytes: BOM stripped, invalid UTF-8 reported. Returns the decoded text (which
/// the spans refer to) and the parse output.
pub fn parse_bytes(bytes: &[u8], methods: &MethodNames) -> (String, ParseOutput) {
    if let Some(encoding) = utf16_encoding(bytes) {
        let error = SyntaxError {
            span: Span::new(0, 0),
            code: "utf16-file",
            message: format!("the file is {encoding} text; 4D method files are UTF-8"),
            label: format!("{encoding} byte-order mark"),
            help: Some(
                "convert the file to UTF-8, e.g. with `iconv -f UTF-16 -t UTF-8`".to_string(),
            ),
        };
        let out = ParseOutput { file: parse("", methods).file, errors: vec![error] };
        return (String::new(), out);
    }
    let (text, decode_errors) = decode_source(bytes);
    let mut out = parse_all_errors(&text, methods);
    if !decode_errors.is_empty() {
        // The lexer also flags each U+FFFD outside text literals: keep the decoding error only.
        out.errors.retain(|e| {
            !(e.code == "invalid-character" && decode_errors.iter().any(|d| d.span == e.span))
        });
        out.errors.extend(decode_errors);
        out.errors.sort_by_key(|e| (e.span.start, e.span.end));
    }
    cap_errors(&text, &mut out.errors);
    (text, out)
}

/// `UTF-16LE` or `UTF-16BE` when `bytes` start with that byte-order mark.
fn utf16_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    }
}

/// Decodes source bytes: strips a UTF-8 BOM, replaces each invalid sequence by U+FFFD and reports
/// it (spans refer to the returned text).
pub fn decode_source(bytes: &[u8]) -> (String, Vec<SyntaxError>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = String::with_capacity(bytes.len());
    let mut errors = Vec::new();
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            let start = out.len();
            out.push('\u{FFFD}');
            let hex: Vec<String> = invalid.iter().map(|b| format!("{b:02X}")).collect();
            errors.push(SyntaxError {
                span: Span::new(start, out.len()),
                code: "invalid-utf8",
                message: format!("invalid UTF-8 (bytes {})", hex.join(" ")),
                label: "not UTF-8".to_string(),
                help: Some("4D method files are UTF-8 text".to_string()),
            });
        }
    }
    (out, errors)
}

// ---------------------------------------------------------------------------------------------
// Block nesting

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Closer {
    EndIf,
    EndCase,
    EndWhile,
    Until,
    EndFor,
    EndForEach,
    EndUse,
    EndTry,
}

impl Closer {
    fn text(self) -> &'static str {
        match self {
            Closer::EndIf => "End if",
            Closer::EndCase => "End case",
            Closer::EndWhile => "End while",
            Closer::Until => "Until",
            Closer::EndFor => "End for",
            Closer::EndForEach => "End for each",
            Closer::EndUse => "End use",
            Closer::EndTry => "End try",
        }
    }
    fn opener(self) -> &'static str {
        match self {
            Closer::EndIf => "If",
            Closer::EndCase => "Case of",
            Closer::EndWhile => "While",
            Closer::Until => "Repeat",
            Closer::EndFor => "For",
            Closer::EndForEach => "For each",
            Closer::EndUse => "Use",
            Closer::EndTry => "Try",
        }
    }
}

enum Open {
    If {
        cond: Expr,
        then: Option<Block>,
    },
    Case {
        branches: Vec<(Expr, Block)>,
        current: Option<Expr>,
        in_else: bool,
    },
    While(Expr),
    Repeat,
    For {
        var: Expr,
        start: Expr,
        end: Expr,
        step: Option<Expr>,
    },
    ForEach {
        item: Expr,
        source: Expr,
        begin: Option<Expr>,
        end: Option<Expr>,
        cond: Option<(LoopCond, Expr)>,
    },
    Use(Expr),
    Try {
        body: Option<Block>,
    },
}

impl Open {
    fn closer(&self) -> Closer {
        match self {
            Open::If { .. } => Closer::EndIf,
            Open::Case { .. } => Closer::EndCase,
            Open::While(_) => Closer::EndWhile,
            Open::Repeat => Closer::Until,
            Open::For { .. } => Closer::EndFor,
            Open::ForEach { .. } => Closer::EndForEach,
            Open::Use(_) => Closer::EndUse,
            Open::Try { .. } => Closer::EndTry,
        }
    }
}

struct Frame {
    open: Open,
    /// Span of the opening line.
    span: Span,
    block: Block,
}

/// A function or constructor being filled.
struct FnBuild {
    func: Function,
}

struct Builder<'a> {
    src: &'a str,
    /// Built on the first error that needs a line number.
    map: std::cell::OnceCell<SourceMap>,
    errors: Vec<SyntaxError>,
    stack: Vec<Frame>,
    root: Block,
    declare: Option<Declare>,
    /// Whether anything (statement or `#DECLARE`) has been seen, for `#DECLARE` placement.
    seen_statement: bool,
    class: Option<ClassDef>,
    current_fn: Option<FnBuild>,
    /// Nesting limit hit: stop building and don't pile up unclosed-block errors.
    fatal: bool,
    /// Reported "statement outside a function" once per member gap.
    outside_reported: bool,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Builder<'a> {
        Builder {
            src,
            map: std::cell::OnceCell::new(),
            errors: Vec::new(),
            stack: Vec::new(),
            root: Vec::new(),
            declare: None,
            seen_statement: false,
            class: None,
            current_fn: None,
            fatal: false,
            outside_reported: false,
        }
    }

    fn error(
        &mut self,
        span: Span,
        code: &'static str,
        message: String,
        label: String,
        help: Option<String>,
    ) {
        self.errors.push(SyntaxError { span, code, message, label, help });
    }

    fn line_of(&self, span: Span) -> usize {
        self.map.get_or_init(|| SourceMap::new(self.src)).line_col(span.start as usize).0
    }

    /// Where statements go now.
    fn block_mut(&mut self) -> &mut Block {
        if let Some(f) = self.stack.last_mut() {
            return &mut f.block;
        }
        if let Some(f) = self.current_fn.as_mut() {
            return &mut f.func.body;
        }
        &mut self.root
    }

    /// In a class, outside any function: reports it (once per gap) and returns true.
    fn check_outside(&mut self, span: Span) -> bool {
        if self.class.is_some() && self.current_fn.is_none() {
            if !self.outside_reported {
                self.outside_reported = true;
                self.error(
                    span,
                    "statement-outside-function",
                    "statement outside a function in a class".into(),
                    "not inside a `Function` or `Class constructor`".into(),
                    Some("in a class file, code goes in the body of a `Function` or of the `Class constructor`".into()),
                );
            }
            return true;
        }
        false
    }

    fn push_stmt(&mut self, stmt: Stmt) {
        if self.stack.is_empty() && self.check_outside(stmt.span) {
            return;
        }
        self.block_mut().push(stmt);
    }

    fn open(&mut self, open: Open, span: Span) {
        self.seen_statement = true;
        if self.stack.len() >= MAX_BLOCK_DEPTH {
            self.error(
                span,
                "nesting-limit",
                format!(
                    "nesting limit exceeded: more than {MAX_BLOCK_DEPTH} nested control structures"
                ),
                "too deeply nested".into(),
                Some(
                    "4D allows at most 512 nested levels; move inner code into a separate method"
                        .into(),
                ),
            );
            self.fatal = true;
            return;
        }
        if self.stack.is_empty() {
            self.check_outside(span);
        }
        self.stack.push(Frame { open, span, block: Vec::new() });
    }

    fn line(&mut self, line: Line, span: Span) {
        if self.fatal {
            return;
        }
        match line {
            Line::Stmt(kind) => {
                self.seen_statement = true;
                self.push_stmt(Stmt { kind: *kind, span });
            }
            Line::Declare(d) => {
                let d = *d;
                if self.class.is_some() || self.current_fn.is_some() {
                    self.error(
                        span,
                        "misplaced-declare",
                        "`#DECLARE` cannot be used in a class".into(),
                        "not allowed here".into(),
                        Some(
                            "declare parameters in the `Function` or `Class constructor` line"
                                .into(),
                        ),
                    );
                    self.push_stmt(Stmt { kind: StmtKind::MisplacedDeclare(d), span });
                } else if self.seen_statement || self.declare.is_some() {
                    self.error(
                        span,
                        "misplaced-declare",
                        "`#DECLARE` must be the first statement of the method".into(),
                        "misplaced `#DECLARE`".into(),
                        Some("only comments and blank lines may come before `#DECLARE`".into()),
                    );
                    self.push_stmt(Stmt { kind: StmtKind::MisplacedDeclare(d), span });
                } else {
                    self.declare = Some(d);
                }
                self.seen_statement = true;
            }
            Line::If(cond) => self.open(Open::If { cond, then: None }, span),
            Line::CaseOf => {
                self.open(Open::Case { branches: Vec::new(), current: None, in_else: false }, span)
            }
            Line::While(c) => self.open(Open::While(c), span),
            Line::Repeat => self.open(Open::Repeat, span),
            Line::For(h) => {
                let ForHead { var, start, end, step } = *h;
                self.open(Open::For { var, start, end, step }, span)
            }
            Line::ForEach(h) => {
                let ForEachHead { item, source, begin, end, cond } = *h;
                self.open(Open::ForEach { item, source, begin, end, cond }, span)
            }
            Line::Use(e) => self.open(Open::Use(e), span),
            Line::Try => self.open(Open::Try { body: None }, span),
            Line::Else => self.else_line(span),
            Line::Branch(cond) => self.branch(cond, span),
            Line::Catch => self.catch(span),
            Line::EndIf => self.close(Closer::EndIf, span, None),
            Line::EndCase => self.close(Closer::EndCase, span, None),
            Line::EndWhile => self.close(Closer::EndWhile, span, None),
            Line::Until(c) => self.close(Closer::Until, span, Some(c)),
            Line::EndFor => self.close(Closer::EndFor, span, None),
            Line::EndForEach(c) => self.close_with(Closer::EndForEach, span, None, c),
            Line::EndUse => self.close(Closer::EndUse, span, None),
            Line::EndTry => self.close(Closer::EndTry, span, None),
            Line::Constructor { mods, params } => {
                self.member_start(span);
                let class = self.class.get_or_insert_with(ClassDef::default);
                if mods.shared {
                    class.shared = true;
                }
                if mods.singleton {
                    class.singleton = true;
                }
                if mods.session && mods.singleton {
                    // Session singletons are automatically shared singletons.
                    class.session = true;
                    class.shared = true;
                }
                let duplicate = class.constructor.is_some();
                if mods.session && !mods.singleton {
                    self.error(
                        span,
                        "invalid-modifier",
                        "`session` is only allowed in `session singleton Class constructor`".into(),
                        "`session` without `singleton`".into(),
                        Some("write `session singleton Class constructor`".into()),
                    );
                }
                if duplicate {
                    self.error(
                        span,
                        "duplicate-member",
                        "a class has only one `Class constructor`".into(),
                        "second constructor".into(),
                        None,
                    );
                }
                self.current_fn = Some(FnBuild {
                    func: Function {
                        name: Name { text: "constructor".into(), span },
                        kind: FunctionKind::Constructor,
                        shared: mods.shared,
                        params,
                        result: None,
                        body: Vec::new(),
                        span,
                    },
                });
            }
            Line::Function(h) => {
                let FunctionHead { mods, kind, name, params, result } = *h;
                self.member_start(span);
                if mods.session {
                    self.error(
                        span,
                        "invalid-modifier",
                        "`session` applies to a class, not to a function".into(),
                        "`session` before `Function`".into(),
                        Some("write `session singleton Class constructor`".into()),
                    );
                }
                self.current_fn = Some(FnBuild {
                    func: Function {
                        name,
                        kind,
                        shared: mods.shared,
                        params,
                        result,
                        body: Vec::new(),
                        span,
                    },
                });
            }
            Line::Extends(name) => {
                self.member_start(span);
                let class = self.class.get_or_insert_with(ClassDef::default);
                if class.extends.is_some() {
                    self.error(
                        span,
                        "duplicate-member",
                        "a class extends only one class".into(),
                        "second `Class extends`".into(),
                        None,
                    );
                } else {
                    class.extends = Some(name);
                }
            }
            Line::Property(p) => {
                self.member_start(span);
                if let Some(class) = self.class.as_mut() {
                    class.properties.push(*p);
                }
            }
            Line::Alias(a) => {
                let (_, name, path) = *a;
                self.member_start(span);
                if let Some(class) = self.class.as_mut() {
                    class.aliases.push((name, path));
                }
            }
        }
    }

    /// A class member line: closes open blocks and the current function.
    fn member_start(&mut self, span: Span) {
        self.close_all();
        self.finish_fn();
        if self.class.is_none() {
            self.class = Some(ClassDef::default());
            if let Some(first) = self.root.first() {
                let first_span = first.span;
                self.error(
                    first_span,
                    "statement-outside-function",
                    "statement before the first class member".into(),
                    "not inside a `Function` or `Class constructor`".into(),
                    Some(
                        "this file has class members, so it is a class: code goes in functions"
                            .into(),
                    ),
                );
            } else if let Some(d) = &self.declare {
                let d_span = d.span;
                self.error(
                    d_span,
                    "misplaced-declare",
                    "`#DECLARE` cannot be used in a class".into(),
                    "not allowed here".into(),
                    Some("declare parameters in the `Function` or `Class constructor` line".into()),
                );
            }
        }
        self.outside_reported = false;
        let _ = span;
    }

    fn finish_fn(&mut self) {
        if let Some(FnBuild { mut func }) = self.current_fn.take() {
            if let Some(last) = func.body.last() {
                func.span = func.span.to(last.span);
            }
            if let Some(class) = self.class.as_mut() {
                if func.kind == FunctionKind::Constructor {
                    if class.constructor.is_none() {
                        class.constructor = Some(func);
                    }
                } else {
                    class.functions.push(func);
                }
            }
        }
    }

    fn else_line(&mut self, span: Span) {
        match self.stack.last_mut() {
            Some(Frame { open: Open::If { then, .. }, block, .. }) => {
                if then.is_some() {
                    self.error(
                        span,
                        "misplaced-else",
                        "second `Else` in the same `If`".into(),
                        "this `If` already has an `Else`".into(),
                        Some("4D has no `Else if`: nest another `If` or use `Case of`".into()),
                    );
                    return;
                }
                *then = Some(std::mem::take(block));
            }
            Some(Frame { open: Open::Case { branches, current, in_else }, block, .. }) => {
                if *in_else {
                    self.error(
                        span,
                        "misplaced-else",
                        "second `Else` in the same `Case of`".into(),
                        "this `Case of` already has an `Else`".into(),
                        None,
                    );
                    return;
                }
                if let Some(c) = current.take() {
                    branches.push((c, std::mem::take(block)));
                }
                *in_else = true;
            }
            _ => self.error(
                span,
                "misplaced-else",
                "`Else` outside `If` or `Case of`".into(),
                "no open `If` or `Case of`".into(),
                None,
            ),
        }
    }

    fn branch(&mut self, cond: Expr, span: Span) {
        match self.stack.last_mut() {
            Some(Frame { open: Open::Case { branches, current, in_else }, block, .. }) => {
                if *in_else {
                    self.error(
                        span,
                        "misplaced-branch",
                        "`Case of` branch after `Else`".into(),
                        "after `Else`".into(),
                        Some("the `Else` branch of a `Case of` comes last".into()),
                    );
                    return;
                }
                match current.replace(cond) {
                    Some(prev) => branches.push((prev, std::mem::take(block))),
                    None => {
                        if let Some(first) = block.first() {
                            let s = first.span;
                            block.clear();
                            self.error(
                                s,
                                "misplaced-branch",
                                "statement before the first `Case of` branch".into(),
                                "not in a branch".into(),
                                Some("start each branch with `:(condition)`".into()),
                            );
                        }
                    }
                }
            }
            _ => self.error(
                span,
                "misplaced-branch",
                "`:(condition)` branch outside `Case of`".into(),
                "no open `Case of`".into(),
                None,
            ),
        }
    }

    fn catch(&mut self, span: Span) {
        match self.stack.last_mut() {
            Some(Frame { open: Open::Try { body }, block, .. }) if body.is_none() => {
                *body = Some(std::mem::take(block));
            }
            Some(Frame { open: Open::Try { .. }, .. }) => self.error(
                span,
                "misplaced-catch",
                "second `Catch` in the same `Try`".into(),
                "this `Try` already has a `Catch`".into(),
                None,
            ),
            _ => self.error(
                span,
                "misplaced-catch",
                "`Catch` outside `Try`".into(),
                "no open `Try`".into(),
                None,
            ),
        }
    }

    fn close(&mut self, closer: Closer, span: Span, until: Option<Expr>) {
        self.close_with(closer, span, until, None)
    }

    fn close_with(
        &mut self,
        closer: Closer,
        span: Span,
        until: Option<Expr>,
        tail: Option<(LoopCond, Expr)>,
    ) {
        let Some(pos) = self.stack.iter().rposition(|f| f.open.closer() == closer) else {
            let (message, help) = match self.stack.last() {
                Some(top) => (
                    format!(
                        "`{}` does not close `{}` (opened at line {})",
                        closer.text(),
                        top.open.closer().opener(),
                        self.line_of(top.span)
                    ),
                    Some(format!(
                        "close the `{}` with `{}`",
                        top.open.closer().opener(),
                        top.open.closer().text()
                    )),
                ),
                None => {
                    (format!("`{}` without a matching `{}`", closer.text(), closer.opener()), None)
                }
            };
            self.error(
                span,
                "unmatched-end",
                message,
                format!("no open `{}`", closer.opener()),
                help,
            );
            return;
        };
        if pos + 1 < self.stack.len() {
            let top = &self.stack[self.stack.len() - 1];
            let message = format!(
                "`{}` does not close `{}` (opened at line {})",
                closer.text(),
                top.open.closer().opener(),
                self.line_of(top.span)
            );
            let help = format!(
                "close the `{}` with `{}` first",
                top.open.closer().opener(),
                top.open.closer().text()
            );
            self.error(
                span,
                "mismatched-end",
                message,
                format!("expected `{}`", top.open.closer().text()),
                Some(help),
            );
            while self.stack.len() > pos + 1 {
                self.pop_frame(None, None, span);
            }
        }
        self.pop_frame(until, tail, span);
    }

    /// Pops the top frame into a statement of its parent. `end` is the closing line's span.
    fn pop_frame(&mut self, until: Option<Expr>, tail: Option<(LoopCond, Expr)>, end: Span) {
        let Some(Frame { open, span, block }) = self.stack.pop() else { return };
        let span = span.to(end);
        let kind = match open {
            Open::If { cond, then } => match then {
                Some(then) => StmtKind::If { cond, then, otherwise: Some(block) },
                None => StmtKind::If { cond, then: block, otherwise: None },
            },
            Open::Case { mut branches, current, in_else } => {
                let mut otherwise = None;
                if in_else {
                    otherwise = Some(block);
                } else if let Some(c) = current {
                    branches.push((c, block));
                }
                StmtKind::Case { branches, otherwise }
            }
            Open::While(cond) => StmtKind::While { cond, body: block },
            Open::Repeat => StmtKind::Repeat {
                body: block,
                until: until.unwrap_or(Expr { kind: ExprKind::Error, span: end }),
            },
            Open::For { var, start, end, step } => StmtKind::For {
                var: Box::new(var),
                start: Box::new(start),
                end: Box::new(end),
                step: step.map(Box::new),
                body: block,
            },
            Open::ForEach { item, source, begin, end: stop, cond: head } => {
                if head.is_some() && tail.is_some() {
                    self.error(
                        end,
                        "duplicate-loop-condition",
                        "`For each` has a `While`/`Until` condition on both its first and last line".into(),
                        "second condition".into(),
                        Some("keep only one of them".into()),
                    );
                }
                StmtKind::ForEach {
                    item: Box::new(item),
                    source: Box::new(source),
                    begin: begin.map(Box::new),
                    end: stop.map(Box::new),
                    cond: head.or(tail).map(|(k, e)| (k, Box::new(e))),
                    body: block,
                }
            }
            Open::Use(target) => StmtKind::Use { target, body: block },
            Open::Try { body } => match body {
                Some(body) => StmtKind::Try { body, catch: Some(block) },
                None => StmtKind::Try { body: block, catch: None },
            },
        };
        self.block_mut().push(Stmt { kind, span });
    }

    /// Closes every open block, reporting each as never closed.
    fn close_all(&mut self) {
        while let Some(top) = self.stack.last() {
            if !self.fatal {
                let closer = top.open.closer();
                let message = format!(
                    "`{}` opened at line {} is never closed by `{}`",
                    closer.opener(),
                    self.line_of(top.span),
                    closer.text()
                );
                let span = top.span;
                self.error(
                    span,
                    "unclosed-block",
                    message,
                    format!("this `{}` has no `{}`", closer.opener(), closer.text()),
                    None,
                );
            }
            let end = self.stack.last().map(|f| f.span).unwrap_or_default();
            self.pop_frame(None, None, end);
        }
    }

    fn finish(&mut self) -> SourceFile {
        self.close_all();
        self.finish_fn();
        let class = self.class.take();
        let (declare, body) = if class.is_some() {
            (None, Vec::new())
        } else {
            (self.declare.take(), std::mem::take(&mut self.root))
        };
        SourceFile { declare, body, class }
    }
}

#[cfg(test)]
mod tests;

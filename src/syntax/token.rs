//! Tokens: [`Raw`] is what the `logos` automaton recognises; [`Tok`] is what the lexer wrapper
//! (which does the context-dependent work) hands to the grammar.

use logos::Logos;
use std::fmt;

use super::ast::DateLit;

/// Context-free tokens. White space (space, tab, no-break space, BOM) is skipped here; the wrapper
/// re-reads the source between words to join multi-word names.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\u{A0}\u{FEFF}]+")]
pub enum Raw {
    #[regex(r"\r\n|\r|\n")]
    Newline,
    /// `\` at end of line (only blanks and a `//` comment after it).
    #[regex(r"\\[ \t\u{A0}]*(//[^\r\n]*)?(\r\n|\r|\n)")]
    Continuation,
    #[regex(r"//[^\r\n]*", allow_greedy = true)]
    LineComment,
    #[token("/*")]
    BlockCommentStart,
    #[regex(r#""([^"\\\r\n]|\\[^\r\n])*""#)]
    Text,
    #[regex(r#""([^"\\\r\n]|\\[^\r\n])*\\?"#)]
    UnterminatedText,
    #[regex(r"[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?")]
    #[regex(r"\.[0-9]+([eE][+-]?[0-9]+)?")]
    Number,
    #[regex(r"0[xX][0-9a-fA-F]+")]
    Hex,
    #[regex(r"![0-9]+-[0-9]+-[0-9]+!")]
    #[regex(r"![0-9]+/[0-9]+/[0-9]+!")]
    Date,
    #[regex(r"\?[0-9]+:[0-9]+(:[0-9]+)?\?")]
    Time,
    /// `$name`, `$4dVersion` (a name may start with a digit) and `$1` (all digits: a sequential
    /// parameter, told apart by the wrapper). Pictographs (`$🎩`, `$⚙️` with its variation
    /// selector and joiners) are name characters too: code saved by 4D uses them.
    #[regex(r"\$[\p{Alphabetic}\p{N}_\p{Extended_Pictographic}\u{FE0F}\u{200D}]+")]
    Local,
    #[token("${")]
    DollarBrace,
    /// A lone `$`: only valid as a property name (`$o.$`).
    #[token("$")]
    Dollar,
    #[regex(r"<>[\p{Alphabetic}_\p{Extended_Pictographic}][\p{Alphabetic}\p{N}_\p{Extended_Pictographic}\u{FE0F}\u{200D}]*")]
    Interprocess,
    #[regex(r"[\p{Alphabetic}_\p{Extended_Pictographic}][\p{Alphabetic}\p{N}_\p{Extended_Pictographic}\u{FE0F}\u{200D}]*")]
    Word,
    #[regex(r"#[dD][eE][cC][lL][aA][rR][eE]")]
    Declare,
    #[token(":=")]
    Assign,
    #[token("+=")]
    AddAssign,
    #[token("-=")]
    SubAssign,
    #[token("*=")]
    MulAssign,
    #[token("/=")]
    DivAssign,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("\\")]
    Backslash,
    #[token("%")]
    Percent,
    #[token("^")]
    Caret,
    #[token("=")]
    Eq,
    #[token("#")]
    Hash,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("&&")]
    AmpAmp,
    #[token("||")]
    PipePipe,
    #[token("^|")]
    CaretPipe,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("?+")]
    QPlus,
    #[token("?-")]
    QMinus,
    #[token("??")]
    QQ,
    #[token("?")]
    Question,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("->")]
    Arrow,
}

/// A token as the grammar sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok<'a> {
    Number(f64),
    /// A text literal, escapes already resolved.
    Text(String),
    Date(DateLit),
    /// Seconds.
    Time(i64),
    /// `$name`: the name without `$`.
    Local(&'a str),
    LegacyParam(u32),
    DollarBrace,
    /// `<>name`: the name without `<>`.
    Interprocess(&'a str),
    /// A plain name: process variable, unknown method, class or function name.
    Name(&'a str),
    Command(u16),
    Constant(u16),
    /// A constant the project defines in its `Resources` XLIFF files.
    ProjectConstant(std::sync::Arc<super::project_constants::ProjectConstant>),
    /// A project method name as written (may contain spaces).
    Method(&'a str),
    /// The word after `.`, or an object literal key.
    PropName(&'a str),
    /// `[Table]` after `->` (the name between the brackets).
    Table(&'a str),
    /// `[Table]Field` as written (brackets and token suffixes included).
    Field(&'a str),
    /// The text between `Begin SQL` and `End SQL`, kept as written.
    SqlBlock(&'a str),

    If,
    Else,
    EndIf,
    CaseOf,
    EndCase,
    While,
    EndWhile,
    Repeat,
    Until,
    For,
    EndFor,
    ForEach,
    EndForEach,
    Use,
    EndUse,
    Try,
    Catch,
    EndTry,
    Return,
    Var,
    Declare,
    Function,
    ClassConstructor,
    ClassExtends,
    Property,
    This,
    Super,
    Shared,
    Singleton,
    Session,
    Exposed,
    KwLocal,
    /// `Alias` at the start of an ORDA class member line.
    Alias,
    /// The `onHTTPGet` function modifier.
    OnHttpGet,
    Get,
    Set,

    Assign,
    AddAssign,
    SubAssign,
    MulAssign,
    DivAssign,
    Plus,
    Minus,
    Star,
    Slash,
    Backslash,
    Percent,
    Caret,
    Eq,
    Hash,
    Lt,
    Gt,
    Le,
    Ge,
    Amp,
    Pipe,
    AmpAmp,
    PipePipe,
    CaretPipe,
    Shl,
    Shr,
    QPlus,
    QMinus,
    QQ,
    Question,
    Colon,
    Semi,
    Dot,
    Ellipsis,
    LParen,
    RParen,
    LBracket,
    /// `[[` right after an expression: character index.
    LBracket2,
    RBracket,
    LBrace,
    RBrace,
    Arrow,
    /// End of a statement (one or more line breaks).
    Newline,
    /// Something the lexer could not read; the message is in the lexer's error list.
    Error,
}

impl Tok<'_> {
    /// Whether an expression can end with this token (decides `[[` and some contexts).
    pub fn ends_expression(&self) -> bool {
        matches!(
            self,
            Tok::Number(_)
                | Tok::Text(_)
                | Tok::Date(_)
                | Tok::Time(_)
                | Tok::Local(_)
                | Tok::LegacyParam(_)
                | Tok::Interprocess(_)
                | Tok::Name(_)
                | Tok::Command(_)
                | Tok::Constant(_)
                | Tok::ProjectConstant(_)
                | Tok::Method(_)
                | Tok::PropName(_)
                | Tok::Table(_)
                | Tok::Field(_)
                | Tok::This
                | Tok::Super
                | Tok::RParen
                | Tok::RBracket
                | Tok::RBrace
        )
    }

    /// Whether this token can add one level to an expression tree (operators, member access,
    /// indexing, calls): counted per statement to bound the depth of the AST.
    pub fn deepens(&self) -> bool {
        matches!(
            self,
            Tok::Plus
                | Tok::Minus
                | Tok::Star
                | Tok::Slash
                | Tok::Backslash
                | Tok::Percent
                | Tok::Caret
                | Tok::Eq
                | Tok::Hash
                | Tok::Lt
                | Tok::Gt
                | Tok::Le
                | Tok::Ge
                | Tok::Amp
                | Tok::Pipe
                | Tok::AmpAmp
                | Tok::PipePipe
                | Tok::CaretPipe
                | Tok::Shl
                | Tok::Shr
                | Tok::QPlus
                | Tok::QMinus
                | Tok::QQ
                | Tok::Question
                | Tok::Dot
                | Tok::LParen
                | Tok::LBracket
                | Tok::LBracket2
                | Tok::Arrow
        )
    }
}

impl fmt::Display for Tok<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::commands::catalog;
        let s = match self {
            Tok::Number(_) => return f.write_str("a number"),
            Tok::Text(_) => return f.write_str("a text literal"),
            Tok::Date(_) => return f.write_str("a date literal"),
            Tok::Time(_) => return f.write_str("a time literal"),
            Tok::Local(n) => return write!(f, "`${n}`"),
            Tok::LegacyParam(n) => return write!(f, "`${n}`"),
            Tok::DollarBrace => "${",
            Tok::Interprocess(n) => return write!(f, "`<>{n}`"),
            Tok::Name(n) | Tok::Method(n) | Tok::PropName(n) | Tok::Field(n) => {
                return write!(f, "`{n}`")
            }
            Tok::Table(n) => return write!(f, "`[{n}]`"),
            Tok::SqlBlock(_) => "Begin SQL",
            Tok::Command(i) => catalog::command(*i).map(|c| c.name).unwrap_or("command"),
            Tok::Constant(i) => catalog::constant(*i).map(|c| c.name).unwrap_or("constant"),
            Tok::ProjectConstant(c) => return write!(f, "`{}`", c.name),
            Tok::If => "If",
            Tok::Else => "Else",
            Tok::EndIf => "End if",
            Tok::CaseOf => "Case of",
            Tok::EndCase => "End case",
            Tok::While => "While",
            Tok::EndWhile => "End while",
            Tok::Repeat => "Repeat",
            Tok::Until => "Until",
            Tok::For => "For",
            Tok::EndFor => "End for",
            Tok::ForEach => "For each",
            Tok::EndForEach => "End for each",
            Tok::Use => "Use",
            Tok::EndUse => "End use",
            Tok::Try => "Try",
            Tok::Catch => "Catch",
            Tok::EndTry => "End try",
            Tok::Return => "return",
            Tok::Var => "var",
            Tok::Declare => "#DECLARE",
            Tok::Function => "Function",
            Tok::ClassConstructor => "Class constructor",
            Tok::ClassExtends => "Class extends",
            Tok::Property => "property",
            Tok::This => "This",
            Tok::Super => "Super",
            Tok::Shared => "shared",
            Tok::Singleton => "singleton",
            Tok::Session => "session",
            Tok::Exposed => "exposed",
            Tok::KwLocal => "local",
            Tok::Alias => "Alias",
            Tok::OnHttpGet => "onHTTPGet",
            Tok::Get => "get",
            Tok::Set => "set",
            Tok::Assign => ":=",
            Tok::AddAssign => "+=",
            Tok::SubAssign => "-=",
            Tok::MulAssign => "*=",
            Tok::DivAssign => "/=",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Backslash => "\\",
            Tok::Percent => "%",
            Tok::Caret => "^",
            Tok::Eq => "=",
            Tok::Hash => "#",
            Tok::Lt => "<",
            Tok::Gt => ">",
            Tok::Le => "<=",
            Tok::Ge => ">=",
            Tok::Amp => "&",
            Tok::Pipe => "|",
            Tok::AmpAmp => "&&",
            Tok::PipePipe => "||",
            Tok::CaretPipe => "^|",
            Tok::Shl => "<<",
            Tok::Shr => ">>",
            Tok::QPlus => "?+",
            Tok::QMinus => "?-",
            Tok::QQ => "??",
            Tok::Question => "?",
            Tok::Colon => ":",
            Tok::Semi => ";",
            Tok::Dot => ".",
            Tok::Ellipsis => "...",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBracket => "[",
            Tok::LBracket2 => "[[",
            Tok::RBracket => "]",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::Arrow => "->",
            Tok::Newline => return f.write_str("end of line"),
            Tok::Error => return f.write_str("invalid input"),
        };
        write!(f, "`{s}`")
    }
}

//! The abstract syntax tree of a 4D method or class file.
//!
//! It holds no parser types, so the parser behind it can be replaced; every node carries the byte
//! span it came from, which the [`super::source_map::SourceMap`] turns into line and column.

use std::fmt;

/// A half-open byte range `start..end` in one source file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A name as written, with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

/// One parsed `.4dm` file: a project method, a database method or a class.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFile {
    /// `#DECLARE` of a method (classes declare parameters per function).
    pub declare: Option<Declare>,
    pub body: Block,
    /// Class members when the file is a class (empty for methods).
    pub class: Option<ClassDef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Declare {
    pub params: Vec<Param>,
    pub result: Option<ResultDecl>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Name without the `$`; `None` for the variadic `...` form.
    pub name: Option<Name>,
    pub ty: Option<TypeRef>,
    pub variadic: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ResultDecl {
    /// `-> $r : Type`: the result is whatever `$r` holds at the end.
    Named { name: Name, ty: Option<TypeRef> },
    /// `: Type`: the result is given by `return expr`.
    Typed(TypeRef),
}

/// A declared type as written (`Text`, `Integer`, `cs.Person`, `4D.File`, …).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeRef {
    pub kind: TypeKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicType {
    Text,
    Date,
    Time,
    Boolean,
    Integer,
    Real,
    Pointer,
    Picture,
    Blob,
    Collection,
    Variant,
    Object,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    Basic(BasicType),
    /// `cs.Name` or `4D.Name`: an object of that class.
    Class {
        store: String,
        name: String,
    },
}

pub type Block = Vec<Stmt>;

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopCond {
    While,
    Until,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `var $a; $b : Type := init`
    Var {
        names: Vec<Name>,
        ty: Option<TypeRef>,
        init: Option<Expr>,
    },
    /// `target := value`, `target += value`, …
    Assign {
        target: Expr,
        op: AssignOp,
        value: Expr,
    },
    /// A call used as a statement: `ALERT("x")`, `$c.push(1)`, `DO_IT`.
    Expr(Expr),
    If {
        cond: Expr,
        then: Block,
        otherwise: Option<Block>,
    },
    Case {
        branches: Vec<(Expr, Block)>,
        otherwise: Option<Block>,
    },
    While {
        cond: Expr,
        body: Block,
    },
    Repeat {
        body: Block,
        until: Expr,
    },
    // The loop headers are boxed: they are rare, and inline they would make every statement
    // (and every value the parser moves around) several times larger.
    For {
        var: Box<Expr>,
        start: Box<Expr>,
        end: Box<Expr>,
        step: Option<Box<Expr>>,
        body: Block,
    },
    ForEach {
        item: Box<Expr>,
        source: Box<Expr>,
        begin: Option<Box<Expr>>,
        end: Option<Box<Expr>>,
        cond: Option<(LoopCond, Box<Expr>)>,
        body: Block,
    },
    Use {
        target: Expr,
        body: Block,
    },
    Try {
        body: Block,
        catch: Option<Block>,
    },
    Return(Option<Expr>),
    /// `Begin SQL` … `End SQL`: the SQL text as written (run against a datastore in 4D).
    Sql(String),
    /// `#DECLARE` found after the first statement: kept so the resolver can report it.
    MisplacedDeclare(Declare),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    IntDiv,
    Mod,
    Pow,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    And,
    Or,
    AndAnd,
    OrOr,
    BitXor,
    Shl,
    Shr,
    BitSet,
    BitClear,
    BitTest,
}

impl BinOp {
    /// The operator as written in 4D.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::IntDiv => "\\",
            BinOp::Mod => "%",
            BinOp::Pow => "^",
            BinOp::Eq => "=",
            BinOp::Ne => "#",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::Le => "<=",
            BinOp::Ge => ">=",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::AndAnd => "&&",
            BinOp::OrOr => "||",
            BinOp::BitXor => "^|",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::BitSet => "?+",
            BinOp::BitClear => "?-",
            BinOp::BitTest => "??",
        }
    }
}

/// A date literal `!YYYY-MM-DD!`; all zero is the null date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateLit {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A number literal. Integral literals keep their integer form for the resolver.
    Number(f64),
    Text(String),
    Date(DateLit),
    /// A time literal, in seconds.
    Time(i64),
    /// `$name` (name without `$`).
    Local(String),
    /// `$1`, `$0` (legacy sequential parameters).
    LegacyParam(u32),
    /// `${expr}`.
    ParamIndex(Box<Expr>),
    /// A bare name that is neither a command, a constant nor a known method: a process variable,
    /// or a method the resolver may still find.
    Name(String),
    /// `<>name`.
    Interprocess(String),
    /// A built-in command, by its index in the command table, with its arguments.
    /// `parens` tells whether `()` was written (for `Current process` vs `Current process()`).
    Command {
        index: u16,
        args: Vec<Expr>,
        parens: bool,
    },
    /// A built-in constant, by its index in the constant table.
    Constant(u16),
    /// A constant the project defines (see [`crate::syntax::project_constants`]).
    ProjectConstant(std::sync::Arc<crate::syntax::project_constants::ProjectConstant>),
    /// A project method called by name.
    MethodCall {
        name: String,
        args: Vec<Expr>,
        parens: bool,
    },
    /// `*` given as a command argument.
    Star,
    /// `>` or `<` given as a command argument: a sort order (`SORT ARRAY($a; >)`).
    SortOrder {
        ascending: bool,
    },
    /// `[Table]` (written after `->`): a table of the datastore.
    Table(String),
    /// `[Table]Field`: a field of the datastore (names without token suffixes).
    Field {
        table: String,
        field: String,
    },
    /// `expr->`: the variable, array, element or field a pointer points to.
    Deref(Box<Expr>),
    /// `expr.name`.
    Member {
        object: Box<Expr>,
        name: Name,
    },
    /// `expr[index]`.
    Index {
        object: Box<Expr>,
        index: Box<Expr>,
    },
    /// `text[[index]]`.
    CharIndex {
        text: Box<Expr>,
        index: Box<Expr>,
    },
    /// `target:=value` written as a command argument: only `Formula($1.result:=…)` accepts it
    /// (the formula then runs the assignment).
    AssignArg {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    /// `array{index}`: an element of a 4D array (or a byte of a BLOB).
    ArrayElement {
        array: Box<Expr>,
        index: Box<Expr>,
    },
    /// `callee(args)` where callee is an expression: `$f(1)`, `$o.fn(2)`.
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    /// `{a: 1; b: "x"}`; keys are property names or text literals.
    Object(Vec<(Name, Expr)>),
    /// `[1; 2; 3]`.
    Collection(Vec<Expr>),
    /// `-expr`.
    Neg(Box<Expr>),
    Binary {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Ternary {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `->expr`: a pointer to a variable, an array, an array element, a table or a field.
    Pointer(Box<Expr>),
    /// `Try(expr)`.
    TryExpr(Box<Expr>),
    This,
    Super,
    /// `cs` / `4D` class stores are commands; nothing extra is needed here.
    /// A placeholder left by the parser's error recovery.
    Error,
}

/// Members of a class file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ClassDef {
    pub extends: Option<Name>,
    /// ORDA `Alias name path` members: (name, attribute path). Kept for tools; mini4d has no
    /// datastore to resolve them against.
    pub aliases: Vec<(Name, Name)>,
    pub constructor: Option<Function>,
    pub functions: Vec<Function>,
    pub properties: Vec<PropertyDecl>,
    pub shared: bool,
    pub singleton: bool,
    /// `session singleton Class constructor`: one shared instance per session.
    pub session: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    Plain,
    Getter,
    Setter,
    Constructor,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    pub name: Name,
    pub kind: FunctionKind,
    pub shared: bool,
    pub params: Vec<Param>,
    pub result: Option<ResultDecl>,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PropertyDecl {
    pub names: Vec<Name>,
    pub ty: Option<TypeRef>,
    pub init: Option<Expr>,
    pub span: Span,
}

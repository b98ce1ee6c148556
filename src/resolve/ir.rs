//! The resolved program: what the interpreter walks. Locals are frame slots, commands are
//! function pointers, methods are indexes into the process's method table, literal property
//! names are pre-hashed [`Key`]s and literals are ready-made [`Value`]s.

use std::rc::Rc;

use crate::commands::CommandFn;
use crate::runtime::{Key, Value};
use crate::syntax::ast::{BinOp, LoopCond, Span};

pub type Slot = u32;

/// The declared type of a variable; `Variant` accepts anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarType {
    Variant,
    Text,
    Integer,
    Real,
    Boolean,
    Date,
    Time,
    Object,
    Collection,
    Pointer,
    Picture,
    Blob,
}

impl VarType {
    pub fn name(self) -> &'static str {
        match self {
            VarType::Variant => "Variant",
            VarType::Text => "Text",
            VarType::Integer => "Integer",
            VarType::Real => "Real",
            VarType::Boolean => "Boolean",
            VarType::Date => "Date",
            VarType::Time => "Time",
            VarType::Object => "Object",
            VarType::Collection => "Collection",
            VarType::Pointer => "Pointer",
            VarType::Picture => "Picture",
            VarType::Blob => "Blob",
        }
    }
}

pub use crate::commands::interpreter::Intrinsic;

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[repr(u8)]
pub enum ExprKind {
    Literal(Value),
    Local(Slot),
    /// `${expr}`: the n-th parameter.
    Param(Box<Expr>),
    ProcessVar(u32),
    Interprocess(Rc<str>),
    Command {
        index: u16,
        f: CommandFn,
        args: Vec<Expr>,
        star: bool,
    },
    Intrinsic {
        which: Intrinsic,
        args: Vec<Expr>,
        star: bool,
    },
    /// A 4D command mini4d does not implement: error 33 when evaluated.
    Unimplemented {
        index: u16,
    },
    Method {
        id: u32,
        args: Vec<Expr>,
    },
    /// A method named alone as a formula's body: called with the formula's own arguments.
    ForwardCall {
        id: u32,
    },
    Member {
        object: Box<Expr>,
        key: Key,
    },
    Index {
        object: Box<Expr>,
        index: Box<Expr>,
    },
    CharIndex {
        text: Box<Expr>,
        index: Box<Expr>,
    },
    /// `object.name(args)`: a collection function, a `4D.Function` property, or a class function.
    MemberCall {
        object: Box<Expr>,
        key: Key,
        /// The collection function named `key`, found once here (`None`: collections have no
        /// function of that name).
        coll_fn: Option<crate::commands::collections::MemberFn>,
        args: Vec<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    Object(Vec<(Key, Expr)>),
    /// `New object("name";value;…)` with literal names (and no `*`): the command's semantics
    /// (an undefined value is stored, a repeated name keeps its first position), without its
    /// argument vector or run-time name interning.
    /// `distinct`: no name repeats (compared exactly, as property names are), so the
    /// properties are appended without a duplicate search.
    NewObject {
        entries: Vec<(Key, Expr)>,
        distinct: bool,
    },
    /// `String(x)` with one argument: a number is formatted without the command's argument
    /// vector (and appended straight into the text by `StmtKind::Accumulate`); any other value
    /// goes to the command `f`.
    StringOf {
        f: CommandFn,
        arg: Box<Expr>,
    },
    /// A two-argument numeric command (`Mod`): two numbers go to `kernel` directly, without
    /// the argument vector; anything else goes to the command `f` (its errors, its
    /// conversions).
    Numeric2 {
        f: CommandFn,
        kernel: fn(f64, f64) -> f64,
        args: Box<[Expr; 2]>,
    },
    /// A one-argument numeric command (`Abs`, `Int`, `Square root`…): a number goes to
    /// `kernel` directly, without the argument vector; anything else goes to the command `f`.
    Numeric1 {
        f: CommandFn,
        kernel: fn(f64) -> f64,
        arg: Box<Expr>,
    },
    /// `Character code(t[[i]])`: the UTF-16 code of character `i` read straight from the text
    /// (no one-character text, no argument vector). A non-text `t` raises `[[…]]`'s error.
    CharCodeAt {
        text: Box<Expr>,
        index: Box<Expr>,
        /// The span of `t[[i]]` (where its error is reported).
        span: Span,
    },
    /// `"literal"+String(x)` (`f` and `arg` as in [`ExprKind::StringOf`], `span` that call's
    /// span): a number's digits are written after the prefix into one new text.
    PrefixString {
        prefix: crate::runtime::value::Text,
        f: CommandFn,
        arg: Box<Expr>,
        span: Span,
    },
    Collection(Vec<Expr>),
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
    Try(Box<Expr>),
    /// `Formula(expr)`: the expression compiled as a small method, plus the enclosing locals it
    /// reads (copied in when the formula is created).
    Formula(Rc<FormulaCode>),
    This,
    /// `Super(…)`, `Super.fn(…)` or `Super` in a class function (see `resolve::classes`).
    Super(Box<super::classes::SuperExpr>),
    /// `->target`: a pointer to a variable, an array element, a table or a field.
    PointerTo(Box<PtrTarget>),
    /// `ptr->`: what the pointer points to.
    Deref(Box<Expr>),
    /// `array{index}`: an element of an array.
    Element {
        array: Box<Expr>,
        index: Box<Expr>,
    },
    /// An expression the resolver rejected; evaluating it raises the stored error.
    Invalid(Rc<str>),
}

/// What `->` points to, as resolved.
pub enum PtrTarget {
    Local(Slot, Rc<str>),
    ProcessVar(u32, Rc<str>),
    Interprocess(Rc<str>),
    /// `->$arr{i}`: the array variable and the element number.
    Element(PtrTarget2, Expr),
    /// `->$p->`: the pointer `$p` itself.
    Deref(Expr),
    Table(Rc<str>),
    Field(Rc<str>, Rc<str>),
}

/// The array variable of an element pointer (boxed to keep [`PtrTarget`] finite).
pub type PtrTarget2 = Box<PtrTarget>;

impl std::fmt::Debug for ExprKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExprKind::Literal(v) => write!(f, "Literal({v:?})"),
            ExprKind::Local(s) => write!(f, "Local({s})"),
            ExprKind::Command { index, .. } => write!(f, "Command({index})"),
            ExprKind::Intrinsic { which, .. } => write!(f, "Intrinsic({which:?})"),
            ExprKind::Method { id, .. } => write!(f, "Method({id})"),
            _ => write!(f, "Expr"),
        }
    }
}

pub struct FormulaCode {
    pub method: Rc<Method>,
    /// (slot in the enclosing method, slot in the formula) for each captured local.
    pub captures: Vec<(Slot, Slot)>,
    pub source: Rc<str>,
}

/// Where an assignment writes.
pub enum LValue {
    Local(Slot),
    ProcessVar(u32),
    Interprocess(Rc<str>),
    Param(Box<Expr>),
    Member {
        object: Box<Expr>,
        key: Key,
    },
    Index {
        object: Box<Expr>,
        index: Box<Expr>,
    },
    CharIndex {
        target: Box<LValue>,
        index: Box<Expr>,
    },
    /// `ptr->:=v`: the variable the pointer points to.
    Deref(Box<Expr>),
    /// `array{index}:=v`.
    Element {
        array: Box<Expr>,
        index: Box<Expr>,
    },
}

pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

pub type Block = Vec<Stmt>;

#[repr(u8)]
pub enum StmtKind {
    Expr(Expr),
    Assign {
        target: LValue,
        op: Option<BinOp>,
        value: Expr,
    },
    If {
        cond: Expr,
        then: Block,
        otherwise: Block,
    },
    Case {
        branches: Vec<(Expr, Block)>,
        otherwise: Block,
    },
    While {
        cond: Expr,
        body: Block,
    },
    Repeat {
        body: Block,
        until: Expr,
    },
    For {
        var: LValue,
        start: Expr,
        end: Expr,
        step: Option<Expr>,
        body: Block,
    },
    ForEach {
        item: LValue,
        source: Expr,
        begin: Option<Expr>,
        end: Option<Expr>,
        cond: Option<(LoopCond, Expr)>,
        body: Block,
    },
    Use {
        target: Expr,
        body: Block,
    },
    Try {
        body: Block,
        catch: Block,
    },
    Return(Option<Expr>),
    /// `$x:=$x+a+b` or `$x+=a` on a local, where no part can read `$x`: the parts are added
    /// to the variable in place (texts appended without copying when held only there).
    Accumulate {
        slot: Slot,
        parts: Vec<Expr>,
    },
    /// `var` without initializer, or a `C_` directive: resets the variables to their type's
    /// default (a parameter that received an argument keeps it, converted to the type).
    Declare(Vec<LValue>),
    /// `break`: leaves the innermost loop.
    Break,
    /// `continue`: goes on with the next iteration of the innermost loop.
    Continue,
    /// A statement the resolver rejected (e.g. a misplaced `#DECLARE`): raises when run.
    Invalid(Rc<str>),
}

/// How a method gives back its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultKind {
    None,
    /// `-> $r : T` (or legacy `$0`): the slot's value at the end.
    Slot(Slot),
    /// `: T`: the value of `return expr`.
    Returned(VarType),
}

pub struct ParamSpec {
    pub slot: Slot,
    pub ty: VarType,
    pub name: String,
}

/// A resolved project method (or formula body).
pub struct Method {
    pub name: String,
    /// Index of its source file in the runtime's file table.
    pub file: u32,
    pub params: Vec<ParamSpec>,
    /// Type of variadic extra parameters (`... : Type`), if declared.
    pub variadic: Option<VarType>,
    /// `C_TEXT(${N})` / `var ${N} : Text`: parameters from the N-th on are read with this type
    /// (an argument of another type reads as the type's empty value, as 4D does).
    pub generic: Option<(u32, VarType)>,
    pub result: ResultKind,
    pub slot_types: Vec<VarType>,
    pub slot_names: Vec<String>,
    /// Whether parameter i lives in slot i for every parameter (lets calls build the frame in
    /// place).
    pub params_in_order: bool,
    /// Whether each slot was declared (`var`, `#DECLARE`) rather than created by assignment.
    pub slot_declared: Vec<bool>,
    pub body: Block,
}

/// How the message of an `Invalid` node for a call to a method that does not exist begins: the
/// interpreter raises it as "method not found" (-10508).
pub const UNKNOWN_METHOD: &str = "unknown method";

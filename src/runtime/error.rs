//! The error catalogue: every run-time error kind with its 4D error code and message.
//!
//! Codes marked *documented* come from the 4D documentation; the others were not found there and
//! were chosen for mini4d (listed in the README under "Differences from 4D").

use std::fmt;

use super::object::ObjRef;
use crate::syntax::ast::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ASSERT` failed. Documented: -10518.
    AssertFailed,
    /// A non-shareable value put into a shared object/collection. Documented: -10721.
    NotSharable,
    /// A shared value modified without holding `Use` on it. Chosen: -10722.
    SharedNotLocked,
    /// A shared value put into a second shared group. Chosen: -10723.
    SharedOtherGroup,
    /// `Use` on Null or on a non-shared value. Chosen: -10724.
    UseNotShared,
    /// A `Use` would wait forever: processes wait on each other in a cycle. Chosen: -10725.
    Deadlock,
    /// Command known to 4D but not implemented by mini4d. 4D's 33 (third-party source).
    Unimplemented,
    /// A name that is neither a variable, a command nor a project method. 4D's -10508 (third-party).
    MethodNotFound,
    /// A property read or written on a value that is not an object. 4D's 59 (third-party).
    ObjectExpected,
    /// A call on something that is not a function. 4D's 317 (third-party).
    FunctionExpected,
    /// Recursion deeper than the configured limit ("stack full"). Chosen: -10507.
    StackFull,
    /// A value of the wrong type for a typed variable, parameter or operator. Chosen: -10504.
    TypeMismatch,
    /// A command got the wrong number of arguments. Chosen: -10505.
    WrongArgCount,
    /// Property read on an explicit Null. Chosen: -10506.
    NullAccess,
    /// A collection index past the end or negative on read. Chosen: -10509.
    IndexOutOfRange,
    /// Writing to a property of an uninitialised object variable. Chosen: -10510.
    UninitializedObject,
    /// `JSON Parse` of invalid JSON. Chosen: -10511.
    JsonParse,
    /// A run stopped by `--timeout`/`--max-steps`/growth limits. Chosen: -10512.
    LimitExceeded,
    /// `cs.Name` where no class `Name` exists. Chosen: -10730.
    UnknownClass,
    /// A function called on a class instance (or through `Super`) that its class chain does not
    /// define. Chosen: -10731.
    UnknownFunction,
    /// Assignment to a computed property that has a `Function get` but no `Function set`.
    /// Chosen: -10732.
    ReadOnlyProperty,
    /// A class that cannot be loaded: syntax error, unknown or circular `Class extends`, a shared
    /// class extending a non-shared one. Chosen: -10733.
    ClassDefinition,
    /// `Super` used outside the code of a class that extends another one, or `Super(…)` outside a
    /// constructor. Documented: -10746.
    SuperOutOfScope,
    /// A `Nil` pointer dereferenced. Chosen: -10513.
    NilPointer,
    /// A pointer to a local of a method call that has returned. Chosen: -10514.
    DanglingPointer,
    /// A table, a field or SQL used: mini4d has no datastore. Chosen: -10515.
    NoDatastore,
    /// `{}` or an array command on something that is not an array. Chosen: -10516.
    ArrayExpected,
    /// An access to files, programs, the network or the environment that the permissions do
    /// not allow (`src/permissions.rs`). Chosen: -10790.
    PermissionDenied,
    /// An outgoing HTTP request that failed before a response (unreachable host, TLS, timeout).
    /// Chosen: -10791.
    Network,
    /// A file or folder that does not exist. 4D's OS file manager code -43.
    FileNotFound,
    /// A file or folder that already exists. 4D's OS file manager code -48.
    FileExists,
    /// Any other file-system failure (invalid path, I/O error). 4D's OS file manager code -36.
    FileIo,
    /// A blob offset or byte index outside the blob. Documented: -111.
    BlobOutOfRange,
    /// Anything else raised by the interpreter. Chosen: -10500.
    Generic,
    /// Raised by the script with `throw`.
    Thrown,
}

impl ErrorKind {
    pub fn code(self) -> i32 {
        match self {
            ErrorKind::AssertFailed => -10518,
            ErrorKind::NotSharable => -10721,
            ErrorKind::SharedNotLocked => -10722,
            ErrorKind::SharedOtherGroup => -10723,
            ErrorKind::UseNotShared => -10724,
            ErrorKind::Deadlock => -10725,
            ErrorKind::Unimplemented => 33,
            ErrorKind::MethodNotFound => -10508,
            ErrorKind::ObjectExpected => 59,
            ErrorKind::FunctionExpected => 317,
            ErrorKind::StackFull => -10507,
            ErrorKind::TypeMismatch => -10504,
            ErrorKind::WrongArgCount => -10505,
            ErrorKind::NullAccess => -10506,
            ErrorKind::IndexOutOfRange => -10509,
            ErrorKind::UninitializedObject => -10510,
            ErrorKind::JsonParse => -10511,
            ErrorKind::LimitExceeded => -10512,
            ErrorKind::UnknownClass => -10730,
            ErrorKind::UnknownFunction => -10731,
            ErrorKind::ReadOnlyProperty => -10732,
            ErrorKind::ClassDefinition => -10733,
            ErrorKind::SuperOutOfScope => -10746,
            ErrorKind::NilPointer => -10513,
            ErrorKind::DanglingPointer => -10514,
            ErrorKind::NoDatastore => -10515,
            ErrorKind::ArrayExpected => -10516,
            ErrorKind::PermissionDenied => -10790,
            ErrorKind::Network => -10791,
            ErrorKind::FileNotFound => -43,
            ErrorKind::FileExists => -48,
            ErrorKind::FileIo => -36,
            ErrorKind::BlobOutOfRange => -111,
            ErrorKind::Generic => -10500,
            ErrorKind::Thrown => -1,
        }
    }

    /// Whether the code is taken from the 4D documentation (or third-party 4D sources) rather
    /// than chosen by mini4d.
    pub fn code_is_from_4d(self) -> bool {
        matches!(
            self,
            ErrorKind::AssertFailed
                | ErrorKind::NotSharable
                | ErrorKind::Unimplemented
                | ErrorKind::MethodNotFound
                | ErrorKind::ObjectExpected
                | ErrorKind::FunctionExpected
                | ErrorKind::Thrown
                | ErrorKind::SuperOutOfScope
                | ErrorKind::FileNotFound
                | ErrorKind::FileExists
                | ErrorKind::FileIo
                | ErrorKind::BlobOutOfRange
        )
    }
}

/// One frame of the 4D call chain, outermost first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub method: String,
    pub line: u32,
}

/// Where an error happened: a file (by index in the program's file table) and a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub file: u32,
    pub span: Span,
}

/// A 4D run-time error.
#[derive(Clone)]
pub struct RtError {
    pub kind: ErrorKind,
    pub code: i32,
    pub message: String,
    /// `componentSignature`: "4DRT" for the runtime, "host" for `throw`.
    pub component: String,
    pub location: Option<Location>,
    /// The 4D call chain (outermost first), filled in as the error unwinds.
    pub frames: Vec<Frame>,
    /// A thrown object's extra properties (shown in `Last errors`).
    pub thrown: Option<ObjRef>,
    pub deferred: bool,
}

impl RtError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> RtError {
        RtError {
            kind,
            code: kind.code(),
            message: message.into(),
            component: "4DRT".to_string(),
            location: None,
            frames: Vec::new(),
            thrown: None,
            deferred: false,
        }
    }

    pub fn type_mismatch(message: impl Into<String>) -> RtError {
        RtError::new(ErrorKind::TypeMismatch, message)
    }

    pub fn generic(message: impl Into<String>) -> RtError {
        RtError::new(ErrorKind::Generic, message)
    }

    /// The error of code the resolver could not make sense of (an `Invalid` node).
    pub fn invalid(message: &str) -> RtError {
        if message.starts_with(crate::resolve::ir::UNKNOWN_METHOD) {
            RtError::new(ErrorKind::MethodNotFound, message)
        } else {
            RtError::generic(message)
        }
    }

    pub fn at(mut self, file: u32, span: Span) -> RtError {
        if self.location.is_none() {
            self.location = Some(Location { file, span });
        }
        self
    }
}

impl fmt::Debug for RtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RtError({} {:?}: {})", self.code, self.kind, self.message)
    }
}

impl fmt::Display for RtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (error {})", self.message, self.code)
    }
}

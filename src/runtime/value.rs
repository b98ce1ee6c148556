//! The 4D value: what a variable, a property or an expression holds.

use std::any::Any;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use super::collection::CollRef;
use super::date::Date;
use super::object::ObjRef;
use super::shared::{SharedCollection, SharedObject};
pub use super::text_value::Text;

/// A 4D value. 16 bytes (a test asserts it): a text is a one-word [`Text`] handle (inline when
/// short, else a counted block), so that `$t:=$t+"x"` can append in place when the text is held
/// only once.
///
/// `repr(C, u64)` makes a value two aligned words, the tag and the payload, and it is copied as
/// such. With the default layout small payloads (Boolean, Integer, Date) shared the first word
/// with a one-byte tag, copies moved bytes 1..16 in overlapping unaligned pieces, and the next
/// read of them stalled on store forwarding: those were the hottest instructions of `eval`
/// and of method calls.
#[derive(Clone, Default)]
#[repr(C, u64)]
pub enum Value {
    #[default]
    Undefined,
    Null,
    Bool(bool),
    /// A 32-bit Integer (Longint). Only typed variables and integer results hold it.
    Int(i32),
    Real(f64),
    Date(Date),
    /// A time, in seconds (may be negative or past 24 h).
    Time(i64),
    Text(Text),
    Object(ObjRef),
    Collection(CollRef),
    SharedObject(Arc<SharedObject>),
    SharedCollection(Arc<SharedCollection>),
    /// A `4D.Function` (from `Formula`, or a class function).
    Function(Rc<Function>),
    /// A pointer (`->$x`); boxed so that a value stays 16 bytes.
    Pointer(super::pointer::PtrRef),
    /// The array a variable holds (`ARRAY TEXT($a; 3)`), shared with its readers.
    Array(super::array::ArrayRef),
    /// A scalar BLOB: bytes with value semantics (copied on write, see [`super::blob`]).
    Blob(Rc<Vec<u8>>),
}

/// A callable 4D function object. The code is owned by the interpreter (type-erased here so the
/// runtime does not depend on the resolved program).
pub struct Function {
    /// Source text, as `.source` returns it.
    pub source: Rc<str>,
    pub code: Rc<dyn Any>,
}

/// `Value type` / `Type` codes (4D's "Field and Variable Types" constants).
pub mod type_code {
    pub const IS_REAL: i32 = 1;
    pub const IS_TEXT: i32 = 2;
    pub const IS_DATE: i32 = 4;
    pub const IS_UNDEFINED: i32 = 5;
    pub const IS_BOOLEAN: i32 = 6;
    pub const IS_BLOB: i32 = 30;
    pub const IS_INTEGER: i32 = 8;
    pub const IS_LONGINT: i32 = 9;
    pub const IS_TIME: i32 = 11;
    pub const IS_VARIANT: i32 = 12;
    pub const IS_POINTER: i32 = 23;
    pub const IS_OBJECT: i32 = 38;
    pub const IS_COLLECTION: i32 = 42;
    pub const IS_NULL: i32 = 255;
}

impl Value {
    pub fn text(s: impl Into<Text>) -> Value {
        Value::Text(s.into())
    }

    #[inline]
    pub fn empty_text() -> Value {
        Value::Text(Text::empty())
    }

    /// The value as it is kept inside an object or a collection: numbers are Real and times are
    /// milliseconds (Real), as 4D stores them.
    #[inline]
    pub fn for_storage(self) -> Value {
        match self {
            Value::Int(i) => Value::Real(i as f64),
            Value::Time(t) => Value::Real(t as f64 * 1000.0),
            // A scalar blob put into an object or a collection becomes a 4D.Blob.
            Value::Blob(b) => super::blob::to_object(b),
            v => v,
        }
    }

    /// `Value type` code.
    pub fn type_code(&self) -> i32 {
        use type_code::*;
        match self {
            Value::Undefined => IS_UNDEFINED,
            Value::Null => IS_NULL,
            Value::Bool(_) => IS_BOOLEAN,
            Value::Int(_) => IS_LONGINT,
            Value::Real(_) => IS_REAL,
            Value::Date(_) => IS_DATE,
            Value::Time(_) => IS_TIME,
            Value::Text(_) => IS_TEXT,
            Value::Object(_) | Value::SharedObject(_) | Value::Function(_) => IS_OBJECT,
            Value::Collection(_) | Value::SharedCollection(_) => IS_COLLECTION,
            Value::Pointer(_) => IS_POINTER,
            Value::Array(a) => a.type_code(),
            Value::Blob(_) => IS_BLOB,
        }
    }

    /// A short name of the value's kind for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Undefined => "Undefined",
            Value::Null => "Null",
            Value::Bool(_) => "Boolean",
            Value::Int(_) => "Integer",
            Value::Real(_) => "Real",
            Value::Date(_) => "Date",
            Value::Time(_) => "Time",
            Value::Text(_) => "Text",
            Value::Object(_) | Value::SharedObject(_) => "Object",
            Value::Function(_) => "Function",
            Value::Collection(_) | Value::SharedCollection(_) => "Collection",
            Value::Pointer(_) => "Pointer",
            Value::Array(_) => "Array",
            Value::Blob(_) => "Blob",
        }
    }

    /// The kind with its article, for messages: "an Integer", "a Text".
    pub fn a_kind(&self) -> String {
        let kind = self.kind_name();
        let article = if kind.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" };
        format!("{article} {kind}")
    }

    pub fn is_undefined(&self) -> bool {
        matches!(self, Value::Undefined)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Null or undefined.
    pub fn is_nullish(&self) -> bool {
        matches!(self, Value::Null | Value::Undefined)
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Real(_))
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Real(r) => Some(*r),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t.as_str()),
            _ => None,
        }
    }

    pub fn is_shared(&self) -> bool {
        matches!(self, Value::SharedObject(_) | Value::SharedCollection(_))
    }

    /// Truthiness for `&&`, `||` and `?:`: False, null, undefined, the null date, `""`, `[]` and `{}`
    /// are falsy; everything else — 0 included — is truthy.
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(_) | Value::Real(_) | Value::Time(_) | Value::Function(_) => true,
            Value::Date(d) => !d.is_null(),
            Value::Text(t) => !t.is_empty(),
            Value::Object(o) => !o.is_empty(),
            Value::Collection(c) => !c.is_empty(),
            Value::SharedObject(o) => !o.is_empty(),
            Value::SharedCollection(c) => !c.is_empty(),
            Value::Pointer(p) => !p.is_nil(),
            Value::Array(a) => !a.is_empty(),
            Value::Blob(b) => !b.is_empty(),
        }
    }

    /// Identity of an object or collection (for `=` between references).
    pub fn ref_addr(&self) -> Option<usize> {
        match self {
            Value::Object(o) => Some(o.addr()),
            Value::Collection(c) => Some(c.addr()),
            Value::SharedObject(o) => Some(Arc::as_ptr(o) as *const u8 as usize),
            Value::SharedCollection(c) => Some(Arc::as_ptr(c) as *const u8 as usize),
            Value::Function(f) => Some(Rc::as_ptr(f) as *const u8 as usize),
            Value::Array(a) => Some(a.addr()),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Undefined => write!(f, "undefined"),
            Value::Null => write!(f, "null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}i"),
            Value::Real(r) => write!(f, "{r}"),
            Value::Date(d) => write!(f, "{d:?}"),
            Value::Time(t) => write!(f, "?{t}s?"),
            Value::Text(t) => write!(f, "{:?}", t.as_str()),
            Value::Object(o) => write!(f, "{{object {} props}}", o.len()),
            Value::Collection(c) => write!(f, "[collection {} items]", c.len()),
            Value::SharedObject(o) => write!(f, "{{shared object {} props}}", o.len()),
            Value::SharedCollection(c) => write!(f, "[shared collection {} items]", c.len()),
            Value::Function(func) => write!(f, "Formula({})", func.source),
            Value::Pointer(p) => write!(f, "{p}"),
            Value::Array(a) => write!(f, "[array {} elements]", a.len()),
            Value::Blob(b) => write!(f, "<blob {} bytes>", b.len()),
        }
    }
}

/// The largest text a script may build (an error is raised beyond it rather than aborting on
/// allocation failure).
pub const MAX_TEXT_BYTES: usize = 1 << 30;

/// The largest collection a script may build.
pub const MAX_COLLECTION_LEN: usize = 1 << 27;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn zero_is_truthy_empty_text_is_not() {
        assert!(Value::Real(0.0).is_truthy());
        assert!(!Value::empty_text().is_truthy());
        assert!(!Value::Date(Date::NULL).is_truthy());
    }
}

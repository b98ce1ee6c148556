//! 4D pointers (`->$x`, `->vName`, `->$arr{3}`, `->[Table]Field`): what a pointer names.
//!
//! A pointer is a value of its own kind, kept behind an `Rc` so that [`super::Value`] stays
//! 16 bytes. It names a variable rather than holding it: dereferencing reads the variable as it
//! is at that moment, and assigning through it writes the variable.
//!
//! A pointer to a local names the call frame it lives in by its depth and by the frame's serial
//! number (unique within a process): once that call has returned, the pointer is dangling and
//! using it is an error, even if another call now sits at the same depth.

use std::fmt;
use std::rc::Rc;

/// What a pointer points to.
#[derive(Clone, Debug)]
pub enum Pointer {
    /// `Nil` (`->` of nothing): the value of a pointer variable never assigned.
    Nil,
    /// A local variable (or parameter) of a method call.
    Local {
        /// Index of the call frame in the process's stack of frames.
        depth: u32,
        /// Serial number of that call (see the module comment).
        serial: u32,
        slot: u32,
        /// The name as written, with its `$`.
        name: Rc<str>,
    },
    /// A process variable, by its index in the process's variable table.
    Process { index: u32, name: Rc<str> },
    /// An interprocess variable (`<>name`, name lower-cased without `<>`).
    Interprocess { name: Rc<str> },
    /// An element of an array: the array variable and the element number.
    Element { array: Rc<Pointer>, index: i32 },
    /// `->[Table]`.
    Table { name: Rc<str> },
    /// `->[Table]Field`.
    Field { table: Rc<str>, field: Rc<str> },
}

impl Pointer {
    pub fn is_nil(&self) -> bool {
        matches!(self, Pointer::Nil)
    }

    /// The variable's name as `RESOLVE POINTER` gives it (`$x`, `vName`, `<>name`); empty for
    /// `Nil`, tables and fields.
    pub fn variable_name(&self) -> String {
        match self {
            Pointer::Nil | Pointer::Table { .. } | Pointer::Field { .. } => String::new(),
            Pointer::Local { name, .. } | Pointer::Process { name, .. } => name.to_string(),
            Pointer::Interprocess { name } => format!("<>{name}"),
            Pointer::Element { array, .. } => array.variable_name(),
        }
    }

    /// Pointer equality: two pointers are equal when they name the same thing.
    pub fn same_target(&self, other: &Pointer) -> bool {
        match (self, other) {
            (Pointer::Nil, Pointer::Nil) => true,
            (
                Pointer::Local { depth: d1, serial: s1, slot: x1, .. },
                Pointer::Local { depth: d2, serial: s2, slot: x2, .. },
            ) => d1 == d2 && s1 == s2 && x1 == x2,
            (Pointer::Process { index: a, .. }, Pointer::Process { index: b, .. }) => a == b,
            (Pointer::Interprocess { name: a }, Pointer::Interprocess { name: b }) => a == b,
            (Pointer::Element { array: a, index: i }, Pointer::Element { array: b, index: j }) => {
                i == j && a.same_target(b)
            }
            (Pointer::Table { name: a }, Pointer::Table { name: b }) => a.eq_ignore_ascii_case(b),
            (Pointer::Field { table: t1, field: f1 }, Pointer::Field { table: t2, field: f2 }) => {
                t1.eq_ignore_ascii_case(t2) && f1.eq_ignore_ascii_case(f2)
            }
            _ => false,
        }
    }
}

impl fmt::Display for Pointer {
    /// How a pointer is shown (`String`, JSON, the REPL): `->$x`, `->arr{2}`, `->[T]F`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pointer::Nil => f.write_str("Nil"),
            Pointer::Element { array, index } => {
                write!(f, "->{}{{{index}}}", array.variable_name())
            }
            Pointer::Table { name } => write!(f, "->[{name}]"),
            Pointer::Field { table, field } => write!(f, "->[{table}]{field}"),
            p => write!(f, "->{}", p.variable_name()),
        }
    }
}

/// A pointer value's payload.
pub type PtrRef = Rc<Pointer>;

thread_local! {
    static NIL: PtrRef = Rc::new(Pointer::Nil);
}

/// The `Nil` pointer (one shared allocation per thread).
pub fn nil() -> PtrRef {
    NIL.with(Rc::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equality_is_by_target() {
        let a = Pointer::Process { index: 3, name: "v".into() };
        let b = Pointer::Process { index: 3, name: "V".into() };
        assert!(a.same_target(&b));
        let e1 = Pointer::Element { array: Rc::new(a.clone()), index: 2 };
        let e2 = Pointer::Element { array: Rc::new(b), index: 3 };
        assert!(!e1.same_target(&e2));
        assert!(nil().same_target(&Pointer::Nil));
        assert_eq!(e1.to_string(), "->v{2}");
    }
}

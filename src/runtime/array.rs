//! 4D arrays (`ARRAY TEXT($a; 10)`): typed, 1-based, with an extra element 0, one or two
//! dimensions.
//!
//! An array lives in a variable. The variable holds a [`Value::Array`] whose `Rc` is shared
//! with whatever read it (an argument of an array command, a pointer's dereference), so that
//! commands and element assignments change the variable's array in place. 4D gives arrays no
//! value semantics of their own: they are copied only by `COPY ARRAY`.

use std::cell::{Ref, RefCell, RefMut};
use std::cmp::Ordering;
use std::rc::Rc;

use super::date::Date;
use super::pointer;
use super::value::Value;

/// The type of an array's elements (the `ARRAY <type>` command that made it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementType {
    Text,
    Longint,
    Integer,
    Real,
    Boolean,
    Date,
    Time,
    Pointer,
    Picture,
    Blob,
    Object,
}

impl ElementType {
    /// The `Type`/`Value type` code of a one-dimension array of this type.
    pub fn array_type_code(self) -> i32 {
        match self {
            ElementType::Real => 14,
            ElementType::Integer => 15,
            ElementType::Longint => 16,
            ElementType::Date => 17,
            ElementType::Text => 18,
            ElementType::Picture => 19,
            ElementType::Pointer => 20,
            ElementType::Boolean => 22,
            ElementType::Blob => 31,
            ElementType::Time => 32,
            ElementType::Object => 39,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ElementType::Text => "Text",
            ElementType::Longint => "Longint",
            ElementType::Integer => "Integer",
            ElementType::Real => "Real",
            ElementType::Boolean => "Boolean",
            ElementType::Date => "Date",
            ElementType::Time => "Time",
            ElementType::Pointer => "Pointer",
            ElementType::Picture => "Picture",
            ElementType::Blob => "Blob",
            ElementType::Object => "Object",
        }
    }

    /// The value a new element holds.
    pub fn default_value(self) -> Value {
        match self {
            ElementType::Text => Value::empty_text(),
            ElementType::Longint | ElementType::Integer => Value::Int(0),
            ElementType::Real => Value::Real(0.0),
            ElementType::Boolean => Value::Bool(false),
            ElementType::Date => Value::Date(Date::NULL),
            ElementType::Time => Value::Time(0),
            ElementType::Pointer => Value::Pointer(pointer::nil()),
            ElementType::Blob => super::blob::empty(),
            ElementType::Picture | ElementType::Object => Value::Null,
        }
    }
}

/// An array: its element type, and its elements with element 0 first.
#[derive(Debug)]
pub struct Array {
    pub elem: ElementType,
    /// Two dimensions: each element (and element 0) is a row, itself a [`Value::Array`].
    pub two_d: bool,
    /// `items[0]` is element 0; `items[i]` is element `i`.
    pub items: Vec<Value>,
}

/// A shared reference to an array (what a [`Value::Array`] holds).
#[derive(Clone, Debug)]
pub struct ArrayRef(Rc<RefCell<Array>>);

impl ArrayRef {
    /// A one-dimension array of `size` elements (plus element 0), all at their default value.
    pub fn new(elem: ElementType, size: usize) -> ArrayRef {
        ArrayRef(Rc::new(RefCell::new(Array {
            elem,
            two_d: false,
            items: vec![elem.default_value(); size + 1],
        })))
    }

    /// A two-dimension array of `rows` rows of `cols` columns.
    pub fn new_2d(elem: ElementType, rows: usize, cols: usize) -> ArrayRef {
        let items = (0..=rows).map(|_| Value::Array(ArrayRef::new(elem, cols))).collect();
        ArrayRef(Rc::new(RefCell::new(Array { elem, two_d: true, items })))
    }

    pub fn from_values(elem: ElementType, values: Vec<Value>) -> ArrayRef {
        let mut items = Vec::with_capacity(values.len() + 1);
        items.push(elem.default_value());
        items.extend(values);
        ArrayRef(Rc::new(RefCell::new(Array { elem, two_d: false, items })))
    }

    pub fn borrow(&self) -> Ref<'_, Array> {
        self.0.borrow()
    }

    pub fn borrow_mut(&self) -> RefMut<'_, Array> {
        self.0.borrow_mut()
    }

    pub fn ptr_eq(&self, other: &ArrayRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    pub fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }

    /// Number of elements (element 0 not counted).
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn elem(&self) -> ElementType {
        self.0.borrow().elem
    }

    pub fn is_2d(&self) -> bool {
        self.0.borrow().two_d
    }

    /// The `Type` code of the array.
    pub fn type_code(&self) -> i32 {
        let a = self.0.borrow();
        if a.two_d {
            13
        } else {
            a.elem.array_type_code()
        }
    }

    /// Element `i` (0 is element 0), or `None` when out of range.
    pub fn get(&self, i: i64) -> Option<Value> {
        let a = self.0.borrow();
        usize::try_from(i).ok().and_then(|i| a.items.get(i).cloned())
    }

    /// An independent copy (rows of a 2-D array copied too; objects stay shared references).
    pub fn deep_copy(&self) -> ArrayRef {
        let a = self.0.borrow();
        let items = a
            .items
            .iter()
            .map(|v| match v {
                Value::Array(row) if a.two_d => Value::Array(row.deep_copy()),
                v => v.clone(),
            })
            .collect();
        ArrayRef(Rc::new(RefCell::new(Array { elem: a.elem, two_d: a.two_d, items })))
    }
}

impl Array {
    pub fn len(&self) -> usize {
        self.items.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sets the number of elements: new ones get the default value (new rows of a 2-D array
    /// get `cols` columns), extra ones are dropped. Element 0 stays.
    pub fn resize(&mut self, size: usize, cols: Option<usize>) {
        if self.items.is_empty() {
            self.items.push(self.elem.default_value());
        }
        if self.two_d {
            let elem = self.elem;
            let cols = cols.unwrap_or(0);
            for row in self.items.iter() {
                if let Value::Array(r) = row {
                    r.borrow_mut().resize(cols, None);
                }
            }
            self.items.resize_with(size + 1, || Value::Array(ArrayRef::new(elem, cols)));
        } else {
            let d = self.elem.default_value();
            self.items.resize(size + 1, d);
        }
    }

    /// Inserts `count` default elements before element `at` (1-based; past the end appends).
    pub fn insert_default(&mut self, at: usize, count: usize) {
        let at = at.clamp(1, self.items.len());
        let d = self.elem.default_value();
        let cols = match self.items.get(1) {
            Some(Value::Array(r)) if self.two_d => r.len(),
            _ => 0,
        };
        let elem = self.elem;
        let two_d = self.two_d;
        let new =
            (0..count).map(
                |_| {
                    if two_d {
                        Value::Array(ArrayRef::new(elem, cols))
                    } else {
                        d.clone()
                    }
                },
            );
        self.items.splice(at..at, new);
    }

    /// Removes `count` elements from element `at` (1-based); out-of-range parts are ignored.
    pub fn delete(&mut self, at: usize, count: usize) {
        if at < 1 || at >= self.items.len() {
            return;
        }
        let end = (at + count).min(self.items.len());
        self.items.drain(at..end);
    }
}

/// Converts `v` for an element of an array of `elem`; `Err(v)` when it does not fit. Integer
/// arrays hold 16-bit values; numbers go to Longint by rounding.
pub fn to_element(elem: ElementType, v: Value) -> Result<Value, Value> {
    use ElementType as E;
    let round = |r: f64| if r.is_nan() { 0 } else { r.round() as i64 as i32 };
    Ok(match (elem, v) {
        (_, Value::Undefined) => elem.default_value(),
        (E::Text, v @ Value::Text(_)) => v,
        (E::Longint, Value::Int(i)) => Value::Int(i),
        (E::Longint, Value::Real(r)) => Value::Int(round(r)),
        (E::Integer, Value::Int(i)) => Value::Int(i as i16 as i32),
        (E::Integer, Value::Real(r)) => Value::Int(round(r) as i16 as i32),
        (E::Real, Value::Real(r)) => Value::Real(r),
        (E::Real, Value::Int(i)) => Value::Real(i as f64),
        (E::Boolean, v @ Value::Bool(_)) => v,
        (E::Date, v @ Value::Date(_)) => v,
        (E::Time, v @ Value::Time(_)) => v,
        (E::Time, Value::Int(i)) => Value::Time(i as i64),
        (E::Time, Value::Real(r)) => Value::Time(r.round() as i64),
        (E::Longint | E::Real, Value::Time(t)) => {
            if elem == E::Real {
                Value::Real(t as f64)
            } else {
                Value::Int(t as i32)
            }
        }
        (E::Pointer, v @ Value::Pointer(_)) => v,
        (E::Pointer, Value::Null) => Value::Pointer(pointer::nil()),
        (E::Object, v @ (Value::Object(_) | Value::SharedObject(_) | Value::Null)) => v,
        (E::Picture | E::Blob, v) => v,
        (_, v) => return Err(v),
    })
}

/// How 4D orders two elements of the same array (text by 4D's collation).
pub fn compare_elements(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => super::text::compare(x, y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => super::ops::sort_compare(a, b),
    }
}

/// Whether `element` matches `wanted` as `Find in array` compares them (text: 4D equality,
/// with `@` as a wildcard).
pub fn element_matches(element: &Value, wanted: &Value) -> bool {
    match (element, wanted) {
        (Value::Text(e), Value::Text(w)) => super::text::equals_wildcard(e, w),
        (Value::Pointer(a), Value::Pointer(b)) => a.same_target(b),
        (Value::Object(_) | Value::Collection(_), _) => element.ref_addr() == wanted.ref_addr(),
        _ => match (element.as_number(), wanted.as_number()) {
            (Some(x), Some(y)) => x == y,
            _ => super::ops::values_equal(element, wanted),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resize_keeps_element_zero_and_existing_values() {
        let a = ArrayRef::new(ElementType::Longint, 2);
        a.borrow_mut().items[0] = Value::Int(7);
        a.borrow_mut().items[2] = Value::Int(5);
        a.borrow_mut().resize(4, None);
        assert_eq!(a.len(), 4);
        assert!(matches!(a.get(0), Some(Value::Int(7))));
        assert!(matches!(a.get(2), Some(Value::Int(5))));
        a.borrow_mut().delete(1, 2);
        assert_eq!(a.len(), 2);
        a.borrow_mut().insert_default(1, 3);
        assert_eq!(a.len(), 5);
    }

    #[test]
    fn two_d_rows_are_arrays() {
        let a = ArrayRef::new_2d(ElementType::Text, 2, 3);
        assert_eq!(a.type_code(), 13);
        match a.get(1) {
            Some(Value::Array(row)) => assert_eq!(row.len(), 3),
            other => panic!("a row, not {other:?}"),
        }
    }
}

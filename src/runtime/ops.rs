//! Value ordering, equality and deep operations shared by collections, objects and JSON.
//!
//! Every recursive walk here is bounded by [`MAX_DEPTH`], so an object that contains itself
//! ends in an error instead of a stack overflow.

use std::cmp::Ordering;
use std::rc::Rc;

use super::collection::CollRef;
use super::object::{Key, ObjRef, PropMap};
use super::shared::SharedValue;
use super::text;
use super::value::Value;

/// Deepest nesting of objects/collections that copying, comparing and JSON handle.
pub const MAX_DEPTH: usize = 1000;

/// Real comparison epsilon of `=` (4D's default `SET REAL COMPARISON LEVEL`).
pub const REAL_EPSILON: f64 = 1e-6;

/// A value read out of a shared object or collection, as a plain [`Value`] (nested shared values
/// stay shared references).
pub fn shared_to_value(v: &SharedValue) -> Value {
    match v {
        SharedValue::Null => Value::Null,
        SharedValue::Bool(b) => Value::Bool(*b),
        SharedValue::Real(r) => Value::Real(*r),
        SharedValue::Text(t) => Value::text(&**t),
        SharedValue::Date(d) => Value::Date(*d),
        SharedValue::Object(o) => Value::SharedObject(o.clone()),
        SharedValue::Collection(c) => Value::SharedCollection(c.clone()),
        SharedValue::Function(f) => Value::Function(Rc::new(super::value::Function {
            source: Rc::from(&*f.source),
            code: Rc::new(super::shared::SharedCode(f.clone())),
        })),
    }
}

/// Properties of an object, copied out: (name, value) in definition order.
pub type Entries = Vec<(Rc<str>, Value)>;

/// The properties of an object value (plain or shared), in definition order; `None` for anything
/// else. The values are copied out: no borrow or lock is held afterwards.
pub fn object_entries(v: &Value) -> Option<Entries> {
    match v {
        Value::Object(o) => {
            Some(o.borrow().props.iter().map(|(k, v)| (Rc::from(k.as_str()), v.clone())).collect())
        }
        Value::SharedObject(o) => {
            Some(o.props.read().iter().map(|(k, v)| (Rc::from(&**k), shared_to_value(v))).collect())
        }
        _ => None,
    }
}

/// The elements of a collection value (plain or shared), copied out; `None` for anything else.
pub fn collection_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Collection(c) => Some(c.to_vec()),
        Value::SharedCollection(c) => Some(c.items.read().iter().map(shared_to_value).collect()),
        _ => None,
    }
}

/// Reads a property path (`"a.b.c"`) inside a value; Undefined when any step is missing.
pub fn get_path(v: &Value, path: &str) -> Value {
    let mut cur = v.clone();
    for part in path.split('.') {
        cur = match &cur {
            Value::Object(o) => o.get_str(part),
            Value::SharedObject(o) => {
                o.get(part).map(|s| shared_to_value(&s)).unwrap_or(Value::Undefined)
            }
            _ => return Value::Undefined,
        };
    }
    cur
}

/// Rank of a value's type in the default collection order: null < booleans < strings < numbers <
/// objects < collections < dates.
fn type_rank(v: &Value) -> u8 {
    match v {
        Value::Undefined | Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Text(_) => 2,
        Value::Int(_) | Value::Real(_) | Value::Time(_) => 3,
        Value::Object(_)
        | Value::SharedObject(_)
        | Value::Function(_)
        | Value::Blob(_)
        | Value::Pointer(_) => 4,
        Value::Collection(_) | Value::SharedCollection(_) | Value::Array(_) => 5,
        Value::Date(_) => 6,
    }
}

fn number_of(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Real(r) => *r,
        Value::Time(t) => *t as f64,
        _ => 0.0,
    }
}

/// The default order of `.sort()`, `.min()`, `.max()`, `.orderBy()` and `.distinct()`: types
/// grouped (null < booleans < strings < numbers < objects < collections < dates), then natural
/// order inside a type (texts by collation). Objects and collections compare equal to each other
/// (a stable sort keeps their order).
pub fn sort_compare(a: &Value, b: &Value) -> Ordering {
    let (ra, rb) = (type_rank(a), type_rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Text(x), Value::Text(y)) => text::compare(x, y),
        (Value::Date(x), Value::Date(y)) => (x.year, x.month, x.day).cmp(&(y.year, y.month, y.day)),
        _ if ra == 3 => {
            let (x, y) = (number_of(a), number_of(b));
            x.partial_cmp(&y).unwrap_or_else(|| x.is_nan().cmp(&y.is_nan()))
        }
        _ => Ordering::Equal,
    }
}

fn reals_equal(x: f64, y: f64) -> bool {
    x == y || (x - y).abs() <= REAL_EPSILON
}

/// `left = right` as 4D's `=` operator evaluates it: numbers with the real epsilon, texts by
/// collation with `@` wildcards in `right`, objects and collections by reference, null and
/// undefined equal to each other only.
pub fn values_equal(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Undefined | Value::Null, Value::Undefined | Value::Null) => true,
        (Value::Undefined | Value::Null, _) | (_, Value::Undefined | Value::Null) => false,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Text(x), Value::Text(y)) => text::equals_wildcard(x, y),
        (Value::Date(x), Value::Date(y)) => x == y,
        (Value::Time(x), Value::Time(y)) => x == y,
        (
            Value::Int(_) | Value::Real(_) | Value::Time(_),
            Value::Int(_) | Value::Real(_) | Value::Time(_),
        ) => reals_equal(number_of(left), number_of(right)),
        _ => match (left.ref_addr(), right.ref_addr()) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// Deep equality (`.equal()`): objects and collections compared by contents, texts by collation
/// (no wildcards) or exactly when `diacritical`. Null and undefined are different here.
/// Nesting deeper than [`MAX_DEPTH`] compares unequal.
pub fn deep_equal(a: &Value, b: &Value, diacritical: bool) -> bool {
    deep_equal_at(a, b, diacritical, 0)
}

fn deep_equal_at(a: &Value, b: &Value, diacritical: bool, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    if let (Some(x), Some(y)) = (a.ref_addr(), b.ref_addr()) {
        if x == y {
            return true;
        }
    }
    match (a, b) {
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        (Value::Text(x), Value::Text(y)) => {
            if diacritical {
                x == y
            } else {
                text::equals(x, y)
            }
        }
        (Value::Object(_) | Value::SharedObject(_), Value::Object(_) | Value::SharedObject(_)) => {
            let (Some(ea), Some(eb)) = (object_entries(a), object_entries(b)) else {
                return false;
            };
            if ea.len() != eb.len() {
                return false;
            }
            ea.iter().all(|(k, va)| match eb.iter().find(|(kb, _)| kb == k) {
                Some((_, vb)) => deep_equal_at(va, vb, diacritical, depth + 1),
                None => false,
            })
        }
        (
            Value::Collection(_) | Value::SharedCollection(_),
            Value::Collection(_) | Value::SharedCollection(_),
        ) => {
            let (Some(ia), Some(ib)) = (collection_items(a), collection_items(b)) else {
                return false;
            };
            ia.len() == ib.len()
                && ia
                    .iter()
                    .zip(ib.iter())
                    .all(|(x, y)| deep_equal_at(x, y, diacritical, depth + 1))
        }
        (Value::Undefined | Value::Null, _) | (_, Value::Undefined | Value::Null) => false,
        _ => values_equal(a, b),
    }
}

/// Deep copy (`OB Copy`, `.copy()`): objects and collections duplicated at every level; shared
/// ones become plain; class instances keep their class. Errors beyond [`MAX_DEPTH`] levels
/// (e.g. an object that contains itself).
pub fn deep_copy(v: &Value) -> Result<Value, String> {
    copy_at(v, 0)
}

fn too_deep() -> String {
    format!(
        "object or collection nested more than {MAX_DEPTH} levels deep (does it contain itself?)"
    )
}

fn copy_at(v: &Value, depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    match v {
        Value::Object(o) => {
            let (entries, class) = {
                let data = o.borrow();
                let entries: Vec<(Key, Value)> =
                    data.props.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                (entries, data.class.clone())
            };
            let mut props = PropMap::default();
            for (k, val) in entries {
                props.insert(k, copy_at(&val, depth + 1)?);
            }
            let copy = ObjRef::from_props(props);
            copy.borrow_mut().class = class;
            Ok(Value::Object(copy))
        }
        Value::SharedObject(_) => {
            let entries = object_entries(v).unwrap_or_default();
            let mut props = PropMap::default();
            for (k, val) in entries {
                props.insert(Key::intern(&k), copy_at(&val, depth + 1)?);
            }
            Ok(Value::Object(ObjRef::from_props(props)))
        }
        Value::Collection(_) | Value::SharedCollection(_) => {
            let items = collection_items(v).unwrap_or_default();
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                out.push(copy_at(item, depth + 1)?);
            }
            Ok(Value::Collection(CollRef::from_vec(out)))
        }
        other => Ok(other.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Date;

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    #[test]
    fn type_groups_order() {
        let mut v = [
            Value::Date(Date::new(2020, 1, 1)),
            Value::Collection(CollRef::new()),
            Value::Object(ObjRef::new()),
            Value::Real(1.0),
            t("a"),
            Value::Bool(true),
            Value::Null,
        ];
        v.sort_by(sort_compare);
        let ranks: Vec<u8> = v.iter().map(type_rank).collect();
        assert_eq!(ranks, vec![0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(sort_compare(&t("b"), &t("A")), Ordering::Greater);
        assert_eq!(sort_compare(&Value::Int(2), &Value::Real(10.0)), Ordering::Less);
    }

    #[test]
    fn equality_rules() {
        // (wildcards come with the Unicode text module; the temporary one has none)
        if text::equals_wildcard("Albert", "al@") {
            assert!(values_equal(&t("Albert"), &t("al@")));
        }
        assert!(values_equal(&t("abc"), &t("ABC")));
        assert!(values_equal(&Value::Int(3), &Value::Real(3.0)));
        assert!(values_equal(&Value::Null, &Value::Undefined));
        assert!(!values_equal(&t("3"), &Value::Real(3.0)));
        let o = ObjRef::new();
        assert!(values_equal(&Value::Object(o.clone()), &Value::Object(o)));
        assert!(!values_equal(&Value::Object(ObjRef::new()), &Value::Object(ObjRef::new())));
    }

    #[test]
    fn deep_equal_and_copy() {
        let a = ObjRef::new();
        a.set_str("a", Value::Int(1));
        a.set_str("b", t("orange"));
        let b = ObjRef::new();
        b.set_str("b", t("ORange"));
        b.set_str("a", Value::Real(1.0));
        assert!(deep_equal(&Value::Object(a.clone()), &Value::Object(b.clone()), false));
        assert!(!deep_equal(&Value::Object(a.clone()), &Value::Object(b), true));
        assert!(!deep_equal(&Value::Null, &Value::Undefined, false));

        let inner = CollRef::from_vec(vec![Value::Real(1.0)]);
        a.set_str("c", Value::Collection(inner.clone()));
        let copy = deep_copy(&Value::Object(a.clone())).unwrap();
        let Value::Object(c) = &copy else { panic!() };
        assert!(!c.ptr_eq(&a));
        let Value::Collection(ci) = c.get_str("c") else { panic!() };
        assert!(!ci.ptr_eq(&inner));
        assert!(deep_equal(&copy, &Value::Object(a.clone()), true));
    }

    #[test]
    fn copy_of_cycle_is_an_error() {
        let a = ObjRef::new();
        a.set_str("self", Value::Object(a.clone()));
        assert!(deep_copy(&Value::Object(a.clone())).is_err());
        assert!(!deep_equal(&Value::Object(a.clone()), &Value::Object(ObjRef::new()), false));
        // break the cycle so the test does not leak
        a.remove(&Key::new("self"));
    }

    #[test]
    fn paths() {
        let inner = ObjRef::new();
        inner.set_str("p1", t("01"));
        let o = ObjRef::new();
        o.set_str("phones", Value::Object(inner));
        assert_eq!(get_path(&Value::Object(o.clone()), "phones.p1").as_str(), Some("01"));
        assert!(get_path(&Value::Object(o), "phones.x.y").is_undefined());
    }
}

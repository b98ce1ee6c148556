//! Member functions of (non-shared) collections: `$c.push(1)`, `$c.sort()`, `$c.map(…)`…
//!
//! Not commands: the interpreter calls [`call_member`] for a member call on a collection.
//! Mutating functions return the collection itself (chainable). Callbacks (`Formula` objects or
//! method names) run through [`Host::call`] with `$1` an object holding `value` (and `value2`
//! for sorts, `accumulator` for reductions) and the extra arguments as `$2…`; their answer is
//! the callback's return value, or `$1.result` when it returns nothing; `$1.stop := True` ends the
//! loop. No `RefCell` borrow of the collection is held while a callback runs.

use std::cmp::Ordering;

use super::objects::{ck, shared_copy_unsupported, wants_shared_copy};
use super::{Args, Host};
use crate::runtime::format::format_real;
use crate::runtime::ops::{
    self, collection_items, get_path, sort_compare, values_equal, MAX_DEPTH,
};
use crate::runtime::{json, text, CollRef, ErrorKind, ObjRef, RtError, Value};

/// A collection member function.
pub type MemberFn = fn(&mut dyn Host, &CollRef, &mut Args) -> Result<Value, RtError>;

/// Every collection member function mini4d implements, by its (case-sensitive) 4D name.
pub const MEMBERS: &[(&str, MemberFn)] = &[
    ("push", push),
    ("pop", pop),
    ("shift", shift),
    ("unshift", unshift),
    ("insert", insert),
    ("remove", remove),
    ("combine", combine),
    ("fill", fill),
    ("resize", resize),
    ("clear", clear),
    ("sort", sort),
    ("copy", copy),
    ("slice", slice),
    ("concat", concat),
    ("reverse", reverse),
    ("indexOf", index_of),
    ("lastIndexOf", last_index_of),
    ("includes", includes),
    ("countValues", count_values),
    ("join", join),
    ("sum", sum),
    ("average", average),
    ("min", min),
    ("max", max),
    ("count", count),
    ("first", first),
    ("last", last),
    ("at", at),
    ("distinct", distinct),
    ("equal", equal),
    ("extract", extract),
    ("map", map),
    ("flatMap", flat_map),
    ("filter", filter),
    ("find", find),
    ("findIndex", find_index),
    ("every", every),
    ("some", some),
    ("reduce", reduce),
    ("reduceRight", reduce_right),
    ("orderBy", order_by),
    ("orderByMethod", order_by_method),
    ("flat", flat),
    ("query", query),
    ("indices", indices),
    ("multiSort", multi_sort),
];

/// Runs member function `name` on `coll`; `None` when `name` is not a collection function.
pub fn call_member(
    host: &mut dyn Host,
    coll: &CollRef,
    name: &str,
    args: &mut Args,
) -> Option<Result<Value, RtError>> {
    let f = member_fn(name)?;
    Some(f(host, coll, args))
}

/// The collection function named exactly `name`, if there is one.
pub fn member_fn(name: &str) -> Option<MemberFn> {
    MEMBERS.iter().find(|(n, _)| *n == name).map(|e| e.1)
}

// ---------------------------------------------------------------------------------------------
// Argument helpers

fn this(coll: &CollRef) -> Value {
    Value::Collection(coll.clone())
}

fn new_coll(items: Vec<Value>) -> Value {
    Value::Collection(CollRef::from_vec(items))
}

fn int(args: &Args, i: usize, name: &str) -> Result<i64, RtError> {
    let n = args.num(i, name)?;
    Ok(if n.is_finite() { n.trunc() as i64 } else { 0 })
}

/// Argument `i` as an integer, `None` when absent or undefined.
fn opt_int(args: &Args, i: usize, name: &str) -> Result<Option<i64>, RtError> {
    match args.get(i) {
        None | Some(Value::Undefined) => Ok(None),
        Some(_) => int(args, i, name).map(Some),
    }
}

fn opt_flags(args: &Args, i: usize, name: &str) -> Result<i32, RtError> {
    Ok(opt_int(args, i, name)?.unwrap_or(0) as i32)
}

/// An index where negative means `len + i`, then clamped to `0..=len`.
fn norm_index(i: i64, len: usize) -> usize {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    i.clamp(0, len) as usize
}

fn is_number(v: &Value) -> bool {
    v.is_number()
}

/// The elements, or their `path` property when a path is given.
fn values_at(coll: &CollRef, path: Option<&str>) -> Vec<Value> {
    let items = coll.to_vec();
    match path {
        None => items,
        Some(p) => items.iter().map(|v| get_path(v, p)).collect(),
    }
}

fn opt_path(args: &Args, i: usize, name: &str) -> Result<Option<String>, RtError> {
    match args.get(i) {
        None | Some(Value::Undefined) => Ok(None),
        Some(_) => args.text(i, name).map(Some),
    }
}

// ---------------------------------------------------------------------------------------------
// Callbacks

struct Callback {
    f: Value,
    extra: Vec<Value>,
}

impl Callback {
    /// The callback at argument `at`, with the arguments after it as extra parameters.
    fn from_args(args: &Args, at: usize, name: &str) -> Result<Callback, RtError> {
        Self::with_extra(args, at, at + 1, name)
    }

    fn with_extra(
        args: &Args,
        at: usize,
        extra_from: usize,
        name: &str,
    ) -> Result<Callback, RtError> {
        let f = args.value(at);
        if !matches!(f, Value::Function(_) | Value::Text(_)) {
            return Err(RtError::new(
                ErrorKind::FunctionExpected,
                format!(
                    ".{name}(): a Formula or a method name was expected, not {}",
                    f.kind_name()
                ),
            ));
        }
        let extra = args.values.get(extra_from..).map(<[Value]>::to_vec).unwrap_or_default();
        Ok(Callback { f, extra })
    }

    /// Calls back with `$1 = param`; the answer is the return value or else `$1.result`.
    fn call(&self, host: &mut dyn Host, param: &ObjRef) -> Result<Value, RtError> {
        let mut a = Vec::with_capacity(1 + self.extra.len());
        a.push(Value::Object(param.clone()));
        a.extend(self.extra.iter().cloned());
        let r = host.call(&self.f, a)?;
        Ok(if r.is_undefined() { param.get_str("result") } else { r })
    }
}

fn param(value: &Value) -> ObjRef {
    let p = ObjRef::new();
    p.set_str("value", value.clone());
    p
}

fn stopped(p: &ObjRef) -> bool {
    matches!(p.get_str("stop"), Value::Bool(true))
}

fn is_true(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

/// Stable merge sort with a fallible "less than".
fn merge_sort(
    items: Vec<Value>,
    less: &mut dyn FnMut(&Value, &Value) -> Result<bool, RtError>,
) -> Result<Vec<Value>, RtError> {
    let n = items.len();
    let mut src = items;
    let mut width = 1;
    while width < n {
        let mut dst = Vec::with_capacity(n);
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            while l < mid && r < end {
                if less(&src[r], &src[l])? {
                    dst.push(src[r].clone());
                    r += 1;
                } else {
                    dst.push(src[l].clone());
                    l += 1;
                }
            }
            dst.extend_from_slice(&src[l..mid]);
            dst.extend_from_slice(&src[r..end]);
            start = end;
        }
        src = dst;
        width *= 2;
    }
    Ok(src)
}

fn sort_with_callback(
    host: &mut dyn Host,
    items: Vec<Value>,
    cb: &Callback,
) -> Result<Vec<Value>, RtError> {
    merge_sort(items, &mut |a, b| {
        let p = param(a);
        p.set_str("value2", b.clone());
        Ok(is_true(&cb.call(host, &p)?))
    })
}

/// `(startFrom;) callback; extra…`: where the callback is, and the start index if given.
fn start_and_callback(args: &Args, name: &str) -> Result<(Option<i64>, Callback), RtError> {
    if args.get(0).is_some_and(is_number) {
        Ok((Some(int(args, 0, name)?), Callback::from_args(args, 1, name)?))
    } else {
        Ok((None, Callback::from_args(args, 0, name)?))
    }
}

// ---------------------------------------------------------------------------------------------
// Adding and removing

/// Refuses to grow a collection of `len` elements by `extra` past `MAX_COLLECTION_LEN`.
fn check_len(name: &str, len: usize, extra: usize) -> Result<(), RtError> {
    if len.saturating_add(extra) > crate::runtime::value::MAX_COLLECTION_LEN {
        return Err(RtError::new(ErrorKind::LimitExceeded, format!("{name}: too many elements")));
    }
    Ok(())
}

fn push(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    check_len(".push()", coll.len(), args.values.len())?;
    // The arguments are moved in (a collection may be pushed into itself: its reference is
    // then an argument, moved like any other value).
    coll.borrow_mut().extend(args.values.drain(..).map(Value::for_storage));
    Ok(this(coll))
}

fn pop(_: &mut dyn Host, coll: &CollRef, _: &mut Args) -> Result<Value, RtError> {
    Ok(coll.borrow_mut().pop().unwrap_or(Value::Undefined))
}

fn shift(_: &mut dyn Host, coll: &CollRef, _: &mut Args) -> Result<Value, RtError> {
    let mut items = coll.borrow_mut();
    Ok(if items.is_empty() { Value::Undefined } else { items.remove(0) })
}

fn unshift(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let new: Vec<Value> = args.values.iter().cloned().map(Value::for_storage).collect();
    check_len(".unshift()", coll.len(), new.len())?;
    coll.borrow_mut().splice(0..0, new);
    Ok(this(coll))
}

fn insert(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".insert()", 2, 2)?;
    let i = int(args, 0, ".insert()")?;
    let v = args.value(1).for_storage();
    let mut items = coll.borrow_mut();
    let at = norm_index(i, items.len());
    items.insert(at, v);
    drop(items);
    Ok(this(coll))
}

fn remove(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".remove()", 1, 2)?;
    let i = int(args, 0, ".remove()")?;
    let n = opt_int(args, 1, ".remove()")?.unwrap_or(1);
    let mut items = coll.borrow_mut();
    let at = norm_index(i, items.len());
    let n = (n.max(0) as usize).min(items.len() - at);
    items.drain(at..at + n);
    drop(items);
    Ok(this(coll))
}

fn combine(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".combine()", 1, 2)?;
    let Some(new) = collection_items(&args.value(0)) else {
        return Err(RtError::type_mismatch(".combine(): a collection was expected"));
    };
    let i = opt_int(args, 1, ".combine()")?;
    check_len(".combine()", coll.len(), new.len())?;
    let mut items = coll.borrow_mut();
    let at = i.map_or(items.len(), |i| norm_index(i, items.len()));
    items.splice(at..at, new);
    drop(items);
    Ok(this(coll))
}

fn fill(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".fill()", 1, 3)?;
    let v = args.value(0).for_storage();
    let start = opt_int(args, 1, ".fill()")?;
    let end = opt_int(args, 2, ".fill()")?;
    let mut items = coll.borrow_mut();
    let len = items.len();
    let start = norm_index(start.unwrap_or(0), len);
    let end = end.map_or(len, |e| norm_index(e, len));
    if end > start {
        for item in &mut items[start..end] {
            *item = v.clone();
        }
    }
    drop(items);
    Ok(this(coll))
}

fn resize(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".resize()", 1, 2)?;
    let n = int(args, 0, ".resize()")?.max(0) as usize;
    if n > crate::runtime::value::MAX_COLLECTION_LEN {
        return Err(RtError::new(ErrorKind::LimitExceeded, ".resize(): too many elements"));
    }
    let default = match args.get(1) {
        None => Value::Null,
        Some(v) => v.clone().for_storage(),
    };
    coll.borrow_mut().resize(n, default);
    Ok(this(coll))
}

fn clear(_: &mut dyn Host, coll: &CollRef, _: &mut Args) -> Result<Value, RtError> {
    coll.borrow_mut().clear();
    Ok(this(coll))
}

// ---------------------------------------------------------------------------------------------
// Order

fn sort(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    if args.is_empty() {
        // No callback: nothing runs script code during the sort, so it is done in place.
        let mut items = coll.borrow_mut();
        if !sort_reals(&mut items) {
            items.sort_by(sort_compare);
        }
        drop(items);
        return Ok(this(coll));
    }
    let cb = Callback::from_args(args, 0, "sort")?;
    let sorted = sort_with_callback(host, coll.to_vec(), &cb)?;
    *coll.borrow_mut() = sorted;
    Ok(this(coll))
}

/// Sorts a collection made only of Reals exactly as `sort_by(sort_compare)` would, on the
/// numbers alone; `false` (nothing done) when another kind of value is present.
fn sort_reals(items: &mut [Value]) -> bool {
    let mut xs = Vec::with_capacity(items.len());
    // Without NaN and -0, numbers that compare equal are identical: any sort order of equal
    // elements gives the same result, so an unstable sort on order-preserving integer keys
    // is exact.
    let mut plain = true;
    for v in items.iter() {
        let Value::Real(x) = v else { return false };
        plain &= !(x.is_nan() || (*x == 0.0 && x.is_sign_negative()));
        xs.push(*x);
    }
    if plain {
        let mut keys: Vec<u64> = xs.iter().map(|x| real_key(*x)).collect();
        keys.sort_unstable();
        for (v, k) in items.iter_mut().zip(keys) {
            *v = Value::Real(real_from_key(k));
        }
    } else {
        // The numeric comparison of `sort_compare`, stable like it.
        xs.sort_by(|x, y| x.partial_cmp(y).unwrap_or_else(|| x.is_nan().cmp(&y.is_nan())));
        for (v, x) in items.iter_mut().zip(xs) {
            *v = Value::Real(x);
        }
    }
    true
}

/// An integer whose order is the numeric order of `x` (for reals other than NaN and -0).
fn real_key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | (1 << 63)
    }
}

fn real_from_key(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

fn order_by_method(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let cb = Callback::from_args(args, 0, "orderByMethod")?;
    Ok(new_coll(sort_with_callback(host, coll.to_vec(), &cb)?))
}

/// Sort criteria of `.orderBy()`: (property path or "" for the element itself, descending).
fn order_criteria(args: &Args) -> Result<Vec<(String, bool)>, RtError> {
    match args.get(0) {
        None | Some(Value::Undefined) => Ok(vec![(String::new(), false)]),
        Some(Value::Int(_) | Value::Real(_)) => {
            Ok(vec![(String::new(), int(args, 0, ".orderBy()")? as i32 == ck::CK_DESCENDING)])
        }
        Some(Value::Text(t)) => {
            let mut out = Vec::new();
            for part in t.split(',') {
                let words: Vec<&str> = part.split_whitespace().collect();
                match words.as_slice() {
                    [] => {}
                    [path] => out.push((path.to_string(), false)),
                    [path, dir] if dir.eq_ignore_ascii_case("asc") => {
                        out.push((path.to_string(), false))
                    }
                    [path, dir] if dir.eq_ignore_ascii_case("desc") => {
                        out.push((path.to_string(), true))
                    }
                    _ => {
                        return Err(RtError::generic(format!(
                            ".orderBy(): invalid sort criterion {:?}",
                            part.trim()
                        )))
                    }
                }
            }
            Ok(out)
        }
        Some(v @ (Value::Collection(_) | Value::SharedCollection(_))) => {
            let mut out = Vec::new();
            for c in collection_items(v).unwrap_or_default() {
                let path = get_path(&c, "propertyPath");
                let Value::Text(path) = path else {
                    return Err(RtError::generic(
                        ".orderBy(): each criterion needs a propertyPath text",
                    ));
                };
                out.push((path.to_string(), is_true(&get_path(&c, "descending"))));
            }
            Ok(out)
        }
        Some(v) => Err(RtError::type_mismatch(format!(
            ".orderBy(): unexpected {} argument",
            v.kind_name()
        ))),
    }
}

fn order_by(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".orderBy()", 0, 1)?;
    let criteria = order_criteria(args)?;
    let mut items = coll.to_vec();
    items.sort_by(|a, b| {
        for (path, desc) in &criteria {
            let ord = if path.is_empty() {
                sort_compare(a, b)
            } else {
                sort_compare(&get_path(a, path), &get_path(b, path))
            };
            let ord = if *desc { ord.reverse() } else { ord };
            if ord != Ordering::Equal {
                return ord;
            }
        }
        Ordering::Equal
    });
    Ok(new_coll(items))
}

fn query(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    super::query::query(host, &coll.to_vec(), args)
}

fn indices(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    super::query::indices(host, &coll.to_vec(), args)
}

/// `.multiSort({formula;} {colsToSort})`: sorts the collection (stable) and reorders every
/// collection of `colsToSort` the same way. Each `colsToSort` entry is a collection or a
/// `{collection; order}` object; without a formula each of them is also a further sort level
/// (a collection ascending, an object in its `order`), which is what the documentation's
/// examples show; with a formula the formula alone orders.
fn multi_sort(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = ".multiSort()";
    args.expect_count(NAME, 0, usize::MAX)?;
    let (cb, cols_at) = match args.get(0) {
        Some(Value::Function(_) | Value::Text(_)) => {
            (Some(Callback::with_extra(args, 0, 2, "multiSort")?), 1)
        }
        _ => (None, 0),
    };
    // (collection, descending) of each level after the first
    let mut others: Vec<(CollRef, bool)> = Vec::new();
    if let Some(list) = args.get(cols_at) {
        let Some(entries) = collection_items(list) else {
            return Err(RtError::type_mismatch(format!(
                "{NAME}: colsToSort must be a collection, not {}",
                list.kind_name()
            )));
        };
        for e in entries {
            let (c, desc) = match &e {
                Value::Collection(c) => (c.clone(), false),
                Value::Object(_) => match get_path(&e, "collection") {
                    Value::Collection(c) => {
                        let order = get_path(&e, "order").as_number().unwrap_or(0.0);
                        (c, order as i32 == ck::CK_DESCENDING)
                    }
                    _ => {
                        return Err(RtError::type_mismatch(format!(
                            "{NAME}: each object of colsToSort needs a `collection` property"
                        )))
                    }
                },
                other => {
                    return Err(RtError::type_mismatch(format!(
                        "{NAME}: colsToSort holds {}, not a collection",
                        other.a_kind()
                    )))
                }
            };
            if c.len() != coll.len() {
                return Err(RtError::generic(format!(
                    "{NAME}: every collection to sort must have {} elements, not {}",
                    coll.len(),
                    c.len()
                )));
            }
            others.push((c, desc));
        }
    }
    let main = coll.to_vec();
    let columns: Vec<(Vec<Value>, bool)> = others.iter().map(|(c, d)| (c.to_vec(), *d)).collect();
    let order: Vec<Value> = (0..main.len()).map(|i| Value::Real(i as f64)).collect();
    let index = |v: &Value| v.as_number().unwrap_or(0.0) as usize;
    let sorted = match &cb {
        Some(cb) => merge_sort(order, &mut |a, b| {
            let p = param(&main[index(a)]);
            p.set_str("value2", main[index(b)].clone());
            Ok(is_true(&cb.call(host, &p)?))
        })?,
        None => merge_sort(order, &mut |a, b| {
            let (i, j) = (index(a), index(b));
            let mut ord = sort_compare(&main[i], &main[j]);
            for (col, desc) in &columns {
                if ord != Ordering::Equal {
                    break;
                }
                ord = sort_compare(&col[i], &col[j]);
                if *desc {
                    ord = ord.reverse();
                }
            }
            Ok(ord == Ordering::Less)
        })?,
    };
    let permutation: Vec<usize> = sorted.iter().map(index).collect();
    *coll.borrow_mut() = permutation.iter().map(|&i| main[i].clone()).collect();
    for ((c, _), (values, _)) in others.iter().zip(&columns) {
        *c.borrow_mut() = permutation.iter().map(|&i| values[i].clone()).collect();
    }
    Ok(this(coll))
}

// ---------------------------------------------------------------------------------------------
// Copies

fn copy(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".copy()", 0, 2)?;
    if wants_shared_copy(args.get(0)) {
        return Err(shared_copy_unsupported(".copy()"));
    }
    ops::deep_copy(&this(coll)).map_err(RtError::generic)
}

fn slice(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".slice()", 0, 2)?;
    let start = opt_int(args, 0, ".slice()")?.unwrap_or(0);
    let end = opt_int(args, 1, ".slice()")?;
    let items = coll.borrow();
    let len = items.len();
    let start = norm_index(start, len);
    let end = end.map_or(len, |e| norm_index(e, len));
    let out = if end > start { items[start..end].to_vec() } else { Vec::new() };
    Ok(new_coll(out))
}

fn concat(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let mut out = coll.to_vec();
    for v in &args.values {
        match collection_items(v) {
            Some(items) => {
                check_len(".concat()", out.len(), items.len())?;
                out.extend(items)
            }
            None => out.push(v.clone().for_storage()),
        }
    }
    Ok(new_coll(out))
}

fn reverse(_: &mut dyn Host, coll: &CollRef, _: &mut Args) -> Result<Value, RtError> {
    let copy = ops::deep_copy(&this(coll)).map_err(RtError::generic)?;
    if let Value::Collection(c) = &copy {
        c.borrow_mut().reverse();
    }
    Ok(copy)
}

fn flatten_into(
    out: &mut Vec<Value>,
    items: Vec<Value>,
    depth: i64,
    level: usize,
) -> Result<(), RtError> {
    if level > MAX_DEPTH {
        return Err(RtError::generic(
            ".flat(): collections nested too deep (does one contain itself?)",
        ));
    }
    for v in items {
        match collection_items(&v) {
            Some(sub) if depth > 0 => flatten_into(out, sub, depth - 1, level + 1)?,
            _ => out.push(v),
        }
    }
    Ok(())
}

fn flat(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".flat()", 0, 1)?;
    let depth = opt_int(args, 0, ".flat()")?.unwrap_or(1);
    let mut out = Vec::new();
    flatten_into(&mut out, coll.to_vec(), depth, 0)?;
    Ok(new_coll(out))
}

// ---------------------------------------------------------------------------------------------
// Searching

/// The `startFrom` argument (second) of `.indexOf()`/`.includes()`; 0 when absent.
fn index_from(args: &Args, name: &str) -> Result<i64, RtError> {
    Ok(opt_int(args, 1, name)?.unwrap_or(0))
}

/// Index of the first element `= v` from `from` (negative: from `len + from`), or -1.
fn find_equal(items: &[Value], v: &Value, from: i64) -> i64 {
    let len = items.len() as i64;
    if from >= len {
        return -1;
    }
    let start = norm_index(from, items.len());
    items[start..].iter().position(|e| values_equal(e, v)).map_or(-1, |p| (p + start) as i64)
}

fn index_of(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".indexOf()", 1, 2)?;
    let from = index_from(args, ".indexOf()")?;
    Ok(Value::Int(find_equal(&coll.to_vec(), &args.value(0), from) as i32))
}

fn includes(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".includes()", 1, 2)?;
    let from = index_from(args, ".includes()")?;
    Ok(Value::Bool(find_equal(&coll.to_vec(), &args.value(0), from) >= 0))
}

fn last_index_of(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".lastIndexOf()", 1, 2)?;
    let items = coll.to_vec();
    let len = items.len() as i64;
    let from = match opt_int(args, 1, ".lastIndexOf()")? {
        None => len - 1,
        // As documented: 0 means "not searched".
        Some(0) => return Ok(Value::Int(-1)),
        Some(f) if f < 0 => f + len,
        Some(f) => f.min(len - 1),
    };
    if from < 0 {
        return Ok(Value::Int(-1));
    }
    let v = args.value(0);
    let found = (0..=from as usize).rev().find(|&i| values_equal(&items[i], &v));
    Ok(Value::Int(found.map_or(-1, |i| i as i32)))
}

fn count_values(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".countValues()", 1, 2)?;
    let path = opt_path(args, 1, ".countValues()")?;
    let v = args.value(0);
    let n = values_at(coll, path.as_deref()).iter().filter(|e| values_equal(e, &v)).count();
    Ok(Value::Real(n as f64))
}

fn first(_: &mut dyn Host, coll: &CollRef, _: &mut Args) -> Result<Value, RtError> {
    Ok(coll.borrow().first().cloned().unwrap_or(Value::Undefined))
}

fn last(_: &mut dyn Host, coll: &CollRef, _: &mut Args) -> Result<Value, RtError> {
    Ok(coll.borrow().last().cloned().unwrap_or(Value::Undefined))
}

fn at(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".at()", 1, 1)?;
    let i = int(args, 0, ".at()")?;
    let items = coll.borrow();
    let i = if i < 0 { i + items.len() as i64 } else { i };
    Ok(usize::try_from(i).ok().and_then(|i| items.get(i).cloned()).unwrap_or(Value::Undefined))
}

// ---------------------------------------------------------------------------------------------
// Text and statistics

/// An element as `.join()` writes it: texts as they are, numbers as `String` shows them, null as
/// `null`, booleans `true`/`false`, dates `YYYY-MM-DD`, objects and collections as JSON.
fn join_text(v: &Value) -> String {
    match v {
        Value::Text(t) => t.to_string(),
        Value::Undefined | Value::Null => "null".to_string(),
        Value::Int(i) => i.to_string(),
        Value::Real(r) => format_real(*r),
        Value::Time(t) => t.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => d.iso(),
        other => json::stringify(other, false).unwrap_or_default(),
    }
}

fn join(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".join()", 1, 2)?;
    let sep = args.text(0, ".join()")?;
    let skip_empty = opt_flags(args, 1, ".join()")? & ck::CK_IGNORE_NULL_OR_EMPTY != 0;
    let parts: Vec<String> = coll
        .to_vec()
        .iter()
        .filter(|v| !(skip_empty && (v.is_nullish() || v.as_str() == Some(""))))
        .map(join_text)
        .collect();
    let total =
        parts.iter().fold(sep.len().saturating_mul(parts.len()), |n, p| n.saturating_add(p.len()));
    if total > crate::runtime::value::MAX_TEXT_BYTES {
        return Err(RtError::new(ErrorKind::LimitExceeded, ".join(): text longer than 1 GiB"));
    }
    Ok(Value::text(parts.join(&sep)))
}

fn numbers(coll: &CollRef, args: &Args, name: &str) -> Result<Vec<f64>, RtError> {
    args.expect_count(name, 0, 1)?;
    let path = opt_path(args, 0, name)?;
    Ok(values_at(coll, path.as_deref()).iter().filter_map(Value::as_number).collect())
}

fn sum(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    Ok(Value::Real(numbers(coll, args, ".sum()")?.iter().sum()))
}

fn average(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let nums = numbers(coll, args, ".average()")?;
    if nums.is_empty() {
        return Ok(Value::Undefined);
    }
    Ok(Value::Real(nums.iter().sum::<f64>() / nums.len() as f64))
}

/// The smallest (`want = Less`) or largest value in sort order, ignoring null and undefined.
fn extreme(coll: &CollRef, args: &Args, name: &str, want: Ordering) -> Result<Value, RtError> {
    args.expect_count(name, 0, 1)?;
    let path = opt_path(args, 0, name)?;
    let mut best: Option<Value> = None;
    for v in values_at(coll, path.as_deref()) {
        if v.is_nullish() {
            continue;
        }
        let better = match &best {
            None => true,
            // For max, a later equal value wins (the last of an ascending sort).
            Some(b) => {
                let o = sort_compare(&v, b);
                o == want || (want == Ordering::Greater && o == Ordering::Equal)
            }
        };
        if better {
            best = Some(v);
        }
    }
    Ok(best.unwrap_or(Value::Undefined))
}

fn min(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    extreme(coll, args, ".min()", Ordering::Less)
}

fn max(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    extreme(coll, args, ".max()", Ordering::Greater)
}

fn count(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".count()", 0, 1)?;
    let path = opt_path(args, 0, ".count()")?;
    let n = values_at(coll, path.as_deref()).iter().filter(|v| !v.is_nullish()).count();
    Ok(Value::Real(n as f64))
}

/// Same value for `.distinct()`: scalars by value (texts by collation unless `diacritical`),
/// objects and collections by reference.
fn same_for_distinct(a: &Value, b: &Value, diacritical: bool) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => {
            if diacritical {
                x == y
            } else {
                text::equals(x, y)
            }
        }
        (Value::Int(_) | Value::Real(_), Value::Int(_) | Value::Real(_)) => {
            a.as_number() == b.as_number()
        }
        _ => values_equal(a, b),
    }
}

fn distinct(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".distinct()", 0, 2)?;
    let (path, flags) = match args.get(0) {
        Some(Value::Text(_)) => {
            (opt_path(args, 0, ".distinct()")?, opt_flags(args, 1, ".distinct()")?)
        }
        _ => (None, opt_flags(args, 0, ".distinct()")?),
    };
    let diacritical = flags & ck::CK_DIACRITICAL != 0;
    let mut values: Vec<Value> =
        values_at(coll, path.as_deref()).into_iter().filter(|v| !v.is_nullish()).collect();
    values.sort_by(sort_compare);
    // Values the sort order calls equal are adjacent; inside such a run, keep one of each
    // distinct value (first occurrence first).
    let mut out: Vec<(Value, usize)> = Vec::new();
    let mut run_start = 0;
    for v in values {
        let same_run =
            out.last().is_some_and(|(last, _)| sort_compare(last, &v) == Ordering::Equal);
        if !same_run {
            run_start = out.len();
        }
        match out[run_start..].iter_mut().find(|(kept, _)| same_for_distinct(kept, &v, diacritical))
        {
            Some((_, n)) => *n += 1,
            None => out.push((v, 1)),
        }
    }
    let items = if flags & ck::CK_COUNT_VALUES != 0 {
        out.into_iter()
            .map(|(v, n)| {
                let o = ObjRef::new();
                o.set_str("value", v);
                o.set_str("count", Value::Real(n as f64));
                Value::Object(o)
            })
            .collect()
    } else {
        out.into_iter().map(|(v, _)| v).collect()
    };
    Ok(new_coll(items))
}

fn equal(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count(".equal()", 1, 2)?;
    let diacritical = opt_flags(args, 1, ".equal()")? & ck::CK_DIACRITICAL != 0;
    let other = args.value(0);
    if collection_items(&other).is_none() {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(ops::deep_equal(&this(coll), &other, diacritical)))
}

fn extract(_: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    if args.is_empty() {
        return Err(RtError::new(ErrorKind::WrongArgCount, ".extract() expects a property path"));
    }
    let items = coll.to_vec();
    if args.len() <= 2 && !matches!(args.get(1), Some(Value::Text(_))) {
        let path = args.text(0, ".extract()")?;
        let keep_null = opt_flags(args, 1, ".extract()")? & ck::CK_KEEP_NULL != 0;
        let mut out = Vec::new();
        for v in &items {
            let x = get_path(v, &path);
            if !x.is_nullish() {
                out.push(x);
            } else if keep_null {
                out.push(Value::Null);
            }
        }
        return Ok(new_coll(out));
    }
    let mut pairs = Vec::new();
    for i in (0..args.len()).step_by(2) {
        let path = args.text(i, ".extract()")?;
        let target =
            if i + 1 < args.len() { args.text(i + 1, ".extract()")? } else { path.clone() };
        pairs.push((path, target));
    }
    let mut out = Vec::new();
    for v in &items {
        if !matches!(v, Value::Object(_) | Value::SharedObject(_)) {
            continue;
        }
        let o = ObjRef::new();
        for (path, target) in &pairs {
            let x = get_path(v, path);
            if !x.is_undefined() {
                o.set_str(target, x);
            }
        }
        out.push(Value::Object(o));
    }
    Ok(new_coll(out))
}

// ---------------------------------------------------------------------------------------------
// Callback-driven functions

fn map(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let cb = Callback::from_args(args, 0, "map")?;
    let mut out = Vec::new();
    for v in coll.to_vec() {
        let p = param(&v);
        out.push(cb.call(host, &p)?.for_storage());
        if stopped(&p) {
            break;
        }
    }
    Ok(new_coll(out))
}

fn flat_map(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let mapped = map(host, coll, args)?;
    let mut out = Vec::new();
    flatten_into(&mut out, collection_items(&mapped).unwrap_or_default(), 1, 0)?;
    Ok(new_coll(out))
}

fn filter(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let cb = Callback::from_args(args, 0, "filter")?;
    let mut out = Vec::new();
    for v in coll.to_vec() {
        let p = param(&v);
        if is_true(&cb.call(host, &p)?) {
            out.push(v);
        }
        if stopped(&p) {
            break;
        }
    }
    Ok(new_coll(out))
}

/// Index of the first element the callback accepts, from `start`.
fn search(
    host: &mut dyn Host,
    items: &[Value],
    start: Option<i64>,
    cb: &Callback,
) -> Result<Option<usize>, RtError> {
    let start = match start {
        Some(s) if s >= items.len() as i64 => return Ok(None),
        Some(s) => norm_index(s, items.len()),
        None => 0,
    };
    for (i, v) in items.iter().enumerate().skip(start) {
        let p = param(v);
        if is_true(&cb.call(host, &p)?) {
            return Ok(Some(i));
        }
        if stopped(&p) {
            break;
        }
    }
    Ok(None)
}

fn find(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let (start, cb) = start_and_callback(args, "find")?;
    let items = coll.to_vec();
    Ok(search(host, &items, start, &cb)?.map_or(Value::Undefined, |i| items[i].clone()))
}

fn find_index(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let (start, cb) = start_and_callback(args, "findIndex")?;
    let items = coll.to_vec();
    Ok(Value::Int(search(host, &items, start, &cb)?.map_or(-1, |i| i as i32)))
}

/// `.every()` (`all = true`) and `.some()` (`all = false`).
fn test_all(host: &mut dyn Host, coll: &CollRef, args: &Args, all: bool) -> Result<Value, RtError> {
    let (start, cb) = start_and_callback(args, if all { "every" } else { "some" })?;
    let items = coll.to_vec();
    let start = match start {
        Some(s) if s >= items.len() as i64 => return Ok(Value::Bool(false)),
        Some(s) => norm_index(s, items.len()),
        None => 0,
    };
    for v in items.iter().skip(start) {
        let p = param(v);
        let ok = is_true(&cb.call(host, &p)?);
        if ok != all || stopped(&p) {
            return Ok(Value::Bool(ok));
        }
    }
    Ok(Value::Bool(all))
}

fn every(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    test_all(host, coll, args, true)
}

fn some(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    test_all(host, coll, args, false)
}

fn reduce_items(
    host: &mut dyn Host,
    items: Vec<Value>,
    args: &Args,
    name: &str,
) -> Result<Value, RtError> {
    let cb = Callback::with_extra(args, 0, 2, name)?;
    let mut acc = args.get(1).cloned().unwrap_or(Value::Undefined).for_storage();
    for v in items {
        let p = param(&v);
        p.set_str("accumulator", acc.clone());
        let mut a = Vec::with_capacity(1 + cb.extra.len());
        a.push(Value::Object(p.clone()));
        a.extend(cb.extra.iter().cloned());
        let r = host.call(&cb.f, a)?;
        acc = if r.is_undefined() { p.get_str("accumulator") } else { r.for_storage() };
        if stopped(&p) {
            break;
        }
    }
    Ok(acc)
}

fn reduce(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    reduce_items(host, coll.to_vec(), args, "reduce")
}

fn reduce_right(host: &mut dyn Host, coll: &CollRef, args: &mut Args) -> Result<Value, RtError> {
    let mut items = coll.to_vec();
    items.reverse();
    reduce_items(host, items, args, "reduceRight")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::value::Function;
    use std::collections::HashMap;
    use std::rc::Rc;

    #[test]
    fn sort_reals_matches_sort_compare() {
        let mut x: u64 = 42;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            x >> 33
        };
        let specials = [0.0, -0.0, f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.5];
        for round in 0..40 {
            let n = (next() % 200) as usize;
            let items: Vec<Value> = (0..n)
                .map(|_| {
                    let r = next();
                    if round % 2 == 1 && r % 7 == 0 {
                        Value::Real(specials[(r / 7) as usize % specials.len()])
                    } else {
                        Value::Real((r % 50) as f64 - 25.0 + if r % 3 == 0 { 0.25 } else { 0.0 })
                    }
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by(sort_compare);
            let mut got = items;
            assert!(sort_reals(&mut got));
            let bits = |v: &[Value]| -> Vec<u64> {
                v.iter().map(|v| v.as_number().map_or(0, f64::to_bits)).collect()
            };
            assert_eq!(bits(&got), bits(&expected));
        }
        assert!(!sort_reals(&mut [Value::Real(1.0), Value::Int(1)]));
    }

    type TestCode = dyn Fn(&[Value]) -> Result<Value, RtError>;
    struct TestFn(Box<TestCode>);

    /// A Formula whose body is a Rust closure over the call's arguments.
    fn formula(f: impl Fn(&[Value]) -> Result<Value, RtError> + 'static) -> Value {
        Value::Function(Rc::new(Function {
            source: Rc::from("test formula"),
            code: Rc::new(TestFn(Box::new(f))),
        }))
    }

    #[derive(Default)]
    struct TestHost {
        methods: HashMap<String, Value>,
        calls: usize,
    }

    impl Host for TestHost {
        fn call(&mut self, function: &Value, args: Vec<Value>) -> Result<Value, RtError> {
            self.calls += 1;
            let f = match function {
                Value::Text(name) => self
                    .methods
                    .get(name.as_str())
                    .cloned()
                    .ok_or_else(|| RtError::generic("no method"))?,
                other => other.clone(),
            };
            let Value::Function(func) = f else {
                return Err(RtError::generic("not a function"));
            };
            let Some(code) = func.code.downcast_ref::<TestFn>() else {
                return Err(RtError::generic("bad code"));
            };
            (code.0)(&args)
        }
        fn write_stdout(&mut self, _: &str) {}
        fn write_stderr(&mut self, _: &str) {}
    }

    /// `$1.<name>`
    fn p1(args: &[Value], name: &str) -> Value {
        match args.first() {
            Some(Value::Object(o)) => o.get_str(name),
            _ => Value::Undefined,
        }
    }

    fn num(v: &Value) -> f64 {
        v.as_number().unwrap_or(f64::NAN)
    }

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    fn c(items: Vec<Value>) -> CollRef {
        let c = CollRef::new();
        for v in items {
            c.push(v);
        }
        c
    }

    fn nums(ns: &[f64]) -> CollRef {
        c(ns.iter().map(|n| Value::Real(*n)).collect())
    }

    fn call(host: &mut TestHost, coll: &CollRef, name: &str, values: Vec<Value>) -> Value {
        call_member(host, coll, name, &mut Args::new(values))
            .expect("known member")
            .expect("no error")
    }

    fn js(v: &Value) -> String {
        json::stringify(v, false).unwrap()
    }

    #[test]
    fn unknown_member_is_none() {
        assert!(call_member(
            &mut TestHost::default(),
            &CollRef::new(),
            "nope",
            &mut Args::new(vec![])
        )
        .is_none());
        assert!(call_member(
            &mut TestHost::default(),
            &CollRef::new(),
            "Push",
            &mut Args::new(vec![])
        )
        .is_none());
    }

    #[test]
    fn check_22_assign_past_end() {
        let col = c(vec![t("a"), t("b"), t("c")]);
        col.set(9, t("z"));
        assert_eq!(col.len(), 10);
        assert_eq!(js(&this(&col)), r#"["a","b","c",null,null,null,null,null,null,"z"]"#);
    }

    #[test]
    fn check_23_slice() {
        let h = &mut TestHost::default();
        let col = nums(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(js(&call(h, &col, "slice", vec![Value::Int(1), Value::Int(-1)])), "[2,3,4]");
        assert_eq!(js(&call(h, &col, "slice", vec![Value::Int(0), Value::Int(3)])), "[1,2,3]");
        assert_eq!(js(&call(h, &col, "slice", vec![Value::Int(3)])), "[4,5]");
        assert_eq!(js(&call(h, &col, "slice", vec![Value::Int(-3), Value::Int(-2)])), "[3]");
        assert_eq!(js(&call(h, &col, "slice", vec![Value::Int(4), Value::Int(2)])), "[]");
    }

    #[test]
    fn check_24_average_sum() {
        let h = &mut TestHost::default();
        let col =
            c(vec![Value::Int(10), Value::Int(20), t("Monday"), Value::Bool(true), Value::Int(6)]);
        assert_eq!(num(&call(h, &col, "average", vec![])), 12.0);
        let col =
            c(vec![Value::Int(10), Value::Int(20), t("Monday"), Value::Bool(true), Value::Int(2)]);
        assert_eq!(num(&call(h, &col, "sum", vec![])), 32.0);
        assert!(call(h, &CollRef::new(), "average", vec![]).is_undefined());
        assert_eq!(num(&call(h, &CollRef::new(), "sum", vec![])), 0.0);
        let people = c(vec![]);
        for (n, s) in [("Smith", 10000.0), ("Wesson", 50000.0), ("Gross", 10500.0)] {
            let o = ObjRef::new();
            o.set_str("name", t(n));
            o.set_str("salary", Value::Real(s));
            people.push(Value::Object(o));
        }
        assert_eq!(num(&call(h, &people, "average", vec![t("salary")])), 23500.0);
        assert_eq!(num(&call(h, &people, "sum", vec![t("salary")])), 70500.0);
        assert_eq!(num(&call(h, &people, "max", vec![t("salary")])), 50000.0);
        assert_eq!(call(h, &people, "max", vec![t("name")]).as_str(), Some("Wesson"));
        assert_eq!(call(h, &people, "min", vec![t("name")]).as_str(), Some("Gross"));
        assert_eq!(num(&call(h, &people, "count", vec![t("name")])), 3.0);
    }

    #[test]
    fn check_25_join() {
        let h = &mut TestHost::default();
        let col = c(vec![
            Value::Int(1),
            Value::Int(2),
            Value::Int(3),
            t("Paris"),
            Value::Null,
            t(""),
            Value::Int(4),
            Value::Int(5),
        ]);
        assert_eq!(call(h, &col, "join", vec![t("|")]).as_str(), Some("1|2|3|Paris|null||4|5"));
        assert_eq!(
            call(h, &col, "join", vec![t("|"), Value::Int(ck::CK_IGNORE_NULL_OR_EMPTY)]).as_str(),
            Some("1|2|3|Paris|4|5")
        );
    }

    #[test]
    fn check_26_push_sort_chain() {
        let h = &mut TestHost::default();
        let col = nums(&[5.0, 20.0]);
        let r = call(h, &col, "push", vec![Value::Int(10), Value::Int(100)]);
        let Value::Collection(r) = r else { panic!() };
        assert!(r.ptr_eq(&col));
        let sorted = call(h, &r, "sort", vec![]);
        assert_eq!(js(&sorted), "[5,10,20,100]");
        assert_eq!(js(&this(&col)), "[5,10,20,100]");
    }

    #[test]
    fn check_27_reverse_is_a_deep_copy() {
        let h = &mut TestHost::default();
        let col = nums(&[1.0, 3.0, 5.0, 2.0, 4.0, 6.0]);
        let inner = ObjRef::new();
        let col2 = c(vec![Value::Object(inner.clone())]);
        assert_eq!(js(&call(h, &col, "reverse", vec![])), "[6,4,2,5,3,1]");
        assert_eq!(js(&this(&col)), "[1,3,5,2,4,6]");
        let r = call(h, &col2, "reverse", vec![]);
        assert_ne!(collection_items(&r).unwrap()[0].ref_addr(), Some(inner.addr()));
    }

    #[test]
    fn check_28_insert() {
        let h = &mut TestHost::default();
        let col = c(vec![t("a"), t("b"), t("c"), t("d")]);
        call(h, &col, "insert", vec![Value::Int(2), t("X")]);
        call(h, &col, "insert", vec![Value::Int(-2), t("Y")]);
        assert_eq!(js(&this(&col)), r#"["a","b","X","Y","c","d"]"#);
        call(h, &col, "insert", vec![Value::Int(-10), t("Hi")]);
        call(h, &col, "insert", vec![Value::Int(100), t("End")]);
        assert_eq!(js(&this(&col)), r#"["Hi","a","b","X","Y","c","d","End"]"#);
    }

    #[test]
    fn check_29_index_of() {
        let h = &mut TestHost::default();
        let col = c(vec![
            Value::Int(1),
            Value::Int(2),
            t("Henry"),
            Value::Int(5),
            Value::Int(3),
            t("Albert"),
            Value::Int(6),
            Value::Int(4),
            t("Alan"),
            Value::Int(5),
        ]);
        assert!(matches!(call(h, &col, "indexOf", vec![Value::Int(3)]), Value::Int(4)));
        assert!(matches!(
            call(h, &col, "indexOf", vec![Value::Int(5), Value::Int(5)]),
            Value::Int(9)
        ));
        assert!(matches!(call(h, &col, "indexOf", vec![t("Hello")]), Value::Int(-1)));
        assert!(matches!(
            call(h, &col, "includes", vec![Value::Int(5), Value::Int(6)]),
            Value::Bool(true)
        ));
        if text::equals_wildcard("Albert", "al@") {
            // needs the Unicode text module's wildcards
            assert!(matches!(call(h, &col, "indexOf", vec![t("al@")]), Value::Int(5)));
            assert!(matches!(call(h, &col, "includes", vec![t("al@")]), Value::Bool(true)));
        }
        let o = ObjRef::new();
        col.push(Value::Object(o.clone()));
        assert!(matches!(call(h, &col, "includes", vec![Value::Object(o)]), Value::Bool(true)));
        assert!(matches!(
            call(h, &col, "includes", vec![Value::Object(ObjRef::new())]),
            Value::Bool(false)
        ));
    }

    #[test]
    fn last_index_of_as_documented() {
        let h = &mut TestHost::default();
        let col = c("a,b,c,d,e,f,g,h,i,j,e,k,e".split(',').map(t).collect());
        let li = |h: &mut TestHost, args: Vec<Value>| match call(h, &col, "lastIndexOf", args) {
            Value::Int(i) => i,
            _ => -99,
        };
        assert_eq!(li(h, vec![t("e")]), 12);
        assert_eq!(li(h, vec![t("e"), Value::Int(6)]), 4);
        assert_eq!(li(h, vec![t("e"), Value::Int(15)]), 12);
        assert_eq!(li(h, vec![t("e"), Value::Int(-2)]), 10);
        assert_eq!(li(h, vec![t("x")]), -1);
    }

    #[test]
    fn mutators() {
        let h = &mut TestHost::default();
        let col = c("a,b,c,d,e,f,g,h".split(',').map(t).collect());
        call(h, &col, "remove", vec![Value::Int(3)]);
        call(h, &col, "remove", vec![Value::Int(3), Value::Int(2)]);
        assert_eq!(js(&this(&col)), r#"["a","b","c","g","h"]"#);
        call(h, &col, "remove", vec![Value::Int(-8), Value::Int(1)]);
        call(h, &col, "remove", vec![Value::Int(-3), Value::Int(1)]);
        assert_eq!(js(&this(&col)), r#"["b","g","h"]"#);
        call(h, &CollRef::new(), "remove", vec![Value::Int(0)]);

        let s = nums(&[1.0, 2.0]);
        call(h, &s, "unshift", vec![Value::Int(4)]);
        call(h, &s, "unshift", vec![Value::Int(6), Value::Int(7)]);
        assert_eq!(js(&this(&s)), "[6,7,4,1,2]");
        assert_eq!(num(&call(h, &s, "pop", vec![])), 2.0);
        assert_eq!(num(&call(h, &s, "shift", vec![])), 6.0);
        assert!(call(h, &CollRef::new(), "pop", vec![]).is_undefined());
        assert!(call(h, &CollRef::new(), "shift", vec![]).is_undefined());

        let cc = nums(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let fruits = c(vec![t("Orange"), t("Banana")]);
        call(h, &cc, "combine", vec![this(&fruits), Value::Int(3)]);
        assert_eq!(js(&this(&cc)), r#"[1,2,3,"Orange","Banana",4,5,6]"#);

        let f = c(vec![
            Value::Int(1),
            Value::Int(2),
            Value::Int(3),
            t("Lemon"),
            Value::Null,
            t(""),
            Value::Int(4),
            Value::Int(5),
        ]);
        call(h, &f, "fill", vec![t("2")]);
        call(h, &f, "fill", vec![t("Hello"), Value::Int(5)]);
        call(h, &f, "fill", vec![Value::Int(0), Value::Int(1), Value::Int(5)]);
        call(h, &f, "fill", vec![t("world"), Value::Int(1), Value::Int(-5)]);
        assert_eq!(js(&this(&f)), r#"["2","world","world",0,0,"Hello","Hello","Hello"]"#);

        let r = CollRef::new();
        call(h, &r, "resize", vec![Value::Int(3)]);
        assert_eq!(js(&this(&r)), "[null,null,null]");
        call(h, &r, "resize", vec![Value::Int(5), Value::Int(0)]);
        assert_eq!(js(&this(&r)), "[null,null,null,0,0]");
        call(h, &r, "resize", vec![Value::Int(1)]);
        assert_eq!(js(&this(&r)), "[null]");
        call(h, &r, "clear", vec![]);
        assert!(r.is_empty());
    }

    #[test]
    fn accessors_and_copies() {
        let h = &mut TestHost::default();
        let col = nums(&[10.0, 20.0, 30.0, 40.0, 50.0]);
        assert_eq!(num(&call(h, &col, "at", vec![Value::Int(-2)])), 40.0);
        assert!(call(h, &col, "at", vec![Value::Int(10)]).is_undefined());
        assert_eq!(num(&call(h, &col, "first", vec![])), 10.0);
        assert_eq!(num(&call(h, &col, "last", vec![])), 50.0);
        assert!(call(h, &CollRef::new(), "first", vec![]).is_undefined());

        let cat =
            call(h, &nums(&[1.0, 2.0]), "concat", vec![this(&c(vec![t("x")])), Value::Int(3)]);
        assert_eq!(js(&cat), r#"[1,2,"x",3]"#);

        let inner = nums(&[1.0]);
        let outer = c(vec![this(&inner)]);
        let copy = call(h, &outer, "copy", vec![]);
        assert_ne!(collection_items(&copy).unwrap()[0].ref_addr(), Some(inner.addr()));
        assert!(call_member(h, &outer, "copy", &mut Args::new(vec![Value::Int(ck::CK_SHARED)]))
            .unwrap()
            .is_err());

        let nested = c(vec![Value::Int(1), this(&c(vec![Value::Int(2), this(&nums(&[3.0]))]))]);
        assert_eq!(js(&call(h, &nested, "flat", vec![])), "[1,2,[3]]");
        assert_eq!(js(&call(h, &nested, "flat", vec![Value::Int(i32::MAX)])), "[1,2,3]");
    }

    #[test]
    fn sort_default_order_and_callback() {
        let h = &mut TestHost::default();
        let col = c(vec![
            t("Tom"),
            Value::Int(5),
            t("Mary"),
            Value::Int(3),
            t("Henry"),
            Value::Int(1),
            Value::Null,
            Value::Bool(true),
        ]);
        call(h, &col, "sort", vec![]);
        assert_eq!(js(&this(&col)), r#"[null,true,"Henry","Mary","Tom",1,3,5]"#);

        let col = nums(&[33.0, 4.0, 66.0, 1111.0, 222.0]);
        let by_text = formula(|a| {
            let (x, y) = (p1(a, "value"), p1(a, "value2"));
            Ok(Value::Bool(format_real(num(&x)) < format_real(num(&y))))
        });
        call(h, &col, "sort", vec![by_text]);
        assert_eq!(js(&this(&col)), "[1111,222,33,4,66]");

        // Method-name callback that sets $1.result and returns nothing; extra parameter in $2.
        h.methods.insert(
            "desc".into(),
            formula(|a| {
                let Some(Value::Object(p)) = a.first() else {
                    return Err(RtError::generic("no $1"));
                };
                let dir = num(&a[1]);
                p.set_str(
                    "result",
                    Value::Bool((num(&p.get_str("value")) - num(&p.get_str("value2"))) * dir > 0.0),
                );
                Ok(Value::Undefined)
            }),
        );
        let col = nums(&[3.0, 1.0, 2.0]);
        call(h, &col, "sort", vec![t("desc"), Value::Int(1)]);
        assert_eq!(js(&this(&col)), "[3,2,1]");
        let ordered = call(h, &col, "orderByMethod", vec![t("desc"), Value::Int(-1)]);
        assert_eq!(js(&ordered), "[1,2,3]");
        assert_eq!(js(&this(&col)), "[3,2,1]");
    }

    #[test]
    fn order_by_criteria() {
        let h = &mut TestHost::default();
        let col = CollRef::new();
        for (id, v) in [(1.0, 5.0), (2.0, 7.0), (3.0, 5.0)] {
            let o = ObjRef::new();
            o.set_str("id", Value::Real(id));
            o.set_str("value", Value::Real(v));
            col.push(Value::Object(o));
        }
        let ids =
            |v: &Value| js(&call(&mut TestHost::default(), &as_coll(v), "extract", vec![t("id")]));
        assert_eq!(ids(&call(h, &col, "orderBy", vec![t("value desc, id asc")])), "[2,1,3]");
        assert_eq!(ids(&call(h, &col, "orderBy", vec![t("value, id desc")])), "[3,1,2]");
        let crit = CollRef::new();
        let o = ObjRef::new();
        o.set_str("propertyPath", t("id"));
        o.set_str("descending", Value::Bool(true));
        crit.push(Value::Object(o));
        assert_eq!(ids(&call(h, &col, "orderBy", vec![this(&crit)])), "[3,2,1]");
        let n = nums(&[3.0, 1.0, 2.0]);
        assert_eq!(js(&call(h, &n, "orderBy", vec![Value::Int(ck::CK_DESCENDING)])), "[3,2,1]");
        assert_eq!(js(&call(h, &n, "orderBy", vec![])), "[1,2,3]");
        assert_eq!(js(&this(&n)), "[3,1,2]");
    }

    fn as_coll(v: &Value) -> CollRef {
        match v {
            Value::Collection(c) => c.clone(),
            _ => CollRef::new(),
        }
    }

    #[test]
    fn distinct_and_equal() {
        let h = &mut TestHost::default();
        let col = c("a,b,c,A,B,c,b,b".split(',').map(t).collect());
        let s1 = ObjRef::new();
        s1.set_str("size", Value::Int(1));
        let s3 = ObjRef::new();
        s3.set_str("size", Value::Int(3));
        let s1b = ObjRef::new();
        s1b.set_str("size", Value::Int(1));
        for o in [&s1, &s3, &s1b] {
            col.push(Value::Object(o.clone()));
        }
        assert_eq!(
            js(&call(h, &col, "distinct", vec![])),
            r#"["a","b","c",{"size":1},{"size":3},{"size":1}]"#
        );
        assert_eq!(
            js(&call(h, &col, "distinct", vec![Value::Int(ck::CK_DIACRITICAL)])),
            r#"["a","A","b","B","c",{"size":1},{"size":3},{"size":1}]"#
        );
        assert_eq!(js(&call(h, &col, "distinct", vec![t("size")])), "[1,3]");
        assert_eq!(
            js(&call(h, &col, "distinct", vec![t("size"), Value::Int(ck::CK_COUNT_VALUES)])),
            r#"[{"value":1,"count":2},{"value":3,"count":1}]"#
        );

        let mk = |b: &str| {
            let o = ObjRef::new();
            o.set_str("a", Value::Int(1));
            o.set_str("b", t(b));
            c(vec![Value::Object(o), Value::Int(2), Value::Int(3)])
        };
        let (x, y) = (mk("orange"), mk("ORange"));
        assert!(matches!(call(h, &x, "equal", vec![this(&y)]), Value::Bool(true)));
        assert!(matches!(
            call(h, &x, "equal", vec![this(&y), Value::Int(ck::CK_DIACRITICAL)]),
            Value::Bool(false)
        ));
        y.push(Value::Int(4));
        assert!(matches!(call(h, &x, "equal", vec![this(&y)]), Value::Bool(false)));
    }

    #[test]
    fn map_filter_find_every_some() {
        let h = &mut TestHost::default();
        let col = nums(&[1.0, 4.0, 9.0, 10.0, 20.0]);
        let pct = formula(|a| {
            let v = num(&p1(a, "value"));
            let total = num(&a[1]);
            Ok(Value::Real(((v / total) * 10000.0).round() / 100.0))
        });
        let total = call(h, &col, "sum", vec![]);
        assert_eq!(js(&call(h, &col, "map", vec![pct, total])), "[2.27,9.09,20.45,22.73,45.45]");

        let words = c(vec![
            t("hello"),
            t("world"),
            t("red horse"),
            Value::Int(66),
            t("tim"),
            t("san jose"),
            t("miami"),
        ]);
        let short = formula(|a| {
            let v = p1(a, "value");
            Ok(Value::Bool(v.as_str().is_some_and(|s| (s.chars().count() as f64) < num(&a[1]))))
        });
        assert_eq!(
            js(&call(h, &words, "filter", vec![short.clone(), Value::Int(6)])),
            r#"["hello","world","tim","miami"]"#
        );
        assert_eq!(
            call(h, &words, "find", vec![short.clone(), Value::Int(5)]).as_str(),
            Some("tim")
        );
        assert!(matches!(
            call(h, &words, "findIndex", vec![short.clone(), Value::Int(5)]),
            Value::Int(4)
        ));
        assert!(matches!(
            call(h, &words, "findIndex", vec![Value::Int(5), short.clone(), Value::Int(6)]),
            Value::Int(6)
        ));
        assert!(call(h, &words, "find", vec![short, Value::Int(1)]).is_undefined());

        let positive = formula(|a| Ok(Value::Bool(num(&p1(a, "value")) > 0.0)));
        let col = nums(&[5.0, 3.0, 1.0, 4.0, 6.0, 2.0]);
        assert!(matches!(call(h, &col, "every", vec![positive.clone()]), Value::Bool(true)));
        col.push(Value::Int(-1));
        assert!(matches!(call(h, &col, "every", vec![positive.clone()]), Value::Bool(false)));
        let neg = nums(&[-5.0, -3.0]);
        assert!(matches!(call(h, &neg, "some", vec![positive.clone()]), Value::Bool(false)));
        let mixed = nums(&[1.0, -5.0, -3.0]);
        assert!(matches!(call(h, &mixed, "some", vec![positive.clone()]), Value::Bool(true)));
        assert!(matches!(
            call(h, &mixed, "some", vec![Value::Int(1), positive]),
            Value::Bool(false)
        ));

        // $1.stop ends the loop; the current result is kept.
        let stop_at_3 = formula(|a| {
            let Some(Value::Object(p)) = a.first() else {
                return Err(RtError::generic("no $1"));
            };
            let v = num(&p.get_str("value"));
            if v >= 3.0 {
                p.set_str("stop", Value::Bool(true));
            }
            Ok(Value::Real(v * 10.0))
        });
        assert_eq!(
            js(&call(h, &nums(&[1.0, 2.0, 3.0, 4.0]), "map", vec![stop_at_3])),
            "[10,20,30]"
        );

        let to_pair = formula(|a| {
            let v = num(&p1(a, "value"));
            Ok(this(&nums(&[v, v * 2.0])))
        });
        assert_eq!(js(&call(h, &nums(&[1.0, 2.0]), "flatMap", vec![to_pair])), "[1,2,2,4]");
    }

    #[test]
    fn reduce_with_accumulator() {
        let h = &mut TestHost::default();
        let col = nums(&[5.0, 3.0, 5.0, 1.0, 3.0, 4.0, 4.0, 6.0, 2.0, 2.0]);
        let product = formula(|a| {
            let Some(Value::Object(p)) = a.first() else {
                return Err(RtError::generic("no $1"));
            };
            let acc = num(&p.get_str("accumulator")) * num(&p.get_str("value"));
            p.set_str("accumulator", Value::Real(acc));
            Ok(Value::Undefined)
        });
        assert_eq!(num(&call(h, &col, "reduce", vec![product.clone(), Value::Int(1)])), 86400.0);
        assert_eq!(num(&call(h, &col, "reduceRight", vec![product, Value::Int(1)])), 86400.0);

        h.methods.insert(
            "Flatten".into(),
            formula(|a| {
                let Some(Value::Object(p)) = a.first() else {
                    return Err(RtError::generic("no $1"));
                };
                let acc = match p.get_str("accumulator") {
                    Value::Collection(c) => c,
                    _ => CollRef::new(),
                };
                for v in collection_items(&p.get_str("value")).unwrap_or_default() {
                    acc.push(v);
                }
                p.set_str("accumulator", Value::Collection(acc));
                Ok(Value::Undefined)
            }),
        );
        let pairs =
            c(vec![this(&nums(&[0.0, 1.0])), this(&nums(&[2.0, 3.0])), this(&nums(&[4.0, 5.0]))]);
        assert_eq!(js(&call(h, &pairs, "reduce", vec![t("Flatten")])), "[0,1,2,3,4,5]");
        assert_eq!(js(&call(h, &pairs, "reduceRight", vec![t("Flatten")])), "[4,5,2,3,0,1]");
    }

    #[test]
    fn callback_may_modify_the_collection() {
        // No borrow is held during callbacks: a callback pushing to the same collection works.
        let h = &mut TestHost::default();
        let col = nums(&[1.0, 2.0]);
        let col2 = col.clone();
        let pusher = formula(move |a| {
            col2.push(p1(a, "value"));
            Ok(Value::Bool(true))
        });
        call(h, &col, "filter", vec![pusher.clone()]);
        call(h, &col, "sort", vec![pusher]);
        assert!(col.len() > 2);
        assert!(call_member(h, &col, "map", &mut Args::new(vec![Value::Int(1)])).unwrap().is_err());
    }

    #[test]
    fn extract_and_count_values() {
        let h = &mut TestHost::default();
        let col = CollRef::new();
        let o1 = ObjRef::new();
        o1.set_str("name", t("Cleveland"));
        let o2 = ObjRef::new();
        o2.set_str("zip", Value::Int(5321));
        col.push(Value::Object(o1));
        col.push(Value::Object(o2));
        col.push(Value::Int(42));
        assert_eq!(js(&call(h, &col, "extract", vec![t("name")])), r#"["Cleveland"]"#);
        assert_eq!(
            js(&call(h, &col, "extract", vec![t("name"), Value::Int(ck::CK_KEEP_NULL)])),
            r#"["Cleveland",null,null]"#
        );
        assert_eq!(
            js(&call(h, &col, "extract", vec![t("name"), t("City")])),
            r#"[{"City":"Cleveland"},{}]"#
        );
        let n = nums(&[1.0, 2.0, 5.0, 5.0, 5.0, 3.0]);
        assert_eq!(num(&call(h, &n, "countValues", vec![Value::Int(5)])), 3.0);
        assert_eq!(
            num(&call(h, &c(vec![Value::Int(20), Value::Null, Value::Int(1)]), "count", vec![])),
            2.0
        );
    }
}

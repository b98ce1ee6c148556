//! The "Arrays" theme and the commands that move data between arrays, collections and objects.
//!
//! How array arguments reach a command: an argument naming an array variable (`$a`, `vArr`,
//! `<>arr`, `$ptr->`) evaluates to a [`Value::Array`] that shares the variable's array, so a
//! command changes it in place through [`ArrayRef::borrow_mut`]. A command that creates or
//! replaces the array (`ARRAY TEXT`, `COPY ARRAY`, `COLLECTION TO ARRAY`…) gives the new value
//! with [`Args::set_output`]; the interpreter stores it in the variable (whatever it held).

use std::cmp::Ordering;

use super::{Args, CommandFn, Host};
use crate::runtime::array::{compare_elements, element_matches, to_element, ArrayRef, ElementType};
use crate::runtime::{CollRef, ErrorKind, Key, ObjRef, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("ARRAY TEXT", array_text),
    ("ARRAY LONGINT", array_longint),
    ("ARRAY INTEGER", array_integer),
    ("ARRAY REAL", array_real),
    ("ARRAY BOOLEAN", array_boolean),
    ("ARRAY DATE", array_date),
    ("ARRAY TIME", array_time),
    ("ARRAY POINTER", array_pointer),
    ("ARRAY PICTURE", array_picture),
    ("ARRAY BLOB", array_blob),
    ("ARRAY OBJECT", array_object),
    ("Size of array", size_of_array),
    ("APPEND TO ARRAY", append_to_array),
    ("INSERT IN ARRAY", insert_in_array),
    ("DELETE FROM ARRAY", delete_from_array),
    ("Find in array", find_in_array),
    ("Find in sorted array", find_in_sorted_array),
    ("Count in array", count_in_array),
    ("SORT ARRAY", sort_array),
    ("MULTI SORT ARRAY", multi_sort_array),
    ("COPY ARRAY", copy_array),
    ("ARRAY TO COLLECTION", array_to_collection),
    ("COLLECTION TO ARRAY", collection_to_array),
    ("OB GET PROPERTY NAMES", ob_get_property_names),
    ("OB GET ARRAY", ob_get_array),
    ("OB SET ARRAY", ob_set_array),
];

fn not_an_array(name: &str, i: usize, v: &Value) -> RtError {
    RtError::new(
        ErrorKind::ArrayExpected,
        format!("{name}: argument {} must be an array, not {}", i + 1, v.kind_name()),
    )
}

/// Argument `i`, which must hold an array.
fn array_arg(args: &Args, i: usize, name: &str) -> Result<ArrayRef, RtError> {
    match args.get(i) {
        Some(Value::Array(a)) => Ok(a.clone()),
        Some(v) => Err(not_an_array(name, i, v)),
        None => Err(not_an_array(name, i, &Value::Undefined)),
    }
}

/// A count or position argument (rounded toward zero, as 4D converts to Longint).
fn int_arg(args: &Args, i: usize, name: &str) -> Result<i64, RtError> {
    Ok(args.num(i, name)? as i64)
}

// ----- declaring ---------------------------------------------------------------------------------

/// `ARRAY <type>(array; size {; size2})`: creates the array, or resizes it when the variable
/// already holds an array of that type and shape (existing elements and element 0 are kept).
fn declare(args: &mut Args, elem: ElementType, name: &str) -> Result<Value, RtError> {
    args.expect_count(name, 2, 3)?;
    let size = int_arg(args, 1, name)?.max(0) as usize;
    let cols = match args.len() {
        3 => Some(int_arg(args, 2, name)?.max(0) as usize),
        _ => None,
    };
    if let Some(Value::Array(a)) = args.get(0) {
        let same = {
            let data = a.borrow();
            data.elem == elem && data.two_d == cols.is_some()
        };
        if same {
            a.borrow_mut().resize(size, cols);
            return Ok(Value::Undefined);
        }
    }
    let new = match cols {
        Some(c) => ArrayRef::new_2d(elem, size, c),
        None => ArrayRef::new(elem, size),
    };
    args.set_output(0, Value::Array(new));
    Ok(Value::Undefined)
}

macro_rules! array_commands {
    ($($f:ident => $elem:ident, $name:literal;)*) => {
        $(fn $f(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
            declare(args, ElementType::$elem, $name)
        })*
    };
}

array_commands! {
    array_text => Text, "ARRAY TEXT";
    array_longint => Longint, "ARRAY LONGINT";
    array_integer => Integer, "ARRAY INTEGER";
    array_real => Real, "ARRAY REAL";
    array_boolean => Boolean, "ARRAY BOOLEAN";
    array_date => Date, "ARRAY DATE";
    array_time => Time, "ARRAY TIME";
    array_pointer => Pointer, "ARRAY POINTER";
    array_picture => Picture, "ARRAY PICTURE";
    array_blob => Blob, "ARRAY BLOB";
    array_object => Object, "ARRAY OBJECT";
}

// ----- size and elements -------------------------------------------------------------------------

fn size_of_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Size of array", 1, 1)?;
    let a = array_arg(args, 0, "Size of array")?;
    Ok(Value::Int(a.len() as i32))
}

/// Converts `v` for an array of `elem`, or fails naming the command.
fn element(elem: ElementType, v: Value, name: &str) -> Result<Value, RtError> {
    to_element(elem, v).map_err(|v| {
        RtError::type_mismatch(format!(
            "{name}: a {} cannot go in an array of type {}",
            v.kind_name(),
            elem.name()
        ))
    })
}

fn append_to_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("APPEND TO ARRAY", 2, 2)?;
    let a = array_arg(args, 0, "APPEND TO ARRAY")?;
    if a.is_2d() {
        return Err(RtError::type_mismatch(
            "APPEND TO ARRAY: a two-dimensional array takes rows with INSERT IN ARRAY",
        ));
    }
    let v = element(a.elem(), args.value(1), "APPEND TO ARRAY")?;
    a.borrow_mut().items.push(v);
    Ok(Value::Undefined)
}

fn insert_in_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("INSERT IN ARRAY", 2, 3)?;
    let a = array_arg(args, 0, "INSERT IN ARRAY")?;
    let at = int_arg(args, 1, "INSERT IN ARRAY")?;
    let count = if args.len() == 3 { int_arg(args, 2, "INSERT IN ARRAY")? } else { 1 };
    if at < 1 || count < 1 {
        return Ok(Value::Undefined);
    }
    a.borrow_mut().insert_default(at as usize, count as usize);
    Ok(Value::Undefined)
}

fn delete_from_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("DELETE FROM ARRAY", 2, 3)?;
    let a = array_arg(args, 0, "DELETE FROM ARRAY")?;
    let at = int_arg(args, 1, "DELETE FROM ARRAY")?;
    let count = if args.len() == 3 { int_arg(args, 2, "DELETE FROM ARRAY")? } else { 1 };
    if at < 1 || count < 1 {
        return Ok(Value::Undefined);
    }
    a.borrow_mut().delete(at as usize, count as usize);
    Ok(Value::Undefined)
}

// ----- searching ---------------------------------------------------------------------------------

fn find_in_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Find in array", 2, 3)?;
    let a = array_arg(args, 0, "Find in array")?;
    let wanted = args.value(1);
    let start = if args.len() == 3 { int_arg(args, 2, "Find in array")?.max(1) } else { 1 };
    let data = a.borrow();
    let found = data
        .items
        .iter()
        .enumerate()
        .skip(start as usize)
        .find(|(_, e)| element_matches(e, &wanted))
        .map_or(-1, |(i, _)| i as i32);
    Ok(Value::Int(found))
}

fn count_in_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Count in array", 2, 2)?;
    let a = array_arg(args, 0, "Count in array")?;
    let wanted = args.value(1);
    let n = a.borrow().items.iter().skip(1).filter(|e| element_matches(e, &wanted)).count();
    Ok(Value::Int(n as i32))
}

/// `>` (ascending) or `<` (descending) given at argument `i`.
fn order_arg(args: &Args, i: usize) -> Option<bool> {
    match args.get(i) {
        Some(Value::Text(t)) if t.as_str() == ">" => Some(true),
        Some(Value::Text(t)) if t.as_str() == "<" => Some(false),
        _ => None,
    }
}

fn find_in_sorted_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Find in sorted array";
    args.expect_count(NAME, 3, 5)?;
    let a = array_arg(args, 0, NAME)?;
    let wanted = args.value(1);
    let ascending = order_arg(args, 2)
        .ok_or_else(|| RtError::type_mismatch(format!("{NAME}: argument 3 must be > or <")))?;
    let (found, first, last) = {
        let data = a.borrow();
        let items = &data.items[1.min(data.items.len())..];
        let wildcard_inside = matches!(&wanted, Value::Text(t)
            if t.trim_end_matches('@').contains('@'));
        let sequential = matches!(
            data.elem,
            ElementType::Pointer | ElementType::Boolean | ElementType::Picture | ElementType::Blob
        ) || wildcard_inside;
        if sequential {
            let hits: Vec<usize> = items
                .iter()
                .enumerate()
                .filter(|(_, e)| element_matches(e, &wanted))
                .map(|(i, _)| i + 1)
                .collect();
            match (hits.first(), hits.last()) {
                (Some(&f), Some(&l)) => (true, f as i32, l as i32),
                _ => (false, -1, -1),
            }
        } else {
            // Elements that match sort together; the first position not before the value and
            // the first one after all matches bound them.
            let cmp = |e: &Value| {
                let o = if element_matches(e, &wanted) {
                    Ordering::Equal
                } else {
                    compare_elements(e, &wanted)
                };
                if ascending {
                    o
                } else {
                    o.reverse()
                }
            };
            let lo = items.partition_point(|e| cmp(e) == Ordering::Less);
            let hi = items.partition_point(|e| cmp(e) != Ordering::Greater);
            if hi > lo {
                (true, lo as i32 + 1, hi as i32)
            } else {
                (false, lo as i32 + 1, lo as i32 + 1)
            }
        }
    };
    if args.len() >= 4 {
        args.set_output(3, Value::Int(first));
    }
    if args.len() >= 5 {
        args.set_output(4, Value::Int(last));
    }
    Ok(Value::Bool(found))
}

// ----- sorting -----------------------------------------------------------------------------------

/// Reorders every array of `arrays` by `order` (a permutation of element numbers 1…n).
fn apply_order(arrays: &[ArrayRef], order: &[usize]) {
    for a in arrays {
        let mut data = a.borrow_mut();
        if data.items.len() != order.len() + 1 {
            continue;
        }
        let old = std::mem::take(&mut data.items);
        let mut new = Vec::with_capacity(old.len());
        new.push(old[0].clone());
        new.extend(order.iter().map(|&i| old[i].clone()));
        data.items = new;
    }
}

/// The order (stable) that sorts `keys` by each (array, ascending) criterion in turn.
fn sort_order(n: usize, keys: &[(ArrayRef, bool)]) -> Vec<usize> {
    let data: Vec<_> = keys.iter().map(|(a, asc)| (a.borrow(), *asc)).collect();
    let mut order: Vec<usize> = (1..=n).collect();
    order.sort_by(|&x, &y| {
        for (d, asc) in &data {
            let (Some(a), Some(b)) = (d.items.get(x), d.items.get(y)) else { continue };
            let o = compare_elements(a, b);
            let o = if *asc { o } else { o.reverse() };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
    order
}

fn check_sortable(a: &ArrayRef, name: &str) -> Result<(), RtError> {
    let d = a.borrow();
    if d.two_d || matches!(d.elem, ElementType::Pointer | ElementType::Picture) {
        return Err(RtError::type_mismatch(format!(
            "{name}: {} arrays cannot be sorted",
            if d.two_d { "two-dimensional" } else { d.elem.name() }
        )));
    }
    Ok(())
}

fn same_sizes(arrays: &[ArrayRef], name: &str) -> Result<usize, RtError> {
    let n = arrays.first().map_or(0, ArrayRef::len);
    if arrays.iter().any(|a| a.len() != n) {
        return Err(RtError::new(
            ErrorKind::IndexOutOfRange,
            format!("{name}: the arrays must have the same number of elements"),
        ));
    }
    Ok(n)
}

fn sort_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    let mut arrays = Vec::new();
    let mut ascending = true;
    for i in 0..args.len() {
        match order_arg(args, i) {
            Some(asc) if i + 1 == args.len() && i > 0 => ascending = asc,
            _ => arrays.push(array_arg(args, i, "SORT ARRAY")?),
        }
    }
    let Some(first) = arrays.first().cloned() else {
        return Err(RtError::new(ErrorKind::WrongArgCount, "SORT ARRAY expects an array"));
    };
    check_sortable(&first, "SORT ARRAY")?;
    let n = same_sizes(&arrays, "SORT ARRAY")?;
    let order = sort_order(n, &[(first, ascending)]);
    apply_order(&arrays, &order);
    Ok(Value::Undefined)
}

fn multi_sort_array(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "MULTI SORT ARRAY";
    let mut arrays = Vec::new();
    let mut keys = Vec::new();
    // Second syntax: an array of pointers to arrays, and an array of -1/0/1.
    let pointer_syntax = args.len() == 2
        && matches!(args.get(0), Some(Value::Array(a)) if a.elem() == ElementType::Pointer);
    if pointer_syntax {
        let ptrs = array_arg(args, 0, NAME)?;
        let orders = array_arg(args, 1, NAME)?;
        let ptr_values: Vec<Value> = ptrs.borrow().items.iter().skip(1).cloned().collect();
        for (i, p) in ptr_values.iter().enumerate() {
            let a = match host.deref(p)? {
                Value::Array(a) => a,
                v => return Err(not_an_array(NAME, i, &v)),
            };
            match orders.get(i as i64 + 1).and_then(|v| v.as_number()).unwrap_or(0.0) {
                o if o > 0.0 => keys.push((a.clone(), true)),
                o if o < 0.0 => keys.push((a.clone(), false)),
                _ => {}
            }
            arrays.push(a);
        }
    } else {
        for i in 0..args.len() {
            match order_arg(args, i) {
                Some(asc) if i > 0 => {
                    if let Some(a) = arrays.last() {
                        keys.push((ArrayRef::clone(a), asc));
                    }
                }
                _ => arrays.push(array_arg(args, i, NAME)?),
            }
        }
    }
    if keys.is_empty() {
        return Err(RtError::generic(format!("{NAME}: give at least one sort criterion (> or <)")));
    }
    for (a, _) in &keys {
        check_sortable(a, NAME)?;
    }
    let n = same_sizes(&arrays, NAME)?;
    let order = sort_order(n, &keys);
    apply_order(&arrays, &order);
    Ok(Value::Undefined)
}

// ----- copying -----------------------------------------------------------------------------------

fn copy_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("COPY ARRAY", 2, 2)?;
    let src = array_arg(args, 0, "COPY ARRAY")?;
    args.set_output(1, Value::Array(src.deep_copy()));
    Ok(Value::Undefined)
}

/// The element type an array argument has, or gets when the variable holds no array yet.
fn target_elem(args: &Args, i: usize, default: ElementType) -> ElementType {
    match args.get(i) {
        Some(Value::Array(a)) => a.elem(),
        _ => default,
    }
}

/// The element type that fits a collection's values (for an array that does not exist yet).
fn elem_for(values: &[Value]) -> ElementType {
    match values.iter().find(|v| !v.is_nullish()) {
        Some(Value::Text(_)) => ElementType::Text,
        Some(Value::Bool(_)) => ElementType::Boolean,
        Some(Value::Date(_)) => ElementType::Date,
        Some(Value::Real(_) | Value::Int(_)) => ElementType::Real,
        Some(Value::Pointer(_)) => ElementType::Pointer,
        _ => ElementType::Object,
    }
}

/// A collection's value converted for an array of `elem`; values that do not convert become
/// the element's default (4D's conversion between collections and arrays).
fn from_collection(elem: ElementType, v: Value) -> Value {
    let v = match (elem, v) {
        // Collections keep times as milliseconds.
        (ElementType::Time, Value::Real(ms)) => Value::Time((ms / 1000.0).round() as i64),
        (ElementType::Text, Value::Real(r)) => Value::text(crate::runtime::format::format_real(r)),
        (_, Value::Null) => elem.default_value(),
        (_, v) => v,
    };
    to_element(elem, v).unwrap_or_else(|_| elem.default_value())
}

/// Fills (or creates) the array at argument `i` with `values`.
fn fill_array(args: &mut Args, i: usize, values: Vec<Value>) {
    let elem = target_elem(args, i, elem_for(&values));
    let converted: Vec<Value> = values.into_iter().map(|v| from_collection(elem, v)).collect();
    match args.get(i) {
        Some(Value::Array(a)) if !a.is_2d() => {
            let mut data = a.borrow_mut();
            data.items.truncate(1);
            if data.items.is_empty() {
                data.items.push(elem.default_value());
            }
            data.items.extend(converted);
        }
        _ => args.set_output(i, Value::Array(ArrayRef::from_values(elem, converted))),
    }
}

fn collection_items(v: &Value, name: &str) -> Result<Vec<Value>, RtError> {
    crate::runtime::ops::collection_items(v).ok_or_else(|| {
        RtError::type_mismatch(format!(
            "{name}: argument 1 must be a collection, not {}",
            v.kind_name()
        ))
    })
}

fn collection_to_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "COLLECTION TO ARRAY";
    if args.len() < 2 {
        return Err(RtError::new(
            ErrorKind::WrongArgCount,
            format!("{NAME} expects a collection and an array"),
        ));
    }
    let items = collection_items(&args.value(0), NAME)?;
    if args.len() == 2 {
        fill_array(args, 1, items);
        return Ok(Value::Undefined);
    }
    // (array; property) pairs.
    let mut i = 1;
    while i < args.len() {
        let prop = args.text(i + 1, NAME)?;
        let values: Vec<Value> = items
            .iter()
            .map(|item| {
                if prop.is_empty() {
                    item.clone()
                } else {
                    crate::runtime::ops::get_path(item, &prop)
                }
            })
            .collect();
        fill_array(args, i, values);
        i += 2;
    }
    Ok(Value::Undefined)
}

/// An array element as a collection keeps it.
fn to_collection_value(v: &Value) -> Value {
    v.clone().for_storage()
}

fn array_to_collection(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "ARRAY TO COLLECTION";
    if args.len() < 2 {
        return Err(RtError::new(
            ErrorKind::WrongArgCount,
            format!("{NAME} expects a collection and an array"),
        ));
    }
    let first = array_arg(args, 1, NAME)?;
    let items: Vec<Value> = if args.len() == 2 {
        first.borrow().items.iter().skip(1).map(to_collection_value).collect()
    } else {
        let n = first.len();
        let objects: Vec<ObjRef> = (0..n).map(|_| ObjRef::new()).collect();
        let mut i = 1;
        while i < args.len() {
            let a = array_arg(args, i, NAME)?;
            let prop = args.text(i + 1, NAME)?;
            let data = a.borrow();
            for (o, v) in objects.iter().zip(data.items.iter().skip(1)) {
                o.set(Key::intern(&prop), to_collection_value(v));
            }
            i += 2;
        }
        objects.into_iter().map(Value::Object).collect()
    };
    match args.get(0) {
        Some(Value::Collection(c)) => {
            let mut data = c.borrow_mut();
            data.clear();
            data.extend(items);
        }
        _ => args.set_output(0, Value::Collection(CollRef::from_vec(items))),
    }
    Ok(Value::Undefined)
}

// ----- objects -----------------------------------------------------------------------------------

fn ob_get_property_names(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "OB GET PROPERTY NAMES";
    args.expect_count(NAME, 2, 3)?;
    let entries = crate::runtime::ops::object_entries(&args.value(0)).unwrap_or_default();
    let names: Vec<Value> = entries.iter().map(|(k, _)| Value::text(k.to_string())).collect();
    set_or_fill(args, 1, ElementType::Text, names);
    if args.len() == 3 {
        let types: Vec<Value> = entries.iter().map(|(_, v)| Value::Int(v.type_code())).collect();
        set_or_fill(args, 2, ElementType::Longint, types);
    }
    Ok(Value::Undefined)
}

/// Puts `values` in the array at argument `i` (created with `elem` if needed).
pub(crate) fn set_or_fill(args: &mut Args, i: usize, elem: ElementType, values: Vec<Value>) {
    match args.get(i) {
        Some(Value::Array(a)) if !a.is_2d() => {
            let elem = a.elem();
            let mut data = a.borrow_mut();
            data.items.truncate(1);
            data.items.extend(values.into_iter().map(|v| from_collection(elem, v)));
        }
        _ => args.set_output(i, Value::Array(ArrayRef::from_values(elem, values))),
    }
}

fn ob_get_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "OB GET ARRAY";
    args.expect_count(NAME, 3, 3)?;
    let prop = args.text(1, NAME)?;
    let v = crate::runtime::ops::get_path(&args.value(0), &prop);
    let items = crate::runtime::ops::collection_items(&v).unwrap_or_default();
    fill_array(args, 2, items);
    Ok(Value::Undefined)
}

fn ob_set_array(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "OB SET ARRAY";
    args.expect_count(NAME, 3, 3)?;
    let prop = args.text(1, NAME)?;
    let a = array_arg(args, 2, NAME)?;
    let items: Vec<Value> = a.borrow().items.iter().skip(1).map(to_collection_value).collect();
    match args.value(0) {
        Value::Object(o) => {
            o.set(Key::intern(&prop), Value::Collection(CollRef::from_vec(items)));
            Ok(Value::Undefined)
        }
        v => Err(RtError::new(
            ErrorKind::ObjectExpected,
            format!("{NAME}: argument 1 must be an object, not {}", v.kind_name()),
        )),
    }
}

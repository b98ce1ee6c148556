//! Objects and collections theme: `New object`, `New collection`, `OB …`, `Value type`,
//! `Undefined`, `Null`.

use std::time::Duration;

use super::{Args, CommandFn, Host};
use crate::runtime::ops::{self, object_entries};
use crate::runtime::shared::current_process;
use crate::runtime::value::type_code;
use crate::runtime::{json, CollRef, ErrorKind, Key, ObjRef, RtError, Value};

/// Option constants of the `Objects and collections` theme (`ck …`): the values of the constant
/// table (src/commands/data/4d-constants.tsv), which the code compares arguments with. The docs
/// give few of them; the others come from 4D's constant resource (see docs/constants.md).
pub mod ck {
    // The whole theme, also the values no code path needs yet.
    #![allow(dead_code)]
    pub const CK_ASCENDING: i32 = 0;
    pub const CK_DESCENDING: i32 = 1;
    pub const CK_IGNORE_NULL_OR_EMPTY: i32 = 1;
    pub const CK_KEEP_NULL: i32 = 2;
    pub const CK_RESOLVE_POINTERS: i32 = 1;
    pub const CK_SHARED: i32 = 16;
    pub const CK_KEEP_EMPTY_STRINGS: i32 = 2;
    pub const CK_DIACRITICAL: i32 = 8;
    pub const CK_DISABLE_WILDCHAR: i32 = 16;
    pub const CK_COUNT_VALUES: i32 = 32;
}

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("New object", new_object),
    ("New collection", new_collection),
    ("OB Keys", ob_keys),
    ("OB Values", ob_values),
    ("OB Entries", ob_entries),
    ("OB Is defined", ob_is_defined),
    ("OB Is empty", ob_is_empty),
    ("OB Is shared", ob_is_shared),
    ("OB REMOVE", ob_remove),
    ("OB Get", ob_get),
    ("OB Get type", ob_get_type),
    ("Value type", value_type),
    ("Undefined", undefined),
    ("Null", null),
];

fn object_expected(name: &str, v: &Value) -> RtError {
    RtError::new(
        ErrorKind::ObjectExpected,
        format!("{name}: an object was expected, not {}", v.kind_name()),
    )
}

/// The entries of argument `i` when it is an object; `None` for null/undefined.
fn entries_arg(args: &Args, i: usize, name: &str) -> Result<Option<ops::Entries>, RtError> {
    let v = args.value(i);
    if v.is_nullish() {
        return Ok(None);
    }
    object_entries(&v).map(Some).ok_or_else(|| object_expected(name, &v))
}

fn new_object(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    if !args.len().is_multiple_of(2) {
        return Err(RtError::new(
            ErrorKind::WrongArgCount,
            "New object expects property/value pairs (an even number of arguments)",
        ));
    }
    let o = ObjRef::new();
    let mut values = args.values.drain(..);
    while let (Some(name), Some(value)) = (values.next(), values.next()) {
        let Value::Text(k) = &name else {
            return Err(RtError::type_mismatch(format!(
                "New object: a property name must be a text, not {}",
                name.kind_name()
            )));
        };
        o.set_named(k, value);
    }
    Ok(Value::Object(o))
}

fn new_collection(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    let items = args.values.drain(..).map(Value::for_storage).collect();
    Ok(Value::Collection(CollRef::from_vec(items)))
}

fn ob_keys(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB Keys", 1, 1)?;
    let entries = entries_arg(args, 0, "OB Keys")?.unwrap_or_default();
    Ok(Value::Collection(CollRef::from_vec(
        entries.into_iter().map(|(k, _)| Value::text(&*k)).collect(),
    )))
}

fn ob_values(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB Values", 1, 1)?;
    let entries = entries_arg(args, 0, "OB Values")?.unwrap_or_default();
    Ok(Value::Collection(CollRef::from_vec(entries.into_iter().map(|(_, v)| v).collect())))
}

fn ob_entries(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB Entries", 1, 1)?;
    let entries = entries_arg(args, 0, "OB Entries")?.unwrap_or_default();
    let items = entries
        .into_iter()
        .map(|(k, v)| {
            let o = ObjRef::new();
            o.set_str("key", Value::text(&*k));
            o.set_str("value", v);
            Value::Object(o)
        })
        .collect();
    Ok(Value::Collection(CollRef::from_vec(items)))
}

fn ob_is_defined(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB Is defined", 1, 2)?;
    let v = args.value(0);
    if args.len() == 1 {
        return Ok(Value::Bool(matches!(
            v,
            Value::Object(_) | Value::SharedObject(_) | Value::Function(_)
        )));
    }
    let key = args.text(1, "OB Is defined")?;
    Ok(Value::Bool(match &v {
        Value::Object(o) => o.borrow().props.contains_key(key.as_str()),
        Value::SharedObject(o) => o.props.read().contains_key(key.as_str()),
        v if v.is_nullish() => false,
        v => return Err(object_expected("OB Is defined", v)),
    }))
}

fn ob_is_empty(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB Is empty", 1, 1)?;
    Ok(Value::Bool(entries_arg(args, 0, "OB Is empty")?.is_none_or(|e| e.is_empty())))
}

fn ob_is_shared(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB Is shared", 1, 1)?;
    Ok(Value::Bool(args.value(0).is_shared()))
}

fn ob_remove(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB REMOVE", 2, 2)?;
    let key = args.text(1, "OB REMOVE")?;
    match args.value(0) {
        Value::Object(o) => {
            o.remove(&Key::new(&key));
        }
        Value::SharedObject(o) => {
            // An internal Use…End use around the removal.
            let group = o.group();
            let me = current_process();
            group.lock_or(me, Duration::from_millis(50), || false);
            o.props.write().shift_remove(key.as_str());
            group.unlock(me);
        }
        v if v.is_nullish() => {}
        v => return Err(object_expected("OB REMOVE", &v)),
    }
    Ok(Value::Undefined)
}

/// Whether an `option` argument of `OB Copy`/`.copy()` asks for a shared copy.
pub fn wants_shared_copy(option: Option<&Value>) -> bool {
    match option {
        Some(Value::Int(i)) => i & ck::CK_SHARED != 0,
        Some(Value::Real(r)) => (*r as i32) & ck::CK_SHARED != 0,
        _ => false,
    }
}

pub fn shared_copy_unsupported(name: &str) -> RtError {
    RtError::new(ErrorKind::Unimplemented, format!("{name} with ck shared is not supported yet"))
}

/// Reads property `key` of an object value (Undefined when missing or not an object).
fn property(v: &Value, key: &str) -> Value {
    match v {
        Value::Object(o) => o.get_str(key),
        Value::SharedObject(o) => {
            o.get(key).map(|s| ops::shared_to_value(&s)).unwrap_or(Value::Undefined)
        }
        _ => Value::Undefined,
    }
}

fn ob_get(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB Get", 2, 3)?;
    let obj = args.value(0);
    if !obj.is_nullish() && !matches!(obj, Value::Object(_) | Value::SharedObject(_)) {
        return Err(object_expected("OB Get", &obj));
    }
    let key = args.text(1, "OB Get")?;
    let v = property(&obj, &key);
    if args.len() < 3 {
        return Ok(v);
    }
    let code = args.num(2, "OB Get")? as i32;
    Ok(match (code, &v) {
        // Times are stored in milliseconds.
        (type_code::IS_TIME, Value::Real(ms)) if ms.is_finite() => {
            Value::Time((ms / 1000.0).trunc() as i64)
        }
        (type_code::IS_DATE, Value::Text(t)) => {
            Value::Date(crate::runtime::datetime::parse_date(t))
        }
        (type_code::IS_TEXT, Value::Date(d)) => Value::text(d.iso()),
        (_, Value::Undefined) => json::convert_to(Value::Null, code),
        _ => json::convert_to(v, code),
    })
}

fn ob_get_type(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("OB Get type", 2, 2)?;
    let obj = args.value(0);
    if !obj.is_nullish() && !matches!(obj, Value::Object(_) | Value::SharedObject(_)) {
        return Err(object_expected("OB Get type", &obj));
    }
    let key = args.text(1, "OB Get type")?;
    Ok(Value::Int(property(&obj, &key).type_code()))
}

fn value_type(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Value type", 1, 1)?;
    Ok(Value::Int(args.value(0).type_code()))
}

fn undefined(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Undefined", 1, 1)?;
    Ok(Value::Bool(args.value(0).is_undefined()))
}

fn null(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Null", 0, 0)?;
    Ok(Value::Null)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::runtime::ops::collection_items;

    /// A host for commands that never call back.
    pub struct NoHost;
    impl Host for NoHost {
        fn call(&mut self, _: &Value, _: Vec<Value>) -> Result<Value, RtError> {
            Err(RtError::generic("no callbacks in this test"))
        }
        fn write_stdout(&mut self, _: &str) {}
        fn write_stderr(&mut self, _: &str) {}
    }

    pub fn run(f: CommandFn, values: Vec<Value>) -> Result<Value, RtError> {
        f(&mut NoHost, &mut Args::new(values))
    }

    /// The `ck` options the code compares with are the values the constant table gives scripts.
    #[test]
    fn ck_options_match_the_constant_table() {
        let table = |name: &str| {
            let index = crate::commands::catalog::constant_index(name).expect(name);
            crate::resolve::constant_value(index)
        };
        for (name, value) in [
            ("ck ascending", ck::CK_ASCENDING),
            ("ck descending", ck::CK_DESCENDING),
            ("ck ignore null or empty", ck::CK_IGNORE_NULL_OR_EMPTY),
            ("ck keep null", ck::CK_KEEP_NULL),
            ("ck resolve pointers", ck::CK_RESOLVE_POINTERS),
            ("ck shared", ck::CK_SHARED),
            ("ck keep empty strings", ck::CK_KEEP_EMPTY_STRINGS),
            ("ck diacritical", ck::CK_DIACRITICAL),
            ("ck disable wildchar", ck::CK_DISABLE_WILDCHAR),
            ("ck count values", ck::CK_COUNT_VALUES),
        ] {
            assert!(matches!(table(name), Some(Value::Int(v)) if v == value), "{name}");
        }
    }

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    fn keys(v: &Value) -> Vec<String> {
        collection_items(v).unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect()
    }

    #[test]
    fn check_33_numbers_in_objects_are_real() {
        let o = run(new_object, vec![t("value"), Value::Int(42)]).unwrap();
        let v = run(ob_get, vec![o, t("value")]).unwrap();
        assert!(matches!(run(value_type, vec![v]).unwrap(), Value::Int(1)));
    }

    #[test]
    fn new_object_and_keys_in_order() {
        let o = run(
            new_object,
            vec![t("lastName"), t("Smith"), t("firstName"), t("Jenny"), t("t"), Value::Time(2)],
        )
        .unwrap();
        assert_eq!(keys(&run(ob_keys, vec![o.clone()]).unwrap()), ["lastName", "firstName", "t"]);
        let vals = run(ob_values, vec![o.clone()]).unwrap();
        assert!(matches!(collection_items(&vals).unwrap()[2], Value::Real(ms) if ms == 2000.0));
        let entries = run(ob_entries, vec![o.clone()]).unwrap();
        assert_eq!(
            json::stringify(&entries, false).unwrap(),
            r#"[{"key":"lastName","value":"Smith"},{"key":"firstName","value":"Jenny"},{"key":"t","value":2000}]"#
        );
        assert!(run(new_object, vec![t("a")]).is_err());
        assert!(run(new_object, vec![Value::Int(1), Value::Int(2)]).is_err());
        assert!(matches!(run(ob_get, vec![o, t("t"), Value::Int(11)]).unwrap(), Value::Time(2)));
    }

    #[test]
    fn defined_empty_shared_remove() {
        let empty = Value::Object(ObjRef::new());
        assert!(matches!(run(ob_is_defined, vec![empty.clone()]).unwrap(), Value::Bool(true)));
        assert!(matches!(run(ob_is_defined, vec![Value::Null]).unwrap(), Value::Bool(false)));
        assert!(matches!(run(ob_is_empty, vec![empty.clone()]).unwrap(), Value::Bool(true)));
        assert!(matches!(run(ob_is_empty, vec![Value::Undefined]).unwrap(), Value::Bool(true)));
        let o = run(new_object, vec![t("a"), Value::Null]).unwrap();
        assert!(matches!(run(ob_is_defined, vec![o.clone(), t("a")]).unwrap(), Value::Bool(true)));
        assert!(matches!(run(ob_is_defined, vec![o.clone(), t("b")]).unwrap(), Value::Bool(false)));
        assert!(matches!(run(ob_is_empty, vec![o.clone()]).unwrap(), Value::Bool(false)));
        run(ob_remove, vec![o.clone(), t("a")]).unwrap();
        assert!(matches!(run(ob_is_empty, vec![o.clone()]).unwrap(), Value::Bool(true)));
        assert!(matches!(run(ob_is_shared, vec![o]).unwrap(), Value::Bool(false)));
        let shared =
            crate::runtime::shared::SharedObject::new(crate::runtime::shared::SharedRoot::Plain);
        shared.props.write().insert("x".into(), crate::runtime::shared::SharedValue::Real(1.0));
        let sv = Value::SharedObject(shared.clone());
        assert!(matches!(run(ob_is_shared, vec![sv.clone()]).unwrap(), Value::Bool(true)));
        run(ob_remove, vec![sv, t("x")]).unwrap();
        assert!(shared.is_empty());
    }

    #[test]
    fn value_type_undefined_null() {
        assert!(matches!(run(value_type, vec![Value::Undefined]).unwrap(), Value::Int(5)));
        assert!(matches!(run(value_type, vec![Value::Null]).unwrap(), Value::Int(255)));
        assert!(matches!(run(undefined, vec![Value::Undefined]).unwrap(), Value::Bool(true)));
        assert!(matches!(run(undefined, vec![Value::Null]).unwrap(), Value::Bool(false)));
        assert!(matches!(run(null, vec![]).unwrap(), Value::Null));
        let c = run(new_collection, vec![Value::Int(1), t("a"), Value::Time(1)]).unwrap();
        assert_eq!(json::stringify(&c, false).unwrap(), r#"[1,"a",1000]"#);
    }
}

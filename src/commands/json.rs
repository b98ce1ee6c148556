//! JSON theme: `JSON Stringify`, `JSON Parse`.

use super::{Args, CommandFn, Host};
use crate::runtime::{json, ErrorKind, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] =
    &[("JSON Stringify", json_stringify), ("JSON Parse", json_parse)];

/// `JSON Stringify(value{; *})`.
fn json_stringify(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("JSON Stringify", 1, 1)?;
    let text = json::stringify(&args.value(0), args.has_star()).map_err(RtError::generic)?;
    Ok(Value::text(text))
}

/// `JSON Parse(text{; type}{; *})`. (The `*` form, which adds `__symbols`, is accepted and
/// ignored.)
fn json_parse(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("JSON Parse", 1, 2)?;
    // Read in place: a copy of a long JSON text would be alive beside the values made from it.
    let text = args.text_rc(0, "JSON Parse")?;
    let result = if args.len() == 2 {
        let code = args.num(1, "JSON Parse")? as i32;
        json::parse_as(&text, code)
    } else {
        json::parse(&text)
    };
    result.map_err(|m| RtError::new(ErrorKind::JsonParse, m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::objects::tests::run;
    use crate::runtime::{CollRef, Date, ObjRef};

    #[test]
    fn stringify_and_parse_commands() {
        let c = CollRef::new();
        for v in [
            Value::Int(33),
            Value::text("mike"),
            Value::Date(Date::new(2017, 8, 28)),
            Value::Bool(false),
        ] {
            c.push(v);
        }
        let out = run(json_stringify, vec![Value::Collection(c)]).unwrap();
        assert_eq!(out.as_str(), Some(r#"[33,"mike","2017-08-28",false]"#));
        assert_eq!(run(json_stringify, vec![Value::Int(120)]).unwrap().as_str(), Some("120"));

        let inner = ObjRef::new();
        inner.set_str("c", Value::text("y"));
        let o = ObjRef::new();
        o.set_str("a", Value::text("x"));
        o.set_str("b", Value::Object(inner));
        let mut args = Args::new(vec![Value::Object(o)]);
        args.star = true;
        let pretty =
            json_stringify(&mut crate::commands::objects::tests::NoHost, &mut args).unwrap();
        assert_eq!(
            pretty.as_str(),
            Some("{\n\t\"a\": \"x\",\n\t\"b\": {\n\t\t\"c\": \"y\"\n\t}\n}")
        );

        let parsed = run(json_parse, vec![Value::text("{\"name\":\"john\"}")]).unwrap();
        assert_eq!(
            run(json_stringify, vec![parsed]).unwrap().as_str(),
            Some("{\"name\":\"john\"}")
        );
        assert!(matches!(
            run(json_parse, vec![Value::text("120.13"), Value::Int(9)]).unwrap(),
            Value::Int(120)
        ));
        let err = run(json_parse, vec![Value::text("{bad")]).unwrap_err();
        assert_eq!(err.kind, ErrorKind::JsonParse);
    }
}

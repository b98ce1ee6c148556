//! Date and time theme: `Current date`, `Current time`, `Add to date`, `Day of`, `Month of`,
//! `Year of`, `Day number`, `Timestamp`, `Milliseconds`, `Tickcount`, `Date`, `Time`,
//! `Time string`.

use super::{Args, CommandFn, Host};
use crate::runtime::datetime as dt;
use crate::runtime::{Date, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("Current date", current_date),
    ("Current time", current_time),
    ("Add to date", add_to_date),
    ("Day of", day_of),
    ("Month of", month_of),
    ("Year of", year_of),
    ("Day number", day_number),
    ("Timestamp", timestamp),
    ("Milliseconds", milliseconds),
    ("Tickcount", tickcount),
    ("Date", date),
    ("Time", time),
    ("Time string", time_string),
];

/// Argument `i` as a Date (Undefined/Null → the null date).
fn date_arg(args: &Args, i: usize, name: &str) -> Result<Date, RtError> {
    match args.get(i) {
        None | Some(Value::Undefined) | Some(Value::Null) => Ok(Date::NULL),
        Some(Value::Date(d)) => Ok(*d),
        Some(v) => Err(RtError::type_mismatch(format!(
            "{name}: argument {} must be a date, not {}",
            i + 1,
            v.kind_name()
        ))),
    }
}

fn int_arg(args: &Args, i: usize, name: &str) -> Result<i64, RtError> {
    let n = args.num(i, name)?;
    Ok(if n.is_finite() { n.trunc() as i64 } else { 0 })
}

fn current_date(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    // (`Current date(*)` asks the server in client/server: same thing here.)
    args.expect_count("Current date", 0, 0)?;
    Ok(Value::Date(dt::current_date()))
}

fn current_time(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Current time", 0, 0)?;
    Ok(Value::Time(dt::current_time()))
}

fn add_to_date(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Add to date";
    args.expect_count(NAME, 4, 4)?;
    let d = date_arg(args, 0, NAME)?;
    let (y, m, days) = (int_arg(args, 1, NAME)?, int_arg(args, 2, NAME)?, int_arg(args, 3, NAME)?);
    Ok(Value::Date(dt::add_to_date(d, y, m, days)))
}

fn day_of(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Day of", 1, 1)?;
    Ok(Value::Int(dt::day_of(date_arg(args, 0, "Day of")?)))
}

fn month_of(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Month of", 1, 1)?;
    Ok(Value::Int(dt::month_of(date_arg(args, 0, "Month of")?)))
}

fn year_of(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Year of", 1, 1)?;
    Ok(Value::Int(dt::year_of(date_arg(args, 0, "Year of")?)))
}

fn day_number(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Day number", 1, 1)?;
    Ok(Value::Int(dt::day_number(date_arg(args, 0, "Day number")?)))
}

fn timestamp(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Timestamp", 0, 0)?;
    Ok(Value::text(dt::timestamp()))
}

fn milliseconds(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Milliseconds", 0, 0)?;
    Ok(Value::Int(dt::milliseconds()))
}

fn tickcount(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Tickcount", 0, 0)?;
    Ok(Value::Int(dt::tickcount()))
}

/// `Date(value)`: a date as is; a text `YYYY-MM-DD…` or `MM/DD/YYYY`; undefined → null date.
fn date(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Date", 1, 1)?;
    match args.value(0) {
        v @ (Value::Date(_) | Value::Text(_) | Value::Undefined | Value::Null) => {
            Ok(Value::Date(dt::date_of_value(&v)))
        }
        v => Err(RtError::type_mismatch(format!(
            "Date: a text or a date was expected, not {}",
            v.kind_name()
        ))),
    }
}

/// `Time(value)`: a time as is; a number of seconds; a text `HH:MM:SS`; undefined → 0.
fn time(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Time", 1, 1)?;
    match args.value(0) {
        v @ (Value::Time(_)
        | Value::Int(_)
        | Value::Real(_)
        | Value::Text(_)
        | Value::Undefined
        | Value::Null) => Ok(Value::Time(dt::time_of_value(&v))),
        v => Err(RtError::type_mismatch(format!(
            "Time: a text, number or time was expected, not {}",
            v.kind_name()
        ))),
    }
}

/// `Time string(seconds)` → `HH:MM:SS`.
fn time_string(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Time string", 1, 1)?;
    let secs = match args.value(0) {
        Value::Time(t) => t,
        _ => int_arg(args, 0, "Time string")?,
    };
    Ok(Value::text(dt::time_string(secs)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::objects::tests::run;

    fn d(y: u16, m: u8, day: u8) -> Value {
        Value::Date(Date::new(y, m, day))
    }

    #[test]
    fn date_commands() {
        let r = run(add_to_date, vec![d(2000, 1, 31), Value::Int(0), Value::Int(1), Value::Int(0)])
            .unwrap();
        assert!(matches!(r, Value::Date(x) if x == Date::new(2000, 2, 29)));
        assert!(matches!(run(day_of, vec![d(2024, 1, 31)]).unwrap(), Value::Int(31)));
        assert!(matches!(run(month_of, vec![d(2024, 1, 31)]).unwrap(), Value::Int(1)));
        assert!(matches!(run(year_of, vec![d(2024, 1, 31)]).unwrap(), Value::Int(2024)));
        assert!(matches!(run(day_number, vec![d(2024, 1, 31)]).unwrap(), Value::Int(4)));
        assert!(run(day_of, vec![Value::text("x")]).is_err());
        assert!(
            matches!(run(date, vec![Value::text("2017-08-28")]).unwrap(), Value::Date(x) if x == Date::new(2017, 8, 28))
        );
        assert!(matches!(run(time, vec![Value::text("01:02:03")]).unwrap(), Value::Time(3723)));
        assert!(matches!(run(time, vec![Value::Real(3600.0)]).unwrap(), Value::Time(3600)));
        assert_eq!(run(time_string, vec![Value::Int(3723)]).unwrap().as_str(), Some("01:02:03"));
        assert_eq!(run(timestamp, vec![]).unwrap().as_str().map(str::len), Some(24));
        assert!(matches!(run(current_date, vec![]).unwrap(), Value::Date(_)));
        assert!(matches!(run(current_time, vec![]).unwrap(), Value::Time(_)));
        assert!(matches!(run(milliseconds, vec![]).unwrap(), Value::Int(_)));
        assert!(matches!(run(tickcount, vec![]).unwrap(), Value::Int(_)));
    }
}

//! Date and time helpers: calendar arithmetic (`Add to date`, date ± days, date − date), the
//! clock (`Current date`, `Current time`, `Timestamp`, `Milliseconds`, `Tickcount`), `String` of
//! dates and times with their display formats, and `Date(text)` / `Time(text)` parsing.
//!
//! mini4d has no system locale: the "system" date formats are those of an English (US) system
//! (`MM/DD/YYYY`, English month and day names). Times are seconds (`Value::Time`).

use std::sync::OnceLock;
use std::time::Instant;

use chrono::{Datelike, Local, NaiveDate, TimeZone, Timelike, Utc};

use super::date::{days_from_civil, Date};
use super::value::Value;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days in month `m` (1..12) of year `y`.
pub fn days_in_month(y: i64, m: i64) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// `Add to date(d; years; months; days)`: years and months first — a day past the end of the
/// resulting month is clamped to its last day (Jan 31 + 1 month = Feb 28/29, as 4D's knowledge
/// base documents) — then days. The null date stays null; results outside years 1..32767 give
/// the null date.
pub fn add_to_date(d: Date, years: i64, months: i64, days: i64) -> Date {
    if d.is_null() {
        // The null date counts as year 0, month 0, day 0: `Add to date(!00-00-00!; y; m; d)`
        // is the usual 4D way to build the date y-m-d (out-of-range parts carry over).
        let total = years.saturating_mul(12).saturating_add(months).saturating_sub(1);
        let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
        if !(1..=32767).contains(&y) {
            return Date::NULL;
        }
        return Date::from_days(days_from_civil(y, m, 1).saturating_add(days).saturating_sub(1));
    }
    let total =
        d.year as i64 * 12 + (d.month as i64 - 1) + years.saturating_mul(12).saturating_add(months);
    let y = total.div_euclid(12);
    let m = total.rem_euclid(12) + 1;
    if !(1..=32767).contains(&y) {
        return Date::NULL;
    }
    let day = (d.day as i64).min(days_in_month(y, m) as i64);
    let base = days_from_civil(y, m, day);
    Date::from_days(base.saturating_add(days))
}

#[cfg(test)]
/// `date + n` / `date - n`. The null date stays null.
pub fn add_days(d: Date, n: i64) -> Date {
    match d.to_days() {
        Some(days) => Date::from_days(days.saturating_add(n)),
        None => Date::NULL,
    }
}

#[cfg(test)]
/// `a - b` in days (`!2017-01-20!-!2017-01-01!` = 19). A null date counts as day 0 of year 0
/// (so `d - !00-00-00!` is large); two null dates give 0.
pub fn days_between(a: Date, b: Date) -> i64 {
    let day = |d: Date| d.to_days().unwrap_or_else(|| days_from_civil(0, 1, 1) - 1);
    day(a) - day(b)
}

/// `Day of` (0 for the null date).
pub fn day_of(d: Date) -> i32 {
    d.day as i32
}

/// `Month of` (0 for the null date).
pub fn month_of(d: Date) -> i32 {
    d.month as i32
}

/// `Year of` (0 for the null date).
pub fn year_of(d: Date) -> i32 {
    d.year as i32
}

/// `Day number`: 1 = Sunday … 7 = Saturday; 0 for the null date.
pub fn day_number(d: Date) -> i32 {
    // day-number.md: the null date gives 2.
    d.weekday().map(|w| w as i32).unwrap_or(2)
}

// ---------------------------------------------------------------------------------------------
// Clock

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn date_from_chrono(d: NaiveDate) -> Date {
    Date::new(d.year().clamp(0, 32767) as u16, d.month() as u8, d.day() as u8)
}

/// `Current date` (local time).
pub fn current_date() -> Date {
    date_from_chrono(Local::now().date_naive())
}

/// `Current time` (local time), in seconds since midnight.
pub fn current_time() -> i64 {
    Local::now().time().num_seconds_from_midnight() as i64
}

/// `Timestamp`: current UTC time as `yyyy-MM-ddTHH:mm:ss.SSSZ`.
pub fn timestamp() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// `Milliseconds`: milliseconds since mini4d started (4D counts from machine start-up), wrapping
/// like a Longint.
pub fn milliseconds() -> i32 {
    start().elapsed().as_millis() as u64 as i32
}

/// `Tickcount`: ticks (1/60 s) since mini4d started.
pub fn tickcount() -> i32 {
    (start().elapsed().as_millis() as u64 * 60 / 1000) as i32
}

// ---------------------------------------------------------------------------------------------
// Formatting

/// Date display format constants (`Date Display Formats` theme).
pub mod date_format {
    // The whole table as 4D documents it, also the values no code path needs yet.
    #![allow(dead_code)]
    pub const SYSTEM_DATE_SHORT: i32 = 1;
    pub const SYSTEM_DATE_ABBREVIATED: i32 = 2;
    pub const SYSTEM_DATE_LONG: i32 = 3;
    pub const INTERNAL_DATE_SHORT_SPECIAL: i32 = 4;
    pub const INTERNAL_DATE_LONG: i32 = 5;
    pub const INTERNAL_DATE_ABBREVIATED: i32 = 6;
    pub const INTERNAL_DATE_SHORT: i32 = 7;
    pub const ISO_DATE: i32 = 8;
    pub const ISO_DATE_GMT: i32 = 9;
    pub const DATE_RFC_1123: i32 = 10;
    pub const BLANK_IF_NULL: i32 = 100;
}

/// Time display format constants (`Time Display Formats` theme).
pub mod time_format {
    // The whole table as 4D documents it, also the values no code path needs yet.
    #![allow(dead_code)]
    pub const HH_MM_SS: i32 = 1;
    pub const HH_MM: i32 = 2;
    pub const HOUR_MIN_SEC: i32 = 3;
    pub const HOUR_MIN: i32 = 4;
    pub const HH_MM_AM_PM: i32 = 5;
    pub const MM_SS: i32 = 6;
    pub const MIN_SEC: i32 = 7;
    pub const ISO_TIME: i32 = 8;
    pub const SYSTEM_TIME_SHORT: i32 = 9;
    pub const SYSTEM_TIME_LONG_ABBREVIATED: i32 = 10;
    pub const SYSTEM_TIME_LONG: i32 = 11;
    pub const BLANK_IF_NULL: i32 = 100;
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] =
    ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

fn month_name(m: u8) -> &'static str {
    MONTHS.get((m as usize).wrapping_sub(1)).copied().unwrap_or("")
}

fn day_name(d: Date) -> &'static str {
    d.weekday().and_then(|w| DAYS.get(w as usize - 1)).copied().unwrap_or("")
}

fn abbr(s: &str) -> &str {
    s.get(..3).unwrap_or(s)
}

/// A date display format: a constant of the `Date Display Formats` theme or a pattern.
pub enum DateFormat<'a> {
    Code(i32),
    Pattern(&'a str),
}

/// The local date-time `d` at `secs` after midnight, in UTC (None for the null date or an
/// impossible local time).
fn local_to_utc(d: Date, secs: i64) -> Option<chrono::DateTime<Utc>> {
    let nd = NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)?;
    let ndt = nd.and_hms_opt(0, 0, 0)? + chrono::Duration::seconds(secs);
    let local = Local.from_local_datetime(&ndt).earliest()?;
    Some(local.with_timezone(&Utc))
}

fn hms(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// `String(date{; format{; addTime}})`. The default (no format) is `System date short`, which
/// mini4d fixes to `MM/DD/YYYY`.
pub fn format_date(d: Date, format: Option<DateFormat>, add_time: Option<i64>) -> String {
    use date_format::*;
    let code = match format {
        None => SYSTEM_DATE_SHORT,
        Some(DateFormat::Pattern(p)) => return format_pattern(Some(d), add_time.unwrap_or(0), p),
        Some(DateFormat::Code(c)) => c,
    };
    let (code, blank) =
        if code >= BLANK_IF_NULL { (code - BLANK_IF_NULL, true) } else { (code, false) };
    if d.is_null() {
        if blank {
            return String::new();
        }
        return match code {
            INTERNAL_DATE_SHORT_SPECIAL => "00/00/00".to_string(),
            ISO_DATE => format!("0000-00-00T{}", hms(add_time.unwrap_or(0))),
            ISO_DATE_GMT
            | DATE_RFC_1123
            | SYSTEM_DATE_ABBREVIATED
            | SYSTEM_DATE_LONG
            | INTERNAL_DATE_LONG
            | INTERNAL_DATE_ABBREVIATED => String::new(),
            _ => "00/00/0000".to_string(),
        };
    }
    let (y, m, day) = (d.year, d.month, d.day);
    match code {
        SYSTEM_DATE_ABBREVIATED => {
            format!("{}, {} {}, {}", abbr(day_name(d)), abbr(month_name(m)), day, y)
        }
        SYSTEM_DATE_LONG => format!("{}, {} {}, {}", day_name(d), month_name(m), day, y),
        INTERNAL_DATE_SHORT_SPECIAL => {
            if (1930..=2029).contains(&y) {
                format!("{m:02}/{day:02}/{:02}", y % 100)
            } else {
                format!("{m:02}/{day:02}/{y:04}")
            }
        }
        INTERNAL_DATE_LONG => format!("{} {}, {}", month_name(m), day, y),
        INTERNAL_DATE_ABBREVIATED => format!("{} {}, {}", abbr(month_name(m)), day, y),
        ISO_DATE => format!("{}T{}", d.iso(), hms(add_time.unwrap_or(0))),
        ISO_DATE_GMT => match local_to_utc(d, add_time.unwrap_or(0)) {
            Some(u) => u.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            None => String::new(),
        },
        DATE_RFC_1123 => match local_to_utc(d, add_time.unwrap_or(0)) {
            Some(u) => u.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
            None => String::new(),
        },
        _ => format!("{m:02}/{day:02}/{y:04}"),
    }
}

/// `String(time{; format})`. The default is `HH:MM:SS` (hours may pass 24; negative times get a
/// leading `-`).
pub fn format_time(t: i64, format: Option<DateFormat>) -> String {
    use time_format::*;
    let code = match format {
        None => HH_MM_SS,
        Some(DateFormat::Pattern(p)) => return format_pattern(None, t, p),
        Some(DateFormat::Code(c)) => c,
    };
    let (code, blank) =
        if code >= BLANK_IF_NULL { (code - BLANK_IF_NULL, true) } else { (code, false) };
    if blank && t == 0 {
        return String::new();
    }
    let sign = if t < 0 { "-" } else { "" };
    let s = t.unsigned_abs();
    let (h, mi, se) = (s / 3600, s / 60 % 60, s % 60);
    let unit = |n: u64, one: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let spelled = |parts: &[(u64, &str)]| {
        let shown: Vec<String> =
            parts.iter().filter(|(n, _)| *n != 0).map(|(n, u)| unit(*n, u)).collect();
        if shown.is_empty() {
            parts.last().map(|(_, u)| unit(0, u)).unwrap_or_default()
        } else {
            format!("{sign}{}", shown.join(" "))
        }
    };
    let ampm = |with_secs: bool| {
        let h12 = match h % 24 {
            0 => 12,
            h if h > 12 => h - 12,
            h => h,
        };
        let suffix = if h % 24 < 12 { "AM" } else { "PM" };
        if with_secs {
            format!("{sign}{h12}:{mi:02}:{se:02} {suffix}")
        } else {
            format!("{sign}{h12}:{mi:02} {suffix}")
        }
    };
    match code {
        HH_MM => format!("{sign}{h:02}:{mi:02}"),
        HOUR_MIN_SEC => spelled(&[(h, "hour"), (mi, "minute"), (se, "second")]),
        HOUR_MIN => spelled(&[(h, "hour"), (mi, "minute")]),
        HH_MM_AM_PM => ampm(false),
        MM_SS => format!("{sign}{:02}:{se:02}", s / 60),
        MIN_SEC => spelled(&[(s / 60, "minute"), (se, "second")]),
        ISO_TIME => format!("0000-00-00T{}", hms(t)),
        SYSTEM_TIME_LONG_ABBREVIATED | SYSTEM_TIME_LONG => ampm(true),
        _ => hms(t),
    }
}

/// The format argument of `String`: a number → a display-format constant, a text → a pattern,
/// anything else → the default.
pub fn format_arg(v: Option<&Value>) -> Option<DateFormat<'_>> {
    match v? {
        Value::Int(i) => Some(DateFormat::Code(*i)),
        Value::Real(r) => Some(DateFormat::Code(*r as i32)),
        Value::Text(t) => Some(DateFormat::Pattern(t.as_str())),
        _ => None,
    }
}

/// `String(date{; format{; addTime}})` on values: `format` an Integer/Real constant or a Text
/// pattern, `add_time` a Time (or seconds).
pub fn format_date_value(d: Date, format: Option<&Value>, add_time: Option<&Value>) -> String {
    let add = match add_time {
        Some(Value::Time(t)) => Some(*t),
        Some(Value::Int(i)) => Some(*i as i64),
        Some(Value::Real(r)) if r.is_finite() => Some(*r as i64),
        _ => None,
    };
    format_date(d, format_arg(format), add)
}

/// `String(time{; format})` on values.
pub fn format_time_value(t: i64, format: Option<&Value>) -> String {
    format_time(t, format_arg(format))
}

/// `Time string(seconds)`: `HH:MM:SS`.
pub fn time_string(secs: i64) -> String {
    hms(secs)
}

/// A date/time pattern (ICU-style letters, as in 4D's custom formats): `y M d E H h m s a S G`
/// with their repeat counts, `'quoted'` literals (`''` for a quote), and `O`/`z`/`Z` zones
/// (local offset). Other characters are copied.
fn format_pattern(d: Option<Date>, secs: i64, pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let date = d.unwrap_or(Date::NULL);
    let s = secs.rem_euclid(86_400) as u64;
    let (h, mi, se) = (s / 3600, s / 60 % 60, s % 60);
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            if chars.get(i + 1) == Some(&'\'') {
                out.push('\'');
                i += 2;
                continue;
            }
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        out.push('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                out.push(chars[i]);
                i += 1;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while chars.get(i + n) == Some(&c) {
            n += 1;
        }
        i += n;
        let num = |v: u64, width: usize| format!("{v:0width$}");
        match c {
            'y' | 'Y' | 'u' => {
                let y = date.year as u64;
                out.push_str(&if n == 2 { num(y % 100, 2) } else { num(y, n) });
            }
            'M' | 'L' => match n {
                1 | 2 => out.push_str(&num(date.month as u64, n)),
                3 => out.push_str(abbr(month_name(date.month))),
                4 => out.push_str(month_name(date.month)),
                _ => out.push_str(month_name(date.month).get(..1).unwrap_or("")),
            },
            'd' => out.push_str(&num(date.day as u64, n)),
            'D' => {
                let doy = date
                    .to_days()
                    .map(|x| x - days_from_civil(date.year as i64, 1, 1) + 1)
                    .unwrap_or(0);
                out.push_str(&num(doy as u64, n));
            }
            'E' | 'e' | 'c' => match n {
                4 => out.push_str(day_name(date)),
                5 => out.push_str(day_name(date).get(..1).unwrap_or("")),
                6 => out.push_str(day_name(date).get(..2).unwrap_or("")),
                _ if c != 'E' && n <= 2 => out.push_str(&num(day_number(date) as u64, n)),
                _ => out.push_str(abbr(day_name(date))),
            },
            'G' => out.push_str(if n == 4 { "Anno Domini" } else { "AD" }),
            'H' => out.push_str(&num(h, n)),
            'k' => out.push_str(&num(if h == 0 { 24 } else { h }, n)),
            'h' => out.push_str(&num(if h % 12 == 0 { 12 } else { h % 12 }, n)),
            'K' => out.push_str(&num(h % 12, n)),
            'm' => out.push_str(&num(mi, n)),
            's' => out.push_str(&num(se, n)),
            'S' => out.push_str(&"0".repeat(n)),
            'a' => out.push_str(if h < 12 { "AM" } else { "PM" }),
            'O' | 'z' | 'Z' | 'v' | 'V' | 'x' | 'X' => out.push_str(&zone(date, secs, c, n)),
            other => {
                for _ in 0..n {
                    out.push(other);
                }
            }
        }
    }
    out
}

fn zone(d: Date, secs: i64, letter: char, n: usize) -> String {
    let offset = local_to_utc(if d.is_null() { Date::new(2000, 1, 1) } else { d }, secs)
        .map(|u| Local.from_utc_datetime(&u.naive_utc()).offset().local_minus_utc())
        .unwrap_or(0);
    let sign = if offset < 0 { '-' } else { '+' };
    let (oh, om) = (offset.abs() / 3600, offset.abs() / 60 % 60);
    match letter {
        'Z' | 'x' | 'X' if n < 4 => format!("{sign}{oh:02}{om:02}"),
        'O' if n < 4 => {
            if offset == 0 {
                "GMT".to_string()
            } else if om == 0 {
                format!("GMT{sign}{oh}")
            } else {
                format!("GMT{sign}{oh}:{om:02}")
            }
        }
        _ => {
            if offset == 0 {
                "GMT".to_string()
            } else {
                format!("GMT{sign}{oh:02}:{om:02}")
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// `Date(text)`: `YYYY-MM-DD` (optionally followed by a time, ignored), or the system short
/// format `MM/DD/YYYY` (any non-digit separators; two-digit years 00–29 → 20xx, 30–99 → 19xx).
/// Anything unreadable gives the null date.
pub fn parse_date(text: &str) -> Date {
    let t = text.trim();
    if let Some(d) = super::json::iso_date_prefix(t) {
        return d;
    }
    let groups: Vec<&str> =
        t.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    if groups.len() < 3 {
        return Date::NULL;
    }
    let parse = |g: &str| g.parse::<i64>().ok();
    let (Some(m), Some(d), Some(mut y)) = (parse(groups[0]), parse(groups[1]), parse(groups[2]))
    else {
        return Date::NULL;
    };
    if groups[2].len() <= 2 {
        y += if y < 30 { 2000 } else { 1900 };
    }
    if !(1..=32767).contains(&y)
        || !(1..=12).contains(&m)
        || d < 1
        || d > days_in_month(y, m) as i64
    {
        return Date::NULL;
    }
    Date::new(y as u16, m as u8, d as u8)
}

/// `Time(text)`: `HH:MM:SS`, `HH:MM` or `HH` (hours may pass 24; a leading `-`; an optional
/// `AM`/`PM`), or the time part of an ISO date-time (`…THH:MM:SS`). `None` when unreadable.
pub fn parse_time(text: &str) -> Option<i64> {
    let mut t = text.trim();
    if let Some(pos) = t.find('T') {
        if pos >= 8 && t.as_bytes()[..pos].iter().all(|c| c.is_ascii_digit() || *c == b'-') {
            t = &t[pos + 1..];
            t = t.trim_end_matches('Z');
            if let Some(dot) = t.find('.') {
                t = &t[..dot];
            }
        }
    }
    let upper = t.to_ascii_uppercase();
    let (body, meridiem) = if let Some(b) = upper.strip_suffix("AM") {
        (b.trim().to_string(), Some(false))
    } else if let Some(b) = upper.strip_suffix("PM") {
        (b.trim().to_string(), Some(true))
    } else {
        (upper.clone(), None)
    };
    let (neg, body) = match body.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, body),
    };
    let parts: Vec<&str> =
        body.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() || parts.len() > 3 || body.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    let mut vals = [0i64; 3];
    for (i, p) in parts.iter().enumerate() {
        vals[i] = p.parse().ok()?;
    }
    let mut h = vals[0];
    if let Some(pm) = meridiem {
        h %= 12;
        if pm {
            h += 12;
        }
    }
    let secs = h.checked_mul(3600)?.checked_add(vals[1] * 60 + vals[2])?;
    Some(if neg { -secs } else { secs })
}

/// `Date(value)`: a Date as is, a Text parsed ([`parse_date`]), anything else the null date.
pub fn date_of_value(v: &Value) -> Date {
    match v {
        Value::Date(d) => *d,
        Value::Text(t) => parse_date(t),
        _ => Date::NULL,
    }
}

/// `Time(value)`: a Time as is, a number as seconds, a Text parsed ([`parse_time`], 0 when
/// unreadable), anything else 0.
pub fn time_of_value(v: &Value) -> i64 {
    match v {
        Value::Time(t) => *t,
        Value::Int(i) => *i as i64,
        Value::Real(r) if r.is_finite() => r.trunc() as i64,
        Value::Text(t) => parse_time(t).unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day)
    }

    #[test]
    fn check_7_date_arithmetic() {
        assert_eq!(days_between(d(2017, 1, 20), d(2017, 1, 1)), 19);
        assert_eq!(add_days(d(2017, 1, 20), 9), d(2017, 1, 29));
        assert_eq!(add_days(d(2000, 11, 10), -10), d(2000, 10, 31));
        assert_eq!(days_between(Date::NULL, Date::NULL), 0);
    }

    #[test]
    fn add_to_date_clamps_end_of_month() {
        assert_eq!(add_to_date(d(2000, 1, 31), 0, 1, 0), d(2000, 2, 29));
        assert_eq!(add_to_date(d(2001, 1, 31), 0, 1, 0), d(2001, 2, 28));
        assert_eq!(add_to_date(d(2024, 2, 29), 1, 0, 15), d(2025, 3, 15));
        assert_eq!(add_to_date(d(2024, 1, 15), 0, -13, 0), d(2022, 12, 15));
        assert_eq!(add_to_date(d(2024, 12, 31), 0, 0, 1), d(2025, 1, 1));
        // The null date is year 0, month 0, day 0 (the usual way to build a date from parts).
        assert_eq!(add_to_date(Date::NULL, 1, 1, 1), d(1, 1, 1));
        assert_eq!(add_to_date(Date::NULL, 2024, 3, 0), d(2024, 2, 29));
        assert_eq!(add_to_date(Date::NULL, 0, 0, 1), Date::NULL);
    }

    #[test]
    fn parts() {
        let x = d(2024, 1, 31);
        assert_eq!((day_of(x), month_of(x), year_of(x), day_number(x)), (31, 1, 2024, 4));
        assert_eq!(day_number(Date::NULL), 2);
    }

    #[test]
    fn date_formats() {
        let x = d(2023, 11, 27);
        assert_eq!(format_date(x, None, None), "11/27/2023");
        assert_eq!(format_date(x, Some(DateFormat::Code(5)), None), "November 27, 2023");
        assert_eq!(format_date(x, Some(DateFormat::Code(6)), None), "Nov 27, 2023");
        assert_eq!(format_date(x, Some(DateFormat::Code(3)), None), "Monday, November 27, 2023");
        assert_eq!(format_date(x, Some(DateFormat::Code(2)), None), "Mon, Nov 27, 2023");
        assert_eq!(format_date(x, Some(DateFormat::Code(4)), None), "11/27/23");
        assert_eq!(format_date(d(1896, 12, 29), Some(DateFormat::Code(4)), None), "12/29/1896");
        assert_eq!(format_date(x, Some(DateFormat::Code(8)), None), "2023-11-27T00:00:00");
        assert_eq!(
            format_date(x, Some(DateFormat::Code(8)), Some(3600 * 18 + 11 * 60 + 53)),
            "2023-11-27T18:11:53"
        );
        assert_eq!(format_date(Date::NULL, None, None), "00/00/0000");
        assert_eq!(format_date(Date::NULL, Some(DateFormat::Code(107)), None), "");
        assert_eq!(
            format_date(x, Some(DateFormat::Pattern("EEEE d MMMM y GGGG")), None),
            "Monday 27 November 2023 Anno Domini"
        );
        assert_eq!(
            format_date(x, Some(DateFormat::Pattern("yyyy-MM-dd 'at' HH:mm")), Some(3600)),
            "2023-11-27 at 01:00"
        );
        let gmt = format_date(x, Some(DateFormat::Code(9)), Some(0));
        assert!(gmt.ends_with('Z') && gmt.len() == 20, "{gmt}");
        assert!(format_date(x, Some(DateFormat::Code(10)), None).ends_with(" GMT"));
    }

    #[test]
    fn time_formats() {
        let t = 3600 + 2 * 60 + 3;
        assert_eq!(format_time(t, None), "01:02:03");
        assert_eq!(format_time(t, Some(DateFormat::Code(2))), "01:02");
        assert_eq!(format_time(t, Some(DateFormat::Code(3))), "1 hour 2 minutes 3 seconds");
        assert_eq!(format_time(t, Some(DateFormat::Code(4))), "1 hour 2 minutes");
        assert_eq!(format_time(t, Some(DateFormat::Code(5))), "1:02 AM");
        assert_eq!(format_time(t, Some(DateFormat::Code(6))), "62:03");
        assert_eq!(format_time(t, Some(DateFormat::Code(7))), "62 minutes 3 seconds");
        assert_eq!(format_time(t, Some(DateFormat::Code(8))), "0000-00-00T01:02:03");
        let t2 = 17 * 3600 + 30 * 60 + 45;
        assert_eq!(format_time(t2, Some(DateFormat::Code(5))), "5:30 PM");
        assert_eq!(format_time(t2, Some(DateFormat::Code(3))), "17 hours 30 minutes 45 seconds");
        assert_eq!(format_time(t2, Some(DateFormat::Pattern("hh:mm a"))), "05:30 PM");
        assert_eq!(format_time(25 * 3600, None), "25:00:00");
        assert_eq!(format_time(-3600, None), "-01:00:00");
        assert_eq!(format_time(0, Some(DateFormat::Code(101))), "");
        assert_eq!(time_string(4 * 3600 + 5), "04:00:05");
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_date("2017-08-28"), d(2017, 8, 28));
        assert_eq!(parse_date("2017-08-28T10:00:00Z"), d(2017, 8, 28));
        assert_eq!(parse_date("08/28/2017"), d(2017, 8, 28));
        assert_eq!(parse_date("8/4/62"), d(1962, 8, 4));
        assert_eq!(parse_date("8/4/12"), d(2012, 8, 4));
        assert_eq!(parse_date("02/30/2017"), Date::NULL);
        assert_eq!(parse_date("hello"), Date::NULL);
        assert_eq!(parse_time("01:02:03"), Some(3723));
        assert_eq!(parse_time("25:00"), Some(90000));
        assert_eq!(parse_time("5:30 PM"), Some(17 * 3600 + 1800));
        assert_eq!(parse_time("12:00 AM"), Some(0));
        assert_eq!(parse_time("-01:00:00"), Some(-3600));
        assert_eq!(parse_time("2020-01-01T10:20:30.123Z"), Some(37230));
        assert_eq!(parse_time("abc"), None);
        assert_eq!(time_of_value(&Value::Real(5120.0)), 5120);
    }

    #[test]
    fn clock() {
        let ts = timestamp();
        assert_eq!(ts.len(), 24, "{ts}");
        assert!(ts.ends_with('Z'));
        assert!(!current_date().is_null());
        assert!((0..86_400).contains(&current_time()));
        assert!(milliseconds() >= 0 && tickcount() >= 0);
    }
}

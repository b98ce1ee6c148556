//! Number ↔ text conversions with 4D's rules (`String`, `Num`), and the decimal rounding used by
//! `Round`/`Trunc`.
//!
//! mini4d has no system locale: the decimal separator is always `.` and the thousands separator
//! `,` (4D uses the system's; `&xml` is the only format where 4D itself forces `.`).
//!
//! Rounding is done on the shortest decimal representation of the double (the digits that
//! `String` and JSON show), half away from zero, so that `Round(1.005;2)` is 1.01 and
//! `String(0.285;"0.00")` is "0.29" as a reader of the decimal value expects.

use super::value::Value;

// ---------------------------------------------------------------------------------------------
// Decimal digits of a double
// ---------------------------------------------------------------------------------------------

/// A finite non-negative decimal: `0.d1d2d3… × 10^point`, digits without leading or trailing
/// zeros (empty = zero).
#[derive(Clone, Debug, PartialEq)]
struct Decimal {
    digits: Vec<u8>,
    point: i32,
}

#[derive(Clone, Copy, PartialEq)]
enum RoundMode {
    HalfAwayFromZero,
    /// Toward zero on the magnitude (combined with the sign this gives floor or trunc).
    Down,
    /// Away from zero if anything non-zero is dropped.
    Up,
}

impl Decimal {
    /// The shortest representation that reads back to `x.abs()` (finite).
    fn from_f64(x: f64) -> Decimal {
        let x = x.abs();
        if x == 0.0 || !x.is_finite() {
            return Decimal { digits: Vec::new(), point: 0 };
        }
        let s = format!("{x:e}");
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        let mut d = Decimal { digits, point: exp + 1 };
        d.normalize();
        d
    }

    fn normalize(&mut self) {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        let lead = self.digits.iter().take_while(|&&d| d == 0).count();
        if lead > 0 {
            self.digits.drain(..lead);
            self.point -= lead as i32;
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Keeps `places` digits after the decimal point (negative: rounds left of the point).
    fn round_places(&mut self, places: i32, mode: RoundMode) {
        if self.is_zero() {
            return;
        }
        let keep = self.point as i64 + places as i64;
        if keep >= self.digits.len() as i64 {
            return;
        }
        let (increment, keep) = if keep < 0 {
            (mode == RoundMode::Up, 0usize)
        } else {
            let k = keep as usize;
            let dropped = &self.digits[k..];
            let inc = match mode {
                RoundMode::HalfAwayFromZero => dropped[0] >= 5,
                RoundMode::Down => false,
                RoundMode::Up => dropped.iter().any(|&d| d != 0),
            };
            (inc, k)
        };
        if keep == 0 {
            if increment {
                // one unit of the last kept place
                self.digits = vec![1];
                self.point = 1 - places;
            } else {
                self.digits.clear();
                self.point = 0;
            }
            return;
        }
        self.digits.truncate(keep);
        if increment {
            let mut i = keep;
            loop {
                if i == 0 {
                    self.digits.insert(0, 1);
                    self.point += 1;
                    break;
                }
                i -= 1;
                if self.digits[i] == 9 {
                    self.digits[i] = 0;
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        self.normalize();
    }

    /// Keeps `sig` significant digits, half away from zero.
    fn round_significant(&mut self, sig: i32) {
        let places = sig - self.point;
        self.round_places(places, RoundMode::HalfAwayFromZero);
    }

    /// Integer-part digits (empty for 0) and the first `frac` fraction digits (zero-padded).
    fn split(&self, frac: usize) -> (String, String) {
        let mut int = String::new();
        let mut fr = String::with_capacity(frac);
        for i in 0..self.point.max(0) {
            let d = self.digits.get(i as usize).copied().unwrap_or(0);
            int.push((b'0' + d) as char);
        }
        for j in 0..frac as i64 {
            let idx = self.point as i64 + j;
            let d = if idx >= 0 { self.digits.get(idx as usize).copied().unwrap_or(0) } else { 0 };
            fr.push((b'0' + d) as char);
        }
        (int, fr)
    }

    fn to_f64(&self, negative: bool) -> f64 {
        if self.is_zero() {
            return 0.0;
        }
        let mut s = String::with_capacity(self.digits.len() + 12);
        if negative {
            s.push('-');
        }
        s.push_str("0.");
        for &d in &self.digits {
            s.push((b'0' + d) as char);
        }
        s.push('e');
        s.push_str(&self.point.to_string());
        s.parse().unwrap_or(0.0)
    }
}

fn decimal_round(x: f64, places: i32, mode: RoundMode) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let mut d = Decimal::from_f64(x);
    d.round_places(places, mode);
    d.to_f64(x < 0.0)
}

/// `Round(x; places)`: half away from zero; negative `places` round left of the point.
pub fn round_half_away(x: f64, places: i32) -> f64 {
    if places >= 0 && x.fract() == 0.0 {
        return x;
    }
    decimal_round(x, places.clamp(-400, 400), RoundMode::HalfAwayFromZero)
}

/// `Trunc(x; places)`: toward −∞ at the given place (4D: `Trunc(-216.897;1)` = -216.9).
pub fn trunc_floor(x: f64, places: i32) -> f64 {
    if places >= 0 && x.fract() == 0.0 {
        return x;
    }
    let mode = if x < 0.0 { RoundMode::Up } else { RoundMode::Down };
    decimal_round(x, places.clamp(-400, 400), mode)
}

// ---------------------------------------------------------------------------------------------
// String(number)
// ---------------------------------------------------------------------------------------------

/// A Real as `String` shows it: up to 13 significant digits, no trailing zeros,
/// "INF"/"-INF" for infinities and "" for NaN. Magnitudes below 1e-4 or from 1e13 on use the
/// exponent form `1.5e+20` / `1e-5` (like C's `%.13g`, without exponent padding).
pub fn format_real(x: f64) -> String {
    if x.is_nan() {
        return String::new();
    }
    if x.is_infinite() {
        return if x > 0.0 { "INF".into() } else { "-INF".into() };
    }
    if x == 0.0 {
        return "0".into();
    }
    if x.fract() == 0.0 && x.abs() < 1e13 {
        return (x as i64).to_string();
    }
    let mut d = Decimal::from_f64(x);
    d.round_significant(13);
    let mut out = String::new();
    if x < 0.0 && !d.is_zero() {
        out.push('-');
    }
    let exp = d.point - 1;
    if !(-4..13).contains(&exp) {
        push_digits(&mut out, &d.digits[..1]);
        if d.digits.len() > 1 {
            out.push('.');
            push_digits(&mut out, &d.digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&exp.abs().to_string());
    } else {
        let frac = (d.digits.len() as i32 - d.point).max(0) as usize;
        let (int, fr) = d.split(frac);
        out.push_str(if int.is_empty() { "0" } else { &int });
        if !fr.is_empty() {
            out.push('.');
            out.push_str(&fr);
        }
    }
    out
}

fn push_digits(out: &mut String, digits: &[u8]) {
    for &d in digits {
        out.push((b'0' + d) as char);
    }
}

/// An Integer as `String` shows it.
pub fn format_int(i: i32) -> String {
    // Room for a short prefix (`"item"+String($i)` then reuses this buffer): the allocator's
    // smallest block holds 24 bytes anyway.
    let mut s = String::with_capacity(24);
    IntText::new(i).push_to(&mut s);
    s
}

/// An Integer's digits as `String` shows them, in a stack buffer (for appending them to a text
/// without an allocation of their own).
pub struct IntText {
    buf: [u8; 11],
    pos: usize,
}

impl IntText {
    pub fn new(i: i32) -> IntText {
        // Digits written backwards, two at a time from a table: cheaper than the formatting
        // machinery (`n` < 2^31 has at most 10 digits; the buffer has room for the sign).
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let mut buf = [0u8; 11];
        let mut pos = buf.len();
        let mut n = i.unsigned_abs();
        while n >= 100 {
            let d = (n % 100) as usize * 2;
            n /= 100;
            pos -= 2;
            buf[pos..pos + 2].copy_from_slice(&PAIRS[d..d + 2]);
        }
        if n >= 10 {
            let d = n as usize * 2;
            pos -= 2;
            buf[pos..pos + 2].copy_from_slice(&PAIRS[d..d + 2]);
        } else {
            pos -= 1;
            buf[pos] = b'0' + n as u8;
        }
        if i < 0 {
            pos -= 1;
            buf[pos] = b'-';
        }
        IntText { buf, pos }
    }

    /// Appends the digits to `s` (ASCII bytes pushed as they are: no UTF-8 validation).
    #[inline]
    pub fn push_to(&self, s: &mut String) {
        s.reserve(self.buf.len() - self.pos);
        for &b in &self.buf[self.pos..] {
            s.push(char::from(b));
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        let digits = self.buf.get(self.pos..).unwrap_or_default();
        debug_assert!(digits.is_ascii());
        // SAFETY: `new` writes only ASCII digits and '-' from `pos` on: valid UTF-8 (checking
        // it cost ~60 instructions, a third of `"item"+String($i)`).
        unsafe { std::str::from_utf8_unchecked(digits) }
    }
}

/// `String(number; format)` with a 4D number display format: placeholders `#` (nothing for a
/// leading/trailing zero), `0` (a zero), `^` (a space), `*` (an asterisk); `.` decimal point, `,`
/// and any character between placeholders shown only between displayed digits; literal prefix
/// and suffix; `positive;negative;zero` sections (the zero section is shown as is); digits past
/// the last placeholder are cut, not rounded (4D: only the scientific format rounds); `&n`
/// scientific with n-1 decimals (rounded), `&x`/`&$` hexadecimal (32-bit), `&xml`. More digits than
/// placeholders give `<` characters, as 4D does.
///
/// Not supported (the number is shown in the default format): `|style` custom style names and
/// `&/n` time formats.
pub fn format_with(x: f64, format: &str) -> String {
    if format.is_empty() || format.starts_with('|') || format.starts_with("&/") {
        return format_real(x);
    }
    if format == "&xml" {
        return format_real(x);
    }
    if format == "&x" || format == "&$" {
        return format_hex(x, format == "&x");
    }
    if let Some(n) = format.strip_prefix('&').and_then(|n| n.parse::<u32>().ok()) {
        return format_scientific(x, n);
    }
    if x.is_nan() {
        return String::new();
    }
    if x.is_infinite() {
        return format_real(x);
    }
    let sections: Vec<&str> = format.splitn(3, ';').collect();
    if x == 0.0 {
        if let Some(zero) = sections.get(2) {
            return (*zero).to_owned();
        }
    }
    if x < 0.0 {
        if let Some(neg) = sections.get(1) {
            return format_section(-x, neg, false);
        }
        return format_section(-x, sections[0], true);
    }
    format_section(x, sections[0], false)
}

fn format_hex(x: f64, zero_x: bool) -> String {
    let v = if x.is_finite() { x.round() as i64 as u32 } else { 0 };
    if zero_x {
        if v <= 0xFFFF {
            format!("0x{v:04X}")
        } else {
            format!("0x{v:08X}")
        }
    } else {
        format!("${v:X}")
    }
}

fn format_scientific(x: f64, n: u32) -> String {
    if x.is_nan() {
        return String::new();
    }
    if x.is_infinite() {
        return format_real(x);
    }
    let decimals = n.saturating_sub(1).min(30) as usize;
    let mut d = Decimal::from_f64(x);
    let mut exp = if d.is_zero() { 0 } else { d.point - 1 };
    d.round_significant(decimals as i32 + 1);
    if !d.is_zero() && d.point - 1 != exp {
        exp = d.point - 1; // 9.99 → 10.0
    }
    let mut out = String::new();
    if x < 0.0 && !d.is_zero() {
        out.push('-');
    }
    out.push((b'0' + d.digits.first().copied().unwrap_or(0)) as char);
    if decimals > 0 {
        out.push('.');
        for i in 1..=decimals {
            out.push((b'0' + d.digits.get(i).copied().unwrap_or(0)) as char);
        }
    }
    out.push('e');
    out.push(if exp < 0 { '-' } else { '+' });
    out.push_str(&exp.abs().to_string());
    out
}

fn is_placeholder(c: char) -> bool {
    matches!(c, '#' | '0' | '^' | '*')
}

/// What a placeholder shows for a leading or trailing zero.
fn blank_of(p: char) -> Option<char> {
    match p {
        '0' => Some('0'),
        '^' => Some(' '),
        '*' => Some('*'),
        _ => None,
    }
}

/// One rendered slot of the number region.
#[derive(Clone, Copy)]
enum Cell {
    /// A digit, or a zero shown by a `0` placeholder.
    Digit(char),
    /// A fill character (`^` space, `*` asterisk) or nothing (`#`).
    Fill(Option<char>),
    /// A literal between placeholders (shown only between digits).
    Inner(char),
    Sign,
}

fn format_section(v: f64, section: &str, minus: bool) -> String {
    let chars: Vec<char> = section.chars().collect();
    let (Some(first), Some(last)) = (
        chars.iter().position(|&c| is_placeholder(c)),
        chars.iter().rposition(|&c| is_placeholder(c)),
    ) else {
        return section.to_owned();
    };
    let prefix: String = chars[..first].iter().collect();
    let suffix: String = chars[last + 1..].iter().collect();
    let region = &chars[first..=last];
    let dot = region.iter().position(|&c| c == '.');
    let (int_slots, frac_slots) = match dot {
        Some(d) => (&region[..d], &region[d + 1..]),
        None => (region, &region[..0]),
    };
    let int_places = int_slots.iter().filter(|&&c| is_placeholder(c)).count();
    let frac_places = frac_slots.iter().filter(|&&c| is_placeholder(c)).count();

    let mut d = Decimal::from_f64(v);
    // Extra decimals are cut, not rounded: the number-format documentation's table shows
    // 1234.50 with "####" as "1234" (only the scientific format rounds).
    d.round_places(frac_places as i32, RoundMode::Down);
    let minus = minus && !d.is_zero();
    let (int_digits, frac_digits) = d.split(frac_places);

    if int_digits.len() > int_places || (minus && int_digits.len() == int_places && int_places > 0)
    {
        return "<".repeat(int_places + frac_places);
    }

    // integer part, right to left
    let mut cells: Vec<Cell> = Vec::with_capacity(int_slots.len() + 1);
    let mut digits = int_digits.chars().rev();
    for &c in int_slots.iter().rev() {
        if is_placeholder(c) {
            match digits.next() {
                Some(dg) => cells.push(Cell::Digit(dg)),
                None => cells.push(match blank_of(c) {
                    Some('0') => Cell::Digit('0'),
                    other => Cell::Fill(other),
                }),
            }
        } else {
            cells.push(Cell::Inner(c));
        }
    }
    cells.reverse();
    if minus {
        // just left of the leftmost digit, in a blank slot when there is one
        let lead = cells.iter().position(|c| matches!(c, Cell::Digit(_))).unwrap_or(cells.len());
        let blank = cells[..lead].iter().rposition(|c| matches!(c, Cell::Fill(_)));
        match blank {
            Some(b) => {
                cells[b] = Cell::Sign;
                // inner literals between the sign and the digits disappear
                for c in cells[b + 1..lead].iter_mut() {
                    if matches!(c, Cell::Inner(_)) {
                        *c = Cell::Fill(None);
                    }
                }
            }
            None => cells.insert(0, Cell::Sign),
        }
    }
    let mut out = prefix;
    render_cells(&cells, &mut out);

    // fraction part: trailing zeros follow the placeholders' blank rule
    if dot.is_some() {
        let significant = frac_digits.trim_end_matches('0').len();
        let mut fcells: Vec<Cell> = Vec::with_capacity(frac_slots.len());
        let mut k = 0;
        for &c in frac_slots {
            if is_placeholder(c) {
                let dg = frac_digits.as_bytes().get(k).map(|&b| b as char).unwrap_or('0');
                fcells.push(if k < significant {
                    Cell::Digit(dg)
                } else {
                    match blank_of(c) {
                        Some('0') => Cell::Digit('0'),
                        other => Cell::Fill(other),
                    }
                });
                k += 1;
            } else {
                fcells.push(Cell::Inner(c));
            }
        }
        if fcells.iter().any(|c| matches!(c, Cell::Digit(_))) {
            out.push('.');
        }
        render_cells(&fcells, &mut out);
    }
    out.push_str(&suffix);
    out
}

fn render_cells(cells: &[Cell], out: &mut String) {
    let shown = |c: &Cell| matches!(c, Cell::Digit(_));
    for (i, cell) in cells.iter().enumerate() {
        match *cell {
            Cell::Digit(d) => out.push(d),
            Cell::Fill(Some(f)) => out.push(f),
            Cell::Fill(None) => {}
            Cell::Sign => out.push('-'),
            Cell::Inner(c) => {
                let left = cells[..i].iter().rev().find(|c| !matches!(c, Cell::Inner(_)));
                let right = cells[i + 1..].iter().find(|c| !matches!(c, Cell::Inner(_)));
                if left.is_some_and(shown) && right.is_some_and(shown) {
                    out.push(c);
                } else if let Some(Cell::Fill(Some(f))) = left {
                    out.push(*f);
                }
            }
        }
    }
}

/// `String(number; base)` (4D 21): the ECMAScript `Number.prototype.toString(radix)` result, base
/// 2..36 (0 = 10); not-a-number and infinities give "NaN". `None` for a base out of range.
pub fn format_radix(x: f64, base: i32) -> Option<String> {
    let base = if base == 0 { 10 } else { base };
    if !(2..=36).contains(&base) {
        return None;
    }
    if !x.is_finite() {
        return Some("NaN".into());
    }
    if base == 10 {
        return Some(format_ecma(x));
    }
    let radix = base as u32;
    let neg = x < 0.0;
    let v = x.abs();
    let mut int = v.trunc();
    let mut frac = v - int;
    let digit = |d: u32| std::char::from_digit(d, radix).unwrap_or('0');
    // fraction digits, stopping at the precision of the double (delta = half an ulp)
    let mut fdigits: Vec<u32> = Vec::new();
    let mut delta = 0.5 * (next_up(v) - v);
    delta = delta.max(next_up(0.0));
    if frac >= delta {
        loop {
            frac *= base as f64;
            delta *= base as f64;
            let d = frac.floor();
            fdigits.push(d as u32);
            frac -= d;
            if (frac > 0.5 || (frac == 0.5 && (d as u32) & 1 == 1)) && frac + delta > 1.0 {
                // round up and propagate
                loop {
                    match fdigits.pop() {
                        None => {
                            int += 1.0;
                            break;
                        }
                        Some(last) if last + 1 < radix => {
                            fdigits.push(last + 1);
                            break;
                        }
                        Some(_) => {}
                    }
                }
                break;
            }
            if frac < delta || fdigits.len() > 1100 {
                break;
            }
        }
    }
    // integer digits (exact for integers up to 2^53; larger ones keep their leading digits)
    let mut idigits: Vec<char> = Vec::new();
    if int == 0.0 {
        idigits.push('0');
    }
    while int >= 1.0 {
        let r = int % base as f64;
        idigits.push(digit(r as u32));
        int = ((int - r) / base as f64).trunc();
    }
    let mut out = String::new();
    if neg && (v != 0.0) {
        out.push('-');
    }
    out.extend(idigits.iter().rev());
    if !fdigits.is_empty() {
        out.push('.');
        out.extend(fdigits.iter().map(|&d| digit(d)));
    }
    Some(out)
}

fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let bits = x.to_bits();
    f64::from_bits(if x > 0.0 { bits + 1 } else { bits - 1 })
}

/// ECMAScript Number::toString for base 10 (shortest digits, exponent from 1e21 and below 1e-6).
fn format_ecma(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let d = Decimal::from_f64(x);
    let k = d.digits.len() as i32;
    let n = d.point;
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    if k <= n && n <= 21 {
        push_digits(&mut out, &d.digits);
        out.push_str(&"0".repeat((n - k) as usize));
    } else if 0 < n && n <= 21 {
        push_digits(&mut out, &d.digits[..n as usize]);
        out.push('.');
        push_digits(&mut out, &d.digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-n) as usize));
        push_digits(&mut out, &d.digits);
    } else {
        push_digits(&mut out, &d.digits[..1]);
        if k > 1 {
            out.push('.');
            push_digits(&mut out, &d.digits[1..]);
        }
        out.push('e');
        out.push(if n - 1 < 0 { '-' } else { '+' });
        out.push_str(&(n - 1).abs().to_string());
    }
    out
}

/// `String(value; format{; addTime})` for Date, Time, Object and Collection values (dates and times
/// per the date/time display formats, objects and collections as JSON). `None` = not handled here.
pub fn format_other(
    value: &Value,
    format: Option<&Value>,
    add_time: Option<&Value>,
) -> Option<String> {
    match value {
        Value::Date(d) => Some(super::datetime::format_date_value(*d, format, add_time)),
        Value::Time(t) => Some(super::datetime::format_time_value(*t, format)),
        Value::Object(_)
        | Value::Collection(_)
        | Value::SharedObject(_)
        | Value::SharedCollection(_) => super::json::stringify(value, false).ok(),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Num(text)
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
/// `Num(text)` / `Num(text; separator)`: digits are kept and every other character ignored
/// ("A1B2C3" → 123); the decimal separator (`.` when `None`) starts the fraction; a `-` before any
/// digit makes the number negative, one after digits ends the number ("123-456" → 123); `e`/`E`
/// after digits starts the exponent (which may have its own `-`).
pub fn parse_num(text: &str, decimal_sep: Option<char>) -> f64 {
    let mut buf = [0u8; 4];
    let sep: &str = decimal_sep.unwrap_or('.').encode_utf8(&mut buf);
    parse_num_with(text, sep)
}

/// [`parse_num`] with a separator of one or more characters (4D accepts several).
pub fn parse_num_with(text: &str, sep: &str) -> f64 {
    let sep = if sep.is_empty() { "." } else { sep };
    let mut mantissa = String::new();
    let mut negative = false;
    let mut seen_digit = false;
    let mut seen_sep = false;
    let mut exponent = String::new();
    let mut in_exp = false;
    let mut exp_negative = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !in_exp && !seen_sep && rest.starts_with(sep) {
            seen_sep = true;
            mantissa.push('.');
            rest = &rest[sep.len()..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '0'..='9' => {
                if in_exp {
                    exponent.push(c);
                } else {
                    mantissa.push(c);
                    seen_digit = true;
                }
            }
            '-' => {
                if in_exp {
                    if exponent.is_empty() {
                        exp_negative = true;
                    } else {
                        break;
                    }
                } else if seen_digit {
                    break;
                } else {
                    negative = true;
                }
            }
            'e' | 'E' if seen_digit && !in_exp => in_exp = true,
            _ => {}
        }
    }
    if !seen_digit {
        return 0.0;
    }
    let mut s = String::with_capacity(mantissa.len() + exponent.len() + 3);
    if negative {
        s.push('-');
    }
    s.push_str(&mantissa);
    if !exponent.is_empty() {
        s.push('e');
        if exp_negative {
            s.push('-');
        }
        // keep the exponent parseable however long it is
        let e = exponent.trim_start_matches('0');
        s.push_str(if e.len() > 5 {
            "99999"
        } else if e.is_empty() {
            "0"
        } else {
            e
        });
    }
    s.parse().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_int_matches_to_string() {
        for i in [0, 1, -1, 9, 10, -10, 199_999, i32::MAX, i32::MIN, i32::MIN + 1] {
            assert_eq!(format_int(i), i.to_string());
        }
    }

    #[test]
    fn default_format_check_18() {
        assert_eq!(format_real(2f64.powi(15)), "32768");
        assert_eq!(format_real(1.0 / 3.0), "0.3333333333333");
        assert_eq!(format_real(f64::INFINITY), "INF");
        assert_eq!(format_real(f64::NEG_INFINITY), "-INF");
        assert_eq!(format_real(f64::NAN), "");
        assert_eq!(format_real(1f64.atan() * 4.0), "3.14159265359"); // 3.141592653590
    }

    #[test]
    fn default_format_more() {
        assert_eq!(format_real(0.1 + 0.2), "0.3");
        assert_eq!(format_real(-1.5), "-1.5");
        assert_eq!(format_real(0.0), "0");
        assert_eq!(format_real(-0.0), "0");
        assert_eq!(format_real(2.0 / 3.0), "0.6666666666667");
        assert_eq!(format_real(123456.789), "123456.789");
        assert_eq!(format_real(9999999999999.0), "9999999999999");
        assert_eq!(format_real(1e13), "1e+13");
        assert_eq!(format_real(1e20), "1e+20");
        assert_eq!(format_real(-1.5e20), "-1.5e+20");
        assert_eq!(format_real(0.0001), "0.0001");
        assert_eq!(format_real(0.00001), "1e-5");
        assert_eq!(format_real(1.23e-7), "1.23e-7");
        assert_eq!(format_real(0.99999999999999), "1");
        assert_eq!(format_real(f64::MAX), "1.797693134862e+308");
        assert_eq!(format_real(5e-324), "5e-324");
        assert_eq!(format_real(-7.0), "-7");
        assert_eq!(format_int(-42), "-42");
    }

    #[test]
    fn rounding_helpers_checks_19_20() {
        assert_eq!(round_half_away(16.857, 2), 16.86);
        assert_eq!(round_half_away(-1.5, 0), -2.0);
        assert_eq!(round_half_away(32345.67, -3), 32000.0);
        assert_eq!(round_half_away(2.5, 0), 3.0);
        assert_eq!(round_half_away(0.5, 0), 1.0);
        assert_eq!(round_half_away(-0.5, 0), -1.0);
        assert_eq!(round_half_away(1.005, 2), 1.01);
        assert_eq!(round_half_away(499.0, -3), 0.0);
        assert_eq!(round_half_away(500.0, -3), 1000.0);
        assert_eq!(round_half_away(999.96, 1), 1000.0);
        assert_eq!(round_half_away(0.0004, 3), 0.0);
        assert_eq!(round_half_away(0.0005, 3), 0.001);
        assert_eq!(trunc_floor(-216.897, 1), -216.9);
        assert_eq!(trunc_floor(216.897, -1), 210.0);
        assert_eq!(trunc_floor(0.29, 2), 0.29);
        assert_eq!(trunc_floor(-0.001, 0), -1.0);
        assert_eq!(trunc_floor(0.001, 0), 0.0);
        assert_eq!(trunc_floor(-5.0, 0), -5.0);
        assert_eq!(trunc_floor(-5.0, -1), -10.0);
        assert!(round_half_away(f64::NAN, 2).is_nan());
        assert_eq!(round_half_away(f64::INFINITY, 2), f64::INFINITY);
        assert_eq!(round_half_away(1.5, i32::MAX), 1.5);
        assert_eq!(round_half_away(1.5, i32::MIN), 0.0);
    }

    #[test]
    fn format_check_18() {
        assert_eq!(format_with(1.0 / 3.0, "##0.00000"), "0.33333");
        assert_eq!(format_with(-1.0, "&x"), "0xFFFFFFFF");
        assert_eq!(format_with(-1.0, "&$"), "$FFFFFFFF");
        assert_eq!(format_with(128.0, "&x"), "0x0080");
        assert_eq!(format_with(128.0, "&$"), "$80");
        assert_eq!(format_with(16384.0, "&x"), "0x4000");
        assert_eq!(format_with(65536.0, "&x"), "0x00010000");
        assert_eq!(format_with(2f64.powi(15), "###,##0 Inhabitants"), "32,768 Inhabitants");
        assert_eq!(format_with(1f64.atan() * 4.0, "##0.00"), "3.14");
        assert_eq!(format_with(50.3, "&xml"), "50.3");
        assert_eq!(format_with(1.0, "True;;False"), "True");
        assert_eq!(format_with(0.0, "True;;False"), "False");
    }

    /// The examples table of the number-format documentation (1234.50, -1234.50, 0), with the
    /// spaces that the `^` placeholder produces.
    #[test]
    fn format_doc_table() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("###", "<<<", "<<<", ""),
            ("####", "1234", "<<<<", ""),
            ("#######", "1234", "-1234", ""),
            ("#####.##", "1234.5", "-1234.5", ""),
            ("####0.00", "1234.50", "-1234.50", "0.00"),
            ("#####0", "1234", "-1234", "0"),
            ("+#####0;-#####0;0", "+1234", "-1234", "0"),
            ("#####0DB;#####0CR;0", "1234DB", "1234CR", "0"),
            ("#####0;(#####0)", "1234", "(1234)", "0"),
            ("###,##0", "1,234", "-1,234", "0"),
            ("##,##0.00", "1,234.50", "-1,234.50", "0.00"),
            ("^^^^^^^", "   1234", "  -1234", "       "),
            ("^^^^^^0", "   1234", "  -1234", "      0"),
            ("^^^,^^0", "  1,234", " -1,234", "      0"),
            ("^^,^^0.00", " 1,234.50", "-1,234.50", "     0.00"),
            ("*******", "***1234", "**-1234", "*******"),
            ("******0", "***1234", "**-1234", "******0"),
            ("***,**0", "**1,234", "*-1,234", "******0"),
            ("**,**0.00", "*1,234.50", "-1,234.50", "*****0.00"),
            ("$*,**0.00;-$*,**0.00", "$1,234.50", "-$1,234.50", "$****0.00"),
            ("$^^^^0", "$ 1234", "$-1234", "$    0"),
            ("$^^^0;-$^^^0", "$1234", "-$1234", "$   0"),
            ("$^^^0 ;($^^^0)", "$1234 ", "($1234)", "$   0 "),
            ("&2", "1.2e+3", "-1.2e+3", "0.0e+0"),
            ("&xml", "1234.5", "-1234.5", "0"),
        ];
        for &(f, pos, neg, zero) in cases {
            assert_eq!(format_with(1234.5, f), pos, "{f} positive");
            assert_eq!(format_with(-1234.5, f), neg, "{f} negative");
            assert_eq!(format_with(0.0, f), zero, "{f} zero");
        }
        assert_eq!(format_with(759.62, "&3"), "7.60e+2");
        assert_eq!(format_with(-26.0, "##0"), "-26");
        assert_eq!(format_with(-260.0, "##0"), "<<<");
        assert_eq!(format_with(0.0, "$###,##0.00;($###,##0.00);"), "");
        assert_eq!(format_with(0.0, "$###,##0.00;($###,##0.00)"), "$0.00");
    }

    #[test]
    fn format_more() {
        assert_eq!(format_with(5.0, "0000"), "0005");
        assert_eq!(format_with(-12.0, "0000"), "-0012");
        assert_eq!(format_with(12345.0, "0000"), "<<<<");
        assert_eq!(format_with(1234567.891, "###,###,##0.00"), "1,234,567.89");
        assert_eq!(format_with(0.125, "0.00"), "0.12");
        assert_eq!(format_with(0.29, "0.00"), "0.29");
        assert_eq!(format_with(-0.001, "##0.00"), "0.00");
        assert_eq!(format_with(0.5, "#.##"), ".5");
        assert_eq!(format_with(3.0, "#.##"), "3");
        assert_eq!(format_with(9.996, "0.00"), "9.99");
        assert_eq!(format_with(-2.7, "#0"), "-2");
        assert_eq!(format_with(-2.7, "0"), "<");
        assert_eq!(format_with(f64::NAN, "##0.00"), "");
        assert_eq!(format_with(f64::INFINITY, "##0.00"), "INF");
        assert_eq!(format_with(42.0, ""), "42");
        assert_eq!(format_with(42.0, "|MyStyle"), "42");
        assert_eq!(format_with(42.0, "Total: ###"), "Total: 42");
        assert_eq!(format_with(1e300, "##0"), "<<<");
        assert_eq!(format_with(9.99, "&2"), "1.0e+1");
        assert_eq!(format_with(f64::NAN, "&x"), "0x0000");
    }

    #[test]
    fn radix() {
        assert_eq!(format_radix(10.0, 2).as_deref(), Some("1010"));
        assert_eq!(format_radix(-10.0, 2).as_deref(), Some("-1010"));
        assert_eq!(format_radix(254.0, 16).as_deref(), Some("fe"));
        assert_eq!(format_radix(-16523461.0, 16).as_deref(), Some("-fc20c5"));
        assert_eq!(format_radix(f64::NAN, 10).as_deref(), Some("NaN"));
        assert_eq!(format_radix(f64::INFINITY, 10).as_deref(), Some("NaN"));
        assert_eq!(format_radix(0.5, 2).as_deref(), Some("0.1"));
        assert_eq!(format_radix(0.1, 10).as_deref(), Some("0.1"));
        assert_eq!(format_radix(255.0, 36).as_deref(), Some("73"));
        assert_eq!(format_radix(1e21, 10).as_deref(), Some("1e+21"));
        assert_eq!(format_radix(0.0, 7).as_deref(), Some("0"));
        assert_eq!(format_radix(12.0, 0).as_deref(), Some("12"));
        assert_eq!(format_radix(12.0, 1), None);
        assert_eq!(format_radix(12.0, 37), None);
        assert_eq!(format_radix(2f64.powi(60), 16).as_deref(), Some("1000000000000000"));
        let third = format_radix(1.0 / 3.0, 3).unwrap_or_default();
        assert!(third.starts_with("0.1"), "{third}");
    }

    #[test]
    fn num_check_17() {
        assert_eq!(parse_num("A1B2C3", None), 123.0);
        assert_eq!(parse_num("123-456", None), 123.0);
        assert_eq!(parse_num("ABCD", None), 0.0);
        assert_eq!(parse_num("123", None), 123.0);
        assert_eq!(parse_num("123.4", None), 123.4);
        assert_eq!(parse_num("-123", None), -123.0);
        assert_eq!(parse_num("-9", None), -9.0);
        assert_eq!(parse_num("-123e2", None), -12300.0);
        assert_eq!(parse_num("123e-2", None), 1.23);
        assert_eq!(parse_num("33,333.33", Some('.')), 33333.33);
        assert_eq!(parse_num("33 333,33", Some(',')), 33333.33);
        assert_eq!(parse_num_with("1::5", "::"), 1.5);
        assert_eq!(parse_num("", None), 0.0);
        assert_eq!(parse_num("-", None), 0.0);
        assert_eq!(parse_num(".5", None), 0.5);
        assert_eq!(parse_num("e5", None), 5.0);
        assert_eq!(parse_num("1e", None), 1.0);
        assert_eq!(parse_num("1e999", None), f64::INFINITY);
        assert_eq!(parse_num("1e-99999999999", None), 0.0);
        assert_eq!(parse_num("  42  ", None), 42.0);
        assert_eq!(parse_num("$1,234.50", None), 1234.5);
        assert_eq!(parse_num("１２", None), 0.0);
    }
}

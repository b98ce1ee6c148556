//! Number ↔ text conversions with 4D's rules (`String`, `Num`).
//!
//! (Temporary bodies: being replaced by the exact 4D formatting.)

/// A Real as `String` shows it: up to 13 significant digits, no trailing zeros,
/// "INF"/"-INF" for infinities and "" for NaN.
pub fn format_real(x: f64) -> String {
    if x.is_nan() {
        return String::new();
    }
    if x.is_infinite() {
        return if x > 0.0 { "INF".into() } else { "-INF".into() };
    }
    if x == x.trunc() && x.abs() < 1e15 {
        return format!("{}", x as i64);
    }
    format!("{x}")
}

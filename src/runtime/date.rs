//! 4D dates: a calendar day (year, month, day), with `!00-00-00!` as the null date.

use std::fmt;

/// Field order (year, month, day) makes the derived ordering chronological.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const NULL: Date = Date { year: 0, month: 0, day: 0 };

    pub fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    pub fn is_null(self) -> bool {
        self == Date::NULL
    }

    /// Days since 0000-03-01-based civil epoch (1970-01-01 = 0); the null date has no day number.
    pub fn to_days(self) -> Option<i64> {
        if self.is_null() {
            return None;
        }
        Some(days_from_civil(self.year as i64, self.month as i64, self.day as i64))
    }

    /// The date `days` days after 1970-01-01; out-of-range results give the null date.
    pub fn from_days(days: i64) -> Date {
        let (y, m, d) = civil_from_days(days);
        if !(1..=32767).contains(&y) {
            return Date::NULL;
        }
        Date { year: y as u16, month: m as u8, day: d as u8 }
    }

    /// Normalises an out-of-range day or month (as 4D does for `!2024-02-30!`).
    pub fn normalized(year: i64, month: i64, day: i64) -> Date {
        if year == 0 && month == 0 && day == 0 {
            return Date::NULL;
        }
        let m0 = month - 1;
        let y = year + m0.div_euclid(12);
        let m = m0.rem_euclid(12) + 1;
        Date::from_days(days_from_civil(y, m, 1) + day - 1)
    }

    /// 1 = Sunday … 7 = Saturday (4D's `Day number`).
    pub fn weekday(self) -> Option<u8> {
        self.to_days().map(|d| ((d + 4).rem_euclid(7) + 1) as u8)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "!{}!", self.iso())
    }
}

/// Howard Hinnant's `days_from_civil`: proleptic Gregorian date to days since 1970-01-01.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekday() {
        let d = Date::new(2017, 1, 20);
        assert_eq!(Date::from_days(d.to_days().unwrap() + 9), Date::new(2017, 1, 29));
        assert_eq!(Date::new(1970, 1, 1).to_days(), Some(0));
        // 2024-01-31 was a Wednesday: Day number 4.
        assert_eq!(Date::new(2024, 1, 31).weekday(), Some(4));
        assert_eq!(Date::normalized(2024, 14, 1), Date::new(2025, 2, 1));
        assert_eq!(Date::normalized(2024, 3, 0), Date::new(2024, 2, 29));
    }
}

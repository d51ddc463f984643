//! Calendar dates, passed in by the caller.
//!
//! `rekry-core` has no clock: every rule that depends on "today" (an expired passport, an
//! over-age criminal-record extract, the `+` separator of a personnummer) takes a [`Date`]
//! from the caller, so results are reproducible and testable.

use core::fmt;

/// A valid proleptic Gregorian calendar date (years 1–9999).
///
/// ```
/// use rekry_core::date::Date;
/// let d = Date::parse("2024-02-29").unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
/// assert!(Date::parse("2023-02-29").is_err());
/// assert_eq!(d.add_days(1).to_string(), "2024-03-01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "(u16, u8, u8)", into = "(u16, u8, u8)"))]
pub struct Date {
    // Field order gives the derived `Ord` chronological order.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD`.
    Format,
    /// The year is outside 1–9999.
    Year,
    /// The month is outside 1–12.
    Month,
    /// The day does not exist in that month (for example 30 February, or 29 February in a
    /// common year).
    Day,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Format => "date must be written YYYY-MM-DD",
            DateError::Year => "year must be between 1 and 9999",
            DateError::Month => "month must be between 1 and 12",
            DateError::Day => "that day does not exist in that month",
        })
    }
}

impl core::error::Error for DateError {}

/// Whether `year` is a leap year in the Gregorian calendar.
pub const fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Number of days in `month` (1–12) of `year`; 0 for a month outside 1–12.
pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date `year`-`month`-`day`, if it exists.
    pub const fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        if year < 1 || year > 9999 {
            return Err(DateError::Year);
        }
        if month < 1 || month > 12 {
            return Err(DateError::Month);
        }
        if day < 1 || day > days_in_month(year, month) {
            return Err(DateError::Day);
        }
        Ok(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly ten ASCII characters).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let year = digits(&b[0..4]).ok_or(DateError::Format)?;
        let month = digits(&b[5..7]).ok_or(DateError::Format)?;
        let day = digits(&b[8..10]).ok_or(DateError::Format)?;
        Date::new(year as u16, month as u8, day as u8)
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Days since 0001-01-01 (which is day 0).
    pub const fn days_since_epoch(self) -> i32 {
        // Howard Hinnant's days-from-civil, shifted so that 0001-01-01 is day 0.
        let y = self.year as i32 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 306
    }

    /// The date `days` days after day 0 (0001-01-01), saturating at the ends of the range.
    pub const fn from_days_since_epoch(days: i32) -> Date {
        let z = days + 306;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        if year < 1 {
            Date { year: 1, month: 1, day: 1 }
        } else if year > 9999 {
            Date { year: 9999, month: 12, day: 31 }
        } else {
            Date { year: year as u16, month, day }
        }
    }

    /// The date `days` days later (or earlier, when negative), saturating at 0001-01-01 and
    /// 9999-12-31.
    pub const fn add_days(self, days: i32) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub const fn days_until(self, later: Date) -> i32 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The same day `months` months later (or earlier), moved back to the last day of the
    /// month when that day does not exist (31 Aug + 6 months = 28 or 29 Feb).
    pub const fn add_months(self, months: i32) -> Date {
        let index = self.year as i32 * 12 + (self.month as i32 - 1) + months;
        let year = index.div_euclid(12);
        if year < 1 {
            return Date { year: 1, month: 1, day: 1 };
        }
        if year > 9999 {
            return Date { year: 9999, month: 12, day: 31 };
        }
        let year = year as u16;
        let month = (index.rem_euclid(12) + 1) as u8;
        let last = days_in_month(year, month);
        let day = if self.day > last { last } else { self.day };
        Date { year, month, day }
    }

    /// The same day `years` years later, 29 February becoming 28 February in common years.
    pub const fn add_years(self, years: i32) -> Date {
        self.add_months(years.saturating_mul(12))
    }

    /// The ISO weekday, 1 = Monday … 7 = Sunday.
    pub const fn weekday(self) -> u8 {
        // 0001-01-01 was a Monday.
        (self.days_since_epoch().rem_euclid(7) + 1) as u8
    }
}

impl TryFrom<(u16, u8, u8)> for Date {
    type Error = DateError;
    fn try_from((y, m, d): (u16, u8, u8)) -> Result<Self, Self::Error> {
        Date::new(y, m, d)
    }
}

impl From<Date> for (u16, u8, u8) {
    fn from(d: Date) -> Self {
        (d.year, d.month, d.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl core::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

/// The decimal value of a run of ASCII digits, or `None` if any byte is not a digit.
pub(crate) fn digits(bytes: &[u8]) -> Option<u32> {
    let mut value: u32 = 0;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days_over_four_centuries() {
        let start = Date::new(1899, 12, 25).unwrap();
        let mut d = start;
        for i in 0..146_200 {
            assert_eq!(start.add_days(i), d);
            assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
            let next = d.add_days(1);
            assert!(next > d);
            d = next;
        }
    }

    #[test]
    fn epoch_and_weekday() {
        assert_eq!(Date::new(1, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2026, 11, 23).unwrap().weekday(), 1);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), 2);
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(is_leap_year(2024));
        assert_eq!(Date::parse("1900-02-29"), Err(DateError::Day));
    }

    #[test]
    fn months_clamp() {
        let d = Date::new(2025, 8, 31).unwrap();
        assert_eq!(d.add_months(6), Date::new(2026, 2, 28).unwrap());
        assert_eq!(d.add_months(-6), Date::new(2025, 2, 28).unwrap());
        assert_eq!(Date::new(2024, 2, 29).unwrap().add_years(1), Date::new(2025, 2, 28).unwrap());
    }

    #[test]
    fn parse_rejects_junk() {
        for bad in ["", "2024-1-01", "2024/01/01", "２０２４-01-01", "2024-13-01", "0000-01-01", "2024-00-10"] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }
}

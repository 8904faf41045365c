//! Calendar dates without a clock: parsing ISO dates (full or partial), exact ages in years and
//! months. The engine is given every date it uses; nothing here knows what day it is.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A valid proleptic Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError;

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A date of the rule data (build.rs has checked it exists); const so that the rule statics
    /// can hold dates.
    pub const fn ymd(year: i32, month: u8, day: u8) -> Date {
        if month < 1 || month > 12 || day == 0 || day > days_in_month(year, month) {
            panic!("rule data: no such date");
        }
        Date { year, month, day }
    }

    /// `self <= other`, usable in const evaluation (the rule statics resolve thresholds by date).
    pub const fn is_on_or_before(self, other: Date) -> bool {
        if self.year != other.year {
            return self.year < other.year;
        }
        if self.month != other.month {
            return self.month < other.month;
        }
        self.day <= other.day
    }

    pub const fn year(self) -> i32 {
        self.year
    }
    pub const fn month(self) -> u8 {
        self.month
    }
    pub const fn day(self) -> u8 {
        self.day
    }

    /// `YYYY-MM-DD` as bytes, as `Display` writes a date of the years 0–9999 (the rule data's
    /// messages at compile time, the JSON Lines result writer without a string in between).
    pub const fn iso_bytes(self) -> [u8; 10] {
        const fn digit(n: u32) -> u8 {
            b'0' + (n % 10) as u8
        }
        let (y, m, d) = (self.year as u32, self.month as u32, self.day as u32);
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        match PartialDate::parse(text)? {
            PartialDate::Day(d) => Ok(d),
            _ => Err(DateError),
        }
    }

    /// Whole years completed on `on` ("từ đủ N tuổi": the birthday itself counts).
    pub fn age_years_on(self, on: Date) -> i32 {
        self.age_months_on(on).div_euclid(12)
    }

    /// Whole months completed on `on`. A birthday on the 31st is reached on the last day of a
    /// shorter month.
    pub fn age_months_on(self, on: Date) -> i32 {
        let mut months = (on.year - self.year) * 12 + (on.month as i32 - self.month as i32);
        let day_reached = on.day >= self.day || on.day == days_in_month(on.year, on.month);
        if !day_reached {
            months -= 1;
        }
        months
    }

    /// The same calendar day `years` later (29 February becomes 28 February in common years).
    pub fn add_years(self, years: i32) -> Date {
        let year = self.year + years;
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }

    /// `YYYY-MM-DD` as a new string, without the formatting machinery (called once per result).
    pub fn to_iso_string(self) -> String {
        if !(0..=9999).contains(&self.year) {
            return self.to_string();
        }
        let mut s = String::with_capacity(10);
        let y = self.year as u32;
        for n in [y / 1000, y / 100 % 10, y / 10 % 10, y % 10] {
            s.push((b'0' + n as u8) as char);
        }
        for part in [self.month, self.day] {
            s.push('-');
            s.push((b'0' + part / 10) as char);
            s.push((b'0' + part % 10) as char);
        }
        s
    }

    /// The day after.
    pub fn succ(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }

    /// The day before.
    pub fn pred(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            Date {
                month: self.month - 1,
                day: days_in_month(self.year, self.month - 1),
                ..self
            }
        } else {
            Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }

    /// The last day of the given month.
    pub fn end_of_month(year: i32, month: u8) -> Option<Date> {
        if (1..=12).contains(&month) {
            Some(Date {
                year,
                month,
                day: days_in_month(year, month),
            })
        } else {
            None
        }
    }
}

/// Days in a month of a year.
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(|_| {
            serde::de::Error::custom(format!("expected a date YYYY-MM-DD, found \"{text}\""))
        })
    }
}

/// A birth date as the form allows it: a day, a month or only a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartialDate {
    Day(Date),
    Month { year: i32, month: u8 },
    Year(i32),
}

impl PartialDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (four-digit years, two-digit months and days).
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        // Hand-rolled (no allocation): this runs for every member of every household in a batch.
        let b = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = b.get(range).ok_or(DateError)?;
            part.iter().try_fold(0u32, |n, c| {
                if c.is_ascii_digit() {
                    Ok(n * 10 + (c - b'0') as u32)
                } else {
                    Err(DateError)
                }
            })
        };
        let year = digits(0..4)? as i32;
        match b.len() {
            4 => Ok(PartialDate::Year(year)),
            7 if b[4] == b'-' => {
                let month = digits(5..7)? as u8;
                Date::end_of_month(year, month).ok_or(DateError)?;
                Ok(PartialDate::Month { year, month })
            }
            10 if b[4] == b'-' && b[7] == b'-' => {
                Date::new(year, digits(5..7)? as u8, digits(8..10)? as u8)
                    .map(PartialDate::Day)
                    .ok_or(DateError)
            }
            _ => Err(DateError),
        }
    }

    /// The earliest day the date can be.
    pub fn earliest(self) -> Date {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => Date {
                year,
                month,
                day: 1,
            },
            PartialDate::Year(year) => Date {
                year,
                month: 1,
                day: 1,
            },
        }
    }

    /// The latest day the date can be.
    pub fn latest(self) -> Date {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => Date {
                year,
                month,
                day: days_in_month(year, month),
            },
            PartialDate::Year(year) => Date {
                year,
                month: 12,
                day: 31,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn iso_bytes_are_what_display_writes() {
        for text in [
            "0001-01-01",
            "1988-03-10",
            "2026-12-04",
            "2027-01-01",
            "9999-12-31",
        ] {
            let date = d(text);
            assert_eq!(date.iso_bytes(), *date.to_string().as_bytes(), "{text}");
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn ages_are_exact_at_the_birthday() {
        assert_eq!(d("2020-06-15").age_years_on(d("2026-06-14")), 5);
        assert_eq!(d("2020-06-15").age_years_on(d("2026-06-15")), 6);
        assert_eq!(d("2020-01-31").age_months_on(d("2020-02-29")), 1);
        assert_eq!(d("2020-01-31").age_months_on(d("2020-02-28")), 0);
        assert_eq!(d("2020-02-29").age_years_on(d("2021-02-28")), 1);
    }

    #[test]
    fn the_day_before_undoes_the_day_after() {
        assert_eq!(d("2024-03-01").pred(), d("2024-02-29"));
        assert_eq!(d("2023-03-01").pred(), d("2023-02-28"));
        assert_eq!(d("2022-01-01").pred(), d("2021-12-31"));
        let mut day = d("2023-12-25");
        while day < d("2025-01-10") {
            assert_eq!(day.succ().pred(), day, "{day}");
            day = day.succ();
        }
    }

    #[test]
    fn iso_strings_match_display() {
        for text in ["2026-11-26", "0999-01-09", "2030-12-31"] {
            assert_eq!(d(text).to_iso_string(), text);
            assert_eq!(d(text).to_string(), text);
        }
    }

    #[test]
    fn partial_dates_parse_to_ranges() {
        let p = PartialDate::parse("2020-02").unwrap();
        assert_eq!(p.earliest(), d("2020-02-01"));
        assert_eq!(p.latest(), d("2020-02-29"));
        assert_eq!(
            PartialDate::parse("1984").unwrap().latest(),
            d("1984-12-31")
        );
        for bad in [
            "2024-13",
            "2023-02-29",
            "84",
            "2024-1-01",
            "",
            "2024-01-01-01",
            "abcd",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
    }
}

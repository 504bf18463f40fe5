//! Reading the dates people type.
//!
//! Accepted now: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` and RFC 3339. A date without a
//! time means the end of that day (23:59) for a due date and 09:00 for a start.
//! Times are read in the offset of `now`, the injected clock.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::{ModelError, Time};

/// What the time is for, which decides the time of day a bare date gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A deadline: a bare date means the end of that day.
    Due,
    /// A meeting's start or end: a bare date means 09:00.
    Start,
}

/// Accepted examples, shown when a date cannot be read.
pub const EXAMPLES: &str = "2026-11-28, 2026-11-28 14:30";

/// Reads `input` as a point in time, relative to `now`.
pub fn parse_when(input: &str, now: Time, purpose: Purpose) -> Result<Time, ModelError> {
    let s = input.trim();
    let bad = || ModelError::BadDate {
        input: input.to_string(),
        examples: EXAMPLES.to_string(),
    };
    if s.is_empty() {
        return Err(bad());
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    for fmt in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return local(naive, now).ok_or_else(bad);
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return local(date.and_time(default_time(purpose)), now).ok_or_else(bad);
    }
    Err(bad())
}

/// The time of day a date without one gets.
pub fn default_time(purpose: Purpose) -> NaiveTime {
    match purpose {
        Purpose::Due => NaiveTime::from_hms_opt(23, 59, 0).expect("valid time"),
        Purpose::Start => NaiveTime::from_hms_opt(9, 0, 0).expect("valid time"),
    }
}

/// A wall-clock time in the offset of `now`.
pub fn local(naive: NaiveDateTime, now: Time) -> Option<Time> {
    now.offset().from_local_datetime(&naive).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Time {
        DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").unwrap()
    }

    #[test]
    fn reads_date_and_time_in_the_clock_offset() {
        let t = parse_when("2026-11-28 14:30", now(), Purpose::Due).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-28T14:30:00+08:00");
    }

    #[test]
    fn bare_date_is_end_of_day_for_due_and_nine_for_start() {
        let due = parse_when("2026-11-28", now(), Purpose::Due).unwrap();
        assert_eq!(due.to_rfc3339(), "2026-11-28T23:59:00+08:00");
        let start = parse_when("2026-11-28", now(), Purpose::Start).unwrap();
        assert_eq!(start.to_rfc3339(), "2026-11-28T09:00:00+08:00");
    }

    #[test]
    fn refuses_what_it_cannot_read_and_names_it() {
        for bad in [
            "",
            "  ",
            "2026-13-01",
            "2026-02-30",
            "next blue moon",
            "2026-11-28 25:00",
        ] {
            match parse_when(bad, now(), Purpose::Due) {
                Err(ModelError::BadDate { input, .. }) => assert_eq!(input, bad),
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
    }
}

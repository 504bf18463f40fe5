//! Wall-clock times and instants, in the offset in force at each instant.
//!
//! A time typed in December for July gets July's offset: in New York,
//! `2026-07-01 10:00` is `10:00-04:00`, not the `-05:00` of the day it was
//! typed. The zone is the system's (the tz database, through chrono's
//! `Local`, which follows `TZ`) when it agrees with the clock; a clock given
//! with another offset (`LIAISON_NOW=…+08:00` on a machine in UTC) means
//! that fixed offset, so a fixed clock reads the same on every machine.

use chrono::offset::LocalResult;
use chrono::{FixedOffset, NaiveDateTime, Offset, TimeZone};

use super::Time;

/// Where wall-clock times are read and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// One offset all year round.
    Fixed(FixedOffset),
    /// The system's time zone, daylight saving and all.
    System,
    /// America/New_York by its rules since 2007, for tests that must not
    /// depend on the machine's zone.
    #[cfg(test)]
    NewYork,
}

/// A wall-clock time made an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// It happens once.
    Single(Time),
    /// The clocks skipped it (spring forward): the instant it would have
    /// been in the offset before the change, shown in the one after
    /// (02:30 is 03:30).
    Skipped(Time),
    /// It happens twice (fall back): the first of the two.
    Twice(Time),
}

impl Resolved {
    pub fn time(self) -> Time {
        match self {
            Resolved::Single(t) | Resolved::Skipped(t) | Resolved::Twice(t) => t,
        }
    }
}

impl Zone {
    /// The zone of a process whose clock says `now`: the system's when its
    /// offset at `now` is `now`'s, else `now`'s offset.
    pub fn of(now: &Time) -> Zone {
        if Zone::System.offset_at(now) == *now.offset() {
            Zone::System
        } else {
            Zone::Fixed(*now.offset())
        }
    }

    /// The offset in force at instant `t`.
    pub fn offset_at(self, t: &Time) -> FixedOffset {
        let utc = t.naive_utc();
        match self {
            Zone::Fixed(o) => o,
            Zone::System => chrono::Local.offset_from_utc_datetime(&utc).fix(),
            #[cfg(test)]
            Zone::NewYork => new_york::offset_from_utc(utc),
        }
    }

    /// `t` shown in the offset in force at it.
    pub fn show(self, t: Time) -> Time {
        t.with_timezone(&self.offset_at(&t))
    }

    fn offsets(self, naive: &NaiveDateTime) -> LocalResult<FixedOffset> {
        match self {
            Zone::Fixed(o) => LocalResult::Single(o),
            Zone::System => chrono::Local
                .offset_from_local_datetime(naive)
                .map(|o| o.fix()),
            #[cfg(test)]
            Zone::NewYork => new_york::offsets_from_local(*naive),
        }
    }

    /// The instant of wall-clock time `naive`; `None` only outside chrono's range.
    pub fn resolve(self, naive: NaiveDateTime) -> Option<Resolved> {
        let at = |o: FixedOffset| o.from_local_datetime(&naive).single();
        match self.offsets(&naive) {
            LocalResult::Single(o) => Some(Resolved::Single(at(o)?)),
            LocalResult::Ambiguous(a, b) => {
                let (a, b) = (at(a)?, at(b)?);
                Some(Resolved::Twice(a.min(b)))
            }
            LocalResult::None => {
                // The offset before the gap: that of a day earlier.
                let before = self
                    .offsets(&(naive - chrono::TimeDelta::days(1)))
                    .earliest()?;
                let instant = at(before)?;
                Some(Resolved::Skipped(self.show(instant)))
            }
        }
    }
}

#[cfg(test)]
mod new_york {
    //! US Eastern time: -05:00, and -04:00 from the second Sunday of March
    //! at 02:00 to the first Sunday of November at 02:00 (local time).

    use chrono::offset::LocalResult;
    use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Weekday};

    fn est() -> FixedOffset {
        FixedOffset::west_opt(5 * 3600).expect("valid offset")
    }

    fn edt() -> FixedOffset {
        FixedOffset::west_opt(4 * 3600).expect("valid offset")
    }

    /// The `n`th Sunday of `month` in `year`, at 02:00 wall time.
    fn sunday(year: i32, month: u32, n: u8) -> NaiveDateTime {
        NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
            .and_then(|d| d.and_hms_opt(2, 0, 0))
            .expect("a valid date")
    }

    /// Daylight time from these instants (UTC).
    fn summer(year: i32) -> (NaiveDateTime, NaiveDateTime) {
        (
            sunday(year, 3, 2) + TimeDelta::hours(5),
            sunday(year, 11, 1) + TimeDelta::hours(4),
        )
    }

    pub fn offset_from_utc(utc: NaiveDateTime) -> FixedOffset {
        let (start, end) = summer(utc.year());
        if utc >= start && utc < end {
            edt()
        } else {
            est()
        }
    }

    pub fn offsets_from_local(local: NaiveDateTime) -> LocalResult<FixedOffset> {
        let fits = |o: FixedOffset| {
            local
                .checked_sub_offset(o)
                .is_some_and(|u| offset_from_utc(u) == o)
        };
        match (fits(edt()), fits(est())) {
            (true, true) => LocalResult::Ambiguous(edt(), est()),
            (true, false) => LocalResult::Single(edt()),
            (false, true) => LocalResult::Single(est()),
            (false, false) => LocalResult::None,
        }
    }
}

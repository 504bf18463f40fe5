//! Giving the parts of a phrase their meaning, seen from today.

use chrono::{Datelike, Days, Months, NaiveDate, TimeDelta};

use super::grammar::{Clock, DaySpec};
use super::lex::Period;

/// The day `spec` names, seen from `today`; `None` for a day that does not exist.
pub(super) fn day(spec: DaySpec, today: NaiveDate) -> Option<NaiveDate> {
    let weekday = today.weekday().num_days_from_monday();
    match spec {
        DaySpec::Offset(n) => today.checked_add_signed(TimeDelta::try_days(n)?),
        DaySpec::Months(n) => today.checked_add_months(Months::new(n)),
        DaySpec::Weekday { rel: None, day } => {
            // The next one strictly after today.
            let ahead = (day.num_days_from_monday() + 7 - weekday) % 7;
            today.checked_add_days(Days::new(if ahead == 0 { 7 } else { ahead.into() }))
        }
        DaySpec::Weekday {
            rel: Some(weeks),
            day,
        } => {
            // That day of the calendar week (Monday to Sunday) `weeks` from this one.
            let from_today = weeks * 7 + i64::from(day.num_days_from_monday()) - i64::from(weekday);
            today.checked_add_signed(TimeDelta::try_days(from_today)?)
        }
        DaySpec::Ymd(y, m, d) if (1000..=9999).contains(&y) => NaiveDate::from_ymd_opt(y, m, d),
        DaySpec::Ymd(..) => None,
        DaySpec::Md(m, d) => (0..2)
            .filter_map(|k| NaiveDate::from_ymd_opt(today.year() + k, m, d))
            .find(|&date| date >= today),
        DaySpec::D(d) => (0..12)
            .filter_map(|k| month_day(today, k, d))
            .find(|&date| date >= today),
        DaySpec::RelMonth(k, d) => month_day(today, k, d),
    }
}

/// Day `d` of the month `k` months from today's.
fn month_day(today: NaiveDate, k: i64, d: u32) -> Option<NaiveDate> {
    let first = today.with_day(1)?;
    let months = Months::new(u32::try_from(k.unsigned_abs()).ok()?);
    let first = if k >= 0 {
        first.checked_add_months(months)
    } else {
        first.checked_sub_months(months)
    };
    first?.with_day(d)
}

/// Minutes after the start of the day for `clock`, read in `period` if one was
/// given. `晚上12点` is 24:00, the midnight that ends the day.
pub(super) fn minutes(clock: Clock, period: Option<Period>) -> Option<i64> {
    let Clock {
        hour: h,
        minute,
        pm,
        loose,
    } = clock;
    if minute > 59 {
        return None;
    }
    let hour = match (pm, period) {
        (Some(false), _) => match h {
            12 => 0,
            1..=11 => h,
            _ => return None,
        },
        (Some(true), _) => match h {
            12 => 12,
            1..=11 => h + 12,
            _ => return None,
        },
        (None, Some(p)) => in_period(p, h)?,
        // `3点`, `at 3`: a working hour, 13:00 to 18:00.
        (None, None) if loose && (1..=6).contains(&h) => h + 12,
        (None, None) if h <= 23 => h,
        (None, None) => return None,
    };
    Some(i64::from(hour * 60 + minute))
}

/// The hour of the day for `h` o'clock in `period`.
fn in_period(period: Period, h: u32) -> Option<u32> {
    Some(match (period, h) {
        (Period::EarlyMorning, 12) => 0,
        (Period::EarlyMorning, 0..=6) => h,
        (Period::Morning, 0..=12) => h,
        (Period::Noon, 1..=3) => h + 12,
        (Period::Noon, 11..=14) => h,
        (Period::Afternoon, 1..=11) => h + 12,
        (Period::Afternoon, 12..=23) => h,
        (Period::Evening, 5..=11) => h + 12,
        (Period::Evening, 12) => 24,
        (Period::Evening, 17..=23) => h,
        _ => return None,
    })
}

/// Minutes after the start of the day for a part of the day with no hour
/// (`明天下午`, `tomorrow morning`).
pub(super) fn period_alone(period: Period) -> Option<i64> {
    match period {
        Period::EarlyMorning => None,
        Period::Morning => Some(9 * 60),
        Period::Noon => Some(12 * 60),
        Period::Afternoon => Some(15 * 60),
        Period::Evening => Some(20 * 60),
    }
}

//! Giving the parts of a phrase their meaning, seen from today.

use chrono::{Datelike, Days, Months, NaiveDate, TimeDelta};

use super::days::{DaySpec, Edge, Span, Written};
use super::grammar::Clock;
use super::lex::Period;
use super::{Context, DateOrder, Purpose};

/// The day `spec` names, seen from `today`; `None` for a day that does not exist.
pub(super) fn day(spec: DaySpec, today: NaiveDate, cx: &Context) -> Option<NaiveDate> {
    let weekday = today.weekday().num_days_from_monday();
    match spec {
        DaySpec::Offset(n) => today.checked_add_signed(TimeDelta::try_days(n)?),
        DaySpec::Months(n) => {
            let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
            if n >= 0 {
                today.checked_add_months(months)
            } else {
                today.checked_sub_months(months)
            }
        }
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
        DaySpec::Past(day) => {
            let back = (weekday + 7 - day.num_days_from_monday()) % 7;
            today.checked_sub_days(Days::new(if back == 0 { 7 } else { back.into() }))
        }
        DaySpec::Ymd(y, m, d) => NaiveDate::from_ymd_opt(year(y, today)?, m, d),
        DaySpec::Numeric(a, b, c, dots) => numeric(a, b, c, cx.settings.order, dots, today),
        DaySpec::Md(m, d) => month_day_ahead(today, m, d),
        DaySpec::D(d) => (0..12)
            .filter_map(|k| month_day(today, k, d))
            .find(|&date| date >= today),
        DaySpec::RelMonth(k, d) => month_day(today, k, d),
        DaySpec::Nth { months, n, day } => {
            let first = month_day(today, months, 1)?;
            let ahead =
                (day.num_days_from_monday() + 7 - first.weekday().num_days_from_monday()) % 7;
            let date =
                first.checked_add_days(Days::new(u64::from(ahead + 7 * (n.checked_sub(1)?))))?;
            (date.month() == first.month()).then_some(date)
        }
        DaySpec::Span { span, rel, edge } => span_day(today, span, rel, edge, cx.purpose),
    }
}

/// The day of month (`monday 21`) or month and day (`tue may 9`) nearest to
/// today, within a year either side, that falls on `weekday`; the next one
/// on a tie. `None` for other days or when none does.
pub(super) fn on_weekday(
    spec: DaySpec,
    today: NaiveDate,
    weekday: chrono::Weekday,
) -> Option<NaiveDate> {
    let candidates: Vec<NaiveDate> = match spec {
        DaySpec::D(d) => (-12..=12).filter_map(|k| month_day(today, k, d)).collect(),
        DaySpec::Md(m, d) => (-1..=1)
            .filter_map(|k| NaiveDate::from_ymd_opt(today.year() + k, m, d))
            .collect(),
        _ => return None,
    };
    candidates
        .into_iter()
        .filter(|x| x.weekday() == weekday && (*x - today).num_days().abs() <= 366)
        .min_by_key(|x| ((*x - today).num_days().abs(), *x < today))
}

/// `day` moved by `months` and then `days`.
pub(super) fn moved(day: NaiveDate, days: i64, months: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    let day = if months >= 0 {
        day.checked_add_months(m)?
    } else {
        day.checked_sub_months(m)?
    };
    day.checked_add_signed(TimeDelta::try_days(days)?)
}

/// The next `m`/`d` on or after today.
fn month_day_ahead(today: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    // Up to four years on, for 2月29日.
    (0..=4)
        .filter_map(|k| NaiveDate::from_ymd_opt(today.year() + k, m, d))
        .find(|&date| date >= today)
}

/// The years a phrase may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=2099;

/// How far ahead a two-digit year may reach: `26` is 2026, but `99` (2099)
/// is refused while it is more than this many years away, as it may mean 1999.
const TWO_DIGITS_AHEAD: i32 = 20;

/// The year `y` as written: four digits as they are, two as 20YY if that is
/// at most 20 years ahead; anything else, or a year outside [`YEARS`], is refused.
pub(super) fn year(y: Written, today: NaiveDate) -> Option<i32> {
    let Written(v, digits) = y;
    let v = i32::try_from(v).ok()?;
    let year = match digits {
        4 => v,
        0 if v >= 1000 => v,
        0 | 2 if v < 100 => {
            let y = 2000 + v;
            (y <= today.year() + TWO_DIGITS_AHEAD).then_some(y)?
        }
        _ => return None,
    };
    YEARS.contains(&year).then_some(year)
}

/// A date of numbers only, read in the order of the settings; a leading
/// four-digit year is read first in any order.
fn numeric(
    a: Written,
    b: Written,
    c: Option<Written>,
    order: DateOrder,
    dots: bool,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let (y, m, d, _) = numeric_order(a, b, c, order, dots)?;
    match y {
        None => month_day_ahead(today, m, d),
        Some(y) => NaiveDate::from_ymd_opt(year(y, today)?, m, d),
    }
}

/// The year (if written), month and day of a date of numbers, and the order
/// they were read in: the settings' order, except that a four-digit year
/// says where it stands (`2030/12/1` is year first in every order, and in
/// `ymd` a year last reverses it to day/month/year: `1/2/2030` is 1 February,
/// as dots with the year last are everywhere), and that a day/month order
/// gives way to the other when only the other names a month (`22/04` in
/// `mdy`, `4/22/2030` in `dmy`) and no part can be a two-digit year.
pub(super) fn numeric_order(
    a: Written,
    b: Written,
    c: Option<Written>,
    order: DateOrder,
    dots: bool,
) -> Option<(Option<Written>, u32, u32, DateOrder)> {
    use DateOrder::{Dmy, Mdy, Ymd};
    let (y, m, d, used) = match c {
        None if a.1 == 4 || b.1 == 4 => return None,
        None if order == Dmy => (None, b.0, a.0, Dmy),
        None => (None, a.0, b.0, order),
        Some(c) => match (order, a.1 == 4, c.1 == 4) {
            (_, true, false) | (Ymd, false, false) => (Some(a), b.0, c.0, Ymd),
            (Ymd, false, true) => (Some(c), b.0, a.0, Dmy),
            (_, false, true) if dots => (Some(c), b.0, a.0, Dmy),
            (Mdy, false, _) => (Some(c), a.0, b.0, Mdy),
            (Dmy, false, _) => (Some(c), b.0, a.0, Dmy),
            _ => return None,
        },
    };
    let month = |m: u32| (1..=12).contains(&m);
    // Only where the year cannot be one of the two (`16-11-28` may be 2016).
    let year_placed = c.is_none_or(|c| c.1 == 4);
    if year_placed && !month(m) && month(d) {
        return Some((y, d, m, if used == Dmy { Mdy } else { Dmy }));
    }
    Some((y, m, d, used))
}

/// Whether a numeric date would read otherwise in another order (`12/1`,
/// not `12/13` nor `2026-11-28`).
pub(super) fn ambiguous(spec: DaySpec) -> bool {
    let swappable = |a: u32, b: u32| a != b && (1..=12).contains(&a) && (1..=12).contains(&b);
    match spec {
        DaySpec::Numeric(a, b, None, _) => swappable(a.0, b.0),
        DaySpec::Numeric(a, b, Some(c), false) if a.1 != 4 => {
            swappable(a.0, b.0) || swappable(b.0, c.0)
        }
        _ => false,
    }
}

/// The day a span gives: its end for a due, its first (working) day for a
/// start; or the end or the start asked for.
fn span_day(
    today: NaiveDate,
    span: Span,
    rel: i64,
    edge: Edge,
    purpose: Purpose,
) -> Option<NaiveDate> {
    let weekday = i64::from(today.weekday().num_days_from_monday());
    let days = |n: i64| today.checked_add_signed(TimeDelta::try_days(n)?);
    let (first, last) = match span {
        Span::Day => (days(rel)?, days(rel)?),
        Span::Week => (days(rel * 7 - weekday)?, days(rel * 7 - weekday + 6)?),
        Span::Weekend => (days(rel * 7 - weekday + 5)?, days(rel * 7 - weekday + 6)?),
        Span::Month => {
            let first = month_day(today, rel, 1)?;
            (first, first.checked_add_months(Months::new(1))?.pred_opt()?)
        }
        Span::Year => {
            let y = today.year().checked_add(i32::try_from(rel).ok()?)?;
            (
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )
        }
    };
    Some(match (edge, purpose) {
        (Edge::End, _) | (Edge::Whole, Purpose::Due) => last,
        (Edge::Start, _) => first,
        (Edge::Whole, Purpose::Start) => first
            .iter_days()
            .take(7)
            .find(|d| d.weekday().num_days_from_monday() < 5 || span == Span::Weekend)?,
    })
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
        ..
    } = clock;
    if minute > 59 || clock.second > 59 {
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
        (Period::Dusk, 4..=7) => h + 12,
        (Period::Dusk, 16..=19) => h,
        (Period::Midnight, 12 | 0) => 24,
        (Period::Midnight, 11) => 23,
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
        Period::Dusk => Some(18 * 60),
        Period::Midnight => Some(24 * 60),
    }
}

//! The phrase grammar's parts turned into an instant: the time of day, the
//! day, and the notes on what was understood.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Weekday};

use super::grammar::ClockSpec;
use super::zone::Resolved;
use super::{Context, Note, Reading, Span, days, default_time, grammar, lex, resolve};

/// Why a phrase did not read: a date and the other weekday written beside
/// it, or `None` for anything else.
pub(super) type Why = Option<(NaiveDate, Weekday)>;

/// A phrase of the grammar.
pub(super) fn phrase(s: &str, cx: &Context) -> Result<Reading, Why> {
    let parts = lex::tokens(s)
        .and_then(|t| grammar::parse(&t))
        .ok_or(None)?;
    let now = cx.zone.show(cx.now);
    let now = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .ok_or(None)?;
    let mut notes = Vec::new();
    if parts.approx {
        notes.push(Note::Approx);
    }
    if let Some(minutes) = parts.shift {
        let alone = parts.day.is_none() && parts.clock.is_none() && parts.period.is_none();
        let at = alone
            .then(|| now.checked_add_signed(TimeDelta::try_minutes(minutes)?))
            .flatten()
            .ok_or(None)?;
        return Ok(Reading {
            at: cx.zone.show(at),
            notes,
        });
    }
    let today = now.date_naive();
    let work = |end: bool| {
        let t = if end {
            cx.settings.work_end
        } else {
            cx.settings.work_start
        };
        i64::from(t.num_seconds_from_midnight())
    };
    let end_of_day = parts.end_of_day
        || matches!(
            parts.day,
            Some(days::DaySpec::Span {
                span: Span::Day,
                ..
            })
        );
    let seconds = match (parts.clock, parts.period, parts.day) {
        (Some(ClockSpec::At(clock)), period, _) => {
            resolve::minutes(clock, period).ok_or(None)? * 60 + i64::from(clock.second)
        }
        (Some(ClockSpec::Work(end)), None, _) => {
            notes.push(Note::Work(end));
            work(end)
        }
        (Some(ClockSpec::Work(_)), Some(_), _) => return Err(None),
        (None, Some(period), _) => resolve::period_alone(period).ok_or(None)? * 60,
        (None, None, Some(_)) if end_of_day => 23 * 3600 + 59 * 60,
        (None, None, Some(_)) => i64::from(default_time(cx.purpose).num_seconds_from_midnight()),
        (None, None, None) => return Err(None),
    };
    let day = match (parts.day, parts.weekday) {
        // `monday 21`, `tue may 9`: the nearest such day that is a Monday.
        (Some(spec), Some(w)) if parts.from.is_none() => {
            match resolve::on_weekday(spec, today, w) {
                Some(day) => day,
                None => resolve::day(spec, today, cx).ok_or(None)?,
            }
        }
        (Some(spec), _) => resolve::day(spec, today, cx).ok_or(None)?,
        (None, _) => today,
    };
    let day = match parts.from {
        Some((days, months)) => resolve::moved(day, days, months).ok_or(None)?,
        None => day,
    };
    if let Some(said) = parts.weekday
        && day.weekday() != said
    {
        return Err(Some((day, said)));
    }
    match parts.day {
        Some(days::DaySpec::Span { span, edge, .. })
            if span != Span::Day || parts.clock.is_none() =>
        {
            notes.push(Note::Span {
                span,
                edge,
                purpose: cx.purpose,
            });
        }
        Some(spec @ days::DaySpec::Numeric(a, b, c, dots)) if resolve::ambiguous(spec) => {
            let (.., used) =
                resolve::numeric_order(a, b, c, cx.settings.order, dots).ok_or(None)?;
            notes.push(Note::Order(used));
        }
        _ => {}
    }
    if let Some(days::DaySpec::Weekday { rel: None, day: w }) = parts.day
        && w == today.weekday()
        && parts.from.is_none()
    {
        notes.push(Note::WeekOn);
    }
    if parts.deadline && parts.clock.is_none() && parts.period.is_none() {
        notes.push(Note::DayIncluded);
    }
    let naive = day
        .and_time(NaiveTime::MIN)
        .checked_add_signed(TimeDelta::try_seconds(seconds).ok_or(None)?)
        .ok_or(None)?;
    let resolved = cx.zone.resolve(naive).ok_or(None)?;
    match resolved {
        Resolved::Skipped(_) => notes.push(Note::Skipped {
            asked: naive.time(),
        }),
        Resolved::Twice(_) => notes.push(Note::Twice),
        Resolved::Single(_) => {}
    }
    Ok(Reading {
        at: resolved.time(),
        notes,
    })
}

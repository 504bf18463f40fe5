//! Reading the dates people type, in English and in Chinese.
//!
//! [`parse_when`] reads a point in time relative to `now`, the injected clock.
//! Every date option of the command line and every date field of a form calls
//! it. What it reads:
//!
//! | | English | Chinese |
//! |---|---|---|
//! | days | `today`, `tomorrow`, `yesterday` | `今天` `明天` `后天` `大后天` `昨天` `前天` |
//! | weekdays | `mon`, `friday`, `next wed`, `this fri`, `last mon` | `周三` `星期三` `礼拜三` `周日` `星期天`, `下周三` `本周五` `这周五` `上周一` `下下周一` |
//! | dates | `2026-11-28`, `2026/11/28`, `11/28`, `11-28`, `28 nov`, `nov 28th`, `28 nov 2026` | `11月28日` `11月28号` `28号` `28日` `2026年11月28日` `下个月5号` `本月28日` |
//! | times | `14:30`, `9am`, `9:30 am`, `3pm`, `noon`, `at 9`, `tomorrow morning` | `15:30` `15：30` `9点` `9点半` `3点15分` `3点一刻` `上午9点` `下午3点` `中午12点` `晚上8点半` `凌晨2点` `今晚8点` `明天下午` |
//! | relative | `+2d`, `+3h`, `+30m`, `+1w`, `in 2 days`, `2 days`, `in an hour`, `in 2 months` | `3天后` `2小时后` `半小时后` `一个半小时后` `30分钟后` `两周后` `两个月后` |
//!
//! Chinese numerals read wherever digits do (`三天后`, `十五号`, `下午三点`,
//! `二十八日`, `十二月一日`); full-width digits and colons read as ASCII. A
//! day and a time combine in either order, with or without a space
//! (`tomorrow 14:30`, `fri 9am`, `tomorrow at 14:30`, `明天 下午3点`,
//! `周三上午9点半`, `11月28日下午3点`, `9am tomorrow`). Also still read as
//! before: `YYYY-MM-DD HH:MM` and RFC 3339.
//!
//! The rules, chosen for a liaison planning an office week:
//!
//! - **Weeks start on Monday**, as calendars in China do.
//! - **A bare weekday** (`fri`, `周五`) is the next one strictly after today:
//!   on a Wednesday, `wed` / `周三` is a week ahead — today is `今天` /
//!   `today` or `本周三` / `this wed` — and the preview says so
//!   ([`Note::WeekOn`]).
//! - **`next` / `下周`** is that day of next calendar week, **`this` / `本周` /
//!   `这周`** of this calendar week even if it has passed (on a Saturday,
//!   `本周五` is yesterday: the item shows as overdue rather than silently
//!   moving a week), **`last` / `上周`** of last week; `下下周` is two weeks
//!   on. So on a Sunday, `周一`, `下周一`, `mon` and `next mon` are all
//!   tomorrow, and `本周一` was six days ago.
//! - **A date without a time** is the end of that day (23:59) for
//!   [`Purpose::Due`] and 09:00 for [`Purpose::Start`]; see [`default_time`].
//!   A part of the day without an hour is 09:00 (`上午`, `morning`), 12:00
//!   (`中午`, `noon`), 15:00 (`下午`, `afternoon`) or 20:00 (`晚上`,
//!   `evening`, `tonight`).
//! - **A time without a date** is today at that time, even if it has passed.
//! - **A date that names no year** (`11/28`, `28 nov`, `1月2日`) is the next
//!   one on or after today: on 2026-12-30, `1月2日` is 2027-01-02. **A day of
//!   the month alone** (`28号`, `28th`) is the next such day on or after
//!   today, skipping months too short for it (`31号` on 11-25 is 12-31). A
//!   date that does not exist (`2月30日`, `2月29日` with no leap year this
//!   year or next) is refused.
//! - **Hours**: `12am` is 00:00 and `12pm` noon. `上午12点` is noon (the end
//!   of the morning), `中午1点` 13:00, `下午12点` noon, `凌晨12点` 00:00, and
//!   `晚上12点` is 24:00 — the midnight that ends that day, so `今晚12点` is
//!   tomorrow 00:00. With a part of the day, `凌晨` takes 0–6 and 12,
//!   `上午` 0–12, `中午` 11–14 and 1–3, `下午` 1–23, `晚上` 5–12 and 17–23;
//!   other hours are refused (`下午25点`, `晚上3点`). `am` / `pm` win over a
//!   part of the day. A time written with a colon is a
//!   24-hour time (`3:15` is 03:15); an hour written `3点` or `at 3` with no
//!   part of the day is a working hour, so 1–6 read 13:00–18:00 and the rest
//!   as written (`9点` 09:00, `3点` 15:00; say `凌晨3点` or `3am` for the night).
//! - **Relative days and weeks** (`+2d`, `3天后`, `in 2 weeks`) name a day,
//!   which takes the default time or a given one (`3天后下午3点`); **hours and
//!   minutes** (`+3h`, `半小时后`) count from now and stand alone.
//! - **Spans** (`周末`, `下周`, `月底`, `下个月`, `next week`, `end of month`):
//!   the last day for [`Purpose::Due`] (weeks end on Sunday), the first
//!   working day at 09:00 for [`Purpose::Start`]; `月初` / `start of` is the
//!   first day. **Deadlines** (`周五前`, `by friday`, `before friday`) include
//!   that day. `下班` / `上班` are the [`Settings`]' working day.
//! - **Numbers only** (`12/1/2030`, `28/11`) read in [`Settings::order`]; a
//!   leading four-digit year reads first, a trailing one in `ymd` reads
//!   day/month/year, and where only the other order names a month
//!   (`22/04` in `mdy`) it is the other. Years are [`YEARS`]; two digits
//!   are 20YY, refused when more than 20 years ahead. A weekday beside a date
//!   must be that date's ([`ModelError::DateWeekday`]).
//! - Wall times take the offset in force at that instant in the [`Zone`]
//!   (a skipped time moves on by the gap, a doubled one is the first, and
//!   the [`Reading`] notes it); results are whole minutes (`now`'s seconds
//!   are dropped). The README's Dates section lists every shape.
//!
//! What it cannot read is [`ModelError::BadDate`]; `i18n` shows the accepted
//! examples in the user's language.

use std::sync::OnceLock;

use chrono::{DateTime, Datelike, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::{ModelError, Time};
use phrase::phrase;
use zone::Resolved;

pub use days::{Edge, Span};
pub use resolve::YEARS;
pub use zone::Zone;

mod clock;
mod days;
mod en;
mod grammar;
mod lex;
mod phrase;
mod resolve;
mod zh;
mod zone;

#[cfg(test)]
mod prop;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_rules;
#[cfg(test)]
mod tests_shapes;
#[cfg(test)]
mod tests_zone;

/// What the time is for, which decides the time of day a bare date gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A deadline: a bare date means the end of that day.
    Due,
    /// A meeting's start or end: a bare date means 09:00.
    Start,
}

/// The order of a date written in numbers only (`12/1/2030`, `28/11`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Year, month, day: `2030/12/1`, and `12/1` is 12月1日.
    Ymd,
    /// Month, day, year: `12/1/2030` is 1 December.
    Mdy,
    /// Day, month, year: `28/11/2030`, `28/11`.
    Dmy,
}

/// The settings reading depends on, from the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub order: DateOrder,
    /// What `上班` means.
    pub work_start: NaiveTime,
    /// What `下班` means.
    pub work_end: NaiveTime,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            order: DateOrder::Ymd,
            work_start: NaiveTime::from_hms_opt(8, 30, 0).expect("valid time"),
            work_end: NaiveTime::from_hms_opt(17, 30, 0).expect("valid time"),
        }
    }
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Sets this process's settings (once, at start, from the config file);
/// until then [`Settings::default`] applies.
pub fn configure(settings: Settings) {
    let _ = SETTINGS.set(settings);
}

/// Everything a reading depends on besides the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub now: Time,
    pub zone: Zone,
    pub purpose: Purpose,
    pub settings: Settings,
}

impl Context {
    /// At `now`, in this process's zone and settings.
    pub fn new(now: Time, purpose: Purpose) -> Context {
        Context {
            now,
            zone: Zone::of(&now),
            purpose,
            settings: SETTINGS.get().copied().unwrap_or_default(),
        }
    }
}

/// A reading: the instant, and what was understood beyond it, for the
/// preview to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub at: Time,
    pub notes: Vec<Note>,
}

/// Something a reading understood that the instant alone does not show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// `下班`, `上班`: the end (true) or the start of the working day.
    Work(bool),
    /// A week, weekend, month or year read as one of its days.
    Span {
        span: Span,
        edge: Edge,
        purpose: Purpose,
    },
    /// A deadline on a day (`周五前`, `before friday`): that day is included.
    DayIncluded,
    /// A bare weekday that is today's (`wed` on a Wednesday): the one a week
    /// on, not today.
    WeekOn,
    /// `大约`, `左右`, `around`: the time itself.
    Approx,
    /// A date of numbers that another order would read otherwise (`12/1`).
    Order(DateOrder),
    /// A wall time the clocks skip that day (spring forward), moved on by the gap.
    Skipped { asked: NaiveTime },
    /// A wall time that happens twice that night (fall back): the first.
    Twice,
}

/// Accepted examples that read the same in every language; `i18n` shows
/// phrases in the user's language beside them.
pub const EXAMPLES: &str = "2026-11-28 14:30, 11/28, 14:30, +2d";

/// Reads `input` as a point in time, relative to `now` (the reference
/// instant), in this process's zone and settings; the module doc says which
/// phrases it reads and how.
pub fn parse_when(input: &str, now: Time, purpose: Purpose) -> Result<Time, ModelError> {
    read(input, now, purpose).map(|r| r.at)
}

/// As [`parse_when`], with what was understood.
pub fn read(input: &str, now: Time, purpose: Purpose) -> Result<Reading, ModelError> {
    read_in(input, &Context::new(now, purpose))
}

/// Reads `input` in `cx`.
pub fn read_in(input: &str, cx: &Context) -> Result<Reading, ModelError> {
    let s = input.trim();
    let bad = || ModelError::BadDate {
        input: input.to_string(),
        examples: EXAMPLES.to_string(),
    };
    if s.is_empty() {
        return Err(bad());
    }
    let reading = match DateTime::parse_from_rfc3339(s) {
        Ok(at) => Reading { at, notes: vec![] },
        Err(_) => phrase(s, cx).map_err(|why| match why {
            Some((date, said)) => ModelError::DateWeekday {
                input: input.to_string(),
                date,
                said,
            },
            None => bad(),
        })?,
    };
    let year = cx.zone.show(reading.at).year();
    YEARS.contains(&year).then_some(reading).ok_or_else(bad)
}

/// The time of day a date without one gets.
pub fn default_time(purpose: Purpose) -> NaiveTime {
    match purpose {
        Purpose::Due => NaiveTime::from_hms_opt(23, 59, 0).expect("valid time"),
        Purpose::Start => NaiveTime::from_hms_opt(9, 0, 0).expect("valid time"),
    }
}

/// A wall-clock time as an instant, in the zone of a process whose clock
/// says `now` and in the offset in force at that instant (a skipped time
/// moves on by the gap, a doubled one is the first).
pub fn local(naive: NaiveDateTime, now: Time) -> Option<Time> {
    Zone::of(&now).resolve(naive).map(Resolved::time)
}

/// `t` as shown by a process whose clock says `now`: in the offset in force
/// at `t` (a July time in July's offset, even in December).
pub fn shown(t: Time, now: Time) -> Time {
    Zone::of(&now).show(t)
}

//! Recurring duties (`--every day|weekday|week|Nd [--until DAY]`): meals,
//! the vehicle, the morning brief.
//!
//! Each occurrence is an item of its own, so what was done stays on record.
//! An occurrence belongs to its duty's series (the id of the first one) and
//! is known by its day. Completing one adds the next — unless the series
//! already has an open occurrence or one on that day: a second completion,
//! from this process or another, a redo after an undo, finds it there and
//! adds nothing. So a duty never has two open occurrences.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::attendance::day_of;
use super::{Item, ModelError, State, Time};

/// How often a duty comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Day,
    /// Monday to Friday.
    Weekday,
    Week,
    /// Every N days.
    Days(u16),
}

impl Every {
    /// The day after `d` the duty comes back on.
    pub fn after(self, d: NaiveDate) -> NaiveDate {
        match self {
            Every::Day => d + Duration::days(1),
            Every::Week => d + Duration::days(7),
            Every::Days(n) => d + Duration::days(i64::from(n)),
            Every::Weekday => {
                let mut n = d + Duration::days(1);
                while matches!(n.weekday(), Weekday::Sat | Weekday::Sun) {
                    n += Duration::days(1);
                }
                n
            }
        }
    }
}

impl fmt::Display for Every {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Every::Day => f.write_str("day"),
            Every::Weekday => f.write_str("weekday"),
            Every::Week => f.write_str("week"),
            Every::Days(n) => write!(f, "{n}d"),
        }
    }
}

impl FromStr for Every {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, ModelError> {
        let t = s.trim().to_ascii_lowercase();
        let bad = || ModelError::UnknownValue {
            field: "Every",
            value: s.trim().to_string(),
            allowed: "day, weekday, week, Nd (e.g. 2d)".into(),
        };
        Ok(match t.as_str() {
            "day" | "daily" | "每天" => Every::Day,
            "weekday" | "weekdays" | "工作日" => Every::Weekday,
            "week" | "weekly" | "每周" => Every::Week,
            _ => {
                let n: u16 = t
                    .strip_suffix('d')
                    .ok_or_else(bad)?
                    .parse()
                    .map_err(|_| bad())?;
                match n {
                    1 => Every::Day,
                    7 => Every::Week,
                    2..=366 => Every::Days(n),
                    _ => return Err(bad()),
                }
            }
        })
    }
}

impl Serialize for Every {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Every {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The series `item` belongs to: its first occurrence's id.
pub fn series_of(item: &Item) -> &str {
    item.series.as_deref().unwrap_or(&item.id)
}

fn in_series(item: &Item, series: &str) -> bool {
    series_of(item) == series
}

/// The day an occurrence is on (its due time, else its start).
fn day(item: &Item, now: Time) -> Option<NaiveDate> {
    item.due.or(item.start).map(|t| day_of(t, now))
}

/// `t` moved by `days` whole days, at the same time of day on the clock.
fn shift(t: Time, days: i64, now: Time) -> Option<Time> {
    let wall = super::when::shown(t, now).naive_local() + Duration::days(days);
    super::when::local(wall, now)
}

/// Whether `item` may join the state as an occurrence: no other open
/// occurrence of its series, none on its day. Anything not recurring may.
pub fn admits(state: &State, item: &Item, now: Time) -> bool {
    if item.every.is_none() || item.series.is_none() {
        return true;
    }
    let series = series_of(item);
    let on = day(item, now);
    !state.items.iter().any(|i| {
        i.id != item.id
            && in_series(i, series)
            && (!i.status.is_closed() || (on.is_some() && day(i, now) == on))
    })
}

/// The occurrence after `done`, if its rule and end allow one: on the
/// first day of the rule after its own that is not before today, at the
/// same time of day.
pub fn next_of(done: &Item, now: Time) -> Option<Item> {
    // What this occurrence alone changed goes back to the series' values.
    let template = series_values(done);
    let done = &template;
    let every = done.every?;
    let from = day(done, now)?;
    let today = day_of(now, now);
    let mut to = every.after(from);
    while to < today {
        to = every.after(to);
    }
    if done.every_until.is_some_and(|u| to > u) {
        return None;
    }
    let days = (to - from).num_days();
    let mut next = done.clone();
    next.id = String::new();
    next.series = Some(series_of(done).to_string());
    next.status = super::Status::Open;
    next.created = now;
    next.updated = now;
    next.notes.clear();
    next.followups.clear();
    next.handback = None;
    next.this_only = None;
    next.due = done.due.and_then(|t| shift(t, days, now));
    next.start = done.start.and_then(|t| shift(t, days, now));
    next.end = done.end.and_then(|t| shift(t, days, now));
    Some(next)
}

/// After the item at `at` was completed: adds its next occurrence unless
/// the series has one already. Returns the new id.
pub fn roll(state: &mut State, at: usize, now: Time) -> Option<String> {
    let next = next_of(&state.items[at], now)?;
    if !admits(state, &next, now) {
        return None;
    }
    state.add(next).ok()
}

/// Refuses a recurring item without a time to recur from.
pub fn check(item: &Item) -> Result<(), ModelError> {
    if item.every.is_some() && item.due.is_none() && item.start.is_none() {
        return Err(super::roster::TeamError::EveryNeedsTime.into());
    }
    Ok(())
}

/// Fields an edit of one occurrence never carries on: its identity, state
/// and record.
const OWN: &[&str] = &[
    "id",
    "status",
    "created",
    "updated",
    "notes",
    "followups",
    "handback",
    "series",
    "this_only",
    "custody",
    "custody_head",
];

fn fields(item: &Item) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::to_value(item) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    }
}

/// `edited` made from `before` for this occurrence only: the coming ones
/// keep what `before` had (what an earlier one-off edit kept stays kept).
pub fn edit_this_one(before: &Item, edited: &mut Item) {
    let (b, a) = (fields(before), fields(edited));
    let mut keep = edited.this_only.take().unwrap_or_default();
    for k in b.keys().chain(a.keys()) {
        if OWN.contains(&k.as_str()) || keep.contains_key(k) || b.get(k) == a.get(k) {
            continue;
        }
        keep.insert(
            k.clone(),
            b.get(k).cloned().unwrap_or(serde_json::Value::Null),
        );
    }
    edited.this_only = (!keep.is_empty()).then_some(keep);
}

/// `item` with its one-off changes undone: the series' values.
fn series_values(item: &Item) -> Item {
    let Some(keep) = &item.this_only else {
        return item.clone();
    };
    let mut m = fields(item);
    for (k, v) in keep {
        match v {
            serde_json::Value::Null => m.remove(k),
            v => m.insert(k.clone(), v.clone()),
        };
    }
    serde_json::from_value(serde_json::Value::Object(m)).unwrap_or_else(|_| item.clone())
}

//! Meetings in time: how long one lasts, which one is under way, and which
//! ones clash.
//!
//! Two meetings are in conflict when their times overlap (a meeting that ends
//! as another starts does not) and they share a place or an attendee. Names
//! are compared with every space ignored (`二楼谈话室` is `二楼 谈话室`, a
//! full-width space is a space) and case ignored. A meeting without an end lasts an hour; one
//! without a start, or done, or cancelled, conflicts with nothing.

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::Duration;

use super::{Item, Kind, MeetingType, State, Time};

/// How long a meeting without an end lasts.
pub const DEFAULT_LENGTH: Duration = Duration::hours(1);

impl Item {
    /// When a meeting runs: from its start to its end (an hour when it has
    /// none). `None` for other kinds and for a meeting without a start.
    pub fn span(&self) -> Option<(Time, Time)> {
        span_of(self.kind, self.start, self.end)
    }

    /// The span of a meeting that can still clash: not done or cancelled.
    fn live_span(&self) -> Option<(Time, Time)> {
        live_span_of(self.kind, self.status, self.start, self.end)
    }
}

/// The span of an item with this kind, status and times that can still
/// clash: a meeting's, unless it is done or cancelled.
pub fn live_span_of(
    kind: Kind,
    status: super::Status,
    start: Option<Time>,
    end: Option<Time>,
) -> Option<(Time, Time)> {
    span_of(kind, start, end).filter(|_| !status.is_closed())
}

/// The span of an item of `kind` from `start` to `end` (see [`Item::span`]).
pub fn span_of(kind: Kind, start: Option<Time>, end: Option<Time>) -> Option<(Time, Time)> {
    if kind != Kind::Meeting {
        return None;
    }
    let start = start?;
    Some((start, end.unwrap_or(start + DEFAULT_LENGTH)))
}

/// What the clash sweep reads of an item: an item itself, or what a
/// listing knows of one it did not decode.
pub trait Meets {
    /// Its span if it is a meeting that can still clash.
    fn live_span(&self) -> Option<(Time, Time)>;
    /// The names it clashes by: its place, then its attendees.
    fn names(&self) -> (Option<&str>, &[String]);
}

impl Meets for Item {
    fn live_span(&self) -> Option<(Time, Time)> {
        Item::live_span(self)
    }

    fn names(&self) -> (Option<&str>, &[String]) {
        (self.place.as_deref(), &self.attendees)
    }
}

/// A name as compared: without any spaces, lower case.
fn norm(name: &str) -> String {
    norm_cow(name).into_owned()
}

/// [`norm`], borrowing `name` when it is already as compared (as Chinese
/// names are): the sweep over every meeting of a large register made two
/// copies of every name.
fn norm_cow(name: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = |c: char| {
        // Lower-case letters, digits and Chinese characters at a glance.
        if c.is_ascii_lowercase() || c.is_ascii_digit() || ('\u{3400}'..='\u{9FFF}').contains(&c) {
            return true;
        }
        let mut lower = c.to_lowercase();
        !c.is_whitespace() && lower.next() == Some(c) && lower.next().is_none()
    };
    match name.chars().all(unchanged) {
        true => std::borrow::Cow::Borrowed(name),
        false => name
            .split_whitespace()
            .collect::<String>()
            .to_lowercase()
            .into(),
    }
}

/// Whether `name` is how `item` spells its place (not an attendee).
pub fn is_place(item: &Item, name: &str) -> bool {
    item.place.as_deref().is_some_and(|p| norm(p) == norm(name))
}

/// Reads a meeting's end. A plain time such as `10:30` is read on the
/// start's day, not today's: it ends tomorrow's 09:00 meeting, instead of
/// being refused as ending before it starts. A phrase that names its own
/// day (`明天 10:00`, `后天 12:00`) keeps the day it names.
pub fn read_end(text: &str, start: Option<Time>, now: Time) -> Result<Time, super::ModelError> {
    use super::when::{Purpose, parse_when};
    let from_now = parse_when(text, now, Purpose::Start)?;
    let Some(start) = start else {
        return Ok(from_now);
    };
    let on_start_day =
        |t: Time| t >= start && t.with_timezone(start.offset()).date_naive() == start.date_naive();
    if on_start_day(from_now) {
        return Ok(from_now);
    }
    match parse_when(text, start, Purpose::Start) {
        Ok(t) if on_start_day(t) => Ok(t),
        _ => Ok(from_now),
    }
}

/// After a meeting's start was set or moved from `start` while its end
/// (`end`) was not given anew: the end follows, keeping the meeting's
/// length, or [`DEFAULT_LENGTH`] after the start when it had none. Every
/// way of adding or changing a meeting (form, command line, import, move)
/// comes through here, so they agree.
pub fn end_follows_start(item: &mut Item, start: Option<Time>, end: Option<Time>) {
    if item.kind != Kind::Meeting || item.start == start || item.end != end {
        return;
    }
    let Some(new) = item.start else { return };
    let length = match (start, end) {
        (Some(s), Some(e)) if e >= s => e - s,
        _ => DEFAULT_LENGTH,
    };
    item.end = Some(new + length);
}

/// The place and attendees of a meeting as compared, without repeats.
fn names(item: &Item) -> Vec<String> {
    let mut names: Vec<String> = item
        .place
        .iter()
        .chain(&item.attendees)
        .map(|n| norm(n))
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn overlap(a: (Time, Time), b: (Time, Time)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// When a meeting runs, as a clash message names it: `11-25 09:00–10:00`,
/// with the end's date only when it ends on another day.
pub fn span_text(item: &Item) -> Option<String> {
    let (start, end) = item.span()?;
    let end = end.with_timezone(start.offset());
    let end_fmt = if end.date_naive() == start.date_naive() {
        "%H:%M"
    } else {
        "%m-%d %H:%M"
    };
    Some(format!(
        "{}–{}",
        start.format("%m-%d %H:%M"),
        end.format(end_fmt)
    ))
}

/// The place and attendees `a` shares with `b`, as `a` spells them, place
/// first.
pub fn shared(a: &Item, b: &Item) -> Vec<String> {
    let theirs = names(b);
    let mut out: Vec<String> = Vec::new();
    for name in a.place.iter().chain(&a.attendees) {
        let n = norm(name);
        if !n.is_empty() && theirs.binary_search(&n).is_ok() && !out.iter().any(|o| norm(o) == n) {
            out.push(name.trim().to_string());
        }
    }
    out
}

/// Whether two meetings are in conflict.
pub fn clash(a: &Item, b: &Item) -> bool {
    match (a.live_span(), b.live_span()) {
        (Some(x), Some(y)) => overlap(x, y) && !shared(a, b).is_empty(),
        _ => false,
    }
}

/// The ids of the meetings in conflict with meeting `id`, in order of start
/// (none for an unknown id or an item that is not a live meeting).
pub fn conflicts(state: &State, id: &str) -> Vec<String> {
    let Some(at) = state.position(id) else {
        return Vec::new();
    };
    let me = &state.items[at];
    let Some(span) = me.live_span() else {
        return Vec::new();
    };
    let mine = names(me);
    if mine.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(Time, usize)> = state
        .items
        .iter()
        .enumerate()
        .filter(|&(i, other)| {
            i != at
                && other.live_span().is_some_and(|s| overlap(span, s))
                && names(other).iter().any(|n| mine.binary_search(n).is_ok())
        })
        .map(|(i, other)| (other.start.unwrap_or(span.0), i))
        .collect();
    found.sort_unstable();
    found
        .into_iter()
        .map(|(_, i)| state.items[i].id.clone())
        .collect()
}

/// For every item, by position in `state.items`, the positions of the
/// meetings it conflicts with, in order of start (empty for all but live
/// meetings).
///
/// Meetings are grouped by each name they carry; within a group, sorted by
/// start, a sweep keeps only those still running, so only meetings that share
/// a name and overlap are ever compared.
pub fn all_conflicts(state: &State) -> Vec<Vec<usize>> {
    conflicts_of(&state.items)
}

/// [`all_conflicts`] of any items the sweep can read.
pub fn conflicts_of<T: Meets>(items: &[T]) -> Vec<Vec<usize>> {
    let spans: Vec<Option<(Time, Time)>> = items.iter().map(Meets::live_span).collect();
    // Each live meeting under each of its names, sorted by name and then
    // by start: a run of one name is that name's group, in order.
    // Names are numbered as first met, and a start is its second and
    // nanosecond, so the sort compares numbers only.
    let mut numbers: HashMap<std::borrow::Cow<'_, str>, usize> = HashMap::new();
    let mut named: Vec<(usize, i64, u32, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Some((start, _)) = spans[i] {
            let (place, attendees) = item.names();
            let (secs, nanos) = (start.timestamp(), start.timestamp_subsec_nanos());
            for name in place
                .into_iter()
                .chain(attendees.iter().map(String::as_str))
            {
                let name = norm_cow(name);
                if !name.is_empty() {
                    let next = numbers.len();
                    named.push((*numbers.entry(name).or_insert(next), secs, nanos, i));
                }
            }
        }
    }
    named.sort_unstable();
    named.dedup();
    let span = |i: usize| spans[i].expect("only live meetings are grouped");
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut running: Vec<usize> = Vec::new();
    for group in named.chunk_by(|a, b| a.0 == b.0) {
        running.clear();
        for &(_, _, _, i) in group {
            let start = span(i).0;
            running.retain(|&j| span(j).1 > start);
            for &j in &running {
                if overlap(span(i), span(j)) {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
            running.push(i);
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut out = vec![Vec::new(); items.len()];
    for (a, b) in pairs {
        out[a].push(b);
        out[b].push(a);
    }
    for list in &mut out {
        list.sort_unstable_by_key(|&i| (span(i).0, i));
    }
    out
}

/// The meeting under way at `now` (start ≤ now < end), the default target
/// of the note box. An interview wins over other meetings; then the one that
/// started last. Done and cancelled meetings are not under way.
pub fn in_progress(state: &State, now: Time) -> Option<&Item> {
    state
        .items
        .iter()
        .filter(|item| item.live_span().is_some_and(|(s, e)| s <= now && now < e))
        .max_by_key(|item| {
            (
                item.meeting_type == Some(MeetingType::Interview),
                item.start,
            )
        })
}

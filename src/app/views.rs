//! The order of each pane's rows, computed once per change (never per key).
//!
//! Panes list open items by time (undated last), closed ones after when shown.
//! The Meetings pane is an agenda: today first, then the days to come; past
//! days are folded away unless closed items are shown.

use std::cmp::Ordering;

use crate::model::triage::day_bounds;
use crate::model::{Item, Kind, State, Time};

/// Where a meeting falls relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Day {
    Today,
    Coming,
    Past,
    Undated,
}

pub fn day_of(item: &Item, now: Time) -> Day {
    let (today, tomorrow) = day_bounds(now);
    match item.start {
        None => Day::Undated,
        Some(t) if t < today => Day::Past,
        Some(t) if t < tomorrow => Day::Today,
        Some(_) => Day::Coming,
    }
}

/// High first, then normal, then low.
pub fn rank(p: crate::model::Priority) -> usize {
    crate::model::Priority::ALL
        .iter()
        .position(|x| *x == p)
        .unwrap_or(1)
}

fn by_time(a: &Item, b: &Item) -> Ordering {
    (
        a.status.is_closed(),
        rank(a.priority),
        a.when().is_none(),
        a.when(),
        &a.created,
    )
        .cmp(&(
            b.status.is_closed(),
            rank(b.priority),
            b.when().is_none(),
            b.when(),
            &b.created,
        ))
}

fn agenda(a: &Item, b: &Item, now: Time) -> Ordering {
    let (da, db) = (day_of(a, now), day_of(b, now));
    da.cmp(&db).then_with(|| match da {
        // Past days: the most recent first.
        Day::Past => b.start.cmp(&a.start),
        _ => a.start.cmp(&b.start).then(a.created.cmp(&b.created)),
    })
}

/// Where an item stands in its pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    Listed,
    /// A past meeting, folded out of the agenda.
    Folded,
    /// Closed, with closed items hidden.
    Hidden,
}

pub fn placed(item: &Item, show_closed: bool, now: Time) -> Placed {
    if !show_closed && item.status.is_closed() {
        Placed::Hidden
    } else if item.kind == Kind::Meeting && !show_closed && day_of(item, now) == Day::Past {
        Placed::Folded
    } else {
        Placed::Listed
    }
}

/// The order of two rows of the pane of `kind` (before copies are nested
/// under their documents); rows equal in it keep the items' order.
pub fn row_order(kind: Kind, a: &Item, b: &Item, now: Time) -> Ordering {
    if kind == Kind::Meeting {
        agenda(a, b, now)
    } else {
        by_time(a, b)
    }
}

/// Each pane's rows (indexes into `state.items`) and how many past meetings
/// are folded away.
pub fn pane_rows(
    state: &State,
    show_closed: bool,
    now: Time,
) -> (super::ByKind<Vec<usize>>, usize) {
    let (mut rows, folded) = sorted_rows(state, show_closed, now);
    crate::model::custody::nest_copies(&state.items, &mut rows[Kind::Document]);
    (rows, folded)
}

/// [`pane_rows`] with the copies of documents not yet nested under them.
pub fn sorted_rows(
    state: &State,
    show_closed: bool,
    now: Time,
) -> (super::ByKind<Vec<usize>>, usize) {
    let mut rows: super::ByKind<Vec<usize>> = Default::default();
    let mut folded = 0;
    for (i, item) in state.items.iter().enumerate() {
        match placed(item, show_closed, now) {
            Placed::Listed => rows[item.kind].push(i),
            Placed::Folded => folded += 1,
            Placed::Hidden => {}
        }
    }
    let items = &state.items;
    for kind in Kind::ALL.iter().copied() {
        rows[kind].sort_by(|&a, &b| row_order(kind, &items[a], &items[b], now));
    }
    (rows, folded)
}

/// A line of an item's detail the cursor stops on: `Space` ticks a check
/// or a question, `Enter` opens a linked item, `E` / `D` edit or delete a
/// note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// A preparation checklist entry, by index.
    Check(usize),
    /// An open follow-up question, by index in `followups`.
    Followup(usize),
    /// A linked item, by index in `links`.
    Link(usize),
    /// A note, by index in `notes`.
    Note(usize),
}

/// The lines the detail's cursor stops on, in the order they are shown.
pub fn stops(state: &State, item: &Item) -> Vec<Stop> {
    let checks = (0..item.checklist.len()).map(Stop::Check);
    let open = item.open_followups().map(|(i, _)| Stop::Followup(i));
    let links = (0..links(state, item).len()).map(Stop::Link);
    let notes = (0..item.notes.len()).map(Stop::Note);
    checks.chain(open).chain(links).chain(notes).collect()
}

/// The items linked to `item`: the meeting whose notes asked for a
/// document (a `#` line), or the documents a meeting asked for.
pub fn links(state: &State, item: &Item) -> Vec<String> {
    match item.kind {
        Kind::Document => item
            .meeting
            .iter()
            .filter(|m| state.get(m).is_some())
            .cloned()
            .collect(),
        Kind::Meeting => state
            .items
            .iter()
            .filter(|d| d.kind == Kind::Document && d.meeting.as_deref() == Some(&item.id))
            .map(|d| d.id.clone())
            .collect(),
        _ => Vec::new(),
    }
}

/// Which items are meetings in conflict with another (by index).
pub fn conflicted(state: &State) -> Vec<bool> {
    crate::model::meeting::all_conflicts(state)
        .iter()
        .map(|c| !c.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::now;
    use chrono::Duration;

    #[test]
    fn meetings_read_as_an_agenda_today_first_past_folded() {
        let mut s = State::default();
        let h = Duration::hours;
        for (title, at) in [
            ("明天的调研", h(24)),
            ("下午谈话", h(5)),
            ("昨天的动员会", -h(24)),
            ("早上的汇报", -h(1)),
            ("前天的培训", -h(48)),
        ] {
            let mut m = Item::new(Kind::Meeting, title, now());
            m.start = Some(now() + at);
            s.add(m).unwrap();
        }
        let titles = |rows: &[usize]| {
            rows.iter()
                .map(|i| s.items[*i].title.as_str())
                .collect::<Vec<_>>()
        };
        let (rows, folded) = pane_rows(&s, false, now());
        assert_eq!(
            titles(&rows[Kind::Meeting]),
            ["早上的汇报", "下午谈话", "明天的调研"]
        );
        assert_eq!(folded, 2);
        let (rows, folded) = pane_rows(&s, true, now());
        assert_eq!(
            titles(&rows[Kind::Meeting]),
            [
                "早上的汇报",
                "下午谈话",
                "明天的调研",
                "昨天的动员会",
                "前天的培训"
            ]
        );
        assert_eq!(folded, 0);
    }
}

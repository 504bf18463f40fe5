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

/// Which day `item` (a meeting) falls on, today's bounds given.
fn day_in(item: &Item, (today, tomorrow): (Time, Time)) -> Day {
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
    placed_in(item, show_closed, day_bounds(now))
}

fn placed_in(item: &Item, show_closed: bool, day: (Time, Time)) -> Placed {
    if !show_closed && item.status.is_closed() {
        Placed::Hidden
    } else if item.kind == Kind::Meeting && !show_closed && day_in(item, day) == Day::Past {
        Placed::Folded
    } else {
        Placed::Listed
    }
}

/// The order of two rows of the pane of `kind` (before copies are nested
/// under their documents); rows equal in it keep the items' order.
pub fn row_order(kind: Kind, a: &Item, b: &Item, now: Time) -> Ordering {
    let day = day_bounds(now);
    key(kind, a, day).cmp(&key(kind, b, day))
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
    let day = day_bounds(now);
    let mut keyed: super::ByKind<Vec<(Key, usize)>> = Default::default();
    let mut folded = 0;
    for (i, item) in state.items.iter().enumerate() {
        match placed_in(item, show_closed, day) {
            Placed::Listed => keyed[item.kind].push((key(item.kind, item, day), i)),
            Placed::Folded => folded += 1,
            Placed::Hidden => {}
        }
    }
    let mut rows: super::ByKind<Vec<usize>> = Default::default();
    for kind in Kind::ALL.iter().copied() {
        // The index last: equal rows keep the items' order, as a stable
        // sort by `row_order` keeps it.
        keyed[kind].sort_unstable();
        rows[kind] = keyed[kind].iter().map(|(_, i)| *i).collect();
    }
    (rows, folded)
}

/// An item's place in its pane's order as one value: open before closed,
/// then by priority, dated before undated, by time and by creation; a
/// meeting by its day (today, coming, past, undated), a past one the most
/// recent first. Made once an item when a pane is sorted, rather than at
/// each of the ~130,000 comparisons a 10,000-item sort makes.
type Key = (u8, usize, bool, Option<(i64, i64)>, (i64, i64));

/// A time as its instant, which is how times compare.
fn instant(t: &Time) -> (i64, i64) {
    (t.timestamp(), i64::from(t.timestamp_subsec_nanos()))
}

fn key(kind: Kind, item: &Item, day: (Time, Time)) -> Key {
    if kind != Kind::Meeting {
        let when = item.when();
        return (
            u8::from(item.status.is_closed()),
            rank(item.priority),
            when.is_none(),
            when.as_ref().map(instant),
            instant(&item.created),
        );
    }
    let d = day_in(item, day);
    match d {
        // The most recent first, and no more.
        Day::Past => {
            let (secs, nanos) = item.start.as_ref().map(instant).unwrap_or_default();
            (d as u8, 0, false, Some((-secs, -nanos)), (0, 0))
        }
        _ => (
            d as u8,
            0,
            false,
            item.start.as_ref().map(instant),
            instant(&item.created),
        ),
    }
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

    /// The pane's order spelled out field by field, as the key must give
    /// it (the key is one value made once an item, so sorting is cheap).
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
        let day_of = |i| day_in(i, day_bounds(now));
        let (da, db) = (day_of(a), day_of(b));
        da.cmp(&db).then_with(|| match da {
            // Past days: the most recent first.
            Day::Past => b.start.cmp(&a.start),
            _ => a.start.cmp(&b.start).then(a.created.cmp(&b.created)),
        })
    }

    proptest::proptest! {
        /// The keyed sort, and `row_order` which the incremental updates
        /// use, give the order spelled out field by field (a stable sort):
        /// times equal as instants in other offsets, ties, undated, past
        /// and closed rows.
        #[test]
        fn the_keyed_sort_is_row_order(
            items in proptest::collection::vec(
                (0usize..4, 0usize..5, 0usize..3, 0usize..8, 0usize..8, 0usize..8),
                0..40,
            ),
            show_closed: bool,
        ) {
            use crate::model::{Priority, Status};
            let times = |n: usize| -> Option<Time> {
                let h = Duration::hours;
                let t = [None, Some(-h(30)), Some(-h(1)), Some(h(0)), Some(h(2)), Some(h(30))];
                let t = t[n % t.len()].map(|d| now() + d)?;
                // The same instant in UTC and in UTC-5 for the later half.
                Some(if n >= 4 {
                    t.with_timezone(&chrono::FixedOffset::west_opt(5 * 3600).unwrap())
                } else {
                    t.with_timezone(&chrono::FixedOffset::east_opt(0).unwrap())
                })
            };
            let statuses = [Status::Open, Status::InProgress, Status::Waiting, Status::Done, Status::Cancelled];
            let mut s = State::default();
            for (i, (k, st, p, due, start, created)) in items.into_iter().enumerate() {
                let mut it = Item::new(Kind::ALL[k], format!("t{i}"), now());
                it.id = format!("{}{i}", Kind::ALL[k].prefix());
                it.status = statuses[st];
                it.priority = Priority::ALL[p];
                it.due = times(due);
                it.start = times(start);
                it.created = times(created).unwrap_or(now());
                s.items.push(it);
            }
            let (rows, folded) = sorted_rows(&s, show_closed, now());
            let mut want_folded = 0;
            for kind in Kind::ALL.iter().copied() {
                let mut want: Vec<usize> = (0..s.items.len())
                    .filter(|i| s.items[*i].kind == kind)
                    .filter(|i| match placed(&s.items[*i], show_closed, now()) {
                        Placed::Listed => true,
                        Placed::Folded => { want_folded += 1; false }
                        Placed::Hidden => false,
                    })
                    .collect();
                let spelled = |a: &Item, b: &Item| if kind == Kind::Meeting {
                    agenda(a, b, now())
                } else {
                    by_time(a, b)
                };
                want.sort_by(|&a, &b| spelled(&s.items[a], &s.items[b]));
                proptest::prop_assert_eq!(&rows[kind], &want);
                for &a in &want {
                    for &b in &want {
                        let (a, b) = (&s.items[a], &s.items[b]);
                        proptest::prop_assert_eq!(row_order(kind, a, b, now()), spelled(a, b));
                    }
                }
            }
            proptest::prop_assert_eq!(folded, want_folded);
        }
    }
}

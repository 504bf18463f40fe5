//! The Today list: what needs the liaison's attention today, in one order.
//!
//! Overdue first (oldest first), then today's meetings in time order, then what
//! is due today, then waiting items. Done and cancelled items never appear.

use chrono::{Days, NaiveTime};

use super::{Item, Kind, State, Status, Time};

/// Why an item is on the Today list; also its group, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    Overdue,
    MeetingToday,
    DueToday,
    Waiting,
}

/// The start and end of the day `now` falls in, in its offset.
pub fn day_bounds(now: Time) -> (Time, Time) {
    let start = now.with_time(NaiveTime::MIN).single().unwrap_or(now);
    let end = start.checked_add_days(Days::new(1)).unwrap_or(now);
    (start, end)
}

/// Why `item` belongs on the Today list at `now`, if it does.
pub fn reason(item: &Item, now: Time) -> Option<Reason> {
    if item.status.is_closed() {
        return None;
    }
    let (today, tomorrow) = day_bounds(now);
    if item.kind == Kind::Meeting
        && let Some(start) = item.start
    {
        // A meeting is not "overdue": it either is today or it is not.
        if start >= today && start < tomorrow {
            return Some(Reason::MeetingToday);
        }
    } else if let Some(due) = item.due {
        if due < now {
            return Some(Reason::Overdue);
        }
        if due < tomorrow {
            return Some(Reason::DueToday);
        }
    }
    (item.status == Status::Waiting).then_some(Reason::Waiting)
}

/// Whether `item` is overdue at `now`.
pub fn is_overdue(item: &Item, now: Time) -> bool {
    reason(item, now) == Some(Reason::Overdue)
}

/// Whether `item` is due (or meets) later today.
pub fn is_due_today(item: &Item, now: Time) -> bool {
    matches!(
        reason(item, now),
        Some(Reason::DueToday | Reason::MeetingToday)
    )
}

/// The Today list: indexes into `state.items` with their reason, in order.
pub fn today(state: &State, now: Time) -> Vec<(usize, Reason)> {
    let mut list: Vec<(usize, Reason)> = state
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| reason(item, now).map(|r| (i, r)))
        .collect();
    list.sort_by(|(a, ra), (b, rb)| {
        let (a, b) = (&state.items[*a], &state.items[*b]);
        ra.cmp(rb)
            .then(a.when().cmp(&b.when()))
            .then(a.created.cmp(&b.created))
    });
    list
}

/// Counts for the header: (overdue, due today).
pub fn counts(state: &State, now: Time) -> (usize, usize) {
    state
        .items
        .iter()
        .fold((0, 0), |(o, d), item| match reason(item, now) {
            Some(Reason::Overdue) => (o + 1, d),
            Some(Reason::DueToday | Reason::MeetingToday) => (o, d + 1),
            _ => (o, d),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration};

    fn now() -> Time {
        DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").unwrap()
    }

    fn item(state: &mut State, kind: Kind, title: &str, f: impl FnOnce(&mut Item)) -> String {
        let mut it = Item::new(kind, title, now());
        f(&mut it);
        state.add(it).unwrap()
    }

    #[test]
    fn orders_overdue_then_meetings_then_due_then_waiting() {
        let mut s = State::default();
        let h = Duration::hours;
        let due_today = item(&mut s, Kind::Logistics, "确认会议室网络", |i| {
            i.due = Some(now() + h(5))
        });
        let waiting = item(&mut s, Kind::Substitute, "起草报告", |i| {
            i.status = Status::Waiting
        });
        let late_meeting = item(&mut s, Kind::Meeting, "听取汇报", |i| {
            i.start = Some(now() + h(4))
        });
        let old_overdue = item(&mut s, Kind::Document, "会议记录", |i| {
            i.due = Some(now() - h(48))
        });
        let early_meeting = item(&mut s, Kind::Meeting, "动员会", |i| {
            i.start = Some(now() - h(1))
        });
        let new_overdue = item(&mut s, Kind::Logistics, "订房", |i| {
            i.due = Some(now() - h(1))
        });
        item(&mut s, Kind::Logistics, "已办", |i| {
            i.due = Some(now() - h(3));
            i.status = Status::Done;
        });
        item(&mut s, Kind::Meeting, "明天的会", |i| {
            i.start = Some(now() + h(24))
        });
        item(&mut s, Kind::Logistics, "下周的事", |i| {
            i.due = Some(now() + h(24 * 7))
        });

        let ids: Vec<&str> = today(&s, now())
            .iter()
            .map(|(i, _)| s.items[*i].id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                &old_overdue,
                &new_overdue,
                &early_meeting,
                &late_meeting,
                &due_today,
                &waiting
            ]
            .map(|s| s.as_str())
        );
        assert_eq!(counts(&s, now()), (2, 3));
    }

    #[test]
    fn midnight_belongs_to_the_next_day() {
        let mut s = State::default();
        let (_, tomorrow) = day_bounds(now());
        item(&mut s, Kind::Logistics, "午夜", |i| {
            i.due = Some(tomorrow)
        });
        assert!(today(&s, now()).is_empty());
    }
}

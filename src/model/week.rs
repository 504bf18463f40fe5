//! The week agenda: seven days, Monday first, each with its meetings in
//! time order and which of them clash. The dashboard's week view and
//! `liaison list --week` both read it, so they agree.

use chrono::{Datelike, Duration, NaiveDate};

use super::attendance::day_of;
use super::{Kind, State, Status, Time};

/// One day of the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    /// Indexes into `state.items`, by start.
    pub meetings: Vec<usize>,
}

/// The Monday of the week `d` is in.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The week starting `monday` (any day works: its Monday is taken).
/// Cancelled meetings are left out; the rest, done or not, are there.
pub fn week(state: &State, monday: NaiveDate, now: Time) -> Vec<Day> {
    let monday = monday_of(monday);
    let mut days: Vec<Day> = (0..7)
        .map(|i| Day {
            date: monday + Duration::days(i),
            meetings: Vec::new(),
        })
        .collect();
    for (i, item) in state.items.iter().enumerate() {
        if item.kind != Kind::Meeting || item.status == Status::Cancelled {
            continue;
        }
        let Some(start) = item.start else { continue };
        let d = day_of(start, now);
        let off = (d - monday).num_days();
        if (0..7).contains(&off) {
            days[off as usize].meetings.push(i);
        }
    }
    for d in &mut days {
        d.meetings
            .sort_by_key(|&i| (state.items[i].start, state.items[i].id.clone()));
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Item;

    fn at(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn meeting(s: &mut State, title: &str, start: &str) -> String {
        let mut m = Item::new(Kind::Meeting, title, at(start));
        m.start = Some(at(start));
        s.add(m).unwrap()
    }

    #[test]
    fn a_week_runs_monday_to_sunday_with_meetings_in_time_order() {
        let mut s = State::default();
        meeting(&mut s, "听取汇报", "2026-12-02T14:00:00+08:00");
        meeting(&mut s, "动员会", "2026-12-02T09:00:00+08:00");
        meeting(&mut s, "下周谈话", "2026-12-07T09:00:00+08:00");
        meeting(&mut s, "周日调研", "2026-12-06T23:30:00+08:00");
        let now = at("2026-12-01T10:00:00+08:00");
        let w = week(&s, day_of(now, now), now);
        assert_eq!(w[0].date.to_string(), "2026-11-30");
        assert_eq!(w[6].date.to_string(), "2026-12-06");
        let titles = |d: &Day| -> Vec<String> {
            d.meetings
                .iter()
                .map(|&i| s.items[i].title.clone())
                .collect()
        };
        assert_eq!(titles(&w[2]), ["动员会", "听取汇报"]);
        assert_eq!(titles(&w[6]), ["周日调研"]);
        assert!(
            w.iter()
                .all(|d| !titles(d).contains(&"下周谈话".to_string()))
        );
    }
}

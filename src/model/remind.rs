//! Reminders: the meetings starting within the next few minutes.

use chrono::Duration;

use super::{Item, Kind, State, Time};

/// Open meetings that start after `now` and at most `minutes` later,
/// soonest first.
pub fn due(state: &State, now: Time, minutes: u32) -> Vec<&Item> {
    let until = now + Duration::minutes(i64::from(minutes));
    let mut out: Vec<&Item> = state
        .items
        .iter()
        .filter(|i| i.kind == Kind::Meeting && !i.status.is_closed())
        .filter(|i| i.start.is_some_and(|s| s > now && s <= until))
        .collect();
    out.sort_by_key(|i| i.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_meeting_is_due_a_reminder_within_the_minutes_and_not_before_or_once_started() {
        let mut s = State::default();
        let mut m = Item::new(
            Kind::Meeting,
            "个别谈话：办公室主任",
            at("2026-12-01T09:00:00+08:00"),
        );
        m.start = Some(at("2026-12-01T10:00:00+08:00"));
        s.add(m).unwrap();
        let ids = |now: &str| -> Vec<String> {
            due(&s, at(now), 15).iter().map(|i| i.id.clone()).collect()
        };
        assert_eq!(ids("2026-12-01T09:50:00+08:00"), ["M1"]);
        assert!(ids("2026-12-01T09:40:00+08:00").is_empty());
        assert!(ids("2026-12-01T10:00:00+08:00").is_empty());
    }
}

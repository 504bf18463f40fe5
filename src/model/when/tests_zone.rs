//! Local times across daylight saving, in a zone that does not depend on
//! the machine's.

use super::tests::at;
use super::*;

const D: Purpose = Purpose::Due;
const S: Purpose = Purpose::Start;

/// In New York: what `phrase` reads as at `now`, and its notes.
fn new_york(now: &str, phrase: &str, purpose: Purpose) -> (Time, Vec<Note>) {
    let cx = Context {
        now: at(now),
        zone: Zone::NewYork,
        purpose,
        settings: Settings::default(),
    };
    let r = read_in(phrase, &cx).unwrap();
    (r.at, r.notes)
}

#[test]
fn local_times_take_the_offset_in_force_at_that_instant() {
    let dec = "2026-12-01T10:00:00-05:00";
    // Typed in December for July: July's offset.
    let (t, notes) = new_york(dec, "2026-07-01 10:00", S);
    assert_eq!(t.to_rfc3339(), "2026-07-01T10:00:00-04:00");
    assert!(notes.is_empty());
    // The night the clocks go forward: 02:30 does not exist; it moves on by the gap.
    let (t, notes) = new_york(dec, "2026-03-08 02:30", S);
    assert_eq!(t.to_rfc3339(), "2026-03-08T03:30:00-04:00");
    assert_eq!(
        notes,
        [Note::Skipped {
            asked: NaiveTime::from_hms_opt(2, 30, 0).unwrap()
        }]
    );
    // The night they go back: 01:30 happens twice; the first is in summer time.
    let (t, notes) = new_york(dec, "2026-11-01 01:30", S);
    assert_eq!(t.to_rfc3339(), "2026-11-01T01:30:00-04:00");
    assert_eq!(notes, [Note::Twice]);
    // The day before the change, for the day after it.
    let (t, _) = new_york("2026-03-07T12:00:00-05:00", "tomorrow 9am", S);
    assert_eq!(t.to_rfc3339(), "2026-03-08T09:00:00-04:00");
    // Hours from now count real hours across the change.
    let (t, _) = new_york("2026-03-08T01:30:00-05:00", "in 3 hours", S);
    assert_eq!(t.to_rfc3339(), "2026-03-08T05:30:00-04:00");
    // After falling back, today is in winter time.
    let (t, _) = new_york("2026-11-01T12:00:00-05:00", "today", D);
    assert_eq!(t.to_rfc3339(), "2026-11-01T23:59:00-05:00");
    assert_eq!(
        Zone::NewYork.show(at("2026-07-01T14:00:00Z")).to_rfc3339(),
        "2026-07-01T10:00:00-04:00"
    );
}

//! Recurring duties: the next occurrence's day and time, and never two
//! open occurrences of one duty.

use chrono::NaiveDate;

use super::recur::{self, Every};
use super::{Item, Kind, State, Status, Time};

fn at(s: &str) -> Time {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn duty(s: &mut State, due: &str, every: Every) -> String {
    let mut item = Item::new(Kind::Logistics, "工作餐安排", at(due));
    item.due = Some(at(due));
    item.every = Some(every);
    s.add(item).unwrap()
}

fn open(s: &State) -> Vec<&Item> {
    s.items.iter().filter(|i| !i.status.is_closed()).collect()
}

#[test]
fn a_daily_duty_done_on_31_january_comes_back_on_1_february_at_the_same_time() {
    let mut s = State::default();
    let id = duty(&mut s, "2027-01-31T11:30:00+08:00", Every::Day);
    s.mark_done(&id, at("2027-01-31T11:00:00+08:00")).unwrap();
    let next = open(&s);
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].due, Some(at("2027-02-01T11:30:00+08:00")));
    assert_eq!(next[0].every, Some(Every::Day));
    assert_eq!(next[0].series.as_deref(), Some(id.as_str()));
    assert_ne!(next[0].id, id);
}

#[test]
fn a_weekday_duty_done_on_friday_comes_back_on_monday() {
    let mut s = State::default();
    // 2026-12-04 is a Friday.
    let id = duty(&mut s, "2026-12-04T08:00:00+08:00", Every::Weekday);
    s.mark_done(&id, at("2026-12-04T08:10:00+08:00")).unwrap();
    assert_eq!(open(&s)[0].due, Some(at("2026-12-07T08:00:00+08:00")));
}

#[test]
fn days_missed_are_not_made_up_but_today_is_kept() {
    let mut s = State::default();
    let id = duty(&mut s, "2026-11-27T11:30:00+08:00", Every::Day);
    s.mark_done(&id, at("2026-12-01T15:00:00+08:00")).unwrap();
    assert_eq!(open(&s)[0].due, Some(at("2026-12-01T11:30:00+08:00")));
    let mut s = State::default();
    let id = duty(&mut s, "2026-11-27T11:30:00+08:00", Every::Days(3));
    s.mark_done(&id, at("2026-12-01T15:00:00+08:00")).unwrap();
    assert_eq!(open(&s)[0].due, Some(at("2026-12-03T11:30:00+08:00")));
}

#[test]
fn a_duty_ends_on_its_last_day() {
    let mut s = State::default();
    let id = duty(&mut s, "2026-12-01T11:30:00+08:00", Every::Day);
    s.items[0].every_until = NaiveDate::from_ymd_opt(2026, 12, 2);
    s.mark_done(&id, at("2026-12-01T12:00:00+08:00")).unwrap();
    let second = open(&s)[0].id.clone();
    s.mark_done(&second, at("2026-12-02T12:00:00+08:00"))
        .unwrap();
    assert!(open(&s).is_empty());
    assert_eq!(s.items.len(), 2);
}

#[test]
fn completing_the_same_occurrence_twice_adds_one_next() {
    let mut s = State::default();
    let id = duty(&mut s, "2026-12-01T11:30:00+08:00", Every::Day);
    let now = at("2026-12-01T12:00:00+08:00");
    s.mark_done(&id, now).unwrap();
    s.mark_done(&id, now).unwrap();
    assert_eq!(open(&s).len(), 1);
    assert_eq!(s.items.len(), 2);
}

#[test]
fn an_occurrence_reopened_while_the_next_stands_keeps_the_next_from_doubling() {
    let mut s = State::default();
    let id = duty(&mut s, "2026-12-01T11:30:00+08:00", Every::Day);
    let now = at("2026-12-01T12:00:00+08:00");
    s.mark_done(&id, now).unwrap();
    let next = open(&s)[0].clone();
    // Undo took the next occurrence away and reopened the first …
    s.restore(&next.id, None);
    s.items[0].status = Status::Open;
    // … the first is done again (a new next on the same day) …
    s.mark_done(&id, now).unwrap();
    assert_eq!(open(&s).len(), 1);
    // … and a redo of the old add finds its day taken.
    assert!(!recur::admits(&s, &next, now));
}

#[test]
fn every_reads_its_forms_and_refuses_the_rest() {
    for (s, e) in [
        ("day", Every::Day),
        ("weekday", Every::Weekday),
        ("week", Every::Week),
        ("3d", Every::Days(3)),
        ("1d", Every::Day),
        ("每天", Every::Day),
    ] {
        assert_eq!(s.parse::<Every>().unwrap(), e, "{s}");
    }
    for bad in ["", "0d", "monthly", "d", "400d"] {
        assert!(bad.parse::<Every>().is_err(), "{bad}");
    }
    assert_eq!(Every::Days(3).to_string(), "3d");
}

#[test]
fn a_meeting_or_an_undated_duty_does_not_recur() {
    let mut s = State::default();
    let mut m = Item::new(Kind::Meeting, "动员会", at("2026-12-01T09:00:00+08:00"));
    m.every = Some(Every::Day);
    assert!(s.add(m).is_err());
    let mut l = Item::new(Kind::Logistics, "车辆", at("2026-12-01T09:00:00+08:00"));
    l.every = Some(Every::Day);
    assert!(s.add(l).is_err());
    assert!(s.items.is_empty());
}

#[test]
fn an_edit_of_this_occurrence_only_is_not_carried_on_and_one_of_all_coming_is() {
    let mut s = State::default();
    let id = duty(&mut s, "2026-12-01T11:30:00+08:00", Every::Day);
    let now = at("2026-12-01T09:00:00+08:00");
    // Today only: lunch at 12:00 for a visiting group.
    let before = s.get(&id).unwrap().clone();
    let mut edited = before.clone();
    edited.due = Some(at("2026-12-01T12:00:00+08:00"));
    edited.title = "工作餐安排（加桌）".into();
    recur::edit_this_one(&before, &mut edited);
    s.replace(edited, now).unwrap();
    s.mark_done(&id, at("2026-12-01T13:00:00+08:00")).unwrap();
    let next = open(&s)[0].clone();
    assert_eq!(next.title, "工作餐安排");
    assert_eq!(next.due, Some(at("2026-12-02T11:30:00+08:00")));
    assert_eq!(next.this_only, None);
    // From now on: 11:00 (an edit as usual).
    let mut edited = next.clone();
    edited.due = Some(at("2026-12-02T11:00:00+08:00"));
    s.replace(edited, now).unwrap();
    s.mark_done(&next.id, at("2026-12-02T12:00:00+08:00"))
        .unwrap();
    assert_eq!(open(&s)[0].due, Some(at("2026-12-03T11:00:00+08:00")));
}

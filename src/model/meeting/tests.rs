//! Conflicts case by case, the sweep against the plain pairwise check, and
//! the meeting under way.

use chrono::{DateTime, Duration};
use proptest::prelude::*;

use super::*;
use crate::model::Status;

fn t(minutes: i64) -> Time {
    DateTime::parse_from_rfc3339("2026-11-25T09:00:00+08:00").unwrap() + Duration::minutes(minutes)
}

/// A meeting from `start` to `end` minutes after 09:00 (no end: `None`).
fn meeting(start: i64, end: Option<i64>, place: Option<&str>, with: &[&str]) -> Item {
    let mut m = Item::new(Kind::Meeting, "会议", t(-600));
    m.start = Some(t(start));
    m.end = end.map(t);
    m.place = place.map(str::to_string);
    m.attendees = with.iter().map(|w| w.to_string()).collect();
    m
}

fn state(items: Vec<Item>) -> State {
    let mut s = State::default();
    for item in items {
        s.add(item).unwrap();
    }
    s
}

#[test]
fn conflict_cases() {
    let room = Some("三楼大会议室");
    let done = |mut m: Item| {
        m.status = Status::Done;
        m
    };
    let cancelled = |mut m: Item| {
        m.status = Status::Cancelled;
        m
    };
    let no_start = |mut m: Item| {
        m.start = None;
        m
    };
    #[rustfmt::skip]
    let cases: Vec<(&str, Item, Item, bool)> = vec![
        ("overlap, same place", meeting(0, Some(60), room, &[]), meeting(30, Some(90), room, &[]), true),
        ("overlap, same attendee", meeting(0, Some(60), Some("谈话室"), &["组长", "联络员"]), meeting(30, Some(90), Some("现场"), &["联络员"]), true),
        ("one inside the other", meeting(0, Some(240), room, &[]), meeting(60, Some(90), room, &[]), true),
        ("same start", meeting(0, Some(60), room, &[]), meeting(0, Some(30), room, &[]), true),
        ("touching ends", meeting(0, Some(60), room, &["组长"]), meeting(60, Some(120), room, &["组长"]), false),
        ("touching ends, reversed", meeting(60, Some(120), room, &[]), meeting(0, Some(60), room, &[]), false),
        ("no overlap", meeting(0, Some(60), room, &["组长"]), meeting(120, Some(180), room, &["组长"]), false),
        ("overlap, nothing shared", meeting(0, Some(60), Some("谈话室"), &["组长"]), meeting(30, Some(90), room, &["副组长"]), false),
        ("overlap, no place or attendees", meeting(0, Some(60), None, &[]), meeting(30, Some(90), None, &[]), false),
        ("place of one is an attendee of the other", meeting(0, Some(60), Some("财务部"), &[]), meeting(30, Some(90), None, &["财务部"]), true),
        ("no end lasts an hour: overlaps at 00:59", meeting(0, None, room, &[]), meeting(59, Some(90), room, &[]), true),
        ("no end lasts an hour: touches at 01:00", meeting(0, None, room, &[]), meeting(60, Some(90), room, &[]), false),
        ("done meeting ignored", done(meeting(0, Some(60), room, &[])), meeting(30, Some(90), room, &[]), false),
        ("cancelled meeting ignored", meeting(0, Some(60), room, &[]), cancelled(meeting(30, Some(90), room, &[])), false),
        ("meeting without a start ignored", no_start(meeting(0, Some(60), room, &[])), meeting(30, Some(90), room, &[]), false),
        ("case and spaces in the place", meeting(0, Some(60), Some("  Room 301 "), &[]), meeting(30, Some(90), Some("room   301"), &[]), true),
        ("case and spaces in an attendee", meeting(0, Some(60), None, &["Zhang Wei"]), meeting(30, Some(90), None, &[" zhang  WEI\t"]), true),
        ("inner spaces in a Chinese place", meeting(0, Some(60), Some("二楼谈话室"), &[]), meeting(30, Some(90), Some("二楼 谈话室"), &[]), true),
        ("inner spaces in an attendee", meeting(0, Some(60), None, &["王 主任"]), meeting(30, Some(90), None, &["王主任"]), true),
        ("full-width space is a space", meeting(0, Some(60), Some("驻地\u{3000}二楼"), &[]), meeting(30, Some(90), Some("驻地 二楼"), &[]), true),
        ("similar but different names", meeting(0, Some(60), Some("Room 301"), &[]), meeting(30, Some(90), Some("Room 3011"), &[]), false),
        ("zero length inside another", meeting(30, Some(30), room, &[]), meeting(0, Some(60), room, &[]), true),
    ];
    for (name, a, b, expected) in cases {
        let s = state(vec![a.clone(), b.clone()]);
        let (ia, ib) = (s.items[0].id.clone(), s.items[1].id.clone());
        let want = |id: &str| {
            if expected {
                vec![id.to_string()]
            } else {
                vec![]
            }
        };
        assert_eq!(conflicts(&s, &ia), want(&ib), "{name}: a");
        assert_eq!(conflicts(&s, &ib), want(&ia), "{name}: b");
        assert_eq!(clash(&a, &b), expected, "{name}: clash");
        assert_eq!(clash(&b, &a), expected, "{name}: clash reversed");
        let all = all_conflicts(&s);
        let want = |i: usize| if expected { vec![i] } else { vec![] };
        assert_eq!(all, [want(1), want(0)], "{name}: all_conflicts");
    }
}

#[test]
fn conflicts_are_listed_in_order_of_start_and_other_kinds_have_none() {
    let room = Some("大会议室");
    let s = state(vec![
        meeting(0, Some(300), room, &[]),
        meeting(120, Some(180), room, &[]),
        meeting(30, Some(90), None, &["大会议室"]),
        Item::new(Kind::Document, "大会议室", t(0)),
    ]);
    assert_eq!(conflicts(&s, "m1"), ["M3", "M2"]);
    assert_eq!(conflicts(&s, "D1"), Vec::<String>::new());
    assert_eq!(conflicts(&s, "X9"), Vec::<String>::new());
    assert_eq!(all_conflicts(&s), [vec![2, 1], vec![0], vec![0], vec![]]);
}

#[test]
fn shared_names_are_given_as_the_first_meeting_spells_them() {
    let a = meeting(
        0,
        None,
        Some(" Room 301"),
        &["Zhang Wei", "李四", "zhang wei"],
    );
    let b = meeting(0, None, Some("room 301"), &["ZHANG WEI", "王五"]);
    assert_eq!(shared(&a, &b), ["Room 301", "Zhang Wei"]);
}

#[test]
fn the_sweep_handles_many_meetings() {
    // 2,500 meetings over 20 days in 10 rooms, 3 of 40 people each.
    let items: Vec<Item> = (0..2500i64)
        .map(|i| {
            let place = format!("Room {}", i % 10);
            let people: Vec<String> = (0..3)
                .map(|k| format!("P{}", (i * 7 + k * 13) % 40))
                .collect();
            let people: Vec<&str> = people.iter().map(String::as_str).collect();
            meeting(
                (i * 37) % (20 * 24 * 60),
                Some((i * 37) % (20 * 24 * 60) + 90),
                Some(&place),
                &people,
            )
        })
        .collect();
    let s = state(items);
    let all = all_conflicts(&s);
    let pairs: usize = all.iter().map(Vec::len).sum::<usize>() / 2;
    assert!(pairs > 100, "{pairs}");
    for i in (0..s.items.len()).step_by(97) {
        let ids: Vec<String> = all[i].iter().map(|&j| s.items[j].id.clone()).collect();
        assert_eq!(ids, conflicts(&s, &s.items[i].id), "{i}");
    }
}

fn arb_meeting() -> impl Strategy<Value = Item> {
    const NAMES: &[&str] = &["甲", "乙", "丙", "A", "a "];
    (
        0i64..600,
        prop::option::of(0i64..120),
        prop::option::of(prop::sample::select(NAMES)),
        prop::collection::vec(prop::sample::select(NAMES), 0..3),
        prop::sample::select(Status::ALL),
    )
        .prop_map(|(start, len, place, with, status)| {
            let mut m = meeting(start, len.map(|l| start + l), place, &with);
            m.status = status;
            m
        })
}

proptest! {
    #[test]
    fn the_sweep_agrees_with_the_pairwise_check(items in prop::collection::vec(arb_meeting(), 0..40)) {
        let s = state(items);
        let all = all_conflicts(&s);
        for (i, a) in s.items.iter().enumerate() {
            let mut want: Vec<usize> = (0..s.items.len())
                .filter(|&j| j != i && clash(a, &s.items[j]))
                .collect();
            want.sort_by_key(|&j| (s.items[j].start, j));
            prop_assert_eq!(&all[i], &want);
            let ids: Vec<String> = want.iter().map(|&j| s.items[j].id.clone()).collect();
            prop_assert_eq!(conflicts(&s, &a.id), ids);
        }
    }
}

#[test]
fn the_meeting_under_way_prefers_an_interview_then_the_latest_start() {
    let interview = |start, end| {
        let mut m = meeting(start, end, None, &[]);
        m.meeting_type = Some(MeetingType::Interview);
        m
    };
    let mut done = interview(0, Some(120));
    done.status = Status::Done;
    let s = state(vec![
        meeting(0, Some(240), None, &[]),  // M1 09:00–13:00
        interview(30, Some(90)),           // M2 09:30–10:30
        meeting(60, Some(120), None, &[]), // M3 10:00–11:00
        done,                              // M4 done
        interview(45, None),               // M5 09:45–10:45
    ]);
    let at = |m: i64| in_progress(&s, t(m)).map(|i| i.id.as_str());
    assert_eq!(at(-1), None);
    assert_eq!(at(0), Some("M1"));
    assert_eq!(at(30), Some("M2"));
    assert_eq!(at(50), Some("M5"), "the interview that started last");
    assert_eq!(at(89), Some("M5"));
    assert_eq!(at(105), Some("M3"), "no interview left: the latest start");
    assert_eq!(at(120), Some("M1"), "an end is not under way");
    assert_eq!(at(240), None);
}

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn an_end_time_is_read_on_the_start_day() {
    // Now: Wednesday 10:00.
    let now = at("2026-11-25T10:00:00+08:00");
    let tomorrow_nine = Some(at("2026-11-26T09:00:00+08:00"));
    let cases = [
        (
            "plain time ends tomorrow's meeting",
            "10:30",
            tomorrow_nine,
            "2026-11-26T10:30:00+08:00",
        ),
        (
            "Chinese plain time",
            "下午3点",
            tomorrow_nine,
            "2026-11-26T15:00:00+08:00",
        ),
        (
            "a named day is kept",
            "明天 10:00",
            tomorrow_nine,
            "2026-11-26T10:00:00+08:00",
        ),
        (
            "a later named day is kept",
            "后天 12:00",
            tomorrow_nine,
            "2026-11-27T12:00:00+08:00",
        ),
        (
            "a meeting under way since 09:00",
            "09:30",
            Some(at("2026-11-25T09:00:00+08:00")),
            "2026-11-25T09:30:00+08:00",
        ),
        (
            "no start: read against now",
            "10:30",
            None,
            "2026-11-25T10:30:00+08:00",
        ),
    ];
    for (name, text, start, want) in cases {
        assert_eq!(read_end(text, start, now).unwrap(), at(want), "{name}");
    }
}

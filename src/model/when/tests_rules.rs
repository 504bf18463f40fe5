//! The rules that decide a reading another reader might take otherwise: a
//! bare weekday that is today's, numbers-only dates in each `date_order`
//! and where the numbers themselves settle the order, a bare hour before
//! its part of the day, and a year written after the time. Each at five
//! fixed clocks: a Monday morning, a Friday evening, the last day of a
//! month, 31 December and a leap day.

use super::tests::{at, check, cx};
use super::*;

const D: Purpose = Purpose::Due;
const S: Purpose = Purpose::Start;

/// Wednesday morning.
const WED: &str = "2030-01-09T10:00:00+08:00";

#[test]
fn on_a_monday_morning() {
    check(
        "2030-01-14T08:00:00+08:00",
        &[
            // Today's own weekday, bare, is the one a week on.
            ("周一", D, "2030-01-21T23:59:00+08:00"),
            ("星期一下午3点", S, "2030-01-21T15:00:00+08:00"),
            ("monday", S, "2030-01-21T09:00:00+08:00"),
            ("周一前", D, "2030-01-21T23:59:00+08:00"),
            ("by monday", D, "2030-01-21T23:59:00+08:00"),
            // Today is said as today or this week's.
            ("本周一", D, "2030-01-14T23:59:00+08:00"),
            ("this monday", S, "2030-01-14T09:00:00+08:00"),
            ("今天", D, "2030-01-14T23:59:00+08:00"),
            ("周二", D, "2030-01-15T23:59:00+08:00"),
            // A bare hour before its part of the day.
            ("10 tonight", D, "2030-01-14T22:00:00+08:00"),
            ("10, tonight", D, "2030-01-14T22:00:00+08:00"),
            ("9 tomorrow morning", S, "2030-01-15T09:00:00+08:00"),
            ("5 this afternoon", S, "2030-01-14T17:00:00+08:00"),
            ("8 晚上", S, "2030-01-14T20:00:00+08:00"),
            // Only one order names a month (default order: year/month/day).
            ("22/04", D, "2030-04-22T23:59:00+08:00"),
            ("31/1", S, "2030-01-31T09:00:00+08:00"),
            // A four-digit year last: day/month/year.
            ("1/2/2030", D, "2030-02-01T23:59:00+08:00"),
            ("14/1/2030", S, "2030-01-14T09:00:00+08:00"),
            ("mon jan 21 15:50:06 2030", S, "2030-01-21T15:50:06+08:00"),
        ],
    );
}

#[test]
fn on_a_friday_evening() {
    check(
        "2026-12-04T19:00:00+08:00",
        &[
            ("周五", D, "2026-12-11T23:59:00+08:00"),
            ("friday", S, "2026-12-11T09:00:00+08:00"),
            ("by friday", D, "2026-12-11T23:59:00+08:00"),
            ("本周五", D, "2026-12-04T23:59:00+08:00"),
            ("周六", D, "2026-12-05T23:59:00+08:00"),
            ("10 tonight", S, "2026-12-04T22:00:00+08:00"),
            ("9 tomorrow morning", S, "2026-12-05T09:00:00+08:00"),
            ("24/12", D, "2026-12-24T23:59:00+08:00"),
            ("4/12/2026", D, "2026-12-04T23:59:00+08:00"),
            ("fri dec 11 09:30:00 2026", S, "2026-12-11T09:30:00+08:00"),
        ],
    );
}

#[test]
fn on_the_last_day_of_a_month() {
    // Monday 30 November, in the afternoon.
    check(
        "2026-11-30T16:00:00+08:00",
        &[
            ("周一", D, "2026-12-07T23:59:00+08:00"),
            ("周一下午5点", S, "2026-12-07T17:00:00+08:00"),
            ("本周一下午5点", S, "2026-11-30T17:00:00+08:00"),
            ("31/12", D, "2026-12-31T23:59:00+08:00"),
            ("30/11", D, "2026-11-30T23:59:00+08:00"),
            ("1/12/2026", D, "2026-12-01T23:59:00+08:00"),
            ("5 this afternoon", S, "2026-11-30T17:00:00+08:00"),
        ],
    );
}

#[test]
fn on_the_last_day_of_the_year() {
    // Thursday 31 December.
    check(
        "2026-12-31T10:00:00+08:00",
        &[
            ("周四", D, "2027-01-07T23:59:00+08:00"),
            ("thursday", D, "2027-01-07T23:59:00+08:00"),
            ("周五", D, "2027-01-01T23:59:00+08:00"),
            ("13/1", D, "2027-01-13T23:59:00+08:00"),
            ("31/12", D, "2026-12-31T23:59:00+08:00"),
            ("2/1/2027", D, "2027-01-02T23:59:00+08:00"),
            ("11 tonight", D, "2026-12-31T23:00:00+08:00"),
        ],
    );
}

#[test]
fn on_a_leap_day() {
    // Tuesday 29 February, after work.
    check(
        "2028-02-29T18:00:00+08:00",
        &[
            ("周二", D, "2028-03-07T23:59:00+08:00"),
            ("tuesday", S, "2028-03-07T09:00:00+08:00"),
            ("本周二", D, "2028-02-29T23:59:00+08:00"),
            ("29/2", D, "2028-02-29T23:59:00+08:00"),
            ("29/2/2028", S, "2028-02-29T09:00:00+08:00"),
            ("9 tonight", S, "2028-02-29T21:00:00+08:00"),
        ],
    );
}

fn with(order: DateOrder, now: &str, phrase: &str, purpose: Purpose) -> Result<Time, ModelError> {
    let mut cx = cx(at(now), purpose);
    cx.settings.order = order;
    read_in(phrase, &cx).map(|r| r.at)
}

#[test]
fn numeric_dates_follow_the_date_order() {
    let day = |s: &str| Ok(at(&format!("{s}T23:59:00+08:00")));
    let cases = [
        (DateOrder::Mdy, "12/1/2030", day("2030-12-01")),
        (DateOrder::Dmy, "12/1/2030", day("2030-01-12")),
        (DateOrder::Dmy, "28/11", day("2030-11-28")),
        (DateOrder::Dmy, "28/11/2030", day("2030-11-28")),
        (DateOrder::Mdy, "3-7-07", day("2007-03-07")),
        (DateOrder::Ymd, "12/1", day("2030-12-01")),
        (DateOrder::Mdy, "12/1", day("2030-12-01")),
        // A leading four-digit year reads first in every order.
        (DateOrder::Dmy, "2030-12-01", day("2030-12-01")),
        (DateOrder::Mdy, "2030-12-01", day("2030-12-01")),
        // A four-digit year last reverses year/month/day to day/month/year.
        (DateOrder::Ymd, "12/1/2030", day("2030-01-12")),
        // Where only the other order names a month, it is the other.
        (DateOrder::Mdy, "28/11", day("2030-11-28")),
        (DateOrder::Dmy, "11/28", day("2030-11-28")),
        (DateOrder::Ymd, "28/11", day("2030-11-28")),
        (DateOrder::Dmy, "11/28/2030", day("2030-11-28")),
        (DateOrder::Mdy, "28/11/2030", day("2030-11-28")),
    ];
    for (order, phrase, want) in cases {
        assert_eq!(with(order, WED, phrase, D), want, "{phrase} in {order:?}");
    }
    for (order, phrase) in [
        (DateOrder::Mdy, "16-11-28"),
        (DateOrder::Mdy, "27-7-3"),
        (DateOrder::Dmy, "28/13"),
        (DateOrder::Ymd, "13/13/2030"),
    ] {
        assert!(
            with(order, WED, phrase, D).is_err(),
            "{phrase} in {order:?}"
        );
    }
}

#[test]
fn what_the_numbers_cannot_settle_is_refused() {
    let now = at("2030-01-14T08:00:00+08:00");
    for (order, phrase) in [
        // No order names a month.
        (DateOrder::Ymd, "13/13"),
        (DateOrder::Mdy, "13/13/2030"),
        (DateOrder::Dmy, "31/31"),
        // A two-digit part may be the year: not turned around.
        (DateOrder::Mdy, "16-11-28"),
        (DateOrder::Dmy, "11-28-16"),
        (DateOrder::Mdy, "23/08/30"),
        // Year first stays year, month, day.
        (DateOrder::Dmy, "2030/13/1"),
        // The year last may stand only after a date that names none.
        (DateOrder::Ymd, "2030/1/14 2030"),
        (DateOrder::Ymd, "14:30 2030"),
    ] {
        let mut cx = cx(now, D);
        cx.settings.order = order;
        assert!(read_in(phrase, &cx).is_err(), "{phrase} in {order:?}");
    }
    // A bare hour needs its part of the day right after it.
    for phrase in [
        "25 tonight",
        "0 tonight",
        "13 tomorrow morning",
        "10 tomorrow",
    ] {
        assert!(read_in(phrase, &cx(now, D)).is_err(), "{phrase}");
    }
}

#[test]
fn the_preview_says_which_reading_was_taken() {
    let now = at("2030-01-14T08:00:00+08:00");
    let read = |s: &str, order| {
        let mut cx = cx(now, S);
        cx.settings.order = order;
        read_in(s, &cx).unwrap()
    };
    let zh = |r: &Reading| crate::i18n::preview_reading(r, now, crate::i18n::Lang::Zh);
    let en = |r: &Reading| crate::i18n::preview_reading(r, now, crate::i18n::Lang::En);
    let monday = read("周一", DateOrder::Ymd);
    assert_eq!(monday.notes, [Note::WeekOn]);
    assert_eq!(zh(&monday), "周一 01-21 09:00（下周的，不是今天）");
    assert_eq!(
        en(&read("monday", DateOrder::Mdy)),
        "Mon 01-21 09:00 (next week's, not today)"
    );
    // Not said where the weekday is not today's, nor for this week's.
    assert_eq!(read("周二", DateOrder::Ymd).notes, []);
    assert_eq!(read("本周一", DateOrder::Ymd).notes, []);
    assert_eq!(read("下周一", DateOrder::Ymd).notes, []);
    // The order used is said when another would read the numbers otherwise.
    let year_last = read("1/2/2030", DateOrder::Ymd);
    assert_eq!(year_last.notes, [Note::Order(DateOrder::Dmy)]);
    assert_eq!(zh(&year_last), "周五 02-01 09:00（按日/月）");
    assert_eq!(
        read("1/2/2030", DateOrder::Mdy).notes,
        [Note::Order(DateOrder::Mdy)]
    );
    // Numbers only one order can read need no note.
    assert_eq!(read("22/04", DateOrder::Mdy).notes, []);
    assert_eq!(read("13/1/2030", DateOrder::Ymd).notes, []);
}

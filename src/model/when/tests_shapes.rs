//! The shapes people type (weekends, ends of spans, deadlines, working-day
//! words, clock idioms, dates with weekdays, numeric dates by the settings)
//! at several fixed clocks, and local times across daylight saving.

use chrono::{NaiveDate, Weekday};

use super::tests::{at, check, cx};
use super::*;

const D: Purpose = Purpose::Due;
const S: Purpose = Purpose::Start;

/// Wednesday morning.
const WED: &str = "2030-01-09T10:00:00+08:00";

#[test]
fn chinese_shapes_on_a_wednesday() {
    let t = |s: &str| format!("2030-{s}:00+08:00");
    let rows: Vec<(&str, Purpose, String)> = vec![
        ("周末", D, t("01-13T23:59")),
        ("周末", S, t("01-12T09:00")),
        ("这周末", D, t("01-13T23:59")),
        ("下周末", D, t("01-20T23:59")),
        ("下周末", S, t("01-19T09:00")),
        ("週末", D, t("01-13T23:59")),
        ("月底", D, t("01-31T23:59")),
        ("月底", S, t("01-31T09:00")),
        ("下个月底", D, t("02-28T23:59")),
        ("下個月底", D, t("02-28T23:59")),
        ("年底", D, t("12-31T23:59")),
        ("月初", S, t("01-01T09:00")),
        ("下个月初", S, t("02-01T09:00")),
        ("周五前", D, t("01-11T23:59")),
        ("周五之前", D, t("01-11T23:59")),
        ("下周五前", D, t("01-18T23:59")),
        ("12月1日前", D, t("12-01T23:59")),
        ("本周内", D, t("01-13T23:59")),
        ("下周", D, t("01-20T23:59")),
        ("下周", S, t("01-14T09:00")),
        ("下个月", D, t("02-28T23:59")),
        ("下个月", S, t("02-01T09:00")),
        ("下班前", D, t("01-09T17:30")),
        ("今天下班前", D, t("01-09T17:30")),
        ("周五下班前", D, t("01-11T17:30")),
        ("上班时", S, t("01-09T08:30")),
        ("明天上班时", S, t("01-10T08:30")),
        ("中午", S, t("01-09T12:00")),
        ("傍晚", S, t("01-09T18:00")),
        ("明天傍晚6点", S, t("01-10T18:00")),
        ("半夜12点", D, t("01-10T00:00")),
        ("凌晨3点", S, t("01-09T03:00")),
        ("明天凌晨3点", S, t("01-10T03:00")),
        ("早8点", S, t("01-09T08:00")),
        ("明天早八点", S, t("01-10T08:00")),
        ("大约十点", S, t("01-09T10:00")),
        ("10点左右", S, t("01-09T10:00")),
        ("后天上午10点左右", S, t("01-11T10:00")),
        ("1月14号星期一", D, t("01-14T23:59")),
        ("1月14日（周一）", D, t("01-14T23:59")),
        ("1月14日 礼拜一 下午3点", S, t("01-14T15:00")),
        ("週三", S, t("01-16T09:00")),
        ("後天", D, t("01-11T23:59")),
        ("下禮拜一", D, t("01-14T23:59")),
        ("兩個小時後", S, t("01-09T12:00")),
        ("12/1", D, t("12-01T23:59")),
        ("2030/12/1", D, t("12-01T23:59")),
        ("30-1-15", D, t("01-15T23:59")),
        ("3天前", D, t("01-06T23:59")),
        ("明年", D, "2031-12-31T23:59:00+08:00".into()),
        ("26年11月28日", D, "2026-11-28T23:59:00+08:00".into()),
        ("16-11-28", D, "2016-11-28T23:59:00+08:00".into()),
        ("今晨5点", S, t("01-09T05:00")),
        ("昨日", D, t("01-08T23:59")),
        ("5年前", D, "2025-01-09T23:59:00+08:00".into()),
        ("马上", S, t("01-09T10:00")),
        ("16时40分50秒", S, "2030-01-09T16:40:50+08:00".into()),
        ("2010.01.29晚上六点", S, "2010-01-29T18:00:00+08:00".into()),
        ("元旦", D, "2031-01-01T23:59:00+08:00".into()),
        ("国庆节前", D, t("10-01T23:59")),
    ];
    let table: Vec<(&str, Purpose, &str)> =
        rows.iter().map(|(p, k, w)| (*p, *k, w.as_str())).collect();
    check(WED, &table);
}

#[test]
fn english_shapes_on_a_wednesday() {
    let t = |s: &str| format!("2030-{s}:00+08:00");
    let rows: Vec<(&str, Purpose, String)> = vec![
        ("this weekend", D, t("01-13T23:59")),
        ("next weekend", D, t("01-20T23:59")),
        ("end of month", D, t("01-31T23:59")),
        ("end of the week", D, t("01-13T23:59")),
        ("end of next month", D, t("02-28T23:59")),
        ("eod", D, t("01-09T23:59")),
        ("end of day", S, t("01-09T23:59")),
        ("end of tomorrow", D, t("01-10T23:59")),
        ("by friday", D, t("01-11T23:59")),
        ("before friday", D, t("01-11T23:59")),
        ("by friday 5pm", D, t("01-11T17:00")),
        ("next week", D, t("01-20T23:59")),
        ("next week", S, t("01-14T09:00")),
        ("next month", S, t("02-01T09:00")),
        ("half past 3", S, t("01-09T15:30")),
        ("half past 9 tomorrow", S, t("01-10T09:30")),
        ("quarter past 3", S, t("01-09T15:15")),
        ("quarter to 5", S, t("01-09T16:45")),
        ("10 past 3 pm", S, t("01-09T15:10")),
        ("8 in the morning", S, t("01-09T08:00")),
        ("7 in the evening", S, t("01-09T19:00")),
        ("midnight", D, t("01-10T00:00")),
        ("12 noon", S, t("01-09T12:00")),
        ("8 a.m.", S, t("01-09T08:00")),
        ("8.30pm", S, t("01-09T20:30")),
        ("5 o'clock", S, t("01-09T17:00")),
        ("the day after tomorrow", D, t("01-11T23:59")),
        ("the day before yesterday", D, t("01-07T23:59")),
        ("two weeks from now", D, t("01-23T23:59")),
        ("in half an hour", S, t("01-09T10:30")),
        ("2 hours ago", S, t("01-09T08:00")),
        ("the 20th of next month", D, t("02-20T23:59")),
        ("the first monday of next month", D, t("02-04T23:59")),
        ("the first of next month", S, t("02-01T09:00")),
        ("next week friday", D, t("01-18T23:59")),
        ("friday next week", D, t("01-18T23:59")),
        ("monday january 14th", D, t("01-14T23:59")),
        ("around 10", S, t("01-09T10:00")),
        ("2030-01-15T14:30", S, t("01-15T14:30")),
        ("2030-01-15 14:30:00", S, t("01-15T14:30")),
        ("monday 14", D, t("01-14T23:59")),
        ("tues the 15th 7pm", S, t("01-15T19:00")),
        ("three weeks from tomorrow", D, t("01-31T23:59")),
        ("2 days before yesterday", D, t("01-06T23:59")),
        ("in two years", D, "2032-01-09T23:59:00+08:00".into()),
        ("a fortnight later", D, t("01-23T23:59")),
        ("9a", S, t("01-09T09:00")),
        ("7p", S, t("01-09T19:00")),
        ("9.am", S, t("01-09T09:00")),
        ("11ish", S, t("01-09T11:00")),
        ("noonish", S, t("01-09T12:00")),
        ("at 9.45", S, t("01-09T09:45")),
        ("in the morning at 7", S, t("01-09T07:00")),
        ("20 min past eight in the evening", S, t("01-09T20:20")),
        ("twenty third day of september", D, t("09-23T23:59")),
        ("may twenty nine", D, t("05-29T23:59")),
        ("second of aug", D, t("08-02T23:59")),
        ("tomorrow at seven twenty-seven pm", S, t("01-10T19:27")),
        ("20300115", D, t("01-15T23:59")),
        ("2030/jan/15", D, t("01-15T23:59")),
        ("oct/2", D, t("10-02T23:59")),
        ("dec. 31, 2030", D, t("12-31T23:59")),
        ("right now", S, t("01-09T10:00")),
        ("previous monday", D, "2029-12-31T23:59:00+08:00".into()),
        ("following friday", D, t("01-18T23:59")),
        ("3 days after january 12th", D, t("01-15T23:59")),
        ("2 weeks before christmas", D, t("12-11T23:59")),
        ("3 days from tuesday", D, t("01-18T23:59")),
        ("two months after next friday", D, t("03-18T23:59")),
        ("past monday", D, t("01-07T23:59")),
        ("this past wednesday", D, t("01-02T23:59")),
        ("23.04.2030 14:55", S, t("04-23T14:55")),
        ("1140 a.m.", S, t("01-09T11:40")),
        ("3 p . m .", S, t("01-09T15:00")),
        ("half past seven o'clock", S, t("01-09T07:30")),
        ("five thirty tomorrow evening", S, t("01-10T17:30")),
        ("sunday early morning at 8:00", S, t("01-13T08:00")),
        ("28 june in 2030", D, t("06-28T23:59")),
        ("tues the 8th", D, t("01-08T23:59")),
        ("sun 13th", D, t("01-13T23:59")),
        ("fri 13th", D, "2029-07-13T23:59:00+08:00".into()),
        ("wed jan 2", D, t("01-02T23:59")),
        ("end of this sunday", D, t("01-13T23:59")),
        ("end of the sunday", S, t("01-13T23:59")),
        ("tomorrow at six forty-three minutes", S, t("01-10T18:43")),
        ("january twenty fourth one thirty p m", S, t("01-24T13:30")),
        ("saturday 3 days from now", D, t("01-12T23:59")),
        ("明天周四", D, t("01-10T23:59")),
        ("月底8.30pm", S, t("01-31T20:30")),
        // A number after a month is an hour where a time follows it, else a day.
        ("下个月8.30pm", S, t("02-01T20:30")),
        ("next month 12 noon", D, t("02-28T12:00")),
        ("下个月8 in the morning", S, t("02-01T08:00")),
        ("下个月8号8.30pm", D, t("02-08T20:30")),
        ("下个月8", D, t("02-08T23:59")),
        ("下周 一点22分", S, t("01-14T13:22")),
        ("the next day", D, t("01-10T23:59")),
        ("the day after", D, t("01-10T23:59")),
        ("the day before", D, t("01-08T23:59")),
    ];
    let table: Vec<(&str, Purpose, &str)> =
        rows.iter().map(|(p, k, w)| (*p, *k, w.as_str())).collect();
    check(WED, &table);
}

#[test]
fn friday_evening_monday_morning_month_and_year_ends_and_a_leap_day() {
    check(
        "2026-12-04T19:00:00+08:00",
        &[
            ("周五前", D, "2026-12-11T23:59:00+08:00"),
            ("本周末", D, "2026-12-06T23:59:00+08:00"),
            ("下周末", D, "2026-12-13T23:59:00+08:00"),
            ("下班前", D, "2026-12-04T17:30:00+08:00"),
            ("月底", D, "2026-12-31T23:59:00+08:00"),
            ("下个月", S, "2027-01-01T09:00:00+08:00"),
            ("next week", S, "2026-12-07T09:00:00+08:00"),
            ("下周", D, "2026-12-13T23:59:00+08:00"),
            ("今晚12点", D, "2026-12-05T00:00:00+08:00"),
        ],
    );
    // Monday morning, the last day of November.
    check(
        "2026-11-30T08:00:00+08:00",
        &[
            ("月底", D, "2026-11-30T23:59:00+08:00"),
            ("下个月底", D, "2026-12-31T23:59:00+08:00"),
            ("下个月初", S, "2026-12-01T09:00:00+08:00"),
            ("本周内", D, "2026-12-06T23:59:00+08:00"),
            ("周末", D, "2026-12-06T23:59:00+08:00"),
            ("下个月", S, "2026-12-01T09:00:00+08:00"),
            ("end of month", D, "2026-11-30T23:59:00+08:00"),
            ("the 20th of next month", D, "2026-12-20T23:59:00+08:00"),
            ("周一", D, "2026-12-07T23:59:00+08:00"),
            ("上班时", S, "2026-11-30T08:30:00+08:00"),
        ],
    );
    // Thursday 31 December.
    check(
        "2026-12-31T10:00:00+08:00",
        &[
            ("年底", D, "2026-12-31T23:59:00+08:00"),
            ("明年", S, "2027-01-01T09:00:00+08:00"),
            ("明年初", S, "2027-01-01T09:00:00+08:00"),
            ("下个月", D, "2027-01-31T23:59:00+08:00"),
            ("下周末", D, "2027-01-10T23:59:00+08:00"),
            ("周末", D, "2027-01-03T23:59:00+08:00"),
            ("1/2", D, "2027-01-02T23:59:00+08:00"),
            ("12/31", D, "2026-12-31T23:59:00+08:00"),
            ("next month", S, "2027-01-01T09:00:00+08:00"),
            (
                "the first monday of next month",
                D,
                "2027-01-04T23:59:00+08:00",
            ),
        ],
    );
    // Tuesday 29 February.
    check(
        "2028-02-29T10:00:00+08:00",
        &[
            ("月底", D, "2028-02-29T23:59:00+08:00"),
            ("下个月底", D, "2028-03-31T23:59:00+08:00"),
            ("2月29日", D, "2028-02-29T23:59:00+08:00"),
            ("下个月29号", D, "2028-03-29T23:59:00+08:00"),
            ("29号", D, "2028-02-29T23:59:00+08:00"),
            ("周末", D, "2028-03-05T23:59:00+08:00"),
            ("28-2-29", D, "2028-02-29T23:59:00+08:00"),
        ],
    );
}

#[test]
fn never_read_wrong_two_digit_years_far_years_and_weekdays() {
    let now = at(WED);
    let read = |s: &str| read_in(s, &cx(now, D));
    for phrase in ["16-11-28", "12-11-10", "27-7-3", "26年1月1日"] {
        let t = read(phrase).unwrap();
        assert!(t.at.year() >= 2000, "{phrase} read as {}", t.at);
    }
    // 2099 is too far ahead for `99`: it may mean 1999.
    for phrase in ["99-12-31 10:00", "0-1-1", "99年1月1日", "1-1-1"] {
        assert!(read(phrase).is_err(), "{phrase}");
    }
    match read("11月28日周一") {
        Err(ModelError::DateWeekday { date, said, .. }) => {
            assert_eq!(date, NaiveDate::from_ymd_opt(2030, 11, 28).unwrap());
            assert_eq!(said, Weekday::Mon);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        read("monday january 12th"),
        Err(ModelError::DateWeekday { .. })
    ));
    // The weekday is checked on the day counted to, not used to pick the day counted from.
    assert!(matches!(
        read("3 weeks after christmas on tuesday"),
        Err(ModelError::DateWeekday { .. })
    ));
    let zh = crate::i18n::model_error(crate::i18n::Lang::Zh, &read("11月28日周一").unwrap_err());
    assert_eq!(zh, "“11月28日周一”：2030-11-28 是周四，不是周一");
    let en = crate::i18n::model_error(crate::i18n::Lang::En, &read("11月28日周一").unwrap_err());
    assert_eq!(en, "'11月28日周一': 2030-11-28 is a Thursday, not a Monday");
}

#[test]
fn what_was_understood_is_noted_for_the_preview() {
    let now = at(WED);
    let notes = |s: &str, p| read_in(s, &cx(now, p)).unwrap().notes;
    assert_eq!(notes("周五下班前", D), [Note::Work(true)]);
    assert_eq!(notes("周五前", D), [Note::DayIncluded]);
    assert_eq!(notes("10点左右", S), [Note::Approx]);
    assert_eq!(notes("12/1", D), [Note::Order(DateOrder::Ymd)]);
    assert_eq!(notes("12/13", D), []);
    assert_eq!(
        notes("月底", D),
        [Note::Span {
            span: Span::Month,
            edge: Edge::End,
            purpose: D
        }]
    );
    let r = read_in("周五下班前", &cx(now, D)).unwrap();
    let zh = crate::i18n::preview_reading(&r, now, crate::i18n::Lang::Zh);
    assert_eq!(zh, "周五 01-11 17:30（下班前）");
    let en = crate::i18n::preview_reading(&r, now, crate::i18n::Lang::En);
    assert_eq!(en, "Fri 01-11 17:30 (end of the working day)");
}

#[test]
fn the_working_day_comes_from_the_settings() {
    let mut cx = cx(at(WED), D);
    cx.settings.work_end = NaiveTime::from_hms_opt(18, 0, 0).unwrap();
    cx.settings.work_start = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    assert_eq!(
        read_in("下班前", &cx).unwrap().at,
        at("2030-01-09T18:00:00+08:00")
    );
    assert_eq!(
        read_in("上班时", &cx).unwrap().at,
        at("2030-01-09T09:00:00+08:00")
    );
}

#[test]
fn preview_shows_weekday_date_and_time_with_the_year_when_it_differs() {
    let now = at("2026-11-25T10:00:00+08:00");
    let t = at("2026-11-26T15:00:00+08:00");
    assert_eq!(
        crate::i18n::preview(t, now, crate::i18n::Lang::Zh),
        "周四 11-26 15:00"
    );
    assert_eq!(
        crate::i18n::preview(t, now, crate::i18n::Lang::En),
        "Thu 11-26 15:00"
    );
    let next_year = read_in("1/2 9am", &cx(now, S)).map(|r| r.at).unwrap();
    assert_eq!(
        crate::i18n::preview(next_year, now, crate::i18n::Lang::En),
        "Sat 2027-01-02 09:00"
    );
    assert_eq!(
        crate::i18n::preview(next_year, now, crate::i18n::Lang::Zh),
        "周六 2027-01-02 09:00"
    );
    // Shown in the offset of now, whatever offset the time was given in.
    assert_eq!(
        crate::i18n::preview(at("2026-11-25T07:00:00Z"), now, crate::i18n::Lang::Zh),
        "周三 11-25 15:00"
    );
}

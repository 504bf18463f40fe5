//! Phrases generated from the grammar, at random clocks: each reads, reads the
//! same twice, and its result written as `YYYY-MM-DD HH:MM` reads back to the
//! same instant.

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;
use proptest::sample::select;

use super::*;
use chrono::Datelike;

/// `n` in Chinese numerals, as a liaison would write it (`十五`, `二十八`).
fn zh_number(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        _ if n.is_multiple_of(10) => format!("{}十", D[(n / 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
    }
}

/// `n` in ASCII digits or in Chinese numerals.
fn number(n: u32) -> impl Strategy<Value = String> {
    prop_oneof![Just(n.to_string()), Just(zh_number(n))]
}

fn weekday() -> impl Strategy<Value = String> {
    let en = (
        select(vec!["", "this ", "next ", "last "]),
        select(vec![
            "mon", "tue", "wed", "thursday", "fri", "sat", "sunday",
        ]),
    );
    let zh = (
        select(vec!["", "本", "这", "下", "下个", "上", "下下"]),
        select(vec!["周", "星期", "礼拜"]),
        select(vec!["一", "二", "三", "四", "五", "六", "日", "天"]),
    );
    prop_oneof![
        en.prop_map(|(r, d)| format!("{r}{d}")),
        zh.prop_map(|(r, p, d)| format!("{r}{p}{d}"))
    ]
}

/// A phrase naming a day.
fn day() -> impl Strategy<Value = String> {
    let md = || (1u32..=12, 1u32..=28);
    prop_oneof![
        select(vec![
            "today",
            "tomorrow",
            "yesterday",
            "今天",
            "明天",
            "后天",
            "大后天",
            "昨天"
        ])
        .prop_map(String::from),
        weekday(),
        md().prop_map(|(m, d)| format!("{m}/{d}")),
        md().prop_map(|(m, d)| format!(
            "{d} {}",
            [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
            ][m as usize - 1]
        )),
        md().prop_flat_map(|(m, d)| (number(m), number(d), select(vec!["日", "号", ""])))
            .prop_map(|(m, d, mark)| format!("{m}月{d}{mark}")),
        (1u32..=28)
            .prop_flat_map(number)
            .prop_map(|d| format!("{d}号")),
        (2000i32..=2090, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (2000i32..=2090, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y}年{m}月{d}日")),
        (0u32..=400).prop_map(|n| format!("+{n}d")),
        (0u32..=60).prop_map(|n| format!("in {n} days")),
        (1u32..=8).prop_map(|n| format!("{n} weeks")),
        (0u32..=99)
            .prop_flat_map(number)
            .prop_map(|n| format!("{n}天后")),
        select(vec![
            "周末",
            "下周末",
            "this weekend",
            "next weekend",
            "本月底",
            "下个月底",
            "今年年底",
            "本月初",
            "end of month",
            "end of the week",
            "end of tomorrow",
            "周五前",
            "下周五前",
            "by friday",
            "before friday",
            "下周",
            "下个月",
            "next week",
            "next month",
            "本周内",
            "the day after tomorrow",
            "two weeks from now",
            "the 20th of next month",
            "the first monday of next month",
            "next week friday",
            "friday next week",
            "週三",
            "後天",
            "下禮拜一",
            "12月1日前",
        ])
        .prop_map(String::from),
        (1u32..=12)
            .prop_flat_map(number)
            .prop_map(|n| format!("{n}个月后")),
    ]
}

/// A phrase naming a time of day.
fn time() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..=23, 0u32..=59).prop_map(|(h, m)| format!("{h}:{m:02}")),
        (0u32..=23, 0u32..=59).prop_map(|(h, m)| format!("{h}：{m:02}")),
        (1u32..=12, select(vec!["am", "pm", " am", " PM"])).prop_map(|(h, s)| format!("{h}{s}")),
        (1u32..=12, 0u32..=59, select(vec!["am", "pm"]))
            .prop_map(|(h, m, s)| format!("{h}:{m:02}{s}")),
        (0u32..=12)
            .prop_flat_map(number)
            .prop_map(|h| format!("上午{h}点")),
        (1u32..=11)
            .prop_flat_map(number)
            .prop_map(|h| format!("下午{h}点半")),
        (5u32..=12)
            .prop_flat_map(number)
            .prop_map(|h| format!("晚上{h}点")),
        (0u32..=23, 0u32..=59)
            .prop_flat_map(|(h, m)| (number(h), number(m)))
            .prop_map(|(h, m)| format!("{h}点{m}分")),
        (1u32..=23).prop_map(|h| format!("at {h}")),
        select(vec![
            "noon",
            "中午",
            "下午",
            "morning",
            "afternoon",
            "evening",
            "中午12点",
            "中午1点",
            "half past 3",
            "quarter to 5",
            "8 in the morning",
            "midnight",
            "12 noon",
            "8 a.m.",
            "8.30pm",
            "早8点",
            "大约十点",
            "10点左右",
            "下班前",
            "上班时",
            "傍晚",
            "半夜12点"
        ])
        .prop_map(String::from),
    ]
}

/// A phrase of the grammar: a day, a time, both, or a shift from now.
fn phrase() -> impl Strategy<Value = String> {
    prop_oneof![
        day(),
        time(),
        (day(), time(), select(vec!["", " ", " at "])).prop_map(|(d, t, sep)| {
            let t = match t.strip_prefix("at ") {
                Some(hour) if sep == " at " => hour,
                _ => &t,
            };
            // Without a space only where words do not run together
            // (`明天3点`, `3天后9am`, but not `1/2` `3:00` nor `1月一` `零点`).
            let glues = |c: Option<char>| {
                c.is_some_and(|c| c.is_ascii_alphanumeric() || "零一二三四五六七八九十".contains(c))
            };
            // `下周` + `1am` would be `下周1` + `am`, and `下周` + `一点22分`
            // would be `下周一` + `点22分`: run together, `周` and the digit
            // are a weekday (the lexer reads `周一` and `周1` as Monday
            // wherever they stand), so the space is what says "next week".
            let week = d.ends_with('周')
                && t.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六日天".contains(c));
            let sep =
                if sep.is_empty() && (week || glues(d.chars().last()) && glues(t.chars().next())) {
                    " "
                } else {
                    sep
                };
            format!("{d}{sep}{t}")
        }),
        (time(), day()).prop_map(|(t, d)| format!("{t} {d}")),
        (
            1u32..=500,
            select(vec![
                "+{}h",
                "+{}m",
                "in {} hours",
                "{}小时后",
                "{}分钟后",
                "{}个半小时后"
            ])
        )
            .prop_map(|(n, f)| f.replace("{}", &n.to_string())),
        Just("半小时后".to_string()),
    ]
}

/// Words, numbers and marks of the grammar, to string together at random.
fn soup() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..=3000).prop_map(|n| n.to_string()),
        (0u32..=99).prop_map(zh_number),
        select(vec![
            "明天",
            "下",
            "下下",
            "上",
            "本",
            "周",
            "周五",
            "星期一",
            "月",
            "年",
            "号",
            "日",
            "底",
            "初",
            "末",
            "前",
            "后",
            "内",
            "半",
            "点",
            "刻",
            "分",
            "下班",
            "上班",
            "左右",
            "大约",
            "凌晨",
            "早",
            "下午",
            "晚上",
            "半夜",
            "傍晚",
            "今年",
            "明年",
            "去年",
            "天",
            "小时",
            "个",
            "/",
            "-",
            ".",
            ":",
            "+",
            "（",
            "）",
            "weekend",
            "next",
            "last",
            "this",
            "the",
            "of",
            "end",
            "start",
            "past",
            "quarter",
            "half",
            "to",
            "in",
            "at",
            "ago",
            "from",
            "now",
            "first",
            "fourth",
            "monday",
            "jan",
            "dec",
            "th",
            "am",
            "pm",
            "noon",
            "midnight",
            "eod",
            "by",
            "before",
            "around",
            "week",
            "weeks",
            "month",
            "day",
            "days",
            "hours",
            "year",
            "a",
            "an",
            "two",
            "twelve",
            "today",
            "tomorrow",
            "yesterday",
        ])
        .prop_map(String::from),
    ]
}

/// A clock anywhere from 2000 to 2090, in any offset, with seconds.
fn clock() -> impl Strategy<Value = Time> {
    (946_684_800i64..3_786_825_600, -48i32..=56).prop_map(|(secs, quarters)| {
        let offset = FixedOffset::east_opt(quarters * 15 * 60).unwrap();
        offset.timestamp_opt(secs, 0).unwrap()
    })
}

/// 2000 cases a run, or as many as `PROPTEST_CASES` asks for a longer one.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn every_phrase_reads_the_same_twice_and_round_trips(
        phrase in phrase(),
        now in clock(),
        due in any::<bool>(),
    ) {
        let purpose = if due { Purpose::Due } else { Purpose::Start };
        let cx = super::tests::cx(now, purpose);
        let t = read_in(&phrase, &cx).map(|r| r.at);
        prop_assert!(t.is_ok(), "{phrase:?} at {now}: {t:?}");
        let t = t.unwrap();
        prop_assert!(t > DateTime::UNIX_EPOCH, "{phrase:?} gave {t}");
        prop_assert_eq!(read_in(&phrase, &cx).map(|r| r.at), Ok(t));
        let written = t.format("%Y-%m-%d %H:%M").to_string();
        prop_assert_eq!(read_in(&written, &cx).map(|r| r.at), Ok(t), "{} via {}", phrase, written);
    }

    #[test]
    fn no_accepted_phrase_reads_outside_the_years_or_far_from_now(
        words in proptest::collection::vec((soup(), select(vec!["", " "])), 1..6),
        now in clock(),
        due in any::<bool>(),
    ) {
        let phrase: String = words.iter().map(|(w, s)| format!("{w}{s}")).collect();
        let purpose = if due { Purpose::Due } else { Purpose::Start };
        let cx = super::tests::cx(now, purpose);
        let first = read_in(&phrase, &cx);
        if let Ok(r) = &first {
            prop_assert!(YEARS.contains(&r.at.year()), "{phrase:?} at {now}: {}", r.at);
            prop_assert!((r.at - now).num_days().abs() <= 130 * 366, "{phrase:?} at {now}: {}", r.at);
        }
        prop_assert_eq!(read_in(&phrase, &cx), first);
    }

    #[test]
    fn nothing_typed_makes_it_panic(input in "\\PC{0,24}", now in clock()) {
        let _ = read_in(&input, &super::tests::cx(now, Purpose::Due));
    }
}

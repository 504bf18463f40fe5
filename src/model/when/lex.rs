//! Cutting a phrase into tokens. English and Chinese words become the same
//! tokens (`tomorrow` and `明天` are both `Day(1)`), so one grammar reads both
//! languages, and a phrase mixing them (`明天 3pm`) reads too.

use chrono::Weekday;

use super::{en, zh};

/// A length of time in a relative phrase (`+2d`, `3天后`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    /// Two weeks.
    Fortnight,
    Month,
}

/// A part of the day (`上午`, `afternoon`), which decides how an hour reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Period {
    /// 凌晨: the small hours.
    EarlyMorning,
    /// 早上, 上午, morning.
    Morning,
    /// 中午, noon.
    Noon,
    /// 下午, afternoon.
    Afternoon,
    /// 晚上, evening, tonight.
    Evening,
    /// 傍晚: the end of the afternoon.
    Dusk,
    /// 半夜, midnight: the midnight that ends the day.
    Midnight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    /// A number and how many ASCII digits spelled it (0 for Chinese numerals).
    Num(u32, u8),
    /// `:` between hours and minutes.
    Colon,
    /// `-`, `/` or `.` between the parts of a date.
    Sep(char),
    /// `+` before a relative phrase.
    Plus,
    /// Days from today: `today` 0, `tomorrow` / `明天` 1, `后天` 2.
    Day(i64),
    Wd(Weekday),
    /// Weeks (or months) from this one: `this` / `本` 0, `next` / `下` 1, `last` / `上` -1.
    Rel(i64),
    MonthName(u32),
    /// 月
    MonthMark,
    /// 年
    YearMark,
    /// 号, 日, and the `th` of `28th`.
    DayMark,
    Unit(Unit),
    /// 个, as in `两个小时`.
    Classifier,
    /// 后, `later`.
    After,
    /// `in`, as in `in 2 days`.
    In,
    /// `at`, as in `at 9`.
    At,
    /// 半
    Half,
    /// 刻
    Quarter,
    /// 点, 时
    Oclock,
    /// 分
    MinuteMark,
    /// 秒
    SecondMark,
    /// `am` (false) or `pm` (true).
    Pm(bool),
    Period(Period),
    /// 末 in 周末, `weekend`.
    Weekend,
    /// 底, 末, `end` (of a span).
    End,
    /// 初, `start`, `beginning` (of a span).
    Begin,
    /// 内, `within`.
    Within,
    /// 前, 之前, `by`, `before`: a deadline at what precedes or follows.
    Before,
    /// `ago`.
    Ago,
    /// `past`, as in `half past 3`.
    Past,
    /// `to`, as in `quarter to 5`.
    To,
    /// 大约, 左右, `around`: the time itself, said as approximate.
    About,
    /// 下班 (true) or 上班 (false): the end or the start of the working day.
    Work(bool),
    /// `now`, as in `two weeks from now`.
    Now,
    /// 今年 0, 明年 1, 去年 -1.
    YearRel(i64),
}

/// The tokens of `input`, or `None` if some part of it is not a date word.
pub(super) fn tokens(input: &str) -> Option<Vec<Tok>> {
    let s = normalize(input);
    let mut out = Vec::new();
    let mut rest = s.as_str();
    while let Some(c) = rest.chars().next() {
        let used = if c.is_whitespace() || matches!(c, ',' | '(' | ')' | '、') {
            c.len_utf8()
        } else if c.is_ascii_digit() {
            let n = run(rest, |c| c.is_ascii_digit());
            if n == 8 {
                // `20261128`: a date.
                let d = |a: usize, b: usize| rest[a..b].parse().ok();
                out.extend([
                    Tok::Num(d(0, 4)?, 4),
                    Tok::Sep('-'),
                    Tok::Num(d(4, 6)?, 2),
                    Tok::Sep('-'),
                    Tok::Num(d(6, 8)?, 2),
                ]);
            } else if n > 9 {
                return None;
            } else {
                out.push(Tok::Num(rest[..n].parse().ok()?, n as u8));
            }
            n
        } else if c.is_ascii_alphabetic() {
            let n = run(rest, |c| c.is_ascii_alphabetic());
            let word = &rest[..n];
            let after_digit = matches!(out.last(), Some(Tok::Num(_, d)) if *d > 0)
                && s.len() > rest.len()
                && s.as_bytes()[s.len() - rest.len() - 1].is_ascii_digit();
            match (word, after_digit) {
                // `9a`, `7p`: am and pm.
                ("a", true) => out.push(Tok::Pm(false)),
                ("p", true) => out.push(Tok::Pm(true)),
                _ => push_word(&mut out, en::word(word)?),
            }
            n
        } else if let Some(t) = symbol(c) {
            out.push(t);
            c.len_utf8()
        } else {
            zh::word(rest, &mut out)?
        };
        rest = &rest[used..];
    }
    Some(out)
}

/// Names of days and fixed holidays, as the dates they are.
const PHRASES: &[(&str, &str)] = &[
    ("christmas eve", "dec 24"),
    ("christmas day", "dec 25"),
    ("christmas", "dec 25"),
    ("xmas", "dec 25"),
    ("new year's eve", "dec 31"),
    ("new years eve", "dec 31"),
    ("new year's day", "jan 1"),
    ("new years day", "jan 1"),
    ("new year day", "jan 1"),
    ("new year", "jan 1"),
    ("independence day", "jul 4"),
    ("halloween", "oct 31"),
    ("valentine's day", "feb 14"),
    ("juneteenth", "jun 19"),
    ("mid night", "midnight"),
    ("last night", "yesterday night"),
    ("early morning", "morning"),
    ("late evening", "evening"),
    ("late night", "night"),
    ("元旦", "1月1日"),
    ("平安夜", "12月24日"),
    ("圣诞节", "12月25日"),
    ("圣诞", "12月25日"),
    ("情人节", "2月14日"),
    ("劳动节", "5月1日"),
    ("五一", "5月1日"),
    ("儿童节", "6月1日"),
    ("国庆节", "10月1日"),
    ("国庆", "10月1日"),
];

fn phrases(s: &str) -> String {
    PHRASES
        .iter()
        .fold(s.to_string(), |s, (from, to)| s.replace(from, to))
}

/// Adds a word's tokens; an English tens word and a unit make one number
/// (`twenty seven` 27, `thirty first` the 31st).
fn push_word(out: &mut Vec<Tok>, toks: &[Tok]) {
    if let (Some(&Tok::Num(tens, 0)), Some(&Tok::Num(unit, 0))) = (out.last(), toks.first())
        && tens >= 20
        && tens % 10 == 0
        && (1..=9).contains(&unit)
    {
        out.pop();
        out.push(Tok::Num(tens + unit, 0));
        out.extend_from_slice(&toks[1..]);
        return;
    }
    out.extend_from_slice(toks);
}

/// Full-width forms (`１５：３０`, the ideographic space, `，`) become their
/// ASCII twins, traditional characters their simplified ones (`週` 周, `後`
/// 后), letters lower case; `a.m.`, `o'clock` and the `T` of `2026-11-28T14:30`
/// lose their punctuation.
fn normalize(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => zh::simplified(c),
        })
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let s = phrases(&s);
    // `nine a m`, `one thirty p m` at the end.
    let s = match s.strip_suffix(" a m").or(s.strip_suffix(" p m")) {
        Some(head) => format!("{head} {}m", if s.ends_with("a m") { 'a' } else { 'p' }),
        None => s,
    };
    let s = s
        .replace("a . m .", "am")
        .replace("p . m .", "pm")
        .replace("a.m.", "am")
        .replace("p.m.", "pm")
        .replace("a.m", "am")
        .replace("p.m", "pm")
        .replace("o'clock", "oclock");
    // `2026-11-28t14:30`: the `t` between a date and a time is a space.
    let b = s.as_bytes();
    let t_at: Vec<usize> = (1..b.len().saturating_sub(1))
        .filter(|&i| b[i] == b't' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
        .collect();
    // `twenty-seven`: a hyphen between letters is a space.
    let hyphens: Vec<usize> = (1..b.len().saturating_sub(1))
        .filter(|&i| {
            b[i] == b'-' && b[i - 1].is_ascii_alphabetic() && b[i + 1].is_ascii_alphabetic()
        })
        .collect();
    let mut s = s.into_bytes();
    for i in t_at.into_iter().chain(hyphens) {
        s[i] = b' ';
    }
    String::from_utf8(s).unwrap_or_default()
}

/// The length in bytes of the leading run of ASCII characters matching `f`.
fn run(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.find(|c: char| !f(c)).unwrap_or(s.len())
}

fn symbol(c: char) -> Option<Tok> {
    match c {
        ':' => Some(Tok::Colon),
        '-' | '/' | '.' => Some(Tok::Sep(c)),
        '+' => Some(Tok::Plus),
        '~' => Some(Tok::About),
        '@' => Some(Tok::At),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_colon_read_as_ascii() {
        assert_eq!(tokens("１５：３０"), tokens("15:30"));
        assert_eq!(
            tokens("15:30"),
            Some(vec![Tok::Num(15, 2), Tok::Colon, Tok::Num(30, 2)])
        );
    }

    #[test]
    fn both_languages_give_the_same_tokens() {
        assert_eq!(tokens("明天"), tokens("tomorrow"));
        assert_eq!(tokens("下周三"), tokens("next wed"));
        assert_eq!(tokens("3天后"), tokens("3 days later"));
    }

    #[test]
    fn unknown_words_and_long_numbers_are_refused() {
        assert_eq!(tokens("blah"), None);
        assert_eq!(tokens("明天見"), None);
        assert_eq!(tokens("1234567890"), None);
    }
}

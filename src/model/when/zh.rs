//! The Chinese words of date phrases, and Chinese numerals.

use chrono::Weekday;

use super::lex::{Period, Tok, Unit};

/// Chinese date words and their tokens; the longest match wins, so `下午` is
/// not read as `下` + `午`, nor `后天` as `后` + `天`.
const WORDS: &[(&str, &[Tok])] = &[
    ("今天", &[Tok::Day(0)]),
    ("今日", &[Tok::Day(0)]),
    ("明天", &[Tok::Day(1)]),
    ("明日", &[Tok::Day(1)]),
    ("后天", &[Tok::Day(2)]),
    ("大后天", &[Tok::Day(3)]),
    ("昨天", &[Tok::Day(-1)]),
    ("前天", &[Tok::Day(-2)]),
    ("今早", &[Tok::Day(0), Tok::Period(Period::Morning)]),
    ("明早", &[Tok::Day(1), Tok::Period(Period::Morning)]),
    ("今晚", &[Tok::Day(0), Tok::Period(Period::Evening)]),
    ("明晚", &[Tok::Day(1), Tok::Period(Period::Evening)]),
    ("凌晨", &[Tok::Period(Period::EarlyMorning)]),
    ("早上", &[Tok::Period(Period::Morning)]),
    ("早晨", &[Tok::Period(Period::Morning)]),
    ("上午", &[Tok::Period(Period::Morning)]),
    ("中午", &[Tok::Period(Period::Noon)]),
    ("下午", &[Tok::Period(Period::Afternoon)]),
    ("傍晚", &[Tok::Period(Period::Dusk)]),
    ("黄昏", &[Tok::Period(Period::Dusk)]),
    ("半夜", &[Tok::Period(Period::Midnight)]),
    ("午夜", &[Tok::Period(Period::Midnight)]),
    ("早", &[Tok::Period(Period::Morning)]),
    ("晚", &[Tok::Period(Period::Evening)]),
    ("午后", &[Tok::Period(Period::Afternoon)]),
    ("今年", &[Tok::YearRel(0)]),
    ("明年", &[Tok::YearRel(1)]),
    ("去年", &[Tok::YearRel(-1)]),
    ("底", &[Tok::End]),
    ("末", &[Tok::End]),
    ("初", &[Tok::Begin]),
    ("内", &[Tok::Within]),
    ("以内", &[Tok::Within]),
    ("之内", &[Tok::Within]),
    ("前", &[Tok::Before]),
    ("之前", &[Tok::Before]),
    ("以前", &[Tok::Before]),
    ("截止", &[Tok::Before]),
    ("截至", &[Tok::Before]),
    ("大约", &[Tok::About]),
    ("大概", &[Tok::About]),
    ("约", &[Tok::About]),
    ("左右", &[Tok::About]),
    ("上下", &[Tok::About]),
    ("下班", &[Tok::Work(true)]),
    ("下班时", &[Tok::Work(true)]),
    ("上班", &[Tok::Work(false)]),
    ("上班时", &[Tok::Work(false)]),
    ("现在", &[Tok::Now]),
    ("零点", &[Tok::Num(0, 0), Tok::Oclock]),
    ("晚上", &[Tok::Period(Period::Evening)]),
    ("夜里", &[Tok::Period(Period::Evening)]),
    ("夜间", &[Tok::Period(Period::Evening)]),
    ("本", &[Tok::Rel(0)]),
    ("这", &[Tok::Rel(0)]),
    ("这个", &[Tok::Rel(0)]),
    ("下", &[Tok::Rel(1)]),
    ("下个", &[Tok::Rel(1)]),
    ("上", &[Tok::Rel(-1)]),
    ("上个", &[Tok::Rel(-1)]),
    ("年", &[Tok::YearMark]),
    ("月", &[Tok::MonthMark]),
    ("号", &[Tok::DayMark]),
    ("日", &[Tok::DayMark]),
    ("天", &[Tok::Unit(Unit::Day)]),
    ("小时", &[Tok::Unit(Unit::Hour)]),
    ("钟头", &[Tok::Unit(Unit::Hour)]),
    ("分钟", &[Tok::Unit(Unit::Minute)]),
    ("个", &[Tok::Classifier]),
    ("后", &[Tok::After]),
    ("以后", &[Tok::After]),
    ("之后", &[Tok::After]),
    ("点", &[Tok::Oclock]),
    ("点钟", &[Tok::Oclock]),
    ("时", &[Tok::Oclock]),
    ("分", &[Tok::MinuteMark]),
    ("秒", &[Tok::SecondMark]),
    ("今晨", &[Tok::Day(0), Tok::Period(Period::Morning)]),
    ("明晨", &[Tok::Day(1), Tok::Period(Period::Morning)]),
    ("昨日", &[Tok::Day(-1)]),
    ("马上", &[Tok::Now]),
    ("立刻", &[Tok::Now]),
    ("立即", &[Tok::Now]),
    ("半", &[Tok::Half]),
    ("刻", &[Tok::Quarter]),
    ("整", &[]),
    ("的", &[]),
];

/// The simplified form of a traditional character of date phrases.
pub(super) fn simplified(c: char) -> char {
    match c {
        '週' => '周',
        '後' => '后',
        '禮' => '礼',
        '個' => '个',
        '這' => '这',
        '兩' => '两',
        '點' => '点',
        '號' => '号',
        '鐘' => '钟',
        '時' => '时',
        '間' => '间',
        '裡' | '裏' => '里',
        '內' => '内',
        '們' => '们',
        '頭' => '头',
        '約' => '约',
        '晩' => '晚',
        '來' => '来',
        '際' => '际',
        '現' => '现',
        '於' => '于',
        _ => c,
    }
}

/// Reads one Chinese word or numeral at the start of `rest` into `out`;
/// returns the bytes it used, or `None` if `rest` starts with no date word.
pub(super) fn word(rest: &str, out: &mut Vec<Tok>) -> Option<usize> {
    if let Some(n) = weekday(rest, out) {
        return Some(n);
    }
    let longest = WORDS
        .iter()
        .filter(|(w, _)| rest.starts_with(w))
        .max_by_key(|(w, _)| w.len());
    if let Some((w, toks)) = longest {
        out.extend_from_slice(toks);
        return Some(w.len());
    }
    numeral(rest, out)
}

/// `周三`, `星期三`, `礼拜三`, `周日`, `星期天`, `周5`; a bare `周` / `星期` /
/// `礼拜` is the unit week (`两周后`).
fn weekday(rest: &str, out: &mut Vec<Tok>) -> Option<usize> {
    let prefix = ["星期", "礼拜", "周"]
        .into_iter()
        .find(|p| rest.starts_with(p))?;
    let next = rest[prefix.len()..].chars().next();
    let day = match next {
        Some('一' | '1') => Weekday::Mon,
        Some('二' | '2') => Weekday::Tue,
        Some('三' | '3') => Weekday::Wed,
        Some('四' | '4') => Weekday::Thu,
        Some('五' | '5') => Weekday::Fri,
        Some('六' | '6') => Weekday::Sat,
        Some('日' | '天' | '7') => Weekday::Sun,
        Some('末') => {
            out.push(Tok::Weekend);
            return Some(prefix.len() + '末'.len_utf8());
        }
        _ => {
            out.push(Tok::Unit(Unit::Week));
            return Some(prefix.len());
        }
    };
    out.push(Tok::Wd(day));
    Some(prefix.len() + next.map_or(0, char::len_utf8))
}

/// A run of Chinese numerals: `三` 3, `十五` 15, `二十八` 28, `两` 2,
/// `零五` 5, `二〇二六` 2026.
fn numeral(rest: &str, out: &mut Vec<Tok>) -> Option<usize> {
    let n: usize = rest
        .chars()
        .take_while(|&c| c == '十' || digit(c).is_some())
        .map(char::len_utf8)
        .sum();
    if n == 0 {
        return None;
    }
    out.push(Tok::Num(value(&rest[..n])?, 0));
    Some(n)
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn value(s: &str) -> Option<u32> {
    // At most one digit on either side of 十: `十`, `十五`, `二十`, `二十八`.
    let one = |part: &str, empty: u32| -> Option<u32> {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (None, _) => Some(empty),
            (Some(c), None) => digit(c),
            _ => None,
        }
    };
    match s.split_once('十') {
        Some((tens, units)) => Some(one(tens, 1)? * 10 + one(units, 0)?),
        None if s.chars().count() <= 9 => s.chars().try_fold(0, |v, c| Some(v * 10 + digit(c)?)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<u32> {
        let mut out = Vec::new();
        numeral(s, &mut out)?;
        match out[..] {
            [Tok::Num(v, 0)] => Some(v),
            _ => None,
        }
    }

    #[test]
    fn chinese_numerals_read_as_numbers() {
        let cases = [
            ("三", 3),
            ("十", 10),
            ("十五", 15),
            ("二十", 20),
            ("二十八", 28),
            ("三十一", 31),
            ("两", 2),
            ("零五", 5),
            ("二〇二六", 2026),
        ];
        for (s, v) in cases {
            assert_eq!(num(s), Some(v), "{s}");
        }
        for s in ["十十", "一二十", "二十三四"] {
            assert_eq!(num(s), None, "{s}");
        }
    }

    #[test]
    fn a_weekday_word_is_not_a_numeral() {
        let mut out = Vec::new();
        assert_eq!(word("周一", &mut out), Some("周一".len()));
        assert_eq!(out, [Tok::Wd(Weekday::Mon)]);
        out.clear();
        assert_eq!(word("周后", &mut out), Some("周".len()));
        assert_eq!(out, [Tok::Unit(Unit::Week)]);
    }
}

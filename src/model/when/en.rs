//! The English words of date phrases.

use chrono::Weekday;

use super::lex::{Period, Tok, Unit};

/// The tokens a lower-case English word stands for; fillers (`on`, `by`,
/// `the`, `of`) stand for none. `None` for a word that is not a date word.
pub(super) fn word(w: &str) -> Option<&'static [Tok]> {
    Some(match w {
        "today" => &[Tok::Day(0)],
        "tomorrow" | "tmr" | "tmrw" => &[Tok::Day(1)],
        "yesterday" => &[Tok::Day(-1)],
        "tonight" => &[Tok::Day(0), Tok::Period(Period::Evening)],
        "mon" | "monday" => &[Tok::Wd(Weekday::Mon)],
        "tue" | "tues" | "tuesday" => &[Tok::Wd(Weekday::Tue)],
        "wed" | "wednesday" => &[Tok::Wd(Weekday::Wed)],
        "thu" | "thur" | "thurs" | "thursday" => &[Tok::Wd(Weekday::Thu)],
        "fri" | "friday" => &[Tok::Wd(Weekday::Fri)],
        "sat" | "saturday" => &[Tok::Wd(Weekday::Sat)],
        "sun" | "sunday" => &[Tok::Wd(Weekday::Sun)],
        "this" => &[Tok::Rel(0)],
        "next" => &[Tok::Rel(1)],
        "last" => &[Tok::Rel(-1)],
        "jan" | "january" => &[Tok::MonthName(1)],
        "feb" | "february" => &[Tok::MonthName(2)],
        "mar" | "march" => &[Tok::MonthName(3)],
        "apr" | "april" => &[Tok::MonthName(4)],
        "may" => &[Tok::MonthName(5)],
        "jun" | "june" => &[Tok::MonthName(6)],
        "jul" | "july" => &[Tok::MonthName(7)],
        "aug" | "august" => &[Tok::MonthName(8)],
        "sep" | "sept" | "september" => &[Tok::MonthName(9)],
        "oct" | "october" => &[Tok::MonthName(10)],
        "nov" | "november" => &[Tok::MonthName(11)],
        "dec" | "december" => &[Tok::MonthName(12)],
        "st" | "nd" | "rd" | "th" => &[Tok::DayMark],
        "am" => &[Tok::Pm(false)],
        "pm" => &[Tok::Pm(true)],
        "morning" => &[Tok::Period(Period::Morning)],
        "noon" | "midday" => &[Tok::Period(Period::Noon)],
        "afternoon" => &[Tok::Period(Period::Afternoon)],
        "evening" | "night" => &[Tok::Period(Period::Evening)],
        "m" | "min" | "mins" | "minute" | "minutes" => &[Tok::Unit(Unit::Minute)],
        "h" | "hr" | "hrs" | "hour" | "hours" => &[Tok::Unit(Unit::Hour)],
        "d" | "day" | "days" => &[Tok::Unit(Unit::Day)],
        "w" | "wk" | "wks" | "week" | "weeks" => &[Tok::Unit(Unit::Week)],
        "mo" | "month" | "months" => &[Tok::Unit(Unit::Month)],
        "a" | "an" => &[Tok::Num(1, 0)],
        "in" => &[Tok::In],
        "later" => &[Tok::After],
        "at" => &[Tok::At],
        "on" | "by" | "the" | "of" => &[],
        _ => return None,
    })
}

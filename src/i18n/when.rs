//! What a date reading understood, said in the user's language: the notes of
//! a preview (`→ 周五 12-04 17:30（下班前）`) and the weekday refusal.

use chrono::{Datelike, NaiveDate, Weekday};

use super::Lang;
use super::labels::{preview, weekday};
use crate::model::Time;
use crate::model::when::{DateOrder, Edge, Note, Purpose, Reading, Span};

/// The order numeric dates are read in when the config says none: 年/月/日
/// in Chinese, month/day/year in English.
pub fn date_order(lang: Lang) -> DateOrder {
    match lang {
        Lang::Zh => DateOrder::Ymd,
        Lang::En => DateOrder::Mdy,
    }
}

/// A reading as the preview shows it: the time, then what was understood
/// (`周五 12-04 17:30（下班前）`, `Fri 12-04 17:30 (end of the working day)`).
pub fn preview_reading(r: &Reading, now: Time, lang: Lang) -> String {
    let time = preview(r.at, now, lang);
    if r.notes.is_empty() {
        return time;
    }
    let notes: Vec<String> = r.notes.iter().map(|n| note(lang, *n)).collect();
    match lang {
        Lang::Zh => format!("{time}（{}）", notes.join("，")),
        Lang::En => format!("{time} ({})", notes.join("; ")),
    }
}

/// One note in `lang`.
pub fn note(lang: Lang, n: Note) -> String {
    let zh = lang == Lang::Zh;
    let pick = |en: &str, cn: &str| if zh { cn.to_string() } else { en.to_string() };
    match n {
        Note::Work(true) => pick("end of the working day", "下班前"),
        Note::Work(false) => pick("start of the working day", "上班时"),
        Note::Span {
            span,
            edge,
            purpose,
        } => span_note(zh, span, edge, purpose),
        Note::DayIncluded => pick("that day included", "含当天"),
        Note::WeekOn => pick("next week's, not today", "下周的，不是今天"),
        Note::Approx => pick("about", "大约"),
        Note::Order(DateOrder::Ymd | DateOrder::Mdy) => pick("month/day", "按月/日"),
        Note::Order(DateOrder::Dmy) => pick("day/month", "按日/月"),
        Note::Skipped { asked } => {
            let asked = asked.format("%H:%M");
            if zh {
                format!("当天因夏令时没有 {asked}，顺延")
            } else {
                format!("{asked} does not exist that day (clocks go forward); moved on")
            }
        }
        Note::Twice => pick(
            "happens twice that night (clocks go back); the first",
            "当晚因夏令时有两次，取第一次",
        ),
    }
}

fn span_note(zh: bool, span: Span, edge: Edge, purpose: Purpose) -> String {
    let whole_start = edge == Edge::Whole && purpose == Purpose::Start;
    let (en, cn) = match (span, edge) {
        (Span::Day, _) => ("end of the day", "当天结束"),
        (Span::Week, Edge::Start) => ("start of the week", "周初"),
        (Span::Week, _) if whole_start => ("that week's Monday", "该周周一"),
        (Span::Week, _) => ("end of the week", "该周最后一天"),
        (Span::Weekend, Edge::Start) => ("start of the weekend", "周末第一天"),
        (Span::Weekend, _) if whole_start => ("weekend, from Saturday", "周末，自周六"),
        (Span::Weekend, _) => ("weekend, to Sunday", "周末，到周日"),
        (Span::Month, Edge::Start) => ("start of the month", "月初"),
        (Span::Month, _) if whole_start => ("first working day of the month", "当月第一个工作日"),
        (Span::Month, _) => ("end of the month", "月底"),
        (Span::Year, Edge::Start) => ("start of the year", "年初"),
        (Span::Year, _) if whole_start => ("first working day of the year", "当年第一个工作日"),
        (Span::Year, _) => ("end of the year", "年底"),
    };
    if zh { cn } else { en }.to_string()
}

/// `“11月28日周一”：2030-11-28 是周四，不是周一`.
pub fn weekday_mismatch(lang: Lang, input: &str, date: NaiveDate, said: Weekday) -> String {
    let is = date.weekday();
    let day = date.format("%Y-%m-%d");
    match lang {
        Lang::Zh => format!(
            "“{input}”：{day} 是{}，不是{}",
            weekday(lang, is),
            weekday(lang, said)
        ),
        Lang::En => format!(
            "'{input}': {day} is a {}, not a {}",
            english(is),
            english(said)
        ),
    }
}

fn english(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

//! The grammar of the day part of a phrase: what was written (`DaySpec`);
//! `resolve` gives it meaning.

use chrono::Weekday;

use super::grammar::{Cur, first};
use super::lex::{Tok, Unit};

/// A number as written: its value and how many ASCII digits spelled it (0
/// for Chinese numerals and English words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written(pub u32, pub u8);

/// A day, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DaySpec {
    /// `today`, `明天`, `+2d`, `3天后`, `in 2 weeks`: days from today.
    Offset(i64),
    /// `2个月后`, `in 1 month`: the same day, months from today.
    Months(i64),
    /// `fri` (`rel` None) or `next fri`, `下周五`, `本周五` (`rel` weeks from this one).
    Weekday { rel: Option<i64>, day: Weekday },
    /// `2026年11月28日`, `28 nov 2026`: a year as written, a month, a day.
    Ymd(Written, u32, u32),
    /// `11/28`, `28/11/2026`, `26-11-28`: numbers whose order the settings say.
    Numeric(Written, Written, Option<Written>, bool),
    /// `11月28日`, `28 nov`: the year is to be found.
    Md(u32, u32),
    /// `28号`, `28th`: the month is to be found.
    D(u32),
    /// `下个月5号`, `本月28日`, `the 20th of next month`: months from this one, and the day.
    RelMonth(i64, u32),
    /// `past wednesday`, `this past wednesday`: the last one before today.
    Past(Weekday),
    /// `the first monday of next month`: months from this one, which one, the weekday.
    Nth { months: i64, n: u32, day: Weekday },
    /// `下周`, `月底`, `this weekend`, `end of tomorrow`: a span `rel` from
    /// this one, whole or one end of it.
    Span { span: Span, rel: i64, edge: Edge },
}

/// A stretch of days a phrase can name as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Day,
    Week,
    Weekend,
    Month,
    Year,
}

/// Which part of a span: all of it (`下周`), its start (`月初`) or its end (`月底`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Whole,
    Start,
    End,
}

impl DaySpec {
    /// A date of the calendar, which a weekday written beside it must match.
    pub(super) fn is_date(self) -> bool {
        matches!(
            self,
            DaySpec::Ymd(..)
                | DaySpec::Offset(_)
                | DaySpec::Numeric(..)
                | DaySpec::Md(..)
                | DaySpec::D(_)
                | DaySpec::RelMonth(..)
        )
    }
}

pub(super) fn day(c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    first(
        c,
        &[
            offset,
            edge_first,
            relative,
            span,
            nth,
            ymd_zh,
            md_zh,
            year_month_name_day,
            numeric,
            month_name_day,
            day_month_name,
            dom_of_month,
            dom,
        ],
    )
}

/// `today`, `明天`, `后天`, `the day after tomorrow`; `the day after` and
/// `the next day` (tomorrow), `the day before` (yesterday).
fn offset(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    match c.next()? {
        Tok::Day(n) => Some((c, DaySpec::Offset(n))),
        Tok::Rel(1) if c.eat(Tok::Unit(Unit::Day)) => Some((c, DaySpec::Offset(1))),
        Tok::Unit(Unit::Day) => {
            let ahead = match c.next()? {
                Tok::After => 1,
                Tok::Before => -1,
                _ => return None,
            };
            match c.peek() {
                None => Some((c, DaySpec::Offset(ahead))),
                Some(Tok::Day(n)) if n != 0 => {
                    c.i += 1;
                    Some((c, DaySpec::Offset(n + ahead)))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Weeks or months from this one: `下` 1, `下下` 2, `本` 0; none is 0.
fn rels(c: &mut Cur<'_>) -> Option<i64> {
    let mut rel = None;
    while let Some(Tok::Rel(k)) = c.peek() {
        rel = Some(rel.unwrap_or(0) + k);
        c.i += 1;
    }
    rel
}

/// The span at `c`: `周` / `week`, `周末` / `weekend`, `月` / `month`, `年`,
/// `今年`, and the days (`明天`) for `end of tomorrow`; with its distance
/// from this one, and whether it was marked (`下`, `本`, `今年`).
fn span_word(c: &mut Cur<'_>) -> Option<(Span, i64, bool)> {
    let rel = rels(c);
    let (span, rel) = match (c.next()?, rel) {
        (Tok::Unit(Unit::Week), rel) => (Span::Week, rel),
        (Tok::Weekend, rel) => (Span::Weekend, rel),
        (Tok::MonthMark | Tok::Unit(Unit::Month), rel) => (Span::Month, rel),
        (Tok::YearMark, rel) => (Span::Year, rel),
        (Tok::YearRel(k), None) => {
            c.eat(Tok::YearMark);
            (Span::Year, Some(k))
        }
        (Tok::Unit(Unit::Day), None) => (Span::Day, Some(0)),
        (Tok::Day(n), None) => (Span::Day, Some(n)),
        _ => return None,
    };
    Some((span, rel.unwrap_or(0), rel.is_some()))
}

/// `end of month`, `end of the week`, `end of next month`, `end of tomorrow`,
/// `eod`, `start of next week`.
fn edge_first(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let edge = match c.next()? {
        Tok::End => Edge::End,
        Tok::Begin => Edge::Start,
        _ => return None,
    };
    let (span, rel, _) = span_word(&mut c)?;
    (span != Span::Day || edge == Edge::End).then_some((c, DaySpec::Span { span, rel, edge }))
}

/// `下周`, `next month`, `周末`, `下周末`, `this weekend`, `月底`, `下个月底`,
/// `年底`, `月初`, `本周内`, `明年`; but not a bare `周` or `月`.
fn span(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let (span, rel, marked) = span_word(&mut c)?;
    let edge = match c.peek() {
        Some(Tok::End | Tok::Within) => Edge::End,
        Some(Tok::Begin) => Edge::Start,
        _ => Edge::Whole,
    };
    if edge != Edge::Whole {
        c.i += 1;
    }
    // `月` before a number is a date (`下个月5号`), not a month.
    let date_follows = matches!(c.peek(), Some(Tok::Num(..))) && !clock_at(c, 1);
    let ok = match span {
        Span::Day => false,
        Span::Weekend => true,
        Span::Month if date_follows => false,
        _ => marked || edge != Edge::Whole,
    };
    ok.then_some((c, DaySpec::Span { span, rel, edge }))
}

/// `the first monday of next month`, `the 2nd tuesday of next month`.
fn nth(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let n = c.num()?;
    c.eat(Tok::DayMark).then_some(())?;
    let Tok::Wd(day) = c.next()? else {
        return None;
    };
    let months = rels(&mut c)?;
    matches!(c.next()?, Tok::Unit(Unit::Month) | Tok::MonthMark).then_some(())?;
    Some((c, DaySpec::Nth { months, n, day }))
}

/// `fri`, `next fri`, `下周五`, `下下周一`, `本周五`, `next week friday`,
/// `friday next week`, and `下个月5号`.
fn relative(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let mut rel = rels(&mut c);
    if rel.is_some() {
        c.eat(Tok::Unit(Unit::Week));
    }
    if matches!(rel, None | Some(0))
        && let (Some(Tok::Past), Some(Tok::Wd(day))) = (c.peek(), c.at(1))
    {
        c.i += 2;
        return Some((c, DaySpec::Past(day)));
    }
    match c.next()? {
        Tok::Wd(day) => {
            if rel.is_none() {
                let mut after = c;
                if let Some(k) = rels(&mut after)
                    && after.eat(Tok::Unit(Unit::Week))
                {
                    rel = Some(k);
                    c = after;
                }
            }
            Some((c, DaySpec::Weekday { rel, day }))
        }
        Tok::MonthMark => {
            if clock_at(c, 1) {
                return None;
            }
            let d = c.num()?;
            c.eat(Tok::DayMark);
            Some((c, DaySpec::RelMonth(rel?, d)))
        }
        _ => None,
    }
}

/// Whether the token `ahead` of `c` makes the number before it an hour (`0:00`, `3点`, `3pm`).
fn clock_at(c: Cur<'_>, ahead: usize) -> bool {
    matches!(
        c.at(ahead),
        Some(Tok::Colon | Tok::Oclock | Tok::Pm(_) | Tok::Unit(_) | Tok::Half)
    )
}

fn written(c: &mut Cur<'_>) -> Option<Written> {
    match c.next()? {
        Tok::Num(v, n) => Some(Written(v, n)),
        _ => None,
    }
}

/// `2026年11月28日`, `26年11月28日`, `二〇二六年十一月二十八日`.
fn ymd_zh(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let y = written(&mut c)?;
    c.eat(Tok::YearMark).then_some(())?;
    let m = c.num()?;
    c.eat(Tok::MonthMark).then_some(())?;
    let d = c.num()?;
    c.eat(Tok::DayMark);
    Some((c, DaySpec::Ymd(y, m, d)))
}

/// `11月28日`, `11月28号`, `11月28`.
fn md_zh(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let m = c.num()?;
    c.eat(Tok::MonthMark).then_some(())?;
    let d = c.num()?;
    c.eat(Tok::DayMark);
    Some((c, DaySpec::Md(m, d)))
}

/// `11/28`, `11-28`, `11.28`, `2026-11-28`, `12/1/2030`, `16-11-28`; not
/// `8.30pm`, which is a time.
fn numeric(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let a = written(&mut c)?;
    let s = c.sep()?;
    let b = written(&mut c)?;
    let mut third = c;
    let spec = match (third.sep(), written(&mut third)) {
        (Some(s2), Some(y)) if s2 == s => {
            c = third;
            DaySpec::Numeric(a, b, Some(y), s == '.')
        }
        _ => DaySpec::Numeric(a, b, None, false),
    };
    let time_follows = matches!(c.peek(), Some(Tok::Pm(_) | Tok::Period(_)));
    let two_parts = matches!(spec, DaySpec::Numeric(_, _, None, _));
    (s != '.' || !time_follows || !two_parts).then_some((c, spec))
}

/// `nov 28`, `nov 28th`, `november 28 2026`, `oct/2`, `dec. 31, 1994`, `sep-23-2020`.
fn month_name_day(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let Tok::MonthName(m) = c.next()? else {
        return None;
    };
    eat_sep(&mut c);
    let d = c.num()?;
    c.eat(Tok::DayMark);
    with_year(c, m, d)
}

/// `28 nov`, `28th of november`, `28 nov 2026`, `05-aug-2016`, `twenty third day of september`.
fn day_month_name(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let d = c.num()?;
    c.eat(Tok::DayMark);
    c.eat(Tok::Unit(Unit::Day));
    eat_sep(&mut c);
    let Tok::MonthName(m) = c.next()? else {
        return None;
    };
    with_year(c, m, d)
}

/// `2019/aug/01`, `2019-aug-1`.
fn year_month_name_day(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let Tok::Num(y, 4) = c.next()? else {
        return None;
    };
    let s = c.sep()?;
    let Tok::MonthName(m) = c.next()? else {
        return None;
    };
    (c.sep()? == s).then_some(())?;
    let d = c.num()?;
    Some((c, DaySpec::Ymd(Written(y, 4), m, d)))
}

fn eat_sep(c: &mut Cur<'_>) {
    if let Some(Tok::Sep(_)) = c.peek() {
        c.i += 1;
    }
}

fn with_year(mut c: Cur<'_>, m: u32, d: u32) -> Option<(Cur<'_>, DaySpec)> {
    let mut at_year = c;
    eat_sep(&mut at_year);
    at_year.eat(Tok::In); // `28 june in 2020`
    if let Some(Tok::Num(y, 4)) = at_year.peek() {
        at_year.i += 1;
        return Some((at_year, DaySpec::Ymd(Written(y, 4), m, d)));
    }
    match c.peek() {
        Some(Tok::Num(y, 4)) => {
            c.i += 1;
            Some((c, DaySpec::Ymd(Written(y, 4), m, d)))
        }
        _ => Some((c, DaySpec::Md(m, d))),
    }
}

/// `the 20th of next month`, `the first of next month`, `the 15th day of next month`.
fn dom_of_month(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let d = c.num()?;
    c.eat(Tok::DayMark).then_some(())?;
    c.eat(Tok::Unit(Unit::Day));
    let months = rels(&mut c)?;
    matches!(c.next()?, Tok::Unit(Unit::Month)).then_some((c, DaySpec::RelMonth(months, d)))
}

/// `28号`, `二十八日`, `28th`.
fn dom(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let d = c.num()?;
    c.eat(Tok::DayMark).then_some((c, DaySpec::D(d)))
}

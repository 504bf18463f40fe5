//! The grammar of date phrases, over the tokens of both languages. It says
//! only what was written (`DaySpec`, `Clock`, …); `resolve` gives it meaning.
//! The day part is in `days`.

use chrono::Weekday;

use super::clock::clock;
pub(super) use super::days::DaySpec;
use super::days::Written;
use super::days::day;
use super::lex::{Period, Tok, Unit};

/// A time of day, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// `am` (false) or `pm` (true), if written.
    pub pm: Option<bool>,
    /// Written `3点` or `at 3` rather than `03:00`: with no part of the day
    /// given, the hour is read as a working hour.
    pub loose: bool,
}

/// A time of day: on the clock, or a working-day word (`下班`, `上班`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClockSpec {
    At(Clock),
    /// The end (true) or the start (false) of the working day.
    Work(bool),
}

/// What a phrase said, each at most once.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Parts {
    pub day: Option<DaySpec>,
    pub clock: Option<ClockSpec>,
    pub period: Option<Period>,
    /// `+3h`, `半小时后`: minutes from now.
    pub shift: Option<i64>,
    /// A weekday written beside a date (`11月28日周六`), which must match it.
    pub weekday: Option<Weekday>,
    /// `前`, `by`, `before`: said as a deadline.
    pub deadline: bool,
    /// `大约`, `左右`, `around`: said as approximate.
    pub approx: bool,
    /// `3 days after january 12th`: days and months from the day named.
    pub from: Option<(i64, i64)>,
    /// `end of the sunday`: the end of the day named.
    pub end_of_day: bool,
}

/// The parts of a phrase, or `None` if it does not follow the grammar or
/// says one thing twice (`明天 后天`).
pub(super) fn parse(toks: &[Tok]) -> Option<Parts> {
    let mut parts = Parts::default();
    let mut c = Cur { toks, i: 0 };
    while let Some(tok) = c.peek() {
        if let Some((next, spec)) = day(c) {
            set_day(&mut parts, spec)?;
            c = next;
            if let DaySpec::Weekday { rel: None, .. } = spec
                && let Some(d) = day_after_weekday(c)
            {
                set_day(&mut parts, DaySpec::D(d))?;
                c.i += 1;
            }
        } else if let Some((next, clock)) = clock(c) {
            set(&mut parts.clock, ClockSpec::At(clock))?;
            c = next;
        } else if let Some((next, shift)) = shift(c) {
            match shift {
                Shift::Day(spec) => set_day(&mut parts, spec)?,
                Shift::Minutes(m) => set(&mut parts.shift, m)?,
                Shift::From { days, months } => set(&mut parts.from, (days, months))?,
            }
            c = next;
        } else {
            match tok {
                Tok::Period(p) => set(&mut parts.period, p)?,
                Tok::Work(end) => {
                    set(&mut parts.clock, ClockSpec::Work(end))?;
                    c.eat(Tok::Oclock);
                }
                Tok::Before => parts.deadline = true,
                // `end of the sunday`.
                Tok::End if matches!(c.at(1), Some(Tok::Wd(_) | Tok::Rel(_))) => {
                    parts.end_of_day = true;
                }
                Tok::About => parts.approx = true,
                // `wed oct 26 15:50:06 2016`: the year last, after the time.
                Tok::Num(y, 4) if c.at(1).is_none() => match parts.day {
                    Some(DaySpec::Md(m, d)) => parts.day = Some(DaySpec::Ymd(Written(y, 4), m, d)),
                    _ => return None,
                },
                Tok::Now => set(&mut parts.shift, 0)?,
                _ if filler(c) => {}
                _ => return None,
            }
            c.i += 1;
        }
    }
    parts.approx = toks.contains(&Tok::About);
    // `明天前` says a deadline; `前` alone says nothing.
    let said = parts.day.is_some() || parts.clock.is_some() || parts.period.is_some();
    (said || parts.shift.is_some()).then_some(parts)
}

/// `monday 21`, `friday 23 at 4`: a bare number after a weekday that cannot
/// be an hour is its day of the month.
fn day_after_weekday(c: Cur<'_>) -> Option<u32> {
    let Some(Tok::Num(d, 1 | 2)) = c.peek() else {
        return None;
    };
    let time_or_date = matches!(
        c.at(1),
        Some(
            Tok::Colon
                | Tok::Oclock
                | Tok::Pm(_)
                | Tok::Sep(_)
                | Tok::Unit(_)
                | Tok::MonthName(_)
                | Tok::MonthMark
                | Tok::DayMark
                | Tok::Period(_)
        )
    );
    ((13..=31).contains(&d) && !time_or_date).then_some(d)
}

/// Sets the day; a weekday beside a date is kept to check it against.
fn set_day(parts: &mut Parts, spec: DaySpec) -> Option<()> {
    let bare = |s: DaySpec| match s {
        DaySpec::Weekday { rel: None, day } => Some(day),
        _ => None,
    };
    match (parts.day, bare(spec)) {
        (Some(date), Some(day)) if date.is_date() => set(&mut parts.weekday, day),
        (Some(old), None) if spec.is_date() && bare(old).is_some() => {
            parts.day = Some(spec);
            set(&mut parts.weekday, bare(old)?)
        }
        _ => set(&mut parts.day, spec),
    }
}

/// A word that adds nothing before what follows: `at noon`, `this afternoon`.
fn filler(c: Cur<'_>) -> bool {
    match (c.peek(), c.at(1)) {
        (Some(Tok::At), next) => !matches!(next, Some(Tok::Num(..))),
        (Some(Tok::Rel(0) | Tok::In), Some(Tok::Period(_))) => true,
        _ => false,
    }
}

fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

/// A position in the tokens; rules take it by value, so a rule that fails
/// leaves the caller's position where it was.
#[derive(Clone, Copy)]
pub(super) struct Cur<'a> {
    toks: &'a [Tok],
    pub i: usize,
}

impl Cur<'_> {
    pub fn at(&self, ahead: usize) -> Option<Tok> {
        self.toks.get(self.i + ahead).copied()
    }

    pub fn peek(&self) -> Option<Tok> {
        self.at(0)
    }

    pub fn next(&mut self) -> Option<Tok> {
        let t = self.peek()?;
        self.i += 1;
        Some(t)
    }

    pub fn eat(&mut self, t: Tok) -> bool {
        let hit = self.peek() == Some(t);
        self.i += usize::from(hit);
        hit
    }

    pub fn num(&mut self) -> Option<u32> {
        match self.peek()? {
            Tok::Num(v, _) => {
                self.i += 1;
                Some(v)
            }
            _ => None,
        }
    }

    pub fn sep(&mut self) -> Option<char> {
        match self.next()? {
            Tok::Sep(s) => Some(s),
            _ => None,
        }
    }
}

/// A rule of the grammar: where it ends and what it read, if it matches.
pub(super) type Rule<T> = for<'a> fn(Cur<'a>) -> Option<(Cur<'a>, T)>;

/// The first of `rules` that matches at `c`.
pub(super) fn first<'a, T>(c: Cur<'a>, rules: &[Rule<T>]) -> Option<(Cur<'a>, T)> {
    rules.iter().find_map(|rule| rule(c))
}

enum Shift {
    Day(DaySpec),
    Minutes(i64),
    /// Days and months from the day that follows.
    From {
        days: i64,
        months: i64,
    },
}

/// `+2d`, `+3h`, `in 2 days`, `2 days`, `3天后`, `3天前`, `两个小时后`,
/// `半小时后`, `一个半小时后`, `两个月后`, `in half an hour`, `two weeks from now`.
fn shift(mut c: Cur<'_>) -> Option<(Cur<'_>, Shift)> {
    let in_ = c.eat(Tok::In);
    if !in_ {
        c.eat(Tok::Plus);
    }
    let (n, classifier, half) = if c.eat(Tok::Half) {
        c.eat(Tok::Num(1, 0));
        (0, c.eat(Tok::Classifier), true)
    } else {
        let n = c.num()?;
        let classifier = c.eat(Tok::Classifier);
        (n, classifier, c.eat(Tok::Half))
    };
    let (unit, years) = match c.next()? {
        Tok::Unit(u) => (u, false),
        Tok::MonthMark if classifier => (Unit::Month, false),
        // `5年前`, `in two years`, but not the `26年` of a date.
        Tok::YearMark if in_ || matches!(c.peek(), Some(Tok::After | Tok::Before | Tok::Ago)) => {
            (Unit::Month, true)
        }
        _ => return None,
    };
    let sign = if c.eat(Tok::Ago) || c.eat(Tok::Before) {
        -1
    } else {
        let _ = c.eat(Tok::After) || c.eat(Tok::Now);
        1
    };
    let n = i64::from(n) * sign * if years { 12 } else { 1 };
    // `three weeks from tomorrow`, `2 weeks before christmas`: counted from
    // the day that follows.
    if !in_ && !half && unit != Unit::Minute && unit != Unit::Hour && day(c).is_some() {
        let (days, months) = match unit {
            Unit::Week => (n * 7, 0),
            Unit::Fortnight => (n * 14, 0),
            Unit::Month => (0, n),
            _ => (n, 0),
        };
        return Some((c, Shift::From { days, months }));
    }
    let shift = match (unit, half) {
        (Unit::Hour, true) => Shift::Minutes(n * 60 + sign * 30),
        (_, true) => return None,
        (Unit::Minute, false) => Shift::Minutes(n),
        (Unit::Hour, false) => Shift::Minutes(n * 60),
        (Unit::Day, false) => Shift::Day(DaySpec::Offset(n)),
        (Unit::Week, false) => Shift::Day(DaySpec::Offset(n * 7)),
        (Unit::Fortnight, false) => Shift::Day(DaySpec::Offset(n * 14)),
        (Unit::Month, false) => Shift::Day(DaySpec::Months(n)),
    };
    Some((c, shift))
}

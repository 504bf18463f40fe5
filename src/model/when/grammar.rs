//! The grammar of date phrases, over the tokens of both languages. It says
//! only what was written (`DaySpec`, `Clock`, …); `resolve` gives it meaning.

use chrono::Weekday;

use super::lex::{Period, Tok, Unit};

/// A day, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DaySpec {
    /// `today`, `明天`, `+2d`, `3天后`, `in 2 weeks`: days from today.
    Offset(i64),
    /// `2个月后`, `in 1 month`: the same day, months from today.
    Months(u32),
    /// `fri` (`rel` None) or `next fri`, `下周五`, `本周五` (`rel` weeks from this one).
    Weekday { rel: Option<i64>, day: Weekday },
    /// `2026-11-28`, `2026年11月28日`.
    Ymd(i32, u32, u32),
    /// `11/28`, `11月28日`, `28 nov`: the year is to be found.
    Md(u32, u32),
    /// `28号`, `28th`: the month is to be found.
    D(u32),
    /// `下个月5号`, `本月28日`: months from this one, and the day.
    RelMonth(i64, u32),
}

/// A time of day, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    pub hour: u32,
    pub minute: u32,
    /// `am` (false) or `pm` (true), if written.
    pub pm: Option<bool>,
    /// Written `3点` or `at 3` rather than `03:00`: with no part of the day
    /// given, the hour is read as a working hour.
    pub loose: bool,
}

/// What a phrase said, each at most once.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Parts {
    pub day: Option<DaySpec>,
    pub clock: Option<Clock>,
    pub period: Option<Period>,
    /// `+3h`, `半小时后`: minutes from now.
    pub shift: Option<i64>,
}

/// The parts of a phrase, or `None` if it does not follow the grammar or
/// says one thing twice (`明天 后天`).
pub(super) fn parse(toks: &[Tok]) -> Option<Parts> {
    let mut parts = Parts::default();
    let mut c = Cur { toks, i: 0 };
    while let Some(tok) = c.peek() {
        if let Some((next, spec)) = day(c) {
            set(&mut parts.day, spec)?;
            c = next;
        } else if let Some((next, shift)) = shift(c) {
            match shift {
                Shift::Day(spec) => set(&mut parts.day, spec)?,
                Shift::Minutes(m) => set(&mut parts.shift, m)?,
            }
            c = next;
        } else if let Some((next, clock)) = clock(c) {
            set(&mut parts.clock, clock)?;
            c = next;
        } else if let Tok::Period(p) = tok {
            set(&mut parts.period, p)?;
            c.i += 1;
        } else if filler(c) {
            c.i += 1;
        } else {
            return None;
        }
    }
    Some(parts)
}

/// A word that adds nothing before what follows: `at noon`, `this afternoon`.
fn filler(c: Cur<'_>) -> bool {
    match (c.peek(), c.at(1)) {
        (Some(Tok::At), next) => !matches!(next, Some(Tok::Num(..))),
        (Some(Tok::Rel(0)), Some(Tok::Period(_))) => true,
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
struct Cur<'a> {
    toks: &'a [Tok],
    i: usize,
}

impl Cur<'_> {
    fn at(&self, ahead: usize) -> Option<Tok> {
        self.toks.get(self.i + ahead).copied()
    }

    fn peek(&self) -> Option<Tok> {
        self.at(0)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.peek()?;
        self.i += 1;
        Some(t)
    }

    fn eat(&mut self, t: Tok) -> bool {
        let hit = self.peek() == Some(t);
        self.i += usize::from(hit);
        hit
    }

    fn num(&mut self) -> Option<u32> {
        match self.peek()? {
            Tok::Num(v, _) => {
                self.i += 1;
                Some(v)
            }
            _ => None,
        }
    }

    /// A year written with four ASCII digits.
    fn year(&mut self) -> Option<i32> {
        match self.peek()? {
            Tok::Num(v, 4) => {
                self.i += 1;
                Some(v as i32)
            }
            _ => None,
        }
    }

    fn sep(&mut self) -> Option<char> {
        match self.next()? {
            Tok::Sep(s) => Some(s),
            _ => None,
        }
    }
}

/// A rule of the grammar: where it ends and what it read, if it matches.
type Rule<T> = for<'a> fn(Cur<'a>) -> Option<(Cur<'a>, T)>;

/// The first of `rules` that matches at `c`.
fn first<'a, T>(c: Cur<'a>, rules: &[Rule<T>]) -> Option<(Cur<'a>, T)> {
    rules.iter().find_map(|rule| rule(c))
}

fn day(c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    first(
        c,
        &[
            offset,
            relative,
            ymd,
            ymd_zh,
            md_zh,
            md_sep,
            month_name_day,
            day_month_name,
            dom,
        ],
    )
}

/// `today`, `明天`, `后天`.
fn offset(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    match c.next()? {
        Tok::Day(n) => Some((c, DaySpec::Offset(n))),
        _ => None,
    }
}

/// `fri`, `next fri`, `下周五`, `下下周一`, `本周五`, and `下个月5号`.
fn relative(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let mut rel = None;
    while let Some(Tok::Rel(k)) = c.peek() {
        rel = Some(rel.unwrap_or(0) + k);
        c.i += 1;
    }
    match c.next()? {
        Tok::Wd(day) => Some((c, DaySpec::Weekday { rel, day })),
        Tok::MonthMark => {
            let d = c.num()?;
            c.eat(Tok::DayMark);
            Some((c, DaySpec::RelMonth(rel?, d)))
        }
        _ => None,
    }
}

/// `2026-11-28`, `2026/11/28`, `2026.11.28`.
fn ymd(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let y = c.year()?;
    let s = c.sep()?;
    let m = c.num()?;
    (c.sep()? == s).then_some(())?;
    let d = c.num()?;
    Some((c, DaySpec::Ymd(y, m, d)))
}

/// `2026年11月28日`.
fn ymd_zh(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let y = c.num()?;
    c.eat(Tok::YearMark).then_some(())?;
    let m = c.num()?;
    c.eat(Tok::MonthMark).then_some(())?;
    let d = c.num()?;
    c.eat(Tok::DayMark);
    Some((c, DaySpec::Ymd(i32::try_from(y).ok()?, m, d)))
}

/// `11月28日`, `11月28号`, `11月28`.
fn md_zh(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let m = c.num()?;
    c.eat(Tok::MonthMark).then_some(())?;
    let d = c.num()?;
    c.eat(Tok::DayMark);
    Some((c, DaySpec::Md(m, d)))
}

/// `11/28`, `11-28`, `11.28`.
fn md_sep(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let m = c.num()?;
    c.sep()?;
    let d = c.num()?;
    Some((c, DaySpec::Md(m, d)))
}

/// `nov 28`, `nov 28th`, `november 28 2026`.
fn month_name_day(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let Tok::MonthName(m) = c.next()? else {
        return None;
    };
    let d = c.num()?;
    c.eat(Tok::DayMark);
    with_year(c, m, d)
}

/// `28 nov`, `28th of november`, `28 nov 2026`.
fn day_month_name(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let d = c.num()?;
    c.eat(Tok::DayMark);
    let Tok::MonthName(m) = c.next()? else {
        return None;
    };
    with_year(c, m, d)
}

fn with_year(mut c: Cur<'_>, m: u32, d: u32) -> Option<(Cur<'_>, DaySpec)> {
    match c.year() {
        Some(y) => Some((c, DaySpec::Ymd(y, m, d))),
        None => Some((c, DaySpec::Md(m, d))),
    }
}

/// `28号`, `二十八日`, `28th`.
fn dom(mut c: Cur<'_>) -> Option<(Cur<'_>, DaySpec)> {
    let d = c.num()?;
    c.eat(Tok::DayMark).then_some((c, DaySpec::D(d)))
}

enum Shift {
    Day(DaySpec),
    Minutes(i64),
}

/// `+2d`, `+3h`, `in 2 days`, `2 days`, `3天后`, `两个小时后`, `半小时后`,
/// `一个半小时后`, `两个月后`.
fn shift(mut c: Cur<'_>) -> Option<(Cur<'_>, Shift)> {
    if !c.eat(Tok::In) {
        c.eat(Tok::Plus);
    }
    let (n, classifier, half) = if c.eat(Tok::Half) {
        (0, c.eat(Tok::Classifier), true)
    } else {
        let n = c.num()?;
        let classifier = c.eat(Tok::Classifier);
        (n, classifier, c.eat(Tok::Half))
    };
    let unit = match c.next()? {
        Tok::Unit(u) => u,
        Tok::MonthMark if classifier => Unit::Month,
        _ => return None,
    };
    c.eat(Tok::After);
    let n = i64::from(n);
    let shift = match (unit, half) {
        (Unit::Hour, true) => Shift::Minutes(n * 60 + 30),
        (_, true) => return None,
        (Unit::Minute, false) => Shift::Minutes(n),
        (Unit::Hour, false) => Shift::Minutes(n * 60),
        (Unit::Day, false) => Shift::Day(DaySpec::Offset(n)),
        (Unit::Week, false) => Shift::Day(DaySpec::Offset(n * 7)),
        (Unit::Month, false) => Shift::Day(DaySpec::Months(u32::try_from(n).ok()?)),
    };
    Some((c, shift))
}

/// `14:30`, `9:30am`, `9am`, `3点`, `9点半`, `3点15分`, `3点一刻`, `at 9`.
fn clock(mut c: Cur<'_>) -> Option<(Cur<'_>, Clock)> {
    let at = c.eat(Tok::At);
    let hour = c.num()?;
    let mut clock = Clock {
        hour,
        minute: 0,
        pm: None,
        loose: false,
    };
    if c.eat(Tok::Colon) {
        clock.minute = c.num()?;
    } else if c.eat(Tok::Oclock) {
        clock.loose = true;
        clock.minute = minutes_after_oclock(&mut c);
        return Some((c, clock));
    } else if !matches!(c.peek(), Some(Tok::Pm(_))) {
        clock.loose = at;
        return at.then_some((c, clock));
    }
    if let Some(Tok::Pm(pm)) = c.peek() {
        clock.pm = Some(pm);
        c.i += 1;
    }
    Some((c, clock))
}

/// What follows `点`: `半` 30, `一刻` 15, `三刻` 45, `15分` or `15` 15, or nothing.
fn minutes_after_oclock(c: &mut Cur<'_>) -> u32 {
    if c.eat(Tok::Half) {
        return 30;
    }
    let Some(Tok::Num(m, _)) = c.peek() else {
        return 0;
    };
    match c.at(1) {
        Some(Tok::Quarter) if m == 1 || m == 3 => {
            c.i += 2;
            m * 15
        }
        Some(Tok::MinuteMark) => {
            c.i += 2;
            m
        }
        // `3点15`, `3点15 明天`; but in `5点 2026-11-28` or `3点 28号` the
        // number starts the next part, as in `3点 15 nov`.
        None | Some(Tok::Period(_) | Tok::Day(_) | Tok::Wd(_) | Tok::Rel(_)) => {
            c.i += 1;
            m
        }
        _ => 0,
    }
}

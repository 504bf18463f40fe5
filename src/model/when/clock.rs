//! The grammar of the time-of-day part of a phrase (`Clock`).

use super::grammar::{Clock, Cur};
use super::lex::{Period, Tok, Unit};

/// `14:30`, `14:30:00`, `9:30am`, `8.30pm`, `9am`, `3点`, `9点半`, `3点15分`,
/// `3点一刻`, `at 9`, `around 10`, `half past 3`, `quarter to 5`, `12 noon`,
/// `8 in the morning`.
pub(super) fn clock(mut c: Cur<'_>) -> Option<(Cur<'_>, Clock)> {
    let at = c.eat(Tok::At) || c.eat(Tok::About);
    if let Some(found) = idiom(c) {
        return Some(found);
    }
    let words = matches!(c.peek(), Some(Tok::Num(_, 0)));
    // `1140 a.m.`: hours and minutes run together before am/pm.
    if let (Some(Tok::Num(hhmm, 3 | 4)), Some(Tok::Pm(pm))) = (c.peek(), c.at(1)) {
        c.i += 2;
        let clock = Clock {
            hour: hhmm / 100,
            minute: hhmm % 100,
            second: 0,
            pm: Some(pm),
            loose: false,
        };
        return Some((c, clock));
    }
    let hour = c.num()?;
    let mut clock = Clock {
        hour,
        minute: 0,
        second: 0,
        pm: None,
        loose: false,
    };
    if matches!((c.peek(), c.at(1)), (Some(Tok::Sep('.')), Some(Tok::Pm(_)))) {
        c.i += 1; // `9.am`
    }
    // `8.30pm`, `at 6.45`.
    let dot_pm = matches!(c.peek(), Some(Tok::Sep('.')))
        && match (c.at(1), c.at(2)) {
            (Some(Tok::Num(_, 2)), Some(Tok::Pm(_))) => true,
            (Some(Tok::Num(_, 2)), next) => at && !matches!(next, Some(Tok::Sep(_))),
            _ => false,
        };
    if c.eat(Tok::Colon) || (dot_pm && c.eat(Tok::Sep('.'))) {
        clock.minute = c.num()?;
        if c.eat(Tok::Colon) {
            clock.second = c.num()?;
        }
    } else if c.eat(Tok::Oclock) {
        clock.loose = true;
        clock.minute = minutes_after_oclock(&mut c);
        if let (Some(Tok::Num(sec, _)), Some(Tok::SecondMark)) = (c.peek(), c.at(1)) {
            clock.second = sec;
            c.i += 2;
        }
        return Some((c, clock));
    } else if let Some(m) = spoken_minutes(c, at || words) {
        // `seven twenty-seven pm`, `at 7 30`, `six forty-three minutes`.
        c.i += 1;
        c.eat(Tok::Unit(Unit::Minute));
        clock.minute = m;
        clock.loose = true;
    } else if !matches!(c.peek(), Some(Tok::Pm(_))) {
        // `8 in the morning`, `12 noon`.
        let in_period = matches!((c.peek(), c.at(1)), (Some(Tok::In), Some(Tok::Period(_))));
        // `12 noon`, `11ish`.
        let noon = matches!(
            c.peek(),
            Some(Tok::Period(Period::Noon | Period::Midnight) | Tok::About)
        );
        if in_period {
            c.i += 1;
        }
        clock.loose = true;
        // `around 1/1`, `at 5 nov`, `约3天后` start a date, not a time …
        let date = matches!(
            c.peek(),
            Some(
                Tok::Sep(_)
                    | Tok::DayMark
                    | Tok::MonthMark
                    | Tok::MonthName(_)
                    | Tok::Unit(_)
                    | Tok::Classifier
            )
        );
        // … but `at 1 the day after tomorrow` is a time and a day.
        let day_after = matches!(
            (c.peek(), c.at(1), c.at(2)),
            (
                Some(Tok::Unit(Unit::Day)),
                Some(Tok::After | Tok::Before),
                Some(Tok::Day(_))
            )
        );
        let ends = (!date || day_after) && hour <= 24;
        return ((at && ends) || in_period || noon || period_follows(c, hour))
            .then_some((c, clock));
    }
    if let Some(Tok::Pm(pm)) = c.peek() {
        clock.pm = Some(pm);
        c.i += 1;
    }
    Some((c, clock))
}

/// Whether a bare hour is followed by the part of the day it is in, perhaps
/// after its day: `10 tonight`, `9 tomorrow morning`, `5 this afternoon`.
fn period_follows(c: Cur<'_>, hour: u32) -> bool {
    let skip = usize::from(matches!(c.peek(), Some(Tok::Day(_) | Tok::Rel(0))));
    let period = matches!(
        c.at(skip),
        Some(Tok::Period(
            Period::EarlyMorning
                | Period::Morning
                | Period::Afternoon
                | Period::Evening
                | Period::Dusk
        ))
    );
    period && (1..=12).contains(&hour)
}

/// The minutes of `seven twenty-seven pm` or `at 7 30`: a number from 10
/// to 59 after the hour, before am/pm or after `at`, not starting a date.
fn spoken_minutes(c: Cur<'_>, at: bool) -> Option<u32> {
    let Some(Tok::Num(m, 0 | 2)) = c.peek() else {
        return None;
    };
    let next = match c.at(1) {
        Some(Tok::Unit(Unit::Minute)) => c.at(2),
        next => next,
    };
    let pm = matches!(next, Some(Tok::Pm(_)));
    let ends = matches!(
        next,
        None | Some(Tok::Pm(_) | Tok::Period(_) | Tok::Day(_) | Tok::Wd(_))
    );
    ((10..=59).contains(&m) && (pm || (at && ends))).then_some(m)
}

/// `half past 3`, `quarter past 3`, `quarter to 5`, `10 past 3`, `20 to 5`.
fn idiom(mut c: Cur<'_>) -> Option<(Cur<'_>, Clock)> {
    let minutes = match c.next()? {
        Tok::Half => 30,
        Tok::Quarter => 15,
        Tok::Num(m, _) if (1..=59).contains(&m) => m,
        _ => return None,
    };
    c.eat(Tok::Unit(Unit::Minute));
    let to = match c.next()? {
        Tok::Past => false,
        Tok::To => true,
        _ => return None,
    };
    let hour = c.num()?;
    c.eat(Tok::Oclock);
    let (hour, minute) = match (to, hour) {
        (false, _) => (hour, minutes),
        (true, 0) => return None,
        (true, h) => (h - 1, 60 - minutes),
    };
    let pm = match c.peek() {
        Some(Tok::Pm(pm)) => {
            c.i += 1;
            Some(pm)
        }
        _ => None,
    };
    if matches!((c.peek(), c.at(1)), (Some(Tok::In), Some(Tok::Period(_)))) {
        c.i += 1;
    }
    let clock = Clock {
        hour,
        minute,
        second: 0,
        pm,
        loose: true,
    };
    (minute < 60 && !(to && minutes == 30)).then_some((c, clock))
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

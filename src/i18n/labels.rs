//! Names of values (kinds, statuses, rules, custody steps…) and dates, in the
//! user's language.

use super::{C, Lang, R, T, tr, trf};
use crate::model::custody::{Stage, StepKind};
use crate::model::{Category, Check, Class, Kind, MeetingType, Prep, Priority, Rule, Status};

pub fn kind(lang: Lang, k: Kind) -> &'static str {
    tr(
        lang,
        match k {
            Kind::Logistics => T::Logistics,
            Kind::Document => T::Documents,
            Kind::Meeting => T::Meetings,
            Kind::Substitute => T::Substitutes,
        },
    )
}

pub fn status(lang: Lang, s: Status) -> &'static str {
    tr(
        lang,
        match s {
            Status::Open => T::Open,
            Status::InProgress => T::InProgress,
            Status::Waiting => T::Waiting,
            Status::Done => T::Done,
            Status::Cancelled => T::Cancelled,
        },
    )
}

pub fn priority(lang: Lang, p: Priority) -> &'static str {
    tr(
        lang,
        match p {
            Priority::High => T::High,
            Priority::Normal => T::Normal,
            Priority::Low => T::Low,
        },
    )
}

pub fn category(lang: Lang, c: Category) -> &'static str {
    tr(
        lang,
        match c {
            Category::Lodging => T::Lodging,
            Category::Supplies => T::Supplies,
            Category::Transport => T::Transport,
            Category::Meals => T::Meals,
            Category::Other => T::Other,
        },
    )
}

pub fn rule(lang: Lang, r: Rule) -> &'static str {
    tr(
        lang,
        match r {
            Rule::Return => T::RuleReturn,
            Rule::Shred => T::RuleShred,
            Rule::Archive => T::RuleArchive,
        },
    )
}

pub fn class(lang: Lang, c: Class) -> &'static str {
    tr(
        lang,
        match c {
            Class::Public => T::Public,
            Class::Internal => T::Internal,
            Class::Secret => T::Secret,
            Class::Confidential => T::Confidential,
        },
    )
}

pub fn meeting_type(lang: Lang, m: MeetingType) -> &'static str {
    tr(
        lang,
        match m {
            MeetingType::Meeting => T::MeetingGeneral,
            MeetingType::Interview => T::Interview,
            MeetingType::Hearing => T::Hearing,
            MeetingType::Visit => T::Visit,
            MeetingType::Training => T::Training,
        },
    )
}

/// A meeting type in one short word, for the agenda's column.
pub fn meeting_short(lang: Lang, m: MeetingType) -> &'static str {
    tr(
        lang,
        match m {
            MeetingType::Meeting => T::MeetShortMeeting,
            MeetingType::Interview => T::MeetShortInterview,
            MeetingType::Hearing => T::MeetShortHearing,
            MeetingType::Visit => T::MeetShortVisit,
            MeetingType::Training => T::MeetShortTraining,
        },
    )
}

/// A day as the agenda heads it: `Wed 11-25`, `周三 11-25` (with the year
/// when it is not `now`'s).
pub fn preview_day(t: crate::model::Time, now: crate::model::Time, lang: Lang) -> String {
    use chrono::Datelike;
    let t = crate::model::when::shown(t, now);
    let date = t.format(if t.year() == now.year() {
        "%m-%d"
    } else {
        "%Y-%m-%d"
    });
    format!("{} {date}", weekday(lang, t.weekday()))
}

/// A document's rule in one short word, for the pane's column.
pub fn rule_short(lang: Lang, r: Rule) -> &'static str {
    tr(
        lang,
        match r {
            Rule::Return => T::RuleShortReturn,
            Rule::Shred => T::RuleShortShred,
            Rule::Archive => T::RuleShortArchive,
        },
    )
}

/// A custody step's name.
pub fn action(lang: Lang, a: StepKind) -> &'static str {
    tr(
        lang,
        match a {
            StepKind::Receive => C::ActReceive,
            StepKind::Lend => C::ActLend,
            StepKind::Back => C::ActBack,
            StepKind::Return => C::ActReturn,
            StepKind::Shred => C::ActShred,
            StepKind::Archive => C::ActArchive,
        },
    )
}

/// Where a document stands in its custody.
pub fn stage(lang: Lang, s: Stage<'_>) -> String {
    match s {
        Stage::Requested => tr(lang, T::StageRequested).into(),
        Stage::Held => tr(lang, T::StageHeld).into(),
        Stage::Lent(to) => trf(lang, T::StageLent, &[&to]),
        Stage::Closed(StepKind::Shred) => tr(lang, T::StageShredded).into(),
        Stage::Closed(StepKind::Archive) => tr(lang, T::StageArchived).into(),
        Stage::Closed(_) => tr(lang, T::StageReturned).into(),
    }
}

/// The short name of a weekday: `Wed`, `周三`.
pub fn weekday(lang: Lang, day: chrono::Weekday) -> &'static str {
    use chrono::Weekday as W;
    let key = match day {
        W::Mon => T::WeekdayMon,
        W::Tue => T::WeekdayTue,
        W::Wed => T::WeekdayWed,
        W::Thu => T::WeekdayThu,
        W::Fri => T::WeekdayFri,
        W::Sat => T::WeekdaySat,
        W::Sun => T::WeekdaySun,
    };
    tr(lang, key)
}

/// A time as shown beside a form field, in the offset in force at it: `Wed 11-26 15:00`,
/// `周三 11-26 15:00`; the year shows when it is not `now`'s (`Sat 2027-01-02 09:00`).
pub fn preview(t: crate::model::Time, now: crate::model::Time, lang: Lang) -> String {
    use chrono::Datelike;
    let t = crate::model::when::shown(t, now);
    let same_year = t.year() == now.year();
    let date = t.format(if same_year { "%m-%d" } else { "%Y-%m-%d" });
    let day = weekday(lang, t.weekday());
    format!("{day} {date} {}", t.format("%H:%M"))
}

/// A default checklist entry's label.
pub fn prep(lang: Lang, p: Prep) -> &'static str {
    tr(
        lang,
        match p {
            Prep::Room => T::PrepRoom,
            Prep::SignIn => T::PrepSignIn,
            Prep::Materials => T::PrepMaterials,
            Prep::Equipment => T::PrepEquipment,
        },
    )
}

/// A checklist entry as shown: the user's words, else the default's label.
pub fn check(lang: Lang, c: &Check) -> &str {
    match c.key {
        Some(p) if c.text.is_empty() => prep(lang, p),
        _ => &c.text,
    }
}

/// Names joined as a list: `a, b` / `a、b`.
/// What two clashing meetings share, by kind: `same place: 二楼谈话室;
/// same person: 组长` (places first), as `a` spells the names.
pub fn clash_what(lang: Lang, a: &crate::model::Item, b: &crate::model::Item) -> String {
    use crate::model::meeting;
    let (places, people): (Vec<String>, Vec<String>) = meeting::shared(a, b)
        .into_iter()
        .partition(|n| meeting::is_place(a, n));
    let mut what = Vec::new();
    if !places.is_empty() {
        what.push(trf(lang, T::ClashPlace, &[&join(lang, &places)]));
    }
    if !people.is_empty() {
        what.push(trf(lang, T::ClashPerson, &[&join(lang, &people)]));
    }
    what.join(tr(lang, T::ClashSep))
}

pub fn join(lang: Lang, names: &[impl AsRef<str>]) -> String {
    let sep = tr(lang, R::BriefListSep);
    names
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(sep)
}

/// An item's status as its pane says it: a substitute assignment is
/// requested, accepted or handed back; anything else uses [`status`].
pub fn item_status(lang: Lang, item: &crate::model::Item) -> &'static str {
    if item.kind != Kind::Substitute {
        return status(lang, item.status);
    }
    let key = match item.status {
        Status::Open => T::SubRequested,
        Status::InProgress => T::SubAccepted,
        Status::Done => T::SubHandedBack,
        Status::Waiting => T::Waiting,
        Status::Cancelled => T::Cancelled,
    };
    tr(lang, key)
}

/// A date in full: `Wednesday 25 November 2026`, `2026年11月25日 星期三`.
pub fn long_date(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::{Datelike, Weekday as W};
    let key = match date.weekday() {
        W::Mon => T::DayMon,
        W::Tue => T::DayTue,
        W::Wed => T::DayWed,
        W::Thu => T::DayThu,
        W::Fri => T::DayFri,
        W::Sat => T::DaySat,
        W::Sun => T::DaySun,
    };
    let day = tr(lang, key);
    match lang {
        Lang::En => format!("{day} {}", date.format("%-d %B %Y")),
        Lang::Zh => format!("{}年{}月{}日 {day}", date.year(), date.month(), date.day()),
    }
}

//! The texts of the team and the day's rhythm: the roster, attendance,
//! recurring duties, reminders, the week and the brief's new sections, in
//! a table of their own (`tr` and `trf` take a key of any table).

use super::{Lang, tr, trf};
use crate::model::attendance::{Alert, Mark, Whereabouts};
use crate::model::recur::Every;
use crate::model::{Role, TeamError};

text_keys! {
    /// A text of the team and the day's rhythm.
    M in team {
        RoleLeader,
        RoleDeputy,
        RoleLiaison,
        RoleMember,
        MarkIn,
        MarkOut,
        MarkBack,
        MarkLeave,
        Present,
        Unrecorded,
        OutTo,
        BackBy,
        LeaveUntil,
        ApprovedBy,
        NotApproved,
        Holds,
        ErrEmptyName,
        ErrDuplicate,
        ErrNoSuchMember,
        ErrHolds,
        ErrNothingToChange,
        ErrUntilBeforeNow,
        ErrEveryNeedsTime,
        ErrBadEvery,
        ErrBadDay,
        MemberAdded,
        MemberChanged,
        MemberRemoved,
        NoMembers,
        Recorded,
        AttendanceOf,
        AlertOutOverdue,
        AlertOutOverdueNowhere,
        AlertUnapproved,
        EveryDay,
        EveryWeekday,
        EveryWeek,
        EveryDays,
        EveryUntil,
        NextOccurrence,
        Reminder,
        ReminderNoPlace,
        RosterTitle,
        ColName,
        ColRole,
        ColSection,
        ColToday,
        ColHolds,
        WeekTitle,
        WeekEmpty,
        Clash,
        TodayMark,
        BriefDecide,
        BriefClash,
        BriefOverdueLoan,
        BriefAt,
        BriefFollowup,
        BriefTomorrow,
        BriefAttendance,
        RosterEmpty,
        Completions,
        FieldMark,
        AskOut,
        AskLeave,
        ErrWhichOccurrences,
        AskOccurrences,
        ThisOne,
        AllComing,
        ChangeMember,
        ChangeAttend,
        FieldEvery,
        EveryChoices,
    }
}

pub fn role(lang: Lang, r: Role) -> &'static str {
    tr(
        lang,
        match r {
            Role::Leader => M::RoleLeader,
            Role::Deputy => M::RoleDeputy,
            Role::Liaison => M::RoleLiaison,
            Role::Member => M::RoleMember,
        },
    )
}

pub fn mark(lang: Lang, m: Mark) -> &'static str {
    tr(
        lang,
        match m {
            Mark::In => M::MarkIn,
            Mark::Out => M::MarkOut,
            Mark::Back => M::MarkBack,
            Mark::Leave => M::MarkLeave,
        },
    )
}

pub fn every(lang: Lang, e: Every, until: Option<chrono::NaiveDate>) -> String {
    let rule = match e {
        Every::Day => tr(lang, M::EveryDay).to_string(),
        Every::Weekday => tr(lang, M::EveryWeekday).to_string(),
        Every::Week => tr(lang, M::EveryWeek).to_string(),
        Every::Days(n) => trf(lang, M::EveryDays, &[&n]),
    };
    match until {
        Some(u) => trf(lang, M::EveryUntil, &[&rule, &u.format("%Y-%m-%d")]),
        None => rule,
    }
}

/// A day's heading: `Wed 12-02` / `12月2日 周三`.
pub fn day_heading(lang: Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    match lang {
        Lang::En => d.format("%a %m-%d").to_string(),
        Lang::Zh => format!(
            "{}月{}日 {}",
            d.month(),
            d.day(),
            ZH[d.weekday().num_days_from_monday() as usize]
        ),
    }
}

/// `HH:MM` today, else `MM-DD HH:MM`.
pub fn clock(t: crate::model::Time, now: crate::model::Time) -> String {
    let t = crate::model::when::shown(t, now);
    if t.date_naive() == crate::model::when::shown(now, now).date_naive() {
        t.format("%H:%M").to_string()
    } else {
        t.format("%m-%d %H:%M").to_string()
    }
}

/// Where a member is, in a few words.
pub fn whereabouts(lang: Lang, w: &Whereabouts, now: crate::model::Time) -> String {
    match w {
        Whereabouts::Present(_) => tr(lang, M::Present).into(),
        Whereabouts::Unrecorded => tr(lang, M::Unrecorded).into(),
        Whereabouts::Out(p) => {
            let mut s = trf(lang, M::OutTo, &[&p.place.as_deref().unwrap_or("-")]);
            if let Some(u) = p.until {
                s.push_str(sep(lang));
                s.push_str(&trf(lang, M::BackBy, &[&clock(u, now)]));
            }
            s
        }
        Whereabouts::Leave(p) => {
            let mut s = match p.until {
                Some(u) => trf(lang, M::LeaveUntil, &[&clock(u, now)]),
                None => tr(lang, M::MarkLeave).into(),
            };
            if let Some(r) = &p.reason {
                s.push_str(sep(lang));
                s.push_str(r);
            }
            s.push_str(sep(lang));
            match &p.approved_by {
                Some(a) => s.push_str(&trf(lang, M::ApprovedBy, &[a])),
                None => s.push_str(tr(lang, M::NotApproved)),
            }
            s
        }
    }
}

fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    }
}

pub fn alert(lang: Lang, a: &Alert, now: crate::model::Time) -> String {
    match a {
        Alert::OutOverdue {
            name,
            place: Some(p),
            until,
        } => trf(lang, M::AlertOutOverdue, &[name, &clock(*until, now), p]),
        Alert::OutOverdue {
            name,
            place: None,
            until,
        } => trf(
            lang,
            M::AlertOutOverdueNowhere,
            &[name, &clock(*until, now)],
        ),
        Alert::Unapproved { name } => trf(lang, M::AlertUnapproved, &[name]),
    }
}

pub fn team_error(lang: Lang, e: &TeamError) -> String {
    match e {
        TeamError::EmptyName => tr(lang, M::ErrEmptyName).into(),
        TeamError::Duplicate(n) => trf(lang, M::ErrDuplicate, &[n]),
        TeamError::NoSuchMember(n) => trf(lang, M::ErrNoSuchMember, &[n]),
        TeamError::Holds { name, ids } => {
            let list = match lang {
                Lang::En => ids.join(", "),
                Lang::Zh => ids.join("、"),
            };
            trf(lang, M::ErrHolds, &[name, &list])
        }
        TeamError::NothingToChange => tr(lang, M::ErrNothingToChange).into(),
        TeamError::UntilBeforeNow => tr(lang, M::ErrUntilBeforeNow).into(),
        TeamError::EveryNeedsTime => tr(lang, M::ErrEveryNeedsTime).into(),
        TeamError::WhichOccurrences(id) => trf(lang, M::ErrWhichOccurrences, &[id]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;

    #[test]
    fn every_text_has_both_languages_with_the_same_placeholders() {
        for k in M::ALL {
            assert!(
                !k.en().trim().is_empty() && !k.zh().trim().is_empty(),
                "{k:?}"
            );
            assert_eq!(
                k.en().matches("{}").count(),
                k.zh().matches("{}").count(),
                "{k:?}"
            );
            let cjk = k
                .zh()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let letters = k.zh().chars().any(|c| c.is_ascii_alphabetic());
            assert!(cjk || !letters, "{k:?} looks untranslated");
        }
    }

    #[test]
    fn roles_read_in_chinese() {
        let zh: Vec<&str> = Role::ALL.iter().map(|r| role(Lang::Zh, *r)).collect();
        assert_eq!(zh, ["组长", "副组长", "联络员", "组员"]);
    }
}

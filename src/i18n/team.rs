//! The texts of the team and the day's rhythm: the roster, attendance,
//! recurring duties, reminders, the week and the brief's new sections, in
//! a table of their own (`tr` and `trf` take a key of any table).

use super::{Lang, tr, trf};
use crate::model::attendance::{Alert, Mark, Whereabouts};
use crate::model::recur::Every;
use crate::model::{Role, TeamError};

text_table! {
    /// A text of the team and the day's rhythm.
    M {
        RoleLeader => "leader", "组长";
        RoleDeputy => "deputy leader", "副组长";
        RoleLiaison => "liaison", "联络员";
        RoleMember => "member", "组员";
        MarkIn => "in", "到岗";
        MarkOut => "out", "外出";
        MarkBack => "back", "返回";
        MarkLeave => "on leave", "请假";
        Present => "present", "在岗";
        Unrecorded => "not yet recorded", "未登记";
        OutTo => "out: {}", "外出：{}";
        BackBy => "back by {}", "预计 {} 返回";
        LeaveUntil => "on leave until {}", "请假至 {}";
        ApprovedBy => "approved by {}", "{} 批准";
        NotApproved => "not approved", "未经批准";
        Holds => "holds {}", "持有 {}";
        ErrEmptyName => "the name is empty", "姓名为空";
        ErrDuplicate => "{} is on the roster already", "{} 已在名单中";
        ErrNoSuchMember => "{} is not on the roster (see liaison member list)", "名单中没有 {}（可用 liaison member list 查看）";
        ErrHolds => "{} still holds {}: take it back first", "{} 仍持有 {}，请先收回";
        ErrNothingToChange => "nothing to change: give a role, section, phone or note", "没有要修改的内容：请指定角色、分组、电话或备注";
        ErrUntilBeforeNow => "the return time is not after the time recorded", "预计返回时间不晚于登记时间";
        ErrEveryNeedsTime => "a recurring duty needs a due time to recur from", "重复事项需要截止时间作为起点";
        ErrBadEvery => "cannot read how often '{}' (try day, weekday, week or 3d)", "无法识别重复周期“{}”（可用：每天、工作日、每周，或天数如 3d）";
        ErrBadDay => "cannot read the day '{}' (try 2026-12-05)", "无法识别日期“{}”（例如 2026-12-05）";
        MemberAdded => "{} added to the roster ({})", "已将 {} 加入名单（{}）";
        MemberChanged => "{}: changed", "已修改 {} 的信息";
        MemberRemoved => "{} taken off the roster", "已将 {} 移出名单";
        NoMembers => "nobody is on the roster yet (liaison member add NAME --role member)", "名单为空（可用 liaison member add 姓名 --role member 添加）";
        Recorded => "{}: {}", "{}：{}";
        AttendanceOf => "Attendance {}", "{} 考勤";
        AlertOutOverdue => "{} is out past {} ({})", "{} 外出逾时（应于 {} 返回，{}）";
        AlertOutOverdueNowhere => "{} is out past {}", "{} 外出逾时（应于 {} 返回）";
        AlertUnapproved => "{} is on leave without approval", "{} 请假未经批准";
        EveryDay => "every day", "每天";
        EveryWeekday => "every weekday", "每个工作日";
        EveryWeek => "every week", "每周";
        EveryDays => "every {} days", "每 {} 天";
        EveryUntil => "{} until {}", "{}，至 {}";
        NextOccurrence => "next: {} at {}", "下一次：{}，{}";
        Reminder => "Starts {}: {} — {}", "{} 开始：{}（{}）";
        ReminderNoPlace => "Starts {}: {}", "{} 开始：{}";
        RosterTitle => "Roster", "人员名单";
        ColName => "Name", "姓名";
        ColRole => "Role", "角色";
        ColSection => "Section", "分组";
        ColToday => "Today", "今日去向";
        ColHolds => "Holds", "持有资料";
        WeekTitle => "Week of {}", "{} 当周";
        WeekEmpty => "no meetings", "无会议";
        Clash => "clash", "冲突";
        TodayMark => "today", "今天";
        BriefDecide => "Needs a decision today", "今日待决事项";
        BriefClash => "Clash: {} and {}", "时间冲突：{} 与 {}";
        BriefOverdueLoan => "Overdue loan: {} with {}, due back {}", "借阅逾期：{}（{}，应于 {} 归还）";
        BriefAt => "{} ({})", "{}（{}）";
        BriefFollowup => "Open question ({}): {}", "待追问（{}）：{}";
        BriefTomorrow => "Tomorrow's meetings", "明日会议";
        BriefAttendance => "Attendance", "人员去向";
        RosterEmpty => "Nobody on the roster yet: liaison member add NAME --role member", "名单为空：可用 liaison member add 姓名 --role member 添加";
        Completions => "names: {}", "可选：{}";
        FieldMark => "report", "考勤状态";
        AskOut => "{} goes out: where, and after a comma when back (县交通局, 15:00)", "{} 外出：去向，逗号后写预计返回时间（县交通局，15:00）";
        AskLeave => "{} on leave: until when, and after a comma who approved it (+2d, 王组长)", "{} 请假：请假至，逗号后写批准人（后天，王组长）";
        ErrWhichOccurrences => "{} recurs: add --this-one to change this occurrence only, or --all-coming for it and every one after", "{} 是重复事项：只改这一次请加 --this-one，这一次及以后都改请加 --all-coming";
        AskOccurrences => "{} {} recurs: change which?", "{} {} 是重复事项：修改哪几次？";
        ThisOne => "this one only", "只改这一次";
        AllComing => "this one and all coming", "这一次及以后各次";
        ChangeMember => "roster", "人员名单";
        ChangeAttend => "attendance", "考勤";
        FieldEvery => "repeat", "重复周期";
        EveryChoices => "day, weekday, week, Nd (e.g. 3d)", "每天、工作日、每周，或天数如 3d";
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

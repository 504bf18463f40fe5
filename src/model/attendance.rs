//! Attendance and whereabouts (考勤、请销假、外出报备): an append-only log of
//! what each member reported — in, out (where, back when), back, on leave
//! (until when, approved by whom) — and what it says about a day.

use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::roster::{Member, TeamError};
use super::{ModelError, State, Time};
use crate::choice;

choice!(
    /// What a member reported.
    Mark { In = "in", Out = "out", Back = "back", Leave = "leave" }
);

/// One report, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presence {
    #[serde(with = "crate::model::rfc3339")]
    pub at: Time,
    pub name: String,
    pub mark: Mark,
    /// Out: expected back; leave: until.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::rfc3339::option"
    )]
    pub until: Option<Time>,
    #[serde(rename = "where", default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
}

impl Presence {
    pub fn new(name: impl Into<String>, mark: Mark, at: Time) -> Presence {
        Presence {
            at,
            name: name.into(),
            mark,
            until: None,
            place: None,
            reason: None,
            approved_by: None,
        }
    }
}

/// Where a member is on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whereabouts<'a> {
    Present(&'a Presence),
    Out(&'a Presence),
    Leave(&'a Presence),
    Unrecorded,
}

impl Whereabouts<'_> {
    /// The wire name, for `attendance --json`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Whereabouts::Present(_) => "present",
            Whereabouts::Out(_) => "out",
            Whereabouts::Leave(_) => "leave",
            Whereabouts::Unrecorded => "unrecorded",
        }
    }

    pub fn record(&self) -> Option<&Presence> {
        match self {
            Whereabouts::Present(p) | Whereabouts::Out(p) | Whereabouts::Leave(p) => Some(p),
            Whereabouts::Unrecorded => None,
        }
    }
}

/// Something the liaison should look at now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alert {
    /// Out past the time they said they would be back.
    OutOverdue {
        name: String,
        place: Option<String>,
        until: Time,
    },
    /// On leave with nobody recorded as approving it.
    Unapproved { name: String },
}

/// The day `t` falls on, as a process whose clock says `now` sees it.
pub fn day_of(t: Time, now: Time) -> NaiveDate {
    super::when::shown(t, now).date_naive()
}

/// Midnight at the start of `day` in the zone of `now`.
fn midnight(day: NaiveDate, now: Time) -> Time {
    super::when::local(day.and_time(NaiveTime::MIN), now)
        .unwrap_or_else(|| now - Duration::days((day_of(now, now) - day).num_days()))
}

/// Where `name` is on `day`: at `now` if it is today, at the day's end
/// otherwise. A leave counts on every day it covers; being in or out only
/// on the day it was reported.
pub fn whereabouts<'a>(state: &'a State, name: &str, day: NaiveDate, now: Time) -> Whereabouts<'a> {
    let start = midnight(day, now);
    let cutoff = if day_of(now, now) == day {
        now
    } else {
        midnight(day + Duration::days(1), now)
    };
    let last = state
        .attendance
        .iter()
        .filter(|p| p.name == name && p.at <= cutoff)
        .max_by_key(|p| p.at);
    let Some(p) = last else {
        return Whereabouts::Unrecorded;
    };
    match p.mark {
        Mark::Leave if p.until.is_none_or(|u| u > start) => Whereabouts::Leave(p),
        _ if p.at < start => Whereabouts::Unrecorded,
        Mark::In | Mark::Back => Whereabouts::Present(p),
        Mark::Out => Whereabouts::Out(p),
        Mark::Leave => Whereabouts::Unrecorded,
    }
}

/// Every member on the roster (leader first) and where they are on `day`.
pub fn sheet<'a>(
    state: &'a State,
    day: NaiveDate,
    now: Time,
) -> Vec<(&'a Member, Whereabouts<'a>)> {
    state
        .roster()
        .into_iter()
        .map(|m| (m, whereabouts(state, &m.name, day, now)))
        .collect()
}

/// Who is out past their return time and whose leave nobody approved, now.
pub fn alerts(state: &State, now: Time) -> Vec<Alert> {
    let today = day_of(now, now);
    sheet(state, today, now)
        .into_iter()
        .filter_map(|(m, w)| match w {
            Whereabouts::Out(p) => p.until.filter(|u| *u < now).map(|until| Alert::OutOverdue {
                name: m.name.clone(),
                place: p.place.clone(),
                until,
            }),
            Whereabouts::Leave(p) if p.approved_by.is_none() => Some(Alert::Unapproved {
                name: m.name.clone(),
            }),
            _ => None,
        })
        .collect()
}

impl State {
    /// Records a report of a member on the roster. A return time before
    /// the report is refused.
    pub fn attend(&mut self, mut p: Presence) -> Result<(), ModelError> {
        p.name = p.name.trim().to_string();
        if self.member(&p.name).is_none() {
            return Err(TeamError::NoSuchMember(p.name).into());
        }
        if p.until.is_some_and(|u| u <= p.at) {
            return Err(TeamError::UntilBeforeNow.into());
        }
        for f in [&mut p.place, &mut p.reason, &mut p.approved_by] {
            *f = f
                .take()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty());
        }
        self.attendance.push(p);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::roster::Role;

    fn at(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn team() -> State {
        let mut s = State::default();
        for (n, r) in [
            ("王组长", Role::Leader),
            ("张三", Role::Member),
            ("李四", Role::Member),
        ] {
            s.add_member(Member::new(n, r)).unwrap();
        }
        s
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn each_member_is_present_out_on_leave_or_not_yet_recorded() {
        let mut s = team();
        let now = at("2026-12-01T15:00:00+08:00");
        s.attend(Presence::new(
            "王组长",
            Mark::In,
            at("2026-12-01T08:20:00+08:00"),
        ))
        .unwrap();
        let mut out = Presence::new("李四", Mark::Out, at("2026-12-01T14:00:00+08:00"));
        out.place = Some("县交通局".into());
        out.until = Some(at("2026-12-01T16:00:00+08:00"));
        s.attend(out).unwrap();
        let got: Vec<(&str, &str)> = sheet(&s, day("2026-12-01"), now)
            .iter()
            .map(|(m, w)| (m.name.as_str(), w.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("王组长", "present"),
                ("张三", "unrecorded"),
                ("李四", "out")
            ]
        );
        assert!(alerts(&s, now).is_empty());
        // An hour past the time he said: an alert.
        let later = at("2026-12-01T16:30:00+08:00");
        assert!(
            matches!(&alerts(&s, later)[..], [Alert::OutOverdue { name, .. }] if name == "李四")
        );
        s.attend(Presence::new("李四", Mark::Back, later)).unwrap();
        assert!(alerts(&s, later).is_empty());
        // The next day nobody has reported yet.
        let next = at("2026-12-02T08:00:00+08:00");
        assert!(
            sheet(&s, day("2026-12-02"), next)
                .iter()
                .all(|(_, w)| *w == Whereabouts::Unrecorded)
        );
    }

    #[test]
    fn a_leave_covers_every_day_until_it_ends_and_unapproved_is_an_alert() {
        let mut s = team();
        let mut leave = Presence::new("张三", Mark::Leave, at("2026-12-01T09:00:00+08:00"));
        leave.until = Some(at("2026-12-03T09:00:00+08:00"));
        s.attend(leave).unwrap();
        let now = at("2026-12-02T10:00:00+08:00");
        assert!(matches!(
            whereabouts(&s, "张三", day("2026-12-02"), now),
            Whereabouts::Leave(_)
        ));
        assert_eq!(
            alerts(&s, now),
            [Alert::Unapproved {
                name: "张三".into()
            }]
        );
        assert_eq!(
            whereabouts(&s, "张三", day("2026-12-04"), now),
            Whereabouts::Unrecorded
        );
        // Looking back at a day before the leave: nothing then.
        assert_eq!(
            whereabouts(&s, "张三", day("2026-11-30"), now),
            Whereabouts::Unrecorded
        );
    }

    #[test]
    fn a_stranger_or_a_return_before_leaving_is_refused_and_nothing_is_kept() {
        let mut s = team();
        let t = at("2026-12-01T09:00:00+08:00");
        assert!(s.attend(Presence::new("赵六", Mark::In, t)).is_err());
        let mut out = Presence::new("张三", Mark::Out, t);
        out.until = Some(t - Duration::hours(1));
        assert_eq!(s.attend(out), Err(TeamError::UntilBeforeNow.into()));
        assert!(s.attendance.is_empty());
    }
}

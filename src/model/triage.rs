//! The Today list: what needs the liaison's attention today, in one order.
//!
//! Overdue first (oldest first) with loans overdue for return right after, then
//! today's meetings in time order, then what is due today, then loans due back
//! later today, then waiting items, then documents awaiting disposal. Done and cancelled items never appear.
//!
//! A document's due date is when it should arrive: once received, it is
//! followed by its custody instead (loan time, time since it came back).

use chrono::{Days, Duration, NaiveTime};

use super::custody::{self, Stage};
use super::{Item, Kind, Priority, State, Status, Time};

/// Why an item is on the Today list; also its group, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    Overdue,
    /// A document lent out longer than the loan limit.
    ReturnOverdue,
    MeetingToday,
    DueToday,
    /// A document lent out and due back later today.
    LoanDueToday,
    Waiting,
    /// A received document still open long after its last use.
    AwaitingDisposal,
}

/// The time limits behind the custody alerts (a config file may set them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A loan older than this is overdue for return.
    pub loan: Duration,
    /// A document back with the liaison (or received and never lent) this long
    /// without being closed is awaiting disposal.
    pub disposal: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            loan: Duration::hours(24),
            disposal: Duration::days(3),
        }
    }
}

/// The start and end of the day `now` falls in, in its offset.
pub fn day_bounds(now: Time) -> (Time, Time) {
    let start = now.with_time(NaiveTime::MIN).single().unwrap_or(now);
    let end = start.checked_add_days(Days::new(1)).unwrap_or(now);
    (start, end)
}

/// Why `item` belongs on the Today list at `now`, if it does (default limits).
pub fn reason(item: &Item, now: Time) -> Option<Reason> {
    reason_with(item, now, &Limits::default())
}

/// Why `item` belongs on the Today list at `now` under `limits`.
pub fn reason_with(item: &Item, now: Time, limits: &Limits) -> Option<Reason> {
    reason_in(item, now, day_bounds(now), limits)
}

/// `reason_with` with the day's bounds worked out already: a list of
/// 10,000 items works them out once, not per item.
fn reason_in(
    item: &Item,
    now: Time,
    (today, tomorrow): (Time, Time),
    limits: &Limits,
) -> Option<Reason> {
    if item.status.is_closed() {
        return None;
    }
    let waiting = (item.status == Status::Waiting).then_some(Reason::Waiting);
    if item.kind == Kind::Document
        && let Some(last) = custody::last(item)
    {
        // Received: the arrival due date no longer applies. A loan is
        // overdue at its own due time (or after the loan limit, for loans
        // recorded before loans had one).
        let since = now - last.at;
        let loan = custody::loan(item);
        return match custody::stage(item) {
            Stage::Lent(_) if loan.is_some_and(|l| now > l.due(limits.loan)) => {
                Some(Reason::ReturnOverdue)
            }
            Stage::Lent(_) if loan.is_some_and(|l| l.due(limits.loan) < tomorrow) => {
                Some(Reason::LoanDueToday)
            }
            Stage::Held if since >= limits.disposal => Some(Reason::AwaitingDisposal),
            Stage::Closed(_) => None,
            _ => waiting,
        };
    }
    if item.kind == Kind::Meeting
        && let Some(start) = item.start
    {
        // A meeting is not "overdue": it either is today or it is not.
        if start >= today && start < tomorrow {
            return Some(Reason::MeetingToday);
        }
    } else if let Some(due) = item.due {
        if due < now {
            return Some(Reason::Overdue);
        }
        if due < tomorrow {
            return Some(Reason::DueToday);
        }
    }
    waiting
}

/// Whether `item` is overdue at `now` (late, or lent out too long).
pub fn is_overdue(item: &Item, now: Time) -> bool {
    matches!(
        reason(item, now),
        Some(Reason::Overdue | Reason::ReturnOverdue)
    )
}

/// Whether `item` is due (or meets) later today.
pub fn is_due_today(item: &Item, now: Time) -> bool {
    matches!(
        reason(item, now),
        Some(Reason::DueToday | Reason::MeetingToday | Reason::LoanDueToday)
    )
}

/// The Today list: indexes into `state.items` with their reason, in order.
pub fn today(state: &State, now: Time) -> Vec<(usize, Reason)> {
    today_with(state, now, &Limits::default())
}

/// The Today list under `limits`.
pub fn today_with(state: &State, now: Time, limits: &Limits) -> Vec<(usize, Reason)> {
    let day = day_bounds(now);
    let mut list: Vec<(usize, Reason)> = state
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| reason_in(item, now, day, limits).map(|r| (i, r)))
        .collect();
    list.sort_by(|a, b| today_order(state, *a, *b));
    list
}

/// The order of two entries of the Today list: by reason, high priority
/// first within each, then by time, then by creation (entries equal in all
/// of these keep the items' order).
pub fn today_order(
    state: &State,
    (a, ra): (usize, Reason),
    (b, rb): (usize, Reason),
) -> std::cmp::Ordering {
    let (a, b) = (&state.items[a], &state.items[b]);
    let (ta, tb) = (order_time(a, ra), order_time(b, rb));
    let rank = |i: &Item| Priority::ALL.iter().position(|p| *p == i.priority);
    ra.cmp(&rb)
        .then(rank(a).cmp(&rank(b)))
        .then(ta.cmp(&tb))
        .then(a.created.cmp(&b.created))
}

/// What orders an item within its group: for the custody alerts, the oldest
/// loan or the longest wait first; else its due or start time.
fn order_time(item: &Item, reason: Reason) -> Option<Time> {
    match reason {
        Reason::ReturnOverdue => custody::loan(item).map(|l| l.until.unwrap_or(l.since)),
        Reason::LoanDueToday => custody::loan(item).map(|l| l.until.unwrap_or(l.since)),
        Reason::AwaitingDisposal => custody::last(item).map(|e| e.at),
        _ => item.when(),
    }
}

/// Counts for the header: (overdue, due today).
pub fn counts(state: &State, now: Time) -> (usize, usize) {
    counts_with(state, now, &Limits::default())
}

/// `counts` under `limits`.
pub fn counts_with(state: &State, now: Time, limits: &Limits) -> (usize, usize) {
    let day = day_bounds(now);
    state.items.iter().fold((0, 0), |(o, d), item| {
        let (io, id) = counted(reason_in(item, now, day, limits));
        (o + io, d + id)
    })
}

/// What one item's reason adds to the header's counts: (overdue, due today).
pub fn counted(reason: Option<Reason>) -> (usize, usize) {
    match reason {
        Some(Reason::Overdue | Reason::ReturnOverdue) => (1, 0),
        Some(Reason::DueToday | Reason::MeetingToday | Reason::LoanDueToday) => (0, 1),
        _ => (0, 0),
    }
}

#[cfg(test)]
mod loan_tests;
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::now;
    use chrono::Duration;

    fn item(state: &mut State, kind: Kind, title: &str, f: impl FnOnce(&mut Item)) -> String {
        let mut it = Item::new(kind, title, now());
        f(&mut it);
        state.add(it).unwrap()
    }

    #[test]
    fn orders_overdue_then_meetings_then_due_then_waiting() {
        let mut s = State::default();
        let h = Duration::hours;
        let due_today = item(&mut s, Kind::Logistics, "确认会议室网络", |i| {
            i.due = Some(now() + h(5))
        });
        let waiting = item(&mut s, Kind::Substitute, "起草报告", |i| {
            i.status = Status::Waiting
        });
        let late_meeting = item(&mut s, Kind::Meeting, "听取汇报", |i| {
            i.start = Some(now() + h(4))
        });
        let old_overdue = item(&mut s, Kind::Document, "会议记录", |i| {
            i.due = Some(now() - h(48))
        });
        let early_meeting = item(&mut s, Kind::Meeting, "动员会", |i| {
            i.start = Some(now() - h(1))
        });
        let new_overdue = item(&mut s, Kind::Logistics, "订房", |i| {
            i.due = Some(now() - h(1))
        });
        item(&mut s, Kind::Logistics, "已办", |i| {
            i.due = Some(now() - h(3));
            i.status = Status::Done;
        });
        item(&mut s, Kind::Meeting, "明天的会", |i| {
            i.start = Some(now() + h(24))
        });
        item(&mut s, Kind::Logistics, "下周的事", |i| {
            i.due = Some(now() + h(24 * 7))
        });

        let ids: Vec<&str> = today(&s, now())
            .iter()
            .map(|(i, _)| s.items[*i].id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                &old_overdue,
                &new_overdue,
                &early_meeting,
                &late_meeting,
                &due_today,
                &waiting
            ]
            .map(|s| s.as_str())
        );
        assert_eq!(counts(&s, now()), (2, 3));
    }

    fn steps(s: &mut State, id: &str, steps: &[(crate::model::custody::Step, i64)]) {
        for (step, hours_ago) in steps {
            s.custody(id, step.clone(), now() - Duration::hours(*hours_ago))
                .unwrap();
        }
    }

    #[test]
    fn custody_decides_for_received_documents() {
        use crate::model::custody::{Step, StepKind};
        let receive = Step::new(StepKind::Receive);
        let lend = Step::new(StepKind::Lend).person("组员甲");
        let back = Step::new(StepKind::Back);
        let mut s = State::default();
        let h = Duration::hours;
        let late = |i: &mut Item| i.due = Some(now() - h(48));
        let requested = item(&mut s, Kind::Document, "未到的资料", late);
        let received = item(&mut s, Kind::Document, "已到的资料", late);
        steps(&mut s, &received, &[(receive.clone(), 1)]);
        let lent_long = item(&mut s, Kind::Document, "借出超过一天", |_| {});
        steps(
            &mut s,
            &lent_long,
            &[(receive.clone(), 30), (lend.clone(), 25)],
        );
        let lent_short = item(&mut s, Kind::Document, "借出不到一天", |_| {});
        steps(
            &mut s,
            &lent_short,
            &[(receive.clone(), 30), (lend.clone(), 23)],
        );
        let idle = item(&mut s, Kind::Document, "收到三天未处置", |_| {});
        steps(&mut s, &idle, &[(receive.clone(), 80)]);
        let back_idle = item(&mut s, Kind::Document, "归还三天未处置", |_| {});
        steps(
            &mut s,
            &back_idle,
            &[
                (receive.clone(), 100),
                (lend.clone(), 90),
                (back.clone(), 72),
            ],
        );
        let back_recent = item(&mut s, Kind::Document, "刚归还", |_| {});
        steps(
            &mut s,
            &back_recent,
            &[
                (receive.clone(), 100),
                (lend.clone(), 90),
                (back.clone(), 71),
            ],
        );
        let shredded = item(&mut s, Kind::Document, "已销毁", |i| {
            i.rule = Some(crate::model::Rule::Shred)
        });
        steps(
            &mut s,
            &shredded,
            &[
                (receive, 100),
                (
                    Step::new(StepKind::Shred)
                        .approved_by("组长")
                        .witness("副组长"),
                    90,
                ),
            ],
        );
        let meeting = item(&mut s, Kind::Meeting, "听取汇报", |i| {
            i.start = Some(now() + h(1))
        });
        let waiting = item(&mut s, Kind::Substitute, "起草报告", |i| {
            i.status = Status::Waiting
        });

        let list: Vec<(&str, Reason)> = today(&s, now())
            .iter()
            .map(|(i, r)| (s.items[*i].id.as_str(), *r))
            .collect();
        let want = [
            (requested.as_str(), Reason::Overdue),
            (lent_long.as_str(), Reason::ReturnOverdue),
            (meeting.as_str(), Reason::MeetingToday),
            // Lent 23 hours ago under a 24-hour limit: due back within the hour.
            (lent_short.as_str(), Reason::LoanDueToday),
            (waiting.as_str(), Reason::Waiting),
            (idle.as_str(), Reason::AwaitingDisposal),
            (back_idle.as_str(), Reason::AwaitingDisposal),
        ];
        assert_eq!(list, want);
        assert_eq!(counts(&s, now()), (2, 2));
        assert!(is_overdue(s.get(&lent_long).unwrap(), now()));
        assert!(!is_overdue(s.get(&received).unwrap(), now()));

        // The loan limit is a parameter.
        let strict = Limits {
            loan: h(12),
            ..Limits::default()
        };
        assert_eq!(
            reason_with(s.get(&lent_short).unwrap(), now(), &strict),
            Some(Reason::ReturnOverdue)
        );
        assert!(
            today_with(&s, now(), &strict)
                .iter()
                .any(|(i, _)| s.items[*i].id == lent_short)
        );
    }
}

//! Loans overdue at their own due time; disposal after the configured days.

use chrono::Duration;

use super::*;
use crate::model::testing::now;
use crate::model::{Item, Kind, State, Time};

fn item(state: &mut State, kind: Kind, title: &str, f: impl FnOnce(&mut Item)) -> String {
    let mut it = Item::new(kind, title, now());
    f(&mut it);
    state.add(it).unwrap()
}

#[test]
fn a_loan_is_overdue_at_its_own_due_time() {
    use crate::model::custody::{Step, StepKind};
    let mut s = State::default();
    let h = Duration::hours;
    let short = item(&mut s, Kind::Document, "借两小时", |_| {});
    let long = item(&mut s, Kind::Document, "借三天", |_| {});
    for (id, hours) in [(&short, 2), (&long, 72)] {
        s.custody(id, Step::new(StepKind::Receive), now()).unwrap();
        let lend = Step::new(StepKind::Lend)
            .person("赵六")
            .until(now() + h(hours));
        s.custody(id, lend, now()).unwrap();
    }
    let overdue = |at: Time| {
        today(&s, at)
            .into_iter()
            .filter(|(_, r)| *r == Reason::ReturnOverdue)
            .map(|(i, _)| s.items[i].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(overdue(now() + h(1)), Vec::<String>::new());
    assert_eq!(
        overdue(now() + h(3)),
        [short.as_str()],
        "past its two hours"
    );
    assert_eq!(
        overdue(now() + h(30)),
        [short.as_str()],
        "a three-day loan is not late after the old 24 hours"
    );
    assert_eq!(
        overdue(now() + h(73)),
        [short, long],
        "the longest overdue first"
    );
}

#[test]
fn awaiting_disposal_follows_the_configured_days() {
    use crate::model::custody::{Step, StepKind};
    let mut s = State::default();
    let d = item(&mut s, Kind::Document, "在保管", |_| {});
    s.custody(&d, Step::new(StepKind::Receive), now()).unwrap();
    let at = now() + Duration::days(2);
    assert_eq!(reason(s.get(&d).unwrap(), at), None);
    let two_days = Limits {
        disposal: Duration::days(2),
        ..Limits::default()
    };
    assert_eq!(
        reason_with(s.get(&d).unwrap(), at, &two_days),
        Some(Reason::AwaitingDisposal)
    );
}

#[test]
fn midnight_belongs_to_the_next_day() {
    let mut s = State::default();
    let (_, tomorrow) = day_bounds(now());
    item(&mut s, Kind::Logistics, "午夜", |i| {
        i.due = Some(tomorrow)
    });
    assert!(today(&s, now()).is_empty());
}

#[test]
fn a_loan_due_back_later_today_is_on_the_today_list_and_counted() {
    use crate::model::custody::{Step, StepKind};
    let mut s = State::default();
    let h = Duration::hours;
    let today = item(&mut s, Kind::Document, "今天要还", |_| {});
    let later = item(&mut s, Kind::Document, "后天才还", |_| {});
    for (id, hours) in [(&today, 7), (&later, 50)] {
        s.custody(id, Step::new(StepKind::Receive), now()).unwrap();
        let lend = Step::new(StepKind::Lend)
            .person("赵六")
            .until(now() + h(hours));
        s.custody(id, lend, now()).unwrap();
    }
    let reasons = |at: Time| {
        today_with(&s, at, &Limits::default())
            .into_iter()
            .map(|(i, r)| (s.items[i].id.clone(), r))
            .collect::<Vec<_>>()
    };
    assert_eq!(reasons(now()), [(today.clone(), Reason::LoanDueToday)]);
    assert_eq!(counts(&s, now()), (0, 1));
    assert!(is_due_today(s.get(&today).unwrap(), now()));
    assert_eq!(
        reasons(now() + h(8)),
        [(today, Reason::ReturnOverdue)],
        "past its time it is overdue, no longer due today"
    );
}

//! The custody state machine: every transition, and random command sequences.

use chrono::{DateTime, Duration};
use proptest::prelude::*;

use super::*;
use crate::model::{Item, Kind, Rule, State, Status};

pub(super) fn t(minutes: i64) -> Time {
    DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").unwrap() + Duration::minutes(minutes)
}

pub(super) fn doc(rule: Rule) -> Item {
    let mut item = Item::new(Kind::Document, "近三年财务收支明细账及凭证", t(-60));
    item.id = "D1".into();
    item.rule = Some(rule);
    item
}

pub(super) fn receive() -> Step {
    Step::new(Action::Receive).person("财务部经办人")
}
pub(super) fn lend() -> Step {
    Step::new(Action::Lend).person("组员甲").until(t(24 * 60))
}
pub(super) fn back() -> Step {
    Step::new(Action::Back)
}
pub(super) fn ret() -> Step {
    Step::new(Action::Return)
}
pub(super) fn shred() -> Step {
    Step::new(Action::Shred)
        .approved_by("组长")
        .witness("副组长")
}
pub(super) fn archive() -> Step {
    Step::new(Action::Archive).location("驻地档案柜A")
}

/// A document of `rule` after `steps`, each a minute apart.
pub(super) fn after(rule: Rule, steps: &[Step]) -> Item {
    let mut item = doc(rule);
    for (i, s) in steps.iter().enumerate() {
        apply(&mut item, s.clone(), t(i as i64)).unwrap_or_else(|e| panic!("setup step {i}: {e}"));
    }
    item
}

/// What the table says: a name, the rule, the steps before, the step, the outcome.
type Case = (&'static str, Rule, Vec<Step>, Step, Result<(), Refusal>);

#[test]
fn every_transition_is_allowed_or_refused_as_the_table_says() {
    use Action as A;
    use Refusal::*;
    let held = vec![receive()];
    let lent = vec![receive(), lend()];
    let came_back = vec![receive(), lend(), back()];
    let to = || "组员甲".to_string();
    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        // Legal steps.
        ("receive a request", Rule::Return, vec![], receive(), Ok(())),
        ("receive without a person", Rule::Return, vec![], Step::new(A::Receive), Ok(())),
        ("lend what is held", Rule::Return, held.clone(), lend(), Ok(())),
        ("take back a loan", Rule::Return, lent.clone(), back(), Ok(())),
        ("lend again after it came back", Rule::Return, came_back.clone(), lend(), Ok(())),
        ("return by the rule", Rule::Return, held.clone(), ret(), Ok(())),
        ("return after a loan", Rule::Return, came_back.clone(), ret(), Ok(())),
        ("shred by the rule", Rule::Shred, held.clone(), shred(), Ok(())),
        ("archive by the rule", Rule::Archive, came_back.clone(), archive(), Ok(())),
        ("shred against the rule with a reason", Rule::Return, held.clone(), shred().reason("提供单位同意销毁"), Ok(())),
        ("return against the rule with a reason", Rule::Archive, held.clone(), ret().reason("原件须退回"), Ok(())),
        // Refused before receipt.
        ("lend before receipt", Rule::Return, vec![], lend(), Err(NotReceived { action: A::Lend })),
        ("take back before receipt", Rule::Return, vec![], back(), Err(NotLent)),
        ("return before receipt", Rule::Return, vec![], ret(), Err(NotReceived { action: A::Return })),
        ("shred before receipt", Rule::Shred, vec![], shred(), Err(NotReceived { action: A::Shred })),
        ("archive before receipt", Rule::Archive, vec![], archive(), Err(NotReceived { action: A::Archive })),
        // Refused while held.
        ("receive twice", Rule::Return, held.clone(), receive(), Err(AlreadyReceived)),
        ("take back what is not lent", Rule::Return, held.clone(), back(), Err(NotLent)),
        ("lend without a person", Rule::Return, held.clone(), Step::new(A::Lend), Err(NoPerson)),
        ("lend to a blank person", Rule::Return, held.clone(), Step::new(A::Lend).person("  "), Err(NoPerson)),
        ("shred without approval", Rule::Shred, held.clone(), Step::new(A::Shred).witness("副组长"), Err(NoApprover)),
        ("shred with a blank approver", Rule::Shred, held.clone(), Step::new(A::Shred).approved_by(" ").witness("副组长"), Err(NoApprover)),
        ("shred without a witness", Rule::Shred, held.clone(), Step::new(A::Shred).approved_by("组长"), Err(NoWitness)),
        ("shred with a blank witness", Rule::Shred, held.clone(), Step::new(A::Shred).approved_by("组长").witness(" "), Err(NoWitness)),
        ("lend due back before now", Rule::Return, held.clone(), Step::new(A::Lend).person("组员甲").until(t(99)), Err(UntilPast)),
        ("lend due back right now", Rule::Return, held.clone(), Step::new(A::Lend).person("组员甲").until(t(100)), Err(UntilPast)),
        ("a due-back time on a return", Rule::Return, held.clone(), ret().until(t(200)), Err(UntilNotLoan)),
        ("a due-back time on taking back", Rule::Return, lent.clone(), back().until(t(200)), Err(UntilNotLoan)),
        ("lend without a due-back time (older callers)", Rule::Return, held.clone(), Step::new(A::Lend).person("组员甲"), Ok(())),
        ("archive without a location", Rule::Archive, held.clone(), Step::new(A::Archive), Err(NoLocation)),
        ("shred against the rule", Rule::Return, held.clone(), shred(), Err(AgainstRule { rule: Rule::Return, action: A::Shred })),
        ("archive against the rule", Rule::Shred, held.clone(), archive(), Err(AgainstRule { rule: Rule::Shred, action: A::Archive })),
        ("return against the rule", Rule::Archive, held.clone(), ret(), Err(AgainstRule { rule: Rule::Archive, action: A::Return })),
        ("override reason on the rule's own step", Rule::Return, held.clone(), ret().reason("无"), Err(NothingToOverride)),
        ("override reason on a loan", Rule::Return, held.clone(), lend().reason("无"), Err(NothingToOverride)),
        ("shred against the rule with a reason but no witness", Rule::Return, held.clone(), Step::new(A::Shred).approved_by("组长").reason("同意"), Err(NoWitness)),
        // Refused while lent.
        ("receive while lent", Rule::Return, lent.clone(), receive(), Err(AlreadyReceived)),
        ("lend while lent", Rule::Return, lent.clone(), Step::new(A::Lend).person("组员乙"), Err(AlreadyLent { to: to() })),
        ("return while lent", Rule::Return, lent.clone(), ret(), Err(LentOut { action: A::Return, to: to() })),
        ("shred while lent", Rule::Shred, lent.clone(), shred(), Err(LentOut { action: A::Shred, to: to() })),
        ("archive while lent", Rule::Archive, lent.clone(), archive(), Err(LentOut { action: A::Archive, to: to() })),
    ];
    let closed = [
        (Rule::Return, vec![receive(), ret()], A::Return),
        (Rule::Shred, vec![receive(), shred()], A::Shred),
        (
            Rule::Archive,
            vec![receive(), lend(), back(), archive()],
            A::Archive,
        ),
    ];
    let mut all = cases;
    for (rule, steps, by) in closed {
        for step in [receive(), lend(), back(), ret(), shred(), archive()] {
            all.push((
                "any step after closing",
                rule,
                steps.clone(),
                step,
                Err(Closed { by }),
            ));
        }
    }
    for (name, rule, steps, step, expected) in all {
        let mut item = after(rule, &steps);
        let before = item.clone();
        let action = step.action;
        let got = apply(&mut item, step, t(100));
        match expected {
            Ok(()) => {
                assert_eq!(got, Ok(()), "{name}");
                assert_eq!(item.custody.len(), steps.len() + 1, "{name}");
                assert_eq!(item.custody.last().unwrap().action, action, "{name}");
                assert!(
                    verify_item(&item).is_empty(),
                    "{name}: {:?}",
                    verify_item(&item)
                );
            }
            Err(refusal) => {
                assert_eq!(
                    got,
                    Err(CustodyError {
                        id: "D1".into(),
                        refusal
                    }),
                    "{name}"
                );
                assert_eq!(item, before, "{name}: a refused step changed the item");
            }
        }
    }
}

#[test]
fn custody_on_a_non_document_is_refused() {
    let mut item = Item::new(Kind::Logistics, "领取办公用品", t(0));
    item.id = "L1".into();
    let before = item.clone();
    let err = apply(&mut item, receive(), t(0)).unwrap_err();
    assert_eq!(
        err.refusal,
        Refusal::NotADocument {
            kind: Kind::Logistics
        }
    );
    assert_eq!(item, before);
}

#[test]
fn receipt_starts_work_and_the_closing_step_ends_it() {
    let mut item = doc(Rule::Shred);
    item.status = Status::Waiting;
    apply(&mut item, receive(), t(0)).unwrap();
    assert_eq!((item.status, item.updated), (Status::InProgress, t(0)));
    apply(&mut item, lend(), t(1)).unwrap();
    apply(&mut item, back(), t(2)).unwrap();
    assert_eq!(item.status, Status::InProgress);
    apply(&mut item, shred(), t(3)).unwrap();
    assert_eq!((item.status, item.updated), (Status::Done, t(3)));
    let last = item.custody.last().unwrap();
    assert_eq!((last.at, last.witness.as_deref()), (t(3), Some("副组长")));
}

#[test]
fn holder_stage_and_the_offered_steps_follow_the_log() {
    let mut item = doc(Rule::Archive);
    let choose = Some(Next::Choose {
        rule: Action::Archive,
        others: [Action::Return, Action::Shred],
    });
    assert_eq!(next(&item), Some(Next::Only(Action::Receive)));
    apply(&mut item, receive(), t(0)).unwrap();
    assert_eq!(
        next(&item),
        choose,
        "in hand: lend, archive, or another way"
    );
    apply(&mut item, lend(), t(1)).unwrap();
    assert_eq!(holder(&item), Some("组员甲"));
    assert_eq!(next(&item), Some(Next::Only(Action::Back)));
    apply(&mut item, back(), t(2)).unwrap();
    // The taking back names the borrower when no one else is given.
    assert_eq!(item.custody[2].person.as_deref(), Some("组员甲"));
    assert_eq!(next(&item), choose, "back: lend again is offered");
    apply(&mut item, lend(), t(3)).unwrap();
    apply(&mut item, back(), t(4)).unwrap();
    apply(&mut item, archive(), t(5)).unwrap();
    assert_eq!(stage(&item), Stage::Closed(Action::Archive));
    assert_eq!(next(&item), None);
    assert_eq!(next(&Item::new(Kind::Meeting, "动员会", t(0))), None);
    let shreds = doc(Rule::Shred);
    let mut shreds = shreds;
    apply(&mut shreds, receive(), t(0)).unwrap();
    assert_eq!(
        next(&shreds),
        Some(Next::Choose {
            rule: Action::Shred,
            others: [Action::Return, Action::Archive]
        })
    );
}

#[test]
fn every_step_records_its_people_and_a_loan_its_due_time() {
    let mut item = doc(Rule::Shred);
    apply(&mut item, receive().by("联络员小王"), t(0)).unwrap();
    apply(&mut item, lend().by("联络员小王"), t(1)).unwrap();
    apply(&mut item, back().person("组员乙"), t(2)).unwrap();
    apply(&mut item, shred().by("联络员小王"), t(3)).unwrap();
    let log = &item.custody;
    assert_eq!(log[0].person.as_deref(), Some("财务部经办人"));
    assert_eq!(log[0].by.as_deref(), Some("联络员小王"));
    assert_eq!(log[1].until, Some(t(24 * 60)));
    assert_eq!(
        loan(&after(Rule::Return, &[receive(), lend()])).map(|l| l.until),
        Some(Some(t(24 * 60)))
    );
    assert_eq!(
        log[2].person.as_deref(),
        Some("组员乙"),
        "who brought it back, when given"
    );
    assert_eq!(log[3].approved_by.as_deref(), Some("组长"));
    assert_eq!(log[3].witness.as_deref(), Some("副组长"));
    assert!(verify_item(&item).is_empty());
    // The new details are sealed: editing one shows.
    let mut edited = item.clone();
    edited.custody[3].approved_by = Some("别人".into());
    assert_eq!(verify_item(&edited)[0].fault, Fault::Altered);
    let mut edited = item.clone();
    edited.custody[1].until = Some(t(48 * 60));
    assert_eq!(verify_item(&edited)[0].fault, Fault::Altered);
}

#[test]
fn a_log_written_before_people_were_asked_for_still_verifies() {
    // Hashed as it was: no `by`, `approved_by` or `until`, a shred with a
    // witness only.
    let mut item = doc(Rule::Shred);
    apply(&mut item, receive(), t(0)).unwrap();
    let mut old = Step::new(Action::Shred).witness("副组长");
    old.approved_by = None;
    let prev = item.custody_head.clone();
    let mut e = crate::model::CustodyEvent {
        at: t(1),
        action: Action::Shred,
        person: None,
        by: None,
        witness: old.witness,
        approved_by: None,
        location: None,
        until: None,
        note: None,
        reason: None,
        void: None,
        conflict: None,
        prev,
        hash: String::new(),
    };
    e.hash = event_hash("D1", &e);
    item.custody_head = e.hash.clone();
    item.custody.push(e);
    assert!(verify_item(&item).is_empty(), "{:?}", verify_item(&item));
}

#[test]
fn texts_are_trimmed_and_the_override_reason_is_recorded() {
    let mut item = after(Rule::Return, &[receive()]);
    let step = Step::new(Action::Shred)
        .approved_by("组长")
        .witness("  副组长 ")
        .reason(" 提供单位书面同意销毁 ")
        .note("");
    apply(&mut item, step, t(5)).unwrap();
    let e = item.custody.last().unwrap();
    assert_eq!(e.witness.as_deref(), Some("副组长"));
    assert_eq!(e.reason.as_deref(), Some("提供单位书面同意销毁"));
    assert_eq!(e.note, None);
}

#[test]
fn a_document_is_done_only_through_its_custody() {
    let mut s = State::default();
    let id = s.add(doc(Rule::Return)).unwrap();
    let err = s.mark_done(&id, t(0)).unwrap_err();
    let closing = Refusal::DoneThroughCustody {
        closing: Action::Return,
    };
    assert_eq!(
        err,
        ModelError::Custody(CustodyError {
            id: id.clone(),
            refusal: closing
        })
    );
    s.custody(&id, receive(), t(1)).unwrap();
    assert!(s.mark_done(&id, t(2)).is_err());
    s.custody(&id, ret(), t(3)).unwrap();
    assert_eq!(s.get(&id).unwrap().status, Status::Done);
    assert!(s.mark_done(&id, t(4)).is_ok());
    let logistics = s.add(Item::new(Kind::Logistics, "订房", t(0))).unwrap();
    assert!(s.mark_done(&logistics, t(0)).is_ok());
}

fn any_step() -> impl Strategy<Value = Step> {
    let text = || {
        prop::option::of(prop::sample::select(vec![
            "组员甲",
            "副组长",
            " ",
            "档案柜",
        ]))
    };
    (
        0..Action::ALL.len(),
        text(),
        text(),
        text(),
        prop::option::weighted(0.2, Just("理由")),
    )
        .prop_map(|(a, person, witness, location, reason)| Step {
            action: Action::ALL[a],
            person: person.map(str::to_string),
            by: None,
            witness: witness.map(str::to_string),
            approved_by: witness.map(|_| "组长".to_string()),
            location: location.map(str::to_string),
            until: None,
            note: None,
            reason: reason.map(str::to_string),
        })
}

proptest! {
    #[test]
    fn no_sequence_of_commands_reaches_an_invalid_state(
        rule in prop::sample::select(Rule::ALL.to_vec()),
        steps in prop::collection::vec(any_step(), 0..24),
    ) {
        let mut item = doc(rule);
        for (i, step) in steps.into_iter().enumerate() {
            let before = item.clone();
            if apply(&mut item, step, t(i as i64)).is_err() {
                prop_assert_eq!(&item, &before);
            }
            let log = &item.custody;
            prop_assert!(verify_item(&item).is_empty());
            prop_assert!(log.first().is_none_or(|e| e.action == Action::Receive));
            prop_assert!(log.iter().skip(1).all(|e| e.action != Action::Receive));
            // Nothing after a closing step.
            let closing = log.iter().position(|e| e.action.is_closing());
            prop_assert!(closing.is_none_or(|c| c == log.len() - 1));
            prop_assert_eq!(item.status == Status::Done, closing.is_some());
            // Lend and back alternate after the receipt.
            for pair in log.windows(2) {
                if pair[1].action == Action::Back {
                    prop_assert_eq!(pair[0].action, Action::Lend);
                }
                if pair[0].action == Action::Lend {
                    prop_assert!(pair[1].action == Action::Back);
                }
            }
            for e in log {
                match e.action {
                    Action::Lend => prop_assert!(e.person.as_deref().is_some_and(|p| !p.trim().is_empty())),
                    Action::Shred => prop_assert!(e.witness.is_some() && e.approved_by.is_some()),
                    Action::Archive => prop_assert!(e.location.is_some()),
                    _ => {}
                }
                prop_assert!(e.reason.is_none() || (e.action.is_closing() && e.action != closing_step(Some(rule))));
            }
            let lent = log.last().filter(|e| e.action == Action::Lend).and_then(|e| e.person.as_deref());
            prop_assert_eq!(holder(&item), lent);
        }
    }
}

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
    Step::new(Action::Lend).person("组员甲")
}
pub(super) fn back() -> Step {
    Step::new(Action::Back)
}
pub(super) fn ret() -> Step {
    Step::new(Action::Return)
}
pub(super) fn shred() -> Step {
    Step::new(Action::Shred).witness("副组长")
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
        ("shred without a witness", Rule::Shred, held.clone(), Step::new(A::Shred), Err(NoWitness)),
        ("shred with a blank witness", Rule::Shred, held.clone(), Step::new(A::Shred).witness(" "), Err(NoWitness)),
        ("archive without a location", Rule::Archive, held.clone(), Step::new(A::Archive), Err(NoLocation)),
        ("shred against the rule", Rule::Return, held.clone(), shred(), Err(AgainstRule { rule: Rule::Return, action: A::Shred })),
        ("archive against the rule", Rule::Shred, held.clone(), archive(), Err(AgainstRule { rule: Rule::Shred, action: A::Archive })),
        ("return against the rule", Rule::Archive, held.clone(), ret(), Err(AgainstRule { rule: Rule::Archive, action: A::Return })),
        ("override reason on the rule's own step", Rule::Return, held.clone(), ret().reason("无"), Err(NothingToOverride)),
        ("override reason on a loan", Rule::Return, held.clone(), lend().reason("无"), Err(NothingToOverride)),
        ("shred against the rule with a reason but no witness", Rule::Return, held.clone(), Step::new(A::Shred).reason("同意"), Err(NoWitness)),
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
fn holder_stage_and_next_step_follow_the_log() {
    let mut item = doc(Rule::Archive);
    let mut seen = Vec::new();
    while let Some(next) = next_step(&item) {
        seen.push((next, holder(&item).map(str::to_string)));
        let step = match next {
            Action::Lend => lend(),
            Action::Archive => archive(),
            a => Step::new(a),
        };
        apply(&mut item, step, t(seen.len() as i64)).unwrap();
    }
    let lent = Some("组员甲".to_string());
    assert_eq!(
        seen,
        [
            (Action::Receive, None),
            (Action::Lend, None),
            (Action::Back, lent),
            (Action::Archive, None)
        ]
    );
    assert_eq!(stage(&item), Stage::Closed(Action::Archive));
    // The taking back names the borrower when no one else is given.
    assert_eq!(item.custody[2].person.as_deref(), Some("组员甲"));
    assert_eq!(next_step(&Item::new(Kind::Meeting, "动员会", t(0))), None);
}

#[test]
fn texts_are_trimmed_and_the_override_reason_is_recorded() {
    let mut item = after(Rule::Return, &[receive()]);
    let step = Step::new(Action::Shred)
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
            witness: witness.map(str::to_string),
            location: location.map(str::to_string),
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
                    Action::Shred => prop_assert!(e.witness.is_some()),
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

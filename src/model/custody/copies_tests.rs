//! Copies and extracts block their source's closing; clearance lists what is out.

use chrono::Duration;

use super::tests::{back, lend, receive, shred, t};
use super::*;
use crate::model::{Class, CopyKind, Item, Kind, Rule, State, Status};

fn secret_document(s: &mut State) -> String {
    let mut item = Item::new(Kind::Document, "信访举报件复印件", t(-60));
    item.rule = Some(Rule::Shred);
    item.class = Some(Class::Confidential);
    item.from = Some("纪委办公室".into());
    s.add(item).unwrap()
}

#[test]
fn a_copy_inherits_its_source_and_starts_in_hand() {
    let mut s = State::default();
    let d = secret_document(&mut s);
    let early = s.add_copy(&d, "摘抄", CopyKind::Extract, None, t(0));
    assert!(
        matches!(
            early,
            Err(ModelError::Custody(CustodyError {
                refusal: Refusal::NotInHand,
                ..
            }))
        ),
        "a document not yet received cannot be copied: {early:?}"
    );
    s.custody(&d, receive(), t(1)).unwrap();
    let c = s
        .add_copy(
            &d,
            "信访件摘抄",
            CopyKind::Extract,
            Some("联络员小王".into()),
            t(2),
        )
        .unwrap();
    let copy = s.get(&c).unwrap();
    assert_eq!(copy.parent.as_deref(), Some(d.as_str()));
    assert_eq!(copy.copy_kind, Some(CopyKind::Extract));
    assert_eq!(
        (copy.class, copy.rule),
        (Some(Class::Confidential), Some(Rule::Shred))
    );
    assert_eq!(copy.from.as_deref(), Some("纪委办公室"));
    assert_eq!(stage(copy), Stage::Held);
    assert_eq!(copy.custody[0].by.as_deref(), Some("联络员小王"));
    assert_eq!(
        copies_of(&s, &d).map(|i| i.id.as_str()).collect::<Vec<_>>(),
        [c.as_str()]
    );
}

#[test]
fn a_source_cannot_close_while_a_copy_is_open_and_the_refusal_names_it() {
    let mut s = State::default();
    let d = secret_document(&mut s);
    s.custody(&d, receive(), t(0)).unwrap();
    let c = s
        .add_copy(&d, "复印件", CopyKind::Copy, None, t(1))
        .unwrap();
    let before = s.clone();
    let err = s.custody(&d, shred(), t(2)).unwrap_err();
    assert_eq!(
        err,
        ModelError::Custody(CustodyError {
            id: d.clone(),
            refusal: Refusal::OpenCopies {
                open: vec![c.clone()]
            }
        })
    );
    assert_eq!(s, before, "a refused step changes nothing");
    // Steps that do not close it are still fine; so is closing the copy first.
    s.custody(&d, lend(), t(3)).unwrap();
    s.custody(&d, back(), t(4)).unwrap();
    s.custody(&c, shred(), t(5)).unwrap();
    s.custody(&d, shred(), t(6)).unwrap();
    assert!(is_closed(s.get(&d).unwrap()));
}

#[test]
fn clearance_lists_exactly_what_is_open_at_each_clock() {
    let mut s = State::default();
    let day = Duration::hours(24);
    let requested = s
        .add(Item::new(Kind::Document, "会议记录", t(-60)))
        .unwrap();
    let d = secret_document(&mut s);
    let returned = s.add(Item::new(Kind::Document, "通讯录", t(-60))).unwrap();
    s.custody(&d, receive(), t(0)).unwrap();
    s.custody(&returned, receive(), t(0)).unwrap();
    s.custody(&returned, Step::new(StepKind::Return), t(1))
        .unwrap();
    let ids = |s: &State, at| {
        clearance(s, at, day)
            .iter()
            .map(|o| (o.item.id.clone(), o.holder.map(str::to_string), o.overdue))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&s, t(2)),
        [(d.clone(), None, false), (requested.clone(), None, false)],
        "with the liaison, then never received; the returned one is gone"
    );
    s.custody(
        &d,
        Step::new(StepKind::Lend).person("赵六").until(t(120)),
        t(3),
    )
    .unwrap();
    let c = s
        .add_copy(&d, "摘抄", CopyKind::Extract, None, t(4))
        .unwrap();
    let open = clearance(&s, t(60), day);
    assert_eq!(open[0].until, Some(t(120)));
    assert_eq!(
        ids(&s, t(60)),
        [
            (d.clone(), Some("赵六".into()), false),
            (c.clone(), None, false),
            (requested.clone(), None, false)
        ]
    );
    assert_eq!(open[1].kind, OpenKind::Copy);
    assert!(ids(&s, t(121))[0].2, "overdue after its due time");
    s.custody(&d, back(), t(130)).unwrap();
    s.custody(&c, shred(), t(131)).unwrap();
    s.custody(&d, shred(), t(132)).unwrap();
    let mut cancelled = s.get(&requested).unwrap().clone();
    cancelled.status = Status::Cancelled;
    s.replace(cancelled, t(133)).unwrap();
    assert_eq!(ids(&s, t(140)), [], "everything cleared");
}

#[test]
fn copies_are_listed_under_their_source() {
    let mut s = State::default();
    let d = secret_document(&mut s);
    let other = s.add(Item::new(Kind::Document, "通讯录", t(-30))).unwrap();
    s.custody(&d, receive(), t(0)).unwrap();
    let c1 = s
        .add_copy(&d, "复印件", CopyKind::Copy, None, t(1))
        .unwrap();
    let c2 = s
        .add_copy(&c1, "复印件的摘抄", CopyKind::Extract, None, t(2))
        .unwrap();
    let ix = |id: &str| s.position(id).unwrap();
    // As a pane sorts them: the copies last, the other document between.
    let mut rows = vec![ix(&d), ix(&other), ix(&c1), ix(&c2)];
    nest_copies(&s.items, &mut rows);
    assert_eq!(rows, [ix(&d), ix(&c1), ix(&c2), ix(&other)]);
    // A copy whose source is not listed stays where it was.
    let mut rows = vec![ix(&other), ix(&c1)];
    nest_copies(&s.items, &mut rows);
    assert_eq!(rows, [ix(&other), ix(&c1)]);
}

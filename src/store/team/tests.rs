//! Replicas in temp dirs exchanging operations through `own_ops_after`
//! and `take_in`, in every order: they converge, nothing is lost, and a
//! custody step that no longer fits is marked, not applied or dropped.

use super::super::{Store, encode};
use super::{ChainFault, TeamError, fold};
use crate::model::custody::{Step, StepKind};
use crate::model::testing::now;
use crate::model::{Item, Kind, Rule, State, Time};

pub(super) use crate::model::testing::at;

pub(super) struct Replica {
    _dir: tempfile::TempDir,
    pub store: Store,
}

impl Replica {
    pub fn new(block: u32, founder: bool) -> Replica {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("data")).unwrap();
        store.join_team(block, founder).unwrap();
        Replica { _dir: dir, store }
    }

    pub fn change(&self, when: Time, f: impl FnOnce(&mut State)) {
        let mut snap = self.store.load().unwrap();
        self.store
            .transact(&mut snap, when, |s| {
                f(s);
                Ok::<_, ()>(())
            })
            .unwrap();
    }

    pub fn add(&self, when: Time, kind: Kind, title: &str) -> String {
        let mut id = String::new();
        self.change(when, |s| id = s.add(Item::new(kind, title, when)).unwrap());
        id
    }

    pub fn state(&self) -> State {
        self.store.load().unwrap().state
    }

    /// What `list --json` is made of: the state as written.
    pub fn bytes(&self) -> Vec<u8> {
        encode(&self.state())
    }
}

/// Gives `to` everything `from` made.
pub(super) fn send(from: &Replica, to: &Replica) -> super::Arrivals {
    let ops = from.store.own_ops_after(0).unwrap();
    to.store.take_in(ops, now()).unwrap()
}

fn doc(r: &Replica, when: Time, rule: Rule) -> String {
    let mut id = String::new();
    r.change(when, |s| {
        let mut d = Item::new(Kind::Document, "近三年财务收支明细账", when);
        d.rule = Some(rule);
        id = s.add(d).unwrap();
        s.custody(&id, Step::new(StepKind::Receive), when).unwrap();
    });
    id
}

#[test]
fn ids_come_from_each_replicas_block() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    assert_eq!(a.add(at(1), Kind::Document, "甲"), "D1");
    assert_eq!(b.add(at(1), Kind::Document, "乙"), "D1001");
    send(&a, &b);
    send(&b, &a);
    assert_eq!(a.add(at(2), Kind::Document, "丙"), "D2");
    assert_eq!(b.add(at(3), Kind::Document, "丁"), "D1002");
    assert_eq!(b.add(at(3), Kind::Meeting, "会"), "M1001");
}

#[test]
fn an_id_deleted_here_or_elsewhere_is_never_handed_out_again() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    assert_eq!(b.add(at(1), Kind::Logistics, "一"), "L1001");
    b.change(at(2), |s| {
        s.remove("L1001").unwrap();
    });
    assert_eq!(b.add(at(3), Kind::Logistics, "二"), "L1002");
    send(&b, &a);
    a.change(at(4), |s| {
        s.remove("L1002").unwrap();
    });
    send(&a, &b);
    assert!(b.state().items.is_empty());
    assert_eq!(b.add(at(5), Kind::Logistics, "三"), "L1003");
}

#[test]
fn a_data_dir_with_items_cannot_join_as_a_member() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, now(), |s| {
            s.add(Item::new(Kind::Logistics, "订车", now()))
        })
        .unwrap();
    let err = store.join_team(1, false).unwrap_err();
    assert!(
        matches!(
            err,
            super::super::StoreError::Team(TeamError::NotEmpty { items: 1 })
        ),
        "{err:?}"
    );
    assert!(!store.in_team());
}

#[test]
fn a_founders_items_reach_a_new_member_through_its_base() {
    let a = Replica::new(0, true);
    a.add(at(1), Kind::Logistics, "订车");
    let b = Replica::new(1, false);
    send(&a, &b);
    assert_eq!(a.bytes(), b.bytes());
    assert_eq!(b.state().items[0].title, "订车");
}

#[test]
fn the_later_edit_of_a_field_wins_whatever_order_they_arrive_in() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    let id = a.add(at(1), Kind::Logistics, "订车");
    send(&a, &b);
    b.change(at(3), |s| s.items[0].title = "订车：周四8:30".into());
    a.change(at(2), |s| s.items[0].title = "订车：周三".into());
    let c = Replica::new(2, false);
    send(&b, &c);
    send(&a, &c);
    send(&a, &b);
    send(&b, &a);
    for r in [&a, &b, &c] {
        assert_eq!(r.state().get(&id).unwrap().title, "订车：周四8:30");
    }
    assert_eq!(a.bytes(), b.bytes());
    assert_eq!(b.bytes(), c.bytes());
}

#[test]
fn notes_made_on_two_replicas_are_all_kept() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    let id = a.add(at(1), Kind::Document, "账册");
    send(&a, &b);
    a.change(at(2), |s| {
        s.add_note(Some(&id), "联络员：已登记", at(2)).unwrap()
    });
    b.change(at(2), |s| {
        s.add_note(Some(&id), "副组长：需重点核查", at(2)).unwrap()
    });
    send(&a, &b);
    send(&b, &a);
    let notes: Vec<String> = a
        .state()
        .get(&id)
        .unwrap()
        .notes
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(a.bytes(), b.bytes());
}

/// Two replicas holding one document: A shreds it, then B, not yet told,
/// lends it out.
fn shred_here_lend_there() -> (Replica, Replica, String) {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    let id = doc(&a, at(1), Rule::Shred);
    send(&a, &b);
    a.change(at(2), |s| {
        let step = Step::new(StepKind::Shred)
            .witness("李四")
            .approved_by("组长");
        s.custody(&id, step, at(2)).unwrap();
    });
    b.change(at(3), |s| {
        s.custody(&id, Step::new(StepKind::Lend).person("赵六"), at(3))
            .unwrap();
    });
    (a, b, id)
}

#[test]
fn a_loan_after_a_shred_elsewhere_is_kept_as_a_conflict() {
    let (a, b, id) = shred_here_lend_there();
    let got = send(&b, &a);
    assert_eq!(got.conflicts, vec![id.clone()]);
    send(&a, &b);
    assert_eq!(a.bytes(), b.bytes());
    let d = a.state().get(&id).unwrap().clone();
    assert_eq!(
        crate::model::custody::stage(&d),
        crate::model::custody::Stage::Closed(StepKind::Shred)
    );
    let open = crate::model::conflict::open(&d);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].person.as_deref(), Some("赵六"));
    let c = open[0].conflict.as_ref().unwrap();
    assert_eq!(c.replica, b.store.replica_id().unwrap());
    assert!(c.why.contains("closed"), "{}", c.why);
    assert!(
        crate::model::custody::verify_item(&d).is_empty(),
        "the log still verifies"
    );
    let json = String::from_utf8(a.bytes()).unwrap();
    assert!(json.contains("\"conflict\""));
}

#[test]
fn voiding_the_conflicting_step_resolves_it_on_every_replica() {
    let (a, b, id) = shred_here_lend_there();
    send(&b, &a);
    a.change(at(4), |s| {
        let i = s.position(&id).unwrap();
        let hash = crate::model::conflict::open(&s.items[i])[0].hash.clone();
        assert!(crate::model::custody::void(
            &mut s.items[i],
            &hash,
            at(4),
            "联络员"
        ));
    });
    assert!(crate::model::conflict::all(&a.state()).is_empty());
    send(&a, &b);
    assert!(crate::model::conflict::all(&b.state()).is_empty());
    assert_eq!(a.bytes(), b.bytes());
}

#[test]
fn an_undo_reverts_only_where_its_value_still_holds() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    let id = a.add(at(1), Kind::Logistics, "订车");
    send(&a, &b);
    // A retitles and undoes it; B retitles in between in the order.
    let mut snap = a.store.load().unwrap();
    let (_, ops) = a
        .store
        .transact_ops(&mut snap, at(2), None, |s| {
            s.items[0].title = "甲".into();
            Ok::<_, ()>(())
        })
        .unwrap();
    b.change(at(3), |s| s.items[0].title = "乙".into());
    send(&b, &a);
    let mut snap = a.store.load().unwrap();
    a.store
        .transact_ops(
            &mut snap,
            at(4),
            Some(("undo", Some(ops[0].id.clone()))),
            |s| {
                s.items[0].title = "订车".into();
                Ok::<_, ()>(())
            },
        )
        .unwrap();
    send(&a, &b);
    // A's undo saw 乙 (it was made after taking B's edit in), so it holds.
    assert_eq!(b.state().get(&id).unwrap().title, "订车");
    assert_eq!(a.bytes(), b.bytes());
    // An undo whose old value is gone at its place does nothing.
    let mut s = b.state();
    let mut undo = ops[0].clone();
    undo.change = "undo".into();
    undo.fields.insert(
        "title".into(),
        super::super::op::Field::Set("不是现在的".into(), "旧".into()),
    );
    fold::apply(&mut s, &undo);
    assert_eq!(s.get(&id).unwrap().title, "订车");
}

#[test]
fn taking_in_twice_changes_nothing_and_own_operations_are_refused() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    a.add(at(1), Kind::Logistics, "订车");
    let sent = a.store.own_ops_after(0).unwrap().len();
    assert_eq!(send(&a, &b).ops, sent);
    let before = b.bytes();
    assert_eq!(send(&a, &b).ops, 0);
    assert_eq!(b.bytes(), before);
    b.add(at(2), Kind::Logistics, "订餐");
    let own = b.store.own_ops_after(0).unwrap();
    assert!(!own.is_empty());
    let err = b.store.take_in(own, at(5)).unwrap_err();
    assert!(
        matches!(err, super::super::StoreError::Team(TeamError::OwnOp { .. })),
        "{err:?}"
    );
}

#[test]
fn an_operation_that_does_not_chain_is_refused_naming_replica_and_seq() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    a.add(at(1), Kind::Logistics, "订车");
    let mut ops = a.store.own_ops_after(0).unwrap();
    let last = ops.len() - 1;
    ops[last].fields.clear();
    let seq = ops[last].seq;
    let err = b.store.take_in(ops, at(5)).unwrap_err();
    match err {
        super::super::StoreError::Team(TeamError::Chain {
            replica,
            seq: s,
            what,
        }) => {
            assert_eq!(
                (replica, s, what),
                (a.store.replica_id().unwrap(), seq, ChainFault::Altered)
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(
        b.store.foreign_ops().unwrap().is_empty(),
        "nothing was taken in"
    );
    assert!(b.state().items.is_empty());
}

#[test]
fn operations_arriving_before_the_ones_they_follow_wait_for_them() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    a.add(at(1), Kind::Logistics, "一");
    a.add(at(2), Kind::Logistics, "二");
    let ops = a.store.own_ops_after(0).unwrap();
    let (early, late) = ops.split_at(2);
    b.store.take_in(late.to_vec(), at(5)).unwrap();
    assert!(b.state().items.is_empty());
    let got = b.store.take_in(early.to_vec(), at(5)).unwrap();
    assert_eq!(got.ops, ops.len(), "the waiting ones follow");
    assert_eq!(a.bytes(), b.bytes());
    assert!(
        b.store
            .read_waiting(&a.store.replica_id().unwrap())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn compaction_keeps_every_operation_a_later_merge_needs() {
    let a = Replica::new(0, true);
    a.add(at(1), Kind::Logistics, "一");
    a.store.compact_now(at(2)).unwrap();
    a.add(at(3), Kind::Logistics, "二");
    a.store.compact_now(at(4)).unwrap();
    let b = Replica::new(1, false);
    send(&a, &b);
    assert_eq!(b.state().items.len(), 2);
    assert_eq!(a.bytes(), b.bytes());
    assert!(
        super::files::check_chain(
            &a.store.replica_id().unwrap(),
            &a.store.own_ops_after(0).unwrap()
        )
        .is_ok()
    );
}

#[test]
fn local_changes_are_stamped_after_everything_taken_in() {
    let a = Replica::new(0, true);
    let b = Replica::new(1, false);
    // B's clock runs an hour ahead.
    b.add(at(60), Kind::Logistics, "乙");
    send(&b, &a);
    a.add(at(1), Kind::Logistics, "甲");
    let theirs = super::hlc::latest(&b.store.own_ops_after(0).unwrap());
    let mine = a.store.own_ops_after(0).unwrap();
    assert!(mine.last().unwrap().hlc > theirs);
}

#[test]
fn a_named_change_in_a_team_takes_its_new_ids_from_the_replicas_block() {
    let b = Replica::new(1, false);
    let l = b.add(at(1), Kind::Logistics, "订车");
    let mut snap = b.store.load().unwrap();
    let (id, _) = b
        .store
        .transact_named(&mut snap, at(2), &[l.as_str()], |s| {
            s.add_note(Some(&l), "车队回复：周四两辆车", at(2))?;
            s.add(Item::new(Kind::Document, "会议纪要", at(2)))
        })
        .unwrap();
    assert_eq!(id, "D1001");
}

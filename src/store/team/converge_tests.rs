//! Three replicas working offline, then syncing through a shared pile of
//! operations (as a repository holds them) in every order, and random
//! operation sets delivered in random orders and batches: all converge on
//! the same state, which is the fold of every operation.

use proptest::prelude::*;

use super::tests::{Replica, at};
use super::{Op, fold};
use crate::model::custody::{self, Stage, Step, StepKind};
use crate::model::{Item, Kind, Rule, State, conflict};

/// The repository: every replica's own operations, as pushed.
#[derive(Default)]
struct Hub(Vec<Op>);

impl Hub {
    /// One `sync` of `r`: push its own operations, take in everyone else's.
    fn sync(&mut self, r: &Replica) {
        self.sync_at(r, at(500));
    }

    /// Two rounds of syncs in `order`; then every replica holds the same
    /// register, byte for byte.
    fn sync_twice(&mut self, team: &[Replica; 3], order: [usize; 3]) {
        for _round in 0..2 {
            for &i in &order {
                self.sync(&team[i]);
            }
        }
        let [a, b, c] = team;
        assert_eq!(a.bytes(), b.bytes(), "order {order:?}");
        assert_eq!(b.bytes(), c.bytes(), "order {order:?}");
    }

    fn sync_at(&mut self, r: &Replica, when: crate::model::Time) {
        let me = r.store.replica_id().unwrap();
        for o in r.store.own_ops_after(0).unwrap() {
            if !self.0.iter().any(|h| h.id == o.id) {
                self.0.push(o);
            }
        }
        let theirs: Vec<Op> = self.0.iter().filter(|o| o.replica != me).cloned().collect();
        r.store.take_in(theirs, when).unwrap();
    }
}

/// A team of three after the founder's start: D1 received (rule shred),
/// L1 to arrange; everyone has them.
fn team() -> (Hub, [Replica; 3]) {
    let a = Replica::new(0, true);
    a.change(at(0), |s| {
        let mut d = Item::new(Kind::Document, "信访举报件复印件", at(0));
        d.rule = Some(Rule::Shred);
        let id = s.add(d).unwrap();
        s.custody(&id, Step::new(StepKind::Receive), at(0)).unwrap();
        s.add(Item::new(Kind::Logistics, "订车", at(0))).unwrap();
    });
    let (b, c) = (Replica::new(1, false), Replica::new(2, false));
    let mut hub = Hub::default();
    for r in [&a, &b, &c, &a] {
        hub.sync_at(r, at(1));
    }
    (hub, [a, b, c])
}

fn offline_day(team: &[Replica; 3]) {
    let [a, b, c] = team;
    // C lends D1 first, A shreds it later, B lends it later still.
    c.change(at(10), |s| {
        s.custody("D1", Step::new(StepKind::Lend).person("王五"), at(10))
            .unwrap();
    });
    a.change(at(20), |s| {
        let step = Step::new(StepKind::Shred)
            .witness("李四")
            .approved_by("组长");
        s.custody("D1", step, at(20)).unwrap();
    });
    b.change(at(30), |s| {
        s.custody("D1", Step::new(StepKind::Lend).person("赵六"), at(30))
            .unwrap();
    });
    // The same field edited on two, notes on the same item on all three.
    a.change(at(11), |s| s.items[1].title = "订车：周三".into());
    b.change(at(12), |s| s.items[1].title = "订车：周四8:30".into());
    for (r, text) in [
        (a, "联络员：已联系"),
        (b, "副组长：需重点核查"),
        (c, "组员：已阅"),
    ] {
        r.change(at(15), |s| s.add_note(Some("D1"), text, at(15)).unwrap());
    }
    a.add(at(16), Kind::Meeting, "听取汇报");
    b.add(at(17), Kind::Meeting, "个别谈话");
    c.add(at(18), Kind::Logistics, "订餐");
}

const ORDERS: [[usize; 3]; 6] = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
];

#[test]
fn three_replicas_converge_in_every_order_with_conflicts_where_the_rules_say() {
    for order in ORDERS {
        let (mut hub, team) = team();
        offline_day(&team);
        hub.sync_twice(&team, order);
        let [a, _, _] = &team;
        let s = a.state();
        let d1 = s.get("D1").unwrap();
        assert_eq!(custody::stage(d1), Stage::Lent("王五"), "order {order:?}");
        let open: Vec<StepKind> = conflict::open(d1).iter().map(|e| e.action).collect();
        assert_eq!(
            open,
            vec![StepKind::Shred, StepKind::Lend],
            "order {order:?}"
        );
        assert_eq!(d1.notes.len(), 3);
        assert_eq!(s.get("L1").unwrap().title, "订车：周四8:30");
        for id in ["M1", "M1001", "L2001"] {
            assert!(s.get(id).is_some(), "{id} lost in order {order:?}");
        }
        assert!(custody::verify(&s).is_empty());
        // The state is the fold of every operation held.
        let all: Vec<&Op> = hub.0.iter().collect();
        let mut folded = fold::fold(&all);
        folded.version = s.version;
        assert_eq!(folded.items, s.items);
    }
}

/// The roster changed on two laptops at once: an add on one, an edit of
/// another member and an add on the other. Every change stays, in every
/// order.
#[test]
fn roster_changes_on_two_laptops_are_all_kept() {
    use crate::model::{Member, Role, roster::MemberEdit};
    for order in ORDERS {
        let (mut hub, team) = team();
        let [a, b, _] = &team;
        a.change(at(5), |s| {
            s.add_member(Member::new("张三", Role::Member)).unwrap()
        });
        for r in [a, b] {
            hub.sync_at(r, at(6));
        }
        a.change(at(10), |s| {
            s.add_member(Member::new("王五", Role::Member)).unwrap()
        });
        b.change(at(11), |s| {
            let edit = MemberEdit {
                role: Some(Role::Deputy),
                ..MemberEdit::default()
            };
            s.edit_member("张三", edit).unwrap();
            s.add_member(Member::new("李四", Role::Leader)).unwrap();
        });
        hub.sync_twice(&team, order);
        let [a, _, _] = &team;
        let s = a.state();
        let roles: Vec<(&str, Role)> = s
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.role))
            .collect();
        for (name, role) in [
            ("张三", Role::Deputy),
            ("王五", Role::Member),
            ("李四", Role::Leader),
        ] {
            assert!(
                roles.contains(&(name, role)),
                "{name} in order {order:?}: {roles:?}"
            );
        }
        assert_eq!(roles.len(), 3, "order {order:?}: {roles:?}");
    }
}

#[derive(Debug, Clone)]
enum Change {
    Retitle(usize, String),
    Note(usize, String),
    Add(Kind, String),
    Lend(String),
    Back,
    Shred,
    Delete,
}

fn change() -> impl Strategy<Value = Change> {
    let text = "[a-z\u{4e00}-\u{4e20}]{1,6}";
    prop_oneof![
        3 => (0..3usize, text).prop_map(|(i, t)| Change::Retitle(i, t)),
        3 => (0..3usize, text).prop_map(|(i, t)| Change::Note(i, t)),
        2 => (prop::sample::select(vec![Kind::Logistics, Kind::Meeting]), text)
            .prop_map(|(k, t)| Change::Add(k, t)),
        2 => text.prop_map(Change::Lend),
        1 => Just(Change::Back),
        1 => Just(Change::Shred),
        1 => Just(Change::Delete),
    ]
}

/// Makes `c` on `s` where it can (a refusal changes nothing).
fn make(s: &mut State, c: &Change, when: crate::model::Time) {
    let pick = |s: &State, i: usize| s.items.get(i % s.items.len().max(1)).map(|x| x.id.clone());
    match c {
        Change::Retitle(i, t) => {
            if let Some(id) = pick(s, *i) {
                let at = s.position(&id).unwrap();
                s.items[at].title = t.clone();
            }
        }
        Change::Note(i, t) => {
            if let Some(id) = pick(s, *i) {
                let _ = s.add_note(Some(&id), t, when);
            }
        }
        Change::Add(k, t) => {
            let _ = s.add(Item::new(*k, t.clone(), when));
        }
        Change::Lend(p) => {
            let _ = s.custody("D1", Step::new(StepKind::Lend).person(p.clone()), when);
        }
        Change::Back => {
            let _ = s.custody("D1", Step::new(StepKind::Back), when);
        }
        Change::Shred => {
            let step = Step::new(StepKind::Shred)
                .witness("李四")
                .approved_by("组长");
            let _ = s.custody("D1", step, when);
        }
        Change::Delete => {
            if let Some(last) = s.items.last().map(|i| i.id.clone())
                && last != "D1"
            {
                let _ = s.remove(&last);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_operations_in_random_orders_and_batches_converge(
        work in prop::collection::vec((0..3usize, 0..40i64, change()), 1..14),
        syncs in prop::collection::vec(0..3usize, 0..6),
        seed in any::<u64>(),
        batch in 1..5usize,
    ) {
        let (mut hub, team) = team();
        // Offline work, with some syncs in between.
        for (n, (who, min, c)) in work.iter().enumerate() {
            team[*who].change(at(10 + min), |s| make(s, c, at(10 + min)));
            if let Some(&r) = syncs.get(n) {
                hub.sync_at(&team[r], at(10 + min));
            }
        }
        for r in &team {
            for o in r.store.own_ops_after(0).unwrap() {
                if !hub.0.iter().any(|h| h.id == o.id) {
                    hub.0.push(o);
                }
            }
        }
        // Everything to everyone, shuffled, in batches.
        let mut rng = seed;
        for r in &team {
            let me = r.store.replica_id().unwrap();
            let mut theirs: Vec<Op> = hub.0.iter().filter(|o| o.replica != me).cloned().collect();
            for i in (1..theirs.len()).rev() {
                rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                theirs.swap(i, (rng >> 33) as usize % (i + 1));
            }
            for chunk in theirs.chunks(batch) {
                r.store.take_in(chunk.to_vec(), at(500)).unwrap();
            }
        }
        let [a, b, c] = &team;
        prop_assert_eq!(a.bytes(), b.bytes());
        prop_assert_eq!(b.bytes(), c.bytes());
        let all: Vec<&Op> = hub.0.iter().collect();
        prop_assert_eq!(fold::fold(&all).items, a.state().items);
        prop_assert!(custody::verify(&a.state()).is_empty());
    }
}

//! The invariant of the store: the state is the snapshot plus the
//! operations after it. Whatever sequence of changes is made, the state
//! replayed from disk equals the one changed in memory, and a snapshot
//! taken part way plus the operations after it equals the full replay.

use proptest::prelude::*;

use super::Store;
use crate::model::custody::{Step, StepKind};
use crate::model::{Item, Kind, ModelError, State, Time};

#[derive(Debug, Clone)]
pub(super) enum Change {
    Add(Kind, String),
    Note(usize, String),
    Inbox(String),
    Done(usize),
    Retitle(usize, String),
    Delete(usize),
    Receive(usize),
    Lend(usize, String),
    Compact,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z ]{1,12}",
        "[\u{4e00}-\u{4e80}]{1,8}",
        Just("引号\"与\\反斜杠\n换行".to_string()),
    ]
}

pub(super) fn change() -> impl Strategy<Value = Change> {
    let kind = prop::sample::select(Kind::ALL);
    prop_oneof![
        3 => (kind, text()).prop_map(|(k, t)| Change::Add(k, t)),
        2 => (any::<usize>(), text()).prop_map(|(i, t)| Change::Note(i, t)),
        1 => text().prop_map(Change::Inbox),
        1 => any::<usize>().prop_map(Change::Done),
        2 => (any::<usize>(), text()).prop_map(|(i, t)| Change::Retitle(i, t)),
        1 => any::<usize>().prop_map(Change::Delete),
        1 => any::<usize>().prop_map(Change::Receive),
        1 => (any::<usize>(), text()).prop_map(|(i, t)| Change::Lend(i, t)),
        1 => Just(Change::Compact),
    ]
}

fn at(n: usize) -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").unwrap()
        + chrono::Duration::minutes(n as i64)
}

/// Makes the change in `s`; refusals are fine (they change nothing).
pub(super) fn make(s: &mut State, c: &Change, now: Time) -> Result<(), ModelError> {
    let id =
        |s: &State, i: usize| (!s.items.is_empty()).then(|| s.items[i % s.items.len()].id.clone());
    match c {
        Change::Add(k, t) => s.add(Item::new(*k, t.clone(), now)).map(|_| ()),
        Change::Note(i, t) => match id(s, *i) {
            Some(id) => s.add_note(Some(&id), t, now),
            None => Ok(()),
        },
        Change::Inbox(t) => s.add_note(None, t, now),
        Change::Done(i) => match id(s, *i) {
            Some(id) => s.mark_done(&id, now).map(|_| ()),
            None => Ok(()),
        },
        Change::Retitle(i, t) => match id(s, *i).and_then(|id| s.get(&id).cloned()) {
            Some(mut item) => {
                item.title = t.clone();
                s.replace(item, now).map(|_| ())
            }
            None => Ok(()),
        },
        Change::Delete(i) => match id(s, *i) {
            Some(id) => s.remove(&id).map(|_| ()),
            None => Ok(()),
        },
        Change::Receive(i) => match id(s, *i) {
            Some(id) => s
                .custody(&id, Step::new(StepKind::Receive), now)
                .map(|_| ()),
            None => Ok(()),
        },
        Change::Lend(i, t) => match id(s, *i) {
            Some(id) => s
                .custody(&id, Step::new(StepKind::Lend).person(t.clone()), now)
                .map(|_| ()),
            None => Ok(()),
        },
        Change::Compact => Ok(()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn replay_equals_changes_in_memory(changes in prop::collection::vec(change(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("data")).unwrap();
        let mut snap = store.load().unwrap();
        let mut memory = State::default();
        for (n, c) in changes.iter().enumerate() {
            let now = at(n);
            if let Change::Compact = c {
                // Snapshot part way: snapshot + the operations after it
                // must still give the full state.
                let compacted = store.compact_now(now).unwrap();
                prop_assert_eq!(&compacted.state, &snap.state);
                snap = compacted;
                continue;
            }
            let mut expected = memory.clone();
            let refused = make(&mut expected, c, now).is_err();
            let result = store.transact(&mut snap, now, |s| make(s, c, now));
            prop_assert_eq!(result.is_err(), refused);
            if !refused {
                memory = expected;
            }
            memory.version = snap.state.version;
            prop_assert_eq!(&snap.state, &memory, "in memory after {:?}", c);
        }
        let replayed = Store::open(dir.path().join("data")).unwrap().load().unwrap();
        prop_assert_eq!(&replayed.state, &memory);
        prop_assert_eq!(replayed.head(), snap.head());
        // A full replay from a fresh snapshot agrees too.
        let compacted = store.compact_now(at(999)).unwrap();
        prop_assert_eq!(&compacted.state, &memory);
    }
}

//! The quick path gives what the full path gives, and steps aside
//! whenever it cannot be sure.

use super::*;
use crate::model::{Kind, ModelError, Note};

use crate::model::testing::at;

/// A store of `n` items, compacted, with a backup just taken (so none is due).
fn store(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("d")).unwrap();
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, at(0), |s| {
            for k in 0..n {
                let kind = [Kind::Logistics, Kind::Document][k % 2];
                let mut item = Item::new(kind, format!("第{k}项"), at(0));
                item.notes.push(Note {
                    at: at(0),
                    text: format!("记录{k}"),
                });
                s.add(item)?;
            }
            Ok::<_, ModelError>(())
        })
        .unwrap();
    store.compact_now(at(1)).unwrap();
    store.backup_now(at(1)).unwrap();
    (dir, store)
}

fn add(s: &mut State) -> Result<String, ModelError> {
    s.add(Item::new(Kind::Logistics, "订车", at(2)))
}

#[test]
fn an_add_a_note_and_a_done_are_quick_and_the_same_as_the_full_path() {
    let (_d, quick) = store(40);
    let (_e, full) = store(40);
    let mut snap = full.load().unwrap();
    let mut note = |s: &mut State| s.add_note(Some("l3"), "车队回复：周四两辆车", at(3));
    let mut done = |s: &mut State| s.mark_done("L4", at(4)).map(|_| ());
    for _ in 0..2 {
        let got = quick.transact_few(at(2), &[], &mut add).unwrap();
        let Quick::Done(id) = got else {
            panic!("add not quick: {got:?}")
        };
        assert_eq!(id, full.transact(&mut snap, at(2), add).unwrap());
        assert!(matches!(
            quick.transact_few(at(3), &["l3"], &mut note).unwrap(),
            Quick::Done(())
        ));
        full.transact(&mut snap, at(3), note).unwrap();
        assert!(matches!(
            quick.transact_few(at(4), &["L4"], &mut done).unwrap(),
            Quick::Done(())
        ));
        full.transact(&mut snap, at(4), done).unwrap();
    }
    // An item added by the journal (L22) is found there, not in the snapshot.
    let mut note41 = |s: &mut State| s.add_note(Some("L22"), "补充", at(5));
    assert!(matches!(
        quick.transact_few(at(5), &["L22"], &mut note41).unwrap(),
        Quick::Done(())
    ));
    full.transact(&mut snap, at(5), note41).unwrap();
    let a = quick.load().unwrap().state;
    let b = full.load().unwrap().state;
    assert_eq!(a, b);
    assert_eq!(a.get("L22").unwrap().notes.len(), 1);
    assert_eq!(a.get("L3").unwrap().notes.len(), 3);
    // The journal chain and its anchor hold: a full read verifies them.
    assert_eq!(
        quick.load().unwrap().operations(),
        full.load().unwrap().operations()
    );
}

#[test]
fn a_refused_change_writes_nothing() {
    let (_d, store) = store(4);
    let before = std::fs::read(store.journal_path()).unwrap();
    let mut done = |s: &mut State| s.mark_done("L99", at(4)).map(|_| ());
    assert!(matches!(
        store.transact_few(at(4), &["L1"], &mut done),
        Err(TxError::Refused(_))
    ));
    assert_eq!(std::fs::read(store.journal_path()).unwrap(), before);
}

#[test]
fn it_steps_aside_when_the_snapshot_is_not_the_one_written() {
    let (_d, store) = store(4);
    let sp = store.state_path();
    // Rewritten byte for byte: same size and content, a new change time.
    let bytes = std::fs::read(&sp).unwrap();
    std::fs::write(&sp, &bytes).unwrap();
    assert!(matches!(
        store.transact_few(at(2), &[], &mut add).unwrap(),
        Quick::Declined
    ));
    // Edited: the full path names it.
    let text = String::from_utf8(bytes)
        .unwrap()
        .replacen("第1项", "第9项", 1);
    std::fs::write(&sp, text).unwrap();
    assert!(matches!(
        store.transact_few(at(2), &[], &mut add).unwrap(),
        Quick::Declined
    ));
    let mut snap = Snapshot {
        state: State::default(),
        stamp: Stamp::default(),
        chain: Chain::default(),
        warnings: Vec::new(),
        checked: None,
        before: None,
    };
    assert!(store.transact(&mut snap, at(2), add).is_err());
}

#[test]
fn a_cut_journal_is_an_error_not_a_quick_change() {
    let (_d, store) = store(4);
    let mut snap = store.load().unwrap();
    store.transact(&mut snap, at(2), add).unwrap();
    let jp = store.journal_path();
    let text = std::fs::read_to_string(&jp).unwrap();
    let kept: Vec<&str> = text.lines().collect();
    std::fs::write(&jp, format!("{}\n", kept[..kept.len() - 1].join("\n"))).unwrap();
    let got = store.transact_few(at(3), &[], &mut add);
    assert!(
        matches!(got, Err(TxError::Store(StoreError::Tampered { .. }))),
        "{got:?}"
    );
}

#[test]
fn it_steps_aside_for_an_unknown_item_a_due_backup_or_an_id_in_use() {
    let (_d, store) = store(4);
    let mut note = |s: &mut State| s.add_note(Some("L77"), "x", at(3));
    assert!(matches!(
        store.transact_few(at(3), &["L77"], &mut note).unwrap(),
        Quick::Declined
    ));
    // An hour later a backup is due.
    assert!(matches!(
        store.transact_few(at(70), &[], &mut add).unwrap(),
        Quick::Declined
    ));
    // Counters behind the ids in use (a hand-made state): the full path
    // looks for a free id.
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, at(2), |s| {
            s.counters.logistics = 0;
            Ok::<_, ModelError>(())
        })
        .unwrap();
    assert!(matches!(
        store.transact_few(at(3), &[], &mut add).unwrap(),
        Quick::Declined
    ));
}

#[test]
fn verify_hashes_the_snapshot_even_when_the_lock_vouches_for_it() {
    let (_d, store) = store(4);
    let sp = store.state_path();
    let text = std::fs::read_to_string(&sp)
        .unwrap()
        .replacen("第1项", "第9项", 1);
    std::fs::write(&sp, text).unwrap();
    assert!(
        store.load().is_err(),
        "an edited snapshot is caught by a load"
    );
    // Someone who also rewrites the lock's record gets past an ordinary
    // load (the lock is a plain file), never past `verify`.
    let lp = store.dir().join(super::super::LOCK_FILE);
    let lock = std::fs::read_to_string(&lp).unwrap();
    let meta = std::fs::symlink_metadata(&sp).unwrap();
    let forged: Vec<String> = lock
        .lines()
        .map(|l| match l.starts_with("snapshot ") {
            true => record(&meta, true),
            false => l.to_string(),
        })
        .collect();
    std::fs::write(&lp, forged.join("\n") + "\n").unwrap();
    assert!(store.load().is_ok());
    let err = store.load_verified().unwrap_err();
    assert!(matches!(err, StoreError::Tampered { .. }), "{err:?}");
}

#[test]
fn custody_logs_are_checked_again_only_where_the_journal_changed_them() {
    let (_d, store) = store(4);
    let mut snap = store.load().unwrap();
    assert_eq!(snap.checked, Some(Vec::new()));
    // A log that cannot verify: a custody step on a logistics item.
    store
        .transact(&mut snap, at(2), |s| {
            let i = s.position("L1").unwrap();
            s.items[i].custody.push(crate::model::CustodyEvent {
                at: at(2),
                action: crate::model::custody::StepKind::Receive,
                person: None,
                by: None,
                witness: None,
                approved_by: None,
                location: None,
                until: None,
                note: None,
                reason: None,
                prev: String::new(),
                hash: String::new(),
                void: None,
                conflict: None,
            });
            Ok::<_, ModelError>(())
        })
        .unwrap();
    let snap = store.load().unwrap();
    assert_eq!(snap.checked, Some(vec!["L1".to_string()]));
    assert_eq!(snap.custody_problems().len(), 1);
    // Folded into a snapshot, whose logs then did not verify: all are
    // checked at every load.
    store.compact_now(at(3)).unwrap();
    let snap = store.load().unwrap();
    assert_eq!(snap.checked, None);
    assert_eq!(snap.custody_problems().len(), 1);
}

#[test]
fn a_change_is_found_against_the_state_as_it_was_not_a_stale_copy() {
    let (_d, store) = store(4);
    let mut snap = store.load().unwrap();
    let retitle = |t: &'static str| {
        move |s: &mut State| {
            s.items[0].title = t.into();
            Ok::<_, ModelError>(())
        }
    };
    let (_, ops) = store
        .transact_ops(&mut snap, at(2), None, retitle("甲"))
        .unwrap();
    assert_eq!(ops.len(), 1);
    // Changed in memory without the store (never saved), then a change
    // that does nothing: nothing is written, the unsaved title included.
    snap.state.items[0].title = "乙".into();
    let nothing = |_: &mut State| Ok::<_, ModelError>(());
    let (_, ops) = store.transact_ops(&mut snap, at(3), None, nothing).unwrap();
    assert!(ops.is_empty(), "{ops:?}");
    // The next real change records the old value as it was in memory.
    let (_, ops) = store
        .transact_ops(&mut snap, at(4), None, retitle("丙"))
        .unwrap();
    assert_eq!(
        ops[0].fields["title"],
        Field::Set(Value::from("乙"), Value::from("丙"))
    );
}

#[test]
fn nothing_is_appended_in_plain_text_when_a_passphrase_was_given_for_plain_data() {
    let (_d, mut store) = store(4);
    store.expect_encrypted();
    let before = std::fs::read(store.journal_path()).unwrap();
    assert!(matches!(
        store.transact_few(at(2), &[], &mut add).unwrap(),
        Quick::Declined
    ));
    let mut snap = store.load().unwrap();
    let got = store.transact(&mut snap, at(2), add);
    assert!(
        matches!(got, Err(TxError::Store(StoreError::NotEncrypted { .. }))),
        "{got:?}"
    );
    assert_eq!(std::fs::read(store.journal_path()).unwrap(), before);
}

#[test]
fn done_on_a_recurring_duty_takes_the_full_path_which_knows_its_series() {
    let (_d, store) = store(4);
    let mut snap = store.load().unwrap();
    let id = store
        .transact(&mut snap, at(2), |s| {
            let mut duty = Item::new(Kind::Logistics, "早餐", at(2));
            duty.due = Some(at(60));
            duty.every = Some(crate::model::recur::Every::Day);
            s.add(duty)
        })
        .unwrap();
    let before = store.load().unwrap().state.items.len();
    let mut done = |s: &mut State| s.mark_done(&id, at(3)).map(|_| ());
    assert!(matches!(
        store
            .transact_few(at(3), &[id.as_str()], &mut done)
            .unwrap(),
        Quick::Declined
    ));
    assert_eq!(
        store.load().unwrap().state.items.len(),
        before,
        "nothing written"
    );
    let mut snap = store.load().unwrap();
    store.transact(&mut snap, at(3), done).unwrap();
    assert_eq!(snap.state.items.len(), before + 1, "the next occurrence");
}

//! A journal long enough to be read beside the snapshot's decoding gives
//! what reading it after gave: the same state, and the same refusal of an
//! edited line, named by its line.

use super::*;
use crate::model::testing::at;
use crate::model::{ModelError, Note};
use crate::store::error::Tamper;
use crate::store::lines::tests::store as demo_store;

/// A store of `n` items with a note on each of the first `notes`, left in
/// the journal (compaction held off).
fn with_journal(n: usize, notes: usize) -> (tempfile::TempDir, Store, State) {
    let (dir, mut store) = demo_store(n);
    store.set_compaction_limit(u64::MAX);
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, at(2), |s| {
            for item in s.items.iter_mut().take(notes) {
                item.notes.push(Note {
                    at: at(2),
                    text: "问：情况是否属实？答：已核实。".into(),
                });
            }
            Ok::<_, ModelError>(())
        })
        .unwrap();
    let state = snap.state.clone();
    (dir, store, state)
}

fn journal_len(store: &Store) -> usize {
    std::fs::metadata(store.journal_path()).unwrap().len() as usize
}

#[test]
fn a_long_journal_read_beside_the_decode_gives_the_state_written() {
    let (_dir, store, written) = with_journal(1500, 1500);
    assert!(
        journal_len(&store) >= PARALLEL_JOURNAL as usize,
        "the journal is long"
    );
    assert_eq!(store.load().unwrap().state, written);
    // And a short one, read after the decode, as before.
    let (_dir, store, written) = with_journal(300, 20);
    assert!(journal_len(&store) < PARALLEL_JOURNAL as usize);
    assert_eq!(store.load().unwrap().state, written);
}

#[test]
fn an_edited_line_of_a_long_journal_is_named_by_its_line() {
    let (_dir, store, _) = with_journal(1500, 1500);
    let path = store.journal_path();
    let text = std::fs::read_to_string(&path).unwrap();
    let line = 700;
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[line - 1] = lines[line - 1].replacen("已核实", "未核实", 1);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let err = store.load().unwrap_err();
    assert!(
        matches!(&err, StoreError::Tampered { line: l, what: Tamper::Altered, .. } if *l == line),
        "{err:?}"
    );
}

#[test]
fn a_snapshot_that_does_not_decode_is_named_before_the_journal() {
    let (_dir, store, _) = with_journal(1500, 1500);
    let path = store.journal_path();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("已核实", "未核实", 1)).unwrap();
    std::fs::write(store.state_path(), b"{ not json").unwrap();
    let err = store.load().unwrap_err();
    assert!(
        !matches!(err, StoreError::Tampered { .. }),
        "the snapshot's fault comes first: {err:?}"
    );
}

#[test]
fn every_kind_of_change_in_a_long_journal_read_ahead_gives_the_state_written() {
    use crate::store::prop_tests::{Change, make};
    let (_dir, store, _) = with_journal(1500, 1500);
    let mut snap = store.load().unwrap();
    let changes = [
        Change::Add(crate::model::Kind::Document, "会议纪要".into()),
        Change::Receive(1500),
        Change::Lend(1500, "赵六".into()),
        Change::Retitle(2, "引号\"与\\反斜杠".into()),
        Change::Done(3),
        Change::Delete(4),
        Change::Inbox("车队回复".into()),
        Change::Note(5, "第二次".into()),
        Change::Add(crate::model::Kind::Meeting, "约谈".into()),
        Change::Delete(6),
    ];
    let mut made = 0;
    for (n, c) in changes.iter().enumerate() {
        let now = at(10 + n as i64);
        // A refusal (a step the document's stage does not allow) is fine.
        made += usize::from(store.transact(&mut snap, now, |s| make(s, c, now)).is_ok());
    }
    assert!(made >= 9, "{made} of the changes were made");
    assert!(journal_len(&store) >= PARALLEL_JOURNAL as usize);
    let read = Store::open(store.dir()).unwrap().load().unwrap();
    assert_eq!(read.state, snap.state);
    assert_eq!(read.head(), snap.head());
}

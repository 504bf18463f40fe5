//! The index finds an item's line, and is used only for the snapshot it
//! was made for.

use super::*;
use crate::model::State;
use crate::store::Quick;

use crate::model::testing::at;

/// The demo store of the lines tests, with a backup just taken (so none
/// is due).
fn store(n: usize) -> (tempfile::TempDir, Store) {
    let (dir, store) = crate::store::lines::tests::store(n);
    store.backup_now(at(1)).unwrap();
    (dir, store)
}

fn recorded(store: &Store) -> String {
    let text = std::fs::read_to_string(store.dir().join("lock")).unwrap();
    text.lines()
        .find(|l| l.starts_with("snapshot "))
        .unwrap()
        .to_string()
}

fn json(id: &str) -> String {
    serde_json::to_string(id).unwrap()
}

#[test]
fn each_item_is_found_at_its_line() {
    let (_d, store) = store(60);
    let state = store.load().unwrap().state;
    let ids: Vec<String> = state.items.iter().map(|i| json(&i.id)).collect();
    let found = lines(
        &store.index_path(),
        &store.state_path(),
        &recorded(&store),
        &ids,
    )
    .expect("the index of the snapshot just written");
    for (item, line) in state.items.iter().zip(found) {
        assert_eq!(line, serde_json::to_vec(item).unwrap(), "{}", item.id);
    }
    // An id that is not there.
    let none = lines(
        &store.index_path(),
        &store.state_path(),
        &recorded(&store),
        &[json("L999")],
    );
    assert!(none.is_none());
}

#[test]
fn an_index_for_another_snapshot_or_pointing_elsewhere_is_not_used() {
    let (_d, store) = store(20);
    let (ip, sp) = (store.index_path(), store.state_path());
    let record = recorded(&store);
    let id = [json("L1")];
    assert!(lines(&ip, &sp, &record, &id).is_some());
    // Made for another file.
    assert!(lines(&ip, &sp, &record.replace("snapshot ", "snapshot 1"), &id).is_none());
    // Its offsets moved onto another item's line.
    let text = std::fs::read_to_string(&ip).unwrap();
    let l1 = text.lines().find(|l| l.starts_with("\"L1\"")).unwrap();
    let d2 = text.lines().find(|l| l.starts_with("\"D2\"")).unwrap();
    let moved = text.replace(l1, &format!("\"L1\"\t{}", d2.split_once('\t').unwrap().1));
    fsutil::write_atomic(&ip, moved.as_bytes()).unwrap();
    assert!(lines(&ip, &sp, &record, &id).is_none());
}

#[test]
fn a_note_through_a_wrong_index_still_lands_on_its_item() {
    let (_d, store) = store(20);
    // Every offset off by one line: each read fails its check and the
    // whole file is read instead.
    let text = std::fs::read_to_string(store.index_path()).unwrap();
    // The record and the facts' format, then the rows.
    let (head, rest) = text.split_once(&format!("\n{FACTS_LINE}\n")).unwrap();
    let firsts: Vec<&str> = rest
        .lines()
        .map(|l| l.split_once('\t').unwrap().0)
        .collect();
    let places: Vec<&str> = rest
        .lines()
        .map(|l| l.split_once('\t').unwrap().1)
        .collect();
    let mut shifted = format!("{head}\n{FACTS_LINE}\n");
    for (i, id) in firsts.iter().enumerate() {
        shifted.push_str(&format!("{id}\t{}\n", places[(i + 1) % places.len()]));
    }
    fsutil::write_atomic(&store.index_path(), shifted.as_bytes()).unwrap();
    let mut note = |s: &mut State| s.add_note(Some("l3"), "车队回复：周四两辆车", at(3));
    assert!(matches!(
        store.transact_few(at(3), &["l3"], &mut note).unwrap(),
        Quick::Done(())
    ));
    let state = store.load().unwrap().state;
    let l3 = &state.items[state.position("L3").unwrap()];
    assert_eq!(l3.notes.last().unwrap().text, "车队回复：周四两辆车");
    let d2 = &state.items[state.position("D2").unwrap()];
    assert!(d2.notes.iter().all(|n| n.text != "车队回复：周四两辆车"));
}

#[test]
fn an_encrypted_stores_index_is_sealed_and_not_read_by_the_quick_change() {
    let (_d, mut store) = store(10);
    assert!(store.index_path().exists());
    let pass = crate::store::Passphrase::new("长城长城长城长城");
    store
        .encrypt(&pass, crate::store::KdfParams::TEST_ONLY_CHEAP)
        .unwrap();
    for _ in 0..2 {
        let sealed = std::fs::read(store.index_path()).unwrap();
        assert!(crate::store::envelope::is_envelope(&sealed));
        let plain = store.unseal_owned(sealed, &store.index_path()).unwrap();
        assert!(
            plain.windows(4).any(|w| w == b"\"L1\""),
            "the items indexed"
        );
        let sp = store.state_path();
        let recorded = store.lock().unwrap().snapshot().unwrap();
        assert!(lines(&store.index_path(), &sp, &recorded, &[json("L1")]).is_none());
        store.compact_now(at(5)).unwrap();
    }
}

//! The team's files on disk: sealed with encryption on, and checked by
//! `verify`.

use super::ChainFault;
use super::tests::{Replica, at, send};
use crate::model::Kind;

#[test]
fn with_encryption_on_no_team_file_holds_plain_text_and_it_still_merges() {
    use super::super::{KdfParams, Passphrase};
    let a = Replica::new(0, true);
    a.add(at(1), Kind::Logistics, "订车：周四8:30");
    let mut b = Replica::new(1, false);
    send(&a, &b);
    b.store
        .encrypt(&Passphrase::new("队里的口令"), KdfParams::TEST_ONLY_CHEAP)
        .unwrap();
    a.change(at(2), |s| {
        s.add_note(Some("L1"), "司机：老张", at(2)).unwrap()
    });
    send(&a, &b);
    b.add(at(3), Kind::Logistics, "订餐");
    assert_eq!(b.state().items.len(), 2);
    for entry in std::fs::read_dir(b.store.team_dir()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("订车") && !text.contains("老张") && !text.contains("订餐"));
    }
    assert!(b.store.team_problems().unwrap().is_empty());
    send(&b, &a);
    assert_eq!(a.bytes(), b.bytes());
    b.store.decrypt().unwrap();
    send(&a, &b);
    assert_eq!(a.bytes(), b.bytes());
    assert!(b.store.team_problems().unwrap().is_empty());
}

#[test]
fn verify_names_the_replica_and_operation_of_a_chain_edited_on_disk() {
    let a = Replica::new(0, true);
    a.add(at(1), Kind::Logistics, "订车");
    let b = Replica::new(1, false);
    send(&a, &b);
    assert!(b.store.team_problems().unwrap().is_empty());
    let r = a.store.replica_id().unwrap();
    let path = b.store.team_dir().join(format!("{r}.jsonl"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("订车", "订船", 1)).unwrap();
    let problems = b.store.team_problems().unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].replica, r);
    assert_eq!(problems[0].what, ChainFault::Altered);
    assert!(problems[0].seq > 0);
}

#[test]
fn a_restore_on_one_replica_reaches_the_others_as_operations() {
    let a = Replica::new(0, true);
    a.add(at(1), Kind::Logistics, "订车");
    let kept = a.store.backup_now(at(2)).unwrap().expect("a backup");
    a.change(at(3), |s| s.items[0].title = "改错了".into());
    let b = Replica::new(1, false);
    send(&a, &b);
    assert_eq!(b.state().items[0].title, "改错了");
    a.store.restore(&kept, at(4)).unwrap();
    assert_eq!(a.state().items[0].title, "订车");
    send(&a, &b);
    assert_eq!(b.state().items[0].title, "订车");
    assert_eq!(a.bytes(), b.bytes());
}

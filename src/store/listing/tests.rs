//! A listing holds what a full read holds, as far as `list --json` reads
//! it, and steps aside whenever it cannot be sure.

use proptest::prelude::*;

use super::*;
use crate::model::custody::{self, Step, StepKind};
use crate::model::testing::at;
use crate::model::{Class, Kind, ModelError, Note, Status};
use crate::store::lines::tests::store as demo_store;
use crate::store::prop_tests::{Change, change, make};

/// A store of the demo's kinds of items plus a secret document with
/// notes, compacted.
fn store(n: usize) -> (tempfile::TempDir, Store) {
    let (dir, store) = demo_store(n);
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, at(1), |s| {
            let mut secret = Item::new(Kind::Document, "评标专家名单", at(1));
            secret.class = Some(Class::Secret);
            secret.notes.push(Note {
                at: at(1),
                text: "单独封存".into(),
            });
            let id = s.add(secret)?;
            s.custody(&id, Step::new(StepKind::Receive), at(1))
                .map(|_| ())
        })
        .unwrap();
    store.compact_now(at(2)).unwrap();
    (dir, store)
}

/// The listing agrees with a full read: the same items in the same order,
/// each decoded one equal, each other with its item's line and facts (and
/// none a listing withholds texts from); the same clashes and custody
/// problems.
fn agrees(store: &Store, withholding: bool) -> Listing {
    let listing = store
        .load_listing(withholding)
        .unwrap()
        .expect("a listing is taken");
    let (full, _) = store.load_with_lines().unwrap();
    assert_eq!(listing.items.len(), full.state.items.len());
    let mut by_facts = 0;
    for (at, (got, item)) in listing.items.iter().zip(&full.state.items).enumerate() {
        assert_eq!(got.id(), item.id);
        let line = serde_json::to_vec(item).unwrap();
        match got {
            Listed::Item(got) => {
                assert_eq!(&**got, item, "{}", item.id);
                assert_eq!(listing.lines.get(at), None, "{}", item.id);
            }
            Listed::Facts { facts, .. } => {
                by_facts += 1;
                assert_eq!(facts, &Facts::of(item), "{}", item.id);
                assert!(!(withholding && facts.withheld > 0), "{} withheld", item.id);
                assert_eq!(listing.lines.get(at), Some(&line[..]), "{}", item.id);
            }
        }
    }
    assert!(by_facts > 0, "some items are known by their facts");
    assert_eq!(
        crate::model::meeting::conflicts_of(&listing.items),
        crate::model::meeting::all_conflicts(&full.state)
    );
    assert_eq!(listing.problems, full.custody_problems());
    listing
}

type Edit<'a> = Box<dyn Fn(&mut State) -> Result<(), ModelError> + 'a>;

#[test]
fn a_listing_after_every_kind_of_change_agrees_with_a_full_read() {
    let (_d, store) = store(200);
    let mut snap = store.load().unwrap();
    let find = |s: &State, kind: Kind, k: usize| {
        s.items
            .iter()
            .filter(|i| i.kind == kind)
            .nth(k)
            .unwrap()
            .id
            .clone()
    };
    let changes: Vec<Edit> = vec![
        Box::new(|s| {
            s.add_note(
                Some(&find(s, Kind::Logistics, 3)),
                "车队回复：周四两辆车",
                at(3),
            )
        }),
        Box::new(|s| {
            s.mark_done(&find(s, Kind::Substitute, 2), at(3))
                .map(|_| ())
        }),
        Box::new(|s| {
            let open = |i: &&Item| {
                i.kind == Kind::Document
                    && !i.status.is_closed()
                    && custody::holder(i).is_none()
                    && !i.custody.is_empty()
            };
            let id = s.items.iter().find(open).unwrap().id.clone();
            s.custody(&id, Step::new(StepKind::Lend).person("赵六"), at(3))
                .map(|_| ())
        }),
        Box::new(|s| {
            // Moved onto another meeting's time and place: a new clash.
            let (a, b) = (find(s, Kind::Meeting, 1), find(s, Kind::Meeting, 7));
            let other = s.get(&b).unwrap().clone();
            let mut moved = s.get(&a).unwrap().clone();
            (moved.start, moved.end, moved.place) = (other.start, other.end, other.place);
            moved.status = Status::Open;
            s.replace(moved, at(3)).map(|_| ())
        }),
        Box::new(|s| s.add(Item::new(Kind::Logistics, "订车", at(3))).map(|_| ())),
        Box::new(|s| {
            let id = find(s, Kind::Logistics, 5);
            s.remove(&id).map(|_| ())
        }),
        Box::new(|s| s.add_note(None, "收件箱里的一条", at(3))),
    ];
    for change in &changes {
        store.transact(&mut snap, at(3), change).unwrap();
        agrees(&store, true);
        agrees(&store, false);
    }
    // The secret document is decoded only when its texts are withheld.
    let secret = snap
        .state
        .items
        .iter()
        .position(|i| i.is_sensitive() && !i.notes.is_empty());
    let secret = secret.unwrap();
    assert!(matches!(
        agrees(&store, true).items[secret],
        Listed::Item(_)
    ));
    assert!(matches!(
        agrees(&store, false).items[secret],
        Listed::Facts { .. }
    ));
}

#[test]
fn a_custody_log_the_journal_broke_is_named() {
    let (_d, store) = store(40);
    let mut snap = store.load().unwrap();
    let id = snap
        .state
        .items
        .iter()
        .find(|i| i.custody.len() > 1)
        .unwrap()
        .id
        .clone();
    store
        .transact(&mut snap, at(3), |s| {
            let mut item = s.get(&id).unwrap().clone();
            item.custody.pop();
            s.replace(item, at(3)).map(|_| ())
        })
        .unwrap();
    let listing = agrees(&store, true);
    assert_eq!(listing.problems.len(), 1, "{:?}", listing.problems);
    assert_eq!(listing.problems[0].id, id);
}

#[test]
fn an_encrypted_listing_agrees_and_no_file_holds_plaintext() {
    let (_d, mut store) = store(60);
    let pass = crate::store::Passphrase::new("长城长城长城长城");
    store
        .encrypt(&pass, crate::store::KdfParams::TEST_ONLY_CHEAP)
        .unwrap();
    agrees(&store, true);
    let mut snap = store.load().unwrap();
    let id = snap.state.items[5].id.clone();
    store
        .transact(&mut snap, at(3), |s| {
            s.add_note(Some(&id), "车队回复：周四两辆车", at(3))
        })
        .unwrap();
    agrees(&store, true);
    agrees(&store, false);
    for entry in std::fs::read_dir(store.dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("核对资料") && !text.contains("周四"),
                "{}",
                path.display()
            );
        }
    }
}

/// The listing steps aside after `spoil`, and a full read still works.
fn declines(spoil: impl FnOnce(&Store)) {
    let (_d, store) = store(40);
    assert!(store.load_listing(true).unwrap().is_some());
    spoil(&store);
    assert!(store.load_listing(true).unwrap().is_none());
}

#[test]
fn an_index_or_snapshot_not_as_written_is_not_trusted() {
    // A holder edited in the index, even to the same length.
    declines(|s| {
        let text = std::fs::read_to_string(s.index_path()).unwrap();
        std::fs::write(s.index_path(), text.replacen("组员甲", "组员乙", 1)).unwrap();
    });
    // The same bytes written again: the change time tells.
    declines(|s| {
        let bytes = std::fs::read(s.state_path()).unwrap();
        std::fs::write(s.state_path(), bytes).unwrap();
    });
    declines(|s| std::fs::remove_file(s.index_path()).unwrap());
    // A lock rewritten by a build that keeps no record of the index.
    declines(|s| {
        let text = std::fs::read_to_string(s.dir().join(crate::store::LOCK_FILE)).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("index ")).collect();
        std::fs::write(
            s.dir().join(crate::store::LOCK_FILE),
            kept.join("\n") + "\n",
        )
        .unwrap();
    });
    // A compaction left unfinished.
    declines(|s| std::fs::write(s.dir().join(NEXT_FILE), b"").unwrap());
}

#[test]
fn an_index_in_an_older_format_or_made_for_other_items_is_not_used() {
    let state = crate::cli::demo::synthetic(30, at(0));
    let bytes = crate::store::encode(&state);
    let made = index::make(&bytes, "snapshot 1 2 3 4 5 1", &state);
    assert!(body(&made, "snapshot 1 2 3 4 5 1").is_some());
    assert!(body(&made, "snapshot 1 2 3 4 6 1").is_none());
    // Lines that are not the items one for one: no facts at all.
    let mut fewer = state.clone();
    fewer.items.pop();
    let made = index::make(&bytes, "snapshot 1 2 3 4 5 1", &fewer);
    assert!(body(&made, "snapshot 1 2 3 4 5 1").is_none());
    let lines: Vec<&[u8]> = made
        .split(|&b| b == b'\n')
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 30);
    assert!(lines.iter().all(|l| l.split(|&b| b == b'\t').count() == 3));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn a_listing_after_any_changes_agrees_with_a_full_read(
        changes in prop::collection::vec(change(), 1..30),
        withholding: bool,
    ) {
        let (_d, store) = store(40);
        let mut snap = store.load().unwrap();
        for (n, c) in changes.iter().enumerate() {
            let now = at(10 + n as i64);
            if let Change::Compact = c {
                snap = store.compact_now(now).unwrap();
                continue;
            }
            let _ = store.transact(&mut snap, now, |s| make(s, c, now));
        }
        agrees(&store, withholding);
    }
}

#[test]
fn an_item_deleted_and_added_again_is_left_to_a_full_read() {
    let (_d, store) = store(200);
    let mut snap = store.load().unwrap();
    let gone = snap
        .state
        .items
        .iter()
        .find(|i| i.kind == Kind::Logistics)
        .unwrap()
        .clone();
    store
        .transact(&mut snap, at(3), |s| s.remove(&gone.id).map(|_| ()))
        .unwrap();
    agrees(&store, true);
    store
        .transact(&mut snap, at(3), |s| {
            s.items.push(gone.clone());
            Ok::<_, ModelError>(())
        })
        .unwrap();
    // A full replay puts it behind every row, where its row was is empty:
    // the listing steps aside rather than put it back in its row.
    let (full, _) = store.load_with_lines().unwrap();
    assert_eq!(full.state.items.last().map(|i| &i.id), Some(&gone.id));
    assert!(store.load_listing(true).unwrap().is_none());
}

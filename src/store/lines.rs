//! The snapshot's own bytes of each item, for an output that prints items
//! as they are stored (`list --json`): copying an item's line costs a
//! fraction of serialising the item again (serde_json's string escaping and
//! the times were a third of `list --json` at 10,000 items).
//!
//! Kept only when the copy is sure to be what serialising would write: the
//! snapshot is the file the program itself wrote (`layout` puts each item
//! compact on its own line, as `serde_json::to_writer` writes it), each
//! line begins with its item's id, no operation of the journal touched the
//! item, and a sample of items serialises to exactly its line (which
//! catches a snapshot written by a build that encodes items otherwise).

use super::op::{Field, Op, WHOLE};
use crate::model::State;

/// Every how many items one is serialised and compared with its line.
const SAMPLE_EVERY: usize = 64;

/// The stored line of each item the journal left as the snapshot had it.
#[derive(Debug, Default)]
pub struct ItemLines {
    bytes: Vec<u8>,
    /// By position in the state: where the item's line is in `bytes`.
    spans: Vec<Option<(usize, usize)>>,
    /// Whether `bytes` were decrypted, and so are wiped when dropped.
    decrypted: bool,
}

impl Drop for ItemLines {
    fn drop(&mut self) {
        if self.decrypted {
            zeroize::Zeroize::zeroize(&mut self.bytes);
        }
    }
}

impl ItemLines {
    /// For a process about to end: bytes that were decrypted are wiped as
    /// ever; plain ones are left for the exit to give back, as freeing
    /// 8 MB just before made the allocator hand every page back first.
    pub fn end(self) {
        if !self.decrypted {
            std::mem::forget(self);
        }
    }

    /// The stored bytes of `state.items[at]`, if they are known to be the
    /// item as it is now.
    pub fn get(&self, at: usize) -> Option<&[u8]> {
        let (start, end) = (*self.spans.get(at)?)?;
        Some(&self.bytes[start..end])
    }

    /// The lines of a listing: `spans` by position;
    /// `decrypted`: `bytes` are wiped when dropped.
    pub(super) fn listed(
        bytes: Vec<u8>,
        spans: Vec<Option<(usize, usize)>>,
        decrypted: bool,
    ) -> ItemLines {
        ItemLines {
            bytes,
            spans,
            decrypted,
        }
    }

    /// The lines of the items of `state`, decoded from `bytes` (a snapshot
    /// laid out by `layout`); none when they do not line up one for one.
    pub(super) fn find(bytes: Vec<u8>, state: &State) -> Option<ItemLines> {
        let laid = super::layout::items(&bytes)?;
        if laid.spans.len() != state.items.len() {
            return None;
        }
        let mut spans = Vec::with_capacity(state.items.len());
        let mut id = Vec::with_capacity(32);
        for (item, &(start, len)) in state.items.iter().zip(&laid.spans) {
            id.clear();
            id.extend_from_slice(b"{\"id\":");
            serde_json::to_writer(&mut id, &item.id).ok()?;
            id.push(b',');
            if !bytes[start..start + len].starts_with(&id) {
                return None;
            }
            spans.push(Some((start, start + len)));
        }
        let lines = ItemLines {
            bytes,
            spans,
            decrypted: false,
        };
        let same = |i: usize| {
            serde_json::to_vec(&state.items[i]).is_ok_and(|v| lines.get(i) == Some(&v[..]))
        };
        let n = state.items.len();
        let mut sample: Vec<usize> = (0..n).step_by(SAMPLE_EVERY).collect();
        sample.extend(n.checked_sub(1));
        for kind in crate::model::Kind::ALL {
            sample.extend(state.items.iter().position(|i| i.kind == *kind));
        }
        sample.into_iter().all(same).then_some(lines)
    }

    /// Forgets the lines of the items `ops` changed; `state` is the state
    /// after them. False when the items may have moved (a delete, the whole
    /// list set), so no line can be trusted.
    pub(super) fn forget_changed(&mut self, state: &State, ops: &[Op]) -> bool {
        let mut changed = std::collections::HashSet::new();
        for o in ops.iter().filter(|o| o.change != "snapshot") {
            match &o.item {
                None if o.fields.contains_key("items") => return false,
                None => {}
                Some(_) if matches!(o.fields.get(WHOLE), Some(Field::Set(_, new)) if new.is_null()) =>
                {
                    return false;
                }
                Some(id) => {
                    changed.insert(id.as_str());
                }
            }
        }
        if changed.is_empty() {
            return true;
        }
        for (item, span) in state.items.iter().zip(&mut self.spans) {
            if changed.contains(item.id.as_str()) {
                *span = None;
            }
        }
        true
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Item, Kind, ModelError};
    use crate::store::Store;

    use crate::model::testing::at;

    /// A store holding the demo's kinds of items, compacted.
    pub(crate) fn store(n: usize) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("d")).unwrap();
        let mut snap = store.load().unwrap();
        let demo = crate::cli::demo::synthetic(n, at(0));
        store
            .transact(&mut snap, at(0), |s| {
                *s = demo;
                Ok::<_, ModelError>(())
            })
            .unwrap();
        store.compact_now(at(1)).unwrap();
        (dir, store)
    }

    #[test]
    fn each_items_stored_line_is_what_serialising_it_writes() {
        let (_d, store) = store(200);
        let (snap, lines) = store.load_with_lines().unwrap();
        let lines = lines.expect("a snapshot the program wrote has its lines");
        for (at, item) in snap.state.items.iter().enumerate() {
            assert_eq!(
                lines.get(at),
                Some(&serde_json::to_vec(item).unwrap()[..]),
                "{}",
                item.id
            );
        }
    }

    #[test]
    fn an_item_the_journal_changed_or_added_has_no_stored_line() {
        let (_d, store) = store(40);
        let mut snap = store.load().unwrap();
        let changed = snap.state.items[7].id.clone();
        store
            .transact(&mut snap, at(2), |s| {
                s.add_note(Some(&changed), "车队回复：周四两辆车", at(2))?;
                s.add(Item::new(Kind::Logistics, "订车", at(2))).map(|_| ())
            })
            .unwrap();
        let (snap, lines) = store.load_with_lines().unwrap();
        let lines = lines.unwrap();
        assert_eq!(lines.get(7), None);
        assert_eq!(lines.get(40), None);
        assert_eq!(snap.state.items.len(), 41);
        assert!((0..40).filter(|&i| i != 7).all(|i| lines.get(i).is_some()));
    }

    #[test]
    fn after_a_delete_no_line_is_trusted() {
        let (_d, store) = store(40);
        let mut snap = store.load().unwrap();
        store
            .transact(&mut snap, at(2), |s| {
                let at = s.items.iter().position(|i| i.custody.is_empty()).unwrap();
                s.items.remove(at);
                Ok::<_, ModelError>(())
            })
            .unwrap();
        assert!(store.load_with_lines().unwrap().1.is_none());
    }

    #[test]
    fn a_snapshot_encoded_otherwise_has_no_lines() {
        let state = crate::cli::demo::synthetic(100, at(0));
        let bytes = crate::store::encode(&state);
        assert!(ItemLines::find(bytes.clone(), &state).is_some());
        // As a build that wrote one more field on every item would have.
        let text = String::from_utf8(bytes).unwrap();
        let other = text.replace("\"updated\":", "\"seen\":null,\"updated\":");
        assert!(ItemLines::find(other.into_bytes(), &state).is_none());
        // Lines that do not line up with the items.
        let mut fewer = state.clone();
        fewer.items.pop();
        assert!(ItemLines::find(crate::store::encode(&state), &fewer).is_none());
    }

    #[test]
    fn only_logs_the_journal_could_have_changed_are_checked_again() {
        let (_d, store) = store(40);
        let mut snap = store.load().unwrap();
        let docs: Vec<String> = snap
            .state
            .items
            .iter()
            .filter(|i| i.custody.len() > 1)
            .map(|i| i.id.clone())
            .take(2)
            .collect();
        let (noted, broken) = (docs[0].clone(), docs[1].clone());
        store
            .transact(&mut snap, at(2), |s| {
                s.add_note(Some(&noted), "车队回复：周四两辆车", at(2))?;
                let mut item = s.get(&broken).unwrap().clone();
                item.custody.pop();
                s.replace(item, at(2)).map(|_| ())
            })
            .unwrap();
        let snap = store.load().unwrap();
        assert_eq!(snap.checked, Some(vec![broken.clone()]));
        let problems = snap.custody_problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].id, broken);
        assert_eq!(problems, crate::model::custody::verify(&snap.state));
    }
}

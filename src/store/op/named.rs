//! The operations of a change that named the items it may touch: only
//! those items are copied before it and compared after it, instead of
//! every item twice (the kept copy checked against the state, then each
//! item against its copy: ~3 ms of every saved change at 10,000 items).
//!
//! A named change may change the named items, add items at the end and
//! change the fields around the items; it must not remove or move items
//! nor change others. What it did is found as `diff` finds it, in the same
//! order. A change that went further is caught (and then compared whole
//! against the state on disk) when it moved the list or any item's time of
//! change, status, title length or list lengths, which every change the
//! model makes to an item moves (each sets its time of change); debug builds also check every named change
//! against `diff`.

use serde_json::{Map, Value};

use super::state_fields;
use super::{Draft, Mismatch, diff_maps, item_value, kind_of, set_state_fields};
use crate::model::{Item, State};

/// What most changes to an item move: its time of change, its status,
/// and the lengths of its title and lists.
type Glance = (crate::model::Time, crate::model::Status, [usize; 6]);

fn glance(item: &Item) -> Glance {
    let lens = [
        item.title.len(),
        item.notes.len(),
        item.custody.len(),
        item.checklist.len(),
        item.followups.len(),
        item.attendees.len(),
    ];
    (item.updated, item.status, lens)
}

/// What a named change starts from.
pub struct Named {
    /// The named items that exist, by position, as they were.
    items: Vec<(usize, Item)>,
    /// A named id is on more than one item (a hand-made state): such
    /// items can be told apart only by comparing everything.
    twice: bool,
    /// How many items there were.
    count: usize,
    /// A glance at every item (see `glance`), to catch a change that
    /// touched an item it did not name at a fraction of a comparison.
    glances: Vec<Glance>,
    /// The fields around the items, as they were.
    around: Map<String, Value>,
}

impl Named {
    /// Copies of the items `ids` (matched as `State::position` matches
    /// them) and of the fields around the items.
    pub fn take(state: &mut State, ids: &[&str]) -> Named {
        let mut items: Vec<(usize, Item)> = Vec::new();
        let mut twice = false;
        let ids: Vec<&str> = ids.iter().map(|n| n.trim()).collect();
        let named = |id: &str| {
            ids.iter()
                .any(|n| n.len() == id.len() && id.eq_ignore_ascii_case(n))
        };
        for (at, item) in state.items.iter().enumerate() {
            if named(&item.id) {
                twice |= items.iter().any(|(_, was)| was.id == item.id);
                items.push((at, item.clone()));
            }
        }
        Named {
            items,
            twice,
            count: state.items.len(),
            glances: state.items.iter().map(glance).collect(),
            around: state_fields(state),
        }
    }

    fn is_named(&self, id: &str) -> bool {
        self.items.iter().any(|(_, was)| was.id == id)
    }

    /// Puts `state` back as it was before the change (it was refused).
    pub fn put_back(self, state: &mut State) -> Result<(), Mismatch> {
        state.items.truncate(self.count);
        for (at, item) in self.items {
            state.items[at] = item;
        }
        set_state_fields(state, self.around)
    }

    /// The operations that turn the state as it was into `after`; none if
    /// the change did not keep to what a named change may do (the caller
    /// then compares everything).
    pub fn diff(mut self, after: &mut State) -> Option<Vec<Draft>> {
        if self.twice
            || after.items.len() < self.count
            || self
                .items
                .iter()
                .any(|(at, was)| after.items[*at].id != was.id)
            || after
                .items
                .iter()
                .zip(&self.glances)
                .any(|(item, was)| glance(item) != *was && !self.is_named(&item.id))
        {
            return None;
        }
        let mut out = Vec::new();
        for (at, was) in &mut self.items {
            let item = &mut after.items[*at];
            if was != item {
                let fields = lean_diff(was, item);
                if !fields.is_empty() {
                    out.push(Draft {
                        item: Some(item.id.clone()),
                        change: kind_of(&fields).into(),
                        fields,
                    });
                }
            }
        }
        for item in &after.items[self.count..] {
            out.push(super::added(item));
        }
        let around = diff_maps(&self.around, &state_fields(after));
        if !around.is_empty() {
            out.push(Draft {
                item: None,
                change: super::around_kind(&around).into(),
                fields: around,
            });
        }
        Some(out)
    }
}

/// `diff_maps` of the two items as JSON, without turning into JSON what
/// the lists they share hold: a list the same on both sides is left out
/// of both, and one that only grew is compared as its new tail against
/// nothing, which is what comparing it whole finds (`Push` of the tail).
/// A note added to an item with 1,200 notes no longer serialises them all
/// twice. `now` is given back as it was; `was` is left without its lists.
fn lean_diff(was: &mut Item, now: &mut Item) -> std::collections::BTreeMap<String, super::Field> {
    let notes = set_aside(&mut was.notes, &mut now.notes);
    let followups = set_aside(&mut was.followups, &mut now.followups);
    let custody = set_aside(&mut was.custody, &mut now.custody);
    let class_log = set_aside(&mut was.class_log, &mut now.class_log);
    let attendees = set_aside(&mut was.attendees, &mut now.attendees);
    let checklist = set_aside(&mut was.checklist, &mut now.checklist);
    let fields = diff_maps(&item_value(was), &item_value(now));
    put_back(&mut now.notes, notes);
    put_back(&mut now.followups, followups);
    put_back(&mut now.custody, custody);
    put_back(&mut now.class_log, class_log);
    put_back(&mut now.attendees, attendees);
    put_back(&mut now.checklist, checklist);
    fields
}

/// When `now` begins with all of `was`: empties `was`, leaves in `now`
/// only what was added, and returns what it held before (for `put_back`).
fn set_aside<T: PartialEq>(was: &mut Vec<T>, now: &mut Vec<T>) -> Option<Vec<T>> {
    let n = was.len();
    if n == 0 || now.len() < n || now[..n] != was[..] {
        return None;
    }
    was.clear();
    let added = now.split_off(n);
    Some(std::mem::replace(now, added))
}

fn put_back<T>(now: &mut Vec<T>, before: Option<Vec<T>>) {
    if let Some(mut before) = before {
        before.append(now);
        *now = before;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Item, Kind, ModelError};
    use crate::store::{Store, TxError};

    use crate::model::testing::at;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("d")).unwrap();
        let mut snap = store.load().unwrap();
        let demo = crate::cli::demo::synthetic(40, at(0));
        store
            .transact(&mut snap, at(0), |s| {
                *s = demo;
                Ok::<_, ModelError>(())
            })
            .unwrap();
        store.backup_now(at(1)).unwrap();
        (dir, store)
    }

    #[test]
    fn a_named_change_writes_what_the_full_way_writes() {
        let (_a, named) = store();
        let (_b, full) = store();
        let (mut n, mut f) = (named.load().unwrap(), full.load().unwrap());
        let change = |s: &mut crate::model::State| {
            s.add_note(Some("l5"), "车队回复：周四两辆车", at(2))?;
            s.add_note(None, "收件箱", at(2))?;
            s.add(Item::new(Kind::Document, "会议纪要", at(2)))
        };
        let (id, ops) = named
            .transact_named(&mut n, at(2), &["L5"], change)
            .unwrap();
        let (id2, ops2) = full.transact_ops(&mut f, at(2), None, change).unwrap();
        assert_eq!(id, id2);
        let strip = |ops: Vec<crate::store::Op>| -> Vec<_> {
            ops.into_iter()
                .map(|o| (o.item, o.change, o.fields))
                .collect()
        };
        assert_eq!(strip(ops), strip(ops2));
        assert_eq!(named.load().unwrap().state, n.state);
        assert_eq!(n.state, f.state);
    }

    #[test]
    fn a_refused_named_change_leaves_the_state_as_it_was() {
        let (_d, store) = store();
        let mut snap = store.load().unwrap();
        let before = snap.state.clone();
        let out = store.transact_named(&mut snap, at(2), &["L5"], |s| {
            s.add_note(Some("L5"), "写了一半", at(2))?;
            s.add_note(None, "收件箱", at(2))?;
            s.add(Item::new(Kind::Logistics, "订车", at(2)))?;
            Err::<(), _>(ModelError::EmptyNote)
        });
        assert!(matches!(out, Err(TxError::Refused(ModelError::EmptyNote))));
        assert_eq!(snap.state, before);
        assert_eq!(store.load().unwrap().state, before);
    }

    #[test]
    fn a_change_beyond_the_named_items_is_still_written_whole() {
        let (_d, store) = store();
        let mut snap = store.load().unwrap();
        store
            .transact_named(&mut snap, at(2), &["L5"], |s| {
                s.add_note(Some("L5"), "这里", at(2))?;
                s.add_note(Some("L9"), "别处", at(2))
            })
            .unwrap();
        let state = store.load().unwrap().state;
        assert_eq!(state, snap.state);
        let l9 = state.get("L9").unwrap();
        assert_eq!(l9.notes.last().unwrap().text, "别处");
    }

    #[test]
    fn lists_that_grew_changed_or_shrank_are_written_as_comparing_them_whole_writes() {
        let (_d, store) = store();
        let mut snap = store.load().unwrap();
        let meeting = snap.state.items.iter().find(|i| i.kind == Kind::Meeting);
        let meeting = meeting.unwrap().id.clone();
        let edits: [fn(&mut Item); 5] = [
            // Grew: one note more.
            |i| {
                i.notes.push(crate::model::Note {
                    at: at(3),
                    text: "又一条".into(),
                })
            },
            // Changed within: an old note edited.
            |i| i.notes[0].text.push_str("（更正）"),
            // Shrank: a checklist entry removed.
            |i| {
                i.checklist.pop();
            },
            // Grew and changed: an attendee renamed and one added.
            |i| {
                i.attendees[0] = "副组长".into();
                i.attendees.push("组员9".into());
            },
            // Emptied.
            |i| i.notes.clear(),
        ];
        for edit in &edits {
            let before = snap.state.clone();
            let (_, ops) = store
                .transact_named(&mut snap, at(3), &[meeting.as_str()], |s| {
                    let mut item = s.get(&meeting).unwrap().clone();
                    edit(&mut item);
                    item.updated = at(3);
                    s.replace(item, at(3)).map(|_| ())
                })
                .unwrap();
            let whole = super::super::diff(&mut before.clone(), &mut snap.state.clone());
            let got: Vec<_> = ops
                .into_iter()
                .map(|o| (o.item, o.change, o.fields))
                .collect();
            let want: Vec<_> = whole
                .into_iter()
                .map(|d| (d.item, d.change, d.fields))
                .collect();
            assert_eq!(got, want);
            assert_eq!(store.load().unwrap().state, snap.state);
        }
    }
}

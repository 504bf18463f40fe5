//! The merge: every replica's operations applied in the one order
//! (hlc, replica, seq), starting from an empty state, so replicas holding
//! the same operations hold the same state.
//!
//! - A field edit sets the field: the later one in the order wins, the
//!   earlier stays in the journal.
//! - Lists that grow (notes, the inbox, attendance) take every entry; the
//!   roster is merged member by member (`lists`).
//! - An undo or redo sets a field back only where the value it undid is
//!   still there at its place in the order.
//! - A custody step is checked against the custody rules where it falls;
//!   one that no longer fits is kept in the log, marked as a conflict, and
//!   changes nothing else.
//! - An edit of an item deleted earlier in the order, a delete of one
//!   gone, an add of an id taken: nothing (the operation stays recorded).

use std::cmp::Ordering;
use std::collections::HashMap;

use serde_json::{Map, Value};

use super::super::op::{self, Field, Op, WHOLE};
use crate::model::conflict::Conflict;
use crate::model::custody::{Step, event_hash};
use crate::model::{CustodyEvent, Item, ModelError, State};

/// The team's order of two operations.
pub fn order(a: &Op, b: &Op) -> Ordering {
    (a.hlc.as_str(), a.replica.as_str(), a.seq).cmp(&(b.hlc.as_str(), b.replica.as_str(), b.seq))
}

/// The state `ops` come to, in the team's order whatever order they are
/// given in.
pub fn fold(ops: &[&Op]) -> State {
    let mut sorted: Vec<&Op> = ops.to_vec();
    sorted.sort_by(|a, b| order(a, b));
    let mut state = State::default();
    // Items by id, kept up to date: a fold of 10,000 items must not look
    // each one up by scanning.
    let mut index = Some(HashMap::new());
    for o in sorted {
        apply_at(&mut state, o, &mut index);
    }
    state
}

fn is_revert(o: &Op) -> bool {
    matches!(o.change.as_str(), "undo" | "redo")
}

type Index = Option<HashMap<String, usize>>;

/// Applies one operation at its place in the order.
pub fn apply(state: &mut State, o: &Op) {
    apply_at(state, o, &mut None);
}

fn apply_at(state: &mut State, o: &Op, index: &mut Index) {
    match (o.change.as_str(), &o.item) {
        ("snapshot", _) => {}
        ("base", _) => base(state, o, index),
        (_, None) => around(state, o, index),
        (_, Some(id)) => item(state, o, id, index),
    }
}

/// A replica's state when it founded the team: its items (any not there
/// already) and the fields around them.
fn base(state: &mut State, o: &Op, index: &mut Index) {
    if let Some(Field::Set(_, Value::Array(items))) = o.fields.get("items") {
        for v in items {
            if let Ok(it) = serde_json::from_value::<Item>(v.clone())
                && find(state, &it.id, index).is_none()
            {
                if let Some(map) = index {
                    map.insert(it.id.clone(), state.items.len());
                }
                state.items.push(it);
            }
        }
    }
    let mut rest = o.clone();
    rest.change = "edit".into();
    rest.fields.remove("items");
    let _ = op::apply(state, &rest, index);
}

fn find(state: &State, id: &str, index: &Index) -> Option<usize> {
    match index {
        Some(map) => map.get(id).copied(),
        None => state.items.iter().position(|i| i.id == id),
    }
}

/// The fields of `o` whose old value still holds in `current` (all of them
/// unless `o` is an undo or redo).
fn holding(o: &Op, current: &Map<String, Value>) -> Op {
    let mut kept = o.clone();
    if is_revert(o) {
        kept.fields.retain(|k, f| match f {
            Field::Set(old, _) => current.get(k).unwrap_or(&Value::Null) == old,
            Field::Push(_) => true,
        });
    }
    kept
}

fn around(state: &mut State, o: &Op, index: &mut Index) {
    let mut kept = if is_revert(o) {
        let items = std::mem::take(&mut state.items);
        let current = match serde_json::to_value(&*state) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        state.items = items;
        holding(o, &current)
    } else {
        o.clone()
    };
    // A whole list of items (a hand-made state) is not merged.
    kept.fields.remove("items");
    if kept.fields.contains_key("members") {
        let items = std::mem::take(&mut state.items);
        if let Ok(Value::Object(current)) = serde_json::to_value(&*state) {
            super::lists::by_entry(&mut kept.fields, &current);
        }
        state.items = items;
    }
    let _ = op::apply(state, &kept, index);
}

fn item(state: &mut State, o: &Op, id: &str, index: &mut Index) {
    let at = find(state, id, index);
    if let Some(Field::Set(old, new)) = o.fields.get(WHOLE) {
        match (at, old.is_null(), new.is_null()) {
            (None, true, false) | (Some(_), false, true) => {
                let _ = op::apply(state, o, index);
            }
            _ => {}
        }
        return;
    }
    let Some(at) = at else { return };
    let custody = o.fields.get("custody").cloned();
    let mut kept = if is_revert(o) {
        holding(o, &op::fields_of(&state.items[at]))
    } else {
        o.clone()
    };
    kept.fields.remove("custody");
    match custody {
        None => {}
        Some(Field::Push(events)) => {
            if !steps(state, at, o, events) {
                return;
            }
            kept.fields.remove("status");
        }
        Some(Field::Set(_, new)) => voids(&mut state.items[at], &new),
    }
    kept.fields.remove("custody_head");
    if kept.fields.is_empty() {
        return;
    }
    let _ = op::apply(state, &kept, index);
}

/// Records custody steps through the rules; false (and the step kept as a
/// conflict) when one no longer fits.
fn steps(state: &mut State, at: usize, o: &Op, events: Vec<Value>) -> bool {
    for v in events {
        let Ok(e) = serde_json::from_value::<CustodyEvent>(v) else {
            return false;
        };
        let id = state.items[at].id.clone();
        match state.custody(&id, Step::recorded_by(&e), e.at) {
            Ok(_) => {}
            Err(err) => {
                let why = match err {
                    ModelError::Custody(c) => c.refusal.to_string(),
                    other => other.to_string(),
                };
                mark(&mut state.items[at], e, o, why);
                return false;
            }
        }
    }
    true
}

/// Keeps `e` at the end of the log as a conflict of `o`.
fn mark(item: &mut Item, mut e: CustodyEvent, o: &Op, why: String) {
    e.void = None;
    e.prev = item
        .custody
        .last()
        .map(|l| l.hash.clone())
        .unwrap_or_default();
    e.conflict = Some(Conflict {
        replica: o.replica.clone(),
        seq: o.seq,
        why,
    });
    e.hash = event_hash(&item.id, &e);
    item.custody_head = e.hash.clone();
    item.custody.push(e);
}

/// A custody log set as a whole: the voids it records, matched to this
/// log's steps by hash or, re-chained by the merge, by what they record.
fn voids(item: &mut Item, new: &Value) {
    let Ok(log) = serde_json::from_value::<Vec<CustodyEvent>>(new.clone()) else {
        return;
    };
    for v in log.iter().filter(|e| e.void.is_some()) {
        let same = |e: &CustodyEvent| {
            e.hash == v.hash || (e.at == v.at && e.action == v.action && e.person == v.person)
        };
        if let Some(e) = item
            .custody
            .iter_mut()
            .find(|e| e.void.is_none() && same(e))
        {
            e.void = v.void.clone();
        }
    }
}

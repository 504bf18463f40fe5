//! Undo and redo of what lies around the items: the inbox, the roster,
//! attendance, the inspection's name and any field `State` gains later,
//! by their journal names and without listing them. Lists are reverted
//! entry by entry, so an entry another process put in or took out since
//! stays as it is; a plain value only while it still holds what the change
//! wrote. The counters never go back: ids are not reused.

use serde_json::Value;

use crate::model::State;
use crate::store::Op;
use crate::store::op::Field;

/// Reverts `o`'s fields around the items; returns the names of those left
/// as they are because they changed since.
pub(super) fn revert(state: &mut State, o: &Op, undo: bool) -> Vec<String> {
    let mut left = Vec::new();
    let items = std::mem::take(&mut state.items);
    let Ok(Value::Object(mut map)) = serde_json::to_value(&*state) else {
        state.items = items;
        return o.fields.keys().cloned().collect();
    };
    for (name, field) in &o.fields {
        if matches!(name.as_str(), "counters" | "version" | "items") {
            continue;
        }
        let cur = map.entry(name.clone()).or_insert(Value::Null);
        if !revert_field(cur, field, undo) {
            left.push(name.clone());
        }
    }
    match serde_json::from_value::<State>(Value::Object(map)) {
        Ok(next) => *state = State { items, ..next },
        Err(_) => {
            state.items = items;
            left = o.fields.keys().cloned().collect();
        }
    }
    left
}

/// One field, in the direction asked; false if some of it had changed since.
fn revert_field(cur: &mut Value, field: &Field, undo: bool) -> bool {
    match field {
        Field::Push(entries) if undo => {
            let Value::Array(list) = cur else {
                return entries.is_empty();
            };
            let mut all = true;
            for e in entries.iter().rev() {
                match list.iter().rposition(|x| x == e) {
                    Some(at) => {
                        list.remove(at);
                    }
                    None => all = false,
                }
            }
            all
        }
        Field::Push(entries) => {
            if cur.is_null() {
                *cur = Value::Array(Vec::new());
            }
            let Value::Array(list) = cur else {
                return false;
            };
            list.extend(entries.iter().cloned());
            true
        }
        Field::Set(old, new) => {
            let (wrote, back) = if undo { (new, old) } else { (old, new) };
            match (wrote, back, &mut *cur) {
                (Value::Array(wrote), Value::Array(back), Value::Array(list)) => {
                    let mut all = true;
                    // What the change added goes; what it took away comes
                    // back where it was (an edit of an entry is one of each).
                    for e in wrote.iter().filter(|e| !back.contains(e)) {
                        match list.iter().position(|x| x == e) {
                            Some(at) => {
                                list.remove(at);
                            }
                            None => all = false,
                        }
                    }
                    for (at, e) in back.iter().enumerate().filter(|(_, e)| !wrote.contains(e)) {
                        if !list.contains(e) {
                            list.insert(at.min(list.len()), e.clone());
                        }
                    }
                    all
                }
                (wrote, back, cur) if cur == wrote => {
                    *cur = back.clone();
                    true
                }
                _ => false,
            }
        }
    }
}

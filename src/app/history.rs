//! Undo and redo for the whole session, as new operations.
//!
//! A change is remembered as the journal operations it wrote: each field
//! with its old and new value. Undo puts back only the fields that still
//! hold the value the change wrote (a field changed since, by another
//! process or command, stays as it is and is reported), removes only the
//! notes it added, and voids — never removes — the custody steps it
//! recorded. Redo does the same forwards; a custody step is recorded again
//! as a new event.

use serde_json::{Map, Value};

use crate::i18n::{Lang, T, tr, trf};
use crate::model::custody::{self, Step};
use crate::model::{CustodyEvent, State, Time};
use crate::store::Op;
use crate::store::op::{self, Field, WHOLE};

#[path = "history_around.rs"]
mod around;

/// One change of the session: the operations it wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub ops: Vec<Op>,
}

/// What an undo or redo left as it was, for one item (none: the inbox).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub item: Option<String>,
    pub fields: Vec<String>,
}

/// The seal of the custody log: it follows the log (a voided step stays in
/// it), never put back.
const SEAL: &str = "custody_head";
/// When the item last changed: put back with the rest, never reported.
const QUIET: &str = "updated";

impl Change {
    /// The id of the first item it touched, if any.
    pub fn id(&self) -> Option<&str> {
        self.ops.iter().find_map(|o| o.item.as_deref())
    }

    /// The operation an undo or redo of it names.
    pub fn first_op(&self) -> Option<String> {
        self.ops.first().map(|o| o.id.clone())
    }

    /// Undoes (`undo`) or redoes the change in `state`, where it still can;
    /// returns what was left as it is because it changed since.
    pub fn revert(&self, state: &mut State, undo: bool, now: Time, by: &str) -> Vec<Kept> {
        let mut kept = Vec::new();
        let ops: Vec<&Op> = if undo {
            self.ops.iter().rev().collect()
        } else {
            self.ops.iter().collect()
        };
        for o in ops {
            let left = match &o.item {
                None => around::revert(state, o, undo),
                Some(id) => item(state, id, o, undo, now, by),
            };
            if !left.is_empty() {
                kept.push(Kept {
                    item: o.item.clone(),
                    fields: left,
                });
            }
        }
        kept
    }
}

/// (from, to) of a set field in the direction asked.
fn ends(old: &Value, new: &Value, undo: bool) -> (Value, Value) {
    if undo {
        (new.clone(), old.clone())
    } else {
        (old.clone(), new.clone())
    }
}

fn item(state: &mut State, id: &str, o: &Op, undo: bool, now: Time, by: &str) -> Vec<String> {
    let at = state.items.iter().position(|i| i.id == id);
    if let Some(Field::Set(old, new)) = o.fields.get(WHOLE) {
        let (from, to) = ends(old, new, undo);
        let current = at.map(|i| Value::Object(op::fields_of(&state.items[i])));
        return match (current, from.is_null(), to.is_null()) {
            // Take away what the change added, if it is still as it was.
            (Some(cur), false, true) if cur == from => {
                state.items.remove(at.expect("it is there"));
                Vec::new()
            }
            (None, true, false) => match op::item_from(as_map(to)) {
                // A duty's occurrence whose place another has taken since.
                Ok(item) if !crate::model::recur::admits(state, &item, now) => {
                    vec![WHOLE.to_string()]
                }
                Ok(item) => {
                    state.items.push(item);
                    Vec::new()
                }
                Err(_) => vec![WHOLE.to_string()],
            },
            _ => vec![WHOLE.to_string()],
        };
    }
    let Some(at) = at else {
        return vec![WHOLE.to_string()];
    };
    // A custody step and what it did to the status go together: if the
    // step cannot be voided (a later one stands on it) or recorded again,
    // nothing of it changes.
    if let Some(Field::Push(entries)) = o.fields.get("custody") {
        let mut probe = state.items[at].clone();
        let fits = entries.iter().all(|e| {
            let Ok(event) = serde_json::from_value::<CustodyEvent>(e.clone()) else {
                return false;
            };
            if undo {
                let last = custody::last(&probe).map(|e| e.hash.clone());
                last.as_deref() == Some(event.hash.as_str())
                    && custody::void(&mut probe, &event.hash, now, by)
            } else {
                custody::apply(&mut probe, Step::recorded_by(&event), now).is_ok()
            }
        });
        if !fits {
            return vec!["custody".into()];
        }
    }
    let mut fields = op::fields_of(&state.items[at]);
    let mut left = Vec::new();
    let mut steps: Vec<CustodyEvent> = Vec::new();
    let mut voids: Vec<String> = Vec::new();
    let mut changed = false;
    for (k, f) in &o.fields {
        if k == SEAL {
            continue;
        }
        match f {
            Field::Set(old, new) => {
                let (from, to) = ends(old, new, undo);
                if fields.get(k).cloned().unwrap_or(Value::Null) == from {
                    if to.is_null() {
                        fields.remove(k);
                    } else {
                        fields.insert(k.clone(), to);
                    }
                    changed |= k != QUIET;
                } else if k != QUIET {
                    left.push(k.clone());
                }
            }
            Field::Push(entries) if k == "custody" => {
                for e in entries {
                    if let Ok(event) = serde_json::from_value::<CustodyEvent>(e.clone()) {
                        if undo {
                            voids.push(event.hash);
                        } else {
                            steps.push(event);
                        }
                    }
                }
            }
            Field::Push(entries) => {
                let list = fields
                    .entry(k.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                let Value::Array(list) = list else {
                    left.push(k.clone());
                    continue;
                };
                for e in entries {
                    if !undo {
                        list.push(e.clone());
                        changed = true;
                    } else if let Some(p) = list.iter().rposition(|x| x == e) {
                        list.remove(p);
                        changed = true;
                    } else {
                        left.push(k.clone());
                    }
                }
                if list.is_empty() {
                    fields.remove(k);
                }
            }
        }
    }
    let Ok(mut item) = op::item_from(fields) else {
        return o.fields.keys().cloned().collect();
    };
    for hash in voids.iter().rev() {
        // Only the last step that counts: a later one (made elsewhere)
        // stands on it.
        let last = custody::last(&item).map(|e| e.hash.clone());
        if last.as_deref() == Some(hash.as_str()) && custody::void(&mut item, hash, now, by) {
            changed = true;
        } else {
            left.push("custody".into());
        }
    }
    for e in steps {
        if custody::apply(&mut item, Step::recorded_by(&e), now).is_ok() {
            changed = true;
        } else {
            left.push("custody".into());
        }
    }
    if changed {
        state.items[at] = item;
    }
    left.dedup();
    left
}

fn as_map(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// What an undo or redo left as it was, in one line of the user's language:
/// `L2: changed elsewhere since; title not undone`.
pub fn kept_message(lang: Lang, kept: &[Kept], undo: bool) -> String {
    kept.iter()
        .map(|k| {
            let who = k.item.as_deref().unwrap_or(tr(lang, T::Inbox));
            let mut names: Vec<String> = k.fields.iter().map(|f| field_label(lang, f)).collect();
            names.dedup();
            let key = if undo { T::UndoKept } else { T::RedoKept };
            trf(lang, key, &[&who, &crate::i18n::join(lang, &names)])
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A field's name as the interface says it.
pub fn field_label(lang: Lang, field: &str) -> String {
    let key = match field {
        "title" => T::FieldTitle,
        "category" => T::FieldCategory,
        "from" => T::FieldFrom,
        "rule" => T::FieldRule,
        "class" => T::FieldClass,
        "type" => T::FieldType,
        "start" => T::FieldStart,
        "end" => T::FieldEnd,
        "due" => T::FieldDue,
        "place" => T::FieldPlace,
        "attendees" => T::FieldWith,
        "for" => T::FieldSection,
        "priority" => T::FieldPriority,
        "status" => T::FieldStatus,
        "contact" => T::FieldContact,
        "notes" | "inbox" => T::NotesTitle,
        "custody" => T::CustodyTitle,
        "checklist" => T::ChecklistTitle,
        "followups" => T::FollowupsTitle,
        WHOLE => T::FieldWhole,
        _ => T::FieldOther,
    };
    let label = tr(lang, key);
    if lang == Lang::En {
        label.to_lowercase()
    } else {
        label.to_string()
    }
}

#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
}

impl History {
    pub fn record(&mut self, change: Change) {
        self.done.push(change);
        self.undone.clear();
    }

    pub fn peek_undo(&self) -> Option<&Change> {
        self.done.last()
    }

    pub fn peek_redo(&self) -> Option<&Change> {
        self.undone.last()
    }

    /// Moves the last change to the redo list (after it was undone).
    pub fn undone(&mut self) {
        if let Some(c) = self.done.pop() {
            self.undone.push(c);
        }
    }

    /// Moves the last undone change back (after it was redone): undoing it
    /// again undoes what the redo wrote (`ops`, when it wrote any).
    pub fn redone(&mut self, ops: Vec<Op>) {
        if let Some(c) = self.undone.pop() {
            self.done
                .push(if ops.is_empty() { c } else { Change { ops } });
        }
    }
}

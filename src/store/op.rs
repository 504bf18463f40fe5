//! Operations: one change to one item (or to the state around the items),
//! as the journal keeps it — the fields it changed with their old and new
//! values — and how a change is found by comparing two states.
//!
//! A field is either set (`{"set": [old, new]}`, `null` for absent) or, for
//! lists that only grew, appended to (`{"push": [new entries]}`). The whole
//! item is the field `item`: set from `null` when it was added, to `null`
//! when it was deleted (the tombstone).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{Item, State, Time};

mod diff;
mod line;
mod named;
mod ready;
mod typed;

pub(in crate::store) use diff::ITEMS;
pub use diff::diff;
use diff::{around_kind, diff_maps, kind_of};
pub use line::{Line, Raw, scan};
pub use named::Named;
pub use ready::{Ready, apply_ready, prepare};

/// The field that holds a whole item (add and delete).
pub const WHOLE: &str = "item";

/// How one field changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Field {
    /// From the first value to the second (`null`: absent).
    Set(Value, Value),
    /// These entries were appended to the list.
    Push(Vec<Value>),
}

/// One operation of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Op {
    /// Unique: the replica and the operation's number.
    pub id: String,
    /// The data directory that wrote it.
    pub replica: String,
    /// Its place in the chain, counting from 1.
    pub seq: u64,
    #[serde(with = "crate::model::rfc3339")]
    pub at: Time,
    /// The hybrid logical clock (`wall_ms-counter`, sorting as text): with
    /// the replica and `seq`, the one order every replica applies in.
    /// Empty on operations written before sync existed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hlc: String,
    /// The team member who made it (the config's `me`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The item changed; none for the inbox, the counters, the inspection's
    /// name, and the snapshot marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// What kind of change: add, edit, done, delete, note, custody, tick,
    /// undo, redo, inbox, snapshot.
    pub change: String,
    pub fields: BTreeMap<String, Field>,
    /// For undo and redo: the operation undone or redone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverts: Option<String>,
    /// More operations of the same change follow; a change is applied only
    /// when its last operation is there.
    #[serde(default, skip_serializing_if = "is_false")]
    pub more: bool,
    /// The replica's signature over `hash` (hex); not covered by the hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sig: Option<String>,
    /// The hash of the operation before it.
    pub prev: String,
    /// This one's hash (over the line without it, and `prev`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hash: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// An operation before it has its place in the chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub item: Option<String>,
    pub change: String,
    pub fields: BTreeMap<String, Field>,
}

fn item_value(item: &Item) -> Map<String, Value> {
    match serde_json::to_value(item) {
        Ok(Value::Object(m)) => m,
        _ => unreachable!("an item serialises to an object"),
    }
}

/// Every field of the state but its items and its version, by name, as
/// the journal sees them: the inspection's name, the counters, the inbox,
/// and any field added to `State` later, without listing them here. The
/// items are set aside while the rest is written, so this costs what the
/// fields around the items cost, not what the items do.
fn state_fields(state: &mut State) -> Map<String, Value> {
    let items = std::mem::take(&mut state.items);
    let value = serde_json::to_value(&*state);
    state.items = items;
    match value {
        Ok(Value::Object(mut m)) => {
            m.remove(ITEMS);
            m.remove("version");
            m
        }
        _ => unreachable!("a state serialises to an object"),
    }
}

/// Sets the fields around the items from `around` (see `state_fields`),
/// keeping the items and the version.
fn set_state_fields(state: &mut State, mut around: Map<String, Value>) -> Result<(), Mismatch> {
    around.insert("version".into(), Value::from(state.version));
    let mut next: State =
        serde_json::from_value(Value::Object(around)).map_err(|e| Mismatch(e.to_string()))?;
    next.items = std::mem::take(&mut state.items);
    *state = next;
    Ok(())
}

/// The operation that adds `item`.
fn added(item: &Item) -> Draft {
    let mut fields = BTreeMap::new();
    fields.insert(
        WHOLE.to_string(),
        Field::Set(Value::Null, Value::Object(item_value(item))),
    );
    Draft {
        item: Some(item.id.clone()),
        change: "add".into(),
        fields,
    }
}

/// Why an operation could not be applied to a state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch(pub String);

fn set_fields(
    obj: &mut Map<String, Value>,
    fields: &BTreeMap<String, Field>,
) -> Result<(), Mismatch> {
    for (k, f) in fields {
        match f {
            Field::Set(_, Value::Null) => {
                obj.remove(k);
            }
            Field::Set(_, new) => {
                obj.insert(k.clone(), new.clone());
            }
            Field::Push(entries) => {
                match obj.entry(k.clone()).or_insert(Value::Array(Vec::new())) {
                    Value::Array(list) => list.extend(entries.iter().cloned()),
                    _ => return Err(Mismatch(format!("{k} is not a list"))),
                }
            }
        }
    }
    Ok(())
}

/// Applies `op` to `state`. `index` maps item ids to their positions and is
/// kept up to date (pass an empty one to look items up by scanning).
pub fn apply(
    state: &mut State,
    op: &Op,
    index: &mut Option<HashMap<String, usize>>,
) -> Result<(), Mismatch> {
    if op.change == "snapshot" {
        return Ok(());
    }
    let Some(id) = &op.item else {
        if let Some(Field::Set(_, items)) = op.fields.get(ITEMS) {
            state.items =
                serde_json::from_value(items.clone()).map_err(|e| Mismatch(e.to_string()))?;
            if let Some(map) = index {
                *map = positions(state);
            }
        }
        let mut around = state_fields(state);
        let rest: BTreeMap<String, Field> = op
            .fields
            .iter()
            .filter(|(k, _)| k.as_str() != ITEMS)
            .map(|(k, f)| (k.clone(), f.clone()))
            .collect();
        set_fields(&mut around, &rest)?;
        return set_state_fields(state, around);
    };
    let at = match index {
        Some(map) => map.get(id).copied(),
        None => state.items.iter().position(|i| i.id == *id),
    };
    if let Some(Field::Set(old, new)) = op.fields.get(WHOLE) {
        match (at, old.is_null(), new.is_null()) {
            (None, true, false) => {
                let item: Item =
                    serde_json::from_value(new.clone()).map_err(|e| Mismatch(e.to_string()))?;
                if let Some(map) = index {
                    map.insert(id.clone(), state.items.len());
                }
                state.items.push(item);
                return Ok(());
            }
            (Some(at), false, true) => {
                state.items.remove(at);
                if let Some(map) = index {
                    *map = positions(state);
                }
                return Ok(());
            }
            (Some(_), true, _) => {
                return Err(Mismatch(format!("{id} is added but exists already")));
            }
            (None, false, _) => {
                return Err(Mismatch(format!("{id} is deleted but does not exist")));
            }
            _ => {}
        }
    }
    let at = at.ok_or_else(|| Mismatch(format!("{id} does not exist")))?;
    if typed::apply(&mut state.items[at], &op.fields) {
        return Ok(());
    }
    let mut obj = item_value(&state.items[at]);
    set_fields(&mut obj, &op.fields)?;
    let item: Item =
        serde_json::from_value(Value::Object(obj)).map_err(|e| Mismatch(e.to_string()))?;
    if item.id != *id {
        return Err(Mismatch(format!("{id} would change its id")));
    }
    state.items[at] = item;
    Ok(())
}

/// Applies a line read the quick way (see `line`): the outcome and the
/// errors of [`apply`] of its `Op`, which it falls back to for anything
/// but a note, a field set typed (see `typed`), an add or a delete (see
/// `ready`).
pub fn apply_line(
    state: &mut State,
    line: &Line,
    index: &mut Option<HashMap<String, usize>>,
) -> Result<(), Mismatch> {
    match prepare(line) {
        Some(ready) => apply_ready(state, line, ready, index),
        None => apply(state, &line.to_op(), index),
    }
}

/// Every item's position by id.
pub fn positions(state: &State) -> HashMap<String, usize> {
    state
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.id.clone(), i))
        .collect()
}

/// An item's fields as the journal sees them (for undo and redo).
pub fn fields_of(item: &Item) -> Map<String, Value> {
    item_value(item)
}

/// Puts fields back into an item (for undo and redo).
pub fn item_from(fields: Map<String, Value>) -> Result<Item, Mismatch> {
    serde_json::from_value(Value::Object(fields)).map_err(|e| Mismatch(e.to_string()))
}

//! How a change is found by comparing two states: the operations that turn
//! one into the other.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::{Draft, Field, WHOLE, item_value, state_fields};
use crate::model::State;

/// The fields that differ between two objects.
pub(super) fn diff_maps(
    old: &Map<String, Value>,
    new: &Map<String, Value>,
) -> BTreeMap<String, Field> {
    let mut out = BTreeMap::new();
    let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for k in keys {
        let (a, b) = (old.get(k), new.get(k));
        if a == b {
            continue;
        }
        let field = match (a, b) {
            (Some(Value::Array(a)), Some(Value::Array(b)))
                if b.len() > a.len() && b[..a.len()] == a[..] =>
            {
                Field::Push(b[a.len()..].to_vec())
            }
            (None, Some(Value::Array(b))) => Field::Push(b.clone()),
            _ => Field::Set(
                a.cloned().unwrap_or(Value::Null),
                b.cloned().unwrap_or(Value::Null),
            ),
        };
        out.insert(k.clone(), field);
    }
    out
}

/// The field of a state-wide operation that holds every item.
pub(in crate::store) const ITEMS: &str = "items";

pub(super) fn has_duplicate_ids(state: &State) -> bool {
    let mut seen = std::collections::HashSet::with_capacity(state.items.len());
    !state.items.iter().all(|i| seen.insert(i.id.as_str()))
}

/// What kind of change an item's fields say it is.
pub(super) fn kind_of(fields: &BTreeMap<String, Field>) -> &'static str {
    if let Some(Field::Set(old, new)) = fields.get(WHOLE) {
        return if old.is_null() {
            "add"
        } else if new.is_null() {
            "delete"
        } else {
            "edit"
        };
    }
    let touched: Vec<&str> = fields
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "updated")
        .collect();
    if fields.contains_key("custody") {
        return "custody";
    }
    match touched.as_slice() {
        ["notes"] => "note",
        ["checklist"] | ["followups"] => "tick",
        ["status"] if matches!(fields.get("status"), Some(Field::Set(_, Value::String(s))) if s == "done") => {
            "done"
        }
        _ => "edit",
    }
}

/// The operations that turn `before` into `after`, items in the order of
/// `after` (deleted ones last), the state around them at the end.
pub fn diff(before: &mut State, after: &mut State) -> Vec<Draft> {
    let mut out = Vec::new();
    if has_duplicate_ids(before) || has_duplicate_ids(after) {
        // Items that cannot be told apart by id (a hand-made state): the
        // whole list, old and new.
        let list = |s: &State| serde_json::to_value(&s.items).unwrap_or(Value::Null);
        let (old, new) = (list(before), list(after));
        let mut fields = diff_maps(&state_fields(before), &state_fields(after));
        fields.insert(ITEMS.to_string(), Field::Set(old, new));
        out.push(Draft {
            item: None,
            change: "edit".into(),
            fields,
        });
        return out;
    }
    let index: HashMap<&str, usize> = before
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.id.as_str(), i))
        .collect();
    let mut seen = vec![false; before.items.len()];
    for (i, item) in after.items.iter().enumerate() {
        // Most often the item is where it was.
        let old = match before.items.get(i) {
            Some(b) if b.id == item.id => Some(i),
            _ => index.get(item.id.as_str()).copied(),
        };
        match old {
            Some(j) => {
                seen[j] = true;
                if before.items[j] != *item {
                    let fields = diff_maps(&item_value(&before.items[j]), &item_value(item));
                    if !fields.is_empty() {
                        out.push(Draft {
                            item: Some(item.id.clone()),
                            change: kind_of(&fields).into(),
                            fields,
                        });
                    }
                }
            }
            None => out.push(super::added(item)),
        }
    }
    for (j, item) in before.items.iter().enumerate() {
        if !seen[j] {
            let mut fields = BTreeMap::new();
            fields.insert(
                WHOLE.to_string(),
                Field::Set(Value::Object(item_value(item)), Value::Null),
            );
            out.push(Draft {
                item: Some(item.id.clone()),
                change: "delete".into(),
                fields,
            });
        }
    }
    let around = diff_maps(&state_fields(before), &state_fields(after));
    if !around.is_empty() {
        out.push(Draft {
            item: None,
            change: around_kind(&around).into(),
            fields: around,
        });
    }
    out
}

/// What kind of change the fields around the items say it is.
pub(super) fn around_kind(around: &BTreeMap<String, Field>) -> &'static str {
    if around.keys().all(|k| k == "inbox") {
        "inbox"
    } else if around.keys().all(|k| k == "members") {
        "member"
    } else if around.keys().all(|k| k == "attendance") {
        "attend"
    } else {
        "edit"
    }
}

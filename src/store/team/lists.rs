//! Lists around the items that two replicas may change at once, merged
//! entry by entry: the roster by name. An operation that set the whole
//! list says what it added, changed and removed (its old and new lists);
//! only that is applied to the list as it stands at its place in the
//! order, so a member added on one laptop is not lost to an edit of
//! another member on another laptop.

use serde_json::Value;

/// The lists merged by entry, with the field that names an entry.
const KEYED: &[(&str, &str)] = &[("members", "name")];

/// `new` as it applies to `current`: the entries `old → new` added,
/// changed or removed, and every other entry of `current` as it was.
fn merge(old: &[Value], new: &[Value], current: &[Value], key: &str) -> Vec<Value> {
    let name = |v: &Value| v.get(key).cloned().unwrap_or(Value::Null);
    let find = |list: &[Value], n: &Value| list.iter().find(|v| name(v) == *n).cloned();
    let mut out: Vec<Value> = Vec::with_capacity(current.len() + 1);
    for v in current {
        let n = name(v);
        match (find(old, &n), find(new, &n)) {
            // Removed by this operation.
            (Some(_), None) => {}
            // Changed by it: its version.
            (Some(o), Some(w)) if o != w => out.push(w),
            // Added by it, though already there: its version.
            (None, Some(w)) => out.push(w),
            _ => out.push(v.clone()),
        }
    }
    for w in new {
        let n = name(w);
        if find(old, &n).is_none() && find(current, &n).is_none() {
            out.push(w.clone());
        }
    }
    out
}

/// Rewrites the whole-list fields of `fields` that are merged by entry so
/// that each sets the list `current` comes to.
pub(super) fn by_entry(
    fields: &mut std::collections::BTreeMap<String, crate::store::op::Field>,
    current: &serde_json::Map<String, Value>,
) {
    use crate::store::op::Field;
    for (field, key) in KEYED {
        let Some(Field::Set(Value::Array(old), Value::Array(new))) = fields.get(*field) else {
            continue;
        };
        let now = match current.get(*field) {
            Some(Value::Array(list)) => list.clone(),
            _ => Vec::new(),
        };
        let merged = merge(old, new, &now, key);
        fields.insert(
            field.to_string(),
            Field::Set(Value::Array(now), Value::Array(merged)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn m(name: &str, role: &str) -> Value {
        json!({"name": name, "role": role})
    }

    #[test]
    fn an_add_here_and_an_edit_there_both_stay() {
        // B added 王五 while A changed 张三's role.
        let current = [m("张三", "member"), m("王五", "member")];
        let (old, new) = ([m("张三", "member")], [m("张三", "deputy")]);
        assert_eq!(
            merge(&old, &new, &current, "name"),
            [m("张三", "deputy"), m("王五", "member")]
        );
    }

    #[test]
    fn a_removal_removes_only_its_entry_and_an_add_appends() {
        let current = [m("张三", "member"), m("李四", "member")];
        let (old, new) = ([m("张三", "member")], [m("赵六", "leader")]);
        assert_eq!(
            merge(&old, &new, &current, "name"),
            [m("李四", "member"), m("赵六", "leader")]
        );
        // An entry the operation did not touch keeps its current version.
        let current = [m("张三", "deputy")];
        let same = [m("张三", "member")];
        assert_eq!(merge(&same, &same, &current, "name"), current);
    }
}

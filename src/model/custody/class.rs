//! A document's class changes on the record (定密、变更密级): every change is
//! kept with its time, and lowering one needs a reason — a document made
//! less secret by accident would leave the notes' protection behind.

use serde::{Deserialize, Serialize};

use super::{CustodyError, Refusal};
use crate::model::{Class, Item, Kind, ModelError, State, Time};

/// One change of a document's class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassChange {
    #[serde(with = "crate::model::rfc3339")]
    pub at: Time,
    pub from: Option<Class>,
    pub to: Option<Class>,
    /// Why it was lowered (required then), or raised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

fn rank(c: Option<Class>) -> u8 {
    c.map_or(0, Class::rank)
}

/// Checks the class change from `old` to `new` and records it on `new`,
/// whose change log is the old one plus this change: the log only grows.
/// Refuses lowering the class without a reason.
pub(crate) fn guard_class(
    old: &Item,
    new: &mut Item,
    reason: Option<&str>,
    now: Time,
) -> Result<(), ModelError> {
    new.class_log.clone_from(&old.class_log);
    if old.kind != Kind::Document || old.class == new.class {
        return Ok(());
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if rank(new.class) < rank(old.class) && reason.is_none() {
        let refusal = Refusal::ClassLowered {
            from: old.class.unwrap_or(Class::Internal),
            to: new.class.unwrap_or(Class::Public),
        };
        return Err(CustodyError {
            id: old.id.clone(),
            refusal,
        }
        .into());
    }
    new.class_log.push(ClassChange {
        at: now,
        from: old.class,
        to: new.class,
        reason: reason.map(str::to_string),
    });
    Ok(())
}

impl State {
    /// Changes document `id`'s class to `class`, lowering it only with a
    /// reason. Returns the item as it was (for undo).
    pub fn set_class(
        &mut self,
        id: &str,
        class: Class,
        reason: Option<&str>,
        now: Time,
    ) -> Result<Item, ModelError> {
        let mut item = self
            .get(id)
            .cloned()
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        if item.kind != Kind::Document {
            let refusal = Refusal::NotADocument { kind: item.kind };
            return Err(CustodyError {
                id: item.id,
                refusal,
            }
            .into());
        }
        item.class = Some(class);
        self.replace_because(item, reason, now)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::t;
    use super::*;

    fn secret(s: &mut State) -> String {
        let mut item = Item::new(Kind::Document, "干部选拔任用档案", t(0));
        item.class = Some(Class::Secret);
        s.add(item).unwrap()
    }

    #[test]
    fn raising_is_recorded_and_lowering_needs_a_reason() {
        let mut s = State::default();
        let id = secret(&mut s);
        s.set_class(&id, Class::Confidential, None, t(1)).unwrap();
        let before = s.clone();
        let err = s.set_class(&id, Class::Internal, None, t(2)).unwrap_err();
        assert_eq!(
            err,
            ModelError::Custody(CustodyError {
                id: id.clone(),
                refusal: Refusal::ClassLowered {
                    from: Class::Confidential,
                    to: Class::Internal
                }
            })
        );
        assert_eq!(s, before, "refused: nothing changed");
        assert!(s.set_class(&id, Class::Internal, Some("  "), t(2)).is_err());
        s.set_class(&id, Class::Internal, Some("已解密"), t(3))
            .unwrap();
        let log = &s.get(&id).unwrap().class_log;
        assert_eq!(log.len(), 2);
        assert_eq!(
            (log[0].from, log[0].to, log[0].at),
            (Some(Class::Secret), Some(Class::Confidential), t(1))
        );
        assert_eq!(log[1].reason.as_deref(), Some("已解密"));
    }

    #[test]
    fn an_edit_that_lowers_the_class_is_refused_and_cannot_drop_the_log() {
        let mut s = State::default();
        let id = secret(&mut s);
        let mut edit = s.get(&id).cloned().unwrap();
        edit.class = Some(Class::Public);
        assert!(s.replace(edit.clone(), t(1)).is_err());
        edit.class = Some(Class::Confidential);
        s.replace(edit.clone(), t(1)).unwrap();
        // An edit made from a copy without the log keeps the log all the same.
        edit.class_log.clear();
        edit.title = "干部选拔任用档案（2024年）".into();
        s.replace(edit, t(2)).unwrap();
        assert_eq!(s.get(&id).unwrap().class_log.len(), 1);
    }
}

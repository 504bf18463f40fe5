//! Custody conflicts: a step made on one replica that no longer fits the
//! custody rules once every replica's operations are put in the team's one
//! order (a loan on one laptop while the document was shredded on
//! another). The step stays in the document's log, marked with this, and
//! counts as if it had not happened; it is open until the liaison records
//! a new step after it or voids it.

use serde::{Deserialize, Serialize};

use super::{CustodyEvent, Item, State};

/// Why a step in the log did not take effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The replica that made the step, and its operation's number there.
    pub replica: String,
    pub seq: u64,
    /// The custody rule it broke at its place in the order (English; the
    /// interface re-checks the step to say it in the user's language).
    pub why: String,
}

/// The conflicting steps of `item` not yet resolved: marked, not void, and
/// with no step that counts after them.
pub fn open(item: &Item) -> Vec<&CustodyEvent> {
    let log = &item.custody;
    let last_live = log
        .iter()
        .rposition(|e| e.void.is_none() && e.conflict.is_none());
    log.iter()
        .enumerate()
        .filter(|(i, e)| {
            e.conflict.is_some() && e.void.is_none() && last_live.is_none_or(|l| l < *i)
        })
        .map(|(_, e)| e)
        .collect()
}

/// Resolves `item`'s open conflicts by voiding their steps (kept in the
/// log, marked void by `by` at `at`). Returns how many.
pub fn void_open(item: &mut Item, at: super::Time, by: &str) -> usize {
    let hashes: Vec<String> = open(item).iter().map(|e| e.hash.clone()).collect();
    for h in &hashes {
        if let Some(e) = item.custody.iter_mut().find(|e| e.hash == *h) {
            e.void = Some(super::Void {
                at,
                by: by.to_string(),
            });
        }
    }
    if !hashes.is_empty() {
        item.updated = at;
    }
    hashes.len()
}

/// Every document with an open conflict, with its conflicting steps.
pub fn all(state: &State) -> Vec<(&Item, Vec<&CustodyEvent>)> {
    state
        .items
        .iter()
        .filter(|i| i.custody.iter().any(|e| e.conflict.is_some()))
        .map(|i| (i, open(i)))
        .filter(|(_, c)| !c.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::custody::{Action, Step, apply};
    use crate::model::testing::now;
    use crate::model::{Kind, Rule};

    fn doc() -> Item {
        let mut d = Item::new(Kind::Document, "账册", now());
        d.id = "D1".into();
        d.rule = Some(Rule::Shred);
        apply(&mut d, Step::new(Action::Receive), now()).unwrap();
        d
    }

    fn conflicting(mut e: CustodyEvent) -> CustodyEvent {
        e.conflict = Some(Conflict {
            replica: "b".into(),
            seq: 7,
            why: "closed".into(),
        });
        e
    }

    #[test]
    fn a_marked_step_is_open_until_a_step_follows_it_or_it_is_voided() {
        let mut d = doc();
        let mut lend = d.clone();
        apply(&mut lend, Step::new(Action::Lend).person("赵六"), now()).unwrap();
        let event = conflicting(lend.custody.last().unwrap().clone());
        d.custody.push(event.clone());
        assert_eq!(open(&d).len(), 1);
        assert_eq!(crate::model::custody::holder(&d), None, "it does not count");
        let mut voided = d.clone();
        voided.custody.last_mut().unwrap().void = Some(crate::model::Void {
            at: now(),
            by: "联络员".into(),
        });
        assert!(open(&voided).is_empty());
        let mut resolved = d.clone();
        assert_eq!(void_open(&mut resolved, now(), "联络员"), 1);
        assert!(open(&resolved).is_empty());
        assert_eq!(void_open(&mut resolved, now(), "联络员"), 0);
        d.custody.push(lend.custody.last().unwrap().clone());
        assert!(open(&d).is_empty(), "a step after it resolves it");
    }
}

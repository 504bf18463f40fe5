//! Tamper evidence for the custody log.
//!
//! Each event stores the hash of the event before it (`prev`, empty for the
//! first) and its own SHA-256 `hash` over a canonical serialisation of its
//! content, the document's id and `prev`. The item keeps the hash of its last
//! event (`custody_head`), so events cut from the end show too. Problems are
//! reported, never repaired.

use sha2::{Digest, Sha256};

use super::{Action, Step, check};
use crate::model::{CustodyEvent, Item, Kind, State};

/// Names the serialisation, so a future change of it cannot be confused with this one.
const DOMAIN: &str = "liaison custody v1";
/// The serialisation with the step's team member, approver and due time.
const DOMAIN_V2: &str = "liaison custody v2";

/// The hash of `event` on document `doc`: lowercase hex SHA-256 over a JSON
/// array of every field but `hash` itself, in a fixed order. An event
/// without `by`, `approved_by` and `until` (every event recorded before they
/// existed) hashes as it always did, so older logs still verify.
pub fn event_hash(doc: &str, event: &CustodyEvent) -> String {
    let at = crate::model::rfc3339::format(&event.at, false);
    if event.by.is_some() || event.approved_by.is_some() || event.until.is_some() {
        let until = event
            .until
            .map(|t| crate::model::rfc3339::format(&t, false));
        let canonical = (
            DOMAIN_V2,
            doc,
            &event.prev,
            at.as_str(),
            event.action.as_str(),
            (&event.person, &event.by, &event.witness, &event.approved_by),
            (
                &event.location,
                until.as_ref().map(|t| t.as_str()),
                &event.note,
                &event.reason,
            ),
        );
        let bytes = serde_json::to_vec(&canonical).expect("strings always serialise");
        return format!("{:x}", Sha256::digest(&bytes));
    }
    let canonical = (
        DOMAIN,
        doc,
        &event.prev,
        at.as_str(),
        event.action.as_str(),
        &event.person,
        &event.witness,
        &event.location,
        &event.note,
        &event.reason,
    );
    let bytes = serde_json::to_vec(&canonical).expect("strings always serialise");
    format!("{:x}", Sha256::digest(&bytes))
}

/// What is wrong with a custody log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The event's content no longer matches its hash: it was edited.
    Altered,
    /// The event has no hash.
    Unsealed,
    /// The event does not link to the one before it: events were removed,
    /// added or reordered.
    BrokenLink,
    /// The log does not end with the event it was last sealed with: events
    /// were removed from its end (or the seal was changed).
    Truncated,
    /// Every event was removed.
    Emptied,
    /// The hashes hold but the step could not have been recorded after the
    /// ones before it.
    OutOfSequence,
    /// An item that is not a document carries custody events.
    NotADocument,
}

/// One problem found in a document's custody log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainProblem {
    /// The document's id.
    pub id: String,
    /// The event concerned, counting from 0 (for `Truncated`, the number of
    /// events left; none when the log as a whole is concerned).
    pub index: Option<usize>,
    /// The action the event records, if the problem is about one event.
    pub action: Option<Action>,
    pub fault: Fault,
}

impl std::fmt::Display for ChainProblem {
    /// Plain English, events counted from 1 (`i18n::chain_problem` for the
    /// user's language).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.index.map_or(0, |i| i + 1);
        let what = self.action.map(|a| format!(" ({a})")).unwrap_or_default();
        match self.fault {
            Fault::Altered => write!(
                f,
                "{}: custody event {n}{what} was changed after it was recorded",
                self.id
            ),
            Fault::Unsealed => write!(f, "{}: custody event {n}{what} has no hash", self.id),
            Fault::BrokenLink => write!(
                f,
                "{}: custody event {n} does not follow the one before it",
                self.id
            ),
            Fault::Truncated => write!(
                f,
                "{}: the custody log was cut after event {}",
                self.id,
                n - 1
            ),
            Fault::Emptied => write!(f, "{}: all custody events were removed", self.id),
            Fault::OutOfSequence => write!(
                f,
                "{}: custody event {n}{what} is not a valid step",
                self.id
            ),
            Fault::NotADocument => write!(
                f,
                "{}: custody events on an item that is not a document",
                self.id
            ),
        }
    }
}

/// The problems of one item's custody log, in log order.
pub fn verify_item(item: &Item) -> Vec<ChainProblem> {
    let problem = |index: Option<usize>, fault| ChainProblem {
        id: item.id.clone(),
        index,
        action: index.and_then(|i| item.custody.get(i)).map(|e| e.action),
        fault,
    };
    let log = &item.custody;
    if item.kind != Kind::Document {
        return if log.is_empty() {
            Vec::new()
        } else {
            vec![problem(None, Fault::NotADocument)]
        };
    }
    let mut out = Vec::new();
    let mut prev = "";
    for (i, event) in log.iter().enumerate() {
        if event.hash.is_empty() {
            out.push(problem(Some(i), Fault::Unsealed));
        } else if event_hash(&item.id, event) != event.hash {
            out.push(problem(Some(i), Fault::Altered));
        }
        if event.prev != prev {
            out.push(problem(Some(i), Fault::BrokenLink));
        }
        prev = &event.hash;
    }
    match log.last() {
        None if !item.custody_head.is_empty() => out.push(problem(None, Fault::Emptied)),
        Some(last) if last.hash != item.custody_head => {
            out.push(problem(Some(log.len()), Fault::Truncated));
        }
        _ => {}
    }
    if out.is_empty() {
        // The seals hold: check the steps themselves follow the rules (all
        // but the document's rule, which may have been edited since).
        for (i, e) in log.iter().enumerate() {
            if e.void.is_some() || e.conflict.is_some() {
                continue;
            }
            let step = Step::recorded_by(e);
            if check(&log[..i], &step, None).is_err() {
                out.push(problem(Some(i), Fault::OutOfSequence));
                break;
            }
        }
    }
    out
}

/// The problems of every custody log in `state`.
pub fn verify(state: &State) -> Vec<ChainProblem> {
    state
        .items
        .iter()
        .filter(|i| !i.custody.is_empty() || !i.custody_head.is_empty())
        .flat_map(verify_item)
        .collect()
}

//! Undo and redo for the whole session.
//!
//! A change is recorded as each touched item before and after (or the inbox
//! note it added). Undo puts the "before" versions back through the store, so
//! it only touches those items and never drops another process's changes.

use crate::model::{Item, Note, State};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// One item went from `before` to `after` (`None`: did not exist).
    Item {
        id: String,
        before: Option<Box<Item>>,
        after: Option<Box<Item>>,
    },
    /// A note was added to the inbox.
    Inbox(Note),
    /// Several at once (a note that also created a document request).
    Many(Vec<Change>),
}

impl Change {
    /// Applies the change backwards (`undo`) or forwards.
    pub fn apply(&self, state: &mut State, undo: bool) {
        match self {
            Change::Item { id, before, after } => state.restore(
                id,
                if undo {
                    before.as_deref().cloned()
                } else {
                    after.as_deref().cloned()
                },
            ),
            Change::Many(changes) => {
                if undo {
                    changes.iter().rev().for_each(|c| c.apply(state, true));
                } else {
                    changes.iter().for_each(|c| c.apply(state, false));
                }
            }
            Change::Inbox(note) => {
                if undo {
                    if let Some(at) = state.inbox.iter().rposition(|n| n == note) {
                        state.inbox.remove(at);
                    }
                } else {
                    state.inbox.push(note.clone());
                }
            }
        }
    }

    /// The id of the item it touched, if any.
    pub fn id(&self) -> Option<&str> {
        match self {
            Change::Item { id, .. } => Some(id),
            Change::Inbox(_) => None,
            Change::Many(changes) => changes.iter().find_map(Change::id),
        }
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

    /// Moves the last undone change back (after it was redone).
    pub fn redone(&mut self) {
        if let Some(c) = self.undone.pop() {
            self.done.push(c);
        }
    }
}

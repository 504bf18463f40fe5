//! The custody register of a document (资料调阅与借阅登记): a state machine
//! over an append-only, hash-chained log of steps.
//!
//! requested → received → (lent to a person ⇄ back with the liaison)* →
//! closed by return to the unit, shredding (with a witness) or archiving (with
//! a location). Every step is checked here and refused with a typed error,
//! changing nothing, when it does not fit; the dashboard and the command line
//! both call [`apply`] (or [`State::custody`]). The clock is passed in.

mod chain;
#[cfg(test)]
mod chain_tests;
#[cfg(test)]
mod tests;

use thiserror::Error;

use super::{CustodyEvent, Item, Kind, ModelError, Rule, State, Status, Time};
use crate::choice;

pub use chain::{ChainProblem, Fault, event_hash, verify, verify_item};

choice!(
    /// One step in a document's custody.
    Action { Receive = "receive", Lend = "lend", Back = "back", Return = "return", Shred = "shred", Archive = "archive" }
);

impl Action {
    /// Return, shred or archive: the step that ends custody.
    pub fn is_closing(self) -> bool {
        matches!(self, Action::Return | Action::Shred | Action::Archive)
    }

    /// The detail this step cannot be recorded without.
    pub fn needs(self) -> Option<Need> {
        match self {
            Action::Lend => Some(Need::Person),
            Action::Shred => Some(Need::Witness),
            Action::Archive => Some(Need::Location),
            _ => None,
        }
    }
}

/// A detail a step requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The borrower (lend).
    Person,
    /// Who saw it destroyed (shred).
    Witness,
    /// Where it is filed (archive).
    Location,
}

/// The closing step a document's rule asks for (return when it has none).
pub fn closing_step(rule: Option<Rule>) -> Action {
    match rule.unwrap_or(Rule::Return) {
        Rule::Return => Action::Return,
        Rule::Shred => Action::Shred,
        Rule::Archive => Action::Archive,
    }
}

/// Where a document stands, read from its log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage<'a> {
    /// Asked for, not received yet.
    Requested,
    /// Received and with the liaison.
    Held,
    /// Lent to this person.
    Lent(&'a str),
    /// Custody ended by this step.
    Closed(Action),
}

/// The stage after the steps of `log` (void ones do not count).
pub fn stage_of(log: &[CustodyEvent]) -> Stage<'_> {
    match log.iter().rev().find(|e| e.void.is_none()) {
        None => Stage::Requested,
        Some(e) => match e.action {
            Action::Receive | Action::Back => Stage::Held,
            Action::Lend => Stage::Lent(e.person.as_deref().unwrap_or_default()),
            closing => Stage::Closed(closing),
        },
    }
}

/// The steps of a document's log that count: all but the void ones.
pub fn live(item: &Item) -> impl DoubleEndedIterator<Item = &CustodyEvent> {
    item.custody.iter().filter(|e| e.void.is_none())
}

/// The last step that counts.
pub fn last_live(item: &Item) -> Option<&CustodyEvent> {
    live(item).next_back()
}

/// Marks the step sealed with `hash` void (an undo). False if there is no
/// such step or it is void already.
pub fn void(item: &mut Item, hash: &str, at: Time, by: &str) -> bool {
    match item
        .custody
        .iter_mut()
        .find(|e| e.hash == hash && e.void.is_none())
    {
        Some(e) => {
            e.void = Some(super::Void {
                at,
                by: by.to_string(),
            });
            true
        }
        None => false,
    }
}

/// Where `item` stands in its custody.
pub fn stage(item: &Item) -> Stage<'_> {
    stage_of(&item.custody)
}

/// The person a document is lent to now, if it is lent out.
pub fn holder(item: &Item) -> Option<&str> {
    match stage(item) {
        Stage::Lent(to) => Some(to),
        _ => None,
    }
}

/// Whether custody has ended (returned, shredded or archived).
pub fn is_closed(item: &Item) -> bool {
    matches!(stage(item), Stage::Closed(_))
}

/// The next sensible step for a document (the dashboard's `x`): receive, then
/// lend, then take back, then the rule's closing step. None when custody has
/// ended or the item is not a document.
pub fn next_step(item: &Item) -> Option<Action> {
    if item.kind != Kind::Document {
        return None;
    }
    match stage(item) {
        Stage::Requested => Some(Action::Receive),
        Stage::Held if live(item).any(|e| e.action == Action::Lend) => {
            Some(closing_step(item.rule))
        }
        Stage::Held => Some(Action::Lend),
        Stage::Lent(_) => Some(Action::Back),
        Stage::Closed(_) => None,
    }
}

/// A step as asked for, before it is checked and recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub action: Action,
    pub person: Option<String>,
    pub witness: Option<String>,
    pub location: Option<String>,
    pub note: Option<String>,
    /// Why a closing step differs from the document's rule.
    pub reason: Option<String>,
}

impl Step {
    pub fn new(action: Action) -> Step {
        Step {
            action,
            person: None,
            witness: None,
            location: None,
            note: None,
            reason: None,
        }
    }

    pub fn person(mut self, p: impl Into<String>) -> Step {
        self.person = Some(p.into());
        self
    }

    pub fn witness(mut self, w: impl Into<String>) -> Step {
        self.witness = Some(w.into());
        self
    }

    pub fn location(mut self, l: impl Into<String>) -> Step {
        self.location = Some(l.into());
        self
    }

    pub fn note(mut self, n: impl Into<String>) -> Step {
        self.note = Some(n.into());
        self
    }

    pub fn reason(mut self, r: impl Into<String>) -> Step {
        self.reason = Some(r.into());
        self
    }

    /// Trims every text; blank becomes none.
    fn tidy(mut self) -> Step {
        for field in [
            &mut self.person,
            &mut self.witness,
            &mut self.location,
            &mut self.note,
            &mut self.reason,
        ] {
            *field = field
                .take()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty());
        }
        self
    }
}

/// Why a custody step was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("custody applies only to documents, not to a {kind} item")]
    NotADocument { kind: Kind },
    #[error("cannot {action}: it has not been received yet")]
    NotReceived { action: Action },
    #[error("it has already been received")]
    AlreadyReceived,
    #[error("it is not lent out, so there is nothing to take back")]
    NotLent,
    #[error("it is lent to {to}; take it back before lending it again")]
    AlreadyLent { to: String },
    #[error("cannot {action}: it is lent to {to}; take it back first")]
    LentOut { action: Action, to: String },
    #[error("custody was already closed ({by}); no further steps")]
    Closed { by: Action },
    #[error("lending needs the borrower")]
    NoPerson,
    #[error("shredding needs a witness")]
    NoWitness,
    #[error("archiving needs the archive location")]
    NoLocation,
    #[error("its rule is {rule}; to {action} it instead, give an override reason")]
    AgainstRule { rule: Rule, action: Action },
    #[error("an override reason applies only to a closing step that differs from the rule")]
    NothingToOverride,
    #[error("its custody log fails verification ({problems} problems); nothing was recorded")]
    BrokenLog { problems: usize },
    #[error("a document is done when its custody closes ({closing})")]
    DoneThroughCustody { closing: Action },
    #[error(
        "it has a custody history, which is never deleted; close its custody or undo its steps instead"
    )]
    HasHistory,
}

/// A refused custody step: which document and why.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{id}: {refusal}")]
pub struct CustodyError {
    pub id: String,
    pub refusal: Refusal,
}

/// Whether `step` may follow the log as it stands. `rule` is the document's
/// rule, or none to skip the rule check (when replaying a log whose rule may
/// have been edited since).
fn check(log: &[CustodyEvent], step: &Step, rule: Option<Option<Rule>>) -> Result<(), Refusal> {
    let action = step.action;
    match (stage_of(log), action) {
        (Stage::Closed(by), _) => return Err(Refusal::Closed { by }),
        (Stage::Requested, Action::Receive) => {}
        (Stage::Requested, Action::Back) | (Stage::Held, Action::Back) => {
            return Err(Refusal::NotLent);
        }
        (Stage::Requested, _) => return Err(Refusal::NotReceived { action }),
        (_, Action::Receive) => return Err(Refusal::AlreadyReceived),
        (Stage::Lent(to), Action::Lend) => return Err(Refusal::AlreadyLent { to: to.into() }),
        (Stage::Lent(_), Action::Back) => {}
        (Stage::Lent(to), _) => {
            return Err(Refusal::LentOut {
                action,
                to: to.into(),
            });
        }
        (Stage::Held, _) => {}
    }
    if action.is_closing() {
        if let Some(rule) = rule {
            let wanted = closing_step(rule);
            match (action == wanted, step.reason.is_some()) {
                (false, false) => {
                    return Err(Refusal::AgainstRule {
                        rule: rule.unwrap_or(Rule::Return),
                        action,
                    });
                }
                (true, true) => return Err(Refusal::NothingToOverride),
                _ => {}
            }
        }
    } else if step.reason.is_some() {
        return Err(Refusal::NothingToOverride);
    }
    match action.needs() {
        Some(Need::Person) if step.person.is_none() => Err(Refusal::NoPerson),
        Some(Need::Witness) if step.witness.is_none() => Err(Refusal::NoWitness),
        Some(Need::Location) if step.location.is_none() => Err(Refusal::NoLocation),
        _ => Ok(()),
    }
}

/// Records `step` on the document `item` at `now`, or refuses and changes
/// nothing. Receiving puts the item in progress; a closing step makes it done.
/// A log that fails verification is never added to: its problems stay visible.
pub fn apply(item: &mut Item, step: Step, now: Time) -> Result<(), CustodyError> {
    let refuse = |refusal| CustodyError {
        id: item.id.clone(),
        refusal,
    };
    if item.kind != Kind::Document {
        return Err(refuse(Refusal::NotADocument { kind: item.kind }));
    }
    let problems = verify_item(item).len();
    if problems > 0 {
        return Err(refuse(Refusal::BrokenLog { problems }));
    }
    let mut step = step.tidy();
    check(&item.custody, &step, Some(item.rule)).map_err(refuse)?;
    if step.action == Action::Back && step.person.is_none() {
        // The log says who handed it back: the borrower, unless told otherwise.
        step.person = holder(item).map(str::to_string);
    }
    let prev = item
        .custody
        .last()
        .map(|e| e.hash.clone())
        .unwrap_or_default();
    let mut event = CustodyEvent {
        at: now,
        action: step.action,
        person: step.person,
        witness: step.witness,
        location: step.location,
        note: step.note,
        reason: step.reason,
        prev,
        hash: String::new(),
        void: None,
    };
    event.hash = event_hash(&item.id, &event);
    item.custody_head = event.hash.clone();
    item.custody.push(event);
    if step.action == Action::Receive {
        item.status = Status::InProgress;
    } else if step.action.is_closing() {
        item.status = Status::Done;
    }
    item.updated = now;
    Ok(())
}

impl State {
    /// Records a custody step on the document with `id`. Returns the item as
    /// it was (for undo).
    pub fn custody(&mut self, id: &str, step: Step, now: Time) -> Result<Item, ModelError> {
        let at = self
            .position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        let before = self.items[at].clone();
        apply(&mut self.items[at], step, now)?;
        Ok(before)
    }
}

/// Refuses to delete an item with custody history (see `State::remove`).
pub(super) fn guard_delete(item: &Item) -> Result<(), ModelError> {
    if !item.custody.is_empty() {
        return Err(CustodyError {
            id: item.id.clone(),
            refusal: Refusal::HasHistory,
        }
        .into());
    }
    Ok(())
}

/// Refuses to mark a document done outside its custody (see `State::mark_done`).
pub(super) fn guard_done(item: &Item) -> Result<(), ModelError> {
    if item.kind == Kind::Document && !is_closed(item) {
        let refusal = Refusal::DoneThroughCustody {
            closing: closing_step(item.rule),
        };
        return Err(CustodyError {
            id: item.id.clone(),
            refusal,
        }
        .into());
    }
    Ok(())
}

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
mod class;
mod copies;
#[cfg(test)]
mod copies_tests;
pub mod register;
mod step;
#[cfg(test)]
mod tests;

use chrono::Duration;

use super::{CustodyEvent, Item, Kind, ModelError, Rule, State, Status, Time};
use crate::choice;

pub use chain::{ChainProblem, Fault, event_hash, verify, verify_item};
pub use class::ClassChange;
pub(crate) use class::guard_class;
pub use copies::{Open, OpenKind, clearance, copies_of, nest_copies, open_copies};
pub use step::{CustodyError, Field, Need, Refusal, Step};

choice!(
    /// One step in a document's custody.
    Action { Receive = "receive", Lend = "lend", Back = "back", Return = "return", Shred = "shred", Archive = "archive" }
);

impl Action {
    /// Return, shred or archive: the step that ends custody.
    pub fn is_closing(self) -> bool {
        matches!(self, Action::Return | Action::Shred | Action::Archive)
    }

    /// The details this step cannot be recorded without, in the order a
    /// prompt asks for them.
    pub fn needs(self) -> &'static [Need] {
        match self {
            Action::Lend => &[Need::Person],
            Action::Shred => &[Need::Approver, Need::Witness],
            Action::Archive => &[Need::Location],
            _ => &[],
        }
    }
}

/// The loan time when none is given: `loan_hours` in the config file.
pub const LOAN_HOURS: u32 = 24;

/// When a loan made at `now` is due back by default.
pub fn due_back(now: Time, loan_hours: u32) -> Time {
    now + Duration::hours(i64::from(loan_hours))
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

/// The events of `log` that count — all but the void ones (undone steps,
/// kept in the log): every stage, holder and alert is read through this
/// one function.
pub fn live(log: &[CustodyEvent]) -> impl DoubleEndedIterator<Item = &CustodyEvent> + Clone {
    log.iter()
        .filter(|e| e.void.is_none() && e.conflict.is_none())
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

/// The stage after the steps of `log`.
pub fn stage_of(log: &[CustodyEvent]) -> Stage<'_> {
    match live(log).next_back() {
        None => Stage::Requested,
        Some(e) => match e.action {
            Action::Receive | Action::Back => Stage::Held,
            Action::Lend => Stage::Lent(e.person.as_deref().unwrap_or_default()),
            closing => Stage::Closed(closing),
        },
    }
}

/// Where `item` stands in its custody.
pub fn stage(item: &Item) -> Stage<'_> {
    stage_of(&item.custody)
}

/// The last step that counts, if any.
pub fn last(item: &Item) -> Option<&CustodyEvent> {
    live(&item.custody).next_back()
}

/// The person a document is lent to now, if it is lent out.
pub fn holder(item: &Item) -> Option<&str> {
    match stage(item) {
        Stage::Lent(to) => Some(to),
        _ => None,
    }
}

/// An open loan: who holds the document, since when, due back when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loan<'a> {
    pub person: &'a str,
    pub since: Time,
    /// The loan's own due time; none for loans recorded before loans had one.
    pub until: Option<Time>,
}

impl Loan<'_> {
    /// When the loan is due back: its own time, else `fallback` after it began.
    pub fn due(&self, fallback: Duration) -> Time {
        self.until.unwrap_or(self.since + fallback)
    }
}

/// The open loan of `item`, if it is lent out.
pub fn loan(item: &Item) -> Option<Loan<'_>> {
    let e = last(item).filter(|e| e.action == Action::Lend)?;
    Some(Loan {
        person: e.person.as_deref().unwrap_or_default(),
        since: e.at,
        until: e.until,
    })
}

/// Whether custody has ended (returned, shredded or archived).
pub fn is_closed(item: &Item) -> bool {
    matches!(stage(item), Stage::Closed(_))
}

/// What `x` offers for a document: one step, or a choice after receipt or a
/// loan's return. None when custody has ended or the item is not a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Only this step fits (receive, take back).
    Only(Action),
    /// Held: lend, close by the rule, or close another way with a reason.
    Choose { rule: Action, others: [Action; 2] },
}

/// The steps `x` offers for `item`.
pub fn next(item: &Item) -> Option<Next> {
    if item.kind != Kind::Document {
        return None;
    }
    match stage(item) {
        Stage::Requested => Some(Next::Only(Action::Receive)),
        Stage::Lent(_) => Some(Next::Only(Action::Back)),
        Stage::Closed(_) => None,
        Stage::Held => {
            let rule = closing_step(item.rule);
            let mut others = [Action::Return, Action::Shred, Action::Archive]
                .into_iter()
                .filter(|a| *a != rule);
            let others = [
                others.next().expect("three closing steps"),
                others.next().expect("three closing steps"),
            ];
            Some(Next::Choose { rule, others })
        }
    }
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
    if step.until.is_some() && action != Action::Lend {
        return Err(Refusal::UntilNotLoan);
    }
    for need in action.needs() {
        let missing = match need {
            Need::Person => step.person.is_none(),
            // Shreds recorded before approval was asked for still replay.
            Need::Approver => step.approved_by.is_none() && rule.is_some(),
            Need::Witness => step.witness.is_none(),
            Need::Location => step.location.is_none(),
        };
        if missing {
            return Err(match need {
                Need::Person => Refusal::NoPerson,
                Need::Approver => Refusal::NoApprover,
                Need::Witness => Refusal::NoWitness,
                Need::Location => Refusal::NoLocation,
            });
        }
    }
    Ok(())
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
    if step.until.is_some_and(|until| until <= now) {
        return Err(refuse(Refusal::UntilPast));
    }
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
        by: step.by,
        witness: step.witness,
        approved_by: step.approved_by,
        location: step.location,
        until: step.until,
        note: step.note,
        reason: step.reason,
        void: None,
        conflict: None,
        prev,
        hash: String::new(),
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
    /// it was (for undo). A document does not close while a copy or extract
    /// of it is still open.
    pub fn custody(&mut self, id: &str, step: Step, now: Time) -> Result<Item, ModelError> {
        let at = self
            .position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        let before = self.items[at].clone();
        if step.action.is_closing() && before.kind == Kind::Document {
            let open: Vec<String> = open_copies(self, &before.id)
                .map(|c| c.id.clone())
                .collect();
            if !open.is_empty() {
                let refusal = Refusal::OpenCopies { open };
                return Err(CustodyError {
                    id: before.id,
                    refusal,
                }
                .into());
            }
        }
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

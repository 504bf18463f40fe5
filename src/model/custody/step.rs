//! A custody step as asked for, and why one is refused.

use thiserror::Error;

use super::StepKind;
use crate::model::{Kind, Rule, Time};

/// A step as asked for, before it is checked and recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub action: StepKind,
    /// The other party (who handed it over, the borrower, who brought it
    /// back, who took it back at the unit).
    pub person: Option<String>,
    /// The team member recording it.
    pub by: Option<String>,
    pub witness: Option<String>,
    pub approved_by: Option<String>,
    pub location: Option<String>,
    /// When a loan is due back.
    pub until: Option<Time>,
    pub note: Option<String>,
    /// Why a closing step differs from the document's rule.
    pub reason: Option<String>,
}

impl Step {
    /// The step `e` recorded, to check or record again.
    pub fn recorded_by(e: &crate::model::CustodyEvent) -> Step {
        Step {
            action: e.action,
            person: e.person.clone(),
            by: e.by.clone(),
            witness: e.witness.clone(),
            approved_by: e.approved_by.clone(),
            location: e.location.clone(),
            until: e.until,
            note: e.note.clone(),
            reason: e.reason.clone(),
        }
    }

    pub fn new(action: StepKind) -> Step {
        Step {
            action,
            person: None,
            by: None,
            witness: None,
            approved_by: None,
            location: None,
            until: None,
            note: None,
            reason: None,
        }
    }

    pub fn person(mut self, p: impl Into<String>) -> Step {
        self.person = Some(p.into());
        self
    }

    pub fn by(mut self, p: impl Into<String>) -> Step {
        self.by = Some(p.into());
        self
    }

    pub fn witness(mut self, w: impl Into<String>) -> Step {
        self.witness = Some(w.into());
        self
    }

    pub fn approved_by(mut self, a: impl Into<String>) -> Step {
        self.approved_by = Some(a.into());
        self
    }

    pub fn location(mut self, l: impl Into<String>) -> Step {
        self.location = Some(l.into());
        self
    }

    pub fn until(mut self, t: Time) -> Step {
        self.until = Some(t);
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
    pub(super) fn tidy(mut self) -> Step {
        for field in [
            &mut self.person,
            &mut self.by,
            &mut self.witness,
            &mut self.approved_by,
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

/// A detail a step requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The borrower (lend).
    Person,
    /// Who approved destroying it (shred).
    Approver,
    /// Who saw it destroyed (shred).
    Witness,
    /// Where it is filed (archive).
    Location,
}

/// A detail of a step, as a prompt asks for it and a register shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The other party (its meaning depends on the step).
    Person,
    Until,
    ApprovedBy,
    Witness,
    Location,
    /// The team member recording it.
    By,
    Note,
    /// Why a closing step differs from the rule.
    Reason,
}

impl Field {
    /// Every detail a recorded step may carry, in the order shown (a step
    /// shows those it has, even ones it does not ask for).
    pub const SHOWN: [Field; 6] = [
        Field::Person,
        Field::Until,
        Field::ApprovedBy,
        Field::Witness,
        Field::Location,
        Field::By,
    ];

    /// The details a step records, in the order a prompt asks for them.
    pub fn of(action: StepKind) -> &'static [Field] {
        use Field::*;
        match action {
            StepKind::Receive | StepKind::Back | StepKind::Return => &[Person, By],
            StepKind::Lend => &[Person, Until, By],
            StepKind::Shred => &[ApprovedBy, Witness, By],
            StepKind::Archive => &[Location, By],
        }
    }

    /// Whether `action` cannot be recorded without this detail.
    pub fn required(self, action: StepKind) -> bool {
        let need = match self {
            Field::Person => Need::Person,
            Field::ApprovedBy => Need::Approver,
            Field::Witness => Need::Witness,
            Field::Location => Need::Location,
            Field::Reason => return true,
            _ => return false,
        };
        action.needs().contains(&need)
    }
}

/// Why a custody step was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("custody applies only to documents, not to a {kind} item")]
    NotADocument { kind: Kind },
    #[error("cannot {action}: it has not been received yet")]
    NotReceived { action: StepKind },
    #[error("it has already been received")]
    AlreadyReceived,
    #[error("it is not lent out, so there is nothing to take back")]
    NotLent,
    #[error("it is lent to {to}; take it back before lending it again")]
    AlreadyLent { to: String },
    #[error("cannot {action}: it is lent to {to}; take it back first")]
    LentOut { action: StepKind, to: String },
    #[error("custody was already closed ({by}); no further steps")]
    Closed { by: StepKind },
    #[error("lending needs the borrower")]
    NoPerson,
    #[error("shredding needs a witness")]
    NoWitness,
    #[error("shredding needs who approved it")]
    NoApprover,
    #[error("archiving needs the archive location")]
    NoLocation,
    #[error("a loan's due-back time must be later than the loan")]
    UntilPast,
    #[error("a due-back time applies only to lending")]
    UntilNotLoan,
    #[error("its rule is {rule}; to {action} it instead, give an override reason")]
    AgainstRule { rule: Rule, action: StepKind },
    #[error("an override reason applies only to a closing step that differs from the rule")]
    NothingToOverride,
    #[error("its custody log fails verification ({problems} problems); nothing was recorded")]
    BrokenLog { problems: usize },
    #[error("a document is done when its custody closes ({closing})")]
    DoneThroughCustody { closing: StepKind },
    #[error("its copies or extracts are still open: {}", open.join(", "))]
    OpenCopies { open: Vec<String> },
    #[error("a copy can be made only of a document in hand")]
    NotInHand,
    #[error("lowering its class from {from} to {to} needs a reason")]
    ClassLowered {
        from: crate::model::Class,
        to: crate::model::Class,
    },
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

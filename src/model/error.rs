//! The typed errors of the domain. Each names what was wrong and what was typed.

use thiserror::Error;

/// Why the model refused a value or an operation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    #[error("the title is empty")]
    EmptyTitle,
    #[error("the note is empty")]
    EmptyNote,
    #[error("the end ({end}) is before the start ({start})")]
    EndBeforeStart { start: String, end: String },
    #[error("unknown {field} '{value}' (expected one of: {allowed})")]
    UnknownValue {
        field: &'static str,
        value: String,
        allowed: String,
    },
    #[error("no item with id '{0}'")]
    UnknownId(String),
    /// A note's number (from 1) that its item, or the inbox (`None`), lacks.
    #[error("there is no note {number}")]
    NoSuchNote {
        target: Option<String>,
        number: usize,
    },
    #[error("cannot read the date '{input}' (try {examples})")]
    BadDate { input: String, examples: String },
    #[error("'{input}': {date} is a {}, not a {said}", date.format("%A"))]
    DateWeekday {
        input: String,
        date: chrono::NaiveDate,
        said: chrono::Weekday,
    },
    #[error("{field} does not apply to a {kind} item")]
    FieldNotForKind { field: &'static str, kind: String },
    #[error("{0}")]
    Refused(String),
    #[error("{id} cannot move: {why:?}")]
    Move {
        id: String,
        why: super::moving::MoveRefusal,
    },
    #[error(transparent)]
    Custody(#[from] super::custody::CustodyError),
    #[error(transparent)]
    Substitute(#[from] super::substitute::SubstituteError),
    #[error(transparent)]
    Meeting(#[from] MeetingError),
    #[error(transparent)]
    Team(#[from] super::roster::TeamError),
}

/// Why a change to a meeting's checklist, a follow-up question or a captured
/// line was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MeetingError {
    #[error("{id} is a {kind} item; only meetings have a checklist")]
    NotAMeeting { id: String, kind: super::Kind },
    #[error("{id} has no checklist entry '{entry}'")]
    NoSuchCheck { id: String, entry: String },
    #[error("{id} has no follow-up question {number}")]
    NoSuchFollowup { id: String, number: usize },
    #[error("the checklist entry is empty")]
    EmptyCheck,
    #[error("a document request needs a title after '#'")]
    EmptyRequest,
    #[error("a follow-up question needs text after '?'")]
    EmptyQuestion,
}

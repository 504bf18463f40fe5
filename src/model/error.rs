//! The typed errors of the domain. Each names what was wrong and what was typed.

use thiserror::Error;

/// Why the model refused a value or an operation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    #[error("the title is empty")]
    EmptyTitle,
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
    #[error("cannot read the date '{input}' (try {examples})")]
    BadDate { input: String, examples: String },
    #[error("{field} does not apply to a {kind} item")]
    FieldNotForKind { field: &'static str, kind: String },
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Custody(#[from] super::custody::CustodyError),
    #[error(transparent)]
    Substitute(#[from] super::substitute::SubstituteError),
}

//! English: the texts of the merge between replicas.

use crate::i18n::sync_texts::Y;

/// `key` in English.
pub fn text(key: Y) -> &'static str {
    match key {
        Y::ErrNotJoined => "this data directory has not joined a team",
        Y::ErrNotEmpty => {
            "this data directory holds {} items, so it cannot join a team that has a founder; join with an empty data directory"
        }
        Y::ErrOwnOp => "operation {} is this replica's own; nothing was taken in",
        Y::ErrChain => "replica {}, operation {}: {}; nothing was taken in",
        Y::ErrBlockUsedUp => "the block of ids {} is used up; sync to claim another block",
        Y::ErrDamaged => "{} cannot be read; it was left untouched",
        Y::FaultAltered => "its content does not match its hash",
        Y::FaultBrokenLink => "it does not follow the operation before it",
        Y::FaultGap => "operations before it are missing",
        Y::FaultForked => "another operation with this number is held already",
        Y::FaultWrongReplica => "it names another replica",
        Y::FaultUnreadable => "it cannot be read",
        Y::Problem => "replica {}, operation {}: {}",
        Y::Conflict => "{}: custody conflict: {} from replica {} (operation {}) no longer fits: {}",
        Y::ConflictMark => "conflict from replica {}: {}",
        Y::ConflictShort => "{}: custody conflict",
        Y::ConflictHint => "resolve it with a new step or by voiding the conflicting step",
        Y::ErrNoConflict => "{} has no custody conflict to resolve",
        Y::Resolved => "{}: {} conflicting step(s) voided; they stay in the log",
        Y::ClearanceConflicts => "custody conflicts to resolve",
    }
}

//! Which incoming operations are trusted: signed by the key first seen for
//! their replica, not claiming to be this replica's, and not after their
//! replica's retirement; and `verify`'s check of those held.

use super::local::Local;
use super::{SyncError, sign};
use crate::store::{Op, Store};

/// Why an incoming operation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// No trusted key for its replica.
    UnknownReplica,
    /// Unsigned, or the signature is not its replica's.
    BadSignature,
    /// Its replica was retired before it.
    Retired,
    /// It claims to be this replica's own.
    Own,
}

/// Whether `op` is to be trusted, by what `local` knows.
pub fn check(local: &Local, op: &Op) -> Result<(), Check> {
    if op.replica == local.replica {
        return Err(Check::Own);
    }
    let key = local.keys.get(&op.replica).ok_or(Check::UnknownReplica)?;
    if !sign::verify_op(op, key) {
        return Err(Check::BadSignature);
    }
    match local.retired.get(&op.replica) {
        Some(upto) if op.seq > *upto => Err(Check::Retired),
        _ => Ok(()),
    }
}

/// `verify`'s check of the other replicas' operations held here: the
/// ones whose signature does not hold, by (replica, seq).
pub fn check_stored(store: &Store) -> Result<Vec<(String, u64, Check)>, SyncError> {
    let Some(local) = Local::load(store)? else {
        return Ok(Vec::new());
    };
    Ok(store
        .foreign_ops()?
        .iter()
        .filter_map(|op| {
            check(&local, op)
                .err()
                .map(|c| (op.replica.clone(), op.seq, c))
        })
        .collect())
}

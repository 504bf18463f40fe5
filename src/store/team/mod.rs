//! One register for the whole team: other replicas' operations held in the
//! data directory and merged with this one's in the one order every
//! replica uses (see `fold`), so replicas holding the same operations hold
//! the same state. The snapshot is a cache of that fold; the operations
//! are the record. Moving operations between replicas (git, sealing,
//! signatures) is not done here: this is what that work calls.

#[cfg(test)]
mod converge_tests;
mod export;
mod files;
#[cfg(test)]
mod files_tests;
pub mod fold;
pub mod hlc;
pub mod ids;
mod lists;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{Store, StoreError};
use crate::model::Time;
pub use files::{Membership, check_chain, team_hash};

pub use super::op::Op;

/// What `take_in` brought: how many operations were new, the items they
/// touched, and the documents with a custody conflict that was not there
/// before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arrivals {
    pub ops: usize,
    pub items: Vec<String>,
    pub conflicts: Vec<String>,
}

/// What is wrong with one operation of a replica's chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainFault {
    /// Its content does not match its hash.
    Altered,
    /// It does not follow the operation before it.
    BrokenLink,
    /// Operations before it are missing.
    Gap,
    /// Another operation with the same number is held already.
    Forked,
    /// It names another replica than the chain it is in.
    WrongReplica,
    /// The line cannot be read as an operation.
    Unreadable,
}

impl std::fmt::Display for ChainFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ChainFault::Altered => "its content does not match its hash",
            ChainFault::BrokenLink => "it does not follow the operation before it",
            ChainFault::Gap => "operations before it are missing",
            ChainFault::Forked => "another operation with this number is held already",
            ChainFault::WrongReplica => "it names another replica",
            ChainFault::Unreadable => "it cannot be read",
        })
    }
}

/// Why a team operation was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamError {
    #[error("this data directory has not joined a team")]
    NotJoined,
    #[error(
        "this data directory holds {items} items, so it cannot join a team that has a founder; join with an empty data directory"
    )]
    NotEmpty { items: usize },
    #[error("operation {seq} is this replica's own; nothing was taken in")]
    OwnOp { seq: u64 },
    #[error("replica {replica}, operation {seq}: {what}; nothing was taken in")]
    Chain {
        replica: String,
        seq: u64,
        what: ChainFault,
    },
    #[error("the block of ids {block} is used up; claim another block")]
    BlockUsedUp { block: u32 },
    #[error("{} cannot be read; it was left untouched", file.display())]
    Damaged { file: PathBuf },
}

/// One problem `verify` finds in the chains of other replicas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainProblem {
    pub replica: String,
    pub seq: u64,
    pub what: ChainFault,
}

/// The operations of a chain that make whole changes (a change whose last
/// operation has not arrived waits).
fn complete(ops: &[Op]) -> &[Op] {
    let end = ops.iter().rposition(|o| !o.more).map_or(0, |i| i + 1);
    &ops[..end]
}

/// What the snapshot folds, named by every other replica's last complete
/// operation.
fn digest_of(chains: &BTreeMap<String, Vec<Op>>, me: &str) -> String {
    let mut out = String::new();
    for (r, ops) in chains.iter().filter(|(r, _)| *r != me) {
        if let Some(last) = complete(ops).last() {
            out.push_str(&format!("{r} {} {}\n", last.seq, last.hash));
        }
    }
    out
}

impl Store {
    /// This data dir's replica id (made and recorded if it has none yet).
    pub fn replica_id(&self) -> Result<String, StoreError> {
        let lock = self.lock()?;
        let snap = self.read(&lock)?;
        if !snap.chain.replica.is_empty() {
            return Ok(snap.chain.replica);
        }
        let mut chain = snap.chain.clone();
        let now = chrono::DateTime::from_timestamp(0, 0)
            .unwrap_or_default()
            .fixed_offset();
        self.compact(&lock, &snap.state, &mut chain, now)?;
        Ok(chain.replica)
    }

    /// Whether this data directory has joined a team.
    pub fn in_team(&self) -> bool {
        self.team_dir().join("team.json").exists()
    }

    /// The operations THIS replica made with `seq > after`, in order, each
    /// complete. `after = 0` gives them all from the first: for the founder
    /// that is one `base` operation holding the state it founded the team
    /// with, so a fresh replica that applies the list gets the same state.
    pub fn own_ops_after(&self, after: u64) -> Result<Vec<Op>, StoreError> {
        let lock = self.lock()?;
        let snap = self.read(&lock)?;
        let m = self.membership()?.ok_or(TeamError::NotJoined)?;
        let own = self.export_own(&snap.chain.replica, &m)?;
        Ok(complete(&own)
            .iter()
            .filter(|o| o.seq > after)
            .cloned()
            .collect())
    }

    /// Every other replica's operation held here.
    pub fn foreign_ops(&self) -> Result<Vec<Op>, StoreError> {
        let lock = self.lock()?;
        let snap = self.read(&lock)?;
        let mut out = Vec::new();
        for r in self.chain_replicas() {
            if r != snap.chain.replica {
                out.extend(self.read_chain(&r)?);
            }
        }
        Ok(out)
    }

    /// The problems of the chains held here, one per replica at most (its
    /// first); none when this data directory is in no team.
    pub fn team_problems(&self) -> Result<Vec<ChainProblem>, StoreError> {
        let mut out = Vec::new();
        for r in self.chain_replicas() {
            let ops = match self.read_chain(&r) {
                Ok(ops) => ops,
                Err(StoreError::Team(TeamError::Chain { seq, what, .. })) => {
                    out.push(ChainProblem {
                        replica: r,
                        seq,
                        what,
                    });
                    continue;
                }
                Err(e) => return Err(e),
            };
            if let Err((seq, what)) = check_chain(&r, &ops) {
                out.push(ChainProblem {
                    replica: r,
                    seq,
                    what,
                });
            }
        }
        Ok(out)
    }

    /// Takes in other replicas' operations (any order, any batching; ones
    /// already known are ignored, ones whose predecessors have not arrived
    /// wait to be sent again; own ones are refused). The caller has checked
    /// their signatures. Each replica's chain is written whole and
    /// atomically, then the state is folded again in the one order and
    /// written as a new snapshot: a kill at any point leaves the old or the
    /// new files, and taking the same operations in again completes.
    pub fn take_in(&self, ops: Vec<Op>, now: Time) -> Result<Arrivals, StoreError> {
        let lock = self.lock()?;
        let snap = self.read(&lock)?;
        let m = self.membership()?.ok_or(TeamError::NotJoined)?;
        let me = snap.chain.replica.clone();
        let mut by: BTreeMap<String, Vec<Op>> = BTreeMap::new();
        for o in ops {
            if o.replica == me {
                return Err(TeamError::OwnOp { seq: o.seq }.into());
            }
            if !files::valid_replica(&o.replica) {
                return Err(TeamError::Chain {
                    replica: o.replica.chars().take(64).collect(),
                    seq: o.seq,
                    what: ChainFault::Unreadable,
                }
                .into());
            }
            by.entry(o.replica.clone()).or_default().push(o);
        }
        let mut chains: BTreeMap<String, Vec<Op>> = BTreeMap::new();
        for r in self.chain_replicas() {
            if r != me {
                let held = self.read_chain(&r)?;
                chains.insert(r, held);
            }
        }
        let mut grown: Vec<String> = Vec::new();
        let mut fresh: Vec<Op> = Vec::new();
        let mut waits: Vec<(String, Vec<Op>)> = Vec::new();
        for (r, mut incoming) in by {
            let waited = self.read_waiting(&r)?;
            let had = waited.len();
            incoming.extend(waited);
            let chain = chains.entry(r.clone()).or_default();
            let (added, waiting) = extend(&r, chain, incoming)?;
            if !added.is_empty() {
                grown.push(r.clone());
                fresh.extend(added);
            }
            if waiting.len() != had || !waiting.is_empty() {
                waits.push((r, waiting));
            }
        }
        // The chains first: an operation is never only in a waiting file
        // and gone from where it arrived.
        for r in &grown {
            self.write_chain(r, &chains[r])?;
        }
        for (r, waiting) in &waits {
            self.write_waiting(r, waiting)?;
        }
        let digest = digest_of(&chains, &me);
        if fresh.is_empty() && digest == self.folded() {
            return Ok(Arrivals::default());
        }
        let own = self.export_own(&me, &m)?;
        let mut all: Vec<&Op> = complete(&own).iter().collect();
        for ops in chains.values() {
            all.extend(complete(ops));
        }
        let mut state = fold::fold(&all);
        state.version = crate::model::VERSION;
        // Ids of this replica's block deleted elsewhere are never reused.
        if let Some(high) = ids::Block(m.block).remember(&m.high, &snap.state, &state) {
            self.write_membership(&Membership { high, ..m.clone() })?;
        }
        let before: std::collections::HashSet<String> = crate::model::conflict::all(&snap.state)
            .into_iter()
            .map(|(i, _)| i.id.clone())
            .collect();
        let conflicts = crate::model::conflict::all(&state)
            .into_iter()
            .map(|(i, _)| i.id.clone())
            .filter(|id| !before.contains(id))
            .collect();
        let mut chain = snap.chain.clone();
        chain.hlc = hlc::later(&chain.hlc, &hlc::latest(&fresh));
        for ops in chains.values() {
            chain.hlc = hlc::later(&chain.hlc, &hlc::latest(ops));
        }
        self.compact(&lock, &state, &mut chain, now)?;
        self.set_folded(&digest)?;
        let mut items: Vec<String> = fresh.iter().filter_map(|o| o.item.clone()).collect();
        items.sort();
        items.dedup();
        Ok(Arrivals {
            ops: fresh.len(),
            items,
            conflicts,
        })
    }
}

/// Adds to `chain` the operations of `incoming` that continue it, checked;
/// returns them, and those that must wait for operations before them. One
/// already held is skipped; one that differs from the one held with its
/// number, or does not hash or link right, is refused.
fn extend(
    replica: &str,
    chain: &mut Vec<Op>,
    mut incoming: Vec<Op>,
) -> Result<(Vec<Op>, Vec<Op>), StoreError> {
    let refuse = |seq: u64, what| -> StoreError {
        TeamError::Chain {
            replica: replica.to_string(),
            seq,
            what,
        }
        .into()
    };
    incoming.sort_by_key(|o| o.seq);
    let mut added = Vec::new();
    let mut waiting: Vec<Op> = Vec::new();
    for o in incoming {
        if team_hash(&o) != o.hash {
            return Err(refuse(o.seq, ChainFault::Altered));
        }
        if let Ok(i) = chain.binary_search_by_key(&o.seq, |h| h.seq) {
            if chain[i].hash != o.hash {
                return Err(refuse(o.seq, ChainFault::Forked));
            }
            continue;
        }
        match chain.last() {
            None if o.prev.is_empty() => {}
            Some(last) if o.seq == last.seq + 1 => {
                if o.prev != last.hash {
                    return Err(refuse(o.seq, ChainFault::BrokenLink));
                }
            }
            Some(_) if o.seq < chain[0].seq => {
                return Err(refuse(o.seq, ChainFault::BrokenLink));
            }
            _ => {
                match waiting.last() {
                    Some(w) if w.seq == o.seq && w.hash != o.hash => {
                        return Err(refuse(o.seq, ChainFault::Forked));
                    }
                    Some(w) if w.seq == o.seq => {}
                    _ => waiting.push(o),
                }
                continue;
            }
        }
        chain.push(o.clone());
        added.push(o);
    }
    // What waited may follow now.
    waiting.retain(|w| chain.last().is_none_or(|l| w.seq > l.seq));
    if !added.is_empty() && !waiting.is_empty() {
        let (more, still) = extend(replica, chain, waiting)?;
        added.extend(more);
        return Ok((added, still));
    }
    Ok((added, waiting))
}

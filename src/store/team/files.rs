//! The team's files in the data directory, under `team/`:
//! - `team.json`: the block of ids this replica makes items in, whether it
//!   founded the team, and where its part of the team's history starts;
//! - `REPLICA.jsonl`: each replica's operations since it joined, one a
//!   line, chained by `prev` and `hash` (SHA-256 over the operation without
//!   `hash` and `sig`, so every replica can check every chain), sealed
//!   line by line with the data key when the data directory is encrypted;
//! - `folded`: which operations the snapshot holds (see `take_in`).
//!
//! Every file is written whole and atomically: a kill at any point leaves
//! the old file or the new one.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::super::journal::{self, Seal};
use super::super::op::Op;
use super::super::secure::Codec;
use super::super::{IoAction, Store, StoreError, envelope, fsutil};
use super::{ChainFault, TeamError};

pub const DIR: &str = "team";
const MEMBERSHIP: &str = "team.json";
const FOLDED: &str = "folded";

/// This replica's place in the team.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The block of ids it makes new items in (see `ids`).
    pub block: u32,
    pub founder: bool,
    /// The number of its last operation before it joined: its part of the
    /// team's history starts after it (with its `base` if it founded it).
    pub start: u64,
    /// Per id letter, the highest number it has handed out in its block.
    #[serde(default)]
    pub high: BTreeMap<String, u32>,
}

/// The hash of `op` in the team's chains.
pub fn team_hash(op: &Op) -> String {
    let mut o = op.clone();
    o.hash.clear();
    o.sig = None;
    let body = serde_json::to_vec(&o).expect("an operation always serialises");
    journal::link(Seal::Plain, &o.prev, &body)
}

/// Whether a replica id can name a file: letters, digits, `-` and `_`.
pub fn valid_replica(r: &str) -> bool {
    !r.is_empty()
        && r.len() <= 64
        && r.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The first fault of a replica's chain: each operation hashed right, the
/// first starting a chain, each next one linked to the one before with
/// the next number.
pub fn check_chain(replica: &str, ops: &[Op]) -> Result<(), (u64, ChainFault)> {
    let mut prev: Option<&Op> = None;
    for o in ops {
        if o.replica != replica {
            return Err((o.seq, ChainFault::WrongReplica));
        }
        if team_hash(o) != o.hash {
            return Err((o.seq, ChainFault::Altered));
        }
        match prev {
            None if !o.prev.is_empty() => return Err((o.seq, ChainFault::BrokenLink)),
            Some(p) if o.seq != p.seq + 1 => return Err((o.seq, ChainFault::Gap)),
            Some(p) if o.prev != p.hash => return Err((o.seq, ChainFault::BrokenLink)),
            _ => {}
        }
        prev = Some(o);
    }
    Ok(())
}

impl Store {
    pub(super) fn team_dir(&self) -> PathBuf {
        self.dir.join(DIR)
    }

    /// This replica's membership, none before it joined a team.
    pub(crate) fn membership(&self) -> Result<Option<Membership>, StoreError> {
        let p = self.team_dir().join(MEMBERSHIP);
        let Some((bytes, _)) =
            fsutil::read_with_meta(&p).map_err(StoreError::io(IoAction::Read, &p))?
        else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|_| TeamError::Damaged { file: p }.into())
    }

    pub(crate) fn write_membership(&self, m: &Membership) -> Result<(), StoreError> {
        let p = self.team_dir().join(MEMBERSHIP);
        let mut bytes = serde_json::to_vec_pretty(m).expect("a membership serialises");
        bytes.push(b'\n');
        self.write_team_file(&p, &bytes)
    }

    fn write_team_file(&self, p: &std::path::Path, bytes: &[u8]) -> Result<(), StoreError> {
        let dir = self.team_dir();
        fsutil::ensure_private_dir(&dir).map_err(StoreError::io(IoAction::Save, &dir))?;
        fsutil::write_atomic(p, bytes).map_err(StoreError::io(IoAction::Save, p))?;
        fsutil::sync_dir(&dir).map_err(StoreError::io(IoAction::Save, &dir))
    }

    fn chain_path(&self, replica: &str) -> PathBuf {
        self.team_dir().join(format!("{replica}.jsonl"))
    }

    /// Where a replica's operations that arrived before the ones they
    /// follow wait.
    fn waiting_path(&self, replica: &str) -> PathBuf {
        self.team_dir().join(format!("{replica}.waiting"))
    }

    pub(super) fn read_waiting(&self, replica: &str) -> Result<Vec<Op>, StoreError> {
        self.read_team_lines(&self.waiting_path(replica), replica)
    }

    /// Writes (or, for none, removes) a replica's waiting operations.
    pub(super) fn write_waiting(&self, replica: &str, ops: &[Op]) -> Result<(), StoreError> {
        let p = self.waiting_path(replica);
        if ops.is_empty() {
            return match std::fs::remove_file(&p) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(StoreError::io(IoAction::Save, &p)(e))
                }
                _ => Ok(()),
            };
        }
        self.write_team_lines(&p, ops)
    }

    /// The replicas whose chains are held here.
    pub(super) fn chain_replicas(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.team_dir()) else {
            return Vec::new();
        };
        let mut out: Vec<String> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                name.strip_suffix(".jsonl").map(str::to_string)
            })
            .filter(|r| valid_replica(r))
            .collect();
        out.sort();
        out
    }

    /// A replica's chain as held here (empty if none), each line read back;
    /// the chain itself is checked by the caller.
    pub(super) fn read_chain(&self, replica: &str) -> Result<Vec<Op>, StoreError> {
        self.read_team_lines(&self.chain_path(replica), replica)
    }

    fn read_team_lines(&self, p: &std::path::Path, replica: &str) -> Result<Vec<Op>, StoreError> {
        let p = p.to_path_buf();
        let Some((bytes, _)) =
            fsutil::read_with_meta(&p).map_err(StoreError::io(IoAction::Read, &p))?
        else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (n, raw) in bytes.split(|&b| b == b'\n').enumerate() {
            if raw.is_empty() {
                continue;
            }
            let bad = || -> StoreError {
                TeamError::Chain {
                    replica: replica.to_string(),
                    seq: out.last().map_or(0, |o: &Op| o.seq + 1),
                    what: ChainFault::Unreadable,
                }
                .into()
            };
            let op: Op = if journal::is_sealed_line(raw) {
                let Codec::Open(key) = &self.codec else {
                    return Err(StoreError::Encrypted {
                        dir: self.dir.clone(),
                    });
                };
                let mut sealed = journal::unhex(raw).ok_or_else(bad)?;
                let plain = envelope::open(key, &mut sealed, &p).map_err(|_| bad())?;
                serde_json::from_slice(plain).map_err(|_| bad())?
            } else if matches!(self.codec, Codec::Open(_)) {
                return Err(self.tampered(p, n + 1, super::super::Tamper::Plain));
            } else {
                serde_json::from_slice(raw).map_err(|_| bad())?
            };
            out.push(op);
        }
        Ok(out)
    }

    /// Writes a replica's whole chain.
    pub(super) fn write_chain(&self, replica: &str, ops: &[Op]) -> Result<(), StoreError> {
        self.write_team_lines(&self.chain_path(replica), ops)
    }

    fn write_team_lines(&self, p: &std::path::Path, ops: &[Op]) -> Result<(), StoreError> {
        let mut bytes = Vec::new();
        for o in ops {
            let json = serde_json::to_vec(o).expect("an operation always serialises");
            match &self.codec {
                Codec::Plain => bytes.extend(json),
                Codec::Open(key) => {
                    bytes.extend(journal::hex(&envelope::seal(key, &json)).into_bytes())
                }
                Codec::Locked => {
                    return Err(StoreError::Encrypted {
                        dir: self.dir.clone(),
                    });
                }
            }
            bytes.push(b'\n');
        }
        self.write_team_file(p, &bytes)
    }

    /// Every chain and waiting file under `team/`, read with the codec in
    /// use (before encryption is turned on or off).
    pub(in crate::store) fn team_files(&self) -> Result<Vec<(PathBuf, Vec<Op>)>, StoreError> {
        let Ok(entries) = std::fs::read_dir(self.team_dir()) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let replica = name
                .strip_suffix(".jsonl")
                .or_else(|| name.strip_suffix(".waiting"));
            if let Some(r) = replica.filter(|r| valid_replica(r)) {
                let ops = self.read_team_lines(&e.path(), r)?;
                out.push((e.path(), ops));
            }
        }
        Ok(out)
    }

    /// Writes `files` again with the codec now in use.
    pub(in crate::store) fn rewrite_team_files(
        &self,
        files: &[(PathBuf, Vec<Op>)],
    ) -> Result<(), StoreError> {
        for (p, ops) in files {
            self.write_team_lines(p, ops)?;
        }
        Ok(())
    }

    /// What the snapshot was folded from, as last recorded.
    pub(super) fn folded(&self) -> String {
        let p = self.team_dir().join(FOLDED);
        std::fs::read_to_string(p).unwrap_or_default()
    }

    pub(super) fn set_folded(&self, digest: &str) -> Result<(), StoreError> {
        let p = self.team_dir().join(FOLDED);
        self.write_team_file(&p, digest.as_bytes())
    }
}

//! What this data directory remembers of the team (`sync/state.json`,
//! private, sealed with the data key when encryption is on): where the
//! repository is, the team file and the replicas' public keys it trusts
//! (the first seen; a changed one is refused), the retirements honoured,
//! which batches it has taken in, what it sent last, and when it synced.
//!
//! It is written only after what it records is durable elsewhere (taken
//! in by the store, or pushed), so a kill at any point makes the next sync
//! redo a step, never skip one.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::SyncError;
use super::layout::TeamFile;
use crate::model::Time;
use crate::store::{SYNC_STATE, Store};

/// The last batch this replica pushed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    pub batch: u32,
    pub blob: String,
    /// The highest `seq` of the operations it held.
    pub seq: u64,
}

/// What others' operations the last sync brought.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrived {
    pub ops: usize,
    #[serde(default)]
    pub items: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Local {
    pub remote: String,
    pub replica: String,
    pub founder: bool,
    /// The id block, once the claim is pushed and the store has joined.
    #[serde(default)]
    pub block: Option<u32>,
    /// Blocks used up before.
    #[serde(default)]
    pub earlier: Vec<u32>,
    #[serde(default)]
    pub calendar: bool,
    pub team: TeamFile,
    /// Each replica's public key, as first seen.
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
    #[serde(default)]
    pub members: BTreeMap<String, String>,
    /// Retired replicas: the last of their operations still trusted.
    #[serde(default)]
    pub retired: BTreeMap<String, u64>,
    /// Blobs of the repository already read (batches, replica files).
    #[serde(default)]
    pub seen: BTreeSet<String>,
    #[serde(default)]
    pub sent: Option<Sent>,
    /// Whether this replica's file is published, and with which member name.
    #[serde(default)]
    pub published: bool,
    #[serde(default)]
    pub member: Option<String>,
    #[serde(default, with = "crate::model::rfc3339::option")]
    pub last_sync: Option<Time>,
    /// When others' changes last arrived, and what they were.
    #[serde(default, with = "crate::model::rfc3339::option")]
    pub last_arrival: Option<Time>,
    #[serde(default)]
    pub arrived: Arrived,
    /// Operations refused as forged: (replica, seq).
    #[serde(default)]
    pub refused: Vec<(String, u64)>,
}

impl Local {
    /// The data directory's sync state; none if sync was never set up.
    pub fn load(store: &Store) -> Result<Option<Local>, SyncError> {
        let Some(bytes) = store.read_sync_file(SYNC_STATE)? else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|_| SyncError::BadFile(SYNC_STATE.into()))
    }

    pub fn save(&self, store: &Store) -> Result<(), SyncError> {
        let bytes = serde_json::to_vec_pretty(self).expect("the state serialises");
        store.write_sync_file(SYNC_STATE, &bytes)?;
        Ok(())
    }
}

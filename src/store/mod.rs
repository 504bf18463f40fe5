//! `state.json` on disk: versioned, saved atomically, backed up, and shared
//! safely between the dashboard and command-line calls.
//!
//! Every change, from any process, runs as one transaction: take the sidecar
//! lock → reload if the file changed since we read it → apply → save → release.
//! So two processes never lose each other's changes.

mod backup;
mod compact;
pub mod crypt;
mod cursor;
mod dashboard_files;
pub mod envelope;
mod error;
pub mod fsutil;
mod guard;
pub mod journal;
mod keyring;
mod layout;
mod lines;
mod listing;
mod lock;
pub mod op;
#[cfg(test)]
mod prop_tests;
mod quick;
mod read;
mod scan;
mod secure;
mod split;
mod sync_files;
pub mod team;
mod tx;

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use backup::BackupInfo;
pub use crypt::{KdfParams, Passphrase};
pub use dashboard_files::{BRIEF_PREFIX, DRAFT_FILE, SESSION_FILE, Session, WORKBOOK_PREFIX};
pub use error::{Damage, IoAction, StoreError, Tamper};
pub use keyring::MAX_SECONDS as KEY_CACHE_MAX_SECONDS;
pub use lines::ItemLines;
pub use listing::{Facts, Listed, Listing};
use lock::Lock;
pub use op::Op;
pub use quick::Quick;
pub use quick::index::INDEX_FILE;
use secure::Codec;
pub use secure::MARK_FILE;
pub use sync_files::{SIGNING_KEY, SYNC_DIR, SYNC_STATE};

use crate::model::{State, Time, VERSION};

pub const STATE_FILE: &str = "state.json";
pub const LOCK_FILE: &str = "lock";
pub const BACKUP_DIR: &str = "backups";

/// What identifies the version of the data we hold in memory: the lock's
/// save counter and the snapshot's and the journal's identity, size and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    generation: u64,
    file: Option<tx::FileId>,
    journal: Option<tx::FileId>,
}

/// A state as read from disk, with the stamp that tells whether it is
/// current and where the journal's chain stands.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub state: State,
    stamp: Stamp,
    chain: tx::Chain,
    /// Things worth a warning found while reading or writing (a torn last
    /// change ignored, a migration); the caller shows and clears them.
    pub warnings: Vec<Notice>,
    /// Set when the custody logs of the snapshot were verified when it was
    /// written and it is that very file: the items changed since (only
    /// their logs need checking).
    checked: Option<Vec<String>>,
    /// A copy of the state as the last change left it, so the next one
    /// need not copy it all (used only while it still equals `state`).
    before: Option<Box<State>>,
}

/// Something the store noticed and the user should hear of.
#[derive(Debug, Clone)]
pub enum Notice {
    /// An unfinished last change (a crash or a full disk mid-write) was
    /// ignored; it is cut off before the next write.
    Torn(PathBuf),
    /// A version-1 `state.json` was converted; the old file is this backup.
    Migrated { path: PathBuf, backup: String },
    /// Compaction failed after the change was saved (it is retried later).
    NotCompacted(std::sync::Arc<StoreError>),
}

impl Snapshot {
    pub fn stamp(&self) -> Stamp {
        self.stamp
    }

    /// The hash of the last operation: what the whole history comes to.
    pub fn head(&self) -> &str {
        &self.chain.head
    }

    /// The head's first twelve hex digits, as printed on registers.
    pub fn short_head(&self) -> &str {
        let h = self.head();
        &h[..h.len().min(12)]
    }

    /// The problems of the custody logs, as `custody::verify` finds them:
    /// only the logs of items changed since the snapshot was written are
    /// checked again when the snapshot's were checked then.
    pub fn custody_problems(&self) -> Vec<crate::model::custody::ChainProblem> {
        match &self.checked {
            None => crate::model::custody::verify(&self.state),
            Some(ids) => read::problems_of(&self.state, ids.iter().map(String::as_str)),
        }
    }

    /// How many operations the chain holds, snapshot marks included.
    pub fn operations(&self) -> u64 {
        self.chain.seq
    }
}

/// The data directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// Warnings from opening (permissions tightened), for the caller to show.
    pub warnings: Vec<fsutil::Tightened>,
    /// How files are read and written: plain, or sealed with a key.
    codec: Codec,
    /// Set when a passphrase was given: then nothing is written in plain
    /// text, even if the data on disk is (someone may have swapped it).
    expect_sealed: bool,
    /// When the journal is folded into a new snapshot: (operations and half
    /// the snapshot's size, operations whatever the size).
    compact_at: (u64, u64),
    /// The team member who makes this process's changes (the config's `me`).
    member: Option<String>,
}

/// Why a transaction did not happen: the change itself refused, or the store.
#[derive(Debug, thiserror::Error)]
pub enum TxError<E> {
    #[error(transparent)]
    Refused(E),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// The default data directory (`~/.local/share/liaison` on Linux).
    pub fn default_dir() -> Result<PathBuf, StoreError> {
        directories::ProjectDirs::from("", "", "liaison")
            .map(|d| d.data_dir().to_path_buf())
            .ok_or(StoreError::NoDataDir)
    }

    /// Opens `dir`, creating it private to the user, and clears temp files a
    /// crash left behind (under the lock, so no save is in flight).
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let dir = dir.into();
        let warnings = guard::check(&dir)?;
        let mut store = Store {
            dir,
            warnings,
            codec: Codec::Plain,
            expect_sealed: false,
            compact_at: (tx::COMPACT_MIN, tx::COMPACT_MAX),
            member: None,
        };
        {
            let _lock = store.lock()?;
            store.remove_stale_temps();
        }
        store.codec = store.probe();
        Ok(store)
    }

    /// Folds the journal into a snapshot only past `max` operations, or
    /// never (`u64::MAX`): for benchmarks of long journals. Not for use.
    #[doc(hidden)]
    pub fn set_compaction_limit(&mut self, max: u64) {
        self.compact_at = (max, max);
    }

    /// Names the team member (the config's `me`) on every operation written.
    pub fn set_member(&mut self, member: Option<String>) {
        self.member = member.filter(|m| !m.trim().is_empty());
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn state_path(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    fn lock(&self) -> Result<Lock, StoreError> {
        Lock::acquire(&self.dir)
    }

    fn remove_stale_temps(&self) {
        for dir in [self.dir.clone(), self.dir.join(BACKUP_DIR)] {
            if !fsutil::is_own_dir(&dir) {
                continue;
            }
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                if entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with(fsutil::TEMP_PREFIX)
                {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }

    /// Reads the current state (an empty one if there is no file yet):
    /// the snapshot and the journal after it, verified.
    pub fn load(&self) -> Result<Snapshot, StoreError> {
        let lock = self.lock()?;
        self.read(&lock)
    }

    /// [`Store::load`], with the snapshot's line of every item as stored
    /// when they can be trusted to be the item as it is (see `ItemLines`).
    pub fn load_with_lines(&self) -> Result<(Snapshot, Option<ItemLines>), StoreError> {
        let lock = self.lock()?;
        let mut lines = None;
        let snap = self.read_lines(&lock, false, Some(&mut lines))?;
        Ok((snap, lines))
    }

    /// [`Store::load`], hashing the snapshot against the journal's mark even
    /// when it is the file the program last wrote (for `verify`).
    pub fn load_verified(&self) -> Result<Snapshot, StoreError> {
        let lock = self.lock()?;
        self.read_checked(&lock, true)
    }

    /// Brings `snap` up to date with what other processes wrote: only the
    /// journal's new operations are read when nothing else changed.
    pub fn refresh(&self, snap: &mut Snapshot) -> Result<(), StoreError> {
        let lock = self.lock()?;
        self.sync(&lock, snap)
    }

    /// The stamp of what is on disk now, without reading it: cheap enough to
    /// poll, so a dashboard can notice another process's save.
    pub fn current_stamp(&self) -> Stamp {
        self.stamp_now(lock::peek_generation(&self.dir))
    }

    /// Applies `change` to the freshest state and records what it changed
    /// as operations appended to the journal, all under the lock. `snap` is
    /// brought up to date first if another process wrote since it was read.
    /// If `change` refuses, nothing is written; if writing fails, `snap` is
    /// put back to what is on disk and the error returned.
    pub fn transact<R, E>(
        &self,
        snap: &mut Snapshot,
        now: Time,
        change: impl FnOnce(&mut State) -> Result<R, E>,
    ) -> Result<R, TxError<E>> {
        self.transact_ops(snap, now, None, change).map(|(r, _)| r)
    }

    /// Keeps a copy of the current file now (at the start of a session).
    pub fn backup_now(&self, now: Time) -> Result<Option<String>, StoreError> {
        let lock = self.lock()?;
        if !self.state_path().exists() {
            return Ok(None);
        }
        let snap = self.read(&lock)?;
        backup::take_if_due(self, now, true, || self.encode_file(&snap.state, 0))
    }

    /// The kept backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, StoreError> {
        backup::list(self)
    }

    /// Puts backup `name` in place of the current state, after backing the
    /// current one up (as it is on disk, even if it cannot be read). A
    /// backup that cannot be read is refused. The journal goes on: the
    /// restored state is a new snapshot after the operations so far.
    pub fn restore(&self, name: &str, now: Time) -> Result<Snapshot, StoreError> {
        let lock = self.lock()?;
        let source = backup::path_of(self, name)?;
        let bytes = fsutil::read(&source, Some(fsutil::state_limit()))
            .map_err(StoreError::io(IoAction::Read, &source))?;
        let mut state = self.decode_file(&bytes, &source)?;
        let mut chain = match self.read(&lock) {
            Ok(current) => {
                backup::take_if_due(self, now, true, || self.encode_file(&current.state, 0))?;
                if self.in_team() {
                    // The team's register is the fold of its operations: a
                    // restore is one more change, so every replica gets it.
                    drop(lock);
                    return self.restore_in_team(current, state, now);
                }
                current.chain
            }
            Err(_) => {
                let sp = self.state_path();
                if let Some((raw, _)) =
                    fsutil::read_with_meta(&sp).map_err(StoreError::io(IoAction::Read, &sp))?
                {
                    backup::keep_copy(self, now, &raw)?;
                }
                let (seq, head) = lock.anchor().unwrap_or_default();
                tx::Chain {
                    seq,
                    head,
                    ..Default::default()
                }
            }
        };
        state.version = VERSION;
        self.compact(&lock, &state, &mut chain, now)?;
        self.read(&lock)
    }
}

/// The bytes written for a state (laid out as `layout` says).
pub fn encode(state: &State) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(1 << 16);
    layout::write(&mut bytes, state).expect("a state always serialises");
    bytes
}

/// Reads a state from bytes, telling a newer format apart from a broken file.
pub fn decode(bytes: &[u8], path: &Path) -> Result<State, StoreError> {
    #[derive(Deserialize)]
    struct Probe {
        version: u32,
    }
    let newer = |found: u32| StoreError::Newer {
        path: path.to_path_buf(),
        found,
        supported: VERSION,
    };
    // Checking the UTF-8 once for the whole file is several times quicker
    // than string by string; a file that fails it is parsed from bytes
    // anyway, to say where. With SIMD: the standard library's check was 6%
    // of `list --json` at 10,000 items (mostly Chinese text).
    let parsed = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => match split::decode(text) {
            Some(state) => Ok(state),
            None => serde_json::from_str::<State>(text),
        },
        Err(_) => serde_json::from_slice::<State>(bytes),
    };
    match parsed {
        Ok(state) if state.version > VERSION => Err(newer(state.version)),
        Ok(state) => Ok(state),
        Err(e) => match serde_json::from_slice::<Probe>(bytes) {
            Ok(p) if p.version > VERSION => Err(newer(p.version)),
            _ => Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: e
                    .to_string()
                    .split(" at line")
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            }),
        },
    }
}

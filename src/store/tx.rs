//! The state on disk is `state.json` (the snapshot) plus the operations of
//! `journal.jsonl` after it. A change appends its operations under the
//! lock and syncs them; nothing else is rewritten. Compaction folds the
//! journal into a new snapshot; the old journal is kept in `backups/`.
//!
//! Reading the state back is in `read`; compaction and migration are in
//! `compact`.

use crate::store::IoAction;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

use super::error::Tamper;
use super::journal::{self, JOURNAL_FILE, Seal};
use super::lock::Lock;
use super::op::{self, Draft, Op};
use super::secure::Codec;
use super::team::Membership;
use super::{Notice, Snapshot, Stamp, Store, StoreError, TxError, backup, fsutil};
use crate::model::{State, Time, VERSION};

/// Compact once the journal holds this many operations and is at least half
/// the snapshot's size, or holds `COMPACT_MAX` whatever its size. Every
/// load replays the journal, ~8 µs an operation at 10,000 items on a quiet
/// machine (each one goes through the item's JSON), so 10,000 operations
/// would add ~80 ms to opening the dashboard; 1,024 add ~8 ms, against a
/// compaction (~25 ms at 10,000 items) once per 1,024 changes.
pub const COMPACT_MIN: u64 = 256;
pub const COMPACT_MAX: u64 = 1024;

/// Where the chain of operations stands for a state in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chain {
    /// The last operation's number and hash (the head).
    pub seq: u64,
    pub head: String,
    /// The data directory's replica id (empty before the first write).
    pub replica: String,
    /// Bytes of the journal read: its complete changes.
    pub len: u64,
    /// Lines read.
    pub lines: usize,
    /// Operations after the snapshot mark.
    pub since: u64,
    /// The snapshot's size in bytes.
    pub snapshot_len: u64,
    /// The latest hybrid logical clock this replica has seen.
    pub hlc: String,
}

pub(super) type FileId = (u64, u64, u64, i64, i64);

pub(super) fn file_id(m: &fs::Metadata) -> FileId {
    (m.dev(), m.ino(), m.len(), m.mtime(), m.mtime_nsec())
}

pub(super) fn new_replica() -> String {
    use chacha20poly1305::aead::OsRng;
    use chacha20poly1305::aead::rand_core::RngCore;
    let mut b = [0u8; 8];
    OsRng.fill_bytes(&mut b);
    journal::hex(&b)
}

/// The key a journal is chained and sealed with.
pub(super) struct SealKey(pub(super) Option<(std::sync::Arc<super::crypt::Key>, [u8; 32])>);

impl SealKey {
    pub(super) fn seal(&self) -> Seal<'_> {
        match &self.0 {
            None => Seal::Plain,
            Some((k, m)) => Seal::Key(k, m),
        }
    }
}

impl Store {
    pub(super) fn journal_path(&self) -> PathBuf {
        self.dir.join(JOURNAL_FILE)
    }

    pub(super) fn seal_key(&self) -> Result<SealKey, StoreError> {
        match &self.codec {
            Codec::Plain => Ok(SealKey(None)),
            Codec::Locked => Err(StoreError::Encrypted {
                dir: self.dir.clone(),
            }),
            Codec::Open(k) => Ok(SealKey(Some((k.clone(), journal::mac_key(k))))),
        }
    }

    pub(super) fn tampered(&self, path: PathBuf, line: usize, what: Tamper) -> StoreError {
        StoreError::Tampered { path, line, what }
    }

    pub(super) fn stamp_now(&self, generation: u64) -> Stamp {
        Stamp {
            generation,
            file: fs::symlink_metadata(self.state_path())
                .ok()
                .map(|m| file_id(&m)),
            journal: fs::symlink_metadata(self.journal_path())
                .ok()
                .map(|m| file_id(&m)),
        }
    }

    /// Applies `change` to the freshest state and appends what it changed
    /// to the journal, all under the lock. `label`: the kind of change to
    /// record instead of the one found (undo, redo) and the operation it
    /// reverts. Returns the operations written. If `change` refuses, or
    /// writing fails, `snap` holds what is on disk and nothing was written.
    pub fn transact_ops<R, E>(
        &self,
        snap: &mut Snapshot,
        now: Time,
        label: Option<(&str, Option<String>)>,
        change: impl FnOnce(&mut State) -> Result<R, E>,
    ) -> Result<(R, Vec<Op>), TxError<E>> {
        let lock = self.lock()?;
        self.sync(&lock, snap)?;
        // The copy to find what the change did: the one the last change
        // left when it still equals the state (comparing 10,000 items costs
        // a fraction of copying them), else a fresh one.
        let mut before = match snap.before.take() {
            Some(b) if *b == snap.state => *b,
            _ => snap.state.clone(),
        };
        // In a team, new ids come from this replica's block.
        let team = self.membership()?;
        let floor = team.as_ref().map(|m| {
            let c = super::team::ids::counters_for(&snap.state, m.block, &m.high);
            snap.state.counters = c.clone();
            c
        });
        let out = match change(&mut snap.state) {
            Ok(r) => r,
            Err(e) => {
                snap.state = before;
                return Err(TxError::Refused(e));
            }
        };
        if let (Some(m), Some(floor)) = (&team, &floor) {
            let ids = super::team::ids::Block(m.block);
            let moved = super::team::ids::moved(floor, &snap.state.counters);
            if moved.is_empty() {
                snap.state.counters = before.counters.clone();
            } else if moved.iter().any(|(_, n)| *n > ids.last()) {
                snap.state = before;
                let block = m.block;
                return Err(StoreError::from(super::team::TeamError::BlockUsedUp { block }).into());
            }
            // An id of the block that leaves the register (a delete) is
            // remembered, so it is never handed out again.
            if let Some(high) = ids.remember(&m.high, &before, &snap.state)
                && let Err(e) = self.write_membership(&Membership { high, ..m.clone() })
            {
                snap.state = before;
                return Err(e.into());
            }
        }
        let drafts = op::diff(&mut before, &mut snap.state);
        if drafts.is_empty() {
            snap.before = Some(Box::new(before));
            return Ok((out, Vec::new()));
        }
        // A backup when due holds the state just before this change.
        let backup = match snap.chain.replica.is_empty() {
            true => Ok(None),
            false => backup::take_if_due(self, now, false, || self.encode_file(&before, 0)),
        };
        if let Err(e) = backup {
            snap.state = before;
            return Err(e.into());
        }
        match self.append(&lock, snap, &before, drafts, now, label) {
            Ok(ops) => {
                // The copy brought to the new state by the operations just
                // written, for the next change (checked equal there).
                let mut next = before;
                next.version = VERSION;
                if ops
                    .iter()
                    .all(|o| op::apply(&mut next, o, &mut None).is_ok())
                {
                    snap.before = Some(Box::new(next));
                }
                self.after_append(&lock, snap, now);
                Ok((out, ops))
            }
            Err(e) => {
                snap.state = before;
                if let Ok(fresh) = self.read(&lock) {
                    *snap = fresh;
                }
                Err(e.into())
            }
        }
    }

    /// [`Store::transact_ops`] for a change that names the items it may
    /// change (`ids`, matched without case): it may also add items and change
    /// the fields around the items (the inbox, the counters), but must not
    /// remove or move items nor change any other (see `op::Named`). Only
    /// the named items are copied and compared, not all of them.
    pub fn transact_named<R, E>(
        &self,
        snap: &mut Snapshot,
        now: Time,
        ids: &[&str],
        change: impl FnOnce(&mut State) -> Result<R, E>,
    ) -> Result<(R, Vec<Op>), TxError<E>> {
        if snap.chain.replica.is_empty() || backup::is_due(self, now) {
            // A first change or a backup needs the whole state as it was.
            return self.transact_ops(snap, now, None, change);
        }
        let lock = self.lock()?;
        self.sync(&lock, snap)?;
        // In a team, new ids come from this replica's block: the full path
        // hands them out.
        if snap.chain.replica.is_empty() || self.membership()?.is_some() {
            drop(lock);
            return self.transact_ops(snap, now, None, change);
        }
        let named = op::Named::take(&mut snap.state, ids);
        // Debug builds check the named way against comparing everything.
        let everything = cfg!(debug_assertions).then(|| snap.state.clone());
        let out = match change(&mut snap.state) {
            Ok(r) => r,
            Err(e) => {
                if named.put_back(&mut snap.state).is_err() {
                    *snap = self.read(&lock)?;
                }
                debug_assert!(everything.is_none_or(|b| b == snap.state));
                return Err(TxError::Refused(e));
            }
        };
        let drafts = match named.diff(&mut snap.state) {
            Some(drafts) => drafts,
            // It went further than it said: the state as it was is the one
            // on disk (brought up to date above).
            None => op::diff(&mut self.read(&lock)?.state, &mut snap.state),
        };
        if let Some(mut before) = everything {
            assert_eq!(
                drafts,
                op::diff(&mut before, &mut snap.state),
                "a named change changed what it did not name"
            );
        }
        if drafts.is_empty() {
            return Ok((out, Vec::new()));
        }
        let kept = snap.before.take();
        // (The state as it was is needed only for a first change, which
        // took the full path above.)
        match self.append(&lock, snap, &State::default(), drafts, now, None) {
            Ok(ops) => {
                // The copy the last full change left stays in step.
                if let Some(mut b) = kept
                    && ops.iter().all(|o| op::apply(&mut b, o, &mut None).is_ok())
                {
                    b.version = VERSION;
                    snap.before = Some(b);
                }
                self.after_append(&lock, snap, now);
                Ok((out, ops))
            }
            Err(e) => {
                if let Ok(fresh) = self.read(&lock) {
                    *snap = fresh;
                }
                Err(e.into())
            }
        }
    }

    pub(super) fn append(
        &self,
        lock: &Lock,
        snap: &mut Snapshot,
        before: &State,
        drafts: Vec<Draft>,
        now: Time,
        label: Option<(&str, Option<String>)>,
    ) -> Result<Vec<Op>, StoreError> {
        if matches!(self.codec, Codec::Plain) && self.expect_sealed {
            // A passphrase was given for plain data: no line in plain text.
            return Err(self.not_encrypted());
        }
        if snap.chain.replica.is_empty() {
            // The first change in a new data directory: its snapshot first.
            let mut empty = before.clone();
            empty.version = VERSION;
            self.compact(lock, &empty, &mut snap.chain, now)?;
        }
        let key = self.seal_key()?;
        let mut chain = snap.chain.clone();
        let n = drafts.len();
        // One clock reading for the whole change, so the operations of one
        // change stay together in the team's order.
        let hlc = super::team::hlc::stamp(now, &chain.hlc);
        chain.hlc = hlc.clone();
        let mut bytes = Vec::new();
        let mut ops = Vec::with_capacity(n);
        for (i, d) in drafts.into_iter().enumerate() {
            let seq = chain.seq + 1;
            let (change, reverts) = match &label {
                Some((l, r)) => (l.to_string(), r.clone()),
                None => (d.change, None),
            };
            let mut o = Op {
                id: format!("{}-{seq}", chain.replica),
                replica: chain.replica.clone(),
                seq,
                at: now,
                hlc: hlc.clone(),
                member: self.member.clone(),
                item: d.item,
                change,
                fields: d.fields,
                reverts,
                more: i + 1 < n,
                sig: None,
                prev: chain.head.clone(),
                hash: String::new(),
            };
            bytes.extend(journal::encode_line(&mut o, key.seal()));
            chain.seq = seq;
            chain.head = o.hash.clone();
            ops.push(o);
        }
        let jp = self.journal_path();
        let on_disk = fs::metadata(&jp).map(|m| m.len()).unwrap_or(0);
        // Bytes past the last complete change are a torn tail: cut it.
        let keep = (on_disk != chain.len).then_some(chain.len);
        let len = fsutil::append_durable(&jp, &bytes, keep)
            .map_err(StoreError::io(IoAction::Save, &jp))?;
        if keep.is_some() {
            snap.warnings.push(Notice::Torn(jp.clone()));
        }
        let generation = lock.set_anchor(chain.seq, &chain.head);
        chain.len = len;
        chain.lines += n;
        chain.since += n as u64;
        snap.chain = chain;
        snap.checked = None;
        snap.state.version = VERSION;
        snap.stamp = self.stamp_now(generation);
        Ok(ops)
    }

    /// Whether a journal of `ops` operations and `len` bytes after a
    /// snapshot of `snapshot_len` bytes is folded into a new snapshot.
    pub(super) fn compaction_due(&self, ops: u64, len: u64, snapshot_len: u64) -> bool {
        let (min, max) = self.compact_at;
        ops >= max || (ops >= min && len >= snapshot_len / 2)
    }

    /// Compaction when due. The change is durable already: a failure here
    /// costs nothing but a warning.
    fn after_append(&self, lock: &Lock, snap: &mut Snapshot, now: Time) {
        let c = &snap.chain;
        if self.compaction_due(c.since, c.len, c.snapshot_len) {
            let mut chain = snap.chain.clone();
            match self.compact(lock, &snap.state, &mut chain, now) {
                Ok(()) => {
                    snap.chain = chain;
                    snap.stamp = self.stamp_now(lock.generation());
                }
                Err(e) => snap
                    .warnings
                    .push(Notice::NotCompacted(std::sync::Arc::new(e))),
            }
        }
    }
}

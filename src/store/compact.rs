//! Compaction, migration and the kept history: the snapshot is rewritten
//! only here, never by an ordinary change.
//!
//! Compaction writes the new journal's first line to `journal.next`, then
//! the snapshot, then renames the journal into place: a crash in between
//! leaves a `journal.next` whose mark names the snapshot on disk (finish
//! it) or not (drop it), so the pair on disk always agrees.

use crate::store::IoAction;
use std::fs;
use std::os::unix::fs::MetadataExt;

use serde_json::Value;

use super::error::Tamper;
use super::journal::{self, NEXT_FILE, Seal};
use super::lock::Lock;
use super::op::{Field, Op};
use super::tx::{Chain, SealKey, new_replica};
use super::{Notice, Snapshot, Store, StoreError, backup, fsutil};
use crate::model::{State, Time, VERSION};

impl Store {
    /// Folds the journal into a new snapshot now (it happens by itself when
    /// the journal grows; see `tx::COMPACT_MIN`). Returns the state.
    pub fn compact_now(&self, now: Time) -> Result<Snapshot, StoreError> {
        let lock = self.lock()?;
        let mut snap = self.read(&lock)?;
        let mut chain = snap.chain.clone();
        snap.state.version = VERSION;
        self.compact(&lock, &snap.state, &mut chain, now)?;
        self.read(&lock)
    }

    /// Folds everything into a new snapshot of `state` and starts a new
    /// journal with its mark, continuing `chain` (which it updates). The
    /// old journal is kept in `backups/`. The caller holds the lock.
    pub(super) fn compact(
        &self,
        lock: &Lock,
        state: &State,
        chain: &mut Chain,
        now: Time,
    ) -> Result<(), StoreError> {
        let key = self.seal_key()?;
        // Nothing a later merge needs is folded away.
        self.keep_team_ops(&chain.replica)?;
        let bytes = self.encode_file(state, chain.snapshot_len as usize)?;
        let replica = if chain.replica.is_empty() {
            new_replica()
        } else {
            chain.replica.clone()
        };
        let seq = chain.seq + 1;
        let hlc = super::team::hlc::stamp(now, &chain.hlc);
        let mut fields = super::quick::mark_fields(state);
        fields.insert(
            "snapshot".to_string(),
            Field::Set(Value::Null, Value::String(journal::digest(&bytes))),
        );
        let mut mark = Op {
            id: format!("{replica}-{seq}"),
            replica: replica.clone(),
            seq,
            at: now,
            hlc: hlc.clone(),
            member: None,
            item: None,
            change: "snapshot".into(),
            fields,
            reverts: None,
            more: false,
            sig: None,
            prev: chain.head.clone(),
            hash: String::new(),
        };
        let line = journal::encode_line(&mut mark, key.seal());
        let (sp, jp, np) = (
            self.state_path(),
            self.journal_path(),
            self.dir.join(NEXT_FILE),
        );
        if let Some((old, _)) =
            fsutil::read_with_meta(&jp).map_err(StoreError::io(IoAction::Read, &jp))?
        {
            backup::archive_journal(self, now, &old)?;
        }
        // Forgotten until the new snapshot is in place: a record that
        // matches no file only costs the quick path.
        lock.set_snapshot(None);
        lock.set_index(None);
        fsutil::write_atomic(&np, &line).map_err(StoreError::io(IoAction::Save, &np))?;
        fsutil::write_atomic(&sp, &bytes).map_err(StoreError::io(IoAction::Save, &sp))?;
        fs::rename(&np, &jp).map_err(StoreError::io(IoAction::Save, &jp))?;
        fsutil::sync_dir(&self.dir).map_err(StoreError::io(IoAction::Save, &self.dir))?;
        let custody_ok = crate::model::custody::verify(state).is_empty();
        let record = fs::symlink_metadata(&sp)
            .ok()
            .map(|m| super::quick::record(&m, custody_ok));
        self.write_index(&bytes, record.as_deref(), state);
        lock.set_index(self.index_record());
        lock.set_snapshot(record);
        lock.set_anchor(seq, &mark.hash);
        *chain = Chain {
            seq,
            head: mark.hash,
            replica,
            len: line.len() as u64,
            lines: 1,
            since: 0,
            snapshot_len: bytes.len() as u64,
            hlc,
        };
        Ok(())
    }

    /// A compaction interrupted after its snapshot was written is finished;
    /// one interrupted before is dropped.
    pub(super) fn finish_compaction(&self, _lock: &Lock) -> Result<(), StoreError> {
        let np = self.dir.join(NEXT_FILE);
        let Some((next, _)) =
            fsutil::read_with_meta(&np).map_err(StoreError::io(IoAction::Read, &np))?
        else {
            return Ok(());
        };
        let state = fsutil::read_with_meta(&self.state_path()).ok().flatten();
        let key = self.seal_key()?;
        let mark = journal::parse(&next, &np, 1, None, key.seal())
            .ok()
            .and_then(|p| p.ops.into_iter().next());
        let matches = match (mark, state) {
            (Some(m), Some((bytes, _))) => {
                m.fields.get("snapshot")
                    == Some(&Field::Set(
                        Value::Null,
                        Value::String(journal::digest(&bytes)),
                    ))
            }
            _ => false,
        };
        if matches {
            let jp = self.journal_path();
            if let Some((old, _)) = fsutil::read_with_meta(&jp).ok().flatten() {
                let when = chrono::Utc::now().fixed_offset();
                backup::archive_journal(self, when, &old)?;
            }
            fs::rename(&np, &jp).map_err(StoreError::io(IoAction::Save, &jp))?;
            fsutil::sync_dir(&self.dir).map_err(StoreError::io(IoAction::Save, &self.dir))?;
        } else {
            let _ = fs::remove_file(&np);
        }
        Ok(())
    }

    /// A `state.json` without a journal: a version-1 file, migrated now —
    /// kept in `backups/` first, then continued as snapshot and journal.
    pub(super) fn migrate(
        &self,
        lock: &Lock,
        raw: Vec<u8>,
        meta: &fs::Metadata,
    ) -> Result<Snapshot, StoreError> {
        let sp = self.state_path();
        let mut bytes = zeroize::Zeroizing::new(raw.clone());
        let mut state = self.decode_in_place(&mut bytes, &sp)?;
        if state.version >= VERSION {
            return Err(self.tampered(self.journal_path(), 0, Tamper::NoMark));
        }
        // Its custody logs are verified by whoever reads the state (and
        // their problems named on every read): migration keeps them as
        // they are, evidence included.
        let mut warnings = Vec::new();
        let when = chrono::DateTime::from_timestamp(meta.mtime(), 0)
            .unwrap_or_default()
            .fixed_offset();
        if let Some(name) = backup::keep_copy(self, when, &raw)? {
            warnings.push(Notice::Migrated {
                path: sp.clone(),
                backup: name,
            });
        }
        state.version = VERSION;
        let mut chain = Chain::default();
        self.compact(lock, &state, &mut chain, when)?;
        Ok(Snapshot {
            state,
            stamp: self.stamp_now(lock.generation()),
            chain,
            warnings,
            checked: None,
            before: None,
        })
    }

    /// The operations kept, oldest first: those of the journals folded into
    /// snapshots (as far as `backups/` still holds them), then the journal's.
    pub fn operations(&self) -> Result<Vec<Op>, StoreError> {
        let lock = self.lock()?;
        self.read(&lock)?;
        let key = self.seal_key()?;
        let mut out: Vec<Op> = Vec::new();
        for (path, bytes) in backup::archived_journals(self) {
            let plain = match self.unseal_owned(bytes, &path) {
                Ok(p) => p,
                Err(_) => continue,
            };
            if let Ok(p) = journal::parse(&plain, &path, 1, None, key.seal())
                .or_else(|_| journal::parse(&plain, &path, 1, None, Seal::Plain))
            {
                out.extend(p.ops);
            }
        }
        let jp = self.journal_path();
        if let Some((bytes, _)) =
            fsutil::read_with_meta(&jp).map_err(StoreError::io(IoAction::Read, &jp))?
        {
            out.extend(journal::parse(&bytes, &jp, 1, None, key.seal())?.ops);
        }
        out.sort_by_key(|o| o.seq);
        out.dedup_by(|a, b| a.hash == b.hash);
        Ok(out)
    }
}

impl Store {
    /// Writes the kept journals sealed line by line back in plain text
    /// (turning encryption off), re-linking their chains.
    pub(super) fn unseal_archives(
        &self,
        key: &std::sync::Arc<super::crypt::Key>,
    ) -> Result<usize, StoreError> {
        let sealed = SealKey(Some((key.clone(), journal::mac_key(key))));
        let mut written = 0;
        for (path, bytes) in backup::archived_journals(self) {
            if !journal::is_sealed_line(&bytes) {
                continue;
            }
            let parsed = journal::parse(&bytes, &path, 1, None, sealed.seal())?;
            let mut out = Vec::new();
            let mut prev = parsed
                .ops
                .first()
                .map(|o| o.prev.clone())
                .unwrap_or_default();
            for mut o in parsed.ops {
                o.prev = prev;
                out.extend(journal::encode_line(&mut o, Seal::Plain));
                prev = o.hash.clone();
            }
            fsutil::write_atomic(&path, &out).map_err(StoreError::io(IoAction::Save, &path))?;
            written += 1;
        }
        Ok(written)
    }
}

//! Reading the state from disk: the snapshot, verified against the mark at
//! the head of the journal, and the journal's operations replayed after it;
//! and, when only the journal grew, just its new end.

use std::fs;
use std::io;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

use crate::store::IoAction;
use serde_json::Value;

use super::error::Tamper;
use super::journal;
use super::lines::ItemLines;
use super::lock::Lock;
use super::op::{self, Field, Op};
use super::secure::Codec;
use super::tx::{Chain, file_id};
use super::{Notice, Snapshot, Stamp, Store, StoreError, fsutil};
use crate::model::State;

/// A journal this long is read on a second thread while the snapshot
/// decodes (10,000 operations are ~4 MB); a shorter one costs less than
/// the thread.
const PARALLEL_JOURNAL: u64 = 256 << 10;

impl Store {
    /// Reads the snapshot and the journal after it, verified, under the lock.
    pub(super) fn read(&self, lock: &Lock) -> Result<Snapshot, StoreError> {
        self.read_checked(lock, false)
    }

    /// [`Store::read`]; `everything`: hash the snapshot against its mark
    /// even when it is the very file the program wrote (see `quick`).
    pub(super) fn read_checked(
        &self,
        lock: &Lock,
        everything: bool,
    ) -> Result<Snapshot, StoreError> {
        self.read_lines(lock, everything, None)
    }

    /// [`Store::read_checked`]; `lines`: set to the snapshot's line of each
    /// item the journal did not change, when they can be trusted (see
    /// `lines`).
    pub(super) fn read_lines(
        &self,
        lock: &Lock,
        everything: bool,
        lines: Option<&mut Option<ItemLines>>,
    ) -> Result<Snapshot, StoreError> {
        self.finish_compaction(lock)?;
        let (sp, jp) = (self.state_path(), self.journal_path());
        // Both files under the same bound: a journal is data too.
        let limit = Some(fsutil::state_limit());
        let generation = lock.generation();
        let key = self.seal_key();
        let slot = OnceLock::new();
        let decoded = AtomicBool::new(false);
        // A long journal is read and verified on a second thread while the
        // snapshot is read and decodes: the one does not need the other
        // until the mark is compared.
        let ahead =
            key.is_ok() && fs::symlink_metadata(&jp).is_ok_and(|m| m.len() >= PARALLEL_JOURNAL);
        let mut written = false;
        let mut digest = None;
        let (state_file, state, found, parsed) = std::thread::scope(|scope| {
            let handle = match &key {
                Ok(k) if ahead => Some(scope.spawn(|| {
                    let found = read_into(&slot, &jp, limit);
                    let parsed = match (&found, slot.get()) {
                        // What each operation does is decoded here too,
                        // while the snapshot still decodes: after, the
                        // replay decodes the rest as it goes.
                        (Found::There, Some((jbytes, _))) => {
                            Some(journal::read(jbytes, &jp, 1, None, k.seal()).map(|read| {
                                let ready = read
                                    .ops
                                    .iter()
                                    .map_while(|o| (!decoded.load(Relaxed)).then(|| o.prepare()))
                                    .collect();
                                (read, ready)
                            }))
                        }
                        _ => None,
                    };
                    (found, parsed)
                })),
                _ => None,
            };
            let mut state_file = fsutil::read_with_meta_within(&sp, limit);
            let found = (!ahead).then(|| read_into(&slot, &jp, limit));
            let mut state = None;
            // Decoded only when there is a journal (a file without one is
            // migrated from its bytes as read); the one read ahead was
            // there when looked at.
            let journal_there = ahead || matches!(found, Some(Found::There));
            if let (Ok(Some((bytes, meta))), true) = (&mut state_file, journal_there) {
                // The snapshot the program wrote, by inode, size and change
                // time, is not hashed again (8 MB at 10,000 items: ~5 ms);
                // any other is.
                written = !everything
                    && lock
                        .snapshot()
                        .is_some_and(|r| super::quick::same_file(&r, meta));
                digest = (!written).then(|| journal::digest(bytes));
                state = Some(self.decode_in_place(bytes, &sp));
            }
            decoded.store(true, Relaxed);
            let (found, parsed) = match (found, handle.map(|h| h.join())) {
                (Some(found), _) => (found, None),
                (None, Some(Ok((found, parsed)))) => (found, parsed),
                // Its thread failed: read here what it did not.
                (None, _) if slot.get().is_some() => (Found::There, None),
                (None, _) => (read_into(&slot, &jp, limit), None),
            };
            (state_file, state, found, parsed)
        });
        let state_file = state_file.map_err(StoreError::io(IoAction::Read, &sp))?;
        let journal_file = match found {
            Found::There => slot.get(),
            Found::Missing => None,
            Found::Failed(e) => return Err(StoreError::io(IoAction::Read, &jp)(e)),
        };
        let ((mut bytes, meta), (jbytes, jmeta)) = match (state_file, journal_file) {
            (None, None) => {
                return Ok(Snapshot {
                    state: State::default(),
                    stamp: self.stamp_now(generation),
                    chain: Chain::default(),
                    warnings: Vec::new(),
                    checked: None,
                    before: None,
                });
            }
            (None, Some(_)) => return Err(self.tampered(sp, 0, Tamper::SnapshotMissing)),
            (Some(_), None) if state.is_some() => {
                // It was there when the snapshot began to decode.
                return Err(self.tampered(jp, 0, Tamper::JournalMissing));
            }
            (Some(s), None) => {
                if lock.anchor().is_some_and(|(seq, _)| seq > 0) {
                    return Err(self.tampered(jp, 0, Tamper::JournalMissing));
                }
                return self.migrate(lock, s.0, &s.1);
            }
            (Some(s), Some(j)) => (s, j),
        };
        let state = state.expect("decoded when both files are there");
        let snapshot_len = bytes.len() as u64;
        let keep = written && lines.is_some() && matches!(self.codec, Codec::Plain);
        let mut kept = None;
        if keep && let Ok(state) = &state {
            kept = ItemLines::find(bytes, state);
        } else if !matches!(self.codec, Codec::Plain) {
            // Opened in place: wiped. (A plain file's bytes are what is on
            // disk already; wiping 8 MB of them was ~3% of a load.)
            zeroize::Zeroize::zeroize(&mut bytes);
        }
        let mut state = state?;
        let key = key?;
        let (parsed, mut ready): (_, Vec<_>) = match parsed {
            Some(parsed) => parsed?,
            None => (journal::read(jbytes, &jp, 1, None, key.seal())?, Vec::new()),
        };
        let Some(mark) = parsed.ops.first().map(journal::Entry::to_op) else {
            return Err(self.tampered(jp, 1, Tamper::NoMark));
        };
        if !marks(&mark, digest.as_deref()) {
            return Err(self.tampered(sp, 0, Tamper::SnapshotChanged));
        }
        let mut index = (parsed.ops.len() > 8).then(|| op::positions(&state));
        for (i, o) in parsed.ops.iter().enumerate().skip(1) {
            let r = ready.get_mut(i).and_then(Option::take);
            o.apply_ready(&mut state, r, &mut index)
                .map_err(|m| self.tampered(jp.clone(), i + 1, Tamper::Inapplicable(m.0)))?;
        }
        if let (Some(out), Some(mut kept)) = (lines, kept) {
            let ops: Vec<Op> = parsed.ops.iter().map(journal::Entry::to_op).collect();
            if kept.forget_changed(&state, &ops) {
                *out = Some(kept);
            }
        }
        let last = parsed.ops.last().expect("the mark is there");
        let chain = Chain {
            seq: last.seq(),
            head: last.hash().to_string(),
            replica: mark.replica.clone(),
            len: parsed.good_len,
            lines: parsed.ops.len(),
            since: parsed.ops.len() as u64 - 1,
            snapshot_len,
            hlc: latest_hlc(&parsed.ops),
        };
        self.check_anchor(lock, &chain, mark.seq)?;
        let mut warnings = Vec::new();
        if parsed.torn {
            warnings.push(Notice::Torn(jp.clone()));
        }
        // The custody logs of the snapshot the program wrote were verified
        // then: only the items whose log could have changed since need it
        // again (see `chain_touched`).
        let checked = (written && lock.snapshot().is_some_and(|r| r.ends_with(" 1")))
            .then(|| chain_touched(&parsed.ops))
            .flatten()
            .map(|ids| ids.into_iter().map(str::to_string).collect());
        Ok(Snapshot {
            state,
            stamp: Stamp {
                generation,
                file: Some(file_id(&meta)),
                journal: Some(file_id(jmeta)),
            },
            chain,
            warnings,
            checked,
            before: None,
        })
    }

    /// The operation recorded last must be there, and be the one recorded.
    pub(super) fn check_anchor(
        &self,
        lock: &Lock,
        chain: &Chain,
        first: u64,
    ) -> Result<(), StoreError> {
        let Some((seq, head)) = lock.anchor() else {
            return Ok(());
        };
        let jp = self.journal_path();
        if seq > chain.seq {
            return Err(self.tampered(
                jp,
                chain.lines + 1,
                Tamper::CutShort {
                    recorded: seq,
                    found: chain.seq,
                },
            ));
        }
        if seq == chain.seq && head != chain.head {
            return Err(self.tampered(jp, chain.lines, Tamper::HeadChanged { seq }));
        }
        let _ = first;
        Ok(())
    }

    /// Brings `snap` up to what is on disk: the new end of the journal
    /// when only that changed, else everything.
    pub(super) fn sync(&self, lock: &Lock, snap: &mut Snapshot) -> Result<(), StoreError> {
        let now = self.stamp_now(lock.generation());
        if now == snap.stamp {
            return Ok(());
        }
        if let (Some(was), Some(is)) = (snap.stamp.journal, now.journal)
            && (was.0, was.1) == (is.0, is.1)
            && snap.stamp.file == now.file
            && is.2 > snap.chain.len
            && !snap.chain.replica.is_empty()
            && self.read_tail(lock, snap, now).is_ok()
        {
            return Ok(());
        }
        *snap = self.read(lock)?;
        Ok(())
    }

    fn read_tail(&self, lock: &Lock, snap: &mut Snapshot, now: Stamp) -> Result<(), StoreError> {
        let jp = self.journal_path();
        let (bytes, meta) =
            fsutil::read_from(&jp, snap.chain.len).map_err(StoreError::io(IoAction::Read, &jp))?;
        let key = self.seal_key()?;
        let after = (snap.chain.seq, snap.chain.head.as_str());
        let parsed = journal::read(&bytes, &jp, snap.chain.lines + 1, Some(after), key.seal())?;
        let mut state = None;
        let mut index = None;
        for o in &parsed.ops {
            let s = state.get_or_insert_with(|| snap.state.clone());
            o.apply(s, &mut index)
                .map_err(|m| self.tampered(jp.clone(), 0, Tamper::Inapplicable(m.0)))?;
        }
        let mut chain = snap.chain.clone();
        if let Some(last) = parsed.ops.last() {
            chain.seq = last.seq();
            chain.head = last.hash().to_string();
            chain.hlc = super::team::hlc::later(&chain.hlc, last.hlc());
        }
        chain.len += parsed.good_len;
        chain.lines += parsed.ops.len();
        chain.since += parsed.ops.len() as u64;
        self.check_anchor(lock, &chain, 0)?;
        if let Some(s) = state {
            snap.state = s;
            snap.checked = None;
        }
        snap.chain = chain;
        snap.stamp = Stamp {
            journal: Some(file_id(&meta)),
            ..now
        };
        Ok(())
    }
}

/// What reading the journal found: the file (kept in the slot), none, or
/// an error.
enum Found {
    There,
    Missing,
    Failed(io::Error),
}

fn read_into(
    slot: &OnceLock<(Vec<u8>, fs::Metadata)>,
    path: &std::path::Path,
    limit: Option<u64>,
) -> Found {
    match fsutil::read_with_meta_within(path, limit) {
        Ok(Some(file)) => {
            let _ = slot.set(file);
            Found::There
        }
        Ok(None) => Found::Missing,
        Err(e) => Found::Failed(e),
    }
}

/// Whether `mark` is a snapshot mark, holding the digest of the snapshot
/// after it: `digest` when the snapshot was hashed, any when it is the file
/// the program wrote (not hashed again).
pub(super) fn marks(mark: &Op, digest: Option<&str>) -> bool {
    let marked = match mark.fields.get("snapshot") {
        Some(Field::Set(Value::Null, Value::String(m))) => digest.is_none_or(|d| d == m),
        _ => false,
    };
    mark.change == "snapshot" && marked
}

/// The items whose custody log an operation of `ops` may have changed,
/// sorted, each once: those added, or whose id, kind, events or head it
/// set. A log's check reads those alone, so a note or an edit of anything
/// else leaves it as it was. None when an operation sets the whole list,
/// which changes every item.
pub(super) fn chain_touched<'a>(ops: &'a [journal::Entry]) -> Option<Vec<&'a str>> {
    const CHAIN: &[&str] = &[op::WHOLE, "id", "kind", "custody", "custody_head"];
    if ops
        .iter()
        .any(|o| o.item().is_none() && o.sets_any(&[op::ITEMS]))
    {
        return None;
    }
    let mut ids: Vec<&str> = ops
        .iter()
        .filter(|o| o.sets_any(CHAIN))
        .filter_map(|o| o.item())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Some(ids)
}

/// The latest hybrid clock stamp among `ops` (see `team::hlc::latest`).
fn latest_hlc(ops: &[journal::Entry]) -> String {
    ops.iter()
        .map(journal::Entry::hlc)
        .max()
        .unwrap_or_default()
        .to_string()
}

/// The custody problems of the items of `state` named in `ids` (the logs
/// that may have changed since a snapshot whose logs were all verified).
pub(super) fn problems_of<'a>(
    state: &State,
    ids: impl IntoIterator<Item = &'a str>,
) -> Vec<crate::model::custody::ChainProblem> {
    let changed: std::collections::HashSet<&str> = ids.into_iter().collect();
    state
        .items
        .iter()
        .filter(|i| changed.contains(i.id.as_str()))
        .filter(|i| !i.custody.is_empty() || !i.custody_head.is_empty())
        .flat_map(crate::model::custody::verify_item)
        .collect()
}

#[cfg(test)]
mod tests;

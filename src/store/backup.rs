//! Backups: the last few states, kept beside `state.json`.
//!
//! One is taken when a session starts and at most one per fifteen minutes of
//! edits; the newest ten are kept. Each holds the whole state at that time
//! (the snapshot with the journal folded in). Names sort by time:
//! `state-YYYYMMDD-HHMMSS-N.json`. The journals that compaction folds into a
//! snapshot are kept here too (`journal-….jsonl`, the newest ten), so the
//! history of operations outlives compaction.

use crate::store::IoAction;
use std::fs;
use std::path::PathBuf;

use chrono::Duration;

use super::{BACKUP_DIR, Store, StoreError, fsutil};
use crate::model::Time;

/// How many backups are kept.
pub const KEEP: usize = 10;
/// The least time between two backups taken because of edits.
pub const EVERY_MINUTES: i64 = 15;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub name: String,
    pub bytes: u64,
    /// When it was taken, as `YYYY-MM-DD HH:MM:SS`.
    pub taken: String,
}

/// (time stamp, sequence) from a backup's name, for ordering.
fn key(name: &str) -> Option<(String, u32)> {
    let core = name.strip_prefix("state-")?.strip_suffix(".json")?;
    let (stamp, seq) = core.rsplit_once('-')?;
    Some((stamp.to_string(), seq.parse().ok()?))
}

pub(super) fn names(store: &Store) -> Vec<String> {
    let dir = store.dir().join(BACKUP_DIR);
    // A `backups` that is a link is never listed, so never pruned through.
    if !fsutil::is_own_dir(&dir) {
        return Vec::new();
    }
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| key(n).is_some())
                .collect()
        })
        .unwrap_or_default();
    names.sort_by_key(|n| key(n));
    names.reverse();
    names
}

/// Writes the current state (`bytes`, made only when needed) into
/// `backups/` if the newest backup is older than fifteen minutes (or
/// `force`), then prunes to the newest ten. The caller holds the lock.
/// Returns the new backup's name.
pub fn take_if_due(
    store: &Store,
    now: Time,
    force: bool,
    bytes: impl FnOnce() -> Result<Vec<u8>, StoreError>,
) -> Result<Option<String>, StoreError> {
    if !force && !is_due(store, now) {
        return Ok(None);
    }
    keep_copy(store, now, &bytes()?)
}

/// Whether a change at `now` takes a backup first: the newest is fifteen
/// minutes old or more, or there is none.
pub fn is_due(store: &Store, now: Time) -> bool {
    let newest = names(store).first().and_then(|n| key(n));
    !matches!(newest, Some((newest, _))
        if chrono::NaiveDateTime::parse_from_str(&newest, "%Y%m%d-%H%M%S")
            .is_ok_and(|t| now.naive_local() - t < Duration::minutes(EVERY_MINUTES)))
}

/// Writes `bytes` into `backups/` as a backup taken at `now`, then prunes
/// to the newest ten. Returns its name.
pub fn keep_copy(store: &Store, now: Time, bytes: &[u8]) -> Result<Option<String>, StoreError> {
    let existing = names(store);
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    let dir = store.dir().join(BACKUP_DIR);
    fsutil::ensure_private_dir(&dir).map_err(StoreError::io(IoAction::Create, &dir))?;
    let seq = existing
        .iter()
        .filter_map(|n| key(n))
        .filter(|(s, _)| *s == stamp)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0)
        + 1;
    let name = format!("state-{stamp}-{seq}.json");
    let target = dir.join(&name);
    fsutil::write_atomic(&target, bytes).map_err(StoreError::io(IoAction::WriteBackup, &target))?;
    for old in names(store).into_iter().skip(KEEP) {
        let _ = fs::remove_file(dir.join(old));
    }
    Ok(Some(name))
}

/// The kept backups, newest first.
pub fn list(store: &Store) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = store.dir().join(BACKUP_DIR);
    Ok(names(store)
        .into_iter()
        .map(|name| {
            let bytes = fs::symlink_metadata(dir.join(&name))
                .map(|m| m.len())
                .unwrap_or(0);
            let taken = key(&name)
                .and_then(|(s, _)| chrono::NaiveDateTime::parse_from_str(&s, "%Y%m%d-%H%M%S").ok())
                .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
                .unwrap_or_default();
            BackupInfo { name, bytes, taken }
        })
        .collect())
}

/// The path of an existing backup; names outside `backups/` are refused.
pub fn path_of(store: &Store, name: &str) -> Result<PathBuf, StoreError> {
    let name = name.trim();
    if key(name).is_none() || name.contains('/') {
        return Err(StoreError::NoBackup(name.to_string()));
    }
    if !fsutil::is_own_dir(&store.dir().join(BACKUP_DIR)) {
        return Err(StoreError::NoBackup(name.to_string()));
    }
    let path = store.dir().join(BACKUP_DIR).join(name);
    if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return Err(StoreError::NoBackup(name.to_string()));
    }
    Ok(path)
}

/// The prefix of a journal kept after compaction.
const JOURNAL_PREFIX: &str = "journal-";

fn journal_names(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(store.dir().join(BACKUP_DIR))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(JOURNAL_PREFIX) && n.ends_with(".jsonl"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Keeps a journal that compaction folded into a snapshot, as it was on
/// disk; the newest ten are kept.
pub fn archive_journal(store: &Store, now: Time, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = store.dir().join(BACKUP_DIR);
    fsutil::ensure_private_dir(&dir).map_err(StoreError::io(IoAction::Create, &dir))?;
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    let existing = journal_names(store);
    let mut n = 1;
    while existing.contains(&format!("{JOURNAL_PREFIX}{stamp}-{n:04}.jsonl")) {
        n += 1;
    }
    let target = dir.join(format!("{JOURNAL_PREFIX}{stamp}-{n:04}.jsonl"));
    fsutil::write_atomic(&target, bytes).map_err(StoreError::io(IoAction::WriteBackup, &target))?;
    let all = journal_names(store);
    for old in all.iter().take(all.len().saturating_sub(KEEP)) {
        let _ = fs::remove_file(dir.join(old));
    }
    Ok(())
}

/// The kept journals (path and bytes), oldest first.
pub fn archived_journals(store: &Store) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = store.dir().join(BACKUP_DIR);
    journal_names(store)
        .into_iter()
        .filter_map(|n| {
            let p = dir.join(n);
            let bytes = fsutil::read_with_meta(&p).ok().flatten()?.0;
            Some((p, bytes))
        })
        .collect()
}

/// Every kept journal's path (sealed with the rest when encryption is
/// turned on).
pub fn archived_paths(store: &Store) -> Vec<PathBuf> {
    let dir = store.dir().join(BACKUP_DIR);
    journal_names(store)
        .into_iter()
        .map(|n| dir.join(n))
        .collect()
}

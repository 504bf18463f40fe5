//! Backups: the last few states, kept beside `state.json`.
//!
//! One is taken when a session starts and at most one per fifteen minutes of
//! edits; the newest ten are kept. Names sort by time: `state-YYYYMMDD-HHMMSS-N.json`.

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

/// Copies the current `state.json` into `backups/` if the newest backup is
/// older than fifteen minutes (or `force`), then prunes to the newest ten.
/// The caller holds the lock. Returns the new backup's name.
pub fn take_if_due(store: &Store, now: Time, force: bool) -> Result<Option<String>, StoreError> {
    let existing = names(store);
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    if !force
        && let Some((newest, _)) = existing.first().and_then(|n| key(n))
        && let Ok(t) = chrono::NaiveDateTime::parse_from_str(&newest, "%Y%m%d-%H%M%S")
        && now.naive_local() - t < Duration::minutes(EVERY_MINUTES)
    {
        return Ok(None);
    }
    let dir = store.dir().join(BACKUP_DIR);
    fsutil::ensure_private_dir(&dir).map_err(StoreError::io("cannot create", &dir))?;
    let seq = existing
        .iter()
        .filter_map(|n| key(n))
        .filter(|(s, _)| *s == stamp)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0)
        + 1;
    let name = format!("state-{stamp}-{seq}.json");
    let source = store.state_path();
    let bytes = fsutil::read(&source, Some(fsutil::state_limit()))
        .map_err(StoreError::io("cannot read", &source))?;
    let target = dir.join(&name);
    fsutil::write_atomic(&target, &bytes)
        .map_err(StoreError::io("cannot write backup", &target))?;
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

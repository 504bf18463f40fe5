//! The dashboard's own files in the data directory, beside the register:
//! the session lock that lets one dashboard write at a time, the draft that
//! keeps unsaved typing across a crash, and the briefs and workbooks it
//! writes.

use crate::store::IoAction;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::{Store, StoreError, fsutil};

/// The file that keeps unsaved typing across a crash.
pub const DRAFT_FILE: &str = "draft.json";
/// Held by the dashboard for its whole life: one dashboard writes at a time.
pub const SESSION_FILE: &str = "session.lock";

/// Proof that this process is the one dashboard on the data; released on drop.
pub struct Session(#[allow(dead_code)] File);

impl Store {
    /// Claims the data for a dashboard; `None` if another one holds it.
    pub fn claim_session(&self) -> Result<Option<Session>, StoreError> {
        let path = self.dir.join(SESSION_FILE);
        let file = fsutil::open_private(&path).map_err(StoreError::io(IoAction::Open, &path))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Session(file))),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(StoreError::io(IoAction::Lock, &path)(e)),
        }
    }

    /// Writes the draft atomically (private, and sealed when encryption is
    /// on, like everything here).
    pub fn save_draft(&self, bytes: &[u8]) -> Result<(), StoreError> {
        self.write_sealed(&self.dir.join(DRAFT_FILE), bytes)
    }

    /// Writes one of the program's own files in the data directory:
    /// atomically, private, and sealed when encryption is on. Under the lock,
    /// so encryption cannot be turned on in between.
    pub(super) fn write_sealed(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        let _lock = self.lock()?;
        let bytes = self.seal_bytes(bytes)?;
        fsutil::write_atomic(path, &bytes).map_err(StoreError::io(IoAction::Save, path))
    }

    /// The kept draft, if any can be read; wiped from memory when dropped.
    pub fn load_draft(&self) -> Option<zeroize::Zeroizing<Vec<u8>>> {
        let path = self.dir.join(DRAFT_FILE);
        let bytes = fsutil::read(&path, Some(fsutil::state_limit())).ok()?;
        self.unseal_owned(bytes, &path).ok()
    }

    pub fn clear_draft(&self) {
        let _ = fs::remove_file(self.dir.join(DRAFT_FILE));
    }
}

/// The prefix of the briefs the dashboard writes into the data directory.
pub const BRIEF_PREFIX: &str = "brief-";
/// The prefix of the workbooks the dashboard writes there (`registers-….xlsx`).
pub const WORKBOOK_PREFIX: &str = "registers-";

impl Store {
    /// Writes a brief (`brief-….md`) into the data directory, atomically,
    /// private to the user and sealed when encryption is on. Returns where.
    pub fn write_brief(&self, day: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let path = self.dir.join(format!("{BRIEF_PREFIX}{day}.md"));
        self.write_sealed(&path, bytes)?;
        Ok(path)
    }

    /// The briefs and workbooks written into the data directory (sealed
    /// along with the rest when encryption is turned on).
    pub(crate) fn written_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    (n.starts_with(BRIEF_PREFIX) && n.ends_with(".md"))
                        || (n.starts_with(WORKBOOK_PREFIX) && n.ends_with(".xlsx"))
                })
            })
            .collect();
        files.sort();
        files
    }
}

//! The checks made when a data directory is opened, before anything in it
//! is read: the directory is ours and closed to others, and each file the
//! store keeps there is a regular file of ours (tightened if it was open to
//! others). A link, a special file or another user's file is refused by
//! name; nothing is chmodded through a link.

use crate::store::IoAction;
use std::fs;
use std::path::Path;

use super::{
    BACKUP_DIR, DRAFT_FILE, LOCK_FILE, MARK_FILE, SESSION_FILE, STATE_FILE, StoreError, fsutil,
};

/// Checks (creating it private if need be) the data directory `dir` and
/// the files in it; the warnings of what had to be tightened.
pub(super) fn check(dir: &Path) -> Result<Vec<fsutil::Tightened>, StoreError> {
    let mut warnings = Vec::new();
    warnings
        .extend(fsutil::ensure_private_dir(dir).map_err(StoreError::io(IoAction::Create, dir))?);
    for name in [
        STATE_FILE,
        LOCK_FILE,
        DRAFT_FILE,
        SESSION_FILE,
        MARK_FILE,
        super::journal::JOURNAL_FILE,
        super::quick::index::INDEX_FILE,
    ] {
        let path = dir.join(name);
        let secured = fsutil::secure_if_exists(&path);
        warnings.extend(secured.map_err(StoreError::io(IoAction::Secure, &path))?);
    }
    let backups = dir.join(BACKUP_DIR);
    if fs::symlink_metadata(&backups).is_ok() {
        let secured = fsutil::ensure_private_dir(&backups);
        warnings.extend(secured.map_err(StoreError::io(IoAction::Secure, &backups))?);
    }
    Ok(warnings)
}

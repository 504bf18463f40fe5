//! The files team sync keeps in the data directory, under `sync/`: its
//! private state and the replica's signing key (both sealed with the data
//! key when encryption is on, and so sealed and opened with the rest by
//! `encrypt` and `decrypt`), the local clone of the team's repository, and
//! the team key kept for a while in the session keyring.

use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

use linux_keyutils::{KeyRing, KeyRingIdentifier};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::crypt::{KdfParams, Key, SALT_LEN};
use super::journal::hex;
use super::{IoAction, Store, StoreError, fsutil};

/// The folder of sync's files inside the data directory.
pub const SYNC_DIR: &str = "sync";
/// sync's own state (what was sent, taken in, which keys are trusted).
pub const SYNC_STATE: &str = "state.json";
/// This replica's ed25519 signing key.
pub const SIGNING_KEY: &str = "signing.key";

impl Store {
    /// `DATA/sync`, created private to the user (a link or another user's
    /// folder is refused).
    pub fn sync_dir(&self) -> Result<PathBuf, StoreError> {
        let dir = self.dir.join(SYNC_DIR);
        fsutil::ensure_private_dir(&dir).map_err(StoreError::io(IoAction::Create, &dir))?;
        Ok(dir)
    }

    /// The data files sync keeps (for `encrypt` and `decrypt`).
    pub(super) fn sync_files(&self) -> Vec<PathBuf> {
        let dir = self.dir.join(SYNC_DIR);
        [SYNC_STATE, SIGNING_KEY]
            .iter()
            .map(|n| dir.join(n))
            .collect()
    }

    /// Writes one of sync's files atomically, private, sealed when
    /// encryption is on.
    pub fn write_sync_file(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.sync_dir()?.join(name);
        self.write_sealed(&path, bytes)
    }

    /// One of sync's files as written (opened when sealed); none if absent.
    pub fn read_sync_file(&self, name: &str) -> Result<Option<Zeroizing<Vec<u8>>>, StoreError> {
        let path = self.dir.join(SYNC_DIR).join(name);
        let bytes = match fsutil::read(&path, Some(fsutil::state_limit())) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io(IoAction::Read, &path)(e)),
        };
        self.unseal_owned(bytes, &path).map(Some)
    }

    /// The keyring name of the team key with `salt` for this data directory.
    fn team_key_name(&self, salt: &[u8]) -> String {
        let dir = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
        let mut h = Sha256::new();
        h.update(b"liaison team key cache v1\0");
        h.update(dir.as_os_str().as_bytes());
        h.update(b"\0");
        h.update(salt);
        format!("liaison-team:{}", hex(&h.finalize()[..16]))
    }

    /// Keeps a team key in the session keyring for `seconds` (at most a day).
    pub fn cache_team_key(&self, key: &Key, seconds: u64) -> Result<(), String> {
        super::keyring::keep_in_session(&self.team_key_name(&key.salt), key, seconds)
    }

    /// The team key kept in the session keyring for `salt` and `params`, if
    /// any (the caller checks it opens the team's check value).
    pub fn cached_team_key(&self, salt: [u8; SALT_LEN], params: KdfParams) -> Option<Key> {
        let ring = KeyRing::from_special_id(KeyRingIdentifier::Session, false).ok()?;
        let k = ring.search(&self.team_key_name(&salt)).ok()?;
        let mut buf = Zeroizing::new([0u8; 32]);
        match k.read(&mut *buf) {
            Ok(32) => Some(Key::from_bytes(*buf, salt, params)),
            _ => None,
        }
    }

    /// Drops the kept team key with `salt`; true if one was kept.
    pub fn forget_team_key(&self, salt: [u8; SALT_LEN]) -> bool {
        KeyRing::from_special_id(KeyRingIdentifier::Session, false)
            .ok()
            .and_then(|ring| ring.search(&self.team_key_name(&salt)).ok())
            .is_some_and(|k| k.invalidate().is_ok())
    }
}

impl Key {
    /// The salt it was derived with (kept beside the team's check value).
    pub fn salt(&self) -> [u8; SALT_LEN] {
        self.salt
    }
}

//! The derived key kept for a bounded time in the Linux kernel's session
//! keyring (`liaison unlock [--for 30m]`, `liaison lock`), as ssh-agent
//! keeps keys: commands in the same login session then open encrypted data
//! without asking for the passphrase and without the half second of key
//! derivation.
//!
//! The key is stored as a `user` key named after the data directory and the
//! salt of its key, readable only by its possessors (processes of this
//! session), and the kernel drops it when its time runs out. A key that does
//! not match the data (another passphrase since) is ignored.

use std::os::unix::ffi::OsStrExt;
use std::sync::Arc;

use linux_keyutils::{KeyPermissionsBuilder, KeyRing, KeyRingIdentifier, Permission};
use sha2::{Digest, Sha256};

use super::crypt::Key;
use super::journal::hex;
use super::secure::Codec;
use super::{Store, StoreError};

/// The longest a key may be kept.
pub const MAX_SECONDS: u64 = 24 * 3600;

impl Store {
    /// The name of this data directory's key in the keyring.
    fn key_name(&self, salt: &[u8]) -> String {
        let dir = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
        let mut h = Sha256::new();
        h.update(b"liaison key cache v1\0");
        h.update(dir.as_os_str().as_bytes());
        h.update(b"\0");
        h.update(salt);
        format!("liaison:{}", hex(&h.finalize()[..16]))
    }

    /// Keeps the key of this unlocked store in the session keyring for
    /// `seconds` (at most a day). Errors name what the kernel refused.
    pub fn cache_key(&self, seconds: u64) -> Result<(), String> {
        let Codec::Open(key) = &self.codec else {
            return Err("not unlocked".into());
        };
        keep_in_session(&self.key_name(&key.salt), key, seconds)
    }

    /// Opens a locked store with the key kept in the session keyring, if
    /// there is one that fits its data. True if it did.
    pub fn unlock_cached(&mut self) -> Result<bool, StoreError> {
        if !matches!(self.codec, Codec::Locked) {
            return Ok(false);
        }
        let Some(header) = self.key_header()? else {
            return Ok(false);
        };
        let Ok(ring) = KeyRing::from_special_id(KeyRingIdentifier::Session, false) else {
            return Ok(false);
        };
        let Ok(k) = ring.search(&self.key_name(&header.salt)) else {
            return Ok(false);
        };
        let mut buf = zeroize::Zeroizing::new([0u8; 32]);
        match k.read(&mut *buf) {
            Ok(32) => {}
            _ => return Ok(false),
        }
        let key = Key::from_bytes(*buf, header.salt, header.params);
        if !header.opens_with(&key) {
            return Ok(false);
        }
        self.codec = Codec::Open(Arc::new(key));
        Ok(true)
    }

    /// Drops this data directory's key from the keyring. True if one was
    /// kept.
    pub fn forget_cached_key(&self) -> Result<bool, StoreError> {
        let Some(header) = self.key_header()? else {
            return Ok(false);
        };
        let Ok(ring) = KeyRing::from_special_id(KeyRingIdentifier::Session, false) else {
            return Ok(false);
        };
        match ring.search(&self.key_name(&header.salt)) {
            Ok(k) => Ok(k.invalidate().is_ok()),
            Err(_) => Ok(false),
        }
    }
}

/// Keeps `key` under `name` in the session keyring for `seconds` (at most
/// [`MAX_SECONDS`]), readable only by its possessor; nothing is kept if
/// that cannot be set.
pub(super) fn keep_in_session(name: &str, key: &Key, seconds: u64) -> Result<(), String> {
    let ring = KeyRing::from_special_id(KeyRingIdentifier::Session, false)
        .map_err(|e| format!("{e:?}"))?;
    let k = ring
        .add_key(name, key.bytes().as_slice())
        .map_err(|e| format!("{e:?}"))?;
    let only_us = KeyPermissionsBuilder::builder()
        .posessor(Permission::ALL)
        .build();
    let kept = k
        .set_perms(only_us)
        .and_then(|()| k.set_timeout(seconds.clamp(1, MAX_SECONDS) as usize));
    if let Err(e) = kept {
        let _ = k.invalidate();
        return Err(format!("{e:?}"));
    }
    Ok(())
}

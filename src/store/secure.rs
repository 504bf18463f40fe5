//! Encryption at rest as the store sees it: the one seam every read and
//! write of the data directory goes through, the key that opens its files,
//! and turning encryption on and off for the whole directory.
//!
//! The directory counts as encrypted when any of its data files (the state,
//! a backup, the draft) is sealed. Then nothing is read or written until a
//! passphrase gives the key, and nothing is ever written in plain text.

use crate::store::IoAction;
use std::borrow::Cow;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use zeroize::Zeroizing;

use super::crypt::{KdfParams, Key, Passphrase};
use super::envelope::{self, Damage, HEADER_LEN, Header};
use super::{BACKUP_DIR, DRAFT_FILE, Store, StoreError, backup, decode, fsutil};
use crate::model::State;

/// The mark of an encrypted directory: an envelope around nothing, sealed
/// with the directory's key. Written first by `encrypt` and removed last by
/// `decrypt`, and no data file, so that removing the sealed data files
/// (and dropping a plain state in) does not make the directory plain.
pub const MARK_FILE: &str = "encrypted";

mod switch;

/// How the store reads and writes its files.
#[derive(Debug, Clone, Default)]
pub(super) enum Codec {
    /// Plain JSON.
    #[default]
    Plain,
    /// Encrypted, and no passphrase given yet: nothing is read or written.
    Locked,
    /// Encrypted, with the key (shared by every clone of the store).
    Open(Arc<Key>),
}

impl Store {
    /// Plain or locked, from what is on disk.
    pub(super) fn probe(&self) -> Codec {
        if self.marked() || self.data_files().iter().any(|p| starts_sealed(p)) {
            Codec::Locked
        } else {
            Codec::Plain
        }
    }

    /// Every file the store writes data to: the state, the backups (newest
    /// first), the draft. Lock files hold no data.
    pub(super) fn data_files(&self) -> Vec<PathBuf> {
        let mut files = vec![self.state_path()];
        let dir = self.dir.join(BACKUP_DIR);
        files.extend(backup::names(self).into_iter().map(|n| dir.join(n)));
        files.push(self.dir.join(DRAFT_FILE));
        files.extend(self.written_files());
        files.extend(backup::archived_paths(self));
        files.extend(self.sync_files());
        files
    }

    pub(super) fn mark_path(&self) -> PathBuf {
        self.dir.join(MARK_FILE)
    }

    /// Whether the directory carries the mark of encryption (whatever it holds).
    fn marked(&self) -> bool {
        fs::symlink_metadata(self.mark_path()).is_ok()
    }

    /// From now on nothing is written in plain text: a passphrase was given,
    /// so plain data on disk is not what the user expects.
    pub fn expect_encrypted(&mut self) {
        self.expect_sealed = true;
    }

    pub(super) fn not_encrypted(&self) -> StoreError {
        StoreError::NotEncrypted {
            dir: self.dir.clone(),
        }
    }

    pub(super) fn encrypted(&self) -> StoreError {
        StoreError::Encrypted {
            dir: self.dir.clone(),
        }
    }

    /// The contents of a file as this store reads them: the plaintext,
    /// decrypted in place within `bytes` when sealed (the caller wipes it).
    pub(super) fn unseal<'a>(
        &self,
        bytes: &'a mut [u8],
        path: &Path,
    ) -> Result<&'a [u8], StoreError> {
        let sealed = envelope::is_envelope(bytes);
        match &self.codec {
            Codec::Plain if !sealed => Ok(bytes),
            Codec::Plain | Codec::Locked => Err(self.encrypted()),
            Codec::Open(key) if sealed => envelope::open(key, bytes, path),
            Codec::Open(_) if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() => {
                Err(StoreError::Plaintext {
                    path: path.to_path_buf(),
                })
            }
            // Neither sealed nor JSON: the JSON reader says where it breaks.
            Codec::Open(_) => Ok(bytes),
        }
    }

    /// [`Store::unseal`] of bytes the caller owns: the plaintext alone.
    pub(super) fn unseal_owned(
        &self,
        bytes: Vec<u8>,
        path: &Path,
    ) -> Result<Zeroizing<Vec<u8>>, StoreError> {
        let mut bytes = Zeroizing::new(bytes);
        let sealed = envelope::is_envelope(&bytes);
        let len = self.unseal(&mut bytes, path)?.len();
        if sealed {
            // The plaintext sits between the header and the tag.
            bytes.truncate(HEADER_LEN + len);
            bytes.drain(..HEADER_LEN);
        }
        Ok(bytes)
    }

    /// Reads a state from a file's bytes, opening them with this store's
    /// key when encryption is on.
    pub fn decode_file(&self, bytes: &[u8], path: &Path) -> Result<State, StoreError> {
        self.decode_in_place(&mut Zeroizing::new(bytes.to_vec()), path)
    }

    /// [`Store::decode_file`] without a copy: a sealed file is decrypted
    /// within `bytes`, which the caller wipes.
    pub(super) fn decode_in_place(
        &self,
        bytes: &mut [u8],
        path: &Path,
    ) -> Result<State, StoreError> {
        decode(self.unseal(bytes, path)?, path)
    }

    /// The bytes written for a state: plain JSON, or sealed. `size_hint`:
    /// about how long it will be (the file it replaces), to spare copies.
    pub(super) fn encode_file(
        &self,
        state: &State,
        size_hint: usize,
    ) -> Result<Vec<u8>, StoreError> {
        match &self.codec {
            Codec::Plain if self.expect_sealed => Err(self.not_encrypted()),
            Codec::Plain => Ok(super::encode(state)),
            Codec::Locked => Err(self.encrypted()),
            Codec::Open(key) => Ok(envelope::seal_with(
                key,
                size_hint + size_hint / 8 + 4096,
                // One item a line, as a plain snapshot is laid out, so a
                // listing can copy an item's line (see `listing`).
                |buf| super::layout::write(buf, state),
            )),
        }
    }

    /// Other bytes (the draft) as written to disk. Plain only while no data
    /// file is sealed: another process may have turned encryption on.
    pub(super) fn seal_bytes<'a>(&self, plain: &'a [u8]) -> Result<Cow<'a, [u8]>, StoreError> {
        match &self.codec {
            Codec::Plain if self.expect_sealed => Err(self.not_encrypted()),
            Codec::Plain if matches!(self.probe(), Codec::Locked) => Err(self.encrypted()),
            Codec::Plain => Ok(Cow::Borrowed(plain)),
            Codec::Locked => Err(self.encrypted()),
            Codec::Open(key) => Ok(Cow::Owned(envelope::seal(key, plain))),
        }
    }

    /// Whether the data is encrypted at rest.
    pub fn is_encrypted(&self) -> bool {
        !matches!(self.codec, Codec::Plain)
    }

    /// Whether a passphrase must be given ([`Store::unlock`]) before
    /// anything can be read. An error says why no passphrase could help (a
    /// newer or damaged file): ask for none then.
    pub fn needs_passphrase(&self) -> Result<bool, StoreError> {
        match self.codec {
            Codec::Locked => self.key_header().map(|h| h.is_some()),
            _ => Ok(false),
        }
    }

    /// The header a key must match: the first sealed file that can be
    /// read, the state first. `None` if no file is sealed.
    pub(super) fn key_header(&self) -> Result<Option<Header>, StoreError> {
        let mut first_error = None;
        for path in self.data_files() {
            let Ok((head, total)) = read_head(&path) else {
                continue;
            };
            if !envelope::is_envelope(&head) {
                continue;
            }
            match envelope::parse_head(&head, total, &path) {
                Ok(header) => return Ok(Some(header)),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        if let Some(e) = first_error {
            return Err(e);
        }
        if !self.marked() {
            return Ok(None);
        }
        // Marked, and no sealed data file can be read: the mark alone
        // holds the key's header. Without it, the mark is all there is.
        let mark = self.mark_path();
        let gone = || StoreError::MarkedEncrypted {
            dir: self.dir.clone(),
            mark: mark.clone(),
        };
        let (head, total) = read_head(&mark).map_err(StoreError::io(IoAction::Read, &mark))?;
        if !envelope::is_envelope(&head) {
            return Err(gone());
        }
        envelope::parse_head(&head, total, &mark).map(Some)
    }

    /// Derives the key from `pass` (once; it is then kept for every read
    /// and write) and checks it against the data. A wrong passphrase
    /// changes nothing. Does nothing if the store is not locked.
    pub fn unlock(&mut self, pass: &Passphrase) -> Result<(), StoreError> {
        if !matches!(self.codec, Codec::Locked) {
            return Ok(());
        }
        let Some(header) = self.key_header()? else {
            // Decrypted by another process since we looked.
            self.codec = Codec::Plain;
            return Ok(());
        };
        let key =
            Key::derive(pass, header.salt, header.params).ok_or_else(|| StoreError::Damaged {
                path: self.state_path(),
                what: Damage::Header,
            })?;
        if !header.opens_with(&key) {
            return Err(StoreError::WrongPassphrase {
                dir: self.dir.clone(),
            });
        }
        self.codec = Codec::Open(Arc::new(key));
        Ok(())
    }

    /// Whether `pass` is the passphrase of this unlocked store (for a
    /// privacy screen). Costs one key derivation; false if not encrypted.
    pub fn verify_passphrase(&self, pass: &Passphrase) -> bool {
        match &self.codec {
            Codec::Open(key) => key.matches(pass),
            _ => false,
        }
    }

    /// The key derivation costs in use, once unlocked.
    pub fn kdf_params(&self) -> Option<KdfParams> {
        match &self.codec {
            Codec::Open(key) => Some(key.params()),
            _ => None,
        }
    }

    /// Data files still in plain text although encryption is on (left by
    /// an interrupted `encrypt`); `liaison encrypt` again seals them.
    pub fn plain_leftovers(&self) -> Vec<PathBuf> {
        if !self.is_encrypted() {
            return Vec::new();
        }
        // A plain state is refused when read, which says so: not twice.
        let state = self.state_path();
        self.data_files()
            .into_iter()
            .filter(|p| *p != state && p.exists() && !starts_sealed(p))
            .collect()
    }
}

pub(super) fn write(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    fsutil::write_atomic(path, bytes).map_err(StoreError::io(IoAction::Save, path))
}

/// A file's bytes (wiped when dropped), `None` if it does not exist.
pub(super) fn read_if_exists(path: &Path) -> Result<Option<Zeroizing<Vec<u8>>>, StoreError> {
    match fsutil::read(path, Some(fsutil::state_limit())) {
        Ok(bytes) => Ok(Some(Zeroizing::new(bytes))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(IoAction::Read, path)(e)),
    }
}

/// The first bytes of a file (enough for a header) and its length.
fn read_head(path: &Path) -> io::Result<(Vec<u8>, u64)> {
    let file = fsutil::open_read(path, None)?;
    let total = file.metadata()?.len();
    let mut head = Vec::with_capacity(HEADER_LEN);
    file.take(HEADER_LEN as u64).read_to_end(&mut head)?;
    Ok((head, total))
}

fn starts_sealed(path: &Path) -> bool {
    read_head(path).is_ok_and(|(head, _)| envelope::is_envelope(&head))
}

//! Turning encryption on and off for the whole directory, and finishing
//! an interrupted run.

use crate::store::IoAction;
use std::fs;
use std::io;
use std::sync::Arc;

use super::super::crypt::{KdfParams, Key, Passphrase};
use super::super::{Session, Store, StoreError, envelope, fsutil};
use super::{Codec, read_if_exists, write};

/// When encryption is turned on or off (only names the kept journal and
/// dates the snapshot mark; the data's own times come from the caller).
fn now() -> crate::model::Time {
    chrono::Utc::now().fixed_offset()
}

impl Store {
    fn exclusive(&self) -> Result<Session, StoreError> {
        self.claim_session()?.ok_or_else(|| StoreError::InUse {
            dir: self.dir.clone(),
        })
    }

    /// Turns encryption on with a new key from `pass`: seals the state,
    /// then every backup and the draft (made before, in plain text: sealed
    /// too, so none is left readable). Returns how many files were sealed.
    /// Refused if encryption is already on, while a dashboard is open, and
    /// if the state cannot be read; nothing is changed then.
    pub fn encrypt(&mut self, pass: &Passphrase, params: KdfParams) -> Result<usize, StoreError> {
        if self.is_encrypted() {
            return Err(self.encrypted());
        }
        let key = Arc::new(Key::generate(pass, params));
        let _session = self.exclusive()?;
        let lock = self.lock()?;
        let snap = self.read(&lock)?;
        self.keep_team_ops(&snap.chain.replica)?;
        let team = self.team_files()?;
        // The mark first: from here on the directory counts as encrypted.
        write(&self.mark_path(), &envelope::seal(&key, b""))?;
        // The state and the journal start again sealed, as one new snapshot
        // after the operations so far (the plain journal is kept in
        // `backups/` and sealed there below).
        self.codec = Codec::Open(Arc::clone(&key));
        // Other replicas' operations, sealed line by line like the journal.
        if let Err(e) = self.rewrite_team_files(&team) {
            self.codec = Codec::Plain;
            return Err(e);
        }
        let mut chain = snap.chain.clone();
        let mut state = snap.state;
        state.version = crate::model::VERSION;
        if let Err(e) = self.compact(&lock, &state, &mut chain, now()) {
            self.codec = Codec::Plain;
            return Err(e);
        }
        let sealed = 1 + self.seal_plain_files(&key)?;
        lock.bump();
        Ok(sealed)
    }

    /// With encryption on and the store unlocked, seals the data files an
    /// interrupted [`Store::encrypt`] left in plain text; how many.
    pub fn seal_leftovers(&mut self) -> Result<usize, StoreError> {
        let Codec::Open(key) = &self.codec else {
            return Ok(0);
        };
        let key = Arc::clone(key);
        let _session = self.exclusive()?;
        let lock = self.lock()?;
        let sealed = self.seal_plain_files(&key)?;
        if sealed > 0 {
            lock.bump();
        }
        Ok(sealed)
    }

    /// Seals every data file still plain, the state first: once it is
    /// sealed the directory counts as encrypted, so an interrupted run is
    /// finished by running it again. The caller holds the lock.
    fn seal_plain_files(&self, key: &Key) -> Result<usize, StoreError> {
        let mut sealed = 0;
        for path in self.data_files() {
            let Some(bytes) = read_if_exists(&path)? else {
                continue;
            };
            if !envelope::is_envelope(&bytes) {
                write(&path, &envelope::seal(key, &bytes))?;
                sealed += 1;
            }
        }
        Ok(sealed)
    }

    /// Turns encryption off: writes every backup, the draft, and last the
    /// state back in plain text. Every file is opened first; if one cannot
    /// be, nothing is changed. Returns how many files were written. Refused
    /// while a dashboard is open.
    pub fn decrypt(&mut self) -> Result<usize, StoreError> {
        let key = match &self.codec {
            Codec::Plain => return Ok(0),
            Codec::Locked => return Err(self.encrypted()),
            Codec::Open(key) => Arc::clone(key),
        };
        let _session = self.exclusive()?;
        let lock = self.lock()?;
        let snap = self.read(&lock)?;
        self.keep_team_ops(&snap.chain.replica)?;
        let state_path = self.state_path();
        let files: Vec<std::path::PathBuf> = self
            .data_files()
            .into_iter()
            .filter(|p| *p != state_path)
            .collect();
        for path in &files {
            if let Some(mut bytes) = read_if_exists(path)?
                && envelope::is_envelope(&bytes)
            {
                envelope::open(&key, &mut bytes, path)?;
            }
        }
        // The state last: while it is sealed the directory still counts as
        // encrypted, so an interrupted run is finished by running it again.
        let mut written = 1;
        for path in files.iter().rev() {
            let Some(mut bytes) = read_if_exists(path)? else {
                continue;
            };
            if envelope::is_envelope(&bytes) {
                write(path, envelope::open(&key, &mut bytes, path)?)?;
                written += 1;
            }
        }
        let team = self.team_files()?;
        // The state and the journal start again in plain text, as one new
        // snapshot after the operations so far: plain on purpose here.
        self.codec = Codec::Plain;
        let expected = std::mem::replace(&mut self.expect_sealed, false);
        if let Err(e) = self.rewrite_team_files(&team) {
            self.codec = Codec::Open(key);
            self.expect_sealed = expected;
            return Err(e);
        }
        let mut chain = snap.chain.clone();
        if let Err(e) = self.compact(&lock, &snap.state, &mut chain, now()) {
            self.codec = Codec::Open(key);
            self.expect_sealed = expected;
            return Err(e);
        }
        written += self.unseal_archives(&key)?;
        // The mark last, once nothing sealed is left.
        let mark = self.mark_path();
        match fs::remove_file(&mark) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(StoreError::io(IoAction::Save, &mark)(e));
            }
            _ => {}
        }
        fsutil::sync_dir(&self.dir).map_err(StoreError::io(IoAction::Save, &self.dir))?;
        lock.bump();
        self.codec = Codec::Plain;
        Ok(written)
    }
}

//! The team key: Argon2id from the team passphrase, with the salt and costs
//! kept in the repository's `team.json` beside a check value, and the same
//! envelope as encryption at rest (XChaCha20-Poly1305) around every file
//! the replicas write there.

use std::path::Path;

use zeroize::Zeroizing;

use super::SyncError;
use super::layout::{FORMAT, TEAM_FILE, TeamFile, unhex};
use crate::store::crypt::{KdfParams, Key, SALT_LEN};
use crate::store::envelope;
use crate::store::journal::hex;
use crate::store::{Passphrase, Store, StoreError};

/// A new team: a key with a fresh salt, and the `team.json` describing it.
pub fn new_team(pass: &Passphrase) -> (TeamFile, Key) {
    let key = Key::generate(pass, KdfParams::for_new_key());
    let params = key.params();
    let file = TeamFile {
        format: FORMAT,
        kdf: "argon2id".into(),
        m_kib: params.m_kib,
        t: params.t,
        p: params.p,
        salt: hex(&key.salt()),
        check: hex(&envelope::seal(&key, b"")),
    };
    (file, key)
}

/// The salt and costs of a team, checked before anything is derived with
/// them (costs no liaison writes are refused, as in the data's envelope).
fn params_of(file: &TeamFile) -> Result<([u8; SALT_LEN], KdfParams), SyncError> {
    let bad = || SyncError::BadFile(TEAM_FILE.into());
    if file.format > FORMAT {
        return Err(SyncError::Newer(TEAM_FILE.into()));
    }
    let salt: [u8; SALT_LEN] = unhex(&file.salt)
        .and_then(|s| s.try_into().ok())
        .ok_or_else(bad)?;
    let params = KdfParams {
        m_kib: file.m_kib,
        t: file.t,
        p: file.p,
    };
    if file.kdf != "argon2id" || !params.accepted() {
        return Err(bad());
    }
    Ok((salt, params))
}

/// Whether `key` opens the team's check value.
fn opens(file: &TeamFile, key: &Key) -> bool {
    let Some(mut check) = unhex(&file.check) else {
        return false;
    };
    envelope::open(key, &mut check, Path::new(TEAM_FILE)).is_ok()
}

/// The team key from its passphrase; a wrong one is refused.
pub fn open_team(file: &TeamFile, pass: &Passphrase) -> Result<Key, SyncError> {
    let (salt, params) = params_of(file)?;
    let key = Key::derive(pass, salt, params).ok_or(SyncError::BadFile(TEAM_FILE.into()))?;
    if opens(file, &key) {
        Ok(key)
    } else {
        Err(SyncError::WrongPassphrase)
    }
}

/// The team key kept in the session keyring, if one fits.
pub fn cached(store: &Store, file: &TeamFile) -> Option<Key> {
    let (salt, params) = params_of(file).ok()?;
    store
        .cached_team_key(salt, params)
        .filter(|k| opens(file, k))
}

/// Drops the team key from the session keyring; true if one was kept.
pub fn forget(store: &Store, file: &TeamFile) -> bool {
    params_of(file).is_ok_and(|(salt, _)| store.forget_team_key(salt))
}

/// `plain` sealed with the team key.
pub fn seal(key: &Key, plain: &[u8]) -> Vec<u8> {
    envelope::seal(key, plain)
}

/// A file of the repository opened with the team key.
pub fn open(key: &Key, bytes: Vec<u8>, name: &str) -> Result<Zeroizing<Vec<u8>>, SyncError> {
    let mut bytes = Zeroizing::new(bytes);
    let len = match envelope::open(key, &mut bytes, Path::new(name)) {
        Ok(plain) => plain.len(),
        Err(StoreError::OtherKey { .. }) => return Err(SyncError::OtherTeam(name.into())),
        Err(_) => return Err(SyncError::BadFile(name.into())),
    };
    bytes.truncate(envelope::HEADER_LEN + len);
    bytes.drain(..envelope::HEADER_LEN);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_passphrase_opens_the_team_and_a_wrong_one_is_told() {
        // Cheap costs are accepted in debug builds only.
        let key = Key::generate(&Passphrase::new("team pass 1"), KdfParams::TEST_ONLY_CHEAP);
        let file = TeamFile {
            format: FORMAT,
            kdf: "argon2id".into(),
            m_kib: key.params().m_kib,
            t: key.params().t,
            p: key.params().p,
            salt: hex(&key.salt()),
            check: hex(&envelope::seal(&key, b"")),
        };
        assert!(open_team(&file, &Passphrase::new("team pass 1")).is_ok());
        assert!(matches!(
            open_team(&file, &Passphrase::new("team pass 2")),
            Err(SyncError::WrongPassphrase)
        ));
        let sealed = seal(&key, "近三年财务收支明细账".as_bytes());
        assert!(!String::from_utf8_lossy(&sealed).contains("财务"));
        assert_eq!(
            open(&key, sealed, "x").unwrap().as_slice(),
            "近三年财务收支明细账".as_bytes()
        );
        let weak = TeamFile { m_kib: 9, ..file };
        assert!(matches!(
            open_team(&weak, &Passphrase::new("team pass 1")),
            Err(SyncError::BadFile(_))
        ));
    }
}

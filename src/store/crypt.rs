//! Keys for encryption at rest: the passphrase, Argon2id key derivation, and
//! the buffers that hold secrets, wiped when dropped.
//!
//! A key exists only after [`no_core_dumps`] has run, so a crash of a process
//! holding one leaves no core file with the key or the plaintext in it.

use std::fmt;
use std::io;

use argon2::{Algorithm, Argon2, Version};
use chacha20poly1305::aead::OsRng;
use chacha20poly1305::aead::rand_core::RngCore;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Length of the salt kept in every envelope.
pub const SALT_LEN: usize = 16;
/// Length of the key check kept in every envelope.
pub const CHECK_LEN: usize = 16;

/// Set to `1` in debug builds only, `liaison encrypt` uses
/// [`KdfParams::TEST_ONLY_CHEAP`]. Release builds ignore it.
pub const CHEAP_KDF_ENV: &str = "LIAISON_TEST_CHEAP_KDF";

/// A passphrase, wiped from memory when dropped.
pub struct Passphrase(Zeroizing<Vec<u8>>);

impl Passphrase {
    pub fn new(bytes: impl Into<Vec<u8>>) -> Passphrase {
        Passphrase(Zeroizing::new(bytes.into()))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Its length in characters (bytes that are not UTF-8 count one each).
    pub fn chars(&self) -> usize {
        String::from_utf8_lossy(&self.0).chars().count()
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Passphrase) -> bool {
        same(&self.0, &other.0)
    }
}

/// Argon2id costs: memory in KiB, passes, lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// What a new key costs: 256 MiB, 3 passes, 1 lane (about 0.6 s of one
    /// core on a 2-core laptop; see the README).
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 256 * 1024,
        t: 3,
        p: 1,
    };

    /// Almost free, for tests only: never chosen by a release build.
    pub const TEST_ONLY_CHEAP: KdfParams = KdfParams {
        m_kib: 8,
        t: 1,
        p: 1,
    };

    /// The costs `liaison encrypt` uses: [`KdfParams::DEFAULT`], or the cheap
    /// ones in a debug build run with `LIAISON_TEST_CHEAP_KDF=1`.
    pub fn for_new_key() -> KdfParams {
        if cfg!(debug_assertions) && std::env::var_os(CHEAP_KDF_ENV).is_some_and(|v| v == "1") {
            KdfParams::TEST_ONLY_CHEAP
        } else {
            KdfParams::DEFAULT
        }
    }

    /// Whether these costs are below `other`'s in memory or passes.
    pub fn weaker_than(&self, other: &KdfParams) -> bool {
        self.m_kib < other.m_kib || self.t < other.t
    }

    /// Whether costs can be used: within what Argon2 accepts and within
    /// [`KdfParams::MAX`], so that a damaged or hostile header cannot
    /// exhaust memory or time (a header asking for 4 GiB was once honoured).
    pub fn plausible(&self) -> bool {
        (1..=KdfParams::MAX.p).contains(&self.p)
            && (1..=KdfParams::MAX.t).contains(&self.t)
            && self.m_kib >= 8 * self.p
            && self.m_kib <= KdfParams::MAX.m_kib
    }

    /// The most a file may ask for: four times the memory and passes of
    /// [`KdfParams::DEFAULT`] (1 GiB, 12 passes, about 10 s here), 4 lanes.
    pub const MAX: KdfParams = KdfParams {
        m_kib: 4 * KdfParams::DEFAULT.m_kib,
        t: 4 * KdfParams::DEFAULT.t,
        p: 4,
    };

    /// Whether a file's costs are ones this build could have written:
    /// plausible, and not below [`KdfParams::DEFAULT`] (except the cheap
    /// test costs, in a debug build only). Costs below are tampering, since
    /// no liaison writes them, and are told as damage rather than as a
    /// wrong passphrase, which is what a derivation with them would look like.
    pub fn accepted(&self) -> bool {
        self.plausible()
            && (!self.weaker_than(&KdfParams::DEFAULT)
                || (cfg!(debug_assertions) && *self == KdfParams::TEST_ONLY_CHEAP))
    }

    fn argon2(&self) -> Option<Argon2<'static>> {
        let params = argon2::Params::new(self.m_kib, self.t, self.p, Some(32)).ok()?;
        Some(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

// Never below the least OWASP advises for Argon2id (19 MiB, 2 passes).
const _: () = assert!(KdfParams::DEFAULT.m_kib >= 19 * 1024 && KdfParams::DEFAULT.t >= 2);

/// A key derived from a passphrase, with the salt and costs that made it.
/// Shared by every read and write of a store; wiped when dropped.
pub struct Key {
    bytes: Zeroizing<[u8; 32]>,
    pub(super) salt: [u8; SALT_LEN],
    pub(super) params: KdfParams,
    pub(super) check: [u8; CHECK_LEN],
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Key")
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

impl Key {
    /// A key with a fresh random salt.
    pub fn generate(pass: &Passphrase, params: KdfParams) -> Key {
        let mut salt = [0u8; SALT_LEN];
        OsRng.fill_bytes(&mut salt);
        Key::derive(pass, salt, params).expect("the chosen costs are valid")
    }

    /// Runs Argon2id over the passphrase; `None` if the costs are refused.
    /// Core dumps are turned off first.
    pub fn derive(pass: &Passphrase, salt: [u8; SALT_LEN], params: KdfParams) -> Option<Key> {
        no_core_dumps();
        if !params.plausible() {
            return None;
        }
        let mut bytes = Zeroizing::new([0u8; 32]);
        params
            .argon2()?
            .hash_password_into(pass.as_bytes(), &salt, bytes.as_mut())
            .ok()?;
        let check = key_check(&bytes);
        Some(Key {
            bytes,
            salt,
            params,
            check,
        })
    }

    /// A key from its bytes as kept in the kernel's keyring, with the salt
    /// and costs of the data it must open (checked by the caller).
    pub(super) fn from_bytes(bytes: [u8; 32], salt: [u8; SALT_LEN], params: KdfParams) -> Key {
        no_core_dumps();
        let bytes = Zeroizing::new(bytes);
        let check = key_check(&bytes);
        Key {
            bytes,
            salt,
            params,
            check,
        }
    }

    pub(super) fn bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// Whether `pass` derives this very key (one derivation's cost).
    pub fn matches(&self, pass: &Passphrase) -> bool {
        Key::derive(pass, self.salt, self.params).is_some_and(|k| same(k.bytes(), self.bytes()))
    }

    pub fn params(&self) -> KdfParams {
        self.params
    }
}

/// What an envelope keeps to tell a wrong passphrase from a damaged file:
/// a one-way digest of the key, useless for recovering it.
pub(super) fn key_check(key: &[u8; 32]) -> [u8; CHECK_LEN] {
    let mut h = Sha256::new();
    h.update(b"liaison key check v1\0");
    h.update(key);
    let digest = h.finalize();
    let mut out = [0u8; CHECK_LEN];
    out.copy_from_slice(&digest[..CHECK_LEN]);
    out
}

/// Compares without stopping at the first difference.
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Turns core dumps off for this process for good (soft and hard limit 0,
/// and not dumpable, which also keeps other processes of the user from
/// attaching to it). Best effort: a failure leaves things as they were.
pub fn no_core_dumps() {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let _ = setrlimit(
        Resource::Core,
        Rlimit {
            current: Some(0),
            maximum: Some(0),
        },
    );
    #[cfg(target_os = "linux")]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

/// A growing buffer for plaintext that wipes every allocation it leaves
/// behind, so serialising a state leaves no copies in freed memory.
#[derive(Default)]
pub struct SecretBuf(Zeroizing<Vec<u8>>);

impl SecretBuf {
    pub fn with_capacity(n: usize) -> SecretBuf {
        SecretBuf(Zeroizing::new(Vec::with_capacity(n)))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Makes room for `more` bytes, wiping the allocation it replaces.
    pub fn reserve(&mut self, more: usize) {
        let need = self.0.len() + more;
        if need > self.0.capacity() {
            let mut bigger = Zeroizing::new(Vec::with_capacity(need.max(self.0.capacity() * 2)));
            bigger.extend_from_slice(&self.0);
            // The old allocation is wiped as it drops.
            self.0 = bigger;
        }
    }

    pub fn into_inner(self) -> Zeroizing<Vec<u8>> {
        self.0
    }

    /// The bytes, no longer wiped on drop: only for a buffer about to be
    /// encrypted in place.
    pub(super) fn into_unwiped(mut self) -> Vec<u8> {
        std::mem::take(&mut *self.0)
    }
}

impl io::Write for SecretBuf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.reserve(buf.len());
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_same_passphrase_and_salt_give_the_same_key() {
        let p = Passphrase::new("correct horse");
        let a = Key::derive(&p, [7; SALT_LEN], KdfParams::TEST_ONLY_CHEAP).unwrap();
        let b = Key::derive(&p, [7; SALT_LEN], KdfParams::TEST_ONLY_CHEAP).unwrap();
        assert_eq!(a.bytes(), b.bytes());
        assert_eq!(a.check, b.check);
        assert!(a.matches(&p));
        assert!(!a.matches(&Passphrase::new("correct horsf")));
        let c = Key::derive(&p, [8; SALT_LEN], KdfParams::TEST_ONLY_CHEAP).unwrap();
        assert_ne!(a.bytes(), c.bytes());
    }

    #[test]
    fn implausible_costs_are_refused_before_any_work() {
        let p = Passphrase::new("x");
        for params in [
            KdfParams {
                m_kib: 4,
                t: 1,
                p: 1,
            },
            KdfParams {
                m_kib: 8,
                t: 0,
                p: 1,
            },
            KdfParams {
                m_kib: u32::MAX,
                t: 1,
                p: 1,
            },
            KdfParams {
                m_kib: 1024,
                t: 1,
                p: 0,
            },
        ] {
            assert!(
                Key::derive(&p, [0; SALT_LEN], params).is_none(),
                "{params:?}"
            );
        }
    }

    #[test]
    fn a_new_key_costs_the_release_params_unless_a_test_asks() {
        if std::env::var_os(CHEAP_KDF_ENV).is_none() {
            assert_eq!(KdfParams::for_new_key(), KdfParams::DEFAULT);
        }
        assert!(KdfParams::DEFAULT.plausible());
        assert!(KdfParams::TEST_ONLY_CHEAP.weaker_than(&KdfParams::DEFAULT));
        assert!(!KdfParams::DEFAULT.weaker_than(&KdfParams::DEFAULT));
    }

    #[test]
    fn a_secret_buffer_keeps_everything_written_across_growth() {
        let mut buf = SecretBuf::with_capacity(1);
        for i in 0..1000u32 {
            write!(buf, "{i},").unwrap();
        }
        let text = String::from_utf8(buf.into_inner().to_vec()).unwrap();
        assert!(text.starts_with("0,1,2,") && text.ends_with("998,999,"));
    }

    #[test]
    fn debug_output_shows_no_secret() {
        let p = Passphrase::new("hunter22");
        assert!(!format!("{p:?}").contains("hunter"));
        let k = Key::derive(&p, [1; SALT_LEN], KdfParams::TEST_ONLY_CHEAP).unwrap();
        assert!(!format!("{k:?}").contains("bytes"));
    }
}

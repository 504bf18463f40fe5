//! The encrypted file format: a small plaintext header, then the contents
//! sealed with XChaCha20-Poly1305 under a key derived by Argon2id.
//!
//! Version 1, integers little-endian:
//!
//! | offset | bytes | field |
//! |---|---|---|
//! | 0 | 12 | magic `LIAISON-ENC\n` |
//! | 12 | 2 | format version (1) |
//! | 14 | 1 | key derivation: 1 = Argon2id v1.3 |
//! | 15 | 1 | cipher: 1 = XChaCha20-Poly1305 |
//! | 16 | 12 | Argon2 memory (KiB), passes, lanes: three u32 |
//! | 28 | 16 | salt |
//! | 44 | 24 | nonce, fresh for every write |
//! | 68 | 8 | length of the sealed body (u64) |
//! | 76 | 16 | key check: SHA-256 of a label and the key, cut to 16 bytes |
//! | 92 | 16 | header check: SHA-256 of bytes 0..92, cut to 16 bytes |
//! | 108 | n | sealed body: ciphertext and the 16-byte tag |
//!
//! The whole header is the cipher's associated data. The two checks let a
//! reader tell apart a newer file (version), a damaged one (header check,
//! length, or the tag failing under the right key) and a wrong passphrase
//! (key check) — without them a wrong key and a flipped bit look alike.

use std::io::{self, Write};
use std::path::Path;

use chacha20poly1305::aead::{AeadCore, AeadInPlace, KeyInit, OsRng};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

use super::StoreError;
use super::crypt::{CHECK_LEN, KdfParams, Key, SALT_LEN, SecretBuf, same};

pub const MAGIC: &[u8; 12] = b"LIAISON-ENC\n";
/// The newest format version this build reads and the one it writes.
pub const FORMAT: u16 = 1;
pub const HEADER_LEN: usize = 108;
const TAG_LEN: usize = 16;
const CHECKED_LEN: usize = 92;

/// How an encrypted file is damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// Shorter than its header says.
    Truncated,
    /// Longer than its header says.
    Extended,
    /// The header does not match its check.
    Header,
    /// The contents fail authentication under the right key.
    Contents,
    /// The key derivation costs are above the cap or below what liaison
    /// writes: the header was tampered with (its check is no secret).
    Costs,
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Damage::Truncated => "cut short",
            Damage::Extended => "followed by extra bytes",
            Damage::Header => "damaged in its header",
            Damage::Contents => "damaged in its contents",
            Damage::Costs => {
                "damaged in its header (key derivation costs outside what liaison writes)"
            }
        })
    }
}

/// What the header says, read without the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub params: KdfParams,
    pub salt: [u8; SALT_LEN],
    nonce: [u8; 24],
    body_len: u64,
    check: [u8; CHECK_LEN],
}

/// Whether `bytes` are (or start like) an encrypted file.
pub fn is_envelope(bytes: &[u8]) -> bool {
    if bytes.len() >= MAGIC.len() {
        bytes.starts_with(MAGIC)
    } else {
        !bytes.is_empty() && MAGIC.starts_with(bytes)
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

fn header_check(bytes: &[u8]) -> [u8; 16] {
    let digest = Sha256::digest(&bytes[..CHECKED_LEN]);
    digest[..16].try_into().expect("sixteen bytes")
}

/// Reads the header of an encrypted file, telling a newer format and a
/// damaged file apart.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Header, StoreError> {
    parse_head(
        &bytes[..bytes.len().min(HEADER_LEN)],
        bytes.len() as u64,
        path,
    )
}

/// [`parse`] from the first [`HEADER_LEN`] bytes of a file `total` bytes long.
pub fn parse_head(bytes: &[u8], total: u64, path: &Path) -> Result<Header, StoreError> {
    let damaged = |what| StoreError::Damaged {
        path: path.to_path_buf(),
        what,
    };
    if bytes.len() < MAGIC.len() + 2 {
        return Err(damaged(Damage::Truncated));
    }
    let version = u16::from_le_bytes([bytes[12], bytes[13]]);
    if version > FORMAT {
        return Err(StoreError::NewerEnvelope {
            path: path.to_path_buf(),
            found: version,
            supported: FORMAT,
        });
    }
    if bytes.len() < HEADER_LEN {
        return Err(damaged(Damage::Truncated));
    }
    if !same(&header_check(bytes), &bytes[CHECKED_LEN..HEADER_LEN]) || version == 0 {
        return Err(damaged(Damage::Header));
    }
    let params = KdfParams {
        m_kib: u32_at(bytes, 16),
        t: u32_at(bytes, 20),
        p: u32_at(bytes, 24),
    };
    if bytes[14] != 1 || bytes[15] != 1 {
        return Err(damaged(Damage::Header));
    }
    // Checked before any key is derived with them.
    if !params.accepted() {
        return Err(damaged(Damage::Costs));
    }
    let body_len = u64::from_le_bytes(bytes[68..76].try_into().expect("eight bytes"));
    let body = total - HEADER_LEN as u64;
    if body < body_len {
        return Err(damaged(Damage::Truncated));
    }
    if body > body_len || body_len < TAG_LEN as u64 {
        return Err(damaged(Damage::Extended));
    }
    Ok(Header {
        params,
        salt: bytes[28..44].try_into().expect("salt"),
        nonce: bytes[44..68].try_into().expect("nonce"),
        body_len,
        check: bytes[76..92].try_into().expect("check"),
    })
}

impl Header {
    /// Whether `key` is the one this file was sealed with.
    pub fn opens_with(&self, key: &Key) -> bool {
        self.salt == key.salt && self.params == key.params && same(&self.check, &key.check)
    }
}

/// Seals `plain` under `key` with a fresh nonce.
pub fn seal(key: &Key, plain: &[u8]) -> Vec<u8> {
    seal_with(key, plain.len(), |buf| buf.write_all(plain))
}

/// Seals what `fill` writes, with a fresh nonce. The plaintext is written
/// straight into the buffer that is then encrypted in place, so no copy of
/// it is left; `size_hint` (its expected length) spares growing the
/// buffer, which would have to wipe what it leaves.
pub fn seal_with(
    key: &Key,
    size_hint: usize,
    fill: impl FnOnce(&mut SecretBuf) -> io::Result<()>,
) -> Vec<u8> {
    let mut buf = SecretBuf::with_capacity(HEADER_LEN + size_hint + TAG_LEN);
    buf.write_all(&[0; HEADER_LEN]).expect("writing to memory");
    fill(&mut buf).expect("writing to memory");
    buf.reserve(TAG_LEN);
    let body_len = (buf.len() - HEADER_LEN + TAG_LEN) as u64;
    let mut out = buf.into_unwiped();
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let mut head = Vec::with_capacity(HEADER_LEN);
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&FORMAT.to_le_bytes());
    head.extend_from_slice(&[1, 1]);
    for n in [key.params.m_kib, key.params.t, key.params.p] {
        head.extend_from_slice(&n.to_le_bytes());
    }
    head.extend_from_slice(&key.salt);
    head.extend_from_slice(&nonce);
    head.extend_from_slice(&body_len.to_le_bytes());
    head.extend_from_slice(&key.check);
    let check = header_check(&head);
    head.extend_from_slice(&check);
    out[..HEADER_LEN].copy_from_slice(&head);
    let (head, body) = out.split_at_mut(HEADER_LEN);
    let tag = cipher(key)
        .encrypt_in_place_detached(&nonce, head, body)
        .expect("a state is far below the cipher's length limit");
    // Room for the tag was reserved: the ciphertext is not moved.
    out.extend_from_slice(&tag);
    out
}

/// Opens an encrypted file with `key`, decrypting in place: the plaintext
/// is returned within `bytes`, which the caller wipes.
pub fn open<'a>(key: &Key, bytes: &'a mut [u8], path: &Path) -> Result<&'a [u8], StoreError> {
    let header = parse(bytes, path)?;
    if !header.opens_with(key) {
        return Err(StoreError::OtherKey {
            path: path.to_path_buf(),
        });
    }
    debug_assert_eq!((bytes.len() - HEADER_LEN) as u64, header.body_len);
    let (head, rest) = bytes.split_at_mut(HEADER_LEN);
    let (body, tag) = rest.split_at_mut(rest.len() - TAG_LEN);
    cipher(key)
        .decrypt_in_place_detached(
            XNonce::from_slice(&header.nonce),
            head,
            body,
            chacha20poly1305::Tag::from_slice(tag),
        )
        .map_err(|_| StoreError::Damaged {
            path: path.to_path_buf(),
            what: Damage::Contents,
        })?;
    Ok(body)
}

fn cipher(key: &Key) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(key.bytes().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::crypt::Passphrase;

    fn key() -> Key {
        Key::derive(
            &Passphrase::new("秘密 passphrase"),
            [3; SALT_LEN],
            KdfParams::TEST_ONLY_CHEAP,
        )
        .unwrap()
    }

    fn path() -> &'static Path {
        Path::new("state.json")
    }

    #[test]
    fn what_is_sealed_opens_back_and_hides_the_text() {
        let k = key();
        let plain = "巡察组 inspection notes".as_bytes();
        let sealed = seal(&k, plain);
        assert!(is_envelope(&sealed));
        assert_eq!(sealed.len(), HEADER_LEN + plain.len() + TAG_LEN);
        assert!(!sealed.windows(6).any(|w| w == "巡察".as_bytes()));
        assert_eq!(open(&k, &mut sealed.clone(), path()).unwrap(), plain);
    }

    #[test]
    fn a_wrong_size_hint_still_seals_everything() {
        let k = key();
        let plain = "联络员 notes ".repeat(10_000);
        for hint in [0, 10, plain.len(), plain.len() * 3] {
            let mut sealed = seal_with(&k, hint, |b| b.write_all(plain.as_bytes()));
            assert_eq!(open(&k, &mut sealed, path()).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn every_write_has_a_fresh_nonce() {
        let k = key();
        let a = seal(&k, b"same");
        let b = seal(&k, b"same");
        assert_ne!(a[44..68], b[44..68]);
        assert_ne!(a[HEADER_LEN..], b[HEADER_LEN..]);
    }

    #[test]
    fn another_key_is_told_apart_from_damage() {
        let sealed = seal(&key(), b"{}");
        let other = Key::derive(
            &Passphrase::new("wrong"),
            [3; SALT_LEN],
            KdfParams::TEST_ONLY_CHEAP,
        )
        .unwrap();
        assert!(matches!(
            open(&other, &mut sealed.clone(), path()),
            Err(StoreError::OtherKey { .. })
        ));
    }

    #[test]
    fn any_flipped_bit_or_cut_is_damage_or_newer_never_another_key() {
        let k = key();
        let sealed = seal(&k, br#"{"version":1}"#);
        for at in 0..sealed.len() {
            for bit in [0x01u8, 0x80] {
                let mut bytes = sealed.clone();
                bytes[at] ^= bit;
                match open(&k, &mut bytes, path()) {
                    Err(StoreError::Damaged { .. }) => {}
                    Err(StoreError::NewerEnvelope { .. }) if (12..14).contains(&at) => {}
                    // A changed magic is no envelope at all: the caller
                    // reads it as JSON, which it is not.
                    _ if at < MAGIC.len() => assert!(!is_envelope(&bytes)),
                    other => panic!("byte {at} bit {bit:#x}: {other:?}"),
                }
            }
        }
        for len in 0..sealed.len() {
            let cut = &mut sealed[..len].to_vec();
            if len == 0 {
                assert!(!is_envelope(cut));
                continue;
            }
            assert!(is_envelope(cut));
            assert!(matches!(
                open(&k, cut, path()),
                Err(StoreError::Damaged {
                    what: Damage::Truncated,
                    ..
                })
            ));
        }
        let mut longer = sealed.clone();
        longer.push(0);
        assert!(matches!(
            open(&k, &mut longer, path()),
            Err(StoreError::Damaged {
                what: Damage::Extended,
                ..
            })
        ));
    }

    /// `bytes` with other Argon2 costs and a header check to match, as
    /// anyone who knows the format can make.
    fn with_costs(mut bytes: Vec<u8>, m_kib: u32, t: u32) -> Vec<u8> {
        bytes[16..20].copy_from_slice(&m_kib.to_le_bytes());
        bytes[20..24].copy_from_slice(&t.to_le_bytes());
        let check = header_check(&bytes);
        bytes[CHECKED_LEN..HEADER_LEN].copy_from_slice(&check);
        bytes
    }

    #[test]
    fn costs_over_the_cap_or_below_what_liaison_writes_are_damage() {
        let sealed = seal(&key(), b"{}");
        let damaged = |m_kib, t| {
            matches!(
                parse(&with_costs(sealed.clone(), m_kib, t), path()),
                Err(StoreError::Damaged {
                    what: Damage::Costs,
                    ..
                })
            )
        };
        // 4 GiB, as a crafted header once asked for; just over the cap.
        assert!(damaged(4 * 1024 * 1024, 3));
        assert!(damaged(KdfParams::MAX.m_kib + 1, 3));
        assert!(damaged(KdfParams::DEFAULT.m_kib, KdfParams::MAX.t + 1));
        // Lowered from the default, in memory or in passes.
        assert!(damaged(KdfParams::DEFAULT.m_kib / 4, KdfParams::DEFAULT.t));
        assert!(damaged(KdfParams::DEFAULT.m_kib, 1));
        // What liaison writes, and up to the cap, is read.
        for (m, t) in [
            (KdfParams::DEFAULT.m_kib, KdfParams::DEFAULT.t),
            (KdfParams::MAX.m_kib, KdfParams::MAX.t),
        ] {
            assert!(parse(&with_costs(sealed.clone(), m, t), path()).is_ok());
        }
    }

    #[test]
    fn a_newer_version_is_newer_whatever_follows() {
        let mut bytes = seal(&key(), b"{}");
        bytes[12..14].copy_from_slice(&2u16.to_le_bytes());
        bytes.truncate(20);
        assert!(matches!(
            parse(&bytes, path()),
            Err(StoreError::NewerEnvelope { found: 2, .. })
        ));
    }
}

//! Each replica's ed25519 signing key, made once and kept in the data
//! directory (`sync/signing.key`, private, sealed with the data key when
//! encryption is on), and the signatures over operations.
//!
//! An operation's signature covers all of it: SHA-256 of a domain tag and
//! the operation's JSON without the signature, `hash` included. (The hash
//! alone would not do: with encryption on it is an HMAC only its own
//! replica can recompute, so nobody else could tell a changed field.)

use chacha20poly1305::aead::OsRng;
use chacha20poly1305::aead::rand_core::RngCore;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::SyncError;
use super::layout::unhex;
use crate::store::journal::hex;
use crate::store::{Op, SIGNING_KEY, Store};

const OP_DOMAIN: &[u8] = b"liaison op signature v1\0";
const RECORD_DOMAIN: &[u8] = b"liaison sync record v1\0";

/// This replica's signing key.
pub struct Signer(SigningKey);

impl Signer {
    /// The data directory's key, made (and kept) if it has none yet.
    pub fn load_or_make(store: &Store) -> Result<Signer, SyncError> {
        if let Some(bytes) = store.read_sync_file(SIGNING_KEY)? {
            let seed: [u8; 32] = bytes
                .as_slice()
                .try_into()
                .map_err(|_| SyncError::BadFile(SIGNING_KEY.into()))?;
            return Ok(Signer(SigningKey::from_bytes(&seed)));
        }
        let mut seed = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(seed.as_mut());
        store.write_sync_file(SIGNING_KEY, seed.as_ref())?;
        Ok(Signer(SigningKey::from_bytes(&seed)))
    }

    /// The public key, hex.
    pub fn public(&self) -> String {
        hex(self.0.verifying_key().as_bytes())
    }

    /// Signs `op` (its `sig` is replaced).
    pub fn sign_op(&self, op: &mut Op) {
        op.sig = None;
        let sig = self.0.sign(&op_digest(op));
        op.sig = Some(hex(&sig.to_bytes()));
    }

    /// A signature over a record's bytes, hex.
    pub fn sign_record(&self, bytes: &[u8]) -> String {
        hex(&self.0.sign(&record_digest(bytes)).to_bytes())
    }
}

fn op_digest(op: &Op) -> [u8; 32] {
    let mut unsigned = op.clone();
    unsigned.sig = None;
    let json = serde_json::to_vec(&unsigned).expect("an operation serialises");
    let mut h = Sha256::new();
    h.update(OP_DOMAIN);
    h.update(&json);
    h.finalize().into()
}

fn record_digest(bytes: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(RECORD_DOMAIN);
    h.update(bytes);
    h.finalize().into()
}

fn key_of(public: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = unhex(public)?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

fn verify(public: &str, msg: &[u8], sig: &str) -> bool {
    let (Some(key), Some(sig)) = (key_of(public), unhex(sig)) else {
        return false;
    };
    let Ok(sig) = Signature::from_slice(&sig) else {
        return false;
    };
    key.verify_strict(msg, &sig).is_ok()
}

/// Whether `op` carries a valid signature by the holder of `public`.
pub fn verify_op(op: &Op, public: &str) -> bool {
    op.sig
        .as_deref()
        .is_some_and(|sig| verify(public, &op_digest(op), sig))
}

/// Whether `sig` is a valid signature of `bytes` by the holder of `public`.
pub fn verify_record(bytes: &[u8], sig: &str, public: &str) -> bool {
    verify(public, &record_digest(bytes), sig)
}

/// Whether `public` is a well-formed public key.
pub fn is_key(public: &str) -> bool {
    key_of(public).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op() -> Op {
        serde_json::from_value(serde_json::json!({
            "id": "ab-3", "replica": "ab", "seq": 3, "at": "2026-12-01T09:00:00+08:00",
            "item": "D1", "change": "note", "prev": "00",
            "fields": {"notes": {"push": ["副组长：该账册需重点核查"]}},
            "hash": "11"
        }))
        .unwrap()
    }

    #[test]
    fn a_signature_holds_for_its_operation_only_and_its_key_only() {
        let mut seed = [7u8; 32];
        let signer = Signer(SigningKey::from_bytes(&seed));
        seed[0] = 8;
        let other = Signer(SigningKey::from_bytes(&seed));
        let mut o = op();
        signer.sign_op(&mut o);
        assert!(verify_op(&o, &signer.public()));
        assert!(!verify_op(&o, &other.public()), "another replica's key");
        let mut changed = o.clone();
        changed.fields.clear();
        assert!(!verify_op(&changed, &signer.public()), "a changed field");
        let mut moved = o.clone();
        moved.seq = 4;
        assert!(!verify_op(&moved, &signer.public()), "another number");
        let mut unsigned = o.clone();
        unsigned.sig = None;
        assert!(!verify_op(&unsigned, &signer.public()));
        // Read back from JSON, as another replica takes it in.
        let back: Op = serde_json::from_str(&serde_json::to_string(&o).unwrap()).unwrap();
        assert!(verify_op(&back, &signer.public()));
    }
}

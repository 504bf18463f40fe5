//! The journal file: one operation per line, each chained to the one before
//! it by a hash over its bytes and the previous hash.
//!
//! A line is the operation's JSON with `"hash"` last; the hash covers the
//! line without it. With encryption on, each line is instead the hex of an
//! envelope sealing that JSON on its own (fresh nonce), and the hash is an
//! HMAC under a key derived from the data key, so nobody without the key
//! can reseal. The first line is a `snapshot` mark: it names the digest of
//! the `state.json` it continues and links to the head that snapshot holds.
//!
//! A last line cut short (no newline: a crash or a full disk mid-append)
//! is torn and ignored, as are the lines of a change whose last line is
//! missing. Anything else that fails is an error naming the line.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::crypt::Key;
use super::envelope;
use super::error::{StoreError, Tamper};
use super::op::Op;

pub const JOURNAL_FILE: &str = "journal.jsonl";
/// The journal of a compaction under way (see `Store::compact`).
pub const NEXT_FILE: &str = "journal.next";

const DOMAIN: &[u8] = b"liaison journal v1\0";
/// `,"hash":"` + 64 hex + `"}`.
const SUFFIX_LEN: usize = 9 + 64 + 2;

/// How lines are chained and sealed.
#[derive(Clone, Copy)]
pub enum Seal<'a> {
    Plain,
    Key(&'a Key, &'a [u8; 32]),
}

/// The MAC key of a data key: never the data key itself.
pub fn mac_key(key: &Key) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"liaison journal mac v1\0");
    h.update(key.bytes());
    h.finalize().into()
}

fn hmac(key: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    let mut ipad = [0x36u8; 64];
    let mut opad = [0x5cu8; 64];
    for i in 0..32 {
        ipad[i] ^= key[i];
        opad[i] ^= key[i];
    }
    let mut inner = Sha256::new();
    inner.update(ipad);
    for p in parts {
        inner.update(p);
    }
    let mut outer = Sha256::new();
    outer.update(opad);
    outer.update(inner.finalize());
    outer.finalize().into()
}

/// The hash that links `body` to `prev`.
pub fn link(seal: Seal, prev: &str, body: &[u8]) -> String {
    let parts: [&[u8]; 4] = [DOMAIN, prev.as_bytes(), b"\0", body];
    let digest: [u8; 32] = match seal {
        Seal::Plain => {
            let mut h = Sha256::new();
            parts.iter().for_each(|p| h.update(p));
            h.finalize().into()
        }
        Seal::Key(_, mac) => hmac(mac, &parts),
    };
    hex(&digest)
}

/// SHA-256 of a file's bytes, as hex (the snapshot's digest).
pub fn digest(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

pub(super) fn unhex(text: &[u8]) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let val = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    text.chunks(2)
        .map(|p| Some(val(p[0])? << 4 | val(p[1])?))
        .collect()
}

/// The line (with its newline) for `op`, whose `prev` is set; fills in its hash.
pub fn encode_line(op: &mut Op, seal: Seal) -> Vec<u8> {
    op.hash.clear();
    let mut body = serde_json::to_vec(&*op).expect("an operation always serialises");
    op.hash = link(seal, &op.prev, &body);
    body.pop();
    body.extend_from_slice(b",\"hash\":\"");
    body.extend_from_slice(op.hash.as_bytes());
    body.extend_from_slice(b"\"}");
    let mut line = match seal {
        Seal::Plain => body,
        Seal::Key(key, _) => {
            let sealed = envelope::seal(key, &body);
            zeroize::Zeroize::zeroize(&mut body);
            hex(&sealed).into_bytes()
        }
    };
    line.push(b'\n');
    line
}

/// What a journal's bytes hold.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Every operation of a complete change, verified, in order.
    pub ops: Vec<Op>,
    /// How many bytes they take (where a torn tail begins).
    pub good_len: u64,
    /// Whether something after them was torn off and ignored.
    pub torn: bool,
}

/// Whether a journal line (or a journal, by its first line) is sealed.
pub fn is_sealed_line(line: &[u8]) -> bool {
    line.starts_with(hex(envelope::MAGIC).as_bytes())
}

/// Reads the journal's lines from `bytes`, which start at byte `offset` of
/// the file and at line `first_line` (counting from 1). `after` is the
/// (seq, hash) the first operation must follow; none for a whole file,
/// whose first line is then a snapshot mark.
pub fn parse(
    bytes: &[u8],
    path: &Path,
    first_line: usize,
    after: Option<(u64, &str)>,
    seal: Seal,
) -> Result<Parsed, StoreError> {
    let bad = |line: usize, what: Tamper| StoreError::Tampered {
        path: path.to_path_buf(),
        line,
        what,
    };
    let mut out = Parsed::default();
    let mut prev: Option<(u64, String)> = after.map(|(s, h)| (s, h.to_string()));
    let mut pending = 0usize;
    let mut pos = 0usize;
    let mut n = first_line;
    // Plain text checked as UTF-8 once (with SIMD) and parsed line by line
    // as `str`, rather than string by string.
    let text = simdutf8::basic::from_utf8(bytes).ok();
    while pos < bytes.len() {
        let Some(end) = memchr::memchr(b'\n', &bytes[pos..]) else {
            out.torn = true;
            break;
        };
        let raw = &bytes[pos..pos + end];
        let raw_text = text.map(|t| &t[pos..pos + end]);
        pos += end + 1;
        let mut plain = zeroize::Zeroizing::new(Vec::new());
        let line: &[u8] = match (seal, is_sealed_line(raw)) {
            (Seal::Plain, false) => raw,
            (Seal::Plain, true) => {
                return Err(StoreError::Encrypted {
                    dir: path.parent().unwrap_or(path).to_path_buf(),
                });
            }
            (Seal::Key(..), false) => return Err(bad(n, Tamper::Plain)),
            (Seal::Key(key, _), true) => {
                let mut sealed = unhex(raw).ok_or_else(|| bad(n, Tamper::Unreadable))?;
                let body =
                    envelope::open(key, &mut sealed, path).map_err(|_| bad(n, Tamper::Altered))?;
                plain.extend_from_slice(body);
                zeroize::Zeroize::zeroize(&mut sealed);
                &plain
            }
        };
        if line.len() <= SUFFIX_LEN || !line.starts_with(b"{") {
            return Err(bad(n, Tamper::Unreadable));
        }
        let (head, suffix) = line.split_at(line.len() - SUFFIX_LEN);
        if !suffix.starts_with(b",\"hash\":\"") || !suffix.ends_with(b"\"}") {
            return Err(bad(n, Tamper::Unreadable));
        }
        // (A plain line is the raw one; a sealed one was opened above.)
        let op: Op = match raw_text.filter(|_| matches!(seal, Seal::Plain)) {
            Some(t) => serde_json::from_str(t),
            None => serde_json::from_slice(line),
        }
        .map_err(|_| bad(n, Tamper::Unreadable))?;
        let mut body = Vec::with_capacity(head.len() + 1);
        body.extend_from_slice(head);
        body.push(b'}');
        if link(seal, &op.prev, &body) != op.hash || suffix[9..73] != *op.hash.as_bytes() {
            return Err(bad(n, Tamper::Altered));
        }
        match &prev {
            None if op.change != "snapshot" => return Err(bad(n, Tamper::NoMark)),
            None => {}
            Some((seq, hash)) => {
                if op.prev != *hash {
                    return Err(bad(n, Tamper::BrokenLink));
                }
                if op.seq != seq + 1 {
                    return Err(bad(n, Tamper::OutOfOrder));
                }
            }
        }
        prev = Some((op.seq, op.hash.clone()));
        let more = op.more;
        out.ops.push(op);
        n += 1;
        if more {
            pending += 1;
        } else {
            pending = 0;
            out.good_len = pos as u64;
        }
    }
    if pending > 0 {
        // A change whose last operation never made it: none of it counts.
        out.ops.truncate(out.ops.len() - pending);
        out.torn = true;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn op(seq: u64, prev: &str, change: &str, more: bool) -> Op {
        Op {
            id: format!("r-{seq}"),
            replica: "r".into(),
            seq,
            at: chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap(),
            hlc: String::new(),
            member: None,
            item: Some("L1".into()),
            change: change.into(),
            fields: BTreeMap::new(),
            reverts: None,
            more,
            sig: None,
            prev: prev.into(),
            hash: String::new(),
        }
    }

    fn chain(n: u64) -> (Vec<u8>, Vec<Op>) {
        let mut bytes = Vec::new();
        let mut ops = Vec::new();
        let mut prev = String::new();
        for seq in 1..=n {
            let mut o = op(
                seq,
                &prev,
                if seq == 1 { "snapshot" } else { "edit" },
                false,
            );
            bytes.extend(encode_line(&mut o, Seal::Plain));
            prev = o.hash.clone();
            ops.push(o);
        }
        (bytes, ops)
    }

    #[test]
    fn lines_read_back_verified() {
        let (bytes, ops) = chain(4);
        let got = parse(&bytes, Path::new("j"), 1, None, Seal::Plain).unwrap();
        assert_eq!(got.ops, ops);
        assert_eq!(got.good_len, bytes.len() as u64);
        assert!(!got.torn);
    }

    #[test]
    fn a_torn_tail_is_ignored_but_an_edited_line_is_an_error() {
        let (bytes, _) = chain(3);
        let cut = &bytes[..bytes.len() - 10];
        let got = parse(cut, Path::new("j"), 1, None, Seal::Plain).unwrap();
        assert_eq!(got.ops.len(), 2);
        assert!(got.torn);
        let text = String::from_utf8(bytes.clone()).unwrap();
        let edited = text.replacen("\"edit\"", "\"done\"", 1);
        let err = parse(edited.as_bytes(), Path::new("j"), 1, None, Seal::Plain).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Tampered {
                    line: 2,
                    what: Tamper::Altered,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn removed_or_swapped_lines_break_the_chain() {
        let (bytes, _) = chain(4);
        let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
        let without: Vec<u8> = [lines[0], lines[1], lines[3]].concat();
        let err = parse(&without, Path::new("j"), 1, None, Seal::Plain).unwrap_err();
        assert!(matches!(
            err,
            StoreError::Tampered {
                line: 3,
                what: Tamper::BrokenLink,
                ..
            }
        ));
        let swapped: Vec<u8> = [lines[0], lines[2], lines[1], lines[3]].concat();
        assert!(parse(&swapped, Path::new("j"), 1, None, Seal::Plain).is_err());
    }

    #[test]
    fn a_change_without_its_last_line_is_not_applied() {
        let mut bytes = Vec::new();
        let mut a = op(1, "", "snapshot", false);
        bytes.extend(encode_line(&mut a, Seal::Plain));
        let mut b = op(2, &a.hash, "add", true);
        bytes.extend(encode_line(&mut b, Seal::Plain));
        let good = a.hash.len();
        let got = parse(&bytes, Path::new("j"), 1, None, Seal::Plain).unwrap();
        assert_eq!(got.ops.len(), 1);
        assert!(got.torn && good > 0);
    }

    #[test]
    fn hmac_matches_a_known_vector() {
        // RFC 4231 test case 2 uses a short key; with a 32-byte key of 0x0b
        // bytes the construction must equal HMAC-SHA256 as commonly computed.
        let key = [0x0bu8; 32];
        let mac = hex(&hmac(&key, &[b"Hi There"]));
        assert_eq!(
            mac,
            "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7"
        );
    }
}

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
use super::op::{self, Op};

mod entry;
pub use entry::Entry;

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

/// The SHA-256 (or, sealed, the HMAC) of `parts` one after the other.
fn chained(seal: Seal, parts: &[&[u8]]) -> [u8; 32] {
    match seal {
        Seal::Plain => {
            let mut h = Sha256::new();
            parts.iter().for_each(|p| h.update(p));
            h.finalize().into()
        }
        Seal::Key(_, mac) => hmac(mac, parts),
    }
}

/// The hash that links `body` to `prev`.
pub fn link(seal: Seal, prev: &str, body: &[u8]) -> String {
    hex(&chained(seal, &[DOMAIN, prev.as_bytes(), b"\0", body]))
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

/// Whether `hash` is the link of the line whose text without its hash is
/// `head` followed by `}` (see [`link`]), computed without copying it.
fn linked(seal: Seal, prev: &str, head: &[u8], hash: &str) -> bool {
    let digest = chained(seal, &[DOMAIN, prev.as_bytes(), b"\0", head, b"}"]);
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = [0u8; 64];
    for (i, b) in digest.iter().enumerate() {
        text[2 * i] = DIGITS[(b >> 4) as usize];
        text[2 * i + 1] = DIGITS[(b & 15) as usize];
    }
    text == *hash.as_bytes()
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

/// [`Parsed`], each operation as it was read: borrowing its line when the
/// line is plain and in the shape this program writes (see `op::line`),
/// else parsed whole. Replaying from this spares building and dropping a
/// `serde_json::Value` for every field value.
#[derive(Debug, Default)]
pub struct Read<'a> {
    pub ops: Vec<Entry<'a>>,
    pub good_len: u64,
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
    let read = read(bytes, path, first_line, after, seal)?;
    Ok(Parsed {
        ops: read.ops.into_iter().map(Entry::into_op).collect(),
        good_len: read.good_len,
        torn: read.torn,
    })
}

/// [`parse`], keeping each operation as it was read (see [`Read`]): the
/// same lines are taken, torn or refused, with the same errors.
pub fn read<'a>(
    bytes: &'a [u8],
    path: &Path,
    first_line: usize,
    after: Option<(u64, &str)>,
    seal: Seal,
) -> Result<Read<'a>, StoreError> {
    let bad = |line: usize, what: Tamper| StoreError::Tampered {
        path: path.to_path_buf(),
        line,
        what,
    };
    // Room for every line at once: growing a list of 10,000 entries copied
    // them again and again.
    let mut out = Read {
        ops: Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count()),
        ..Read::default()
    };
    let mut prev: Option<(u64, String)> = after.map(|(s, h)| (s, h.to_string()));
    let mut pending = 0usize;
    let mut pos = 0usize;
    let mut n = first_line;
    // Plain text checked as UTF-8 once (with SIMD) and parsed line by line
    // as `str`, rather than string by string.
    let text = simdutf8::basic::from_utf8(bytes).ok();
    let magic = hex(envelope::MAGIC);
    while pos < bytes.len() {
        let Some(end) = memchr::memchr(b'\n', &bytes[pos..]) else {
            out.torn = true;
            break;
        };
        let raw = &bytes[pos..pos + end];
        let raw_text = text.map(|t| &t[pos..pos + end]);
        pos += end + 1;
        let plain: zeroize::Zeroizing<Vec<u8>>;
        let line: &[u8] = match (seal, raw.starts_with(magic.as_bytes())) {
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
                plain = zeroize::Zeroizing::new(body.to_vec());
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
        // A plain line is the raw one; a sealed one was opened above and is
        // parsed whole, since its text does not outlive this turn.
        let plain_text = raw_text.filter(|_| matches!(seal, Seal::Plain));
        let entry = match plain_text.and_then(op::scan) {
            Some(l) => Entry::Line(l),
            None => Entry::Op(
                match plain_text {
                    Some(t) => serde_json::from_str(t),
                    None => serde_json::from_slice(line),
                }
                .map_err(|_| bad(n, Tamper::Unreadable))?,
            ),
        };
        if !linked(seal, entry.prev(), head, entry.hash())
            || suffix[9..73] != *entry.hash().as_bytes()
        {
            return Err(bad(n, Tamper::Altered));
        }
        match &mut prev {
            None if entry.change() != "snapshot" => return Err(bad(n, Tamper::NoMark)),
            None => prev = Some((entry.seq(), entry.hash().to_string())),
            Some((seq, hash)) => {
                if entry.prev() != hash {
                    return Err(bad(n, Tamper::BrokenLink));
                }
                if entry.seq() != *seq + 1 {
                    return Err(bad(n, Tamper::OutOfOrder));
                }
                *seq = entry.seq();
                hash.clear();
                hash.push_str(entry.hash());
            }
        }
        let more = entry.more();
        out.ops.push(entry);
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
mod tests;

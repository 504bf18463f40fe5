//! The quick read behind `list --json`: the items the journal left alone
//! are not decoded. Each is listed from its line in `state.json` and its
//! facts in `state.index` (see `facts`), and only the items the journal
//! touched, those a listing withholds texts from, and a sample are decoded.
//! At 10,000 items decoding the snapshot was three quarters of the command.
//!
//! It is taken only when everything it trusts is what the program itself
//! wrote at the last compaction, as the quick change path trusts the
//! snapshot (see `quick`):
//! - `state.json` and `state.index` are the very files recorded in `lock`
//!   (device, inode, size and change time), and the snapshot's custody
//!   logs were all verified then;
//! - the index was made for that snapshot, with facts in this build's
//!   format, one line per item in order;
//! - every line begins with its item's id, and one item in 64 (and the
//!   first of each kind, and the last) decodes to an item that serialises
//!   to exactly its line and has exactly its facts, which catches a
//!   snapshot or index written by a build that encodes items otherwise;
//! - the journal reads and verifies as in every read, its first line the
//!   snapshot's mark, its last the anchor recorded in `lock`.
//!
//! Anything else — a file missing, changed or unreadable, a compaction left
//! unfinished, an encrypted store, an operation it cannot place — and it
//! steps aside: the caller reads everything, which names what is wrong.

mod facts;
mod rows;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

pub use facts::{Facts, Shown};

use super::crypt::Key;
use super::envelope;
use super::journal::{self, Entry, NEXT_FILE};
use super::lines::ItemLines;
use super::quick::index::{self, FACTS_LINE};
use super::secure::Codec;
use super::tx::Chain;
use super::{Notice, Store, StoreError, fsutil};
use crate::model::custody::ChainProblem;
use crate::model::{Item, State};

/// What a listing reads (see the module's notes).
#[derive(Debug)]
pub struct Listing {
    /// The items in the state's order. An item whose facts `lines` holds
    /// is a stand-in (`Facts::stand_in`): its kind, status, times and
    /// meeting names are the item's, nothing else is.
    pub state: State,
    pub lines: ItemLines,
    /// The custody problems of the documents the journal changed (the
    /// others were verified when the snapshot was written).
    pub problems: Vec<ChainProblem>,
    pub warnings: Vec<Notice>,
}

impl Store {
    /// The state for a listing, its items listed from their lines and facts
    /// where they can be (see the module's notes); none when a full read
    /// is needed. `withholding`: the items whose confidential texts will be
    /// withheld are decoded.
    pub fn load_listing(&self, withholding: bool) -> Result<Option<Listing>, StoreError> {
        let key = match &self.codec {
            Codec::Plain if !self.expect_sealed => None,
            Codec::Open(key) => Some(&**key),
            _ => return Ok(None),
        };
        let lock = self.lock()?;
        let (Some(recorded), Some(indexed)) = (lock.snapshot(), lock.index()) else {
            return Ok(None);
        };
        if !recorded.ends_with(" 1") || fs_exists(&self.dir.join(NEXT_FILE)) {
            return Ok(None);
        }
        let sp = self.state_path();
        // The snapshot (8 MB at 10,000 items) is read on a second thread
        // while this one reads the rest and makes the stand-ins.
        std::thread::scope(|scope| {
            let snapshot = scope.spawn(|| {
                let (bytes, meta) = read(&sp)?;
                let same = super::quick::record(&meta, true) == recorded;
                same.then(|| opened(key, bytes, &sp)).flatten()
            });
            let snapshot = || snapshot.join().ok().flatten();
            self.list(&lock, key, withholding, &recorded, &indexed, snapshot)
        })
    }

    /// [`Store::load_listing`] with the data key if encrypted, the
    /// snapshot's bytes given by `snapshot` (none if it is not the file
    /// recorded or does not open).
    fn list(
        &self,
        lock: &super::lock::Lock,
        key: Option<&Key>,
        withholding: bool,
        recorded: &str,
        indexed: &str,
        snapshot: impl FnOnce() -> Option<Opened>,
    ) -> Result<Option<Listing>, StoreError> {
        let (jp, ip) = (self.journal_path(), self.index_path());
        let Some((ibytes, imeta)) = read(&ip) else {
            return Ok(None);
        };
        if index::record_of(&imeta) != indexed {
            return Ok(None);
        }
        let Some(index) = opened(key, ibytes, &ip) else {
            return Ok(None);
        };
        let Some((jbytes, _)) = read(&jp) else {
            return Ok(None);
        };
        let seal = self.seal_key()?;
        let Ok(parsed) = journal::read(&jbytes, &jp, 1, None, seal.seal()) else {
            return Ok(None);
        };
        let Some(mark) = parsed.ops.first().map(Entry::to_op) else {
            return Ok(None);
        };
        let last = parsed.ops.last().expect("the mark is there");
        let chain = Chain {
            seq: last.seq(),
            head: last.hash().to_string(),
            lines: parsed.ops.len(),
            ..Chain::default()
        };
        if !super::read::marks(&mark, None) || self.check_anchor(lock, &chain, 0).is_err() {
            return Ok(None);
        }
        let ops = &parsed.ops[1..];
        // Around the items (counters, the inbox, the team) nothing changes
        // what a listing shows, unless the whole list is set.
        let Some(chain_touched) = super::read::chain_touched(ops) else {
            return Ok(None);
        };
        let touched: HashSet<&str> = ops.iter().filter_map(|o| o.item()).collect();
        let Some(body) = body(index.plain(), recorded) else {
            return Ok(None);
        };
        // First every row a stand-in, noting which are to be decoded.
        let count = memchr::memchr_iter(b'\n', body).count();
        let decode = rows::Decode {
            touched: &touched,
            withholding,
        };
        let Some(rows::Rows { items, mut placed }) = rows::read(body, count, ops.len(), &decode)
        else {
            return Ok(None);
        };
        let mut state = State {
            items,
            ..State::default()
        };
        // Then each line checked, and those to be decoded decoded.
        let Some(mut snapshot) = snapshot() else {
            return Ok(None);
        };
        let (bytes, from) = (snapshot.plain(), snapshot.from);
        for (k, place) in placed.iter_mut().enumerate() {
            let Some(text) = bytes.get(place.start..place.start + place.len) else {
                return Ok(None);
            };
            let after_id = text
                .strip_prefix(b"{\"id\":")
                .and_then(|t| t.strip_prefix(place.id_json))
                .is_some_and(|t| t.starts_with(b","));
            if !after_id || !text.ends_with(b"}") {
                return Ok(None);
            }
            if place.shown.is_some() {
                continue;
            }
            let Ok(item) = serde_json::from_slice::<Item>(text) else {
                return Ok(None);
            };
            let same = || serde_json::to_vec(&item).is_ok_and(|v| v == text);
            let checked = place
                .check
                .take()
                .is_none_or(|f| same() && Facts::of(&item) == *f);
            if item.id != state.items[k].id || !checked {
                return Ok(None);
            }
            state.items[k] = item;
        }
        let mut at = (ops.len() > 8).then(|| super::op::positions(&state));
        for o in ops.iter().filter(|o| o.item().is_some()) {
            if o.apply(&mut state, &mut at).is_err() {
                return Ok(None);
            }
        }
        // What the journal left in place keeps its line (and what is shown
        // of a stand-in), in the order of the rows; what it touched or
        // added is decoded.
        let mut spans = Vec::with_capacity(state.items.len());
        let mut shown = Vec::with_capacity(state.items.len());
        let mut next = placed.iter_mut().filter(|p| !p.touched);
        for item in &state.items {
            if touched.contains(item.id.as_str()) {
                spans.push(None);
                shown.push(None);
                continue;
            }
            let Some(place) = next.next() else {
                return Ok(None);
            };
            if !same_id(place.id_json, &item.id) {
                return Ok(None);
            }
            spans.push(Some((from + place.start, from + place.start + place.len)));
            shown.push(place.shown.take());
        }
        let problems = super::read::problems_of(&state, chain_touched);
        let warnings = if parsed.torn {
            vec![Notice::Torn(jp.clone())]
        } else {
            Vec::new()
        };
        Ok(Some(Listing {
            state,
            lines: ItemLines::listed(
                std::mem::take(&mut snapshot.bytes),
                spans,
                shown,
                key.is_some(),
            ),
            problems,
            warnings,
        }))
    }
}

/// A file's bytes, decrypted in place if sealed (and then wiped when
/// dropped): its plaintext starts at `from` and is `len` bytes long.
struct Opened {
    bytes: Vec<u8>,
    from: usize,
    len: usize,
    sealed: bool,
}

impl Opened {
    fn plain(&self) -> &[u8] {
        &self.bytes[self.from..self.from + self.len]
    }
}

impl Drop for Opened {
    fn drop(&mut self) {
        if self.sealed {
            zeroize::Zeroize::zeroize(&mut self.bytes);
        }
    }
}

/// `bytes` of the file at `path` opened with `key` (sealed) or as they are
/// (plain, no key); none if they do not open.
fn opened(key: Option<&Key>, bytes: Vec<u8>, path: &std::path::Path) -> Option<Opened> {
    let mut opened = Opened {
        len: bytes.len(),
        bytes,
        from: 0,
        sealed: key.is_some(),
    };
    if let Some(key) = key {
        if !envelope::is_envelope(&opened.bytes) {
            return None;
        }
        opened.len = envelope::open(key, &mut opened.bytes, path).ok()?.len();
        opened.from = envelope::HEADER_LEN;
    }
    Some(opened)
}

/// One of the data directory's files with its metadata; none if it is
/// missing or cannot be read as one of ours (the full read says why).
fn read(path: &std::path::Path) -> Option<(Vec<u8>, std::fs::Metadata)> {
    fsutil::read_with_meta_within(path, Some(fsutil::state_limit()))
        .ok()
        .flatten()
}

fn fs_exists(path: &std::path::Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// The rows of an index made for the snapshot `recorded`, with facts in
/// this build's format; none otherwise.
fn body<'a>(index: &'a [u8], recorded: &str) -> Option<&'a [u8]> {
    let rest = index
        .strip_prefix(recorded.as_bytes())?
        .strip_prefix(b"\n")?;
    rest.strip_prefix(FACTS_LINE.as_bytes())?
        .strip_prefix(b"\n")
}

/// The text of the JSON string `json`, quotes included.
fn json_str(json: &[u8]) -> Option<String> {
    let inner = json.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
    if inner.iter().any(|&b| b == b'"' || b == b'\\' || b < 0x20) {
        return serde_json::from_slice(json).ok();
    }
    std::str::from_utf8(inner).ok().map(str::to_string)
}

/// Whether the JSON string `json` is `id`.
fn same_id(json: &[u8], id: &str) -> bool {
    let plain = json.strip_prefix(b"\"").and_then(|j| j.strip_suffix(b"\""));
    match plain {
        Some(inner) if !inner.iter().any(|&b| b == b'"' || b == b'\\' || b < 0x20) => {
            inner == id.as_bytes()
        }
        _ => json_str(json).is_some_and(|j| j == id),
    }
}

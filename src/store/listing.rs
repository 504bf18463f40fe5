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
mod listed;
mod read;
mod rows;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

pub use facts::Facts;
pub use listed::Listed;

use super::crypt::Key;
use super::journal::{self, Entry, NEXT_FILE};
use super::lines::ItemLines;
use super::quick::index::{self, FACTS_LINE};
use super::secure::Codec;
use super::tx::Chain;
use super::{Notice, Store, StoreError};
use crate::model::custody::ChainProblem;
use crate::model::{Item, State};
use read::{Opened, opened, read};

/// What a listing reads (see the module's notes).
#[derive(Debug)]
pub struct Listing {
    /// Every item in the state's order: decoded, or known by its facts.
    pub items: Vec<Listed>,
    /// The snapshot's line of each item known by its facts.
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
        let Some(rows::Rows { mut items, placed }) = rows::read(body, count, ops.len(), &decode)
        else {
            return Ok(None);
        };
        // Then each line checked, and those to be decoded decoded: those the
        // journal touched into a state of their own, for its operations.
        let Some(mut snapshot) = snapshot() else {
            return Ok(None);
        };
        let (bytes, from) = (snapshot.plain(), snapshot.from);
        let mut touched_state = State::default();
        let mut touched_rows: HashMap<&str, usize> = HashMap::new();
        for (k, place) in placed.iter().enumerate() {
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
            if !place.decoded() {
                continue;
            }
            let Ok(item) = serde_json::from_slice::<Item>(text) else {
                return Ok(None);
            };
            let Listed::Facts { id, facts } = &items[k] else {
                return Ok(None);
            };
            let same = || serde_json::to_vec(&item).is_ok_and(|v| v == text);
            if item.id != *id || (place.sampled && !(same() && Facts::of(&item) == *facts)) {
                return Ok(None);
            }
            if place.touched {
                // Keyed by the operation's id, which outlives the rows.
                let Some(&key) = decode.touched.get(id.as_str()) else {
                    return Ok(None);
                };
                touched_rows.insert(key, k);
                touched_state.items.push(item);
            } else if place.withheld {
                items[k] = Listed::Item(Box::new(item));
            }
        }
        let Some(survivors) = replay(&mut touched_state, ops, &touched_rows) else {
            return Ok(None);
        };
        let problems = super::read::problems_of(&touched_state, chain_touched);
        // What the journal left alone keeps its line; what it touched takes
        // its row again, or leaves it if deleted; what it added follows.
        let mut removed = vec![false; items.len()];
        for &k in touched_rows.values() {
            removed[k] = true;
        }
        let mut added = Vec::new();
        for (item, row) in touched_state.items.into_iter().zip(survivors) {
            match row {
                Some(k) => {
                    removed[k] = false;
                    items[k] = Listed::Item(Box::new(item));
                }
                None => added.push(Listed::Item(Box::new(item))),
            }
        }
        let mut spans = Vec::with_capacity(items.len() + added.len());
        let mut gone = removed.iter();
        items.retain(|_| !gone.next().copied().unwrap_or(false));
        let mut kept = placed.iter().zip(&removed).filter(|(_, r)| !**r);
        for row in &items {
            let (place, _) = kept.next().expect("a place for every row kept");
            spans.push(
                matches!(row, Listed::Facts { .. })
                    .then(|| (from + place.start, from + place.start + place.len)),
            );
        }
        items.extend(added);
        spans.resize(items.len(), None);
        let warnings = if parsed.torn {
            vec![Notice::Torn(jp.clone())]
        } else {
            Vec::new()
        };
        Ok(Some(Listing {
            items,
            lines: ItemLines::listed(std::mem::take(&mut snapshot.bytes), spans, key.is_some()),
            problems,
            warnings,
        }))
    }
}

/// The journal's operations on items replayed on `state`, which holds the
/// items they touched that were in the snapshot, each of them at its row
/// in `rows`. For each item after, its row if it is one of those, kept
/// where it was; none if the journal added it (it then follows every row,
/// as in a full replay). None if an operation does not apply, or deletes
/// an item of the snapshot and adds it again, which a full replay would
/// move behind every row.
fn replay(
    state: &mut State,
    ops: &[Entry],
    rows: &HashMap<&str, usize>,
) -> Option<Vec<Option<usize>>> {
    let mut whole: HashMap<&str, usize> = HashMap::new();
    for o in ops {
        if let Some(id) = o.item().filter(|id| rows.contains_key(id))
            && o.sets_any(&[super::op::WHOLE])
        {
            *whole.entry(id).or_default() += 1;
        }
    }
    if whole.values().any(|&n| n > 1) {
        return None;
    }
    let mut at = (ops.len() > 8).then(|| super::op::positions(state));
    for o in ops.iter().filter(|o| o.item().is_some()) {
        o.apply(state, &mut at).ok()?;
    }
    let survivors: Vec<Option<usize>> = state
        .items
        .iter()
        .map(|i| rows.get(i.id.as_str()).copied())
        .collect();
    // The rows kept come first and in their order, as replay keeps them.
    let kept: Vec<usize> = survivors.iter().map_while(|r| *r).collect();
    let in_order = kept.is_sorted() && survivors[kept.len()..].iter().all(Option::is_none);
    in_order.then_some(survivors)
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

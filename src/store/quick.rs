//! The quick path of a change that needs only a few items (`add`, `note
//! --to`, `done` from the command line): it reads the journal and at most
//! the snapshot's lines of those items, never decodes the whole snapshot,
//! so its cost does not grow with the store.
//!
//! What it checks, and what it leaves to a full read:
//! - the whole journal, line by line, as every read does: each line's hash
//!   (HMAC when encrypted, each line opened with the key), the links and
//!   numbers of the chain, the snapshot mark first, and the anchor in
//!   `lock` (a cut tail or a changed last line is an error, named);
//! - `state.json` is not hashed again. Instead it must be the very file the
//!   program wrote at the last compaction: same device, inode, size and
//!   change time (`ctime`, which no edit or copy can leave as it was) as
//!   recorded in `lock` then, and its custody logs all verified then. If
//!   anything differs — a hand edit, a restore from elsewhere, a record
//!   missing — the change takes the full path, which hashes the snapshot
//!   against its mark and names what is wrong. `liaison verify` always
//!   checks everything.
//!
//! It steps aside (the caller then takes the full path) whenever the full
//! path has more to do: a torn tail to cut, a backup or a compaction due,
//! a compaction left unfinished, an encrypted snapshot to read, an item it
//! cannot find, or a change that touches more than it can know.

use crate::store::IoAction;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;

use serde_json::Value;

use super::journal::{self, NEXT_FILE};
use super::op::{self, Field, Op, WHOLE};
use super::secure::Codec;
use super::tx::Chain;
use super::{Snapshot, Stamp, Store, StoreError, TxError, backup, fsutil};
use crate::model::{Counters, Item, State, Time};

/// What a quick change came to.
#[derive(Debug)]
pub enum Quick<R> {
    /// Applied and saved.
    Done(R),
    /// Not taken: nothing was written; take the full path.
    Declined,
}

/// The mark's field holding the snapshot's counters.
pub(super) const COUNTERS: &str = "counters";
/// The mark's field holding, per id letter, the highest number in use.
pub(super) const IDS: &str = "ids";

/// The record of `state.json` kept in `lock` (see the module's notes).
pub(super) fn record(meta: &fs::Metadata, custody_ok: bool) -> String {
    format!("snapshot {} {}", identity(meta), u8::from(custody_ok))
}

/// What a file the program wrote is, as `lock` records it: device, inode,
/// size and change time (`ctime`, which no edit or copy can leave as it
/// was).
pub(super) fn identity(meta: &fs::Metadata) -> String {
    format!(
        "{} {} {} {} {}",
        meta.dev(),
        meta.ino(),
        meta.len(),
        meta.ctime(),
        meta.ctime_nsec()
    )
}

/// Whether `recorded` (see [`record`]) names the file of `meta`, whatever
/// its custody logs were found to be.
pub(super) fn same_file(recorded: &str, meta: &fs::Metadata) -> bool {
    let now = record(meta, false);
    let identity = |r: &str| r.rsplit_once(' ').map(|(id, _)| id.to_string());
    identity(recorded).is_some() && identity(recorded) == identity(&now)
}

/// The letter and number of an id such as `L12` (`l12` too, as ids are
/// matched without case).
fn numbered(id: &str) -> Option<(char, u64)> {
    let mut chars = id.chars();
    let letter = chars.next()?.to_ascii_uppercase();
    let digits = chars.as_str();
    (letter.is_ascii_alphabetic()
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit()))
    .then(|| Some((letter, digits.parse().ok()?)))
    .flatten()
}

/// The fields a snapshot mark carries besides the digest: the counters and
/// the highest id number per letter, so an add needs no snapshot.
pub(super) fn mark_fields(state: &State) -> BTreeMap<String, Field> {
    let mut ids = serde_json::Map::new();
    for (letter, n) in state.items.iter().filter_map(|i| numbered(&i.id)) {
        let slot = ids.entry(letter.to_string()).or_insert(Value::from(0u64));
        if slot.as_u64().unwrap_or(0) < n {
            *slot = Value::from(n);
        }
    }
    let counters = serde_json::to_value(&state.counters).unwrap_or(Value::Null);
    BTreeMap::from([
        (COUNTERS.to_string(), Field::Set(Value::Null, counters)),
        (IDS.to_string(), Field::Set(Value::Null, Value::Object(ids))),
    ])
}

fn is_add_draft(d: &op::Draft) -> bool {
    matches!(d.fields.get(WHOLE), Some(Field::Set(Value::Null, _)))
}

fn is_add(op: &Op) -> bool {
    matches!(op.fields.get(WHOLE), Some(Field::Set(Value::Null, _)))
}

fn new_value<'a>(op: &'a Op, field: &str) -> Option<&'a Value> {
    match op.fields.get(field) {
        Some(Field::Set(_, v)) => Some(v),
        _ => None,
    }
}

/// The line of item `id` in a snapshot laid out by `layout` (each item on
/// its own line, `id` its first key).
fn item_line<'a>(bytes: &'a [u8], id: &str) -> Option<&'a [u8]> {
    let needle = format!("\n    {{\"id\":{}", serde_json::to_string(id).ok()?);
    let start = memchr::memmem::find(bytes, needle.as_bytes())? + 5;
    let rest = &bytes[start..];
    let end = memchr::memchr(b'\n', rest)?;
    let line = &rest[..end];
    let line = line.strip_suffix(b",").unwrap_or(line);
    // `"L1"` must not match the start of `"L12"`.
    let after = &line[needle.len() - 5..];
    after.starts_with(b",").then_some(line)
}

impl Store {
    /// Applies `change` as [`Store::transact`] does, to a state holding only
    /// the items `ids` (matched without case), the counters, and nothing
    /// else: every other item absent, the inbox empty. Use it only for a
    /// change that reads and writes nothing but those items, the counters,
    /// new items and new inbox notes. Returns [`Quick::Declined`], with
    /// nothing written, whenever the full path is needed (see the module's
    /// notes); then call `transact` with the same change.
    pub fn transact_few<R, E>(
        &self,
        now: Time,
        ids: &[&str],
        change: &mut impl FnMut(&mut State) -> Result<R, E>,
    ) -> Result<Quick<R>, TxError<E>> {
        let key = match self.codec {
            // Locked, or a passphrase given for plain data: the full path
            // says what is wrong.
            Codec::Locked => return Ok(Quick::Declined),
            Codec::Plain if self.expect_sealed => return Ok(Quick::Declined),
            // In a team, ids come from the replica's block: the full path.
            _ if self.in_team() => return Ok(Quick::Declined),
            _ => self.seal_key()?,
        };
        let lock = self.lock()?;
        let (sp, jp) = (self.state_path(), self.journal_path());
        let Some(recorded) = lock.snapshot() else {
            return Ok(Quick::Declined);
        };
        let Ok(meta) = fs::symlink_metadata(&sp) else {
            return Ok(Quick::Declined);
        };
        if recorded != record(&meta, true)
            || fs::symlink_metadata(self.dir.join(NEXT_FILE)).is_ok()
            || backup::is_due(self, now)
        {
            return Ok(Quick::Declined);
        }
        let limit = Some(fsutil::state_limit());
        let Some((jbytes, _)) = fsutil::read_with_meta_within(&jp, limit)
            .map_err(StoreError::io(IoAction::Read, &jp))?
        else {
            return Ok(Quick::Declined);
        };
        let parsed = journal::parse(&jbytes, &jp, 1, None, key.seal())?;
        let Some(mark) = parsed.ops.first() else {
            return Ok(Quick::Declined);
        };
        let (Some(counters), Some(Value::Object(max_ids))) =
            (new_value(mark, COUNTERS), new_value(mark, IDS))
        else {
            return Ok(Quick::Declined);
        };
        let since = parsed.ops.len() as u64 - 1;
        let chain = Chain {
            seq: parsed.ops.last().map_or(0, |o| o.seq),
            head: parsed
                .ops
                .last()
                .map(|o| o.hash.clone())
                .unwrap_or_default(),
            replica: mark.replica.clone(),
            len: parsed.good_len,
            lines: parsed.ops.len(),
            since,
            snapshot_len: meta.len(),
            hlc: super::team::hlc::latest(&parsed.ops),
        };
        self.check_anchor(&lock, &chain, mark.seq)?;
        let next = since + 1;
        if parsed.torn
            || mark.change != "snapshot"
            || chain.replica.is_empty()
            || self.compaction_due(next, chain.len, chain.snapshot_len)
        {
            return Ok(Quick::Declined);
        }
        let Ok(counters) = serde_json::from_value::<Counters>(counters.clone()) else {
            return Ok(Quick::Declined);
        };
        let mut top: BTreeMap<String, u64> = max_ids
            .iter()
            .map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(u64::MAX)))
            .collect();
        let Some(mut state) = self.few(&parsed.ops, ids, counters, &mut top, &recorded)? else {
            return Ok(Quick::Declined);
        };

        let mut before = state.clone();
        let out = change(&mut state).map_err(TxError::Refused)?;
        let drafts = op::diff(&mut before, &mut state);
        if drafts.is_empty() {
            return Ok(Quick::Done(out));
        }
        for d in &drafts {
            let safe = match &d.item {
                // A new item must have an id above every one in use (the
                // full path checks every item; here only the numbers are
                // known).
                // An item added while working on named ones (the next
                // occurrence of a recurring duty marked done) may depend on
                // items not loaded (whether the series has one open).
                Some(_) if is_add_draft(d) && !ids.is_empty() => false,
                Some(id) if is_add_draft(d) => numbered(id).is_some_and(|(letter, n)| {
                    top.get(&letter.to_string()).is_none_or(|&max| n > max)
                }),
                Some(_) => true,
                // Around the items: only counters set and lists grown.
                None => d
                    .fields
                    .iter()
                    .all(|(k, f)| k == COUNTERS || matches!(f, Field::Push(_))),
            };
            if !safe {
                return Ok(Quick::Declined);
            }
        }
        let mut snap = Snapshot {
            state,
            stamp: Stamp::default(),
            chain,
            warnings: Vec::new(),
            checked: None,
            before: None,
        };
        self.append(&lock, &mut snap, &before, drafts, now, None)?;
        Ok(Quick::Done(out))
    }

    /// The state a quick change sees: `counters` brought up to date by the
    /// journal, and the items `ids` from the snapshot's lines and the
    /// journal. Also raises `top` by the items added in the journal. None
    /// when it cannot be known without a full read.
    fn few(
        &self,
        ops: &[Op],
        ids: &[&str],
        counters: Counters,
        top: &mut BTreeMap<String, u64>,
        recorded: &str,
    ) -> Result<Option<State>, StoreError> {
        let mut state = State {
            counters,
            ..State::default()
        };
        let wanted = |id: &str| ids.iter().any(|w| w.trim().eq_ignore_ascii_case(id));
        for o in ops.iter().skip(1) {
            match &o.item {
                None => {
                    if o.fields.contains_key("items") {
                        return Ok(None);
                    }
                    if let Some(c) = new_value(o, COUNTERS) {
                        let Ok(c) = serde_json::from_value(c.clone()) else {
                            return Ok(None);
                        };
                        state.counters = c;
                    }
                }
                Some(id) if is_add(o) => {
                    if let Some((letter, n)) = numbered(id) {
                        let slot = top.entry(letter.to_string()).or_insert(0);
                        *slot = (*slot).max(n);
                    }
                }
                Some(_) => {}
            }
        }
        // An item wanted comes from the snapshot unless the journal adds it.
        let mut from_snapshot: Vec<String> = Vec::new();
        for id in ids {
            let id = id.trim();
            let first = ops.iter().skip(1).find(|o| {
                o.item
                    .as_deref()
                    .is_some_and(|i| i.eq_ignore_ascii_case(id))
            });
            if !first.is_some_and(is_add) {
                from_snapshot.push(id.to_string());
            }
        }
        if !from_snapshot.is_empty() {
            let Codec::Plain = self.codec else {
                return Ok(None);
            };
            let sp = self.state_path();
            // Through the index when it is for this snapshot: a line read,
            // not the whole file.
            let (ip, json) = (self.index_path(), |id: &str| serde_json::to_string(id).ok());
            let indexed: Option<Vec<Item>> = from_snapshot
                .iter()
                .map(|id| {
                    let find = |id: &str| index::lines(&ip, &sp, recorded, &[json(id)?]);
                    let line = find(id).or_else(|| find(&id.to_ascii_uppercase()))?;
                    serde_json::from_slice::<Item>(&line[0]).ok()
                })
                .collect();
            if let Some(items) = indexed {
                state.items.extend(items);
                from_snapshot.clear();
            }
        }
        if !from_snapshot.is_empty() {
            let sp = self.state_path();
            let Some((bytes, meta)) =
                fsutil::read_with_meta_within(&sp, Some(fsutil::state_limit()))
                    .map_err(StoreError::io(IoAction::Read, &sp))?
            else {
                return Ok(None);
            };
            if record(&meta, true) != recorded {
                return Ok(None);
            }
            for id in &from_snapshot {
                let line =
                    item_line(&bytes, id).or_else(|| item_line(&bytes, &id.to_ascii_uppercase()));
                let Some(item) = line.and_then(|l| serde_json::from_slice::<Item>(l).ok()) else {
                    return Ok(None);
                };
                state.items.push(item);
            }
        }
        for o in ops.iter().skip(1) {
            if o.item.as_deref().is_some_and(wanted) {
                let at = o.item.as_deref().and_then(|i| state.position(i));
                if at.is_none() && !is_add(o) {
                    return Ok(None);
                }
                if op::apply(&mut state, o, &mut None).is_err() {
                    return Ok(None);
                }
            }
        }
        if ids.iter().any(|id| state.position(id).is_none()) {
            return Ok(None);
        }
        Ok(Some(state))
    }
}

pub(super) mod index;
#[cfg(test)]
mod tests;

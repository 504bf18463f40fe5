//! Where each item's line is in `state.json`, written beside it at
//! compaction (`state.index`), so `note` and `done` read the line of the
//! item they change instead of the whole snapshot (8 MB at 10,000 items).
//!
//! The index is a help, never a source: its first line is the record of
//! the snapshot it was made for (as kept in `lock`), and the quick path
//! uses it only for that very file; the line read at an offset must begin
//! with the item's id and decode as an item, or the whole file is read as
//! before. A plain data directory only: nothing is indexed when encrypted.
//!
//! Format: the record, then one line per item, `ID-AS-JSON<TAB>OFFSET<TAB>LEN`
//! (the first line of an id, as the whole-file search finds it).

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::same_file;
use crate::model::State;
use crate::store::listing::Facts;
use crate::store::secure::Codec;
use crate::store::{Store, fsutil};

pub const INDEX_FILE: &str = "state.index";

/// The second line of an index whose lines carry each item's facts, in
/// the facts' format of this build.
pub(in crate::store) const FACTS_LINE: &str = "facts 1";

/// The longest item line read through the index (a longer one is read
/// with the whole file).
const LONGEST: u64 = 1 << 20;

impl Store {
    pub(in crate::store) fn index_path(&self) -> PathBuf {
        self.dir().join(INDEX_FILE)
    }

    /// The record of the index on disk now, if there is one.
    pub(in crate::store) fn index_record(&self) -> Option<String> {
        let meta = std::fs::symlink_metadata(self.index_path()).ok()?;
        meta.is_file().then(|| record_of(&meta))
    }

    /// Writes the index of the snapshot just written (`bytes`, recorded as
    /// `record`), or removes an old one when there is nothing to index. An
    /// encrypted snapshot's index is made from its plaintext and sealed as
    /// the snapshot is (only a listing reads it). A failure costs only the
    /// quick paths: the index is then missing or names another file, and
    /// is not used.
    pub(in crate::store) fn write_index(&self, bytes: &[u8], record: Option<&str>, state: &State) {
        let ip = self.index_path();
        let written = match (record, &self.codec) {
            (Some(record), Codec::Plain) => fsutil::write_atomic(&ip, &make(bytes, record, state)),
            (Some(record), Codec::Open(key)) => {
                let sp = self.state_path();
                match self.unseal_owned(bytes.to_vec(), &sp) {
                    Ok(plain) => {
                        let index = zeroize::Zeroizing::new(make(&plain, record, state));
                        fsutil::write_atomic(&ip, &crate::store::envelope::seal(key, &index))
                    }
                    Err(_) => Err(std::io::Error::other("not sealed")),
                }
            }
            _ => Err(std::io::Error::other("nothing to index")),
        };
        if written.is_err() {
            let _ = std::fs::remove_file(&ip);
        }
    }
}

/// What the index at `meta` is, as `lock` keeps it (see `quick::identity`).
pub(in crate::store) fn record_of(meta: &std::fs::Metadata) -> String {
    format!("index {}", super::identity(meta))
}

/// The index of `bytes`, a snapshot laid out by `layout` whose record
/// (see `quick::record`) is `record` and whose items are `state`'s. When
/// the lines are the items one for one, in order, with no id twice, the
/// second line is [`FACTS_LINE`] and each line ends with the item's facts
/// (see `listing::facts`).
pub(in crate::store) fn make(bytes: &[u8], record: &str, state: &State) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + bytes.len() / 8);
    out.extend_from_slice(record.as_bytes());
    out.push(b'\n');
    let lines = item_lines(bytes);
    // An id's first line only (as the whole-file search finds it).
    let mut seen = std::collections::HashSet::new();
    let first: Vec<bool> = lines.iter().map(|(id, _, _)| seen.insert(*id)).collect();
    let mut id = Vec::with_capacity(32);
    let paired = seen.len() == lines.len()
        && lines.len() == state.items.len()
        && lines
            .iter()
            .zip(&state.items)
            .all(|((line_id, _, _), item)| {
                id.clear();
                serde_json::to_writer(&mut id, &item.id).is_ok() && id == *line_id
            });
    if paired {
        out.extend_from_slice(FACTS_LINE.as_bytes());
        out.push(b'\n');
    }
    for (k, (id, start, len)) in lines.iter().enumerate() {
        if !first[k] {
            continue;
        }
        out.extend_from_slice(id);
        out.extend_from_slice(format!("\t{start}\t{len}").as_bytes());
        if paired {
            out.push(b'\t');
            Facts::of(&state.items[k]).write(&mut out);
        }
        out.push(b'\n');
    }
    out
}

/// Each item line of `bytes` (a snapshot laid out by `layout`), in order:
/// its id as JSON, where its object starts, and how long it is; up to the
/// first that does not begin with its id.
fn item_lines(bytes: &[u8]) -> Vec<(&[u8], usize, usize)> {
    let Some(laid) = crate::store::layout::items(bytes) else {
        return Vec::new();
    };
    laid.spans
        .iter()
        .map_while(|&(start, len)| {
            let object = &bytes[start..start + len];
            let id = object.strip_prefix(b"{\"id\":").and_then(json_string)?;
            Some((id, start, len))
        })
        .collect()
}

/// The JSON string `bytes` begins with, quotes and escapes included.
fn json_string(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(&bytes[..=i]),
            _ => i += 1,
        }
    }
    None
}

/// The line of each of `ids` (as JSON strings, in order) in the snapshot
/// at `sp`, through the index at `ip`, if the index is for the snapshot
/// recorded as `recorded` and that is the file at `sp`; none otherwise.
pub(super) fn lines(ip: &Path, sp: &Path, recorded: &str, ids: &[String]) -> Option<Vec<Vec<u8>>> {
    let index = fsutil::read(ip, Some(fsutil::state_limit())).ok()?;
    let head = memchr::memchr(b'\n', &index)?;
    if index[..head] != *recorded.as_bytes() {
        return None;
    }
    let mut file = fsutil::open_read(sp, Some(fsutil::state_limit())).ok()?;
    let meta = file.metadata().ok()?;
    if !same_file(recorded, &meta) {
        return None;
    }
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let needle = format!("\n{id}\t");
        let at = memchr::memmem::find(&index[head..], needle.as_bytes())? + head + needle.len();
        let end = at + memchr::memchr(b'\n', &index[at..])?;
        let text = std::str::from_utf8(&index[at..end]).ok()?;
        let mut columns = text.split('\t');
        let (offset, len) = (columns.next()?, columns.next()?);
        let (offset, len): (u64, u64) = (offset.parse().ok()?, len.parse().ok()?);
        if len > LONGEST || offset.checked_add(len)? > meta.len() {
            return None;
        }
        let mut line = vec![0; len as usize];
        file.seek(SeekFrom::Start(offset)).ok()?;
        file.read_exact(&mut line).ok()?;
        let prefix = format!("{{\"id\":{id},");
        if !line.starts_with(prefix.as_bytes()) || !line.ends_with(b"}") {
            return None;
        }
        out.push(line);
    }
    Some(out)
}

#[cfg(test)]
mod tests;

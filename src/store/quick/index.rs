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
use crate::store::secure::Codec;
use crate::store::{Store, fsutil};

pub const INDEX_FILE: &str = "state.index";

/// The longest item line read through the index (a longer one is read
/// with the whole file).
const LONGEST: u64 = 1 << 20;

impl Store {
    pub(in crate::store) fn index_path(&self) -> PathBuf {
        self.dir().join(INDEX_FILE)
    }

    /// Writes the index of the snapshot just written (`bytes`, recorded as
    /// `record`), or removes an old one when there is nothing to index (an
    /// encrypted snapshot). A failure costs only the quick path: the index
    /// is then missing or names another file, and is not used.
    pub(in crate::store) fn write_index(&self, bytes: &[u8], record: Option<&str>) {
        let ip = self.index_path();
        match record {
            Some(record) if matches!(self.codec, Codec::Plain) => {
                let _ = fsutil::write_atomic(&ip, &make(bytes, record));
            }
            _ => {
                let _ = std::fs::remove_file(&ip);
            }
        }
    }
}

/// The index of `bytes`, a snapshot laid out by `layout` whose record
/// (see `quick::record`) is `record`.
pub(in crate::store) fn make(bytes: &[u8], record: &str) -> Vec<u8> {
    const HEAD: &[u8] = b"\n  \"items\": [\n";
    let mut out = Vec::with_capacity(64 + bytes.len() / 40);
    out.extend_from_slice(record.as_bytes());
    out.push(b'\n');
    let Some(start) = memchr::memmem::find(bytes, HEAD) else {
        return out;
    };
    let mut seen = std::collections::HashSet::new();
    let mut at = start + HEAD.len();
    while let Some(len) = memchr::memchr(b'\n', &bytes[at..]) {
        let Some(obj) = bytes[at..at + len].strip_prefix(b"    ") else {
            break;
        };
        let obj = obj.strip_suffix(b",").unwrap_or(obj);
        let Some(id) = obj.strip_prefix(b"{\"id\":").and_then(json_string) else {
            break;
        };
        if seen.insert(id) {
            out.extend_from_slice(id);
            out.extend_from_slice(format!("\t{}\t{}\n", at + 4, obj.len()).as_bytes());
        }
        at += len + 1;
    }
    out
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
        let (offset, len) = text.split_once('\t')?;
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

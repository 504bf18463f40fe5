//! The files a listing reads: opened if sealed, and the snapshot read in
//! two halves at once.

use std::os::unix::fs::FileExt;
use std::path::Path;

use super::super::crypt::Key;
use super::super::{envelope, fsutil};

/// A file's bytes, decrypted in place if sealed (and then wiped when
/// dropped): its plaintext starts at `from` and is `len` bytes long.
pub(super) struct Opened {
    pub bytes: Vec<u8>,
    pub from: usize,
    len: usize,
    sealed: bool,
}

impl Opened {
    pub fn plain(&self) -> &[u8] {
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
pub(super) fn opened(key: Option<&Key>, bytes: Vec<u8>, path: &std::path::Path) -> Option<Opened> {
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

/// From how many bytes a file is read in two halves at once.
const HALVES_FROM: u64 = 1 << 20;

/// One of the data directory's files with its metadata; none if it is
/// missing or cannot be read as one of ours (the full read says why).
/// From 1 MiB on, its two halves are read at once, on two threads: at
/// 10,000 items, reading the 8.5 MB snapshot into memory touched for the
/// first time was the longest part of a listing.
pub(super) fn read(path: &Path) -> Option<(Vec<u8>, std::fs::Metadata)> {
    let limit = fsutil::state_limit();
    let file = fsutil::open_read(path, Some(limit)).ok()?;
    let meta = file.metadata().ok()?;
    let len = meta.len();
    if len < HALVES_FROM || len > limit {
        let bytes = fsutil::read_all(file, len, Some(limit), path).ok()?;
        return Some((bytes, meta));
    }
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    let half = bytes.len() / 2;
    let (first, second) = bytes.split_at_mut(half);
    let read = std::thread::scope(|scope| {
        let second = scope.spawn(|| file.read_exact_at(second, half as u64));
        let first = file.read_exact_at(first, 0);
        first.is_ok() && second.join().is_ok_and(|r| r.is_ok())
    });
    // All of it: the file ends where its metadata says it does.
    let ended = file.read_at(&mut [0], len).is_ok_and(|n| n == 0);
    (read && ended).then_some((bytes, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `len` bytes that are not all alike.
    fn file(dir: &Path, len: usize) -> (std::path::PathBuf, Vec<u8>) {
        let path = dir.join(format!("f{len}"));
        let bytes: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        (path, bytes)
    }

    #[test]
    fn a_file_is_read_whole_as_it_is_on_disk_in_halves_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let from = HALVES_FROM as usize;
        for len in [0, 1, 4096, from - 1, from, from + 1, 3 * from + 7] {
            let (path, bytes) = file(dir.path(), len);
            let (got, meta) = read(&path).expect("read");
            assert_eq!(meta.len(), len as u64);
            assert!(got == bytes, "{len} bytes");
        }
        assert!(read(&dir.path().join("missing")).is_none());
    }
}

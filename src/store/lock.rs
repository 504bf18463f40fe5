//! The sidecar lock that serialises writers, and the save counter it holds.
//!
//! The lock is taken on `lock`, never on `state.json`. The file's first line
//! is the number of saves so far, so a process can tell cheaply whether
//! someone saved since it last read; the second is the anchor of the
//! journal: the number and hash of the last operation written, so an
//! operation cut from the journal's end shows; the third, when present,
//! what `state.json` was when the program last wrote it (see `quick`); the
//! fourth, when present, what `state.index` was then (see `listing`).

use crate::store::IoAction;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use super::{LOCK_FILE, StoreError, fsutil};

/// How long a writer waits for another before giving up.
const WAIT: Duration = Duration::from_secs(10);

pub struct Lock {
    file: File,
    generation: std::cell::Cell<u64>,
    anchor: std::cell::RefCell<Option<(u64, String)>>,
    snapshot: std::cell::RefCell<Option<String>>,
    index: std::cell::RefCell<Option<String>>,
}

impl Lock {
    /// Takes the lock, waiting up to ten seconds for another process.
    pub fn acquire(dir: &Path) -> Result<Lock, StoreError> {
        let path = dir.join(LOCK_FILE);
        let mut file =
            fsutil::open_private(&path).map_err(StoreError::io(IoAction::Open, &path))?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < WAIT => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::Busy {
                        dir: dir.to_path_buf(),
                    });
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(StoreError::io(IoAction::Lock, &path)(e));
                }
            }
        }
        let (generation, anchor, snapshot, index) = read_content(&mut file);
        Ok(Lock {
            file,
            generation: std::cell::Cell::new(generation),
            anchor: std::cell::RefCell::new(anchor),
            snapshot: std::cell::RefCell::new(snapshot),
            index: std::cell::RefCell::new(index),
        })
    }

    pub fn generation(&self) -> u64 {
        self.generation.get()
    }

    /// Counts one more save. A failure here only costs a reload later, since
    /// the file's identity is compared too.
    pub fn bump(&self) -> u64 {
        let next = self.generation.get().wrapping_add(1);
        self.generation.set(next);
        let mut f = &self.file;
        let mut text = format!("{next:020}\n");
        if let Some((seq, head)) = &*self.anchor.borrow() {
            text.push_str(&format!("{seq:020} {head}\n"));
            if let Some(snapshot) = &*self.snapshot.borrow() {
                text.push_str(&format!("{snapshot}\n"));
                if let Some(index) = &*self.index.borrow() {
                    text.push_str(&format!("{index}\n"));
                }
            }
        }
        let _ = f
            .seek(SeekFrom::Start(0))
            .and_then(|_| f.write_all(text.as_bytes()))
            .and_then(|_| f.set_len(text.len() as u64));
        next
    }

    /// The number and hash of the last operation written, if recorded.
    pub fn anchor(&self) -> Option<(u64, String)> {
        self.anchor.borrow().clone()
    }

    /// Records the last operation written (after the journal was synced:
    /// an anchor lost in a crash only lags behind), and counts a save.
    pub fn set_anchor(&self, seq: u64, head: &str) -> u64 {
        *self.anchor.borrow_mut() = Some((seq, head.to_string()));
        self.bump()
    }
}

impl Lock {
    /// What `state.json` was when the program last wrote it, as recorded.
    pub fn snapshot(&self) -> Option<String> {
        self.snapshot.borrow().clone()
    }

    /// Records (or forgets) what `state.json` is now; written with the next
    /// anchor.
    pub fn set_snapshot(&self, record: Option<String>) {
        *self.snapshot.borrow_mut() = record;
    }

    /// What `state.index` was when the program last wrote it, as recorded
    /// (a line starting `index `).
    pub fn index(&self) -> Option<String> {
        self.index.borrow().clone()
    }

    /// Records (or forgets) what `state.index` is now; written with the
    /// next anchor, and only beside a snapshot's record.
    pub fn set_index(&self, record: Option<String>) {
        *self.index.borrow_mut() = record;
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock as well; unlocking first is tidy.
        let _ = self.file.unlock();
    }
}

type Content = (u64, Option<(u64, String)>, Option<String>, Option<String>);

fn read_content(file: &mut File) -> Content {
    let mut text = String::new();
    if file.seek(SeekFrom::Start(0)).is_err() || file.read_to_string(&mut text).is_err() {
        return (0, None, None, None);
    }
    parse(&text)
}

fn parse(text: &str) -> Content {
    let mut lines = text.lines();
    let generation = lines
        .next()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    let anchor = lines.next().and_then(|l| {
        let (seq, head) = l.trim().split_once(' ')?;
        Some((seq.parse().ok()?, head.to_string()))
    });
    let snapshot = lines
        .next()
        .map(str::trim)
        .filter(|l| l.starts_with("snapshot "))
        .map(str::to_string);
    let index = lines
        .next()
        .map(str::trim)
        .filter(|l| snapshot.is_some() && l.starts_with("index "))
        .map(str::to_string);
    (generation, anchor, snapshot, index)
}

/// The save counter without taking the lock: a hint for polling only.
pub fn peek_generation(dir: &Path) -> u64 {
    // Read as every file here is: no link followed, no FIFO waited on.
    fsutil::read(&dir.join(LOCK_FILE), Some(1024))
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .map(|t| parse(&t).0)
        .unwrap_or(0)
}

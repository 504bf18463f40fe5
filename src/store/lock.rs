//! The sidecar lock that serialises writers, and the save counter it holds.
//!
//! The lock is taken on `lock`, never on `state.json`, which is replaced by
//! rename on every save. The file's content is the number of saves so far, so
//! a process can tell cheaply whether someone saved since it last read.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use super::{LOCK_FILE, StoreError, fsutil};

/// How long a writer waits for another before giving up.
const WAIT: Duration = Duration::from_secs(10);

pub struct Lock {
    file: File,
    generation: u64,
}

impl Lock {
    /// Takes the lock, waiting up to ten seconds for another process.
    pub fn acquire(dir: &Path) -> Result<Lock, StoreError> {
        let path = dir.join(LOCK_FILE);
        let mut file = fsutil::open_private(&path).map_err(StoreError::io("cannot open", &path))?;
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
                    return Err(StoreError::io("cannot lock", &path)(e));
                }
            }
        }
        let generation = read_generation(&mut file);
        Ok(Lock { file, generation })
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Counts one more save. A failure here only costs a reload later, since
    /// the file's identity is compared too.
    pub fn bump(&self) -> u64 {
        let next = self.generation.wrapping_add(1);
        let mut f = &self.file;
        let text = format!("{next:020}\n");
        let _ = f
            .seek(SeekFrom::Start(0))
            .and_then(|_| f.write_all(text.as_bytes()));
        next
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock as well; unlocking first is tidy.
        let _ = self.file.unlock();
    }
}

fn read_generation(file: &mut File) -> u64 {
    let mut text = String::new();
    if file.seek(SeekFrom::Start(0)).is_err() || file.read_to_string(&mut text).is_err() {
        return 0;
    }
    text.trim().parse().unwrap_or(0)
}

/// The save counter without taking the lock: a hint for polling only.
pub fn peek_generation(dir: &Path) -> u64 {
    // Read as every file here is: no link followed, no FIFO waited on.
    fsutil::read(&dir.join(LOCK_FILE), Some(64))
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

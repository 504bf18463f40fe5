//! The local clone under the sync lock, and reading the team's files out
//! of a commit: the team file, the replicas, the retirements, the batches.
//! Files are read from git's objects, never from a checked-out tree, and
//! only regular files of the expected names are looked at.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::SyncError;
use super::git::{Entry, Git};
use super::layout::{self, Batch, FORMAT, MAX_FILE, ReplicaFile, Retirement, TEAM_FILE, TeamFile};
use super::team_key;
use crate::store::crypt::Key;
use crate::store::{IoAction, Store, StoreError, fsutil};

/// The sync lock, held (and handed to every git started meanwhile, so a
/// git left running by a killed sync still holds it) while sync works.
pub struct SyncLock(#[allow(dead_code)] File);

/// How long a sync waits for another one (or its last git) to finish.
const LOCK_WAIT: Duration = Duration::from_secs(60);

fn lock(dir: &Path) -> Result<SyncLock, SyncError> {
    let path = dir.join("lock");
    let file = fsutil::open_private(&path).map_err(StoreError::io(IoAction::Open, &path))?;
    // Inherited by the git processes this one starts: a kill -9 of liaison
    // leaves the lock held until its git has finished too.
    rustix::io::fcntl_setfd(&file, rustix::io::FdFlags::empty())
        .map_err(|e| StoreError::io(IoAction::Lock, &path)(e.into()))?;
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(SyncLock(file)),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(std::fs::TryLockError::WouldBlock) => return Err(SyncError::Busy),
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(StoreError::io(IoAction::Lock, &path)(e).into());
            }
        }
    }
}

/// Takes the sync lock and readies the clone (made if missing, repaired
/// after a kill).
pub fn open(store: &Store) -> Result<(Git, SyncLock), SyncError> {
    let dir = store.sync_dir()?;
    let held = lock(&dir)?;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            if e.file_name()
                .to_string_lossy()
                .starts_with(fsutil::TEMP_PREFIX)
            {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let repo: PathBuf = dir.join("repo");
    fsutil::ensure_private_dir(&repo).map_err(StoreError::io(IoAction::Create, &repo))?;
    let git = Git::new(repo, dir.join("index"));
    git.repair();
    git.ensure()?;
    Ok((git, held))
}

/// A commit of the remote's branch and its files.
pub struct View {
    pub head: Option<String>,
    pub files: Vec<Entry>,
}

impl View {
    pub fn fetch(git: &Git, remote: &str) -> Result<View, SyncError> {
        super::git::clear_stale_remote_lock(remote);
        let head = git.fetch(remote)?;
        let files = match &head {
            Some(h) => git.files(h)?,
            None => Vec::new(),
        };
        Ok(View { head, files })
    }

    pub fn find(&self, path: &str) -> Option<&Entry> {
        self.files
            .iter()
            .find(|e| e.path == path && e.mode == "100644")
    }

    /// The regular files under `dir/` ending in `ext`.
    pub fn under<'a>(&'a self, dir: &'a str, ext: &'a str) -> impl Iterator<Item = &'a Entry> {
        self.files.iter().filter(move |e| {
            e.mode == "100644"
                && e.path
                    .strip_prefix(dir)
                    .and_then(|r| r.strip_prefix('/'))
                    .is_some_and(|r| !r.contains('/') && r.ends_with(ext))
        })
    }

    /// `replica`'s batches, by number.
    pub fn batches_of(&self, replica: &str) -> Vec<(u32, &Entry)> {
        let mut out: Vec<(u32, &Entry)> = self
            .files
            .iter()
            .filter(|e| e.mode == "100644")
            .filter_map(|e| match layout::parse_batch(&e.path) {
                Some((r, n)) if r == replica => Some((n, e)),
                _ => None,
            })
            .collect();
        out.sort_by_key(|(n, _)| *n);
        out
    }

    /// Every other replica's batch.
    pub fn foreign_batches(&self, me: &str) -> Vec<&Entry> {
        self.files
            .iter()
            .filter(|e| e.mode == "100644")
            .filter(|e| layout::parse_batch(&e.path).is_some_and(|(r, _)| r != me))
            .collect()
    }
}

/// The contents of one blob.
pub fn blob(git: &Git, entry: &Entry) -> Result<Vec<u8>, SyncError> {
    git.blobs(&[entry.oid.as_str()], MAX_FILE)?
        .pop()
        .flatten()
        .ok_or_else(|| SyncError::BadFile(entry.path.clone()))
}

/// The team file, if the repository has one.
pub fn team(git: &Git, view: &View) -> Result<Option<TeamFile>, SyncError> {
    let Some(entry) = view.find(TEAM_FILE) else {
        return Ok(None);
    };
    let bytes = blob(git, entry)?;
    let file: TeamFile =
        serde_json::from_slice(&bytes).map_err(|_| SyncError::BadFile(TEAM_FILE.into()))?;
    if file.format > FORMAT {
        return Err(SyncError::Newer(TEAM_FILE.into()));
    }
    Ok(Some(file))
}

/// Files that opened, with what they hold, and the paths of those that did not.
pub type Opened<T> = (Vec<(Entry, T)>, Vec<String>);

/// Opens and parses sealed JSON files; those that do not open or parse are
/// returned apart, by path.
pub fn sealed<T: serde::de::DeserializeOwned>(
    git: &Git,
    key: &Key,
    entries: &[&Entry],
) -> Result<Opened<T>, SyncError> {
    let oids: Vec<&str> = entries.iter().map(|e| e.oid.as_str()).collect();
    let blobs = git.blobs(&oids, MAX_FILE)?;
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (entry, bytes) in entries.iter().zip(blobs) {
        let parsed = bytes
            .and_then(|b| team_key::open(key, b, &entry.path).ok())
            .and_then(|plain| serde_json::from_slice::<T>(&plain).ok());
        match parsed {
            Some(v) => good.push(((*entry).clone(), v)),
            None => bad.push(entry.path.clone()),
        }
    }
    Ok((good, bad))
}

/// Every replica file that opens and names the replica of its path.
pub fn replicas(git: &Git, key: &Key, view: &View) -> Result<Vec<ReplicaFile>, SyncError> {
    let entries: Vec<&Entry> = view.under("replicas", ".json").collect();
    let (good, _) = sealed::<ReplicaFile>(git, key, &entries)?;
    Ok(good
        .into_iter()
        .filter(|(e, r)| e.path == layout::replica_path(&r.replica))
        .map(|(_, r)| r)
        .collect())
}

/// The highest `seq` in a batch of this replica's (0 if it holds none).
pub fn last_seq(git: &Git, key: &Key, entry: &Entry) -> Result<u64, SyncError> {
    let (good, bad) = sealed::<Batch>(git, key, &[entry])?;
    if let Some(path) = bad.into_iter().next() {
        return Err(SyncError::BadFile(path));
    }
    Ok(good
        .into_iter()
        .flat_map(|(_, b)| b.ops)
        .map(|o| o.seq)
        .max()
        .unwrap_or(0))
}

/// The retirement records.
pub fn retirements(
    git: &Git,
    key: &Key,
    entries: &[&Entry],
) -> Result<Vec<(Entry, Retirement)>, SyncError> {
    Ok(sealed::<Retirement>(git, key, entries)?.0)
}

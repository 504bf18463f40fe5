//! Driving the `git` program on the local clone of the team's repository.
//!
//! The clone is bare and never has a work tree: commits are built with
//! git's plumbing (a blob per new file, a private index, `write-tree`,
//! `commit-tree`) on top of the remote's branch and pushed as a fast
//! forward. So there is no merge or rebase that could be left half done,
//! and no checked-out file a hostile repository could make a link of; a
//! kill at any point leaves at most stale lock files, which
//! [`Git::repair`] removes under the sync lock.
//!
//! git reads none of the user's or the system's configuration (an alias,
//! a hook path, `pull.rebase` or a signing setting would change what it
//! does), and names every commit `liaison <liaison@localhost>`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::SyncError;

/// The branch every replica pushes to.
pub const BRANCH: &str = "refs/heads/main";
/// Where the remote's branch is kept in the clone.
pub const REMOTE_REF: &str = "refs/remotes/origin/main";

/// One file of a commit's tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub mode: String,
    pub oid: String,
    pub path: String,
}

/// The local clone.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    /// The private index commits are built in.
    index: PathBuf,
}

impl Git {
    pub fn new(dir: PathBuf, index: PathBuf) -> Git {
        Git { dir, index }
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("git");
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("GIT_") {
                cmd.env_remove(k);
            }
        }
        cmd.env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_AUTHOR_NAME", "liaison")
            .env("GIT_AUTHOR_EMAIL", "liaison@localhost")
            .env("GIT_COMMITTER_NAME", "liaison")
            .env("GIT_COMMITTER_EMAIL", "liaison@localhost")
            .env("LC_ALL", "C")
            .env("GIT_INDEX_FILE", &self.index);
        for setting in [
            "user.name=liaison",
            "user.email=liaison@localhost",
            "core.hooksPath=/dev/null",
            "commit.gpgSign=false",
            "core.fsync=all",
            "core.symlinks=false",
            "gc.auto=0",
            "init.defaultBranch=main",
        ] {
            cmd.arg("-c").arg(setting);
        }
        cmd.arg("--git-dir").arg(&self.dir);
        cmd.stdin(Stdio::null());
        cmd
    }

    /// Runs git with `args` (and `input` on its stdin); its stdout.
    fn run(&self, args: &[&str], input: Option<&[u8]>) -> Result<Vec<u8>, SyncError> {
        let mut cmd = self.command();
        cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
        if input.is_some() {
            cmd.stdin(Stdio::piped());
        }
        let mut child = cmd.spawn().map_err(|e| SyncError::NoGit(e.to_string()))?;
        if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
            stdin
                .write_all(bytes)
                .map_err(|e| SyncError::Git(args.join(" "), e.to_string()))?;
        }
        let out = child
            .wait_with_output()
            .map_err(|e| SyncError::Git(args.join(" "), e.to_string()))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            let line = err.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
            return Err(SyncError::Git(args[0].to_string(), line.trim().to_string()));
        }
        Ok(out.stdout)
    }

    fn text(&self, args: &[&str], input: Option<&[u8]>) -> Result<String, SyncError> {
        let out = self.run(args, input)?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// Makes the clone if it is not there.
    pub fn ensure(&self) -> Result<(), SyncError> {
        if self.dir.join("HEAD").exists() {
            return Ok(());
        }
        self.run(&["init", "--quiet", "--bare"], None)?;
        Ok(())
    }

    /// Removes what a killed git left behind: lock files (no git of ours
    /// runs now: the caller holds the sync lock, which every git it starts
    /// holds too) and unfinished packs.
    pub fn repair(&self) {
        fn walk(dir: &Path) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for e in entries.flatten() {
                let Ok(ft) = e.file_type() else { continue };
                let name = e.file_name().to_string_lossy().to_string();
                if ft.is_dir() {
                    walk(&e.path());
                } else if name.ends_with(".lock") || name.starts_with("tmp_pack_") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        walk(&self.dir);
        let mut lock = self.index.clone().into_os_string();
        lock.push(".lock");
        let _ = std::fs::remove_file(lock);
    }

    /// Fetches the remote's branch; the commit it is at (none while the
    /// repository is empty).
    pub fn fetch(&self, remote: &str) -> Result<Option<String>, SyncError> {
        let spec = format!("+{BRANCH}:{REMOTE_REF}");
        match self.run(&["fetch", "--quiet", "--no-tags", remote, &spec], None) {
            Ok(_) => {}
            // An empty repository has no branch yet.
            Err(SyncError::Git(_, line)) if line.contains("couldn't find remote ref") => {
                return Ok(None);
            }
            Err(SyncError::Git(_, line)) => return Err(SyncError::Unreachable(line)),
            Err(e) => return Err(e),
        }
        self.head()
    }

    /// The remote's branch as last fetched.
    pub fn head(&self) -> Result<Option<String>, SyncError> {
        match self.text(&["rev-parse", "--verify", "--quiet", REMOTE_REF], None) {
            Ok(oid) if !oid.is_empty() => Ok(Some(oid)),
            _ => Ok(None),
        }
    }

    /// Every file of `commit`'s tree.
    pub fn files(&self, commit: &str) -> Result<Vec<Entry>, SyncError> {
        let out = self.run(&["ls-tree", "-r", "-z", "--full-tree", commit], None)?;
        let mut entries = Vec::new();
        for rec in out.split(|b| *b == 0).filter(|r| !r.is_empty()) {
            let rec = String::from_utf8_lossy(rec);
            let Some((meta, path)) = rec.split_once('\t') else {
                continue;
            };
            let mut parts = meta.split(' ');
            let (Some(mode), Some(_kind), Some(oid)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            entries.push(Entry {
                mode: mode.to_string(),
                oid: oid.to_string(),
                path: path.to_string(),
            });
        }
        Ok(entries)
    }

    /// The contents of blobs, in the order asked, each at most `limit` bytes
    /// (a larger one is `None`).
    pub fn blobs(&self, oids: &[&str], limit: u64) -> Result<Vec<Option<Vec<u8>>>, SyncError> {
        if oids.is_empty() {
            return Ok(Vec::new());
        }
        let mut input = oids.join("\n");
        input.push('\n');
        let out = self.run(&["cat-file", "--batch"], Some(input.as_bytes()))?;
        let mut reader = std::io::Cursor::new(out);
        let mut blobs = Vec::with_capacity(oids.len());
        for oid in oids {
            let mut header = Vec::new();
            let mut byte = [0u8; 1];
            while reader.read(&mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
                header.push(byte[0]);
            }
            let header = String::from_utf8_lossy(&header).to_string();
            let mut parts = header.split(' ');
            let (Some(_), Some(kind), Some(size)) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(SyncError::Git(
                    "cat-file".into(),
                    format!("{oid}: {header}"),
                ));
            };
            let size: u64 = size.parse().unwrap_or(0);
            let mut body = vec![0u8; size as usize];
            reader
                .read_exact(&mut body)
                .map_err(|e| SyncError::Git("cat-file".into(), e.to_string()))?;
            let mut nl = [0u8; 1];
            let _ = reader.read(&mut nl);
            blobs.push((kind == "blob" && size <= limit).then_some(body));
        }
        Ok(blobs)
    }

    /// Stores `bytes` as a blob; its id.
    pub fn write_blob(&self, bytes: &[u8]) -> Result<String, SyncError> {
        self.text(&["hash-object", "-w", "--stdin"], Some(bytes))
    }

    /// A commit on `parent` (none: the first) whose tree is the parent's
    /// with `files` (path, blob) added or replaced.
    pub fn commit(
        &self,
        parent: Option<&str>,
        files: &[(String, String)],
    ) -> Result<String, SyncError> {
        match parent {
            Some(p) => self.run(&["read-tree", p], None)?,
            None => self.run(&["read-tree", "--empty"], None)?,
        };
        let mut list = String::new();
        for (path, oid) in files {
            list.push_str(&format!("100644 {oid}\t{path}\n"));
        }
        self.run(
            &["update-index", "--add", "--index-info"],
            Some(list.as_bytes()),
        )?;
        let tree = self.text(&["write-tree"], None)?;
        let mut args = vec!["commit-tree", tree.as_str(), "-m", "sync"];
        if let Some(p) = parent {
            args.extend(["-p", p]);
        }
        self.text(&args, None)
    }

    /// Pushes `commit` as the remote's branch (a fast forward only). False
    /// if the remote moved meanwhile (or refused for the moment).
    pub fn push(&self, remote: &str, commit: &str) -> Result<bool, SyncError> {
        let spec = format!("{commit}:{BRANCH}");
        match self.run(&["push", "--quiet", "--no-verify", remote, &spec], None) {
            Ok(_) => {
                let _ = self.run(&["update-ref", REMOTE_REF, commit], None);
                Ok(true)
            }
            Err(SyncError::Git(_, _)) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// The remote as git should be given it: a local path made absolute.
pub fn remote_url(remote: &str) -> String {
    let looks_like_url = remote.contains("://") || {
        // scp-like `host:path`, but not a path with a colon after a slash
        remote
            .split_once(':')
            .is_some_and(|(host, _)| !host.contains('/') && !host.is_empty())
    };
    if looks_like_url {
        return remote.to_string();
    }
    let path = Path::new(remote);
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    abs.canonicalize()
        .unwrap_or(abs)
        .to_string_lossy()
        .to_string()
}

/// For a remote on a local path (a USB drive): a stale lock on its branch
/// that a pulled drive left, older than a minute, is removed so the next
/// push can go through. Nothing is touched on a server.
pub fn clear_stale_remote_lock(remote: &str) {
    let path = Path::new(remote);
    if !path.is_absolute() {
        return;
    }
    let lock = path.join("refs/heads/main.lock");
    let stale = std::fs::symlink_metadata(&lock)
        .ok()
        .filter(|m| m.is_file())
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() > 60);
    if stale {
        let _ = std::fs::remove_file(lock);
    }
}

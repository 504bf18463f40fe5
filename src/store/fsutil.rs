//! Small file-system primitives: atomic replace, private permissions, and
//! the checks that keep a hostile data directory from steering us.
//!
//! Every file of the data directory is opened through these functions. None
//! follows a symbolic link at the last step of a path (`O_NOFOLLOW`), none
//! blocks on a FIFO (`O_NONBLOCK`, then `fstat`), and each refuses what is not
//! a regular file (or, for directories, a real directory) owned by the user
//! running us. Since the data directory itself must be ours and closed to
//! others, nobody else can put a link or a file into it after the check.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use rustix::fs::OFlags;

/// Prefix of the temporary files a save writes before renaming them into place.
pub const TEMP_PREFIX: &str = ".tmp-";

/// The environment variable that raises (or lowers) [`state_limit`], in MiB.
pub const MAX_STATE_ENV: &str = "LIAISON_MAX_STATE_MB";
/// The largest data file read by default, in MiB. Measured: 100,000 items
/// (far past any inspection) make an 80 MB `state.json`, 1,000 a 0.8 MB
/// one; 256 MiB is three times the largest store we have seen work, and
/// small enough that a hostile file cannot make us swallow the machine.
pub const MAX_STATE_MB: u64 = 256;

/// The most bytes read from one data file: [`MAX_STATE_MB`] MiB, or what
/// [`MAX_STATE_ENV`] says.
pub fn state_limit() -> u64 {
    std::env::var(MAX_STATE_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(MAX_STATE_MB)
        .saturating_mul(1 << 20)
}

/// The effective user id of this process.
fn me() -> u32 {
    rustix::process::geteuid().as_raw()
}

fn file_kind(t: fs::FileType) -> FileKind {
    if t.is_dir() {
        FileKind::Directory
    } else if t.is_fifo() {
        FileKind::Fifo
    } else if t.is_char_device() || t.is_block_device() {
        FileKind::Device
    } else if t.is_socket() {
        FileKind::Socket
    } else if t.is_symlink() {
        FileKind::Symlink
    } else {
        FileKind::Special
    }
}

/// Opens `path` without following a link and without blocking, refusing
/// a link (ELOOP) by name.
fn open_nofollow(path: &Path, opts: &mut OpenOptions, extra: OFlags) -> io::Result<File> {
    let flags = OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC | extra;
    match opts.custom_flags(flags.bits() as i32).open(path) {
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => {
            Err(Hostile::Symlink(path.to_path_buf()).into_io())
        }
        Err(e)
            if e.raw_os_error() == Some(rustix::io::Errno::NOTDIR.raw_os_error())
                && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) =>
        {
            Err(Hostile::Symlink(path.to_path_buf()).into_io())
        }
        other => other,
    }
}

/// Checks an open file is what we expect (a regular file, or a directory
/// when `dir`), owned by us, and no more open than `mode` (tightened if it
/// is, with a warning; refused if it stays writable by others).
fn check_open(file: &File, path: &Path, dir: bool, mode: u32) -> io::Result<Option<Tightened>> {
    let meta = file.metadata()?;
    let t = meta.file_type();
    if dir && !t.is_dir() {
        return Err(Hostile::NotDirectory(path.to_path_buf()).into_io());
    }
    if !dir && !t.is_file() {
        return Err(Hostile::NotRegular {
            path: path.to_path_buf(),
            what: file_kind(t),
        }
        .into_io());
    }
    let me = me();
    if meta.uid() != me {
        return Err(Hostile::NotOwned {
            path: path.to_path_buf(),
            owner: meta.uid(),
            me,
        }
        .into_io());
    }
    let current = meta.mode() & 0o777;
    if current & !mode == 0 {
        return Ok(None);
    }
    // fchmod on the handle: what we checked is what we change.
    file.set_permissions(fs::Permissions::from_mode(mode))?;
    if file.metadata()?.mode() & 0o022 != 0 {
        return Err(Hostile::Writable(path.to_path_buf()).into_io());
    }
    Ok(Some(Tightened {
        path: path.to_path_buf(),
        was: current,
        now: mode,
    }))
}

/// Writes `bytes` to `target` atomically: a private temp file in the same
/// directory, written and fsynced, renamed over `target`, then the directory
/// fsynced. On any failure the old `target` is untouched and the temp file is
/// removed; no handle is fsynced a second time after a failure. A `target`
/// that is a link, a special file or another user's file is refused, not
/// replaced.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    // A bare file name has an empty parent, which cannot be opened to fsync.
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match fs::symlink_metadata(target) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(Hostile::Symlink(target.to_path_buf()).into_io());
        }
        Ok(m) if !m.file_type().is_file() => {
            return Err(Hostile::NotRegular {
                path: target.to_path_buf(),
                what: file_kind(m.file_type()),
            }
            .into_io());
        }
        Ok(m) if m.uid() != me() => {
            return Err(Hostile::NotOwned {
                path: target.to_path_buf(),
                owner: m.uid(),
                me: me(),
            }
            .into_io());
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Makes a rename in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    open_dir(dir)?.sync_all()
}

/// Opens a directory without following a link.
fn open_dir(dir: &Path) -> io::Result<File> {
    open_nofollow(dir, OpenOptions::new().read(true), OFlags::DIRECTORY)
}

/// Creates `dir` (and parents) private to the user; tightens it if it exists
/// with looser permissions. Returns a warning when it had to tighten. A
/// `dir` that is a link, not a directory, or another user's is refused, as
/// is one that stays writable by others.
pub fn ensure_private_dir(dir: &Path) -> io::Result<Option<Tightened>> {
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?;
            // `mode` is filtered by the umask only towards tighter, but
            // parents created on the way keep the default; the leaf is what
            // holds data, and is checked like an old one.
            check_open(&open_dir(dir)?, dir, true, 0o700)?;
            Ok(None)
        }
        Err(e) => Err(e),
        Ok(m) if m.file_type().is_symlink() => Err(Hostile::Symlink(dir.to_path_buf()).into_io()),
        Ok(m) if !m.is_dir() => Err(Hostile::NotDirectory(dir.to_path_buf()).into_io()),
        Ok(_) => check_open(&open_dir(dir)?, dir, true, 0o700),
    }
}

/// Sets `path` (a file or a directory) to `mode` if it grants more than
/// that; says so. Refuses a link, a special file, and another user's file.
pub fn tighten(path: &Path, mode: u32) -> io::Result<Option<Tightened>> {
    let meta = fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return Err(Hostile::Symlink(path.to_path_buf()).into_io());
    }
    let dir = meta.is_dir();
    let file = if dir {
        open_dir(path)?
    } else {
        open_nofollow(path, OpenOptions::new().read(true), OFlags::empty())?
    };
    check_open(&file, path, dir, mode)
}

/// [`tighten`] to 0600 if `path` exists; nothing if it does not.
pub fn secure_if_exists(path: &Path) -> io::Result<Option<Tightened>> {
    match tighten(path, 0o600) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        other => other,
    }
}

/// Opens (creating if needed) a private file for reading and writing.
pub fn open_private(path: &Path) -> io::Result<File> {
    let file = open_nofollow(
        path,
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600),
        OFlags::empty(),
    )?;
    check_open(&file, path, false, 0o600)?;
    Ok(file)
}

/// Opens one of our files for reading: no link followed, no FIFO waited
/// on, a regular file of ours, and at most `limit` bytes long if given.
pub fn open_read(path: &Path, limit: Option<u64>) -> io::Result<File> {
    let file = open_nofollow(path, OpenOptions::new().read(true), OFlags::empty())?;
    check_open(&file, path, false, 0o600)?;
    if let Some(limit) = limit {
        let size = file.metadata()?.len();
        if size > limit {
            return Err(Hostile::TooLarge {
                path: path.to_path_buf(),
                size,
                limit,
            }
            .into_io());
        }
    }
    Ok(file)
}

/// The whole of one of our files, checked as [`open_read`] does; at most
/// `limit` bytes are read even if the file grows meanwhile.
pub fn read(path: &Path, limit: Option<u64>) -> io::Result<Vec<u8>> {
    let file = open_read(path, limit)?;
    let len = file.metadata()?.len();
    read_all(file, len, limit, path)
}

/// Reads `file` to its end (it was `len` long when checked) into a buffer
/// sized once, refusing it if it grew past `limit`.
pub fn read_all(file: File, len: u64, limit: Option<u64>, path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(len as usize);
    let cap = limit.map_or(u64::MAX, |l| l.saturating_add(1));
    file.take(cap).read_to_end(&mut bytes)?;
    if let Some(limit) = limit
        && bytes.len() as u64 > limit
    {
        return Err(Hostile::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        }
        .into_io());
    }
    Ok(bytes)
}

/// Whether `dir` is a real directory of ours (not a link): the check made
/// before listing it or removing anything from it.
pub fn is_own_dir(dir: &Path) -> bool {
    fs::symlink_metadata(dir)
        .is_ok_and(|m| m.file_type().is_dir() && m.uid() == me() && m.mode() & 0o022 == 0)
}

/// Reads a whole file of the data directory with its metadata (taken from
/// the same open file, so they agree); `None` if it does not exist.
pub fn read_with_meta(path: &Path) -> io::Result<Option<(Vec<u8>, fs::Metadata)>> {
    read_with_meta_within(path, None)
}

/// [`read_with_meta`], refusing a file longer than `limit` bytes.
pub fn read_with_meta_within(
    path: &Path,
    limit: Option<u64>,
) -> io::Result<Option<(Vec<u8>, fs::Metadata)>> {
    let file = match open_read(path, limit) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    let bytes = read_all(file, meta.len(), limit, path)?;
    Ok(Some((bytes, meta)))
}

/// Reads a file from byte `offset` on (the new end of an append-only file).
pub fn read_from(path: &Path, offset: u64) -> io::Result<(Vec<u8>, fs::Metadata)> {
    use std::io::{Seek, SeekFrom};
    let mut file = open_read(path, None)?;
    let meta = file.metadata()?;
    file.seek(SeekFrom::Start(offset))?;
    let mut bytes = Vec::with_capacity(meta.len().saturating_sub(offset) as usize);
    file.read_to_end(&mut bytes)?;
    Ok((bytes, meta))
}

/// Appends `bytes` to an existing private file and makes them durable
/// (`sync_data`) before returning. If `keep` is given, the file is first cut
/// back to that length (a torn tail left by a crash). Returns the new length.
///
/// If the write or the sync fails, the file is cut back to where the append
/// began: a change reported as failed must not turn up at the next read (a
/// retry would record it twice).
pub fn append_durable(path: &Path, bytes: &[u8], keep: Option<u64>) -> io::Result<u64> {
    let file = open_nofollow(
        path,
        OpenOptions::new().read(true).append(true),
        OFlags::empty(),
    )?;
    check_open(&file, path, false, 0o600)?;
    let start = match keep {
        Some(len) => {
            file.set_len(len)?;
            len
        }
        None => file.metadata()?.len(),
    };
    if let Err(e) = (&file).write_all(bytes).and_then(|()| file.sync_data()) {
        let _ = file.set_len(start).and_then(|()| file.sync_data());
        return Err(e);
    }
    Ok(file.metadata()?.len())
}

mod refusal;
#[cfg(test)]
mod tests;

pub use refusal::{FileKind, Hostile, Tightened};

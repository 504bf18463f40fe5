//! Small file-system primitives: atomic replace, private permissions.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Prefix of the temporary files a save writes before renaming them into place.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Writes `bytes` to `target` atomically: a private temp file in the same
/// directory, written and fsynced, renamed over `target`, then the directory
/// fsynced. On any failure the old `target` is untouched and the temp file is
/// removed; no handle is fsynced a second time after a failure.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    // A bare file name has an empty parent, which cannot be opened to fsync.
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
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
    File::open(dir)?.sync_all()
}

/// Creates `dir` (and parents) private to the user; tightens it if it exists
/// with looser permissions. Returns a warning when it had to tighten.
pub fn ensure_private_dir(dir: &Path) -> io::Result<Option<String>> {
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        // `mode` is filtered by the umask only towards tighter, but parents
        // created on the way keep the default; the leaf is what holds data.
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        return Ok(None);
    }
    tighten(dir, 0o700)
}

/// Sets `path` to `mode` if it grants more than that; says so.
pub fn tighten(path: &Path, mode: u32) -> io::Result<Option<String>> {
    let current = fs::metadata(path)?.permissions().mode() & 0o777;
    if current & !mode == 0 {
        return Ok(None);
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    Ok(Some(format!(
        "{} was readable by others ({current:o}); set to {mode:o}",
        path.display()
    )))
}

/// Opens (creating if needed) a private file for reading and writing.
pub fn open_private(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
}

/// Reads a whole file of the data directory with its metadata (taken from
/// the same open file, so they agree); `None` if it does not exist.
pub fn read_with_meta(path: &Path) -> io::Result<Option<(Vec<u8>, fs::Metadata)>> {
    use std::io::Read;
    let mut file = match OpenOptions::new().read(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    Ok(Some((bytes, meta)))
}

/// Reads a file from byte `offset` on (the new end of an append-only file).
pub fn read_from(path: &Path, offset: u64) -> io::Result<(Vec<u8>, fs::Metadata)> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = OpenOptions::new().read(true).open(path)?;
    let meta = file.metadata()?;
    file.seek(SeekFrom::Start(offset))?;
    let mut bytes = Vec::with_capacity(meta.len().saturating_sub(offset) as usize);
    file.read_to_end(&mut bytes)?;
    Ok((bytes, meta))
}

/// Appends `bytes` to an existing private file and makes them durable
/// (`sync_data`) before returning. If `keep` is given, the file is first cut
/// back to that length (a torn tail left by a crash). Returns the new length.
pub fn append_durable(path: &Path, bytes: &[u8], keep: Option<u64>) -> io::Result<u64> {
    let file = OpenOptions::new().read(true).append(true).open(path)?;
    if let Some(len) = keep {
        file.set_len(len)?;
    }
    (&file).write_all(bytes)?;
    file.sync_data()?;
    Ok(file.metadata()?.len())
}

//! What the checks of the data directory refuse, and what they tighten.

use std::io;
use std::path::PathBuf;

/// Why a path in the data directory was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Hostile {
    #[error("{0} is a symbolic link; liaison does not follow links in its data directory")]
    Symlink(PathBuf),
    #[error("{path} is a {what}, not a regular file")]
    NotRegular { path: PathBuf, what: FileKind },
    #[error("{path} belongs to user {owner}, not to the user running liaison ({me})")]
    NotOwned { path: PathBuf, owner: u32, me: u32 },
    #[error("{0} is not a directory")]
    NotDirectory(PathBuf),
    #[error("{0} stays writable by other users after tightening its permissions")]
    Writable(PathBuf),
    #[error("{path} is {size} bytes, more than the {limit} bytes liaison reads")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
}

impl Hostile {
    pub(super) fn into_io(self) -> io::Error {
        io::Error::other(self)
    }

    /// The refusal inside an I/O error, if that is what it carries.
    pub fn from_io(e: &io::Error) -> Option<&Hostile> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<Hostile>())
    }
}

/// What a path that should be a regular file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Device,
    Socket,
    Symlink,
    Special,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileKind::Directory => "directory",
            FileKind::Fifo => "FIFO",
            FileKind::Device => "device",
            FileKind::Socket => "socket",
            FileKind::Symlink => "symbolic link",
            FileKind::Special => "special file",
        })
    }
}

/// A file or directory whose permissions were tightened on opening: it was
/// open to others (`was`), and is now `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tightened {
    pub path: PathBuf,
    pub was: u32,
    pub now: u32,
}

impl std::fmt::Display for Tightened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} was open to others ({:o}); set to {:o}",
            self.path.display(),
            self.was,
            self.now
        )
    }
}

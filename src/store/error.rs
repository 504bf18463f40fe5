//! What can go wrong with the data directory, said so a person knows what to do.

use std::path::PathBuf;

use thiserror::Error;

pub use super::envelope::Damage;
pub use super::fsutil::Hostile;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{action} {path}: {source}")]
    Io {
        action: IoAction,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "cannot read {path}: {message} at line {line} column {column}. The file was left untouched; \
         see `liaison backups` and `liaison restore NAME` to go back to a saved copy"
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path} was written by a newer liaison (format version {found}; this one reads up to {supported}). \
         It was left untouched; open it with the newer liaison"
    )]
    Newer {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("the data in {dir} is locked by another liaison process; try again in a moment")]
    Busy { dir: PathBuf },
    #[error("no backup named '{0}' (see `liaison backups`)")]
    NoBackup(String),
    #[error("cannot find a data directory for this user; pass --data-dir DIR")]
    NoDataDir,
    #[error(
        "{path} was encrypted by a newer liaison (envelope version {found}; this one reads up to {supported}). \
         It was left untouched; open it with the newer liaison"
    )]
    NewerEnvelope {
        path: PathBuf,
        found: u16,
        supported: u16,
    },
    #[error("the data in {dir} is encrypted; a passphrase is needed to read it")]
    Encrypted { dir: PathBuf },
    #[error("wrong passphrase for the data in {dir}; nothing was changed")]
    WrongPassphrase { dir: PathBuf },
    #[error("{path} was encrypted with another passphrase; it was left untouched")]
    OtherKey { path: PathBuf },
    #[error(
        "cannot read {path}: the encrypted file is {what}. The file was left untouched; \
         see `liaison backups` and `liaison restore NAME` to go back to a saved copy"
    )]
    Damaged { path: PathBuf, what: Damage },
    #[error(
        "{path} is plain text while encryption is on; it was left untouched. \
         Run `liaison encrypt` again to encrypt it"
    )]
    Plaintext { path: PathBuf },
    #[error("a liaison dashboard is open on {dir}; close it first")]
    InUse { dir: PathBuf },
    #[error(
        "a passphrase was given but the data in {dir} is not encrypted: nothing was written in plain text"
    )]
    NotEncrypted { dir: PathBuf },
    #[error(
        "the data in {dir} is marked as encrypted ({mark}) but no encrypted file can be read; nothing was read or changed"
    )]
    MarkedEncrypted { dir: PathBuf, mark: PathBuf },
    /// A link, a special file, another user's file, or one too large: refused
    /// before anything was read or changed.
    #[error("{0}; nothing was read or changed")]
    Hostile(Hostile),
    #[error(
        "{path}, line {line}: {what}. The file was left untouched; run `liaison verify`, \
         and see `liaison backups` and `liaison restore NAME` to go back to a saved copy"
    )]
    Tampered {
        path: PathBuf,
        line: usize,
        what: Tamper,
    },
    /// Sync between replicas refused something; nothing was changed.
    #[error(transparent)]
    Team(#[from] super::team::TeamError),
}

/// What verification found wrong with the journal or the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tamper {
    /// The line is not an operation at all.
    Unreadable,
    /// The line's content does not match its hash (or seal).
    Altered,
    /// The operation does not follow the one before it: lines were removed,
    /// added or swapped.
    BrokenLink,
    /// Operation numbers out of order.
    OutOfOrder,
    /// The journal does not begin with its snapshot mark.
    NoMark,
    /// `state.json` is not the snapshot the journal continues.
    SnapshotChanged,
    /// The journal exists but `state.json` does not.
    SnapshotMissing,
    /// Operations were recorded but the journal is gone.
    JournalMissing,
    /// Fewer operations than were recorded: the end was cut.
    CutShort { recorded: u64, found: u64 },
    /// The operation recorded last is not the one found in its place.
    HeadChanged { seq: u64 },
    /// Plain text in the journal of encrypted data.
    Plain,
    /// An operation that cannot be applied to the state before it.
    Inapplicable(String),
}

impl std::fmt::Display for Tamper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tamper::Unreadable => f.write_str("not a journal operation"),
            Tamper::Altered => f.write_str("changed after it was recorded"),
            Tamper::BrokenLink => f.write_str(
                "does not follow the operation before it (operations removed, added or reordered)",
            ),
            Tamper::OutOfOrder => f.write_str("operation numbers out of order"),
            Tamper::NoMark => f.write_str("the journal does not begin with its snapshot mark"),
            Tamper::SnapshotChanged => f.write_str(
                "state.json is not the snapshot this journal continues (changed or replaced)",
            ),
            Tamper::SnapshotMissing => f.write_str("state.json is missing"),
            Tamper::JournalMissing => {
                f.write_str("the journal is missing, but operations were recorded")
            }
            Tamper::CutShort { recorded, found } => write!(
                f,
                "the journal ends at operation {found}, but {recorded} were recorded: its end was cut"
            ),
            Tamper::HeadChanged { seq } => write!(f, "operation {seq} is not the one recorded"),
            Tamper::Plain => f.write_str("plain text while encryption is on"),
            Tamper::Inapplicable(why) => write!(f, "cannot be applied: {why}"),
        }
    }
}

/// What the store was doing when the file system said no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    Create,
    Open,
    Read,
    Save,
    Lock,
    Secure,
    WriteBackup,
}

impl std::fmt::Display for IoAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IoAction::Create => "cannot create",
            IoAction::Open => "cannot open",
            IoAction::Read => "cannot read",
            IoAction::Save => "cannot save",
            IoAction::Lock => "cannot lock",
            IoAction::Secure => "cannot secure",
            IoAction::WriteBackup => "cannot write backup",
        })
    }
}

impl StoreError {
    pub(crate) fn io(
        action: IoAction,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| match Hostile::from_io(&source) {
            Some(refusal) => StoreError::Hostile(refusal.clone()),
            None => StoreError::Io {
                action,
                path,
                source,
            },
        }
    }
}

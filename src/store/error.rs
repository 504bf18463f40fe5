//! What can go wrong with the data directory, said so a person knows what to do.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
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
}

impl StoreError {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io {
            action,
            path,
            source,
        }
    }
}

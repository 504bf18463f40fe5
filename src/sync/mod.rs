//! Team sync through a git repository (a bare repository on a USB drive,
//! or a LAN server): the team key, the signatures, the repository's layout
//! and the steps of `liaison sync init`, `sync`, `sync status` and
//! `sync retire`. The merge itself is the store's (`Store::take_in`).

mod git;
pub mod layout;
pub mod local;
mod repo;
mod retire;
mod run;
pub mod sign;
mod take;
pub mod team_key;
mod trust;

pub use local::Local;
pub use retire::retire;
pub use run::{Ask, InitReport, Report, init, pending, sync, team_of};
pub use trust::{Check, check, check_stored};

use crate::store::StoreError;

/// Why sync could not go on.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("git cannot be run: {0}")]
    NoGit(String),
    #[error("git {0} failed: {1}")]
    Git(String, String),
    #[error("the team's repository cannot be reached: {0}")]
    Unreachable(String),
    #[error("sync is not set up for this data directory: run `liaison sync init REMOTE`")]
    NotSetUp,
    #[error("sync is already set up with {0}")]
    AlreadySetUp(String),
    #[error("wrong team passphrase; nothing was changed")]
    WrongPassphrase,
    #[error("{0} in the team's repository cannot be read")]
    BadFile(String),
    #[error("{0} is of a newer liaison; update liaison")]
    Newer(String),
    #[error("{0} was sealed with another team key")]
    OtherTeam(String),
    #[error("the repository's team.json is not the one this replica joined; nothing was changed")]
    TeamChanged,
    #[error("{0} is not a team repository of liaison (it has no team.json)")]
    NotATeam(String),
    #[error("this data directory holds items: it cannot join a team that has a founder")]
    HasItems,
    #[error("another sync is running on this data directory")]
    Busy,
    #[error("the repository kept changing; try again")]
    Raced,
    #[error("no replica {0} in the team")]
    UnknownReplica(String),
    #[error("a replica cannot retire itself")]
    RetireSelf,
    /// A line already said in the user's language (a passphrase refused).
    #[error("{0}")]
    Said(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

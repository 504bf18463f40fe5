//! English: the texts of team sync.

use crate::i18n::git_texts::G;

/// `key` in English.
pub fn text(key: G) -> &'static str {
    match key {
        G::TeamPassPrompt => "Team passphrase: ",
        G::TeamPassNew => "New team passphrase (for everyone who syncs with this repository): ",
        G::TeamPassRepeat => "Repeat the team passphrase: ",
        G::TeamPassRetry => "Wrong team passphrase, try again.",
        G::ErrTeamPassMismatch => "the two team passphrases differ; nothing was changed",
        G::ErrTeamPassShort => {
            "a team passphrase needs at least {} characters; nothing was changed"
        }
        G::ErrTeamPassNoTerminal => {
            "the team passphrase is needed and there is no terminal to ask on: give --team-passphrase-file FILE or set LIAISON_TEAM_PASSPHRASE_FILE"
        }
        G::ErrTeamPassCancelled => "no team passphrase given; nothing was changed",
        G::Founded => {
            "Set up a new team in {} (this replica {}, id block 0). Others join with: liaison sync init {}"
        }
        G::Joined => {
            "Joined the team in {} (this replica {}, ids from {}). Run liaison sync to bring in the register."
        }
        G::AlreadyJoined => "Sync is already set up with {} (this replica {}).",
        G::Synced => "Synced: {} of this replica's changes sent, {} from others taken in.",
        G::SyncedItems => "Changed by others: {}",
        G::SyncedConflicts => "Conflicts to resolve: {} (see liaison show ID)",
        G::Refused => "refused an operation of replica {} (number {}): {}",
        G::WhyUnknown => "the replica is not known to the team",
        G::WhyBadSignature => "its signature is not that replica's (forged)",
        G::WhyRetired => "the replica was retired before it",
        G::WhyOwn => "it claims to be this replica's own",
        G::KeyChanged => "replica {} published another key; its first one is still the one trusted",
        G::Unreadable => {
            "{} in the team's repository cannot be opened with the team key; it was skipped"
        }
        G::StatusRemote => "Repository: {}",
        G::StatusReplica => "This replica: {} (id block {})",
        G::StatusLast => "Last sync: {}",
        G::StatusNever => "never",
        G::StatusArrival => "Others' changes last arrived: {} ({} changes)",
        G::StatusPending => "Not yet sent: {} changes",
        G::StatusMember => "Replica {}: {}",
        G::StatusNoName => "(no name)",
        G::StatusRetired => "retired",
        G::StatusCalendar => {
            "Meetings calendar (meetings.ics, plain text) written to the repository: {}"
        }
        G::Yes => "yes",
        G::No => "no",
        G::Retired => "Retired replica {}: its operations after number {} are refused from now on.",
        G::TeamKeyKept => "The team key is kept for {} minutes in this login session.",
        G::TeamKeyForgotten => "The team key was forgotten.",
        G::TeamKeyNoneKept => "No team key was kept.",
        G::VerifyForged => "replica {}'s operation number {} does not hold: {}",
        G::VerifyForgedCount => "{} operations of other replicas fail their signature check",
        G::ErrNoGit => "git cannot be run ({}): install git",
        G::ErrGit => "git {} failed: {}",
        G::ErrUnreachable => "the team's repository cannot be reached: {}",
        G::ErrNotSetUp => {
            "sync is not set up for this data directory: run liaison sync init REMOTE"
        }
        G::ErrAlreadySetUp => {
            "sync is already set up with another repository, {}; nothing was changed"
        }
        G::ErrWrongTeamPass => "wrong team passphrase; nothing was changed",
        G::ErrBadFile => "{} cannot be read; nothing was changed",
        G::ErrNewer => "{} was written by a newer liaison; update liaison",
        G::ErrOtherTeam => "{} was sealed with another team key",
        G::ErrTeamChanged => {
            "the repository's team file is not the one this replica joined; nothing was changed"
        }
        G::ErrNotATeam => "{} is not a team repository (it has no team.json); nothing was changed",
        G::ErrHasItems => {
            "this data directory already holds items, so it cannot join a team that has a founder; use an empty data directory"
        }
        G::ErrBusy => "another sync is running on this data directory; try again shortly",
        G::ErrRaced => "the repository kept changing under this sync; try again",
        G::ErrUnknownReplica => "no replica {} in the team (see liaison sync status)",
        G::ErrRetireSelf => "a replica cannot retire itself",
        G::HeaderSynced => "synced {}",
        G::HeaderArrived => "{} new from others",
        G::HeaderNever => "not synced yet",
        G::HeaderSyncing => "syncing…",
        G::HeaderSyncFailed => "sync failed: {}",
        G::KeySync => "sync with the team",
        G::ErrSyncNeedsKey => {
            "sync needs the team key: run liaison sync unlock first, or set LIAISON_TEAM_PASSPHRASE_FILE"
        }
    }
}

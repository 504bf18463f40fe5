//! The texts of team sync: `liaison sync …`, its errors, and the
//! dashboard's sync status, in a table of their own.

use super::{Lang, tr, trf};
use crate::sync::{Check, SyncError};

text_keys! {
    /// A text of team sync.
    G in git_texts {
        TeamPassPrompt,
        TeamPassNew,
        TeamPassRepeat,
        TeamPassRetry,
        ErrTeamPassMismatch,
        ErrTeamPassShort,
        ErrTeamPassNoTerminal,
        ErrTeamPassCancelled,
        Founded,
        Joined,
        AlreadyJoined,
        Synced,
        SyncedItems,
        SyncedConflicts,
        Refused,
        WhyUnknown,
        WhyBadSignature,
        WhyRetired,
        WhyOwn,
        KeyChanged,
        Unreadable,
        StatusRemote,
        StatusReplica,
        StatusLast,
        StatusNever,
        StatusArrival,
        StatusPending,
        StatusMember,
        StatusNoName,
        StatusRetired,
        StatusCalendar,
        Yes,
        No,
        Retired,
        TeamKeyKept,
        TeamKeyForgotten,
        TeamKeyNoneKept,
        VerifyForged,
        VerifyForgedCount,
        ErrNoGit,
        ErrGit,
        ErrUnreachable,
        ErrNotSetUp,
        ErrAlreadySetUp,
        ErrWrongTeamPass,
        ErrBadFile,
        ErrNewer,
        ErrOtherTeam,
        ErrTeamChanged,
        ErrNotATeam,
        ErrHasItems,
        ErrBusy,
        ErrRaced,
        ErrUnknownReplica,
        ErrRetireSelf,
        HeaderSynced,
        HeaderArrived,
        HeaderNever,
        HeaderSyncing,
        HeaderSyncFailed,
        KeySync,
        ErrSyncNeedsKey,
    }
}

/// Why an operation was refused, said in `lang`.
pub fn why(lang: Lang, c: Check) -> &'static str {
    tr(
        lang,
        match c {
            Check::UnknownReplica => G::WhyUnknown,
            Check::BadSignature => G::WhyBadSignature,
            Check::Retired => G::WhyRetired,
            Check::Own => G::WhyOwn,
        },
    )
}

/// A sync error as one line in `lang`.
pub fn sync_error(lang: Lang, e: &SyncError) -> String {
    match e {
        SyncError::NoGit(m) => trf(lang, G::ErrNoGit, &[m]),
        SyncError::Git(cmd, m) => trf(lang, G::ErrGit, &[cmd, m]),
        SyncError::Unreachable(m) => trf(lang, G::ErrUnreachable, &[m]),
        SyncError::NotSetUp => tr(lang, G::ErrNotSetUp).into(),
        SyncError::AlreadySetUp(r) => trf(lang, G::ErrAlreadySetUp, &[r]),
        SyncError::WrongPassphrase => tr(lang, G::ErrWrongTeamPass).into(),
        SyncError::BadFile(f) => trf(lang, G::ErrBadFile, &[f]),
        SyncError::Newer(f) => trf(lang, G::ErrNewer, &[f]),
        SyncError::OtherTeam(f) => trf(lang, G::ErrOtherTeam, &[f]),
        SyncError::TeamChanged => tr(lang, G::ErrTeamChanged).into(),
        SyncError::NotATeam(r) => trf(lang, G::ErrNotATeam, &[r]),
        SyncError::HasItems => tr(lang, G::ErrHasItems).into(),
        SyncError::Busy => tr(lang, G::ErrBusy).into(),
        SyncError::Raced => tr(lang, G::ErrRaced).into(),
        SyncError::UnknownReplica(r) => trf(lang, G::ErrUnknownReplica, &[r]),
        SyncError::RetireSelf => tr(lang, G::ErrRetireSelf).into(),
        SyncError::Said(line) => line.clone(),
        SyncError::Store(e) => super::store_error(lang, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sync_text_has_both_languages_with_the_same_placeholders() {
        for key in G::ALL {
            let (en, zh) = (tr(Lang::En, *key), tr(Lang::Zh, *key));
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{key:?}");
            assert_eq!(
                en.matches("{}").count(),
                zh.matches("{}").count(),
                "{key:?}"
            );
            let has_cjk = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(has_cjk, "{key:?} looks untranslated: {zh}");
        }
    }
}

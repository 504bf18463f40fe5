//! Store failures said in the user's language: what went wrong with the
//! data directory, the journal's notices, tampering found, unsafe paths.

use super::{Lang, S, tr, trf};

/// A store error in the user's language.
pub fn store_error(lang: Lang, e: &crate::store::StoreError) -> String {
    use crate::store::{Damage, StoreError as E};
    match e {
        E::Encrypted { dir } => trf(lang, S::ErrLocked, &[&dir.display()]),
        E::WrongPassphrase { dir } => trf(lang, S::ErrWrongPass, &[&dir.display()]),
        E::OtherKey { path } => trf(lang, S::ErrOtherKey, &[&path.display()]),
        E::Damaged { path, what } => {
            let what = tr(
                lang,
                match what {
                    Damage::Truncated => S::DamageTruncated,
                    Damage::Extended => S::DamageExtended,
                    Damage::Header => S::DamageHeader,
                    Damage::Contents => S::DamageContents,
                    Damage::Costs => S::DamageCosts,
                },
            );
            trf(lang, S::ErrDamaged, &[&path.display(), &what])
        }
        E::NewerEnvelope {
            path,
            found,
            supported,
        } => trf(
            lang,
            S::ErrNewerEnvelope,
            &[&path.display(), found, supported],
        ),
        E::Plaintext { path } => trf(lang, S::ErrPlaintext, &[&path.display()]),
        E::InUse { dir } => trf(lang, S::ErrInUse, &[&dir.display()]),
        E::Hostile(u) => hostile_path(lang, u),
        E::NotEncrypted { dir } => trf(lang, S::ErrNotEncrypted, &[&dir.display()]),
        E::MarkedEncrypted { dir, mark } => trf(
            lang,
            S::ErrMarkedEncrypted,
            &[&dir.display(), &mark.display()],
        ),
        E::Io {
            action,
            path,
            source,
        } => {
            use crate::store::IoAction as A;
            let action = tr(
                lang,
                match action {
                    A::Create => S::IoCreate,
                    A::Open => S::IoOpen,
                    A::Read => S::IoRead,
                    A::Save => S::IoSave,
                    A::Lock => S::IoLock,
                    A::Secure => S::IoSecure,
                    A::WriteBackup => S::IoWriteBackup,
                },
            );
            trf(
                lang,
                S::StoreIo,
                &[&action, &path.display(), &os_error(lang, source)],
            )
        }
        E::Corrupt {
            path,
            line,
            column,
            message,
        } => trf(
            lang,
            S::StoreCorrupt,
            &[&path.display(), message, line, column],
        ),
        E::Newer {
            path,
            found,
            supported,
        } => trf(lang, S::StoreNewer, &[&path.display(), found, supported]),
        E::Busy { dir } => trf(lang, S::StoreBusy, &[&dir.display()]),
        E::NoBackup(name) => trf(lang, S::StoreNoBackup, &[name]),
        E::NoDataDir => tr(lang, S::StoreNoDataDir).to_string(),
        E::Tampered { path, line, what } => trf(
            lang,
            S::ErrTampered,
            &[&path.display(), line, &tamper(lang, what)],
        ),
        E::Team(t) => super::sync_texts::team_error(lang, t),
    }
}

/// What the store noticed, in the user's language.
pub fn notice(lang: Lang, n: &crate::store::Notice) -> String {
    use crate::store::Notice as N;
    match n {
        N::Torn(path) => trf(lang, S::NoticeTorn, &[&path.display()]),
        N::Migrated { path, backup } => trf(lang, S::NoticeMigrated, &[&path.display(), backup]),
        N::NotCompacted(e) => store_error(lang, e),
    }
}

/// What verification found, in the user's language.
pub fn tamper(lang: Lang, what: &crate::store::Tamper) -> String {
    use crate::store::Tamper as W;
    match what {
        W::Unreadable => tr(lang, S::TamperUnreadable).into(),
        W::Altered => tr(lang, S::TamperAltered).into(),
        W::BrokenLink => tr(lang, S::TamperBrokenLink).into(),
        W::OutOfOrder => tr(lang, S::TamperOutOfOrder).into(),
        W::NoMark => tr(lang, S::TamperNoMark).into(),
        W::SnapshotChanged => tr(lang, S::TamperSnapshotChanged).into(),
        W::SnapshotMissing => tr(lang, S::TamperSnapshotMissing).into(),
        W::JournalMissing => tr(lang, S::TamperJournalMissing).into(),
        W::CutShort { recorded, found } => trf(lang, S::TamperCutShort, &[found, recorded]),
        W::HeadChanged { seq } => trf(lang, S::TamperHeadChanged, &[seq]),
        W::Plain => tr(lang, S::TamperPlain).into(),
        W::Inapplicable(why) => trf(lang, S::TamperInapplicable, &[why]),
    }
}

/// A path of the data directory refused before use, in the user's language.
pub fn hostile_path(lang: Lang, u: &crate::store::fsutil::Hostile) -> String {
    use crate::store::fsutil::Hostile as H;
    let shown =
        |p: &std::path::Path| crate::sanitize::visible(&p.display().to_string()).into_owned();
    match u {
        H::Symlink(p) => trf(lang, S::ErrSymlink, &[&shown(p)]),
        H::NotRegular { path, what } => {
            use crate::store::fsutil::FileKind as F;
            let what = tr(
                lang,
                match what {
                    F::Directory => S::FileDirectory,
                    F::Fifo => S::FileFifo,
                    F::Device => S::FileDevice,
                    F::Socket => S::FileSocket,
                    F::Symlink => S::FileSymlink,
                    F::Special => S::FileSpecial,
                },
            );
            trf(lang, S::ErrNotRegular, &[&shown(path), &what])
        }
        H::NotDirectory(p) => trf(lang, S::ErrNotDirectory, &[&shown(p)]),
        H::NotOwned { path, owner, me } => trf(lang, S::ErrNotOwned, &[&shown(path), owner, me]),
        H::Writable(p) => trf(lang, S::ErrStaysWritable, &[&shown(p)]),
        H::TooLarge { path, size, limit } => trf(
            lang,
            S::ErrTooLarge,
            &[&shown(path), &size.div_ceil(1 << 20), &(limit / (1 << 20))],
        ),
    }
}

/// What the file system answered. In English the system's own words; in
/// Chinese the common answers translated, with the error number kept.
pub fn os_error(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as E;
    if lang == Lang::En {
        return e.to_string();
    }
    let what = match (e.kind(), e.raw_os_error()) {
        (E::NotFound, _) => S::OsNotFound,
        (E::PermissionDenied, _) => S::OsDenied,
        (E::AlreadyExists, _) => S::OsExists,
        (E::StorageFull, _) | (_, Some(122)) => S::OsFull,
        (E::ReadOnlyFilesystem, _) => S::OsReadOnly,
        (_, Some(5)) => S::OsIo,
        _ => S::OsOther,
    };
    match e.raw_os_error() {
        Some(code) => trf(lang, S::OsCode, &[&tr(lang, what), &code]),
        None if what == S::OsOther => e.to_string(),
        None => tr(lang, what).to_string(),
    }
}

/// A file or directory whose permissions were tightened, in the user's
/// language.
pub fn tightened(lang: Lang, t: &crate::store::fsutil::Tightened) -> String {
    let was = format!("{:o}", t.was);
    let now = format!("{:o}", t.now);
    trf(lang, S::PermsTightened, &[&t.path.display(), &was, &now])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fsutil::{FileKind, Hostile};
    use crate::store::{IoAction, StoreError};

    /// A failed read or a refused path reads in Chinese with no English word
    /// left, and in English exactly as the error's own text.
    #[test]
    fn file_system_failures_are_said_in_each_language() {
        let ascii_word = |s: &str| {
            s.split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() >= 3 && w != "FIFO")
        };
        for action in [
            IoAction::Create,
            IoAction::Open,
            IoAction::Read,
            IoAction::Save,
            IoAction::Lock,
            IoAction::Secure,
            IoAction::WriteBackup,
        ] {
            let e = StoreError::Io {
                action,
                path: "/d/状态".into(),
                source: std::io::Error::from_raw_os_error(28),
            };
            let zh = store_error(Lang::Zh, &e);
            assert!(!ascii_word(&zh.replace("/d/状态", "")), "{zh}");
            assert!(zh.contains("磁盘空间不足") && zh.contains("28"), "{zh}");
            assert!(store_error(Lang::En, &e).starts_with(&action.to_string()));
        }
        for what in [
            FileKind::Directory,
            FileKind::Fifo,
            FileKind::Device,
            FileKind::Socket,
            FileKind::Symlink,
            FileKind::Special,
        ] {
            let h = Hostile::NotRegular {
                path: "/d/状态".into(),
                what,
            };
            let zh = hostile_path(Lang::Zh, &h);
            assert!(!ascii_word(&zh.replace("/d/状态", "")), "{zh}");
            assert!(hostile_path(Lang::En, &h).contains(&what.to_string()));
        }
    }
}

//! Store failures said in the user's language: what went wrong with the
//! data directory, the journal's notices, tampering found, unsafe paths.

use super::{Lang, T, tr, trf};

/// A store error in the user's language.
pub fn store_error(lang: Lang, e: &crate::store::StoreError) -> String {
    use crate::store::{Damage, StoreError as E};
    match e {
        E::Encrypted { dir } => trf(lang, T::ErrLocked, &[&dir.display()]),
        E::WrongPassphrase { dir } => trf(lang, T::ErrWrongPass, &[&dir.display()]),
        E::OtherKey { path } => trf(lang, T::ErrOtherKey, &[&path.display()]),
        E::Damaged { path, what } => {
            let what = tr(
                lang,
                match what {
                    Damage::Truncated => T::DamageTruncated,
                    Damage::Extended => T::DamageExtended,
                    Damage::Header => T::DamageHeader,
                    Damage::Contents => T::DamageContents,
                    Damage::Costs => T::DamageCosts,
                },
            );
            trf(lang, T::ErrDamaged, &[&path.display(), &what])
        }
        E::NewerEnvelope {
            path,
            found,
            supported,
        } => trf(
            lang,
            T::ErrNewerEnvelope,
            &[&path.display(), found, supported],
        ),
        E::Plaintext { path } => trf(lang, T::ErrPlaintext, &[&path.display()]),
        E::InUse { dir } => trf(lang, T::ErrInUse, &[&dir.display()]),
        E::Hostile(u) => hostile_path(lang, u),
        E::NotEncrypted { dir } => trf(lang, T::ErrNotEncrypted, &[&dir.display()]),
        E::MarkedEncrypted { dir, mark } => trf(
            lang,
            T::ErrMarkedEncrypted,
            &[&dir.display(), &mark.display()],
        ),
        E::Io {
            action,
            path,
            source,
        } => {
            let action = match (lang, *action) {
                (Lang::Zh, "cannot create") => "无法创建",
                (Lang::Zh, "cannot open") => "无法打开",
                (Lang::Zh, "cannot read") => "无法读取",
                (Lang::Zh, "cannot save") => "无法保存",
                (Lang::Zh, "cannot lock") => "无法锁定",
                (Lang::Zh, "cannot secure") => "无法设置权限",
                (Lang::Zh, "cannot write backup") => "无法写入备份",
                (_, a) => a,
            };
            trf(lang, T::StoreIo, &[&action, &path.display(), source])
        }
        E::Corrupt {
            path,
            line,
            column,
            message,
        } => trf(
            lang,
            T::StoreCorrupt,
            &[&path.display(), message, line, column],
        ),
        E::Newer {
            path,
            found,
            supported,
        } => trf(lang, T::StoreNewer, &[&path.display(), found, supported]),
        E::Busy { dir } => trf(lang, T::StoreBusy, &[&dir.display()]),
        E::NoBackup(name) => trf(lang, T::StoreNoBackup, &[name]),
        E::NoDataDir => tr(lang, T::StoreNoDataDir).to_string(),
        E::Tampered { path, line, what } => trf(
            lang,
            T::ErrTampered,
            &[&path.display(), line, &tamper(lang, what)],
        ),
    }
}

/// What the store noticed, in the user's language.
pub fn notice(lang: Lang, n: &crate::store::Notice) -> String {
    use crate::store::Notice as N;
    match n {
        N::Torn(path) => trf(lang, T::NoticeTorn, &[&path.display()]),
        N::Migrated { path, backup } => trf(lang, T::NoticeMigrated, &[&path.display(), backup]),
        N::NotCompacted(e) => store_error(lang, e),
    }
}

/// What verification found, in the user's language.
pub fn tamper(lang: Lang, what: &crate::store::Tamper) -> String {
    use crate::store::Tamper as W;
    match what {
        W::Unreadable => tr(lang, T::TamperUnreadable).into(),
        W::Altered => tr(lang, T::TamperAltered).into(),
        W::BrokenLink => tr(lang, T::TamperBrokenLink).into(),
        W::OutOfOrder => tr(lang, T::TamperOutOfOrder).into(),
        W::NoMark => tr(lang, T::TamperNoMark).into(),
        W::SnapshotChanged => tr(lang, T::TamperSnapshotChanged).into(),
        W::SnapshotMissing => tr(lang, T::TamperSnapshotMissing).into(),
        W::JournalMissing => tr(lang, T::TamperJournalMissing).into(),
        W::CutShort { recorded, found } => trf(lang, T::TamperCutShort, &[found, recorded]),
        W::HeadChanged { seq } => trf(lang, T::TamperHeadChanged, &[seq]),
        W::Plain => tr(lang, T::TamperPlain).into(),
        W::Inapplicable(why) => trf(lang, T::TamperInapplicable, &[why]),
    }
}

/// A path of the data directory refused before use, in the user's language.
pub fn hostile_path(lang: Lang, u: &crate::store::fsutil::Hostile) -> String {
    use crate::store::fsutil::Hostile as H;
    let shown =
        |p: &std::path::Path| crate::sanitize::visible(&p.display().to_string()).into_owned();
    match u {
        H::Symlink(p) => trf(lang, T::ErrSymlink, &[&shown(p)]),
        H::NotRegular { path, what } => {
            let what = match (lang, *what) {
                (Lang::Zh, "FIFO") => "命名管道",
                (Lang::Zh, "device") => "设备文件",
                (Lang::Zh, "socket") => "套接字",
                (Lang::Zh, "directory") => "目录",
                (Lang::Zh, _) => "特殊文件",
                (_, w) => w,
            };
            trf(lang, T::ErrNotRegular, &[&shown(path), &what])
        }
        H::NotDirectory(p) => trf(lang, T::ErrNotDirectory, &[&shown(p)]),
        H::NotOwned { path, owner, me } => trf(lang, T::ErrNotOwned, &[&shown(path), owner, me]),
        H::Writable(p) => trf(lang, T::ErrStaysWritable, &[&shown(p)]),
        H::TooLarge { path, size, limit } => trf(
            lang,
            T::ErrTooLarge,
            &[&shown(path), &size.div_ceil(1 << 20), &(limit / (1 << 20))],
        ),
    }
}

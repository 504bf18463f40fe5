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
            trf(lang, S::StoreIo, &[&action, &path.display(), source])
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
            let what = match (lang, *what) {
                (Lang::Zh, "FIFO") => "命名管道",
                (Lang::Zh, "device") => "设备文件",
                (Lang::Zh, "socket") => "套接字",
                (Lang::Zh, "directory") => "目录",
                (Lang::Zh, _) => "特殊文件",
                (_, w) => w,
            };
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

//! Refusals and failures said in the user's language.

use super::labels::{action, kind, rule, stage, status};
use super::{Lang, T, tr, trf};
use crate::model::custody::{Action, ChainProblem, CustodyError, Fault, Refusal, Stage};
use crate::model::{Kind, MeetingError, ModelError, Status};

/// A model error in the user's language.
pub fn model_error(lang: Lang, e: &ModelError) -> String {
    match e {
        ModelError::EmptyTitle => tr(lang, T::ErrEmptyTitle).into(),
        ModelError::EmptyNote => tr(lang, T::ErrEmptyNote).into(),
        ModelError::EndBeforeStart { start, end } => trf(lang, T::ErrEndBeforeStart, &[end, start]),
        ModelError::UnknownValue {
            field,
            value,
            allowed,
        } => trf(
            lang,
            T::ErrUnknownValue,
            &[&field.to_ascii_lowercase(), value, allowed],
        ),
        ModelError::UnknownId(id) => trf(lang, T::ErrUnknownId, &[id]),
        ModelError::BadDate { input, .. } => {
            trf(lang, T::ErrBadDate, &[input, &tr(lang, T::DateExamples)])
        }
        ModelError::FieldNotForKind { field, kind } => {
            let k = match (lang, kind.parse::<Kind>()) {
                (Lang::Zh, Ok(k)) => self::kind(lang, k),
                _ => kind.as_str(),
            };
            trf(lang, T::ErrFieldNotForKind, &[field, &k])
        }
        ModelError::Refused(msg) => msg.clone(),
        ModelError::Custody(e) => custody_error(lang, e),
        ModelError::Substitute(e) => substitute_error(lang, e),
        ModelError::Meeting(e) => meeting_error(lang, e),
    }
}

/// A refused custody step in the user's language.
pub fn custody_error(lang: Lang, e: &CustodyError) -> String {
    let id = &e.id;
    let act = |a: Action| action(lang, a);
    match &e.refusal {
        Refusal::NotADocument { kind: k } => {
            let k = if lang == Lang::Zh {
                kind(lang, *k)
            } else {
                k.as_str()
            };
            trf(lang, T::ErrCustodyNotDocument, &[id, &k])
        }
        Refusal::NotReceived { action: a } => trf(lang, T::ErrCustodyNotReceived, &[&act(*a), id]),
        Refusal::AlreadyReceived => trf(lang, T::ErrCustodyAlreadyReceived, &[id]),
        Refusal::NotLent => trf(lang, T::ErrCustodyNotLent, &[id]),
        Refusal::AlreadyLent { to } => trf(lang, T::ErrCustodyAlreadyLent, &[id, to]),
        Refusal::LentOut { action: a, to } => trf(lang, T::ErrCustodyLentOut, &[&act(*a), id, to]),
        Refusal::Closed { by } => trf(
            lang,
            T::ErrCustodyClosed,
            &[id, &stage(lang, Stage::Closed(*by))],
        ),
        Refusal::NoPerson => trf(lang, T::ErrCustodyNoPerson, &[id]),
        Refusal::NoWitness => trf(lang, T::ErrCustodyNoWitness, &[id]),
        Refusal::NoLocation => trf(lang, T::ErrCustodyNoLocation, &[id]),
        Refusal::AgainstRule { rule: r, action: a } => trf(
            lang,
            T::ErrCustodyAgainstRule,
            &[id, &rule(lang, *r), &act(*a)],
        ),
        Refusal::NothingToOverride => trf(lang, T::ErrCustodyNothingToOverride, &[id]),
        Refusal::BrokenLog { problems } => trf(lang, T::ErrCustodyBrokenLog, &[id, problems]),
        Refusal::HasHistory => trf(lang, T::ErrHasHistory, &[id]),
        Refusal::DoneThroughCustody { closing } => {
            let command = format!("liaison custody {id} {closing}");
            trf(lang, T::ErrDoneThroughCustody, &[id, &command])
        }
    }
}

/// A problem of a custody log in plain words, events counted from 1.
pub fn chain_problem(lang: Lang, p: &ChainProblem) -> String {
    let id = &p.id;
    let n = p.index.map_or(0, |i| i + 1);
    let what = p.action.map(|a| action(lang, a)).unwrap_or_default();
    match p.fault {
        Fault::Altered => trf(lang, T::ChainAltered, &[id, &n, &what]),
        Fault::Unsealed => trf(lang, T::ChainUnsealed, &[id, &n, &what]),
        Fault::BrokenLink => trf(lang, T::ChainBrokenLink, &[id, &n]),
        Fault::Truncated => trf(lang, T::ChainTruncated, &[id, &p.index.unwrap_or_default()]),
        Fault::Emptied => trf(lang, T::ChainEmptied, &[id]),
        Fault::OutOfSequence => trf(lang, T::ChainOutOfSequence, &[id, &n, &what]),
        Fault::NotADocument => trf(lang, T::ChainNotDocument, &[id]),
    }
}

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

/// A refused change to a meeting's checklist, a follow-up or a captured line.
pub fn meeting_error(lang: Lang, e: &MeetingError) -> String {
    match e {
        MeetingError::NotAMeeting { id, kind: k } => {
            let k = if lang == Lang::Zh {
                kind(lang, *k)
            } else {
                k.as_str()
            };
            trf(lang, T::ErrNotAMeeting, &[id, &k])
        }
        MeetingError::NoSuchCheck { id, entry } => trf(lang, T::ErrNoSuchCheck, &[id, entry]),
        MeetingError::NoSuchFollowup { id, number } => {
            trf(lang, T::ErrNoSuchFollowup, &[id, number])
        }
        MeetingError::EmptyCheck => tr(lang, T::ErrEmptyCheck).into(),
        MeetingError::EmptyRequest => tr(lang, T::ErrEmptyRequest).into(),
        MeetingError::EmptyQuestion => tr(lang, T::ErrEmptyQuestion).into(),
    }
}

/// A refused substitute transition in the user's language.
pub fn substitute_error(lang: Lang, e: &crate::model::substitute::SubstituteError) -> String {
    use crate::model::substitute::Refusal as R;
    let id = &e.id;
    match &e.refusal {
        R::NotASubstitute { kind: k } => {
            let k = if lang == Lang::Zh {
                kind(lang, *k)
            } else {
                k.as_str()
            };
            trf(lang, T::ErrNotSubstitute, &[id, &k])
        }
        R::AlreadyAccepted => trf(lang, T::ErrAlreadyAccepted, &[id]),
        R::Closed { status: s } => {
            let said = match s {
                Status::Done => tr(lang, T::SubHandedBack),
                other => status(lang, *other),
            };
            trf(lang, T::ErrSubstituteClosed, &[id, &said])
        }
        R::EmptyHandback => trf(lang, T::ErrEmptyHandback, &[id]),
        R::HandbackRequired => {
            let example = tr(lang, T::HandbackExample);
            let command = format!("liaison done {id} --handback \"{example}\"");
            trf(lang, T::ErrHandbackRequired, &[id, &command])
        }
    }
}

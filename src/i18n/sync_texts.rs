//! The texts of the team's merge: other replicas' operations refused, their
//! chains checked, custody conflicts.

use super::{Lang, tr, trf};
use crate::model::{CustodyEvent, Item};
use crate::store::team::{ChainFault, ChainProblem, TeamError};

text_keys! {
    /// A text of the merge between replicas.
    Y in sync_texts {
        ErrNotJoined,
        ErrNotEmpty,
        ErrOwnOp,
        ErrChain,
        ErrBlockUsedUp,
        ErrDamaged,
        FaultAltered,
        FaultBrokenLink,
        FaultGap,
        FaultForked,
        FaultWrongReplica,
        FaultUnreadable,
        Problem,
        Conflict,
        ConflictMark,
        ConflictShort,
        ConflictHint,
        ErrNoConflict,
        Resolved,
        ClearanceConflicts,
    }
}

fn fault(lang: Lang, f: ChainFault) -> &'static str {
    tr(
        lang,
        match f {
            ChainFault::Altered => Y::FaultAltered,
            ChainFault::BrokenLink => Y::FaultBrokenLink,
            ChainFault::Gap => Y::FaultGap,
            ChainFault::Forked => Y::FaultForked,
            ChainFault::WrongReplica => Y::FaultWrongReplica,
            ChainFault::Unreadable => Y::FaultUnreadable,
        },
    )
}

/// A refusal of the merge, in the user's language.
pub fn team_error(lang: Lang, e: &TeamError) -> String {
    match e {
        TeamError::NotJoined => tr(lang, Y::ErrNotJoined).to_string(),
        TeamError::NotEmpty { items } => trf(lang, Y::ErrNotEmpty, &[items]),
        TeamError::OwnOp { seq } => trf(lang, Y::ErrOwnOp, &[seq]),
        TeamError::Chain { replica, seq, what } => {
            trf(lang, Y::ErrChain, &[replica, seq, &fault(lang, *what)])
        }
        TeamError::BlockUsedUp { block } => trf(lang, Y::ErrBlockUsedUp, &[block]),
        TeamError::Damaged { file } => trf(lang, Y::ErrDamaged, &[&file.display()]),
    }
}

/// One problem of another replica's chain, as `verify` prints it.
pub fn chain_problem(lang: Lang, p: &ChainProblem) -> String {
    trf(
        lang,
        Y::Problem,
        &[&p.replica, &p.seq, &fault(lang, p.what)],
    )
}

/// Why the conflicting step `e` of `item` no longer fitted, in the user's
/// language: the step checked again against the log before it.
pub fn conflict_why(lang: Lang, item: &Item, e: &CustodyEvent) -> String {
    let at = item.custody.iter().position(|x| std::ptr::eq(x, e));
    let mut before = item.clone();
    before.custody.truncate(at.unwrap_or(before.custody.len()));
    before.custody_head = before
        .custody
        .last()
        .map(|l| l.hash.clone())
        .unwrap_or_default();
    let step = crate::model::custody::Step::recorded_by(e);
    match crate::model::custody::apply(&mut before, step, e.at) {
        Err(err) => super::custody_error(lang, &err),
        Ok(()) => e
            .conflict
            .as_ref()
            .map(|c| c.why.clone())
            .unwrap_or_default(),
    }
}

/// The mark after a conflicting step in a log: `[conflict from replica R: why]`.
pub fn conflict_mark(lang: Lang, item: &Item, e: &CustodyEvent) -> Option<String> {
    let c = e.conflict.as_ref()?;
    Some(trf(
        lang,
        Y::ConflictMark,
        &[&c.replica, &conflict_why(lang, item, e)],
    ))
}

/// One line per open custody conflict of `state`, for verify and alerts:
/// `D2: custody conflict: lend from replica R (operation 7) no longer fits: …`.
pub fn conflict_lines(lang: Lang, state: &crate::model::State) -> Vec<String> {
    let mut out = Vec::new();
    for (item, events) in crate::model::conflict::all(state) {
        for e in events {
            let c = e.conflict.as_ref().expect("open conflicts are marked");
            out.push(trf(
                lang,
                Y::Conflict,
                &[
                    &item.id,
                    &super::action(lang, e.action),
                    &c.replica,
                    &c.seq,
                    &conflict_why(lang, item, e),
                ],
            ));
        }
    }
    out
}

/// The header's alert for each document with an open conflict.
pub fn conflict_alerts(lang: Lang, state: &crate::model::State) -> Vec<String> {
    crate::model::conflict::all(state)
        .into_iter()
        .map(|(i, _)| trf(lang, Y::ConflictShort, &[&i.id]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;

    #[test]
    fn both_languages_take_the_same_placeholders() {
        for k in Y::ALL {
            let count = |s: &str| s.matches("{}").count();
            assert_eq!(count(k.en()), count(k.zh()), "{k:?}");
            assert!(!k.zh().is_empty() && !k.en().is_empty(), "{k:?}");
        }
    }

    #[test]
    fn a_refused_chain_is_said_in_one_line_naming_replica_and_seq() {
        let e = TeamError::Chain {
            replica: "9f2c".into(),
            seq: 12,
            what: ChainFault::BrokenLink,
        };
        for lang in [Lang::En, Lang::Zh] {
            let said = team_error(lang, &e);
            assert!(said.contains("9f2c") && said.contains("12") && !said.contains('\n'));
        }
        assert!(!team_error(Lang::Zh, &e).contains("operation"));
    }
}

//! The texts of the team's merge: other replicas' operations refused, their
//! chains checked, custody conflicts.

use super::{Lang, tr, trf};
use crate::model::{CustodyEvent, Item};
use crate::store::team::{ChainFault, ChainProblem, TeamError};

text_table! {
    /// A text of the merge between replicas.
    Y {
        ErrNotJoined => "this data directory has not joined a team", "此数据目录尚未加入工作组同步";
        ErrNotEmpty => "this data directory holds {} items, so it cannot join a team that has a founder; join with an empty data directory", "此数据目录已有 {} 个事项，不能加入已有发起人的工作组；请用空的数据目录加入";
        ErrOwnOp => "operation {} is this replica's own; nothing was taken in", "第 {} 条操作是本机自己的，未导入任何内容";
        ErrChain => "replica {}, operation {}: {}; nothing was taken in", "副本 {} 的第 {} 条操作：{}；未导入任何内容";
        ErrBlockUsedUp => "the block of ids {} is used up; sync to claim another block", "编号段 {} 已用完，请同步以申领新的编号段";
        ErrDamaged => "{} cannot be read; it was left untouched", "无法读取 {}，文件未作改动";
        FaultAltered => "its content does not match its hash", "内容与其哈希不符";
        FaultBrokenLink => "it does not follow the operation before it", "与前一条操作接不上";
        FaultGap => "operations before it are missing", "缺少其前面的操作";
        FaultForked => "another operation with this number is held already", "已存在另一条同编号的操作";
        FaultWrongReplica => "it names another replica", "所属副本不符";
        FaultUnreadable => "it cannot be read", "无法读取";
        Problem => "replica {}, operation {}: {}", "副本 {} 的第 {} 条操作：{}";
        Conflict => "{}: custody conflict: {} from replica {} (operation {}) no longer fits: {}", "{}：保管冲突：“{}”（来自副本 {}，第 {} 条操作）已不成立：{}";
        ConflictMark => "conflict from replica {}: {}", "来自副本 {} 的冲突：{}";
        ConflictShort => "{}: custody conflict", "{}：保管冲突";
        ConflictHint => "resolve it with a new step or by voiding the conflicting step", "请补记新的步骤，或作废冲突的步骤";
        ErrNoConflict => "{} has no custody conflict to resolve", "{} 没有待处理的保管冲突";
        Resolved => "{}: {} conflicting step(s) voided; they stay in the log", "{}：已作废 {} 个冲突步骤，仍保留在登记中";
        ClearanceConflicts => "custody conflicts to resolve", "待处理的保管冲突";
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

//! Copies and extracts of a document (复印件、摘抄件), and what is still out
//! at the end of an inspection (巡后清退).
//!
//! A copy is a document of its own: it inherits its source's unit, class and
//! rule, has its own custody (it starts in hand: the liaison made it), and
//! names its source in `parent`. A source does not close while a copy is
//! open (`State::custody` refuses), so every copy is handed back or
//! destroyed like the original.

use super::{Action, CustodyError, Refusal, Stage, Step, apply, is_closed, stage};
use crate::model::{CopyKind, Item, Kind, ModelError, State, Status, Time};

/// Whether `item` still needs a closing step: a document whose custody has
/// not ended and that was not cancelled.
fn is_open(item: &Item) -> bool {
    let conflict = || !crate::model::conflict::open(item).is_empty();
    item.kind == Kind::Document
        && ((item.status != Status::Cancelled && !is_closed(item)) || conflict())
}

/// The copies and extracts made of document `id`, in the order made.
pub fn copies_of<'a>(state: &'a State, id: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
    state
        .items
        .iter()
        .filter(move |i| i.parent.as_deref() == Some(id))
}

/// The copies of `id` not yet closed: they keep it from closing.
pub fn open_copies<'a>(state: &'a State, id: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
    copies_of(state, id).filter(|i| is_open(i))
}

impl State {
    /// Makes a copy or extract of document `parent`, titled `title`, and
    /// records that it is in hand. The source must be in hand or lent (not
    /// asked for only, not closed). Returns the new id.
    pub fn add_copy(
        &mut self,
        parent: &str,
        title: &str,
        kind: CopyKind,
        by: Option<String>,
        now: Time,
    ) -> Result<String, ModelError> {
        let source = self
            .get(parent)
            .ok_or_else(|| ModelError::UnknownId(parent.trim().to_string()))?;
        let refuse = |refusal| CustodyError {
            id: source.id.clone(),
            refusal,
        };
        if source.kind != Kind::Document {
            return Err(refuse(Refusal::NotADocument { kind: source.kind }).into());
        }
        if matches!(stage(source), Stage::Requested | Stage::Closed(_)) {
            return Err(refuse(Refusal::NotInHand).into());
        }
        let mut copy = Item::new(Kind::Document, title, now);
        copy.from = source.from.clone();
        copy.rule = source.rule;
        copy.class = source.class;
        copy.meeting = source.meeting.clone();
        copy.parent = Some(source.id.clone());
        copy.copy_kind = Some(kind);
        crate::model::validate(&copy)?;
        let id = self.add(copy)?;
        let at = self.position(&id).expect("just added");
        let mut step = Step::new(Action::Receive);
        step.by = by;
        apply(&mut self.items[at], step, now)?;
        Ok(id)
    }
}

/// What an open thing in the clearance list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenKind {
    /// A document (not a copy) not yet closed.
    Document,
    /// A copy or extract not yet closed.
    Copy,
}

/// One thing still out: a document or copy not closed, lent or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open<'a> {
    pub item: &'a Item,
    pub kind: OpenKind,
    pub stage: Stage<'a>,
    /// The borrower, when it is lent out.
    pub holder: Option<&'a str>,
    /// When the loan is due back (its own time, else `loan` after it began).
    pub until: Option<Time>,
    pub overdue: bool,
}

/// Everything still out at `now` (巡后清退), one entry per document or copy:
/// loans first, grouped by borrower (most overdue first within a borrower),
/// then what is with the liaison, then what was asked for and never came.
pub fn clearance(state: &State, now: Time, loan: chrono::Duration) -> Vec<Open<'_>> {
    let mut out: Vec<Open> = state
        .items
        .iter()
        .filter(|i| is_open(i))
        .map(|item| {
            let l = super::loan(item);
            let until = l.map(|l| l.due(loan));
            Open {
                item,
                kind: if item.parent.is_some() {
                    OpenKind::Copy
                } else {
                    OpenKind::Document
                },
                stage: stage(item),
                holder: l.map(|l| l.person),
                until,
                overdue: until.is_some_and(|u| u < now),
            }
        })
        .collect();
    let group = |o: &Open| match o.stage {
        Stage::Lent(_) => 0,
        Stage::Held => 1,
        _ => 2,
    };
    out.sort_by(|a, b| {
        group(a)
            .cmp(&group(b))
            .then(a.holder.cmp(&b.holder))
            .then(a.until.cmp(&b.until))
            .then(a.item.created.cmp(&b.item.created))
    });
    out
}

/// Reorders `rows` (indexes into `items`) so that each copy follows its
/// source when both are listed, copies in the order they had; the rest keep
/// their order.
pub fn nest_copies(items: &[Item], rows: &mut Vec<usize>) {
    use std::collections::HashMap;
    if !rows.iter().any(|&i| items[i].parent.is_some()) {
        return;
    }
    let listed: HashMap<&str, usize> = rows.iter().map(|&i| (items[i].id.as_str(), i)).collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut roots = Vec::with_capacity(rows.len());
    for &i in rows.iter() {
        match items[i].parent.as_deref().and_then(|p| listed.get(p)) {
            Some(&parent) if parent != i => children.entry(parent).or_default().push(i),
            _ => roots.push(i),
        }
    }
    fn push(i: usize, children: &HashMap<usize, Vec<usize>>, out: &mut Vec<usize>, depth: usize) {
        out.push(i);
        // A cycle of parents (only by hand-editing) cannot recurse forever.
        if depth > 16 {
            return;
        }
        for &c in children.get(&i).into_iter().flatten() {
            push(c, children, out, depth + 1);
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in roots {
        push(r, &children, &mut out, 0);
    }
    if out.len() == rows.len() {
        *rows = out;
    }
}

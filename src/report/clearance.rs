//! The clearance list (巡后清退) as text: its groups, counts and lines, shared
//! by `liaison clearance`, the dashboard's view and the brief.

use crate::i18n::{self, C, Lang, tr, trf};
use crate::model::custody::{Open, OpenKind, Stage};
use crate::text::one_line;

/// The groups of the list: (heading, entries), borrowers first.
pub fn groups<'a, 'b>(lang: Lang, open: &'b [Open<'a>]) -> Vec<(String, Vec<&'b Open<'a>>)> {
    let mut out: Vec<(String, Vec<&Open>)> = Vec::new();
    for o in open {
        let conflict = !crate::model::conflict::open(o.item).is_empty();
        let head = match (o.stage, o.holder) {
            _ if conflict => tr(lang, i18n::sync_texts::Y::ClearanceConflicts).to_string(),
            (_, Some(p)) => p.to_string(),
            (Stage::Requested, _) => tr(lang, C::ClearanceRequested).to_string(),
            _ => tr(lang, C::ClearanceWithLiaison).to_string(),
        };
        match out.last_mut() {
            Some((h, list)) if *h == head => list.push(o),
            _ => out.push((head, vec![o])),
        }
    }
    out
}

/// `open documents: 3, on loan: 1, open copies and extracts: 1`.
pub fn counts(lang: Lang, open: &[Open]) -> String {
    let docs = open.iter().filter(|o| o.kind == OpenKind::Document).count();
    let loans = open.iter().filter(|o| o.holder.is_some()).count();
    let copies = open.len() - docs;
    trf(lang, C::ClearanceCounts, &[&docs, &loans, &copies])
}

/// `D3  信访件摘抄  [extract of D1]  due back 12-02 17:00`.
pub fn line(lang: Lang, o: &Open, now: crate::model::Time) -> String {
    let mut parts = vec![format!("{:<4} {}", o.item.id, one_line(&o.item.title))];
    if let (Some(parent), Some(kind)) = (&o.item.parent, o.item.copy_kind) {
        parts.push(format!("[{}]", i18n::copy_of(lang, kind, parent)));
    }
    if let Some(until) = o.until {
        let when = i18n::preview(until, now, lang);
        let key = if o.overdue {
            C::OverdueSince
        } else {
            C::DueBack
        };
        parts.push(trf(lang, key, &[&when]));
    }
    parts.join("  ")
}

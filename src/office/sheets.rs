//! The sheets of the workbook as rows of text: pure functions of the state,
//! the clock and the language (the xlsx and CSV writers only lay them out).
//! The notes of a secret or confidential document, its own and its custody
//! steps', are left out unless asked for; a cell says how many were.

use super::events::{self, Facts};
use super::signin::{recorder, span};
use super::{Book, Sheet, SheetKey};
use crate::i18n::{self, Lang, O, ot, otf};
use crate::model::custody::{self, Stage};
use crate::model::{Item, Kind, MeetingType, State, Time};

/// A time as the forms print it: `2026-11-25 14:30`.
pub fn when(t: Time) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

pub(super) fn opt_when(t: Option<Time>) -> String {
    t.map(when).unwrap_or_default()
}

pub(super) fn heads(lang: Lang, keys: &[O]) -> Vec<String> {
    keys.iter().map(|k| ot(lang, *k).to_string()).collect()
}

/// What the sheets are made from: the state, in a language, with or
/// without the notes of sensitive documents.
struct Source<'a> {
    state: &'a State,
    lang: Lang,
    confidential: bool,
}

impl<'a> Source<'a> {
    fn of(&self, kind: Kind) -> impl Iterator<Item = &'a Item> {
        self.state.items.iter().filter(move |i| i.kind == kind)
    }

    /// `texts` joined, or how many were withheld for a sensitive document.
    fn notes(&self, item: &Item, texts: Vec<&str>) -> String {
        if texts.is_empty() {
            return String::new();
        }
        if item.is_sensitive() && !self.confidential {
            return otf(self.lang, O::NotesWithheld, &[&texts.len()]);
        }
        texts.join(if self.lang == Lang::Zh { "；" } else { "; " })
    }

    fn item_notes(&self, item: &Item) -> String {
        self.notes(item, item.notes.iter().map(|n| n.text.as_str()).collect())
    }

    fn class(&self, item: &Item) -> String {
        item.class
            .map(|c| i18n::class(self.lang, c).to_string())
            .unwrap_or_default()
    }

    /// A document named on a register: `title（D3）`.
    fn doc(&self, item: &Item) -> String {
        if self.lang == Lang::Zh {
            format!("{}（{}）", item.title, item.id)
        } else {
            format!("{} ({})", item.title, item.id)
        }
    }

    fn documents(&self) -> Sheet {
        use O::*;
        let rows = self
            .of(Kind::Document)
            .map(|d| {
                let received = d
                    .custody
                    .iter()
                    .find(|e| e.action == custody::StepKind::Receive)
                    .map(|e| e.at);
                let (how, at) = match custody::stage(d) {
                    Stage::Closed(a) => (
                        i18n::action(self.lang, a).to_string(),
                        opt_when(d.custody.last().map(|e| e.at)),
                    ),
                    _ => (String::new(), String::new()),
                };
                vec![
                    d.id.clone(),
                    d.title.clone(),
                    d.from.clone().unwrap_or_default(),
                    self.class(d),
                    d.rule
                        .map(|r| i18n::rule(self.lang, r).to_string())
                        .unwrap_or_default(),
                    opt_when(received),
                    i18n::stage(self.lang, custody::stage(d)),
                    custody::holder(d).unwrap_or_default().to_string(),
                    how,
                    at,
                    self.item_notes(d),
                ]
            })
            .collect();
        let head = [
            ColNumber,
            ColTitle,
            ColFrom,
            ColClass,
            ColRule,
            ColReceived,
            ColStage,
            ColHolder,
            ColClosedHow,
            ColClosedAt,
            ColNotes,
        ];
        self.sheet(SheetKey::Documents, &head, rows, vec![])
    }

    fn loans(&self) -> Sheet {
        use O::*;
        let rows = self
            .of(Kind::Document)
            .flat_map(events::loans)
            .enumerate()
            .map(|(n, loan)| {
                let Facts {
                    at,
                    person,
                    until,
                    note,
                    ..
                } = loan.lent;
                let said = Some(note.as_str()).filter(|s| !s.is_empty());
                let note = self.notes(loan.item, said.into_iter().collect());
                vec![
                    (n + 1).to_string(),
                    self.doc(loan.item),
                    self.class(loan.item),
                    person,
                    when(at),
                    when(until),
                    opt_when(loan.returned),
                    String::new(),
                    String::new(),
                    note,
                ]
            })
            .collect();
        let head = [
            ColSeq,
            ColDocument,
            ColClass,
            ColBorrower,
            ColLentAt,
            ColDueBack,
            ColReturnedAt,
            ColSignBorrower,
            ColSignKeeper,
            ColNotes,
        ];
        self.sheet(SheetKey::Loans, &head, rows, vec![7, 8])
    }

    fn destruction(&self) -> Sheet {
        use O::*;
        let rows = self
            .of(Kind::Document)
            .filter_map(|d| events::shredding(d).map(|f| (d, f)))
            .enumerate()
            .map(|(n, (d, f))| {
                vec![
                    (n + 1).to_string(),
                    self.doc(d),
                    self.class(d),
                    f.approved_by,
                    f.witness,
                    when(f.at),
                    String::new(),
                    String::new(),
                ]
            })
            .collect();
        let head = [
            ColSeq,
            ColTitle,
            ColClass,
            ColApprovedBy,
            ColWitness,
            ColShredAt,
            ColSignApprover,
            ColSignWitness,
        ];
        self.sheet(SheetKey::Destruction, &head, rows, vec![6, 7])
    }

    fn interviews(&self) -> Sheet {
        use O::*;
        let mut talks: Vec<&Item> = self
            .of(Kind::Meeting)
            .filter(|m| m.meeting_type == Some(MeetingType::Interview))
            .collect();
        talks.sort_by_key(|m| (m.start.is_none(), m.start, m.created));
        let rows = talks
            .into_iter()
            .map(|m| {
                let (talkers, recorder) = recorder(&m.attendees);
                vec![
                    span(m),
                    m.place.clone().unwrap_or_default(),
                    m.title.clone(),
                    i18n::join(self.lang, &talkers),
                    recorder,
                    m.meeting_type
                        .map(|t| i18n::meeting_type(self.lang, t).to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        let head = [
            ColTime,
            ColPlace,
            ColInterviewee,
            ColInterviewers,
            ColRecorder,
            ColType,
        ];
        self.sheet(SheetKey::Interviews, &head, rows, vec![])
    }

    fn logistics(&self) -> Sheet {
        use O::*;
        let rows = self
            .of(Kind::Logistics)
            .map(|i| {
                vec![
                    i.id.clone(),
                    i.title.clone(),
                    i.category
                        .map(|c| i18n::category(self.lang, c).to_string())
                        .unwrap_or_default(),
                    i18n::item_status(self.lang, i).to_string(),
                    i18n::priority(self.lang, i.priority).to_string(),
                    opt_when(i.due),
                    i.contact.clone().unwrap_or_default(),
                    self.item_notes(i),
                ]
            })
            .collect();
        let head = [
            ColNumber,
            ColTask,
            ColCategory,
            ColStatus,
            ColPriority,
            ColDue,
            ColContact,
            ColNotes,
        ];
        self.sheet(SheetKey::Logistics, &head, rows, vec![])
    }

    fn substitutes(&self) -> Sheet {
        use O::*;
        let rows = self
            .of(Kind::Substitute)
            .map(|i| {
                vec![
                    i.id.clone(),
                    i.title.clone(),
                    i.section.clone().unwrap_or_default(),
                    i18n::item_status(self.lang, i).to_string(),
                    opt_when(i.start),
                    opt_when(i.due.or(i.end)),
                    i.handback.clone().unwrap_or_default(),
                    self.item_notes(i),
                ]
            })
            .collect();
        let head = [
            ColNumber,
            ColTask,
            ColSection,
            ColStatus,
            ColStart,
            ColDue,
            ColHandback,
            ColNotes,
        ];
        self.sheet(SheetKey::Substitutes, &head, rows, vec![])
    }

    fn sheet(&self, key: SheetKey, head: &[O], rows: Vec<Vec<String>>, sign: Vec<usize>) -> Sheet {
        Sheet {
            name: key.name(self.lang).to_string(),
            lead: Vec::new(),
            head: heads(self.lang, head),
            rows,
            sign,
        }
    }

    fn build(&self, key: SheetKey) -> Sheet {
        match key {
            SheetKey::Documents => self.documents(),
            SheetKey::Loans => self.loans(),
            SheetKey::Destruction => self.destruction(),
            SheetKey::Interviews => self.interviews(),
            SheetKey::Logistics => self.logistics(),
            SheetKey::Substitutes => self.substitutes(),
        }
    }
}

pub(super) fn frame(state: &State, now: Time, lang: Lang, sheets: Vec<Sheet>) -> Book {
    Book {
        lang,
        inspection: state.inspection.clone().unwrap_or_default(),
        date: now.format("%Y-%m-%d").to_string(),
        // Set by the caller, which holds the journal's head.
        check: None,
        sheets,
    }
}

/// The workbook of the sheets `keys` (all of them when empty).
pub fn book(state: &State, now: Time, lang: Lang, keys: &[SheetKey], confidential: bool) -> Book {
    let ctx = Source {
        state,
        lang,
        confidential,
    };
    let keys = if keys.is_empty() { SheetKey::ALL } else { keys };
    frame(
        state,
        now,
        lang,
        keys.iter().map(|k| ctx.build(*k)).collect(),
    )
}

#[cfg(test)]
#[path = "sheets_tests.rs"]
mod tests;

//! One Markdown line per item, note and custody step, in the reader's language.

use chrono::Datelike;

use super::Report;
use super::md::{code, text};
use crate::i18n::{self, R, T, Text, tr, trf};
use crate::model::custody::{self, Stage};
use crate::model::triage::{self, Reason};
use crate::model::{CustodyEvent, Item, Kind, MeetingType, Note, Status, Time};

/// Parts of a line are joined with this.
const SEP: &str = " · ";

impl Report<'_> {
    /// A time as short as the brief's day allows: `09:30` on the day (in
    /// the brief), `11-24 09:30` in its year, else `2025-12-30 09:30`.
    pub fn time(&self, t: Time) -> String {
        let t = crate::model::when::shown(t, self.now);
        let fmt = if self.short_today && t.date_naive() == self.day {
            "%H:%M"
        } else if t.year() == self.day.year() {
            "%m-%d %H:%M"
        } else {
            "%Y-%m-%d %H:%M"
        };
        t.format(fmt).to_string()
    }

    fn t(&self, key: impl Text) -> &'static str {
        tr(self.lang, key)
    }

    fn tf(&self, key: impl Text, args: &[&dyn std::fmt::Display]) -> String {
        trf(self.lang, key, args)
    }

    /// Whether this item's notes stay out of the document.
    pub fn withheld(&self, item: &Item) -> bool {
        item.is_sensitive() && !self.confidential
    }

    /// `` `D3` title ``: how every line about an item starts.
    pub fn head(&self, item: &Item) -> String {
        format!("{} {}", code(&item.id), text(&item.title))
    }

    /// The one line describing `item`.
    pub fn item_line(&self, item: &Item) -> String {
        let mut parts = match item.kind {
            Kind::Meeting => self.meeting(item),
            Kind::Document => self.document(item),
            Kind::Logistics => self.logistics(item),
            Kind::Substitute => self.substitute(item),
        };
        if let Some(c) = &item.contact {
            parts.push(self.tf(R::BriefContact, &[&text(c)]));
        }
        let mark = match triage::reason(item, self.now) {
            Some(Reason::Overdue) => Some(T::Overdue),
            Some(Reason::ReturnOverdue) => Some(T::ReturnOverdue),
            Some(Reason::AwaitingDisposal) => Some(T::AwaitingDisposal),
            _ => None,
        };
        if let Some(mark) = mark {
            parts.push(format!("**{}**", self.t(mark)));
        }
        parts.join(SEP)
    }

    fn closed_status(&self, item: &Item) -> Option<String> {
        match item.status {
            Status::Done => {
                Some(self.tf(R::BriefAt, &[&self.t(T::Done), &self.time(item.updated)]))
            }
            Status::Cancelled => Some(self.t(T::Cancelled).to_string()),
            _ => None,
        }
    }

    fn meeting(&self, item: &Item) -> Vec<String> {
        let head = match (item.start, item.end) {
            (Some(s), Some(e)) => {
                let local = |t: Time| crate::model::when::shown(t, self.now);
                let end = if local(e).date_naive() == local(s).date_naive() {
                    local(e).format("%H:%M").to_string()
                } else {
                    self.time(e)
                };
                let range = self.tf(R::BriefRange, &[&self.time(s), &end]);
                format!("{} {range} {}", code(&item.id), text(&item.title))
            }
            (Some(s), None) => format!("{} {} {}", code(&item.id), self.time(s), text(&item.title)),
            _ => self.head(item),
        };
        let mut parts = vec![head];
        if let Some(t) = item.meeting_type.filter(|t| *t != MeetingType::Meeting) {
            parts.push(i18n::meeting_type(self.lang, t).to_string());
        }
        if let Some(p) = &item.place {
            parts.push(self.tf(R::BriefPlace, &[&text(p)]));
        }
        if !item.attendees.is_empty() {
            let with: Vec<String> = item.attendees.iter().map(|a| text(a)).collect();
            let with = with.join(self.t(R::BriefListSep));
            parts.push(self.tf(R::BriefWith, &[&with]));
        }
        parts.extend(self.closed_status(item));
        parts
    }

    fn document(&self, item: &Item) -> Vec<String> {
        let mut parts = vec![self.head(item)];
        if let Some(c) = item.class {
            parts.push(i18n::class(self.lang, c).to_string());
        }
        if let Some(f) = &item.from {
            parts.push(self.tf(R::BriefFrom, &[&text(f)]));
        }
        if let Some(r) = item.rule {
            parts.push(i18n::rule(self.lang, r).to_string());
        }
        let since = item
            .custody
            .last()
            .map(|e| self.time(e.at))
            .unwrap_or_default();
        parts.push(match custody::stage(item) {
            Stage::Requested => {
                let mut s = self.t(T::StageRequested).to_string();
                if let Some(due) = item.due {
                    s = format!("{s}{SEP}{}", self.tf(R::BriefDue, &[&self.time(due)]));
                }
                s
            }
            Stage::Held => self.tf(R::BriefHeld, &[&since]),
            Stage::Lent(to) => self.tf(R::BriefLent, &[&text(to), &since]),
            closed => {
                let stage = i18n::stage(self.lang, closed);
                self.tf(R::BriefAt, &[&stage, &since])
            }
        });
        if item.status == Status::Cancelled {
            parts.push(self.t(T::Cancelled).to_string());
        }
        parts
    }

    fn logistics(&self, item: &Item) -> Vec<String> {
        let mut parts = vec![self.head(item)];
        if let Some(c) = item.category {
            parts.push(i18n::category(self.lang, c).to_string());
        }
        if let Some(due) = item.due {
            parts.push(self.tf(R::BriefDue, &[&self.time(due)]));
        }
        if item.status == Status::InProgress || item.status == Status::Waiting {
            parts.push(i18n::status(self.lang, item.status).to_string());
        }
        parts.extend(self.closed_status(item));
        parts
    }

    fn substitute(&self, item: &Item) -> Vec<String> {
        let mut parts = vec![self.head(item)];
        if let Some(s) = &item.section {
            parts.push(self.tf(R::BriefFor, &[&text(s)]));
        }
        match (item.start, item.end) {
            (Some(s), Some(e)) => {
                parts.push(self.tf(R::BriefRange, &[&self.time(s), &self.time(e)]));
            }
            (Some(s), None) => parts.push(self.time(s)),
            _ => {}
        }
        if let Some(due) = item.due {
            parts.push(self.tf(R::BriefDue, &[&self.time(due)]));
        }
        let phase = i18n::item_status(self.lang, item);
        parts.push(match item.status {
            Status::Done => self.tf(R::BriefAt, &[&phase, &self.time(item.updated)]),
            _ => phase.to_string(),
        });
        if let Some(h) = &item.handback {
            parts.push(self.tf(R::BriefHandback, &[&text(h)]));
        }
        parts
    }

    /// A note on `item`: `09:05 · `M2` title · text`.
    pub fn note_line(&self, item: &Item, note: &Note) -> String {
        [self.time(note.at), self.head(item), text(&note.text)].join(SEP)
    }

    /// A custody step: `11-24 09:00 · `D3` title · lend · 组员甲 · …`, its
    /// note and override reason left out when the item's notes are withheld.
    pub fn event_line(&self, item: &Item, e: &CustodyEvent) -> String {
        let mut parts = vec![
            self.time(e.at),
            self.head(item),
            i18n::action(self.lang, e.action).to_string(),
        ];
        // Each person and place with its label: who handed it over, the
        // borrower, the approver, the witness, where it is filed.
        for field in custody::Field::SHOWN {
            let value = match field {
                custody::Field::Person => e.person.as_deref().map(text),
                custody::Field::Until => e.until.map(|t| self.time(t)),
                custody::Field::ApprovedBy => e.approved_by.as_deref().map(text),
                custody::Field::Witness => e.witness.as_deref().map(text),
                custody::Field::Location => e.location.as_deref().map(text),
                custody::Field::By => e.by.as_deref().map(text),
                _ => None,
            };
            if let Some(v) = value {
                let label = i18n::field_label(self.lang, e.action, field);
                parts.push(self.tf(R::BriefLabelled, &[&label, &v]));
            }
        }
        if self.withheld(item) {
            if e.note.is_some() || e.reason.is_some() {
                parts.push(self.t(R::BriefNoteWithheld).to_string());
            }
        } else {
            if let Some(r) = &e.reason {
                parts.push(self.tf(R::BriefOverride, &[&text(r)]));
            }
            if let Some(n) = &e.note {
                parts.push(text(n));
            }
        }
        parts.join(SEP)
    }

    /// A custody step's note as a note of the day: `09:30 · `D3` title · lend: text`.
    pub fn event_note_line(&self, item: &Item, e: &CustodyEvent, note: &str) -> String {
        let action = i18n::action(self.lang, e.action);
        let said = self.tf(R::BriefLabelled, &[&action, &text(note)]);
        [self.time(e.at), self.head(item), said].join(SEP)
    }

    /// `` `D4` title · 2 notes withheld (confidential) ``.
    pub fn withheld_line(&self, item: &Item, count: usize) -> String {
        let class = item
            .class
            .map(|c| i18n::class(self.lang, c))
            .unwrap_or_default();
        let said = self.tf(R::BriefNotesWithheld, &[&count, &class]);
        [self.head(item), said].join(SEP)
    }
}

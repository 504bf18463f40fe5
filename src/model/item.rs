//! Items: the one record type behind all four panes.
//!
//! Every item shares the common fields; the kind-specific ones are optional and
//! only meaningful for their kind (`validate` checks that). A flat record keeps
//! `state.json` and `list --json` the same shape and loading fast.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::capture::Followup;
use super::checklist::{Check, default_checklist};
use super::custody::StepKind;
use crate::choice;

/// A point in time with the offset it was entered in.
pub type Time = DateTime<FixedOffset>;

choice!(
    /// Which pane an item belongs to.
    Kind { Logistics = "logistics", Document = "document", Meeting = "meeting", Substitute = "substitute" }
);

impl Kind {
    /// The time that orders an item of this kind with these times (see
    /// [`Item::when`]).
    pub fn when(self, due: Option<Time>, start: Option<Time>) -> Option<Time> {
        match self {
            Kind::Meeting => start.or(due),
            _ => due.or(start),
        }
    }

    /// The letter ids of this kind start with (`L3`, `D12`, `M5`, `S2`).
    pub fn prefix(self) -> char {
        match self {
            Kind::Logistics => 'L',
            Kind::Document => 'D',
            Kind::Meeting => 'M',
            Kind::Substitute => 'S',
        }
    }

    /// Its place in `Kind::ALL`, from 0: its pane is numbered one more.
    pub fn index(self) -> usize {
        match self {
            Kind::Logistics => 0,
            Kind::Document => 1,
            Kind::Meeting => 2,
            Kind::Substitute => 3,
        }
    }

    /// The kind an id's letter names, if any.
    pub fn from_prefix(c: char) -> Option<Kind> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.prefix() == c.to_ascii_uppercase())
    }
}

choice!(
    /// Where an item stands.
    Status { Open = "open", InProgress = "in-progress", Waiting = "waiting", Done = "done", Cancelled = "cancelled" }
);

impl Status {
    /// Done or cancelled: nothing left to do.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }
}

choice!(
    /// How urgent an item is.
    Priority { High = "high", Normal = "normal", Low = "low" }
);

choice!(
    /// What a logistics task is about (住、用、行、食).
    Category { Lodging = "lodging", Supplies = "supplies", Transport = "transport", Meals = "meals", Other = "other" }
);

choice!(
    /// How a confidential document must end after reading.
    Rule { Return = "return", Shred = "shred", Archive = "archive" }
);

choice!(
    /// A document's classification.
    Class { Public = "public", Internal = "internal", Secret = "secret", Confidential = "confidential" }
);

impl Class {
    /// Secret or confidential: notes stay out of reports unless asked for.
    pub fn is_sensitive(self) -> bool {
        matches!(self, Class::Secret | Class::Confidential)
    }

    /// Its place from public (0) to confidential (3): 公开 · 内部 · 秘密 · 机密.
    pub fn rank(self) -> u8 {
        match self {
            Class::Public => 0,
            Class::Internal => 1,
            Class::Secret => 2,
            Class::Confidential => 3,
        }
    }
}

choice!(
    /// The kind of meeting.
    MeetingType { Meeting = "meeting", Interview = "interview", Hearing = "hearing", Visit = "visit", Training = "training" }
);

/// A timestamped line of text attached to an item or the inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    #[serde(with = "crate::model::rfc3339")]
    pub at: Time,
    pub text: String,
}

/// One step in a document's custody log (see `model::custody`, which alone
/// appends to it). `prev` and `hash` chain the events: see `custody::verify`.
///
/// The people and place of a step are always written, null when not set, so
/// every event in `state.json` and `list --json` has the same keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustodyEvent {
    #[serde(with = "crate::model::rfc3339")]
    pub at: Time,
    pub action: StepKind,
    /// The other party: who handed it over, the borrower, who brought it
    /// back, who took it back at the unit.
    #[serde(default)]
    pub person: Option<String>,
    /// The team member who recorded the step.
    #[serde(default)]
    pub by: Option<String>,
    /// Who saw it destroyed (shred).
    #[serde(default)]
    pub witness: Option<String>,
    /// Who approved destroying it (shred).
    #[serde(default)]
    pub approved_by: Option<String>,
    /// Where it is filed (archive).
    #[serde(default)]
    pub location: Option<String>,
    /// When a loan is due back (lend).
    #[serde(default, with = "crate::model::rfc3339::option")]
    pub until: Option<Time>,
    #[serde(default)]
    pub note: Option<String>,
    /// Why a closing step differs from the document's rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prev: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hash: String,
    /// Set when the step was undone: it stays in the log (the log only
    /// grows) and counts as if it had not happened. Not part of `hash`,
    /// which seals what was recorded; the journal seals the mark. Always
    /// written (null when not void), like the people of a step.
    #[serde(default)]
    pub void: Option<Void>,
    /// Set when the step came from another replica and no longer fitted
    /// the rules at its place in the team's order: kept in the log, it
    /// counts as if it had not happened until the liaison resolves it.
    /// Not part of `hash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<super::conflict::Conflict>,
}

/// When and by whom a custody step was voided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Void {
    #[serde(with = "crate::model::rfc3339")]
    pub at: Time,
    pub by: String,
}

choice!(
    /// What a copy made from a document is.
    CopyKind { Copy = "copy", Extract = "extract" }
);

fn is_normal(p: &Priority) -> bool {
    *p == Priority::Normal
}

/// One item in any pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub status: Status,
    #[serde(default = "Priority::normal", skip_serializing_if = "is_normal")]
    pub priority: Priority,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::rfc3339::option"
    )]
    pub due: Option<Time>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::rfc3339::option"
    )]
    pub start: Option<Time>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::rfc3339::option"
    )]
    pub end: Option<Time>,
    #[serde(with = "crate::model::rfc3339")]
    pub created: Time,
    #[serde(with = "crate::model::rfc3339")]
    pub updated: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Questions to follow up (`?` lines in the note box), open until ticked off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followups: Vec<Followup>,

    // Logistics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,

    // Document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<Class>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custody: Vec<CustodyEvent>,
    /// The hash of the last custody event, so events cut from the end show.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub custody_head: String,
    /// The meeting whose note asked for this document (a `#` line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The document this one is a copy or extract of (复印件、摘抄件).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_kind: Option<CopyKind>,
    /// Every change of its class, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub class_log: Vec<super::custody::ClassChange>,

    // Meeting.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub meeting_type: Option<MeetingType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    /// The preparation checklist (会务准备); a new meeting gets the defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<Check>,

    // Substitute.
    #[serde(rename = "for", default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// What the liaison did and what is left, said when handing it back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handback: Option<String>,

    // Recurring (logistics, substitutes): see `recur`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<super::recur::Every>,
    /// The last day it recurs on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every_until: Option<chrono::NaiveDate>,
    /// The first occurrence's id, on every later one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Fields edited for this occurrence only, with the values the coming
    /// ones keep (`null`: a field they do not have).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub this_only: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Priority {
    fn normal() -> Self {
        Priority::Normal
    }
}

impl Item {
    /// A blank item of `kind` with the defaults a new one of that kind gets.
    pub fn new(kind: Kind, title: impl Into<String>, now: Time) -> Item {
        Item {
            id: String::new(),
            kind,
            title: title.into(),
            status: Status::Open,
            priority: Priority::Normal,
            due: None,
            start: None,
            end: None,
            created: now,
            updated: now,
            contact: None,
            notes: Vec::new(),
            followups: Vec::new(),
            category: (kind == Kind::Logistics).then_some(Category::Other),
            from: None,
            rule: (kind == Kind::Document).then_some(Rule::Return),
            class: (kind == Kind::Document).then_some(Class::Internal),
            custody: Vec::new(),
            custody_head: String::new(),
            meeting: None,
            parent: None,
            copy_kind: None,
            class_log: Vec::new(),
            meeting_type: (kind == Kind::Meeting).then_some(MeetingType::Meeting),
            place: None,
            attendees: Vec::new(),
            checklist: if kind == Kind::Meeting {
                default_checklist()
            } else {
                Vec::new()
            },
            section: None,
            handback: None,
            every: None,
            every_until: None,
            series: None,
            this_only: None,
        }
    }

    /// The time that orders this item: a meeting's start, else its due time.
    pub fn when(&self) -> Option<Time> {
        Kind::when(self.kind, self.due, self.start)
    }

    /// Secret or confidential document.
    pub fn is_sensitive(&self) -> bool {
        self.class.is_some_and(Class::is_sensitive)
    }
}

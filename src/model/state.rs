//! The whole store in memory and the operations that change it.
//!
//! Every operation validates first and changes nothing when it refuses.

use serde::{Deserialize, Serialize};

use super::validate::{tidy, validate};
use super::{Item, Kind, ModelError, Note, Status, Time};

/// The version of `state.json` this build writes and the newest it reads.
pub const VERSION: u32 = 2;

/// The last number handed out per kind, so ids are never reused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counters {
    #[serde(default)]
    pub logistics: u32,
    #[serde(default)]
    pub document: u32,
    #[serde(default)]
    pub meeting: u32,
    #[serde(default)]
    pub substitute: u32,
}

impl Counters {
    fn slot(&mut self, kind: Kind) -> &mut u32 {
        match kind {
            Kind::Logistics => &mut self.logistics,
            Kind::Document => &mut self.document,
            Kind::Meeting => &mut self.meeting,
            Kind::Substitute => &mut self.substitute,
        }
    }
}

/// Everything `liaison` keeps.
///
/// Here and in every record inside it an unknown field is refused: a damaged
/// key would otherwise drop its value without a word, and the next save would
/// write the loss to disk. A newer format is told apart by its `version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub version: u32,
    /// The inspection's name, shown in the header and the brief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection: Option<String>,
    #[serde(default)]
    pub counters: Counters,
    #[serde(default)]
    pub items: Vec<Item>,
    /// Notes captured without an item to attach them to.
    #[serde(default)]
    pub inbox: Vec<Note>,
    /// The team roster.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<super::Member>,
    /// Every attendance report, oldest first; it only grows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<super::attendance::Presence>,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: VERSION,
            inspection: None,
            counters: Counters::default(),
            items: Vec::new(),
            inbox: Vec::new(),
            members: Vec::new(),
            attendance: Vec::new(),
        }
    }
}

impl State {
    /// The position of the item with `id` (case-insensitive: `d12` finds `D12`).
    pub fn position(&self, id: &str) -> Option<usize> {
        let id = id.trim();
        self.items
            .iter()
            .position(|i| i.id.eq_ignore_ascii_case(id))
    }

    pub fn get(&self, id: &str) -> Option<&Item> {
        self.position(id).map(|i| &self.items[i])
    }

    fn require(&self, id: &str) -> Result<usize, ModelError> {
        self.position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))
    }

    /// Adds a new item, giving it the next id of its kind. Returns the id.
    /// A substitute assignment added as done needs its hand-back note.
    pub fn add(&mut self, mut item: Item) -> Result<String, ModelError> {
        tidy(&mut item);
        validate(&item)?;
        let slot = self.counters.slot(item.kind);
        // Never hand out an id that is already in use, whatever the counter says.
        let mut n = *slot + 1;
        while self
            .position(&format!("{}{n}", item.kind.prefix()))
            .is_some()
        {
            n += 1;
        }
        item.id = format!("{}{n}", item.kind.prefix());
        if item.status == Status::Done {
            super::substitute::guard_done(&item)?;
        }
        *self.counters.slot(item.kind) = n;
        let id = item.id.clone();
        self.items.push(item);
        Ok(id)
    }

    /// Replaces the item with the same id by `item`, after validation.
    /// Returns the item as it was. An edit that closes a substitute
    /// assignment needs its hand-back note, as `mark_done` does.
    pub fn replace(&mut self, item: Item, now: Time) -> Result<Item, ModelError> {
        self.replace_because(item, None, now)
    }

    /// `replace`, with the reason for lowering a document's class, which it
    /// needs (see `custody::guard_class`).
    pub fn replace_because(
        &mut self,
        mut item: Item,
        reason: Option<&str>,
        now: Time,
    ) -> Result<Item, ModelError> {
        let at = self.require(&item.id)?;
        tidy(&mut item);
        validate(&item)?;
        super::custody::guard_class(&self.items[at], &mut item, reason, now)?;
        if item.kind != self.items[at].kind {
            return Err(ModelError::Refused("an item cannot change kind".into()));
        }
        if item.status == Status::Done && self.items[at].status != Status::Done {
            super::substitute::guard_done(&item)?;
        }
        item.updated = now;
        Ok(std::mem::replace(&mut self.items[at], item))
    }

    /// Removes the item with `id` and returns it (the journal keeps it as a
    /// tombstone). An item with custody history is never removed.
    pub fn remove(&mut self, id: &str) -> Result<Item, ModelError> {
        let at = self.require(id)?;
        super::custody::guard_delete(&self.items[at])?;
        Ok(self.items.remove(at))
    }

    /// Marks an item done. Returns the item as it was. A document is done
    /// only through its custody (`State::custody`), so this refuses one whose
    /// custody has not closed; a substitute assignment only with a hand-back
    /// note (`State::hand_back`).
    pub fn mark_done(&mut self, id: &str, now: Time) -> Result<Item, ModelError> {
        let at = self.require(id)?;
        super::custody::guard_done(&self.items[at])?;
        if self.items[at].status != Status::Done {
            super::substitute::guard_done(&self.items[at])?;
        }
        let before = self.items[at].clone();
        let item = &mut self.items[at];
        item.status = Status::Done;
        item.updated = now;
        super::recur::roll(self, at, now);
        Ok(before)
    }

    /// Attaches a note to the item with `id`, or to the inbox when `id` is none.
    pub fn add_note(&mut self, id: Option<&str>, text: &str, now: Time) -> Result<(), ModelError> {
        if text.trim().is_empty() {
            return Err(ModelError::EmptyNote);
        }
        let note = Note {
            at: now,
            text: text.trim_end().to_string(),
        };
        match id {
            None => self.inbox.push(note),
            Some(id) => {
                let at = self.require(id)?;
                let item = &mut self.items[at];
                item.notes.push(note);
                item.updated = now;
            }
        }
        Ok(())
    }

    /// Puts an item back as it was (`Some`) or takes it away (`None`): the
    /// primitive behind undo, which works on one item and so never disturbs
    /// changes other processes made to other items meanwhile.
    pub fn restore(&mut self, id: &str, item: Option<Item>) {
        match (self.position(id), item) {
            (Some(at), Some(item)) => self.items[at] = item,
            (Some(at), None) => {
                self.items.remove(at);
            }
            (None, Some(item)) => self.items.push(item),
            (None, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::now;
    use crate::model::{Category, MeetingType, Rule};

    #[test]
    fn ids_follow_the_kind_and_are_never_reused() {
        let mut s = State::default();
        let a = s
            .add(Item::new(Kind::Document, "党委会会议记录", now()))
            .unwrap();
        let b = s
            .add(Item::new(Kind::Document, "财务明细账", now()))
            .unwrap();
        let m = s.add(Item::new(Kind::Meeting, "动员会", now())).unwrap();
        assert_eq!((a.as_str(), b.as_str(), m.as_str()), ("D1", "D2", "M1"));
        s.remove("D2").unwrap();
        let c = s.add(Item::new(Kind::Document, "信访件", now())).unwrap();
        assert_eq!(c, "D3");
    }

    #[test]
    fn empty_or_blank_title_is_refused_and_nothing_changes() {
        let mut s = State::default();
        for t in ["", "   ", "\t\n"] {
            assert_eq!(
                s.add(Item::new(Kind::Logistics, t, now())),
                Err(ModelError::EmptyTitle)
            );
        }
        assert!(s.items.is_empty());
        assert_eq!(s.counters, Counters::default());
    }

    #[test]
    fn end_before_start_is_refused() {
        let mut item = Item::new(Kind::Meeting, "个别谈话", now());
        item.start = Some(now());
        item.end = Some(now() - chrono::Duration::minutes(1));
        assert!(matches!(
            validate(&item),
            Err(ModelError::EndBeforeStart { .. })
        ));
        item.end = Some(now());
        assert_eq!(validate(&item), Ok(()));
    }

    #[test]
    fn fields_of_another_kind_are_refused() {
        let mut item = Item::new(Kind::Meeting, "动员会", now());
        item.rule = Some(Rule::Shred);
        assert!(matches!(
            validate(&item),
            Err(ModelError::FieldNotForKind { field: "rule", .. })
        ));
        let mut item = Item::new(Kind::Document, "账册", now());
        item.meeting_type = Some(MeetingType::Hearing);
        assert!(matches!(
            validate(&item),
            Err(ModelError::FieldNotForKind { field: "type", .. })
        ));
        let mut item = Item::new(Kind::Substitute, "起草报告", now());
        item.category = Some(Category::Meals);
        assert!(validate(&item).is_err());
    }

    #[test]
    fn unknown_kind_is_a_typed_error() {
        let err = "vehicle".parse::<Kind>().unwrap_err();
        assert!(matches!(
            err,
            ModelError::UnknownValue { field: "Kind", .. }
        ));
        assert_eq!("Meeting".parse::<Kind>(), Ok(Kind::Meeting));
    }

    #[test]
    fn title_is_trimmed() {
        let mut s = State::default();
        let id = s
            .add(Item::new(Kind::Logistics, "  订房  ", now()))
            .unwrap();
        assert_eq!(s.get(&id).unwrap().title, "订房");
    }

    #[test]
    fn unknown_id_is_refused() {
        let mut s = State::default();
        assert_eq!(
            s.mark_done("D9", now()),
            Err(ModelError::UnknownId("D9".into()))
        );
        assert_eq!(
            s.add_note(Some("x1"), "记录", now()),
            Err(ModelError::UnknownId("x1".into()))
        );
    }

    #[test]
    fn lookup_is_case_insensitive() {
        let mut s = State::default();
        s.add(Item::new(Kind::Meeting, "听取汇报", now())).unwrap();
        assert!(s.get("m1").is_some());
    }

    #[test]
    fn notes_go_to_the_item_or_the_inbox() {
        let mut s = State::default();
        let id = s.add(Item::new(Kind::Meeting, "个别谈话", now())).unwrap();
        s.add_note(Some(&id), "问：为什么没有公开招标？", now())
            .unwrap();
        s.add_note(None, "明早确认车辆", now()).unwrap();
        assert_eq!(s.get(&id).unwrap().notes.len(), 1);
        assert_eq!(s.inbox.len(), 1);
        assert!(s.add_note(None, "  ", now()).is_err());
    }

    #[test]
    fn restore_undoes_add_edit_and_delete() {
        let mut s = State::default();
        let id = s.add(Item::new(Kind::Logistics, "订房", now())).unwrap();
        let before = s.mark_done(&id, now()).unwrap();
        s.restore(&id, Some(before.clone()));
        assert_eq!(s.get(&id).unwrap().status, Status::Open);
        let gone = s.remove(&id).unwrap();
        s.restore(&id, Some(gone));
        assert!(s.get(&id).is_some());
        s.restore(&id, None);
        assert!(s.get(&id).is_none());
    }
}

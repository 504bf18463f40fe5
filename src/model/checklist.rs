//! A meeting's preparation checklist (会务准备): room booked, sign-in sheet,
//! materials and equipment by default; the liaison ticks, adds, renames and
//! removes entries.
//!
//! A default entry is stored by a stable key, so it shows in the user's
//! language (`i18n::check`); an entry the user wrote, or renamed, is stored as
//! their text.

use serde::{Deserialize, Serialize};

use super::{Item, Kind, MeetingError, ModelError, State, Time};
use crate::choice;

choice!(
    /// A default checklist entry.
    Prep { Room = "room", SignIn = "sign-in", Materials = "materials", Equipment = "equipment" }
);

/// One entry of the checklist: a default one (`key`) or the user's own
/// (`text`), ticked or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Prep>,
    /// The user's wording; when set it is shown instead of the key's label.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

impl Check {
    /// A default entry, not ticked.
    pub fn preset(key: Prep) -> Check {
        Check {
            key: Some(key),
            text: String::new(),
            done: false,
        }
    }

    /// An entry in the user's words, not ticked.
    pub fn custom(text: impl Into<String>) -> Check {
        Check {
            key: None,
            text: text.into(),
            done: false,
        }
    }

    /// Neither a default entry nor any text: nothing to show.
    pub fn is_blank(&self) -> bool {
        self.key.is_none() && self.text.trim().is_empty()
    }
}

/// The checklist a new meeting starts with.
pub fn default_checklist() -> Vec<Check> {
    Prep::ALL.iter().copied().map(Check::preset).collect()
}

/// The position of the entry `entry` names: its number as shown (from 1), a
/// default entry's key (`room`, `sign-in`, …) or the entry's own text (case
/// and surrounding spaces ignored).
pub fn find(checklist: &[Check], entry: &str) -> Option<usize> {
    let entry = entry.trim();
    if let Ok(n) = entry.parse::<usize>() {
        return (1..=checklist.len()).contains(&n).then(|| n - 1);
    }
    let key = entry.parse::<Prep>().ok();
    checklist.iter().position(|c| {
        (key.is_some() && c.key == key && c.text.is_empty())
            || (!c.text.is_empty() && c.text.trim().to_lowercase() == entry.to_lowercase())
    })
}

impl State {
    /// The meeting with `id`, or why there is none.
    pub fn meeting(&self, id: &str) -> Result<&Item, ModelError> {
        self.meeting_at(id).map(|at| &self.items[at])
    }

    fn meeting_at(&self, id: &str) -> Result<usize, ModelError> {
        let at = self
            .position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        let item = &self.items[at];
        if item.kind != Kind::Meeting {
            return Err(MeetingError::NotAMeeting {
                id: item.id.clone(),
                kind: item.kind,
            }
            .into());
        }
        Ok(at)
    }

    /// Applies `edit` to the checklist of meeting `id`; `index` must name an
    /// entry when given. Returns the item as it was (for undo).
    fn edit_checklist(
        &mut self,
        id: &str,
        index: Option<usize>,
        now: Time,
        edit: impl FnOnce(&mut Vec<Check>),
    ) -> Result<Item, ModelError> {
        let at = self.meeting_at(id)?;
        let item = &mut self.items[at];
        if let Some(i) = index
            && i >= item.checklist.len()
        {
            return Err(MeetingError::NoSuchCheck {
                id: item.id.clone(),
                entry: (i + 1).to_string(),
            }
            .into());
        }
        let before = item.clone();
        edit(&mut item.checklist);
        item.updated = now;
        Ok(before)
    }

    /// Ticks the entry at `index` of meeting `id`, or unticks it.
    pub fn toggle_check(&mut self, id: &str, index: usize, now: Time) -> Result<Item, ModelError> {
        self.edit_checklist(id, Some(index), now, |c| c[index].done = !c[index].done)
    }

    /// Adds an entry in the user's words at the end of the checklist.
    pub fn add_check(&mut self, id: &str, text: &str, now: Time) -> Result<Item, ModelError> {
        let text = non_empty(text)?;
        self.edit_checklist(id, None, now, |c| c.push(Check::custom(text)))
    }

    /// Renames an entry; a default one becomes the user's own words, ticked
    /// as it was.
    pub fn rename_check(
        &mut self,
        id: &str,
        index: usize,
        text: &str,
        now: Time,
    ) -> Result<Item, ModelError> {
        let text = non_empty(text)?;
        self.edit_checklist(id, Some(index), now, |c| {
            c[index].key = None;
            c[index].text = text;
        })
    }

    /// Removes an entry.
    pub fn remove_check(&mut self, id: &str, index: usize, now: Time) -> Result<Item, ModelError> {
        self.edit_checklist(id, Some(index), now, |c| {
            c.remove(index);
        })
    }
}

fn non_empty(text: &str) -> Result<String, ModelError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(MeetingError::EmptyCheck.into());
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::now;

    fn with_meeting() -> (State, String) {
        let mut s = State::default();
        let id = s
            .add(Item::new(Kind::Meeting, "巡察工作动员会", now()))
            .unwrap();
        (s, id)
    }

    fn keys(s: &State, id: &str) -> Vec<(Option<Prep>, String, bool)> {
        let item = s.get(id).unwrap();
        item.checklist
            .iter()
            .map(|c| (c.key, c.text.clone(), c.done))
            .collect()
    }

    #[test]
    fn a_new_meeting_has_the_default_checklist_and_other_kinds_none() {
        let (s, id) = with_meeting();
        let keys: Vec<_> = s
            .get(&id)
            .unwrap()
            .checklist
            .iter()
            .map(|c| c.key)
            .collect();
        assert_eq!(
            keys,
            [Prep::Room, Prep::SignIn, Prep::Materials, Prep::Equipment].map(Some)
        );
        assert!(s.get(&id).unwrap().checklist.iter().all(|c| !c.done));
        assert!(
            Item::new(Kind::Document, "账册", now())
                .checklist
                .is_empty()
        );
    }

    #[test]
    fn toggle_ticks_and_unticks_and_returns_the_item_before() {
        let (mut s, id) = with_meeting();
        let later = now() + chrono::Duration::minutes(5);
        let before = s.toggle_check(&id, 1, later).unwrap();
        assert!(!before.checklist[1].done);
        assert!(s.get(&id).unwrap().checklist[1].done);
        assert_eq!(s.get(&id).unwrap().updated, later);
        s.toggle_check(&id, 1, later).unwrap();
        assert!(!s.get(&id).unwrap().checklist[1].done);
    }

    #[test]
    fn add_rename_remove() {
        let (mut s, id) = with_meeting();
        s.add_check(&id, "  打印座签  ", now()).unwrap();
        s.toggle_check(&id, 0, now()).unwrap();
        s.rename_check(&id, 0, "三楼大会议室已预订", now()).unwrap();
        s.remove_check(&id, 3, now()).unwrap();
        assert_eq!(
            keys(&s, &id),
            [
                (None, "三楼大会议室已预订".to_string(), true),
                (Some(Prep::SignIn), String::new(), false),
                (Some(Prep::Materials), String::new(), false),
                (None, "打印座签".to_string(), false),
            ]
        );
    }

    #[test]
    fn refusals_change_nothing() {
        let (mut s, id) = with_meeting();
        let doc = s.add(Item::new(Kind::Document, "账册", now())).unwrap();
        let before = s.clone();
        assert!(matches!(
            s.toggle_check(&id, 4, now()),
            Err(ModelError::Meeting(MeetingError::NoSuchCheck { .. }))
        ));
        assert!(matches!(
            s.add_check(&id, "   ", now()),
            Err(ModelError::Meeting(MeetingError::EmptyCheck))
        ));
        assert!(matches!(
            s.toggle_check(&doc, 0, now()),
            Err(ModelError::Meeting(MeetingError::NotAMeeting { .. }))
        ));
        assert_eq!(
            s.toggle_check("M9", 0, now()),
            Err(ModelError::UnknownId("M9".into()))
        );
        assert_eq!(s, before);
    }

    #[test]
    fn find_by_number_key_or_text() {
        let mut list = default_checklist();
        list.push(Check::custom("Name Cards"));
        assert_eq!(find(&list, "1"), Some(0));
        assert_eq!(find(&list, "5"), Some(4));
        assert_eq!(find(&list, "0"), None);
        assert_eq!(find(&list, "6"), None);
        assert_eq!(find(&list, "sign-in"), Some(1));
        assert_eq!(find(&list, " name cards "), Some(4));
        assert_eq!(find(&list, "projector"), None);
    }

    #[test]
    fn a_checklist_on_another_kind_or_a_blank_entry_is_refused() {
        let mut doc = Item::new(Kind::Document, "账册", now());
        doc.checklist = default_checklist();
        assert!(matches!(
            crate::model::validate(&doc),
            Err(ModelError::FieldNotForKind {
                field: "checklist",
                ..
            })
        ));
        let mut m = Item::new(Kind::Meeting, "动员会", now());
        m.checklist.push(Check::custom(" "));
        assert!(crate::model::validate(&m).is_err());
    }
}

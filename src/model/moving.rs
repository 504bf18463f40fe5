//! Moving an item to another pane (`liaison move L3 substitute`): the title,
//! times, notes, follow-ups, priority and contact go with it; a field the new
//! kind has no place for is refused unless the caller agrees to drop it. The
//! item gets the next id of its new kind.

use super::checklist::default_checklist;
use super::{Category, Class, Item, Kind, MeetingType, ModelError, Rule, State, Time};

/// Why a move was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveRefusal {
    /// It is already of that kind.
    SameKind(Kind),
    /// These fields would be lost (names as the command line's options).
    Loses {
        kind: Kind,
        fields: Vec<&'static str>,
    },
    /// A document with a custody log stays a document.
    Custody,
}

/// The fields of `item` that a `to` item has no place for. Values an item
/// gets by default (a new document's rule, a meeting's preset checklist)
/// are not counted: nobody typed them.
pub fn lost_fields(state: &State, item: &Item, to: Kind) -> Vec<&'static str> {
    let mut lost = Vec::new();
    let mut lose = |cond: bool, name| {
        if cond {
            lost.push(name);
        }
    };
    let timed = matches!(to, Kind::Meeting | Kind::Substitute);
    match to {
        Kind::Meeting => lose(
            item.due.is_some() && item.start.is_some() && item.due != item.start,
            "due",
        ),
        Kind::Substitute => {}
        _ => lose(
            item.start.is_some() && item.due.is_some() && item.start != item.due,
            "start",
        ),
    }
    lose(!timed && item.end.is_some(), "end");
    if to != Kind::Logistics {
        lose(
            item.category.is_some_and(|c| c != Category::Other),
            "category",
        );
    }
    if to != Kind::Document {
        lose(item.from.is_some(), "from");
        lose(item.rule.is_some_and(|r| r != Rule::Return), "rule");
        lose(item.class.is_some_and(|c| c != Class::Internal), "class");
        lose(item.meeting.is_some(), "meeting");
    }
    if to != Kind::Meeting {
        lose(
            item.meeting_type.is_some_and(|t| t != MeetingType::Meeting),
            "type",
        );
        lose(item.place.is_some(), "place");
        lose(!item.attendees.is_empty(), "with");
        lose(
            !item.checklist.is_empty() && item.checklist != default_checklist(),
            "checklist",
        );
        let asked_here = state
            .items
            .iter()
            .any(|d| d.meeting.as_deref() == Some(item.id.as_str()));
        lose(asked_here, "documents");
    }
    if to != Kind::Substitute {
        lose(item.section.is_some(), "for");
        lose(item.handback.is_some(), "handback");
    }
    lost
}

/// `item` as an item of kind `to` (another kind), without an id yet: the
/// kind's own fields start from its defaults, as on a new item.
fn moved(item: &Item, to: Kind, now: Time) -> Item {
    let mut new = Item::new(to, item.title.clone(), item.created);
    new.status = item.status;
    new.priority = item.priority;
    new.contact = item.contact.clone();
    new.notes = item.notes.clone();
    new.followups = item.followups.clone();
    new.updated = now;
    match to {
        Kind::Meeting => {
            new.start = item.start.or(item.due);
            new.end = item.end;
            super::meeting::end_follows_start(&mut new, None, None);
        }
        Kind::Substitute => {
            (new.due, new.start, new.end) = (item.due, item.start, item.end);
        }
        _ => new.due = item.due.or(item.start),
    }
    new
}

impl State {
    /// Moves the item `id` to the pane of `to` under a new id, which it
    /// returns with the item as it was. Refuses, changing nothing, a field
    /// the new kind lacks unless `drop` is set (then the field is left
    /// behind, and documents asked for in a meeting no longer name it).
    pub fn move_to(
        &mut self,
        id: &str,
        to: Kind,
        drop: bool,
        now: Time,
    ) -> Result<(String, Item), ModelError> {
        let at = self
            .position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        let item = self.items[at].clone();
        let refuse = |why| ModelError::Move {
            id: item.id.clone(),
            why,
        };
        if item.kind == to {
            return Err(refuse(MoveRefusal::SameKind(to)));
        }
        if !item.custody.is_empty() {
            return Err(refuse(MoveRefusal::Custody));
        }
        let lost = lost_fields(self, &item, to);
        if !lost.is_empty() && !drop {
            return Err(refuse(MoveRefusal::Loses {
                kind: to,
                fields: lost,
            }));
        }
        let mut trial = self.clone();
        trial.items.remove(at);
        let new_id = trial.add(moved(&item, to, now))?;
        for d in &mut trial.items {
            if d.meeting.as_deref() == Some(item.id.as_str()) {
                d.meeting = None;
                d.updated = now;
            }
        }
        *self = trial;
        Ok((new_id, item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::now;
    use crate::model::{Note, Priority};

    #[test]
    fn a_move_keeps_title_due_notes_and_priority_under_a_new_id() {
        let mut s = State::default();
        let mut item = Item::new(Kind::Logistics, "起草专题报告", now());
        item.due = Some(now() + chrono::Duration::days(1));
        item.priority = Priority::High;
        item.notes.push(Note {
            at: now(),
            text: "先列提纲".into(),
        });
        let id = s.add(item.clone()).unwrap();
        let (new, before) = s.move_to(&id, Kind::Substitute, false, now()).unwrap();
        assert_eq!((new.as_str(), before.id.as_str()), ("S1", "L1"));
        assert!(s.get("L1").is_none());
        let moved = s.get("S1").unwrap();
        assert_eq!(moved.title, "起草专题报告");
        assert_eq!(moved.due, item.due);
        assert_eq!(moved.priority, Priority::High);
        assert_eq!(moved.notes, item.notes);
        assert_eq!(moved.category, None);
    }

    #[test]
    fn fields_the_new_kind_lacks_are_refused_unless_dropped() {
        let mut s = State::default();
        let mut m = Item::new(Kind::Meeting, "个别谈话", now());
        m.start = Some(now());
        m.end = Some(now() + chrono::Duration::hours(1));
        m.place = Some("二楼谈话室".into());
        let id = s.add(m).unwrap();
        let before = s.clone();
        let err = s.move_to(&id, Kind::Logistics, false, now()).unwrap_err();
        assert_eq!(
            err,
            ModelError::Move {
                id: id.clone(),
                why: MoveRefusal::Loses {
                    kind: Kind::Logistics,
                    fields: vec!["end", "place"]
                }
            }
        );
        assert_eq!(s, before);
        let (new, _) = s.move_to(&id, Kind::Logistics, true, now()).unwrap();
        let l = s.get(&new).unwrap();
        assert_eq!((l.due, l.place.as_ref()), (Some(now()), None));
    }

    #[test]
    fn a_document_with_custody_or_a_move_to_its_own_kind_is_refused() {
        let mut s = State::default();
        let id = s.add(Item::new(Kind::Document, "账册", now())).unwrap();
        assert!(matches!(
            s.move_to(&id, Kind::Document, true, now()),
            Err(ModelError::Move {
                why: MoveRefusal::SameKind(Kind::Document),
                ..
            })
        ));
        s.custody(
            &id,
            crate::model::custody::Step::new(crate::model::custody::StepKind::Receive),
            now(),
        )
        .unwrap();
        assert!(matches!(
            s.move_to(&id, Kind::Logistics, true, now()),
            Err(ModelError::Move {
                why: MoveRefusal::Custody,
                ..
            })
        ));
    }

    #[test]
    fn documents_asked_for_in_a_moved_meeting_are_a_field_to_drop() {
        let mut s = State::default();
        let mut m = Item::new(Kind::Meeting, "听取汇报", now());
        m.start = Some(now());
        let id = s.add(m).unwrap();
        s.capture(Some(&id), "#会议纪要", now()).unwrap();
        let err = s.move_to(&id, Kind::Substitute, false, now()).unwrap_err();
        assert!(
            matches!(&err, ModelError::Move { why: MoveRefusal::Loses { fields, .. }, .. } if fields.contains(&"documents")),
            "{err:?}"
        );
        s.move_to(&id, Kind::Substitute, true, now()).unwrap();
        assert_eq!(s.get("D1").unwrap().meeting, None);
    }
}

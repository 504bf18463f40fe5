//! Changing a note after it was taken: its text, or taking it away. Notes
//! are named by their number in the item's (or the inbox's) list, from 1,
//! as `liaison show` and `liaison inbox` print them.

use super::{ModelError, Note, State, Time};

impl State {
    /// The notes of `target` (an item's id; the inbox when none).
    fn notes_mut(&mut self, target: Option<&str>) -> Result<&mut Vec<Note>, ModelError> {
        match target {
            None => Ok(&mut self.inbox),
            Some(id) => {
                let at = self
                    .position(id)
                    .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
                Ok(&mut self.items[at].notes)
            }
        }
    }

    fn note_index(
        &mut self,
        target: Option<&str>,
        number: usize,
    ) -> Result<(usize, &mut Vec<Note>), ModelError> {
        let name = target.map(|t| t.trim().to_uppercase());
        let notes = self.notes_mut(target)?;
        match number.checked_sub(1).filter(|&i| i < notes.len()) {
            Some(i) => Ok((i, notes)),
            None => Err(ModelError::NoSuchNote {
                target: name,
                number,
            }),
        }
    }

    /// Replaces the text of note `number` of `target`, keeping when it was
    /// taken. Returns the note as it was. An empty text is refused.
    pub fn edit_note(
        &mut self,
        target: Option<&str>,
        number: usize,
        text: &str,
        now: Time,
    ) -> Result<Note, ModelError> {
        if text.trim().is_empty() {
            return Err(ModelError::EmptyNote);
        }
        let (i, notes) = self.note_index(target, number)?;
        let before = notes[i].clone();
        notes[i].text = text.trim_end().to_string();
        self.touch(target, now);
        Ok(before)
    }

    /// Takes note `number` away from `target` and returns it.
    pub fn delete_note(
        &mut self,
        target: Option<&str>,
        number: usize,
        now: Time,
    ) -> Result<Note, ModelError> {
        let (i, notes) = self.note_index(target, number)?;
        let gone = notes.remove(i);
        self.touch(target, now);
        Ok(gone)
    }

    /// Finds `note` among the notes of `target` by its time and text (a
    /// number read off the screen may have moved since), by its number.
    pub fn note_number(&self, target: Option<&str>, note: &Note) -> Result<usize, ModelError> {
        let notes = match target {
            None => &self.inbox,
            Some(id) => {
                &self
                    .get(id)
                    .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?
                    .notes
            }
        };
        notes
            .iter()
            .rposition(|n| n == note)
            .map(|i| i + 1)
            .ok_or_else(|| ModelError::NoSuchNote {
                target: target.map(|t| t.trim().to_uppercase()),
                number: 0,
            })
    }

    /// Moves inbox note `number` to the item `id`, keeping when it was
    /// taken: it goes among the item's notes in time order.
    pub fn file_note(&mut self, number: usize, id: &str, now: Time) -> Result<Note, ModelError> {
        let at = self
            .position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        let note = self.delete_note(None, number, now)?;
        let notes = &mut self.items[at].notes;
        let pos = notes.partition_point(|n| n.at <= note.at);
        notes.insert(pos, note.clone());
        self.items[at].updated = now;
        Ok(note)
    }

    fn touch(&mut self, target: Option<&str>, now: Time) {
        if let Some(at) = target.and_then(|id| self.position(id)) {
            self.items[at].updated = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::now;
    use crate::model::{Item, Kind, ModelError, State};

    fn with_notes() -> (State, String) {
        let mut s = State::default();
        let id = s.add(Item::new(Kind::Meeting, "个别谈话", now())).unwrap();
        for t in ["问：何时招标？", "答：去年三月", "核对合同"] {
            s.add_note(Some(&id), t, now()).unwrap();
        }
        s.add_note(None, "收件箱一条", now()).unwrap();
        (s, id)
    }

    #[test]
    fn a_note_is_edited_by_its_number_and_keeps_its_time() {
        let (mut s, id) = with_notes();
        let later = now() + chrono::Duration::hours(1);
        let before = s.edit_note(Some(&id), 2, "答：前年三月", later).unwrap();
        assert_eq!(before.text, "答：去年三月");
        let item = s.get(&id).unwrap();
        assert_eq!(item.notes[1].text, "答：前年三月");
        assert_eq!(item.notes[1].at, now());
        assert_eq!(item.updated, later);
        s.edit_note(None, 1, "收件箱改过", now()).unwrap();
        assert_eq!(s.inbox[0].text, "收件箱改过");
    }

    #[test]
    fn a_deleted_note_is_gone_and_the_rest_keep_their_order() {
        let (mut s, id) = with_notes();
        let gone = s.delete_note(Some(&id), 1, now()).unwrap();
        assert_eq!(gone.text, "问：何时招标？");
        let texts: Vec<_> = s.get(&id).unwrap().notes.iter().map(|n| &n.text).collect();
        assert_eq!(texts, ["答：去年三月", "核对合同"]);
    }

    #[test]
    fn a_filed_note_leaves_the_inbox_and_joins_the_item_in_time_order() {
        let (mut s, id) = with_notes();
        let early = now() - chrono::Duration::hours(1);
        s.inbox.insert(
            0,
            crate::model::Note {
                at: early,
                text: "早先一条".into(),
            },
        );
        let later = now() + chrono::Duration::hours(2);
        let filed = s.file_note(1, &id, later).unwrap();
        assert_eq!(filed.text, "早先一条");
        let texts: Vec<_> = s.get(&id).unwrap().notes.iter().map(|n| &n.text).collect();
        assert_eq!(
            texts,
            ["早先一条", "问：何时招标？", "答：去年三月", "核对合同"]
        );
        assert_eq!(s.get(&id).unwrap().notes[0].at, early, "its time is kept");
        assert_eq!(s.get(&id).unwrap().updated, later);
        assert_eq!(s.inbox.len(), 1);
        assert_eq!(s.note_number(None, &s.inbox[0].clone()), Ok(1));
        let before = s.clone();
        assert!(s.file_note(1, "M9", later).is_err());
        assert!(s.file_note(5, &id, later).is_err());
        assert_eq!(s, before, "a refused filing changes nothing");
    }

    #[test]
    fn a_number_out_of_range_or_an_empty_text_changes_nothing() {
        let (mut s, id) = with_notes();
        let before = s.clone();
        for n in [0, 4] {
            assert_eq!(
                s.edit_note(Some(&id), n, "x", now()),
                Err(ModelError::NoSuchNote {
                    target: Some(id.clone()),
                    number: n
                })
            );
            assert!(s.delete_note(Some(&id), n, now()).is_err());
        }
        assert_eq!(
            s.edit_note(Some(&id), 1, "  ", now()),
            Err(ModelError::EmptyNote)
        );
        assert!(s.delete_note(None, 2, now()).is_err());
        assert!(s.delete_note(Some("D9"), 1, now()).is_err());
        assert_eq!(s, before);
    }
}

//! Substitute assignments (候补): the liaison stands in for a section.
//!
//! requested → accepted → done, mapped onto [`Status`]: requested is
//! `open` (or `waiting`), accepted is `in-progress`, done is `done`. An
//! assignment is closed by handing it back with a note saying what was done
//! and what is left; [`State::mark_done`] refuses one that has no such note.
//! Every refusal is typed and changes nothing.

use thiserror::Error;

use super::{Item, Kind, ModelError, State, Status, Time};

/// Where a substitute assignment stands, in the words of the section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Asked for, not taken on yet (`open` or `waiting`).
    Requested,
    /// Taken on by the liaison (`in-progress`).
    Accepted,
    /// Handed back (`done`) or called off (`cancelled`).
    Closed(Status),
}

/// The phase of a substitute assignment with `status`.
pub fn phase(status: Status) -> Phase {
    match status {
        Status::Open | Status::Waiting => Phase::Requested,
        Status::InProgress => Phase::Accepted,
        closed => Phase::Closed(closed),
    }
}

/// Why a substitute transition was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("only substitute assignments are accepted or handed back, not a {kind} item")]
    NotASubstitute { kind: Kind },
    #[error("it has already been accepted")]
    AlreadyAccepted,
    #[error("it is already closed ({status})")]
    Closed { status: Status },
    #[error("the hand-back note is empty")]
    EmptyHandback,
    #[error("a substitute assignment is closed with a hand-back note")]
    HandbackRequired,
}

/// A refused substitute transition: which item and why.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{id}: {refusal}")]
pub struct SubstituteError {
    pub id: String,
    pub refusal: Refusal,
}

fn refuse(item: &Item, refusal: Refusal) -> ModelError {
    SubstituteError {
        id: item.id.clone(),
        refusal,
    }
    .into()
}

fn require_open_substitute(item: &Item) -> Result<(), ModelError> {
    if item.kind != Kind::Substitute {
        return Err(refuse(item, Refusal::NotASubstitute { kind: item.kind }));
    }
    if let Phase::Closed(status) = phase(item.status) {
        return Err(refuse(item, Refusal::Closed { status }));
    }
    Ok(())
}

/// Whether the item carries a hand-back note that says something.
pub fn has_handback(item: &Item) -> bool {
    item.handback
        .as_deref()
        .is_some_and(|n| !n.trim().is_empty())
}

/// Refuses to close a substitute assignment that has no hand-back note
/// (see `State::mark_done` and `State::replace`).
pub(super) fn guard_done(item: &Item) -> Result<(), ModelError> {
    if item.kind == Kind::Substitute && !has_handback(item) {
        return Err(refuse(item, Refusal::HandbackRequired));
    }
    Ok(())
}

impl State {
    /// Accepts the substitute assignment `id`: requested → accepted.
    /// Returns the item as it was (for undo).
    pub fn accept(&mut self, id: &str, now: Time) -> Result<Item, ModelError> {
        let at = self
            .position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        let item = &self.items[at];
        require_open_substitute(item)?;
        if phase(item.status) == Phase::Accepted {
            return Err(refuse(item, Refusal::AlreadyAccepted));
        }
        let before = item.clone();
        let item = &mut self.items[at];
        item.status = Status::InProgress;
        item.updated = now;
        Ok(before)
    }

    /// Hands the substitute assignment `id` back with `note` (what was done,
    /// what is left) and closes it. An assignment still requested may be
    /// handed back at once: doing it is accepting it. Returns the item as it
    /// was (for undo).
    pub fn hand_back(&mut self, id: &str, note: &str, now: Time) -> Result<Item, ModelError> {
        let at = self
            .position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        let item = &self.items[at];
        require_open_substitute(item)?;
        let note = note.trim();
        if note.is_empty() {
            return Err(refuse(item, Refusal::EmptyHandback));
        }
        let before = item.clone();
        let item = &mut self.items[at];
        item.handback = Some(note.to_string());
        item.status = Status::Done;
        item.updated = now;
        super::recur::roll(self, at, now);
        Ok(before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::now;

    fn later() -> Time {
        now() + chrono::Duration::hours(3)
    }

    fn state() -> (State, String) {
        let mut s = State::default();
        let mut item = Item::new(Kind::Substitute, "起草专项检查报告初稿", now());
        item.section = Some("综合组".into());
        let id = s.add(item).unwrap();
        (s, id)
    }

    fn refusal(e: ModelError) -> Refusal {
        match e {
            ModelError::Substitute(e) => e.refusal,
            other => panic!("not a substitute refusal: {other:?}"),
        }
    }

    #[test]
    fn requested_then_accepted_then_handed_back() {
        let (mut s, id) = state();
        assert_eq!(phase(s.get(&id).unwrap().status), Phase::Requested);
        let before = s.accept(&id, later()).unwrap();
        assert_eq!(before.status, Status::Open);
        let item = s.get(&id).unwrap();
        assert_eq!(
            (phase(item.status), item.updated),
            (Phase::Accepted, later())
        );

        let before = s
            .hand_back(&id, "  初稿已完成；附件清单未核对  ", later())
            .unwrap();
        assert_eq!(before.status, Status::InProgress);
        let item = s.get(&id).unwrap();
        assert_eq!(item.status, Status::Done);
        assert_eq!(item.handback.as_deref(), Some("初稿已完成；附件清单未核对"));
    }

    #[test]
    fn done_is_refused_without_a_hand_back_note_and_nothing_changes() {
        let (mut s, id) = state();
        s.accept(&id, now()).unwrap();
        let before = s.clone();
        let err = s.mark_done(&id, later()).unwrap_err();
        assert_eq!(refusal(err), Refusal::HandbackRequired);
        assert_eq!(s, before);
        // With a note on the item (handed back, then reopened), done is fine.
        s.hand_back(&id, "已完成", now()).unwrap();
        s.items[0].status = Status::InProgress;
        s.mark_done(&id, later()).unwrap();
        assert_eq!(s.get(&id).unwrap().status, Status::Done);
    }

    #[test]
    fn an_edit_or_an_add_cannot_close_it_without_a_note_either() {
        let (mut s, id) = state();
        let mut done = Item::new(Kind::Substitute, "协助资料组核对会计凭证", now());
        done.status = Status::Done;
        let before = s.clone();
        let err = s.add(done.clone()).unwrap_err();
        assert_eq!(refusal(err), Refusal::HandbackRequired);
        assert_eq!(s, before);
        done.handback = Some("已核对".into());
        assert_eq!(s.add(done), Ok("S2".to_string()));
        let mut edited = s.get(&id).unwrap().clone();
        edited.status = Status::Done;
        let err = s.replace(edited.clone(), later()).unwrap_err();
        assert_eq!(refusal(err), Refusal::HandbackRequired);
        edited.handback = Some("已完成".into());
        s.replace(edited, later()).unwrap();
    }

    #[test]
    fn each_wrong_transition_is_refused_and_changes_nothing() {
        let (mut s, id) = state();
        let doc = s.add(Item::new(Kind::Document, "会议记录", now())).unwrap();
        let not_sub = Refusal::NotASubstitute {
            kind: Kind::Document,
        };
        fn check(s: &mut State, f: impl Fn(&mut State) -> Result<Item, ModelError>, want: Refusal) {
            let before = s.clone();
            assert_eq!(refusal(f(s).unwrap_err()), want);
            assert_eq!(*s, before);
        }
        check(&mut s, |s| s.accept(&doc, later()), not_sub.clone());
        check(&mut s, |s| s.hand_back(&doc, "x", later()), not_sub);
        check(
            &mut s,
            |s| s.hand_back(&id, " \n ", later()),
            Refusal::EmptyHandback,
        );
        s.accept(&id, now()).unwrap();
        check(&mut s, |s| s.accept(&id, later()), Refusal::AlreadyAccepted);
        s.hand_back(&id, "已完成", now()).unwrap();
        let done = Refusal::Closed {
            status: Status::Done,
        };
        check(&mut s, |s| s.accept(&id, later()), done.clone());
        check(&mut s, |s| s.hand_back(&id, "再次", later()), done);
        assert_eq!(
            s.accept("S9", now()),
            Err(ModelError::UnknownId("S9".into()))
        );
    }

    #[test]
    fn a_requested_assignment_may_be_handed_back_at_once() {
        let (mut s, id) = state();
        s.hand_back(&id, "已替谈话组记录两场谈话", later()).unwrap();
        assert_eq!(s.get(&id).unwrap().status, Status::Done);
    }

    #[test]
    fn a_hand_back_note_belongs_to_substitutes_only() {
        let mut item = Item::new(Kind::Logistics, "订房", now());
        item.handback = Some("x".into());
        assert!(matches!(
            crate::model::validate(&item),
            Err(ModelError::FieldNotForKind {
                field: "handback",
                ..
            })
        ));
    }
}

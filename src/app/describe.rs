//! A change in a few words, for the message after undo and redo
//! (`已撤销：完成 L6`).

use super::history::Change;
use crate::i18n::{Lang, T, tr, trf};
use crate::model::Status;

/// What `change` did, named by its first item: added, deleted, marked done,
/// a note added, its priority, or an edit.
pub fn describe(lang: Lang, change: &Change) -> String {
    match change {
        Change::Item { id, before, after } => {
            let key = match (before.as_deref(), after.as_deref()) {
                (None, _) => T::ChangeAdd,
                (_, None) => T::ChangeDelete,
                (Some(b), Some(a)) if a.status == Status::Done && b.status != Status::Done => {
                    T::ChangeDone
                }
                (Some(b), Some(a)) if a.notes.len() > b.notes.len() => T::ChangeNote,
                (Some(b), Some(a)) if a.priority != b.priority => T::ChangePriority,
                _ => T::ChangeEdit,
            };
            trf(lang, key, &[id])
        }
        Change::Inbox(_) => tr(lang, T::ChangeInbox).to_string(),
        Change::Many(changes) => changes
            .first()
            .map(|c| describe(lang, c))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::now;
    use crate::model::{Item, Kind};

    #[test]
    fn a_change_is_named_by_what_it_did() {
        let mut before = Item::new(Kind::Logistics, "订房", now());
        before.id = "L6".into();
        let mut done = before.clone();
        done.status = Status::Done;
        let item = |b: Option<&Item>, a: Option<&Item>| Change::Item {
            id: "L6".into(),
            before: b.map(|i| Box::new(i.clone())),
            after: a.map(|i| Box::new(i.clone())),
        };
        assert_eq!(
            describe(Lang::Zh, &item(Some(&before), Some(&done))),
            "完成 L6"
        );
        assert_eq!(describe(Lang::Zh, &item(None, Some(&before))), "新增 L6");
        assert_eq!(describe(Lang::En, &item(Some(&before), None)), "deleted L6");
        let mut renamed = before.clone();
        renamed.title = "订会议室".into();
        assert_eq!(
            describe(Lang::En, &item(Some(&before), Some(&renamed))),
            "edit of L6"
        );
    }
}

//! A change in a few words, for the message after undo and redo
//! (`已撤销：完成 L6`): what its first operation did, and to which item.

use super::history::Change;
use crate::i18n::{Lang, T, tr};

/// What `change` did and to which item: `完成 L6`, `新增 M7`, `收件箱`.
pub fn describe(lang: Lang, change: &Change) -> String {
    let Some(op) = change.ops.first() else {
        return String::new();
    };
    let key = match op.change.as_str() {
        "add" => T::ChangeAdd,
        "done" => T::ChangeDone,
        "delete" => T::ChangeDelete,
        "note" => T::ChangeNote,
        "custody" => T::ChangeCustody,
        "tick" => T::ChangeTick,
        "inbox" => T::ChangeInbox,
        _ => T::ChangeEdit,
    };
    match &op.item {
        Some(id) => format!("{} {id}", tr(lang, key)),
        None => tr(lang, key).to_string(),
    }
}

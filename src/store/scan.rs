//! Decoding a snapshot's item the quick way: an item line in the very
//! shape this program writes it (compact, its keys in the order `Item`
//! declares them, each string plain) is read straight into an [`Item`],
//! without going through serde's visitors. At 10,000 items that decoding
//! was about twice as costly as scanning the same bytes and allocating
//! their strings, and two fifths of opening the dashboard.
//!
//! A line is taken only when `serde_json` would take it and give the same
//! item: each key where `Item` has it, each name decoded by the type's own
//! serde code, each time read by the code `rfc3339` gives serde, defaults
//! as serde fills them. What it does not know — an escape, a `null` where
//! the program writes none, whitespace, a recurrence, a class change, a
//! custody conflict — gives `None`, and the line is decoded by
//! `serde_json` as before, which also names anything wrong.

use super::cursor::Cursor;
use crate::model::checklist::Check;
use crate::model::{CustodyEvent, Followup, Item, Note, Priority, Void};

/// The item `text` (one object, without indent or comma) holds, when it
/// is in the shape the module's notes describe; else `None`.
pub(super) fn item(text: &str) -> Option<Item> {
    let mut c = Cursor::new(text);
    c.lit(b"{\"id\":")?;
    let id = c.owned()?;
    c.lit(b",\"kind\":")?;
    let kind = c.name()?;
    c.lit(b",\"title\":")?;
    let title = c.owned()?;
    c.lit(b",\"status\":")?;
    let status = c.name()?;
    let priority = c.field(b",\"priority\":", Cursor::name)?;
    let due = c.field(b",\"due\":", Cursor::time)?;
    let start = c.field(b",\"start\":", Cursor::time)?;
    let end = c.field(b",\"end\":", Cursor::time)?;
    c.lit(b",\"created\":")?;
    let created = c.time()?;
    c.lit(b",\"updated\":")?;
    let updated = c.time()?;
    let contact = c.field(b",\"contact\":", Cursor::owned)?;
    let notes = c.field(b",\"notes\":", |c| c.list(note))?;
    let followups = c.field(b",\"followups\":", |c| c.list(followup))?;
    let category = c.field(b",\"category\":", Cursor::name)?;
    let from = c.field(b",\"from\":", Cursor::owned)?;
    let rule = c.field(b",\"rule\":", Cursor::name)?;
    let class = c.field(b",\"class\":", Cursor::name)?;
    let custody = c.field(b",\"custody\":", |c| c.list(event))?;
    let custody_head = c.field(b",\"custody_head\":", Cursor::owned)?;
    let meeting = c.field(b",\"meeting\":", Cursor::owned)?;
    let parent = c.field(b",\"parent\":", Cursor::owned)?;
    let copy_kind = c.field(b",\"copy_kind\":", Cursor::name)?;
    let meeting_type = c.field(b",\"type\":", Cursor::name)?;
    let place = c.field(b",\"place\":", Cursor::owned)?;
    let attendees = c.field(b",\"attendees\":", |c| c.list(Cursor::owned))?;
    let checklist = c.field(b",\"checklist\":", |c| c.list(check))?;
    let section = c.field(b",\"for\":", Cursor::owned)?;
    let handback = c.field(b",\"handback\":", Cursor::owned)?;
    let series = c.field(b",\"series\":", Cursor::owned)?;
    c.lit(b"}")?;
    if !c.done() {
        return None;
    }
    Some(Item {
        id,
        kind,
        title,
        status,
        priority: priority.unwrap_or(Priority::Normal),
        due,
        start,
        end,
        created,
        updated,
        contact,
        notes: notes.unwrap_or_default(),
        followups: followups.unwrap_or_default(),
        category,
        from,
        rule,
        class,
        custody: custody.unwrap_or_default(),
        custody_head: custody_head.unwrap_or_default(),
        meeting,
        parent,
        copy_kind,
        class_log: Vec::new(),
        meeting_type,
        place,
        attendees: attendees.unwrap_or_default(),
        checklist: checklist.unwrap_or_default(),
        section,
        handback,
        every: None,
        every_until: None,
        series,
        this_only: None,
    })
}

/// The notes of a JSON list `text` in the shape the program writes them.
pub(super) fn notes(text: &str) -> Option<Vec<Note>> {
    let mut c = Cursor::new(text);
    let notes = c.list(note)?;
    c.done().then_some(notes)
}

/// `{"at":…,"text":…}`.
fn note(c: &mut Cursor) -> Option<Note> {
    c.lit(b"{\"at\":")?;
    let at = c.time()?;
    c.lit(b",\"text\":")?;
    let text = c.owned()?;
    c.lit(b"}")?;
    Some(Note { at, text })
}

/// `{"at":…,"text":…}` and, once ticked off, `"done":…`.
fn followup(c: &mut Cursor) -> Option<Followup> {
    c.lit(b"{\"at\":")?;
    let at = c.time()?;
    c.lit(b",\"text\":")?;
    let text = c.owned()?;
    let done = c.field(b",\"done\":", Cursor::time)?;
    c.lit(b"}")?;
    Some(Followup { at, text, done })
}

/// A custody event, its people, place, term and note always written (null
/// when not set), as the program writes them.
fn event(c: &mut Cursor) -> Option<CustodyEvent> {
    c.lit(b"{\"at\":")?;
    let at = c.time()?;
    c.lit(b",\"action\":")?;
    let action = c.name()?;
    c.lit(b",\"person\":")?;
    let person = c.or_null(Cursor::owned)?;
    c.lit(b",\"by\":")?;
    let by = c.or_null(Cursor::owned)?;
    c.lit(b",\"witness\":")?;
    let witness = c.or_null(Cursor::owned)?;
    c.lit(b",\"approved_by\":")?;
    let approved_by = c.or_null(Cursor::owned)?;
    c.lit(b",\"location\":")?;
    let location = c.or_null(Cursor::owned)?;
    c.lit(b",\"until\":")?;
    let until = c.or_null(Cursor::time)?;
    c.lit(b",\"note\":")?;
    let note = c.or_null(Cursor::owned)?;
    let reason = c.field(b",\"reason\":", Cursor::owned)?;
    let prev = c.field(b",\"prev\":", Cursor::owned)?;
    let hash = c.field(b",\"hash\":", Cursor::owned)?;
    c.lit(b",\"void\":")?;
    let void = c.or_null(|c| {
        c.lit(b"{\"at\":")?;
        let at = c.time()?;
        c.lit(b",\"by\":")?;
        let by = c.owned()?;
        c.lit(b"}")?;
        Some(Void { at, by })
    })?;
    c.lit(b"}")?;
    Some(CustodyEvent {
        at,
        action,
        person,
        by,
        witness,
        approved_by,
        location,
        until,
        note,
        reason,
        prev: prev.unwrap_or_default(),
        hash: hash.unwrap_or_default(),
        void,
        conflict: None,
    })
}

/// A checklist entry: its key and wording when set, and whether it is done.
fn check(c: &mut Cursor) -> Option<Check> {
    c.lit(b"{")?;
    let key = c.field(b"\"key\":", Cursor::name)?;
    if key.is_some() {
        c.lit(b",")?;
    }
    let text = c.field(b"\"text\":", Cursor::owned)?;
    if text.is_some() {
        c.lit(b",")?;
    }
    c.lit(b"\"done\":")?;
    let done = c.boolean()?;
    c.lit(b"}")?;
    Some(Check {
        key,
        text: text.unwrap_or_default(),
        done,
    })
}

#[cfg(test)]
mod tests;

//! The checks and tidying every item goes through before the state takes it.

use super::field::{FIELDS, FieldKey, Value};
use super::{Item, ModelError};

/// Checks an item's own fields: a title, an end not before its start, and no
/// field that belongs to another kind.
pub fn validate(item: &Item) -> Result<(), ModelError> {
    if item.title.trim().is_empty() {
        return Err(ModelError::EmptyTitle);
    }
    if let (Some(start), Some(end)) = (item.start, item.end)
        && end < start
    {
        return Err(ModelError::EndBeforeStart {
            start: start.format("%Y-%m-%d %H:%M").to_string(),
            end: end.format("%Y-%m-%d %H:%M").to_string(),
        });
    }
    super::field::check_kinds(item)?;
    if item.checklist.iter().any(|c| c.is_blank()) {
        return Err(super::MeetingError::EmptyCheck.into());
    }
    super::recur::check(item)
}

/// Trims the title and optional text fields; empty optional text becomes none.
pub fn tidy(item: &mut Item) {
    let trimmed = item.title.trim();
    if trimmed.len() != item.title.len() {
        item.title = trimmed.to_string();
    }
    // Each optional text field written back as it reads: trimmed, none
    // when empty.
    for f in FIELDS {
        if matches!(f.value, Value::Text) && f.key != FieldKey::Title {
            let (text, now) = ((f.read)(item), item.updated);
            // Text fields take any text: the write cannot fail.
            let _ = (f.write)(item, &text, now);
        }
    }
    item.attendees.retain(|a| !a.trim().is_empty());
    for a in &mut item.attendees {
        *a = a.trim().to_string();
    }
    for c in &mut item.checklist {
        c.text = c.text.trim().to_string();
    }
}

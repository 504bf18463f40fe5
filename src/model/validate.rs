//! The checks and tidying every item goes through before the state takes it.

use super::{Item, Kind, ModelError};

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
    let foreign = |field: &'static str| ModelError::FieldNotForKind {
        field,
        kind: item.kind.as_str().to_string(),
    };
    let k = item.kind;
    if k != Kind::Logistics && item.category.is_some() {
        return Err(foreign("category"));
    }
    if k != Kind::Document {
        if item.from.is_some() {
            return Err(foreign("from"));
        }
        if item.rule.is_some() {
            return Err(foreign("rule"));
        }
        if item.class.is_some() {
            return Err(foreign("class"));
        }
        if item.meeting.is_some() {
            return Err(foreign("meeting"));
        }
    }
    if k != Kind::Meeting {
        if item.meeting_type.is_some() {
            return Err(foreign("type"));
        }
        if item.place.is_some() {
            return Err(foreign("place"));
        }
        if !item.attendees.is_empty() {
            return Err(foreign("with"));
        }
        if !item.checklist.is_empty() {
            return Err(foreign("checklist"));
        }
    }
    if item.checklist.iter().any(|c| c.is_blank()) {
        return Err(super::MeetingError::EmptyCheck.into());
    }
    if k != Kind::Substitute {
        if item.section.is_some() {
            return Err(foreign("for"));
        }
        if item.handback.is_some() {
            return Err(foreign("handback"));
        }
    }
    if !matches!(k, Kind::Meeting | Kind::Substitute)
        && (item.start.is_some() || item.end.is_some())
    {
        return Err(foreign("start"));
    }
    if !matches!(k, Kind::Logistics | Kind::Substitute) && item.every.is_some() {
        return Err(foreign("every"));
    }
    super::recur::check(item)
}

/// Trims the title and optional text fields; empty optional text becomes none.
pub fn tidy(item: &mut Item) {
    let trimmed = item.title.trim();
    if trimmed.len() != item.title.len() {
        item.title = trimmed.to_string();
    }
    for field in [
        &mut item.contact,
        &mut item.from,
        &mut item.place,
        &mut item.section,
        &mut item.handback,
    ] {
        if let Some(v) = field {
            let t = v.trim();
            *field = (!t.is_empty()).then(|| t.to_string());
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

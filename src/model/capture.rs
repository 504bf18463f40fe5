//! Capturing a line of notes, with its markers. The note box of the
//! dashboard and `liaison note` both call [`State::capture`].
//!
//! Every line is saved as a timestamped note on its target (or the inbox),
//! exactly as typed. Besides:
//! - a line starting with `#` (or full-width `＃`) also asks for a document:
//!   a new document request titled with the rest of the line, whose `meeting`
//!   field names the target when the target is a meeting;
//! - a line starting with `?` (or full-width `？`) is also a follow-up
//!   question on the target, open until ticked off. A question captured to
//!   the inbox has no item to stay open on and is a plain note there.
//!
//! A request made from a secret or confidential document, or from a meeting
//! that asked for one, is at least of that class: what it names may carry
//! the same secrets, and its title shows wherever the note is withheld.
//!
//! Leading spaces before a marker are ignored; the text after it is trimmed,
//! and a marker with nothing after it is refused.

use serde::{Deserialize, Serialize};

use super::{Class, Item, Kind, MeetingError, ModelError, State, Time};

/// A question to follow up, open until ticked off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Followup {
    /// When it was asked (the time of its note).
    pub at: Time,
    /// The question, without its marker.
    pub text: String,
    /// When it was ticked off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Time>,
}

/// What a captured line asks for besides its note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// Nothing: a plain note.
    Note,
    /// `#`: a document request.
    Document,
    /// `?`: a follow-up question.
    Question,
}

/// The marker a line starts with and the text after it, trimmed (the whole
/// line, trimmed, when it has none). A document title is the first line of
/// that text only.
pub fn marker(line: &str) -> (Marker, &str) {
    let line = line.trim_start();
    let mut chars = line.chars();
    let marker = match chars.next() {
        Some('#' | '＃') => Marker::Document,
        Some('?' | '？') => Marker::Question,
        _ => return (Marker::Note, line.trim_end()),
    };
    let rest = chars.as_str().trim();
    match marker {
        Marker::Document => (marker, rest.lines().next().unwrap_or("").trim()),
        _ => (marker, rest),
    }
}

/// What [`State::capture`] made of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureOutcome {
    pub marker: Marker,
    /// The id of the document request a `#` line created.
    pub document: Option<String>,
    /// The index in the target's `followups` of the question a `?` line
    /// opened (none when the line went to the inbox).
    pub followup: Option<usize>,
}

impl Item {
    /// The follow-up questions not ticked off yet, with their index.
    pub fn open_followups(&self) -> impl Iterator<Item = (usize, &Followup)> {
        self.followups
            .iter()
            .enumerate()
            .filter(|(_, f)| f.done.is_none())
    }
}

impl State {
    /// Saves `line` as a note on `target` (the inbox when none) and does
    /// what its marker asks. Refuses, changing nothing, an empty line, a
    /// marker with nothing after it and an unknown target.
    pub fn capture(
        &mut self,
        target: Option<&str>,
        line: &str,
        now: Time,
    ) -> Result<CaptureOutcome, ModelError> {
        if line.trim().is_empty() {
            return Err(ModelError::EmptyNote);
        }
        let (marker, rest) = marker(line);
        match marker {
            Marker::Document if rest.is_empty() => return Err(MeetingError::EmptyRequest.into()),
            Marker::Question if rest.is_empty() => return Err(MeetingError::EmptyQuestion.into()),
            _ => {}
        }
        let at = target
            .map(|id| {
                self.position(id)
                    .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))
            })
            .transpose()?;
        let target_id = at.map(|i| self.items[i].id.clone());
        let request = (marker == Marker::Document).then(|| {
            let mut doc = Item::new(Kind::Document, rest, now);
            doc.meeting = at
                .filter(|&i| self.items[i].kind == Kind::Meeting)
                .and_then(|_| target_id.clone());
            if let Some(class) = at.and_then(|i| self.travelling_class(i)) {
                doc.class = Some(class);
            }
            doc
        });
        if let Some(doc) = &request {
            super::validate(doc)?;
        }

        self.add_note(target_id.as_deref(), line, now)?;
        let mut outcome = CaptureOutcome {
            marker,
            document: None,
            followup: None,
        };
        if let Some(doc) = request {
            outcome.document = Some(self.add(doc)?);
        }
        if let (Marker::Question, Some(i)) = (marker, at) {
            let followups = &mut self.items[i].followups;
            followups.push(Followup {
                at: now,
                text: rest.to_string(),
                done: None,
            });
            outcome.followup = Some(followups.len() - 1);
        }
        Ok(outcome)
    }

    /// The class a request made from `items[at]` must have at least: the
    /// document's own, or the highest of the documents its meeting asked for,
    /// when that is secret or confidential.
    fn travelling_class(&self, at: usize) -> Option<Class> {
        let target = &self.items[at];
        let classes: Vec<Class> = match target.kind {
            Kind::Document => target.class.into_iter().collect(),
            Kind::Meeting => self
                .items
                .iter()
                .filter(|i| i.kind == Kind::Document && i.meeting.as_deref() == Some(&target.id))
                .filter_map(|i| i.class)
                .collect(),
            _ => Vec::new(),
        };
        classes
            .into_iter()
            .filter(|c| c.is_sensitive())
            .max_by_key(|c| c.rank())
    }

    /// Ticks off follow-up question `index` of item `id`, or opens it again.
    /// Returns the item as it was (for undo).
    pub fn toggle_followup(
        &mut self,
        id: &str,
        index: usize,
        now: Time,
    ) -> Result<Item, ModelError> {
        let at = self
            .position(id)
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        let item = &mut self.items[at];
        let before = item.clone();
        let Some(f) = item.followups.get_mut(index) else {
            return Err(MeetingError::NoSuchFollowup {
                id: item.id.clone(),
                number: index + 1,
            }
            .into());
        };
        f.done = match f.done {
            Some(_) => None,
            None => Some(now),
        };
        item.updated = now;
        Ok(before)
    }
}

#[cfg(test)]
mod tests;

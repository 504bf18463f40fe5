//! The add/edit form: one per kind, its fields those the field table
//! (`model::field`) gives the kind's form, title first.

mod field;

pub use field::{Field, FieldKey, Value};

use tui_input::Input;

use crate::i18n::{self, Lang};
use crate::model::field::write_all;
use crate::model::{Item, Kind, ModelError, Time, validate};

/// An add or edit form.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: Kind,
    /// The id being edited; none when adding.
    pub id: Option<String>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Each field's text when the form opened: an edit writes only the
    /// fields the user changed, so it never undoes what another process
    /// changed meanwhile in the others.
    pub original: Vec<String>,
    /// `Esc` was pressed once with changes: the next one discards them.
    pub discard_asked: bool,
    /// The inbox note this new item is made from: saving files it there.
    pub from_note: Option<crate::model::Note>,
    /// A recurring duty's edit: for this occurrence only (`Some(true)`) or
    /// all coming; none until asked.
    pub this_one: Option<bool>,
}

fn fmt_time(t: Option<Time>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

impl Form {
    /// A form to add an item of `kind`, with that kind's defaults.
    pub fn add(kind: Kind, now: Time) -> Form {
        let mut form = Form::edit(&Item::new(kind, "", now));
        form.id = None;
        form
    }

    /// A form to add an item of `kind` made from an inbox note: the title
    /// holds the note's text (on one line), and saving files the note to
    /// the new item. `Esc` asks before the text is dropped.
    pub fn from_note(kind: Kind, note: &crate::model::Note, now: Time) -> Form {
        let title = crate::text::one_line(&note.text).trim().to_string();
        let mut form = Form::edit(&Item::new(kind, &title, now));
        form.id = None;
        form.original[0] = String::new();
        form.from_note = Some(note.clone());
        form
    }

    /// A form filled with `item`'s values.
    pub fn edit(item: &Item) -> Form {
        let fields: Vec<Field> = FieldKey::for_kind(item.kind)
            .into_iter()
            .map(|key| Field {
                key,
                value: value_for(key, &(key.field().read)(item)),
                error: None,
            })
            .collect();
        let original = fields.iter().map(Field::text).collect();
        Form {
            kind: item.kind,
            id: Some(item.id.clone()),
            fields,
            focus: 0,
            original,
            discard_asked: false,
            from_note: None,
            this_one: None,
        }
    }

    /// Whether any field differs from what the form opened with.
    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.original)
            .any(|(f, o)| f.text() != *o)
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    pub fn focused_mut(&mut self) -> &mut Field {
        &mut self.fields[self.focus]
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// Steps the focused choice field forward or back.
    pub fn cycle(&mut self, forward: bool) {
        if let Value::Choice { options, index } = &mut self.focused_mut().value {
            let n = options.len();
            *index = if forward {
                (*index + 1) % n
            } else {
                (*index + n - 1) % n
            };
        }
    }

    /// The time each date field's text means at `now` (an end on its
    /// start's day), for a draft to keep beside the phrase.
    pub fn resolved(&self, base: &Item, now: Time) -> Vec<(FieldKey, Time)> {
        let mut item = base.clone();
        let mut out = Vec::new();
        for f in self.fields.iter().filter(|f| f.key.purpose().is_some()) {
            let text = f.text();
            if text.trim().is_empty() || write_all(&mut item, &[(f.key, &text)], now).is_err() {
                continue;
            }
            let at = match f.key {
                FieldKey::Start => item.start,
                FieldKey::End => item.end,
                _ => item.due,
            };
            out.extend(at.map(|t| (f.key, t)));
        }
        out
    }

    /// Keeps what each date phrase meant when it was typed: a field whose
    /// phrase now reads as another time (`明天下午4点` typed yesterday) is
    /// written as the time it meant. Returns `phrase → time` for each.
    pub fn pin(&mut self, meant: &[(FieldKey, Time)], base: &Item, now: Time) -> Vec<String> {
        let reads_now = self.resolved(base, now);
        let mut pinned = Vec::new();
        for (key, at) in meant {
            if reads_now.contains(&(*key, *at)) {
                continue;
            }
            let Some(f) = self.fields.iter().find(|f| f.key == *key) else {
                continue;
            };
            let (phrase, time) = (f.text(), fmt_time(Some(*at)));
            self.set(*key, &time);
            pinned.push(format!("{} → {time}", phrase.trim()));
        }
        pinned
    }

    /// Sets a field's text (restoring a draft).
    pub fn set(&mut self, key: FieldKey, text: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key) {
            f.value = value_for(key, text);
        }
    }

    /// The item this form describes: `base` (the item being edited, as it is
    /// now, or a new one) with the fields the user changed written in. On a
    /// bad value: the field's index and why.
    pub fn apply_changes(&self, base: &Item, now: Time) -> Result<Item, (usize, ModelError)> {
        let mut item = base.clone();
        let texts: Vec<String> = self.fields.iter().map(Field::text).collect();
        let changed: Vec<(FieldKey, &str)> = self
            .fields
            .iter()
            .zip(&texts)
            .enumerate()
            .filter(|(i, (_, text))| match self.id {
                // A new item takes what was filled in (an empty end lets a
                // meeting's end follow its start).
                None => !text.trim().is_empty(),
                Some(_) => self.original.get(*i) != Some(*text),
            })
            .map(|(_, (f, text))| (f.key, text.as_str()))
            .collect();
        let at = |key: FieldKey| self.fields.iter().position(|f| f.key == key).unwrap_or(0);
        write_all(&mut item, &changed, now).map_err(|(key, e)| (at(key), e))?;
        validate(&item).map_err(|e| {
            let key = match e {
                ModelError::EndBeforeStart { .. } => FieldKey::End,
                _ => FieldKey::Title,
            };
            (at(key), e)
        })?;
        Ok(item)
    }

    /// Like `apply_changes`, and on a bad value puts the message beside the
    /// field and the focus on it; what was typed stays.
    pub fn build(&mut self, base: &Item, now: Time, lang: Lang) -> Result<Item, usize> {
        for f in &mut self.fields {
            f.error = None;
        }
        self.apply_changes(base, now).map_err(|(at, e)| {
            self.fields[at].error = Some(i18n::model_error(lang, &e));
            self.focus = at;
            at
        })
    }
}

fn value_for(key: FieldKey, current: &str) -> Value {
    match key.options() {
        Some(options) => {
            let index = options.iter().position(|o| *o == current).unwrap_or(0);
            Value::Choice { options, index }
        }
        None => Value::Text(Input::new(current.to_string())),
    }
}

#[cfg(test)]
mod tests;

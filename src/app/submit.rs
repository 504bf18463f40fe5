//! Enter and Esc in the overlays (form, note box, search, prompt), and the
//! text typed or pasted into their fields.

use ratatui::crossterm::event::Event;
use tui_input::backend::crossterm::EventHandler;
use tui_input::{Input, InputRequest};

use super::commit::{Touch, commit, commit_named, was};
use super::form::Value;
use super::item_ops::answer;
use super::{App, Capture, Detail, Overlay, View};
use crate::i18n::{self, T, tr, trf};
use crate::model::{Item, ModelError};

/// Opens the note box. It writes to the selected item, except in the
/// Meetings pane while a meeting (an interview first) is under way: then to
/// that meeting. `Tab` cycles through those and the inbox.
pub(super) fn open_capture(app: &mut App) {
    if let Some(kept) = app.kept_note.take() {
        app.overlay = Overlay::Capture(kept);
        return;
    }
    let selected = app.selected_id();
    let live = crate::model::meeting::in_progress(&app.snap.state, app.now).map(|m| m.id.clone());
    let in_meetings = app.view == View::Panes && app.focused_kind() == crate::model::Kind::Meeting;
    let first = match (&live, in_meetings) {
        (Some(live), true) => Some(live.clone()),
        _ => selected.clone(),
    };
    let mut targets = vec![first.clone()];
    for t in [live, selected, None] {
        if !targets.contains(&t) {
            targets.push(t);
        }
    }
    app.overlay = Overlay::Capture(Capture {
        input: Input::default(),
        target: first,
        targets,
        saved: 0,
    });
}

pub(super) fn submit(app: &mut App) {
    match std::mem::take(&mut app.overlay) {
        Overlay::Form(mut form) => {
            let base = match &form.id {
                Some(id) => app.snap.state.get(id).cloned(),
                None => Some(Item::new(form.kind, "", app.now)),
            };
            let Some(base) = base else {
                // Deleted meanwhile: say so and keep what was typed.
                let id = form.id.clone().unwrap_or_default();
                app.warn(i18n::model_error(app.lang, &ModelError::UnknownId(id)));
                app.overlay = Overlay::Form(form);
                return;
            };
            let item = match form.build(&base, app.now, app.lang) {
                Ok(item) => item,
                Err(_) => {
                    app.overlay = Overlay::Form(form);
                    return;
                }
            };
            if let Some(id) = super::custody::lowers_class(&base, &item) {
                // Lowering a class needs a reason: ask, keeping the edit.
                super::ask::ask_for(app, super::Ask::ClassReason { id }, form);
                return;
            }
            if base.every.is_some() && form.id.is_some() && form.this_one.is_none() {
                // A recurring duty: this occurrence only, or all coming?
                let id = base.id.clone();
                super::ask::ask_for(app, super::Ask::Occurrences { id }, form);
                return;
            }
            let from_note = form.from_note.clone();
            let saved = match form.id.clone() {
                // Re-applied to the item as it is on disk, under the lock.
                Some(id) => {
                    let edits = form.clone();
                    let named = id.clone();
                    commit_named(app, &[named.as_str()], move |s, now| {
                        let fresh = s
                            .get(&id)
                            .cloned()
                            .ok_or_else(|| ModelError::UnknownId(id.clone()))?;
                        let mut item = edits.apply_changes(&fresh, now).map_err(|(_, e)| e)?;
                        if edits.this_one == Some(true) {
                            crate::model::recur::edit_this_one(&fresh, &mut item);
                        }
                        s.replace(item, now).map(|b| was(&id, b))
                    })
                }
                // Made from an inbox note: the note is filed to the new item
                // in the same change (unless it went meanwhile).
                None => commit(app, |s, now| {
                    let id = s.add(item)?;
                    if let Some(note) = &from_note
                        && let Ok(n) = s.note_number(None, note)
                    {
                        s.file_note(n, &id, now)?;
                    }
                    Ok(Touch::Item(id))
                }),
            };
            match app.shown(saved) {
                Some(id) => {
                    app.select(&id);
                    super::clash::say_saved(app, &id);
                }
                // Refused by the store (said in the status line): keep the
                // form and what was typed.
                None => app.overlay = Overlay::Form(form),
            }
        }
        Overlay::Capture(mut capture) => {
            let text = capture.input.value().to_string();
            if text.trim().is_empty() {
                app.overlay = Overlay::Capture(capture);
                return;
            }
            let target = capture.target.clone();
            let mut created = None;
            // A note changes its item (or the inbox) and may add a document
            // request: a named change.
            let named: Vec<&str> = target.as_deref().into_iter().collect();
            let saved = commit_named(app, &named, |s, now| {
                let outcome = s.capture(target.as_deref(), &text, now)?;
                let note = match &target {
                    Some(id) => Touch::Item(id.clone()),
                    None => Touch::Inbox,
                };
                created = outcome.document.clone();
                Ok(match outcome.document {
                    // `#`: the note and the new document request, undone together.
                    Some(doc) => Touch::Many(vec![note, Touch::Item(doc)]),
                    None => note,
                })
            });
            let saved = app.shown(saved);
            if saved.is_some() {
                capture.input = Input::default();
                capture.saved += 1;
                match created {
                    Some(doc) => app.say(trf(
                        app.lang,
                        T::DocumentRequested,
                        &[&doc, &text.trim().trim_start_matches(['#', '＃']).trim()],
                    )),
                    None => app.say(tr(app.lang, T::NoteSavedShort)),
                }
            }
            app.overlay = Overlay::Capture(capture);
        }
        Overlay::Prompt(prompt) => answer(app, prompt),
        Overlay::Search => {
            // Keep the filter; the keys go back to the pane.
            if app.filter.as_ref().is_some_and(|f| f.narrowing().is_none()) {
                app.filter = None;
            }
        }
        other => app.overlay = other,
    }
}

pub(super) fn back(app: &mut App) {
    if app.privacy {
        super::privacy::cancel(app);
        return;
    }
    match std::mem::take(&mut app.overlay) {
        Overlay::Search => {
            app.unfilter();
            app.filter = None;
        }
        // An unsaved line is kept, not dropped: `n` brings it back.
        Overlay::Capture(c) if !c.input.value().trim().is_empty() => {
            app.kept_note = Some(c);
            app.say(tr(app.lang, T::NoteKept));
        }
        // A form with changes asks once before they are discarded.
        Overlay::Form(mut form) if form.changed() && !form.discard_asked => {
            form.discard_asked = true;
            app.overlay = Overlay::Form(form);
            app.warn(tr(app.lang, T::DiscardAsk));
        }
        Overlay::Form(form) if form.changed() => app.say(tr(app.lang, T::Discarded)),
        Overlay::Prompt(p)
            if matches!(
                p.ask,
                super::Ask::ClassReason { .. } | super::Ask::Occurrences { .. }
            ) =>
        {
            // Back to the form, with what was typed.
            if let Some(form) = p.waiting {
                app.overlay = Overlay::Form(form);
            }
        }
        Overlay::None => {
            // Back where the detail was opened from (the Today list, or the
            // detail a link was followed from, at its top); else the panes.
            app.view = match std::mem::replace(&mut app.view, View::Panes) {
                View::Detail(Detail {
                    back: Some(back), ..
                }) => match *back {
                    View::Detail(from) => View::Detail(Detail {
                        scroll: 0,
                        cursor: 0,
                        ..from
                    }),
                    other => other,
                },
                _ => View::Panes,
            };
        }
        // Forms, capture, help and confirmation just close.
        _ => {}
    }
}

/// A key the keymap did not claim, or a paste: text for the open field.
pub fn update_text(app: &mut App, event: &Event) {
    if app.privacy {
        super::privacy::text(app, event);
        return;
    }
    if let Overlay::Form(form) = &mut app.overlay {
        form.discard_asked = false;
    }
    if let Overlay::Prompt(p) = &app.overlay
        && matches!(p.ask, super::Ask::MakeItem { .. })
    {
        if let Event::Key(k) = event
            && let ratatui::crossterm::event::KeyCode::Char(c) = k.code
        {
            super::inbox::pick_kind(app, c);
        }
        return;
    }
    if let Overlay::Prompt(p) = &app.overlay
        && (p.ask.is_menu() || matches!(p.ask, super::Ask::ConfirmStep { .. }))
    {
        // A menu is picked from by number; a confirmation takes no text.
        if let Event::Key(k) = event
            && let ratatui::crossterm::event::KeyCode::Char(c) = k.code
        {
            match (&p.ask, c.to_digit(10)) {
                (super::Ask::Occurrences { .. }, Some(n)) => pick_occurrences(app, n as usize),
                _ => super::custody::pick(app, c),
            }
        }
        return;
    }
    let input = match &mut app.overlay {
        Overlay::Form(form) => match &mut form.focused_mut().value {
            Value::Text(input) => input,
            Value::Choice { .. } => return,
        },
        Overlay::Capture(c) => &mut c.input,
        Overlay::Prompt(p) => &mut p.input,
        Overlay::Search => match &mut app.filter {
            Some(f) => &mut f.query,
            None => return,
        },
        _ => return,
    };
    match event {
        Event::Paste(text) => paste(input, text),
        other => {
            input.handle_event(other);
        }
    }
    if matches!(app.overlay, Overlay::Search) {
        app.refilter();
    }
    super::inbox::retyped(app);
}

/// `1` this occurrence only, `2` all coming: the edit waiting is saved so.
fn pick_occurrences(app: &mut App, n: usize) {
    let this_one = match n {
        1 => true,
        2 => false,
        _ => return,
    };
    let Overlay::Prompt(prompt) = std::mem::take(&mut app.overlay) else {
        return;
    };
    let Some(mut form) = prompt.waiting else {
        app.overlay = Overlay::None;
        return;
    };
    form.this_one = Some(this_one);
    app.overlay = Overlay::Form(form);
    submit(app);
}

/// Inserts pasted text at the cursor, on one line, whole.
fn paste(input: &mut Input, text: &str) {
    let clean: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect();
    let at = input.cursor();
    let value = input.value();
    let byte = value
        .char_indices()
        .nth(at)
        .map(|(b, _)| b)
        .unwrap_or(value.len());
    let mut next = String::with_capacity(value.len() + clean.len());
    next.push_str(&value[..byte]);
    next.push_str(&clean);
    next.push_str(&value[byte..]);
    let cursor = at + clean.chars().count();
    *input = Input::new(next).with_cursor(cursor);
    let _ = input.handle(InputRequest::SetCursor(cursor));
}

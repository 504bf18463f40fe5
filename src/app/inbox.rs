//! Notes after they were taken: in the inbox (`i`) a note is edited,
//! deleted (asked first), filed to an item or made into one; in an item's
//! detail its notes are edited and deleted. Every change goes through
//! `commit`, so the journal keeps what a note said before.

use tui_input::Input;

use super::commit::{Touch, commit, commit_or_warn};
use super::views::{Stop, stops};
use super::{App, Ask, Form, Overlay, Prompt, View};
use crate::i18n::{T, tr, trf};
use crate::model::{Item, Kind, Note};

/// How many items the filing prompt lists.
const SHOWN: usize = 5;

/// The note the keys act on: the inbox's selected one (newest first), or
/// the note under the detail's cursor. With its item (none: the inbox).
pub(super) fn selected_note(app: &App) -> Option<(Option<String>, Note)> {
    match &app.view {
        View::Inbox(inbox_view) => {
            let inbox = &app.snap.state.inbox;
            let at = inbox_view.selected.min(inbox.len().checked_sub(1)?);
            inbox.iter().rev().nth(at).map(|n| (None, n.clone()))
        }
        View::Detail(d) => {
            let item = app.snap.state.get(&d.id)?;
            match stops(&app.snap.state, item).get(d.cursor)? {
                Stop::Note(i) => Some((Some(d.id.clone()), item.notes.get(*i)?.clone())),
                _ => None,
            }
        }
        _ => None,
    }
}

fn touch(target: &Option<String>) -> Touch {
    match target {
        Some(id) => Touch::Item(id.clone()),
        None => Touch::Inbox,
    }
}

/// `Enter` / `e` in the inbox, `E` in a detail: the note's text to change.
pub(super) fn edit(app: &mut App) {
    match selected_note(app) {
        Some((target, note)) => {
            let input = Input::new(note.text.clone());
            app.overlay = Overlay::Prompt(Prompt {
                ask: Ask::EditNote { target, note },
                input,
                error: None,
                waiting: None,
            });
        }
        None => nothing_here(app),
    }
}

/// `d` in the inbox, `D` in a detail: asks before the note is deleted.
pub(super) fn delete(app: &mut App) {
    match selected_note(app) {
        Some((target, note)) => app.overlay = Overlay::ConfirmNote { target, note },
        None => nothing_here(app),
    }
}

fn nothing_here(app: &mut App) {
    let key = match app.view {
        View::Inbox(_) => T::InboxEmpty,
        _ => T::NoNoteHere,
    };
    app.say(tr(app.lang, key));
}

/// Whether `note` is still where it was (another process may have moved
/// or removed it); says so when it is not.
fn still_there(app: &mut App, target: Option<&str>, note: &Note) -> bool {
    let there = app.snap.state.note_number(target, note).is_ok();
    if !there {
        app.warn(tr(app.lang, T::NoteGone));
    }
    there
}

/// The deletion, confirmed. The note is found again by its time and text,
/// so a note another process moved is never mistaken for another one.
pub(super) fn confirm_delete(app: &mut App, target: Option<String>, note: Note) {
    if !still_there(app, target.as_deref(), &note) {
        return;
    }
    let done = commit_or_warn(app, |s, now| {
        let n = s.note_number(target.as_deref(), &note)?;
        s.delete_note(target.as_deref(), n, now)?;
        Ok(touch(&target))
    });
    if done.is_some() {
        let said = if target.is_some() {
            T::NoteRemoved
        } else {
            T::InboxNoteRemoved
        };
        app.say(tr(app.lang, said));
        keep_cursor(app);
    }
}

/// Keeps the inbox selection and the detail's cursor on a line that exists.
fn keep_cursor(app: &mut App) {
    let len = app.snap.state.inbox.len();
    let state = &app.snap.state;
    match &mut app.view {
        View::Inbox(inbox) => inbox.selected = inbox.selected.min(len.saturating_sub(1)),
        View::Detail(d) => {
            if let Some(item) = state.get(&d.id) {
                let lines = stops(state, item).len();
                d.cursor = d.cursor.min(lines.saturating_sub(1));
            }
        }
        _ => {}
    }
}

/// `f` in the inbox: asks which item the note goes to.
pub(super) fn file(app: &mut App) {
    let Some((None, note)) = selected_note(app) else {
        return nothing_here(app);
    };
    let found = candidates(app, "");
    app.overlay = Overlay::Prompt(Prompt {
        ask: Ask::FileNote {
            note,
            found,
            query: None,
            pick: 0,
        },
        input: Input::default(),
        error: None,
        waiting: None,
    });
}

/// `a` in the inbox: asks which pane the note becomes an item of.
pub(super) fn make(app: &mut App) {
    let Some((None, note)) = selected_note(app) else {
        return nothing_here(app);
    };
    super::ask::ask(app, Ask::MakeItem { note });
}

/// A digit typed in the pane menu: the add form of that pane, its title
/// the note's text.
pub(super) fn pick_kind(app: &mut App, c: char) {
    let Overlay::Prompt(Prompt {
        ask: Ask::MakeItem { note },
        ..
    }) = &app.overlay
    else {
        return;
    };
    let Some(kind) = c
        .to_digit(10)
        .and_then(|d| (d as usize).checked_sub(1))
        .and_then(|i| Kind::ALL.get(i))
    else {
        return;
    };
    let form = Form::from_note(*kind, note, app.now);
    app.overlay = Overlay::Form(Box::new(form));
}

/// The items a filing prompt offers for `query`: ids starting with it
/// first, then items whose words match (as the search does, pinyin too);
/// for nothing typed, what is on the Today list. Open items before closed.
pub(super) fn candidates(app: &mut App, query: &str) -> Vec<String> {
    let q = query.trim().to_lowercase();
    let mut out: Vec<usize> = Vec::new();
    if q.is_empty() {
        out.extend(app.today.iter().map(|(i, _)| *i));
    } else {
        app.build_haystacks();
        let hay = app.haystacks.as_deref().unwrap_or_default();
        let items = &app.snap.state.items;
        out.extend((0..items.len()).filter(|&i| items[i].id.to_lowercase().starts_with(&q)));
        let by_id = out.len();
        let query = super::search::Query::new(&q);
        for (i, h) in hay.iter().enumerate() {
            if query.matches(h) && !out[..by_id].contains(&i) {
                out.push(i);
            }
        }
    }
    let items = &app.snap.state.items;
    out.sort_by_key(|&i| items[i].status.is_closed());
    out.into_iter()
        .take(SHOWN)
        .map(|i| items[i].id.clone())
        .collect()
}

/// Whether the filing prompt is open (`Tab` and the arrows step through
/// the items it offers).
pub(super) fn filing(app: &App) -> bool {
    matches!(
        &app.overlay,
        Overlay::Prompt(Prompt {
            ask: Ask::FileNote { .. },
            ..
        })
    )
}

/// `Tab` / `↓` in the filing prompt: the next item offered, in the field
/// (`S-Tab` / `↑`: the one before).
pub(super) fn complete(app: &mut App, forward: bool) {
    let Overlay::Prompt(p) = &mut app.overlay else {
        return;
    };
    let Ask::FileNote {
        found, query, pick, ..
    } = &mut p.ask
    else {
        return;
    };
    if found.is_empty() {
        return;
    }
    if query.is_none() {
        *query = Some(p.input.value().to_string());
        *pick = 0;
    } else if forward {
        *pick = (*pick + 1) % found.len();
    } else {
        *pick = (*pick + found.len() - 1) % found.len();
    }
    p.input = Input::new(found[*pick].clone());
}

/// The text in the filing prompt changed: look again.
pub(super) fn retyped(app: &mut App) {
    let typed = match &app.overlay {
        Overlay::Prompt(Prompt {
            ask: Ask::FileNote { .. },
            input,
            ..
        }) => input.value().to_string(),
        _ => return,
    };
    let fresh = candidates(app, &typed);
    if let Overlay::Prompt(Prompt {
        ask: Ask::FileNote {
            found, query, pick, ..
        },
        ..
    }) = &mut app.overlay
    {
        *found = fresh;
        *query = None;
        *pick = 0;
    }
}

/// `Enter` in a note prompt: the new text saved, or the note filed.
pub(super) fn answer(app: &mut App, mut prompt: Prompt) {
    let text = prompt.input.value().trim().to_string();
    match prompt.ask.clone() {
        Ask::EditNote { target, note } => {
            if text == note.text.trim() {
                app.say(tr(app.lang, T::NoteUnchanged));
                return;
            }
            if !still_there(app, target.as_deref(), &note) {
                return;
            }
            let done = commit(app, |s, now| {
                let n = s.note_number(target.as_deref(), &note)?;
                s.edit_note(target.as_deref(), n, &text, now)?;
                Ok(touch(&target))
            });
            match done {
                Ok(_) if target.is_some() => app.say(tr(app.lang, T::NoteTextChanged)),
                Ok(_) => app.say(tr(app.lang, T::InboxNoteChanged)),
                Err(why) => prompt.refused(app, why),
            }
        }
        Ask::FileNote { note, found, .. } => {
            let exact = app
                .snap
                .state
                .get(&text)
                .map(|i: &Item| i.id.clone())
                .filter(|_| !text.is_empty());
            let Some(id) = exact.or_else(|| found.first().cloned()) else {
                prompt.error = Some(trf(app.lang, T::FileNoMatch, &[&text]));
                app.overlay = Overlay::Prompt(prompt);
                return;
            };
            if app.snap.state.note_number(None, &note).is_err() {
                app.warn(tr(app.lang, T::NoteGone));
                return;
            }
            let done = commit(app, |s, now| {
                let n = s.note_number(None, &note)?;
                s.file_note(n, &id, now)?;
                Ok(Touch::Many(vec![Touch::Item(id.clone()), Touch::Inbox]))
            });
            match done {
                Ok(_) => {
                    let title = app.title_of(&id);
                    app.say(trf(app.lang, T::NoteFiled, &[&id, &title]));
                    keep_cursor(app);
                }
                Err(why) => prompt.refused(app, why),
            }
        }
        _ => {}
    }
}

//! `update`: the one place that changes the dashboard's state and asks the
//! store to save. Synchronous and testable without a terminal.

use chrono::{Days, NaiveTime};
use ratatui::crossterm::event::Event;
use tui_input::backend::crossterm::EventHandler;
use tui_input::{Input, InputRequest};

use super::form::{Form, Value};
use super::history::Change;
use super::{Action, App, Capture, Overlay, View};
use crate::i18n::{self, T, tr, trf};
use crate::model::{Item, Kind, ModelError, Note, State, Time, when};
use crate::store::TxError;

/// What a change touched, so it can be undone.
enum Touch {
    Item(String, Option<Box<Item>>),
    Inbox(Note),
}

/// The touch of a change to `id`, which was `before`.
fn was(id: &str, before: Item) -> Touch {
    Touch::Item(id.to_string(), Some(Box::new(before)))
}

/// Applies `f` through the store (lock, reload, apply, save) and records it
/// for undo. Returns the id it touched, or none if it was refused.
fn commit(
    app: &mut App,
    f: impl FnOnce(&mut State, Time) -> Result<Touch, ModelError>,
) -> Option<String> {
    if app.read_only {
        app.warn(tr(app.lang, T::ReadOnlyRefused));
        return None;
    }
    let now = app.now;
    let result = app.store.transact(&mut app.snap, now, |s| f(s, now));
    let out = match result {
        Ok(Touch::Item(id, before)) => {
            let after = app.snap.state.get(&id).cloned().map(Box::new);
            app.history.record(Change::Item {
                id: id.clone(),
                before,
                after,
            });
            Some(id)
        }
        Ok(Touch::Inbox(note)) => {
            app.history.record(Change::Inbox(note));
            Some(String::new())
        }
        Err(TxError::Refused(e)) => {
            app.warn(i18n::model_error(app.lang, &e));
            None
        }
        Err(TxError::Store(e)) => {
            app.warn(e.to_string());
            None
        }
    };
    app.refresh();
    out
}

/// Carries out one action.
pub fn update(app: &mut App, action: Action) {
    use Action as A;
    if !matches!(
        action,
        A::Down | A::Up | A::PageDown | A::PageUp | A::Top | A::Bottom
    ) {
        app.status = None;
    }
    match action {
        A::Focus1 | A::Focus2 | A::Focus3 | A::Focus4 => {
            app.focus = match action {
                A::Focus1 => 0,
                A::Focus2 => 1,
                A::Focus3 => 2,
                _ => 3,
            };
            app.view = View::Panes;
        }
        A::NextPane => app.focus = (app.focus + 1) % 4,
        A::PrevPane => app.focus = (app.focus + 3) % 4,
        A::Down => step(app, 1),
        A::Up => step(app, -1),
        A::PageDown => step(app, page(app)),
        A::PageUp => step(app, -page(app)),
        A::Top => step(app, -isize::MAX / 2),
        A::Bottom => step(app, isize::MAX / 2),
        A::Open => {
            if let Some(id) = app.selected_id() {
                app.detail_scroll = 0;
                app.detail_from_today = app.view == View::Today;
                app.view = View::Detail(id);
            }
        }
        A::Add => app.overlay = Overlay::Form(Box::new(Form::add(app.focused_kind(), app.now))),
        A::Edit => {
            if let Some(item) = app.selected() {
                app.overlay = Overlay::Form(Box::new(Form::edit(item)));
            }
        }
        A::Done => done(app),
        A::Delete => {
            if let Some(id) = app.selected_id() {
                app.overlay = Overlay::Confirm(id);
            }
        }
        A::Confirm => {
            if let Overlay::Confirm(id) = std::mem::take(&mut app.overlay)
                && commit(app, |s, _| s.remove(&id).map(|before| was(&id, before))).is_some()
            {
                app.say(trf(app.lang, T::Deleted, &[&id]));
                if app.view == View::Detail(id) {
                    app.view = View::Panes;
                }
            }
        }
        A::Undo => undo_redo(app, true),
        A::Redo => undo_redo(app, false),
        A::Search => {
            app.view = View::Panes;
            app.unfilter();
            app.filter_pane = Some(app.focus);
            app.search = Input::default();
            app.overlay = Overlay::Search;
        }
        // The Today list is rebuilt on every change and every minute.
        A::Today => app.view = View::Today,
        A::Capture => open_capture(app),
        A::CycleTarget => {
            if let Overlay::Capture(c) = &mut app.overlay {
                let at = c.targets.iter().position(|t| *t == c.target).unwrap_or(0);
                c.target = c.targets[(at + 1) % c.targets.len()].clone();
            }
        }
        A::Help => {
            app.help_scroll = 0;
            app.overlay = Overlay::Help;
        }
        A::Privacy => app.privacy = true,
        A::Unlock => app.privacy = false,
        A::Quit => app.quit = true,
        A::ToggleClosed => {
            app.show_closed = !app.show_closed;
            app.refresh();
            app.say(tr(
                app.lang,
                if app.show_closed {
                    T::ShowingClosed
                } else {
                    T::HidingClosed
                },
            ));
        }
        A::Snooze => snooze(app),
        A::CyclePriority => {
            if let Some(mut item) = app.selected().cloned() {
                item.priority = match item.priority {
                    crate::model::Priority::High => crate::model::Priority::Normal,
                    crate::model::Priority::Normal => crate::model::Priority::Low,
                    crate::model::Priority::Low => crate::model::Priority::High,
                };
                let id = item.id.clone();
                commit(app, |s, now| s.replace(item, now).map(|b| was(&id, b)));
            }
        }
        A::NextField | A::PrevField | A::ChoiceNext | A::ChoicePrev => {
            if let Overlay::Form(form) = &mut app.overlay {
                match action {
                    A::NextField => form.next_field(),
                    A::PrevField => form.prev_field(),
                    A::ChoiceNext => form.cycle(true),
                    _ => form.cycle(false),
                }
            }
        }
        A::Submit => submit(app),
        A::Back => back(app),
    }
}

/// Rows a page moves.
fn page(app: &App) -> isize {
    (app.area.1 as isize / 2 - 4).max(1)
}

fn step(app: &mut App, by: isize) {
    let move_in = |sel: &mut usize, len: usize| {
        if len > 0 {
            *sel = (*sel as isize)
                .saturating_add(by)
                .clamp(0, len as isize - 1) as usize;
        }
    };
    if matches!(app.overlay, Overlay::Help) {
        app.help_scroll = (app.help_scroll as isize).saturating_add(by).max(0) as usize;
        return;
    }
    match &app.view {
        View::Detail(_) => {
            app.detail_scroll = (app.detail_scroll as isize).saturating_add(by).max(0) as usize;
        }
        View::Today => {
            let len = app.today.len();
            move_in(&mut app.today_selected, len);
        }
        View::Panes => {
            let pane = &mut app.panes[app.focus];
            let len = pane.rows.len();
            move_in(&mut pane.selected, len);
        }
    }
}

fn done(app: &mut App) {
    let Some(item) = app.selected() else { return };
    if item.status.is_closed() {
        app.say(trf(app.lang, T::AlreadyDone, &[&item.id]));
        return;
    }
    let id = item.id.clone();
    if commit(app, |s, now| s.mark_done(&id, now).map(|b| was(&id, b))).is_some() {
        app.say(trf(app.lang, T::MarkedDoneId, &[&id]));
    }
}

/// Moves the selected item's due time to tomorrow 09:00.
fn snooze(app: &mut App) {
    let Some(mut item) = app.selected().cloned() else {
        return;
    };
    if item.kind == Kind::Meeting {
        app.warn(tr(app.lang, T::SnoozeMeeting));
        return;
    }
    let tomorrow = app.now.date_naive().checked_add_days(Days::new(1));
    let Some(at) = tomorrow
        .map(|d| d.and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("valid time")))
        .and_then(|t| when::local(t, app.now))
    else {
        return;
    };
    item.due = Some(at);
    let id = item.id.clone();
    if commit(app, |s, now| s.replace(item, now).map(|b| was(&id, b))).is_some() {
        app.say(trf(app.lang, T::Snoozed, &[&id, &at.format("%m-%d %H:%M")]));
    }
}

fn undo_redo(app: &mut App, undo: bool) {
    let change = if undo {
        app.history.peek_undo()
    } else {
        app.history.peek_redo()
    }
    .cloned();
    let Some(change) = change else {
        app.say(tr(
            app.lang,
            if undo {
                T::NothingToUndo
            } else {
                T::NothingToRedo
            },
        ));
        return;
    };
    if app.read_only {
        app.warn(tr(app.lang, T::ReadOnlyRefused));
        return;
    }
    let result = app.store.transact(&mut app.snap, app.now, |s| {
        change.apply(s, undo);
        Ok::<_, ModelError>(())
    });
    match result {
        Ok(()) => {
            if undo {
                app.history.undone();
            } else {
                app.history.redone();
            }
            let what = change.id().unwrap_or(tr(app.lang, T::Inbox)).to_string();
            app.say(trf(
                app.lang,
                if undo { T::Undone } else { T::Redone },
                &[&what],
            ));
            if let View::Detail(id) = &app.view
                && app.snap.state.get(id).is_none()
            {
                app.view = View::Panes;
            }
        }
        Err(e) => app.warn(e.to_string()),
    }
    app.refresh();
}

fn open_capture(app: &mut App) {
    let selected = app.selected_id();
    let mut targets = vec![selected.clone()];
    if selected.is_some() {
        targets.push(None);
    }
    app.overlay = Overlay::Capture(Capture {
        input: Input::default(),
        target: selected,
        targets,
        saved: 0,
    });
}

fn submit(app: &mut App) {
    match std::mem::take(&mut app.overlay) {
        Overlay::Form(mut form) => {
            let base = match &form.id {
                Some(id) => match app.snap.state.get(id) {
                    Some(item) => item.clone(),
                    None => {
                        app.warn(i18n::model_error(
                            app.lang,
                            &ModelError::UnknownId(id.clone()),
                        ));
                        return;
                    }
                },
                None => Item::new(form.kind, "", app.now),
            };
            let item = match form.build(&base, app.now, app.lang) {
                Ok(item) => item,
                Err(_) => {
                    app.overlay = Overlay::Form(form);
                    return;
                }
            };
            let saved = match form.id.clone() {
                Some(id) => commit(app, |s, now| s.replace(item, now).map(|b| was(&id, b))),
                None => commit(app, |s, _| s.add(item).map(|id| Touch::Item(id, None))),
            };
            match saved {
                Some(id) => {
                    app.select(&id);
                    app.say(trf(app.lang, T::Saved, &[&id]));
                }
                // Refused by the store: keep the form and what was typed.
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
            let saved = commit(app, |s, now| match &target {
                Some(id) => {
                    let before = s.get(id).cloned();
                    s.add_note(Some(id), &text, now)?;
                    Ok(Touch::Item(id.clone(), before.map(Box::new)))
                }
                None => {
                    s.add_note(None, &text, now)?;
                    Ok(Touch::Inbox(s.inbox.last().cloned().expect("just added")))
                }
            });
            if saved.is_some() {
                capture.input = Input::default();
                capture.saved += 1;
                app.say(tr(app.lang, T::NoteSavedShort));
            }
            app.overlay = Overlay::Capture(capture);
        }
        Overlay::Search => {
            // Keep the filter; the keys go back to the pane.
            if app.search.value().trim().is_empty() {
                app.filter_pane = None;
            }
        }
        other => app.overlay = other,
    }
}

fn back(app: &mut App) {
    match std::mem::take(&mut app.overlay) {
        Overlay::Search => {
            app.unfilter();
            app.filter_pane = None;
            app.search = Input::default();
        }
        Overlay::None => {
            app.view = match app.view {
                View::Detail(_) if app.detail_from_today => View::Today,
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
        return;
    }
    let input = match &mut app.overlay {
        Overlay::Form(form) => match &mut form.focused_mut().value {
            Value::Text(input) => input,
            Value::Choice { .. } => return,
        },
        Overlay::Capture(c) => &mut c.input,
        Overlay::Search => &mut app.search,
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

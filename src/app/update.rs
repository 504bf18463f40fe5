//! `update`: the one place that changes the dashboard's state and asks the
//! store to save. Synchronous and testable without a terminal.
//! Changes go through `commit`; item commands live in `item_ops`, overlays'
//! Enter/Esc and typing in `submit`.

use super::ask::ask;
use super::commit::{commit_named_or_warn, commit_or_warn, undo_redo, was};
use super::item_ops::{done, snooze, tick, write_brief};
use super::search::Filter;
use super::submit::{back, open_capture, submit};
use super::{Action, App, Ask, Detail, Form, Overlay, Page, View};
use crate::i18n::{self, T, tr, trf};
use crate::model::Kind;

/// Carries out one action.
pub fn update(app: &mut App, action: Action) {
    use Action as A;
    if !matches!(
        action,
        A::Down | A::Up | A::PageDown | A::PageUp | A::Top | A::Bottom | A::Select { .. }
    ) {
        app.status = None;
    }
    if action != A::Back
        && let Overlay::Form(form) = &mut app.overlay
    {
        form.discard_asked = false;
    }
    // A read-only dashboard refuses before a form or a box is opened, so
    // nothing is typed only to be refused at save.
    if app.read_only && changes(action) {
        app.warn(tr(app.lang, T::ReadOnlyRefused));
        return;
    }
    if super::roster::update(app, action) || super::sync::update(app, action) {
        return;
    }
    match action {
        A::Focus(kind) => {
            app.focus = kind;
            app.view = View::Panes;
        }
        A::Select { pane, row } => {
            app.focus = pane;
            let view = &mut app.panes[pane];
            if let Some(row) = row.filter(|r| *r < view.rows.len()) {
                view.selected = row;
            }
        }
        A::NextPane => app.focus = app.focus.next(),
        A::PrevPane => app.focus = app.focus.prev(),
        A::Down => move_cursor(app, 1),
        A::Up => move_cursor(app, -1),
        A::PageDown => move_cursor(app, page(app)),
        A::PageUp => move_cursor(app, -page(app)),
        A::Top => move_cursor(app, -isize::MAX / 2),
        A::Bottom => move_cursor(app, isize::MAX / 2),
        A::Open if matches!(app.view, View::Detail(_)) => open_link(app),
        A::Open => {
            if let Some(id) = app.selected_id() {
                // From the Today list, `Esc` goes back to it.
                let back = matches!(app.view, View::Today(_)).then(|| app.view.clone());
                app.view = View::Detail(Detail::new(id, back));
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
        A::Confirm if matches!(app.overlay, Overlay::ConfirmNote { .. }) => {
            if let Overlay::ConfirmNote { target, note } = std::mem::take(&mut app.overlay) {
                super::inbox::confirm_delete(app, target, note);
            }
        }
        A::Confirm => {
            if let Overlay::Confirm(id) = std::mem::take(&mut app.overlay)
                && commit_or_warn(app, |s, _| s.remove(&id).map(|before| was(&id, before)))
                    .is_some()
            {
                app.say(trf(app.lang, T::Deleted, &[&id]));
                if app.view.detail_id() == Some(id.as_str()) {
                    app.view = View::Panes;
                }
            }
        }
        A::Undo => undo_redo(app, true),
        A::Redo => undo_redo(app, false),
        A::Search => {
            app.view = View::Panes;
            app.unfilter();
            app.filter = Some(Filter::new(app.focus));
            app.overlay = Overlay::Search;
        }
        // The Today list is rebuilt on every change and every minute.
        A::Today if !matches!(app.view, View::Today(_)) => {
            app.view = View::Today(Default::default());
        }
        A::Today => {}
        A::Capture => open_capture(app),
        A::CycleTarget => {
            if let Overlay::Capture(c) = &mut app.overlay {
                let at = c.targets.iter().position(|t| *t == c.target).unwrap_or(0);
                c.target = c.targets[(at + 1) % c.targets.len()].clone();
            }
        }
        A::Help => app.overlay = Overlay::Help(Page::default()),
        A::Privacy => app.privacy = true,
        A::Unlock => super::privacy::enter(app),
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
        A::SnoozeTo => {
            if let Some(id) = app.selected_id() {
                ask(app, Ask::SnoozeTo { id });
            }
        }
        A::Holders => app.view = View::Holders(Page::default()),
        A::Clearance => app.view = View::Clearance(Page::default()),
        A::Copy => super::custody::copy(app),
        A::Inbox => app.view = View::Inbox(Default::default()),
        A::Tick => tick(app),
        A::AddCheck => {
            if let Some(id) = app.view.detail_id()
                && app
                    .snap
                    .state
                    .get(id)
                    .is_some_and(|i| i.kind == Kind::Meeting)
            {
                let id = id.to_string();
                ask(app, Ask::AddCheck { id });
            }
        }
        A::RemoveCheck => super::item_ops::remove_check(app),
        A::EditNote => super::inbox::edit(app),
        A::DeleteNote => super::inbox::delete(app),
        A::FileNote => super::inbox::file(app),
        A::MakeItem => super::inbox::make(app),
        A::Report => write_brief(app),
        A::Workbook => super::office::write_workbook(app),
        A::Import => ask(app, Ask::Import),
        // Taken by `roster::update` and `sync::update` above.
        A::Sync
        | A::Roster
        | A::Week
        | A::PrevWeek
        | A::NextWeek
        | A::Dismiss
        | A::AttendIn
        | A::AttendOut
        | A::AttendBack
        | A::AttendLeave => {}
        A::CyclePriority => {
            if let Some(mut item) = app.selected().cloned() {
                item.priority = match item.priority {
                    crate::model::Priority::High => crate::model::Priority::Normal,
                    crate::model::Priority::Normal => crate::model::Priority::Low,
                    crate::model::Priority::Low => crate::model::Priority::High,
                };
                let (id, p) = (item.id.clone(), item.priority);
                if commit_named_or_warn(app, &[id.as_str()], |s, now| {
                    s.replace(item, now).map(|b| was(&id, b))
                })
                .is_some()
                {
                    let said = trf(
                        app.lang,
                        T::PriorityChanged,
                        &[&id, &i18n::priority(app.lang, p)],
                    );
                    app.say(said);
                }
            }
        }
        A::NextField | A::PrevField if super::inbox::filing(app) => {
            super::inbox::complete(app, action == A::NextField)
        }
        // A person's name typed in part: Tab completes it from the roster.
        A::NextField if super::complete::tab(app) => {}
        A::NextField | A::PrevField if matches!(app.overlay, Overlay::Prompt(_)) => {
            super::custody::move_field(app, action == A::NextField);
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

/// Actions that change the data or open something to change it with.
fn changes(action: Action) -> bool {
    use Action as A;
    matches!(
        action,
        A::Add
            | A::Edit
            | A::Done
            | A::Delete
            | A::Undo
            | A::Redo
            | A::Capture
            | A::Snooze
            | A::SnoozeTo
            | A::Tick
            | A::AddCheck
            | A::RemoveCheck
            | A::CyclePriority
            | A::AttendIn
            | A::AttendOut
            | A::AttendBack
            | A::AttendLeave
            | A::EditNote
            | A::DeleteNote
            | A::FileNote
            | A::MakeItem
            | A::Sync
    )
}

/// `Enter` on a linked item in a detail: that item's detail (`Esc` comes
/// back).
fn open_link(app: &mut App) {
    let View::Detail(d) = &app.view else {
        return;
    };
    let Some(item) = app.snap.state.get(&d.id) else {
        return;
    };
    let stops = super::views::stops(&app.snap.state, item);
    let Some(super::views::Stop::Link(i)) = stops.get(d.cursor).copied() else {
        return;
    };
    if let Some(to) = super::views::links(&app.snap.state, item).get(i).cloned() {
        let from = app.view.clone();
        app.view = View::Detail(Detail::new(to, Some(from)));
    }
}

/// Rows a page moves.
fn page(app: &App) -> isize {
    (app.area.1 as isize / 2 - 4).max(1)
}

/// Moves the selection (or the detail's cursor, or a page's scroll) by
/// `by` lines.
fn move_cursor(app: &mut App, by: isize) {
    let move_in = |sel: &mut usize, len: usize| {
        if len > 0 {
            *sel = (*sel as isize)
                .saturating_add(by)
                .clamp(0, len as isize - 1) as usize;
        }
    };
    let scroll = |s: &mut usize| *s = (*s as isize).saturating_add(by).max(0) as usize;
    if let Overlay::Help(page) = &mut app.overlay {
        scroll(&mut page.scroll);
        return;
    }
    let state = &app.snap.state;
    match &mut app.view {
        View::Detail(d) => {
            let stops = state
                .get(&d.id)
                .map(|i| super::views::stops(state, i))
                .unwrap_or_default();
            // In a meeting's detail the keys walk the tickable lines first;
            // past the last one they scroll on to the notes, and back.
            let last = stops.len().saturating_sub(1);
            let walk =
                !stops.is_empty() && ((by > 0 && d.cursor < last) || (by < 0 && d.scroll == 0));
            if walk {
                d.cursor = (d.cursor as isize)
                    .saturating_add(by)
                    .clamp(0, last as isize) as usize;
            } else {
                scroll(&mut d.scroll);
            }
        }
        View::Inbox(inbox) => move_in(&mut inbox.selected, state.inbox.len()),
        View::Roster => super::roster::move_by(app, by),
        View::Holders(p) | View::Clearance(p) | View::Week(p) => scroll(&mut p.scroll),
        View::Today(t) => move_in(&mut t.selected, app.today.len()),
        View::Panes => {
            let pane = &mut app.panes[app.focus];
            let len = pane.rows.len();
            move_in(&mut pane.selected, len);
        }
    }
}

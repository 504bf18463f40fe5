//! Commands: a change applied through the store and kept for undo
//! (`commit`), and undo and redo themselves. They return what they did or
//! why not; the caller decides where a refusal is said (the status line,
//! or the prompt that asked).

use super::history::Change;
use super::refresh::Before;
use super::{App, View};
use crate::i18n::{self, T, tr, trf};
use crate::model::{Item, ModelError, State, Time};
use crate::store::TxError;

/// What a change touched (the item to select afterwards). What it changed
/// is found by the store, field by field, and kept for undo.
pub(super) enum Touch {
    Item(String),
    Inbox,
    Many(Vec<Touch>),
}

impl Touch {
    fn id(&self) -> Option<&str> {
        match self {
            Touch::Item(id) => Some(id),
            Touch::Inbox => None,
            Touch::Many(t) => t.iter().find_map(Touch::id),
        }
    }
}

/// The touch of a change to `id` (which was `_before`: the journal keeps
/// what changed).
pub(super) fn was(id: &str, _before: Item) -> Touch {
    Touch::Item(id.to_string())
}

/// Why a change was not saved, in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Refused(pub String);

/// Applies `f` through the store (lock, catch up, apply, append to the
/// journal) and records the operations it wrote for undo. Returns the id
/// it touched (empty for the inbox), or why it was refused.
pub(super) fn commit(
    app: &mut App,
    f: impl FnOnce(&mut State, Time) -> Result<Touch, ModelError>,
) -> Result<String, Refused> {
    commit_to(app, None, f)
}

/// [`commit`] for a change that changes no item but `ids` (it may add
/// items and change the inbox): the store then compares only those.
pub(super) fn commit_named(
    app: &mut App,
    ids: &[&str],
    f: impl FnOnce(&mut State, Time) -> Result<Touch, ModelError>,
) -> Result<String, Refused> {
    commit_to(app, Some(ids), f)
}

fn commit_to(
    app: &mut App,
    ids: Option<&[&str]>,
    f: impl FnOnce(&mut State, Time) -> Result<Touch, ModelError>,
) -> Result<String, Refused> {
    if app.read_only {
        return Err(Refused(tr(app.lang, T::ReadOnlyRefused).to_string()));
    }
    let now = app.now;
    // A named change updates the views for what it touched alone.
    let before = ids.map(|ids| Before::take(app, ids));
    let (store, snap) = (&app.store, &mut app.snap);
    let result = match ids {
        Some(ids) => store.transact_named(snap, now, ids, |s| f(s, now)),
        None => store.transact_ops(snap, now, None, |s| f(s, now)),
    };
    let out = match result {
        Ok((touch, ops)) => {
            match before {
                Some(before) => app.refresh_named(before, &ops),
                None => app.refresh(),
            }
            if !ops.is_empty() {
                app.history.record(Change { ops });
            }
            Ok(touch.id().unwrap_or_default().to_string())
        }
        Err(e) => {
            app.refresh();
            Err(match e {
                TxError::Refused(e) => Refused(i18n::model_error(app.lang, &e)),
                TxError::Store(e) => Refused(i18n::store_error(app.lang, &e)),
            })
        }
    };
    app.take_notices();
    out
}

/// `commit`, a refusal said in the status line: what most keys want.
pub(super) fn commit_or_warn(
    app: &mut App,
    f: impl FnOnce(&mut State, Time) -> Result<Touch, ModelError>,
) -> Option<String> {
    let out = commit(app, f);
    app.shown(out)
}

/// `commit_named`, a refusal said in the status line.
pub(super) fn commit_named_or_warn(
    app: &mut App,
    ids: &[&str],
    f: impl FnOnce(&mut State, Time) -> Result<Touch, ModelError>,
) -> Option<String> {
    let out = commit_named(app, ids, f);
    app.shown(out)
}

impl App {
    /// The value of a command that went through, or its refusal said in
    /// the status line.
    pub(super) fn shown<V>(&mut self, result: Result<V, Refused>) -> Option<V> {
        match result {
            Ok(v) => Some(v),
            Err(Refused(why)) => {
                self.warn(why);
                None
            }
        }
    }
}

/// Undoes (or redoes) the last change, as a new change in the journal.
pub(super) fn undo_redo(app: &mut App, undo: bool) {
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
    let (now, by) = (app.now, app.who());
    let label = (if undo { "undo" } else { "redo" }, change.first_op());
    let mut kept = Vec::new();
    let result = app
        .store
        .transact_ops(&mut app.snap, now, Some(label), |s| {
            kept = change.revert(s, undo, now, &by);
            Ok::<_, ModelError>(())
        });
    match result {
        Ok(((), ops)) => {
            if undo {
                app.history.undone();
            } else {
                app.history.redone(ops);
            }
            let what = super::describe::describe(app.lang, &change);
            if kept.is_empty() {
                app.say(trf(
                    app.lang,
                    if undo { T::Undone } else { T::Redone },
                    &[&what],
                ));
            } else {
                app.warn(super::history::kept_message(app.lang, &kept, undo));
            }
            if let Some(id) = app.view.detail_id()
                && app.snap.state.get(id).is_none()
            {
                app.view = View::Panes;
            }
        }
        Err(TxError::Store(e)) => app.warn(i18n::store_error(app.lang, &e)),
        Err(TxError::Refused(e)) => app.warn(i18n::model_error(app.lang, &e)),
    }
    app.refresh();
    app.take_notices();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;
    use crate::i18n::Lang;
    use ratatui::crossterm::event::KeyCode;

    #[test]
    fn a_refused_change_is_handed_back_not_said_and_saves_nothing() {
        let (_dir, mut app) = testing::app(Lang::En, true);
        let before = testing::on_disk(&app);
        let out = commit(&mut app, |s, _| s.remove("X99").map(|b| was("X99", b)));
        assert_eq!(out, Err(Refused("no item with id 'X99'".into())));
        assert_eq!(app.status, None, "the caller decides where to say it");
        assert_eq!(testing::on_disk(&app), before);
        assert!(commit_or_warn(&mut app, |s, _| s.remove("X99").map(|b| was("X99", b))).is_none());
        assert_eq!(
            app.status.as_ref().map(|s| (s.text.as_str(), s.error)),
            Some(("no item with id 'X99'", true))
        );
    }

    #[test]
    fn a_prompt_keeps_its_refusal_and_the_status_line_stays_clear() {
        let (_dir, mut app) = testing::app(Lang::En, true);
        let id = app.items()[0].id.clone();
        super::super::ask::ask(&mut app, super::super::Ask::Handback { id });
        app.read_only = true;
        testing::key(&mut app, KeyCode::Enter);
        let super::super::Overlay::Prompt(p) = &app.overlay else {
            panic!("the prompt stays open");
        };
        assert_eq!(p.error.as_deref(), Some(tr(Lang::En, T::ReadOnlyRefused)));
        assert_eq!(app.status, None);
    }
}

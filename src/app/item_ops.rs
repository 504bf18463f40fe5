//! Commands on one item: done (a document's custody step), snooze, the
//! answers to prompts, checklist ticks, and today's brief.

use chrono::{Days, NaiveTime};

use super::ask::ask;
use super::commit::{Refused, commit_named, commit_named_or_warn, was};
use super::views::Stop;
use super::{App, Ask, Prompt};
use crate::i18n::{self, T, tr, trf};
use crate::model::{Kind, Time, when};

pub(super) fn done(app: &mut App) {
    let Some(item) = app.selected() else { return };
    if item.status.is_closed() {
        app.say(trf(app.lang, T::AlreadyDone, &[&item.id]));
        return;
    }
    let id = item.id.clone();
    if item.kind == Kind::Document {
        // A document is done through its custody: offer what fits.
        let item = item.clone();
        super::custody::start(app, &item);
        return;
    }
    if item.kind == Kind::Substitute {
        // Requested → accepted → handed back with a note of what was done.
        match crate::model::substitute::phase(item.status) {
            crate::model::substitute::Phase::Requested => {
                if commit_named_or_warn(app, &[id.as_str()], |s, now| {
                    s.accept(&id, now).map(|b| was(&id, b))
                })
                .is_some()
                {
                    app.say(trf(app.lang, T::Accepted, &[&id]));
                }
            }
            _ => ask(app, Ask::Handback { id }),
        }
        return;
    }
    let saved = commit_named(app, &[id.as_str()], |s, now| {
        s.mark_done(&id, now).map(|b| was(&id, b))
    });
    if app.shown(saved).is_some() {
        app.say(trf(app.lang, T::MarkedDoneId, &[&id]));
    }
}

/// The answer to a prompt: record it, or keep the prompt with the reason.
pub(super) fn answer(app: &mut App, prompt: Prompt) {
    let text = prompt.input.value().trim().to_string();
    match prompt.ask.clone() {
        Ask::AddCheck { id } => {
            match commit_named(app, &[id.as_str()], |s, now| {
                s.add_check(&id, &text, now).map(|b| was(&id, b))
            }) {
                Ok(_) => {
                    app.say(trf(app.lang, T::CheckAdded, &[&id, &text]));
                    let last = app.snap.state.get(&id).map(|i| i.checklist.len());
                    if let (Some(last), Some(d)) = (last, app.view.detail_mut()) {
                        d.cursor = last.saturating_sub(1);
                    }
                }
                Err(why) => prompt.refused(app, why),
            }
        }
        Ask::Import => super::office::import(app, prompt, &text),
        Ask::Attend { name, mark } => super::roster::answer(app, prompt, name, mark),
        Ask::EditNote { .. } | Ask::FileNote { .. } => super::inbox::answer(app, prompt),
        Ask::Handback { id } => {
            match commit_named(app, &[id.as_str()], |s, now| {
                s.hand_back(&id, &text, now).map(|b| was(&id, b))
            }) {
                Ok(_) => app.say(trf(app.lang, T::HandedBack, &[&id])),
                Err(why) => prompt.refused(app, why),
            }
        }
        Ask::SnoozeTo { id } => match when::parse_when(&text, app.now, when::Purpose::Due) {
            Ok(at) => {
                if let Err(why) = move_due(app, &id, at) {
                    prompt.refused(app, why);
                }
            }
            Err(e) => prompt.refused(app, Refused(i18n::model_error(app.lang, &e))),
        },
        _ => super::custody::answer(app, prompt),
    }
}

/// Moves an item's due time (a meeting is moved by editing its start).
pub(super) fn move_due(app: &mut App, id: &str, at: Time) -> Result<(), Refused> {
    let Some(mut item) = app.snap.state.get(id).cloned() else {
        return Ok(());
    };
    if item.kind == Kind::Meeting {
        return Err(Refused(tr(app.lang, T::SnoozeMeeting).to_string()));
    }
    item.due = Some(at);
    let id = id.to_string();
    commit_named(app, &[id.as_str()], |s, now| {
        s.replace(item, now).map(|b| was(&id, b))
    })?;
    app.say(trf(
        app.lang,
        T::Snoozed,
        &[&id, &i18n::preview(at, app.now, app.lang)],
    ));
    Ok(())
}

/// Moves the selected item's due time to tomorrow 09:00.
pub(super) fn snooze(app: &mut App) {
    let Some(id) = app.selected_id() else { return };
    let tomorrow = app.now.date_naive().checked_add_days(Days::new(1));
    let at = tomorrow
        .map(|d| d.and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("valid time")))
        .and_then(|t| when::local(t, app.now));
    if let Some(at) = at {
        let moved = move_due(app, &id, at);
        app.shown(moved);
    }
}

/// Removes the checklist entry under the detail's cursor (undo brings it
/// back).
pub(super) fn remove_check(app: &mut App) {
    let Some(id) = app.view.detail_id().map(str::to_string) else {
        return;
    };
    let Some(item) = app.snap.state.get(&id) else {
        return;
    };
    let stops = super::views::stops(&app.snap.state, item);
    let Some(&super::views::Stop::Check(i)) = stops.get(app.view.cursor()) else {
        return;
    };
    let label = crate::i18n::check(app.lang, &item.checklist[i]).to_string();
    if commit_named_or_warn(app, &[id.as_str()], |s, now| {
        s.remove_check(&id, i, now).map(|b| was(&id, b))
    })
    .is_some()
    {
        app.say(trf(app.lang, T::CheckRemoved, &[&id, &label]));
        if let Some(d) = app.view.detail_mut() {
            d.cursor = d.cursor.saturating_sub(1);
        }
    }
}

/// Ticks (or unticks) the checklist entry or follow-up under the detail's cursor.
pub(super) fn tick(app: &mut App) {
    let Some(id) = app.view.detail_id().map(str::to_string) else {
        return;
    };
    let Some(item) = app.snap.state.get(&id) else {
        return;
    };
    let Some(&target) = super::views::stops(&app.snap.state, item).get(app.view.cursor()) else {
        return;
    };
    // Links and notes are opened or edited, not ticked.
    let (check, i) = match target {
        Stop::Check(i) => (true, i),
        Stop::Followup(i) => (false, i),
        Stop::Link(_) | Stop::Note(_) => return,
    };
    let saved = commit_named(app, &[id.as_str()], |s, now| {
        let before = if check {
            s.toggle_check(&id, i, now)?
        } else {
            s.toggle_followup(&id, i, now)?
        };
        Ok(was(&id, before))
    });
    app.shown(saved);
    // A ticked question leaves the list: keep the cursor in range.
    let left = app
        .snap
        .state
        .get(&id)
        .map(|i| super::views::stops(&app.snap.state, i).len())
        .unwrap_or(0);
    if let Some(d) = app.view.detail_mut() {
        d.cursor = d.cursor.min(left.saturating_sub(1));
    }
}

/// Writes today's brief for the team leader into the data directory (private
/// to the user, like everything there) and says where.
pub(super) fn write_brief(app: &mut App) {
    let day = app.now.date_naive();
    let text = crate::report::brief(&app.snap.state, day, app.now, app.lang, false);
    let text = crate::report::with_head(text, app.lang, app.snap.short_head());
    match app
        .store
        .write_brief(&day.format("%Y-%m-%d").to_string(), text.as_bytes())
    {
        Ok(path) if app.store.is_encrypted() => {
            app.say(trf(app.lang, T::BriefWrittenSealed, &[&path.display()]))
        }
        Ok(path) => app.say(trf(app.lang, T::BriefWritten, &[&path.display()])),
        Err(e) => app.warn(i18n::store_error(app.lang, &e)),
    }
}

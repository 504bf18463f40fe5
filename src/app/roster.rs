//! The team in the dashboard: the roster view (who is where today, what
//! each holds, one key per attendance state), the week view, the reminder
//! of a meeting about to start and the attendance alerts.

use std::collections::HashSet;

use super::ask::ask;
use super::commit::{Refused, Touch, commit};
use super::{Action, App, Ask, Overlay, Prompt, View};
use crate::i18n::{self, M, tr, trf};
use crate::model::attendance::{self, Mark, Presence};
use crate::model::{ModelError, remind, when};

/// What the team views keep between frames.
#[derive(Debug, Clone, Default)]
pub struct Team {
    /// The roster view's selected row.
    pub selected: usize,
    /// The week shown, in weeks from this one.
    pub week: i64,
    /// Meetings whose reminder has come up (it comes up once).
    rung: HashSet<String>,
    /// Reminders put away with the dismiss key.
    dismissed: HashSet<String>,
    /// The meetings reminded of now, soonest first.
    pub reminders: Vec<String>,
    /// Reminders that came up since the loop last looked: a bell each, and
    /// a desktop notification when asked for.
    alarms: Vec<String>,
    /// Attendance alerts now, said in the user's language.
    pub alerts: Vec<String>,
}

impl App {
    /// Recomputes reminders and alerts (after a change, and each minute).
    pub fn team_refresh(&mut self) {
        let minutes = self.config.remind_minutes;
        let due: Vec<String> = if minutes == 0 {
            Vec::new()
        } else {
            remind::due(&self.snap.state, self.now, minutes)
                .iter()
                .map(|i| i.id.clone())
                .collect()
        };
        let team = &mut self.team;
        team.reminders = due
            .into_iter()
            .filter(|id| !team.dismissed.contains(id))
            .collect();
        for id in &team.reminders {
            if team.rung.insert(id.clone()) {
                team.alarms.push(id.clone());
            }
        }
        self.team.alerts = attendance::alerts(&self.snap.state, self.now)
            .iter()
            .map(|a| i18n::team::alert(self.lang, a, self.now))
            .collect();
        // Custody conflicts from the team's merge, for the liaison to resolve.
        let conflicts = i18n::sync_texts::conflict_alerts(self.lang, &self.snap.state);
        self.team.alerts.extend(conflicts);
        let n = self.snap.state.members.len();
        self.team.selected = self.team.selected.min(n.saturating_sub(1));
    }

    /// The header's reminder: the soonest meeting's start, title and place.
    pub fn reminder_line(&self) -> Option<String> {
        let id = self.team.reminders.first()?;
        let item = self.snap.state.get(id)?;
        let start = i18n::team::clock(item.start?, self.now);
        let title = crate::text::one_line(&item.title).into_owned();
        Some(match &item.place {
            Some(p) => trf(
                self.lang,
                M::Reminder,
                &[&start, &title, &crate::text::one_line(p)],
            ),
            None => trf(self.lang, M::ReminderNoPlace, &[&start, &title]),
        })
    }

    /// The reminders that came up since last asked, as notification lines.
    pub fn take_alarms(&mut self) -> Vec<String> {
        let ids = std::mem::take(&mut self.team.alarms);
        ids.iter()
            .filter_map(|id| {
                let item = self.snap.state.get(id)?;
                let start = i18n::team::clock(item.start?, self.now);
                Some(match &item.place {
                    Some(p) => trf(self.lang, M::Reminder, &[&start, &item.title, p]),
                    None => trf(self.lang, M::ReminderNoPlace, &[&start, &item.title]),
                })
            })
            .collect()
    }

    /// The member the roster view's selection is on.
    pub fn selected_member(&self) -> Option<&crate::model::Member> {
        self.snap.state.roster().get(self.team.selected).copied()
    }
}

/// The team's actions; false for any other.
pub(super) fn update(app: &mut App, action: Action) -> bool {
    match action {
        Action::Roster => {
            app.team.selected = 0;
            app.view = View::Roster;
        }
        Action::Week => {
            app.team.week = 0;
            app.view = View::Week(super::Page::default());
        }
        Action::PrevWeek => app.team.week -= 1,
        Action::NextWeek => app.team.week += 1,
        Action::Dismiss => {
            if let Some(id) = app.team.reminders.first().cloned() {
                app.team.dismissed.insert(id);
                app.team_refresh();
            }
        }
        Action::AttendIn => attend(app, Mark::In),
        Action::AttendBack => attend(app, Mark::Back),
        Action::AttendOut => attend(app, Mark::Out),
        Action::AttendLeave => attend(app, Mark::Leave),
        _ => return false,
    }
    true
}

/// Moves the roster selection by `by` rows.
pub(super) fn move_by(app: &mut App, by: isize) {
    let n = app.snap.state.members.len();
    if n == 0 {
        return;
    }
    app.team.selected = (app.team.selected as isize + by).clamp(0, n as isize - 1) as usize;
}

fn attend(app: &mut App, mark: Mark) {
    let Some(name) = app.selected_member().map(|m| m.name.clone()) else {
        return;
    };
    match mark {
        // Where to and until when are asked for.
        Mark::Out | Mark::Leave => ask(app, Ask::Attend { name, mark }),
        Mark::In | Mark::Back => {
            let recorded = record(app, Presence::new(name, mark, app.now));
            app.shown(recorded);
        }
    }
}

fn record(app: &mut App, p: Presence) -> Result<(), Refused> {
    let name = p.name.clone();
    commit(app, |s, _| s.attend(p).map(|()| Touch::Many(Vec::new())))?;
    let w = attendance::whereabouts(
        &app.snap.state,
        &name,
        attendance::day_of(app.now, app.now),
        app.now,
    );
    let said = i18n::team::whereabouts(app.lang, &w, app.now);
    app.say(trf(app.lang, M::Recorded, &[&name, &said]));
    app.team_refresh();
    Ok(())
}

/// `县交通局，15:00` → the place and, after a comma, when back; a leave's
/// answer is when it ends, and after a comma who approved it.
fn split(text: &str) -> (Option<String>, Option<String>) {
    let f = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    match text.split_once([',', '，']) {
        Some((a, b)) => (f(a), f(b)),
        None => (f(text), None),
    }
}

/// The answer to the out or leave prompt.
pub(super) fn answer(app: &mut App, mut prompt: Prompt, name: String, mark: Mark) {
    let text = prompt.input.value().to_string();
    let (first, second) = split(&text);
    let mut p = Presence::new(name, mark, app.now);
    let read = |s: &str| when::parse_when(s, app.now, when::Purpose::Due);
    let parsed: Result<(), ModelError> = (|| {
        match mark {
            Mark::Out => {
                p.place = first;
                p.until = second.as_deref().map(read).transpose()?;
            }
            _ => {
                p.until = first.as_deref().map(read).transpose()?;
                p.approved_by = second;
            }
        }
        Ok(())
    })();
    if let Err(e) = parsed {
        prompt.error = Some(i18n::model_error(app.lang, &e));
        app.overlay = Overlay::Prompt(prompt);
        return;
    }
    if let Err(why) = record(app, p) {
        prompt.refused(app, why);
    }
}

/// The prompt's question.
pub fn question(app: &App, name: &str, mark: Mark) -> String {
    match mark {
        Mark::Out => trf(app.lang, M::AskOut, &[&name]),
        _ => trf(app.lang, M::AskLeave, &[&name]),
    }
}

/// The week view's title.
pub fn week_title(app: &App) -> String {
    let monday = crate::model::week::monday_of(attendance::day_of(app.now, app.now))
        + chrono::Duration::weeks(app.team.week);
    trf(app.lang, M::WeekTitle, &[&monday.format("%Y-%m-%d")])
}

pub fn empty_roster(app: &App) -> &'static str {
    tr(app.lang, M::RosterEmpty)
}

/// `1` this occurrence only, `2` all coming: the edit waiting is saved so.
pub(super) fn pick_occurrences(app: &mut App, n: usize) {
    let this_one = match n {
        1 => true,
        2 => false,
        _ => return,
    };
    let Some(mut form) = app.pending_form.take() else {
        app.overlay = Overlay::None;
        return;
    };
    form.this_one = Some(this_one);
    app.overlay = Overlay::Form(form);
    super::submit::submit(app);
}

//! The dashboard's state, and `update`, the one place that changes it.

mod action;
mod ask;
mod clash;
mod commit;
pub mod complete;
mod custody;
mod describe;
pub mod draft;
mod filter;
pub mod form;
pub mod history;
mod inbox;
mod item_ops;
mod office;
mod panes;
pub mod privacy;
mod refresh;
pub mod roster;
mod screen;
pub mod search;
mod session;
mod submit;
pub mod sync;
#[cfg(test)]
pub mod testing;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_custody;
#[cfg(test)]
mod tests_inbox;
#[cfg(test)]
mod tests_meetings;
#[cfg(test)]
mod tests_refresh;
#[cfg(test)]
mod tests_team;
#[cfg(test)]
mod tests_trial;
#[cfg(test)]
mod tests_undo;
mod update;
pub mod views;

pub use action::Action;
pub use ask::{Ask, Choice, Prompt};
pub use form::Form;
pub use panes::{ByKind, PaneView};
pub use refresh::Refreshed;
pub use screen::{Capture, Detail, Inbox, Mode, Overlay, Page, Today, View};
pub use submit::update_text;
pub use update::update;

use crate::config::Config;
use crate::i18n::Lang;
use crate::model::triage::Reason;
use crate::model::{Clock, Item, Kind, Time};
use crate::store::{Snapshot, Store};
use history::History;

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Counts shown in the header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub overdue: usize,
    pub today: usize,
    pub on_loan: usize,
}

pub struct App {
    pub store: Store,
    pub snap: Snapshot,
    pub lang: Lang,
    pub config: Config,
    clock: Box<dyn Clock>,
    /// "Now" as of the last event, so one frame uses one time.
    pub now: Time,
    /// The focused pane.
    pub focus: Kind,
    pub view: View,
    pub overlay: Overlay,
    /// The privacy screen is up: nothing else is drawn.
    pub privacy: bool,
    /// The passphrase asked for to leave it, when the data is encrypted.
    pub unlock: Option<privacy::Unlock>,
    pub panes: ByKind<PaneView>,
    /// What needs doing today, kept up to date with every change and
    /// rebuilt every minute.
    pub today: Vec<(usize, Reason)>,
    /// Per item: a meeting that clashes with another (cached per change).
    pub conflicted: Vec<bool>,
    pub show_closed: bool,
    /// The search being typed (`Overlay::Search`) or kept as a filter.
    pub filter: Option<search::Filter>,
    /// Each item's search text, built when first searched and kept
    /// through named changes (only the touched items' are built again).
    haystacks: Option<Vec<String>>,
    /// The time the views were derived at (see `refresh`).
    views_now: Time,
    /// Whether the last change rebuilt the views or updated them.
    pub refreshed: Refreshed,
    /// The Documents pane's rows before copies are nested under their
    /// originals, to place a changed document among them.
    docs_sorted: Vec<usize>,
    pub counts: Counts,
    /// Past meetings folded out of the agenda (shown with `c`).
    pub folded_past: usize,
    /// Custody logs that fail verification, in plain words (shown in the header).
    pub chain_problems: Vec<String>,
    pub status: Option<Status>,
    pub history: History,
    /// The note box's unsaved line, kept when it was closed with `Esc`:
    /// `n` opens it again, and it is the draft until then.
    pub kept_note: Option<Capture>,
    /// Another dashboard holds the data: look, do not touch.
    pub read_only: bool,
    pub quit: bool,
    /// The terminal's size at the last draw, for mouse hits and paging.
    pub area: (u16, u16),
    /// The roster and week views, reminders and attendance alerts.
    pub team: roster::Team,
    /// The sync key's run and what the header says of sync.
    pub sync: sync::SyncView,
}

impl App {
    pub fn new(
        store: Store,
        snap: Snapshot,
        lang: Lang,
        config: Config,
        clock: Box<dyn Clock>,
    ) -> App {
        let now = clock.now();
        let mut app = App {
            store,
            snap,
            lang,
            config,
            clock,
            now,
            focus: Kind::Logistics,
            view: View::Panes,
            overlay: Overlay::None,
            privacy: false,
            unlock: None,
            panes: Default::default(),
            today: Vec::new(),
            conflicted: Vec::new(),
            show_closed: false,
            filter: None,
            haystacks: None,
            views_now: now,
            docs_sorted: Vec::new(),
            refreshed: Refreshed::Rebuilt,
            counts: Counts::default(),
            folded_past: 0,
            chain_problems: Vec::new(),
            status: None,
            history: History::default(),
            kept_note: None,
            read_only: false,
            quit: false,
            area: (120, 40),
            team: roster::Team::default(),
            sync: sync::SyncView::default(),
        };
        app.refresh();
        app.check_chains();
        sync::load(&mut app);
        app
    }

    /// Reads the clock; called once per event.
    pub fn read_clock(&mut self) {
        self.now = self.clock.now();
    }

    pub fn items(&self) -> &[Item] {
        &self.snap.state.items
    }

    pub fn focused_kind(&self) -> Kind {
        self.focus
    }

    /// The item the keys act on: the detail's, the Today row's, or the
    /// focused pane's selection.
    pub fn selected(&self) -> Option<&Item> {
        match &self.view {
            View::Detail(d) => self.snap.state.get(&d.id),
            View::Today(t) => self.today.get(t.selected).map(|(i, _)| &self.items()[*i]),
            View::Holders(_)
            | View::Clearance(_)
            | View::Inbox(_)
            | View::Roster
            | View::Week(_) => None,
            View::Panes => {
                let pane = &self.panes[self.focus];
                pane.rows.get(pane.selected).map(|i| &self.items()[*i])
            }
        }
    }

    /// The title of item `id` on one line, or nothing if there is none.
    pub fn title_of(&self, id: &str) -> String {
        self.snap
            .state
            .get(id)
            .map(|i| crate::text::one_line(&i.title).into_owned())
            .unwrap_or_default()
    }

    pub fn selected_id(&self) -> Option<String> {
        self.selected().map(|i| i.id.clone())
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }
}

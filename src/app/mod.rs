//! The dashboard's state, and `update`, the one place that changes it.

mod action;
mod ask;
mod clash;
pub mod complete;
mod custody;
mod describe;
pub mod draft;
pub mod form;
pub mod history;
pub mod lock;
mod office;
pub mod roster;
pub mod search;
mod steps;
mod submit;
#[cfg(test)]
pub mod testing;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_custody;
#[cfg(test)]
mod tests_meetings;
#[cfg(test)]
mod tests_team;
#[cfg(test)]
mod tests_trial;
#[cfg(test)]
mod tests_undo;
mod update;
pub mod views;

use tui_input::Input;

pub use action::Action;
pub use ask::{Ask, Choice, Prompt};
pub use form::Form;
pub use submit::update_text;
pub use update::update;

use crate::config::Config;
use crate::i18n::Lang;
use crate::model::triage::{self, Reason};
use crate::model::{Clock, Item, Kind, Time};
use crate::store::{Snapshot, Store};
use history::History;

crate::choice!(
    /// What keys mean right now; picks the keymap rows.
    Mode {
        Panes = "panes",
        Today = "today",
        Detail = "detail",
        Form = "form",
        FormChoice = "form-choice",
        Capture = "capture",
        Search = "search",
        Help = "help",
        Confirm = "confirm",
        Prompt = "prompt",
        Holders = "holders",
        Clearance = "clearance",
        Inbox = "inbox",
        Roster = "roster",
        Week = "week",
        Privacy = "privacy"
    }
);

/// The main view under any overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Panes,
    Today,
    /// One item's detail, by id.
    Detail(String),
    /// Who holds which document.
    Holders,
    /// What is still out at the end of the inspection (巡后清退).
    Clearance,
    /// The notes captured without an item.
    Inbox,
    /// The team: who is where today and what each holds.
    Roster,
    /// Seven days of meetings.
    Week,
}

/// What is drawn over the view and takes the keys first.
#[derive(Debug, Clone, Default)]
pub enum Overlay {
    #[default]
    None,
    Form(Box<Form>),
    Capture(Capture),
    Search,
    Help,
    /// Asking to confirm deleting this id.
    Confirm(String),
    /// Asking for one value: a borrower, a witness, a date.
    Prompt(Prompt),
}

/// The note box: where the next line goes and what is typed so far.
#[derive(Debug, Clone)]
pub struct Capture {
    pub input: Input,
    /// Where notes go: an item id, or none for the inbox.
    pub target: Option<String>,
    /// The targets `Tab` cycles through.
    pub targets: Vec<Option<String>>,
    /// Notes saved since the box opened.
    pub saved: usize,
}

/// One pane's rows (indexes into the items) and its selection.
#[derive(Debug, Clone, Default)]
pub struct PaneView {
    /// Every row the pane shows without a filter, sorted.
    pub all: Vec<usize>,
    /// The rows shown: `all`, narrowed by the search when one applies.
    pub rows: Vec<usize>,
    pub selected: usize,
}

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
    /// The focused pane, 0..4, in `Kind::ALL` order.
    pub focus: usize,
    pub view: View,
    pub overlay: Overlay,
    /// The privacy screen is up: nothing else is drawn.
    pub privacy: bool,
    /// The passphrase asked for to leave it, when the data is encrypted.
    pub unlock: Option<lock::Unlock>,
    pub panes: [PaneView; 4],
    pub today: Vec<(usize, Reason)>,
    pub today_selected: usize,
    pub detail_scroll: usize,
    /// The tickable line the detail's cursor is on (checklist, questions).
    pub detail_cursor: usize,
    /// Per item: a meeting that clashes with another (cached per change).
    pub conflicted: Vec<bool>,
    pub help_scroll: usize,
    /// The detail was opened from the Today view (Esc goes back there).
    pub detail_from_today: bool,
    pub show_closed: bool,
    /// The search being typed (`Overlay::Search`) or kept as a filter.
    pub search: Input,
    /// The pane the filter applies to, when one is kept.
    pub filter_pane: Option<usize>,
    haystacks: Option<Vec<String>>,
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
    /// A form that lowers a document's class, kept while the reason is asked.
    pub pending_form: Option<Box<Form>>,
    /// The roster and week views, reminders and attendance alerts.
    pub team: roster::Team,
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
            focus: 0,
            view: View::Panes,
            overlay: Overlay::None,
            privacy: false,
            unlock: None,
            panes: Default::default(),
            today: Vec::new(),
            today_selected: 0,
            detail_scroll: 0,
            detail_cursor: 0,
            conflicted: Vec::new(),
            help_scroll: 0,
            detail_from_today: false,
            show_closed: false,
            search: Input::default(),
            filter_pane: None,
            haystacks: None,
            counts: Counts::default(),
            folded_past: 0,
            chain_problems: Vec::new(),
            status: None,
            history: History::default(),
            kept_note: None,
            read_only: false,
            quit: false,
            area: (120, 40),
            pending_form: None,
            team: roster::Team::default(),
        };
        app.refresh();
        app.check_chains();
        app
    }

    /// Verifies every custody log; problems are reported, never repaired.
    pub fn check_chains(&mut self) {
        self.chain_problems = crate::model::custody::verify(&self.snap.state)
            .iter()
            .map(|p| crate::i18n::chain_problem(self.lang, p))
            .collect();
    }

    /// Reads the clock; called once per event.
    pub fn tick(&mut self) {
        self.now = self.clock.now();
    }

    pub fn items(&self) -> &[Item] {
        &self.snap.state.items
    }

    pub fn focused_kind(&self) -> Kind {
        Kind::ALL[self.focus]
    }

    /// The mode that picks the keymap rows.
    pub fn mode(&self) -> Mode {
        if self.privacy {
            return Mode::Privacy;
        }
        match &self.overlay {
            Overlay::Form(form) => match form.focused().value {
                form::Value::Choice { .. } => Mode::FormChoice,
                form::Value::Text(_) => Mode::Form,
            },
            Overlay::Capture(_) => Mode::Capture,
            Overlay::Search => Mode::Search,
            Overlay::Help => Mode::Help,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Prompt(_) => Mode::Prompt,
            Overlay::None => match self.view {
                View::Panes => Mode::Panes,
                View::Today => Mode::Today,
                View::Detail(_) => Mode::Detail,
                View::Holders => Mode::Holders,
                View::Clearance => Mode::Clearance,
                View::Inbox => Mode::Inbox,
                View::Roster => Mode::Roster,
                View::Week => Mode::Week,
            },
        }
    }

    /// The item the keys act on: the detail's, the Today row's, or the
    /// focused pane's selection.
    pub fn selected(&self) -> Option<&Item> {
        match &self.view {
            View::Detail(id) => self.snap.state.get(id),
            View::Today => self
                .today
                .get(self.today_selected)
                .map(|(i, _)| &self.items()[*i]),
            View::Holders | View::Clearance | View::Inbox | View::Roster | View::Week => None,
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

    /// Rebuilds the derived views after the state changed, keeping each
    /// pane's selection on the same item where it still exists.
    pub fn refresh(&mut self) {
        let keep: Vec<Option<String>> = (0..4)
            .map(|p| {
                let pane = &self.panes[p];
                pane.rows
                    .get(pane.selected)
                    .and_then(|i| self.items().get(*i))
                    .map(|i| i.id.clone())
            })
            .collect();
        let today_keep = self
            .today
            .get(self.today_selected)
            .and_then(|(i, _)| self.items().get(*i))
            .map(|i| i.id.clone());
        self.haystacks = None;
        let (rows, folded) = views::pane_rows(&self.snap.state, self.show_closed, self.now);
        self.folded_past = folded;
        self.conflicted = views::conflicted(&self.snap.state);
        for (p, r) in rows.into_iter().enumerate() {
            self.panes[p].rows = r.clone();
            self.panes[p].all = r;
        }
        self.apply_filter();
        for (p, id) in keep.into_iter().enumerate() {
            self.select_id_in(p, id.as_deref());
        }
        let limits = self.config.limits();
        self.today = triage::today_with(&self.snap.state, self.now, &limits);
        self.today_selected = today_keep
            .and_then(|id| {
                self.today
                    .iter()
                    .position(|(i, _)| self.items()[*i].id == id)
            })
            .unwrap_or(self.today_selected)
            .min(self.today.len().saturating_sub(1));
        let (overdue, today) = triage::counts_with(&self.snap.state, self.now, &limits);
        let on_loan = self
            .items()
            .iter()
            .filter(|i| i.kind == Kind::Document && !i.status.is_closed())
            .filter(|i| crate::model::custody::holder(i).is_some())
            .count();
        self.counts = Counts {
            overdue,
            today,
            on_loan,
        };
        self.team_refresh();
    }

    fn select_id_in(&mut self, pane: usize, id: Option<&str>) {
        let items = &self.snap.state.items;
        let view = &mut self.panes[pane];
        if let Some(id) = id
            && let Some(at) = view.rows.iter().position(|i| items[*i].id == id)
        {
            view.selected = at;
        }
        view.selected = view.selected.min(view.rows.len().saturating_sub(1));
    }

    /// Puts the selection on `id`, focusing its pane.
    pub fn select(&mut self, id: &str) {
        if let Some(item) = self.snap.state.get(id) {
            let p = Kind::ALL.iter().position(|k| *k == item.kind).unwrap_or(0);
            self.focus = p;
            self.select_id_in(p, Some(id));
        }
    }

    /// Undoes the search's narrowing from the cached rows (no re-sort),
    /// keeping each pane's selection on its item.
    pub fn unfilter(&mut self) {
        if self.filter_pane.is_none() {
            return;
        }
        for p in 0..self.panes.len() {
            let pane = &self.panes[p];
            let id = pane
                .rows
                .get(pane.selected)
                .map(|i| self.snap.state.items[*i].id.clone());
            self.panes[p].rows = self.panes[p].all.clone();
            self.select_id_in(p, id.as_deref());
        }
    }

    /// Re-applies the search after the query changed, from the cached rows
    /// (no re-sort). The search covers every pane; when the focused one has
    /// no match, the focus moves to the first pane that has.
    pub fn refilter(&mut self) {
        if self.filter_pane.is_none() {
            return;
        }
        for pane in &mut self.panes {
            pane.rows = pane.all.clone();
            pane.selected = 0;
        }
        self.apply_filter();
        if self.panes[self.focus].rows.is_empty()
            && let Some(p) = self.panes.iter().position(|v| !v.rows.is_empty())
        {
            self.focus = p;
        }
    }

    /// Narrows every pane to the rows matching the search.
    pub fn apply_filter(&mut self) {
        if self.filter_pane.is_none() {
            return;
        }
        let query = self.search.value().to_string();
        if query.trim().is_empty() {
            return;
        }
        if self.haystacks.is_none() {
            self.haystacks = Some(self.snap.state.items.iter().map(search::haystack).collect());
        }
        let hay = self.haystacks.as_ref().expect("just built");
        for pane in &mut self.panes {
            pane.rows.retain(|i| search::matches(&hay[*i], &query));
            pane.selected = pane.selected.min(pane.rows.len().saturating_sub(1));
        }
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

    /// Blanks the screen after the configured idle time; true if it did.
    pub fn idle(&mut self, idle_for: std::time::Duration) -> bool {
        let limit = u64::from(self.config.idle_lock_minutes) * 60;
        if limit == 0 || self.privacy || idle_for.as_secs() < limit {
            return false;
        }
        self.privacy = true;
        true
    }

    /// Shows what the store noticed (a torn last change ignored, a file
    /// converted) on the status line, once.
    pub fn take_notices(&mut self) {
        let said: Vec<String> = self
            .snap
            .warnings
            .drain(..)
            .map(|n| crate::i18n::notice(self.lang, &n))
            .collect();
        if !said.is_empty() {
            self.warn(said.join("; "));
        }
    }

    /// Who voids a custody step this session undoes: the system user.
    pub fn who(&self) -> String {
        std::env::var("USER")
            .ok()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "liaison".into())
    }

    /// Reloads from disk if another process saved; true if it did.
    pub fn reload_if_changed(&mut self) -> bool {
        if self.store.current_stamp() == self.snap.stamp() {
            return false;
        }
        // Only the journal's new operations are read when nothing else changed.
        match self.store.refresh(&mut self.snap) {
            Ok(()) => {
                self.refresh();
                self.take_notices();
                self.check_chains();
                true
            }
            Err(e) => {
                self.warn(crate::i18n::store_error(self.lang, &e));
                false
            }
        }
    }
}

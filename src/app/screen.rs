//! What the dashboard shows: the main view, the overlay over it, and the
//! mode they put the keys in.

use tui_input::Input;

use super::{App, Form, Prompt, form};

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

/// The main view under any overlay, each with its own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Panes,
    /// What needs doing today (its rows are `App::today`, rebuilt with
    /// every change).
    Today(Today),
    /// One item's detail.
    Detail(Detail),
    /// Who holds which document.
    Holders(Page),
    /// What is still out at the end of the inspection (巡后清退).
    Clearance(Page),
    /// The notes captured without an item.
    Inbox(Inbox),
    /// The team: who is where today and what each holds.
    Roster,
    /// Seven days of meetings.
    Week(Page),
}

/// The Today list's selection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Today {
    pub selected: usize,
}

/// A view read as one page: how far it is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Page {
    pub scroll: usize,
}

/// The inbox: the note selected, counted from the newest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Inbox {
    pub selected: usize,
}

/// One item's detail: which, how far scrolled, the line under the cursor
/// (a checklist entry, a question, a link, a note), and the view `Esc`
/// goes back to (the Today list, or the detail a link was followed from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub id: String,
    pub scroll: usize,
    pub cursor: usize,
    pub back: Option<Box<View>>,
}

impl Detail {
    /// The detail of `id`, at its top, going back to `back`.
    pub fn new(id: impl Into<String>, back: Option<View>) -> Detail {
        Detail {
            id: id.into(),
            scroll: 0,
            cursor: 0,
            back: back.map(Box::new),
        }
    }
}

impl View {
    /// The item whose detail is open, if one is.
    pub fn detail_id(&self) -> Option<&str> {
        match self {
            View::Detail(d) => Some(&d.id),
            _ => None,
        }
    }

    /// The open detail, to move its cursor or scroll.
    pub fn detail_mut(&mut self) -> Option<&mut Detail> {
        match self {
            View::Detail(d) => Some(d),
            _ => None,
        }
    }

    /// The detail's cursor (0 in any other view).
    pub fn cursor(&self) -> usize {
        match self {
            View::Detail(d) => d.cursor,
            _ => 0,
        }
    }
}

/// What is drawn over the view and takes the keys first.
#[derive(Debug, Clone, Default)]
pub enum Overlay {
    #[default]
    None,
    Form(Box<Form>),
    Capture(Capture),
    Search,
    /// The keys, scrolled as a page.
    Help(Page),
    /// Asking to confirm deleting this id.
    Confirm(String),
    /// Asking to confirm deleting a note of `target` (none: the inbox).
    ConfirmNote {
        target: Option<String>,
        note: crate::model::Note,
    },
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

impl App {
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
            Overlay::Help(_) => Mode::Help,
            Overlay::Confirm(_) | Overlay::ConfirmNote { .. } => Mode::Confirm,
            Overlay::Prompt(_) => Mode::Prompt,
            Overlay::None => match self.view {
                View::Panes => Mode::Panes,
                View::Today(_) => Mode::Today,
                View::Detail(_) => Mode::Detail,
                View::Holders(_) => Mode::Holders,
                View::Clearance(_) => Mode::Clearance,
                View::Inbox(_) => Mode::Inbox,
                View::Roster => Mode::Roster,
                View::Week(_) => Mode::Week,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyCode;

    use super::*;
    use crate::app::testing::{app, key};
    use crate::i18n::Lang;

    #[test]
    fn a_detail_keeps_its_own_cursor_and_goes_back_to_the_today_row_it_came_from() {
        let (_d, mut app) = app(Lang::En, true);
        key(&mut app, KeyCode::Char('t'));
        assert!(app.today.len() > 1, "the sample has a Today list");
        key(&mut app, KeyCode::Char('j'));
        let View::Today(today) = app.view else {
            panic!("the Today view: {:?}", app.view)
        };
        assert_eq!(today.selected, 1);
        let id = app.items()[app.today[1].0].id.clone();
        key(&mut app, KeyCode::Enter);
        let View::Detail(d) = &app.view else {
            panic!("a detail: {:?}", app.view)
        };
        assert_eq!((d.id.as_str(), d.scroll, d.cursor), (id.as_str(), 0, 0));
        assert_eq!(d.back.as_deref(), Some(&View::Today(today)));
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.view, View::Today(Today { selected: 1 }));
    }

    #[test]
    fn the_help_scrolls_its_own_page_and_opens_at_the_top() {
        let (_d, mut app) = app(Lang::En, false);
        key(&mut app, KeyCode::Char('?'));
        key(&mut app, KeyCode::Char('j'));
        key(&mut app, KeyCode::Char('j'));
        assert!(matches!(app.overlay, Overlay::Help(Page { scroll: 2 })));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('?'));
        assert!(matches!(app.overlay, Overlay::Help(Page { scroll: 0 })));
    }
}

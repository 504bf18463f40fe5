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
            Overlay::Help => Mode::Help,
            Overlay::Confirm(_) | Overlay::ConfirmNote { .. } => Mode::Confirm,
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
}

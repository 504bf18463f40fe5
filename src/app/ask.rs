//! What a one-line prompt over the view asks for.

use tui_input::Input;

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The steps `x` offers for a document in hand, picked by number.
    Next { id: String, choices: Vec<Choice> },
    /// The details of a custody step, all in one box: `fields[at]` has the
    /// cursor (its text is in the prompt's input), `values` holds the text
    /// of every field as last left.
    Step {
        id: String,
        step: Box<crate::model::custody::Step>,
        fields: Vec<crate::model::custody::Field>,
        at: usize,
        values: Vec<String>,
    },
    /// A closing step in full, recorded only once confirmed.
    ConfirmStep {
        id: String,
        step: Box<crate::model::custody::Step>,
    },
    /// Copy or extract, picked by number.
    CopyKind { id: String },
    /// The title of the copy or extract to make.
    CopyTitle {
        id: String,
        kind: crate::model::CopyKind,
    },
    /// Why a document's class is lowered (the edit waits in `pending_form`).
    ClassReason { id: String },
    /// A date phrase to move an item's due time to.
    SnoozeTo { id: String },
    /// What was done and what is left, to close a substitute assignment.
    Handback { id: String },
    /// A meeting's own checklist entry, in the user's words.
    AddCheck { id: String },
    /// The path of a spreadsheet to import.
    Import,
    /// Where a member goes and when back, or until when on leave.
    Attend {
        name: String,
        mark: crate::model::attendance::Mark,
    },
    /// A recurring duty's edit: this occurrence or all coming (the form
    /// waits in `pending_form`).
    Occurrences { id: String },
    /// A note's new text (`target`: its item; none for the inbox).
    EditNote {
        target: Option<String>,
        note: crate::model::Note,
    },
    /// The item to file an inbox note to, by id or words: `found` are the
    /// items the words match (the first is taken, `Tab` moves through them);
    /// `query` is what was typed before `Tab` replaced it.
    FileNote {
        note: crate::model::Note,
        found: Vec<String>,
        query: Option<String>,
        pick: usize,
    },
    /// The pane an inbox note becomes an item of, picked by number.
    MakeItem { note: crate::model::Note },
}

/// One of the steps `x` offers for a document in hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Lend,
    /// Close by the document's rule.
    Close(crate::model::custody::Action),
    /// Close another way, with a reason.
    Other(crate::model::custody::Action),
}

impl Ask {
    /// A list picked from by number rather than typed into.
    pub fn is_menu(&self) -> bool {
        matches!(
            self,
            Ask::Next { .. }
                | Ask::CopyKind { .. }
                | Ask::MakeItem { .. }
                | Ask::Occurrences { .. }
        )
    }
}

/// A one-line question over the view.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub ask: Ask,
    pub input: Input,
    /// Why the last answer was refused.
    pub error: Option<String>,
}

/// Opens a prompt asking `ask`.
pub(super) fn ask(app: &mut super::App, ask: Ask) {
    app.overlay = super::Overlay::Prompt(Prompt {
        ask,
        input: Input::default(),
        error: None,
    });
}

impl Prompt {
    /// Keeps the prompt open, with why its answer was refused.
    pub(super) fn refused(mut self, app: &mut super::App, why: super::commit::Refused) {
        self.error = Some(why.0);
        app.overlay = super::Overlay::Prompt(self);
    }
}

//! What a key, a click or the wheel can ask for. The actions a key can be
//! bound to have kebab-case names, so `config.toml` rebinds them and the
//! help overlay names them; the mouse's carry what was clicked.

use std::str::FromStr;

use crate::model::{Kind, ModelError};

/// Declares the actions keys can be bound to, each with its name.
macro_rules! actions {
    ($($variant:ident = $name:literal),+ $(,)?) => {
        /// A request to `update`: from a key through the keymap, or from
        /// the mouse with what it points at.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            /// Focus the pane of this kind (`1`–`4`).
            Focus(Kind),
            /// A click or the wheel over a pane: focus it and, for a click
            /// on a row, select that row (an index into the pane's rows).
            Select { pane: Kind, row: Option<usize> },
            $($variant),+
        }

        impl Action {
            /// Every action a key can be bound to, in the keymap's order.
            pub const ALL: &'static [Action] = &[
                Action::Focus(Kind::Logistics),
                Action::Focus(Kind::Document),
                Action::Focus(Kind::Meeting),
                Action::Focus(Kind::Substitute),
                $(Action::$variant),+
            ];

            /// The name a config file binds it by (`focus-2`, `add`).
            pub fn as_str(self) -> &'static str {
                match self {
                    Action::Focus(Kind::Logistics) => "focus-1",
                    Action::Focus(Kind::Document) => "focus-2",
                    Action::Focus(Kind::Meeting) => "focus-3",
                    Action::Focus(Kind::Substitute) => "focus-4",
                    Action::Select { .. } => "select",
                    $(Action::$variant => $name),+
                }
            }
        }
    };
}

actions! {
    NextPane = "next-pane",
    PrevPane = "prev-pane",
    Down = "down",
    Up = "up",
    PageDown = "page-down",
    PageUp = "page-up",
    Top = "top",
    Bottom = "bottom",
    Open = "open",
    Add = "add",
    Edit = "edit",
    Done = "done",
    Delete = "delete",
    Undo = "undo",
    Redo = "redo",
    Search = "search",
    Today = "today",
    Capture = "capture",
    Help = "help",
    Privacy = "privacy",
    Quit = "quit",
    Back = "back",
    ToggleClosed = "toggle-closed",
    Snooze = "snooze",
    CyclePriority = "cycle-priority",
    NextField = "next-field",
    PrevField = "prev-field",
    Submit = "submit",
    ChoiceNext = "choice-next",
    ChoicePrev = "choice-prev",
    Confirm = "confirm",
    CycleTarget = "cycle-target",
    Unlock = "unlock",
    Holders = "holders",
    Clearance = "clearance",
    Copy = "copy",
    Inbox = "inbox",
    SnoozeTo = "snooze-to",
    Tick = "tick",
    AddCheck = "add-check",
    RemoveCheck = "remove-check",
    Report = "report",
    Workbook = "workbook",
    Import = "import",
    Roster = "roster",
    Week = "week",
    PrevWeek = "prev-week",
    NextWeek = "next-week",
    Dismiss = "dismiss",
    AttendIn = "attend-in",
    AttendOut = "attend-out",
    AttendBack = "attend-back",
    AttendLeave = "attend-leave",
    EditNote = "edit-note",
    DeleteNote = "delete-note",
    FileNote = "file-note",
    MakeItem = "make-item",
    Sync = "sync",
}

impl FromStr for Action {
    type Err = ModelError;

    /// A bindable action by its name; `select` is the mouse's alone.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Action::ALL
            .iter()
            .copied()
            .find(|a| a.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| ModelError::UnknownValue {
                field: "Action",
                value: s.to_string(),
                allowed: Action::ALL
                    .iter()
                    .map(|a| a.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

//! What a key can ask for. Names round-trip to kebab-case so a config file
//! could rebind keys, and the help overlay can name them.

use crate::choice;

choice!(
    /// A named action; keys resolve to these through the keymap.
    Action {
        Focus1 = "focus-1",
        Focus2 = "focus-2",
        Focus3 = "focus-3",
        Focus4 = "focus-4",
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
        Import = "import"
    }
);

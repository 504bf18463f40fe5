//! English: a user-facing text of the brief and the export.

use crate::i18n::R;

/// `key` in English.
pub fn text(key: R) -> &'static str {
    match key {
        // Titles and the lines under them.
        R::BriefTitle => "Daily brief: {}",
        R::ExportTitle => "All items",
        R::BriefInspection => "Inspection: {}",
        R::BriefPrepared => "prepared {}",
        R::ExportPrepared => "exported {}",
        // Sections, and what one says when empty.
        R::BriefNone => "None.",
        R::BriefRequested => "Requested, not yet received",
        R::BriefReceived => "Received today",
        R::BriefHolding => "Who holds what",
        R::BriefReturnOverdue => "Loans overdue for return",
        R::BriefDisposal => "Awaiting disposal",
        R::BriefOpen => "Open",
        R::BriefDoneToday => "Done today",
        R::BriefHandedBackToday => "Handed back today",
        R::BriefNotesToday => "Notes of the day",
        R::BriefSummary => "Summary",
        // An item's line: its dates, people and places.
        R::BriefFrom => "from {}",
        R::BriefDue => "due {}",
        R::BriefHeld => "with the liaison since {}",
        R::BriefLent => "lent to {} since {}",
        R::BriefAt => "{} at {}",
        R::BriefPlace => "at {}",
        R::BriefWith => "with {}",
        R::BriefFor => "for {}",
        R::BriefContact => "contact {}",
        R::BriefHandback => "hand-back: {}",
        R::BriefWitness => "witness {}",
        R::BriefLocation => "filed at {}",
        R::BriefOverride => "override: {}",
        R::BriefLabelled => "{}: {}",
        R::BriefNotesWithheld => "notes withheld: {} ({})",
        R::BriefNoteWithheld => "note withheld",
        R::BriefRange => "{}–{}",
        R::BriefListSep => ", ",
        // The summary's counts.
        R::CountOverdue => "Overdue, loans included: {}",
        R::CountMeetings => "Meetings today: {}",
        R::CountRequested => "Documents requested, not yet received: {}",
        R::CountHeld => "Documents in custody: {}, lent out: {}",
        R::CountDisposal => "Documents awaiting disposal: {}",
        R::CountLogistics => "Logistics open: {}, done today: {}",
        R::CountSubstitutes => "Substitute assignments open: {}, handed back today: {}",
        R::CountInbox => "Inbox notes: {}",
        R::CountPane => "{}: {} items, {} open",
        // Custody logs that did not verify, and the journal's head.
        R::ChainWarningTitle => "Warning: custody logs that fail their check",
        R::JournalHead => "Journal head: `{}` (compare with `liaison verify`)",
    }
}

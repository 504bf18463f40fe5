//! The texts of the leader's brief and the Markdown export: titles,
//! sections, an item's line and the summary's counts, in a table of their
//! own (`tr` and `trf` take a key of any table).

text_keys! {
    /// A user-facing text of the brief and the export.
    R in report_texts {
        // Titles and the lines under them.
        BriefTitle,
        ExportTitle,
        BriefInspection,
        BriefPrepared,
        ExportPrepared,
        // Sections, and what one says when empty.
        BriefNone,
        BriefRequested,
        BriefReceived,
        BriefHolding,
        BriefReturnOverdue,
        BriefDisposal,
        BriefOpen,
        BriefDoneToday,
        BriefHandedBackToday,
        BriefNotesToday,
        BriefSummary,
        // An item's line: its dates, people and places.
        BriefFrom,
        BriefDue,
        BriefHeld,
        BriefLent,
        BriefAt,
        BriefPlace,
        BriefWith,
        BriefFor,
        BriefContact,
        BriefHandback,
        BriefWitness,
        BriefLocation,
        BriefOverride,
        BriefLabelled,
        BriefNotesWithheld,
        BriefNoteWithheld,
        BriefRange,
        BriefListSep,
        // The summary's counts.
        CountOverdue,
        CountMeetings,
        CountRequested,
        CountHeld,
        CountDisposal,
        CountLogistics,
        CountSubstitutes,
        CountInbox,
        CountPane,
        // Custody logs that did not verify, and the journal's head.
        ChainWarningTitle,
        JournalHead,
    }
}

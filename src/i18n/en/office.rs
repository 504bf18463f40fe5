//! English: a text of the office formats.

use crate::i18n::O;

/// `key` in English.
pub fn text(key: O) -> &'static str {
    match key {
        // Sheet names (at most 31 characters, none of []:*?/\).
        O::SheetDocuments => "Document register",
        O::SheetLoans => "Loan register",
        O::SheetDestruction => "Destruction list",
        O::SheetInterviews => "Interview schedule",
        O::SheetLogistics => "Logistics",
        O::SheetSubstitutes => "Substitutes",
        O::SheetSignIn => "Sign-in sheet",
        // Column heads.
        O::ColNumber => "No.",
        O::ColSeq => "No.",
        O::ColTitle => "Title",
        O::ColDocument => "Document",
        O::ColFrom => "Source unit",
        O::ColClass => "Class",
        O::ColRule => "After reading",
        O::ColReceived => "Received",
        O::ColStage => "Stage",
        O::ColHolder => "Holder",
        O::ColClosedHow => "Closed by",
        O::ColClosedAt => "Closed at",
        O::ColNotes => "Notes",
        O::ColBorrower => "Borrower",
        O::ColLentAt => "Lent at",
        O::ColDueBack => "Due back",
        O::ColReturnedAt => "Returned at",
        O::ColSignBorrower => "Borrower's signature",
        O::ColSignKeeper => "Keeper's signature",
        O::ColApprovedBy => "Approved by",
        O::ColWitness => "Witness",
        O::ColShredAt => "Destroyed at",
        O::ColSignApprover => "Approver's signature",
        O::ColSignWitness => "Witness's signature",
        O::ColTime => "Time",
        O::ColPlace => "Place",
        O::ColInterviewee => "Interviewee (title)",
        O::ColInterviewers => "Interviewers",
        O::ColRecorder => "Recorder",
        O::ColType => "Type",
        O::ColTask => "Task",
        O::ColCategory => "Category",
        O::ColStatus => "Status",
        O::ColPriority => "Priority",
        O::ColDue => "Due",
        O::ColContact => "Contact",
        O::ColSection => "For section",
        O::ColStart => "Start",
        O::ColEnd => "End",
        O::ColHandback => "Hand-back",
        O::ColName => "Name",
        O::ColUnit => "Unit / title",
        O::ColSignature => "Signature",
        O::SignMeeting => "Meeting",
        O::NotesWithheld => "{} notes withheld",
        // Page header and footer (`&P` and `&N` are the page number and count).
        O::FooterPages => "Page &P of &N",
        O::FooterCheck => "check {}",
        // Export messages.
        O::ErrXlsxNeedsFile => "a workbook is not written to the terminal: give --out FILE.xlsx",
        O::ErrUnknownSheet => "no sheet '{}'; choose from {}",
        O::ErrNotMeeting => "'{}' is not a meeting",
        O::ErrCsvNeedsKind => "a CSV export is one list: give --kind with one of {}",
        O::ErrWrite => "cannot write {}: {}",
        O::ErrXlsxBuild => "cannot build the workbook: {}",
        // Import.
        O::ErrImportRead => "cannot read {}: {}",
        O::ErrImportMissing => "{} does not exist",
        O::ReasonUnreadable => "damaged, or not a spreadsheet",
        O::ErrImportType => "{} is not a spreadsheet liaison reads (xlsx, xls or csv)",
        O::ErrImportEncoding => "{}: the text is neither UTF-8 nor GB18030; nothing was imported",
        O::ErrImportNoHeader => {
            "{}: no header row with a title column (title, 资料名称, 名称…); nothing was imported"
        }
        O::ErrImportCell => "sheet '{}', row {}, column '{}': '{}' {}; nothing was imported",
        O::ReasonDate => "is not a date",
        O::ReasonChoice => "is not one of {}",
        O::ReasonNotForKind => "does not apply to this kind of item",
        O::ReasonTitle => "leaves the title empty",
        O::ReasonRefused => "is refused: {}",
        O::ImportDone => "imported {} items, skipped {} already there",
        O::ImportDry => {
            "would import {} items and skip {} already there (a dry run: nothing was written)"
        }
        O::ImportRow => "{} row {}: {}",
        O::ImportLineAdd => "+ {}",
        O::ImportLineSkip => "= {} (already there)",
        // The dashboard.
        O::WorkbookWritten => "workbook written to {}",
        O::WorkbookSealed => {
            "the data is encrypted, so no plain workbook is written into it; export it from the command line to a file of your choice"
        }
        O::AskImport => "Import which file (xlsx, xls or csv)?",
    }
}

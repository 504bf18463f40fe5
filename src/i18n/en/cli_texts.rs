//! English: a user-facing text of the command line.

use crate::i18n::K;

/// `key` in English.
pub fn text(key: K) -> &'static str {
    match key {
        K::CheckEntryAdded => "{}: checklist entry {} added: {}",
        K::CheckEntryRemoved => "{}: checklist entry removed: {}",
        K::ErrNoSuchNote => "{} has no note {} (see liaison show)",
        K::ErrNoSuchInboxNote => "the inbox has no note {} (see liaison inbox)",
        K::ErrMoveSameKind => "{} is already a {} item",
        K::ErrMoveCustody => "{} has a custody log, so it stays a document",
        K::ErrMoveLoses => {
            "{} has {}, which a {} item does not keep; add --drop-fields to move it without them"
        }
        K::FieldAskedDocuments => "documents asked for in it",
        K::ErrBadLang => "unknown language '{}' (expected en or zh)",
        K::ErrNoData => {
            "there is no liaison data in {} (nothing was created; check the directory name)"
        }
        K::ErrNothingToEdit => "nothing to change: give at least one option, e.g. --title or --due",
        K::ErrSnoozeMeeting => "a meeting is moved by its start: liaison edit {} --start WHEN",
        K::PrioritySet => "{}: priority {}",
        K::Moved => "{} moved to {} as {}",
        K::NoteEdited => "{}: note {} changed",
        K::NoteDeleted => "{}: note {} deleted ({})",
        K::InboxName => "the inbox",
        K::DataFormat => "data format",
        K::UsageUnknownCommand => "unknown command '{}'",
        K::UsageUnknownOption => "unknown option '{}'",
        K::UsageExtra => "unexpected argument '{}'",
        K::UsageBadValue => "'{}' is not a valid value for {}",
        K::UsageNoValue => "{} needs a value",
        K::UsageMissing => "required but not given: {}",
        K::UsageMissingCommand => "a command is needed",
        K::UsageConflict => "{} cannot be used with {}",
        K::UsageOther => "cannot read the command line",
        K::UsageAllowed => " (expected one of: {})",
        K::UsageDidYouMean => "; did you mean {}?",
        K::UsageSeeHelp => " (see liaison --help)",
        K::ShowNotes => "Notes",
        K::ShowFollowups => "Follow-up questions",
        K::ShowCustody => "Custody",
        K::ShowCreated => "created {}, updated {}",
        K::NotesSaved => "{} notes saved, one per line",
        K::ErrStdin => "cannot read standard input: {}",
        K::ErrStdout => "cannot write to standard output: {}",
        K::FieldKind => "Kind",
        K::FieldMeetingType => "Meeting type",
        K::FieldStep => "Custody step",
        K::FieldHandback => "Hand-back note",
        K::FieldFromMeeting => "Meeting",
        K::HandbackHowDashboard => "select it and press x",
        // The config file, the terminal.
        K::ErrConfig => "the config file {} cannot be read: {}",
        K::ConfigLine => "line {}",
        K::ConfigWorkday => "workday_start must be before workday_end",
        K::KeysNoMode => "[keys.{}] (line {}): no such mode; the modes are {}",
        K::KeysAt => "[keys.{}] {} = \"{}\" (line {}): {}",
        K::KeysNoAction => "no such action",
        K::KeysNotAKey => "not a key",
        K::KeysDoesNothing => "{} does nothing there",
        K::KeysClash => "that key is bound to {}",
        K::KeysAnd => " and ",
        K::ErrTerminal => "terminal error: {}",
        K::ErrSignals => "cannot watch signals: {}",
        K::ErrTty => "cannot use the terminal {}: {}",
        K::ErrWriteFile => "cannot write {}: {}",
    }
}

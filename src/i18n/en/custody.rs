//! English: a user-facing text of the custody register.

use crate::i18n::C;

/// `key` in English.
pub fn text(key: C) -> &'static str {
    match key {
        // The people and places of a step, as labelled in prompts and registers.
        C::HandedOverBy => "handed over by",
        C::Borrower => "borrower",
        C::Until => "due back",
        C::BroughtBackBy => "brought back by",
        C::TakenBackBy => "taken back at the unit by",
        C::ApprovedBy => "approved by",
        C::Witness => "witness",
        C::Location => "filed at",
        C::By => "recorded by",
        C::Note => "note",
        C::Reason => "reason",
        C::Labelled => "{}: {}",
        C::ListSep => " · ",
        // Prompts.
        C::Optional => " (optional)",
        C::AskStep => "{} {} · {}",
        C::StepHint => "Tab / ↑↓ between details · Enter records · Esc cancels",
        C::Required => "{} is required; nothing was recorded",
        C::ChooseTitle => "{} {} · next step (type its number)",
        C::ChooseLend => "lend it",
        C::ChooseRule => "close by its rule: {}",
        C::ChooseOther => "{} instead (asks for a reason)",
        C::ChooseInvalid => "type a number from 1 to {}",
        C::ConfirmTitle => "{} {} · record this step?",
        C::ConfirmHint => "Enter records it · Esc cancels and changes nothing",
        C::CopyTitle => "{} {} · make a copy or an extract (type its number)",
        C::CopyName => "{} {} · {} · title",
        C::CopyMade => "{}: {} made",
        // Copies.
        C::KindCopy => "copy",
        C::KindExtract => "extract",
        C::CopyOf => "{} of {}",
        C::CopiesTitle => "Copies and extracts",
        // Loans and their due time.
        C::DueBack => "due back {}",
        C::OverdueSince => "overdue since {}",
        C::LentSince => "lent {}",
        C::ReturnedAt => "back {}",
        C::NotBack => "not back yet",
        // Registers.
        C::LoanRegister => "Loan register",
        C::LoansByBorrower => "Loans by borrower",
        C::DestructionList => "Destruction list",
        C::ArchiveList => "Archive list",
        C::RegisterEmpty => "none",
        // Clearance at the end of the inspection (巡后清退).
        C::ClearanceTitle => "Clearance: what is still out",
        C::ClearanceCounts => "open documents: {}, on loan: {}, open copies and extracts: {}",
        C::ClearanceWithLiaison => "with the liaison",
        C::ClearanceRequested => "asked for, not received",
        C::ClearanceEmpty => "everything is cleared",
        // Refusals.
        C::ErrNoApprover => "shredding {} needs who approved it",
        C::ErrUntilPast => "{}: the due-back time must be later than now",
        C::ErrUntilNotLoan => "{}: a due-back time applies only to lending",
        C::ErrOpenCopies => "{} cannot close while its copies or extracts are open: {}",
        C::ErrNotInHand => "{}: a copy can be made only of a document in hand",
        C::ErrClassLowered => "lowering {}'s class from {} to {} needs a reason",
        C::ClassChanged => "class changed from {} to {}",
        C::AskLowerReason => "{} {} · lowering its class · reason",
        C::ClassChangedWhy => "class changed from {} to {}: {}",
        C::ClassLogTitle => "Class changes",
        // The custody steps, by name.
        C::ActReceive => "receive",
        C::ActLend => "lend",
        C::ActBack => "take back",
        C::ActReturn => "return to the unit",
        C::ActShred => "shred",
        C::ActArchive => "archive",
        // Custody refusals.
        C::ErrCustodyNotDocument => "{} is a {} item; only documents have custody",
        C::ErrCustodyNotReceived => "cannot record '{}' for {}: it has not been received yet",
        C::ErrCustodyAlreadyReceived => "{} has already been received",
        C::ErrCustodyNotLent => "{} is not lent out, so there is nothing to take back",
        C::ErrCustodyAlreadyLent => "{} is lent to {}; take it back before lending it again",
        C::ErrCustodyLentOut => "cannot record '{}' for {}: it is lent to {}; take it back first",
        C::ErrCustodyClosed => "{} is already closed ({}); no further steps can be recorded",
        C::ErrCustodyNoPerson => "lending {} needs the borrower's name",
        C::ErrCustodyNoWitness => "shredding {} needs a witness",
        C::ErrCustodyNoLocation => "archiving {} needs the archive location",
        C::ErrCustodyAgainstRule => "{}'s rule is {}; recording '{}' instead needs a reason",
        C::ErrCustodyNothingToOverride => {
            "{}: an override reason applies only to a closing step that differs from the rule"
        }
        C::ErrCustodyBrokenLog => {
            "{}: the custody log fails verification (problems: {}), so nothing was recorded; see `liaison backups`"
        }
        C::ErrDoneThroughCustody => "{} is a document: it is done when its custody is closed ({})",
        // Custody log verification.
        C::ChainAltered => "{}: custody event {} ({}) was changed after it was recorded",
        C::ChainUnsealed => "{}: custody event {} ({}) has no hash",
        C::ChainBrokenLink => {
            "{}: custody event {} does not follow the one before it (events removed, added or reordered)"
        }
        C::ChainTruncated => {
            "{}: the custody log was cut after event {} (later events removed, or custody_head edited)"
        }
        C::ChainEmptied => "{}: all custody events were removed",
        C::ChainOutOfSequence => {
            "{}: custody event {} ({}) is not a valid step after the ones before it"
        }
        C::ChainNotDocument => "{}: custody events on an item that is not a document",
    }
}

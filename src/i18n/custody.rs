//! The texts of the custody register, its prompts, registers and the
//! clearance list, each key with its English and Chinese.

text_keys! {
    /// A user-facing text of the custody register.
    C in custody {
        // The people and places of a step, as labelled in prompts and registers.
        HandedOverBy,
        Borrower,
        Until,
        BroughtBackBy,
        TakenBackBy,
        ApprovedBy,
        Witness,
        Location,
        By,
        Note,
        Reason,
        Labelled,
        ListSep,
        // Prompts.
        Optional,
        AskStep,
        StepHint,
        Required,
        ChooseTitle,
        ChooseLend,
        ChooseRule,
        ChooseOther,
        ChooseInvalid,
        ConfirmTitle,
        ConfirmHint,
        CopyTitle,
        CopyName,
        CopyMade,
        // Copies.
        KindCopy,
        KindExtract,
        CopyOf,
        CopiesTitle,
        // Loans and their due time.
        DueBack,
        OverdueSince,
        LentSince,
        ReturnedAt,
        NotBack,
        // Registers.
        LoanRegister,
        LoansByBorrower,
        DestructionList,
        ArchiveList,
        RegisterEmpty,
        // Clearance at the end of the inspection (巡后清退).
        ClearanceTitle,
        ClearanceCounts,
        ClearanceWithLiaison,
        ClearanceRequested,
        ClearanceEmpty,
        // Refusals.
        ErrNoApprover,
        ErrUntilPast,
        ErrUntilNotLoan,
        ErrOpenCopies,
        ErrNotInHand,
        ErrClassLowered,
        ClassChanged,
        AskLowerReason,
        ClassChangedWhy,
        ClassLogTitle,
        // The custody steps, by name.
        ActReceive,
        ActLend,
        ActBack,
        ActReturn,
        ActShred,
        ActArchive,
        // Custody refusals.
        ErrCustodyNotDocument,
        ErrCustodyNotReceived,
        ErrCustodyAlreadyReceived,
        ErrCustodyNotLent,
        ErrCustodyAlreadyLent,
        ErrCustodyLentOut,
        ErrCustodyClosed,
        ErrCustodyNoPerson,
        ErrCustodyNoWitness,
        ErrCustodyNoLocation,
        ErrCustodyAgainstRule,
        ErrCustodyNothingToOverride,
        ErrCustodyBrokenLog,
        ErrDoneThroughCustody,
        // Custody log verification.
        ChainAltered,
        ChainUnsealed,
        ChainBrokenLink,
        ChainTruncated,
        ChainEmptied,
        ChainOutOfSequence,
        ChainNotDocument,
    }
}

use super::{Lang, tr, trf};
use crate::model::CopyKind;
use crate::model::custody::{Field, StepKind};

/// `copy` / `extract` in the user's language.
pub fn copy_kind(lang: Lang, kind: CopyKind) -> &'static str {
    tr(
        lang,
        match kind {
            CopyKind::Copy => C::KindCopy,
            CopyKind::Extract => C::KindExtract,
        },
    )
}

/// `extract of D1` / `D1的摘抄件`.
pub fn copy_of(lang: Lang, kind: CopyKind, parent: &str) -> String {
    match lang {
        Lang::En => trf(lang, C::CopyOf, &[&copy_kind(lang, kind), &parent]),
        Lang::Zh => trf(lang, C::CopyOf, &[&parent, &copy_kind(lang, kind)]),
    }
}

/// The label of a step's field: the person's depends on the step.
pub fn field_label(lang: Lang, action: StepKind, field: Field) -> &'static str {
    let key = match field {
        Field::Person => match action {
            StepKind::Receive => C::HandedOverBy,
            StepKind::Lend => C::Borrower,
            StepKind::Back => C::BroughtBackBy,
            _ => C::TakenBackBy,
        },
        Field::Until => C::Until,
        Field::ApprovedBy => C::ApprovedBy,
        Field::Witness => C::Witness,
        Field::Location => C::Location,
        Field::By => C::By,
        Field::Note => C::Note,
        Field::Reason => C::Reason,
    };
    tr(lang, key)
}

/// Every labelled detail of a recorded step, in prompt order: `借阅人：张三`,
/// `应还时间：12-02 17:00`, `经办人：小王`.
pub fn event_details(
    lang: Lang,
    e: &crate::model::CustodyEvent,
    now: crate::model::Time,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |field: Field, value: Option<String>| {
        if let Some(v) = value {
            let label = field_label(lang, e.action, field);
            out.push(trf(
                lang,
                C::Labelled,
                &[&label, &crate::text::one_line(&v)],
            ));
        }
    };
    push(Field::Reason, e.reason.clone());
    for field in Field::SHOWN {
        let value = match field {
            Field::Person => e.person.clone(),
            Field::Until => e.until.map(|t| super::preview(t, now, lang)),
            Field::ApprovedBy => e.approved_by.clone(),
            Field::Witness => e.witness.clone(),
            Field::Location => e.location.clone(),
            Field::By => e.by.clone(),
            Field::Note | Field::Reason => None,
        };
        push(field, value);
    }
    push(Field::Note, e.note.clone());
    out
}

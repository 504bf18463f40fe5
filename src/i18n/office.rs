//! The texts of the spreadsheet forms, the CSV export and the import: sheet
//! names, column heads, footers and the import's messages, each in English
//! and Chinese (kept apart from `texts.rs` so that table stays readable).

use super::Lang;

text_keys! {
    /// A text of the office formats.
    O in office {
        // Sheet names (at most 31 characters, none of []:*?/\).
        SheetDocuments,
        SheetLoans,
        SheetDestruction,
        SheetInterviews,
        SheetLogistics,
        SheetSubstitutes,
        SheetSignIn,
        // Column heads.
        ColNumber,
        ColSeq,
        ColTitle,
        ColDocument,
        ColFrom,
        ColClass,
        ColRule,
        ColReceived,
        ColStage,
        ColHolder,
        ColClosedHow,
        ColClosedAt,
        ColNotes,
        ColBorrower,
        ColLentAt,
        ColDueBack,
        ColReturnedAt,
        ColSignBorrower,
        ColSignKeeper,
        ColApprovedBy,
        ColWitness,
        ColShredAt,
        ColSignApprover,
        ColSignWitness,
        ColTime,
        ColPlace,
        ColInterviewee,
        ColInterviewers,
        ColRecorder,
        ColType,
        ColTask,
        ColCategory,
        ColStatus,
        ColPriority,
        ColDue,
        ColContact,
        ColSection,
        ColStart,
        ColEnd,
        ColHandback,
        ColName,
        ColUnit,
        ColSignature,
        SignMeeting,
        NotesWithheld,
        // Page header and footer (`&P` and `&N` are the page number and count).
        FooterPages,
        FooterCheck,
        // Export messages.
        ErrXlsxNeedsFile,
        ErrUnknownSheet,
        ErrNotMeeting,
        ErrCsvNeedsKind,
        ErrWrite,
        ErrXlsxBuild,
        // Import.
        ErrImportRead,
        ErrImportMissing,
        ReasonUnreadable,
        ErrImportType,
        ErrImportEncoding,
        ErrImportNoHeader,
        ErrImportCell,
        ReasonDate,
        ReasonChoice,
        ReasonNotForKind,
        ReasonTitle,
        ReasonRefused,
        ImportDone,
        ImportDry,
        ImportRow,
        ImportLineAdd,
        ImportLineSkip,
        // The dashboard.
        WorkbookWritten,
        WorkbookSealed,
        AskImport,
    }
}

/// The text of `key` in `lang` (as [`super::tr`] gives any table's).
pub fn ot(lang: Lang, key: O) -> &'static str {
    super::tr(lang, key)
}

/// The text of `key` with each `{}` replaced by the next argument.
pub fn otf(lang: Lang, key: O, args: &[&dyn std::fmt::Display]) -> String {
    super::trf(lang, key, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;

    #[test]
    fn every_office_text_has_both_languages_with_the_same_placeholders() {
        for key in O::ALL {
            assert!(!key.en().trim().is_empty(), "{key:?} has no English");
            assert!(!key.zh().trim().is_empty(), "{key:?} has no Chinese");
            assert_eq!(
                key.en().matches("{}").count(),
                key.zh().matches("{}").count(),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn chinese_office_texts_are_translated_and_name_no_flags() {
        for key in O::ALL {
            let zh = key.zh();
            let cjk = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let letters = zh.chars().any(|c| c.is_ascii_alphabetic());
            assert!(cjk || !letters, "{key:?} looks untranslated: {zh}");
            assert!(!zh.contains("--"), "{key:?} names a flag: {zh}");
        }
    }

    #[test]
    fn sheet_names_fit_a_workbook() {
        use O::*;
        let sheets = [
            SheetDocuments,
            SheetLoans,
            SheetDestruction,
            SheetInterviews,
            SheetLogistics,
            SheetSubstitutes,
            SheetSignIn,
        ];
        for key in sheets {
            for name in [key.en(), key.zh()] {
                assert!(name.chars().count() <= 31, "{name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{name}"
                );
            }
        }
    }
}

//! The help of each item option on the command line (`--due`, `--place`,
//! …), named by the field table in `model::field`.

text_keys! {
    /// The command line's help for one field's option.
    F in field_texts {
        HelpDue,
        HelpStart,
        HelpEnd,
        HelpPlace,
        HelpType,
        HelpWith,
        HelpFrom,
        HelpRule,
        HelpClass,
        HelpSection,
        HelpCategory,
        HelpPriority,
        HelpContact,
        HelpEvery,
        HelpUntil,
    }
}

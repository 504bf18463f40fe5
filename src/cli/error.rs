//! A command's failure: one line in the user's language.

use crate::i18n::{self, Lang, T, tr};
use crate::store::StoreError;

/// A failure said in one line.
#[derive(Debug)]
pub struct CliError(pub String);

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError(i18n::store_error(i18n::lang(), &e))
    }
}

/// The prefix of every error line, in the user's language.
pub fn error_prefix(lang: Lang) -> String {
    format!("liaison: {}", tr(lang, T::ErrPrefix))
}

//! The config file's refusals and the terminal's failures, in the user's
//! language.

use super::{K, Lang, tr, trf};
use crate::config::ConfigError;
use crate::input::keys::{KeyError, Why};

/// Why the config file was refused, naming the file and the line.
pub fn config_error(lang: Lang, e: &ConfigError) -> String {
    let why = match e {
        ConfigError::Unreadable { .. } => {
            let io = e.io_error().expect("an unreadable file has an I/O error");
            super::os_error(lang, &io)
        }
        ConfigError::Syntax { line, message, .. } => {
            let at = trf(lang, K::ConfigLine, &[line]);
            // toml's own words are English: said in English only.
            match lang {
                Lang::En => format!("{at}: {message}"),
                Lang::Zh => at,
            }
        }
        ConfigError::Keys { error, .. } => key_error(lang, error),
        ConfigError::Workday { .. } => tr(lang, K::ConfigWorkday).to_string(),
    };
    trf(lang, K::ErrConfig, &[&e.path().display(), &why])
}

/// A `[keys.MODE]` entry refused.
pub fn key_error(lang: Lang, e: &KeyError) -> String {
    match e {
        KeyError::NoSuchMode { mode, line } => trf(
            lang,
            K::KeysNoMode,
            &[mode, line, &crate::app::Mode::names()],
        ),
        KeyError::Binding {
            mode,
            action,
            key,
            line,
            why,
        } => {
            let why = match why {
                Why::NoSuchAction => tr(lang, K::KeysNoAction).to_string(),
                Why::NotAKey => tr(lang, K::KeysNotAKey).to_string(),
                Why::DoesNothing => trf(lang, K::KeysDoesNothing, &[action]),
                Why::Clash(names) => trf(lang, K::KeysClash, &[&names.join(tr(lang, K::KeysAnd))]),
            };
            trf(lang, K::KeysAt, &[mode, action, key, line, &why])
        }
    }
}

/// The terminal failed while the dashboard ran.
pub fn terminal_error(lang: Lang, e: &std::io::Error) -> String {
    trf(lang, K::ErrTerminal, &[&super::os_error(lang, e)])
}

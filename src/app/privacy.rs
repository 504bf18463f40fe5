//! The privacy screen's way back: Enter, or — with encryption on — the
//! passphrase, checked against the data's key. Three wrong tries end the
//! dashboard (everything is saved, unsaved typing kept as a draft).

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use zeroize::Zeroizing;

use super::App;
use crate::i18n::{T, tr, trf};
use crate::store::Passphrase;

/// How many wrong passphrases end the dashboard.
pub const TRIES: u8 = 3;

/// The passphrase being typed on the privacy screen.
#[derive(Default)]
pub struct Unlock {
    pub typed: Zeroizing<String>,
    pub wrong: u8,
    pub error: Option<String>,
}

impl std::fmt::Debug for Unlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Unlock")
            .field("chars", &self.typed.chars().count())
            .field("wrong", &self.wrong)
            .finish()
    }
}

/// Enter on the privacy screen.
pub fn enter(app: &mut App) {
    if !app.store.is_encrypted() {
        app.privacy = false;
        return;
    }
    let Some(unlock) = app.unlock.as_mut() else {
        app.unlock = Some(Unlock::default());
        return;
    };
    let pass = Passphrase::new(unlock.typed.as_bytes().to_vec());
    unlock.typed = Zeroizing::new(String::new());
    if app.store.verify_passphrase(&pass) {
        app.unlock = None;
        app.privacy = false;
        return;
    }
    unlock.wrong += 1;
    if unlock.wrong >= TRIES {
        app.quit = true;
        return;
    }
    unlock.error = Some(trf(app.lang, T::UnlockWrong, &[&(TRIES - unlock.wrong)]));
}

/// Esc on the privacy screen: put the passphrase prompt away.
pub fn cancel(app: &mut App) {
    if let Some(u) = app.unlock.as_mut() {
        u.typed = Zeroizing::new(String::new());
        u.error = None;
    }
}

/// Typing on the privacy screen goes only into the passphrase, if asked.
pub fn text(app: &mut App, event: &Event) {
    let Some(unlock) = app.unlock.as_mut() else {
        return;
    };
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => match k.code {
            KeyCode::Backspace => {
                unlock.typed.pop();
            }
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                unlock.typed = Zeroizing::new(String::new());
            }
            KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                unlock.typed.push(c)
            }
            _ => {}
        },
        Event::Paste(text) => unlock.typed.push_str(text.trim_end_matches(['\r', '\n'])),
        _ => {}
    }
}

/// What the privacy screen shows for a passphrase being typed, whatever
/// its length.
pub const MASK: &str = "••••••••";

/// A fixed-width mask: someone looking on learns whether anything was
/// typed, never how long the passphrase is.
pub fn mask(typed: &str) -> &'static str {
    if typed.is_empty() { "" } else { MASK }
}

/// The line the privacy screen shows under its text.
pub fn prompt_line(app: &App) -> Option<String> {
    let u = app.unlock.as_ref()?;
    let dots = mask(&u.typed);
    let line = format!("{} {dots}", tr(app.lang, T::UnlockPrompt));
    Some(match &u.error {
        Some(e) => format!("{line}   {e}"),
        None => line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mask_tells_nothing_of_the_passphrase_length() {
        assert_eq!(mask(""), "");
        assert_eq!(mask("a"), MASK);
        assert_eq!(mask("a"), mask("巡察组 correct horse battery staple"));
    }
}

//! The keymap in force: the default table with the config's `[keys.MODE]`
//! bindings merged over it (`add = "+"`, `capture = "ctrl-n"`). A binding
//! that names an unknown mode, action or key, or takes a key another action
//! holds in that mode, is refused with one line naming its config line.

use std::borrow::Cow;
use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::{Binding, KEYMAP};
use crate::app::{Action, Mode};

/// `[keys.MODE]` tables from the config: mode name → action name → key.
pub type KeyTables = BTreeMap<String, BTreeMap<String, String>>;

/// The bindings in force, in the order help lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: KEYMAP.to_vec(),
        }
    }
}

impl Keymap {
    /// Every binding, in the order help lists them.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action `key` means in `mode`, if any.
    pub fn resolve(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        // Shift is part of the character for letters and symbols (`G`, `?`).
        let mods = match key.code {
            KeyCode::Char(_) => key.modifiers - KeyModifiers::SHIFT,
            _ => key.modifiers,
        };
        self.bindings
            .iter()
            .find(|b| b.modes.contains(&mode) && b.code == key.code && b.mods == mods)
            .map(|b| b.action)
    }

    /// The bindings to show in the footer for `mode`: help and quit first,
    /// then Today, the note box and the privacy screen, so they stay visible
    /// on a narrow terminal (80 columns), then the rest in table order.
    pub fn footer(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        const FIRST: [Action; 5] = [
            Action::Help,
            Action::Quit,
            Action::Today,
            Action::Capture,
            Action::Privacy,
        ];
        let shown = move |b: &&Binding| b.footer && b.modes.contains(&mode);
        let all = &self.bindings;
        FIRST
            .iter()
            .flat_map(move |a| all.iter().filter(move |b| shown(b) && b.action == *a))
            .chain(
                all.iter()
                    .filter(move |b| shown(b) && !FIRST.contains(&b.action)),
            )
    }

    /// The defaults with `tables` merged over them. `text` is the config
    /// file's text, to name the line of a refused binding.
    pub fn with(tables: &KeyTables, text: &str) -> Result<Keymap, KeyError> {
        let mut map = Keymap::default();
        let mut mine = Vec::new();
        for (mode_name, table) in tables {
            let mode: Mode = mode_name.parse().map_err(|_| KeyError::NoSuchMode {
                mode: mode_name.clone(),
                line: line_of(text, mode_name, None),
            })?;
            for (action_name, key) in table {
                let refuse = |why: Why| KeyError::Binding {
                    mode: mode_name.clone(),
                    action: action_name.clone(),
                    key: key.clone(),
                    line: line_of(text, mode_name, Some(action_name)),
                    why,
                };
                let action: Action = action_name.parse().map_err(|_| refuse(Why::NoSuchAction))?;
                let (code, mods, label) = parse_key(key).ok_or_else(|| refuse(Why::NotAKey))?;
                map.rebind(mode, action, code, mods, label)
                    .ok_or_else(|| refuse(Why::DoesNothing))?;
                mine.push((mode, code, mods, refuse));
            }
        }
        for (mode, code, mods, refuse) in mine {
            let taken: Vec<&'static str> = map
                .bindings
                .iter()
                .filter(|b| b.modes.contains(&mode) && b.code == code && b.mods == mods)
                .map(|b| b.action.as_str())
                .collect();
            if taken.len() > 1 {
                return Err(refuse(Why::Clash(taken)));
            }
        }
        Ok(map)
    }

    /// Moves `action` in `mode` to the new key, where its old binding was.
    /// None if `action` has no key in `mode` to move.
    fn rebind(
        &mut self,
        mode: Mode,
        action: Action,
        code: KeyCode,
        mods: KeyModifiers,
        label: String,
    ) -> Option<()> {
        let pos = self
            .bindings
            .iter()
            .position(|b| b.action == action && b.modes.contains(&mode))?;
        let old = self.bindings[pos].clone();
        let footer = self
            .bindings
            .iter()
            .any(|b| b.action == action && b.modes.contains(&mode) && b.footer);
        for b in &mut self.bindings {
            if b.action == action && b.modes.contains(&mode) {
                b.modes = b.modes.iter().copied().filter(|m| *m != mode).collect();
            }
        }
        self.bindings.insert(
            pos,
            Binding {
                modes: Cow::Owned(vec![mode]),
                code,
                mods,
                label: Cow::Owned(label),
                footer,
                ..old
            },
        );
        self.bindings.retain(|b| !b.modes.is_empty());
        Some(())
    }
}

/// A key as a config writes it: a character (`+`, `a`, `。`), a named key
/// (`enter`, `esc`, `tab`, `space`, `up`, `pgdn` …), or either after `ctrl-`
/// (or `c-`); `shift-tab`. Gives the key and how footer and help write it.
pub fn parse_key(s: &str) -> Option<(KeyCode, KeyModifiers, String)> {
    let lower = s.trim().to_lowercase();
    if s.chars().count() == 1 {
        let c = s.chars().next()?;
        return (!c.is_control()).then(|| (KeyCode::Char(c), KeyModifiers::NONE, c.to_string()));
    }
    if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("c-"))
    {
        let mut chars = rest.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        return c
            .is_ascii_alphanumeric()
            .then(|| (KeyCode::Char(c), KeyModifiers::CONTROL, format!("C-{c}")));
    }
    let (code, label) = match lower.as_str() {
        "enter" | "return" => (KeyCode::Enter, "Enter"),
        "esc" | "escape" => (KeyCode::Esc, "Esc"),
        "tab" => (KeyCode::Tab, "Tab"),
        "shift-tab" | "s-tab" | "backtab" => {
            return Some((KeyCode::BackTab, KeyModifiers::SHIFT, "S-Tab".into()));
        }
        "space" => (KeyCode::Char(' '), "Space"),
        "up" => (KeyCode::Up, "↑"),
        "down" => (KeyCode::Down, "↓"),
        "left" => (KeyCode::Left, "←"),
        "right" => (KeyCode::Right, "→"),
        "home" => (KeyCode::Home, "Home"),
        "end" => (KeyCode::End, "End"),
        "pgup" | "page-up" => (KeyCode::PageUp, "PgUp"),
        "pgdn" | "page-down" => (KeyCode::PageDown, "PgDn"),
        _ => return None,
    };
    Some((code, KeyModifiers::NONE, label.into()))
}

/// A `[keys.MODE]` entry of the config refused, with its line (1-based; 0
/// when the table is written inline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    NoSuchMode {
        mode: String,
        line: usize,
    },
    Binding {
        mode: String,
        action: String,
        key: String,
        line: usize,
        why: Why,
    },
}

/// Why a binding was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    NoSuchAction,
    NotAKey,
    DoesNothing,
    /// The key is then bound to these actions.
    Clash(Vec<&'static str>),
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::key_error(crate::i18n::Lang::En, self))
    }
}

/// The line of `[keys.MODE]` (or of `action = …` under it), 1-based; 0
/// when it cannot be found (a table written inline).
fn line_of(text: &str, mode: &str, action: Option<&str>) -> usize {
    let header = format!("keys.{mode}");
    let mut inside = false;
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            let name: String = t
                .trim_matches(|c| c == '[' || c == ']')
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '"')
                .collect();
            inside = name == header;
            if inside && action.is_none() {
                return n + 1;
            }
        } else if inside && let Some(a) = action {
            let key = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if key == a {
                return n + 1;
            }
        }
    }
    0
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;

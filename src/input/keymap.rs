//! The default key bindings: the table a `Keymap` starts from (see
//! `input::keys`), which drives dispatch, the footer and the help overlay
//! alike, so the three can never disagree.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::{Action, Mode};
use crate::i18n::{G, T};
use crate::model::Kind;

/// What a binding's help says: a text of the main table, or of sync's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpText {
    T(T),
    G(G),
}

impl crate::i18n::Text for HelpText {
    fn text(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            HelpText::T(t) => t.text(lang),
            HelpText::G(g) => g.text(lang),
        }
    }
}

impl PartialEq<T> for HelpText {
    fn eq(&self, other: &T) -> bool {
        *self == HelpText::T(*other)
    }
}

/// One binding: in these modes, this key does this action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub modes: Cow<'static, [Mode]>,
    pub code: KeyCode,
    pub mods: KeyModifiers,
    /// How the key is written in the footer and help.
    pub label: Cow<'static, str>,
    pub action: Action,
    pub help: HelpText,
    /// Shown in the footer (the help overlay shows every binding).
    pub footer: bool,
}

use Action as A;
use Mode as M;

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const LISTS: &[Mode] = &[M::Panes, M::Today];
const VIEWS: &[Mode] = &[M::Panes, M::Today, M::Detail];
const FORMS: &[Mode] = &[M::Form, M::FormChoice];
/// Where the arrows move a selection or scroll.
const SCROLLS: &[Mode] = &[
    M::Panes,
    M::Today,
    M::Detail,
    M::Search,
    M::Help,
    M::Holders,
    M::Clearance,
    M::Inbox,
    M::Roster,
    M::Week,
];
/// Views that can be left with `q` and asked for help.
const READING: &[Mode] = &[
    M::Panes,
    M::Today,
    M::Detail,
    M::Holders,
    M::Clearance,
    M::Inbox,
    M::Roster,
    M::Week,
];
const ALL_BUT_PRIVACY: &[Mode] = &[
    M::Panes,
    M::Today,
    M::Detail,
    M::Form,
    M::FormChoice,
    M::Capture,
    M::Search,
    M::Help,
    M::Confirm,
    M::Prompt,
    M::Holders,
    M::Clearance,
    M::Inbox,
    M::Roster,
    M::Week,
];
/// Where a reminder can be put away.
const REMINDED: &[Mode] = &[M::Panes, M::Today, M::Roster, M::Week];

const fn b(
    modes: &'static [Mode],
    code: KeyCode,
    mods: KeyModifiers,
    label: &'static str,
    action: Action,
    help: T,
    footer: bool,
) -> Binding {
    Binding {
        modes: Cow::Borrowed(modes),
        code,
        mods,
        label: Cow::Borrowed(label),
        action,
        help: HelpText::T(help),
        footer,
    }
}

/// A binding whose help is one of sync's texts.
const fn by(
    modes: &'static [Mode],
    code: KeyCode,
    mods: KeyModifiers,
    label: &'static str,
    action: Action,
    help: G,
    footer: bool,
) -> Binding {
    let mut binding = b(modes, code, mods, label, action, T::KeyHelp, footer);
    binding.help = HelpText::G(help);
    binding
}

use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

/// Every binding, in the order help lists them.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    b(&[M::Panes], Char('1'), NONE, "1-4", A::Focus(Kind::Logistics), T::KeyFocus, false),
    b(&[M::Panes], Char('2'), NONE, "1-4", A::Focus(Kind::Document), T::KeyFocus, false),
    b(&[M::Panes], Char('3'), NONE, "1-4", A::Focus(Kind::Meeting), T::KeyFocus, false),
    b(&[M::Panes], Char('4'), NONE, "1-4", A::Focus(Kind::Substitute), T::KeyFocus, false),
    b(&[M::Panes], Tab, NONE, "Tab", A::NextPane, T::KeyNextPane, false),
    b(&[M::Panes], BackTab, SHIFT, "S-Tab", A::PrevPane, T::KeyPrevPane, false),
    b(SCROLLS, Down, NONE, "↓", A::Down, T::KeyDown, false),
    b(&[M::Panes, M::Today, M::Detail, M::Inbox], Char('j'), NONE, "j", A::Down, T::KeyDown, false),
    b(&[M::Help, M::Holders, M::Clearance, M::Roster, M::Week], Char('j'), NONE, "j/k", A::Down, T::KeyScroll, true),
    b(SCROLLS, Up, NONE, "↑", A::Up, T::KeyUp, false),
    b(&[M::Panes, M::Today, M::Detail, M::Inbox], Char('k'), NONE, "k", A::Up, T::KeyUp, false),
    b(&[M::Help, M::Holders, M::Clearance, M::Roster, M::Week], Char('k'), NONE, "j/k", A::Up, T::KeyScroll, false),
    b(VIEWS, PageDown, NONE, "PgDn", A::PageDown, T::KeyPageDown, false),
    b(VIEWS, PageUp, NONE, "PgUp", A::PageUp, T::KeyPageUp, false),
    b(VIEWS, Home, NONE, "Home", A::Top, T::KeyTop, false),
    b(VIEWS, Char('g'), NONE, "g", A::Top, T::KeyTop, false),
    b(VIEWS, End, NONE, "End", A::Bottom, T::KeyBottom, false),
    b(VIEWS, Char('G'), NONE, "G", A::Bottom, T::KeyBottom, false),
    b(LISTS, Enter, NONE, "Enter", A::Open, T::KeyOpen, true),
    b(&[M::Panes], Char('a'), NONE, "a", A::Add, T::KeyAdd, true),
    b(VIEWS, Char('e'), NONE, "e", A::Edit, T::KeyEdit, true),
    b(VIEWS, Char('x'), NONE, "x", A::Done, T::KeyDone, true),
    b(VIEWS, Char('d'), NONE, "d", A::Delete, T::KeyDelete, true),
    b(&[M::Today], Char('s'), NONE, "s", A::Snooze, T::KeySnooze, true),
    b(&[M::Today, M::Detail], Char('S'), NONE, "S", A::SnoozeTo, T::KeySnoozeTo, true),
    b(&[M::Panes], Char('h'), NONE, "h", A::Holders, T::KeyHolders, false),
    b(&[M::Panes, M::Holders], Char('o'), NONE, "o", A::Clearance, T::KeyClearance, false),
    b(&[M::Detail], Char('C'), NONE, "C", A::Copy, T::KeyCopy, false),
    b(LISTS, Char('i'), NONE, "i", A::Inbox, T::KeyInbox, false),
    b(&[M::Detail], Char(' '), NONE, "Space", A::Tick, T::KeyTick, true),
    b(&[M::Detail], Char('+'), NONE, "+", A::AddCheck, T::KeyAddCheck, true),
    b(&[M::Detail], Char('-'), NONE, "-", A::RemoveCheck, T::KeyRemoveCheck, false),
    b(LISTS, Char('R'), NONE, "R", A::Report, T::KeyReport, false),
    b(LISTS, Char('X'), NONE, "X", A::Workbook, T::KeyWorkbook, false),
    b(LISTS, Char('I'), NONE, "I", A::Import, T::KeyImport, false),
    by(LISTS, Char('Y'), NONE, "Y", A::Sync, G::KeySync, false),
    b(&[M::Today], Char('p'), NONE, "p", A::CyclePriority, T::KeyPriority, true),
    b(VIEWS, Char('u'), NONE, "u", A::Undo, T::KeyUndo, true),
    b(VIEWS, Char('r'), CTRL, "C-r", A::Redo, T::KeyRedo, false),
    b(&[M::Panes], Char('/'), NONE, "/", A::Search, T::KeySearch, true),
    b(&[M::Panes], Char('c'), NONE, "c", A::ToggleClosed, T::KeyToggleClosed, false),
    b(&[M::Panes, M::Detail], Char('t'), NONE, "t", A::Today, T::KeyToday, true),
    b(&[M::Today], Char('t'), NONE, "t", A::Back, T::KeyBack, false),
    b(READING, Char('n'), NONE, "n", A::Capture, T::KeyCapture, true),
    b(READING, Char('?'), NONE, "?", A::Help, T::KeyHelp, true),
    b(&[M::Today, M::Detail, M::Holders, M::Clearance, M::Inbox, M::Roster, M::Week], Esc, NONE, "Esc", A::Back, T::KeyBack, true),
    b(&[M::Panes, M::Today, M::Week], Char('m'), NONE, "m", A::Roster, T::KeyRoster, true),
    b(&[M::Panes, M::Today, M::Roster], Char('w'), NONE, "w", A::Week, T::KeyWeek, true),
    b(&[M::Week], Char('['), NONE, "[/]", A::PrevWeek, T::KeyWeekMove, true),
    b(&[M::Week], Char(']'), NONE, "[/]", A::NextWeek, T::KeyWeekMove, false),
    b(REMINDED, Char('z'), NONE, "z", A::Dismiss, T::KeyDismiss, false),
    b(&[M::Roster], Char('i'), NONE, "i", A::AttendIn, T::KeyAttendIn, true),
    b(&[M::Roster], Char('o'), NONE, "o", A::AttendOut, T::KeyAttendOut, true),
    b(&[M::Roster], Char('b'), NONE, "b", A::AttendBack, T::KeyAttendBack, true),
    b(&[M::Roster], Char('l'), NONE, "l", A::AttendLeave, T::KeyAttendLeave, true),
    b(READING, Char('q'), NONE, "q", A::Quit, T::KeyQuit, true),
    // Notes: the inbox's (after its way out, so `Esc` stays in an 80-column
    // footer), and an item's from its detail.
    b(&[M::Inbox], Char('e'), NONE, "e", A::EditNote, T::KeyEdit, false),
    b(&[M::Inbox], Enter, NONE, "Enter", A::EditNote, T::KeyEdit, true),
    b(&[M::Inbox], Char('d'), NONE, "d", A::DeleteNote, T::KeyDelete, true),
    b(&[M::Inbox], Char('f'), NONE, "f", A::FileNote, T::KeyFileNote, true),
    b(&[M::Inbox], Char('a'), NONE, "a", A::MakeItem, T::KeyMakeItem, true),
    b(&[M::Inbox], Char('u'), NONE, "u", A::Undo, T::KeyUndo, false),
    b(&[M::Inbox], Char('r'), CTRL, "C-r", A::Redo, T::KeyRedo, false),
    b(&[M::Detail], Char('E'), NONE, "E", A::EditNote, T::KeyEditNote, false),
    b(&[M::Detail], Char('D'), NONE, "D", A::DeleteNote, T::KeyDeleteNote, false),
    b(&[M::Detail], Enter, NONE, "Enter", A::Open, T::KeyOpenLink, false),
    // Forms.
    b(FORMS, Tab, NONE, "Tab", A::NextField, T::KeyNextField, true),
    b(FORMS, BackTab, SHIFT, "S-Tab", A::PrevField, T::KeyPrevField, true),
    b(&[M::FormChoice], Right, NONE, "→", A::ChoiceNext, T::KeyChoice, true),
    b(&[M::FormChoice], Char(' '), NONE, "Space", A::ChoiceNext, T::KeyChoice, false),
    b(&[M::FormChoice], Left, NONE, "←", A::ChoicePrev, T::KeyChoice, false),
    b(FORMS, Enter, NONE, "Enter", A::Submit, T::KeySave, true),
    b(FORMS, Esc, NONE, "Esc", A::Back, T::KeyCancel, true),
    // Capture.
    b(&[M::Capture], Enter, NONE, "Enter", A::Submit, T::KeySaveNote, true),
    b(&[M::Capture], Tab, NONE, "Tab", A::CycleTarget, T::KeyTarget, true),
    b(&[M::Capture], Esc, NONE, "Esc", A::Back, T::KeyClose, true),
    // A one-line question (borrower, witness, date).
    b(&[M::Prompt], Enter, NONE, "Enter", A::Submit, T::KeyConfirm, true),
    b(&[M::Prompt], Esc, NONE, "Esc", A::Back, T::KeyCancel, true),
    b(&[M::Prompt], Tab, NONE, "Tab", A::NextField, T::KeyNextField, false),
    b(&[M::Prompt], Down, NONE, "↓", A::NextField, T::KeyNextField, false),
    b(&[M::Prompt], BackTab, SHIFT, "S-Tab", A::PrevField, T::KeyPrevField, false),
    b(&[M::Prompt], Up, NONE, "↑", A::PrevField, T::KeyPrevField, false),
    // Search.
    b(&[M::Search], Enter, NONE, "Enter", A::Submit, T::KeyKeepFilter, true),
    b(&[M::Search], Esc, NONE, "Esc", A::Back, T::KeyClearFilter, true),
    // Help and confirmation.
    b(&[M::Help], Esc, NONE, "Esc", A::Back, T::KeyClose, true),
    b(&[M::Help], Char('?'), NONE, "?", A::Back, T::KeyClose, false),
    b(&[M::Help], Char('q'), NONE, "q", A::Back, T::KeyClose, false),
    b(&[M::Confirm], Char('y'), NONE, "y", A::Confirm, T::KeyConfirm, true),
    b(&[M::Confirm], Enter, NONE, "Enter", A::Confirm, T::KeyConfirm, false),
    b(&[M::Confirm], Char('n'), NONE, "n", A::Back, T::KeyCancel, true),
    b(&[M::Confirm], Esc, NONE, "Esc", A::Back, T::KeyCancel, false),
    // Everywhere.
    b(ALL_BUT_PRIVACY, Char('x'), CTRL, "C-x", A::Privacy, T::KeyPrivacy, true),
    b(&[M::Privacy], Enter, NONE, "Enter", A::Unlock, T::KeyUnlock, true),
    b(&[M::Privacy], Esc, NONE, "Esc", A::Back, T::KeyCancel, false),
    b(ALL_BUT_PRIVACY, Char('c'), CTRL, "C-c", A::Quit, T::KeyQuit, false),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::keys::Keymap;
    use ratatui::crossterm::event::KeyEvent;

    fn resolve(mode: Mode, key: &KeyEvent) -> Option<Action> {
        Keymap::default().resolve(mode, key)
    }

    fn footer(mode: Mode) -> std::vec::IntoIter<Binding> {
        let keymap = Keymap::default();
        keymap.footer(mode).cloned().collect::<Vec<_>>().into_iter()
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, NONE)
    }

    #[test]
    fn core_keys_resolve_as_the_spec_says() {
        let cases = [
            (Char('1'), A::Focus(Kind::Logistics)),
            (Char('4'), A::Focus(Kind::Substitute)),
            (Tab, A::NextPane),
            (Char('j'), A::Down),
            (Down, A::Down),
            (Char('k'), A::Up),
            (Enter, A::Open),
            (Char('a'), A::Add),
            (Char('e'), A::Edit),
            (Char('x'), A::Done),
            (Char('d'), A::Delete),
            (Char('u'), A::Undo),
            (Char('/'), A::Search),
            (Char('t'), A::Today),
            (Char('n'), A::Capture),
            (Char('?'), A::Help),
            (Char('q'), A::Quit),
        ];
        for (code, action) in cases {
            assert_eq!(resolve(M::Panes, &key(code)), Some(action), "{code:?}");
        }
        assert_eq!(
            resolve(M::Panes, &KeyEvent::new(BackTab, KeyModifiers::SHIFT)),
            Some(A::PrevPane)
        );
        assert_eq!(
            resolve(M::Panes, &KeyEvent::new(Char('r'), CTRL)),
            Some(A::Redo)
        );
    }

    #[test]
    fn letters_typed_in_a_form_or_capture_are_not_commands() {
        for mode in [M::Form, M::Capture, M::Search] {
            for c in ['q', 'x', 'd', 'a', 'j', 'u', '1', '?', 'n', ' '] {
                assert_eq!(resolve(mode, &key(Char(c))), None, "{mode:?} {c}");
            }
        }
    }

    #[test]
    fn privacy_works_from_every_mode_but_itself() {
        let ctrl_x = KeyEvent::new(Char('x'), CTRL);
        for mode in Mode::ALL {
            let expected = (*mode != M::Privacy).then_some(A::Privacy);
            assert_eq!(resolve(*mode, &ctrl_x), expected, "{mode:?}");
        }
        assert_eq!(resolve(M::Privacy, &key(Char('q'))), None);
    }

    #[test]
    fn shifted_letters_match_their_binding() {
        assert_eq!(
            resolve(M::Panes, &KeyEvent::new(Char('G'), KeyModifiers::SHIFT)),
            Some(A::Bottom)
        );
        assert_eq!(
            resolve(M::Panes, &KeyEvent::new(Char('?'), KeyModifiers::SHIFT)),
            Some(A::Help)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in Mode::ALL {
            let mut seen = std::collections::HashSet::new();
            for b in KEYMAP.iter().filter(|b| b.modes.contains(mode)) {
                assert!(
                    seen.insert((b.code, b.mods)),
                    "{mode:?} {:?} bound twice",
                    b.code
                );
            }
        }
    }

    #[test]
    fn help_and_quit_lead_the_footer() {
        let actions: Vec<Action> = footer(M::Panes).map(|b| b.action).collect();
        assert_eq!(&actions[..2], &[A::Help, A::Quit]);
        assert!(actions.contains(&A::Add));
    }

    #[test]
    fn the_panes_footer_leads_with_the_keys_an_80_column_screen_must_keep() {
        let actions: Vec<Action> = footer(M::Panes).map(|b| b.action).take(5).collect();
        for a in [A::Today, A::Capture, A::Privacy] {
            assert!(actions.contains(&a), "{a:?} in {actions:?}");
        }
        assert!(footer(M::Today).any(|b| b.action == A::SnoozeTo));
    }

    #[test]
    fn every_mode_has_a_way_out_in_its_footer() {
        for mode in Mode::ALL {
            assert!(
                footer(*mode).next().is_some(),
                "{mode:?} has an empty footer"
            );
        }
    }
}

//! The rough edges a day of real use found, driven key by key: a
//! read-only dashboard, what `Esc` keeps, drafts, messages.

use ratatui::crossterm::event::KeyCode;

use super::draft::{self, Draft};
use super::testing::{app, key, type_text};
use super::{Mode, Overlay};
use crate::i18n::Lang;

#[test]
fn a_read_only_dashboard_opens_no_form_and_no_note_box() {
    let (_d, mut app) = app(Lang::En, true);
    app.read_only = true;
    for k in ['a', 'n', 'e', 'd'] {
        key(&mut app, KeyCode::Char(k));
        assert!(
            matches!(app.overlay, Overlay::None),
            "{k:?} opened {:?}",
            app.overlay
        );
        let status = app.status.as_ref().expect("a refusal");
        assert!(status.error && status.text.contains("read-only"), "{k:?}");
    }
    // Looking around still works.
    key(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.overlay, Overlay::Help));
}

#[test]
fn esc_in_the_note_box_keeps_the_unsaved_line_and_n_brings_it_back() {
    let (_d, mut app) = app(Lang::En, false);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "最后一行没按回车");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Panes);
    assert!(app.status.as_ref().unwrap().text.contains("kept"));
    // Until it comes back, it is the draft a restart offers.
    assert!(matches!(
        draft::current(&app),
        Some(Draft::Capture { text, .. }) if text == "最后一行没按回车"
    ));
    key(&mut app, KeyCode::Char('n'));
    let Overlay::Capture(c) = &app.overlay else {
        panic!("the note box opens again")
    };
    assert_eq!(c.input.value(), "最后一行没按回车");
}

#[test]
fn esc_in_a_form_with_changes_asks_once_before_discarding() {
    let (_d, mut app) = app(Lang::Zh, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "订房");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Form, "the first Esc only asks");
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("再按 Esc"),
        "{status:?}"
    );
    // Typing on cancels the question.
    type_text(&mut app, "间");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Form);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Panes);
    // A form without changes closes at once.
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Panes);
}

//! Custody steps, dates, the mouse and the privacy screen, key by key.

use super::testing::{app, key, key_mod, now, type_text};
use super::{Mode, Overlay, View};
use crate::i18n::Lang;
use crate::model::{Item, Kind, Status};
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

fn on_disk(app: &super::App) -> crate::model::State {
    app.store.load().unwrap().state
}

fn add_document(app: &mut super::App, title: &str, rule: crate::model::Rule) -> String {
    let mut item = Item::new(Kind::Document, title, now());
    item.rule = Some(rule);
    let store = app.store.clone();
    let id = store
        .transact(&mut app.snap, now(), |s| s.add(item))
        .unwrap();
    app.refresh();
    app.select(&id);
    id
}

#[test]
fn x_walks_a_document_through_its_custody_asking_what_each_step_needs() {
    use crate::model::custody::{Stage, stage};
    let (_d, mut app) = app(Lang::Zh, false);
    let id = add_document(&mut app, "信访举报件复印件", crate::model::Rule::Shred);
    key(&mut app, KeyCode::Char('x')); // receive: needs nothing
    assert_eq!(stage(on_disk(&app).get(&id).unwrap()), Stage::Held);
    key(&mut app, KeyCode::Char('x')); // lend: asks for the borrower
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "组员甲");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        stage(on_disk(&app).get(&id).unwrap()),
        Stage::Lent("组员甲")
    );
    assert_eq!(app.counts.on_loan, 1);
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.view, View::Holders);
    let loans = crate::ui::loans_for_tests(&app);
    assert_eq!(loans, [("组员甲".to_string(), vec![id.clone()])]);
    key(&mut app, KeyCode::Esc);
    app.select(&id);
    key(&mut app, KeyCode::Char('x')); // back
    key(&mut app, KeyCode::Char('x')); // shred: asks for a witness
    key(&mut app, KeyCode::Enter); // none given: refused, prompt stays
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("prompt closed")
    };
    assert!(p.error.is_some());
    type_text(&mut app, "副组长");
    key(&mut app, KeyCode::Enter);
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(
        stage(&item),
        Stage::Closed(crate::model::custody::Action::Shred)
    );
    assert_eq!(item.status, Status::Done);
    assert_eq!(
        item.custody.last().unwrap().witness.as_deref(),
        Some("副组长")
    );
    // Undo takes the last step back off the log, which still verifies.
    key(&mut app, KeyCode::Char('u'));
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(stage(&item), Stage::Held);
    assert!(crate::model::custody::verify_item(&item).is_empty());
}

#[test]
fn an_empty_borrower_closes_a_document_by_its_rule() {
    use crate::model::custody::{Action, Stage, stage};
    let (_d, mut app) = app(Lang::En, false);
    let id = add_document(&mut app, "Ledgers", crate::model::Rule::Archive);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter); // no borrower: archive instead, which asks where
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("no prompt")
    };
    assert_eq!(
        p.ask,
        super::Ask::Custody {
            id: id.clone(),
            action: Action::Archive
        }
    );
    type_text(&mut app, "驻地档案柜");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        stage(on_disk(&app).get(&id).unwrap()),
        Stage::Closed(Action::Archive)
    );
}

#[test]
fn a_hand_edited_custody_log_is_named_in_the_header() {
    let (_d, mut app) = app(Lang::En, false);
    let id = add_document(&mut app, "Ledgers", crate::model::Rule::Return);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('x'));
    type_text(&mut app, "Member A");
    key(&mut app, KeyCode::Enter);
    assert!(app.chain_problems.is_empty());
    // A hand edit of the journal is caught by its hash chain and named.
    let journal = app.store.dir().join("journal.jsonl");
    let text = std::fs::read_to_string(&journal).unwrap();
    std::fs::write(&journal, text.replace("Member A", "Member B")).unwrap();
    assert!(!app.reload_if_changed());
    let said = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("journal.jsonl, line "), "{said}");
    std::fs::write(&journal, text).unwrap();
    // One in a custody log migrated from an old file is named in the header.
    let mut state = app.snap.state.clone();
    state.version = 1;
    let at = state.position(&id).unwrap();
    state.items[at].custody[1].person = Some("Member B".into());
    // (A copy of an old data directory: no journal, and no anchor.)
    std::fs::remove_file(&journal).unwrap();
    std::fs::remove_file(app.store.dir().join("lock")).unwrap();
    std::fs::write(app.store.state_path(), crate::store::encode(&state)).unwrap();
    assert!(app.reload_if_changed());
    assert_eq!(app.chain_problems.len(), 1);
    assert!(
        app.chain_problems[0].contains(&id),
        "{}",
        app.chain_problems[0]
    );
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    assert!(
        screen.lines().next().unwrap().contains(&id),
        "header names it"
    );
}

#[test]
fn shift_s_moves_a_due_date_to_a_phrase_with_a_preview() {
    let (_d, mut app) = app(Lang::Zh, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "确认会议室网络");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter); // detail
    key(&mut app, KeyCode::Char('S'));
    type_text(&mut app, "某天");
    key(&mut app, KeyCode::Enter);
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("prompt closed")
    };
    assert!(p.error.as_deref().unwrap().contains("某天"));
    key_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "明天下午3点");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::None));
    let due = on_disk(&app).get("L1").unwrap().due.unwrap();
    assert_eq!(due.to_rfc3339(), "2026-11-26T15:00:00+08:00");
}

#[test]
fn a_click_focuses_a_pane_and_selects_the_row() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let (_d, mut app) = app(Lang::En, true);
    app.area = (120, 40);
    // The line of the Meetings pane's third row (bottom left: its first
    // line is y = 21; the agenda puts day headings between rows).
    let line = crate::ui::entries(&app, 2)
        .iter()
        .position(|e| *e == crate::ui::Entry::Row(2))
        .unwrap();
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 21 + line as u16,
        modifiers: KeyModifiers::NONE,
    };
    crate::dashboard::handle(&mut app, &Event::Mouse(click));
    assert_eq!(app.focus, 2);
    assert_eq!(app.panes[2].selected, 2);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollUp,
        ..click
    };
    crate::dashboard::handle(&mut app, &Event::Mouse(wheel));
    assert_eq!(app.panes[2].selected, 1);
}

#[test]
fn the_screen_blanks_itself_after_the_idle_time() {
    use std::time::Duration;
    let (_d, mut app) = app(Lang::En, false);
    assert_eq!(app.config.idle_lock_minutes, 10);
    assert!(!app.idle(Duration::from_secs(599)));
    assert!(app.idle(Duration::from_secs(600)));
    assert_eq!(app.mode(), Mode::Privacy);
    key(&mut app, KeyCode::Enter);
    app.config.idle_lock_minutes = 0;
    assert!(!app.idle(Duration::from_secs(100_000)), "0 turns it off");
}

fn encrypted(app: &mut super::App) {
    use crate::store::{KdfParams, Passphrase};
    app.store
        .encrypt(
            &Passphrase::new(b"correct horse".to_vec()),
            KdfParams::TEST_ONLY_CHEAP,
        )
        .unwrap();
    assert!(app.store.is_encrypted());
}

#[test]
fn with_encryption_the_privacy_screen_asks_for_the_passphrase() {
    let (_d, mut app) = app(Lang::En, true);
    encrypted(&mut app);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "half a title");
    key_mod(&mut app, KeyCode::Char('x'), KeyModifiers::CONTROL);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.mode(),
        Mode::Privacy,
        "Enter alone does not bring it back"
    );
    type_text(&mut app, "wrong one");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Privacy);
    let screen = crate::ui::draw_for_tests(&mut app, 100, 30);
    assert!(
        screen.contains("wrong passphrase (2 tries left)"),
        "{screen}"
    );
    assert!(!screen.contains("wrong one") && !screen.contains("half a title"));
    type_text(&mut app, "correct horse");
    key(&mut app, KeyCode::Enter);
    let Overlay::Form(form) = &app.overlay else {
        panic!("the form is gone")
    };
    assert_eq!(form.fields[0].text(), "half a title");
    assert!(!app.privacy);
}

#[test]
fn three_wrong_passphrases_end_the_dashboard() {
    let (_d, mut app) = app(Lang::En, true);
    encrypted(&mut app);
    key_mod(&mut app, KeyCode::Char('x'), KeyModifiers::CONTROL);
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        assert!(!app.quit);
        type_text(&mut app, "nope");
        key(&mut app, KeyCode::Enter);
    }
    assert!(app.quit);
    assert!(app.privacy, "it never shows the data on the way out");
}

//! Custody steps, dates, the mouse and the privacy screen, key by key.

use super::testing::{app, key, key_mod, now, on_disk, type_text};
use super::{Mode, Overlay, View};
use crate::i18n::Lang;
use crate::model::{Item, Kind, Status};
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

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

/// The custody events of `id` as stored.
fn log(app: &super::App, id: &str) -> Vec<crate::model::CustodyEvent> {
    on_disk(app).get(id).unwrap().custody.clone()
}

/// Types `text` into the open prompt and presses Enter.
fn answer(app: &mut super::App, text: &str) {
    type_text(app, text);
    key(app, KeyCode::Enter);
}

/// Clears the open prompt's field (it may start with a default).
fn clear(app: &mut super::App) {
    if let Overlay::Prompt(p) = &mut app.overlay {
        p.input = tui_input::Input::default();
    }
}

#[test]
fn x_walks_a_document_through_its_custody_naming_everyone_on_the_way() {
    use crate::model::custody::{Action, Stage, stage};
    let (_d, mut app) = app(Lang::Zh, false);
    app.config.me = Some("联络员小王".into());
    let id = add_document(&mut app, "信访举报件复印件", crate::model::Rule::Shred);
    key(&mut app, KeyCode::Char('x')); // receive: who handed it over, who recorded it
    assert_eq!(app.mode(), Mode::Prompt);
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    for shown in ["移交人", "经办人", "联络员小王"] {
        assert!(screen.contains(shown), "{shown} not in the box:\n{screen}");
    }
    answer(&mut app, "纪委办公室王五"); // one Enter records, the rest by default
    let e = &log(&app, &id)[0];
    assert_eq!(e.person.as_deref(), Some("纪委办公室王五"));
    assert_eq!(e.by.as_deref(), Some("联络员小王"));
    key(&mut app, KeyCode::Char('x')); // in hand: a choice, nothing recorded yet
    assert!(matches!(&app.overlay, Overlay::Prompt(p) if p.ask.is_menu()));
    key(&mut app, KeyCode::Char('1')); // lend
    key(&mut app, KeyCode::Enter); // no borrower: refused, the prompt stays
    assert!(matches!(&app.overlay, Overlay::Prompt(p) if p.error.is_some()));
    assert_eq!(log(&app, &id).len(), 1);
    type_text(&mut app, "组员甲");
    key(&mut app, KeyCode::Tab); // due back
    clear(&mut app);
    answer(&mut app, "明天17:00");
    assert_eq!(
        stage(on_disk(&app).get(&id).unwrap()),
        Stage::Lent("组员甲")
    );
    let lent = log(&app, &id)[1].clone();
    assert_eq!(
        lent.until.map(|t| t.to_rfc3339()),
        Some("2026-11-26T17:00:00+08:00".into())
    );
    assert_eq!(app.counts.on_loan, 1);
    key(&mut app, KeyCode::Char('h'));
    assert!(matches!(app.view, View::Holders(_)));
    let loans = crate::ui::loans_for_tests(&app);
    assert_eq!(loans, [("组员甲".to_string(), vec![id.clone()])]);
    key(&mut app, KeyCode::Esc);
    app.select(&id);
    key(&mut app, KeyCode::Char('x')); // back: the borrower by default
    key(&mut app, KeyCode::Enter);
    assert_eq!(log(&app, &id)[2].person.as_deref(), Some("组员甲"));
    // Lend again from the dashboard, and take it back.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('1'));
    answer(&mut app, "组员乙"); // the default loan time
    let again = log(&app, &id)[3].clone();
    assert_eq!(
        (again.action, again.person.as_deref()),
        (Action::Lend, Some("组员乙"))
    );
    assert_eq!(again.until, Some(now() + chrono::Duration::hours(24)));
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    // Shred by the rule: approval, witness, then a confirmation.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('2'));
    type_text(&mut app, "组长");
    key(&mut app, KeyCode::Tab);
    answer(&mut app, "副组长");
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("no confirmation")
    };
    assert!(matches!(p.ask, super::Ask::ConfirmStep { .. }));
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    for shown in ["审批人：组长", "监销人：副组长", "经办人：联络员小王"] {
        assert!(screen.contains(shown), "{shown} not shown:\n{screen}");
    }
    key(&mut app, KeyCode::Esc); // changes nothing
    assert_eq!(log(&app, &id).len(), 5);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('2'));
    type_text(&mut app, "组长");
    key(&mut app, KeyCode::Tab);
    answer(&mut app, "副组长");
    key(&mut app, KeyCode::Enter); // confirmed
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(stage(&item), Stage::Closed(Action::Shred));
    assert_eq!(item.status, Status::Done);
    let last = item.custody.last().unwrap();
    assert_eq!(
        (last.approved_by.as_deref(), last.witness.as_deref()),
        (Some("组长"), Some("副组长"))
    );
    // Undo takes the last step back off the log, which still verifies.
    key(&mut app, KeyCode::Char('u'));
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(stage(&item), Stage::Held);
    assert!(crate::model::custody::verify_item(&item).is_empty());
}

#[test]
fn empty_input_never_closes_a_document() {
    use crate::model::custody::{Action, Stage, stage};
    let (_d, mut app) = app(Lang::En, false);
    let id = add_document(&mut app, "Ledgers", crate::model::Rule::Archive);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    let held = on_disk(&app);
    // The menu: Enter alone picks nothing.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(&app.overlay, Overlay::Prompt(p) if p.error.is_some()));
    // Lend with no borrower: refused, not closed.
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Tab); // from the due-back time, too
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.overlay, Overlay::Prompt(p) if matches!(p.ask, super::Ask::Step { at: 0, .. })),
        "the cursor goes back to the borrower"
    );
    assert!(matches!(&app.overlay, Overlay::Prompt(p) if p.error.is_some()));
    key(&mut app, KeyCode::Esc);
    // Archive with no place: refused.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(&app.overlay, Overlay::Prompt(p) if p.error.is_some()));
    key(&mut app, KeyCode::Esc);
    // Return instead: the reason comes first and is required.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(&app.overlay, Overlay::Prompt(p) if p.error.is_some()));
    assert_eq!(on_disk(&app), held, "nothing was recorded");
    answer(&mut app, "原件须退回"); // taken back by and recorded by: optional
    key(&mut app, KeyCode::Enter); // confirm
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(stage(&item), Stage::Closed(Action::Return));
    assert_eq!(
        item.custody.last().unwrap().reason.as_deref(),
        Some("原件须退回")
    );
}

#[test]
fn a_copy_made_in_the_detail_blocks_its_source_until_it_is_closed() {
    use crate::model::custody::{Stage, stage};
    let (_d, mut app) = app(Lang::Zh, false);
    let id = add_document(&mut app, "信访举报件", crate::model::Rule::Shred);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter); // the detail
    assert_eq!(app.view.detail_id(), Some(id.as_str()));
    key(&mut app, KeyCode::Char('C'));
    key(&mut app, KeyCode::Char('2')); // extract
    key(&mut app, KeyCode::Enter); // the title it suggests
    let state = on_disk(&app);
    let copy = state
        .items
        .iter()
        .find(|i| i.parent.as_deref() == Some(&id))
        .unwrap();
    assert_eq!(copy.title, "信访举报件（摘抄件）");
    assert_eq!(stage(copy), Stage::Held);
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    assert!(
        screen.contains(&copy.id),
        "the detail lists its copy:\n{screen}"
    );
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('2'));
    answer(&mut app, "组长");
    answer(&mut app, "副组长");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("the refusal should keep the prompt")
    };
    assert!(
        p.error.as_deref().is_some_and(|e| e.contains(&copy.id)),
        "{:?}",
        p.error
    );
    assert_eq!(stage(on_disk(&app).get(&id).unwrap()), Stage::Held);
}

#[test]
fn a_hand_edited_custody_log_is_named_in_the_header() {
    let (_d, mut app) = app(Lang::En, false);
    let id = add_document(&mut app, "Ledgers", crate::model::Rule::Return);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('1'));
    answer(&mut app, "Member A");
    key(&mut app, KeyCode::Enter);
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
    let line = crate::ui::entries(&app, Kind::Meeting)
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
    assert_eq!(app.focus, Kind::Meeting);
    assert_eq!(app.panes[Kind::Meeting].selected, 2);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollUp,
        ..click
    };
    crate::dashboard::handle(&mut app, &Event::Mouse(wheel));
    assert_eq!(app.panes[Kind::Meeting].selected, 1);
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

#[test]
fn lowering_a_class_in_the_form_asks_why_and_esc_goes_back_to_the_form() {
    use crate::model::Class;
    let (_d, mut app) = app(Lang::Zh, false);
    let id = add_document(&mut app, "干部选拔任用档案", crate::model::Rule::Return);
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab); // from
    key(&mut app, KeyCode::Tab); // rule
    key(&mut app, KeyCode::Tab); // class: internal → secret
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    assert_eq!(on_disk(&app).get(&id).unwrap().class, Some(Class::Secret));
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Left); // back to internal: lower
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.overlay, Overlay::Prompt(p) if matches!(p.ask, super::Ask::ClassReason { .. }))
    );
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    assert!(screen.contains("调低密级 · 理由"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.overlay, Overlay::Form(_)),
        "Esc goes back to the form"
    );
    assert_eq!(on_disk(&app).get(&id).unwrap().class, Some(Class::Secret));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter); // no reason: refused
    assert!(matches!(&app.overlay, Overlay::Prompt(p) if p.error.is_some()));
    answer(&mut app, "经审批已解密");
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(item.class, Some(Class::Internal));
    assert_eq!(item.class_log.len(), 2);
    assert_eq!(item.class_log[1].reason.as_deref(), Some("经审批已解密"));
}

//! `update` driven key by key, with no terminal.

use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

use super::testing::{app, key, key_mod, now, type_text};
use super::{Mode, Overlay, View};
use crate::i18n::Lang;
use crate::model::{Item, Kind, Status};

fn titles(app: &super::App, pane: usize) -> Vec<String> {
    app.panes[pane]
        .rows
        .iter()
        .map(|i| app.items()[*i].title.clone())
        .collect()
}

fn on_disk(app: &super::App) -> crate::model::State {
    app.store.load().unwrap().state
}

#[test]
fn number_keys_and_tab_focus_panes() {
    let (_d, mut app) = app(Lang::En, true);
    key(&mut app, KeyCode::Char('3'));
    assert_eq!(app.focus, 2);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, 3);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, 0);
    key_mod(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.focus, 3);
}

#[test]
fn selection_moves_and_stops_at_the_ends() {
    let (_d, mut app) = app(Lang::En, true);
    let n = app.panes[0].rows.len();
    assert!(n > 2);
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.panes[0].selected, 0);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Down);
    assert_eq!(app.panes[0].selected, 2);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.panes[0].selected, n - 1);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.panes[0].selected, n - 1);
    // Each pane keeps its own selection.
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.panes[1].selected, 0);
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(app.panes[0].selected, n - 1);
}

#[test]
fn adding_through_the_form_saves_to_disk_and_selects_it() {
    let (_d, mut app) = app(Lang::Zh, false);
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::Form);
    type_text(&mut app, "协调车辆quit");
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(titles(&app, 0), ["协调车辆"]);
    assert_eq!(app.selected().unwrap().id, "L1");
    assert_eq!(on_disk(&app).items[0].title, "协调车辆");
    assert!(!app.quit, "q typed in a title must not quit");
}

#[test]
fn the_form_refuses_an_empty_title_and_keeps_the_typing() {
    let (_d, mut app) = app(Lang::En, false);
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab); // due
    type_text(&mut app, "2026-11-28");
    key(&mut app, KeyCode::Enter);
    let Overlay::Form(form) = &app.overlay else {
        panic!("form closed")
    };
    assert_eq!(form.focus, 0, "focus goes to the refused field");
    assert_eq!(form.fields[0].error.as_deref(), Some("the title is empty"));
    assert!(form.fields.iter().any(|f| f.text() == "2026-11-28"));
    assert!(on_disk(&app).items.is_empty());
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn choice_fields_cycle_with_arrows_and_space() {
    let (_d, mut app) = app(Lang::En, false);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "信访举报件复印件");
    key(&mut app, KeyCode::Tab); // from
    key(&mut app, KeyCode::Tab); // rule
    assert_eq!(app.mode(), Mode::FormChoice);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab); // class
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    let item = &on_disk(&app).items[0];
    assert_eq!(item.rule, Some(crate::model::Rule::Shred));
    assert_eq!(item.class, Some(crate::model::Class::Confidential));
}

#[test]
fn edit_done_delete_and_undo_redo_each() {
    let (_d, mut app) = app(Lang::En, true);
    let id = app.selected_id().unwrap();
    let original = app.snap.state.get(&id).unwrap().clone();

    key(&mut app, KeyCode::Char('e'));
    key_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL); // clear the line
    type_text(&mut app, "改过的标题");
    key(&mut app, KeyCode::Enter);
    assert_eq!(on_disk(&app).get(&id).unwrap().title, "改过的标题");

    key(&mut app, KeyCode::Char('x'));
    assert_eq!(on_disk(&app).get(&id).unwrap().status, Status::Done);

    app.show_closed = true;
    app.refresh();
    app.select(&id);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.mode(), Mode::Confirm);
    key(&mut app, KeyCode::Char('n'));
    assert!(on_disk(&app).get(&id).is_some(), "n keeps it");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    assert!(on_disk(&app).get(&id).is_none());

    key(&mut app, KeyCode::Char('u')); // undelete
    assert_eq!(on_disk(&app).get(&id).unwrap().status, Status::Done);
    key(&mut app, KeyCode::Char('u')); // undone
    assert_eq!(on_disk(&app).get(&id).unwrap().title, "改过的标题");
    key(&mut app, KeyCode::Char('u')); // unedit
    assert_eq!(on_disk(&app).get(&id).unwrap(), &original);
    key_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(on_disk(&app).get(&id).unwrap().title, "改过的标题");
}

#[test]
fn undo_of_an_add_removes_it_and_keeps_other_processes_changes() {
    let (_d, mut app) = app(Lang::En, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "订房");
    key(&mut app, KeyCode::Enter);
    // Another process adds an item meanwhile.
    let other = app.store.clone();
    let mut snap = other.load().unwrap();
    other
        .transact(&mut snap, now(), |s| {
            s.add(Item::new(Kind::Meeting, "动员会", now()))
        })
        .unwrap();
    key(&mut app, KeyCode::Char('u'));
    let state = on_disk(&app);
    assert!(state.get("L1").is_none());
    assert!(
        state.get("M1").is_some(),
        "the other process's add survives undo"
    );
    assert_eq!(titles(&app, 2), ["动员会"], "and the dashboard shows it");
}

#[test]
fn capture_saves_each_line_and_stays_open() {
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('3'));
    let id = app.selected_id().unwrap();
    let before = app.snap.state.get(&id).unwrap().notes.len();
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "问：车辆采购为什么没有公开招标？");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "答：当时任务急。");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Capture, "the box stays open");
    let state = on_disk(&app);
    let notes = &state.get(&id).unwrap().notes;
    assert_eq!(notes.len(), before + 2);
    assert_eq!(notes.last().unwrap().text, "答：当时任务急。");
    // Tab sends the next line to the inbox instead.
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "明早确认车辆");
    key(&mut app, KeyCode::Enter);
    assert_eq!(on_disk(&app).inbox.last().unwrap().text, "明早确认车辆");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Panes);
    key(&mut app, KeyCode::Char('u'));
    assert!(on_disk(&app).inbox.iter().all(|n| n.text != "明早确认车辆"));
}

#[test]
fn a_long_paste_is_kept_whole_on_one_line() {
    let (_d, mut app) = app(Lang::Zh, false);
    key(&mut app, KeyCode::Char('n'));
    let text: String = "谈话记录，第二行\n"
        .repeat(600)
        .chars()
        .take(5000)
        .collect();
    crate::dashboard::handle(&mut app, &Event::Paste(text.clone()));
    key(&mut app, KeyCode::Enter);
    let saved = &on_disk(&app).inbox[0].text;
    assert_eq!(saved.chars().count(), text.trim_end().chars().count());
    assert!(!saved.contains('\n'));
}

#[test]
fn search_filters_the_focused_pane_by_chinese_and_pinyin_initials() {
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "cwsz");
    assert_eq!(titles(&app, 1), ["近三年财务收支明细账及凭证"]);
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "档案");
    assert_eq!(titles(&app, 1), ["干部选拔任用档案（2024年）"]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Panes);
    assert_eq!(app.panes[1].rows.len(), 1, "Enter keeps the filter");
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Esc);
    assert!(app.panes[1].rows.len() > 1, "Esc clears it");
}

#[test]
fn a_new_search_gives_the_last_filtered_pane_back_with_its_selection() {
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('2'));
    let all = titles(&app, 1);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "档案");
    key(&mut app, KeyCode::Enter);
    let kept = app.selected_id();
    assert!(kept.is_some());
    // A search in another pane: pane 2 shows everything, still on its item.
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(titles(&app, 1), all);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.selected_id(), kept);
}

#[test]
fn privacy_screen_swallows_typing_and_comes_back_intact() {
    let (_d, mut app) = app(Lang::En, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "个别谈话");
    key_mod(&mut app, KeyCode::Char('x'), KeyModifiers::CONTROL);
    assert_eq!(app.mode(), Mode::Privacy);
    type_text(&mut app, "zzz");
    crate::dashboard::handle(&mut app, &Event::Paste("leak".into()));
    key(&mut app, KeyCode::Enter);
    let Overlay::Form(form) = &app.overlay else {
        panic!("form lost")
    };
    assert_eq!(form.fields[0].text(), "个别谈话");
}

#[test]
fn today_view_triages_with_single_keys() {
    let (_d, mut app) = app(Lang::En, true);
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.view, View::Today);
    let first = app.selected_id().unwrap();
    key(&mut app, KeyCode::Char('s'));
    let snoozed = on_disk(&app).get(&first).unwrap().due.unwrap();
    assert_eq!(snoozed.to_rfc3339(), "2026-11-26T09:00:00+08:00");
    assert!(app.today.iter().all(|(i, _)| app.items()[*i].id != first));
    let next = app.selected_id().unwrap();
    let p = app.selected().unwrap().priority;
    key(&mut app, KeyCode::Char('p'));
    assert_ne!(on_disk(&app).get(&next).unwrap().priority, p);
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(on_disk(&app).get(&next).unwrap().status, Status::Done);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.view, View::Detail(_)));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Today);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Panes);
}

#[test]
fn a_read_only_dashboard_refuses_changes() {
    let (_d, mut app) = app(Lang::En, true);
    app.read_only = true;
    let before = std::fs::read(app.store.state_path()).unwrap();
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "订房");
    key(&mut app, KeyCode::Enter);
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(std::fs::read(app.store.state_path()).unwrap(), before);
}

#[test]
fn another_process_change_is_picked_up() {
    let (_d, mut app) = app(Lang::En, false);
    assert!(!app.reload_if_changed());
    let other = app.store.clone();
    let mut snap = other.load().unwrap();
    other
        .transact(&mut snap, now(), |s| {
            s.add(Item::new(Kind::Substitute, "起草报告", now()))
        })
        .unwrap();
    assert!(app.reload_if_changed());
    assert_eq!(titles(&app, 3), ["起草报告"]);
}

#[test]
fn quit_from_the_panes_but_not_from_a_field() {
    let (_d, mut app) = app(Lang::En, false);
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn an_edit_writes_only_the_fields_changed_and_keeps_another_process_change() {
    let (_d, mut app) = app(Lang::En, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Print sign-in sheets");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('e'));
    // Meanwhile another process marks it done.
    let other = app.store.clone();
    let mut snap = other.load().unwrap();
    other
        .transact(&mut snap, now(), |s| s.mark_done("L1", now()))
        .unwrap();
    type_text(&mut app, " x20");
    key(&mut app, KeyCode::Enter);
    let item = on_disk(&app).get("L1").cloned().unwrap();
    assert_eq!(item.title, "Print sign-in sheets x20");
    assert_eq!(
        item.status,
        Status::Done,
        "the other process's change survives"
    );
}

#[test]
fn saving_an_edit_of_a_deleted_item_keeps_the_form() {
    let (_d, mut app) = app(Lang::En, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "订房");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('e'));
    type_text(&mut app, "六间");
    let other = app.store.clone();
    let mut snap = other.load().unwrap();
    other
        .transact(&mut snap, now(), |s| s.remove("L1"))
        .unwrap();
    app.reload_if_changed();
    key(&mut app, KeyCode::Enter);
    let Overlay::Form(form) = &app.overlay else {
        panic!("the form was dropped")
    };
    assert_eq!(form.fields[0].text(), "订房六间");
    assert!(app.status.as_ref().is_some_and(|s| s.error));
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
    let path = app.store.state_path();
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Member A", "Member B");
    std::fs::write(&path, text).unwrap();
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

//! `update` driven key by key, with no terminal.

use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

use super::testing::{app, key, key_mod, now, on_disk, type_text};
use super::{Mode, Overlay, View};
use crate::i18n::Lang;
use crate::model::{Item, Kind, Status};

fn titles(app: &super::App, pane: Kind) -> Vec<String> {
    app.panes[pane]
        .rows
        .iter()
        .map(|i| app.items()[*i].title.clone())
        .collect()
}

#[test]
fn number_keys_and_tab_focus_panes() {
    let (_d, mut app) = app(Lang::En, true);
    key(&mut app, KeyCode::Char('3'));
    assert_eq!(app.focus, Kind::Meeting);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Kind::Substitute);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Kind::Logistics);
    key_mod(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.focus, Kind::Substitute);
}

#[test]
fn selection_moves_and_stops_at_the_ends() {
    let (_d, mut app) = app(Lang::En, true);
    let n = app.panes[Kind::Logistics].rows.len();
    assert!(n > 2);
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.panes[Kind::Logistics].selected, 0);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Down);
    assert_eq!(app.panes[Kind::Logistics].selected, 2);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.panes[Kind::Logistics].selected, n - 1);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.panes[Kind::Logistics].selected, n - 1);
    // Each pane keeps its own selection.
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.panes[Kind::Document].selected, 0);
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(app.panes[Kind::Logistics].selected, n - 1);
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
    assert_eq!(titles(&app, Kind::Logistics), ["协调车辆"]);
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
    // Changes were typed: the first Esc asks, the second discards.
    key(&mut app, KeyCode::Esc);
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
    assert_eq!(
        titles(&app, Kind::Meeting),
        ["动员会"],
        "and the dashboard shows it"
    );
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
    assert_eq!(titles(&app, Kind::Document), ["近三年财务收支明细账及凭证"]);
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "档案");
    assert_eq!(titles(&app, Kind::Document), ["干部选拔任用档案（2024年）"]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Panes);
    assert_eq!(
        app.panes[Kind::Document].rows.len(),
        1,
        "Enter keeps the filter"
    );
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Esc);
    assert!(app.panes[Kind::Document].rows.len() > 1, "Esc clears it");
}

#[test]
fn a_new_search_gives_the_last_filtered_pane_back_with_its_selection() {
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('2'));
    let all = titles(&app, Kind::Document);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "档案");
    key(&mut app, KeyCode::Enter);
    let kept = app.selected_id();
    assert!(kept.is_some());
    // A search in another pane: pane 2 shows everything, still on its item.
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(titles(&app, Kind::Document), all);
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
    assert!(matches!(app.view, View::Today(_)));
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
    assert!(matches!(app.view, View::Today(_)));
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
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    type_text(&mut app, "订房");
    key(&mut app, KeyCode::Enter);
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
    assert_eq!(titles(&app, Kind::Substitute), ["起草报告"]);
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

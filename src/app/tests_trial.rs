//! The rough edges a day of real use found, driven key by key: a
//! read-only dashboard, what `Esc` keeps, drafts, messages.

use ratatui::crossterm::event::KeyCode;

use super::draft::{self, Draft};
use super::testing::{app, key, now, type_text};
use super::{Mode, Overlay};
use crate::i18n::Lang;
use crate::model::{Item, Kind};

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
    assert!(matches!(app.overlay, Overlay::Help(_)));
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

#[test]
fn saving_a_clashing_meeting_says_what_it_clashes_with_and_why() {
    let (_d, mut app) = app(Lang::En, false);
    let store = app.store.clone();
    let mut first = Item::new(Kind::Meeting, "个别谈话甲", now());
    first.start = Some(now() + chrono::Duration::hours(1));
    first.end = Some(now() + chrono::Duration::hours(2));
    first.place = Some("二楼谈话室".into());
    first.attendees = vec!["王主任".into()];
    let first = store
        .transact(&mut app.snap, now(), |s| s.add(first))
        .unwrap();
    app.refresh();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "个别谈话乙");
    for text in [
        "",
        "",
        "2026-11-25 11:30",
        "12:00",
        "二楼 谈话室",
        "王 主任",
    ] {
        if !text.is_empty() {
            type_text(&mut app, text);
        }
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Enter);
    if let Overlay::Form(f) = &app.overlay {
        let dump: Vec<_> = f
            .fields
            .iter()
            .map(|x| (x.text(), x.error.clone()))
            .collect();
        panic!("not saved: {dump:?}");
    }
    let status = app.status.clone().unwrap();
    assert!(status.error, "a clash is a warning");
    assert!(
        status
            .text
            .contains(&format!("clashes with {first} '个别谈话甲'"))
            && status.text.contains("11-25 11:00–12:00")
            && status.text.contains("same place: 二楼 谈话室")
            && status.text.contains("same person: 王 主任"),
        "{}",
        status.text
    );
}

#[test]
fn a_draft_restored_the_next_day_keeps_what_its_date_phrase_meant() {
    let (_d, mut app) = app(Lang::Zh, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "订会议室");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab); // due
    type_text(&mut app, "明天下午4点");
    let kept = draft::current(&app).expect("a draft");
    // Written to disk and read back the next morning.
    let kept: Draft = serde_json::from_slice(&serde_json::to_vec(&kept).unwrap()).unwrap();
    let (_d2, mut later) = super::testing::app(Lang::Zh, false);
    later.now = now() + chrono::Duration::hours(23);
    let pinned = draft::restore(&mut later, kept);
    assert_eq!(pinned, ["明天下午4点 → 2026-11-26 16:00"]);
    let Overlay::Form(form) = &later.overlay else {
        panic!("the form is back")
    };
    let due = form
        .fields
        .iter()
        .find(|f| f.key == super::form::FieldKey::Due)
        .unwrap();
    assert_eq!(due.text(), "2026-11-26 16:00");
    // Restored the same day, the phrase stays as typed.
    let again = draft::current(&app).unwrap();
    let (_d3, mut same_day) = super::testing::app(Lang::Zh, false);
    assert!(draft::restore(&mut same_day, again).is_empty());
}

#[test]
fn high_priority_is_marked_and_sorted_first_and_p_says_what_it_set() {
    let (_d, mut app) = app(Lang::En, false);
    let store = app.store.clone();
    for (title, hours) in [("book rooms", 2), ("print badges", 5)] {
        let mut item = Item::new(Kind::Logistics, title, now());
        item.due = Some(now() + chrono::Duration::hours(hours));
        store
            .transact(&mut app.snap, now(), |s| s.add(item))
            .unwrap();
    }
    app.refresh();
    let first = |app: &super::App| {
        app.items()[app.panes[Kind::Logistics].rows[0]]
            .title
            .clone()
    };
    assert_eq!(first(&app), "book rooms", "by time while both are normal");
    key(&mut app, KeyCode::Char('t'));
    key(&mut app, KeyCode::Char('j'));
    // normal → low → high
    key(&mut app, KeyCode::Char('p'));
    assert!(app.status.as_ref().unwrap().text.contains("priority low"));
    key(&mut app, KeyCode::Char('p'));
    assert!(app.status.as_ref().unwrap().text.contains("priority high"));
    assert_eq!(first(&app), "print badges", "high first in its pane");
    assert_eq!(
        app.items()[app.today[0].0].title,
        "print badges",
        "and in Today"
    );
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    assert!(screen.contains("! print badges"), "{screen}");
    assert!(!screen.contains("! book rooms"));
}

#[test]
fn search_covers_every_pane_in_full_pinyin_and_moves_to_the_matches() {
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "caiwu");
    assert_eq!(
        app.focus,
        Kind::Document,
        "from Logistics to the Documents pane"
    );
    let found: Vec<&str> = app.panes[Kind::Document]
        .rows
        .iter()
        .map(|i| app.items()[*i].title.as_str())
        .collect();
    assert!(found.iter().any(|t| t.contains("财务")), "{found:?}");
    assert!(app.panes[Kind::Logistics].rows.is_empty());
    let screen = crate::ui::draw_for_tests(&mut app, 80, 24);
    assert!(screen.contains("财务"), "{screen}");
    // Nothing matches: the panes say so, not "a to add".
    type_text(&mut app, "zzzz");
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    assert!(screen.contains("无匹配"), "{screen}");
    assert!(!screen.contains("按 a 新增"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(app.panes.iter().all(|(_, p)| p.rows == p.all));
}

#[test]
fn the_note_box_shows_the_last_lines_already_saved() {
    let (_d, mut app) = app(Lang::Zh, false);
    key(&mut app, KeyCode::Char('n'));
    for line in ["第一条记录", "第二条记录", "第三条记录", "第四条记录"] {
        type_text(&mut app, line);
        key(&mut app, KeyCode::Enter);
    }
    type_text(&mut app, "正在输入");
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    for shown in ["第二条记录", "第三条记录", "第四条记录", "正在输入"] {
        assert!(screen.contains(shown), "{shown} missing:\n{screen}");
    }
    assert!(!screen.contains("第一条记录"), "three lines, not more");
    let at = |t: &str| screen.lines().position(|l| l.contains(t)).unwrap();
    assert!(
        at("第四条记录") < at("正在输入"),
        "saved lines above the typing"
    );
    let small = crate::ui::draw_for_tests(&mut app, 80, 24);
    assert!(small.contains("第四条记录") && !small.contains("第二条记录"));
}

#[test]
fn a_meetings_checklist_takes_own_entries_loses_them_and_shows_progress() {
    let (_d, mut app) = app(Lang::Zh, false);
    let store = app.store.clone();
    let mut m = Item::new(Kind::Meeting, "个别谈话", now());
    m.start = Some(now() + chrono::Duration::hours(2));
    m.place = Some("谈话室".into());
    let id = store.transact(&mut app.snap, now(), |s| s.add(m)).unwrap();
    app.refresh();
    let total = app.snap.state.get(&id).unwrap().checklist.len();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "打印谈话提纲");
    key(&mut app, KeyCode::Enter);
    let list = &app.snap.state.get(&id).unwrap().checklist;
    assert_eq!(list.len(), total + 1);
    assert_eq!(list.last().unwrap().text, "打印谈话提纲");
    key(&mut app, KeyCode::Esc);
    let screen = crate::ui::draw_for_tests(&mut app, 80, 24);
    assert!(screen.contains(&format!("1/{}", total + 1)), "{screen}");
    // Removing the entry under the cursor (the new one), and undo.
    key(&mut app, KeyCode::Enter);
    app.view.detail_mut().unwrap().cursor = total;
    key(&mut app, KeyCode::Char('-'));
    assert_eq!(app.snap.state.get(&id).unwrap().checklist.len(), total);
    assert!(app.status.as_ref().unwrap().text.contains("打印谈话提纲"));
}

#[test]
fn undo_says_what_it_undid() {
    let (_d, mut app) = app(Lang::Zh, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "订房");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('u'));
    let said = app.status.clone().unwrap().text;
    assert!(said.contains("完成 L1"), "{said}");
    key(&mut app, KeyCode::Char('u'));
    let said = app.status.clone().unwrap().text;
    assert!(said.contains("新增 L1"), "{said}");
}

#[test]
fn a_query_typed_on_narrows_to_what_the_whole_search_finds_at_every_key() {
    let (_d, mut app) = app(Lang::Zh, true);
    // What searching for `q` from scratch shows in each pane.
    let fresh = |app: &super::App, q: &str| -> Vec<Vec<usize>> {
        let hit = |i: &usize| super::search::matches(&super::search::haystack(&app.items()[*i]), q);
        Kind::ALL
            .iter()
            .map(|k| app.panes[*k].all.iter().copied().filter(hit).collect())
            .collect()
    };
    key(&mut app, KeyCode::Char('/'));
    let mut typed = String::new();
    let back = "\u{8}";
    let steps = [
        "c", "a", "i", "w", "u", back, back, " ", "D", back, back, back, back, back, "财", "务",
    ];
    for step in steps {
        if step == back {
            key(&mut app, KeyCode::Backspace);
            typed.pop();
        } else {
            type_text(&mut app, step);
            typed.push_str(step);
        }
        let now: Vec<Vec<usize>> = Kind::ALL
            .iter()
            .map(|k| app.panes[*k].rows.clone())
            .collect();
        assert_eq!(now, fresh(&app, &typed), "after {typed:?}");
    }
    assert!(app.panes[Kind::Document].rows.len() < app.panes[Kind::Document].all.len());
}

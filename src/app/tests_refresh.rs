//! A saved change that names its item updates the views for that item
//! alone. Every update is checked against a rebuild from every item in
//! debug builds, so each test here fails if the update misses what its
//! change did; the tests also say what the views must show.

use chrono::Duration;
use ratatui::crossterm::event::KeyCode;

use super::commit::{commit_named, was};
use super::testing::{add, app, key, now, type_text};
use super::{App, Overlay, Refreshed};
use crate::i18n::Lang;
use crate::model::custody::{Step, StepKind};
use crate::model::{Item, Kind, Status};

fn due(kind: Kind, title: &str, hours: Option<i64>) -> Item {
    let mut i = Item::new(kind, title, now());
    i.due = hours.map(|h| now() + Duration::hours(h));
    i
}

fn meeting(title: &str, hours: i64, place: &str) -> Item {
    let mut m = Item::new(Kind::Meeting, title, now());
    m.start = Some(now() + Duration::hours(hours));
    m.end = Some(now() + Duration::hours(hours + 1));
    m.place = Some(place.into());
    m
}

fn rows(app: &App, kind: Kind) -> Vec<String> {
    let items = app.items();
    app.panes[kind]
        .rows
        .iter()
        .map(|i| items[*i].id.clone())
        .collect()
}

fn today(app: &App) -> Vec<String> {
    let items = app.items();
    app.today
        .iter()
        .map(|(i, _)| items[*i].id.clone())
        .collect()
}

fn conflicted(app: &App, id: &str) -> bool {
    app.conflicted[app.snap.state.position(id).unwrap()]
}

/// Replaces item `id` by `edit` of it, as the edit form saves.
fn edit(app: &mut App, id: &str, edit: impl FnOnce(&mut Item)) {
    let mut item = app.snap.state.get(id).unwrap().clone();
    edit(&mut item);
    commit_named(app, &[id], |s, now| {
        s.replace(item, now).map(|b| was(id, b))
    })
    .unwrap();
}

#[test]
fn done_with_closed_items_hidden_takes_the_item_out_of_its_pane_today_and_the_counts() {
    let (_d, mut app) = app(Lang::Zh, false);
    let late = add(&mut app, due(Kind::Logistics, "订返程车票", Some(-2)));
    let soon = add(&mut app, due(Kind::Logistics, "确认会议室网络", Some(3)));
    let undated = add(&mut app, due(Kind::Logistics, "准备文具", None));
    assert_eq!(
        rows(&app, Kind::Logistics),
        [late.as_str(), soon.as_str(), undated.as_str()]
    );
    assert_eq!((app.counts.overdue, app.counts.today), (1, 1));
    app.select(&late);
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.refreshed, Refreshed::Updated { items: 1 });
    assert_eq!(
        rows(&app, Kind::Logistics),
        [soon.as_str(), undated.as_str()]
    );
    assert_eq!(today(&app), [soon.as_str()]);
    assert_eq!((app.counts.overdue, app.counts.today), (0, 1));
    assert_eq!(
        app.selected_id().as_ref(),
        Some(&soon),
        "the row that moved up"
    );
    // Shown, a closed item goes to the end of its pane; the selection follows it.
    key(&mut app, KeyCode::Char('c'));
    app.select(&soon);
    key(&mut app, KeyCode::Char('x'));
    assert!(matches!(app.refreshed, Refreshed::Updated { .. }));
    assert_eq!(
        rows(&app, Kind::Logistics),
        [undated.as_str(), late.as_str(), soon.as_str()]
    );
    assert_eq!(app.selected_id().as_ref(), Some(&soon));
    assert!(today(&app).is_empty());
}

#[test]
fn a_new_due_time_reorders_the_pane_and_brings_the_item_onto_today() {
    let (_d, mut app) = app(Lang::En, false);
    let later = add(&mut app, due(Kind::Substitute, "起草汇报提纲", Some(48)));
    let tomorrow = add(&mut app, due(Kind::Substitute, "整理谈话记录", Some(24)));
    let soon = add(&mut app, due(Kind::Substitute, "核对名单", Some(3)));
    assert_eq!(
        rows(&app, Kind::Substitute),
        [soon.as_str(), tomorrow.as_str(), later.as_str()]
    );
    assert_eq!(today(&app), [soon.as_str()]);
    super::item_ops::move_due(&mut app, &later, now() + Duration::hours(1)).unwrap();
    assert_eq!(app.refreshed, Refreshed::Updated { items: 1 });
    assert_eq!(
        rows(&app, Kind::Substitute),
        [later.as_str(), soon.as_str(), tomorrow.as_str()]
    );
    assert_eq!(today(&app), [later.as_str(), soon.as_str()]);
    assert_eq!(app.counts.today, 2);
    // And out again, past the others.
    super::item_ops::move_due(&mut app, &later, now() + Duration::hours(72)).unwrap();
    assert_eq!(
        rows(&app, Kind::Substitute),
        [soon.as_str(), tomorrow.as_str(), later.as_str()]
    );
    assert_eq!(today(&app), [soon.as_str()]);
}

#[test]
fn a_loan_is_counted_and_put_on_today_and_its_return_takes_both_back() {
    let (_d, mut app) = app(Lang::Zh, false);
    let doc = add(&mut app, due(Kind::Document, "2025年度财务报表", None));
    super::custody::record(
        &mut app,
        &doc,
        Step::new(StepKind::Receive).person("办公室"),
    )
    .unwrap();
    assert_eq!(app.counts.on_loan, 0);
    let mut lend = Step::new(StepKind::Lend).person("赵六");
    lend.until = Some(now() + Duration::hours(4));
    super::custody::record(&mut app, &doc, lend).unwrap();
    assert_eq!(app.refreshed, Refreshed::Updated { items: 1 });
    assert_eq!(app.counts.on_loan, 1);
    assert_eq!(today(&app), [doc.as_str()], "due back later today");
    super::custody::record(&mut app, &doc, Step::new(StepKind::Back).person("赵六")).unwrap();
    assert_eq!(app.counts.on_loan, 0);
    assert!(today(&app).is_empty());
}

#[test]
fn a_meeting_moved_into_a_clash_marks_both_and_moved_out_or_done_clears_them() {
    let (_d, mut app) = app(Lang::Zh, false);
    let first = add(&mut app, meeting("听取汇报", 2, "三楼会议室"));
    let second = add(&mut app, meeting("个别谈话：财务部负责人", 5, "三楼会议室"));
    let elsewhere = add(&mut app, meeting("调阅档案", 2, "档案室"));
    assert!(!conflicted(&app, &first) && !conflicted(&app, &second));
    edit(&mut app, &second, |m| {
        m.start = Some(now() + Duration::minutes(150));
        m.end = Some(now() + Duration::minutes(210));
    });
    assert_eq!(app.refreshed, Refreshed::Updated { items: 1 });
    assert!(conflicted(&app, &first) && conflicted(&app, &second));
    assert!(!conflicted(&app, &elsewhere));
    assert_eq!(
        rows(&app, Kind::Meeting),
        [first.as_str(), elsewhere.as_str(), second.as_str()]
    );
    // A clash by place is gone when the place changes.
    edit(&mut app, &second, |m| m.place = Some("二楼谈话室".into()));
    assert!(!conflicted(&app, &first) && !conflicted(&app, &second));
    edit(&mut app, &second, |m| m.place = Some("三楼 会议室".into()));
    assert!(conflicted(&app, &first));
    // A meeting done conflicts with nothing.
    app.select(&second);
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.snap.state.get(&second).unwrap().status, Status::Done);
    assert!(!conflicted(&app, &first) && !conflicted(&app, &second));
}

#[test]
fn a_document_asked_for_in_a_meeting_joins_its_pane_and_the_kept_search_index() {
    let (_d, mut app) = app(Lang::Zh, true);
    let live = add(&mut app, meeting("个别谈话：办公室主任", 0, "谈话室"));
    // A search builds the index; leaving it keeps the index.
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "会");
    key(&mut app, KeyCode::Esc);
    assert!(app.haystacks.is_some());
    let docs = app.panes[Kind::Document].all.len();
    key(&mut app, KeyCode::Char('3'));
    app.select(&live);
    key(&mut app, KeyCode::Char('n'));
    assert!(matches!(&app.overlay, Overlay::Capture(c) if c.target.as_deref() == Some(&live)));
    type_text(&mut app, "#车辆派遣登记簿");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.refreshed, Refreshed::Updated { items: 2 });
    assert_eq!(app.panes[Kind::Document].all.len(), docs + 1);
    assert_eq!(
        app.haystacks.as_ref().map(Vec::len),
        Some(app.items().len()),
        "the index was kept and the new document's text added"
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "派遣登记");
    let found = rows(&app, Kind::Document);
    assert_eq!(found.len(), 1);
    assert_eq!(
        app.snap.state.get(&found[0]).unwrap().title,
        "车辆派遣登记簿"
    );
}

#[test]
fn with_a_search_kept_a_note_that_matches_brings_its_item_into_the_narrowed_pane() {
    let (_d, mut app) = app(Lang::Zh, false);
    let van = add(&mut app, due(Kind::Logistics, "联系车队", None));
    add(&mut app, due(Kind::Logistics, "预订会议室", None));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "周四");
    key(&mut app, KeyCode::Enter);
    assert!(rows(&app, Kind::Logistics).is_empty());
    let note = "车队回复：周四两辆车";
    commit_named(&mut app, &[van.as_str()], |s, now| {
        s.capture(Some(&van), note, now)
            .map(|_| super::commit::Touch::Item(van.clone()))
    })
    .unwrap();
    assert_eq!(app.refreshed, Refreshed::Updated { items: 1 });
    assert_eq!(rows(&app, Kind::Logistics), [van.as_str()]);
}

#[test]
fn a_recurring_duty_done_puts_its_next_occurrence_in_its_pane() {
    let (_d, mut app) = app(Lang::En, false);
    let mut duty = due(Kind::Logistics, "每日车辆安排", Some(-1));
    duty.every = Some(crate::model::recur::Every::Day);
    let duty = add(&mut app, duty);
    app.select(&duty);
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.refreshed, Refreshed::Updated { items: 2 });
    let listed = rows(&app, Kind::Logistics);
    assert_eq!(listed.len(), 1);
    assert_ne!(
        listed[0],
        duty.as_str(),
        "the next occurrence, not the one done"
    );
    assert_eq!(app.counts.overdue, 0);
}

#[test]
fn a_change_made_elsewhere_first_or_in_a_later_minute_rebuilds_the_views() {
    let (_d, mut app) = app(Lang::En, false);
    let mine = add(&mut app, due(Kind::Logistics, "订房", Some(30)));
    let other = app.store.clone();
    let mut snap = other.load().unwrap();
    let theirs = other
        .transact(&mut snap, now(), |s| {
            s.add(due(Kind::Logistics, "订车", Some(20)))
        })
        .unwrap();
    super::item_ops::move_due(&mut app, &mine, now() + Duration::hours(10)).unwrap();
    assert_eq!(
        app.refreshed,
        Refreshed::Rebuilt,
        "the store brought in their add"
    );
    assert_eq!(
        rows(&app, Kind::Logistics),
        [mine.as_str(), theirs.as_str()]
    );
    // Within the views' minute an update; a minute on, a rebuild.
    app.now = now() + Duration::seconds(40);
    super::item_ops::move_due(&mut app, &mine, now() + Duration::hours(11)).unwrap();
    assert!(matches!(app.refreshed, Refreshed::Updated { .. }));
    app.now = now() + Duration::seconds(70);
    super::item_ops::move_due(&mut app, &mine, now() + Duration::hours(12)).unwrap();
    assert_eq!(app.refreshed, Refreshed::Rebuilt);
}

#[test]
fn a_meeting_moved_to_start_within_the_reminder_time_brings_its_reminder_up() {
    let (_d, mut app) = app(Lang::Zh, false);
    let talk = add(&mut app, meeting("个别谈话：办公室主任", 3, "谈话室"));
    assert!(app.team.reminders.is_empty());
    edit(&mut app, &talk, |m| {
        m.start = Some(now() + Duration::minutes(5));
        m.end = Some(now() + Duration::minutes(65));
    });
    assert_eq!(app.refreshed, Refreshed::Updated { items: 1 });
    assert_eq!(app.team.reminders, std::slice::from_ref(&talk));
    app.select(&talk);
    key(&mut app, KeyCode::Char('x'));
    assert!(app.team.reminders.is_empty(), "done: no reminder");
}

#[test]
fn a_change_that_compacts_the_journal_after_it_still_updates_the_views() {
    let (_d, mut app) = app(Lang::En, false);
    let mine = add(&mut app, due(Kind::Logistics, "订房", Some(30)));
    app.store.set_compaction_limit(1);
    let before = app.snap.operations();
    super::item_ops::move_due(&mut app, &mine, now() + Duration::hours(2)).unwrap();
    assert!(
        app.snap.operations() > before + 1,
        "the change and the compaction's mark"
    );
    assert_eq!(app.refreshed, Refreshed::Updated { items: 1 });
    assert_eq!(today(&app), [mine.as_str()]);
}

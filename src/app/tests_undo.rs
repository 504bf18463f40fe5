//! Undo and redo against changes other processes made to the same items:
//! nothing anyone else did is taken back, and a custody step is voided,
//! never removed.

use super::testing::{app, key, key_mod, now, on_disk, type_text};
use crate::i18n::Lang;
use crate::model::custody::{Stage, Step, StepKind, holder, stage};
use crate::model::{Item, Kind, ModelError, State, Status};
use crate::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// Another process (a command line) changing the same data.
fn elsewhere(app: &super::App, f: impl FnOnce(&mut State) -> Result<(), ModelError>) {
    let other = Store::open(app.store.dir()).unwrap();
    let mut snap = other.load().unwrap();
    other.transact(&mut snap, now(), f).unwrap();
}

fn add(app: &mut super::App, kind: Kind, title: &str) -> String {
    let store = app.store.clone();
    let id = store
        .transact(&mut app.snap, now(), |s| {
            s.add(Item::new(kind, title, now()))
        })
        .unwrap();
    app.refresh();
    app.select(&id);
    id
}

fn retitle(app: &mut super::App, title: &str) {
    key(app, KeyCode::Char('e'));
    key_mod(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(app, title);
    key(app, KeyCode::Enter);
}

/// `x` on the selected document: the next custody step, confirming its
/// prompt when it asks one.
fn step(app: &mut super::App) {
    key(app, KeyCode::Char('x'));
    for _ in 0..3 {
        if app.mode() == super::Mode::Prompt {
            key(app, KeyCode::Enter);
        }
    }
}

fn said(app: &super::App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn undo_after_a_note_and_done_from_elsewhere_reverts_only_the_title() {
    let (_d, mut app) = app(Lang::En, false);
    let id = add(&mut app, Kind::Logistics, "订车");
    retitle(&mut app, "订车甲");
    assert_eq!(on_disk(&app).get(&id).unwrap().title, "订车甲");
    elsewhere(&app, |s| {
        s.add_note(Some("L1"), "车队回复：周四两辆车", now())
    });
    elsewhere(&app, |s| s.mark_done("L1", now()).map(|_| ()));
    key(&mut app, KeyCode::Char('u'));
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(item.title, "订车");
    assert_eq!(item.status, Status::Done, "the other process's done stays");
    assert_eq!(item.notes.len(), 1, "the other process's note stays");
    // Redo puts the title back.
    key_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(on_disk(&app).get(&id).unwrap().title, "订车甲");
}

#[test]
fn a_field_changed_elsewhere_since_is_not_undone_and_the_status_line_says_so() {
    let (_d, mut app) = app(Lang::En, false);
    let id = add(&mut app, Kind::Logistics, "订车");
    retitle(&mut app, "订车甲");
    elsewhere(&app, |s| {
        let mut item = s.get("L1").cloned().unwrap();
        item.title = "订车乙".into();
        s.replace(item, now()).map(|_| ())
    });
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(on_disk(&app).get(&id).unwrap().title, "订车乙");
    assert_eq!(said(&app), "L1: changed elsewhere since; title not undone");
    // In Chinese, without internal names.
    let (_d, mut app) = super::testing::app(Lang::Zh, false);
    add(&mut app, Kind::Logistics, "订车");
    retitle(&mut app, "订车甲");
    elsewhere(&app, |s| {
        let mut item = s.get("L1").cloned().unwrap();
        item.title = "订车乙".into();
        s.replace(item, now()).map(|_| ())
    });
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(said(&app), "L1：此后已在别处修改，标题未撤销");
}

#[test]
fn undo_of_a_note_removes_only_that_note() {
    let (_d, mut app) = app(Lang::En, false);
    let id = add(&mut app, Kind::Meeting, "个别谈话");
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "问：为什么没有公开招标？");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    elsewhere(&app, |s| s.add_note(Some("M1"), "命令行笔记", now()));
    key(&mut app, KeyCode::Char('u'));
    let notes: Vec<String> = on_disk(&app)
        .get(&id)
        .unwrap()
        .notes
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert_eq!(notes, ["命令行笔记"]);
}

#[test]
fn undo_of_a_custody_step_voids_it_and_redo_records_it_again() {
    let (_d, mut app) = app(Lang::En, false);
    let id = add(&mut app, Kind::Document, "账册");
    key(&mut app, KeyCode::Char('2'));
    app.select(&id);
    step(&mut app);
    assert_eq!(stage(on_disk(&app).get(&id).unwrap()), Stage::Held);
    key(&mut app, KeyCode::Char('u'));
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(item.custody.len(), 1, "the event stays in the log");
    assert!(item.custody[0].void.is_some(), "marked void");
    assert_eq!(stage(&item), Stage::Requested, "as if it had not happened");
    assert_eq!(item.status, Status::Open);
    assert!(crate::model::custody::verify(&on_disk(&app)).is_empty());
    key_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(item.custody.len(), 2, "redo is a new event");
    assert!(item.custody[1].void.is_none());
    assert_eq!(stage(&item), Stage::Held);
    assert!(crate::model::custody::verify(&on_disk(&app)).is_empty());
    // And undoing the redo voids the new one.
    key(&mut app, KeyCode::Char('u'));
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert!(item.custody.iter().all(|e| e.void.is_some()));
}

#[test]
fn undo_keeps_a_loan_made_elsewhere_on_the_same_document() {
    let (_d, mut app) = app(Lang::En, false);
    let id = add(&mut app, Kind::Document, "账册");
    key(&mut app, KeyCode::Char('2'));
    app.select(&id);
    step(&mut app); // received in the dashboard
    elsewhere(&app, |s| {
        s.custody("D1", Step::new(StepKind::Lend).person("赵六"), now())
            .map(|_| ())
    });
    key(&mut app, KeyCode::Char('u'));
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(holder(&item), Some("赵六"), "the loan stays");
    assert_eq!(
        item.status,
        Status::InProgress,
        "and so does what the receive did"
    );
    assert!(item.custody.iter().all(|e| e.void.is_none()));
    assert!(
        said(&app).contains("custody log not undone"),
        "{}",
        said(&app)
    );
}

#[test]
fn a_document_with_custody_history_is_not_deleted() {
    let (_d, mut app) = app(Lang::En, false);
    let id = add(&mut app, Kind::Document, "账册");
    key(&mut app, KeyCode::Char('2'));
    app.select(&id);
    step(&mut app);
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    assert!(on_disk(&app).get(&id).is_some());
    assert!(said(&app).contains("custody history"), "{}", said(&app));
    // Without history it goes, as a tombstone in the journal.
    let other = add(&mut app, Kind::Logistics, "临时事项");
    key(&mut app, KeyCode::Char('1'));
    app.select(&other);
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    assert!(on_disk(&app).get(&other).is_none());
    let ops = app.store.operations().unwrap();
    assert!(
        ops.iter()
            .any(|o| o.item.as_deref() == Some(other.as_str()) && o.change == "delete")
    );
}

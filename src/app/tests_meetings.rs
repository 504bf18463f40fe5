//! The dashboard's meetings, note box, substitutes and brief, key by key.

use ratatui::crossterm::event::KeyCode;

use super::testing::{add, app, key, now, on_disk, type_text};
use super::{Mode, Overlay, View};
use crate::i18n::Lang;
use crate::model::{Item, Kind, MeetingType, Status};

fn meeting(title: &str, start_min: i64, place: &str, kind: MeetingType) -> Item {
    let mut m = Item::new(Kind::Meeting, title, now());
    m.start = Some(now() + chrono::Duration::minutes(start_min));
    m.end = Some(now() + chrono::Duration::minutes(start_min + 60));
    m.place = Some(place.into());
    m.meeting_type = Some(kind);
    m
}

#[test]
fn the_note_box_goes_to_the_interview_under_way_from_the_meetings_pane() {
    let (_d, mut app) = app(Lang::Zh, false);
    let later = add(
        &mut app,
        meeting("培训", 120, "会议室", MeetingType::Training),
    );
    let live = add(
        &mut app,
        meeting(
            "个别谈话：财务部负责人",
            -10,
            "谈话室",
            MeetingType::Interview,
        ),
    );
    key(&mut app, KeyCode::Char('3'));
    app.select(&later);
    key(&mut app, KeyCode::Char('n'));
    let Overlay::Capture(c) = &app.overlay else {
        panic!("no note box")
    };
    assert_eq!(c.target.as_deref(), Some(live.as_str()));
    // Tab reaches the selected meeting, then the inbox.
    key(&mut app, KeyCode::Tab);
    let Overlay::Capture(c) = &app.overlay else {
        panic!()
    };
    assert_eq!(c.target.as_deref(), Some(later.as_str()));
    key(&mut app, KeyCode::Tab);
    let Overlay::Capture(c) = &app.overlay else {
        panic!()
    };
    assert_eq!(c.target, None);
}

#[test]
fn hash_and_question_lines_do_what_they_say_and_undo_as_one() {
    let (_d, mut app) = app(Lang::Zh, false);
    let m = add(
        &mut app,
        meeting("个别谈话", -10, "谈话室", MeetingType::Interview),
    );
    app.select(&m);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "# 2024年车辆采购合同及审批单");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "？会议纪要里是否有记录");
    key(&mut app, KeyCode::Enter);
    let state = on_disk(&app);
    let doc = state
        .items
        .iter()
        .find(|i| i.kind == Kind::Document)
        .expect("document request");
    assert_eq!(doc.title, "2024年车辆采购合同及审批单");
    let interview = state.get(&m).unwrap();
    assert_eq!(interview.notes.len(), 2);
    assert_eq!(interview.open_followups().count(), 1);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('u')); // the question
    key(&mut app, KeyCode::Char('u')); // the note and its document, together
    let state = on_disk(&app);
    assert!(state.items.iter().all(|i| i.kind != Kind::Document));
    assert!(state.get(&m).unwrap().notes.is_empty());
}

#[test]
fn space_ticks_the_checklist_and_closes_questions_in_the_detail() {
    let (_d, mut app) = app(Lang::En, false);
    let m = add(
        &mut app,
        meeting("Interview", -10, "Room 2", MeetingType::Interview),
    );
    let store = app.store.clone();
    store
        .transact(&mut app.snap, now(), |s| {
            s.capture(Some(&m), "? who signed", now()).map(|_| ())
        })
        .unwrap();
    app.refresh();
    app.select(&m);
    key(&mut app, KeyCode::Enter);
    let checks = on_disk(&app).get(&m).unwrap().checklist.len();
    assert!(checks >= 4, "a new meeting has the default checklist");
    key(&mut app, KeyCode::Char(' '));
    assert!(on_disk(&app).get(&m).unwrap().checklist[0].done);
    for _ in 0..checks {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char(' ')); // the open question
    assert_eq!(on_disk(&app).get(&m).unwrap().open_followups().count(), 0);
    let screen = crate::ui::draw_for_tests(&mut app, 100, 30);
    assert!(screen.contains("[x]"), "{screen}");
}

#[test]
fn clashing_meetings_are_marked_in_the_pane() {
    let (_d, mut app) = app(Lang::En, false);
    add(
        &mut app,
        meeting("Hearing", 60, "Room 3", MeetingType::Hearing),
    );
    add(
        &mut app,
        meeting("Training", 90, "room 3", MeetingType::Training),
    );
    add(
        &mut app,
        meeting("Visit", 90, "On site", MeetingType::Visit),
    );
    assert_eq!(app.conflicted, [true, true, false]);
    key(&mut app, KeyCode::Char('3'));
    let screen = crate::ui::draw_for_tests(&mut app, 120, 40);
    assert_eq!(
        screen.matches("⚠ Hearing").count() + screen.matches("⚠ Training").count(),
        2,
        "{screen}"
    );
    assert!(!screen.contains("⚠ Visit"));
}

#[test]
fn x_accepts_a_substitute_then_asks_for_the_hand_back() {
    let (_d, mut app) = app(Lang::Zh, false);
    let mut s = Item::new(Kind::Substitute, "替谈话组做记录", now());
    s.section = Some("谈话组".into());
    let id = add(&mut app, s);
    app.select(&id);
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(on_disk(&app).get(&id).unwrap().status, Status::InProgress);
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.mode(), Mode::Prompt);
    key(&mut app, KeyCode::Enter); // empty: refused, stays
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "两场谈话已记录；第三场改期");
    key(&mut app, KeyCode::Enter);
    let item = on_disk(&app).get(&id).cloned().unwrap();
    assert_eq!(item.status, Status::Done);
    assert_eq!(item.handback.as_deref(), Some("两场谈话已记录；第三场改期"));
}

#[test]
fn capital_r_writes_todays_brief_into_the_data_directory() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('R'));
    let path = app.store.dir().join("brief-2026-11-25.md");
    let text = std::fs::read_to_string(&path).expect("brief written");
    assert!(text.contains("会务安排"), "{text}");
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("brief-2026-11-25.md")
    );
    assert_eq!(app.view, View::Panes);
}

#[test]
fn with_encryption_the_brief_is_sealed_and_so_are_older_ones() {
    use crate::store::{KdfParams, Passphrase};
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('R'));
    let path = app.store.dir().join("brief-2026-11-25.md");
    assert!(std::fs::read_to_string(&path).unwrap().contains("会务安排"));
    app.store
        .encrypt(
            &Passphrase::new(b"correct horse".to_vec()),
            KdfParams::TEST_ONLY_CHEAP,
        )
        .unwrap();
    let sealed = std::fs::read(&path).unwrap();
    assert!(
        !sealed
            .windows("会务安排".len())
            .any(|w| w == "会务安排".as_bytes()),
        "the older brief was sealed"
    );
    key(&mut app, KeyCode::Char('R'));
    let sealed = std::fs::read(&path).unwrap();
    let title = app.items()[0].title.clone();
    assert!(!sealed.windows(title.len()).any(|w| w == title.as_bytes()));
    assert!(app.status.as_ref().unwrap().text.contains("liaison report"));
}

#[test]
fn i_shows_the_inbox_newest_first_and_notes_can_be_added_there() {
    let (_d, mut app) = app(Lang::Zh, true);
    key(&mut app, KeyCode::Char('i'));
    assert!(matches!(app.view, View::Inbox(_)));
    key(&mut app, KeyCode::Char('n'));
    let Overlay::Capture(c) = &app.overlay else {
        panic!("no note box")
    };
    assert_eq!(c.target, None, "from the inbox, notes go to the inbox");
    type_text(&mut app, "下午三点前确认会议室");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    let screen = crate::ui::draw_for_tests(&mut app, 100, 30);
    let newest = screen
        .find("下午三点前确认会议室")
        .expect("the new note is shown");
    let older = screen
        .find("明早和办公室确认")
        .expect("the sample's notes are shown");
    assert!(newest < older, "newest first");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Panes);
}

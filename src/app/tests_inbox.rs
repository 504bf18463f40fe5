//! Notes after they were taken, key by key: the inbox's notes edited,
//! deleted, filed and made into items; an item's notes edited and deleted
//! from its detail; a meeting and the documents its notes asked for.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::testing::{add, app, key, key_mod, now, on_disk, type_text};
use super::{App, Mode, Overlay, View};
use crate::i18n::Lang;
use crate::model::{Item, Kind, MeetingType};

/// Takes notes to the inbox with the note box, one per line.
fn inbox_notes(app: &mut App, lines: &[&str]) {
    key(app, KeyCode::Char('i'));
    key(app, KeyCode::Char('n'));
    for l in lines {
        type_text(app, l);
        key(app, KeyCode::Enter);
    }
    key(app, KeyCode::Esc);
    assert!(matches!(app.view, View::Inbox(_)));
}

/// The journal's last operation, as text: it holds old and new values.
fn last_op(app: &App) -> String {
    let ops = app.store.operations().unwrap();
    format!("{:?}", ops.last().unwrap())
}

#[test]
fn enter_in_the_inbox_edits_the_selected_note_and_the_journal_keeps_the_old_text() {
    let (_d, mut app) = app(Lang::Zh, false);
    inbox_notes(&mut app, &["车辆采购合同", "问财务部要凭证"]);
    // Newest first: `j` moves to the older note.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("no prompt: {:?}", app.mode())
    };
    assert_eq!(p.input.value(), "车辆采购合同", "the prompt holds the text");
    type_text(&mut app, "及审批单");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Inbox, "{:?}", app.status);
    let texts: Vec<String> = on_disk(&app).inbox.into_iter().map(|n| n.text).collect();
    assert_eq!(texts, ["车辆采购合同及审批单", "问财务部要凭证"]);
    let op = last_op(&app);
    assert!(
        op.contains("\"车辆采购合同\"") && op.contains("车辆采购合同及审批单"),
        "{op}"
    );
    // `e` does the same; an empty text is refused in the prompt.
    key(&mut app, KeyCode::Char('e'));
    for _ in 0..20 {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("the empty text closed the prompt")
    };
    assert!(p.error.is_some());
    assert_eq!(on_disk(&app).inbox[0].text, "车辆采购合同及审批单");
}

#[test]
fn d_in_the_inbox_asks_before_the_note_is_deleted() {
    let (_d, mut app) = app(Lang::En, false);
    inbox_notes(&mut app, &["keep me", "delete me"]);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.mode(), Mode::Confirm);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(on_disk(&app).inbox.len(), 2, "n keeps it");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    let texts: Vec<String> = on_disk(&app).inbox.into_iter().map(|n| n.text).collect();
    assert_eq!(texts, ["keep me"]);
    assert!(last_op(&app).contains("delete me"), "the journal keeps it");
    assert!(matches!(app.view, View::Inbox(_)));
}

#[test]
fn f_files_an_inbox_note_to_an_item_picked_by_words_or_id() {
    let (_d, mut app) = app(Lang::Zh, false);
    let mut doc = Item::new(Kind::Document, "近三年财务收支明细账", now());
    doc.from = Some("财务部".into());
    let doc = add(&mut app, doc);
    let other = add(&mut app, Item::new(Kind::Logistics, "预订宾馆", now()));
    inbox_notes(&mut app, &["先到的一条", "凭证共12册"]);
    key(&mut app, KeyCode::Char('f'));
    type_text(&mut app, "caiwu");
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("no prompt")
    };
    let super::Ask::FileNote { found, .. } = &p.ask else {
        panic!("not the filing prompt")
    };
    assert_eq!(found, std::slice::from_ref(&doc), "full pinyin finds 财务");
    key(&mut app, KeyCode::Enter);
    let state = on_disk(&app);
    let notes: Vec<&str> = state
        .get(&doc)
        .unwrap()
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(notes, ["凭证共12册"]);
    assert_eq!(state.inbox.len(), 1);
    // By id, with Tab completing it.
    key(&mut app, KeyCode::Char('f'));
    type_text(&mut app, &other[..1].to_lowercase());
    key(&mut app, KeyCode::Tab);
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("no prompt")
    };
    assert_eq!(p.input.value(), other);
    key(&mut app, KeyCode::Enter);
    let state = on_disk(&app);
    assert_eq!(state.get(&other).unwrap().notes[0].text, "先到的一条");
    assert!(state.inbox.is_empty());
}

#[test]
fn a_filing_nothing_matches_is_refused_and_keeps_the_note() {
    let (_d, mut app) = app(Lang::En, false);
    add(&mut app, Item::new(Kind::Logistics, "Book rooms", now()));
    inbox_notes(&mut app, &["a note"]);
    key(&mut app, KeyCode::Char('f'));
    type_text(&mut app, "zzzz");
    key(&mut app, KeyCode::Enter);
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("the prompt closed")
    };
    assert!(p.error.as_deref().unwrap_or("").contains("zzzz"));
    assert_eq!(on_disk(&app).inbox.len(), 1);
}

#[test]
fn a_makes_an_inbox_note_an_item_of_any_pane_through_the_add_form() {
    let (_d, mut app) = app(Lang::Zh, false);
    inbox_notes(&mut app, &["2024年车辆采购合同及审批单"]);
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::Prompt);
    key(&mut app, KeyCode::Char('2'));
    let Overlay::Form(form) = &app.overlay else {
        panic!("no form: {:?}", app.mode())
    };
    assert_eq!(form.kind, Kind::Document);
    assert_eq!(form.fields[0].text(), "2024年车辆采购合同及审批单");
    key(&mut app, KeyCode::Enter);
    let state = on_disk(&app);
    let doc = state
        .items
        .iter()
        .find(|i| i.kind == Kind::Document)
        .expect("a document was made");
    assert_eq!(doc.title, "2024年车辆采购合同及审批单");
    assert_eq!(doc.notes.len(), 1, "the note went with it");
    assert!(state.inbox.is_empty());
    // Esc in a form made from a note asks before dropping the text.
    let (_d, mut app) = super::testing::app(Lang::En, false);
    inbox_notes(&mut app, &["call the hotel"]);
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Form, "asked first");
}

#[test]
fn an_items_notes_are_edited_and_deleted_from_its_detail() {
    let (_d, mut app) = app(Lang::Zh, false);
    let id = add(&mut app, Item::new(Kind::Substitute, "起草专项报告", now()));
    app.select(&id);
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::Char('n'));
    for l in ["第一稿已交", "待组长审"] {
        type_text(&mut app, l);
        key(&mut app, KeyCode::Enter);
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view.detail_id(), Some(id.as_str()));
    // The cursor walks the notes: the second one.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('E'));
    type_text(&mut app, "（已改）");
    key(&mut app, KeyCode::Enter);
    let texts = |app: &App| -> Vec<String> {
        on_disk(app)
            .get(&id)
            .unwrap()
            .notes
            .iter()
            .map(|n| n.text.clone())
            .collect()
    };
    assert_eq!(texts(&app), ["第一稿已交", "待组长审（已改）"]);
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('D'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(texts(&app), ["待组长审（已改）"]);
    // Undo puts the note back.
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(texts(&app), ["第一稿已交", "待组长审（已改）"]);
    assert_eq!(app.view.detail_id(), Some(id.as_str()));
}

#[test]
fn a_read_only_dashboard_refuses_before_a_note_prompt_opens() {
    let (_d, mut app) = app(Lang::En, false);
    inbox_notes(&mut app, &["a note"]);
    app.read_only = true;
    for c in ['e', 'd', 'f', 'a'] {
        key(&mut app, KeyCode::Char(c));
        assert_eq!(app.mode(), Mode::Inbox, "{c}");
        assert!(app.status.as_ref().is_some_and(|s| s.error), "{c}");
    }
}

#[test]
fn a_meeting_and_the_documents_its_notes_asked_for_link_both_ways() {
    let (_d, mut app) = app(Lang::Zh, false);
    let mut m = Item::new(Kind::Meeting, "个别谈话：财务部负责人", now());
    m.start = Some(now());
    m.meeting_type = Some(MeetingType::Interview);
    let m = add(&mut app, m);
    key(&mut app, KeyCode::Char('3'));
    app.select(&m);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "# 2024年车辆采购合同");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    let doc = on_disk(&app)
        .items
        .iter()
        .find(|i| i.kind == Kind::Document)
        .map(|i| i.id.clone())
        .expect("the # line asked for a document");
    let s = crate::ui::draw_for_tests(&mut app, 120, 40);
    assert!(s.contains("会上提出的调阅资料（1）"), "{s}");
    assert!(s.contains(&format!("{doc}   2024年车辆采购合同")), "{s}");
    // The cursor walks the checklist, then the link: Enter opens it.
    let item = app.snap.state.get(&m).unwrap();
    let link_at = super::views::stops(&app.snap.state, item)
        .iter()
        .position(|t| matches!(t, super::views::Stop::Link(0)))
        .unwrap();
    for _ in 0..link_at {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view.detail_id(), Some(doc.as_str()));
    let s = crate::ui::draw_for_tests(&mut app, 120, 40);
    assert!(s.contains("提出该资料的会议"), "{s}");
    assert!(s.contains(&format!("{m}   个别谈话：财务部负责人")), "{s}");
    // And back: Enter opens the meeting, Esc goes back down the trail.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view.detail_id(), Some(m.as_str()));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view.detail_id(), Some(doc.as_str()));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view.detail_id(), Some(m.as_str()));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Panes);
}

#[test]
fn undo_and_redo_of_inbox_changes_put_each_note_back_and_never_drop_one() {
    let (_d, mut app) = app(Lang::En, false);
    let l = add(&mut app, Item::new(Kind::Logistics, "Book rooms", now()));
    inbox_notes(&mut app, &["old text"]);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, " new");
    key(&mut app, KeyCode::Enter);
    assert!(app.status.as_ref().unwrap().text.contains("u to undo"));
    key(&mut app, KeyCode::Char('f'));
    type_text(&mut app, &l);
    key(&mut app, KeyCode::Enter);
    // Where the note is: (the inbox's texts, the item's).
    let where_is = |app: &App| {
        let state = on_disk(app);
        let texts = |n: &[crate::model::Note]| n.iter().map(|n| n.text.clone()).collect::<Vec<_>>();
        (texts(&state.inbox), texts(&state.get(&l).unwrap().notes))
    };
    let filed = (vec![], vec!["old text new".to_string()]);
    let edited = (vec!["old text new".to_string()], vec![]);
    let typed = (vec!["old text".to_string()], vec![]);
    assert_eq!(where_is(&app), filed);
    key(&mut app, KeyCode::Char('u')); // the filing: back in the inbox
    assert_eq!(where_is(&app), edited, "{:?}", app.status);
    key(&mut app, KeyCode::Char('u')); // the edit: the old text again
    assert_eq!(where_is(&app), typed, "{:?}", app.status);
    key_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(where_is(&app), edited, "{:?}", app.status);
    key_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(where_is(&app), filed, "{:?}", app.status);
    // A note another process puts in the inbox meanwhile stays whatever is undone.
    let other = crate::store::Store::open(app.store.dir()).unwrap();
    let mut snap = other.load().unwrap();
    other
        .transact(&mut snap, now(), |s| {
            s.capture(None, "from the shell", now()).map(|_| ())
        })
        .unwrap();
    key(&mut app, KeyCode::Char('u'));
    key(&mut app, KeyCode::Char('u'));
    let (mut inbox, notes) = where_is(&app);
    inbox.sort();
    assert_eq!(inbox, ["from the shell", "old text"]);
    assert!(notes.is_empty());
}

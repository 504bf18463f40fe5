//! Rendered screens of the last usability points: loans due back in Today,
//! links between a meeting and its documents, the inbox's actions, and no
//! English or internal name on any Chinese surface.

use ratatui::crossterm::event::KeyCode;

use crate::app::testing::{app, key};
use crate::i18n::Lang;

use super::draw_for_tests as draw;

#[test]
fn a_loan_due_back_today_is_in_today_with_its_due_back_time() {
    for (lang, label) in [(Lang::En, "due back"), (Lang::Zh, "今日应还")] {
        let (_d, mut app) = app(lang, true);
        let lent = app
            .items()
            .iter()
            .find(|i| crate::model::custody::loan(i).is_some())
            .map(|i| (i.id.clone(), i.title.clone()))
            .expect("the sample lends a document");
        key(&mut app, KeyCode::Char('t'));
        for (w, h) in [(120, 40), (80, 24)] {
            let s = draw(&mut app, w, h);
            let row = s
                .lines()
                .find(|l| l.contains(&format!(" {} ", lent.0)))
                .unwrap_or_else(|| panic!("{} not in Today:\n{s}", lent.0));
            assert!(row.contains(label), "{row}");
            assert!(row.contains("17:00"), "the due-back time: {row}");
            let start: String = lent.1.chars().take(3).collect();
            assert!(row.contains(&start), "{row}");
        }
    }
}

#[test]
fn a_detail_opens_at_its_top_even_when_its_first_note_is_further_down() {
    use crate::app::testing::now;
    let (_d, mut app) = app(Lang::Zh, false);
    let store = app.store.clone();
    let id = store
        .transact(&mut app.snap, now(), |s| {
            let id = s.add(crate::model::Item::new(
                crate::model::Kind::Substitute,
                "起草专项检查报告初稿",
                now(),
            ))?;
            for n in 0..40 {
                s.add_note(Some(&id), &format!("第{n}条"), now())?;
            }
            Ok::<_, crate::model::ModelError>(id)
        })
        .unwrap();
    app.refresh();
    key(&mut app, KeyCode::Char('4'));
    app.select(&id);
    key(&mut app, KeyCode::Enter);
    // So low a screen that the first note is below the fold.
    let s = draw(&mut app, 80, 14);
    assert!(s.contains("窗格"), "the detail's first row: {s}");
    // Walking the notes brings the cursor's note into view.
    for _ in 0..30 {
        key(&mut app, KeyCode::Char('j'));
    }
    let s = draw(&mut app, 80, 14);
    assert!(s.contains("第30条"), "{s}");
}

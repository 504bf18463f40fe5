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

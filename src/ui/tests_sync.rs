//! A custody conflict from the team's merge on the dashboard: in the
//! header's alerts, in both languages, until it is resolved.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::buffer_text as screen;
use crate::app::App;
use crate::app::testing::{app, now};
use crate::i18n::Lang;
use crate::model::conflict::{self, Conflict};
use crate::model::custody::{Action, Step, apply, event_hash};
use crate::model::{Item, Kind, Rule};

fn draw(app: &mut App) -> String {
    app.area = (120, 40);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| super::render(app, f)).unwrap();
    screen(term.backend().buffer())
}

/// A shredded document with a loan from another replica marked as a conflict.
fn with_conflict(app: &mut App) {
    app.store
        .transact(&mut app.snap, now(), |s| {
            let mut d = Item::new(Kind::Document, "信访举报件复印件", now());
            d.rule = Some(Rule::Shred);
            let id = s.add(d).unwrap();
            let at = s.position(&id).unwrap();
            let doc = &mut s.items[at];
            apply(doc, Step::new(Action::Receive), now()).unwrap();
            let shred = Step::new(Action::Shred).witness("李四").approved_by("组长");
            apply(doc, shred, now()).unwrap();
            let mut lend = doc.custody[0].clone();
            lend.action = Action::Lend;
            lend.person = Some("赵六".into());
            lend.prev = doc.custody_head.clone();
            lend.conflict = Some(Conflict {
                replica: "b1".into(),
                seq: 4,
                why: "custody was already closed".into(),
            });
            lend.hash = event_hash(&doc.id, &lend);
            doc.custody_head = lend.hash.clone();
            doc.custody.push(lend);
            Ok::<_, ()>(())
        })
        .unwrap();
    app.team_refresh();
}

#[test]
fn the_header_names_a_document_with_a_custody_conflict_until_it_is_resolved() {
    for (lang, said) in [
        (Lang::En, "D1: custody conflict"),
        (Lang::Zh, "D1：保管冲突"),
    ] {
        let (_d, mut app) = app(lang, false);
        assert!(!draw(&mut app).contains(said));
        with_conflict(&mut app);
        assert!(draw(&mut app).contains(said), "{lang:?}");
        app.store
            .transact(&mut app.snap, now(), |s| {
                conflict::void_open(&mut s.items[0], now(), "联络员");
                Ok::<_, ()>(())
            })
            .unwrap();
        app.team_refresh();
        assert!(!draw(&mut app).contains(said), "{lang:?}");
    }
}

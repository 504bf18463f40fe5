//! Rendered screens, with a fixed clock, in both languages and two sizes.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::App;
use crate::app::testing::{app, key, key_mod, type_text};
use crate::i18n::Lang;
use crate::text::width;

use super::buffer_text as screen;

fn draw(app: &mut App, w: u16, h: u16) -> String {
    app.area = (w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| super::render(app, f)).unwrap();
    screen(term.backend().buffer())
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Zh, "zh")];

/// Snapshots one view, reached by `setup`, at both sizes in both languages.
fn snap_all(name: &str, setup: impl Fn(&mut App)) {
    for (lang, code) in LANGS {
        for (w, h) in SIZES {
            let (_d, mut app) = app(lang, true);
            setup(&mut app);
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), draw(&mut app, w, h));
        }
    }
}

#[test]
fn panes() {
    snap_all("panes", |_| {});
}

#[test]
fn form() {
    snap_all("form", |app| {
        key(app, KeyCode::Char('3'));
        key(app, KeyCode::Char('a'));
        type_text(app, "个别谈话：办公室主任");
        key(app, KeyCode::Tab);
        key(app, KeyCode::Right);
        key(app, KeyCode::Tab);
        type_text(app, "2026-11-26 15:00");
        key(app, KeyCode::Tab);
        type_text(app, "下周见");
        key(app, KeyCode::Enter); // refused: the end cannot be read
    });
}

#[test]
fn help() {
    snap_all("help", |app| key(app, KeyCode::Char('?')));
}

#[test]
fn detail() {
    snap_all("detail", |app| {
        key(app, KeyCode::Char('3'));
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Enter);
    });
}

#[test]
fn today() {
    snap_all("today", |app| key(app, KeyCode::Char('t')));
}

#[test]
fn capture() {
    snap_all("capture", |app| {
        key(app, KeyCode::Char('3'));
        key(app, KeyCode::Char('j'));
        key(app, KeyCode::Char('n'));
        type_text(app, "问：车辆采购为什么没有公开招标？");
    });
}

#[test]
fn cursor_sits_after_chinese_text_in_a_form() {
    let (_d, mut app) = app(Lang::Zh, false);
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "会议abc纪要");
    key(&mut app, KeyCode::Left);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    app.area = (80, 24);
    term.draw(|f| super::render(&app, f)).unwrap();
    let pos = term.get_cursor_position().unwrap();
    let text = screen(term.backend().buffer());
    let row: &str = text.lines().nth(pos.y as usize).unwrap();
    // The caret is on 要: the columns before it hold "会议abc纪" exactly.
    let start = row.find("会议abc纪要").expect("title on the cursor's row");
    let col_of_text = width(&row[..start]);
    assert_eq!(pos.x as usize, col_of_text + width("会议abc纪"));
}

#[test]
fn privacy_screen_shows_no_item_text() {
    for setup in [
        (|_: &mut App| {}) as fn(&mut App),
        |app| {
            key(app, KeyCode::Char('a'));
            type_text(app, "机密谈话");
        },
        |app| {
            key(app, KeyCode::Char('n'));
            type_text(app, "机密谈话");
        },
    ] {
        let (_d, mut app) = app(Lang::Zh, true);
        setup(&mut app);
        key_mod(&mut app, KeyCode::Char('x'), KeyModifiers::CONTROL);
        let text = draw(&mut app, 120, 40);
        for item in app.items() {
            assert!(!text.contains(&item.title), "{} visible", item.title);
            assert!(!text.contains(&item.id), "{} visible", item.id);
        }
        assert!(!text.contains("机密谈话"));
        assert!(!text.contains("某市交通运输集团巡察"));
    }
}

#[test]
fn narrow_terminals_get_tabs_and_tiny_ones_a_message() {
    let (_d, mut app) = app(Lang::En, true);
    let wide = draw(&mut app, 120, 40);
    assert!(
        wide.contains("1 Logistics")
            && wide.contains("4 Substitutes")
            && wide.contains("3 Meetings (")
    );
    let narrow = draw(&mut app, 80, 24);
    assert!(narrow.contains("1 Logistics ("), "focused pane drawn");
    assert!(
        !narrow.contains("3 Meetings ("),
        "other panes are tabs only"
    );
    assert!(narrow.contains(" 3 Meetings "), "tab bar names every pane");
    let tiny = draw(&mut app, 30, 8);
    assert!(tiny.contains("terminal too small"));
}

#[test]
fn every_size_renders_without_panic_and_within_bounds() {
    let views: [fn(&mut App); 4] = [
        |_| {},
        |app| key(app, KeyCode::Char('t')),
        |app| {
            key(app, KeyCode::Char('a'));
            type_text(app, "会议纪要");
        },
        |app| key(app, KeyCode::Char('?')),
    ];
    for (i, setup) in views.iter().enumerate() {
        let (_d, mut app) = app(Lang::Zh, true);
        setup(&mut app);
        let step = if i == 0 { 1 } else { 7 };
        for w in (1..=200).step_by(step) {
            for h in (1..=60).step_by(step) {
                app.area = (w, h);
                let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
                term.draw(|f| super::render(&app, f)).unwrap();
            }
        }
    }
}

#[test]
fn each_pane_as_a_tab() {
    for (lang, code) in LANGS {
        for pane in ['2', '3', '4'] {
            let (_d, mut app) = app(lang, true);
            key(&mut app, KeyCode::Char(pane));
            insta::assert_snapshot!(format!("tab{pane}_{code}_80x24"), draw(&mut app, 80, 24));
        }
    }
}

#[test]
fn holders_and_custody_prompt() {
    for (lang, code) in LANGS {
        let (_d, mut app) = app(lang, true);
        key(&mut app, KeyCode::Char('h'));
        insta::assert_snapshot!(format!("holders_{code}_80x24"), draw(&mut app, 80, 24));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('2'));
        key(&mut app, KeyCode::Char('j'));
        key(&mut app, KeyCode::Char('x'));
        insta::assert_snapshot!(
            format!("custody_prompt_{code}_80x24"),
            draw(&mut app, 80, 24)
        );
    }
}

#[test]
fn a_documents_custody_log_in_its_detail() {
    for (lang, code) in LANGS {
        let (_d, mut app) = app(lang, true);
        key(&mut app, KeyCode::Char('2'));
        key(&mut app, KeyCode::Enter); // D1: received and lent in the sample
        let screen = draw(&mut app, 80, 24);
        assert!(
            screen.contains(if lang == Lang::Zh {
                "借阅登记"
            } else {
                "Custody log"
            }),
            "{screen}"
        );
        insta::assert_snapshot!(format!("custody_detail_{code}_80x24"), screen);
    }
}

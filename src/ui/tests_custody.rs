//! The custody prompts and views, drawn in both languages at both sizes.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::buffer_text as screen;
use crate::app::App;
use crate::app::testing::{app, key};
use crate::i18n::Lang;
use crate::model::custody::{self, Stage};

fn draw(app: &mut App, w: u16, h: u16) -> String {
    app.area = (w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| super::render(app, f)).unwrap();
    screen(term.backend().buffer())
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Zh, "zh")];

/// The sample's first document at `stage`.
fn document_at(app: &App, want: fn(Stage) -> bool) -> String {
    app.items()
        .iter()
        .find(|i| i.kind == crate::model::Kind::Document && want(custody::stage(i)))
        .map(|i| i.id.clone())
        .expect("the sample has one")
}

/// Snapshots one screen, reached by `setup`, at both sizes in both
/// languages; returns the screens for further checks.
fn snap_all(name: &str, setup: impl Fn(&mut App)) -> Vec<(Lang, String)> {
    let mut out = Vec::new();
    for (lang, code) in LANGS {
        for (w, h) in SIZES {
            let (_d, mut app) = app(lang, true);
            app.config.me = Some(
                if lang == Lang::Zh {
                    "联络员小王"
                } else {
                    "Liaison Wang"
                }
                .into(),
            );
            setup(&mut app);
            let s = draw(&mut app, w, h);
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), s);
            out.push((lang, s));
        }
    }
    out
}

/// No dashboard text names a command-line flag.
fn no_flags(screens: &[(Lang, String)]) {
    for (_, s) in screens {
        for flag in [
            "--person",
            "--witness",
            "--location",
            "--override",
            "--approved-by",
            "--until",
            "--by",
        ] {
            assert!(!s.contains(flag), "{flag} shown:\n{s}");
        }
    }
}

#[test]
fn x_on_a_document_in_hand_offers_the_next_steps() {
    let screens = snap_all("custody_menu", |app| {
        let id = document_at(app, |s| s == Stage::Held);
        app.select(&id);
        key(app, KeyCode::Char('x'));
    });
    for (lang, s) in &screens {
        let (lend, other) = match lang {
            Lang::En => ("1  lend it", "instead (asks for a reason)"),
            Lang::Zh => ("1  借出", "须说明理由"),
        };
        assert!(s.contains(lend) && s.contains(other), "{s}");
    }
    no_flags(&screens);
}

#[test]
fn each_detail_of_a_step_is_asked_with_its_label() {
    let screens = snap_all("custody_receive", |app| {
        let id = document_at(app, |s| s == Stage::Requested);
        app.select(&id);
        key(app, KeyCode::Char('x'));
    });
    for (lang, s) in &screens {
        let label = match lang {
            Lang::En => ["· receive", "handed over by (optional)"],
            Lang::Zh => ["· 接收", "移交人（可不填）"],
        };
        assert!(label.iter().all(|l| s.contains(l)), "{s}");
    }
    no_flags(&screens);
    let screens = snap_all("custody_lend_until", |app| {
        let id = document_at(app, |s| s == Stage::Held);
        app.select(&id);
        key(app, KeyCode::Char('x'));
        key(app, KeyCode::Char('1'));
        crate::app::testing::type_text(app, "组员乙");
        key(app, KeyCode::Tab);
    });
    for (lang, s) in &screens {
        let label = match lang {
            Lang::En => "due back (optional)",
            Lang::Zh => "应还时间（可不填）",
        };
        assert!(s.contains(label) && s.contains("2026-11-26 10:00"), "{s}");
    }
}

#[test]
fn a_closing_step_shows_what_it_will_record_before_it_is_recorded() {
    let screens = snap_all("custody_confirm", |app| {
        let id = document_at(app, |s| s == Stage::Held);
        app.select(&id);
        key(app, KeyCode::Char('x'));
        key(app, KeyCode::Char('2')); // by its rule: return
        crate::app::testing::type_text(app, "财务部张会计");
        key(app, KeyCode::Enter);
    });
    for (lang, s) in &screens {
        let shown: &[&str] = match lang {
            Lang::En => &[
                "taken back at the unit by: 财务部张会计",
                "recorded by: Liaison Wang",
                "Esc cancels",
            ],
            Lang::Zh => &[
                "被巡察单位接收人：财务部张会计",
                "经办人：联络员小王",
                "Esc 取消",
            ],
        };
        for want in shown {
            assert!(s.contains(want), "{want}:\n{s}");
        }
    }
    no_flags(&screens);
}

#[test]
fn clearance_view_groups_what_is_out_by_holder() {
    let screens = snap_all("clearance", |app| key(app, KeyCode::Char('o')));
    for (lang, s) in &screens {
        let want: &[&str] = match lang {
            Lang::En => &[
                "open documents: 4, on loan: 1",
                "Member A (1)",
                "with the liaison (1)",
                "asked for, not received (2)",
            ],
            Lang::Zh => &[
                "未办结资料：4，借出：1",
                "组员甲 (1)",
                "联络员保管 (1)",
                "已调阅未接收 (2)",
            ],
        };
        for w in want {
            assert!(s.contains(w), "{w}:\n{s}");
        }
    }
}

#[test]
fn who_holds_what_shows_each_loan_with_its_due_time() {
    let screens = snap_all("holders_due", |app| key(app, KeyCode::Char('h')));
    for (lang, s) in &screens {
        let want = match lang {
            Lang::En => "due back Wed 11-25 17:00",
            Lang::Zh => "应还 周三 11-25 17:00",
        };
        assert!(s.contains(want), "{s}");
    }
}

#[test]
fn a_copy_is_offered_from_the_detail_and_listed_under_its_source() {
    snap_all("copy_menu", |app| {
        let id = document_at(app, |s| s == Stage::Held);
        app.select(&id);
        key(app, KeyCode::Enter);
        key(app, KeyCode::Char('C'));
    });
    let screens = snap_all("copy_detail", |app| {
        let id = document_at(app, |s| s == Stage::Held);
        app.select(&id);
        key(app, KeyCode::Enter);
        key(app, KeyCode::Char('C'));
        key(app, KeyCode::Char('2'));
        key(app, KeyCode::Enter);
    });
    for (lang, s) in &screens {
        let want = match lang {
            Lang::En => "Copies and extracts (1)",
            Lang::Zh => "复印件及摘抄件 (1)",
        };
        assert!(s.contains(want), "{s}");
    }
}

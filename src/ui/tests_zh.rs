//! No English and no internal name on any surface of the Chinese
//! dashboard: every view, form, prompt, menu, message and status line is
//! drawn in Chinese at 120×40 and 80×24, and no run of three or more ASCII
//! letters may show on it except the names of keys (`Enter`, `Esc`, `Tab`),
//! which are printed on the keyboard itself. Ids (`M3`), times and digits
//! have fewer letters; the sample's own data is all Chinese.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::testing::{app, key, key_mod, type_text};
use crate::app::{App, View};
use crate::i18n::Lang;
use crate::input::keymap::KEYMAP;
use crate::model::custody::{self, Stage};
use crate::model::{Kind, Status};

use super::draw_for_tests as draw;

/// The spreadsheet formats the import asks for, named as the files end.
const FORMATS: [&str; 3] = ["xlsx", "xls", "csv"];

/// The ASCII words of three letters or more on `screen` that are not the
/// name of a key or a file format. A path (the brief written to the data
/// directory) is the user's own and skipped, and so is a command to type
/// in a shell (`liaison demo`), where the dashboard has no way to do it.
fn leaks(screen: &str) -> Vec<String> {
    use clap::CommandFactory;
    let mut allowed: Vec<String> = KEYMAP
        .iter()
        .flat_map(|b| b.label.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    allowed.extend(FORMATS.map(String::from));
    let commands: Vec<String> = crate::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut out = Vec::new();
    let chunks: Vec<&str> = screen.split_whitespace().collect();
    for (i, chunk) in chunks.iter().enumerate() {
        let command = |c: &str| c.trim_matches(|c: char| !c.is_ascii_alphabetic()) == "liaison";
        let is_command = command(chunk)
            && chunks
                .get(i + 1)
                .is_some_and(|next| commands.iter().any(|c| next.starts_with(c.as_str())));
        let after_command = i > 0 && command(chunks[i - 1]);
        if chunk.contains('/') || is_command || after_command {
            continue;
        }
        for word in chunk.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() >= 3 && !allowed.iter().any(|k| k == word) {
                out.push(word.to_string());
            }
        }
    }
    out
}

fn first(app: &App, f: impl Fn(&crate::model::Item) -> bool) -> String {
    app.items()
        .iter()
        .find(|i| f(i))
        .map(|i| i.id.clone())
        .expect("the sample has one")
}

fn open(app: &mut App, id: &str) {
    app.select(id);
    app.view = View::Panes;
    key(app, KeyCode::Enter);
}

fn doc_at(app: &App, want: fn(Stage) -> bool) -> String {
    first(app, |i| i.kind == Kind::Document && want(custody::stage(i)))
}

type Setup = fn(&mut App);

/// Every surface, reached key by key from the sample inspection.
fn surfaces() -> Vec<(&'static str, Setup)> {
    vec![
        ("panes", |_| {}),
        ("pane 2", |a| key(a, KeyCode::Char('2'))),
        ("pane 3", |a| key(a, KeyCode::Char('3'))),
        ("pane 4", |a| key(a, KeyCode::Char('4'))),
        ("closed shown", |a| key(a, KeyCode::Char('c'))),
        ("today", |a| key(a, KeyCode::Char('t'))),
        ("today snoozed", |a| {
            key(a, KeyCode::Char('t'));
            key(a, KeyCode::Char('s'));
        }),
        ("today priority", |a| {
            key(a, KeyCode::Char('t'));
            key(a, KeyCode::Char('p'));
        }),
        ("snooze to", |a| {
            key(a, KeyCode::Char('t'));
            key(a, KeyCode::Char('S'));
            type_text(a, "明天下午3点");
        }),
        ("snooze to unreadable", |a| {
            key(a, KeyCode::Char('t'));
            key(a, KeyCode::Char('S'));
            type_text(a, "某天");
            key(a, KeyCode::Enter);
        }),
        ("help", |a| key(a, KeyCode::Char('?'))),
        ("note box", |a| {
            key(a, KeyCode::Char('n'));
            type_text(a, "问：何时招标");
        }),
        ("note kept", |a| {
            key(a, KeyCode::Char('n'));
            type_text(a, "没按回车");
            key(a, KeyCode::Esc);
        }),
        ("search", |a| {
            key(a, KeyCode::Char('/'));
            type_text(a, "财务");
        }),
        ("search none", |a| {
            key(a, KeyCode::Char('/'));
            type_text(a, "无此项");
        }),
        ("privacy", |a| {
            key_mod(a, KeyCode::Char('x'), KeyModifiers::CONTROL)
        }),
        ("holders", |a| key(a, KeyCode::Char('h'))),
        ("clearance", |a| key(a, KeyCode::Char('o'))),
        ("inbox", |a| key(a, KeyCode::Char('i'))),
        ("inbox edit", |a| {
            key(a, KeyCode::Char('i'));
            key(a, KeyCode::Enter);
        }),
        ("inbox delete", |a| {
            key(a, KeyCode::Char('i'));
            key(a, KeyCode::Char('d'));
        }),
        ("inbox file", |a| {
            key(a, KeyCode::Char('i'));
            key(a, KeyCode::Char('f'));
            type_text(a, "无此项");
            key(a, KeyCode::Enter);
        }),
        ("inbox make", |a| {
            key(a, KeyCode::Char('i'));
            key(a, KeyCode::Char('a'));
        }),
        ("import", |a| {
            key(a, KeyCode::Char('I'));
            type_text(a, "不存在.xlsx");
            key(a, KeyCode::Enter);
        }),
        ("undo nothing", |a| key(a, KeyCode::Char('u'))),
        ("delete asked", |a| key(a, KeyCode::Char('d'))),
        ("done and undone", |a| {
            key(a, KeyCode::Char('x'));
            key(a, KeyCode::Char('u'));
        }),
        ("read-only", |a| {
            a.read_only = true;
            key(a, KeyCode::Char('a'));
        }),
        ("too small", |_| {}),
        ("other process changed", |a| {
            let store = a.store.clone();
            store
                .transact(&mut store.load().unwrap(), a.now, |s| {
                    s.add_note(None, "别处记的", a.now)
                })
                .unwrap();
            a.reload_if_changed();
        }),
    ]
}

/// The detail of each kind, its prompts, and the forms.
fn item_surfaces() -> Vec<(&'static str, Setup)> {
    vec![
        ("meeting detail", |a| {
            let m = first(a, |i| i.kind == Kind::Meeting && !i.checklist.is_empty());
            open(a, &m);
        }),
        ("add check", |a| {
            let m = first(a, |i| i.kind == Kind::Meeting);
            open(a, &m);
            key(a, KeyCode::Char('+'));
        }),
        ("document detail", |a| {
            let d = doc_at(a, |s| matches!(s, Stage::Lent(_)));
            open(a, &d);
        }),
        ("custody menu", |a| {
            let d = doc_at(a, |s| s == Stage::Held);
            open(a, &d);
            key(a, KeyCode::Char('x'));
        }),
        ("custody menu bad pick", |a| {
            let d = doc_at(a, |s| s == Stage::Held);
            open(a, &d);
            key(a, KeyCode::Char('x'));
            key(a, KeyCode::Char('9'));
        }),
        ("custody step", |a| {
            let d = doc_at(a, |s| s == Stage::Held);
            open(a, &d);
            key(a, KeyCode::Char('x'));
            key(a, KeyCode::Char('1'));
        }),
        ("custody receive", |a| {
            let d = doc_at(a, |s| s == Stage::Requested);
            open(a, &d);
            key(a, KeyCode::Char('x'));
        }),
        ("copy menu", |a| {
            let d = doc_at(a, |s| s == Stage::Held);
            open(a, &d);
            key(a, KeyCode::Char('C'));
        }),
        ("substitute detail", |a| {
            let s = first(a, |i| {
                i.kind == Kind::Substitute && i.status != Status::Open
            });
            open(a, &s);
        }),
        ("handback", |a| {
            let s = first(a, |i| {
                i.kind == Kind::Substitute && i.status == Status::InProgress
            });
            open(a, &s);
            key(a, KeyCode::Char('x'));
        }),
        ("logistics detail", |a| {
            let l = first(a, |i| i.kind == Kind::Logistics);
            open(a, &l);
        }),
        ("edit form", |a| {
            let l = first(a, |i| i.kind == Kind::Document);
            open(a, &l);
            key(a, KeyCode::Char('e'));
        }),
        ("add form refused", |a| {
            key(a, KeyCode::Char('3'));
            key(a, KeyCode::Char('a'));
            key(a, KeyCode::Enter);
        }),
        ("add form bad date", |a| {
            key(a, KeyCode::Char('1'));
            key(a, KeyCode::Char('a'));
            type_text(a, "订房");
            for _ in 0..2 {
                key(a, KeyCode::Tab);
            }
            type_text(a, "某天");
            key(a, KeyCode::Enter);
        }),
        ("add form choice", |a| {
            key(a, KeyCode::Char('2'));
            key(a, KeyCode::Char('a'));
            for _ in 0..3 {
                key(a, KeyCode::Tab);
                key(a, KeyCode::Right);
            }
        }),
        ("done logistics", |a| {
            let l = first(a, |i| i.kind == Kind::Logistics && !i.status.is_closed());
            a.select(&l);
            key(a, KeyCode::Char('x'));
        }),
        ("accept substitute", |a| {
            let s = first(a, |i| {
                i.kind == Kind::Substitute && i.status == Status::Open
            });
            a.select(&s);
            key(a, KeyCode::Char('x'));
        }),
        ("deleted, undone, redone", |a| {
            key(a, KeyCode::Char('d'));
            key(a, KeyCode::Char('y'));
            let s = draw(a, 120, 40);
            assert_eq!(leaks(&s), Vec::<String>::new(), "{s}");
            key(a, KeyCode::Char('u'));
            let s = draw(a, 120, 40);
            assert_eq!(leaks(&s), Vec::<String>::new(), "{s}");
            key_mod(a, KeyCode::Char('r'), KeyModifiers::CONTROL);
        }),
        ("brief written", |a| key(a, KeyCode::Char('R'))),
        ("workbook written", |a| key(a, KeyCode::Char('X'))),
        ("lend recorded", |a| {
            let d = doc_at(a, |s| s == Stage::Held);
            open(a, &d);
            key(a, KeyCode::Char('x'));
            key(a, KeyCode::Char('1'));
            type_text(a, "组员丙");
            key(a, KeyCode::Enter);
            let s = draw(a, 120, 40);
            assert_eq!(leaks(&s), Vec::<String>::new(), "{s}");
            key(a, KeyCode::Char('u'));
        }),
        ("clash saved", |a| {
            let now = a.now;
            let m = first(a, |i| {
                i.kind == Kind::Meeting
                    && i.place.is_some()
                    && !i.status.is_closed()
                    && i.start.is_some_and(|t| t > now)
            });
            let (start, place) = {
                let m = a.snap.state.get(&m).unwrap();
                (m.start.unwrap(), m.place.clone().unwrap())
            };
            key(a, KeyCode::Char('3'));
            key(a, KeyCode::Char('a'));
            type_text(a, "临时碰头会");
            key(a, KeyCode::Tab);
            key(a, KeyCode::Tab);
            type_text(a, &start.format("%Y-%m-%d %H:%M").to_string());
            key(a, KeyCode::Tab);
            key(a, KeyCode::Tab);
            type_text(a, &place);
            key(a, KeyCode::Enter);
            assert!(a.status.as_ref().is_some_and(|s| s.error), "{:?}", a.status);
            open(a, &m);
        }),
        ("add form discard asked", |a| {
            key(a, KeyCode::Char('4'));
            key(a, KeyCode::Char('a'));
            type_text(a, "起草");
            key(a, KeyCode::Esc);
        }),
    ]
}

#[test]
fn no_english_or_internal_name_shows_on_any_chinese_surface() {
    let mut found = Vec::new();
    for (name, setup) in surfaces().into_iter().chain(item_surfaces()) {
        for (w, h) in [(120, 40), (80, 24)] {
            let (_d, mut app) = app(Lang::Zh, true);
            app.config.me = Some("联络员小王".into());
            setup(&mut app);
            let (w, h) = if name == "too small" { (18, 4) } else { (w, h) };
            let mut screens = vec![draw(&mut app, w, h)];
            if name == "help" {
                // Every page of the help.
                for page in 1..12 {
                    app.overlay = crate::app::Overlay::Help(crate::app::Page {
                        scroll: page * (h as usize - 4),
                    });
                    screens.push(draw(&mut app, w, h));
                }
            }
            for s in screens {
                let words = leaks(&s);
                if !words.is_empty() {
                    found.push(format!("{name} {w}x{h}: {words:?}\n{s}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_first_run_screen_has_no_english_but_the_command_to_type() {
    for (w, h) in [(120, 40), (80, 24)] {
        let (_d, mut app) = app(Lang::Zh, false);
        let s = draw(&mut app, w, h);
        assert_eq!(leaks(&s), Vec::<String>::new(), "{s}");
        key(&mut app, KeyCode::Char('a'));
        let s = draw(&mut app, w, h);
        assert_eq!(leaks(&s), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn the_leak_check_finds_english_when_there_is_some() {
    assert_eq!(leaks("未知的meetingtype“party”"), ["meetingtype", "party"]);
    assert_eq!(
        leaks("Enter 修改  Esc 返回  M3 12:00 S-Tab"),
        Vec::<String>::new()
    );
    assert_eq!(leaks("运行 liaison demo 可填入"), Vec::<String>::new());
    assert_eq!(leaks("另一个 liaison 界面"), ["liaison"]);
    assert_eq!(leaks("运行 liaison done S5 --handback"), ["handback"]);
    let (_d, mut app) = app(Lang::En, true);
    assert!(!leaks(&draw(&mut app, 120, 40)).is_empty());
}

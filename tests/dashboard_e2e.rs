//! End-to-end: the real `liaison` binary in a pseudo-terminal, driven by
//! keystrokes and read back from the screen, with the command line run
//! beside it on the same data directory.
//!
//! Each test has its own home and data directory, so they run in parallel.

#[path = "support/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

use pty::{Home, Key, Term, WAIT};

/// The header's date in each language (the clock is fixed to a Wednesday).
const DATE_EN: &str = "Wed 2026-11-25";
const DATE_ZH: &str = "周三 2026-11-25";
const PRIVACY_EN: &str = "liaison — press Enter";
const ADD_LOGISTICS: &str = "Add · Logistics";

/// Opens the dashboard and waits for its first frame.
fn open(home: &Home, cols: u16, rows: u16, args: &[&str]) -> Term {
    let t = home.spawn(cols, rows, args);
    let zh = args.windows(2).any(|w| w == ["--lang", "zh"]);
    t.wait_for(if zh { DATE_ZH } else { DATE_EN }, WAIT);
    assert!(
        t.alternate_screen(),
        "the dashboard draws on the alternate screen"
    );
    assert!(
        t.with_screen(|s| s.bracketed_paste()),
        "the dashboard asks for bracketed paste"
    );
    t
}

/// Quits with `q` and checks the exit and the restored terminal.
fn quit(mut t: Term) {
    t.send("q");
    assert_exits_clean(&mut t);
}

fn assert_exits_clean(t: &mut Term) {
    let status = t.wait_exit(WAIT);
    assert!(
        status.success(),
        "exit status {status:?}; screen:\n{}",
        t.screen()
    );
    assert!(
        !t.alternate_screen(),
        "the alternate screen is left on exit"
    );
    assert!(t.cursor_visible(), "the cursor is shown again on exit");
    t.with_screen(|s| {
        assert!(
            !s.bracketed_paste(),
            "bracketed paste is turned off on exit"
        );
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is turned off on exit"
        );
    });
}

/// Types `title` into a new Logistics form and saves it.
fn add_logistics(t: &Term, title: &str) {
    t.send("a");
    t.wait_for(ADD_LOGISTICS, WAIT);
    t.send(title);
    t.wait_for(title, WAIT);
    t.send_key(Key::Enter);
    t.wait_gone(ADD_LOGISTICS, WAIT);
}

/// Only the privacy text is on screen.
fn wait_blank(t: &Term) {
    t.wait_until("the privacy screen", WAIT, |s| {
        s.contents().trim() == PRIVACY_EN
    });
}

#[test]
fn opens_an_empty_dir_in_chinese_and_quits_cleanly() {
    let home = Home::new();
    let t = open(&home, 120, 40, &["--lang", "zh"]);
    for title in [
        "1 后勤保障 (0)",
        "2 资料调阅 (0)",
        "3 会务安排 (0)",
        "4 候补任务 (0)",
    ] {
        t.wait_for(title, WAIT);
    }
    assert!(t.row_text(0).contains(DATE_ZH), "the date is in the header");
    quit(t);
}

#[test]
fn opens_the_chinese_demo() {
    let home = Home::new();
    home.cli_ok(&["demo", "--lang", "zh"]);
    let items = home.list_json();
    let open_logistics: Vec<String> = items
        .iter()
        .filter(|i| i["kind"] == "logistics" && i["status"] != "done" && i["status"] != "cancelled")
        .map(|i| i["title"].as_str().unwrap().chars().take(5).collect())
        .collect();
    assert!(!open_logistics.is_empty(), "the demo has open logistics");

    let t = open(&home, 120, 40, &["--lang", "zh"]);
    t.wait_for("某市交通运输集团巡察", WAIT);
    for title in [
        "1 后勤保障 (",
        "2 资料调阅 (",
        "3 会务安排 (",
        "4 候补任务 (",
    ] {
        t.wait_for(title, WAIT);
        assert!(
            !t.screen().contains(&format!("{title}0)")),
            "{title} is empty"
        );
    }
    let screen = t.screen();
    assert!(
        open_logistics.iter().any(|p| screen.contains(p.as_str())),
        "an open logistics item is listed: {open_logistics:?}\n{screen}"
    );
    quit(t);
}

#[test]
fn adds_a_chinese_title_with_backspace_and_the_cursor_in_place() {
    let home = Home::new();
    let t = open(&home, 120, 40, &["--lang", "zh"]);
    t.send("a");
    t.wait_for("新增 · 后勤保障", WAIT);
    t.send("联络会议室安排");
    t.wait_for("联络会议室安排", WAIT);
    t.send_key(Key::Backspace);
    t.send_key(Key::Backspace);
    t.wait_until("two characters removed", WAIT, |s| {
        let c = s.contents();
        c.contains("联络会议室") && !c.contains("联络会议室安")
    });
    // Five CJK characters are ten columns: the cursor sits right after them.
    let (row, col) = t.wait_cursor_after("联络会议室", WAIT);
    assert_eq!(t.find("联络会议室"), Some((row, col - 10)));
    assert!(
        t.row_text(row).contains("标题"),
        "on the title field's line"
    );

    t.send_key(Key::Enter);
    t.wait_gone("新增 · 后勤保障", WAIT);
    t.wait_for("联络会议室", WAIT);
    assert_eq!(home.titles(), ["联络会议室"]);
    quit(t);
}

#[test]
fn the_cursor_stays_in_a_title_longer_than_its_field() {
    let home = Home::new();
    let t = open(&home, 100, 30, &[]);
    t.send("a");
    t.wait_for(ADD_LOGISTICS, WAIT);
    // 100 columns of text, more than the field holds.
    t.send(&format!("{}END", "-".repeat(97)));
    t.wait_for("--END", WAIT);
    let (row, _) = t.find("Title").expect("the title field");
    let (end_row, _) = t.wait_cursor_after("--END", WAIT);
    assert_eq!(end_row, row, "on the title field's line");
    // Wide characters: the cursor still lands right after the last one.
    t.send(&"宽".repeat(40));
    t.wait_until("the cursor after the wide text", WAIT, |s| {
        let line = pty::row_text(s, row);
        let shown = line.matches('宽').count();
        let start = pty::find(s, "宽");
        !line.contains('-')
            && !s.hide_cursor()
            && start.is_some_and(|(r, c, _)| {
                r == row && s.cursor_position() == (row, c + 2 * shown as u16)
            })
    });
    quit_form_and_app(t);
}

/// Cancels the open form (its changes: the first `Esc` asks), then quits.
fn quit_form_and_app(t: Term) {
    discard_form(&t);
    quit(t);
}

/// Closes a form with typed changes: `Esc` asks, a second `Esc` discards.
fn discard_form(t: &Term) {
    t.send_key(Key::Esc);
    t.wait_for("Esc again discards", WAIT);
    t.send_key(Key::Esc);
    t.wait_gone(ADD_LOGISTICS, WAIT);
}

#[test]
fn an_empty_title_is_refused_and_esc_cancels() {
    let home = Home::new();
    let mut t = open(&home, 120, 40, &[]);
    t.send("a");
    t.wait_for(ADD_LOGISTICS, WAIT);
    t.send_key(Key::Enter);
    t.wait_for("the title is empty", WAIT);
    assert!(t.screen().contains(ADD_LOGISTICS), "the form stays open");
    t.send_key(Key::Esc);
    t.wait_gone(ADD_LOGISTICS, WAIT);
    assert!(!t.screen().contains("the title is empty"));
    assert!(t.alive());
    assert!(home.titles().is_empty(), "nothing was saved");
    quit(t);
}

#[test]
fn undo_removes_an_add_and_redo_brings_it_back() {
    let home = Home::new();
    let t = open(&home, 120, 40, &[]);
    add_logistics(&t, "Book hotel rooms");
    t.wait_for("Book hotel rooms", WAIT);
    assert_eq!(home.titles(), ["Book hotel rooms"]);

    t.send("u");
    t.wait_gone("Book hotel rooms", WAIT);
    assert!(home.titles().is_empty(), "the undo is saved");

    t.send_key(Key::Ctrl('r'));
    t.wait_for("Book hotel rooms", WAIT);
    assert_eq!(home.titles(), ["Book hotel rooms"]);
    quit(t);
}

#[test]
fn q_typed_in_a_form_is_text() {
    let home = Home::new();
    let mut t = open(&home, 120, 40, &[]);
    t.send("a");
    t.wait_for(ADD_LOGISTICS, WAIT);
    t.send("quiet quarters q");
    t.wait_for("quiet quarters q", WAIT);
    assert!(t.alive(), "q in a title does not quit");
    t.send_key(Key::Enter);
    t.wait_gone(ADD_LOGISTICS, WAIT);
    assert_eq!(home.titles(), ["quiet quarters q"]);
    quit(t);
}

#[test]
fn delete_asks_first() {
    let home = Home::new();
    home.cli_ok(&["add", "logistics", "Laundry pickup"]);
    let t = open(&home, 120, 40, &[]);
    t.wait_for("Laundry pickup", WAIT);

    t.send("d");
    t.wait_for("Delete ", WAIT);
    assert!(t.screen().contains("Laundry pickup?"), "it names the item");
    t.send("n");
    t.wait_gone("Delete ", WAIT);
    assert!(t.screen().contains("Laundry pickup"));
    assert_eq!(home.titles(), ["Laundry pickup"]);

    t.send("d");
    t.wait_for("Delete ", WAIT);
    t.send("y");
    t.wait_gone("Laundry pickup", WAIT);
    assert!(home.titles().is_empty());
    quit(t);
}

/// Waits for the tabbed layout with `pane` (1-based) shown.
fn wait_tabs(t: &Term, pane: usize) {
    let names = ["Logistics", "Documents", "Meetings", "Substitutes"];
    let what = format!("tabs with pane {pane} shown");
    t.wait_until(&what, WAIT, |s| {
        let c = s.contents();
        let count = |n: &str| c.lines().map(|l| l.matches(n).count()).sum::<usize>();
        names.iter().enumerate().all(|(i, n)| {
            // Every name once in the tab bar; the shown pane's also as its title.
            count(n) == if i + 1 == pane { 2 } else { 1 }
        }) && c.contains(&format!("{pane} {} (", names[pane - 1]))
    });
}

/// Waits for the 2×2 grid: every pane's title once, no tab bar.
fn wait_grid(t: &Term) {
    t.wait_until("the four panes in a grid", WAIT, |s| {
        let c = s.contents();
        [
            "1 Logistics (",
            "2 Documents (",
            "3 Meetings (",
            "4 Substitutes (",
        ]
        .iter()
        .all(|n| c.matches(n).count() == 1)
            && c.matches("Logistics").count() == 1
    });
}

#[test]
fn a_narrow_terminal_shows_tabs() {
    let home = Home::new();
    let t = open(&home, 80, 24, &[]);
    wait_tabs(&t, 1);
    t.send("2");
    wait_tabs(&t, 2);
    t.send_key(Key::Tab);
    wait_tabs(&t, 3);
    t.send_key(Key::BackTab);
    wait_tabs(&t, 2);
    quit(t);
}

#[test]
fn resizing_reflows_and_never_crashes() {
    let home = Home::new();
    home.cli_ok(&["add", "logistics", "Vehicle rota"]);
    let mut t = open(&home, 120, 40, &[]);
    wait_grid(&t);
    t.wait_for("Vehicle rota", WAIT);

    t.resize(60, 20);
    wait_tabs(&t, 1);
    t.wait_for("Vehicle rota", WAIT);
    assert!(t.alive());

    for (cols, rows) in [(30, 8), (20, 5)] {
        t.resize(cols, rows);
        t.wait_until("the too-small notice alone", WAIT, |s| {
            s.contents().trim() == "terminal too small"
        });
        assert!(t.alive(), "alive at {cols}x{rows}");
    }

    t.resize(120, 40);
    wait_grid(&t);
    t.wait_for("Vehicle rota", WAIT);
    t.wait_for(DATE_EN, WAIT);
    assert!(!t.screen().contains("terminal too small"));
    quit(t);
}

#[test]
fn a_long_paste_is_saved_whole_as_one_note() {
    let home = Home::new();
    let t = open(&home, 120, 40, &[]);
    t.send("n");
    t.wait_for("Note → Inbox", WAIT);
    let text: String = "谈话记录abc123，".chars().cycle().take(5000).collect();
    assert_eq!(text.chars().count(), 5000);
    t.paste(&text);
    // The box shows the end of the line, where the cursor is.
    t.wait_for("，谈话记录abc", WAIT);
    t.send_key(Key::Enter);
    t.wait_for("1 saved", WAIT);

    let state = home.state();
    let inbox = state["inbox"].as_array().expect("an inbox");
    assert_eq!(inbox.len(), 1, "one note");
    let saved = inbox[0]["text"]
        .as_str()
        .or_else(|| inbox[0].as_str())
        .expect("the note's text");
    assert_eq!(saved.chars().count(), 5000, "every character kept");
    assert_eq!(saved, text);
    t.send_key(Key::Esc);
    t.wait_gone("Note → ", WAIT);
    quit(t);
}

#[test]
fn changes_from_the_command_line_show_up_live() {
    let home = Home::new();
    let t = open(&home, 120, 40, &[]);
    home.cli_ok(&["add", "logistics", "协调车辆"]);
    let added = Instant::now();
    t.wait_for("协调车辆", Duration::from_secs(2));
    assert!(added.elapsed() <= Duration::from_secs(2));

    add_logistics(&t, "订会议室");
    t.wait_for("订会议室", WAIT);
    let mut titles = home.titles();
    titles.sort();
    assert_eq!(titles, ["协调车辆", "订会议室"], "both survive");
    quit(t);
}

#[test]
fn an_edit_keeps_what_the_command_line_changed_meanwhile() {
    let home = Home::new();
    let id = home.cli_ok(&["add", "logistics", "Print sign-in sheets"]);
    let id = id.trim();
    let t = open(&home, 120, 40, &[]);
    t.wait_for("Print sign-in sheets", WAIT);
    t.send("e");
    t.wait_for(&format!("Edit {id}"), WAIT);
    home.cli_ok(&["done", id]);
    t.wait_for("updated from another liaison process", WAIT);
    t.send(" x20");
    t.wait_for("Print sign-in sheets x20", WAIT);
    t.send_key(Key::Enter);
    t.wait_gone(&format!("Edit {id}"), WAIT);
    let items = home.list_json();
    assert_eq!(items[0]["title"], "Print sign-in sheets x20");
    assert_eq!(
        items[0]["status"], "done",
        "the other process's change is kept"
    );
    quit(t);
}

#[test]
fn ctrl_x_blanks_the_screen_from_anywhere() {
    let home = Home::new();
    home.cli_ok(&["add", "logistics", "保密谈话安排"]);
    home.cli_ok(&["add", "document", "Audit files 2025"]);
    let t = open(&home, 120, 40, &[]);
    t.wait_for("保密谈话安排", WAIT);
    t.wait_for("Audit files 2025", WAIT);

    // From the panes.
    t.send_key(Key::Ctrl('x'));
    wait_blank(&t);
    t.send_key(Key::Enter);
    t.wait_for("保密谈话安排", WAIT);
    t.wait_for("Audit files 2025", WAIT);

    // From a form with typed text: the text survives and typing goes on.
    t.send("a");
    t.wait_for(ADD_LOGISTICS, WAIT);
    t.send("秘密 draft");
    t.wait_for("秘密 draft", WAIT);
    t.send_key(Key::Ctrl('x'));
    wait_blank(&t);
    t.send_key(Key::Enter);
    t.wait_for(ADD_LOGISTICS, WAIT);
    t.wait_for("秘密 draft", WAIT);
    t.send("!");
    t.wait_for("秘密 draft!", WAIT);
    discard_form(&t);

    // From the note box.
    t.send("n");
    t.wait_for("Note → ", WAIT);
    t.send("witness said");
    t.wait_for("witness said", WAIT);
    t.send_key(Key::Ctrl('x'));
    wait_blank(&t);
    t.send_key(Key::Enter);
    t.wait_for("Note → ", WAIT);
    t.wait_for("witness said", WAIT);
    t.send_key(Key::Esc);
    t.wait_gone("Note → ", WAIT);
    quit(t);
}

#[test]
fn a_second_dashboard_is_read_only_until_the_first_one_goes() {
    let home = Home::new();
    let first = open(&home, 120, 40, &[]);
    let second = open(&home, 120, 40, &["--lang", "zh"]);
    second.wait_for("[只读]", WAIT);
    // Said before anything is typed.
    second.wait_for("本窗口只能查看", WAIT);
    let refused = "只读：另一个窗口正在使用这些数据";

    // No form and no note box opens, so nothing is typed in vain.
    for k in ["a", "n"] {
        second.send(k);
        second.wait_for(refused, WAIT);
        assert!(!second.screen().contains("新增 · 后勤保障"), "{k}");
        assert!(!second.screen().contains("记录 → "), "{k}");
    }

    add_logistics(&first, "first still works");
    assert_eq!(home.titles(), ["first still works"]);
    assert!(!first.screen().contains("read-only"));
    // The read-only one follows the writer's saves.
    second.wait_for("first still works", WAIT);

    // Once the first one has gone, the second takes over and can save.
    quit(first);
    second.wait_for("另一个界面已关闭，本界面现在可以修改", WAIT);
    second.wait_gone("[只读]", WAIT);
    second.send("a");
    second.wait_for("新增 · 后勤保障", WAIT);
    second.send("第二个窗口");
    second.wait_for("第二个窗口", WAIT);
    second.send_key(Key::Enter);
    second.wait_gone("新增 · 后勤保障", WAIT);
    assert_eq!(home.titles(), ["first still works", "第二个窗口"]);
    quit(second);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_draft() {
    let home = Home::new();
    let mut t = open(&home, 120, 40, &[]);
    t.send("a");
    t.wait_for(ADD_LOGISTICS, WAIT);
    t.send("草稿 unsaved title");
    t.wait_for("草稿 unsaved title", WAIT);
    t.signal(libc::SIGTERM);
    assert_exits_clean(&mut t);
    drop(t);

    let t = open(&home, 120, 40, &[]);
    t.wait_for(ADD_LOGISTICS, WAIT);
    t.wait_for("草稿 unsaved title", WAIT);
    t.wait_for("an unsaved draft was restored", WAIT);
    t.send_key(Key::Enter);
    t.wait_gone(ADD_LOGISTICS, WAIT);
    assert_eq!(home.titles(), ["草稿 unsaved title"]);
    quit(t);

    // Saved, so nothing is offered the time after.
    let t = open(&home, 120, 40, &[]);
    t.wait_for("草稿 unsaved title", WAIT);
    assert!(!t.screen().contains(ADD_LOGISTICS));
    quit(t);
}

/// The footer: the last row.
fn footer(t: &Term, rows: u16) -> String {
    t.row_text(rows - 1)
}

#[test]
fn footers_speak_the_chosen_language() {
    let home = Home::new();
    let t = open(&home, 160, 40, &["--lang", "en"]);
    t.wait_for("q quit", WAIT);
    let f = footer(&t, 40);
    for words in ["a add", "n note", "? help", "q quit"] {
        assert!(f.contains(words), "{words:?} in the footer: {f}");
    }
    quit(t);

    let t = open(&home, 120, 40, &["--lang", "zh"]);
    t.wait_for("q 退出", WAIT);
    let f = footer(&t, 40);
    for words in ["a 新增", "n 记录", "? 帮助", "q 退出"] {
        assert!(f.contains(words), "{words:?} in the footer: {f}");
    }
    assert!(!f.contains("quit"));
    quit(t);
}

#[test]
fn the_english_footer_shows_help_and_quit_at_120_columns() {
    let home = Home::new();
    let t = open(&home, 120, 40, &["--lang", "en"]);
    t.wait_for("a add", WAIT);
    let f = footer(&t, 40);
    for words in ["? help", "q quit"] {
        assert!(f.contains(words), "{words:?} in the footer: {f}");
    }
    quit(t);
}

#[test]
fn interview_notes_survive_kill_9_right_after_enter() {
    let home = Home::new();
    home.cli_ok(&[
        "add",
        "meeting",
        "个别谈话：财务部负责人",
        "--type",
        "interview",
        "--start",
        "2026-11-25 09:50",
        "--end",
        "2026-11-25 11:00",
        "--place",
        "谈话室",
    ]);
    let mut t = open(&home, 120, 40, &["--lang", "zh"]);
    t.send("3");
    t.send("n");
    t.wait_for("记录 → M1", WAIT);
    let lines = [
        "问：车辆采购为什么没有公开招标？",
        "答：当时任务急，经班子会研究同意。",
        "？会议纪要里是否有记录",
    ];
    for (i, line) in lines.iter().enumerate() {
        t.send(line);
        t.send_key(Key::Enter);
        // The box counts what is saved; once it says so, the line is on disk.
        t.wait_for(&format!("已存 {} 条", i + 1), WAIT);
    }
    t.signal(libc::SIGKILL);
    t.wait_exit(WAIT);
    let state = home.state();
    let notes: Vec<&str> = state["items"][0]["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(notes, lines);
}

#[test]
fn a_half_typed_note_is_offered_back_after_kill_9() {
    let home = Home::new();
    let mut t = open(&home, 120, 40, &["--lang", "zh"]);
    t.send("n");
    t.wait_for("记录 → 收件箱", WAIT);
    t.send("答：那份合同在档案室");
    t.wait_for("答：那份合同在档案室", WAIT);
    // The draft is written within a second of the last key.
    let draft = home.data_dir().join("draft.json");
    let start = Instant::now();
    while !std::fs::read_to_string(&draft).is_ok_and(|d| d.contains("档案室")) {
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "no draft within 2 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    t.signal(libc::SIGKILL);
    t.wait_exit(WAIT);
    drop(t);

    let t = open(&home, 120, 40, &["--lang", "zh"]);
    t.wait_for("记录 → 收件箱", WAIT);
    t.wait_for("答：那份合同在档案室", WAIT);
    t.send("。");
    t.send_key(Key::Enter);
    t.wait_for("已存 1 条", WAIT);
    assert_eq!(home.state()["inbox"][0]["text"], "答：那份合同在档案室。");
    t.send_key(Key::Esc);
    t.wait_gone("记录 → 收件箱", WAIT);
    quit(t);
}

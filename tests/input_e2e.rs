//! End-to-end: how the dashboard takes its input — bursts of typing that
//! arrive without bracketed paste, a second dashboard on the same data, and
//! what `Esc` keeps.

#[path = "support/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

use pty::{Home, Key, Term, WAIT};

const DATE_EN: &str = "Wed 2026-11-25";
const DATE_ZH: &str = "周三 2026-11-25";

fn open(home: &Home, cols: u16, rows: u16, args: &[&str]) -> Term {
    let t = home.spawn(cols, rows, args);
    let zh = args.windows(2).any(|w| w == ["--lang", "zh"]);
    t.wait_for(if zh { DATE_ZH } else { DATE_EN }, WAIT);
    t
}

fn quit(mut t: Term) {
    t.send("q");
    let status = t.wait_exit(WAIT);
    assert!(status.success(), "exit status {status:?}");
}

/// The inbox notes' texts as they are on disk.
fn inbox_texts(home: &Home) -> Vec<String> {
    let state = home.state();
    state["inbox"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|n| n["text"].as_str().or_else(|| n.as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_15000_byte_burst_of_typing_is_taken_whole_within_a_second() {
    let home = Home::new();
    let t = open(&home, 120, 40, &[]);
    t.send("n");
    t.wait_for("Note → Inbox", WAIT);
    // Keystrokes, not a bracketed paste: what a terminal without it, a
    // multiplexer's send-keys or a long input-method commit delivers.
    let text: String = "谈话记录abc123，"
        .chars()
        .cycle()
        .take(10_000)
        .collect::<String>();
    let mut bytes = text.clone().into_bytes();
    bytes.truncate(15_000);
    let text = String::from_utf8_lossy(&bytes)
        .trim_end_matches('\u{fffd}')
        .to_string();
    let mut burst = text.clone().into_bytes();
    assert!(burst.len() >= 14_990, "{} bytes", burst.len());
    burst.extend_from_slice(b"\r");
    let start = Instant::now();
    let _writing = t.send_bytes_behind(burst);
    let mut seen = Vec::new();
    while start.elapsed() < Duration::from_secs(1) {
        if home.data_dir().join("state.json").exists() {
            seen = inbox_texts(&home);
            if !seen.is_empty() {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(seen.len(), 1, "one note saved within a second: {seen:?}");
    assert_eq!(seen[0], text, "every byte kept, in order, before the Enter");
    t.send_key(Key::Esc);
    t.wait_gone("Note → ", WAIT);
    quit(t);
}

#[test]
fn esc_in_the_note_box_keeps_the_unsaved_line_for_the_next_n() {
    let home = Home::new();
    let t = open(&home, 80, 24, &["--lang", "zh"]);
    t.send("n");
    t.wait_for("记录 → 收件箱", WAIT);
    t.send("最后一行没按回车");
    t.wait_for("最后一行没按回车", WAIT);
    t.send_key(Key::Esc);
    t.wait_gone("记录 → ", WAIT);
    t.wait_for("未保存的内容已保留", WAIT);
    t.send("n");
    t.wait_for("记录 → 收件箱", WAIT);
    t.wait_for("最后一行没按回车", WAIT);
    t.send_key(Key::Enter);
    t.wait_for("已存 1 条", WAIT);
    assert_eq!(inbox_texts(&home), ["最后一行没按回车"]);
    t.send_key(Key::Esc);
    t.wait_gone("记录 → ", WAIT);
    quit(t);
}

//! End-to-end: the inbox worked through in the real dashboard, in Chinese
//! at 80×24: a note edited (the log keeps what it said), filed to an item
//! picked by words, and made into an item of another pane.

#[path = "support/pty.rs"]
mod pty;

use pty::{Home, Key, WAIT};

#[test]
fn the_inbox_edits_files_and_makes_items_of_its_notes_in_the_dashboard() {
    let home = Home::new();
    home.cli_ok(&[
        "add",
        "document",
        "近三年财务收支明细账",
        "--from",
        "财务部",
    ]);
    for note in ["核对凭证共12册", "周四前汇总底稿进度", "车辆采购合同"] {
        home.cli_ok(&["note", note]);
    }
    let mut t = home.spawn(80, 24, &["--lang", "zh"]);
    t.wait_for("周三 2026-11-25", WAIT);
    t.send("i");
    t.wait_for("收件箱 (3)", WAIT);
    // The newest note is selected: Enter puts its text in a prompt.
    t.send_key(Key::Enter);
    t.wait_for("修改记录（收件箱）", WAIT);
    t.send("及审批单");
    t.send_key(Key::Enter);
    t.wait_for("收件箱记录已修改", WAIT);
    let log = home.cli_ok(&["log"]);
    assert!(
        log.contains("车辆采购合同\"") && log.contains("车辆采购合同及审批单"),
        "{log}"
    );
    // `f` files the next note to the document found by its unit's pinyin.
    t.send("j");
    t.send("j");
    t.send("f");
    t.wait_for("归入事项（", WAIT);
    t.send("caiwu");
    t.wait_for("→ D1", WAIT);
    t.send_key(Key::Enter);
    t.wait_for("记录已归入 D1", WAIT);
    // `a` makes the one now selected (the middle one) a substitute task
    // through the add form.
    t.send("a");
    t.wait_for("4  候补任务", WAIT);
    t.send("4");
    t.wait_for("新增 · 候补任务", WAIT);
    t.send_key(Key::Enter);
    t.wait_for("收件箱 (1)", WAIT);
    t.send("q");
    assert!(t.wait_exit(WAIT).success());
    let state = home.state();
    let items = state["items"].as_array().unwrap();
    let notes = |id: &str| -> Vec<String> {
        let item = items.iter().find(|i| i["id"] == id).unwrap();
        let notes = item["notes"].as_array().unwrap();
        notes
            .iter()
            .map(|n| n["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(notes("D1"), ["核对凭证共12册"]);
    let s1 = items.iter().find(|i| i["id"] == "S1").expect("S1 made");
    assert_eq!(s1["title"], "周四前汇总底稿进度");
    assert_eq!(notes("S1"), ["周四前汇总底稿进度"]);
    let inbox = state["inbox"].as_array().unwrap();
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0]["text"], "车辆采购合同及审批单");
}

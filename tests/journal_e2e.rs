//! End-to-end: undo in a dashboard running in a pseudo-terminal while the
//! command line writes to the same item. The undo reverts only what the
//! dashboard itself set; a note, a done or a custody step made from the
//! shell stays, and undoing a custody step marks it void instead of
//! removing it.

#[path = "support/pty.rs"]
mod pty;

use std::time::Instant;

use pty::{Home, Key, Term, WAIT};
use serde_json::Value;

/// The item `id` as `list --json --all` shows it.
fn item(home: &Home, id: &str) -> Value {
    let text = home.cli_ok(&["list", "--json", "--all"]);
    let list: Vec<Value> = serde_json::from_str(&text).unwrap();
    list.into_iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("{id} is gone:\n{text}"))
}

/// Polls the data (not the screen) until `done` holds for item `id`: a
/// dashboard's save lands a moment after its key.
fn wait_item(home: &Home, id: &str, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        let it = item(home, id);
        if done(&it) {
            return it;
        }
        assert!(
            started.elapsed() < WAIT,
            "waited for {what}; {id} is {it:#}"
        );
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
}

/// Waits for `label` in the prompt, then types `text` (if any) and Enter.
fn answer(t: &Term, label: &str, text: &str) {
    t.wait_for(label, WAIT);
    if !text.is_empty() {
        t.send(text);
        t.wait_for(text, WAIT);
    }
    t.send_key(Key::Enter);
}

/// Adds `suffix` to the selected item's title in the dashboard's edit form.
fn edit_title(home: &Home, t: &Term, id: &str, title: &str, suffix: &str) {
    t.send("e");
    t.wait_for(&format!("Edit {id}"), WAIT);
    t.send(suffix);
    t.wait_for(&format!("{title}{suffix}"), WAIT);
    t.send_key(Key::Enter);
    t.wait_gone(&format!("Edit {id}"), WAIT);
    let want = format!("{title}{suffix}");
    wait_item(home, id, "the dashboard's edit", |i| {
        i["title"] == want.as_str()
    });
}

fn notes(it: &Value) -> Vec<String> {
    it["notes"]
        .as_array()
        .map(|n| {
            n.iter()
                .map(|n| n["text"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn undo_in_the_dashboard_keeps_a_note_and_a_done_made_from_the_shell() {
    let home = Home::new();
    let id = home.cli_ok(&["add", "logistics", "Book the vans"]);
    let id = id.trim();
    let mut t = home.spawn(120, 40, &["--lang", "en"]);
    t.wait_for("Book the vans", WAIT);
    edit_title(&home, &t, id, "Book the vans", " x2");

    home.cli_ok(&["note", "车队回复：周四两辆车", "--to", id]);
    home.cli_ok(&["done", id]);
    t.wait_for("updated from another liaison process", WAIT);

    t.send("u");
    let it = wait_item(&home, id, "the undo", |i| i["title"] == "Book the vans");
    assert_eq!(it["status"], "done", "the shell's done is kept: {it:#}");
    assert_eq!(
        notes(&it),
        ["车队回复：周四两辆车"],
        "the shell's note is kept"
    );
    let verify = home.cli_ok(&["verify"]);
    assert!(!verify.trim().is_empty(), "verify prints the head");
    t.send("q");
    t.wait_exit(WAIT);
}

#[test]
fn undo_in_the_dashboard_keeps_a_custody_step_made_from_the_shell() {
    let home = Home::new();
    let d = home.cli_ok(&["add", "document", "Ledgers", "--rule", "archive"]);
    let d = d.trim();
    let mut t = home.spawn(120, 40, &["--lang", "en"]);
    t.wait_for("Documents", WAIT);
    t.send("2");
    t.wait_for("Ledgers", WAIT);
    edit_title(&home, &t, d, "Ledgers", " 2025");

    home.cli_ok(&["custody", d, "receive"]);
    home.cli_ok(&["custody", d, "lend", "--person", "赵六"]);
    t.wait_for("updated from another liaison process", WAIT);

    t.send("u");
    let it = wait_item(&home, d, "the undo", |i| i["title"] == "Ledgers");
    let log = it["custody"].as_array().cloned().unwrap_or_default();
    assert_eq!(log.len(), 2, "both steps from the shell stay: {it:#}");
    assert_eq!(log[1]["person"], "赵六");
    assert!(
        log.iter().all(|e| e["void"].is_null()),
        "nothing the shell did is voided: {it:#}"
    );
    assert_eq!(it["holder"], "赵六", "the loan still counts: {it:#}");
    home.cli_ok(&["verify"]);
    t.send("q");
    t.wait_exit(WAIT);
}

#[test]
fn undo_of_the_dashboards_custody_step_leaves_it_void_and_redo_records_it_again() {
    let home = Home::new();
    let d = home.cli_ok(&["add", "document", "Ledgers", "--rule", "archive"]);
    let d = d.trim();
    let mut t = home.spawn(120, 40, &["--lang", "en"]);
    t.wait_for("Documents", WAIT);
    t.send("2");
    t.send("x");
    t.wait_for("· receive", WAIT);
    answer(&t, "handed over by (optional)", "Finance clerk");
    t.wait_for("receive recorded", WAIT);
    wait_item(&home, d, "the receive", |i| {
        i["custody"].as_array().is_some_and(|l| l.len() == 1)
    });

    t.send("u");
    let it = wait_item(&home, d, "the undo", |i| !i["custody"][0]["void"].is_null());
    let log = it["custody"].as_array().unwrap();
    assert_eq!(log.len(), 1, "the step stays in the log: {it:#}");
    assert_eq!(log[0]["person"], "Finance clerk");
    assert!(
        log[0]["void"]["at"].is_string() && log[0]["void"]["by"].is_string(),
        "the void says when and by whom: {it:#}"
    );

    t.send_key(Key::Ctrl('r'));
    let it = wait_item(&home, d, "the redo", |i| {
        i["custody"].as_array().is_some_and(|l| l.len() == 2)
    });
    let log = it["custody"].as_array().unwrap();
    assert!(!log[0]["void"].is_null(), "the voided one stays void");
    assert!(log[1]["void"].is_null(), "redo records the step anew");
    assert_eq!(log[1]["person"], "Finance clerk");
    home.cli_ok(&["verify"]);
    t.send("q");
    t.wait_exit(WAIT);
}

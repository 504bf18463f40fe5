//! The team in the real dashboard, in a pseudo-terminal: attendees and a
//! borrower picked from the roster with Tab.

#[path = "support/pty.rs"]
mod pty;

use pty::{Home, Key, WAIT};

fn team(home: &Home) {
    for (name, role) in [("王组长", "leader"), ("张三", "member"), ("李四", "member")] {
        home.cli_ok(&["member", "add", name, "--role", role]);
    }
}

#[test]
fn attendees_are_picked_from_the_roster_with_tab_in_the_dashboard() {
    let home = Home::new();
    team(&home);
    let mut t = home.spawn(120, 40, &["--lang", "zh"]);
    t.wait_for("周三 2026-11-25", WAIT);
    t.send("3");
    t.send("a");
    t.wait_for("新增 · ", WAIT);
    t.send("听取汇报");
    // Title, type, start, end, place: the attendees are the sixth field.
    for _ in 0..5 {
        t.send_key(Key::Tab);
    }
    t.send("王");
    t.wait_for("可选：王组长", WAIT);
    t.send_key(Key::Tab);
    t.send("、被巡察单位班子、李");
    t.wait_for("可选：李四", WAIT);
    t.send_key(Key::Tab);
    t.wait_for("王组长、被巡察单位班子、李四", WAIT);
    t.send_key(Key::Enter);
    t.wait_gone("新增 · ", WAIT);
    t.send("q");
    assert!(t.wait_exit(WAIT).success());
    let list = home.list_json();
    let m = list
        .iter()
        .find(|i| i["title"] == "听取汇报")
        .expect("saved");
    assert_eq!(
        m["attendees"],
        serde_json::json!(["王组长", "被巡察单位班子", "李四"])
    );
}

#[test]
fn the_borrower_is_picked_from_the_roster_in_the_custody_box() {
    let home = Home::new();
    team(&home);
    let d = home.cli_ok(&["add", "document", "会计凭证"]);
    let d = d.trim();
    home.cli_ok(&["custody", d, "receive"]);
    let mut t = home.spawn(120, 40, &["--lang", "zh"]);
    t.wait_for("会计凭证", WAIT);
    t.send("2");
    t.send("x");
    t.send("1");
    t.send("张");
    t.wait_for("可选：张三", WAIT);
    t.send_key(Key::Tab);
    t.send_key(Key::Enter);
    t.wait_gone("可选：张三", WAIT);
    t.send("q");
    assert!(t.wait_exit(WAIT).success());
    let list = home.list_json();
    let doc = list.iter().find(|i| i["id"] == d).unwrap();
    assert_eq!(doc["holder"], "张三", "{doc}");
}

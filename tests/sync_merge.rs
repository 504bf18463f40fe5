//! Two or three data directories (laptops) working through the real binary,
//! their operations exchanged through the store's engine (as `sync` does
//! over git): the same `list --json`, nothing lost, the conflicting custody
//! step marked and shown in `show`, `verify` and `clearance`.

#[path = "support/bin.rs"]
mod bin;
use bin::data_dir;
use std::path::Path;
use std::process::Output;

use liaison::store::Store;

fn run_at(data: &Path, now: &str, args: &[&str]) -> Output {
    bin::liaison(data, now).args(args).output().unwrap()
}

fn ok(data: &Path, now: &str, args: &[&str]) -> String {
    let out = run_at(data, now, args);
    assert!(
        out.status.success(),
        "liaison {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn join(data: &Path, block: u32, founder: bool) {
    Store::open(data)
        .unwrap()
        .join_team(block, founder)
        .unwrap();
}

/// Gives `to` everything `from` holds (its own operations and the others').
fn send(from: &Path, to: &Path) {
    let (from, to) = (Store::open(from).unwrap(), Store::open(to).unwrap());
    let me = to.replica_id().unwrap();
    let mut ops = from.own_ops_after(0).unwrap();
    ops.extend(from.foreign_ops().unwrap());
    ops.retain(|o| o.replica != me);
    let now = chrono::DateTime::parse_from_rfc3339(bin::NOW).unwrap();
    to.take_in(ops, now).unwrap();
}

fn list(data: &Path) -> String {
    ok(
        data,
        bin::NOW,
        &["list", "--json", "--all", "--include-confidential"],
    )
}

#[test]
fn two_laptops_working_offline_see_the_same_register_with_the_conflict_marked() {
    let (_ra, a) = data_dir();
    let (_rb, b) = data_dir();
    let t0 = "2026-11-25T09:00:00+08:00";
    ok(
        &a,
        t0,
        &[
            "add",
            "document",
            "近三年财务收支明细账",
            "--from",
            "财务部",
            "--rule",
            "return",
        ],
    );
    ok(
        &a,
        t0,
        &[
            "add",
            "document",
            "信访举报件复印件",
            "--from",
            "纪委办公室",
            "--rule",
            "shred",
        ],
    );
    ok(&a, t0, &["custody", "D1", "receive"]);
    ok(&a, t0, &["custody", "D2", "receive"]);
    join(&a, 0, true);
    join(&b, 1, false);
    send(&a, &b);
    assert_eq!(list(&a), list(&b));
    // A day offline on both.
    let t1 = "2026-11-25T10:00:00+08:00";
    let t2 = "2026-11-25T11:00:00+08:00";
    ok(&a, t1, &["custody", "D1", "lend", "--person", "张三"]);
    ok(
        &a,
        t1,
        &[
            "custody",
            "D2",
            "shred",
            "--witness",
            "李四",
            "--approved-by",
            "组长",
        ],
    );
    ok(&b, t2, &["note", "副组长：该账册需重点核查", "--to", "D1"]);
    let added = ok(
        &b,
        t2,
        &["add", "meeting", "听取汇报", "--start", "2030-01-02 09:30"],
    );
    assert!(added.contains("M1001"), "{added}");
    ok(&b, t2, &["custody", "D2", "lend", "--person", "赵六"]);
    // Through the drive in either order.
    send(&b, &a);
    send(&a, &b);
    let (la, lb) = (list(&a), list(&b));
    assert_eq!(la, lb, "the two laptops differ");
    for t in ["副组长：该账册需重点核查", "听取汇报", "张三", "赵六"] {
        assert!(la.contains(t), "{t} was lost");
    }
    let items: serde_json::Value = serde_json::from_str(&la).unwrap();
    let d2 = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "D2")
        .unwrap();
    let log = d2["custody"].as_array().unwrap();
    let marked: Vec<&serde_json::Value> = log.iter().filter(|e| !e["conflict"].is_null()).collect();
    assert_eq!(marked.len(), 1, "{d2}");
    assert_eq!(marked[0]["person"], "赵六");
    assert_eq!(marked[0]["action"], "lend");
    // Shown where the liaison looks, and verify still passes.
    let show = ok(&a, bin::NOW, &["show", "D2"]);
    assert!(show.contains("conflict"), "{show}");
    let out = run_at(&a, bin::NOW, &["verify"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("D2") && said.contains("conflict"), "{said}");
    let clearance = ok(&a, bin::NOW, &["clearance"]);
    assert!(clearance.contains("D2"), "{clearance}");
    // The liaison resolves it on one laptop: gone on both, kept in the log.
    ok(&a, bin::NOW, &["resolve", "D2"]);
    assert!(!run_at(&a, bin::NOW, &["resolve", "D2"]).status.success());
    send(&a, &b);
    assert_eq!(list(&a), list(&b));
    let out = run_at(&b, bin::NOW, &["verify"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("conflict"));
    assert!(!ok(&b, bin::NOW, &["clearance"]).contains("D2"));
    assert!(
        list(&b).contains("赵六"),
        "the voided loan stays in the log"
    );
    // `log` shows the step from the other laptop too.
    let log = ok(&a, bin::NOW, &["log", "D2"]);
    assert_eq!(
        log.lines().filter(|l| l.contains("custody")).count(),
        4,
        "{log}"
    );
}

#[test]
fn both_edits_of_one_field_stay_in_the_log_and_the_later_wins() {
    let (_ra, a) = data_dir();
    let (_rb, b) = data_dir();
    ok(
        &a,
        "2026-11-25T09:00:00+08:00",
        &["add", "logistics", "订车"],
    );
    join(&a, 0, true);
    join(&b, 1, false);
    send(&a, &b);
    ok(
        &b,
        "2026-11-25T09:30:00+08:00",
        &["edit", "L1", "--title", "订车：周四8:30"],
    );
    ok(
        &a,
        "2026-11-25T09:10:00+08:00",
        &["edit", "L1", "--title", "订车：周三"],
    );
    send(&a, &b);
    send(&b, &a);
    assert_eq!(list(&a), list(&b));
    assert!(list(&a).contains("订车：周四8:30"));
    let log = ok(&a, bin::NOW, &["log", "L1"]);
    assert!(
        log.contains("订车：周三") && log.contains("订车：周四8:30"),
        "{log}"
    );
}

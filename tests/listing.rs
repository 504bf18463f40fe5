//! `list --json` through the quick listing prints what the full read
//! prints, whatever was done since the snapshot and whatever was done to
//! the index beside it.

#[path = "support/bin.rs"]
mod bin;

use std::fs;
use std::path::Path;

fn ok(data: &Path, args: &[&str]) -> Vec<u8> {
    let out = bin::liaison(data, bin::NOW).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The outputs of `list --json` with `extra`, then again once the index's
/// change time no longer matches what the lock recorded (the full read).
fn both_ways(data: &Path, extra: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let args = [&["list", "--json"][..], extra].concat();
    let quick = ok(data, &args);
    let index = data.join("state.index");
    let saved = fs::read(&index).unwrap();
    // Written again as it was: only its change time differs.
    fs::write(&index, &saved).unwrap();
    let full = ok(data, &args);
    (quick, full)
}

/// `liaison demo --items n`, folded into a snapshot (a small demo is all
/// journal).
fn demo(data: &Path, n: usize) {
    ok(data, &["demo", "--items", &n.to_string()]);
    let now = chrono::DateTime::parse_from_rfc3339(bin::NOW).unwrap();
    liaison::store::Store::open(data)
        .unwrap()
        .compact_now(now)
        .unwrap();
}

fn listed(out: &[u8]) -> Vec<serde_json::Value> {
    serde_json::from_slice(out).unwrap()
}

#[test]
fn after_changes_from_the_command_line_the_listing_is_the_full_read() {
    let (_root, data) = bin::data_dir();
    demo(&data, 400);
    let state: serde_json::Value =
        serde_json::from_slice(&fs::read(data.join("state.json")).unwrap()).unwrap();
    let ids: Vec<&str> = state["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"L3") && ids.contains(&"D10") && ids.contains(&"M7"));
    ok(&data, &["note", "车队回复：周四两辆车", "--to", "L3"]);
    ok(&data, &["done", "S2", "--handback", "已交回"]);
    ok(&data, &["done", "L2"]);
    let rows = listed(&ok(&data, &["list", "--json"]));
    let free = rows
        .iter()
        .find(|r| r["kind"] == "document" && r["status"] != "done" && r["holder"].is_null())
        .unwrap();
    let lent = free["id"].as_str().unwrap().to_string();
    ok(&data, &["custody", &lent, "lend", "--person", "赵六"]);
    ok(
        &data,
        &[
            "add",
            "meeting",
            "谈话",
            "--start",
            "2026-11-25 09:00",
            "--place",
            "驻地会议室",
        ],
    );
    ok(&data, &["delete", "L5", "--yes"]);
    let added = ok(&data, &["add", "document", "干部档案", "--class", "secret"]);
    let secret = String::from_utf8(added).unwrap();
    let secret = secret
        .split_whitespace()
        .find(|w| w.starts_with('D'))
        .unwrap();
    ok(&data, &["note", "密封袋编号A-07", "--to", secret]);
    for extra in [&[][..], &["--include-confidential"], &["--kind", "meeting"]] {
        let (quick, full) = both_ways(&data, extra);
        assert_eq!(quick, full, "{extra:?}");
    }
    let withheld = bin::liaison(&data, bin::NOW)
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&withheld.stderr).is_empty(),
        "the secret note is withheld"
    );
    let rows = listed(&ok(&data, &["list", "--json"]));
    let lent = rows.iter().find(|r| r["id"] == lent.as_str()).unwrap();
    assert_eq!(lent["holder"], "赵六");
    assert!(rows.iter().all(|r| r["id"] != "L5"));
}

#[test]
fn an_index_edited_by_hand_changes_nothing_listed() {
    let (_root, data) = bin::data_dir();
    demo(&data, 200);
    let truth = ok(&data, &["list", "--json"]);
    assert!(String::from_utf8_lossy(&truth).contains("\"holder\":\"组员甲\""));
    let index = data.join("state.index");
    let text = fs::read_to_string(&index).unwrap();
    assert!(text.contains("组员甲"));
    fs::write(
        &index,
        text.replace("组员甲", "组员乙").replace(" open ", " done "),
    )
    .unwrap();
    assert_eq!(ok(&data, &["list", "--json"]), truth);
    fs::write(&index, "not an index").unwrap();
    assert_eq!(ok(&data, &["list", "--json"]), truth);
    fs::remove_file(&index).unwrap();
    assert_eq!(ok(&data, &["list", "--json"]), truth);
}

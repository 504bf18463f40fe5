//! Substitute assignments through the real binary: requested → accepted →
//! handed back, and every refusal on the way.

#[path = "support/bin.rs"]
mod bin;
use bin::{NOW, data_dir};
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn liaison(data: &Path) -> Command {
    bin::liaison(data, NOW)
}

fn run(data: &Path, args: &[&str]) -> Output {
    liaison(data).args(args).output().unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "liaison {args:?} failed: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must be refused: non-zero, nothing on stdout, one
/// line on stderr, the state file byte for byte as before. Returns the line.
fn refused(data: &Path, args: &[&str]) -> String {
    let state = data.join("state.json");
    let before = fs::read(&state).unwrap();
    let out = run(data, args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success(), "liaison {args:?} succeeded: {err}");
    assert!(out.stdout.is_empty(), "liaison {args:?} printed on stdout");
    assert_eq!(err.lines().count(), 1, "liaison {args:?} said {err:?}");
    assert!(err.starts_with("liaison: "), "{err:?}");
    assert_eq!(
        fs::read(&state).unwrap(),
        before,
        "liaison {args:?} changed the state"
    );
    err
}

fn row(data: &Path, id: &str) -> Value {
    let list: Value = serde_json::from_str(&ok(data, &["list", "--json"])).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
        .unwrap()
}

#[test]
fn an_assignment_is_accepted_then_handed_back_with_a_note() {
    let (_root, data) = data_dir();
    let args = [
        "add",
        "substitute",
        "替谈话组做记录（下午两场个别谈话）",
        "--for",
        "谈话组",
        "--start",
        "2026-11-25 14:00",
        "--end",
        "2026-11-25 17:00",
    ];
    assert_eq!(ok(&data, &args), "S1\n");
    let s1 = row(&data, "S1");
    assert_eq!(
        (&s1["status"], &s1["for"]),
        (&Value::from("open"), &Value::from("谈话组"))
    );
    assert_eq!(s1["handback"], Value::Null);
    assert!(ok(&data, &["list"]).contains("requested"));

    assert_eq!(ok(&data, &["accept", "s1"]), "S1\n");
    assert_eq!(row(&data, "S1")["status"], "in-progress");
    assert!(ok(&data, &["list"]).contains("accepted"));

    let note = "两场谈话均已记录并交谈话组；第二场录音待核对";
    assert_eq!(ok(&data, &["done", "S1", "--handback", note]), "S1\n");
    let s1 = row(&data, "S1");
    assert_eq!(s1["status"], "done");
    assert_eq!(s1["handback"], note);
    // Documents and other kinds carry no hand-back key.
    ok(&data, &["add", "logistics", "订房"]);
    assert!(row(&data, "L1").get("handback").is_none());
}

#[test]
fn a_hand_back_note_can_come_from_stdin() {
    let (_root, data) = data_dir();
    ok(
        &data,
        &[
            "add",
            "substitute",
            "起草专项检查报告初稿",
            "--for",
            "综合组",
        ],
    );
    let mut child = liaison(&data)
        .args(["done", "S1", "--handback", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let text = "初稿已完成。\n附件清单未核对。\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        row(&data, "S1")["handback"],
        "初稿已完成。\n附件清单未核对。"
    );
}

#[test]
fn every_wrong_transition_is_refused_with_one_line_and_changes_nothing() {
    let (_root, data) = data_dir();
    ok(
        &data,
        &[
            "add",
            "substitute",
            "协助资料组核对会计凭证",
            "--for",
            "资料组",
        ],
    );
    ok(&data, &["add", "logistics", "订房"]);
    ok(&data, &["add", "document", "会议记录"]);

    let line = refused(&data, &["done", "S1"]);
    assert!(line.contains("S1") && line.contains("--handback"), "{line}");
    let line = refused(&data, &["--lang", "zh", "done", "S1"]);
    assert!(line.contains("交接说明"), "{line}");
    let line = refused(&data, &["done", "S1", "--handback", "  "]);
    assert!(line.contains("empty"), "{line}");
    for args in [
        &["accept", "L1"][..],
        &["done", "D1", "--handback", "已看完"],
    ] {
        let line = refused(&data, args);
        assert!(line.contains("only substitute assignments"), "{line}");
    }
    refused(&data, &["accept", "S9"]);

    ok(&data, &["accept", "S1"]);
    let line = refused(&data, &["accept", "S1"]);
    assert!(line.contains("already been accepted"), "{line}");
    let line = refused(&data, &["done", "S1"]);
    assert!(line.contains("--handback"), "{line}");

    ok(&data, &["done", "S1", "--handback", "已核对完毕"]);
    for args in [
        &["accept", "S1"][..],
        &["done", "S1", "--handback", "再交一次"],
    ] {
        let line = refused(&data, args);
        assert!(line.contains("already closed"), "{line}");
    }
    let line = refused(&data, &["--lang", "zh", "accept", "S1"]);
    assert!(line.contains("已办结"), "{line}");
    // Other kinds are marked done as before.
    assert_eq!(ok(&data, &["done", "L1"]), "L1\n");
}

#[test]
fn an_old_state_file_without_hand_back_notes_still_loads() {
    let (_root, data) = data_dir();
    fs::create_dir_all(&data).unwrap();
    let old = r#"{"version":1,"counters":{"substitute":1},"items":[
        {"id":"S1","kind":"substitute","title":"随调研组下沉调研","status":"done",
         "created":"2026-11-20T09:00:00+08:00","updated":"2026-11-21T09:00:00+08:00","for":"调研组"}],
        "inbox":[]}"#;
    fs::write(data.join("state.json"), old).unwrap();
    let s1 = row(&data, "S1");
    assert_eq!(
        (&s1["status"], &s1["handback"]),
        (&Value::from("done"), &Value::Null)
    );
    // Marking an already closed one done again asks for nothing.
    assert_eq!(ok(&data, &["done", "S1"]), "S1\n");
}

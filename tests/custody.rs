//! The custody register end to end, through the real binary.

#[path = "support/bin.rs"]
mod bin;
use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

use bin::NOW;

/// A data directory and the binary run against it.
struct Data {
    dir: tempfile::TempDir,
}

impl Data {
    fn new() -> Data {
        Data {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }

    fn run_at(&self, now: &str, args: &[&str]) -> Output {
        bin::liaison(self.dir.path(), now)
            .args(args)
            .output()
            .expect("the binary runs")
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_at(NOW, args)
    }

    /// Runs a command that must succeed quietly about the chain; its stdout.
    fn ok_at(&self, now: &str, args: &[&str]) -> String {
        let out = self.run_at(now, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?} failed: {err}");
        assert!(!err.contains("warning"), "{args:?} warned: {err}");
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .trim()
            .to_string()
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_at(NOW, args)
    }

    fn state_path(&self) -> PathBuf {
        self.dir.path().join("state.json")
    }

    fn state(&self) -> Vec<u8> {
        std::fs::read(self.state_path()).expect("state.json")
    }

    /// The object of `list --json` for `id`.
    fn row(&self, id: &str) -> Value {
        let list: Value = serde_json::from_str(&self.ok(&["list", "--json"])).expect("json");
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .expect("the row")
    }

    /// The whole state, as `export` writes it.
    fn exported(&self) -> Value {
        serde_json::from_str(&self.ok(&["export", "--format", "json"])).unwrap()
    }

    /// Makes the data directory an old one (a version-1 `state.json`, no
    /// journal) holding `v`: what a hand edit of such a file leaves.
    fn write_v1(&self, mut v: Value) {
        v["version"] = 1.into();
        std::fs::write(self.state_path(), serde_json::to_vec_pretty(&v).unwrap()).unwrap();
        std::fs::remove_file(self.dir.path().join("journal.jsonl")).unwrap();
        std::fs::remove_file(self.dir.path().join("lock")).unwrap();
    }

    /// Edits the register by hand, in an old data directory (a hand edit of
    /// the journal itself is caught before any custody log is read).
    fn edit_state(&self, edit: impl FnOnce(&mut Value)) {
        let mut v = self.exported();
        edit(&mut v);
        self.write_v1(v);
    }
}

fn actions(row: &Value) -> Vec<String> {
    row["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_return_after_reading_document_goes_round_and_back_to_the_unit() {
    let d = Data::new();
    let id = d.ok(&[
        "add",
        "document",
        "近三年财务收支明细账及凭证",
        "--from",
        "财务部",
        "--due",
        "2026-11-24",
    ]);
    assert_eq!(id, "D1");
    let row = d.row("D1");
    assert_eq!(
        (row["custody"].clone(), row["holder"].clone()),
        (Value::Array(vec![]), Value::Null)
    );
    assert_eq!(
        d.ok(&[
            "custody",
            "D1",
            "receive",
            "--person",
            "财务部经办人",
            "--note",
            "共12册"
        ]),
        "D1"
    );
    assert_eq!(d.row("D1")["status"], "in-progress");
    d.ok(&["custody", "d1", "lend", "--person", "组员甲"]);
    assert_eq!(d.row("D1")["holder"], "组员甲");
    d.ok(&["custody", "D1", "back"]);
    assert_eq!(d.row("D1")["holder"], Value::Null);
    d.ok(&["custody", "D1", "return", "--person", "财务部经办人"]);
    let row = d.row("D1");
    assert_eq!(actions(&row), ["receive", "lend", "back", "return"]);
    assert_eq!(row["status"], "done");
    assert_eq!(row["custody"][0]["note"], "共12册");
    assert_eq!(
        row["custody"][2]["person"], "组员甲",
        "back names the borrower"
    );
    assert_eq!(row["custody"][3]["at"], NOW);
    let events = row["custody"].as_array().unwrap();
    assert_eq!(events[0].get("prev"), None);
    for pair in events.windows(2) {
        assert_eq!(pair[1]["prev"], pair[0]["hash"]);
        assert_eq!(pair[1]["hash"].as_str().unwrap().len(), 64);
    }
}

#[test]
fn a_shred_after_reading_document_is_shredded_before_a_witness() {
    let d = Data::new();
    d.ok(&[
        "add",
        "document",
        "信访举报件复印件",
        "--rule",
        "shred",
        "--class",
        "confidential",
    ]);
    d.ok(&["custody", "D1", "receive"]);
    d.ok(&["custody", "D1", "lend", "--person", "组长"]);
    d.ok(&["custody", "D1", "back", "--person", "副组长"]);
    d.ok(&[
        "custody",
        "D1",
        "shred",
        "--approved-by",
        "组长",
        "--witness",
        "副组长",
        "--note",
        "碎纸机现场销毁",
    ]);
    let row = d.row("D1");
    assert_eq!(actions(&row), ["receive", "lend", "back", "shred"]);
    assert_eq!(row["custody"][2]["person"], "副组长");
    assert_eq!(row["custody"][3]["witness"], "副组长");
    assert_eq!(row["custody"][3]["approved_by"], "组长");
    assert_eq!(row["status"], "done");
}

#[test]
fn an_archive_after_reading_document_is_filed_with_its_location() {
    let d = Data::new();
    d.ok(&[
        "add",
        "document",
        "2023—2025年党委会会议记录",
        "--rule",
        "archive",
    ]);
    d.ok(&["custody", "D1", "receive"]);
    d.ok(&["custody", "D1", "archive", "--location", "驻地档案柜A"]);
    let row = d.row("D1");
    assert_eq!(actions(&row), ["receive", "archive"]);
    assert_eq!(
        (row["custody"][1]["location"].clone(), row["status"].clone()),
        ("驻地档案柜A".into(), "done".into())
    );
}

#[test]
fn a_closing_step_against_the_rule_needs_and_records_a_reason() {
    let d = Data::new();
    d.ok(&["add", "document", "工程项目招投标资料", "--rule", "return"]);
    d.ok(&["custody", "D1", "receive"]);
    d.ok(&[
        "custody",
        "D1",
        "shred",
        "--approved-by",
        "组长",
        "--witness",
        "副组长",
        "--override",
        "提供单位书面同意销毁",
    ]);
    let row = d.row("D1");
    assert_eq!(row["custody"][1]["reason"], "提供单位书面同意销毁");
    assert_eq!(row["status"], "done");
}

/// A store with a document at every stage, for the refusals.
fn stages() -> Data {
    let d = Data::new();
    d.ok(&["add", "document", "未接收", "--rule", "return"]); // D1 requested
    d.ok(&["add", "document", "已借出", "--rule", "return"]); // D2 lent to 组员甲
    d.ok(&["custody", "D2", "receive"]);
    d.ok(&["custody", "D2", "lend", "--person", "组员甲"]);
    d.ok(&["add", "document", "待销毁", "--rule", "shred"]); // D3 held
    d.ok(&["custody", "D3", "receive"]);
    d.ok(&["add", "document", "待存档", "--rule", "archive"]); // D4 held
    d.ok(&["custody", "D4", "receive"]);
    d.ok(&["add", "document", "已退还", "--rule", "return"]); // D5 closed
    d.ok(&["custody", "D5", "receive"]);
    d.ok(&["custody", "D5", "return"]);
    d.ok(&["add", "logistics", "领取办公用品"]); // L1
    d
}

#[test]
fn every_refusal_exits_non_zero_with_one_line_and_changes_nothing() {
    let d = stages();
    let cases: &[(&[&str], &str)] = &[
        (
            &["custody", "D1", "lend", "--person", "组员甲"],
            "cannot record 'lend' for D1: it has not been received yet",
        ),
        (
            &["custody", "D1", "return"],
            "cannot record 'return to the unit' for D1: it has not been received yet",
        ),
        (&["custody", "D1", "back"], "D1 is not lent out"),
        (
            &["custody", "D2", "return"],
            "cannot record 'return to the unit' for D2: it is lent to 组员甲; take it back first",
        ),
        (
            &["custody", "D2", "lend", "--person", "组员乙"],
            "D2 is lent to 组员甲",
        ),
        (
            &["custody", "D2", "receive"],
            "D2 has already been received",
        ),
        (
            &["custody", "D3", "shred"],
            "shredding D3 needs who approved it",
        ),
        (
            &["custody", "D3", "shred", "--witness", "副组长"],
            "shredding D3 needs who approved it",
        ),
        (
            &[
                "custody",
                "D3",
                "shred",
                "--approved-by",
                "组长",
                "--witness",
                "  ",
            ],
            "shredding D3 needs a witness",
        ),
        (
            &[
                "--lang",
                "zh",
                "custody",
                "D3",
                "shred",
                "--witness",
                "副组长",
            ],
            "销毁D3须登记审批人",
        ),
        (
            &["--lang", "zh", "custody", "D3", "lend"],
            "借出D3须登记借阅人",
        ),
        (
            &["--lang", "zh", "custody", "D4", "archive"],
            "存档D4须登记存放位置",
        ),
        (
            &[
                "custody",
                "D3",
                "lend",
                "--person",
                "组员乙",
                "--until",
                "2020-01-01 09:00",
            ],
            "D3: the due-back time must be later than now",
        ),
        (
            &[
                "--lang",
                "zh",
                "custody",
                "D3",
                "lend",
                "--person",
                "组员乙",
                "--until",
                "2020-01-01 09:00",
            ],
            "D3：应还时间须晚于当前时间",
        ),
        (
            &["custody", "D3", "receive", "--until", "2030-01-01 09:00"],
            "D3 has already been received",
        ),
        (
            &["custody", "D4", "archive"],
            "archiving D4 needs the archive location",
        ),
        (
            &["custody", "D3", "return"],
            "D3's rule is shred after reading; recording 'return to the unit' instead needs a reason",
        ),
        (
            &["custody", "D3", "archive", "--location", "档案柜"],
            "D3's rule is shred after reading; recording 'archive'",
        ),
        (
            &["custody", "D3", "lend"],
            "lending D3 needs the borrower's name",
        ),
        (
            &["custody", "D5", "lend", "--person", "组员甲"],
            "D5 is already closed (returned to the unit)",
        ),
        (&["custody", "D5", "return"], "D5 is already closed"),
        (
            &["custody", "D1", "receive", "--override", "理由"],
            "D1: an override reason applies only to",
        ),
        (
            &["custody", "L1", "receive"],
            "L1 is a logistics item; only documents have custody",
        ),
        (&["custody", "D9", "receive"], "no item with id 'D9'"),
        (
            &["done", "D3"],
            "D3 is a document: it is done when its custody is closed (liaison custody D3 shred)",
        ),
        (&["done", "D1"], "(liaison custody D1 return)"),
        (&["custody", "D3", "destroy"], "destroy"),
        (
            &[
                "--lang",
                "zh",
                "custody",
                "D1",
                "lend",
                "--person",
                "组员甲",
            ],
            "无法借出D1：该资料尚未接收",
        ),
        (
            &[
                "--lang",
                "zh",
                "custody",
                "D3",
                "shred",
                "--approved-by",
                "组长",
            ],
            "销毁D3须登记监销人",
        ),
    ];
    for (args, expected) in cases {
        let before = d.state();
        let out = d.run(args);
        let err = stderr(&out);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(d.state() == before, "{args:?} changed state.json");
    }
}

#[test]
fn list_shows_custody_and_holder_for_documents_only() {
    let d = stages();
    let list: Value = serde_json::from_str(&d.ok(&["list", "--json"])).unwrap();
    let rows = list.as_array().unwrap();
    for row in rows {
        let doc = row["kind"] == "document";
        assert_eq!(row.get("custody").is_some(), doc, "{row}");
        assert_eq!(row.get("holder").is_some(), doc, "{row}");
    }
    assert_eq!(d.row("D2")["holder"], "组员甲");
    assert_eq!(d.row("D3")["holder"], Value::Null);
    let text = d.ok(&["list"]);
    assert!(text.contains("lent to 组员甲"), "{text}");
}

#[test]
fn the_today_list_flags_late_loans_and_documents_awaiting_disposal() {
    let d = Data::new();
    let at = |day: &str| format!("2026-11-{day}+08:00");
    d.ok(&["add", "document", "到期未到", "--due", "2026-11-24"]); // D1 overdue
    d.ok(&["add", "document", "到期已到", "--due", "2026-11-24"]); // D2 received: not overdue
    d.ok_at(&at("24T20:00:00"), &["custody", "D2", "receive"]);
    d.ok(&["add", "document", "借出超一天"]); // D3
    d.ok_at(&at("24T08:00:00"), &["custody", "D3", "receive"]);
    d.ok_at(
        &at("24T09:00:00"),
        &["custody", "D3", "lend", "--person", "组员甲"],
    );
    d.ok(&["add", "document", "归还后三天未处置"]); // D4
    d.ok_at(&at("20T09:00:00"), &["custody", "D4", "receive"]);
    d.ok_at(
        &at("21T09:00:00"),
        &["custody", "D4", "lend", "--person", "组员乙"],
    );
    d.ok_at(&at("22T09:00:00"), &["custody", "D4", "back"]);
    let list: Value = serde_json::from_str(&d.ok(&["list", "--today", "--json"])).unwrap();
    let got: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().into(),
                r["today"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("D1", "overdue"),
        ("D3", "return-overdue"),
        ("D4", "awaiting-disposal"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    let text = d.ok(&["list"]);
    assert!(
        text.contains("[loan overdue]") && text.contains("[awaiting disposal]"),
        "{text}"
    );
}

#[test]
fn hand_edits_of_the_register_are_reported_by_the_next_command_and_kept() {
    let d = Data::new();
    d.ok(&["add", "document", "干部选拔任用档案（2024年）"]);
    d.ok(&["custody", "D1", "receive"]);
    d.ok(&["custody", "D1", "lend", "--person", "组员甲"]);
    d.ok(&["custody", "D1", "back"]);
    d.edit_state(|v| v["items"][0]["custody"][1]["person"] = "组员丙".into());
    let out = d.run(&["list"]);
    assert!(out.status.success());
    let err = stderr(&out);
    let (converted, problems): (Vec<&str>, Vec<&str>) = err
        .lines()
        .partition(|l| l.contains("converted to the journal format"));
    assert_eq!(
        problems,
        ["liaison: warning: D1: custody event 2 (lend) was changed after it was recorded"]
    );
    assert_eq!(converted.len(), 1, "{err}");
    // A change elsewhere saves the file again; the evidence stays.
    let out = d.run(&["add", "logistics", "订房"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("D1: custody event 2 (lend) was changed"));
    let out = d.run(&["list", "--json"]);
    assert!(stderr(&out).contains("D1: custody event 2 (lend) was changed"));
    // And no step is added on top of a broken log.
    let before = d.state();
    let out = d.run(&["custody", "D1", "return"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("D1: the custody log fails verification"),
        "{}",
        stderr(&out)
    );
    assert!(d.state() == before);
}

#[test]
fn removing_or_reordering_events_by_hand_is_reported_in_both_languages() {
    let d = Data::new();
    d.ok(&["add", "document", "近三年财务收支明细账及凭证"]);
    for args in [&["receive"][..], &["lend", "--person", "组员甲"], &["back"]] {
        let mut all = vec!["custody", "D1"];
        all.extend_from_slice(args);
        d.ok(&all);
    }
    let original = d.exported();
    d.edit_state(|v| {
        v["items"][0]["custody"].as_array_mut().unwrap().pop();
    });
    let err = stderr(&d.run(&["list"]));
    assert!(
        err.contains("D1: the custody log was cut after event 2"),
        "{err}"
    );
    let mut swapped = original;
    swapped["items"][0]["custody"]
        .as_array_mut()
        .unwrap()
        .swap(0, 1);
    d.write_v1(swapped);
    let err = stderr(&d.run(&["--lang", "zh", "list"]));
    assert!(err.contains("D1：第1条借阅登记与前一条不衔接"), "{err}");
}

#[test]
fn the_sample_inspection_has_chained_custody() {
    let d = Data::new();
    let out = d.run(&["--lang", "zh", "demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: Value = serde_json::from_str(&d.ok(&["list", "--json"])).unwrap();
    let docs: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "document")
        .collect();
    assert!(
        docs.iter()
            .filter(|r| !r["custody"].as_array().unwrap().is_empty())
            .count()
            >= 3
    );
    assert!(docs.iter().any(|r| r["holder"] == "组员甲"));
    let shredded = docs
        .iter()
        .find(|r| actions(r).last().is_some_and(|a| a == "shred"))
        .expect("a shredded one");
    assert!(shredded["custody"].as_array().unwrap().last().unwrap()["witness"].is_string());
    assert_eq!(shredded["status"], "done");

    let synthetic = Data::new();
    let out = synthetic.run(&["demo", "--items", "200"]);
    assert!(out.status.success(), "{}", stderr(&out));
    synthetic.ok(&["list", "--json"]);
}

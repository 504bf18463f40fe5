//! Every custody step names its people; copies block their source; the
//! clearance list (巡后清退) says exactly what is out, at several clocks.

#[path = "support/bin.rs"]
mod bin;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Wednesday 25 November 2026, 10:00 in UTC+8.
use bin::NOW;

struct Data {
    root: tempfile::TempDir,
    data: PathBuf,
}

impl Data {
    fn new() -> Data {
        let (root, data) = bin::data_dir();
        Data { root, data }
    }

    /// A config file with `me` set, for the runs that ask for it.
    fn config(&self, text: &str) -> PathBuf {
        let p = self.root.path().join("config.toml");
        std::fs::write(&p, text).unwrap();
        p
    }

    fn run(&self, now: &str, config: Option<&Path>, args: &[&str]) -> std::process::Output {
        let mut cmd = bin::liaison(&self.data, now);
        if let Some(c) = config {
            cmd.env("LIAISON_CONFIG", c);
        }
        cmd.args(args).output().unwrap()
    }

    fn ok_at(&self, now: &str, args: &[&str]) -> String {
        let out = self.run(now, None, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_at(NOW, args)
    }

    fn row(&self, id: &str) -> Value {
        let list: Value = serde_json::from_str(&self.ok(&["list", "--json", "--all"])).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap()
    }

    fn clearance(&self, now: &str) -> Vec<Value> {
        let text = self.ok_at(now, &["clearance", "--json"]);
        serde_json::from_str::<Value>(&text)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }
}

#[test]
fn every_event_has_every_key_and_names_its_people() {
    let d = Data::new();
    let me = d.config("me = \"联络员小王\"\nloan_hours = 4\n");
    d.ok(&[
        "add",
        "document",
        "干部选拔任用档案",
        "--rule",
        "shred",
        "--class",
        "secret",
    ]);
    let ok = |args: &[&str]| {
        let out = d.run(NOW, Some(&me), args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    ok(&["custody", "D1", "receive", "--person", "组织人事部王五"]);
    ok(&["custody", "D1", "lend", "--person", "张三"]);
    ok(&["custody", "D1", "back"]);
    ok(&[
        "custody",
        "D1",
        "lend",
        "--person",
        "李四",
        "--until",
        "明天17:00",
        "--by",
        "组员甲",
    ]);
    ok(&["custody", "D1", "back", "--person", "李四的同事"]);
    ok(&[
        "custody",
        "D1",
        "shred",
        "--approved-by",
        "组长",
        "--witness",
        "副组长",
    ]);
    let row = d.row("D1");
    let log = row["custody"].as_array().unwrap();
    let keys = [
        "action",
        "at",
        "person",
        "by",
        "witness",
        "approved_by",
        "location",
        "until",
        "note",
        "void",
    ];
    for e in log {
        for k in keys {
            assert!(e.get(k).is_some(), "{k} missing: {e}");
        }
        assert_eq!(e["void"], Value::Null);
    }
    assert_eq!(log[0]["person"], "组织人事部王五");
    assert_eq!(log[0]["by"], "联络员小王", "by defaults to me");
    assert_eq!(
        log[1]["until"], "2026-11-25T14:00:00+08:00",
        "loan_hours from the config"
    );
    assert_eq!(log[2]["person"], "张三", "back defaults to the borrower");
    assert_eq!(log[3]["until"], "2026-11-26T17:00:00+08:00");
    assert_eq!(log[3]["by"], "组员甲");
    assert_eq!(log[4]["person"], "李四的同事");
    assert_eq!(
        (log[5]["approved_by"].as_str(), log[5]["witness"].as_str()),
        (Some("组长"), Some("副组长"))
    );
    assert_eq!(log[5]["location"], Value::Null);
    // Without a config file nobody is named as the team member.
    d.ok(&["add", "document", "通讯录"]);
    d.ok(&["custody", "D2", "receive"]);
    let e = &d.row("D2")["custody"][0];
    assert_eq!(
        (e["by"].clone(), e["person"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(d.row("D2")["custody"][0]["until"], Value::Null);
    // A default loan is due 24 hours later.
    d.ok(&["custody", "D2", "lend", "--person", "张三"]);
    assert_eq!(
        d.row("D2")["custody"][1]["until"],
        "2026-11-26T10:00:00+08:00"
    );
}

#[test]
fn a_copy_blocks_its_source_until_it_is_closed_and_the_refusal_names_it() {
    let d = Data::new();
    d.ok(&[
        "add",
        "document",
        "信访举报件",
        "--rule",
        "shred",
        "--class",
        "confidential",
        "--from",
        "纪委办公室",
    ]);
    let early = d.run(NOW, None, &["add", "document", "摘抄", "--copy-of", "D1"]);
    assert!(
        !early.status.success(),
        "a document not in hand cannot be copied"
    );
    d.ok(&["custody", "D1", "receive"]);
    let c = d.ok(&[
        "add",
        "document",
        "信访件摘抄",
        "--copy-of",
        "D1",
        "--copy-kind",
        "extract",
    ]);
    let copy = d.row(&c);
    assert_eq!(copy["parent"], "D1");
    assert_eq!(copy["copy_kind"], "extract");
    assert_eq!(
        (copy["class"].as_str(), copy["rule"].as_str()),
        (Some("confidential"), Some("shred"))
    );
    assert_eq!(copy["from"], "纪委办公室");
    let before = std::fs::read(d.data.join("state.json")).unwrap();
    for (lang, want) in [
        (
            "en",
            format!("D1 cannot close while its copies or extracts are open: {c}"),
        ),
        ("zh", format!("D1的复印件或摘抄件尚未办结（{c}）")),
    ] {
        let out = d.run(
            NOW,
            None,
            &[
                "--lang",
                lang,
                "custody",
                "D1",
                "shred",
                "--approved-by",
                "组长",
                "--witness",
                "副组长",
            ],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(err.contains(&want), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert_eq!(
        std::fs::read(d.data.join("state.json")).unwrap(),
        before,
        "byte-identical"
    );
    d.ok(&[
        "custody",
        &c,
        "shred",
        "--approved-by",
        "组长",
        "--witness",
        "副组长",
    ]);
    d.ok(&[
        "custody",
        "D1",
        "shred",
        "--approved-by",
        "组长",
        "--witness",
        "副组长",
    ]);
    assert_eq!(d.row("D1")["status"], "done");
    let bad = d.run(
        NOW,
        None,
        &[
            "add",
            "document",
            "x",
            "--copy-of",
            "D1",
            "--copy-kind",
            "scan",
        ],
    );
    assert!(!bad.status.success());
}

#[test]
fn clearance_lists_exactly_what_is_open_at_several_clocks() {
    let d = Data::new();
    d.ok(&["add", "document", "会议记录"]); // D1: never received
    d.ok(&["add", "document", "财务账册"]); // D2: with the liaison
    d.ok(&["custody", "D2", "receive"]);
    d.ok(&["add", "document", "招投标资料", "--class", "secret"]); // D3: lent
    d.ok(&["custody", "D3", "receive"]);
    d.ok(&[
        "custody", "D3", "lend", "--person", "赵六", "--until", "+2h",
    ]);
    let c = d.ok(&["add", "document", "招投标资料复印件", "--copy-of", "D3"]);
    d.ok(&["add", "document", "通讯录"]); // D5: returned
    d.ok(&["custody", "D5", "receive"]);
    d.ok(&["custody", "D5", "return"]);
    let ids = |now: &str| {
        d.clearance(now)
            .iter()
            .map(|e| {
                (
                    e["id"].as_str().unwrap().to_string(),
                    e["stage"].as_str().unwrap().to_string(),
                    e["holder"].as_str().map(str::to_string),
                    e["overdue"].as_bool().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    let row = |id: &str, stage: &str, holder: Option<&str>, overdue| {
        (
            id.to_string(),
            stage.to_string(),
            holder.map(str::to_string),
            overdue,
        )
    };
    assert_eq!(
        ids(NOW),
        [
            row("D3", "lent", Some("赵六"), false),
            row("D2", "held", None, false),
            row(&c, "held", None, false),
            row("D1", "requested", None, false),
        ]
    );
    let first = &d.clearance(NOW)[0];
    assert_eq!(first["until"], "2026-11-25T12:00:00+08:00");
    assert_eq!(d.clearance(NOW)[2]["what"], "copy");
    assert_eq!(d.clearance(NOW)[2]["parent"], "D3");
    // Three hours later the loan is overdue, and the Today list says so.
    let later = "2026-11-25T13:00:00+08:00";
    assert!(ids(later)[0].3, "overdue at its own due time");
    let today = d.ok_at(later, &["list", "--today", "--json"]);
    assert!(today.contains("\"return-overdue\""), "{today}");
    // Everything handed back: nothing left, exit 0 all the same.
    d.ok(&["custody", "D3", "back"]);
    d.ok(&["custody", &c, "return"]);
    d.ok(&["custody", "D3", "return"]);
    d.ok(&["custody", "D2", "return"]);
    assert_eq!(ids(later), [row("D1", "requested", None, false)]);
    let text = d.ok_at(later, &["--lang", "zh", "clearance"]);
    assert!(
        text.contains("未办结资料：1，借出：0，未办结复印件及摘抄件：0"),
        "{text}"
    );
    assert!(text.contains("已调阅未接收 (1)"), "{text}");
}

#[test]
fn a_hash_line_on_a_secret_document_asks_for_a_secret_request() {
    let d = Data::new();
    d.ok(&[
        "add",
        "document",
        "干部选拔任用档案",
        "--rule",
        "return",
        "--class",
        "secret",
    ]);
    let out = d.ok(&["note", "# 相关审批单", "--to", "D1"]);
    let id = out.lines().last().unwrap().trim().to_string();
    assert_eq!(d.row(&id)["class"], "secret", "{out}");
}

#[test]
fn lowering_a_class_needs_a_reason_and_every_change_is_kept() {
    let d = Data::new();
    d.ok(&["add", "document", "干部选拔任用档案", "--class", "secret"]);
    d.ok(&["class", "D1", "confidential"]);
    let before = std::fs::read(d.data.join("state.json")).unwrap();
    for (lang, want) in [
        (
            "en",
            "lowering D1's class from confidential to internal needs a reason",
        ),
        ("zh", "D1的密级由机密调为内部，须说明理由"),
    ] {
        let out = d.run(NOW, None, &["--lang", lang, "class", "D1", "internal"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(err.contains(want) && err.lines().count() == 1, "{err}");
    }
    assert_eq!(std::fs::read(d.data.join("state.json")).unwrap(), before);
    d.ok(&["class", "D1", "internal", "--reason", "经审批已解密"]);
    let row = d.row("D1");
    assert_eq!(row["class"], "internal");
    let log = row["class_log"].as_array().unwrap();
    assert_eq!(
        (log[0]["from"].as_str(), log[0]["to"].as_str()),
        (Some("secret"), Some("confidential"))
    );
    assert_eq!(log[1]["reason"], "经审批已解密");
}

#[test]
fn awaiting_disposal_follows_disposal_days_in_the_config() {
    let d = Data::new();
    d.ok(&["add", "document", "财务账册"]);
    d.ok(&["custody", "D1", "receive"]);
    let later = "2026-11-27T11:00:00+08:00"; // two days on
    let today = |config: Option<&Path>| {
        let out = d.run(later, config, &["list", "--today", "--json"]);
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(
        !today(None).contains("awaiting-disposal"),
        "3 days by default"
    );
    let one_day = d.config("disposal_days = 1\n");
    assert!(today(Some(&one_day)).contains("awaiting-disposal"));
}

//! What a day of real use asked of the command line: it does what the
//! dashboard does (edit, snooze, priority, move, show, inbox, note-edit,
//! note-delete), speaks Chinese without English leaking in, refuses what
//! does not fit, and is installed like a command-line tool.

#[path = "support/bin.rs"]
mod bin;
#[path = "support/files.rs"]
mod files_support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use bin::{NOW, data_dir};
use files_support::files;
use serde_json::Value;

fn liaison(data: &Path) -> Command {
    bin::liaison(data, NOW)
}

fn run(data: &Path, args: &[&str]) -> Output {
    liaison(data).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "liaison {args:?} failed: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// stdout and stderr of a run that must succeed.
fn ok2(data: &Path, args: &[&str]) -> (String, String) {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "liaison {args:?} failed: {}",
        text(&out.stderr)
    );
    (text(&out.stdout), text(&out.stderr))
}

/// The one stderr line of a run that must fail, with nothing on stdout.
fn refused(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "liaison {args:?} succeeded: {err}");
    assert_eq!(text(&out.stdout), "", "liaison {args:?} printed on stdout");
    assert_eq!(err.lines().count(), 1, "liaison {args:?}: {err:?}");
    err
}

fn with_stdin(data: &Path, args: &[&str], input: &str) -> Output {
    let mut child = liaison(data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn add(data: &Path, args: &[&str]) -> String {
    let mut all = vec!["add"];
    all.extend(args);
    ok(data, &all).trim().to_string()
}

fn show(data: &Path, id: &str) -> Value {
    serde_json::from_str(&ok(data, &["show", id, "--json"])).unwrap()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The English words in `line`, leaving out what the user typed and the
/// program's own name and commands.
fn english_words(line: &str, typed: &[&str]) -> Vec<String> {
    let mut rest = line.replace("liaison", "");
    for t in typed {
        rest = rest.replace(t, "");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1)
        .map(str::to_string)
        .collect()
}

#[test]
fn refusals_of_the_new_commands_say_one_line_and_change_no_byte() {
    let (_root, data) = data_dir();
    let m = add(
        &data,
        &[
            "meeting",
            "个别谈话",
            "--start",
            "2026-11-26 09:00",
            "--place",
            "二楼谈话室",
        ],
    );
    let l = add(&data, &["logistics", "订车", "--due", "2026-11-26 17:00"]);
    ok(&data, &["note", "问：何时招标？", "--to", &m]);
    ok(&data, &["note", "收件箱一条"]);
    let before = files(&data);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["add", "meeting", "会", "--due", "明天"],
            &["--due", "meeting"],
        ),
        (&["add", "logistics", "x", "--start", "明天"], &["--start"]),
        (&["--lang", "fr", "list"], &["fr"]),
        (&["edit", "X9", "--title", "新"], &["X9"]),
        (&["edit", &l], &["nothing to change"]),
        (&["edit", &m, "--due", "明天"], &["--due"]),
        (
            &["edit", &l, "--due", "next blue moon"],
            &["next blue moon"],
        ),
        (&["edit", &l, "--title", "  "], &["title"]),
        (&["edit", &m, "--end", "2026-11-26 08:00"], &["before"]),
        (&["snooze", &m, "明天"], &["--start"]),
        (&["snooze", &l, "blue moon"], &["blue moon"]),
        (&["snooze", "X9", "明天"], &["X9"]),
        (&["priority", &l, "urgent"], &["urgent"]),
        (&["move", &l, "logistics"], &["already"]),
        (&["move", &m, "logistics"], &["--drop-fields", "place"]),
        (&["move", &l, "vehicle"], &["vehicle"]),
        (&["note-edit", &m, "2", "x"], &["no note 2"]),
        (&["note-edit", &m, "1", "  "], &["empty"]),
        (&["note-delete", "inbox", "5"], &["inbox", "5"]),
        (&["note-delete", "X9", "1"], &["X9"]),
        (&["show", "X9"], &["X9"]),
        (&["note-edit", &m, "one", "x"], &["one"]),
    ];
    for (args, says) in cases {
        let line = refused(&data, args);
        for s in *says {
            assert!(
                line.contains(s),
                "liaison {args:?} said {line:?}, not {s:?}"
            );
        }
        assert!(line.starts_with("liaison: "), "{line:?}");
        assert_eq!(files(&data), before, "liaison {args:?} changed a file");
    }
}

#[test]
fn a_read_only_command_on_a_missing_data_dir_says_so_and_creates_nothing() {
    let root = tempfile::tempdir().unwrap();
    let typo = root.path().join("no/such/deep/dir");
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", "M1"],
        &["inbox"],
        &["backups"],
        &["export", "--format", "json"],
        &["report"],
        &["check", "M1"],
    ] {
        let line = refused(&typo, args);
        assert!(line.contains("no liaison data"), "{args:?}: {line}");
        assert!(line.contains("no/such/deep/dir"), "{args:?}: {line}");
        assert!(!root.path().join("no").exists(), "{args:?} created it");
    }
    let mut zh = vec!["--lang", "zh", "list"];
    let line = refused(&typo, &zh);
    assert!(line.contains("没有 liaison 数据"), "{line}");
    // A command that writes still makes its directory.
    zh.truncate(2);
    zh.extend(["add", "后勤", "订房"]);
    ok(&typo, &zh);
    assert!(typo.join("state.json").exists());
}

#[test]
fn usage_errors_under_chinese_are_chinese_and_point_to_help_once() {
    let (_root, data) = data_dir();
    for (args, typed) in [
        (&["--lang", "zh", "add"][..], &[][..]),
        (&["--lang", "zh", "ad"], &["ad", "add", "attendance"]),
        (&["--lang", "zh", "list", "--bogus"], &["--bogus"]),
        (
            &["--lang", "zh", "export", "--format", "pdf"],
            &["pdf", "--format", "json", "ics", "md", "xlsx", "csv"],
        ),
    ] {
        let out = run(&data, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(has_cjk(&err), "{args:?}: {err}");
        assert_eq!(err.matches("--help").count(), 1, "{args:?}: {err}");
        assert!(!err.contains("try"), "{args:?}: {err}");
        let mut allowed = typed.to_vec();
        allowed.push("help");
        let words = english_words(&err, &allowed);
        assert!(words.is_empty(), "{args:?}: English {words:?} in {err}");
    }
    assert!(!data.exists(), "a usage error opened the data dir");
}

#[test]
fn chinese_kind_names_and_values_are_accepted() {
    let (_root, data) = data_dir();
    let ids: Vec<String> = [
        &[
            "--lang",
            "zh",
            "add",
            "会议",
            "座谈会",
            "--start",
            "明天 09:00",
        ][..],
        &[
            "--lang",
            "zh",
            "add",
            "资料",
            "账册",
            "--rule",
            "阅后即碎",
            "--class",
            "机密",
        ],
        &[
            "--lang",
            "zh",
            "add",
            "后勤",
            "订房",
            "--category",
            "住宿",
            "--priority",
            "高",
        ],
        &["--lang", "zh", "add", "候补", "起草报告"],
    ]
    .iter()
    .map(|a| ok(&data, a).trim().to_string())
    .collect();
    assert_eq!(ids, ["M1", "D1", "L1", "S1"]);
    let d = show(&data, "D1");
    assert_eq!(
        (&d["rule"], &d["class"]),
        (&"shred".into(), &"confidential".into())
    );
    let l = show(&data, "L1");
    assert_eq!(
        (&l["category"], &l["priority"]),
        (&"lodging".into(), &"high".into())
    );
    let listed = ok(&data, &["list", "--kind", "会务", "--json"]);
    let listed: Vec<Value> = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed.len(), 1);
}

#[test]
fn chinese_refusals_name_fields_and_values_in_chinese() {
    let (_root, data) = data_dir();
    let cases: &[(&[&str], &str, &[&str])] = &[
        (
            &["--lang", "zh", "add", "meeting", "x", "--type", "party"],
            "会议类型",
            &["party"],
        ),
        (&["--lang", "zh", "add", "会餐", "x"], "事项类别", &[]),
        (
            &["--lang", "zh", "add", "meeting", "x", "--from", "财务部"],
            "提供单位",
            &[],
        ),
        (
            &[
                "--lang",
                "zh",
                "add",
                "logistics",
                "x",
                "--priority",
                "urgent",
            ],
            "优先级",
            &["urgent"],
        ),
    ];
    for (args, says, typed) in cases {
        let line = refused(&data, args);
        assert!(line.contains(says), "{args:?}: {line}");
        let words = english_words(&line, typed);
        assert!(words.is_empty(), "{args:?}: English {words:?} in {line}");
    }
}

#[test]
fn edit_changes_only_the_fields_given() {
    let (_root, data) = data_dir();
    let m = add(
        &data,
        &[
            "meeting",
            "个别谈话",
            "--start",
            "2026-11-26 09:00",
            "--end",
            "2026-11-26 10:30",
            "--place",
            "二楼谈话室",
            "--with",
            "组长,联络员",
            "--contact",
            "办公室",
        ],
    );
    let (out, err) = ok2(
        &data,
        &[
            "edit",
            &m,
            "--title",
            "个别谈话：财务部负责人",
            "--priority",
            "high",
        ],
    );
    assert_eq!(out, format!("{m}\n"));
    assert!(err.contains(&m), "{err}");
    let item = show(&data, &m);
    assert_eq!(item["title"], "个别谈话：财务部负责人");
    assert_eq!(item["priority"], "high");
    assert_eq!(item["place"], "二楼谈话室");
    assert_eq!(item["attendees"], serde_json::json!(["组长", "联络员"]));
    assert_eq!(item["start"], "2026-11-26T09:00:00+08:00");
    // A new start keeps the meeting's length; an empty value clears a field.
    ok(
        &data,
        &["edit", &m, "--start", "2026-11-27 14:00", "--contact", ""],
    );
    let item = show(&data, &m);
    assert_eq!(item["start"], "2026-11-27T14:00:00+08:00");
    assert_eq!(item["end"], "2026-11-27T15:30:00+08:00");
    assert!(item.get("contact").is_none(), "{item}");
    assert_eq!(item["place"], "二楼谈话室");
}

#[test]
fn snooze_priority_and_move_do_what_the_dashboard_does() {
    let (_root, data) = data_dir();
    let l = add(
        &data,
        &["logistics", "起草专题报告", "--due", "2026-11-25 17:00"],
    );
    ok(&data, &["note", "先列提纲", "--to", &l]);
    let (out, err) = ok2(&data, &["snooze", &l, "后天", "09:00"]);
    assert_eq!(out, format!("{l}\n"));
    assert!(err.contains(&l), "{err}");
    assert_eq!(show(&data, &l)["due"], "2026-11-27T09:00:00+08:00");
    assert_eq!(ok(&data, &["priority", &l, "high"]), format!("{l}\n"));
    assert_eq!(show(&data, &l)["priority"], "high");
    ok(&data, &["priority", &l, "低"]);
    assert_eq!(show(&data, &l)["priority"], "low");
    let (out, err) = ok2(&data, &["move", &l, "substitute"]);
    let s = out.trim().to_string();
    assert_eq!(s, "S1");
    assert!(err.contains(&l) && err.contains("S1"), "{err}");
    let moved = show(&data, &s);
    assert_eq!(moved["kind"], "substitute");
    assert_eq!(moved["title"], "起草专题报告");
    assert_eq!(moved["due"], "2026-11-27T09:00:00+08:00");
    assert_eq!(moved["priority"], "low");
    assert_eq!(moved["notes"][0]["text"], "先列提纲");
    refused(&data, &["show", &l]);
    // Fields the new kind lacks go only when asked to.
    let m = add(
        &data,
        &[
            "meeting",
            "听取汇报",
            "--start",
            "2026-11-26 09:30",
            "--place",
            "三楼",
        ],
    );
    let line = refused(&data, &["move", &m, "logistics"]);
    assert!(line.contains("place") && line.contains("end"), "{line}");
    let l2 = ok(&data, &["move", &m, "logistics", "--drop-fields"]);
    let l2 = show(&data, l2.trim());
    assert_eq!(l2["due"], "2026-11-26T09:30:00+08:00");
    assert!(l2.get("place").is_none());
}

#[test]
fn show_prints_the_item_whole_with_numbered_notes() {
    let (_root, data) = data_dir();
    let d = add(&data, &["document", "财务明细账", "--from", "财务部"]);
    ok(&data, &["custody", &d, "receive"]);
    ok(&data, &["custody", &d, "lend", "--person", "组员甲"]);
    ok(&data, &["note", "共12册", "--to", &d]);
    ok(&data, &["note", "缺2024年凭证", "--to", &d]);
    let out = ok(&data, &["show", &d]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{d} · Documents · ")),
        "{out}"
    );
    assert!(lines.iter().any(|l| l.contains("财务部")), "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("1. ") && l.ends_with("共12册")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("2. ") && l.ends_with("缺2024年凭证")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("lend") && l.contains("组员甲")),
        "{out}"
    );
    let zh = ok(&data, &["--lang", "zh", "show", &d]);
    assert!(
        zh.contains("资料调阅") && zh.contains("借阅登记") && zh.contains("提供单位"),
        "{zh}"
    );
    let item = show(&data, &d);
    assert_eq!(item["holder"], "组员甲");
    assert_eq!(item["custody"].as_array().unwrap().len(), 2);
}

#[test]
fn inbox_lists_notes_by_number_and_notes_are_edited_and_deleted_by_it() {
    let (_root, data) = data_dir();
    let m = add(
        &data,
        &["meeting", "个别谈话", "--start", "2026-11-25 09:00"],
    );
    ok(&data, &["note", "明早确认车辆"]);
    ok(&data, &["note", "周五前交底稿"]);
    for t in ["问：何时招标？", "答：去年三月", "核对合同"] {
        ok(&data, &["note", t, "--to", &m]);
    }
    let inbox = ok(&data, &["inbox"]);
    assert!(
        inbox.contains("1. ") && inbox.contains("明早确认车辆"),
        "{inbox}"
    );
    let json: Vec<Value> = serde_json::from_str(&ok(&data, &["inbox", "--json"])).unwrap();
    assert_eq!(json[1]["number"], 2);
    assert_eq!(json[1]["text"], "周五前交底稿");
    assert_eq!(json[1]["at"], "2026-11-25T10:00:00+08:00");

    ok(&data, &["note-edit", "inbox", "2", "周四前交底稿"]);
    ok(
        &data,
        &["note-edit", &m.to_lowercase(), "2", "答：前年三月"],
    );
    let (_, err) = ok2(&data, &["note-delete", &m, "1"]);
    assert!(err.contains("问：何时招标？"), "{err}");
    ok(&data, &["--lang", "zh", "note-delete", "收件箱", "1"]);
    let json: Vec<Value> = serde_json::from_str(&ok(&data, &["inbox", "--json"])).unwrap();
    assert_eq!(json.len(), 1);
    assert_eq!(json[0]["text"], "周四前交底稿");
    let notes = show(&data, &m)["notes"].clone();
    let texts: Vec<&str> = notes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["答：前年三月", "核对合同"]);
    let out = with_stdin(&data, &["note-edit", &m, "1", "-"], "答：二〇二四年三月\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(show(&data, &m)["notes"][0]["text"], "答：二〇二四年三月");
    assert_eq!(ok(&data, &["inbox"]).lines().count(), 1);
}

#[test]
fn each_line_of_a_multi_line_note_is_its_own_note_with_its_own_marker() {
    let (_root, data) = data_dir();
    let m = add(
        &data,
        &["meeting", "个别谈话", "--start", "2026-11-25 09:00"],
    );
    let out = with_stdin(
        &data,
        &["note", "-", "--to", &m],
        "问：车辆采购为什么没有公开招标？\n\n# 2024年车辆采购合同\n？会议纪要里是否有记录\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "D1\n");
    let item = show(&data, &m);
    assert_eq!(item["notes"].as_array().unwrap().len(), 3);
    assert_eq!(item["followups"][0]["text"], "会议纪要里是否有记录");
    assert_eq!(show(&data, "D1")["title"], "2024年车辆采购合同");
    assert_eq!(show(&data, "D1")["meeting"], m.as_str());
    // One bad line refuses them all.
    let before = files(&data);
    let out = with_stdin(&data, &["note", "-", "--to", &m], "第一行\n#\n");
    assert!(!out.status.success());
    assert_eq!(files(&data), before);
}

/// `liaison demo` at `now`, read back whole.
fn demo_at(now: &str, lang: &str) -> Value {
    let (_root, data) = data_dir();
    let out = bin::liaison(&data, now)
        .args(["--lang", lang, "demo"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = bin::liaison(&data, now)
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn time(v: &Value) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap()
}

#[test]
fn the_demo_tells_one_consistent_story_at_any_hour() {
    for now in [
        "2026-12-01T05:42:00+08:00",
        "2026-11-25T10:00:00+08:00",
        "2026-12-03T23:50:00+08:00",
    ] {
        for lang in ["zh", "en"] {
            let state = demo_at(now, lang);
            let at = chrono::DateTime::parse_from_rfc3339(now).unwrap();
            for item in state["items"].as_array().unwrap() {
                let id = &item["id"];
                let created = time(&item["created"]);
                assert!(
                    created <= time(&item["updated"]),
                    "{now} {id}: created after updated"
                );
                assert!(created <= at, "{now} {id}");
                for n in item["notes"].as_array().into_iter().flatten() {
                    assert!(time(&n["at"]) <= at, "{now} {id}: a note after now");
                    assert!(
                        created <= time(&n["at"]),
                        "{now} {id}: a note before creation"
                    );
                }
                for e in item["custody"].as_array().into_iter().flatten() {
                    assert!(
                        created <= time(&e["at"]),
                        "{now} {id}: custody before creation"
                    );
                }
            }
            // A weekday in a title is the day it is about.
            let car = state["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["id"] == "L2")
                .unwrap();
            let tomorrow = at.date_naive().succ_opt().unwrap();
            let day = match lang {
                "zh" => ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
                    [chrono::Datelike::weekday(&tomorrow).num_days_from_monday() as usize]
                    .to_string(),
                _ => tomorrow.format("%A").to_string(),
            };
            assert!(
                car["title"].as_str().unwrap().contains(&day),
                "{now} {lang}: {car}"
            );
        }
    }
}

#[test]
fn completions_man_page_and_version_are_shipped() {
    let (_root, data) = data_dir();
    for shell in ["bash", "zsh", "fish"] {
        let out = ok(&data, &["completions", shell]);
        assert!(
            out.contains("liaison") && out.contains("note-edit"),
            "{shell}"
        );
    }
    let fish_zh = ok(&data, &["--lang", "zh", "completions", "fish"]);
    assert!(
        fish_zh.contains("查看一个事项的全部内容"),
        "Chinese descriptions"
    );
    let man = ok(&data, &["man"]);
    assert!(man.starts_with(".TH") || man.contains("\n.TH"), "{man}");
    assert!(man.contains("completions"));
    let man_zh = ok(&data, &["--lang", "zh", "man"]);
    assert!(man_zh.contains("巡察组联络员"), "Chinese man page");
    let version = ok(&data, &["--version"]);
    let format = format!("data format {}", liaison::model::VERSION);
    assert!(version.contains(&format), "{version}");
    assert!(
        !data.exists(),
        "completions, man or --version opened the data dir"
    );
    let line = refused(&data, &["completions", "powershell"]);
    assert!(line.contains("powershell"), "{line}");
}

#[test]
fn encrypt_counts_the_backups_there_are() {
    let (root, data) = data_dir();
    let pass = root.path().join("pass");
    std::fs::write(&pass, "巡察组 correct horse battery\n").unwrap();
    // A passphrase file others can read is refused.
    let private = <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o600);
    std::fs::set_permissions(&pass, private).unwrap();
    let at = |minutes: i64| {
        let t =
            chrono::DateTime::parse_from_rfc3339(NOW).unwrap() + chrono::Duration::minutes(minutes);
        t.to_rfc3339()
    };
    for (i, title) in ["订房", "订车", "订餐", "领用品"].iter().enumerate() {
        let out = bin::liaison(&data, &at(i as i64 * 90))
            .args(["add", "logistics", title])
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let backups = ok(&data, &["backups"]).lines().count();
    assert!(backups >= 1, "the test needs a backup");
    let out = liaison(&data)
        .env("LIAISON_TEST_CHEAP_KDF", "1")
        .arg("--passphrase-file")
        .arg(&pass)
        .arg("encrypt")
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("backups ({backups})")),
        "{backups} backups: {err}"
    );
}

#[test]
fn an_end_given_as_a_time_alone_is_on_the_starts_day() {
    let (_root, data) = data_dir();
    // Today is 11-25 at 10:00; the meeting is tomorrow.
    let m = add(
        &data,
        &[
            "meeting",
            "个别谈话甲",
            "--start",
            "明天 09:00",
            "--end",
            "10:30",
        ],
    );
    let item = show(&data, &m);
    assert_eq!(item["start"], "2026-11-26T09:00:00+08:00");
    assert_eq!(item["end"], "2026-11-26T10:30:00+08:00");
    // A day said outright is kept.
    ok(&data, &["edit", &m, "--end", "2026-11-27 10:00"]);
    assert_eq!(show(&data, &m)["end"], "2026-11-27T10:00:00+08:00");
    // Editing the end alone reads it against the meeting's own start.
    ok(&data, &["edit", &m, "--end", "11:15"]);
    assert_eq!(show(&data, &m)["end"], "2026-11-26T11:15:00+08:00");
    let s = add(
        &data,
        &[
            "substitute",
            "随组下沉",
            "--start",
            "2026-11-28 08:30",
            "--end",
            "17:00",
        ],
    );
    assert_eq!(show(&data, &s)["end"], "2026-11-28T17:00:00+08:00");
}

#[test]
fn a_checklist_takes_the_users_own_entries_and_lets_them_go() {
    let (_root, data) = data_dir();
    let m = add(
        &data,
        &["meeting", "个别谈话", "--start", "2026-11-26 09:00"],
    );
    let (out, err) = ok2(&data, &["check", &m, "--add", "打印谈话提纲"]);
    assert_eq!(out, format!("{m}\n"));
    assert!(err.contains("5") && err.contains("打印谈话提纲"), "{err}");
    let list = ok(&data, &["check", &m]);
    assert!(
        list.lines().last().unwrap().ends_with("[ ] 打印谈话提纲"),
        "{list}"
    );
    ok(&data, &["check", &m, "打印谈话提纲"]);
    assert!(ok(&data, &["check", &m]).contains("[x] 打印谈话提纲"));
    ok(&data, &["check", &m, "1", "--remove"]);
    let list = ok(&data, &["check", &m]);
    assert_eq!(list.lines().count(), 4, "{list}");
    let before = files(&data);
    refused(&data, &["check", &m, "--add", "  "]);
    refused(&data, &["check", &m, "9", "--remove"]);
    assert_eq!(files(&data), before);
}

//! Meetings through the real binary: conflict warnings on `add`, conflicts
//! and checklists in `list --json`, note markers, `check`, the calendar
//! export; and the checklist and follow-ups through a save and a load.

#[path = "support/bin.rs"]
mod bin;
use bin::{NOW, data_dir};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use liaison::model::{Item, Kind, Prep, State};
use liaison::store::{STATE_FILE, Store};
use serde_json::{Value, json};

fn run(data: &Path, lang: &str, args: &[&str]) -> Output {
    bin::liaison(data, NOW)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap()
}

/// stdout and stderr of a run that must succeed.
fn ok(data: &Path, args: &[&str]) -> (String, String) {
    ok_in(data, "en", args)
}

fn ok_in(data: &Path, lang: &str, args: &[&str]) -> (String, String) {
    let out = run(data, lang, args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "liaison {args:?} failed: {err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

/// The stderr line of a run that must fail.
fn refused(data: &Path, args: &[&str]) -> String {
    let out = run(data, "en", args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success(), "liaison {args:?} succeeded");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());
    err
}

fn list(data: &Path) -> Vec<Value> {
    let (out, _) = ok(data, &["list", "--json"]);
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn get(items: &[Value], id: &str) -> Value {
    items.iter().find(|i| i["id"] == id).unwrap().clone()
}

fn add_meeting(data: &Path, title: &str, extra: &[&str]) -> (String, String) {
    let mut args = vec!["add", "meeting", title];
    args.extend(extra);
    let (out, err) = ok(data, &args);
    assert_eq!(out.lines().count(), 1, "{out:?}");
    (out.trim_end().to_string(), err)
}

#[test]
fn add_warns_of_each_conflict_and_list_json_names_them() {
    let (_root, data) = data_dir();
    let (m1, err) = add_meeting(
        &data,
        "巡察工作动员会",
        &[
            "--start",
            "2026-11-25 09:30",
            "--end",
            "2026-11-25 11:00",
            "--place",
            "三楼大会议室",
            "--with",
            "组长,联络员",
        ],
    );
    assert_eq!(err, "");
    let (m2, err) = add_meeting(
        &data,
        "个别谈话：财务部负责人",
        &[
            "--type",
            "interview",
            "--start",
            "2026-11-25 10:30",
            "--place",
            "谈话室",
            "--with",
            " 联络员 ",
        ],
    );
    assert_eq!(
        err,
        format!(
            "liaison: warning: {m2} overlaps {m1} '巡察工作动员会' (11-25 09:30–11:00; same person: 联络员)\n"
        )
    );
    // Touching M2's end (10:30 + 1 h), same room: no conflict with M2.
    let (m3, err) = add_meeting(
        &data,
        "Hearing",
        &["--start", "2026-11-25 11:30", "--place", "谈话室"],
    );
    assert_eq!(err, "");
    // Clashes with both, in Chinese, one line each, in order of start.
    let (m4, out) = {
        let (out, err) = ok_in(
            &data,
            "zh",
            &[
                "add",
                "meeting",
                "听取汇报",
                "--start",
                "2026-11-25 10:00",
                "--place",
                " 三楼大会议室 ",
                "--with",
                "联络员",
            ],
        );
        (out.trim_end().to_string(), err)
    };
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!(
            "liaison: 警告: {m4}与{m1}“巡察工作动员会”时间冲突"
        )),
        "{out}"
    );
    assert!(
        lines[0].contains("同一地点：三楼大会议室，同一人员：联络员"),
        "the room and the person are named as what clashes: {out}"
    );
    assert!(lines[1].contains("同一人员：联络员"), "{out}");
    assert!(
        lines[1].contains(&format!("{m2}“个别谈话：财务部负责人”")),
        "{out}"
    );

    let items = list(&data);
    let conflicts = |id: &str| get(&items, id)["conflicts"].clone();
    assert_eq!(conflicts(&m1), json!([m4, m2]));
    assert_eq!(conflicts(&m2), json!([m1, m4]));
    assert_eq!(conflicts(&m3), json!([]));
    assert_eq!(conflicts(&m4), json!([m1, m2]));

    // A done meeting conflicts with nothing.
    ok(&data, &["done", &m1]);
    let items = list(&data);
    assert_eq!(get(&items, &m4)["conflicts"], json!([m2]));
    assert_eq!(get(&items, &m1)["conflicts"], json!([]));
    // Other kinds carry no `conflicts`.
    ok(&data, &["add", "logistics", "订房"]);
    let items = list(&data);
    assert!(get(&items, "L1").get("conflicts").is_none());
}

#[test]
fn a_hash_note_creates_a_document_request_and_prints_its_id() {
    let (_root, data) = data_dir();
    let (m, _) = add_meeting(
        &data,
        "个别谈话",
        &["--type", "interview", "--start", "2026-11-25 09:30"],
    );
    let (out, err) = ok(&data, &["note", "# 2024年车辆采购合同", "--to", &m]);
    assert_eq!(out, "D1\n");
    assert!(
        err.contains("D1") && err.contains("2024年车辆采购合同"),
        "{err}"
    );
    let items = list(&data);
    let doc = get(&items, "D1");
    assert_eq!(doc["kind"], "document");
    assert_eq!(doc["title"], "2024年车辆采购合同");
    assert_eq!(doc["meeting"], json!(m));
    assert_eq!(doc["status"], "open");
    let meeting = get(&items, &m);
    assert_eq!(meeting["notes"][0]["text"], "# 2024年车辆采购合同");

    // A plain note prints nothing on stdout; an empty request is refused.
    let (out, _) = ok(&data, &["note", "答：当时任务急。", "--to", &m]);
    assert_eq!(out, "");
    let before = fs::read(data.join(STATE_FILE)).unwrap();
    let err = refused(&data, &["note", "＃  ", "--to", &m]);
    assert!(err.contains("document request needs a title"), "{err}");
    assert_eq!(fs::read(data.join(STATE_FILE)).unwrap(), before);
}

#[test]
fn a_question_note_is_an_open_follow_up() {
    let (_root, data) = data_dir();
    let (m, _) = add_meeting(&data, "个别谈话", &["--type", "interview"]);
    let (out, err) = ok(&data, &["note", "？会议纪要里是否有记录", "--to", &m]);
    assert_eq!(out, "");
    assert!(err.contains("1 open"), "{err}");
    let (_, err) = ok(&data, &["note", "?who signed", "--to", &m]);
    assert!(err.contains("2 open"), "{err}");
    let meeting = get(&list(&data), &m);
    let followups = meeting["followups"].as_array().unwrap();
    let texts: Vec<&str> = followups
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["会议纪要里是否有记录", "who signed"]);
    assert!(followups.iter().all(|f| f.get("done").is_none()));
    assert_eq!(meeting["notes"].as_array().unwrap().len(), 2);
}

#[test]
fn check_ticks_an_entry_by_number_key_or_label() {
    let (_root, data) = data_dir();
    let (m, _) = add_meeting(&data, "巡察工作动员会", &[]);
    let checklist = |data: &Path| get(&list(data), &m)["checklist"].clone();
    assert_eq!(
        checklist(&data),
        json!([
            {"key": "room", "done": false},
            {"key": "sign-in", "done": false},
            {"key": "materials", "done": false},
            {"key": "equipment", "done": false},
        ])
    );
    let (out, err) = ok(&data, &["check", &m, "2"]);
    assert_eq!(
        (out.as_str(), err.as_str()),
        (format!("{m}\n").as_str(), "M1: 'sign-in sheet' ticked\n")
    );
    ok(&data, &["check", &m, "equipment"]);
    ok(&data, &["check", &m, "会议材料"]);
    let (_, err) = ok_in(&data, "zh", &["check", &m, "签到表"]);
    assert_eq!(err, "M1：已取消勾选“签到表”\n");
    let done: Vec<bool> = checklist(&data)
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["done"].as_bool().unwrap())
        .collect();
    assert_eq!(done, [false, false, true, true]);
    let (out, _) = ok_in(&data, "zh", &["check", &m]);
    assert_eq!(
        out,
        "1 [ ] 会场预订\n2 [ ] 签到表\n3 [x] 会议材料\n4 [x] 投影设备\n"
    );

    assert!(refused(&data, &["check", &m, "5"]).contains("no checklist entry '5'"));
    ok(&data, &["add", "logistics", "订房"]);
    assert!(refused(&data, &["check", "L1", "1"]).contains("only meetings have a checklist"));
}

#[test]
fn export_ics_writes_a_private_calendar_of_the_meetings() {
    let (root, data) = data_dir();
    add_meeting(
        &data,
        "动员会, 第一场; 全体",
        &["--start", "2026-11-25 09:30", "--place", "三楼"],
    );
    add_meeting(&data, "时间待定", &[]);
    ok(&data, &["note", "谈话要点 SECRET", "--to", "M1"]);
    let (stdout, err) = ok(&data, &["export", "--format", "ics"]);
    assert_eq!(
        err,
        "liaison: M2 has no start time; left out of the calendar\n"
    );
    assert!(
        stdout.contains("SUMMARY:动员会\\, 第一场\\; 全体\r\n"),
        "{stdout}"
    );
    assert!(stdout.contains("DTSTART:20261125T013000Z\r\nDTEND:20261125T023000Z\r\n"));
    assert!(stdout.contains("UID:M1-20261125T020000Z@liaison\r\n"));
    assert!(!stdout.contains("SECRET") && !stdout.contains("时间待定"));

    let file = root.path().join("meetings.ics");
    fs::write(&file, "old").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let (out, _) = ok(
        &data,
        &["export", "--format", "ics", "--out", file.to_str().unwrap()],
    );
    assert_eq!(out, "");
    assert_eq!(fs::read_to_string(&file).unwrap(), stdout);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

use bin::now;

#[test]
fn checklist_and_follow_ups_survive_a_save_and_a_load() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, now(), |s: &mut State| {
            let m = s.add(Item::new(Kind::Meeting, "动员会", now()))?;
            s.toggle_check(&m, 1, now())?;
            s.add_check(&m, "座签", now())?;
            s.rename_check(&m, 0, "三楼大会议室已订", now())?;
            s.capture(Some(&m), "？谁签的合同", now())?;
            s.capture(Some(&m), "# 采购合同", now())?;
            s.toggle_followup(&m, 0, now())
        })
        .unwrap();
    let loaded = store.load().unwrap().state;
    assert_eq!(loaded, snap.state);
    let m = loaded.get("M1").unwrap();
    let checks: Vec<(Option<Prep>, &str, bool)> = m
        .checklist
        .iter()
        .map(|c| (c.key, c.text.as_str(), c.done))
        .collect();
    assert_eq!(
        checks,
        [
            (None, "三楼大会议室已订", false),
            (Some(Prep::SignIn), "", true),
            (Some(Prep::Materials), "", false),
            (Some(Prep::Equipment), "", false),
            (None, "座签", false),
        ]
    );
    assert_eq!(m.followups[0].done, Some(now()));
    assert_eq!(loaded.get("D1").unwrap().meeting.as_deref(), Some("M1"));
}

#[test]
fn a_file_from_before_checklists_still_loads() {
    let (_root, data) = data_dir();
    fs::create_dir_all(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
    let old = json!({
        "version": 1,
        "items": [{
            "id": "M1", "kind": "meeting", "title": "动员会", "status": "open",
            "start": "2026-11-25T09:30:00+08:00",
            "created": NOW, "updated": NOW, "type": "meeting",
            "notes": [{"at": NOW, "text": "? old question"}]
        }],
        "inbox": []
    });
    let path = data.join(STATE_FILE);
    fs::write(&path, serde_json::to_vec(&old).unwrap()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let meeting = get(&list(&data), "M1");
    assert_eq!(meeting["checklist"], json!([]));
    assert_eq!(meeting["conflicts"], json!([]));
    assert!(meeting.get("followups").is_none());
}

#[test]
fn the_sample_has_an_open_question_and_prepared_past_meetings() {
    let (_root, data) = data_dir();
    ok(&data, &["demo"]);
    let items = list(&data);
    let meetings: Vec<&Value> = items.iter().filter(|i| i["kind"] == "meeting").collect();
    let questions: Vec<&str> = meetings
        .iter()
        .filter_map(|m| m.get("followups"))
        .flat_map(|f| f.as_array().unwrap())
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(questions, ["is it in the meeting minutes"]);
    let prepared = |m: &Value| {
        m["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["done"] == true)
    };
    assert!(meetings.iter().any(|m| prepared(m)));
    assert!(!meetings.iter().all(|m| prepared(m)));
}

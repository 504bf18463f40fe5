//! The team through the real binary: the roster, attendance, recurring
//! duties from two processes, in English and Chinese; every refusal one
//! line and the data left as it was.

#[path = "support/bin.rs"]
mod bin;
use bin::data_dir;
use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

/// Tuesday 1 December 2026, 10:00 in UTC+8.
const NOW: &str = "2026-12-01T10:00:00+08:00";

fn run_at(data: &Path, now: &str, args: &[&str]) -> Output {
    bin::liaison(data, now).args(args).output().unwrap()
}

fn ok_at(data: &Path, now: &str, args: &[&str]) -> String {
    let out = run_at(data, now, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "liaison {args:?} failed: {err}");
    String::from_utf8(out.stdout).unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    ok_at(data, NOW, args)
}

fn files(data: &Path) -> Vec<Option<Vec<u8>>> {
    ["state.json", "journal.jsonl"]
        .iter()
        .map(|f| fs::read(data.join(f)).ok())
        .collect()
}

/// A refusal: non-zero, nothing on stdout, one line on stderr, the data
/// byte for byte as before. Returns the line.
fn refused(data: &Path, args: &[&str]) -> String {
    let before = files(data);
    let out = run_at(data, NOW, args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success(), "liaison {args:?} succeeded: {err}");
    assert!(out.stdout.is_empty(), "liaison {args:?} printed on stdout");
    assert_eq!(err.lines().count(), 1, "liaison {args:?} said {err:?}");
    assert_eq!(files(data), before, "liaison {args:?} changed the data");
    err
}

fn json(data: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(data, args)).unwrap()
}

fn team(data: &Path) {
    ok(
        data,
        &[
            "member",
            "add",
            "王组长",
            "--role",
            "leader",
            "--section",
            "综合组",
        ],
    );
    ok(
        data,
        &[
            "member",
            "add",
            "张三",
            "--role",
            "组员",
            "--section",
            "谈话组",
            "--phone",
            "13800000000",
        ],
    );
    ok(
        data,
        &[
            "member",
            "add",
            "李四",
            "--role",
            "member",
            "--section",
            "资料组",
        ],
    );
}

#[test]
fn the_roster_lists_roles_in_the_users_language_and_as_json() {
    let (_root, data) = data_dir();
    team(&data);
    let list = json(&data, &["member", "list", "--json"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["王组长", "张三", "李四"]);
    assert_eq!(list[1]["phone"], "13800000000");
    assert_eq!(list[0]["role"], "leader");
    let zh = ok(&data, &["--lang", "zh", "member", "list"]);
    assert!(
        zh.contains("组长") && zh.contains("组员") && zh.contains("谈话组"),
        "{zh}"
    );
    assert!(!zh.contains("leader") && !zh.contains("member"), "{zh}");
    let en = ok(&data, &["member", "list"]);
    assert!(
        en.contains("leader") && en.contains("not yet recorded"),
        "{en}"
    );
    ok(
        &data,
        &[
            "member", "edit", "李四", "--role", "deputy", "--phone", "139",
        ],
    );
    let list = json(&data, &["member", "list", "--json"]);
    assert_eq!(
        (list[1]["name"].as_str(), list[1]["role"].as_str()),
        (Some("李四"), Some("deputy"))
    );
}

#[test]
fn roster_refusals_are_one_line_in_either_language_and_change_nothing() {
    let (_root, data) = data_dir();
    team(&data);
    let e = refused(&data, &["member", "add", "张三"]);
    assert!(e.contains("张三") && e.contains("already"), "{e}");
    let e = refused(&data, &["--lang", "zh", "member", "add", "张三"]);
    assert!(e.contains("已在名单中"), "{e}");
    let e = refused(
        &data,
        &["--lang", "zh", "member", "add", "赵六", "--role", "boss"],
    );
    assert!(
        e.contains("角色") && e.contains("组长") && !e.contains("leader"),
        "{e}"
    );
    let e = refused(
        &data,
        &["--lang", "zh", "member", "edit", "赵六", "--role", "组员"],
    );
    assert!(e.contains("名单中没有 赵六"), "{e}");
    let e = refused(&data, &["member", "edit", "张三"]);
    assert!(e.contains("nothing to change"), "{e}");
    refused(&data, &["member", "add", "  "]);
}

#[test]
fn a_member_holding_a_document_is_not_removed_and_the_refusal_names_it() {
    let (_root, data) = data_dir();
    team(&data);
    let d = ok(&data, &["add", "document", "会计凭证", "--rule", "return"]);
    let d = d.trim();
    ok(&data, &["custody", d, "receive"]);
    ok(&data, &["custody", d, "lend", "--person", "张三"]);
    let e = refused(&data, &["member", "remove", "张三"]);
    assert!(e.contains(d), "{e}");
    let e = refused(&data, &["--lang", "zh", "member", "remove", "张三"]);
    assert!(e.contains(d) && e.contains("仍持有"), "{e}");
    let list = json(&data, &["member", "list", "--json"]);
    assert_eq!(list[1]["holds"][0], d);
    ok(&data, &["custody", d, "back"]);
    ok(&data, &["member", "remove", "张三"]);
    assert_eq!(
        json(&data, &["member", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // The journal keeps what the roster was.
    let log = ok(&data, &["log"]);
    assert!(log.contains("roster"), "{log}");
    ok(&data, &["verify"]);
}

#[test]
fn attendance_says_who_is_in_out_on_leave_or_not_recorded_and_alerts() {
    let (_root, data) = data_dir();
    team(&data);
    ok(
        &data,
        &[
            "attend",
            "李四",
            "out",
            "--where",
            "县交通局",
            "--until",
            "2026-12-01 11:00",
        ],
    );
    ok(&data, &["attend", "王组长", "in"]);
    ok(
        &data,
        &[
            "attend",
            "张三",
            "leave",
            "--until",
            "2026-12-03",
            "--reason",
            "病假",
        ],
    );
    let sheet = json(&data, &["attendance", "--json"]);
    let by = |n: &str| {
        sheet
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(by("王组长")["state"], "present");
    assert_eq!(
        (by("李四")["state"].as_str(), by("李四")["where"].as_str()),
        (Some("out"), Some("县交通局"))
    );
    assert_eq!(by("张三")["state"], "leave");
    assert_eq!(by("张三")["approved_by"], Value::Null);
    // At noon 李四 is an hour late and the leave still unapproved.
    let out = run_at(
        &data,
        "2026-12-01T12:00:00+08:00",
        &["--lang", "zh", "attendance"],
    );
    let (text, err) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert!(
        text.contains("外出：县交通局") && text.contains("请假至") && text.contains("在岗"),
        "{text}"
    );
    assert!(
        err.contains("李四 外出逾时") && err.contains("张三 请假未经批准"),
        "{err}"
    );
    // Another day: the leave goes on, the rest are not recorded yet.
    let next = json(&data, &["attendance", "--date", "2026-12-02", "--json"]);
    let states: Vec<&str> = next
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["unrecorded", "leave", "unrecorded"]);
    let log = ok(&data, &["log"]);
    assert!(log.contains("attendance"), "{log}");
    ok(&data, &["verify"]);
}

#[test]
fn attendance_refusals_are_one_line_and_change_nothing() {
    let (_root, data) = data_dir();
    team(&data);
    let e = refused(&data, &["--lang", "zh", "attend", "赵六", "in"]);
    assert!(e.contains("赵六"), "{e}");
    let e = refused(&data, &["--lang", "zh", "attend", "李四", "sleep"]);
    assert!(
        e.contains("考勤状态") && e.contains("请假") && !e.contains("leave"),
        "{e}"
    );
    let e = refused(
        &data,
        &["attend", "李四", "out", "--until", "2026-12-01 09:00"],
    );
    assert!(e.contains("return time"), "{e}");
    refused(&data, &["attend", "李四", "out", "--until", "whenever"]);
    // Chinese words for the state work too.
    ok(
        &data,
        &["attend", "李四", "请假", "--approved-by", "王组长"],
    );
}

fn open_meals(data: &Path, now: &str) -> Vec<Value> {
    let list: Value = serde_json::from_str(&ok_at(data, now, &["list", "--json"])).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .filter(|i| i["title"] == "工作餐安排" && i["status"] != "done")
        .cloned()
        .collect()
}

#[test]
fn a_daily_duty_rolls_over_three_days_and_two_processes_completing_it_leave_one_open() {
    let (_root, data) = data_dir();
    let id = ok(
        &data,
        &[
            "add",
            "logistics",
            "工作餐安排",
            "--due",
            "2026-12-01 11:30",
            "--every",
            "day",
        ],
    );
    let mut id = id.trim().to_string();
    for (day, now) in [
        ("2026-12-02", "2026-12-01T12:00:00+08:00"),
        ("2026-12-03", "2026-12-02T12:00:00+08:00"),
        ("2026-12-04", "2026-12-03T12:00:00+08:00"),
    ] {
        // Two processes complete the same occurrence at once.
        let a = bin::liaison(&data, now)
            .args(["done", &id])
            .spawn()
            .unwrap();
        let b = bin::liaison(&data, now)
            .args(["done", &id])
            .spawn()
            .unwrap();
        for mut c in [a, b] {
            assert!(c.wait().unwrap().success());
        }
        let open = open_meals(&data, now);
        assert_eq!(open.len(), 1, "{open:?}");
        assert_eq!(open[0]["due"], format!("{day}T11:30:00+08:00"));
        assert_eq!(open[0]["every"], "day");
        id = open[0]["id"].as_str().unwrap().to_string();
    }
    ok(&data, &["verify"]);
}

#[test]
fn every_is_refused_where_it_cannot_apply() {
    let (_root, data) = data_dir();
    ok(&data, &["add", "logistics", "订房"]);
    let e = refused(
        &data,
        &[
            "add",
            "meeting",
            "晨会",
            "--start",
            "2026-12-02 08:00",
            "--every",
            "day",
        ],
    );
    assert!(e.contains("every"), "{e}");
    let e = refused(
        &data,
        &[
            "--lang",
            "zh",
            "add",
            "logistics",
            "派车",
            "--every",
            "monthly",
        ],
    );
    assert!(e.contains("重复周期") && !e.contains("Every"), "{e}");
    let e = refused(
        &data,
        &["--lang", "zh", "add", "logistics", "派车", "--every", "day"],
    );
    assert!(e.contains("截止时间"), "{e}");
}

#[test]
fn a_state_written_before_the_roster_existed_still_loads_and_takes_a_team() {
    let (_root, data) = data_dir();
    fs::create_dir_all(&data).unwrap();
    fs::write(
        data.join("state.json"),
        r#"{"version":1,"counters":{"logistics":1},"items":[{"id":"L1","kind":"logistics","title":"订房","status":"open","created":"2026-11-30T09:00:00+08:00","updated":"2026-11-30T09:00:00+08:00","category":"lodging"}],"inbox":[]}"#,
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
        fs::set_permissions(data.join("state.json"), fs::Permissions::from_mode(0o600)).unwrap();
    }
    assert!(
        json(&data, &["member", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    ok(&data, &["member", "add", "王组长", "--role", "leader"]);
    let list: Value = serde_json::from_str(&ok(&data, &["list", "--json"])).unwrap();
    assert_eq!(list[0]["id"], "L1");
    assert_eq!(
        json(&data, &["member", "list", "--json"])[0]["name"],
        "王组长"
    );
}

/// The ids under each of the seven day headings of the dashboard's week
/// view at `now`.
fn week_in_dashboard(data: &Path, now: &str) -> Vec<Vec<String>> {
    use liaison::app::App;
    use liaison::model::FixedClock;
    let t = chrono::DateTime::parse_from_rfc3339(now).unwrap();
    let store = liaison::store::Store::open(data).unwrap();
    let snap = store.load().unwrap();
    let config = liaison::config::Config::default();
    let app = App::new(
        store,
        snap,
        liaison::i18n::Lang::En,
        config,
        Box::new(FixedClock(t)),
    );
    let mut days: Vec<Vec<String>> = Vec::new();
    for line in liaison::ui::week_lines_for_tests(&app) {
        if !line.starts_with(' ') {
            days.push(Vec::new());
        } else if let Some(id) = line
            .split_whitespace()
            .nth(1)
            .filter(|w| w.starts_with('M'))
        {
            days.last_mut().unwrap().push(id.to_string());
        }
    }
    days
}

#[test]
fn the_week_view_and_list_week_agree_at_several_clocks() {
    let (_root, data) = data_dir();
    for (title, start) in [
        ("动员会", "2026-11-30 09:00"),
        ("听取汇报", "2026-12-02 09:30"),
        ("个别谈话", "2026-12-02 10:00"),
        ("周日调研", "2026-12-06 23:30"),
        ("下周培训", "2026-12-07 00:30"),
    ] {
        ok(
            &data,
            &[
                "add",
                "meeting",
                title,
                "--start",
                start,
                "--with",
                "王组长",
            ],
        );
    }
    for now in [
        "2026-11-30T00:10:00+08:00",
        "2026-12-02T10:00:00+08:00",
        "2026-12-06T23:59:00+08:00",
        "2026-12-07T08:00:00+08:00",
    ] {
        let week: Value =
            serde_json::from_str(&ok_at(&data, now, &["list", "--week", "--json"])).unwrap();
        let listed: Vec<Vec<String>> = week
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                d["meetings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["id"].as_str().unwrap().to_string())
                    .collect()
            })
            .collect();
        assert_eq!(listed.len(), 7);
        assert_eq!(listed, week_in_dashboard(&data, now), "at {now}");
        let today: Vec<bool> = week
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["today"].as_bool().unwrap())
            .collect();
        assert_eq!(today.iter().filter(|t| **t).count(), 1, "at {now}");
    }
    // Sunday night still shows that week; Monday the next.
    let sunday: Value = serde_json::from_str(&ok_at(
        &data,
        "2026-12-06T23:59:00+08:00",
        &["list", "--week", "--json"],
    ))
    .unwrap();
    assert_eq!(sunday[6]["meetings"][0]["title"], "周日调研");
    let monday: Value = serde_json::from_str(&ok_at(
        &data,
        "2026-12-07T08:00:00+08:00",
        &["list", "--week", "--json"],
    ))
    .unwrap();
    assert_eq!(monday[0]["meetings"][0]["title"], "下周培训");
}

#[test]
fn editing_a_recurring_duty_on_the_command_line_says_which_occurrences() {
    let (_root, data) = data_dir();
    ok(
        &data,
        &[
            "add",
            "logistics",
            "工作餐安排",
            "--due",
            "2026-12-01 11:30",
            "--every",
            "day",
        ],
    );
    let e = refused(&data, &["edit", "L1", "--title", "工作餐安排（加桌）"]);
    assert!(
        e.contains("--this-one") && e.contains("--all-coming"),
        "{e}"
    );
    let e = refused(
        &data,
        &["--lang", "zh", "edit", "L1", "--due", "2026-12-01 12:00"],
    );
    assert!(e.contains("重复事项"), "{e}");
    ok(
        &data,
        &["edit", "L1", "--due", "2026-12-01 12:00", "--this-one"],
    );
    ok(&data, &["done", "L1"]);
    let open = open_meals(&data, NOW);
    assert_eq!(open[0]["due"], "2026-12-02T11:30:00+08:00");
    let next = open[0]["id"].as_str().unwrap().to_string();
    ok(
        &data,
        &["edit", &next, "--due", "2026-12-02 11:00", "--all-coming"],
    );
    ok(&data, &["done", &next]);
    assert_eq!(
        open_meals(&data, NOW)[0]["due"],
        "2026-12-03T11:00:00+08:00"
    );
}

//! The command line, driven through the real binary: each test has its own
//! data directory, a fixed clock and a fixed language, so nothing depends on
//! the machine it runs on.

#[path = "support/bin.rs"]
mod bin;
#[path = "support/files.rs"]
mod files_support;
use bin::{BIN, NOW, data_dir};
use files_support::files;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use chrono::DateTime;
use liaison::model::{ModelError, Status};
use liaison::store::{BACKUP_DIR, LOCK_FILE, STATE_FILE, Store};
use serde_json::Value;

fn liaison(data: &Path) -> Command {
    bin::liaison(data, NOW)
}

/// `liaison` started through a shell that first sets the umask to 000.
fn liaison_umask_000(data: &Path) -> Command {
    let mut sh = Command::new("sh");
    sh.args(["-c", r#"umask 000; exec "$0" "$@""#, BIN]);
    bin::setup(sh, data, NOW)
}

fn run(data: &Path, args: &[&str]) -> Output {
    liaison(data).args(args).output().unwrap()
}

fn run_with_stdin(data: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = liaison(data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The stdout of a run that must succeed.
fn succeeded(args: &[&str], out: Output) -> String {
    assert!(
        out.status.success(),
        "liaison {args:?} failed: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn ok(data: &Path, args: &[&str]) -> String {
    succeeded(args, run(data, args))
}

/// The one line on stderr of a run that must fail, with nothing on stdout.
fn failed(args: &[&str], out: Output) -> String {
    let stderr = text(&out.stderr);
    assert!(
        !out.status.success(),
        "liaison {args:?} succeeded: {stderr}"
    );
    assert_eq!(text(&out.stdout), "", "liaison {args:?} printed on stdout");
    assert_eq!(
        stderr.lines().count(),
        1,
        "liaison {args:?} did not say one line: {stderr:?}"
    );
    assert!(stderr.ends_with('\n'), "{stderr:?}");
    stderr
}

fn add(data: &Path, args: &[&str]) -> String {
    let mut all = vec!["add"];
    all.extend(args);
    let out = ok(data, &all);
    assert_eq!(out.lines().count(), 1, "{out:?}");
    out.trim_end_matches('\n').to_string()
}

fn list_json(data: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["list", "--json"];
    args.extend(extra);
    let out = ok(data, &args);
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn field<'a>(item: &'a Value, name: &str) -> &'a str {
    item[name]
        .as_str()
        .unwrap_or_else(|| panic!("no {name} in {item}"))
}

fn ids(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| field(i, "id").to_string()).collect()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Asserts `time` is RFC 3339 with the clock's +08:00 offset and is `local`.
fn assert_time(time: &str, local: &str) {
    let t = DateTime::parse_from_rfc3339(time).unwrap_or_else(|e| panic!("{time}: {e}"));
    assert_eq!(t.offset().local_minus_utc(), 8 * 3600, "{time}");
    assert!(time.ends_with("+08:00"), "{time}");
    assert_eq!(t.format("%Y-%m-%d %H:%M").to_string(), local);
}

// ---------------------------------------------------------------------------
// Adding and listing.

#[test]
fn add_prints_the_id_alone_and_list_json_carries_every_field() {
    let (_root, data) = data_dir();
    let l = add(
        &data,
        &[
            "logistics",
            "订房：驻地宾馆 8 间",
            "--category",
            "lodging",
            "--due",
            "2026-11-26 18:00",
            "--priority",
            "high",
            "--contact",
            "王经理",
        ],
    );
    let d = add(
        &data,
        &[
            "document",
            "近三年财务收支明细账",
            "--from",
            "财务部",
            "--rule",
            "shred",
            "--class",
            "secret",
            "--due",
            "2026-11-27",
        ],
    );
    let m = add(
        &data,
        &[
            "meeting",
            "个别谈话：财务部负责人",
            "--type",
            "interview",
            "--start",
            "2026-11-25 14:30",
            "--place",
            "谈话室",
            "--with",
            "组长,联络员",
        ],
    );
    let s = add(
        &data,
        &[
            "substitute",
            "替谈话组",
            "做记录",
            "--for",
            "谈话组",
            "--due",
            "2026-11-26",
        ],
    );
    let new_ids = [&l, &d, &m, &s];
    for id in new_ids {
        assert!(
            !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()),
            "{id:?}"
        );
    }
    assert_eq!(new_ids.iter().collect::<BTreeSet<_>>().len(), 4);

    let items = list_json(&data, &[]);
    assert_eq!(items.len(), 4);
    let get = |id: &str| {
        items
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id} not listed"))
    };
    for (id, kind) in [
        (&l, "logistics"),
        (&d, "document"),
        (&m, "meeting"),
        (&s, "substitute"),
    ] {
        assert_eq!(field(get(id), "kind"), kind);
        assert_eq!(field(get(id), "status"), "open");
    }

    let l = get(&l);
    assert_eq!(field(l, "title"), "订房：驻地宾馆 8 间");
    assert_eq!(field(l, "category"), "lodging");
    assert_eq!(field(l, "priority"), "high");
    assert_eq!(field(l, "contact"), "王经理");
    assert_time(field(l, "due"), "2026-11-26 18:00");

    let d = get(&d);
    assert_eq!(field(d, "from"), "财务部");
    assert_eq!(field(d, "rule"), "shred");
    assert_eq!(field(d, "class"), "secret");
    // A bare due date means the end of that day.
    assert_time(field(d, "due"), "2026-11-27 23:59");

    let m = get(&m);
    assert_eq!(field(m, "type"), "interview");
    assert_eq!(field(m, "place"), "谈话室");
    assert_eq!(m["attendees"], serde_json::json!(["组长", "联络员"]));
    assert_time(field(m, "start"), "2026-11-25 14:30");
    assert!(m.get("due").is_none(), "{m}");

    let s = get(&s);
    assert_eq!(field(s, "title"), "替谈话组 做记录");
    assert_eq!(field(s, "for"), "谈话组");
    assert_time(field(s, "due"), "2026-11-26 23:59");
    for item in &items {
        assert_time(field(item, "created"), "2026-11-25 10:00");
    }
}

#[test]
fn list_kind_keeps_that_kind_only() {
    let (_root, data) = data_dir();
    let mut meetings = Vec::new();
    for kind in ["logistics", "meeting", "document", "meeting", "substitute"] {
        let id = add(&data, &[kind, "事项"]);
        if kind == "meeting" {
            meetings.push(id);
        }
    }
    let listed = list_json(&data, &["--kind", "meeting"]);
    assert_eq!(ids(&listed), meetings);
    assert!(listed.iter().all(|i| i["kind"] == "meeting"));
    // Kinds are read without regard to case.
    assert_eq!(ids(&list_json(&data, &["--kind", "Meeting"])), meetings);
    assert_eq!(list_json(&data, &[]).len(), 5);
}

#[test]
fn list_today_orders_overdue_meetings_due_then_waiting() {
    let (_root, data) = data_dir();
    add(&data, &["logistics", "下周的事", "--due", "2026-12-02"]);
    let late_meeting = add(
        &data,
        &["meeting", "听取汇报", "--start", "2026-11-25 15:00"],
    );
    let due_today = add(
        &data,
        &["logistics", "确认会议室网络", "--due", "2026-11-25 20:00"],
    );
    let new_overdue = add(
        &data,
        &["document", "会议记录", "--due", "2026-11-25 08:00"],
    );
    let early_meeting = add(&data, &["meeting", "动员会", "--start", "2026-11-25 09:00"]);
    let waiting = add(&data, &["substitute", "起草报告"]);
    let old_overdue = add(&data, &["logistics", "订房", "--due", "2026-11-23"]);
    add(
        &data,
        &["meeting", "明天的会", "--start", "2026-11-26 09:00"],
    );
    let finished = add(&data, &["logistics", "已办", "--due", "2026-11-22"]);
    ok(&data, &["done", &finished]);
    // The command line cannot set "waiting"; the dashboard can.
    let store = Store::open(&data).unwrap();
    let mut snap = store.load().unwrap();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    store
        .transact(&mut snap, now, |s| {
            let at = s.position(&waiting).unwrap();
            s.items[at].status = Status::Waiting;
            Ok::<_, ModelError>(())
        })
        .unwrap();

    let wanted = [
        old_overdue,
        new_overdue,
        early_meeting.clone(),
        late_meeting.clone(),
        due_today,
        waiting,
    ];
    let today = list_json(&data, &["--today"]);
    assert_eq!(ids(&today), wanted);
    let reasons: Vec<&str> = today.iter().map(|i| field(i, "today")).collect();
    assert_eq!(
        reasons,
        ["overdue", "overdue", "meeting", "meeting", "due", "waiting"]
    );
    // The text list has the same order, one item a line, id first.
    let lines = ok(&data, &["list", "--today"]);
    let text_ids: Vec<&str> = lines
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(text_ids, wanted);
    // Filtered by kind, the order holds.
    let meetings = list_json(&data, &["--today", "--kind", "meeting"]);
    assert_eq!(ids(&meetings), [early_meeting, late_meeting]);
}

// ---------------------------------------------------------------------------
// Notes, done, export.

#[test]
fn notes_go_to_the_inbox_to_an_item_and_from_stdin() {
    let (_root, data) = data_dir();
    let m = add(&data, &["meeting", "个别谈话", "--type", "interview"]);
    let other = add(&data, &["meeting", "动员会"]);
    ok(&data, &["note", "明早确认车辆 🚗"]);
    ok(
        &data,
        &[
            "note",
            "问：为什么没有公开招标？",
            "--to",
            &m.to_lowercase(),
        ],
    );
    let out = run_with_stdin(
        &data,
        &["note", "-", "--to", &m],
        "答：时间紧。\n第二行\n".as_bytes(),
    );
    succeeded(&["note", "-"], out);
    let out = run_with_stdin(&data, &["note", "-"], "来自标准输入".as_bytes());
    succeeded(&["note", "-"], out);

    let state: Value = serde_json::from_str(&ok(&data, &["export", "--format", "json"])).unwrap();
    let texts = |notes: &Value| -> Vec<String> {
        notes
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                assert_time(field(n, "at"), "2026-11-25 10:00");
                field(n, "text").to_string()
            })
            .collect()
    };
    assert_eq!(texts(&state["inbox"]), ["明早确认车辆 🚗", "来自标准输入"]);
    let item = |id: &str| {
        state["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        texts(&item(&m)["notes"]),
        ["问：为什么没有公开招标？", "答：时间紧。", "第二行"]
    );
    assert!(item(&other).get("notes").is_none());
}

#[test]
fn done_marks_the_item_done_and_prints_its_id() {
    let (_root, data) = data_dir();
    let a = add(&data, &["logistics", "订房"]);
    let b = add(&data, &["logistics", "订车"]);
    let out = ok(&data, &["done", &b.to_lowercase()]);
    assert_eq!(out, format!("{b}\n"));
    let items = list_json(&data, &[]);
    let status: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (field(i, "id"), field(i, "status")))
        .collect();
    assert_eq!(status, [(a.as_str(), "open"), (b.as_str(), "done")]);
    // The plain list leaves done items out.
    let plain = ok(&data, &["list"]);
    assert!(plain.contains("订房") && !plain.contains("订车"), "{plain}");
}

#[test]
fn export_json_goes_to_stdout_or_to_a_private_file() {
    let (root, data) = data_dir();
    add(&data, &["document", "信访件 📄", "--class", "confidential"]);
    ok(&data, &["note", "收件箱记录"]);
    let state = stored(&data);

    let stdout = ok(&data, &["export", "--format", "json"]);
    let exported: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(exported, serde_json::from_slice::<Value>(&state).unwrap());
    assert_eq!(exported["items"][0]["title"], "信访件 📄");
    assert_eq!(exported["inbox"][0]["text"], "收件箱记录");

    let file = root.path().join("all.json");
    fs::write(&file, "old").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let out = ok(
        &data,
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out, "");
    assert_eq!(fs::read_to_string(&file).unwrap(), stdout);
    assert_eq!(mode(&file), 0o600);

    // A bare file name lands in the current directory.
    let out = liaison(&data)
        .current_dir(root.path())
        .args(["export", "--format", "json", "--out", "here.json"])
        .output()
        .unwrap();
    succeeded(&["export", "--out", "here.json"], out);
    let here = root.path().join("here.json");
    assert_eq!(fs::read_to_string(&here).unwrap(), stdout);
    assert_eq!(mode(&here), 0o600);
}

// ---------------------------------------------------------------------------
// Refusals: non-zero, one line on stderr, nothing changed.

#[test]
fn every_refusal_says_one_line_and_changes_nothing() {
    let (_root, data) = data_dir();
    let id = add(&data, &["meeting", "动员会", "--start", "2026-11-25 09:00"]);
    add(&data, &["logistics", "订房", "--due", "2026-11-24"]);
    let before = files(&data);
    let cases: &[(&[&str], &[&str])] = &[
        (&["add", "logistics", ""], &["title", "empty"]),
        (&["add", "document", "  \t "], &["title", "empty"]),
        (
            &["add", "logistics", "订车", "--due", "next blue moon"],
            &["next blue moon"],
        ),
        (
            &["add", "meeting", "谈话", "--start", "2026-13-01"],
            &["2026-13-01"],
        ),
        (&["add", "vehicle", "订车"], &["vehicle"]),
        (
            &["add", "meeting", "x", "--rule", "shred"],
            &["--rule", "meeting"],
        ),
        (
            &["add", "document", "x", "--type", "interview"],
            &["--type", "document"],
        ),
        (&["add", "meeting", "x", "--type", "party"], &["party"]),
        (
            &["add", "logistics", "x", "--priority", "urgent"],
            &["urgent"],
        ),
        (&["done", "X9"], &["X9"]),
        (&["note", "hi", "--to", "X9"], &["X9"]),
        (&["note", "   "], &["empty"]),
        (&["note", "-"], &["empty"]),
        (&["list", "--kind", "vehicle"], &["vehicle"]),
        (
            &["restore", "state-20991231-235959-1.json"],
            &["state-20991231-235959-1.json"],
        ),
        (&["demo"], &["--force"]),
        (&["add", "meeting"], &["required"]),
        (&["add", "meeting", "x", "--bogus"], &["--bogus"]),
    ];
    for (args, says) in cases {
        let line = failed(args, run(&data, args));
        for s in *says {
            assert!(
                line.contains(s),
                "liaison {args:?} said {line:?}, not {s:?}"
            );
        }
        assert!(line.starts_with("liaison: "), "{line:?}");
        assert_eq!(files(&data), before, "liaison {args:?} changed a file");
    }
    assert_eq!(ids(&list_json(&data, &["--kind", "meeting"])), [id]);
}

#[test]
fn refusals_are_said_in_chinese_with_lang_zh() {
    let (_root, data) = data_dir();
    add(&data, &["logistics", "订房"]);
    let before = files(&data);
    let cases: &[(&[&str], &str)] = &[
        (&["--lang", "zh", "add", "logistics", " "], "标题不能为空"),
        (&["--lang", "zh", "done", "X9"], "没有编号为“X9”的事项"),
        (
            &["--lang", "zh", "add", "meeting", "x", "--rule", "shred"],
            "不适用于会务安排事项",
        ),
        (
            &["--lang", "zh", "add", "logistics", "x", "--due", "下辈子"],
            "无法识别日期“下辈子”",
        ),
    ];
    for (args, says) in cases {
        let line = failed(args, run(&data, args));
        assert!(line.starts_with("liaison: 错误"), "{line:?}");
        assert!(line.contains(says), "liaison {args:?} said {line:?}");
        assert_eq!(files(&data), before);
    }
}

/// Runs commands that read or change the state against a state file holding
/// `bytes`; each must refuse in one line naming the file, and leave every file
/// as it was. Returns the lines.
/// The whole state as stored (snapshot and journal), as a backup holds it.
fn stored(data: &Path) -> Vec<u8> {
    liaison::store::encode(&Store::open(data).unwrap().load().unwrap().state)
}

fn refused_on_unreadable_state(bytes: &[u8]) -> Vec<String> {
    let (_root, data) = data_dir();
    let id = add(&data, &["logistics", "订房"]);
    let path = data.join(STATE_FILE);
    fs::write(&path, bytes).unwrap();
    let before = files(&data);
    let commands: &[&[&str]] = &[
        &["add", "logistics", "订车"],
        &["list"],
        &["list", "--json"],
        &["note", "记录"],
        &["done", &id],
        &["export", "--format", "json"],
        &["demo", "--force"],
    ];
    let mut lines = Vec::new();
    for args in commands {
        let line = failed(args, run(&data, args));
        assert!(
            line.contains(path.to_str().unwrap()),
            "liaison {args:?} did not name the file: {line:?}"
        );
        assert_eq!(files(&data), before, "liaison {args:?} changed a file");
        lines.push(line);
    }
    lines
}

#[test]
fn a_corrupt_state_file_is_refused_and_left_untouched() {
    let bytes = b"{\n  \"version\": 1,\n  \"items\": [\n    {\"id\": \"L1\" \"kind\"";
    for line in refused_on_unreadable_state(bytes) {
        assert!(line.contains("line 4 column"), "{line:?}");
        // And says what to do.
        assert!(line.contains("liaison restore"), "{line:?}");
    }
}

#[test]
fn a_newer_state_file_is_refused_as_newer_and_left_untouched() {
    let bytes = br#"{"version": 99, "items": {"L1": {}}, "boards": []}"#;
    for line in refused_on_unreadable_state(bytes) {
        assert!(line.contains("newer") && line.contains("99"), "{line:?}");
        assert!(!line.contains("line "), "called corrupt: {line:?}");
    }
}

// ---------------------------------------------------------------------------
// Demo data.

#[test]
fn demo_fills_an_empty_dir_and_refuses_a_full_one_without_force() {
    let (_root, data) = data_dir();
    assert_eq!(ok(&data, &["demo"]), "");
    let items = list_json(&data, &[]);
    let kinds: BTreeSet<&str> = items.iter().map(|i| field(i, "kind")).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    let filled = files(&data);

    let line = failed(&["demo"], run(&data, &["demo"]));
    assert!(line.contains("--force"), "{line:?}");
    assert_eq!(files(&data), filled);

    add(&data, &["logistics", "我自己的事"]);
    let mine = stored(&data);
    ok(&data, &["demo", "--force"]);
    assert_eq!(list_json(&data, &[]).len(), items.len());
    // What was replaced is kept as a backup.
    let kept = fs::read_dir(data.join(BACKUP_DIR))
        .unwrap()
        .flatten()
        .any(|e| fs::read(e.path()).unwrap() == mine);
    assert!(kept, "the replaced state was not backed up");
}

#[test]
fn demo_items_makes_that_many_evenly_and_the_same_every_time() {
    let (_root, first) = data_dir();
    let (_root2, second) = data_dir();
    ok(&first, &["demo", "--items", "400"]);
    ok(&second, &["demo", "--items", "400"]);
    let items = list_json(&first, &[]);
    assert_eq!(items.len(), 400);
    for kind in ["logistics", "document", "meeting", "substitute"] {
        assert_eq!(
            items.iter().filter(|i| i["kind"] == kind).count(),
            100,
            "{kind}"
        );
    }
    assert_eq!(ids(&items).into_iter().collect::<BTreeSet<_>>().len(), 400);
    assert_eq!(stored(&first), stored(&second));
    assert_eq!(
        ok(&first, &["list", "--json"]),
        ok(&second, &["list", "--json"])
    );
}

// ---------------------------------------------------------------------------
// Two writers at once.

#[test]
fn two_processes_adding_at_once_lose_nothing() {
    const EACH: usize = 200;
    let (_root, data) = data_dir();
    let writers: Vec<_> = ["甲", "乙"]
        .into_iter()
        .map(|who| {
            let data = data.clone();
            std::thread::spawn(move || {
                for i in 0..EACH {
                    let title = format!("{who}{i}");
                    add(&data, &["logistics", &title]);
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let items = list_json(&data, &[]);
    assert_eq!(items.len(), 2 * EACH);
    let distinct: BTreeSet<String> = ids(&items).into_iter().collect();
    assert_eq!(distinct.len(), 2 * EACH);
    let titles: BTreeSet<&str> = items.iter().map(|i| field(i, "title")).collect();
    for who in ["甲", "乙"] {
        for i in 0..EACH {
            assert!(
                titles.contains(format!("{who}{i}").as_str()),
                "{who}{i} lost"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Permissions.

#[test]
fn files_are_private_even_under_umask_000() {
    let (root, _) = data_dir();
    // The wrapper does set the umask: a file it creates is world-writable.
    let probe = root.path().join("probe");
    let out = Command::new("sh")
        .args(["-c", r#"umask 000; exec "$0" "$@""#, "touch"])
        .arg(&probe)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(mode(&probe), 0o666);

    let data = root.path().join("new").join("data");
    let export = root.path().join("all.json");
    for args in [
        &["add", "logistics", "订房"][..],
        &["add", "logistics", "订车"],
        &[
            "export",
            "--format",
            "json",
            "--out",
            export.to_str().unwrap(),
        ],
    ] {
        let out = liaison_umask_000(&data).args(args).output().unwrap();
        succeeded(args, out);
    }
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join(STATE_FILE)), 0o600);
    assert_eq!(mode(&data.join(LOCK_FILE)), 0o600);
    let backups = data.join(BACKUP_DIR);
    assert_eq!(mode(&backups), 0o700);
    let names: Vec<_> = fs::read_dir(&backups).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "the second add keeps the first state");
    for entry in names {
        assert_eq!(mode(&entry.path()), 0o600, "{}", entry.path().display());
    }
    assert_eq!(mode(&export), 0o600);
}

#[test]
fn loose_permissions_are_tightened_with_a_warning() {
    let (_root, data) = data_dir();
    add(&data, &["logistics", "订房"]);
    let state = data.join(STATE_FILE);
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&state, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(data.join(LOCK_FILE), fs::Permissions::from_mode(0o644)).unwrap();
    let content = fs::read(&state).unwrap();

    let out = run(&data, &["list", "--json"]);
    let stderr = text(&out.stderr);
    let items: Value = serde_json::from_str(&succeeded(&["list"], out)).unwrap();
    assert_eq!(items.as_array().unwrap().len(), 1);
    for (path, was) in [(&data, "755"), (&state, "644")] {
        let said = stderr
            .lines()
            .any(|l| l.contains(path.to_str().unwrap()) && l.contains(was));
        assert!(said, "no warning about {}: {stderr}", path.display());
    }
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&state), 0o600);
    assert_eq!(mode(&data.join(LOCK_FILE)), 0o600);
    assert_eq!(fs::read(&state).unwrap(), content);

    // Once tight, nothing more is said.
    let out = run(&data, &["list", "--json"]);
    assert_eq!(text(&out.stderr), "");
}

// ---------------------------------------------------------------------------
// Backups and restore.

#[test]
fn backups_are_listed_and_restore_keeps_the_state_it_replaces() {
    let (_root, data) = data_dir();
    // Nothing there yet: said so, and nothing made.
    let line = failed(&["backups"], run(&data, &["backups"]));
    assert!(line.contains("no liaison data"), "{line}");
    assert!(!data.exists());

    let first = add(&data, &["logistics", "订房"]);
    add(&data, &["logistics", "订车"]);
    let listed = ok(&data, &["backups"]);
    let names: Vec<&str> = listed
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let on_disk: Vec<String> = fs::read_dir(data.join(BACKUP_DIR))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, on_disk);
    let [name] = names[..] else {
        panic!("{listed}")
    };
    let before = stored(&data);

    let out = run(&data, &["restore", name]);
    let stderr = text(&out.stderr);
    succeeded(&["restore", name], out);
    assert_eq!(ids(&list_json(&data, &[])), [first]);

    let listed = ok(&data, &["backups"]);
    let names: Vec<&str> = listed
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{listed}");
    assert!(names.contains(&name));
    let saved = names.iter().find(|n| **n != name).unwrap();
    assert_eq!(
        fs::read(data.join(BACKUP_DIR).join(saved)).unwrap(),
        before,
        "the state before the restore was not kept"
    );
    assert!(stderr.contains(name) && stderr.contains(saved), "{stderr}");
}

#[test]
fn restore_recovers_from_a_corrupt_state_file_and_keeps_it() {
    let (_root, data) = data_dir();
    let first = add(&data, &["logistics", "订房"]);
    add(&data, &["logistics", "订车"]);
    let listed = ok(&data, &["backups"]);
    let name = listed.split_whitespace().next().unwrap().to_string();
    let corrupt = b"{\"version\": 1, \"items\": [{\"id\": \"L";
    fs::write(data.join(STATE_FILE), corrupt).unwrap();
    failed(&["list"], run(&data, &["list"]));

    ok(&data, &["restore", &name]);
    assert_eq!(ids(&list_json(&data, &[])), [first]);
    // The unreadable file is kept among the backups, not thrown away.
    let kept = fs::read_dir(data.join(BACKUP_DIR))
        .unwrap()
        .flatten()
        .any(|e| fs::read(e.path()).unwrap() == corrupt);
    assert!(kept, "the corrupt file was not kept");
}

/// Output to a full disk fails with one line in the user's language: the
/// file system's answer translated, its number kept, no English left.
#[test]
fn a_full_disk_under_stdout_is_said_in_chinese() {
    let (_tmp, data) = data_dir();
    assert!(run(&data, &["add", "logistics", "订车"]).status.success());
    for args in [
        &["--lang", "zh", "list", "--json"][..],
        &["--lang", "zh", "show", "L1", "--json"][..],
        &["--lang", "zh", "list"][..],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = liaison(&data).args(args).stdout(full).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains("标准输出") && err.contains("磁盘空间不足") && err.contains("28"),
            "{args:?}: {err}"
        );
        // The program's name is the one word of English.
        let said = err.trim().trim_start_matches("liaison:");
        assert!(
            !said.chars().any(|c| c.is_ascii_alphabetic()),
            "{args:?}: {err}"
        );
    }
}

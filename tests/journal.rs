//! The journal: no acknowledged change is lost to a kill -9 or to another
//! process writing at the same time, and any hand edit of the data is
//! caught by `verify` and named by every command.

#[path = "support/bin.rs"]
mod bin;
#[path = "support/crash.rs"]
mod crash;
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use liaison::model::{Item, Kind, ModelError, Note, Time};
use liaison::store::journal::JOURNAL_FILE;
use liaison::store::{KdfParams, Passphrase, STATE_FILE, Store};
use serde_json::Value;

fn pass() -> Passphrase {
    Passphrase::new("巡察 journal passphrase")
}

fn minutes(m: i64) -> Time {
    bin::now() + chrono::Duration::minutes(m)
}

fn open(data: &Path) -> Store {
    let mut s = Store::open(data).unwrap();
    if s.needs_passphrase().unwrap() {
        s.unlock(&pass()).unwrap();
    }
    s
}

// ---------------------------------------------------------------------------
// kill -9 in the middle of appends.

const CHILD_DIR: &str = "LIAISON_TEST_JOURNAL_DIR";
const CHILD: &str = "journal_child_appends_and_acknowledges";
const APPENDS: usize = 200;

/// Not a test on its own: does nothing unless a test below starts it.
/// Appends until the store holds `APPENDS` items, printing each id once
/// its change is acknowledged (the store returned).
#[test]
fn journal_child_appends_and_acknowledges() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let store = open(&PathBuf::from(dir));
    let mut snap = store.load().unwrap();
    println!("ready");
    while snap.state.items.len() < APPENDS {
        let k = snap.state.items.len() as i64 + 1;
        let at = minutes(k);
        let id = store
            .transact(&mut snap, at, |s| {
                let mut item = Item::new(Kind::Logistics, format!("第{k}项"), at);
                item.notes.push(Note {
                    at,
                    text: "车队回复：周四两辆车".repeat(4),
                });
                s.add(item)
            })
            .unwrap();
        println!("ack {id}");
    }
    println!("finished");
}

/// Runs the child and kills it after a varying number of acknowledgements;
/// returns the ids it acknowledged and whether it finished.
///
/// The child may finish on its own between the last line read and the
/// kill (it needs no more than a few appends to reach `APPENDS`), so what
/// it printed is read to the end after it is gone: an exit of its own is
/// fine when it said `finished`, and every `ack` it printed counts, read
/// before the kill or after.
fn run_child_and_kill(data: &Path, delays: &mut crash::Delays) -> (Vec<String>, bool) {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .args(["--exact", CHILD, "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let wanted = delays.below(25) as usize;
    let mut acked = Vec::new();
    let mut finished = false;
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let take = |line: &str, acked: &mut Vec<String>| {
        if let Some(id) = line.strip_prefix("ack ") {
            acked.push(id.to_string());
        }
        line == "finished"
    };
    for line in lines.by_ref().map_while(Result::ok) {
        if take(&line, &mut acked) {
            finished = true;
            break;
        }
        if acked.len() >= wanted {
            // Somewhere in the next append (or between two).
            std::thread::sleep(std::time::Duration::from_micros(delays.below(3_000)));
            break;
        }
    }
    let _ = child.kill();
    let status = child.wait().unwrap();
    for line in lines.map_while(Result::ok) {
        finished |= take(&line, &mut acked);
    }
    assert!(
        (finished && status.success()) || status.signal() == Some(9),
        "child ended with {status} without finishing"
    );
    (acked, finished)
}

fn kill_during_appends(encrypted: bool, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    if encrypted {
        Store::open(&data)
            .unwrap()
            .encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP)
            .unwrap();
    }
    let mut delays = crash::Delays::new(seed);
    let mut all_acked: Vec<String> = Vec::new();
    for round in 0..100 {
        let (acked, finished) = run_child_and_kill(&data, &mut delays);
        all_acked.extend(acked);
        let snap = open(&data)
            .load()
            .unwrap_or_else(|e| panic!("round {round}: the store does not load: {e}"));
        let state = snap.state;
        // Every acknowledged change is there, and nothing half-applied: the
        // items are exactly 1..=n, each whole, with its counter.
        for id in &all_acked {
            assert!(
                state.get(id).is_some(),
                "round {round}: {id} acknowledged but lost"
            );
        }
        for (k, item) in state.items.iter().enumerate() {
            assert_eq!(item.id, format!("L{}", k + 1), "round {round}");
            assert_eq!(item.notes.len(), 1, "round {round}: {} torn", item.id);
        }
        assert_eq!(
            state.counters.logistics as usize,
            state.items.len(),
            "round {round}"
        );
        if finished {
            break;
        }
    }
    let out = bin::liaison(&data, bin::NOW)
        .env("LIAISON_PASSPHRASE_FILE", write_pass(dir.path()))
        .arg("verify")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let state = open(&data).load().unwrap().state;
    assert_eq!(state.items.len(), APPENDS, "the child never finished");
}

fn write_pass(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("pass.txt");
    fs::write(&path, "巡察 journal passphrase\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    path
}

#[test]
fn kill_9_during_appends_loses_no_acknowledged_change() {
    kill_during_appends(false, 0x9E37_79B9_7F4A_7C15);
}

#[test]
fn kill_9_during_encrypted_appends_loses_no_acknowledged_change() {
    kill_during_appends(true, 0xD1B5_4A32_D192_ED03);
}

// ---------------------------------------------------------------------------
// Two processes at once.

const WRITER_DIR: &str = "LIAISON_TEST_JOURNAL_WRITER_DIR";
const WRITER_NAME: &str = "LIAISON_TEST_JOURNAL_WRITER_NAME";
const WRITER: &str = "journal_writer_makes_300_changes";

/// Not a test on its own: 300 changes, a third each adds, notes and edits
/// of the same items the other writer edits.
#[test]
fn journal_writer_makes_300_changes() {
    let (Some(dir), Some(name)) = (
        std::env::var_os(WRITER_DIR),
        std::env::var(WRITER_NAME).ok(),
    ) else {
        return;
    };
    let store = open(&PathBuf::from(dir));
    let mut snap = store.load().unwrap();
    for n in 0..300 {
        let at = minutes(n);
        let target = format!("L{}", n % 3 + 1);
        match n % 3 {
            0 => store
                .transact(&mut snap, at, |s| {
                    s.add(Item::new(Kind::Logistics, format!("{name}-{n}"), at))
                        .map(|_| ())
                })
                .unwrap(),
            1 => store
                .transact(&mut snap, at, |s| {
                    s.add_note(Some(&target), &format!("{name} note {n}"), at)
                })
                .unwrap(),
            _ => store
                .transact(&mut snap, at, |s| {
                    let mut item = s.get(&target).cloned().ok_or(ModelError::EmptyTitle)?;
                    item.contact = Some(format!("{name} {n}"));
                    s.replace(item, at).map(|_| ())
                })
                .unwrap(),
        }
    }
}

#[test]
fn two_processes_making_300_changes_each_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data).unwrap();
    let mut snap = store.load().unwrap();
    for t in ["甲", "乙", "丙"] {
        store
            .transact(&mut snap, minutes(0), |s| {
                s.add(Item::new(Kind::Logistics, t, minutes(0))).map(|_| ())
            })
            .unwrap();
    }
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|name| {
            Command::new(&exe)
                .args(["--exact", WRITER, "--nocapture", "--test-threads=1"])
                .env(WRITER_DIR, &data)
                .env(WRITER_NAME, name)
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let state = Store::open(&data).unwrap().load().unwrap().state;
    for name in ["a", "b"] {
        let adds = state
            .items
            .iter()
            .filter(|i| i.title.starts_with(&format!("{name}-")))
            .count();
        assert_eq!(adds, 100, "{name}'s adds");
        let notes = state
            .items
            .iter()
            .flat_map(|i| &i.notes)
            .filter(|n| n.text.starts_with(&format!("{name} note")))
            .count();
        assert_eq!(notes, 100, "{name}'s notes");
    }
    let out = bin::liaison(&data, bin::NOW)
        .arg("verify")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Each edit is in the journal with the value it replaced.
    let ops = Store::open(&data).unwrap().operations().unwrap();
    let edits = ops
        .iter()
        .filter(|o| o.change == "edit" && o.fields.contains_key("contact"))
        .count();
    assert_eq!(edits, 200);
}

// ---------------------------------------------------------------------------
// Tamper evidence.

fn run(data: &Path, args: &[&str]) -> Output {
    bin::liaison(data, bin::NOW).args(args).output().unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A store with a secret document in custody, notes and a done item; the
/// first part compacted into the snapshot, the rest in the journal.
fn sample(root: &Path) -> PathBuf {
    let data = root.join("data");
    ok(
        &data,
        &[
            "add",
            "document",
            "干部档案",
            "--class",
            "secret",
            "--from",
            "组织部",
        ],
    );
    ok(&data, &["add", "logistics", "订车"]);
    ok(&data, &["custody", "D1", "receive"]);
    Store::open(&data).unwrap().compact_now(minutes(1)).unwrap();
    ok(&data, &["note", "车队回复：周四两辆车", "--to", "L1"]);
    ok(
        &data,
        &["add", "document", "会议记录", "--class", "confidential"],
    );
    ok(&data, &["done", "L1"]);
    data
}

fn lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    fs::write(
        path,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
}

/// Every command that reads the data must refuse, naming the file.
fn caught(data: &Path, what: &str, file: &str) {
    let out = run(data, &["verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{what}: verify passed");
    assert!(err.contains(file), "{what}: verify said {err}");
    for args in [
        &["list"][..],
        // Takes the quick listing when nothing is wrong.
        &["list", "--json"],
        &["add", "logistics", "x"],
        &["note", "y"],
        // These three take the quick path when nothing is wrong.
        &["note", "z", "--to", "L1"],
        &["done", "L1"],
        &["report"],
    ] {
        let out = run(data, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{what}: {args:?} went on");
        assert!(
            err.contains(file) && err.lines().count() == 1,
            "{what}: {args:?}: {err}"
        );
    }
}

#[test]
fn every_kind_of_hand_edit_is_caught_and_named_by_every_command() {
    let root = tempfile::tempdir().unwrap();
    let data = sample(root.path());
    assert!(ok(&data, &["verify"]).contains("head"));
    type Edit = fn(&Path);
    let table: &[(&str, &str, Edit)] = &[
        ("a field of an operation", JOURNAL_FILE, |d| {
            let p = d.join(JOURNAL_FILE);
            let t = fs::read_to_string(&p).unwrap();
            fs::write(&p, t.replace("周四两辆车", "周五两辆车")).unwrap();
        }),
        ("an operation deleted", JOURNAL_FILE, |d| {
            let p = d.join(JOURNAL_FILE);
            let mut l = lines(&p);
            l.remove(1);
            write_lines(&p, &l);
        }),
        ("operations reordered", JOURNAL_FILE, |d| {
            let p = d.join(JOURNAL_FILE);
            let mut l = lines(&p);
            l.swap(1, 2);
            write_lines(&p, &l);
        }),
        ("the tail cut", JOURNAL_FILE, |d| {
            let p = d.join(JOURNAL_FILE);
            let mut l = lines(&p);
            l.pop();
            write_lines(&p, &l);
        }),
        (
            "a document's class changed in the journal",
            JOURNAL_FILE,
            |d| {
                let p = d.join(JOURNAL_FILE);
                let t = fs::read_to_string(&p).unwrap();
                fs::write(&p, t.replace("\"confidential\"", "\"public\"")).unwrap();
            },
        ),
        (
            "a document's class changed in the snapshot",
            STATE_FILE,
            |d| {
                let p = d.join(STATE_FILE);
                let t = fs::read_to_string(&p).unwrap();
                fs::write(&p, t.replace("\"secret\"", "\"public\"")).unwrap();
            },
        ),
        (
            "a whole document deleted from the snapshot",
            STATE_FILE,
            |d| {
                let p = d.join(STATE_FILE);
                let mut v: Value = serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
                v["items"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|i| i["id"] != "D1");
                fs::write(&p, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
            },
        ),
        (
            "a custody event's person edited in the snapshot",
            STATE_FILE,
            |d| {
                let p = d.join(STATE_FILE);
                let t = fs::read_to_string(&p).unwrap();
                fs::write(&p, t.replacen("\"receive\"", "\"lend\"", 1)).unwrap();
            },
        ),
        ("the snapshot replaced by another", STATE_FILE, |d| {
            fs::write(
                d.join(STATE_FILE),
                liaison::store::encode(&Default::default()),
            )
            .unwrap();
        }),
    ];
    for (what, file, edit) in table {
        let copy = tempfile::tempdir().unwrap();
        let d = copy.path().join("data");
        copy_dir(&data, &d);
        edit(&d);
        caught(&d, what, file);
    }
}

#[test]
fn resealing_without_the_key_is_caught() {
    let root = tempfile::tempdir().unwrap();
    let pass_file = write_pass(root.path());
    let a = root.path().join("a");
    let b = root.path().join("b");
    for d in [&a, &b] {
        ok(d, &["add", "logistics", "订车"]);
        Store::open(d)
            .unwrap()
            .encrypt(&pass(), KdfParams::TEST_ONLY_CHEAP)
            .unwrap();
    }
    let cmd = |d: &Path, args: &[&str]| {
        bin::liaison(d, bin::NOW)
            .env("LIAISON_PASSPHRASE_FILE", &pass_file)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(cmd(&a, &["note", "甲", "--to", "L1"]).status.success());
    assert!(cmd(&b, &["note", "乙", "--to", "L1"]).status.success());
    assert!(cmd(&a, &["verify"]).status.success());
    // A line sealed under another key (same passphrase, another salt), and
    // a plain line rehashed without the key, in place of a's last line.
    let (pa, pb) = (a.join(JOURNAL_FILE), b.join(JOURNAL_FILE));
    let (mut la, lb) = (lines(&pa), lines(&pb));
    *la.last_mut().unwrap() = lb.last().unwrap().clone();
    write_lines(&pa, &la);
    let out = cmd(&a, &["verify"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(JOURNAL_FILE));
    let out = cmd(&a, &["list"]);
    assert!(!out.status.success(), "list went on");
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

// ---------------------------------------------------------------------------
// Migration from version 1.

fn migrates_unchanged(args: &[&str]) {
    let root = tempfile::tempdir().unwrap();
    let now = root.path().join("now");
    ok(&now, args);
    let before = ok(&now, &["list", "--json", "--all"]);
    // The state as version 1 wrote it: the same JSON, version 1.
    let mut state = Store::open(&now).unwrap().load().unwrap().state;
    state.version = 1;
    let v1 = liaison::store::encode(&state);
    let old = root.path().join("old");
    fs::create_dir_all(&old).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&old, fs::Permissions::from_mode(0o700)).unwrap();
        let f = old.join(STATE_FILE);
        fs::write(&f, &v1).unwrap();
        fs::set_permissions(&f, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let out = run(&old, &["list", "--json", "--all"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), before);
    assert!(String::from_utf8_lossy(&out.stderr).contains("converted"));
    // The old file is kept, byte for byte, and the new pair verifies.
    let kept = fs::read_dir(old.join("backups"))
        .unwrap()
        .flatten()
        .any(|e| fs::read(e.path()).unwrap() == v1);
    assert!(kept, "the version-1 file was not kept");
    assert!(ok(&old, &["verify"]).contains("head"));
    assert_eq!(ok(&old, &["list", "--json", "--all"]), before);
}

#[test]
fn a_version_1_demo_is_migrated_with_the_same_list() {
    migrates_unchanged(&["demo"]);
}

#[test]
fn a_version_1_file_of_10000_items_is_migrated_with_the_same_list() {
    migrates_unchanged(&["demo", "--items", "10000"]);
}

#[test]
fn a_newer_journal_format_is_refused_and_left_alone() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    ok(&data, &["add", "logistics", "订车"]);
    let p = data.join(STATE_FILE);
    let t = fs::read_to_string(&p).unwrap();
    fs::write(&p, t.replace("\"version\": 2", "\"version\": 3")).unwrap();
    let before = fs::read(&p).unwrap();
    let out = run(&data, &["list"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer"));
    assert_eq!(fs::read(&p).unwrap(), before);
}

// ---------------------------------------------------------------------------
// The key cache.

#[test]
fn unlock_keeps_the_key_for_a_while_and_lock_forgets_it() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let pass_file = write_pass(root.path());
    ok(&data, &["add", "logistics", "订车"]);
    let with_pass = |args: &[&str]| {
        bin::liaison(&data, bin::NOW)
            .env("LIAISON_PASSPHRASE_FILE", &pass_file)
            .env("LIAISON_TEST_CHEAP_KDF", "1")
            .args(args)
            .output()
            .unwrap()
    };
    assert!(with_pass(&["encrypt"]).status.success());
    // Without the key kept, and no terminal: refused.
    assert!(!run(&data, &["list"]).status.success());
    let out = run(&data, &["unlock", "--for", "25h"]);
    assert!(!out.status.success(), "no passphrase: nothing to keep");
    let out = with_pass(&["unlock", "--for", "25h"]);
    assert!(!out.status.success(), "more than a day is refused");
    assert!(with_pass(&["unlock", "--for", "10m"]).status.success());
    // Now commands open the data without the passphrase.
    assert!(ok(&data, &["list"]).contains("订车"));
    ok(&data, &["add", "logistics", "订房"]);
    assert!(ok(&data, &["verify"]).contains("head"));
    // Another directory is not opened with it.
    let other = root.path().join("other");
    ok(&other, &["add", "logistics", "x"]);
    let out = bin::liaison(&other, bin::NOW)
        .env("LIAISON_PASSPHRASE_FILE", &pass_file)
        .env("LIAISON_TEST_CHEAP_KDF", "1")
        .arg("encrypt")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!run(&other, &["list"]).status.success());
    // lock asks for nothing and forgets it.
    let out = run(&data, &["lock"]);
    assert!(out.status.success());
    assert!(!run(&data, &["list"]).status.success());
    // A short time runs out by itself.
    assert!(with_pass(&["unlock", "--for", "1s"]).status.success());
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert!(
        !run(&data, &["list"]).status.success(),
        "the key outlived its time"
    );
}

//! Encryption at rest through the real binary, the passphrase given with
//! `--passphrase-file` (or its variable): nothing readable left in the data
//! directory, a round trip that keeps the state, and every refusal one line
//! with nothing changed.

#[path = "support/bin.rs"]
mod bin;
#[path = "support/files.rs"]
mod files_support;
use files_support::files;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use liaison::store::{BACKUP_DIR, MARK_FILE, Passphrase, STATE_FILE, Store};
use serde_json::Value;
use tempfile::TempDir;

const PASS: &str = "巡察组 correct horse";

/// Texts the scenario writes; none may be found in the encrypted files.
const SECRETS: &[&str] = &[
    "2023—2025年党委会会议记录",
    "党委办公室",
    "个别谈话：财务部负责人",
    "驻地二楼谈话室",
    "Book rooms at Riverside Hotel",
    "为什么没有公开招标",
    "confirm the vehicles",
    "张三组员",
    "组长王五",
    "草稿里的谈话要点",
    "draft talking points",
];

struct Dir {
    _root: TempDir,
    data: PathBuf,
    pass: PathBuf,
    wrong: PathBuf,
}

fn dir() -> Dir {
    let root = tempfile::tempdir().unwrap();
    let pass = root.path().join("pass");
    fs::write(&pass, format!("{PASS}\n")).unwrap();
    let wrong = root.path().join("wrong");
    fs::write(&wrong, "巡察组 correct horse!\r\n").unwrap();
    // A passphrase file others can read is refused.
    for f in [&pass, &wrong] {
        fs::set_permissions(f, fs::Permissions::from_mode(0o600)).unwrap();
    }
    Dir {
        data: root.path().join("data"),
        pass,
        wrong,
        _root: root,
    }
}

/// `liaison --data-dir DATA` at minute `at` past a fixed morning, without a
/// controlling terminal (so it can never prompt) and with the cheap key
/// derivation a debug build allows for tests.
fn cmd(d: &Dir, at: i64) -> Command {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-25T09:00:00+08:00").unwrap()
        + chrono::Duration::minutes(at);
    let mut c = bin::liaison(&d.data, &now.to_rfc3339());
    c.env("LIAISON_TEST_CHEAP_KDF", "1");
    // SAFETY: setsid(2) only, in the child before exec.
    unsafe {
        c.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    c
}

fn run_with(d: &Dir, at: i64, pass: Option<&Path>, args: &[&str]) -> Output {
    let mut c = cmd(d, at);
    if let Some(p) = pass {
        c.arg("--passphrase-file").arg(p);
    }
    c.args(args).output().unwrap()
}

/// A run that must succeed, given the passphrase file while the data is
/// encrypted (or being encrypted): with a passphrase given, plain data is
/// never written.
fn ok(d: &Dir, at: i64, args: &[&str]) -> String {
    let sealed = d.data.join(MARK_FILE).exists() || args.first() == Some(&"encrypt");
    let out = run_with(d, at, sealed.then_some(d.pass.as_path()), args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "liaison {args:?} failed: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// The one line on stderr of a run that must fail, with nothing on stdout.
fn refused(out: Output) -> String {
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success(), "succeeded: {err}");
    assert!(out.stdout.is_empty(), "printed on stdout");
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    err
}

/// The secrets found in the raw bytes of any file under the data directory.
fn readable(d: &Dir) -> Vec<&'static str> {
    let all = files(&d.data);
    SECRETS
        .iter()
        .copied()
        .filter(|s| {
            all.values()
                .any(|b| b.windows(s.len()).any(|w| w == s.as_bytes()))
        })
        .collect()
}

fn list_json(d: &Dir, at: i64) -> Vec<Value> {
    serde_json::from_str(&ok(d, at, &["list", "--json"])).unwrap()
}

/// A day's work: items of each kind, notes, a document's custody from
/// receipt to shredding, a saved draft, and edits far enough apart in time
/// that backups are taken.
fn work(d: &Dir) {
    ok(
        d,
        0,
        &[
            "add", "document", SECRETS[0], "--from", SECRETS[1], "--rule", "shred",
        ],
    );
    ok(
        d,
        20,
        &["add", "meeting", SECRETS[2], "--place", SECRETS[3]],
    );
    ok(d, 40, &["add", "logistics", SECRETS[4]]);
    ok(
        d,
        60,
        &["note", &format!("问：{}？", SECRETS[5]), "--to", "M1"],
    );
    ok(d, 80, &["note", &format!("Inbox: {}", SECRETS[6])]);
    ok(d, 100, &["custody", "D1", "receive"]);
    ok(d, 120, &["custody", "D1", "lend", "--person", SECRETS[7]]);
    ok(d, 140, &["custody", "D1", "back"]);
    ok(
        d,
        160,
        &[
            "custody",
            "D1",
            "shred",
            "--approved-by",
            SECRETS[8],
            "--witness",
            SECRETS[8],
        ],
    );
    let mut store = Store::open(&d.data).unwrap();
    store.unlock(&Passphrase::new(PASS)).unwrap();
    let draft = serde_json::json!({"draft": "capture", "target": "M1",
        "text": format!("{} / {}", SECRETS[9], SECRETS[10])});
    store.save_draft(draft.to_string().as_bytes()).unwrap();
    assert!(store.backups().unwrap().len() >= 5);
}

#[test]
fn with_encryption_on_no_title_or_note_is_readable_in_any_file() {
    // Without encryption the same work leaves every text readable, so the
    // search below would find them.
    let plain = dir();
    work(&plain);
    assert_eq!(readable(&plain), SECRETS);

    let d = dir();
    ok(&d, 0, &["encrypt"]);
    work(&d);
    assert_eq!(readable(&d), Vec::<&str>::new());
    assert_eq!(list_json(&d, 200), list_json(&plain, 200));
}

#[test]
fn encrypt_then_use_then_decrypt_gives_the_same_state() {
    let d = dir();
    ok(&d, 0, &["add", "logistics", "订房：驻地宾馆"]);
    ok(&d, 20, &["note", "明早确认车辆"]);
    let before = fs::read(d.data.join(STATE_FILE)).unwrap();
    let err = run_with(&d, 30, Some(&d.pass), &["encrypt"]);
    assert!(String::from_utf8_lossy(&err.stderr).contains("encryption is on"));
    assert_ne!(fs::read(d.data.join(STATE_FILE)).unwrap(), before);
    // Decrypted straight away, the file is what it was, byte for byte.
    ok(&d, 40, &["decrypt"]);
    assert_eq!(fs::read(d.data.join(STATE_FILE)).unwrap(), before);

    ok(&d, 50, &["encrypt"]);
    ok(
        &d,
        70,
        &["add", "meeting", "听取汇报", "--start", "2026-11-26 09:30"],
    );
    ok(&d, 90, &["done", "L1"]);
    let seen = list_json(&d, 100);
    let exported = ok(&d, 100, &["export", "--format", "json"]);
    let out = run_with(&d, 110, Some(&d.pass), &["decrypt"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("encryption is off"));
    // Plain again: no passphrase needed, state and backups are JSON.
    let out = run_with(&d, 120, None, &["export", "--format", "json"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), exported);
    assert_eq!(list_json(&d, 120), seen);
    let state: Value = serde_json::from_slice(&fs::read(d.data.join(STATE_FILE)).unwrap()).unwrap();
    assert_eq!(state["items"].as_array().unwrap().len(), 2);
    for (path, bytes) in files(&d.data.join(BACKUP_DIR)) {
        serde_json::from_slice::<Value>(&bytes)
            .unwrap_or_else(|e| panic!("{} is not plain JSON: {e}", path.display()));
    }
}

#[test]
fn a_wrong_passphrase_changes_nothing_and_exits_non_zero() {
    let d = dir();
    ok(&d, 0, &["add", "document", "会计凭证"]);
    ok(&d, 20, &["encrypt"]);
    ok(&d, 40, &["add", "logistics", "订车"]);
    let before = files(&d.data);
    for args in [
        &["list"][..],
        &["add", "logistics", "不应保存"],
        &["note", "不应保存"],
        &["done", "L1"],
        &["backups"],
        &["decrypt"],
        &["encrypt"],
        &["export", "--format", "json"],
    ] {
        let err = refused(run_with(&d, 60, Some(&d.wrong), args));
        assert!(err.contains("wrong passphrase"), "{args:?}: {err}");
        assert_eq!(files(&d.data), before, "{args:?} changed a file");
    }
    let zh = refused(run_with(&d, 60, Some(&d.wrong), &["--lang", "zh", "list"]));
    assert!(zh.contains("口令错误"), "{zh}");
}

#[test]
fn without_a_terminal_or_a_passphrase_file_it_says_how_to_give_one() {
    let d = dir();
    ok(&d, 0, &["add", "logistics", "订房"]);
    ok(&d, 20, &["encrypt"]);
    let before = files(&d.data);
    let err = refused(run_with(&d, 40, None, &["add", "logistics", "订车"]));
    assert!(
        err.contains("--passphrase-file") && err.contains("LIAISON_PASSPHRASE_FILE"),
        "{err}"
    );
    assert_eq!(files(&d.data), before);
    // The variable does what the flag does.
    let out = cmd(&d, 40)
        .env("LIAISON_PASSPHRASE_FILE", &d.pass)
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_new_passphrase_must_be_long_enough_and_the_file_not_empty() {
    let d = dir();
    ok(&d, 0, &["add", "logistics", "订房"]);
    let before = files(&d.data);
    let short = d.data.with_file_name("short");
    fs::write(&short, "1234567\n").unwrap();
    fs::set_permissions(&short, fs::Permissions::from_mode(0o600)).unwrap();
    let err = refused(run_with(&d, 10, Some(&short), &["encrypt"]));
    assert!(err.contains("at least 8 characters"), "{err}");
    fs::write(&short, "\nsecond line is not read\n").unwrap();
    let err = refused(run_with(&d, 10, Some(&short), &["encrypt"]));
    assert!(err.contains("empty"), "{err}");
    let err = refused(run_with(
        &d,
        10,
        Some(&d.data.with_file_name("missing")),
        &["encrypt"],
    ));
    assert!(err.contains("cannot read the passphrase file"), "{err}");
    assert_eq!(files(&d.data), before);
    // Turning it on twice, or off when it is off, changes nothing.
    ok(&d, 20, &["encrypt"]);
    let sealed = files(&d.data);
    let out = run_with(&d, 30, Some(&d.pass), &["encrypt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("already encrypted"));
    assert_eq!(files(&d.data), sealed);
    ok(&d, 40, &["decrypt"]);
    let plain = files(&d.data);
    let out = run_with(&d, 50, None, &["decrypt"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not encrypted"));
    assert_eq!(files(&d.data), plain);
}

/// The refusal of `list` after `damage` to the encrypted state file.
fn refused_after(damage: impl FnOnce(&mut Vec<u8>)) -> String {
    let d = dir();
    ok(&d, 0, &["add", "logistics", "订房"]);
    ok(&d, 20, &["encrypt"]);
    let path = d.data.join(STATE_FILE);
    let mut bytes = fs::read(&path).unwrap();
    damage(&mut bytes);
    fs::write(&path, &bytes).unwrap();
    let before = files(&d.data);
    let err = refused(run_with(
        &d,
        40,
        Some(&d.pass),
        &["add", "logistics", "订车"],
    ));
    assert_eq!(files(&d.data), before);
    assert!(err.contains("state.json"), "{err}");
    assert!(!err.contains("wrong passphrase"), "{err}");
    err
}

#[test]
fn a_damaged_or_newer_encrypted_file_is_refused_as_such() {
    let err = refused_after(|b| b.truncate(b.len() - 20));
    assert!(err.contains("cut short"), "{err}");
    let err = refused_after(|b| {
        let mid = b.len() / 2;
        b[mid] ^= 0x04;
    });
    assert!(err.contains("damaged in its contents"), "{err}");
    let err = refused_after(|b| b[30] ^= 0x01);
    assert!(err.contains("damaged in its header"), "{err}");
    let err = refused_after(|b| b[12] = 9);
    assert!(
        err.contains("newer liaison") && err.contains("version 9"),
        "{err}"
    );
}

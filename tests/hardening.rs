//! A hostile data directory and hostile input, through the real binary:
//! links, another user's directory, special files, terminal escapes.

#[path = "support/bin.rs"]
mod bin;
use bin::{NOW, data_dir};
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use liaison::store::{BACKUP_DIR, LOCK_FILE, STATE_FILE};

fn liaison(data: &Path) -> Command {
    bin::liaison(data, NOW)
}

fn run(data: &Path, args: &[&str]) -> Output {
    liaison(data).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
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

/// A refusal: non-zero, one line on stderr that names `path`.
fn refused(out: &Output, path: &Path) {
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "accepted: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr}");
    assert!(
        stderr.contains(path.to_str().unwrap()),
        "does not name {}: {stderr}",
        path.display()
    );
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().mode() & 0o777
}

/// A file outside the data directory that must not be touched.
fn victim(root: &Path, name: &str) -> (std::path::PathBuf, Vec<u8>) {
    let path = root.join(name);
    fs::write(&path, b"do not touch\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    (path, b"do not touch\n".to_vec())
}

#[test]
fn a_lock_file_that_is_a_link_is_refused_and_its_target_untouched() {
    let (root, data) = data_dir();
    ok(&data, &["add", "logistics", "订房"]);
    let (target, was) = victim(root.path(), "victim.conf");
    let lock = data.join(LOCK_FILE);
    fs::remove_file(&lock).unwrap();
    symlink(&target, &lock).unwrap();
    for args in [
        &["add", "logistics", "订车"][..],
        &["list"],
        &["list", "--json"],
    ] {
        refused(&run(&data, args), &lock);
    }
    assert_eq!(fs::read(&target).unwrap(), was);
    assert_eq!(mode(&target), 0o640);
}

#[test]
fn a_state_file_that_is_a_link_is_neither_read_nor_chmodded() {
    let (root, data) = data_dir();
    ok(&data, &["add", "logistics", "订房"]);
    let real = root.path().join("real.json");
    let state = data.join(STATE_FILE);
    fs::rename(&state, &real).unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).unwrap();
    let was = fs::read(&real).unwrap();
    symlink(&real, &state).unwrap();
    refused(&run(&data, &["list"]), &state);
    refused(&run(&data, &["add", "logistics", "订车"]), &state);
    assert_eq!(mode(&real), 0o644);
    assert_eq!(fs::read(&real).unwrap(), was);
    assert!(
        fs::symlink_metadata(&state)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_backups_folder_that_is_a_link_is_not_chmodded_written_or_pruned() {
    let (root, data) = data_dir();
    ok(&data, &["add", "logistics", "订房"]);
    let elsewhere = root.path().join("photos");
    fs::create_dir(&elsewhere).unwrap();
    fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o755)).unwrap();
    // Files named like backups, which pruning would delete.
    for n in 1..=12 {
        fs::write(
            elsewhere.join(format!("state-20200101-00000{}-{n}.json", n % 10)),
            b"{}",
        )
        .unwrap();
    }
    let before: Vec<_> = fs::read_dir(&elsewhere)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    let backups = data.join(BACKUP_DIR);
    fs::remove_dir_all(&backups).ok();
    symlink(&elsewhere, &backups).unwrap();
    refused(&run(&data, &["add", "logistics", "订车"]), &backups);
    refused(&run(&data, &["backups"]), &backups);
    assert_eq!(mode(&elsewhere), 0o755);
    let after: Vec<_> = fs::read_dir(&elsewhere)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(after.len(), before.len());
}

#[test]
fn a_data_dir_that_is_a_link_is_refused() {
    let (root, data) = data_dir();
    let real = root.path().join("real");
    ok(&real, &["add", "logistics", "订房"]);
    symlink(&real, &data).unwrap();
    refused(&run(&data, &["list"]), &data);
}

/// A directory owned by `nobody`: only root can make one, and CI runs as
/// root. Anyone else is told loudly that this check did not run.
#[test]
fn a_data_dir_owned_by_another_user_is_refused_not_tightened() {
    if rustix::process::geteuid().as_raw() != 0 {
        eprintln!(
            "NOT RUN: a_data_dir_owned_by_another_user_is_refused_not_tightened needs root \
             (to give a directory to `nobody`); CI runs it as root"
        );
        return;
    }
    let (_root, data) = data_dir();
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).unwrap();
    let nobody = 65534;
    std::os::unix::fs::chown(&data, Some(nobody), None).unwrap();
    refused(&run(&data, &["add", "logistics", "订房"]), &data);
    assert_eq!(fs::metadata(&data).unwrap().uid(), nobody);
    assert_eq!(mode(&data), 0o777, "another user's directory was chmodded");
    assert_eq!(
        fs::read_dir(&data).unwrap().count(),
        0,
        "something was written"
    );

    // Our own directory holding another user's state file: refused too.
    let (_root2, data2) = data_dir();
    ok(&data2, &["add", "logistics", "订房"]);
    let state = data2.join(STATE_FILE);
    std::os::unix::fs::chown(&state, Some(nobody), None).unwrap();
    refused(&run(&data2, &["list"]), &state);
}

#[test]
fn a_fifo_as_the_state_file_is_refused_at_once() {
    let (_root, data) = data_dir();
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
    let state = data.join(STATE_FILE);
    assert!(
        Command::new("mkfifo")
            .arg(&state)
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let mut child = liaison(&data)
        .arg("list")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // A bounded wait: a hang fails the test instead of stalling it.
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("`liaison list` hangs on a FIFO as state.json");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    refused(&child.wait_with_output().unwrap(), &state);
}

#[test]
fn a_state_file_over_the_bound_is_refused_and_says_how_to_raise_it() {
    let (_root, data) = data_dir();
    ok(&data, &["add", "logistics", "订房"]);
    let state = data.join(STATE_FILE);
    // Valid JSON, just long: 2 MiB of spaces after it.
    let mut bytes = fs::read(&state).unwrap();
    bytes.extend(std::iter::repeat_n(b' ', 2 << 20));
    fs::write(&state, &bytes).unwrap();
    let out = liaison(&data)
        .env("LIAISON_MAX_STATE_MB", "1")
        .arg("list")
        .output()
        .unwrap();
    refused(&out, &state);
    assert!(text(&out.stderr).contains("LIAISON_MAX_STATE_MB"));
    let out = liaison(&data)
        .env("LIAISON_MAX_STATE_MB", "3")
        .args(["list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

const EVIL: &str = "# evil\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07 doc";

/// No ESC, BEL, C1 control or other control but line ends in `bytes`.
fn assert_no_raw_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect();
    assert!(
        bad.is_empty(),
        "{what} carries raw controls {bad:?}: {text:?}"
    );
}

#[test]
fn terminal_escapes_never_reach_stdout_or_stderr_byte_for_byte() {
    let (_root, data) = data_dir();
    let out = run(&data, &["note", EVIL]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_no_raw_controls("note's stdout", &out.stdout);
    assert_no_raw_controls("note's stderr", &out.stderr);
    assert!(
        text(&out.stderr).contains("\\x1b]52;c;cHduZWQ=\\x07"),
        "the escape is not shown visibly: {}",
        text(&out.stderr)
    );
    for args in [
        &["list"][..],
        &["list", "--all"],
        &["report"],
        &["export", "--format", "md"],
        &["done", "X\x1b]52;c;cHduZWQ=\x07"],
        &["custody", "D9\x1b[2J", "receive"],
        &["restore", "state-\x1b]0;x\x07.json"],
    ] {
        let out = run(&data, args);
        assert_no_raw_controls(&format!("{args:?} stdout"), &out.stdout);
        assert_no_raw_controls(&format!("{args:?} stderr"), &out.stderr);
    }
}

#[test]
fn ids_and_titles_from_a_hand_edited_file_are_shown_not_obeyed() {
    let (_root, data) = data_dir();
    ok(&data, &["add", "document", "资料", "--class", "secret"]);
    ok(
        &data,
        &["add", "meeting", "动员会", "--start", "2026-11-26 09:00"],
    );
    let state = data.join(STATE_FILE);
    let raw = fs::read_to_string(&state).unwrap();
    // An unterminated OSC in an id that `list` cuts at six columns, a
    // bidi override in a title, a CR LF in a meeting's id.
    let edited = raw
        .replace("\"D1\"", "\"D1\\u001b]0;\"")
        .replace("\"资料\"", "\"invoice\\u202efdp.exe\"")
        .replace("\"M1\"", "\"M1\\r\\nATTACH:http://x\"");
    assert_ne!(edited, raw);
    fs::write(&state, edited).unwrap();
    let out = run(&data, &["list"]);
    assert_no_raw_controls("list", &out.stdout);
    let listed = text(&out.stdout);
    assert!(!listed.contains('\u{202e}'), "{listed}");
    assert!(listed.contains("\\u{202e}"), "{listed}");
    let json = ok(&data, &["list", "--json"]);
    assert!(
        !json.contains('\u{202e}') && json.contains("\\u202e"),
        "{json}"
    );
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["title"] == "invoice\u{202e}fdp.exe")
    );

    let ics = ok(&data, &["export", "--format", "ics"]);
    let lines: Vec<&str> = ics.split("\r\n").collect();
    assert!(
        !lines.iter().any(|l| l.starts_with("ATTACH")),
        "the id made a property line of its own: {ics:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("UID:M1\\nATTACH:")),
        "{ics:?}"
    );
}

/// A secret document with a note and a custody note, and an internal one
/// with a note: (data dir guard, data dir, secret id).
fn with_secret_document() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (root, data) = data_dir();
    let secret = ok(
        &data,
        &[
            "add",
            "document",
            "干部档案",
            "--class",
            "secret",
            "--rule",
            "return",
        ],
    );
    let secret = secret.trim().to_string();
    ok(&data, &["note", "绝密笔记QX7", "--to", &secret]);
    ok(
        &data,
        &[
            "custody",
            &secret,
            "receive",
            "--person",
            "组织人事部",
            "--note",
            "封存袋QX8",
        ],
    );
    let open = ok(
        &data,
        &["add", "document", "会议记录", "--class", "internal"],
    );
    ok(&data, &["note", "内部笔记QX9", "--to", open.trim()]);
    (root, data, secret)
}

#[test]
fn json_exports_withhold_confidential_texts_unless_asked_and_say_how_many() {
    let (_root, data, secret) = with_secret_document();
    for args in [&["export", "--format", "json"][..], &["list", "--json"]] {
        let out = run(&data, args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let json = text(&out.stdout);
        assert!(
            !json.contains("QX7") && !json.contains("QX8"),
            "{args:?}: {json}"
        );
        assert!(
            json.contains("内部笔记QX9"),
            "{args:?} lost an internal note"
        );
        assert!(
            text(&out.stderr).contains('2'),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let withheld = match value.get("withheld") {
            Some(by_id) => by_id[&secret].clone(),
            None => value
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["id"] == secret.as_str())
                .unwrap()["withheld"]
                .clone(),
        };
        assert_eq!(withheld, 2, "{args:?}: {json}");
    }
    for args in [
        &["export", "--format", "json", "--include-confidential"][..],
        &["list", "--json", "--include-confidential"],
    ] {
        let json = ok(&data, args);
        assert!(
            json.contains("绝密笔记QX7") && json.contains("封存袋QX8"),
            "{args:?}"
        );
        assert!(!json.contains("withheld"), "{args:?}");
    }
    // The store itself keeps everything.
    assert!(
        fs::read_to_string(data.join(STATE_FILE))
            .unwrap()
            .contains("QX7")
    );
}

#[test]
fn include_confidential_is_refused_where_it_has_no_effect() {
    let (_root, data, _) = with_secret_document();
    let state = fs::read(data.join(STATE_FILE)).unwrap();
    for args in [
        &["export", "--format", "ics", "--include-confidential"][..],
        &["list", "--include-confidential"],
    ] {
        let out = run(&data, args);
        assert!(!out.status.success(), "{args:?} accepted");
        assert_eq!(
            text(&out.stderr).lines().count(),
            1,
            "{}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        let zh = liaison(&data)
            .arg("--lang")
            .arg("zh")
            .args(args)
            .output()
            .unwrap();
        let said = text(&zh.stderr);
        assert!(
            !said.contains("--include"),
            "a flag name in Chinese: {said}"
        );
    }
    assert_eq!(fs::read(data.join(STATE_FILE)).unwrap(), state);
}

#[test]
fn every_output_that_lists_documents_carries_a_broken_custody_chain() {
    let (_root, data, _) = with_secret_document();
    let state = data.join(STATE_FILE);
    let raw = fs::read_to_string(&state).unwrap();
    let edited = raw.replacen("组织人事部", "财务部", 1);
    assert_ne!(raw, edited);
    fs::write(&state, edited).unwrap();
    for (args, mark) in [
        (&["report"][..], "custody logs that fail"),
        (&["export", "--format", "md"], "custody logs that fail"),
        (&["export", "--format", "json"], "custody_warnings"),
        (&["list", "--json"], "custody_warning"),
    ] {
        let out = run(&data, args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains(mark),
            "{args:?} carries no warning"
        );
        assert!(
            text(&out.stderr).contains("warning"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let out = run(&data, &["list"]);
    assert!(text(&out.stderr).contains("warning"));
}

#[test]
fn a_state_file_that_is_dev_zero_through_a_link_or_a_device_node_is_refused_at_once() {
    let (_root, data) = data_dir();
    ok(&data, &["add", "logistics", "订房"]);
    let state = data.join(STATE_FILE);
    fs::remove_file(&state).unwrap();
    symlink("/dev/zero", &state).unwrap();
    let started = Instant::now();
    refused(&run(&data, &["list"]), &state);
    assert!(started.elapsed() < Duration::from_secs(5));
    fs::remove_file(&state).unwrap();
    // The device itself (only root may make a device node; CI runs as root).
    let made = Command::new("mknod")
        .arg(&state)
        .args(["c", "1", "5"])
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("NOT RUN: the device-node half of this test needs root (mknod)");
        return;
    }
    refused(&run(&data, &["list"]), &state);
    refused(&run(&data, &["add", "logistics", "订车"]), &state);
    assert!(started.elapsed() < Duration::from_secs(10));
}

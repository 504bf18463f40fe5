//! Encryption at rest against someone who can change the files: a plain
//! state swapped in, a crafted envelope header, a passphrase file others
//! can read. Through the real binary, without a terminal.

#[path = "support/bin.rs"]
mod bin;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use liaison::store::{BACKUP_DIR, MARK_FILE, STATE_FILE};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

const PASS: &str = "巡察组 correct horse";

struct Dir {
    _root: TempDir,
    data: PathBuf,
    pass: PathBuf,
}

fn dir() -> Dir {
    let root = tempfile::tempdir().unwrap();
    let pass = root.path().join("pass");
    fs::write(&pass, format!("{PASS}\n")).unwrap();
    fs::set_permissions(&pass, fs::Permissions::from_mode(0o600)).unwrap();
    Dir {
        data: root.path().join("data"),
        pass,
        _root: root,
    }
}

/// The binary without a controlling terminal, so it can never prompt;
/// `cheap`: the test-only key derivation a debug build allows.
fn cmd(d: &Dir, cheap: bool) -> Command {
    let mut c = bin::liaison(&d.data, bin::NOW);
    if cheap {
        c.env("LIAISON_TEST_CHEAP_KDF", "1");
    }
    // SAFETY: setsid(2) only, in the child before exec.
    unsafe {
        c.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    c
}

fn run(d: &Dir, pass: Option<&Path>, args: &[&str]) -> Output {
    let mut c = cmd(d, true);
    if let Some(p) = pass {
        c.arg("--passphrase-file").arg(p);
    }
    c.args(args).output().unwrap()
}

fn ok(d: &Dir, pass: Option<&Path>, args: &[&str]) -> String {
    let out = run(d, pass, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "liaison {args:?} failed: {err}");
    String::from_utf8(out.stdout).unwrap()
}

fn refused(out: Output) -> String {
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success(), "succeeded: {err}");
    assert!(out.stdout.is_empty(), "printed on stdout");
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    err
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push((p.clone(), fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

const PLAIN_STATE: &str = r#"{"version":1,"counters":{"logistics":1},"items":[{"id":"L1","kind":"logistics","title":"换进来的明文","status":"open","created":"2026-11-25T09:00:00+08:00","updated":"2026-11-25T09:00:00+08:00","category":"other"}]}"#;

#[test]
fn a_plain_state_swapped_in_for_the_sealed_files_is_refused_and_nothing_lands_in_plain_text() {
    let d = dir();
    ok(&d, None, &["add", "logistics", "订房"]);
    ok(&d, Some(&d.pass), &["encrypt"]);
    ok(&d, Some(&d.pass), &["add", "logistics", "订车"]);
    // Every sealed data file removed, a plain state dropped in.
    fs::remove_file(d.data.join(STATE_FILE)).unwrap();
    fs::remove_dir_all(d.data.join(BACKUP_DIR)).ok();
    fs::write(d.data.join(STATE_FILE), PLAIN_STATE).unwrap();
    fs::set_permissions(d.data.join(STATE_FILE), fs::Permissions::from_mode(0o600)).unwrap();
    let before = files(&d.data);
    let err = refused(run(&d, Some(&d.pass), &["list"]));
    assert!(err.contains("plain text"), "{err}");
    refused(run(
        &d,
        Some(&d.pass),
        &[
            "add",
            "document",
            "信访举报件复印件",
            "--class",
            "confidential",
        ],
    ));
    let err = refused(run(&d, None, &["list"]));
    assert!(err.contains("encrypted"), "{err}");
    assert_eq!(files(&d.data), before, "something was written");

    // The mark alone, its sealed files gone and no state at all: still
    // encrypted, and the passphrase is still checked against it.
    fs::remove_file(d.data.join(STATE_FILE)).unwrap();
    assert!(d.data.join(MARK_FILE).exists());
    let err = refused(run(&d, None, &["add", "logistics", "明文"]));
    assert!(err.contains("encrypted"), "{err}");
    let wrong = d.data.with_file_name("wrong");
    fs::write(&wrong, "another passphrase\n").unwrap();
    fs::set_permissions(&wrong, fs::Permissions::from_mode(0o600)).unwrap();
    let err = refused(run(&d, Some(&wrong), &["list"]));
    assert!(err.contains("wrong passphrase"), "{err}");
}

#[test]
fn with_a_passphrase_given_plain_data_is_never_written() {
    let d = dir();
    ok(&d, None, &["add", "logistics", "订房"]);
    let before = files(&d.data);
    let err = refused(run(
        &d,
        Some(&d.pass),
        &["add", "document", "干部档案", "--class", "secret"],
    ));
    assert!(err.contains("not encrypted"), "{err}");
    assert_eq!(files(&d.data), before);
    // Reading is fine.
    assert!(ok(&d, Some(&d.pass), &["list"]).contains("订房"));
}

/// Sets the Argon2 costs of a sealed file and recomputes its header check,
/// as someone who knows the format can.
fn set_costs(path: &Path, m_kib: u32, t: u32) {
    let mut bytes = fs::read(path).unwrap();
    bytes[16..20].copy_from_slice(&m_kib.to_le_bytes());
    bytes[20..24].copy_from_slice(&t.to_le_bytes());
    let check = Sha256::digest(&bytes[..92]);
    bytes[92..108].copy_from_slice(&check[..16]);
    fs::write(path, bytes).unwrap();
}

fn children_max_rss_kib() -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct it is given.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss
}

#[test]
fn a_header_asking_for_4_gib_is_refused_as_damaged_before_any_derivation() {
    let d = dir();
    ok(&d, None, &["add", "logistics", "订房"]);
    ok(&d, Some(&d.pass), &["encrypt"]);
    let state = d.data.join(STATE_FILE);
    for path in [&state, &d.data.join(MARK_FILE)] {
        set_costs(path, 4 * 1024 * 1024, 3);
    }
    let started = Instant::now();
    let err = refused(run(&d, Some(&d.pass), &["list"]));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        err.contains("damaged") && err.contains("key derivation"),
        "{err}"
    );
    assert!(!err.contains("wrong passphrase"), "{err}");
    // No child of this test process came near the 4 GiB asked for.
    assert!(
        children_max_rss_kib() < 1024 * 1024,
        "{} KiB",
        children_max_rss_kib()
    );
}

#[test]
fn costs_lowered_by_tampering_are_damage_not_a_wrong_passphrase() {
    let d = dir();
    ok(&d, None, &["add", "logistics", "订房"]);
    // The real costs (256 MiB), as a release build writes them.
    let out = cmd(&d, false)
        .arg("--passphrase-file")
        .arg(&d.pass)
        .arg("encrypt")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for path in [d.data.join(STATE_FILE), d.data.join(MARK_FILE)] {
        set_costs(&path, 64 * 1024, 1);
    }
    let err = refused(run(&d, Some(&d.pass), &["list"]));
    assert!(
        err.contains("damaged") && err.contains("key derivation"),
        "{err}"
    );
    assert!(!err.contains("wrong passphrase"), "{err}");
}

#[test]
fn a_passphrase_file_others_can_read_or_inside_the_data_dir_is_refused() {
    let d = dir();
    ok(&d, None, &["add", "logistics", "订房"]);
    let before = files(&d.data);
    fs::set_permissions(&d.pass, fs::Permissions::from_mode(0o644)).unwrap();
    let err = refused(run(&d, Some(&d.pass), &["encrypt"]));
    assert!(err.contains("other users") && err.contains("644"), "{err}");
    assert_eq!(files(&d.data), before);
    let zh = cmd(&d, true)
        .args(["--lang", "zh", "--passphrase-file"])
        .arg(&d.pass)
        .arg("encrypt")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&zh.stderr).contains("口令文件"));

    let inside = d.data.join("pass");
    fs::write(&inside, format!("{PASS}\n")).unwrap();
    fs::set_permissions(&inside, fs::Permissions::from_mode(0o600)).unwrap();
    let err = refused(run(&d, Some(&inside), &["encrypt"]));
    assert!(err.contains("inside the data directory"), "{err}");
    assert!(!d.data.join(MARK_FILE).exists());
}

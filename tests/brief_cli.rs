//! `liaison report` and `liaison export --format md` through the real binary.

mod fixture;

#[path = "support/bin.rs"]
mod bin;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use fixture::*;
use liaison::i18n::Lang;
use liaison::model::ModelError;
use liaison::report;
use liaison::store::Store;

fn data_with_fixture() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let store = Store::open(&data).unwrap();
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, now(), |st| {
            *st = fixture();
            Ok::<_, ModelError>(())
        })
        .unwrap();
    (root, data)
}

fn liaison(data: &Path, args: &[&str]) -> Output {
    bin::liaison(data, NOW).args(args).output().unwrap()
}

fn stdout(args: &[&str], out: Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {err}");
    String::from_utf8(out.stdout).unwrap()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn report_prints_the_same_brief_and_writes_a_private_file() {
    let (root, data) = data_with_fixture();
    let s = fixture();
    let zh = stdout(&["report"], liaison(&data, &["--lang", "zh", "report"]));
    // Each ends with the journal's head, so a rewrite later shows on paper.
    let snap = liaison::store::Store::open(&data).unwrap().load().unwrap();
    let head = snap.short_head().to_string();
    assert_eq!(head.len(), 12);
    assert!(zh.ends_with(&format!("日志链头：`{head}`（可用 liaison verify 核对）\n")));
    let headed = |text, lang| report::with_head(text, lang, &head);
    assert_eq!(
        zh,
        headed(report::brief(&s, today(), now(), Lang::Zh, false), Lang::Zh)
    );
    let args = [
        "--lang",
        "en",
        "report",
        "--date",
        "2026-11-25",
        "--include-confidential",
    ];
    let en = stdout(&args, liaison(&data, &args));
    assert_eq!(
        en,
        headed(report::brief(&s, today(), now(), Lang::En, true), Lang::En)
    );
    let args = ["report", "--date", "tomorrow"];
    let tomorrow = stdout(&args, liaison(&data, &args));
    assert!(tomorrow.starts_with("# Daily brief: Thursday 26 November 2026\n"));

    for (name, args) in [
        ("brief.md", &["report", "--out"][..]),
        ("all.md", &["export", "--format", "md", "--out"][..]),
    ] {
        let file = root.path().join(name);
        fs::write(&file, "old").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        let mut all = args.to_vec();
        all.push(file.to_str().unwrap());
        assert_eq!(stdout(&all, liaison(&data, &all)), "");
        assert_eq!(mode(&file), 0o600, "{name}");
        assert!(fs::read_to_string(&file).unwrap().starts_with("# "));
    }
    let md = fs::read_to_string(root.path().join("all.md")).unwrap();
    assert_eq!(
        md,
        headed(report::export(&s, now(), Lang::En, false), Lang::En)
    );
}

#[test]
fn export_md_withholds_confidential_notes_unless_asked() {
    let (_root, data) = data_with_fixture();
    let args = ["export", "--format", "md"];
    let plain = stdout(&args, liaison(&data, &args));
    assert!(!plain.contains(SECRET_CUSTODY_NOTE) && !plain.contains(CONFIDENTIAL_REASON));
    let args = ["export", "--format", "md", "--include-confidential"];
    let full = stdout(&args, liaison(&data, &args));
    assert!(full.contains(SECRET_CUSTODY_NOTE) && full.contains(CONFIDENTIAL_REASON));
}

#[test]
fn a_bad_report_date_is_one_line_and_changes_nothing() {
    let (_root, data) = data_with_fixture();
    let before = fs::read(data.join("state.json")).unwrap();
    let out = liaison(&data, &["report", "--date", "2026-13-40"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("2026-13-40"), "{err}");
    assert_eq!(fs::read(data.join("state.json")).unwrap(), before);
}

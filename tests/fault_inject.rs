//! Syscall fault injection (`scripts/fault-inject.sh`): a write or
//! fdatasync of the journal append failing while `liaison add` saves leaves
//! the register as it was (journal.jsonl byte-identical, `verify` passing)
//! and reports the error in one line; a rename failing while the journal is
//! compacted costs only a warning. Needs strace (`.ci/run` installs it).

use std::process::Command;

#[test]
fn failed_appends_leave_the_register_as_it_was_and_failed_compactions_only_warn() {
    assert!(
        Command::new("strace").arg("-V").output().is_ok(),
        "strace is needed for this test: apt-get install strace"
    );
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/fault-inject.sh");
    let out = Command::new("bash")
        .arg(script)
        .env("LIAISON", env!("CARGO_BIN_EXE_liaison"))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("{report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "fault injection failed:\n{report}");
    assert!(report.matches("PASS").count() >= 7, "{report}");
}

//! Syscall fault injection (`scripts/fault-inject.sh`): a write, fsync or
//! rename failing while `liaison add` saves leaves state.json as it was and
//! reports the error in one line. Needs strace (`.ci/run` installs it).

use std::process::Command;

#[test]
fn failed_writes_fsyncs_and_renames_leave_the_old_file_and_say_so() {
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
    assert!(report.matches("PASS").count() >= 5, "{report}");
}

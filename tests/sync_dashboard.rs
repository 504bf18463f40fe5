//! The dashboard's sync key in a pseudo-terminal: `Y` runs sync in the
//! background, the header tells when it synced and how many of the others'
//! changes arrived, and what arrived is on screen.

#[path = "support/pty.rs"]
mod pty;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use portable_pty::CommandBuilder;
use pty::{Home, Term, WAIT};

fn cli(home: &Home, data: &Path, pass: &Path, args: &[&str]) -> String {
    let out = Command::new(pty::BIN)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_clear()
        .envs(home.env())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LIAISON_TEST_CHEAP_KDF", "1")
        .env("LIAISON_TEAM_PASSPHRASE_FILE", pass)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_sync_key_brings_in_the_others_changes_and_the_header_says_so() {
    let home = Home::new();
    let repo = home.path().join("usb.git");
    let git = Command::new("git")
        .args(["init", "--quiet", "--bare"])
        .arg(&repo)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(git.success());
    let pass = home.path().join("team.pass");
    std::fs::write(&pass, "驻地优盘 team passphrase\n").unwrap();
    std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).unwrap();
    let founder = home.path().join("founder");
    let url = repo.to_str().unwrap();
    cli(
        &home,
        &founder,
        &pass,
        &["add", "document", "近三年财务收支明细账"],
    );
    cli(&home, &founder, &pass, &["sync", "init", url]);
    cli(&home, &founder, &pass, &["sync"]);
    let me = home.data_dir();
    cli(&home, &me, &pass, &["sync", "init", url]);

    let mut cmd = CommandBuilder::new(pty::BIN);
    cmd.arg("--data-dir");
    cmd.arg(&me);
    cmd.args(["--lang", "zh"]);
    cmd.env_clear();
    for (k, v) in home.env() {
        cmd.env(k, v);
    }
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd.env("LIAISON_TEST_CHEAP_KDF", "1");
    cmd.env("LIAISON_TEAM_PASSPHRASE_FILE", &pass);
    cmd.cwd(home.path());
    let mut t = Term::spawn(cmd, 130, 30);
    t.wait_for("尚未同步", WAIT);
    assert!(!t.screen().contains("近三年财务收支明细账"));
    t.send("Y");
    t.wait_for("他人新改动", WAIT);
    t.wait_for("近三年财务收支明细账", WAIT);
    assert!(t.row_text(0).contains("已同步"), "{}", t.row_text(0));
    t.send("q");
    assert!(t.wait_exit(WAIT).success());
}

//! End-to-end: the terminal itself goes away (a window closed, a tmux
//! session killed) while the dashboard is open. The dashboard must end on
//! its own, not spin, and keep what was being typed as a draft.
//!
//! Needs tmux, which owns the terminal here so that it can really vanish;
//! without tmux the test says so and does nothing.

#[path = "support/pty.rs"]
mod pty;

use std::process::Command;
use std::time::{Duration, Instant};

use pty::Home;

fn tmux(socket: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new("tmux")
        .arg("-S")
        .arg(socket)
        .args(["-f", "/dev/null"])
        .args(args)
        .output()
        .expect("run tmux")
}

fn wait(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_vanished_terminal_ends_the_dashboard_and_keeps_the_draft() {
    assert!(
        Command::new("tmux").arg("-V").output().is_ok(),
        "tmux is needed for the hang-up test: apt-get install tmux"
    );
    let home = Home::new();
    let socket = home.path().join("tmux.sock");
    let env: Vec<String> = home
        .env()
        .into_iter()
        .map(|(k, v)| format!("{k}='{}'", v.to_string_lossy()))
        .collect();
    let command = format!(
        "env -i {} '{}' --data-dir '{}' --lang zh",
        env.join(" "),
        env!("CARGO_BIN_EXE_liaison"),
        home.data_dir().display()
    );
    let out = tmux(
        &socket,
        &["new-session", "-d", "-x", "100", "-y", "30", &command],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pid_text =
        String::from_utf8(tmux(&socket, &["display", "-p", "#{pane_pid}"]).stdout).unwrap();
    let pid: i32 = pid_text.trim().parse().expect("the pane's pid");
    let screen =
        || String::from_utf8_lossy(&tmux(&socket, &["capture-pane", "-p"]).stdout).into_owned();
    wait("the first frame", || screen().contains("后勤保障"));
    tmux(&socket, &["send-keys", "a"]);
    wait("the form", || screen().contains("新增"));
    tmux(&socket, &["send-keys", "-l", "挂断前的草稿"]);
    wait("the typing", || screen().contains("挂断前的草稿"));
    // The terminal disappears at once, before the draft's usual delay.
    tmux(&socket, &["kill-server"]);
    // SAFETY: kill(pid, 0) only asks whether the process still exists.
    let alive = || unsafe { libc::kill(pid, 0) } == 0 && !zombie(pid);
    wait("the dashboard to end", || !alive());
    let draft = std::fs::read_to_string(home.data_dir().join("draft.json")).expect("a draft kept");
    assert!(draft.contains("挂断前的草稿"), "{draft}");
}

fn zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            s.split(") ")
                .nth(1)
                .is_some_and(|rest| rest.starts_with('Z'))
        })
        .unwrap_or(true)
}

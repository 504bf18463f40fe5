//! A dashboard whose terminal goes away ends instead of spinning: crossterm
//! keeps reading a closed terminal without returning from `event::poll`, so
//! without a watch of its own the process would burn a core for ever.

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[test]
fn the_dashboard_exits_when_its_terminal_closes() {
    let data = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liaison"));
    cmd.arg("--data-dir");
    cmd.arg(data.path().join("data"));
    cmd.env("LIAISON_NOW", "2026-11-25T10:00:00+08:00");
    cmd.env("LIAISON_CONFIG", data.path().join("none.toml"));
    cmd.env("LANG", "C");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);

    // Wait for the first frame, then close the terminal: every handle on
    // its master side.
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("Logistics") {
                // Dropping the reader here closes its copy of the terminal.
                let _ = tx.send(());
                break;
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the dashboard drew its first frame");
    drop(writer);
    drop(pty.master);

    let closed = Instant::now();
    while closed.elapsed() < Duration::from_secs(10) {
        if let Some(status) = child.try_wait().unwrap() {
            eprintln!(
                "ended {:?} after the terminal closed: {status:?}",
                closed.elapsed()
            );
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    panic!("the dashboard was still running 10 s after its terminal closed");
}

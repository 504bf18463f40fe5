//! Drives the real `liaison` binary in a pseudo-terminal and reads its screen
//! back through a vt100 parser.
//!
//! Every process runs in a private [`Home`]: its own data directory, a config
//! path that does not exist, `HOME` inside it, a fixed clock and a plain
//! UTF-8 locale, so nothing on the machine leaks into a test.
//!
//! Waiting is always a bounded poll of the screen ([`Term::wait_for`] and
//! friends); a timeout fails with the screen printed, never a fixed sleep.

#![allow(dead_code)]

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_liaison");
#[path = "clock.rs"]
mod clock;
#[allow(unused_imports)]
pub use clock::{NOW, now};
/// How long a wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(5);
/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(15);

/// A private home for one test: data directory, config path and `HOME`.
/// Dashboards and command-line runs started from one `Home` share its data.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Default for Home {
    fn default() -> Self {
        Self::new()
    }
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::Builder::new()
                .prefix("liaison-e2e-")
                .tempdir()
                .expect("create a temporary directory"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The `--data-dir` every process here gets.
    pub fn data_dir(&self) -> PathBuf {
        self.path().join("data")
    }

    /// `LIAISON_CONFIG`: inside the home, and never created.
    pub fn config_path(&self) -> PathBuf {
        self.path().join("config.toml")
    }

    /// The whole environment of a process started here (nothing inherited).
    pub fn env(&self) -> Vec<(&'static str, OsString)> {
        vec![
            ("HOME", self.path().into()),
            ("LIAISON_NOW", NOW.into()),
            ("LIAISON_CONFIG", self.config_path().into()),
            ("TERM", "xterm-256color".into()),
            ("LANG", "C.UTF-8".into()),
        ]
    }

    /// Runs `liaison --data-dir DIR ARGS…` as a plain process.
    pub fn cli(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .arg("--data-dir")
            .arg(self.data_dir())
            .args(args)
            .env_clear()
            .envs(self.env())
            .current_dir(self.path())
            .stdin(Stdio::null())
            .output()
            .expect("run liaison")
    }

    /// Runs the command line and returns its standard output; fails the test
    /// with its standard error if it did not exit 0.
    pub fn cli_ok(&self, args: &[&str]) -> String {
        let out = self.cli(args);
        assert!(
            out.status.success(),
            "liaison {args:?} failed with {}:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// `liaison list --json`, parsed.
    pub fn list_json(&self) -> Vec<serde_json::Value> {
        let text = self.cli_ok(&["list", "--json"]);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("list --json: {e}\n{text}"))
    }

    /// The titles `list --json` prints, in its order.
    pub fn titles(&self) -> Vec<String> {
        self.list_json()
            .iter()
            .map(|i| i["title"].as_str().expect("a title").to_string())
            .collect()
    }

    /// The whole state as it is on disk now (snapshot and journal).
    pub fn state(&self) -> serde_json::Value {
        let text = self.cli_ok(&["export", "--format", "json"]);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("export: {e}\n{text}"))
    }

    /// Starts the dashboard (`liaison --data-dir DIR ARGS…`) in a
    /// `cols`×`rows` pseudo-terminal.
    pub fn spawn(&self, cols: u16, rows: u16, args: &[&str]) -> Term {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.arg("--data-dir");
        cmd.arg(self.data_dir());
        cmd.args(args);
        cmd.env_clear();
        for (k, v) in self.env() {
            cmd.env(k, v);
        }
        cmd.cwd(self.path());
        Term::spawn(cmd, cols, rows)
    }
}

/// Parser callbacks: the replies the terminal owes the program.
#[derive(Default)]
pub struct Replies {
    pending: Vec<Vec<u8>>,
    /// How many cursor-position queries were answered.
    pub cursor_queries: usize,
}

impl vt100::Callbacks for Replies {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        // `ESC [ 6 n`: where is the cursor? Answered 1-based, row first.
        if c == 'n' && i1.is_none() && params == [&[6u16][..]] {
            let (row, col) = screen.cursor_position();
            self.pending
                .push(format!("\x1b[{};{}R", row + 1, col + 1).into_bytes());
            self.cursor_queries += 1;
        }
    }
}

type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

/// A key as a terminal sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Enter,
    /// Crossterm reports a lone `ESC` only when nothing follows it in the
    /// same read: after sending it, wait for its effect before typing on.
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    /// Control and a letter, e.g. `Ctrl('x')`.
    Ctrl(char),
}

impl Key {
    pub fn bytes(self) -> Vec<u8> {
        match self {
            Key::Enter => b"\r".to_vec(),
            Key::Esc => b"\x1b".to_vec(),
            Key::Tab => b"\t".to_vec(),
            Key::BackTab => b"\x1b[Z".to_vec(),
            Key::Backspace => b"\x7f".to_vec(),
            Key::Up => b"\x1b[A".to_vec(),
            Key::Down => b"\x1b[B".to_vec(),
            Key::Right => b"\x1b[C".to_vec(),
            Key::Left => b"\x1b[D".to_vec(),
            Key::Ctrl(c) => {
                assert!(c.is_ascii_alphabetic(), "Ctrl with {c:?}");
                vec![c.to_ascii_lowercase() as u8 & 0x1f]
            }
        }
    }
}

/// One program running in a pseudo-terminal, its screen kept up to date by a
/// reader thread.
pub struct Term {
    parser: Arc<Mutex<vt100::Parser<Replies>>>,
    writer: Writer,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    /// Set when the reader saw the end of the output.
    closed: Arc<AtomicBool>,
    status: Option<ExitStatus>,
}

impl Term {
    /// Starts `cmd` in a fresh `cols`×`rows` pseudo-terminal.
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Term {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pseudo-terminal");
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        // Only the child may hold the slave side, so the reader sees the end
        // of the output when the child exits.
        drop(pair.slave);
        let master = pair.master;
        let mut reader = master.try_clone_reader().expect("pty reader");
        let writer: Writer = Arc::new(Mutex::new(master.take_writer().expect("pty writer")));
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows,
            cols,
            0,
            Replies::default(),
        )));
        let closed = Arc::new(AtomicBool::new(false));
        let thread = {
            let parser = Arc::clone(&parser);
            let writer = Arc::clone(&writer);
            let closed = Arc::clone(&closed);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            let replies = {
                                let mut p = lock(&parser);
                                p.process(&buf[..n]);
                                std::mem::take(&mut p.callbacks_mut().pending)
                            };
                            for r in replies {
                                let mut w = lock(&writer);
                                let _ = w.write_all(&r).and_then(|_| w.flush());
                            }
                        }
                    }
                }
                closed.store(true, Ordering::SeqCst);
            })
        };
        Term {
            parser,
            writer,
            master,
            child,
            reader: Some(thread),
            closed,
            status: None,
        }
    }

    /// Writes raw bytes to the program's input.
    pub fn send_bytes(&self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        w.write_all(bytes)
            .and_then(|_| w.flush())
            .expect("write to the pty");
    }

    /// Writes raw bytes from another thread, so a program that stops
    /// reading fails the test's wait instead of blocking the test.
    pub fn send_bytes_behind(&self, bytes: Vec<u8>) -> JoinHandle<()> {
        let writer = Arc::clone(&self.writer);
        std::thread::spawn(move || {
            let mut w = lock(&writer);
            let _ = w.write_all(&bytes).and_then(|_| w.flush());
        })
    }

    /// Types `text` as it is (UTF-8, no translation).
    pub fn send(&self, text: &str) {
        self.send_bytes(text.as_bytes());
    }

    pub fn send_key(&self, key: Key) {
        self.send_bytes(&key.bytes());
    }

    /// Pastes `text` the way a terminal with bracketed paste does.
    pub fn paste(&self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send_bytes(&bytes);
    }

    /// The screen as text, one line per row, trailing blanks trimmed.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Looks at the parsed screen under the lock.
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(lock(&self.parser).screen())
    }

    /// The text of one row (wide characters once, blanks as spaces).
    pub fn row_text(&self, row: u16) -> String {
        self.with_screen(|s| row_text(s, row))
    }

    /// Where `text` starts on screen, as (row, column), 0-based display
    /// columns; the first match from the top.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        self.with_screen(|s| find(s, text).map(|(row, col, _)| (row, col)))
    }

    /// How many times `text` occurs on screen (rows searched one by one).
    pub fn count(&self, text: &str) -> usize {
        self.screen().lines().map(|l| l.matches(text).count()).sum()
    }

    /// The cursor as (row, column), 0-based.
    pub fn cursor(&self) -> (u16, u16) {
        self.with_screen(|s| s.cursor_position())
    }

    pub fn cursor_visible(&self) -> bool {
        self.with_screen(|s| !s.hide_cursor())
    }

    pub fn alternate_screen(&self) -> bool {
        self.with_screen(|s| s.alternate_screen())
    }

    /// How many cursor-position queries the harness answered.
    pub fn cursor_queries(&self) -> usize {
        lock(&self.parser).callbacks().cursor_queries
    }

    /// Resizes the terminal: the screen model first, then the pty, which
    /// tells the program with `SIGWINCH`.
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut p = lock(&self.parser);
        p.screen_mut().set_size(rows, cols);
        self.master
            .resize(size(cols, rows))
            .expect("resize the pty");
    }

    /// Polls the screen until `ok` holds; fails after `timeout` with `what`
    /// and the screen.
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        mut ok: impl FnMut(&vt100::Screen) -> bool,
    ) {
        let start = Instant::now();
        loop {
            if self.with_screen(&mut ok) {
                return;
            }
            if start.elapsed() >= timeout {
                panic!(
                    "timed out after {timeout:?} waiting for {what}; the screen:\n{}",
                    framed(&self.screen())
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `text` is on screen with the cursor shown right after it
    /// (its last character's display width counted); returns the cursor.
    /// Checked in one look at the screen, so a frame half drawn never counts.
    pub fn wait_cursor_after(&self, text: &str, timeout: Duration) -> (u16, u16) {
        let what = format!("the cursor right after {text:?}");
        let mut at = (0, 0);
        self.wait_until(&what, timeout, |s| match find(s, text) {
            Some((row, _, end)) if !s.hide_cursor() && s.cursor_position() == (row, end) => {
                at = (row, end);
                true
            }
            _ => false,
        });
        at
    }

    /// Waits until `text` is on screen.
    pub fn wait_for(&self, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?} to appear"), timeout, |s| {
            s.contents().contains(text)
        });
    }

    /// Waits until `text` is no longer on screen.
    pub fn wait_gone(&self, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?} to go away"), timeout, |s| {
            !s.contents().contains(text)
        });
    }

    /// The pid of the program.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Sends a signal to the program.
    pub fn signal(&self, sig: libc::c_int) {
        // SAFETY: kill(2) with a pid this harness spawned and still owns.
        let rc = unsafe { libc::kill(self.pid() as libc::pid_t, sig) };
        assert_eq!(rc, 0, "kill: {}", std::io::Error::last_os_error());
    }

    /// The exit status, if the program has ended.
    pub fn try_status(&mut self) -> Option<ExitStatus> {
        if self.status.is_none() {
            self.status = self.child.try_wait().expect("poll the child");
        }
        self.status.clone()
    }

    /// True while the program runs.
    pub fn alive(&mut self) -> bool {
        self.try_status().is_none()
    }

    /// Waits for the program to exit and for its last output to be parsed.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.try_status() {
                break s;
            }
            if start.elapsed() >= timeout {
                panic!(
                    "the program did not exit within {timeout:?}; the screen:\n{}",
                    framed(&self.screen())
                );
            }
            std::thread::sleep(POLL);
        };
        while !self.closed.load(Ordering::SeqCst) {
            if start.elapsed() >= timeout + Duration::from_secs(2) {
                panic!("the program exited but its output never ended");
            }
            std::thread::sleep(POLL);
        }
        if let Some(t) = self.reader.take() {
            let _ = t.join();
        }
        status
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.alive() {
            // SAFETY: kill(2) on the child this harness spawned.
            unsafe {
                libc::kill(self.pid() as libc::pid_t, libc::SIGKILL);
            }
            let _ = self.child.wait();
        }
        // The reader ends on its own once the child's side closes.
        drop(self.reader.take());
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// A poisoned lock still holds a usable screen: a failed test elsewhere must
/// not hide this one's output.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The text of one row of `s` (wide characters once, blanks as spaces).
pub fn row_text(s: &vt100::Screen, row: u16) -> String {
    row_cells(s, row).into_iter().map(|(_, c)| c).collect()
}

/// The first match of `text` from the top of `s`: its row, the column it
/// starts at and the column just after it.
pub fn find(s: &vt100::Screen, text: &str) -> Option<(u16, u16, u16)> {
    let want: Vec<char> = text.chars().collect();
    if want.is_empty() {
        return None;
    }
    let (rows, _) = s.size();
    (0..rows).find_map(|row| {
        let cells = row_cells(s, row);
        let chars: Vec<char> = cells.iter().map(|(_, c)| *c).collect();
        let i = (0..chars.len()).find(|&i| chars[i..].starts_with(&want))?;
        let last = cells[i + want.len() - 1].0;
        let wide = s.cell(row, last).is_some_and(|c| c.is_wide());
        Some((row, cells[i].0, last + if wide { 2 } else { 1 }))
    })
}

/// One row as (column, character) pairs: a wide character once, at its first
/// column; an empty cell as a space.
fn row_cells(s: &vt100::Screen, row: u16) -> Vec<(u16, char)> {
    let (_, cols) = s.size();
    let mut out = Vec::new();
    for col in 0..cols {
        let Some(cell) = s.cell(row, col) else {
            break;
        };
        if cell.is_wide_continuation() {
            continue;
        }
        let text = cell.contents();
        let mut chars = text.chars();
        match chars.next() {
            None => out.push((col, ' ')),
            Some(c) => {
                out.push((col, c));
                // Combining marks ride on the same cell.
                out.extend(chars.map(|c| (col, c)));
            }
        }
    }
    out
}

/// The screen between rules, for failure messages.
fn framed(screen: &str) -> String {
    format!("{0}\n{screen}\n{0}", "-".repeat(40))
}

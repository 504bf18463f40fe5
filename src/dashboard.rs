//! The dashboard's event loop: terminal events and file changes in, frames out.
//! Draws only when something changed; idle, it wakes twice a second to look
//! at the file's stamp (a `stat`, not a read).

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::app::draft::{self, Draft};
use crate::app::{App, update, update_text};
use crate::cli::{Cli, CliError};
use crate::config;
use crate::i18n::{T, tr};
use crate::input::mouse;

/// How often the file is checked for another process's save.
const WATCH: Duration = Duration::from_millis(500);
/// How long after the last keystroke unsaved typing is written as a draft.
const DRAFT_DELAY: Duration = Duration::from_millis(800);

/// Opens the dashboard on the data directory.
pub fn run(cli: &Cli) -> Result<(), CliError> {
    let config = config::load(config::path().as_deref())
        .map_err(|e| CliError(crate::i18n::config_error(crate::i18n::lang(), &e)))?;
    // An encrypted store asks for its passphrase here, on the plain terminal.
    let crate::cli::Ctx {
        store, lang, clock, ..
    } = crate::cli::Ctx::open(cli)?;
    // Read everything before touching the terminal, so a refusal is a plain message.
    let snap = store
        .load()
        .map_err(|e| CliError(crate::i18n::store_error(lang, &e)))?;
    let session = store.claim_session()?;
    if session.is_some() {
        store.backup_now(clock.now())?;
    }
    let kept_draft = session
        .as_ref()
        .and_then(|_| store.load_draft())
        .and_then(|b| serde_json::from_slice::<Draft>(&b).ok());
    let mut app = App::new(store, snap, lang, config, clock);
    app.read_only = session.is_none();
    if app.read_only {
        app.warn(tr(lang, T::ReadOnlyOpened));
    }
    let mut session = session;
    let writable = Arc::new(AtomicBool::new(!app.read_only));
    // Said once, on a first start: an empty data directory.
    if app.status.is_none() && app.items().is_empty() && app.snap.state.inbox.is_empty() {
        app.say(tr(lang, T::FirstRun));
    }
    if let Some(d) = kept_draft {
        let pinned = draft::restore(&mut app, d);
        let mut said = tr(lang, T::DraftRestored).to_string();
        if !pinned.is_empty() {
            said.push_str(&crate::i18n::trf(
                lang,
                T::DraftPinned,
                &[&pinned.join(" · ")],
            ));
        }
        app.say(said);
    }

    let stop = Arc::new(AtomicBool::new(false));
    let pending: Pending = Arc::default();
    watch_signals(&app, Arc::clone(&stop), Arc::clone(&pending), &writable)?;

    exit_when_the_terminal_closes(&app, Arc::clone(&pending), &writable);
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    // ratatui's hook leaves raw mode and the alternate screen on a panic;
    // mouse reporting and bracketed paste are ours to turn off first.
    let restore_terminal = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        restore_terminal(info);
    }));
    // Start crossterm's reader (and its SIGWINCH handler) before the first
    // frame, so a resize while that frame is drawn is not lost.
    let _ = event::poll(Duration::ZERO);
    let mut lp = Loop {
        stop: &stop,
        pending: &pending,
        session: &mut session,
        writable: &writable,
    };
    let result = event_loop(&mut terminal, &mut app, &mut lp);
    // Whatever is unsaved now is what the next start offers back. Kept
    // before the terminal is touched again: when it has gone, restoring it
    // fails, and nothing after that must be needed.
    if !app.read_only {
        let mut unknown = Some(Draft::Capture {
            target: None,
            text: String::new(),
        });
        write_draft(&app, &mut unknown);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    // `ratatui::restore` reports a failure on stderr, which panics (and
    // aborts, in the panic hook) when stderr was that vanished terminal.
    let _ = ratatui::try_restore();
    drop(session);
    result.map_err(|e| CliError(crate::i18n::terminal_error(crate::i18n::lang(), &e)))
}

/// Unsaved typing not yet written as a draft, for the signal watcher.
type Pending = Arc<Mutex<Option<Vec<u8>>>>;

/// On SIGTERM or SIGHUP the loop is asked to stop, and normally does at
/// once. But when the terminal itself has gone (a closed window, a killed
/// tmux), crossterm's input poll can spin without returning. So a watcher
/// gives the loop a second, then keeps the unsaved typing as a draft and
/// ends the process itself.
fn watch_signals(
    app: &App,
    stop: Arc<AtomicBool>,
    pending: Pending,
    writable: &Arc<AtomicBool>,
) -> Result<(), CliError> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).map_err(|e| {
        let lang = crate::i18n::lang();
        let e = crate::i18n::os_error(lang, &e);
        CliError(crate::i18n::trf(lang, crate::i18n::K::ErrSignals, &[&e]))
    })?;
    let store = app.store.clone();
    let writable = Arc::clone(writable);
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_secs(1));
            leave(&store, &pending, &writable, 128 + sig);
        }
    });
    Ok(())
}

/// What the event loop shares with `run` and the watcher threads.
struct Loop<'a> {
    stop: &'a AtomicBool,
    pending: &'a Pending,
    /// This dashboard's claim on the data; none while another one has it.
    session: &'a mut Option<crate::store::Session>,
    /// Whether this one may write (and so keep drafts).
    writable: &'a AtomicBool,
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, lp: &mut Loop) -> io::Result<()> {
    let (stop, pending) = (lp.stop, lp.pending);
    let mut dirty = true;
    let mut last_watch = Instant::now();
    let mut minute = app.now.format("%H:%M").to_string();
    let mut written: Option<Draft> = draft::current(app);
    let mut typed_at: Option<Instant> = None;
    let mut last_input = Instant::now();
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            let size = terminal.size()?;
            app.area = (size.width, size.height);
            terminal.draw(|f| crate::ui::render(app, f))?;
            dirty = false;
            ring(app);
        }
        let timeout = match typed_at {
            Some(t) => DRAFT_DELAY.saturating_sub(t.elapsed()).min(WATCH),
            None => WATCH.saturating_sub(last_watch.elapsed()),
        };
        if event::poll(timeout)? {
            app.tick();
            let (typed, input) = drain(app, &mut dirty)?;
            if typed {
                typed_at = Some(Instant::now());
                let now = draft::current(app);
                if let Ok(mut p) = pending.lock() {
                    *p = now
                        .filter(|d| Some(d) != written.as_ref())
                        .and_then(|d| serde_json::to_vec(&d).ok());
                }
            }
            if input {
                last_input = Instant::now();
            }
        }
        if typed_at.is_some_and(|t| t.elapsed() >= DRAFT_DELAY) {
            typed_at = None;
            if !app.read_only {
                write_draft(app, &mut written);
                if let Ok(mut p) = pending.lock() {
                    *p = None;
                }
            }
        }
        if last_watch.elapsed() >= WATCH {
            last_watch = Instant::now();
            if app.read_only {
                dirty |= take_over(app, lp);
            }
            if app.reload_if_changed() {
                app.say(tr(app.lang, T::OtherChanged));
                dirty = true;
            }
            dirty |= app.idle(last_input.elapsed());
            dirty |= crate::app::sync::poll(app);
            app.tick();
            let now_minute = app.now.format("%H:%M").to_string();
            if now_minute != minute {
                minute = now_minute;
                app.refresh();
                dirty = true;
            }
        }
    }
    Ok(())
}

/// A read-only dashboard becomes the writer once the other one has gone:
/// it claims the data, backs it up as a fresh start does, and says so.
/// True if it took over.
fn take_over(app: &mut App, lp: &mut Loop) -> bool {
    let Ok(Some(claim)) = app.store.claim_session() else {
        return false;
    };
    *lp.session = Some(claim);
    app.read_only = false;
    lp.writable.store(true, Ordering::Relaxed);
    let _ = app.store.backup_now(app.now);
    app.reload_if_changed();
    app.say(tr(app.lang, T::TookOver));
    true
}

/// How long a burst of input is taken before a frame is drawn anyway.
const DRAIN_BUDGET: Duration = Duration::from_millis(100);
/// How long the drain waits for the next event of a burst. crossterm's
/// reader only looks at the terminal when given a non-zero timeout.
const DRAIN_GAP: Duration = Duration::from_millis(1);

/// Takes every event already sent before the next frame: a burst of 15,000
/// typed bytes is one frame, not 15,000 (and the `Enter` at its end stays at
/// its end). Returns whether any of it was typing, and whether any was input.
fn drain(app: &mut App, dirty: &mut bool) -> io::Result<(bool, bool)> {
    let (mut typed, mut input) = (false, false);
    let started = Instant::now();
    loop {
        let ev = event::read()?;
        *dirty |= handle(app, &ev);
        typed |= matches!(ev, Event::Key(_) | Event::Paste(_));
        input |= matches!(ev, Event::Key(_) | Event::Paste(_) | Event::Mouse(_));
        if app.quit || started.elapsed() >= DRAIN_BUDGET || !event::poll(DRAIN_GAP)? {
            return Ok((typed, input));
        }
    }
}

/// Ends the process once its terminal is gone. crossterm keeps reading a
/// closed terminal (reads return nothing, at once) without ever returning
/// from `event::poll`, so the event loop cannot notice, nor see the SIGHUP
/// flag, and would spin on a core for ever. Every change is already on
/// disk; only typing of the last moment (the draft) can be lost.
fn exit_when_the_terminal_closes(app: &App, pending: Pending, writable: &Arc<AtomicBool>) {
    if !io::stdin().is_terminal() {
        return;
    }
    let (store, writable) = (app.store.clone(), Arc::clone(writable));
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            // A hung-up terminal answers no terminal request.
            if !io::stdin().is_terminal() {
                leave(&store, &pending, &writable, 1);
            }
        }
    });
}

/// Ends the process from a watcher thread, keeping the unsaved typing as a
/// draft first (every change is already on disk).
fn leave(store: &crate::store::Store, pending: &Pending, writable: &AtomicBool, code: i32) -> ! {
    let unsaved = pending.lock().ok().and_then(|mut p| p.take());
    if let (Some(bytes), true) = (unsaved, writable.load(Ordering::Relaxed)) {
        let _ = store.save_draft(&bytes);
    }
    std::process::exit(code)
}

/// One terminal event through the keymap into `update`. True if anything
/// on screen may have changed.
pub fn handle(app: &mut App, ev: &Event) -> bool {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            match app.config.keymap.resolve(app.mode(), k) {
                Some(action) => update(app, action),
                None => update_text(app, ev),
            }
            true
        }
        Event::Paste(_) => {
            update_text(app, ev);
            true
        }
        Event::Mouse(m) => {
            mouse::handle(app, *m);
            true
        }
        Event::Resize(w, h) => {
            app.area = (*w, *h);
            true
        }
        _ => false,
    }
}

/// Writes the current draft if it differs from the one on disk; removes the
/// file when nothing unsaved is left.
fn write_draft(app: &App, written: &mut Option<Draft>) {
    let now = draft::current(app);
    if now == *written {
        return;
    }
    match &now {
        Some(d) => {
            if let Ok(bytes) = serde_json::to_vec(d) {
                let _ = app.store.save_draft(&bytes);
            }
        }
        None => app.store.clear_draft(),
    }
    *written = now;
}

/// A reminder that has just come up rings the terminal's bell, once, and
/// with `desktop_notify = true` is also sent through `notify-send` when
/// that program is there (its absence is no error).
fn ring(app: &mut App) {
    let alarms = app.take_alarms();
    if alarms.is_empty() {
        return;
    }
    use std::io::Write;
    let mut out = io::stdout();
    let _ = out.write_all(b"\x07").and_then(|_| out.flush());
    if !app.config.desktop_notify {
        return;
    }
    for text in alarms {
        let child = std::process::Command::new("notify-send")
            .arg("liaison")
            .arg(crate::sanitize::visible(&text).as_ref())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if let Ok(mut child) = child {
            std::thread::spawn(move || child.wait());
        }
    }
}

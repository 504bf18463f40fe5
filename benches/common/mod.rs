//! What the benchmarks share: a 10,000-item state on a private temp store,
//! a dashboard over it with a fixed clock, and keys sent through the same
//! path the terminal uses.

#![allow(dead_code)]

use std::time::Duration;

use chrono::DateTime;
use criterion::Criterion;
use liaison::app::App;
use liaison::config::Config;
use liaison::i18n::Lang;
use liaison::model::{FixedClock, ModelError, Time};
use liaison::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

/// The size the targets are set at.
pub const N: usize = 10_000;
/// The terminal the redraw targets are set at.
pub const SIZE: (u16, u16) = (200, 60);

/// Wednesday 25 November 2026, 10:00 in UTC+8.
pub fn now() -> Time {
    DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").expect("valid time")
}

/// Modest sample sizes: the machine is shared.
pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

/// A store holding `n` synthetic items, saved the way the dashboard saves.
pub fn store(n: usize) -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("data")).expect("store");
    let mut snap = store.load().expect("load");
    let state = liaison::cli::demo::synthetic(n, now());
    store
        .transact(&mut snap, now(), move |s| {
            *s = state;
            Ok::<_, ModelError>(())
        })
        .expect("saved");
    (dir, store)
}

/// [`store`] with `ops` operations in the journal after its snapshot (a
/// note on each item in turn, `n` to a change; compaction held off), as a
/// journal that has not been folded yet would hold them.
pub fn store_with_journal(n: usize, ops: usize) -> (TempDir, Store) {
    let (dir, mut store) = store(n);
    store.set_compaction_limit(u64::MAX);
    let mut snap = store.load().expect("load");
    let mut left = ops;
    while left > 0 {
        let k = left.min(n);
        store
            .transact(&mut snap, now(), |s| {
                for item in s.items.iter_mut().take(k) {
                    item.notes.push(liaison::model::Note {
                        at: now(),
                        text: "问：情况是否属实？答：已核实。".into(),
                    });
                }
                Ok::<_, ModelError>(())
            })
            .expect("saved");
        left -= k;
    }
    (dir, store)
}

/// A dashboard over `store`, loaded as the terminal loads it.
pub fn app(store: Store) -> App {
    let snap = store.load().expect("load");
    let mut app = App::new(
        store,
        snap,
        Lang::En,
        Config::default(),
        Box::new(FixedClock(now())),
    );
    app.area = SIZE;
    app
}

pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test terminal")
}

/// Draws the whole screen, as the event loop does after an event.
pub fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| liaison::ui::render(app, f)).expect("draw");
}

/// One key through the keymap into `update`, as the terminal sends it.
pub fn key(app: &mut App, code: KeyCode) -> bool {
    key_mod(app, code, KeyModifiers::NONE)
}

pub fn key_mod(app: &mut App, code: KeyCode, mods: KeyModifiers) -> bool {
    liaison::dashboard::handle(app, &Event::Key(KeyEvent::new(code, mods)))
}

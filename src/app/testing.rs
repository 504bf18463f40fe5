//! Helpers for tests of the dashboard: an app on a private temp store with a
//! fixed clock, and keys typed through the same path the terminal uses.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::App;
use crate::config::Config;
use crate::i18n::Lang;
use crate::model::FixedClock;
use crate::store::Store;

/// Wednesday 25 November 2026, 10:00 in UTC+8.
pub use crate::model::testing::now;

/// An app over a fresh store; with the sample inspection if `sample`.
pub fn app(lang: Lang, sample: bool) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("data")).expect("store");
    let mut snap = store.load().expect("load");
    if sample {
        store
            .transact(&mut snap, now(), |s| {
                *s = crate::cli::demo::sample(lang, now());
                Ok::<_, crate::model::ModelError>(())
            })
            .expect("sample saved");
    }
    let app = App::new(
        store,
        snap,
        lang,
        Config::default(),
        Box::new(FixedClock(now())),
    );
    (dir, app)
}

/// The state on disk now, as a second process would load it.
pub fn on_disk(app: &App) -> crate::model::State {
    app.store.load().expect("the store loads").state
}

/// Saves `item` as a change made elsewhere in the process (straight to the
/// store) and refreshes the views; its id.
pub fn add(app: &mut App, item: crate::model::Item) -> String {
    let store = app.store.clone();
    let id = store
        .transact(&mut app.snap, now(), |s| s.add(item))
        .expect("the item is saved");
    app.refresh();
    id
}

/// Sends one key through the keymap, as the event loop does.
pub fn key(app: &mut App, code: KeyCode) {
    key_mod(app, code, KeyModifiers::NONE);
}

pub fn key_mod(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    let ev = Event::Key(KeyEvent::new(code, mods));
    crate::dashboard::handle(app, &ev);
}

/// Types text key by key.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

//! The dashboard's sync key: `liaison sync` run on a thread of its own, so
//! the dashboard keeps answering keys while git talks to the repository
//! (the header says "syncing…"); the header then tells when it last
//! synced and how many of others' changes arrived.
//!
//! The dashboard cannot ask for the team passphrase on the terminal it
//! draws on: the key is taken from the session keyring (`liaison sync
//! unlock`) or from `LIAISON_TEAM_PASSPHRASE_FILE`.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{Action, App};
use crate::i18n::{G, sync_error, tr, trf};
use crate::sync::{self, Ask, SyncError};

/// What the header shows of sync.
#[derive(Debug, Default)]
pub struct SyncView {
    running: Option<Receiver<Result<sync::Report, String>>>,
    /// The last sync's failure, until the next one.
    pub failed: Option<String>,
    /// Sync set up: when it last synced, and how many of others' changes
    /// that sync brought (read once, and again after each sync).
    pub last: Option<(Option<crate::model::Time>, usize)>,
}

/// Reads what the header shows from sync's state in the data directory.
pub fn load(app: &mut App) {
    app.sync.last = sync::team_of(&app.store).ok().flatten().map(|l| {
        let arrived = if l.last_arrival.is_some() && l.last_arrival == l.last_sync {
            l.arrived.ops
        } else {
            0
        };
        (l.last_sync, arrived)
    });
}

impl SyncView {
    pub fn running(&self) -> bool {
        self.running.is_some()
    }
}

/// Handles the sync key; false for any other action.
pub fn update(app: &mut App, action: Action) -> bool {
    if action != Action::Sync {
        return false;
    }
    if app.sync.running() {
        return true;
    }
    let lang = app.lang;
    match sync::team_of(&app.store) {
        Ok(Some(_)) => {}
        Ok(None) => {
            app.warn(sync_error(lang, &SyncError::NotSetUp));
            return true;
        }
        Err(e) => {
            app.warn(sync_error(lang, &e));
            return true;
        }
    }
    let store = app.store.clone();
    let member = app.config.me.clone();
    let now = app.now;
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let file = std::env::var_os("LIAISON_TEAM_PASSPHRASE_FILE").map(std::path::PathBuf::from);
        let dir = store.dir().to_path_buf();
        let mut ask = Ask {
            get: Box::new(move |_| match &file {
                Some(path) => crate::cli::passphrase::from_file(path, &dir, lang)
                    .map_err(|e| SyncError::Said(e.0)),
                None => Err(SyncError::Said(tr(lang, G::ErrSyncNeedsKey).into())),
            }),
            tries: 1,
        };
        let calendar = |s: &crate::model::State| crate::cli::ics::calendar(s, lang).text;
        let result = sync::sync(&store, &mut ask, member.as_deref(), now, &calendar)
            .map_err(|e| sync_error(lang, &e));
        let _ = tx.send(result);
    });
    app.sync.running = Some(rx);
    app.sync.failed = None;
    true
}

/// Takes the result of a sync that finished; true if the screen changed.
pub fn poll(app: &mut App) -> bool {
    let Some(rx) = &app.sync.running else {
        return false;
    };
    let result = match rx.try_recv() {
        Ok(r) => r,
        Err(TryRecvError::Empty) => return false,
        Err(TryRecvError::Disconnected) => Err(tr(app.lang, G::ErrRaced).to_string()),
    };
    app.sync.running = None;
    match result {
        Ok(report) => {
            let lang = app.lang;
            app.say(trf(lang, G::Synced, &[&report.sent, &report.arrived.ops]));
            app.reload_if_changed();
            load(app);
        }
        Err(line) => {
            app.warn(line.clone());
            app.sync.failed = Some(line);
        }
    }
    true
}

/// The header's word on sync: none when sync is not set up.
pub fn header_text(app: &App) -> Option<String> {
    let lang = app.lang;
    if app.sync.running() {
        return Some(tr(lang, G::HeaderSyncing).into());
    }
    if let Some(line) = &app.sync.failed {
        return Some(trf(lang, G::HeaderSyncFailed, &[line]));
    }
    let (last, arrived) = app.sync.last?;
    let Some(last) = last else {
        return Some(tr(lang, G::HeaderNever).into());
    };
    let when = if last.date_naive() == app.now.date_naive() {
        last.format("%H:%M").to_string()
    } else {
        last.format("%m-%d %H:%M").to_string()
    };
    let mut text = trf(lang, G::HeaderSynced, &[&when]);
    if arrived > 0 {
        text.push_str(" · ");
        text.push_str(&trf(lang, G::HeaderArrived, &[&arrived]));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{app, key};
    use crate::i18n::Lang;
    use ratatui::crossterm::event::KeyCode;

    #[test]
    fn the_header_tells_when_it_synced_and_what_arrived_in_both_languages() {
        let (_dir, mut a) = app(Lang::En, true);
        assert_eq!(header_text(&a), None, "no word while sync is not set up");
        let now = a.now;
        a.sync.last = Some((Some(now), 3));
        assert_eq!(
            header_text(&a).unwrap(),
            format!("synced {} · 3 new from others", now.format("%H:%M"))
        );
        a.lang = Lang::Zh;
        assert_eq!(
            header_text(&a).unwrap(),
            format!("已同步 {} · 他人新改动 3 条", now.format("%H:%M"))
        );
        a.sync.last = Some((None, 0));
        assert_eq!(header_text(&a).unwrap(), "尚未同步");
    }

    #[test]
    fn the_sync_key_says_when_sync_is_not_set_up_and_starts_nothing() {
        let (_dir, mut a) = app(Lang::En, true);
        key(&mut a, KeyCode::Char('Y'));
        assert!(!a.sync.running());
        let status = format!("{:?}", a.status);
        assert!(status.contains("sync init"), "{status}");
    }
}

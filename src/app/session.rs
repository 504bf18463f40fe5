//! The session around the state: the idle blank, what the store noticed,
//! who this user is, and catching up with changes made elsewhere.

use super::App;

impl App {
    /// Verifies the custody logs; problems are reported, never repaired.
    pub fn check_chains(&mut self) {
        // Only the logs changed since a snapshot verified when it was
        // written are checked again, as on the command line.
        self.chain_problems = self
            .snap
            .custody_problems()
            .iter()
            .map(|p| crate::i18n::chain_problem(self.lang, p))
            .collect();
    }

    /// Blanks the screen after the configured idle time; true if it did.
    pub fn idle(&mut self, idle_for: std::time::Duration) -> bool {
        let limit = u64::from(self.config.idle_lock_minutes) * 60;
        if limit == 0 || self.privacy || idle_for.as_secs() < limit {
            return false;
        }
        self.privacy = true;
        true
    }

    /// Shows what the store noticed (a torn last change ignored, a file
    /// converted) on the status line, once.
    pub fn take_notices(&mut self) {
        let said: Vec<String> = self
            .snap
            .warnings
            .drain(..)
            .map(|n| crate::i18n::notice(self.lang, &n))
            .collect();
        if !said.is_empty() {
            self.warn(said.join("; "));
        }
    }

    /// Who voids a custody step this session undoes: the user's name from
    /// the config, else the system user.
    pub fn who(&self) -> String {
        self.config.me().unwrap_or_else(|| {
            std::env::var("USER")
                .ok()
                .filter(|u| !u.trim().is_empty())
                .unwrap_or_else(|| "liaison".into())
        })
    }

    /// Reloads from disk if another process saved; true if it did.
    pub fn reload_if_changed(&mut self) -> bool {
        if self.store.current_stamp() == self.snap.stamp() {
            return false;
        }
        // Only the journal's new operations are read when nothing else changed.
        match self.store.refresh(&mut self.snap) {
            Ok(()) => {
                self.refresh();
                self.take_notices();
                self.check_chains();
                true
            }
            Err(e) => {
                self.warn(crate::i18n::store_error(self.lang, &e));
                false
            }
        }
    }
}

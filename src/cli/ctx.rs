//! What every subcommand works with: the store opened (and unlocked), the
//! language and the clock; loading and changing the state through
//! `Store::transact`.

use std::io::Read;
use std::path::PathBuf;

use super::{Cli, CliError, Command, passphrase};
use crate::i18n::{self, K, Lang, S, T, tr, trf};
use crate::model::{self, Clock, ModelError};
use crate::store::{Quick, Snapshot, Store, TxError};

/// What every subcommand works with.
pub struct Ctx {
    pub store: Store,
    pub lang: Lang,
    pub clock: Box<dyn Clock>,
    /// The config file's settings (defaults when it is missing or broken;
    /// a broken one was already reported).
    pub config: crate::config::Config,
}

impl Ctx {
    pub fn open(cli: &Cli) -> Result<Ctx, CliError> {
        let dir = match &cli.data_dir {
            Some(d) => d.clone(),
            None => Store::default_dir()?,
        };
        let lang = i18n::lang();
        let reads_only = cli.command.as_ref().is_some_and(Command::reads_only);
        if reads_only && std::fs::symlink_metadata(&dir).is_err() {
            return Err(CliError(trf(lang, K::ErrNoData, &[&dir.display()])));
        }
        let mut store = open_store(dir, cli, lang)?;
        let clock = model::clock::from_env().map_err(CliError)?;
        let config = crate::config::load(crate::config::path().as_deref()).unwrap_or_default();
        // Every operation written names the team member making it.
        store.set_member(config.me());
        Ok(Ctx {
            store,
            lang,
            clock,
            config,
        })
    }

    pub fn now(&self) -> model::Time {
        self.clock.now()
    }

    /// Loads the state and warns on stderr, one line each, of any custody
    /// log that fails verification.
    pub fn load(&self) -> Result<Snapshot, CliError> {
        Ok(self.load_checked()?.0)
    }

    /// [`Ctx::load`], also returning the custody problems it warned of, for
    /// an output that lists documents to carry them too.
    pub fn load_checked(&self) -> Result<(Snapshot, Vec<model::custody::ChainProblem>), CliError> {
        let mut snap = self
            .store
            .load()
            .map_err(|e| CliError(i18n::store_error(self.lang, &e)))?;
        let problems = snap.custody_problems();
        self.say_chain(&problems);
        self.warn_store(&mut snap);
        Ok((snap, problems))
    }

    /// Says on stderr what the store noticed (a torn last change ignored,
    /// a migration), once.
    pub fn warn_store(&self, snap: &mut Snapshot) {
        self.say_notices(std::mem::take(&mut snap.warnings));
    }

    pub fn say_notices(&self, notices: Vec<crate::store::Notice>) {
        for w in notices {
            say!(
                "liaison: {}: {}",
                tr(self.lang, T::Warning),
                i18n::notice(self.lang, &w)
            );
        }
    }

    pub fn warn_chain(&self, state: &model::State) {
        self.say_chain(&model::custody::verify(state));
    }

    pub fn say_chain(&self, problems: &[model::custody::ChainProblem]) {
        for p in problems {
            say!(
                "liaison: {}: {}",
                tr(self.lang, T::Warning),
                i18n::chain_problem(self.lang, p)
            );
        }
    }

    pub fn model_err(&self, e: &ModelError) -> CliError {
        CliError(i18n::model_error_cli(self.lang, e))
    }

    /// Loads, applies `change` under the lock, saves.
    pub fn change<R>(
        &self,
        change: impl FnOnce(&mut model::State) -> Result<R, ModelError>,
    ) -> Result<R, CliError> {
        let mut snap = self.load()?;
        self.change_in(&mut snap, change)
    }

    /// [`Ctx::change`] for a change that reads and writes only the items
    /// `ids`, the counters and new items (`add`, `note --to`, `done`): it
    /// takes the store's quick path, which does not decode the whole
    /// snapshot, and the full path whenever that one steps aside.
    pub fn change_few<R>(
        &self,
        ids: &[&str],
        mut change: impl FnMut(&mut model::State) -> Result<R, ModelError>,
    ) -> Result<R, CliError> {
        match self.store.transact_few(self.now(), ids, &mut change) {
            Ok(Quick::Done(r)) => Ok(r),
            Ok(Quick::Declined) => self.change(change),
            Err(TxError::Refused(e)) => Err(self.model_err(&e)),
            Err(TxError::Store(e)) => Err(CliError(i18n::store_error(self.lang, &e))),
        }
    }

    pub fn change_in<R>(
        &self,
        snap: &mut Snapshot,
        change: impl FnOnce(&mut model::State) -> Result<R, ModelError>,
    ) -> Result<R, CliError> {
        let out = self
            .store
            .transact(snap, self.now(), change)
            .map_err(|e| match e {
                TxError::Refused(e) => self.model_err(&e),
                TxError::Store(e) => CliError(i18n::store_error(self.lang, &e)),
            });
        self.warn_store(snap);
        out
    }
}

/// Opens the data directory, asks for the passphrase if it is encrypted,
/// and warns of anything to fix (permissions tightened, files left plain).
pub fn open_store(dir: PathBuf, cli: &Cli, lang: Lang) -> Result<Store, CliError> {
    let mut store = Store::open(dir)?;
    passphrase::unlock(&mut store, cli, lang)?;
    if cli.passphrase_file.is_some() {
        // A passphrase given for data found plain: someone may have swapped
        // a plain file in. Read it, but write nothing in plain text.
        store.expect_encrypted();
    }
    for w in &store.warnings {
        say!("liaison: {}", crate::i18n::tightened(lang, w));
    }
    // Data encrypted by a test build with cheap costs (a debug build run
    // with LIAISON_TEST_CHEAP_KDF): a release build says so.
    if !cfg!(debug_assertions)
        && let Some(params) = store.kdf_params()
        && params.weaker_than(&crate::store::KdfParams::DEFAULT)
    {
        say!(
            "liaison: {}: {}",
            tr(lang, T::Warning),
            trf(lang, S::WeakKdf, &[&store.dir().display()])
        );
    }
    for path in store.plain_leftovers() {
        say!(
            "liaison: {}: {}",
            tr(lang, T::Warning),
            trf(lang, S::PlainLeft, &[&path.display()])
        );
    }
    Ok(store)
}

/// `text`, or standard input when it is `-`.
pub fn text_or_stdin(ctx: &Ctx, text: &str) -> Result<String, CliError> {
    if text != "-" {
        return Ok(text.to_string());
    }
    let mut buf = String::new();
    std::io::stdin().read_to_string(&mut buf).map_err(|e| {
        CliError(trf(
            ctx.lang,
            K::ErrStdin,
            &[&crate::i18n::os_error(ctx.lang, &e)],
        ))
    })?;
    Ok(buf)
}

/// Writing JSON to stdout failed: the pipe or the disk (serialising our own
/// values cannot fail otherwise).
pub fn json_failed(lang: Lang, e: serde_json::Error) -> CliError {
    stdout_failed(lang, &std::io::Error::from(e))
}

/// Writing to stdout failed (a closed pipe, a full disk).
pub fn stdout_failed(lang: Lang, e: &std::io::Error) -> CliError {
    CliError(trf(lang, K::ErrStdout, &[&crate::i18n::os_error(lang, e)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stores_permission_warning_is_said_in_chinese() {
        let w = crate::store::fsutil::Tightened {
            path: "/d/x".into(),
            was: 0o755,
            now: 0o700,
        };
        assert_eq!(
            crate::i18n::tightened(Lang::Zh, &w),
            "/d/x 原先对其他用户开放（权限 755），已改为 700"
        );
        assert_eq!(
            crate::i18n::tightened(Lang::En, &w),
            "/d/x was open to others (755); set to 700"
        );
        assert_eq!(crate::i18n::tightened(Lang::En, &w), w.to_string());
    }
}

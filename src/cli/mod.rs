//! The command line: subcommands over the model and the store (never ratatui).

mod add;
mod check;
mod crypt;
mod custody;
pub mod demo;
pub mod help_zh;
pub mod ics;
mod journal;
mod keycache;
mod list;
mod note;
pub mod passphrase;
mod report;
mod substitute;
mod tty;

use std::io::Read;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::{self, Lang, T, tr, trf};
use crate::model::{self, Clock, ModelError};
use crate::store::{Snapshot, Store, StoreError, TxError};

/// A terminal dashboard for the liaison officer of an inspection team.
#[derive(Debug, Parser)]
#[command(name = "liaison", version, about, long_about = None)]
pub struct Cli {
    /// Where the data lives (default: the user's data directory).
    #[arg(long, global = true, env = "LIAISON_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Interface language: en or zh (default: the config file, then the locale).
    #[arg(long, global = true, value_name = "en|zh")]
    pub lang: Option<String>,
    /// Read the passphrase of encrypted data from the first line of FILE
    /// (default: ask on the terminal).
    #[arg(
        long,
        global = true,
        env = "LIAISON_PASSPHRASE_FILE",
        value_name = "FILE"
    )]
    pub passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add an item; prints its id.
    Add(Box<add::AddArgs>),
    /// List items.
    List(list::ListArgs),
    /// Capture a note (to the inbox unless --to is given; `-` reads stdin).
    /// A note starting with `#` also asks for that document (its id is
    /// printed); one starting with `?` is a question to follow up.
    Note {
        /// The note, or `-` to read it from standard input.
        text: String,
        /// The id of the item to attach it to.
        #[arg(long, value_name = "ID")]
        to: Option<String>,
    },
    /// Mark an item done (a substitute assignment: hand it back with --handback).
    Done {
        /// The item's id, e.g. D12.
        id: String,
        /// A substitute assignment's hand-back note: what was done, what is
        /// left (`-` reads it from standard input). Required to close one.
        #[arg(long, value_name = "TEXT")]
        handback: Option<String>,
    },
    /// Accept a substitute assignment (requested → accepted).
    Accept {
        /// The assignment's id, e.g. S3.
        id: String,
    },
    /// Record a custody step of a document (receive, lend, back, return, shred, archive).
    Custody(custody::CustodyArgs),
    /// List the kept backups, newest first.
    Backups,
    /// Restore a backup (the current state is backed up first).
    Restore {
        /// A name from `liaison backups`.
        name: String,
    },
    /// Export everything.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write to FILE (created private to the user) instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// md: include the notes of secret and confidential documents.
        #[arg(long)]
        include_confidential: bool,
    },
    /// The day's brief for the team leader, as Markdown.
    Report(report::ReportArgs),
    /// Fill the data directory with a sample inspection.
    Demo(demo::DemoArgs),
    /// Show a meeting's preparation checklist, or tick an entry.
    Check(check::CheckArgs),
    /// Encrypt the data at rest with a passphrase (asked twice).
    Encrypt,
    /// Turn encryption off: write the data back as plain text.
    Decrypt,
    /// Delete an item (kept in the journal as deleted). Asks on a terminal.
    Delete {
        /// The item's id, e.g. L3.
        id: String,
        /// Do not ask (for scripts).
        #[arg(long)]
        yes: bool,
    },
    /// The journal's operations, all or one item's: time, replica, change, fields.
    Log {
        /// Only this item's operations.
        id: Option<String>,
        /// As a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Check the snapshot, the journal and the custody logs; print the head hash.
    Verify,
    /// Keep the key of encrypted data in this login session's kernel keyring
    /// for a while, so commands do not ask for the passphrase.
    Unlock {
        /// How long: 30m, 2h, 1h30m, 90s (at most 24h).
        #[arg(long = "for", value_name = "DURATION", default_value = "30m")]
        duration: String,
    },
    /// Forget the key kept by `liaison unlock`.
    Lock,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Ics,
    Md,
}

/// A failure said in one line.
#[derive(Debug)]
pub struct CliError(pub String);

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError(i18n::store_error(i18n::lang(), &e))
    }
}

/// What every subcommand works with.
pub struct Ctx {
    pub store: Store,
    pub lang: Lang,
    pub clock: Box<dyn Clock>,
}

impl Ctx {
    pub fn open(cli: &Cli) -> Result<Ctx, CliError> {
        let dir = match &cli.data_dir {
            Some(d) => d.clone(),
            None => Store::default_dir()?,
        };
        let lang = i18n::lang();
        let store = open_store(dir, cli, lang)?;
        let clock = model::clock::from_env().map_err(CliError)?;
        Ok(Ctx { store, lang, clock })
    }

    pub fn now(&self) -> model::Time {
        self.clock.now()
    }

    /// Loads the state and warns on stderr, one line each, of any custody
    /// log that fails verification.
    pub fn load(&self) -> Result<Snapshot, CliError> {
        let mut snap = self
            .store
            .load()
            .map_err(|e| CliError(i18n::store_error(self.lang, &e)))?;
        self.warn_chain(&snap.state);
        self.warn_store(&mut snap);
        Ok(snap)
    }

    /// Says on stderr what the store noticed (a torn last change ignored,
    /// a migration), once.
    pub fn warn_store(&self, snap: &mut Snapshot) {
        for w in snap.warnings.drain(..) {
            eprintln!(
                "liaison: {}: {}",
                tr(self.lang, T::Warning),
                i18n::notice(self.lang, &w)
            );
        }
    }

    fn warn_chain(&self, state: &model::State) {
        for p in model::custody::verify(state) {
            eprintln!(
                "liaison: {}: {}",
                tr(self.lang, T::Warning),
                i18n::chain_problem(self.lang, &p)
            );
        }
    }

    pub fn model_err(&self, e: &ModelError) -> CliError {
        CliError(i18n::model_error(self.lang, e))
    }

    /// Loads, applies `change` under the lock, saves.
    pub fn change<R>(
        &self,
        change: impl FnOnce(&mut model::State) -> Result<R, ModelError>,
    ) -> Result<R, CliError> {
        let mut snap = self.load()?;
        self.change_in(&mut snap, change)
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
    for w in &store.warnings {
        eprintln!("liaison: {w}");
    }
    // Data encrypted by a test build with cheap costs (a debug build run
    // with LIAISON_TEST_CHEAP_KDF): a release build says so.
    if !cfg!(debug_assertions)
        && let Some(params) = store.kdf_params()
        && params.weaker_than(&crate::store::KdfParams::DEFAULT)
    {
        eprintln!(
            "liaison: {}: {}",
            tr(lang, T::Warning),
            trf(lang, T::WeakKdf, &[&store.dir().display()])
        );
    }
    for path in store.plain_leftovers() {
        eprintln!(
            "liaison: {}: {}",
            tr(lang, T::Warning),
            trf(lang, T::PlainLeft, &[&path.display()])
        );
    }
    Ok(store)
}

/// Runs a subcommand.
pub fn run(cli: &Cli, command: &Command) -> Result<(), CliError> {
    if let Command::Lock = command {
        // Never asks for the passphrase.
        return keycache::lock(cli);
    }
    let mut ctx = Ctx::open(cli)?;
    match command {
        Command::Add(args) => add::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Note { text, to } => {
            let text = if text == "-" {
                let mut buf = String::new();
                std::io::stdin()
                    .read_to_string(&mut buf)
                    .map_err(|e| CliError(format!("cannot read the note from stdin: {e}")))?;
                buf
            } else {
                text.clone()
            };
            note::run(&ctx, to.as_deref(), &text)
        }
        Command::Done { id, handback } => substitute::done(&ctx, id, handback.as_deref()),
        Command::Accept { id } => substitute::accept(&ctx, id),
        Command::Custody(args) => custody::run(&ctx, args),
        Command::Backups => {
            let list = ctx.store.backups()?;
            if list.is_empty() {
                eprintln!("{}", tr(ctx.lang, T::NoBackups));
            }
            for b in list {
                println!("{}  {}  {} B", b.name, b.taken, b.bytes);
            }
            Ok(())
        }
        Command::Restore { name } => {
            let before = ctx.store.backups()?.first().map(|b| b.name.clone());
            ctx.warn_chain(&ctx.store.restore(name, ctx.now())?.state);
            let saved = ctx
                .store
                .backups()?
                .first()
                .map(|b| b.name.clone())
                .filter(|n| Some(n) != before.as_ref())
                .unwrap_or_else(|| "-".into());
            eprintln!("{}", trf(ctx.lang, T::Restored, &[name, &saved]));
            Ok(())
        }
        Command::Export {
            format: ExportFormat::Md,
            out,
            include_confidential,
        } => report::export_md(&ctx, out.as_deref(), *include_confidential),
        Command::Export {
            format: ExportFormat::Json,
            out,
            ..
        } => {
            let snap = ctx.load()?;
            let bytes = crate::store::encode(&snap.state);
            write_out(&ctx, out.as_deref(), &bytes)
        }
        Command::Export {
            format: ExportFormat::Ics,
            out,
            ..
        } => ics::run(&ctx, out.as_deref()),
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Report(args) => report::run(&ctx, args),
        Command::Encrypt => crypt::encrypt(&mut ctx, cli),
        Command::Decrypt => crypt::decrypt(&mut ctx),
        Command::Delete { id, yes } => journal::delete(&ctx, id, *yes),
        Command::Log { id, json } => journal::log(&ctx, id.as_deref(), *json),
        Command::Verify => journal::verify(&ctx),
        Command::Unlock { duration } => keycache::unlock(&ctx, duration),
        Command::Lock => unreachable!("handled before opening"),
    }
}

/// Writes to `out` (a new private file) or to stdout.
pub fn write_out(ctx: &Ctx, out: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    match out {
        Some(path) => {
            crate::store::fsutil::write_atomic(path, bytes)
                .map_err(|e| CliError(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("{}", trf(ctx.lang, T::Written, &[&path.display()]));
            Ok(())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|_| stdout.flush())
                .map_err(|e| CliError(format!("cannot write to stdout: {e}")))
        }
    }
}

/// The prefix of every error line, in the user's language.
pub fn error_prefix(lang: Lang) -> String {
    format!("liaison: {}", tr(lang, T::ErrPrefix))
}

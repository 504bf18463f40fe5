//! The command line: subcommands over the model and the store (never ratatui).
//!
//! Every line it prints goes through `say!` (stderr) or `show!` (stdout),
//! which pass the whole line through `crate::sanitize::visible`: whatever a
//! title, an id or a file name holds, no escape sequence reaches the terminal.

/// `eprintln!` through the sanitiser: one line to stderr, escapes shown.
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::sanitize::visible(&format!($($arg)*)))
    };
}

/// `println!` through the sanitiser: one line to stdout, escapes shown.
macro_rules! show {
    ($($arg:tt)*) => {
        println!("{}", $crate::sanitize::visible(&format!($($arg)*)))
    };
}

mod add;
mod attend;
mod backups;
mod check;
mod clearance;
mod crypt;
mod ctx;
mod custody;
pub mod demo;
mod edit;
mod export;
mod fields;
pub mod help_zh;
pub mod ics;
mod import;
mod journal;
mod keycache;
mod list;
mod member;
mod note;
mod notes;
mod office;
mod out;
pub mod passphrase;
mod report;
mod resolve;
mod show;
mod substitute;
pub mod sync;
mod tty;
pub mod usage;
mod values;
mod week;

pub use ctx::{Ctx, open_store, stdout_failed, text_or_stdin};
pub use out::{write_json, write_out, write_text};

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::{self, Lang, T, tr, trf};

use crate::store::StoreError;

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
    /// Change a document's class (lowering it needs --reason).
    Class(custody::ClassArgs),
    /// Resolve a document's custody conflict from the team's merge by
    /// voiding the conflicting step (it stays in the log, marked void).
    Resolve {
        /// The document's id, e.g. D3.
        id: String,
    },
    /// End of inspection (巡后清退): every document, loan and copy still out,
    /// grouped by who holds it.
    Clearance(clearance::ClearanceArgs),
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
        /// json, md, xlsx, csv: include the notes of secret and confidential
        /// documents (refused for ics, which holds no notes).
        #[arg(long)]
        include_confidential: bool,
        /// xlsx: only these sheets, comma-separated (documents, loans,
        /// destruction, interviews, logistics, substitutes).
        #[arg(long, value_name = "LIST", value_delimiter = ',')]
        sheets: Vec<String>,
        /// xlsx: a sign-in sheet for this meeting instead of the registers.
        #[arg(long, value_name = "ID")]
        sign_in: Option<String>,
        /// csv: which list (a sheet name or a kind, e.g. document).
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
    },
    /// Import items from a spreadsheet (xlsx, xls or csv), all or none.
    Import(import::ImportArgs),
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
    /// Show one item whole: its fields, numbered notes, follow-ups,
    /// checklist and custody log.
    Show(show::ShowArgs),
    /// Change only the fields given (the options of `add`, and --title).
    Edit(Box<edit::EditArgs>),
    /// Postpone an item: give it a new due time.
    Snooze {
        /// The item's id, e.g. L3.
        id: String,
        /// The new due time: YYYY-MM-DD [HH:MM] or a phrase (several words
        /// are joined with spaces).
        #[arg(required = true, num_args = 1..)]
        when: Vec<String>,
    },
    /// Set an item's priority.
    Priority {
        /// The item's id, e.g. L3.
        id: String,
        /// high, normal or low.
        priority: String,
    },
    /// Move an item to another pane; it gets an id of its new kind, which is printed.
    Move {
        /// The item's id, e.g. L3.
        id: String,
        /// logistics, document, meeting or substitute.
        kind: String,
        /// Move it even if it has fields the new kind does not keep (they are left behind).
        #[arg(long)]
        drop_fields: bool,
    },
    /// List the notes taken without an item, numbered.
    Inbox(notes::InboxArgs),
    /// Change a note's text, by its number in `liaison show` or `liaison inbox`.
    NoteEdit(notes::NoteEditArgs),
    /// Delete a note, by its number in `liaison show` or `liaison inbox`.
    NoteDelete(notes::NoteDeleteArgs),
    /// Print a completion script for a shell (bash, zsh or fish).
    Completions {
        /// bash, zsh or fish.
        #[arg(value_enum)]
        shell: usage::Shell,
    },
    /// Print the manual page (roff; view it with `liaison man | man -l -`).
    Man,
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
    /// The team roster: add, list, edit or remove a member.
    Member(member::MemberArgs),
    /// Record a member in, out, back or on leave.
    Attend(attend::AttendArgs),
    /// Each member's whereabouts on a day.
    Attendance(attend::AttendanceArgs),
    /// Share the register with the team through a git repository (a USB
    /// drive or a LAN server): bring in others' changes, send ours.
    Sync(sync::SyncArgs),
}

impl Command {
    /// Whether the command only reads: on a data directory that is not
    /// there it says so and creates nothing.
    pub fn reads_only(&self) -> bool {
        match self {
            Command::List(_)
            | Command::Show(_)
            | Command::Inbox(_)
            | Command::Backups
            | Command::Export { .. }
            | Command::Report(_)
            | Command::Clearance(_)
            | Command::Log { .. }
            | Command::Verify => true,
            Command::Check(args) => args.entry.is_none() && args.add.is_none(),
            Command::Member(args) => args.action.reads_only(),
            Command::Attendance(_) => true,
            Command::Sync(args) => matches!(args.action, Some(sync::SyncAction::Status { .. })),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Ics,
    Md,
    Xlsx,
    Csv,
}

/// A failure said in one line.
#[derive(Debug)]
pub struct CliError(pub String);

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError(i18n::store_error(i18n::lang(), &e))
    }
}

/// Runs a subcommand.
pub fn run(cli: &Cli, command: &Command) -> Result<(), CliError> {
    // What needs no data comes first, so it opens nothing.
    match command {
        Command::Completions { shell } => return usage::completions(*shell),
        Command::Man => return usage::man(),
        // Never asks for the passphrase.
        Command::Lock => return keycache::lock(cli),
        _ => {}
    }
    let mut ctx = Ctx::open(cli)?;
    match command {
        Command::Add(args) => add::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Note { text, to } => {
            let text = text_or_stdin(&ctx, text)?;
            note::run(&ctx, to.as_deref(), &text)
        }
        Command::Done { id, handback } => substitute::done(&ctx, id, handback.as_deref()),
        Command::Accept { id } => substitute::accept(&ctx, id),
        Command::Custody(args) => custody::run(&ctx, args),
        Command::Class(args) => custody::class(&ctx, args),
        Command::Resolve { id } => resolve::run(&ctx, id),
        Command::Clearance(args) => clearance::run(&ctx, args),
        Command::Backups => backups::list(&ctx),
        Command::Restore { name } => backups::restore(&ctx, name),
        Command::Export {
            format: ExportFormat::Md,
            out,
            include_confidential,
            ..
        } => report::export_md(&ctx, out.as_deref(), *include_confidential),
        Command::Export {
            format: ExportFormat::Json,
            out,
            include_confidential,
            ..
        } => export::json(&ctx, out.as_deref(), *include_confidential),
        Command::Export {
            format: ExportFormat::Ics,
            include_confidential: true,
            ..
        } => {
            let what = tr(ctx.lang, T::ConfidentialIcs);
            Err(CliError(trf(
                ctx.lang,
                T::ErrConfidentialNoEffect,
                &[&what],
            )))
        }
        Command::Export {
            format: ExportFormat::Ics,
            out,
            ..
        } => ics::run(&ctx, out.as_deref()),
        Command::Export {
            format: format @ (ExportFormat::Xlsx | ExportFormat::Csv),
            out,
            include_confidential,
            sheets,
            sign_in,
            kind,
        } => office::run(
            &ctx,
            &office::ExportArgs {
                csv: matches!(format, ExportFormat::Csv),
                out: out.as_deref(),
                confidential: *include_confidential,
                sheets,
                sign_in: sign_in.as_deref(),
                kind: kind.as_deref(),
            },
        ),
        Command::Import(args) => import::run(&ctx, args),
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Report(args) => report::run(&ctx, args),
        Command::Encrypt => crypt::encrypt(&mut ctx, cli),
        Command::Decrypt => crypt::decrypt(&mut ctx),
        Command::Show(args) => show::run(&ctx, args),
        Command::Edit(args) => edit::edit(&ctx, args),
        Command::Snooze { id, when } => edit::snooze(&ctx, id, &when.join(" ")),
        Command::Priority { id, priority } => edit::priority(&ctx, id, priority),
        Command::Move {
            id,
            kind,
            drop_fields,
        } => edit::move_to(&ctx, id, kind, *drop_fields),
        Command::Inbox(args) => notes::inbox(&ctx, args),
        Command::NoteEdit(args) => notes::edit(&ctx, args),
        Command::NoteDelete(args) => notes::delete(&ctx, args),
        Command::Completions { .. } | Command::Man => Ok(()),
        Command::Delete { id, yes } => journal::delete(&ctx, id, *yes),
        Command::Log { id, json } => journal::log(&ctx, id.as_deref(), *json),
        Command::Verify => journal::verify(&ctx),
        Command::Unlock { duration } => keycache::unlock(&ctx, duration),
        Command::Lock => Ok(()),
        Command::Member(args) => member::run(&ctx, args),
        Command::Attend(args) => attend::attend(&ctx, args),
        Command::Attendance(args) => attend::attendance(&ctx, args),
        Command::Sync(args) => sync::run(&ctx, args),
    }
}

/// The prefix of every error line, in the user's language.
pub fn error_prefix(lang: Lang) -> String {
    format!("liaison: {}", tr(lang, T::ErrPrefix))
}

//! `liaison inbox [--json]`, `note-edit TARGET N TEXT` and
//! `note-delete TARGET N`: the notes taken without an item, and changing a
//! note after it was taken. TARGET is an item's id or `inbox` (`收件箱`); N
//! is the note's number as `show` or `inbox` prints it, from 1.

use std::io::Write;

use clap::Args;
use serde::Serialize;

use super::{CliError, Ctx};
use crate::i18n::{K, T, tr, trf};
use crate::text::one_line;

#[derive(Debug, Args)]
pub struct InboxArgs {
    /// Print a JSON array of {number, at, text}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct NoteEditArgs {
    /// The item's id, or `inbox`.
    pub target: String,
    /// The note's number, as `liaison show` or `liaison inbox` prints it.
    pub number: usize,
    /// The new text, or `-` to read it from standard input.
    pub text: String,
}

#[derive(Debug, Args)]
pub struct NoteDeleteArgs {
    /// The item's id, or `inbox`.
    pub target: String,
    /// The note's number, as `liaison show` or `liaison inbox` prints it.
    pub number: usize,
}

/// `None` for the inbox, else the item's id as typed.
fn target(t: &str) -> Option<&str> {
    let inbox = ["inbox", "收件箱"]
        .iter()
        .any(|n| t.trim().eq_ignore_ascii_case(n));
    (!inbox).then_some(t)
}

pub fn inbox(ctx: &Ctx, args: &InboxArgs) -> Result<(), CliError> {
    #[derive(Serialize)]
    struct Row<'a> {
        number: usize,
        at: String,
        text: &'a str,
    }
    let snap = ctx.load()?;
    let notes = &snap.state.inbox;
    let mut out = Vec::new();
    if args.json {
        let rows: Vec<Row> = notes
            .iter()
            .enumerate()
            .map(|(i, n)| Row {
                number: i + 1,
                at: n.at.to_rfc3339(),
                text: &n.text,
            })
            .collect();
        serde_json::to_writer(&mut out, &rows).map_err(|e| super::ctx::json_failed(ctx.lang, e))?;
        out = crate::sanitize::json(out);
        out.push(b'\n');
    } else if notes.is_empty() {
        say!("{}", tr(ctx.lang, T::InboxEmpty));
    } else {
        for line in super::show::note_lines(notes, ctx.now()) {
            out.extend_from_slice(crate::sanitize::visible(&line).as_bytes());
            out.push(b'\n');
        }
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&out)
        .and_then(|_| stdout.flush())
        .map_err(|e| super::stdout_failed(ctx.lang, &e))
}

/// How the target is named in a message: its id, or "the inbox".
fn name(ctx: &Ctx, target: Option<&str>) -> String {
    match target {
        Some(id) => id.trim().to_uppercase(),
        None => tr(ctx.lang, K::InboxName).to_string(),
    }
}

pub fn edit(ctx: &Ctx, args: &NoteEditArgs) -> Result<(), CliError> {
    let text = super::text_or_stdin(ctx, &args.text)?;
    let to = target(&args.target);
    let now = ctx.now();
    ctx.change(|s| s.edit_note(to, args.number, &text, now))?;
    say!(
        "{}",
        trf(ctx.lang, K::NoteEdited, &[&name(ctx, to), &args.number])
    );
    Ok(())
}

pub fn delete(ctx: &Ctx, args: &NoteDeleteArgs) -> Result<(), CliError> {
    let to = target(&args.target);
    let now = ctx.now();
    let gone = ctx.change(|s| s.delete_note(to, args.number, now))?;
    let said = crate::text::truncate(&one_line(&gone.text), 40);
    say!(
        "{}",
        trf(
            ctx.lang,
            K::NoteDeleted,
            &[&name(ctx, to), &args.number, &said]
        )
    );
    Ok(())
}

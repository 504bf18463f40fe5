//! `liaison list [--kind K] [--today] [--json]`.

use std::io::Write;

use clap::Args;
use serde::Serialize;

use super::{CliError, Ctx};
use crate::i18n::{self, T, tr, trf};
use crate::model::custody::ChainProblem;
use crate::model::{Check, CustodyEvent, Item, Kind, State, Time, custody, meeting, triage};
use crate::report::withhold::withhold;
use crate::sanitize::visible;
use crate::store::ItemLines;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only items of this kind.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// The Today list: overdue, today's meetings, due today, waiting.
    #[arg(long)]
    pub today: bool,
    /// Print a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Include done and cancelled items.
    #[arg(long)]
    pub all: bool,
    /// --json: include the notes of secret and confidential documents.
    #[arg(long)]
    pub include_confidential: bool,
    /// This week's meetings, Monday to Sunday, by day, clashes marked
    /// (with --json: seven objects, `date`, `today`, `meetings`).
    #[arg(long, conflicts_with_all = ["today", "kind"])]
    pub week: bool,
}

/// One object of `list --json`: the stored item plus what is derived from it.
/// A document always has `custody` (its events in order, maybe none) and
/// `holder` (the person it is lent to, else null); a meeting always has
/// `checklist` and `conflicts` (the ids of the meetings it clashes with); a
/// substitute assignment always has `handback` (its hand-back note, else null).
pub(super) struct Row<'a> {
    item: &'a Item,
    /// The item's JSON as the snapshot stores it, when that is known to be
    /// what serialising it would write (see `store::ItemLines`).
    stored: Option<&'a [u8]>,
    today: Option<&'static str>,
    /// Set only for a document with no events (the item itself skips an
    /// empty log), so the key is never written twice.
    custody: Option<&'a [CustodyEvent]>,
    holder: Option<Option<&'a str>>,
    /// Set only for a meeting with an empty checklist, as `custody` above.
    checklist: Option<&'a [Check]>,
    conflicts: Option<Vec<&'a str>>,
    /// Set (to null) only for a substitute without a note, as for `custody`.
    handback: Option<Option<&'a str>>,
    /// How many confidential texts were left out of this item, if any.
    withheld: Option<usize>,
    /// The first problem of this document's custody log, if it has one.
    custody_warning: Option<&'a str>,
}

/// Writes `rows` as a JSON array of objects, the derived keys after the
/// item's own. Each item is serialised as a struct and its object reopened,
/// rather than merged with `#[serde(flatten)]`, whose map serialiser made
/// `list --json` half as slow again at 10,000 items. Rows are gathered in
/// 64 KiB pieces, each written with one call: `out` need not buffer.
pub(super) fn write_json<'a>(
    out: &mut impl Write,
    rows: impl IntoIterator<Item = Row<'a>>,
) -> serde_json::Result<()> {
    const PIECE: usize = 1 << 16;
    let mut buf = Vec::with_capacity(PIECE + 4096);
    let mut put = |buf: &mut Vec<u8>| {
        // Invisible characters written as escapes (rows end in ASCII, so a
        // piece of rows is sanitised as each row would be).
        let piece = crate::sanitize::json(std::mem::take(buf));
        let done = out.write_all(&piece).map_err(serde_json::Error::io);
        *buf = piece;
        buf.clear();
        done
    };
    buf.push(b'[');
    for (i, row) in rows.into_iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        row_json(&mut buf, &row)?;
        if buf.len() >= PIECE {
            put(&mut buf)?;
        }
    }
    buf.push(b']');
    put(&mut buf)
}

/// One row's object, appended to `buf`.
fn row_json(buf: &mut Vec<u8>, row: &Row) -> serde_json::Result<()> {
    fn key<T: Serialize + ?Sized>(
        buf: &mut Vec<u8>,
        name: &str,
        value: Option<&T>,
    ) -> serde_json::Result<()> {
        if let Some(value) = value {
            buf.extend_from_slice(b",\"");
            buf.extend_from_slice(name.as_bytes());
            buf.extend_from_slice(b"\":");
            serde_json::to_writer(&mut *buf, value)?;
        }
        Ok(())
    }
    match row.stored {
        Some(bytes) => buf.extend_from_slice(bytes),
        None => serde_json::to_writer(&mut *buf, row.item)?,
    }
    // An item always has fields, so it ends `…"}` and the rest follow.
    buf.pop();
    key(buf, "today", row.today)?;
    key(buf, "custody", row.custody)?;
    key(buf, "holder", row.holder.as_ref())?;
    key(buf, "checklist", row.checklist)?;
    key(buf, "conflicts", row.conflicts.as_ref())?;
    key(buf, "handback", row.handback.as_ref())?;
    key(buf, "withheld", row.withheld.as_ref())?;
    key(buf, "custody_warning", row.custody_warning)?;
    buf.push(b'}');
    Ok(())
}

/// The object `list --json` has for `state.items[at]` (for `show --json`),
/// given how many of its texts were withheld and its custody warning.
pub fn item_json(
    state: &State,
    at: usize,
    withheld: usize,
    warning: Option<&str>,
) -> serde_json::Result<Vec<u8>> {
    let clashes = meeting::all_conflicts(state);
    let mut counts = vec![0; state.items.len()];
    counts[at] = withheld;
    let mut row = Row::new(state, at, &clashes, &counts, None, None);
    row.custody_warning = warning;
    let mut buf = Vec::new();
    row_json(&mut buf, &row)?;
    Ok(crate::sanitize::json(buf))
}

impl<'a> Row<'a> {
    /// The row of `state.items[at]`, given every item's conflicts and the
    /// items' stored lines if known.
    pub(super) fn new(
        state: &'a State,
        at: usize,
        clashes: &[Vec<usize>],
        withheld: &[usize],
        today: Option<&'static str>,
        stored: Option<&'a ItemLines>,
    ) -> Row<'a> {
        let item = &state.items[at];
        let document = item.kind == Kind::Document;
        let meeting = item.kind == Kind::Meeting;
        let withheld = withheld.get(at).copied().filter(|&n| n > 0);
        // A stand-in of a listing says through its facts what it has.
        let facts = stored.and_then(|l| l.shown(at));
        let has_custody = facts.map_or(!item.custody.is_empty(), |f| f.custody);
        let has_checklist = facts.map_or(!item.checklist.is_empty(), |f| f.checklist);
        let has_handback = facts.map_or(item.handback.is_some(), |f| f.handback);
        Row {
            item,
            // An item something was withheld from is not as stored.
            stored: stored
                .filter(|_| withheld.is_none())
                .and_then(|l| l.get(at)),
            today,
            custody: (document && !has_custody).then_some(&[][..]),
            holder: document.then(|| match facts {
                Some(f) => f.holder.as_deref(),
                None => custody::holder(item),
            }),
            checklist: (meeting && !has_checklist).then_some(&[][..]),
            conflicts: meeting.then(|| {
                clashes[at]
                    .iter()
                    .map(|&j| state.items[j].id.as_str())
                    .collect()
            }),
            handback: (item.kind == Kind::Substitute && !has_handback).then_some(None),
            withheld,
            custody_warning: None,
        }
    }
}

/// Where `item` sorts in a listing: by kind, then by its time, those
/// without one last; as one number, which compares in a fraction of the
/// time the tuple of kind and time does (10,000 items sort by it).
fn order(item: &Item) -> u128 {
    let kind = item.kind.index() as u128;
    let when = match item.when() {
        // Any second chrono can hold (±262,143 years) fits in 44 bits with
        // the sign taken off; the nanoseconds (a leap second's too) in 31.
        Some(t) => {
            ((t.timestamp() + (1 << 44)) as u128) << 31 | u128::from(t.timestamp_subsec_nanos())
        }
        None => 1 << 76,
    };
    kind << 77 | when
}

/// The items `args` selects, in order, each with why it is on the Today
/// list (`--today`).
fn select(
    state: &State,
    args: &ListArgs,
    kind: Option<Kind>,
    now: Time,
    limits: &triage::Limits,
) -> Vec<(usize, Option<&'static str>)> {
    let keep = |item: &Item| kind.is_none_or(|k| item.kind == k);
    if args.today {
        return triage::today_with(state, now, limits)
            .into_iter()
            .filter(|&(i, _)| keep(&state.items[i]))
            .map(|(i, reason)| {
                let today = match reason {
                    triage::Reason::Overdue => "overdue",
                    triage::Reason::ReturnOverdue => "return-overdue",
                    triage::Reason::MeetingToday => "meeting",
                    triage::Reason::DueToday => "due",
                    triage::Reason::LoanDueToday => "loan-due-today",
                    triage::Reason::Waiting => "waiting",
                    triage::Reason::AwaitingDisposal => "awaiting-disposal",
                };
                (i, Some(today))
            })
            .collect();
    }
    let mut rows: Vec<usize> = (0..state.items.len())
        .filter(|&i| {
            let item = &state.items[i];
            keep(item) && (args.all || args.json || !item.status.is_closed())
        })
        .collect();
    rows.sort_by_cached_key(|&i| order(&state.items[i]));
    rows.into_iter().map(|i| (i, None)).collect()
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<(), CliError> {
    let kind = args
        .kind
        .as_deref()
        .map(super::values::parse::<Kind>)
        .transpose()
        .map_err(|e| ctx.model_err(&e))?;
    if args.include_confidential && !args.json {
        let what = tr(ctx.lang, T::ConfidentialList);
        return Err(CliError(trf(
            ctx.lang,
            T::ErrConfidentialNoEffect,
            &[&what],
        )));
    }
    // Loaded (and its custody chains checked) before anything is withheld.
    let (mut state, problems, lines) = load(ctx, args)?;
    let withheld: Vec<usize> = if args.json && !args.include_confidential {
        state.items.iter_mut().map(withhold).collect()
    } else {
        Vec::new()
    };
    let total: usize = withheld.iter().sum();
    if total > 0 {
        say!("liaison: {}", trf(ctx.lang, T::Withheld, &[&total]));
    }
    let now = ctx.now();
    if args.week {
        return super::week::week(ctx, &state, args.json, &withheld, now);
    }
    let limits = ctx.config.limits();
    let stored = lines.as_ref();
    let selected = select(&state, args, kind, now, &limits);
    let clashes = meeting::all_conflicts(&state);
    // Every document whose custody log fails its check says so in its row.
    let warnings: Vec<(String, String)> = problems
        .iter()
        .map(|p| (p.id.clone(), i18n::chain_problem(ctx.lang, p)))
        .collect();
    // Each row made as it is written: 10,000 rows held at once were
    // 1.8 MB of memory touched for the first time.
    let rows = selected.iter().map(|&(i, today)| {
        let mut row = Row::new(&state, i, &clashes, &withheld, today, stored);
        row.custody_warning = warnings
            .iter()
            .find(|(id, _)| *id == row.item.id)
            .map(|(_, said)| said.as_str());
        row
    });
    let stdout = std::io::stdout();
    let fail = |e: std::io::Error| super::ctx::stdout_failed(ctx.lang, &e);
    if args.json {
        // Straight to the file descriptor: standard output's line buffering
        // looks for a newline in all 8 MB and copies it once more.
        use std::os::fd::AsFd;
        let mut out = match stdout.as_fd().try_clone_to_owned() {
            Ok(fd) => Box::new(std::fs::File::from(fd)) as Box<dyn Write>,
            Err(_) => Box::new(stdout.lock()),
        };
        write_json(&mut out, rows).map_err(|e| super::ctx::json_failed(ctx.lang, e))?;
        out.write_all(b"\n").map_err(fail)?;
        out.flush().map_err(fail)?;
        // The process ends right after this: freeing 10,000 items one by
        // one was 8% of `list --json`, for memory the exit gives back.
        std::mem::forget(clashes);
        std::mem::forget(state);
        if let Some(lines) = lines {
            lines.end();
        }
        return Ok(());
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if selected.is_empty() {
        say!("{}", tr(ctx.lang, T::NoItems));
    } else {
        for row in rows {
            let line = line(ctx, &row, now);
            writeln!(out, "{}", visible(&line)).map_err(fail)?;
        }
    }
    out.flush().map_err(fail)
}

/// The state with its custody problems (warned of) and, for `--json`, the
/// items' stored lines: for a plain listing, through the store's quick
/// read when it can be taken (see `store::Listing`), its items then maybe
/// stand-ins that only `Row` reads.
fn load(
    ctx: &Ctx,
    args: &ListArgs,
) -> Result<(State, Vec<ChainProblem>, Option<ItemLines>), CliError> {
    let fail = |e: crate::store::StoreError| CliError(i18n::store_error(ctx.lang, &e));
    if !args.json {
        let (snap, problems) = ctx.load_checked()?;
        return Ok((snap.state, problems, None));
    }
    if !args.today && !args.week {
        let withholding = !args.include_confidential;
        if let Some(listing) = ctx.store.load_listing(withholding).map_err(fail)? {
            ctx.say_chain(&listing.problems);
            ctx.say_notices(listing.warnings);
            return Ok((listing.state, listing.problems, Some(listing.lines)));
        }
    }
    let (mut snap, lines) = ctx.store.load_with_lines().map_err(fail)?;
    let problems = snap.custody_problems();
    ctx.say_chain(&problems);
    ctx.warn_store(&mut snap);
    Ok((snap.state, problems, lines))
}

mod text;
pub(in crate::cli) use text::line;

#[cfg(test)]
mod tests;

//! `liaison list [--kind K] [--today] [--json]`.

use std::io::Write;

use clap::Args;

use super::{CliError, Ctx};
use crate::i18n::{self, T, tr, trf};
use crate::model::custody::ChainProblem;
use crate::model::{Item, Kind, State, Time, meeting, triage};
use crate::report::withhold::withhold;
use crate::sanitize::visible;
use crate::store::{ItemLines, Listed};

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

/// The items `args` selects, in order, each with why it is on the Today
/// list (`--today`).
fn select(
    state: &State,
    args: &ListArgs,
    kind: Option<Kind>,
    now: Time,
    limits: &triage::Limits,
) -> Vec<(usize, Option<&'static str>)> {
    if !args.today {
        let closed = args.all || args.json;
        return sorted(&state.items, kind, closed);
    }
    triage::today_with(state, now, limits)
        .into_iter()
        .filter(|&(i, _)| kind.is_none_or(|k| state.items[i].kind == k))
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
        .collect()
}

/// The items of `kind` (any if none), done and cancelled ones too if
/// `closed`, in the listing's order.
fn sorted<T: Listable>(
    items: &[T],
    kind: Option<Kind>,
    closed: bool,
) -> Vec<(usize, Option<&'static str>)> {
    let mut rows: Vec<usize> = (0..items.len())
        .filter(|&i| {
            let item = &items[i];
            kind.is_none_or(|k| item.kind() == k) && (closed || !item.status().is_closed())
        })
        .collect();
    rows.sort_by_cached_key(|&i| row::order(&items[i]));
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
    let (mut state, problems, lines) = match load(ctx, args)? {
        Loaded::Full(state, problems, lines) => (state, problems, lines),
        Loaded::Listing(mut listing) => {
            let withheld = withheld(ctx, args, listing.items.iter_mut().map(Listed::item_mut));
            let selected = sorted(&listing.items, kind, true);
            let (items, lines) = (&listing.items, Some(&listing.lines));
            json(ctx, items, &selected, &withheld, lines, &listing.problems)?;
            // The process ends right after this: freeing 10,000 items one
            // by one was 8% of `list --json`, for memory the exit gives back.
            std::mem::forget(listing.items);
            listing.lines.end();
            return Ok(());
        }
    };
    let withheld = withheld(ctx, args, state.items.iter_mut().map(Some));
    let now = ctx.now();
    if args.week {
        return super::week::week(ctx, &state, args.json, &withheld, now);
    }
    let selected = select(&state, args, kind, now, &ctx.config.limits());
    if args.json {
        json(
            ctx,
            &state.items,
            &selected,
            &withheld,
            lines.as_ref(),
            &problems,
        )?;
        std::mem::forget(state);
        if let Some(lines) = lines {
            lines.end();
        }
        return Ok(());
    }
    let clashes = meeting::all_conflicts(&state);
    let stdout = std::io::stdout();
    let fail = |e: std::io::Error| super::ctx::stdout_failed(ctx.lang, &e);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if selected.is_empty() {
        say!("{}", tr(ctx.lang, T::NoItems));
    }
    for &(i, today) in &selected {
        let row = Row::new(&state.items, i, &clashes, &withheld, today, None);
        let line = line(ctx, &state.items[i], &row, now);
        writeln!(out, "{}", visible(&line)).map_err(fail)?;
    }
    out.flush().map_err(fail)
}

/// With `--json` and without `--include-confidential`, the confidential
/// texts of `items` withheld (said on stderr): how many from each.
fn withheld<'a>(
    ctx: &Ctx,
    args: &ListArgs,
    items: impl Iterator<Item = Option<&'a mut Item>>,
) -> Vec<usize> {
    if !args.json || args.include_confidential {
        return Vec::new();
    }
    let withheld: Vec<usize> = items.map(|i| i.map_or(0, withhold)).collect();
    let total: usize = withheld.iter().sum();
    if total > 0 {
        say!("liaison: {}", trf(ctx.lang, T::Withheld, &[&total]));
    }
    withheld
}

/// The rows `selected` of `items` written to standard output as JSON.
fn json<T: Listable>(
    ctx: &Ctx,
    items: &[T],
    selected: &[(usize, Option<&'static str>)],
    withheld: &[usize],
    lines: Option<&ItemLines>,
    problems: &[ChainProblem],
) -> Result<(), CliError> {
    let clashes = meeting::conflicts_of(items);
    // Every document whose custody log fails its check says so in its row.
    let warnings: Vec<(String, String)> = problems
        .iter()
        .map(|p| (p.id.clone(), i18n::chain_problem(ctx.lang, p)))
        .collect();
    // Each row made as it is written: 10,000 rows held at once were
    // 1.8 MB of memory touched for the first time.
    let rows = selected.iter().map(|&(i, today)| {
        let mut row = Row::new(items, i, &clashes, withheld, today, lines);
        row.custody_warning = warnings
            .iter()
            .find(|(id, _)| id == row.id)
            .map(|(_, said)| said.as_str());
        row
    });
    // Straight to the file descriptor: standard output's line buffering
    // looks for a newline in all 8 MB and copies it once more.
    use std::os::fd::AsFd;
    let stdout = std::io::stdout();
    let mut out = match stdout.as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(std::fs::File::from(fd)) as Box<dyn Write>,
        Err(_) => Box::new(stdout.lock()),
    };
    let fail = |e: std::io::Error| super::ctx::stdout_failed(ctx.lang, &e);
    write_json(&mut out, rows).map_err(|e| super::ctx::json_failed(ctx.lang, e))?;
    out.write_all(b"\n").map_err(fail)?;
    out.flush().map_err(fail)?;
    std::mem::forget(clashes);
    Ok(())
}

/// What `list` reads.
enum Loaded {
    /// The state with its custody problems (warned of) and, for `--json`,
    /// the items' stored lines.
    Full(State, Vec<ChainProblem>, Option<ItemLines>),
    /// For a plain `--json`, the store's quick read when it can be taken
    /// (see `store::Listing`).
    Listing(crate::store::Listing),
}

fn load(ctx: &Ctx, args: &ListArgs) -> Result<Loaded, CliError> {
    let fail = |e: crate::store::StoreError| CliError(i18n::store_error(ctx.lang, &e));
    if !args.json {
        let (snap, problems) = ctx.load_checked()?;
        return Ok(Loaded::Full(snap.state, problems, None));
    }
    if !args.today && !args.week {
        let withholding = !args.include_confidential;
        if let Some(mut listing) = ctx.store.load_listing(withholding).map_err(fail)? {
            ctx.say_chain(&listing.problems);
            ctx.say_notices(std::mem::take(&mut listing.warnings));
            return Ok(Loaded::Listing(listing));
        }
    }
    let (mut snap, lines) = ctx.store.load_with_lines().map_err(fail)?;
    let problems = snap.custody_problems();
    ctx.say_chain(&problems);
    ctx.warn_store(&mut snap);
    Ok(Loaded::Full(snap.state, problems, lines))
}

mod row;
use row::Listable;
pub(super) use row::{Row, item_json, write_json};

mod text;
pub(in crate::cli) use text::line;

#[cfg(test)]
mod tests;

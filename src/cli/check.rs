//! `liaison check ID [ENTRY]`: a meeting's preparation checklist. Without
//! ENTRY it is listed on stdout (`1 [x] room booked`); with one — its number,
//! a default's key (`room`, `sign-in`, `materials`, `equipment`), its label
//! in either language or its text — that entry is ticked or unticked, and
//! the meeting's id is printed.

use clap::Args;

use super::{CliError, Ctx};
use crate::i18n::{self, K, Lang, T, trf};
use crate::model::{Check, Item, MeetingError, checklist};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The meeting's id, e.g. M3.
    pub id: String,
    /// The entry to tick or untick: its number, key or label.
    #[arg(value_name = "N|KEY")]
    pub entry: Option<String>,
    /// Add an entry in your own words (e.g. "打印谈话提纲").
    #[arg(long, value_name = "TEXT", conflicts_with = "entry")]
    pub add: Option<String>,
    /// Remove ENTRY instead of ticking it.
    #[arg(long, requires = "entry")]
    pub remove: bool,
}

/// The position of `entry` in `list`: as `checklist::find`, or a default
/// entry's label in English or Chinese.
fn find(list: &[Check], entry: &str) -> Option<usize> {
    checklist::find(list, entry).or_else(|| {
        let entry = entry.trim().to_lowercase();
        list.iter().position(|c| {
            c.text.is_empty()
                && [Lang::En, Lang::Zh]
                    .iter()
                    .any(|&l| i18n::check(l, c).to_lowercase() == entry)
        })
    })
}

fn show(ctx: &Ctx, item: &Item) {
    if item.checklist.is_empty() {
        say!("{}", trf(ctx.lang, T::EmptyChecklist, &[&item.id]));
    }
    for (n, c) in item.checklist.iter().enumerate() {
        let mark = if c.done { "x" } else { " " };
        show!("{} [{mark}] {}", n + 1, i18n::check(ctx.lang, c));
    }
}

pub fn run(ctx: &Ctx, args: &CheckArgs) -> Result<(), CliError> {
    let now = ctx.now();
    if let Some(text) = &args.add {
        let (id, n) = ctx.change(|s| {
            let before = s.add_check(&args.id, text, now)?;
            Ok((before.id, before.checklist.len() + 1))
        })?;
        show!("{id}");
        say!(
            "{}",
            trf(ctx.lang, K::CheckEntryAdded, &[&id, &n, &text.trim()])
        );
        return Ok(());
    }
    let Some(entry) = &args.entry else {
        let snap = ctx.load()?;
        let item = snap
            .state
            .meeting(&args.id)
            .map_err(|e| ctx.model_err(&e))?;
        show(ctx, item);
        return Ok(());
    };
    let (id, check) = ctx.change(|s| {
        let item = s.meeting(&args.id)?;
        let index = find(&item.checklist, entry).ok_or_else(|| MeetingError::NoSuchCheck {
            id: item.id.clone(),
            entry: entry.trim().to_string(),
        })?;
        let before = match args.remove {
            true => s.remove_check(&args.id, index, now)?,
            false => s.toggle_check(&args.id, index, now)?,
        };
        Ok((before.id.clone(), before.checklist[index].clone()))
    })?;
    show!("{id}");
    if args.remove {
        let said = i18n::check(ctx.lang, &check);
        say!("{}", trf(ctx.lang, K::CheckEntryRemoved, &[&id, &said]));
        return Ok(());
    }
    let key = if check.done { T::Unchecked } else { T::Checked };
    say!(
        "{}",
        trf(ctx.lang, key, &[&id, &i18n::check(ctx.lang, &check)])
    );
    Ok(())
}

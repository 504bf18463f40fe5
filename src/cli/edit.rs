//! Changing one item from the command line, as the dashboard does:
//! `edit ID [options]` (only the fields given change), `snooze ID WHEN`,
//! `priority ID high|normal|low` and `move ID KIND [--drop-fields]`.
//!
//! Each prints the item's id alone on stdout (the new id after a move) and
//! says what it did on stderr; a refusal changes nothing.

use clap::Args;

use super::add::conflict_lines;
use super::fields::FieldArgs;
use super::values::parse;
use super::{CliError, Ctx};
use crate::i18n::{self, K, T, tr, trf};
use crate::model::when::{Purpose, parse_when};
use crate::model::{Kind, ModelError, Priority};

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The item's id, e.g. M3.
    pub id: String,
    /// A new title.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    #[command(flatten)]
    pub fields: FieldArgs,
    /// A recurring duty: change this occurrence only; the coming ones keep
    /// what they had.
    #[arg(long, conflicts_with = "all_coming")]
    pub this_one: bool,
    /// A recurring duty: change this occurrence and every one after it.
    #[arg(long)]
    pub all_coming: bool,
}

/// `edit ID [options]`.
pub fn edit(ctx: &Ctx, args: &EditArgs) -> Result<(), CliError> {
    if args.title.is_none() && args.fields.is_empty() {
        return Err(CliError(tr(ctx.lang, K::ErrNothingToEdit).into()));
    }
    let now = ctx.now();
    let (id, warnings) = ctx.change(|s| {
        let mut item = s
            .get(&args.id)
            .cloned()
            .ok_or_else(|| ModelError::UnknownId(args.id.trim().to_string()))?;
        let before = item.clone();
        if let Some(t) = &args.title {
            item.title = t.clone();
        }
        args.fields.apply(&mut item, now)?;
        // A recurring duty asks which occurrences the edit is for.
        if before.every.is_some() && !args.this_one && !args.all_coming {
            return Err(crate::model::TeamError::WhichOccurrences(item.id.clone()).into());
        }
        if args.this_one {
            crate::model::recur::edit_this_one(&before, &mut item);
        }
        let id = item.id.clone();
        s.replace(item, now)?;
        let warnings = conflict_lines(ctx.lang, s, &id);
        Ok((id, warnings))
    })?;
    show!("{id}");
    say!("{}", trf(ctx.lang, T::Saved, &[&id]));
    for w in warnings {
        say!("liaison: {}: {w}", tr(ctx.lang, T::Warning));
    }
    Ok(())
}

/// `snooze ID WHEN`: a new due time (a meeting is moved by its start).
pub fn snooze(ctx: &Ctx, id: &str, when: &str) -> Result<(), CliError> {
    let now = ctx.now();
    let at = parse_when(when, now, Purpose::Due).map_err(|e| ctx.model_err(&e))?;
    let snap = ctx.load()?;
    if let Some(item) = snap.state.get(id)
        && item.kind == Kind::Meeting
    {
        return Err(CliError(trf(ctx.lang, K::ErrSnoozeMeeting, &[&item.id])));
    }
    let mut snap = snap;
    let id = ctx.change_in(&mut snap, |s| {
        let mut item = s
            .get(id)
            .cloned()
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        if item.kind == Kind::Meeting {
            return Err(ModelError::FieldNotForKind {
                field: "due",
                kind: item.kind.as_str().into(),
            });
        }
        item.due = Some(at);
        let id = item.id.clone();
        s.replace(item, now)?;
        Ok(id)
    })?;
    show!("{id}");
    say!(
        "{}",
        trf(
            ctx.lang,
            T::Snoozed,
            &[&id, &i18n::preview(at, now, ctx.lang)]
        )
    );
    Ok(())
}

/// `priority ID high|normal|low` (or 高、中、低).
pub fn priority(ctx: &Ctx, id: &str, value: &str) -> Result<(), CliError> {
    let now = ctx.now();
    let p: Priority = parse(value).map_err(|e| ctx.model_err(&e))?;
    let id = ctx.change(|s| {
        let mut item = s
            .get(id)
            .cloned()
            .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
        item.priority = p;
        let id = item.id.clone();
        s.replace(item, now)?;
        Ok(id)
    })?;
    show!("{id}");
    say!(
        "{}",
        trf(
            ctx.lang,
            K::PrioritySet,
            &[&id, &i18n::priority(ctx.lang, p)]
        )
    );
    Ok(())
}

/// `move ID KIND [--drop-fields]`: prints the new id.
pub fn move_to(ctx: &Ctx, id: &str, kind: &str, drop: bool) -> Result<(), CliError> {
    let now = ctx.now();
    let to: Kind = parse(kind).map_err(|e| ctx.model_err(&e))?;
    let (new, old) = ctx.change(|s| {
        s.move_to(id, to, drop, now)
            .map(|(new, before)| (new, before.id))
    })?;
    show!("{new}");
    say!(
        "{}",
        trf(ctx.lang, K::Moved, &[&old, &i18n::kind(ctx.lang, to), &new])
    );
    Ok(())
}

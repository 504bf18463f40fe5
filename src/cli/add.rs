//! `liaison add KIND TITLE [options]`.

use clap::Args;

use super::fields::FieldArgs;
use super::values::parse;
use super::{CliError, Ctx};
use crate::i18n::{self, Lang, T, tr, trf};
use crate::model::when;
use crate::model::{CopyKind, Item, Kind, ModelError, State, Time, meeting};
use crate::text::one_line;

#[derive(Debug, Args)]
pub struct AddArgs {
    /// logistics, document, meeting or substitute.
    pub kind: String,
    /// The title (several words are joined with spaces).
    #[arg(required = true, num_args = 1..)]
    pub title: Vec<String>,
    #[command(flatten)]
    pub fields: FieldArgs,
    /// A copy or extract of this document: it takes the source's unit,
    /// class and rule, and starts in hand.
    #[arg(long, value_name = "ID")]
    pub copy_of: Option<String>,
    /// With --copy-of: copy (the default) or extract.
    #[arg(long, value_name = "KIND", requires = "copy_of")]
    pub copy_kind: Option<String>,
}

impl AddArgs {
    /// The item these options describe, validated by the model on add.
    pub fn to_item(&self, now: Time) -> Result<Item, ModelError> {
        let kind: Kind = parse(&self.kind)?;
        let mut item = Item::new(kind, self.title.join(" "), now);
        self.fields.apply(&mut item, now)?;
        Ok(item)
    }
}

impl AddArgs {
    /// What each date option was read as (`截止 → 周五 12-04 17:30（下班前）`):
    /// every one at a terminal, else those that needed a guess.
    fn understood(&self, now: Time, lang: Lang) -> Vec<String> {
        use std::io::IsTerminal;
        let all = std::io::stderr().is_terminal();
        self.fields
            .given
            .iter()
            .filter_map(|(key, text)| {
                let r = when::read(text, now, key.purpose()?).ok()?;
                (all || !r.notes.is_empty()).then(|| {
                    format!(
                        "{} → {}",
                        key.label(lang),
                        i18n::preview_reading(&r, now, lang)
                    )
                })
            })
            .collect()
    }
}

/// Adds the item and prints its id; a meeting that clashes with others is
/// added all the same, with one warning on stderr for each.
pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<(), CliError> {
    let now = ctx.now();
    if let Some(parent) = &args.copy_of {
        return add_copy(ctx, args, parent, now);
    }
    let item = args.to_item(now).map_err(|e| ctx.model_err(&e))?;
    let (id, warnings) = if item.kind == Kind::Meeting {
        // A meeting is checked against every other for clashes.
        ctx.change(|s| {
            let id = s.add(item)?;
            let warnings = conflict_lines(ctx.lang, s, &id);
            Ok((id, warnings))
        })?
    } else {
        // Nothing else needs the other items: the quick path.
        (ctx.change_few(&[], |s| s.add(item.clone()))?, Vec::new())
    };
    show!("{id}");
    for line in args.understood(now, ctx.lang) {
        say!("liaison: {line}");
    }
    for w in warnings {
        say!("liaison: {}: {w}", tr(ctx.lang, T::Warning));
    }
    Ok(())
}

/// `add document TITLE --copy-of D3 [--copy-kind extract]`.
fn add_copy(ctx: &Ctx, args: &AddArgs, parent: &str, now: Time) -> Result<(), CliError> {
    let item = args.to_item(now).map_err(|e| ctx.model_err(&e))?;
    if item.kind != Kind::Document {
        let e = ModelError::FieldNotForKind {
            field: "--copy-of",
            kind: item.kind.as_str().into(),
        };
        return Err(ctx.model_err(&e));
    }
    let kind = match &args.copy_kind {
        Some(k) => k.parse::<CopyKind>().map_err(|e| ctx.model_err(&e))?,
        None => CopyKind::Copy,
    };
    let by = ctx.config.me();
    let id = ctx.change(|s| s.add_copy(parent, &item.title, kind, by, now))?;
    show!("{id}");
    Ok(())
}

/// One line for each meeting `id` now clashes with.
pub fn conflict_lines(lang: Lang, state: &State, id: &str) -> Vec<String> {
    meeting::conflicts(state, id)
        .iter()
        .filter_map(|other| conflict_line(lang, state, id, other))
        .collect()
}

/// `M4 overlaps M1 '巡察工作动员会' (11-25 09:00–10:00; same place: 三楼大会议室)`:
/// whether the room or a person is double-booked.
pub fn conflict_line(lang: Lang, state: &State, id: &str, other: &str) -> Option<String> {
    let (me, them) = (state.get(id)?, state.get(other)?);
    let when = meeting::span_text(them)?;
    let what = i18n::clash_what(lang, me, them);
    let shared = one_line(&what);
    let title = one_line(&them.title);
    Some(trf(
        lang,
        T::Conflict,
        &[&me.id, &them.id, &title, &when, &shared],
    ))
}

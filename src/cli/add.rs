//! `liaison add KIND TITLE [options]`.

use clap::Args;

use super::fields::FieldArgs;
use super::values::parse;
use super::{CliError, Ctx};
use crate::i18n::{self, Lang, T, tr, trf};
use crate::model::{Item, Kind, ModelError, State, Time, meeting};
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

/// Adds the item and prints its id; a meeting that clashes with others is
/// added all the same, with one warning on stderr for each.
pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<(), CliError> {
    let now = ctx.now();
    let item = args.to_item(now).map_err(|e| ctx.model_err(&e))?;
    let (id, warnings) = ctx.change(|s| {
        let id = s.add(item)?;
        let warnings: Vec<String> = meeting::conflicts(s, &id)
            .iter()
            .filter_map(|other| conflict_line(ctx.lang, s, &id, other))
            .collect();
        Ok((id, warnings))
    })?;
    show!("{id}");
    for w in warnings {
        say!("liaison: {}: {w}", tr(ctx.lang, T::Warning));
    }
    Ok(())
}

/// `M4 overlaps M1 '巡察工作动员会' (11-25 09:00–10:00; shared: 三楼大会议室)`.
pub fn conflict_line(lang: Lang, state: &State, id: &str, other: &str) -> Option<String> {
    let (me, them) = (state.get(id)?, state.get(other)?);
    let (start, end) = them.span()?;
    let end = end.with_timezone(start.offset());
    let day = if end.date_naive() == start.date_naive() {
        "%H:%M"
    } else {
        "%m-%d %H:%M"
    };
    let when = format!("{}–{}", start.format("%m-%d %H:%M"), end.format(day));
    let shared = i18n::join(lang, &meeting::shared(me, them));
    let shared = one_line(&shared);
    let title = one_line(&them.title);
    Some(trf(
        lang,
        T::Conflict,
        &[&me.id, &them.id, &title, &when, &shared],
    ))
}

//! `liaison add KIND TITLE [options]`.

use clap::Args;

use super::{CliError, Ctx};
use crate::i18n::{self, Lang, T, tr, trf};
use crate::model::when::{Purpose, parse_when};
use crate::model::{Item, Kind, ModelError, State, Time, meeting};
use crate::text::one_line;

#[derive(Debug, Args)]
pub struct AddArgs {
    /// logistics, document, meeting or substitute.
    pub kind: String,
    /// The title (several words are joined with spaces).
    #[arg(required = true, num_args = 1..)]
    pub title: Vec<String>,
    /// When it is due: YYYY-MM-DD [HH:MM] or a phrase (`tomorrow 17:00`, `明天下午5点`, `+2d`).
    #[arg(long, value_name = "WHEN")]
    pub due: Option<String>,
    /// When it starts (meetings, substitute assignments).
    #[arg(long, value_name = "WHEN")]
    pub start: Option<String>,
    /// When it ends (meetings, substitute assignments).
    #[arg(long, value_name = "WHEN")]
    pub end: Option<String>,
    /// Where (meetings).
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// Meeting type: meeting, interview, hearing, visit, training.
    #[arg(long = "type", value_name = "TYPE")]
    pub meeting_type: Option<String>,
    /// Attendees, comma-separated (meetings).
    #[arg(long = "with", value_name = "A,B")]
    pub with: Option<String>,
    /// The unit that provides a document.
    #[arg(long, value_name = "UNIT")]
    pub from: Option<String>,
    /// What happens after reading: return, shred, archive (documents).
    #[arg(long, value_name = "RULE")]
    pub rule: Option<String>,
    /// Classification: public, internal, secret, confidential (documents).
    #[arg(long, value_name = "CLASS")]
    pub class: Option<String>,
    /// The section a substitute assignment is for.
    #[arg(long = "for", value_name = "SECTION")]
    pub section: Option<String>,
    /// Logistics category: lodging, supplies, transport, meals, other.
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,
    /// Priority: high, normal, low.
    #[arg(long, value_name = "P")]
    pub priority: Option<String>,
    /// Contact person.
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,
}

impl AddArgs {
    /// The item these options describe, validated by the model on add.
    pub fn to_item(&self, now: Time) -> Result<Item, ModelError> {
        let kind: Kind = self.kind.parse()?;
        let mut item = Item::new(kind, self.title.join(" "), now);
        let date = |s: &Option<String>, p| s.as_deref().map(|s| parse_when(s, now, p)).transpose();
        item.due = date(&self.due, Purpose::Due)?;
        item.start = date(&self.start, Purpose::Start)?;
        item.end = date(&self.end, Purpose::Start)?;
        if kind == Kind::Meeting
            && let (Some(start), None) = (item.start, item.end)
        {
            item.end = Some(start + chrono::Duration::hours(1));
        }
        if let Some(p) = &self.priority {
            item.priority = p.parse()?;
        }
        item.contact = self.contact.clone();
        let only = |field: &'static str, wanted: Kind, present: bool| {
            if present && kind != wanted {
                Err(ModelError::FieldNotForKind {
                    field,
                    kind: kind.as_str().into(),
                })
            } else {
                Ok(())
            }
        };
        only("--category", Kind::Logistics, self.category.is_some())?;
        only("--from", Kind::Document, self.from.is_some())?;
        only("--rule", Kind::Document, self.rule.is_some())?;
        only("--class", Kind::Document, self.class.is_some())?;
        only("--type", Kind::Meeting, self.meeting_type.is_some())?;
        only("--place", Kind::Meeting, self.place.is_some())?;
        only("--with", Kind::Meeting, self.with.is_some())?;
        only("--for", Kind::Substitute, self.section.is_some())?;
        if let Some(c) = &self.category {
            item.category = Some(c.parse()?);
        }
        item.from = self.from.clone();
        if let Some(r) = &self.rule {
            item.rule = Some(r.parse()?);
        }
        if let Some(c) = &self.class {
            item.class = Some(c.parse()?);
        }
        if let Some(t) = &self.meeting_type {
            item.meeting_type = Some(t.parse()?);
        }
        item.place = self.place.clone();
        if let Some(w) = &self.with {
            item.attendees = w.split([',', '，', '、']).map(str::to_string).collect();
        }
        item.section = self.section.clone();
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

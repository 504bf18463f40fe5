//! The item options shared by `add` and `edit` (`--due`, `--place`, …):
//! which kinds each applies to, and how each is read into an item.

use clap::Args;

use super::values::parse;
use crate::model::when::{Purpose, parse_when};
use crate::model::{Item, Kind, ModelError, Time};

/// The options of an item's own fields. On `add` they describe the new
/// item; on `edit` only the ones given change, and an empty value (`""`)
/// clears an optional field.
#[derive(Debug, Args, Default)]
pub struct FieldArgs {
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
    /// Comes back: day, weekday, week or Nd (logistics, substitutes);
    /// completing one adds the next at the same time of day.
    #[arg(long, value_name = "RULE")]
    pub every: Option<String>,
    /// The last day a recurring duty comes back on (YYYY-MM-DD or a phrase).
    #[arg(long = "until", value_name = "DAY")]
    pub every_until: Option<String>,
}

use Kind::{Document as D, Logistics as L, Meeting as M, Substitute as S};

/// Each option and the kinds it applies to (the others refuse it, as a
/// meeting refuses `--due`: it has a start).
pub const APPLIES: &[(&str, &[Kind])] = &[
    ("--due", &[L, D, S]),
    ("--start", &[M, S]),
    ("--end", &[M, S]),
    ("--place", &[M]),
    ("--type", &[M]),
    ("--with", &[M]),
    ("--from", &[D]),
    ("--rule", &[D]),
    ("--class", &[D]),
    ("--for", &[S]),
    ("--category", &[L]),
    ("--priority", &[L, D, M, S]),
    ("--contact", &[L, D, M, S]),
    ("--every", &[L, S]),
    ("--until", &[L, S]),
];

/// `None` for an empty value (clear the field), else the trimmed text.
fn text(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// An end typed as a time alone (`10:30`) is on the start's day, not
/// today: it is read once against now and once against the start's
/// midnight, and the second is taken when it lands on the start's day at
/// the same time of day. A day named outright or relatively (`明天 10:30`,
/// `2026-11-26 10:30`) reads as it always does.
fn end_on_start_day(s: &str, start: Time, now: Time) -> Result<Time, ModelError> {
    let plain = parse_when(s, now, Purpose::Start)?;
    let midnight = start
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|t| crate::model::when::local(t, start));
    let Some(midnight) = midnight else {
        return Ok(plain);
    };
    match parse_when(s, midnight, Purpose::Start) {
        Ok(on_day)
            if on_day.date_naive() == start.date_naive() && on_day.time() == plain.time() =>
        {
            Ok(on_day)
        }
        _ => Ok(plain),
    }
}

impl FieldArgs {
    /// The options given, by flag, in [`APPLIES`] order.
    fn given(&self) -> Vec<&'static str> {
        let present = [
            self.due.is_some(),
            self.start.is_some(),
            self.end.is_some(),
            self.place.is_some(),
            self.meeting_type.is_some(),
            self.with.is_some(),
            self.from.is_some(),
            self.rule.is_some(),
            self.class.is_some(),
            self.section.is_some(),
            self.category.is_some(),
            self.priority.is_some(),
            self.contact.is_some(),
            self.every.is_some(),
            self.every_until.is_some(),
        ];
        APPLIES
            .iter()
            .zip(present)
            .filter(|(_, p)| *p)
            .map(|((flag, _), _)| *flag)
            .collect()
    }

    /// Whether no option was given at all.
    pub fn is_empty(&self) -> bool {
        self.given().is_empty()
    }

    /// Refuses the first option given that `kind` does not have.
    pub fn check_kind(&self, kind: Kind) -> Result<(), ModelError> {
        for flag in self.given() {
            let kinds = APPLIES.iter().find(|(f, _)| *f == flag).map(|(_, k)| *k);
            if !kinds.is_some_and(|k| k.contains(&kind)) {
                return Err(ModelError::FieldNotForKind {
                    field: flag,
                    kind: kind.as_str().into(),
                });
            }
        }
        Ok(())
    }

    /// Writes the options given into `item`, leaving the rest as they are.
    /// A meeting's new start without an end keeps its length (an hour for
    /// one that had no end).
    pub fn apply(&self, item: &mut Item, now: Time) -> Result<(), ModelError> {
        self.check_kind(item.kind)?;
        let date = |s: &str, p| match s.trim() {
            "" => Ok(None),
            s => parse_when(s, now, p).map(Some),
        };
        if let Some(s) = &self.due {
            item.due = date(s, Purpose::Due)?;
        }
        let old_start = item.start;
        if let Some(s) = &self.start {
            item.start = date(s, Purpose::Start)?;
        }
        if let Some(s) = &self.end {
            item.end = match (s.trim(), item.start) {
                ("", _) => None,
                (s, Some(start)) => Some(end_on_start_day(s, start, now)?),
                (s, None) => Some(parse_when(s, now, Purpose::Start)?),
            };
        } else if item.kind == Kind::Meeting
            && item.start != old_start
            && let Some(start) = item.start
        {
            let length = match (old_start, item.end) {
                (Some(s), Some(e)) if e >= s => e - s,
                _ => chrono::Duration::hours(1),
            };
            item.end = Some(start + length);
        }
        if let Some(p) = &self.priority {
            item.priority = parse(p)?;
        }
        if let Some(c) = &self.contact {
            item.contact = text(c);
        }
        if let Some(c) = &self.category {
            item.category = Some(parse(c)?);
        }
        if let Some(f) = &self.from {
            item.from = text(f);
        }
        if let Some(r) = &self.rule {
            item.rule = Some(parse(r)?);
        }
        if let Some(c) = &self.class {
            item.class = Some(parse(c)?);
        }
        if let Some(t) = &self.meeting_type {
            item.meeting_type = Some(parse(t)?);
        }
        if let Some(p) = &self.place {
            item.place = text(p);
        }
        if let Some(w) = &self.with {
            item.attendees = w.split([',', '，', '、']).filter_map(text).collect();
        }
        if let Some(s) = &self.section {
            item.section = text(s);
        }
        if let Some(e) = &self.every {
            item.every = match e.trim() {
                "" => None,
                e => Some(e.parse()?),
            };
        }
        if let Some(u) = &self.every_until {
            item.every_until = match u.trim() {
                "" => None,
                u => Some(parse_when(u, now, Purpose::Due)?.date_naive()),
            };
        }
        Ok(())
    }
}

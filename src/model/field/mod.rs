//! The field table: each of an item's fields once, with the kinds that
//! have it, how it reads from and writes to an item as text, how it shows,
//! its label and its command-line option. Validation, the form, the
//! command line, the detail, search and import loop over [`FIELDS`]
//! instead of listing fields by hand.

mod named;
mod table;
#[cfg(test)]
mod tests;

pub use named::{Named, parse};
pub use table::FIELDS;

use super::when::Purpose;
use super::when::parse_when;
use super::{Item, Kind, ModelError, Time};
use crate::i18n::{F, Lang};

/// Which of an item's fields (as drafts and forms name it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKey {
    Title,
    Category,
    From,
    Rule,
    Class,
    Type,
    Section,
    Due,
    Start,
    End,
    Place,
    With,
    Priority,
    Status,
    Contact,
    Every,
    Until,
    Handback,
    Meeting,
    Checklist,
}

/// What a field's text is.
#[derive(Clone, Copy)]
pub enum Value {
    /// Free text; empty clears it.
    Text,
    /// Names, split on commas, 、 or semicolons ([`names`]).
    Names,
    /// A date phrase or `YYYY-MM-DD HH:MM`, read for this purpose.
    Time(Purpose),
    /// A day, such as the last a recurring duty comes back on.
    Day,
    /// How a duty comes back: `day`, `weekday`, `week` or `Nd`.
    Every,
    /// One of a closed set, by wire name (or its name in either language).
    Choice(Choices),
    /// Not written from text (a checklist is changed entry by entry).
    Fixed,
}

/// The values of a choice field: wire names in display order, and the
/// label of one in a language.
#[derive(Clone, Copy)]
pub struct Choices {
    pub names: fn() -> Vec<&'static str>,
    pub label: fn(&str, Lang) -> Option<&'static str>,
}

/// A field's option on the command line (`add` and `edit`).
#[derive(Clone, Copy)]
pub struct Cli {
    /// `--due`, as a refusal names it.
    pub flag: &'static str,
    /// `WHEN`, as the usage line shows it.
    pub value: &'static str,
    pub help: F,
}

/// How search treats a field's text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Search {
    No,
    Text,
    /// Also by the pinyin of its Chinese, in full and by initials.
    Pinyin,
}

/// One row of the table.
pub struct Field {
    pub key: FieldKey,
    /// Its name in refusals and on the command line (`for`, `type`).
    pub name: &'static str,
    pub label: fn(Lang) -> &'static str,
    /// The kinds whose items have it: the command line and import refuse it
    /// on others, and validation refuses a value there.
    pub kinds: &'static [Kind],
    /// The kinds whose add/edit form (and so detail) shows it.
    pub form: &'static [Kind],
    pub cli: Option<Cli>,
    pub value: Value,
    pub search: Search,
    /// Whether an item holds a value, for validation; none where any kind
    /// may keep one (an imported meeting's due time).
    pub has: Option<fn(&Item) -> bool>,
    /// The value as text, as a form holds it and `write` reads it back
    /// (empty when none).
    pub read: fn(&Item) -> String,
    /// The value as the detail shows it in a language, if set.
    pub show: fn(&Item, Lang) -> Option<String>,
    /// Writes text into the item (empty clears an optional field).
    pub write: fn(&mut Item, &str, Time) -> Result<(), ModelError>,
}

impl FieldKey {
    /// Its row in the table.
    pub fn field(self) -> &'static Field {
        FIELDS
            .iter()
            .find(|f| f.key == self)
            .expect("every key has a row in the field table")
    }

    /// The fields a form for `kind` has, in order: title first.
    pub fn for_kind(kind: Kind) -> Vec<FieldKey> {
        FIELDS
            .iter()
            .filter(|f| f.form.contains(&kind))
            .map(|f| f.key)
            .collect()
    }

    pub fn label(self, lang: Lang) -> &'static str {
        (self.field().label)(lang)
    }

    /// The date purpose of a date field.
    pub fn purpose(self) -> Option<Purpose> {
        match self.field().value {
            Value::Time(p) => Some(p),
            _ => None,
        }
    }

    /// The wire names a choice field cycles through.
    pub fn options(self) -> Option<Vec<&'static str>> {
        match self.field().value {
            Value::Choice(c) => Some((c.names)()),
            _ => None,
        }
    }

    /// A choice's label in `lang` (the wire name itself when unknown);
    /// other fields' text as it is.
    pub fn choice_label(self, text: &str, lang: Lang) -> String {
        match self.field().value {
            Value::Choice(c) => (c.label)(text, lang).unwrap_or(text).to_string(),
            _ => text.to_string(),
        }
    }
}

/// The trimmed text, or none when empty.
fn opt(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn time_text(t: Option<Time>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

fn shown_time(t: Option<Time>) -> Option<String> {
    t.map(|t| time_text(Some(t)))
}

fn at(text: &str, now: Time, purpose: Purpose) -> Result<Option<Time>, crate::model::ModelError> {
    opt(text).map(|t| parse_when(&t, now, purpose)).transpose()
}

const fn cli(flag: &'static str, value: &'static str, help: F) -> Option<Cli> {
    Some(Cli { flag, value, help })
}

/// The field named `name` (`due`, `--for`), if any.
pub fn by_name(name: &str) -> Option<&'static Field> {
    let name = name.trim_start_matches('-');
    FIELDS.iter().find(|f| f.name == name)
}

/// Names typed as one text (`组长、联络员`, `张三, 李四`), each trimmed.
pub fn names(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// Writes each `(field, text)` into `item`, in table order (a start before
/// its end). A meeting whose start was set or moved while its end was not
/// given keeps its length (an hour when it had none). On a bad value: the
/// field and why.
pub fn write_all(
    item: &mut Item,
    given: &[(FieldKey, &str)],
    now: Time,
) -> Result<(), (FieldKey, ModelError)> {
    let (start, end) = (item.start, item.end);
    for f in FIELDS {
        for (_, text) in given.iter().filter(|(k, _)| *k == f.key) {
            (f.write)(item, text, now).map_err(|e| (f.key, e))?;
        }
    }
    if !given.iter().any(|(k, _)| *k == FieldKey::End) {
        super::meeting::end_follows_start(item, start, end);
    }
    Ok(())
}

/// Refuses the first field that `item`'s kind does not have but that holds
/// a value.
pub fn check_kinds(item: &Item) -> Result<(), ModelError> {
    for f in FIELDS {
        if !f.kinds.contains(&item.kind) && f.has.is_some_and(|has| has(item)) {
            return Err(ModelError::FieldNotForKind {
                field: f.name,
                kind: item.kind.as_str().to_string(),
            });
        }
    }
    Ok(())
}

/// The text search looks through in an item's fields, each with whether
/// its pinyin is searched too.
pub fn searched(item: &Item) -> impl Iterator<Item = (String, bool)> + '_ {
    FIELDS
        .iter()
        .filter(|f| f.search != Search::No)
        .map(|f| ((f.read)(item), f.search == Search::Pinyin))
        .filter(|(text, _)| !text.is_empty())
}

/// A text each field takes (none for those not written from text), for
/// tests that walk the table.
#[cfg(test)]
pub fn sample(f: &Field) -> Option<String> {
    Some(match f.value {
        Value::Text => "财务部 张三".into(),
        Value::Names => "组长, 联络员".into(),
        Value::Time(_) => "2026-11-26 10:30".into(),
        Value::Day => "2026-12-31".into(),
        Value::Every => "week".into(),
        Value::Choice(c) => (c.names)().last()?.to_string(),
        Value::Fixed => return None,
    })
}

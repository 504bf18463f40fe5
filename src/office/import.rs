//! The inspected unit's list as new items: find the header row, read each
//! row into an item of one kind, refuse the whole file at the first bad
//! value (naming sheet, row, column and value), and leave out rows already
//! in the store (a document with the same title and source unit).
//!
//! Pure: the file is read by `read`, the store written by the caller in one
//! change.

use chrono::{NaiveDateTime, NaiveTime};

use super::columns::{self, Field};
use crate::i18n::{self, Lang, O, ot, otf};
use crate::model::{Item, Kind, ModelError, Note, State, Time, tidy, validate};
use crate::sanitize::Shown;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDateTime),
}

impl Cell {
    /// The cell as text (a whole number without `.0`, a date as `2030-01-10`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) if d.time() == NaiveTime::MIN => d.format("%Y-%m-%d").to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// One sheet: its name and its rows from the top (row 1 is `rows[0]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Date,
    /// Not one of these (in the user's language).
    Choice(String),
    NotForKind,
    Title,
    Refused(String),
}

/// Why a file was refused; nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// No sheet has a header row with a title column.
    NoHeader,
    /// A bad value: sheet, row (from 1), column (`F（要求时间）`), value.
    Cell {
        sheet: String,
        row: usize,
        column: String,
        value: String,
        reason: Reason,
    },
}

impl ImportError {
    /// One line in `lang` about `file`.
    pub fn say(&self, lang: Lang, file: &str) -> String {
        match self {
            ImportError::NoHeader => otf(lang, O::ErrImportNoHeader, &[&Shown(file)]),
            ImportError::Cell {
                sheet,
                row,
                column,
                value,
                reason,
            } => {
                let why = match reason {
                    Reason::Date => ot(lang, O::ReasonDate).to_string(),
                    Reason::Choice(allowed) => otf(lang, O::ReasonChoice, &[allowed]),
                    Reason::NotForKind => ot(lang, O::ReasonNotForKind).to_string(),
                    Reason::Title => ot(lang, O::ReasonTitle).to_string(),
                    Reason::Refused(why) => otf(lang, O::ReasonRefused, &[why]),
                };
                // The file's own words may carry escapes: shown, never obeyed.
                let (sheet, column, value) = (Shown(sheet), Shown(column), Shown(value));
                otf(
                    lang,
                    O::ErrImportCell,
                    &[&sheet, row, &column, &value, &why],
                )
            }
        }
    }
}

/// An item read from a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub sheet: String,
    pub row: usize,
    pub item: Item,
}

/// What an import would do: the items to add and those already there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub add: Vec<Added>,
    pub skip: Vec<Added>,
}

/// How many rows from the top may come before the header (a title line, a
/// date line, a blank one).
const HEADER_SEARCH: usize = 10;

/// `A`, `B`, … `Z`, `AA`: a column's letter.
fn letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Every row of every sheet that has a header row, as items of `kind`.
pub fn parse(
    tables: &[Table],
    kind: Kind,
    now: Time,
    lang: Lang,
) -> Result<Vec<Added>, ImportError> {
    let mut out = Vec::new();
    let mut any = false;
    for t in tables {
        let Some(h) = t.rows.iter().take(HEADER_SEARCH).position(|r| {
            r.iter()
                .any(|c| columns::field(&c.text()) == Some(Field::Title))
        }) else {
            continue;
        };
        any = true;
        let heads: Vec<(String, Option<Field>)> = t.rows[h]
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let name = c.text();
                let column = match lang {
                    Lang::Zh => format!("{}（{name}）", letter(i)),
                    Lang::En => format!("{} ({name})", letter(i)),
                };
                (column, columns::field(&name))
            })
            .collect();
        for (n, row) in t.rows.iter().enumerate().skip(h + 1) {
            if row.iter().all(|c| c.text().is_empty()) {
                continue;
            }
            let bad = |col: usize, value: String, reason: Reason| ImportError::Cell {
                sheet: t.name.clone(),
                row: n + 1,
                column: heads
                    .get(col)
                    .map(|h| h.0.clone())
                    .unwrap_or_else(|| letter(col)),
                value,
                reason,
            };
            let mut item = Item::new(kind, "", now);
            let mut title_col = 0;
            for (col, cell) in row.iter().enumerate() {
                let Some(field) = heads.get(col).and_then(|h| h.1) else {
                    continue;
                };
                if field == Field::Title {
                    title_col = col;
                }
                let text = cell.text();
                if text.is_empty() {
                    continue;
                }
                let Some(field) = columns::for_kind(field, kind) else {
                    return Err(bad(col, text, Reason::NotForKind));
                };
                set(&mut item, field, cell, now, lang)
                    .map_err(|reason| bad(col, cell.text(), reason))?;
            }
            tidy(&mut item);
            if item.title.is_empty() {
                return Err(bad(title_col, String::new(), Reason::Title));
            }
            crate::model::meeting::end_follows_start(&mut item, None, None);
            validate(&item).map_err(|e| {
                bad(
                    title_col,
                    item.title.clone(),
                    Reason::Refused(i18n::model_error(lang, &e)),
                )
            })?;
            out.push(Added {
                sheet: t.name.clone(),
                row: n + 1,
                item,
            });
        }
    }
    if any {
        Ok(out)
    } else {
        Err(ImportError::NoHeader)
    }
}

/// Puts the value of `cell` into `field` of `item`: a closed value read
/// with the units' words for it, then written by the field table as every
/// other field is.
fn set(item: &mut Item, field: Field, cell: &Cell, now: Time, lang: Lang) -> Result<(), Reason> {
    let text = cell.text();
    let choice = |f: Field| Reason::Choice(columns::allowed(f, lang));
    let wire = match field {
        Field::Note => {
            item.notes.push(Note { at: now, text });
            return Ok(());
        }
        Field::Sort => return Err(Reason::NotForKind),
        Field::Class => columns::class(&text).map(|v| v.as_str()),
        Field::Rule => columns::rule(&text).map(|v| v.as_str()),
        Field::Priority => columns::priority(&text).map(|v| v.as_str()),
        Field::Category => columns::category(&text).map(|v| v.as_str()),
        Field::Type => columns::meeting_type(&text).map(|v| v.as_str()),
        _ => Some(text.as_str()),
    };
    let wire = wire.ok_or_else(|| choice(field))?;
    let Some(key) = field.key() else {
        return Err(Reason::NotForKind);
    };
    let f = key.field();
    (f.write)(item, wire, now).map_err(|e| match f.value {
        crate::model::field::Value::Time(_) => Reason::Date,
        _ => Reason::Refused(i18n::model_error(lang, &e)),
    })
}

/// What makes a row the same as one already recorded: a document with the
/// same title and source unit, another item of the same kind and title.
fn key(i: &Item) -> (Kind, &str, Option<&str>) {
    let from = if i.kind == Kind::Document {
        i.from.as_deref()
    } else {
        None
    };
    (i.kind, i.title.as_str(), from)
}

/// Which of `rows` would be added to `state` and which are already there
/// (in the store, or earlier in the same file).
pub fn plan(state: &State, rows: Vec<Added>) -> Plan {
    let mut seen: std::collections::HashSet<(Kind, String, Option<String>)> = state
        .items
        .iter()
        .map(|i| {
            let (k, t, f) = key(i);
            (k, t.to_string(), f.map(str::to_string))
        })
        .collect();
    let mut p = Plan::default();
    for r in rows {
        let (k, t, f) = key(&r.item);
        if seen.insert((k, t.to_string(), f.map(str::to_string))) {
            p.add.push(r);
        } else {
            p.skip.push(r);
        }
    }
    p
}

/// Adds the plan's items to `state`, all or none; returns their ids.
pub fn apply(state: &mut State, plan: &Plan) -> Result<Vec<String>, ModelError> {
    let mut next = state.clone();
    let ids = plan
        .add
        .iter()
        .map(|a| next.add(a.item.clone()))
        .collect::<Result<Vec<_>, _>>()?;
    *state = next;
    Ok(ids)
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;

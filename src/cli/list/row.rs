//! One object of `list --json`, from an item of a full read or from what
//! the store's listing knows of one (`store::Listed`).

use std::io::Write;

use serde::Serialize;

use crate::model::meeting::{self, Meets};
use crate::model::{Check, CustodyEvent, Item, Kind, State, Status, Time, custody};
use crate::store::{Facts, ItemLines, Listed};

/// What a row reads of an item: the item, or its facts (with its line).
pub(in crate::cli) trait Listable: Meets {
    fn id(&self) -> &str;
    fn kind(&self) -> Kind;
    fn status(&self) -> Status;
    /// The time that orders it (see `Item::when`).
    fn when(&self) -> Option<Time>;
    fn known(&self) -> Known<'_>;
}

/// All that is known of an item.
pub(in crate::cli) enum Known<'a> {
    Item(&'a Item),
    /// Its facts: its line is the snapshot's.
    Facts(&'a Facts),
}

impl Listable for Item {
    fn id(&self) -> &str {
        &self.id
    }
    fn kind(&self) -> Kind {
        self.kind
    }
    fn status(&self) -> Status {
        self.status
    }
    fn when(&self) -> Option<Time> {
        Item::when(self)
    }
    fn known(&self) -> Known<'_> {
        Known::Item(self)
    }
}

impl Listable for Listed {
    fn id(&self) -> &str {
        Listed::id(self)
    }
    fn kind(&self) -> Kind {
        Listed::kind(self)
    }
    fn status(&self) -> Status {
        Listed::status(self)
    }
    fn when(&self) -> Option<Time> {
        Listed::when(self)
    }
    fn known(&self) -> Known<'_> {
        match self {
            Listed::Item(item) => Known::Item(item),
            Listed::Facts { facts, .. } => Known::Facts(facts),
        }
    }
}

/// One object of `list --json`: the stored item plus what is derived from it.
/// A document always has `custody` (its events in order, maybe none) and
/// `holder` (the person it is lent to, else null); a meeting always has
/// `checklist` and `conflicts` (the ids of the meetings it clashes with); a
/// substitute assignment always has `handback` (its hand-back note, else null).
pub(in crate::cli) struct Row<'a> {
    pub(super) id: &'a str,
    /// The item, when decoded (always, but for a listing's rows).
    pub(super) item: Option<&'a Item>,
    /// The item's JSON as the snapshot stores it, when that is known to be
    /// what serialising it would write (see `store::ItemLines`).
    stored: Option<&'a [u8]>,
    pub(super) today: Option<&'static str>,
    /// Set only for a document with no events (the item itself skips an
    /// empty log), so the key is never written twice.
    custody: Option<&'a [CustodyEvent]>,
    holder: Option<Option<&'a str>>,
    /// Set only for a meeting with an empty checklist, as `custody` above.
    checklist: Option<&'a [Check]>,
    pub(super) conflicts: Option<Vec<&'a str>>,
    /// Set (to null) only for a substitute without a note, as for `custody`.
    handback: Option<Option<&'a str>>,
    /// How many confidential texts were left out of this item, if any.
    withheld: Option<usize>,
    /// The first problem of this document's custody log, if it has one.
    pub(super) custody_warning: Option<&'a str>,
}

/// Writes `rows` as a JSON array of objects, the derived keys after the
/// item's own. Each item is serialised as a struct and its object reopened,
/// rather than merged with `#[serde(flatten)]`, whose map serialiser made
/// `list --json` half as slow again at 10,000 items. Rows are gathered in
/// 64 KiB pieces, each written with one call: `out` need not buffer.
pub(in crate::cli) fn write_json<'a>(
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
    match (row.stored, row.item) {
        (Some(bytes), _) => buf.extend_from_slice(bytes),
        (None, Some(item)) => serde_json::to_writer(&mut *buf, item)?,
        (None, None) => {
            let e = format!("{}: neither its line nor the item", row.id);
            return Err(serde::ser::Error::custom(e));
        }
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
    let mut row = Row::new(&state.items, at, &clashes, &counts, None, None);
    row.custody_warning = warning;
    let mut buf = Vec::new();
    row_json(&mut buf, &row)?;
    Ok(crate::sanitize::json(buf))
}

impl<'a> Row<'a> {
    /// The row of `items[at]`, given every item's conflicts and the items'
    /// stored lines if known.
    pub(in crate::cli) fn new<T: Listable>(
        items: &'a [T],
        at: usize,
        clashes: &[Vec<usize>],
        withheld: &[usize],
        today: Option<&'static str>,
        stored: Option<&'a ItemLines>,
    ) -> Row<'a> {
        let entry = &items[at];
        let kind = entry.kind();
        let (document, meeting) = (kind == Kind::Document, kind == Kind::Meeting);
        let withheld = withheld.get(at).copied().filter(|&n| n > 0);
        let (item, has_custody, has_checklist, has_handback, holder) = match entry.known() {
            Known::Item(item) => (
                Some(item),
                !item.custody.is_empty(),
                !item.checklist.is_empty(),
                item.handback.is_some(),
                document.then(|| custody::holder(item)).flatten(),
            ),
            // What a listing did not decode it says through its facts.
            Known::Facts(f) => (
                None,
                f.custody,
                f.checklist,
                f.handback,
                f.holder.as_deref(),
            ),
        };
        Row {
            id: entry.id(),
            item,
            // An item something was withheld from is not as stored.
            stored: stored
                .filter(|_| withheld.is_none())
                .and_then(|l| l.get(at)),
            today,
            custody: (document && !has_custody).then_some(&[][..]),
            holder: document.then_some(holder),
            checklist: (meeting && !has_checklist).then_some(&[][..]),
            conflicts: meeting.then(|| clashes[at].iter().map(|&j| items[j].id()).collect()),
            handback: (kind == Kind::Substitute && !has_handback).then_some(None),
            withheld,
            custody_warning: None,
        }
    }
}

/// Where `item` sorts in a listing: by kind, then by its time, those
/// without one last; as one number, which compares in a fraction of the
/// time the tuple of kind and time does (10,000 items sort by it).
pub(super) fn order(item: &impl Listable) -> u128 {
    let kind = item.kind().index() as u128;
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

//! The index's rows read into what a listing knows of each item (see
//! `Listed`) and the places of their lines in the snapshot.

use std::collections::HashSet;

use super::facts::Facts;
use super::listed::Listed;

/// Every how many items one is decoded and held to its line and facts.
const SAMPLE_EVERY: usize = 64;

/// Where a row's item is in the snapshot, and whether it is decoded.
pub(super) struct Placed<'a> {
    pub id_json: &'a [u8],
    pub start: usize,
    pub len: usize,
    /// The journal touched it.
    pub touched: bool,
    /// Texts are withheld from it.
    pub withheld: bool,
    /// One of the sample held to its line and facts.
    pub sampled: bool,
}

impl Placed<'_> {
    pub fn decoded(&self) -> bool {
        self.touched || self.withheld || self.sampled
    }
}

/// What the rows are read to: what is known of each row's item, and its
/// place.
pub(super) struct Rows<'a> {
    pub items: Vec<Listed>,
    pub placed: Vec<Placed<'a>>,
}

/// What decides which rows are decoded.
pub(super) struct Decode<'a> {
    /// The ids of the items the journal touched.
    pub touched: &'a HashSet<&'a str>,
    /// Whether the items a listing withholds texts from are decoded.
    pub withholding: bool,
}

/// The `count` rows of `body` read, room made for `extra` more items;
/// none if a row is not one of ours.
pub(super) fn read<'a>(
    body: &'a [u8],
    count: usize,
    extra: usize,
    decode: &Decode<'_>,
) -> Option<Rows<'a>> {
    // Checked as UTF-8 once, not word by word.
    let body = std::str::from_utf8(body).ok()?;
    let mut items = Vec::with_capacity(count + extra);
    let mut placed = Vec::with_capacity(count);
    let mut kinds_seen = [false; 4];
    for (k, line) in body.split('\n').take(count).enumerate() {
        let row = row(line)?;
        let first_of_kind = !std::mem::replace(&mut kinds_seen[row.facts.kind.index()], true);
        placed.push(Placed {
            id_json: row.id_json.as_bytes(),
            start: row.start,
            len: row.len,
            touched: decode.touched.contains(row.id.as_str()),
            withheld: decode.withholding && row.facts.withheld > 0,
            sampled: k.is_multiple_of(SAMPLE_EVERY) || k + 1 == count || first_of_kind,
        });
        items.push(Listed::Facts {
            id: row.id,
            facts: row.facts,
        });
    }
    (placed.len() == count).then_some(Rows { items, placed })
}

/// One item's line of the index.
struct Row<'a> {
    id_json: &'a str,
    id: String,
    start: usize,
    len: usize,
    facts: Facts,
}

/// One row of an index.
fn row(line: &str) -> Option<Row<'_>> {
    let mut columns = line.split('\t');
    let id_json = columns.next()?;
    let number = |c: Option<&str>| c?.parse::<usize>().ok();
    let (start, size) = (number(columns.next())?, number(columns.next())?);
    let facts = Facts::read_str(columns.next()?)?;
    if columns.next().is_some() {
        return None;
    }
    start.checked_add(size)?;
    Some(Row {
        id_json,
        id: super::json_str(id_json.as_bytes())?,
        start,
        len: size,
        facts,
    })
}

//! The index's rows read into stand-ins (see `Facts::stand_in`) and the
//! places of their lines in the snapshot. A long index is read in two
//! parts at once: the part on a second thread is the last third or so,
//! while the snapshot is read on a third; at 10,000 items reading the rows
//! and making the stand-ins on one thread took half of `list --json`, most
//! of it the first touch of the memory the stand-ins take.

use std::collections::HashSet;

use super::facts::{Facts, Shown};
use crate::model::Item;

/// Every how many items one is decoded and held to its line and facts.
const SAMPLE_EVERY: usize = 64;

/// From how many rows the index is read in two parts.
const SPLIT_FROM: usize = 2 * SAMPLE_EVERY;

/// Where a row's item is in the snapshot, whether the journal touched it,
/// and what is shown of it when it stands in.
pub(super) struct Placed<'a> {
    pub id_json: &'a [u8],
    pub start: usize,
    pub len: usize,
    pub touched: bool,
    pub shown: Option<Shown>,
    /// For a sampled row, its facts, to be held to its decoded item
    /// (boxed: one row in 64 has them, and every row has the room).
    pub check: Option<Box<Facts>>,
}

/// What the rows are read to: a stand-in per row and its place.
pub(super) struct Rows<'a> {
    pub items: Vec<Item>,
    pub placed: Vec<Placed<'a>>,
}

/// What decides which rows are decoded.
pub(super) struct Decode<'a> {
    /// The ids of the items the journal touched.
    pub touched: &'a HashSet<&'a str>,
    /// Whether the items a listing withholds texts from are decoded.
    pub withholding: bool,
}

/// The `count` rows of `body` read, the items' room made for `extra`
/// more; none if a row is not one of ours.
pub(super) fn read<'a>(
    body: &'a [u8],
    count: usize,
    extra: usize,
    decode: &Decode<'_>,
) -> Option<Rows<'a>> {
    if count < SPLIT_FROM {
        return part(body, 0, count, count, count + extra, decode);
    }
    // Two parts cut at a line's end, the first two thirds read here.
    let cut = count / 3 * 2;
    let at = memchr::memchr_iter(b'\n', body).nth(cut - 1)? + 1;
    let (head, tail) = body.split_at(at);
    let (first, last) = std::thread::scope(|scope| {
        let last = scope.spawn(|| part(tail, cut, count - cut, count, 0, decode));
        let first = part(head, 0, cut, count, count + extra, decode);
        (first, last.join().ok().flatten())
    });
    let (mut rows, last) = (first?, last?);
    rows.items.extend(last.items);
    rows.placed.extend(last.placed);
    Some(rows)
}

/// The `n` rows of `lines`, which are the index's rows `from..from + n`
/// of `count`; the items' room made for `room`.
fn part<'a>(
    lines: &'a [u8],
    from: usize,
    n: usize,
    count: usize,
    room: usize,
    decode: &Decode<'_>,
) -> Option<Rows<'a>> {
    let mut items = Vec::with_capacity(room.max(n));
    let mut placed = Vec::with_capacity(n);
    let mut kinds_seen = [false; 4];
    for (k, line) in lines.split(|&b| b == b'\n').take(n).enumerate() {
        let k = from + k;
        let mut row = row(line)?;
        let first_of_kind = !std::mem::replace(&mut kinds_seen[row.facts.kind.index()], true);
        let sampled = k.is_multiple_of(SAMPLE_EVERY) || k + 1 == count || first_of_kind;
        let is_touched = decode.touched.contains(row.id.as_str());
        let decoded = sampled || is_touched || (decode.withholding && row.facts.withheld > 0);
        let check = sampled.then(|| Box::new(row.facts.clone()));
        items.push(row.facts.stand_in(std::mem::take(&mut row.id)));
        placed.push(Placed {
            id_json: row.id_json,
            start: row.start,
            len: row.len,
            touched: is_touched,
            shown: (!decoded).then(|| row.facts.shown()),
            check,
        });
    }
    (placed.len() == n).then_some(Rows { items, placed })
}

/// One item's line of the index.
struct Row<'a> {
    id_json: &'a [u8],
    id: String,
    start: usize,
    len: usize,
    facts: Facts,
}

/// One row of an index.
fn row(line: &[u8]) -> Option<Row<'_>> {
    let mut columns = line.split(|&b| b == b'\t');
    let id_json = columns.next()?;
    let number = |c: Option<&[u8]>| std::str::from_utf8(c?).ok()?.parse::<usize>().ok();
    let (start, size) = (number(columns.next())?, number(columns.next())?);
    let facts = Facts::read(columns.next()?)?;
    if columns.next().is_some() {
        return None;
    }
    start.checked_add(size)?;
    Some(Row {
        id_json,
        id: super::json_str(id_json)?,
        start,
        len: size,
        facts,
    })
}

//! Ids that stay stable across replicas: each replica makes new items in
//! its own block of numbers. The founder's block is 0 (D1 … D999, as a
//! data directory in no team does); a replica that joins gets block k ≥ 1
//! and numbers from k×1000+1 (D1001, D1002 …). Two laptops adding offline
//! at once can never pick the same id, and the merge never renumbers.

use std::collections::BTreeMap;

use crate::model::{Counters, Kind, State};

/// Numbers per block.
pub const BLOCK: u32 = 1000;

const KINDS: [Kind; 4] = [
    Kind::Logistics,
    Kind::Document,
    Kind::Meeting,
    Kind::Substitute,
];

fn slot(c: &mut Counters, kind: Kind) -> &mut u32 {
    match kind {
        Kind::Logistics => &mut c.logistics,
        Kind::Document => &mut c.document,
        Kind::Meeting => &mut c.meeting,
        Kind::Substitute => &mut c.substitute,
    }
}

/// The numbers of block `block`: (last number before it, its last number).
pub fn range(block: u32) -> (u32, u32) {
    let lo = block.saturating_mul(BLOCK);
    (lo, lo.saturating_add(BLOCK - 1))
}

/// The counters that make `State::add` hand out the next number of
/// `block`: per kind, the highest number of that kind in the block in use
/// or handed out before (`high`), or the block's start.
pub fn counters_for(state: &State, block: u32, high: &BTreeMap<String, u32>) -> Counters {
    let (lo, hi) = range(block);
    let mut c = Counters::default();
    for kind in KINDS {
        let letter = kind.prefix();
        let in_use = state
            .items
            .iter()
            .filter_map(|i| {
                let rest = i.id.strip_prefix(letter)?;
                rest.parse::<u32>().ok()
            })
            .filter(|n| (lo + 1..=hi).contains(n))
            .max()
            .unwrap_or(0);
        let before = high.get(&letter.to_string()).copied().unwrap_or(0);
        *slot(&mut c, kind) = lo.max(in_use).max(before);
    }
    c
}

/// A replica's block of ids.
#[derive(Debug, Clone, Copy)]
pub struct Block(pub u32);

impl Block {
    /// Its last number.
    pub fn last(self) -> u32 {
        range(self.0).1
    }

    /// Per id letter, the highest number of the block among `items`.
    fn highest<'a>(
        self,
        items: impl Iterator<Item = &'a crate::model::Item>,
    ) -> BTreeMap<String, u32> {
        let (lo, hi) = range(self.0);
        let mut out: BTreeMap<String, u32> = BTreeMap::new();
        for i in items {
            let mut chars = i.id.chars();
            let Some(letter) = chars.next() else { continue };
            let Ok(n) = chars.as_str().parse::<u32>() else {
                continue;
            };
            if (lo + 1..=hi).contains(&n) {
                let slot = out.entry(letter.to_string()).or_default();
                *slot = (*slot).max(n);
            }
        }
        out
    }

    /// The highest numbers to remember when items of the block in `before`
    /// are gone from `after` and the record is below them; none if nothing
    /// needs writing.
    pub fn remember(
        self,
        high: &BTreeMap<String, u32>,
        before: &State,
        after: &State,
    ) -> Option<BTreeMap<String, u32>> {
        // Most changes keep every item where it was (an add appends).
        let n = before.items.len();
        if after.items.len() >= n
            && before
                .items
                .iter()
                .zip(&after.items)
                .all(|(a, b)| a.id == b.id)
        {
            return None;
        }
        let kept: std::collections::HashSet<&str> =
            after.items.iter().map(|i| i.id.as_str()).collect();
        let gone = self.highest(
            before
                .items
                .iter()
                .filter(|i| !kept.contains(i.id.as_str())),
        );
        let mut out = high.clone();
        let mut grew = false;
        for (letter, n) in gone {
            let slot = out.entry(letter).or_default();
            if n > *slot {
                *slot = n;
                grew = true;
            }
        }
        grew.then_some(out)
    }
}

/// The kinds whose counter moved from `from` to `to`, with the new value.
pub fn moved(from: &Counters, to: &Counters) -> Vec<(char, u32)> {
    let (mut a, mut b) = (from.clone(), to.clone());
    KINDS
        .iter()
        .filter_map(|&k| {
            let (x, y) = (*slot(&mut a, k), *slot(&mut b, k));
            (y > x).then_some((k.prefix(), y))
        })
        .collect()
}

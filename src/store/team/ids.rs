//! Ids that stay stable across replicas: each replica makes new items in
//! its own block of numbers. The founder's block is 0 (D1 … D999, as a
//! data directory in no team does); a replica that joins gets block k ≥ 1
//! and numbers from k×1000+1 (D1001, D1002 …). Two laptops adding offline
//! at once can never pick the same id, and the merge never renumbers.

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
pub fn counters_for(
    state: &State,
    block: u32,
    high: &std::collections::BTreeMap<String, u32>,
) -> Counters {
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

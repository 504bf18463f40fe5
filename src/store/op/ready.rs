//! Replaying a line the quick way, in two steps: what it does, decoded
//! from its text (ahead, on the thread that reads the journal, while the
//! snapshot decodes on the others), then done to the state in order. The
//! outcome is the one [`super::apply`] of its `Op` gives: a line this
//! cannot prepare, or whose preparation does not fit the state it meets,
//! is left to it.

use std::collections::HashMap;

use super::line::{Line, Raw};
use super::{Mismatch, WHOLE, positions, typed};
use crate::model::{Item, State};

/// What a line does, decoded.
pub enum Ready {
    /// A mark: nothing.
    Nothing,
    /// Adds this item (the whole item set from `null`).
    Add(Box<Item>),
    /// Deletes the item (the whole item set to `null`).
    Remove,
    /// Sets these fields of the item.
    Fields(Vec<typed::Put>),
}

/// What `line` does, if it can be decoded the quick way; none leaves it to
/// [`super::apply`].
pub fn prepare(line: &Line) -> Option<Ready> {
    if line.change == "snapshot" {
        return Some(Ready::Nothing);
    }
    line.item?;
    if let Some(Raw::Set(old, new)) = line.field(WHOLE) {
        let null = |text| typed::Src::Text(text).is_null();
        return match (null(old), null(new)) {
            (true, false) => {
                let item = crate::store::scan::item(new)
                    .or_else(|| serde_json::from_str::<Item>(new).ok())?;
                Some(Ready::Add(Box::new(item)))
            }
            (false, true) => Some(Ready::Remove),
            _ => None,
        };
    }
    typed::prepare_raw(&line.fields).map(Ready::Fields)
}

/// Applies `line` as `ready` (its [`prepare`]) says when that fits the
/// state, else through its `Op`: the outcome and errors of [`super::apply`].
pub fn apply_ready(
    state: &mut State,
    line: &Line,
    ready: Ready,
    index: &mut Option<HashMap<String, usize>>,
) -> Result<(), Mismatch> {
    if done(state, line, ready, index) {
        return Ok(());
    }
    super::apply(state, &line.to_op(), index)
}

/// Does `ready` and returns true, or returns false with `state` untouched.
fn done(
    state: &mut State,
    line: &Line,
    ready: Ready,
    index: &mut Option<HashMap<String, usize>>,
) -> bool {
    let Some(id) = line.item else {
        return matches!(ready, Ready::Nothing);
    };
    let at = match index {
        Some(map) => map.get(id).copied(),
        None => state.items.iter().position(|i| i.id == id),
    };
    match (ready, at) {
        (Ready::Nothing, _) => true,
        (Ready::Add(item), None) => {
            if let Some(map) = index {
                map.insert(id.to_string(), state.items.len());
            }
            state.items.push(*item);
            true
        }
        (Ready::Remove, Some(at)) => {
            state.items.remove(at);
            if let Some(map) = index {
                *map = positions(state);
            }
            true
        }
        (Ready::Fields(puts), Some(at)) => {
            typed::apply_puts(&mut state.items[at], puts);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::{Kind, ModelError};
    use crate::store::journal::{self, Entry, Seal};
    use crate::store::prop_tests::{Change, change, make};
    use crate::store::{Store, fsutil};

    /// A store whose journal holds `changes` after a snapshot of a few
    /// items; the snapshot's state and the journal's bytes.
    fn journal_of(changes: &[Change]) -> (State, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("data")).unwrap();
        store.set_compaction_limit(u64::MAX);
        let now = crate::model::testing::at(0);
        let mut snap = store.load().unwrap();
        store
            .transact(&mut snap, now, |s| {
                for (k, t) in [(Kind::Document, "财务凭证"), (Kind::Meeting, "约谈")] {
                    s.add(Item::new(k, t, now))?;
                }
                Ok::<_, ModelError>(())
            })
            .unwrap();
        store.compact_now(now).unwrap();
        let mut snap = store.load().unwrap();
        for (n, c) in changes.iter().enumerate() {
            let now = crate::model::testing::at(n as i64 + 1);
            let _ = store.transact(&mut snap, now, |s| make(s, c, now));
        }
        let state = std::fs::read(store.state_path()).unwrap();
        let state = serde_json::from_slice(&state).unwrap();
        let (bytes, _) = fsutil::read_with_meta(&store.journal_path())
            .unwrap()
            .unwrap();
        (state, bytes)
    }

    /// Each line replayed from `start` prepared ahead and through its `Op`:
    /// the same outcome, line by line, with and without an index.
    fn same_both_ways(start: &State, ops: &[Entry]) -> Result<(), TestCaseError> {
        for indexed in [false, true] {
            let (mut one, mut two) = (start.clone(), start.clone());
            let mut index_one = indexed.then(|| positions(&one));
            let mut index_two = index_one.clone();
            for o in ops {
                let Entry::Line(line) = o else { continue };
                let a = super::super::apply(&mut one, &line.to_op(), &mut index_one);
                let b = match prepare(line) {
                    Some(ready) => apply_ready(&mut two, line, ready, &mut index_two),
                    None => super::super::apply_line(&mut two, line, &mut index_two),
                };
                prop_assert_eq!(&a, &b, "{:?}", line);
                prop_assert_eq!(&one, &two, "{:?}", line);
                prop_assert_eq!(&index_one, &index_two);
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn a_line_prepared_ahead_does_what_its_operation_does(
            changes in prop::collection::vec(change(), 1..30),
        ) {
            let (start, bytes) = journal_of(&changes);
            let path = std::path::Path::new("journal.jsonl");
            let read = journal::read(&bytes, path, 1, None, Seal::Plain).unwrap();
            prop_assert!(read.ops.iter().skip(1).all(|o| matches!(o, Entry::Line(_))));
            same_both_ways(&start, &read.ops)?;
            // Against a state they do not fit (nothing there, or every item
            // there already): the same refusals.
            same_both_ways(&State::default(), &read.ops)?;
            let mut full = start.clone();
            for o in read.ops.iter().skip(1) {
                let _ = o.apply(&mut full, &mut None);
            }
            same_both_ways(&full, &read.ops)?;
        }
    }

    #[test]
    fn a_time_is_read_as_the_items_decoding_reads_it() {
        for text in [
            "\"2026-11-26T09:00:00Z\"",
            "\"2026-11-26T09:00:00.123+08:00\"",
            "\"2026-11-26 09:00:00Z\"",
            "\"2026-11-26T09:00:00\\u005a\"",
            "\"2026-11-26T09:00:00\tZ\"",
            "\"yesterday\"",
            " \"2026-11-26T09:00:00Z\"",
            "\"\"",
            "\"",
        ] {
            let quick = typed::decode_time(typed::Src::Text(text));
            #[derive(serde::Deserialize)]
            struct At(#[serde(with = "crate::model::rfc3339")] crate::model::Time);
            let serde = serde_json::from_str::<At>(text).ok().map(|At(t)| t);
            assert_eq!(quick, serde, "{text}");
        }
    }
}

//! Decoding a large snapshot on two threads: its items, one a line in the
//! `layout` the program writes, are cut in two halves at a line and each
//! half decoded on its own core; the rest of the state is decoded with an
//! empty item list in their place. At 10,000 items decoding the items was
//! three quarters of opening the dashboard.
//!
//! Taken only when the text is laid out so (the item list opening and
//! closing on lines of their own, every line between one object); any
//! other text, or anything that does not decode, gives none and the
//! caller decodes the text whole, which says what is wrong. A JSON string
//! holds no raw line break, so the lines are the items.

use crate::model::{Item, State};

/// Below this size a second thread costs more than it saves.
const SMALLEST: usize = 1 << 20;

/// `text` decoded as [`super::decode`] decodes it, split as the module's
/// notes say; none when it cannot be.
pub(super) fn decode(text: &str) -> Option<State> {
    if text.len() < SMALLEST {
        return None;
    }
    let laid = super::layout::items(text.as_bytes())?;
    // The item lines, and around them the rest with no items.
    let rest = [&text[..laid.start], &text[laid.end..]].concat();
    let (first, second) = laid.spans.split_at(laid.spans.len() / 2);
    let items = |spans: &[(usize, usize)], room: usize| -> Option<Vec<Item>> {
        let mut items = Vec::with_capacity(room);
        for &(start, len) in spans {
            let object = text.get(start..start + len)?;
            let item = match super::scan::item(object) {
                Some(item) => item,
                None => serde_json::from_str::<Item>(object).ok()?,
            };
            items.push(item);
        }
        Some(items)
    };
    let (first, later) = std::thread::scope(|scope| {
        let later = scope.spawn(|| items(second, second.len()));
        (items(first, laid.spans.len()), later.join().ok().flatten())
    });
    let mut items = first?;
    items.extend(later?);
    let mut state: State = serde_json::from_str(&rest).ok()?;
    if !state.items.is_empty() {
        return None;
    }
    state.items = items;
    Some(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::at;

    fn whole(text: &str) -> State {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn a_large_snapshot_decodes_to_the_same_state_in_two_halves() {
        let state = crate::cli::demo::synthetic(3000, at(0));
        let text = String::from_utf8(crate::store::encode(&state)).unwrap();
        assert!(text.len() > SMALLEST);
        let split = decode(&text).expect("laid out as the program writes");
        assert_eq!(split, whole(&text));
        assert_eq!(split, state);
    }

    #[test]
    fn texts_that_look_like_the_layout_do_not_cut_it() {
        let mut state = crate::cli::demo::synthetic(3000, at(0));
        let tricky = "x\n  ]\n  \"items\": [\n    {\"id\":\"L1\",\n";
        state.items[0].title = tricky.into();
        state.items[1500].title = format!("{tricky}\u{2028}第二");
        state.inbox.push(crate::model::Note {
            at: at(1),
            text: tricky.into(),
        });
        let text = String::from_utf8(crate::store::encode(&state)).unwrap();
        assert_eq!(decode(&text), Some(state));
    }

    #[test]
    fn any_other_text_is_left_to_the_whole_decode() {
        let state = crate::cli::demo::synthetic(3000, at(0));
        let text = String::from_utf8(crate::store::encode(&state)).unwrap();
        let pretty = serde_json::to_string_pretty(&state).unwrap();
        let small = String::from_utf8(crate::store::encode(&crate::cli::demo::synthetic(
            10,
            at(0),
        )))
        .unwrap();
        // Two item lists: the whole decode refuses the second.
        let twice = text.replacen("\n  \"counters\"", "\n  \"items\": [],\n  \"counters\"", 1);
        // An item cut over two lines, a line that is no item, a stray key.
        let cut = text.replacen(",\"title\":", ",\n\"title\":", 1);
        let stray = text.replacen("{\"id\":\"L1\",", "{\"id\":\"L1\",\"seen\":1,", 1);
        let broken = text.replacen("{\"id\":\"D2\",", "{\"id\":\"D2\",,", 1);
        for (what, other) in [
            ("pretty", &pretty),
            ("small", &small),
            ("two lists", &twice),
            ("an item over two lines", &cut),
            ("an unknown field", &stray),
            ("a broken item", &broken),
        ] {
            let got = decode(other);
            let want = serde_json::from_str::<State>(other).ok();
            match got {
                None => {}
                Some(state) => assert_eq!(Some(state), want, "{what}"),
            }
            if want.is_none() {
                assert!(decode(other).is_none(), "{what}");
            }
        }
        assert!(decode(&pretty).is_none() && decode(&small).is_none());
        assert!(twice.contains("\"items\": [],") && decode(&twice).is_none());
    }
}

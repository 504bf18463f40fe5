use super::*;
use crate::model::testing::at;

fn file(n: usize) -> String {
    let mut state = crate::cli::demo::synthetic(n, at(0));
    // Escapes, a quote and a line break in texts, and Chinese.
    state.items[3].title = "招投标\"资料\"\n第2批\\原件".into();
    state.items[5].place = Some("驻地 会议室\t二楼".into());
    String::from_utf8(crate::store::encode(&state)).unwrap()
}

#[test]
fn a_large_snapshot_decodes_on_threads_to_what_the_whole_file_decodes_to() {
    let text = file(2500);
    let whole: State = serde_json::from_str(&text).unwrap();
    for threads in [2, 3, 4, 8] {
        let split = decode_on(&text, threads).expect("laid out by layout");
        assert!(split == whole, "{threads} threads");
    }
}

#[test]
fn a_small_snapshot_or_one_thread_is_left_to_the_whole_file() {
    assert!(decode_on(&file(300), 2).is_none());
    assert!(decode_on(&file(2500), 1).is_none());
}

#[test]
fn what_does_not_line_up_is_left_to_the_whole_file_which_says_what_is_wrong() {
    let text = file(2500);
    let second = text.find("\n    {").unwrap() + 1;
    let second = second + text[second..].find("\n    {").unwrap();
    let before_second = second - 1;
    assert_eq!(&text[before_second..=second], ",\n");
    let cases = [
        // A missing comma between two items.
        format!("{}{}", &text[..before_second], &text[second..]),
        // A comma after the last item.
        text.replacen("}\n  ]", "},\n  ]", 1),
        // Something after an item on its line.
        text.replacen("},\n", "} x,\n", 1),
        // An item that does not decode.
        text.replacen("\"status\":\"", "\"status\":\"x", 1),
        // The list of items given twice.
        text.replacen("\n  \"inbox\"", "\n  \"items\": [],\n  \"inbox\"", 1),
    ];
    for (i, bad) in cases.iter().enumerate() {
        assert!(decode_on(bad, 2).is_none(), "case {i}");
        assert!(
            crate::store::decode(bad.as_bytes(), "state.json".as_ref()).is_err(),
            "case {i}"
        );
    }
}

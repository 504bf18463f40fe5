use proptest::prelude::*;
use serde_json::Value;

use super::Cursor;

/// Any JSON value: strings with what must be escaped, numbers of every
/// kind, nested lists and objects.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z一-龥\"\\\\\u{0}-\u{1f}]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z\"]{0,4}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Whether `text` is one plain value and nothing else (see `Cursor::plain`).
fn plain_json(text: &str) -> bool {
    let mut c = Cursor::new(text);
    c.plain(0).is_some() && c.done()
}

/// `text` with `cut` bytes from `at` (modulo its length, moved to a
/// character's boundary) replaced by `piece`: a line damaged or added to.
pub(in crate::store) fn splice(text: &mut String, at: usize, cut: usize, piece: &str) {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + cut).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text.replace_range(at..end, piece);
}

#[test]
fn a_journals_values_are_plain() {
    for text in [
        r#"[{"at":"2026-11-25T10:00:00+08:00","text":"问：情况是否属实？"}]"#,
        r#""done""#,
        "null",
        "-12",
        r#"{"a":[true,false,null,0,{}],"b":[]}"#,
    ] {
        assert!(plain_json(text), "{text}");
    }
    for text in [
        "1.5",
        "1e3",
        "01",
        " 1",
        "[1,]",
        "{\"a\"1}",
        "\"\\n\"",
        "12345678901234567890",
        "tru",
    ] {
        assert!(!plain_json(text), "{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// What is taken as plain, `serde_json::Value` parsing takes, however
    /// the text was cut or added to.
    #[test]
    fn plain_json_is_json(v in value(), at in any::<usize>(), cut in 0usize..4, piece in "[\\[\\]{}\",:0-9a-z \\\\.-]{0,3}") {
        let mut text = v.to_string();
        if plain_json(&text) {
            prop_assert!(serde_json::from_str::<Value>(&text).is_ok(), "{}", text);
        }
        splice(&mut text, at, cut, &piece);
        if plain_json(&text) {
            prop_assert!(serde_json::from_str::<Value>(&text).is_ok(), "{}", text);
        }
    }
}

//! A line read the quick way is the `Op` that parsing it gives, and a line
//! `Op` parsing refuses is never read the quick way.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{Value, json};

use super::super::{Field, Op};
use super::scan;
use crate::store::journal::{Seal, encode_line};

/// What parsing gives, and that the quick way gives the same or steps aside.
fn same_as_parsing(line: &str) -> (Option<Op>, bool) {
    let parsed = serde_json::from_str::<Op>(line).ok();
    let quick = scan(line).map(|l| l.to_op());
    if let Some(q) = &quick {
        assert_eq!(parsed.as_ref(), Some(q), "{line}");
    }
    (parsed, quick.is_some())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 -]{0,12}",
        "[\u{4e00}-\u{4e80}]{1,8}",
        Just("引号\"与\\反斜杠\n换行\t\u{1}".to_string()),
        Just("😀 \u{7f} \u{2028}".to_string()),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e300f64..1e300).prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        (value(), value()).prop_map(|(a, b)| Field::Set(a, b)),
        prop::collection::vec(value(), 0..3).prop_map(Field::Push),
    ]
}

/// An envelope string: plain mostly, now and then one the quick way
/// leaves to parsing (an escape or a control character).
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9-]{0,20}",
        1 => Just("a\"b\\c".to_string()),
        1 => Just("制表\t".to_string()),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let envelope = (
        (word(), word(), any::<u64>(), 0i64..4_000_000_000, word()),
        (
            prop::option::of(word()),
            prop::option::of(word()),
            word(),
            prop::option::of(word()),
            any::<bool>(),
            prop::option::of(word()),
            "[0-9a-f]{64}",
        ),
    );
    let fields = prop::collection::btree_map(text(), field(), 0..4);
    (envelope, fields).prop_map(
        |(
            ((id, replica, seq, secs, hlc), (member, item, change, reverts, more, sig, prev)),
            fields,
        )| Op {
            id,
            replica,
            seq,
            at: chrono::DateTime::from_timestamp(secs, (secs % 7) as u32 * 1_000_000)
                .unwrap()
                .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap()),
            hlc,
            member,
            item,
            change,
            fields,
            reverts,
            more,
            sig,
            prev,
            hash: String::new(),
        },
    )
}

fn line_of(mut op: Op) -> String {
    let mut line = String::from_utf8(encode_line(&mut op, Seal::Plain)).unwrap();
    line.pop();
    line
}

fn plain(s: &str) -> bool {
    !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20)
}

proptest! {
    #[test]
    fn an_operation_as_written_is_read_the_quick_way_as_parsing_reads_it(op in op()) {
        let envelope_plain = [&op.id, &op.replica, &op.hlc, &op.change, &op.prev]
            .into_iter()
            .chain([&op.member, &op.item, &op.reverts, &op.sig].into_iter().flatten())
            .all(|s| plain(s))
            && op.fields.keys().all(|k| plain(k));
        let line = line_of(op);
        let (parsed, quick) = same_as_parsing(&line);
        prop_assert!(parsed.is_some());
        prop_assert_eq!(quick, envelope_plain, "{}", line);
    }

    #[test]
    fn an_edited_line_is_read_the_quick_way_only_as_parsing_reads_it(
        op in op(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, prop::sample::select(
            b"\"\\{}[],:0123456789eE.-+ nultrfasx\x01".to_vec())), 1..4),
    ) {
        let mut bytes = line_of(op).into_bytes();
        for (at, how, b) in edits {
            let i = at.index(bytes.len() + 1);
            match how {
                0 => bytes.insert(i, b),
                1 if i < bytes.len() => { bytes.remove(i); }
                _ if i < bytes.len() => bytes[i] = b,
                _ => {}
            }
        }
        if let Ok(line) = String::from_utf8(bytes) {
            same_as_parsing(&line);
        }
    }
}

/// A line in the shape written, with `value` as the new value of a field.
fn with_value(value: &str) -> String {
    format!(
        r#"{{"id":"r-2","replica":"r","seq":2,"at":"2026-12-01T09:00:00+08:00","item":"L1","change":"edit","fields":{{"title":{{"set":[null,{value}]}}}},"prev":"{p}","hash":"{p}"}}"#,
        p = "0".repeat(64)
    )
}

#[test]
fn values_parsing_refuses_are_never_read_the_quick_way() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let refused = [
        r#""\ud800""#.to_string(),
        r#""\udc00x""#.to_string(),
        "1e400".into(),
        "-1e400".into(),
        "1".repeat(400),
        r#""\x""#.into(),
        "01".into(),
        "tru".into(),
        "\"a\u{1}b\"".into(),
        "[1,]".into(),
        "{\"a\":1,}".into(),
        "{1:2}".into(),
        nested(125),
        String::new(),
    ];
    for v in &refused {
        let (parsed, quick) = same_as_parsing(&with_value(v));
        assert!(parsed.is_none() && !quick, "{v}");
    }
    // Taken: escapes that decode, a deep but allowed nesting, the largest
    // numbers; left to parsing but read there: deeper still.
    for v in [
        r#""\ud83d\ude00 \" \\ \n \u0041""#.to_string(),
        "1.7976931348623157e308".into(),
        "18446744073709551615".into(),
        "-9223372036854775808".into(),
        nested(100),
        "{\"b\":1,\"a\":[true,false,null]}".into(),
        "{\"a\":1,\"a\":2}".into(),
    ] {
        let (parsed, quick) = same_as_parsing(&with_value(&v));
        assert!(parsed.is_some() && quick, "{v}");
    }
    let (parsed, quick) = same_as_parsing(&with_value(&nested(110)));
    assert!(parsed.is_some() && !quick);
}

#[test]
fn other_shapes_of_the_same_operation_are_left_to_parsing() {
    let base = with_value("\"新标题\"");
    assert!(scan(&base).is_some());
    let p = "0".repeat(64);
    // Each with whether parsing takes it.
    for (other, parses) in [
        (base.replace(r#""item":"L1""#, r#""item":"\u004c1""#), true),
        (
            base.replace(r#""item":"L1","#, r#""item":"L1","member":null,"#),
            true,
        ),
        (base.replace(r#","prev""#, r#","more":false,"prev""#), true),
        (base.replace("{\"id\"", "{ \"id\""), true),
        (base.replace(r#""seq":2"#, r#""seq":2.0"#), false),
        (base.replace(r#""seq":2"#, r#""seq":02"#), false),
        (
            base.replace(
                r#""fields":{"title""#,
                r#""fields":{"title":{"set":[null,"x"]},"title""#,
            ),
            true,
        ),
        (
            base.replace(
                r#""fields":{"title""#,
                r#""fields":{"zeta":{"set":[null,1]},"title""#,
            ),
            true,
        ),
        (base.replace(&format!(r#","hash":"{p}""#), ""), true),
        (
            base.replace(r#""item":"L1""#, "\"item\":\"L\u{1}1\""),
            false,
        ),
        (
            base.replace(r#""change":"edit""#, "\"change\":\"ed\nit\""),
            false,
        ),
    ] {
        let (parsed, quick) = same_as_parsing(&other);
        assert!(!quick, "{other}");
        assert_eq!(parsed.is_some(), parses, "{other}");
    }
    // Reordered fields and an escaped key still parse, and give the same
    // operation as the quick way does for the written shape.
    let escaped = base.replace(r#""item":"L1""#, r#""item":"\u004c1""#);
    let quick = scan(&base).unwrap().to_op();
    assert_eq!(serde_json::from_str::<Op>(&escaped).unwrap(), quick);
    let mut fields = BTreeMap::new();
    fields.insert(
        "title".to_string(),
        Field::Set(Value::Null, json!("新标题")),
    );
    assert_eq!(quick.fields, fields);
}

/// An operation on `item` (none: the fields around the items) changing
/// `fields`, as its line is read the quick way.
fn op_on(item: Option<&str>, change: &str, fields: &[(&str, Field)]) -> Op {
    Op {
        id: "r-5".into(),
        replica: "r".into(),
        seq: 5,
        at: crate::model::testing::now(),
        hlc: String::new(),
        member: None,
        item: item.map(Into::into),
        change: change.into(),
        fields: fields
            .iter()
            .map(|(k, f)| (k.to_string(), f.clone()))
            .collect(),
        reverts: None,
        more: false,
        sig: None,
        prev: "0".repeat(64),
        hash: String::new(),
    }
}

#[test]
fn a_line_applies_as_its_op_does_errors_included() {
    use super::super::{WHOLE, apply, apply_line, positions};
    use crate::model::{Item, Kind, State};

    let now = crate::model::testing::now();
    let mut base = State::default();
    for (kind, title) in [(Kind::Logistics, "订车"), (Kind::Meeting, "约谈")] {
        base.add(Item::new(kind, title, now)).unwrap();
    }
    let mut new_item = Item::new(Kind::Document, "合同", now);
    new_item.id = "D9".into();
    let whole = serde_json::to_value(&new_item).unwrap();
    let existing = serde_json::to_value(&base.items[0]).unwrap();
    let note = json!({"at": "2026-11-26T09:00:00Z", "text": "车队回复：周四两辆车"});
    let set = |v: Value| Field::Set(Value::Null, v);
    let cases = [
        op_on(
            Some("L1"),
            "note",
            &[("notes", Field::Push(vec![note.clone()]))],
        ),
        op_on(
            Some("L1"),
            "note",
            &[("notes", Field::Push(vec![json!({"text": "x"})]))],
        ),
        op_on(Some("L1"), "edit", &[("title", set(Value::Null))]),
        op_on(Some("L1"), "edit", &[("title", set(json!(3)))]),
        op_on(Some("L1"), "edit", &[("kind", set(json!("document")))]),
        op_on(Some("L1"), "edit", &[("id", set(json!("L7")))]),
        op_on(Some("X9"), "edit", &[("title", set(json!("无")))]),
        op_on(Some("D9"), "add", &[(WHOLE, set(whole.clone()))]),
        op_on(Some("L1"), "add", &[(WHOLE, set(existing.clone()))]),
        op_on(Some("D8"), "add", &[(WHOLE, set(json!({"id": "D8"})))]),
        op_on(
            Some("M1"),
            "delete",
            &[(WHOLE, Field::Set(json!({}), Value::Null))],
        ),
        op_on(
            Some("X9"),
            "delete",
            &[(WHOLE, Field::Set(json!({}), Value::Null))],
        ),
        op_on(Some("L1"), "edit", &[(WHOLE, Field::Set(existing, whole))]),
        op_on(None, "inbox", &[("inbox", Field::Push(vec![note]))]),
        op_on(None, "edit", &[("inspection", set(json!("巡视")))]),
        op_on(None, "snapshot", &[("snapshot", set(json!("ab")))]),
    ];
    assert_eq!(
        (base.items[0].id.as_str(), base.items[1].id.as_str()),
        ("L1", "M1")
    );
    let mut outcomes = Vec::new();
    for op in cases {
        let text = line_of(op);
        let line = scan(&text).expect("read the quick way");
        let parsed: Op = serde_json::from_str(&text).unwrap();
        for indexed in [false, true] {
            let index = |s: &State| indexed.then(|| positions(s));
            let (mut quick, mut slow) = (base.clone(), base.clone());
            let (mut qi, mut si) = (index(&base), index(&base));
            let q = apply_line(&mut quick, &line, &mut qi);
            let s = apply(&mut slow, &parsed, &mut si);
            assert_eq!(q, s, "{text}");
            assert_eq!(quick, slow, "{text}");
            assert_eq!(qi, si, "{text}");
            outcomes.push(q.is_ok());
        }
    }
    // The note, the add and the delete apply; the bad note, the second add
    // of L1 and the delete of what is not there do not.
    for (case, ok) in [
        (0, true),
        (7, true),
        (10, true),
        (1, false),
        (8, false),
        (11, false),
    ] {
        assert_eq!(outcomes[2 * case], ok, "case {case}");
    }
}

//! The listing's sort key orders as the kind and time it stands for.

use proptest::prelude::*;

use super::row::order;
use crate::model::{Item, Kind, Time};

fn time() -> impl Strategy<Value = Option<Time>> {
    let min = chrono::DateTime::<chrono::Utc>::MIN_UTC.timestamp();
    let max = chrono::DateTime::<chrono::Utc>::MAX_UTC.timestamp();
    let instant = prop_oneof![
        min..=max,
        -62_135_596_800i64..=253_402_300_799,
        Just(min),
        Just(max),
        Just(0),
    ];
    let offset = -86_399i32..=86_399;
    prop_oneof![
        1 => Just(None),
        6 => (instant, 0u32..2_000_000_000, offset).prop_map(|(s, n, o)| {
            chrono::DateTime::from_timestamp(s, n).and_then(|t| {
                Some(t.with_timezone(&chrono::FixedOffset::east_opt(o)?))
            })
        }),
    ]
}

fn item() -> impl Strategy<Value = Item> {
    (0..Kind::ALL.len(), time(), time()).prop_map(|(k, due, start)| {
        let mut item = Item::new(
            Kind::ALL[k],
            "x",
            chrono::DateTime::UNIX_EPOCH.fixed_offset(),
        );
        item.due = due;
        item.start = start;
        item
    })
}

proptest! {
    #[test]
    fn the_key_orders_as_kind_then_time_with_none_last(a in item(), b in item()) {
        let tuple = |i: &Item| (i.kind, i.when().is_none(), i.when());
        prop_assert_eq!(order(&a).cmp(&order(&b)), tuple(&a).cmp(&tuple(&b)));
        // The same instant written in another offset sorts the same.
        let mut elsewhere = a.clone();
        let east = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
        elsewhere.due = a.due.map(|t| t.with_timezone(&east));
        elsewhere.start = a.start.map(|t| t.with_timezone(&east));
        prop_assert_eq!(order(&a), order(&elsewhere));
    }
}

//! Any text as a date phrase, at any clock in 2000–2090 and any offset: the
//! reader refuses it or gives a time in its documented years, the same
//! every time, that reads back the same when written out; it never panics.

#![no_main]

use chrono::{FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use liaison::model::when::{Context, Purpose, Settings, YEARS, Zone, read_in};

fuzz_target!(|input: (u32, i8, bool, &str)| {
    let (secs, quarters, due, text) = input;
    let Some(offset) = FixedOffset::east_opt(i32::from(quarters.clamp(-48, 56)) * 900) else {
        return;
    };
    // 2000-01-01 plus up to 90 years.
    let secs = 946_684_800 + i64::from(secs % 2_840_140_800);
    let Some(now) = offset.timestamp_opt(secs, 0).single() else {
        return;
    };
    let purpose = if due { Purpose::Due } else { Purpose::Start };
    let cx = Context {
        now,
        zone: Zone::Fixed(offset),
        purpose,
        settings: Settings::default(),
    };
    let first = read_in(text, &cx);
    if let Ok(r) = &first {
        use chrono::Datelike;
        assert!(YEARS.contains(&r.at.year()), "{text:?} at {now} gave {}", r.at);
        let years = (r.at - now).num_days().abs() / 366;
        assert!(years <= 130, "{text:?} at {now} gave {}", r.at);
        // What it gave, written out plainly in the local time, reads back as
        // the same instant.
        let written = cx.zone.show(r.at).format("%Y-%m-%d %H:%M:%S").to_string();
        let back = read_in(&written, &cx).map(|b| b.at);
        assert_eq!(back, Ok(r.at), "{text:?} at {now} gave {} via {written}", r.at);
    }
    assert_eq!(read_in(text, &cx), first, "{text:?} read twice");
});

//! The tests' one fixed clock: Wednesday 25 November 2026, 10:00 in UTC+8,
//! for the binary (`LIAISON_NOW`) and for the library alike.
#![allow(dead_code)]

use liaison::model::Time;

pub const NOW: &str = "2026-11-25T10:00:00+08:00";

pub fn now() -> Time {
    chrono::DateTime::parse_from_rfc3339(NOW).expect("a valid time")
}

//! What the tests share: the fixed clock every test reads its time from.

use super::Time;

/// Wednesday 25 November 2026, 10:00 in Beijing: the tests' fixed now.
pub fn now() -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00+08:00").expect("a valid time")
}

/// `minutes` after [`now`].
pub fn at(minutes: i64) -> Time {
    now() + chrono::Duration::minutes(minutes)
}

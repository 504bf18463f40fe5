//! The hybrid logical clock of operations: the wall time in milliseconds
//! and a counter, written `{wall_ms:013}-{counter:04}` so that text order is
//! time order. A replica stamps each change later than the latest stamp it
//! has seen from anyone, so a change made after taking in another
//! replica's operations sorts after them even when the clocks disagree.

use crate::model::Time;

/// The counter's largest value before the clock moves on a millisecond.
const COUNTER_MAX: u32 = 9999;

/// Reads a stamp: (wall ms, counter); none for an empty or odd one.
pub fn parse(hlc: &str) -> Option<(i64, u32)> {
    let (wall, counter) = hlc.split_once('-')?;
    Some((wall.parse().ok()?, counter.parse().ok()?))
}

fn format(wall: i64, counter: u32) -> String {
    format!("{:013}-{:04}", wall.max(0), counter)
}

/// The stamp of a change made at `now` after `latest` (the latest stamp
/// seen): the wall clock when it is ahead, else one tick after `latest`.
pub fn stamp(now: Time, latest: &str) -> String {
    let wall = now.timestamp_millis();
    match parse(latest) {
        Some((w, c)) if w >= wall => {
            if c >= COUNTER_MAX {
                format(w + 1, 0)
            } else {
                format(w, c + 1)
            }
        }
        _ => format(wall, 0),
    }
}

/// The later of two stamps (an empty one is earliest).
pub fn later(a: &str, b: &str) -> String {
    if b > a { b.to_string() } else { a.to_string() }
}

/// The latest stamp among `ops`.
pub fn latest(ops: &[super::Op]) -> String {
    ops.iter()
        .map(|o| o.hlc.as_str())
        .max()
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::now;

    #[test]
    fn a_stamp_follows_the_wall_clock_when_it_is_ahead() {
        let t = now();
        let s = stamp(t, "");
        assert_eq!(s, format(t.timestamp_millis(), 0));
        let behind = format(t.timestamp_millis() - 5000, 7);
        assert_eq!(stamp(t, &behind), s);
    }

    #[test]
    fn a_stamp_after_a_later_one_seen_counts_on_from_it() {
        let t = now();
        let ahead = format(t.timestamp_millis() + 60_000, 3);
        let s = stamp(t, &ahead);
        assert!(s > ahead, "{s} must sort after {ahead}");
        assert_eq!(parse(&s), Some((t.timestamp_millis() + 60_000, 4)));
        let full = format(t.timestamp_millis() + 60_000, COUNTER_MAX);
        assert!(stamp(t, &full) > full);
    }

    #[test]
    fn stamps_sort_as_text_in_time_order() {
        let a = format(999, 12);
        let b = format(1000, 0);
        assert!(a < b, "text order must be time order");
        assert_eq!(later(&a, &b), b);
        assert_eq!(later(&b, ""), b);
    }
}

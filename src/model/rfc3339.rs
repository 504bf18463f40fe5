//! Times as RFC 3339 text, fast.
//!
//! `state.json` holds about nine times per item, so at 10,000 items chrono's
//! general-purpose formatter and parser were close to half of every load and
//! save. The common shape (`2026-11-25T10:00:00+08:00`, a fraction of 3, 6 or
//! 9 digits, `Z` for UTC) is written and read here directly; the text is
//! byte for byte what chrono writes, and anything else goes to chrono.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat};
use serde::{Deserializer, Serializer, de};

use super::Time;

/// A formatted time, kept on the stack.
pub struct Text {
    buf: [u8; 48],
    len: usize,
}

impl Text {
    pub fn as_str(&self) -> &str {
        // Only ASCII digits and punctuation are written, or a whole `&str`.
        std::str::from_utf8(&self.buf[..self.len]).expect("ASCII")
    }

    fn push(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    /// `n` (below 10^digits) with `digits` digits, zero-padded.
    fn digits(&mut self, mut n: u32, digits: usize) {
        for i in (0..digits).rev() {
            self.buf[self.len + i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.len += digits;
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `t` as chrono's `to_rfc3339_opts(SecondsFormat::AutoSi, use_z)` writes it.
pub fn format(t: &Time, use_z: bool) -> Text {
    let mut out = Text {
        buf: [0; 48],
        len: 0,
    };
    let offset = t.offset().local_minus_utc();
    let local = t.timestamp() + i64::from(offset);
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400) as u32);
    let (year, month, day) = civil_from_days(days);
    let nano = t.timestamp_subsec_nanos();
    if !(0..=9999).contains(&year) || nano >= 1_000_000_000 || offset % 60 != 0 {
        // Signed years, leap seconds and offsets with seconds: chrono's own.
        let text = t.to_rfc3339_opts(SecondsFormat::AutoSi, use_z);
        out.buf[..text.len()].copy_from_slice(text.as_bytes());
        out.len = text.len();
        return out;
    }
    out.digits(year as u32, 4);
    out.push(b'-');
    out.digits(month, 2);
    out.push(b'-');
    out.digits(day, 2);
    out.push(b'T');
    out.digits(secs / 3600, 2);
    out.push(b':');
    out.digits(secs / 60 % 60, 2);
    out.push(b':');
    out.digits(secs % 60, 2);
    if nano != 0 {
        out.push(b'.');
        if nano.is_multiple_of(1_000_000) {
            out.digits(nano / 1_000_000, 3);
        } else if nano.is_multiple_of(1_000) {
            out.digits(nano / 1_000, 6);
        } else {
            out.digits(nano, 9);
        }
    }
    if offset == 0 && use_z {
        out.push(b'Z');
    } else {
        out.push(if offset < 0 { b'-' } else { b'+' });
        let minutes = offset.unsigned_abs() / 60;
        out.digits(minutes / 60, 2);
        out.push(b':');
        out.digits(minutes % 60, 2);
    }
    out
}

/// The proleptic Gregorian (year, month, day) of a count of days since
/// 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Reads a time the way chrono's `FromStr` does: the common shape directly,
/// anything else (and every error) through chrono.
pub fn parse(s: &str) -> Result<Time, chrono::ParseError> {
    match parse_common(s.as_bytes()) {
        Some(t) => Ok(t),
        None => s.parse(),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)`, or none.
fn parse_common(b: &[u8]) -> Option<Time> {
    fn num(b: &[u8]) -> Option<u32> {
        b.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    }
    if b.len() < 20 || [b[4], b[7], b[10], b[13], b[16]] != *b"--T::" {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(&b[0..4])? as i32, num(&b[5..7])?, num(&b[8..10])?)?;
    let (h, m, s) = (num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?);
    let mut rest = &b[19..];
    let mut nano = 0;
    if rest.first() == Some(&b'.') {
        let digits = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&digits) {
            return None;
        }
        nano = num(&rest[1..=digits])? * 10u32.pow(9 - digits as u32);
        rest = &rest[1 + digits..];
    }
    let offset = match rest {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (hours, minutes) = (num(&[*h1, *h2])?, num(&[*m1, *m2])?);
            if minutes > 59 {
                return None;
            }
            let minutes = hours * 60 + minutes;
            let secs = minutes as i32 * 60;
            if *sign == b'-' { -secs } else { secs }
        }
        _ => return None,
    };
    // Seconds above 59 (leap seconds) are left to chrono.
    if s > 59 {
        return None;
    }
    let time = NaiveTime::from_hms_nano_opt(h, m, s, nano)?;
    let offset = FixedOffset::east_opt(offset)?;
    let utc = NaiveDateTime::new(date, time).checked_sub_offset(offset)?;
    Some(DateTime::from_naive_utc_and_offset(utc, offset))
}

struct Visitor;

impl de::Visitor<'_> for Visitor {
    type Value = Time;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Time, E> {
        parse(s).map_err(E::custom)
    }
}

/// For `#[serde(with = "rfc3339")]` on a `Time`: the same text and the same
/// errors as chrono's own serde support.
pub fn serialize<S: Serializer>(t: &Time, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(format(t, true).as_str())
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
    d.deserialize_str(Visitor)
}

/// For `#[serde(with = "rfc3339::option")]` on an `Option<Time>`.
pub mod option {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Time;

    pub fn serialize<S: Serializer>(t: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Time>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super")] Time);
        Ok(Option::<Wrap>::deserialize(d)?.map(|Wrap(t)| t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono_text(t: &Time, use_z: bool) -> String {
        t.to_rfc3339_opts(SecondsFormat::AutoSi, use_z)
    }

    /// Any instant from year 1 to 9999, to the nanosecond, in any offset
    /// (whole minutes mostly, seconds sometimes).
    fn time() -> impl Strategy<Value = Time> {
        let nanos = prop_oneof![
            Just(0u32),
            (0u32..1000).prop_map(|ms| ms * 1_000_000),
            (0u32..1_000_000).prop_map(|us| us * 1000),
            0u32..1_000_000_000,
        ];
        let offset = prop_oneof![
            Just(0),
            (-(23 * 60)..=(23 * 60i32)).prop_map(|m| m * 60),
            -86_399..86_400i32,
        ];
        (-62_135_596_800i64..253_402_300_799, nanos, offset).prop_map(|(secs, nanos, offset)| {
            let offset = FixedOffset::east_opt(offset).unwrap();
            DateTime::from_timestamp(secs, nanos)
                .unwrap()
                .with_timezone(&offset)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn writes_what_chrono_writes(t in time(), use_z: bool) {
            let ours = format(&t, use_z);
            prop_assert_eq!(ours.as_str(), chrono_text(&t, use_z));
        }

        #[test]
        fn reads_what_chrono_reads(t in time(), use_z: bool) {
            let text = chrono_text(&t, use_z);
            prop_assert_eq!(parse(&text), text.parse::<Time>());
            if t.offset().local_minus_utc() % 60 == 0 {
                // (chrono writes an offset to the minute.)
                prop_assert_eq!(parse(&text).unwrap(), t);
            }
        }

        #[test]
        fn near_misses_read_as_chrono_reads_them(
            t in time(),
            at in any::<prop::sample::Index>(),
            with in prop::sample::select(b"0123456789+-:.TtZz ,x".to_vec()),
        ) {
            let mut text = chrono_text(&t, true).into_bytes();
            let at = at.index(text.len());
            text[at] = with;
            let text = String::from_utf8(text).unwrap();
            prop_assert_eq!(parse(&text), text.parse::<Time>(), "{}", text);
        }
    }

    #[test]
    fn odd_shapes_go_to_chrono() {
        for text in [
            "2026-11-25T10:00:00+08:00",
            "2026-11-25 10:00:00+08:00",
            "2026-11-25t10:00:00z",
            "2026-11-25T10:00:00.5+08:00",
            "2026-11-25T10:00:00.1234567891+08:00",
            "2026-11-25T10:00:00.+08:00",
            "2026-11-25T10:00:00-00:00",
            "2026-11-25T10:00:00+0800",
            "2026-11-25T10:00:00+24:00",
            "2026-11-25T10:00:60+08:00",
            "2016-12-31T23:59:60Z",
            "2026-02-29T10:00:00Z",
            "2026-11-25T24:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999-23:59",
            "+12026-11-25T10:00:00Z",
            "２026-11-25T10:00:00Z",
            "",
        ] {
            assert_eq!(parse(text), text.parse::<Time>(), "{text}");
        }
    }
}

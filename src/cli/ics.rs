//! `liaison export --format ics`: the meetings as an iCalendar file
//! (RFC 5545), one VEVENT each.
//!
//! Written by hand, it is short: times in UTC (`…Z`, so no VTIMEZONE is
//! needed), text escaped (`\\`, `\;`, `\,`, `\n`), lines folded at 75 octets
//! without splitting a character, CRLF line ends. What leaves the machine is
//! the title, the times, the place and a description of type and attendees:
//! never notes, and of a secret or confidential item nothing but its title
//! and times. DTSTAMP is the item's last change, so an unchanged meeting
//! exports the same every time.

use chrono::Utc;

use super::{CliError, Ctx};
use crate::i18n::{self, Lang, T, tr, trf};
use crate::model::{Item, MeetingType, State, Status, Time};

/// The calendar text and the ids of the meetings left out (no start).
pub struct Calendar {
    pub text: String,
    pub left_out: Vec<String>,
}

/// Every meeting of `state` with a start, in order of start, described in
/// `lang`.
pub fn calendar(state: &State, lang: Lang) -> Calendar {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//liaison//liaison//EN",
        "CALSCALE:GREGORIAN",
    ] {
        property(&mut out, line);
    }
    let mut meetings: Vec<(Time, Time, &Item)> = state
        .items
        .iter()
        .filter_map(|item| item.span().map(|(s, e)| (s, e, item)))
        .collect();
    meetings.sort_by(|a, b| (a.0, &a.2.id).cmp(&(b.0, &b.2.id)));
    for (start, end, item) in meetings {
        event(&mut out, item, start, end, lang);
    }
    property(&mut out, "END:VCALENDAR");
    let left_out = state
        .items
        .iter()
        .filter(|i| i.kind == crate::model::Kind::Meeting && i.span().is_none())
        .map(|i| i.id.clone())
        .collect();
    Calendar {
        text: out,
        left_out,
    }
}

fn event(out: &mut String, item: &Item, start: Time, end: Time, lang: Lang) {
    property(out, "BEGIN:VEVENT");
    property(
        out,
        // Escaped like every other value: an id from a hand-edited file
        // must not end the line and start a property of its own.
        &format!("UID:{}-{}@liaison", escape(&item.id), utc(item.created)),
    );
    property(out, &format!("DTSTAMP:{}", utc(item.updated)));
    property(out, &format!("DTSTART:{}", utc(start)));
    property(out, &format!("DTEND:{}", utc(end)));
    property(out, &format!("SUMMARY:{}", escape(&item.title)));
    if !item.is_sensitive() {
        if let Some(place) = &item.place {
            property(out, &format!("LOCATION:{}", escape(place)));
        }
        property(
            out,
            &format!("DESCRIPTION:{}", escape(&description(item, lang))),
        );
    }
    if item.status == Status::Cancelled {
        property(out, "STATUS:CANCELLED");
    }
    property(out, "END:VEVENT");
}

/// The type and the attendees, one per line.
fn description(item: &Item, lang: Lang) -> String {
    let kind = i18n::meeting_type(lang, item.meeting_type.unwrap_or(MeetingType::Meeting));
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    let mut text = format!("{}{sep}{kind}", tr(lang, T::FieldType));
    if !item.attendees.is_empty() {
        let with = i18n::join(lang, &item.attendees);
        text.push_str(&format!("\n{}{sep}{with}", tr(lang, T::FieldWith)));
    }
    text
}

/// A time in UTC, basic format: `20261125T020000Z`.
fn utc(t: Time) -> String {
    t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// line breaks; other control characters, which TEXT cannot hold, dropped;
/// bidi controls and invisible characters shown as `<U+202E>`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            // A backslash would start an escape iCalendar does not have.
            c if crate::sanitize::is_invisible(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded (§3.1): no physical line longer than 75
/// octets, a character never split, each continuation starting with a space,
/// every line ended by CRLF.
pub fn property(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// Writes the calendar to `out` or stdout; says on stderr which meetings
/// were left out for want of a start.
pub fn run(ctx: &Ctx, out: Option<&std::path::Path>) -> Result<(), CliError> {
    let snap = ctx.load()?;
    let cal = calendar(&snap.state, ctx.lang);
    for id in &cal.left_out {
        say!("liaison: {}", trf(ctx.lang, T::LeftOutOfCalendar, &[id]));
    }
    // Every value went through `escape`: no control or invisible character
    // is left but the CRLF line ends.
    super::write_out(ctx, out, cal.text.as_bytes())
}

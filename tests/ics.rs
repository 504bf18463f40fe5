//! The iCalendar export: a golden file from a fixed fixture, compared byte
//! for byte, and an independent reading of it (unfold, unescape) that checks
//! the rules of RFC 5545 the writer must keep.
//!
//! `LIAISON_BLESS=1 cargo test --test ics` rewrites the golden file; read the
//! diff before committing it.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use liaison::cli::ics::{calendar, escape, property};
use liaison::i18n::Lang;
use liaison::model::{Class, Item, Kind, MeetingType, Note, State, Status, Time};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/meetings.ics");
const SECRET: &str = "NEVER-EXPORTED";

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn meeting(title: &str, kind: MeetingType, start: Option<&str>, end: Option<&str>) -> Item {
    let mut m = Item::new(Kind::Meeting, title, t("2026-11-20T08:00:00+08:00"));
    m.meeting_type = Some(kind);
    m.start = start.map(t);
    m.end = end.map(t);
    m.notes.push(Note {
        at: t("2026-11-20T09:00:00+08:00"),
        text: format!("问：{SECRET}"),
    });
    m
}

/// Meetings with Chinese titles, commas, semicolons, backslashes, newlines,
/// long lines, another offset, no end, no start; a secret document.
fn fixture() -> State {
    let mut s = State::default();
    let mut m1 = meeting(
        "巡察工作动员会",
        MeetingType::Meeting,
        Some("2026-11-25T09:30:00+08:00"),
        Some("2026-11-25T11:00:00+08:00"),
    );
    m1.place = Some("本部三楼大会议室".into());
    m1.attendees = vec!["全体组员".into(), "被巡察单位班子成员".into()];
    m1.updated = t("2026-11-24T17:45:10+08:00");
    let mut m2 = meeting(
        "个别谈话：财务部负责人; 王某, 李某",
        MeetingType::Interview,
        Some("2026-11-25T14:30:00+08:00"),
        None,
    );
    m2.place = Some(r"驻地二楼谈话室\B座".into());
    m2.attendees = vec!["组长".into(), "联络员（记录）".into()];
    let mut m3 = meeting(
        "听取党委工作情况汇报暨被巡察单位班子成员述责述廉与财务收支情况说明会",
        MeetingType::Hearing,
        Some("2026-11-26T07:00:00+08:00"),
        Some("2026-11-26T08:30:00+08:00"),
    );
    m3.place = Some("三楼大会议室,第二会场;视频分会场".into());
    m3.attendees = [
        "党委书记",
        "纪委书记",
        "财务部负责人",
        "工程管理部负责人",
        "组织人事部负责人",
    ]
    .map(String::from)
    .to_vec();
    let mut m4 = meeting(
        "Field visit: toll station\nsecond line \\ with a backslash",
        MeetingType::Visit,
        Some("2026-11-27T09:00:00+05:00"),
        Some("2026-11-27T12:00:00+05:00"),
    );
    m4.status = Status::Cancelled;
    m4.attendees = vec!["Investigation group, team 2".into()];
    let mut m5 = meeting(
        "Training on interview technique and working papers for all members of the team",
        MeetingType::Training,
        Some("2026-11-24T15:00:00+08:00"),
        Some("2026-11-24T17:00:00+08:00"),
    );
    m5.status = Status::Done;
    let m6 = meeting("下沉调研：时间待定", MeetingType::Visit, None, None);
    let mut doc = Item::new(
        Kind::Document,
        "信访举报件复印件",
        t("2026-11-20T08:00:00+08:00"),
    );
    doc.class = Some(Class::Confidential);
    doc.meeting = Some("M2".into());
    doc.notes.push(Note {
        at: t("2026-11-20T09:00:00+08:00"),
        text: SECRET.into(),
    });
    for item in [m1, m2, m3, m4, m5, m6, doc] {
        s.add(item).unwrap();
    }
    s
}

#[test]
fn the_calendar_matches_the_golden_file() {
    let cal = calendar(&fixture(), Lang::En);
    assert_eq!(cal.left_out, ["M6"]);
    if std::env::var_os("LIAISON_BLESS").is_some() {
        fs::write(GOLDEN, &cal.text).unwrap();
    }
    let golden = fs::read_to_string(Path::new(GOLDEN)).unwrap();
    assert!(
        cal.text == golden,
        "the calendar differs from {GOLDEN}:\n{}",
        cal.text
    );
}

/// The physical lines: CRLF after each, no other CR or LF, at most 75
/// octets, each valid UTF-8 on its own (so no character was split).
fn physical_lines(bytes: &[u8]) -> Vec<String> {
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    assert_eq!(lines.pop(), Some(&b""[..]), "the last line ends in LF");
    lines
        .into_iter()
        .map(|line| {
            let line = line
                .strip_suffix(b"\r")
                .expect("every LF follows a CR, so every line ends in CRLF");
            assert!(!line.contains(&b'\r'), "a bare CR");
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            String::from_utf8(line.to_vec()).expect("a character split by folding")
        })
        .collect()
}

/// Content lines, unfolded, as (name, raw value).
fn unfold(bytes: &[u8]) -> Vec<(String, String)> {
    let mut lines: Vec<String> = Vec::new();
    for line in physical_lines(bytes) {
        match line.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a first line").push_str(rest),
            None => lines.push(line),
        }
    }
    lines
        .into_iter()
        .map(|l| {
            let (name, value) = l.split_once(':').expect("NAME:value");
            (name.to_string(), value.to_string())
        })
        .collect()
}

fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            assert!(c != ';' && c != ',', "unescaped {c:?} in {v:?}");
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ';' | ',')) => out.push(c),
            other => panic!("bad escape \\{other:?} in {v:?}"),
        }
    }
    out
}

fn utc(v: &str) -> DateTime<Utc> {
    assert!(v.ends_with('Z'), "{v} is not UTC");
    NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%SZ")
        .unwrap()
        .and_utc()
}

#[test]
fn the_calendar_reads_back_to_the_meetings() {
    let state = fixture();
    for lang in [Lang::En, Lang::Zh] {
        let text = calendar(&state, lang).text;
        assert!(!text.contains(SECRET) && !text.contains("信访"), "{text}");
        let props = unfold(text.as_bytes());
        assert_eq!(props.first().unwrap().0, "BEGIN");
        assert_eq!(props.last().unwrap(), &("END".into(), "VCALENDAR".into()));
        let events: Vec<&[(String, String)]> = props
            .split(|(n, v)| n == "BEGIN" && v == "VEVENT")
            .skip(1)
            .collect();
        assert_eq!(events.len(), 5, "every meeting with a start");
        let mut uids = Vec::new();
        for event in events {
            let get = |name: &str| {
                event
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str())
            };
            let title = unescape(get("SUMMARY").unwrap());
            let item = state.items.iter().find(|i| i.title == title).unwrap();
            let start = item.start.unwrap();
            assert_eq!(utc(get("DTSTART").unwrap()), start);
            let end = item.end.unwrap_or(start + Duration::hours(1));
            assert_eq!(utc(get("DTEND").unwrap()), end);
            assert_eq!(utc(get("DTSTAMP").unwrap()), item.updated);
            assert_eq!(get("LOCATION").map(unescape), item.place.clone());
            let description = unescape(get("DESCRIPTION").unwrap());
            for person in &item.attendees {
                assert!(description.contains(person.as_str()), "{description}");
            }
            let cancelled = get("STATUS") == Some("CANCELLED");
            assert_eq!(cancelled, item.status == Status::Cancelled);
            uids.push(get("UID").unwrap().to_string());
        }
        uids.sort();
        uids.dedup();
        assert_eq!(uids.len(), 5, "a UID per meeting");
    }
}

#[test]
fn the_uid_stays_when_the_meeting_changes() {
    let mut state = fixture();
    let uid = |s: &State| {
        let text = calendar(s, Lang::En).text;
        unfold(text.as_bytes())
            .into_iter()
            .find(|(n, v)| n == "UID" && v.starts_with("M1-"))
            .unwrap()
            .1
    };
    let before = uid(&state);
    let mut m1 = state.get("M1").unwrap().clone();
    m1.title = "动员会（改期）".into();
    m1.start = Some(t("2026-11-28T09:00:00+08:00"));
    m1.end = None;
    state.replace(m1, t("2026-11-25T10:00:00+08:00")).unwrap();
    assert_eq!(uid(&state), before);
    assert_eq!(before, "M1-20261120T000000Z@liaison");
}

#[test]
fn a_secret_meeting_shows_its_title_and_times_only() {
    // Not something the model lets in; a hand-edited file could hold it.
    let mut state = State::default();
    let mut m = meeting(
        "专项谈话",
        MeetingType::Interview,
        Some("2026-11-25T09:00:00+08:00"),
        None,
    );
    m.place = Some(format!("{SECRET}-place"));
    m.attendees = vec![format!("{SECRET}-person")];
    m.class = Some(Class::Secret);
    m.id = "M1".into();
    state.items.push(m);
    let text = calendar(&state, Lang::Zh).text;
    assert!(text.contains("SUMMARY:专项谈话\r\n"), "{text}");
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains("DESCRIPTION") && !text.contains("LOCATION"));
}

#[test]
fn folding_keeps_characters_whole_at_the_75th_octet() {
    let fold = |s: &str| {
        let mut out = String::new();
        property(&mut out, s);
        out
    };
    let ascii75 = "A".repeat(75);
    assert_eq!(fold(&ascii75), format!("{ascii75}\r\n"));
    let ascii76 = "A".repeat(76);
    assert_eq!(fold(&ascii76), format!("{ascii75}\r\n A\r\n"));
    // 73 octets, then a 3-octet character that would end at octet 76.
    let s = format!("{}中文", "A".repeat(73));
    assert_eq!(fold(&s), format!("{}\r\n 中文\r\n", "A".repeat(73)));
    // A 4-octet character that fits exactly.
    let s = format!("{}😀B", "A".repeat(71));
    assert_eq!(fold(&s), format!("{}😀\r\n B\r\n", "A".repeat(71)));
    // Continuation lines hold 74 octets after their space.
    let long = "B".repeat(75 + 74 + 1);
    let folded = fold(&long);
    let lines: Vec<&str> = folded.split("\r\n").collect();
    assert_eq!(lines[1].len(), 75);
    assert_eq!(lines[2], " B");
}

#[test]
fn text_is_escaped() {
    assert_eq!(escape(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(escape("一\r\n二\n三\r四"), r"一\n二\n三\n四");
    assert_eq!(escape("tab\there\u{7}bell"), "tab\therebell");
}

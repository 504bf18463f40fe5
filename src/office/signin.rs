//! Meetings on paper: a sign-in sheet for one meeting, and how the
//! interview schedule reads a meeting's time and who records.

use super::Book;
use super::Sheet;
use super::sheets::{frame, heads, opt_when, when};
use crate::i18n::{Lang, O, ot, otf};
use crate::model::{Item, Kind, ModelError, State, Time};

/// Rows left blank under a sign-in sheet's attendees for those who come
/// without being on the list.
pub const WALK_INS: usize = 8;

/// A meeting's time: `2026-11-25 14:30–15:30` (the end's date when another day).
pub fn span(m: &Item) -> String {
    match (m.start, m.end) {
        (Some(s), Some(e)) => {
            let e = e.with_timezone(s.offset());
            let end = if e.date_naive() == s.date_naive() {
                e.format("%H:%M").to_string()
            } else {
                when(e)
            };
            format!("{}–{end}", when(s))
        }
        (s, _) => opt_when(s.or(m.due)),
    }
}

/// Who talks and who records: an attendee written with `记录` or
/// `(recorder)` records; else, as talks are two-to-one at least and one of
/// the two records, the last of two or more does.
pub fn recorder(attendees: &[String]) -> (Vec<String>, String) {
    const MARKS: [&str; 5] = ["（记录）", "(记录)", "(recorder)", " recorder", "记录"];
    let marked = attendees
        .iter()
        .position(|a| MARKS.iter().any(|m| a.ends_with(m) && a.len() > m.len()));
    let mut rest = attendees.to_vec();
    match marked {
        Some(i) => {
            let a = rest.remove(i);
            let name = MARKS
                .iter()
                .find_map(|m| a.strip_suffix(m))
                .unwrap_or(&a)
                .trim()
                .to_string();
            (rest, name)
        }
        None if rest.len() >= 2 => {
            let last = rest.pop().unwrap_or_default();
            (rest, last)
        }
        None => (rest, String::new()),
    }
}

/// A sign-in sheet for the meeting `id`: its title, time and place, then a
/// numbered row per attendee with a blank signature cell, and blank rows for
/// those not on the list.
pub fn sign_in(state: &State, id: &str, now: Time, lang: Lang) -> Result<Book, ModelError> {
    let m = state
        .get(id)
        .ok_or_else(|| ModelError::UnknownId(id.trim().to_string()))?;
    if m.kind != Kind::Meeting {
        return Err(ModelError::Refused(otf(lang, O::ErrNotMeeting, &[&m.id])));
    }
    let lead = vec![
        [ot(lang, O::SignMeeting).to_string(), m.title.clone()],
        [ot(lang, O::ColTime).to_string(), span(m)],
        [
            ot(lang, O::ColPlace).to_string(),
            m.place.clone().unwrap_or_default(),
        ],
    ];
    let n = m.attendees.len();
    let rows = (0..n + WALK_INS)
        .map(|i| {
            let name = m.attendees.get(i).cloned().unwrap_or_default();
            vec![(i + 1).to_string(), name, String::new(), String::new()]
        })
        .collect();
    let sheet = Sheet {
        name: ot(lang, O::SheetSignIn).to_string(),
        lead,
        head: heads(lang, &[O::ColSeq, O::ColName, O::ColUnit, O::ColSignature]),
        rows,
        // The unit or title is written by hand too.
        sign: vec![2, 3],
    };
    Ok(frame(state, now, lang, vec![sheet]))
}

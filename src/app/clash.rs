//! What the dashboard says when a meeting it saved clashes with others:
//! which meeting, when, and whether the room or a person is double-booked,
//! as the command line warns.

use super::App;
use crate::i18n::{self, T, trf};
use crate::model::meeting;

/// Says the save of `id`, naming the first meeting it clashes with (and
/// the ids of any others) as a warning; a plain "saved" otherwise.
pub(super) fn say_saved(app: &mut App, id: &str) {
    match clash_line(app, id) {
        Some(line) => app.warn(line),
        None => app.say(trf(app.lang, T::Saved, &[&id])),
    }
}

fn clash_line(app: &App, id: &str) -> Option<String> {
    let state = &app.snap.state;
    let others = meeting::conflicts(state, id);
    let (me, them) = (state.get(id)?, state.get(others.first()?)?);
    let when = meeting::span_text(them)?;
    let lang = app.lang;
    let what = i18n::clash_what(lang, me, them);
    let title = one_line(&them.title);
    let mut line = trf(lang, T::ClashSaved, &[&id, &them.id, &title, &when, &what]);
    if others.len() > 1 {
        line.push_str(&trf(lang, T::ClashAlso, &[&i18n::join(lang, &others[1..])]));
    }
    Some(line)
}

/// A title on one line, for the status line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

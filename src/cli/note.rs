//! `liaison note TEXT [--to ID]`: captured lines, markers and all (see
//! `model::capture`).
//!
//! Text of several lines (`note -` from a file or a paste) is taken as the
//! note box takes it: each non-blank line is its own note, with its own
//! `#` or `?` marker, all saved together or none. A plain note says "note
//! saved" on stderr. A `#` line prints the id of the document request it
//! created on stdout, alone, as `add` does, and names it on stderr; a `?`
//! line says how many questions are open on the target.

use super::{CliError, Ctx};
use crate::i18n::{K, T, tr, trf};
use crate::model::{CaptureOutcome, ModelError};

pub fn run(ctx: &Ctx, to: Option<&str>, text: &str) -> Result<(), CliError> {
    let now = ctx.now();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return Err(ctx.model_err(&ModelError::EmptyNote));
    }
    // Plain notes on one item need nothing but that item: the quick path.
    let plain = lines
        .iter()
        .all(|l| crate::model::capture::marker(l).0 == crate::model::capture::Marker::Note);
    let few: Option<Vec<&str>> = match to {
        Some(id) if plain => Some(vec![id]),
        _ => None,
    };
    let change = |s: &mut crate::model::State| {
        // All lines or none: a refused line leaves the state as it was.
        let mut trial = s.clone();
        let outcomes = lines
            .iter()
            .map(|line| trial.capture(to, line, now))
            .collect::<Result<Vec<CaptureOutcome>, _>>()?;
        *s = trial;
        let open = to
            .and_then(|id| s.get(id))
            .map(|item| (item.id.clone(), item.open_followups().count()));
        Ok((outcomes, open))
    };
    let (outcomes, open) = match &few {
        Some(ids) => ctx.change_few(ids, change)?,
        None => ctx.change(change)?,
    };
    if outcomes.len() == 1 {
        say!("{}", tr(ctx.lang, T::NoteSaved));
    } else {
        say!("{}", trf(ctx.lang, K::NotesSaved, &[&outcomes.len()]));
    }
    for (line, outcome) in lines.iter().zip(&outcomes) {
        if let Some(doc) = &outcome.document {
            show!("{doc}");
            let (_, title) = crate::model::capture::marker(line);
            say!("{}", trf(ctx.lang, T::DocumentRequested, &[doc, &title]));
        }
    }
    let asked = outcomes.iter().any(|o| o.followup.is_some());
    if let (true, Some((id, open))) = (asked, open) {
        say!("{}", trf(ctx.lang, T::FollowupNoted, &[&id, &open]));
    }
    Ok(())
}

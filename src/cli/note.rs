//! `liaison note TEXT [--to ID]`: one captured line, markers and all (see
//! `model::capture`).
//!
//! A plain note says "note saved" on stderr. A `#` line prints the id of
//! the document request it created on stdout, alone, as `add` does, and
//! names it on stderr; a `?` line says how many questions are open on the
//! target.

use super::{CliError, Ctx};
use crate::i18n::{T, tr, trf};

pub fn run(ctx: &Ctx, to: Option<&str>, text: &str) -> Result<(), CliError> {
    let now = ctx.now();
    let (outcome, open) = ctx.change(|s| {
        let outcome = s.capture(to, text, now)?;
        let open = to
            .and_then(|id| s.get(id))
            .map(|item| (item.id.clone(), item.open_followups().count()));
        Ok((outcome, open))
    })?;
    say!("{}", tr(ctx.lang, T::NoteSaved));
    if let Some(doc) = &outcome.document {
        show!("{doc}");
        let (_, title) = crate::model::capture::marker(text);
        say!("{}", trf(ctx.lang, T::DocumentRequested, &[doc, &title]));
    }
    if let (Some(_), Some((id, open))) = (outcome.followup, open) {
        say!("{}", trf(ctx.lang, T::FollowupNoted, &[&id, &open]));
    }
    Ok(())
}

//! `liaison accept ID` and `liaison done ID [--handback TEXT]`: a substitute
//! assignment goes requested → accepted → done, closed with a hand-back note.

use super::{CliError, Ctx};
use crate::i18n::{T, trf};

/// `done ID`, or with a hand-back note, `done ID --handback TEXT`.
pub fn done(ctx: &Ctx, id: &str, handback: Option<&str>) -> Result<(), CliError> {
    let now = ctx.now();
    let Some(note) = handback else {
        // Done needs nothing but the item itself: the quick path. A
        // recurring duty needs its whole series, to add the next occurrence
        // only where none stands yet: it takes the full path.
        let mut recurring = false;
        let quick = ctx.change_few(&[id], |s| {
            if s.get(id).is_some_and(|i| i.every.is_some()) {
                recurring = true;
                return Err(crate::model::ModelError::Refused(String::new()));
            }
            s.mark_done(id, now).map(|before| before.id)
        });
        let id = match quick {
            Err(_) if recurring => ctx.change(|s| s.mark_done(id, now).map(|before| before.id))?,
            other => other?,
        };
        show!("{id}");
        return Ok(());
    };
    let note = if note == "-" {
        let mut buf = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf).map_err(|e| {
            CliError(trf(
                ctx.lang,
                crate::i18n::K::ErrStdin,
                &[&crate::i18n::os_error(ctx.lang, &e)],
            ))
        })?;
        buf
    } else {
        note.to_string()
    };
    let id = ctx.change(|s| s.hand_back(id, &note, now).map(|before| before.id))?;
    show!("{id}");
    say!("{}", trf(ctx.lang, T::HandedBack, &[&id]));
    Ok(())
}

pub fn accept(ctx: &Ctx, id: &str) -> Result<(), CliError> {
    let now = ctx.now();
    let id = ctx.change(|s| s.accept(id, now).map(|before| before.id))?;
    show!("{id}");
    say!("{}", trf(ctx.lang, T::Accepted, &[&id]));
    Ok(())
}

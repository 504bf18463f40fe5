//! `liaison resolve ID`: resolves a document's custody conflict from the
//! team's merge by voiding the conflicting step. The step stays in the
//! log, marked void; a new custody step after it resolves it too.

use super::{CliError, Ctx};
use crate::i18n::sync_texts::Y;
use crate::i18n::trf;
use crate::model::{ModelError, conflict};

pub fn run(ctx: &Ctx, id: &str) -> Result<(), CliError> {
    let snap = ctx.load()?;
    let item = snap
        .state
        .get(id)
        .ok_or_else(|| ctx.model_err(&ModelError::UnknownId(id.trim().to_string())))?;
    let id = item.id.clone();
    if conflict::open(item).is_empty() {
        return Err(CliError(trf(ctx.lang, Y::ErrNoConflict, &[&id])));
    }
    let by = ctx.config.me().unwrap_or_else(|| {
        std::env::var("USER")
            .ok()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "liaison".into())
    });
    let now = ctx.now();
    let n = ctx.change(|s| {
        let at = s
            .position(&id)
            .ok_or_else(|| ModelError::UnknownId(id.clone()))?;
        Ok(conflict::void_open(&mut s.items[at], now, &by))
    })?;
    say!("{}", trf(ctx.lang, Y::Resolved, &[&id, &n]));
    Ok(())
}

//! `backups` and `restore`: the copies the store keeps, and putting one back.

use super::{CliError, Ctx};
use crate::i18n::{T, tr, trf};

/// `backups`: one line per copy, newest first.
pub fn list(ctx: &Ctx) -> Result<(), CliError> {
    let list = ctx.store.backups()?;
    if list.is_empty() {
        say!("{}", tr(ctx.lang, T::NoBackups));
    }
    for b in list {
        show!("{}  {}  {} B", b.name, b.taken, b.bytes);
    }
    Ok(())
}

/// `restore NAME`: puts the copy back; the state it replaces is backed up
/// first, and the line says under which name.
pub fn restore(ctx: &Ctx, name: &str) -> Result<(), CliError> {
    let before = ctx.store.backups()?.first().map(|b| b.name.clone());
    ctx.warn_chain(&ctx.store.restore(name, ctx.now())?.state);
    let saved = ctx
        .store
        .backups()?
        .first()
        .map(|b| b.name.clone())
        .filter(|n| Some(n) != before.as_ref())
        .unwrap_or_else(|| "-".into());
    say!("{}", trf(ctx.lang, T::Restored, &[&name, &saved]));
    Ok(())
}

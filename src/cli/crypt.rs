//! `liaison encrypt` / `liaison decrypt`: encryption at rest on and off.

use super::{Cli, CliError, Ctx, passphrase};
use crate::i18n::{self, S, trf};
use crate::store::KdfParams;

/// Turns encryption on with a new passphrase; if it is already on, seals
/// whatever an interrupted run left in plain text.
pub fn encrypt(ctx: &mut Ctx, cli: &Cli) -> Result<(), CliError> {
    let lang = ctx.lang;
    let dir = ctx.store.dir().display().to_string();
    let err = |e| CliError(i18n::store_error(lang, &e));
    if ctx.store.is_encrypted() {
        let sealed = ctx.store.seal_leftovers().map_err(err)?;
        say!("{}", trf(lang, S::EncryptAlready, &[&dir, &sealed]));
        return Ok(());
    }
    let pass = passphrase::new_passphrase(&ctx.store, cli, lang)?;
    ctx.store
        .encrypt(&pass, KdfParams::for_new_key())
        .map_err(err)?;
    // The backups by count, not every file sealed (that also counts the
    // state and a draft, which made one backup read as two).
    let backups = ctx.store.backups().map_err(err)?.len();
    say!("{}", trf(lang, S::EncryptOn, &[&dir, &backups]));
    Ok(())
}

/// Turns encryption off (the passphrase was asked when the store opened).
pub fn decrypt(ctx: &mut Ctx) -> Result<(), CliError> {
    let lang = ctx.lang;
    let dir = ctx.store.dir().display().to_string();
    if !ctx.store.is_encrypted() {
        say!("{}", trf(lang, S::DecryptNotOn, &[&dir]));
        return Ok(());
    }
    let err = |e| CliError(i18n::store_error(lang, &e));
    ctx.store.decrypt().map_err(err)?;
    let backups = ctx.store.backups().map_err(err)?.len();
    say!("{}", trf(lang, S::DecryptOff, &[&dir, &backups]));
    Ok(())
}

//! Where a passphrase comes from: the first line of `--passphrase-file` /
//! `LIAISON_PASSPHRASE_FILE`, else a prompt without echo on the terminal.
//! Never from the command line itself, where other users could read it.

use std::io::Read;
use std::path::Path;

use zeroize::Zeroizing;

use super::{Cli, CliError, tty};
use crate::i18n::{self, Lang, S, tr, trf};
use crate::store::crypt::no_core_dumps;
use crate::store::{Passphrase, Store, StoreError};

/// How many times the terminal prompt asks before giving up.
pub const TRIES: usize = 3;
/// The fewest characters a new passphrase may have.
pub const MIN_CHARS: usize = 8;

fn store_err(lang: Lang, e: &StoreError) -> CliError {
    CliError(i18n::store_error(lang, e))
}

/// Unlocks `store` if its data is encrypted: with the passphrase file (one
/// try), or by asking on the terminal (up to three). Nothing is written
/// either way; a refusal is one line.
pub fn unlock(store: &mut Store, cli: &Cli, lang: Lang) -> Result<(), CliError> {
    match store.needs_passphrase() {
        Ok(false) => return Ok(()),
        Ok(true) => {}
        Err(e) => return Err(store_err(lang, &e)),
    }
    // A key kept by `liaison unlock` in this session's keyring.
    if store.unlock_cached().map_err(|e| store_err(lang, &e))? {
        return Ok(());
    }
    if let Some(path) = &cli.passphrase_file {
        let pass = from_file(path, store.dir(), lang)?;
        return store.unlock(&pass).map_err(|e| store_err(lang, &e));
    }
    let prompt = trf(lang, S::PassPrompt, &[&store.dir().display()]);
    for attempt in 1..=TRIES {
        let pass = ask(store.dir(), &prompt, lang)?;
        match store.unlock(&pass) {
            Ok(()) => return Ok(()),
            Err(StoreError::WrongPassphrase { .. }) if attempt < TRIES => {
                tty::say(tr(lang, S::PassRetry));
            }
            Err(e) => return Err(store_err(lang, &e)),
        }
    }
    unreachable!("the last try returns")
}

/// A new passphrase: the file's first line, or typed twice on the terminal.
/// Refused if shorter than [`MIN_CHARS`] characters.
pub fn new_passphrase(store: &Store, cli: &Cli, lang: Lang) -> Result<Passphrase, CliError> {
    let pass = match &cli.passphrase_file {
        Some(path) => from_file(path, store.dir(), lang)?,
        None => {
            let first = ask(
                store.dir(),
                &trf(lang, S::PassNew, &[&store.dir().display()]),
                lang,
            )?;
            if first.chars() >= MIN_CHARS {
                let again = ask(store.dir(), tr(lang, S::PassRepeat), lang)?;
                if again != first {
                    return Err(CliError(tr(lang, S::ErrPassMismatch).into()));
                }
            }
            first
        }
    };
    if pass.chars() < MIN_CHARS {
        return Err(CliError(trf(lang, S::ErrPassShort, &[&MIN_CHARS])));
    }
    Ok(pass)
}

/// Asks on the terminal.
fn ask(dir: &Path, prompt: &str, lang: Lang) -> Result<Passphrase, CliError> {
    no_core_dumps();
    match tty::read_hidden(prompt) {
        Ok(Some(mut line)) => Ok(Passphrase::new(std::mem::take(&mut *line))),
        Ok(None) => Err(CliError(tr(lang, S::ErrPassCancelled).into())),
        Err(_) if !tty::available() => {
            Err(CliError(trf(lang, S::ErrPassNoTerminal, &[&dir.display()])))
        }
        Err(e) => {
            let e = crate::i18n::os_error(lang, &e);
            Err(CliError(trf(
                lang,
                crate::i18n::K::ErrTty,
                &[&"/dev/tty", &e],
            )))
        }
    }
}

/// The first line of `path`, without its line ending. Refused if other
/// users can read or change the file, and if it lies inside `data_dir`
/// (the key would sit next to what it locks, in every copy of the folder).
pub fn from_file(path: &Path, data_dir: &Path, lang: Lang) -> Result<Passphrase, CliError> {
    use std::os::unix::fs::PermissionsExt;
    no_core_dumps();
    let failed = |e: std::io::Error| CliError(trf(lang, S::ErrPassFile, &[&path.display(), &e]));
    let mut file = std::fs::File::open(path).map_err(failed)?;
    let meta = file.metadata().map_err(failed)?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        let mode = format!("{mode:o}");
        return Err(CliError(trf(
            lang,
            S::ErrPassFileOpen,
            &[&path.display(), &mode],
        )));
    }
    if let (Ok(file_at), Ok(dir)) = (path.canonicalize(), data_dir.canonicalize())
        && file_at.starts_with(&dir)
    {
        return Err(CliError(trf(
            lang,
            S::ErrPassFileInside,
            &[&path.display()],
        )));
    }
    let mut bytes = Zeroizing::new(Vec::new());
    // Sized up front, so reading leaves no copies behind.
    bytes.reserve_exact(meta.len() as usize + 64);
    file.read_to_end(&mut bytes).map_err(failed)?;
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.is_empty() {
        return Err(CliError(trf(lang, S::ErrPassFileEmpty, &[&path.display()])));
    }
    Ok(Passphrase::new(line.to_vec()))
}

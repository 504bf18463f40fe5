//! Where a command's output goes: a new private file, or stdout.

use super::{CliError, Ctx};
use crate::i18n::{T, trf};

/// Writes a text (Markdown, iCalendar) to `out` or stdout, through the
/// sanitiser: line breaks kept, escapes and invisible characters shown.
pub fn write_text(ctx: &Ctx, out: Option<&std::path::Path>, text: &str) -> Result<(), CliError> {
    write_out(ctx, out, crate::sanitize::visible_text(text).as_bytes())
}

/// Writes JSON to `out` or stdout with every invisible character escaped
/// (the JSON writer has escaped the controls already).
pub fn write_json(
    ctx: &Ctx,
    out: Option<&std::path::Path>,
    bytes: Vec<u8>,
) -> Result<(), CliError> {
    write_out(ctx, out, &crate::sanitize::json(bytes))
}

/// Writes to `out` (a new private file) or to stdout, byte for byte: text
/// goes through [`write_text`] or [`write_json`] first.
pub fn write_out(ctx: &Ctx, out: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    match out {
        Some(path) => {
            crate::store::fsutil::write_atomic(path, bytes).map_err(|e| {
                let e = crate::i18n::os_error(ctx.lang, &e);
                CliError(trf(
                    ctx.lang,
                    crate::i18n::K::ErrWriteFile,
                    &[&path.display(), &e],
                ))
            })?;
            say!("{}", trf(ctx.lang, T::Written, &[&path.display()]));
            Ok(())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|_| stdout.flush())
                .map_err(|e| super::ctx::stdout_failed(ctx.lang, &e))
        }
    }
}

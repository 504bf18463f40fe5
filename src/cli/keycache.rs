//! `liaison unlock [--for 30m]` and `liaison lock`: the derived key kept in
//! the kernel's session keyring for a while, so commands in this login
//! session open encrypted data without asking (see `store::keyring`).

use super::{Cli, CliError, Ctx};
use crate::i18n::{self, S, trf};
use crate::store::Store;

/// `30m`, `2h`, `1h30m`, `90s` (a bare number is minutes), in seconds.
pub fn parse_duration(text: &str) -> Option<u64> {
    let text = text.trim();
    if let Ok(minutes) = text.parse::<u64>() {
        return minutes.checked_mul(60);
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            _ => return None,
        };
        total = total.checked_add(number.parse::<u64>().ok()?.checked_mul(unit)?)?;
        number.clear();
    }
    (number.is_empty() && total > 0).then_some(total)
}

pub fn unlock(ctx: &Ctx, duration: &str) -> Result<(), CliError> {
    let dir = ctx.store.dir().display().to_string();
    if !ctx.store.is_encrypted() {
        say!("{}", trf(ctx.lang, S::KeyNotEncrypted, &[&dir]));
        return Ok(());
    }
    let seconds = parse_duration(duration)
        .filter(|s| *s <= crate::store::KEY_CACHE_MAX_SECONDS)
        .ok_or_else(|| CliError(trf(ctx.lang, S::ErrKeyDuration, &[&duration])))?;
    ctx.store
        .cache_key(seconds)
        .map_err(|e| CliError(trf(ctx.lang, S::ErrKeyring, &[&e])))?;
    let minutes = seconds.div_ceil(60);
    say!("{}", trf(ctx.lang, S::KeyKept, &[&dir, &minutes]));
    Ok(())
}

/// Forgets the kept key without asking for anything.
pub fn lock(cli: &Cli) -> Result<(), CliError> {
    let lang = i18n::lang();
    let dir = match &cli.data_dir {
        Some(d) => d.clone(),
        None => Store::default_dir()?,
    };
    let store = Store::open(dir)?;
    let forgot = store.forget_cached_key()?;
    let said = if forgot {
        S::KeyForgotten
    } else {
        S::KeyNoneKept
    };
    say!("{}", trf(lang, said, &[&store.dir().display()]));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(parse_duration("30m"), Some(1800));
        assert_eq!(parse_duration("2h"), Some(7200));
        assert_eq!(parse_duration("1h30m"), Some(5400));
        assert_eq!(parse_duration("90s"), Some(90));
        assert_eq!(parse_duration("45"), Some(2700));
        for bad in ["", "m", "30x", "1h30", "-5m", "0m"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}

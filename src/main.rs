//! `liaison`: a subcommand goes to the command line, none opens the dashboard.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::FromArgMatches;
use liaison::cli::{self, Cli};
use liaison::i18n::Lang;

/// `--lang X` or `--lang=X` on the command line, read before clap parses it
/// so that the help itself can be in that language.
fn lang_flag() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        })
}

fn main() -> ExitCode {
    let config = liaison::config::load(liaison::config::path().as_deref());
    let guess = Lang::choose(
        lang_flag().as_deref(),
        config.as_ref().map_or_else(|e| e.lang(), |c| c.lang),
    );
    let parsed = cli::usage::command(guess)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            let line = cli::usage::error_line(guess, &e);
            eprintln!("liaison: {}", liaison::sanitize::visible(&line));
            return ExitCode::from(2);
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    if let Some(flag) = cli.lang.as_deref()
        && Lang::parse(flag).is_none()
    {
        let line = liaison::i18n::trf(guess, liaison::i18n::K::ErrBadLang, &[&flag]);
        let line = liaison::sanitize::visible(&line);
        eprintln!("{}: {line}", cli::error_prefix(guess));
        return ExitCode::from(2);
    }
    // The language: --lang, else the config file, else the locale.
    let lang = Lang::choose(
        cli.lang.as_deref(),
        config.as_ref().map_or_else(|e| e.lang(), |c| c.lang),
    );
    liaison::i18n::set_lang(lang);
    let dates = config.as_ref().map(|c| c.date_settings(lang));
    let dates = dates.unwrap_or_else(|_| liaison::config::Config::default().date_settings(lang));
    liaison::model::when::configure(dates);
    let result = match &cli.command {
        Some(command) => {
            if let Err(e) = &config {
                let line = liaison::i18n::config_error(lang, e);
                eprintln!("liaison: {}", liaison::sanitize::visible(&line));
            }
            cli::run(&cli, command)
        }
        None => liaison::dashboard::run(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Whatever the message quotes (an id, a title, a path) is shown,
            // never passed to the terminal as escapes.
            eprintln!(
                "{}: {}",
                cli::error_prefix(lang),
                liaison::sanitize::visible(&e.0)
            );
            ExitCode::FAILURE
        }
    }
}

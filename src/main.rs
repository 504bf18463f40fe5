//! `liaison`: a subcommand goes to the command line, none opens the dashboard.

use std::process::ExitCode;

use clap::Parser;
use liaison::cli::{self, Cli};
use liaison::i18n::Lang;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // One line: clap's first line, without the usage block.
            let text = e.to_string();
            let first: Vec<&str> = text
                .lines()
                .take_while(|l| !l.starts_with("Usage:"))
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
                .collect();
            let first = first.join(" ");
            eprintln!(
                "liaison: {} (see liaison --help)",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    // The language: --lang, else the config file, else the locale.
    let config = liaison::config::load(liaison::config::path().as_deref());
    let lang = Lang::choose(
        cli.lang.as_deref(),
        config.as_ref().ok().and_then(|c| c.lang),
    );
    liaison::i18n::set_lang(lang);
    let result = match &cli.command {
        Some(command) => {
            if let Err(e) = &config {
                eprintln!("liaison: {e}");
            }
            cli::run(&cli, command)
        }
        None => liaison::dashboard::run(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {}", cli::error_prefix(lang), e.0);
            ExitCode::FAILURE
        }
    }
}

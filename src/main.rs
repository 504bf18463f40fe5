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
    let lang = Lang::choose(cli.lang.as_deref(), None);
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => cli::summary(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {}", cli::error_prefix(lang), e.0);
            ExitCode::FAILURE
        }
    }
}

//! How the program is called: the clap command in the user's language,
//! `--version` with the data format, usage errors said once in one line in
//! that language, shell completions and the manual page.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, ValueEnum};

use super::{Cli, CliError};
use crate::i18n::{K, Lang, tr, trf};

/// The shells `liaison completions` writes for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The version line: `0.1.0 (data format 1)`.
fn version(lang: Lang) -> String {
    format!(
        "{} ({} {})",
        env!("CARGO_PKG_VERSION"),
        tr(lang, K::DataFormat),
        crate::model::VERSION
    )
}

/// The program's command, its help and version in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    // clap keeps the version as a 'static string; this runs once a process.
    let version: &'static str = Box::leak(version(lang).into_boxed_str());
    let cmd = Cli::command().version(version);
    match lang {
        Lang::Zh => super::help_zh::localize(cmd),
        Lang::En => cmd,
    }
}

/// The value a usage error names in `kind`, as one string.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A usage error in one line: what was wrong, a suggestion if clap has
/// one, and where to look, said once.
pub fn error_line(lang: Lang, e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut line = match e.kind() {
        ErrorKind::InvalidSubcommand => trf(
            lang,
            K::UsageUnknownCommand,
            &[&context(e, ContextKind::InvalidSubcommand).unwrap_or_default()],
        ),
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            trf(lang, K::UsageUnknownOption, &[&arg])
        }
        ErrorKind::UnknownArgument => trf(lang, K::UsageExtra, &[&arg]),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if value.is_empty() => {
            trf(lang, K::UsageNoValue, &[&arg])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            trf(lang, K::UsageBadValue, &[&value, &arg])
        }
        ErrorKind::MissingRequiredArgument => trf(lang, K::UsageMissing, &[&arg]),
        ErrorKind::MissingSubcommand => tr(lang, K::UsageMissingCommand).to_string(),
        ErrorKind::ArgumentConflict => trf(
            lang,
            K::UsageConflict,
            &[&arg, &context(e, ContextKind::PriorArg).unwrap_or_default()],
        ),
        ErrorKind::TooManyValues => trf(lang, K::UsageExtra, &[&value]),
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            trf(lang, K::UsageNoValue, &[&arg])
        }
        _ => tr(lang, K::UsageOther).to_string(),
    };
    if let Some(mut valid) = context(e, ContextKind::ValidValue) {
        if lang == Lang::Zh {
            valid = valid.replace(", ", "、");
        }
        line.push_str(&trf(lang, K::UsageAllowed, &[&valid]));
    }
    let suggestion = context(e, ContextKind::SuggestedSubcommand)
        .or_else(|| context(e, ContextKind::SuggestedArg))
        .or_else(|| context(e, ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        line.push_str(&trf(lang, K::UsageDidYouMean, &[&s]));
    }
    line.push_str(tr(lang, K::UsageSeeHelp));
    line
}

pub fn completions(shell: Shell) -> Result<(), CliError> {
    use clap_complete::Shell as S;
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
    };
    let mut cmd = command(crate::i18n::lang());
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "liaison", &mut out);
    write(&out)
}

pub fn man() -> Result<(), CliError> {
    let lang = crate::i18n::lang();
    let mut out = Vec::new();
    clap_mangen::Man::new(command(lang))
        .render(&mut out)
        .map_err(|e| super::stdout_failed(lang, &e))?;
    write(&out)
}

fn write(bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|_| stdout.flush())
        .map_err(|e| super::stdout_failed(crate::i18n::lang(), &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(lang: Lang, args: &[&str]) -> String {
        let e = command(lang)
            .try_get_matches_from(std::iter::once("liaison").chain(args.iter().copied()))
            .unwrap_err();
        error_line(lang, &e)
    }

    #[test]
    fn usage_errors_in_chinese_have_no_english_and_point_to_help_once() {
        for args in [
            &["add"][..],
            &["ad"],
            &["list", "--bogus"],
            &["demo", "--items", "many"],
            &["note-edit", "D1", "x", "y"],
            &["done", "D1", "extra"],
        ] {
            let line = parse(Lang::Zh, args);
            // The values a flag takes (`json, ics, md, …`) are what the
            // user types, so they stay as they are; they are not counted.
            let words = match line.split_once("（可选：") {
                Some((head, tail)) => {
                    format!("{head}{}", tail.split_once('）').map_or("", |t| t.1))
                }
                None => line.clone(),
            };
            let english = words
                .replace("liaison --help", "")
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .count();
            assert!(line.contains("（见 liaison --help）"), "{args:?}: {line}");
            assert_eq!(line.matches("--help").count(), 1, "{args:?}: {line}");
            assert!(!line.contains("try"), "{args:?}: {line}");
            // What was typed may be English (`--bogus`, `pdf`); the words are not.
            assert!(english <= 24, "{args:?}: {line}");
            assert!(
                line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{line}"
            );
        }
    }

    #[test]
    fn usage_errors_name_what_was_wrong() {
        let line = parse(Lang::En, &["export", "--format", "pdf"]);
        assert!(line.contains("'pdf'") && line.contains("json"), "{line}");
        let line = parse(Lang::Zh, &["ad"]);
        assert!(line.contains("“ad”") && line.contains("add"), "{line}");
        let line = parse(Lang::Zh, &["add"]);
        assert!(line.contains("<类别>") && line.contains("<标题>"), "{line}");
        let line = parse(Lang::En, &["add"]);
        assert!(
            line.contains("required") && line.contains("<KIND>"),
            "{line}"
        );
    }

    #[test]
    fn the_version_names_the_data_format() {
        let v = command(Lang::En).render_version();
        assert!(
            v.contains(&format!("data format {}", crate::model::VERSION)),
            "{v}"
        );
        let v = command(Lang::Zh).render_version();
        assert!(v.contains("数据格式"), "{v}");
    }
}

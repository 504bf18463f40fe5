//! The item options shared by `add` and `edit` (`--due`, `--place`, …):
//! one for each field of the field table (`model::field`) that has a
//! command-line option, with the kinds it applies to and how it is read.

use clap::{Arg, ArgAction, ArgMatches, Command};

use crate::i18n::{Lang, tr};
use crate::model::field::{self, FIELDS, FieldKey};
use crate::model::{Item, ModelError, Time};

/// The options of an item's own fields, as given. On `add` they describe
/// the new item; on `edit` only the ones given change, and an empty value
/// (`""`) clears an optional field.
#[derive(Debug, Default, Clone)]
pub struct FieldArgs {
    pub given: Vec<(FieldKey, String)>,
}

impl clap::FromArgMatches for FieldArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut args = FieldArgs::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        for f in FIELDS.iter().filter(|f| f.cli.is_some()) {
            if let Some(v) = matches.get_one::<String>(f.name) {
                self.given.retain(|(k, _)| *k != f.key);
                self.given.push((f.key, v.clone()));
            }
        }
        Ok(())
    }
}

impl clap::Args for FieldArgs {
    fn augment_args(cmd: Command) -> Command {
        FIELDS.iter().fold(cmd, |cmd, f| match f.cli {
            Some(cli) => cmd.arg(
                Arg::new(f.name)
                    .long(f.name)
                    .value_name(cli.value)
                    .action(ArgAction::Set)
                    .help(tr(Lang::En, cli.help)),
            ),
            None => cmd,
        })
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

impl FieldArgs {
    /// Whether no option was given at all.
    pub fn is_empty(&self) -> bool {
        self.given.is_empty()
    }

    /// The text given for `key`, if it was.
    pub fn get(&self, key: FieldKey) -> Option<&str> {
        self.given
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Refuses the first option given that `kind` does not have (as a
    /// meeting refuses `--due`: it has a start).
    pub fn check_kind(&self, kind: crate::model::Kind) -> Result<(), ModelError> {
        for f in FIELDS {
            if let Some(cli) = f.cli
                && self.get(f.key).is_some()
                && !f.kinds.contains(&kind)
            {
                return Err(ModelError::FieldNotForKind {
                    field: cli.flag,
                    kind: kind.as_str().into(),
                });
            }
        }
        Ok(())
    }

    /// Writes the options given into `item`, leaving the rest as they are.
    /// A meeting's new start without an end keeps its length.
    pub fn apply(&self, item: &mut Item, now: Time) -> Result<(), ModelError> {
        self.check_kind(item.kind)?;
        let given: Vec<(FieldKey, &str)> =
            self.given.iter().map(|(k, v)| (*k, v.as_str())).collect();
        field::write_all(item, &given, now).map_err(|(_, e)| e)
    }
}

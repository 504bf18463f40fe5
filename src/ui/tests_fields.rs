//! Every field of the field table round-trips the same way through the
//! form, the command line's option and the detail.

use clap::Parser;

use crate::app::Form;
use crate::app::testing::{self, now};
use crate::cli::{Cli, Command};
use crate::i18n::Lang;
use crate::model::field::{FIELDS, FieldKey, sample};
use crate::model::{Item, Kind, ModelError};

/// A new item of `kind` added through its form with `key` set to `text`.
fn through_form(kind: Kind, key: FieldKey, text: &str) -> Item {
    let mut form = Form::add(kind, now());
    form.set(FieldKey::Title, "标题");
    form.set(key, text);
    let item = form
        .apply_changes(&Item::new(kind, "", now()), now())
        .unwrap_or_else(|e| panic!("{key:?} on a {kind}: {e:?}"));
    // Opened again for editing, the form holds the same text.
    let again = Form::edit(&item);
    let field = again.fields.iter().find(|f| f.key == key).unwrap();
    assert_eq!(field.text(), text, "{key:?} on a {kind} edited");
    item
}

/// `liaison add KIND 标题 --NAME TEXT`, as the command line reads it.
fn through_cli(kind: Kind, name: &str, text: &str) -> Result<Item, ModelError> {
    let flag = format!("--{name}");
    let argv = ["liaison", "add", kind.as_str(), "标题", &flag, text];
    let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    match cli.command {
        Some(Command::Add(args)) => args.to_item(now()),
        _ => panic!("{argv:?} is not an add"),
    }
}

#[test]
fn every_field_round_trips_through_form_command_line_and_detail() {
    let (_dir, app) = testing::app(Lang::Zh, false);
    for f in FIELDS {
        let Some(text) = sample(f) else { continue };
        for &kind in Kind::ALL {
            let item = if f.form.contains(&kind) {
                let item = through_form(kind, f.key, &text);
                assert_eq!((f.read)(&item), text, "{} on a {kind} by form", f.name);
                // The detail shows it under its label, as the table shows it.
                let shown = (f.show)(&item, Lang::Zh).unwrap();
                let rows = super::detail::fields(&app, &item);
                assert!(
                    rows.contains(&(f.key.label(Lang::Zh).to_string(), shown.clone())),
                    "{} on a {kind} in the detail: {rows:?}",
                    f.name
                );
                Some(item)
            } else {
                None
            };
            let Some(cli) = f.cli else { continue };
            match through_cli(kind, f.name, &text) {
                Ok(by_cli) => {
                    assert!(f.kinds.contains(&kind), "{} taken on a {kind}", cli.flag);
                    assert_eq!((f.read)(&by_cli), text, "{} on a {kind}", cli.flag);
                    if let Some(by_form) = item {
                        assert_eq!((f.read)(&by_cli), (f.read)(&by_form));
                    }
                }
                Err(e) => {
                    assert!(!f.kinds.contains(&kind), "{} on a {kind}: {e:?}", cli.flag);
                    assert_eq!(
                        e,
                        ModelError::FieldNotForKind {
                            field: cli.flag,
                            kind: kind.as_str().into()
                        }
                    );
                }
            }
        }
    }
}

#[test]
fn a_meeting_added_with_a_start_only_ends_an_hour_later_by_form_and_command_line() {
    let by_form = through_form(Kind::Meeting, FieldKey::Start, "2026-11-26 09:00");
    let by_cli = through_cli(Kind::Meeting, "start", "2026-11-26 09:00").unwrap();
    let hour_later = by_form
        .start
        .map(|s| s + crate::model::meeting::DEFAULT_LENGTH);
    assert_eq!(by_form.end, hour_later);
    assert_eq!(by_cli.end, hour_later);
}

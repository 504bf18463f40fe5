//! `liaison export --format xlsx|csv`: the registers as a workbook of
//! printable forms, a meeting's sign-in sheet, or one list as CSV.

use std::path::Path;

use super::{CliError, Ctx, write_out};
use crate::i18n::{O, ot, otf};
use crate::office::{self, Book, SheetKey};

/// What `export` was asked for, for the two office formats.
pub struct ExportArgs<'a> {
    pub csv: bool,
    pub out: Option<&'a Path>,
    pub confidential: bool,
    pub sheets: &'a [String],
    pub sign_in: Option<&'a str>,
    pub kind: Option<&'a str>,
}

fn sheet_names(ctx: &Ctx) -> String {
    let names: Vec<String> = SheetKey::ALL
        .iter()
        .map(|k| match ctx.lang {
            crate::i18n::Lang::En => k.as_str().to_string(),
            crate::i18n::Lang::Zh => k.name(ctx.lang).to_string(),
        })
        .collect();
    crate::i18n::join(ctx.lang, &names)
}

fn find(ctx: &Ctx, name: &str) -> Result<SheetKey, CliError> {
    SheetKey::find(name).ok_or_else(|| {
        CliError(otf(
            ctx.lang,
            O::ErrUnknownSheet,
            &[&name.trim(), &sheet_names(ctx)],
        ))
    })
}

pub fn run(ctx: &Ctx, args: &ExportArgs) -> Result<(), CliError> {
    let snap = ctx.load()?;
    let (now, lang) = (ctx.now(), ctx.lang);
    let mut book: Book = match args.sign_in {
        Some(id) => office::sign_in(&snap.state, id, now, lang).map_err(|e| ctx.model_err(&e))?,
        None if args.csv => {
            let Some(kind) = args.kind else {
                return Err(CliError(otf(
                    lang,
                    O::ErrCsvNeedsKind,
                    &[&sheet_names(ctx)],
                )));
            };
            let key = find(ctx, kind)?;
            office::book(&snap.state, now, lang, &[key], args.confidential)
        }
        None => {
            let keys = args
                .sheets
                .iter()
                .filter(|s| !s.trim().is_empty())
                .map(|s| find(ctx, s))
                .collect::<Result<Vec<_>, _>>()?;
            office::book(&snap.state, now, lang, &keys, args.confidential)
        }
    };
    book.check = office::check_of(snap.head());
    if args.csv {
        return write_out(ctx, args.out, &office::csv(&book.sheets[0]));
    }
    let Some(out) = args.out else {
        return Err(CliError(ot(lang, O::ErrXlsxNeedsFile).into()));
    };
    let bytes = office::xlsx(&book).map_err(|e| CliError(otf(lang, O::ErrXlsxBuild, &[&e])))?;
    write_out(ctx, Some(out), &bytes)
}

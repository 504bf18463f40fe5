//! `liaison import FILE [--kind KIND] [--dry-run]`: the unit's list in, as
//! one change that adds every new row or none (see `crate::office::import`).

use std::path::PathBuf;

use clap::Args;

use super::{CliError, Ctx};
use crate::i18n::{Lang, O, otf};
use crate::model::{Kind, ModelError};
use crate::office::{self, Added, import};
use crate::sanitize::Shown;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet: .xlsx, .xls or .csv (UTF-8 or GB18030).
    pub file: PathBuf,
    /// What its rows are: document (default), logistics, meeting or substitute.
    #[arg(long, value_name = "KIND", default_value = "document")]
    pub kind: String,
    /// Print what would be added and skipped; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `调阅清单 row 3: title · source`, `调阅清单 第 3 行：title · source`.
fn line(lang: Lang, a: &Added) -> String {
    let mut what = a.item.title.clone();
    if let Some(from) = &a.item.from {
        what.push_str(" · ");
        what.push_str(from);
    }
    otf(lang, O::ImportRow, &[&a.sheet, &a.row, &Shown(&what)])
}

pub fn run(ctx: &Ctx, args: &ImportArgs) -> Result<(), CliError> {
    let lang = ctx.lang;
    let kind: Kind = args.kind.parse().map_err(|e| ctx.model_err(&e))?;
    let rows = office::load(lang, &args.file, kind, ctx.now()).map_err(CliError)?;
    if args.dry_run {
        let snap = ctx.load()?;
        let plan = office::plan(&snap.state, rows);
        for a in &plan.add {
            println!("{}", otf(lang, O::ImportLineAdd, &[&line(lang, a)]));
        }
        for a in &plan.skip {
            println!("{}", otf(lang, O::ImportLineSkip, &[&line(lang, a)]));
        }
        eprintln!(
            "{}",
            otf(lang, O::ImportDry, &[&plan.add.len(), &plan.skip.len()])
        );
        return Ok(());
    }
    let (ids, skipped) = ctx.change(|state| {
        let plan = office::plan(state, rows);
        let ids = import::apply(state, &plan)?;
        Ok::<_, ModelError>((ids, plan.skip.len()))
    })?;
    for id in &ids {
        println!("{id}");
    }
    eprintln!("{}", otf(lang, O::ImportDone, &[&ids.len(), &skipped]));
    Ok(())
}

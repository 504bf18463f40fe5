//! `liaison report [--date DAY]` and `liaison export --format md`: the
//! leader's brief and the whole store as Markdown (see `crate::report`).

use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, Ctx, write_text};
use crate::model::when::{Purpose, parse_when};
use crate::report;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The day to brief on (YYYY-MM-DD or a phrase such as `tomorrow`; default today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Include the notes of secret and confidential documents.
    #[arg(long)]
    pub include_confidential: bool,
    /// Write to FILE (created private to the user) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &ReportArgs) -> Result<(), CliError> {
    let now = ctx.now();
    let date = match &args.date {
        Some(d) => parse_when(d, now, Purpose::Due)
            .map_err(|e| ctx.model_err(&e))?
            .date_naive(),
        None => now.date_naive(),
    };
    let snap = ctx.load()?;
    let text = report::brief(&snap.state, date, now, ctx.lang, args.include_confidential);
    let text = report::with_head(text, ctx.lang, snap.short_head());
    write_text(ctx, args.out.as_deref(), &text)
}

pub fn export_md(
    ctx: &Ctx,
    out: Option<&Path>,
    include_confidential: bool,
) -> Result<(), CliError> {
    let snap = ctx.load()?;
    let text = report::export(&snap.state, ctx.now(), ctx.lang, include_confidential);
    let text = report::with_head(text, ctx.lang, snap.short_head());
    write_text(ctx, out, &text)
}

//! `liaison clearance [--json]`: at the end of the inspection (巡后清退),
//! every document not yet closed, every open loan with its holder and due
//! time, every open copy — grouped by who holds it, with counts. Exits 0
//! even when something is out: it is a list, not a check.

use std::io::Write;

use clap::Args;
use serde::Serialize;

use super::{CliError, Ctx};
use crate::i18n::{C, tr};
use crate::model::custody::{self, Open, OpenKind, Stage};
use crate::model::rfc3339;
use crate::report::clearance::{counts, groups, line};
use crate::text::one_line;

#[derive(Debug, Args)]
pub struct ClearanceArgs {
    /// Print a JSON array, one object per open document or copy.
    #[arg(long)]
    pub json: bool,
}

/// One object of `clearance --json`.
#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    title: &'a str,
    /// `document` or `copy`.
    what: &'static str,
    parent: Option<&'a str>,
    class: Option<&'static str>,
    /// `requested`, `held` or `lent`.
    stage: &'static str,
    /// The borrower, when it is lent out.
    holder: Option<&'a str>,
    until: Option<String>,
    overdue: bool,
}

fn entry<'a>(o: &Open<'a>) -> Entry<'a> {
    Entry {
        id: &o.item.id,
        title: &o.item.title,
        what: match o.kind {
            OpenKind::Document => "document",
            OpenKind::Copy => "copy",
        },
        parent: o.item.parent.as_deref(),
        class: o.item.class.map(|c| c.as_str()),
        stage: match o.stage {
            Stage::Requested => "requested",
            Stage::Lent(_) => "lent",
            _ => "held",
        },
        holder: o.holder,
        until: o.until.map(|t| rfc3339::format(&t, false).to_string()),
        overdue: o.overdue,
    }
}

pub fn run(ctx: &Ctx, args: &ClearanceArgs) -> Result<(), CliError> {
    let snap = ctx.load()?;
    let now = ctx.now();
    let open = custody::clearance(&snap.state, now, ctx.config.limits().loan);
    let fail = |e: std::io::Error| super::ctx::stdout_failed(ctx.lang, &e);
    let mut out = std::io::stdout().lock();
    if args.json {
        let entries: Vec<Entry> = open.iter().map(entry).collect();
        serde_json::to_writer_pretty(&mut out, &entries)
            .map_err(|e| super::ctx::json_failed(ctx.lang, e))?;
        writeln!(out).map_err(fail)?;
        return out.flush().map_err(fail);
    }
    let lang = ctx.lang;
    writeln!(out, "{}", counts(lang, &open)).map_err(fail)?;
    if open.is_empty() {
        writeln!(out, "{}", tr(lang, C::ClearanceEmpty)).map_err(fail)?;
    }
    for (head, list) in groups(lang, &open) {
        writeln!(out, "\n{} ({})", one_line(&head), list.len()).map_err(fail)?;
        for o in list {
            writeln!(out, "  {}", line(lang, o, now)).map_err(fail)?;
        }
    }
    out.flush().map_err(fail)
}

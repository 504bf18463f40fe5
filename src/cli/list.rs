//! `liaison list [--kind K] [--today] [--json]`.

use std::io::Write;

use clap::Args;

use super::{CliError, Ctx};
use crate::i18n::{self, T, tr};
use crate::model::{CustodyEvent, Item, Kind, State, Time, custody, triage};
use crate::text::{fit, one_line};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only items of this kind.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// The Today list: overdue, today's meetings, due today, waiting.
    #[arg(long)]
    pub today: bool,
    /// Print a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Include done and cancelled items.
    #[arg(long)]
    pub all: bool,
}

/// One object of `list --json`: the stored item plus what is derived from it.
/// A document always has `custody` (its events in order, maybe none) and
/// `holder` (the person it is lent to, else null).
struct Row<'a> {
    item: &'a Item,
    today: Option<&'static str>,
    /// Set only for a document with no events (the item itself skips an
    /// empty log), so the key is never written twice.
    custody: Option<&'a [CustodyEvent]>,
    holder: Option<Option<&'a str>>,
}

/// Writes `rows` as a JSON array of objects, the derived keys after the
/// item's own. Each item is serialised as a struct and its object reopened,
/// rather than merged with `#[serde(flatten)]`, whose map serialiser made
/// `list --json` half as slow again at 10,000 items.
fn write_json(out: &mut impl Write, rows: &[Row]) -> serde_json::Result<()> {
    let mut buf = Vec::with_capacity(4096);
    out.write_all(b"[").map_err(serde_json::Error::io)?;
    for (i, row) in rows.iter().enumerate() {
        buf.clear();
        serde_json::to_writer(&mut buf, row.item)?;
        // An item always has fields, so it ends `…"}` and the rest follow.
        buf.pop();
        let key = |buf: &mut Vec<u8>, name: &str| {
            buf.extend_from_slice(b",\"");
            buf.extend_from_slice(name.as_bytes());
            buf.extend_from_slice(b"\":");
        };
        if let Some(today) = row.today {
            key(&mut buf, "today");
            serde_json::to_writer(&mut buf, today)?;
        }
        if let Some(events) = row.custody {
            key(&mut buf, "custody");
            serde_json::to_writer(&mut buf, events)?;
        }
        if let Some(holder) = row.holder {
            key(&mut buf, "holder");
            serde_json::to_writer(&mut buf, &holder)?;
        }
        buf.push(b'}');
        if i > 0 {
            out.write_all(b",").map_err(serde_json::Error::io)?;
        }
        out.write_all(&buf).map_err(serde_json::Error::io)?;
    }
    out.write_all(b"]").map_err(serde_json::Error::io)
}

impl<'a> Row<'a> {
    fn new(item: &'a Item, today: Option<&'static str>) -> Row<'a> {
        let document = item.kind == Kind::Document;
        Row {
            item,
            today,
            custody: (document && item.custody.is_empty()).then_some(&item.custody[..]),
            holder: document.then(|| custody::holder(item)),
        }
    }
}

/// The items `args` selects, in order.
fn select<'a>(state: &'a State, args: &ListArgs, kind: Option<Kind>, now: Time) -> Vec<Row<'a>> {
    let keep = |item: &Item| kind.is_none_or(|k| item.kind == k);
    if args.today {
        return triage::today(state, now)
            .into_iter()
            .map(|(i, reason)| (&state.items[i], reason))
            .filter(|(item, _)| keep(item))
            .map(|(item, reason)| {
                let today = match reason {
                    triage::Reason::Overdue => "overdue",
                    triage::Reason::ReturnOverdue => "return-overdue",
                    triage::Reason::MeetingToday => "meeting",
                    triage::Reason::DueToday => "due",
                    triage::Reason::Waiting => "waiting",
                    triage::Reason::AwaitingDisposal => "awaiting-disposal",
                };
                Row::new(item, Some(today))
            })
            .collect();
    }
    let mut rows: Vec<&Item> = state
        .items
        .iter()
        .filter(|i| keep(i) && (args.all || args.json || !i.status.is_closed()))
        .collect();
    rows.sort_by(|a, b| {
        (a.kind, a.when().is_none(), a.when()).cmp(&(b.kind, b.when().is_none(), b.when()))
    });
    rows.into_iter().map(|item| Row::new(item, None)).collect()
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<(), CliError> {
    let kind = args
        .kind
        .as_deref()
        .map(str::parse::<Kind>)
        .transpose()
        .map_err(|e| ctx.model_err(&e))?;
    let snap = ctx.load()?;
    let now = ctx.now();
    let rows = select(&snap.state, args, kind, now);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let fail = |e: std::io::Error| CliError(format!("cannot write to stdout: {e}"));
    if args.json {
        write_json(&mut out, &rows).map_err(|e| CliError(e.to_string()))?;
        writeln!(out).map_err(fail)?;
    } else if rows.is_empty() {
        eprintln!("{}", tr(ctx.lang, T::NoItems));
    } else {
        for row in &rows {
            writeln!(out, "{}", line(ctx, row.item, now)).map_err(fail)?;
        }
    }
    out.flush().map_err(fail)
}

/// One item as a line of text: id, status, time, title, the kind's detail.
fn line(ctx: &Ctx, item: &Item, now: Time) -> String {
    let lang = ctx.lang;
    let when = item
        .when()
        .map(|t| t.format("%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let mark = match triage::reason(item, now) {
        Some(triage::Reason::Overdue) => format!(" [{}]", tr(lang, T::Overdue)),
        Some(triage::Reason::ReturnOverdue) => format!(" [{}]", tr(lang, T::ReturnOverdue)),
        Some(triage::Reason::AwaitingDisposal) => format!(" [{}]", tr(lang, T::AwaitingDisposal)),
        _ => String::new(),
    };
    let detail = match item.kind {
        Kind::Logistics => item.category.map(|c| i18n::category(lang, c).to_string()),
        Kind::Document if !item.custody.is_empty() => {
            let stage = i18n::stage(lang, custody::stage(item));
            Some(match &item.from {
                Some(from) => format!("{from} · {stage}"),
                None => stage,
            })
        }
        Kind::Document => item.from.clone(),
        Kind::Meeting => item.place.clone(),
        Kind::Substitute => item.section.clone(),
    }
    .map(|d| format!("  · {}", one_line(&d)))
    .unwrap_or_default();
    format!(
        "{} {} {} {}{detail}{mark}",
        fit(&item.id, 6),
        fit(i18n::status(lang, item.status), 11),
        fit(&when, 11),
        one_line(&item.title),
    )
}

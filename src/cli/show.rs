//! `liaison show ID [--json]`: one item whole — its fields, its notes
//! (numbered from 1, the numbers `note-edit` and `note-delete` take), its
//! follow-up questions, a meeting's checklist and a document's custody log.
//! `--json` prints the object `list --json` has for it.

use std::io::Write;

use clap::Args;

use super::{CliError, Ctx};
use crate::i18n::{self, K, Lang, R, T, tr, trf};
use crate::model::{Item, Kind, ModelError, Time, custody};
use crate::text::{fit, one_line, width};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The item's id, e.g. D3.
    pub id: String,
    /// Print it as a JSON object (as in `list --json`).
    #[arg(long)]
    pub json: bool,
    /// --json: include the notes of a secret or confidential document.
    #[arg(long)]
    pub include_confidential: bool,
}

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<(), CliError> {
    let (mut snap, problems) = ctx.load_checked()?;
    let at = snap
        .state
        .position(&args.id)
        .ok_or_else(|| ctx.model_err(&ModelError::UnknownId(args.id.trim().to_string())))?;
    let bytes = if args.json {
        // As `list --json`: a confidential text stays out unless asked for.
        let withheld = match args.include_confidential {
            true => 0,
            false => crate::report::withhold::withhold(&mut snap.state.items[at]),
        };
        if withheld > 0 {
            say!("liaison: {}", trf(ctx.lang, T::Withheld, &[&withheld]));
        }
        let id = &snap.state.items[at].id;
        let warning = problems
            .iter()
            .find(|p| p.id == *id)
            .map(|p| i18n::chain_problem(ctx.lang, p));
        let mut out = super::list::item_json(&snap.state, at, withheld, warning.as_deref())
            .map_err(|e| super::ctx::json_failed(ctx.lang, e))?;
        out.push(b'\n');
        out
    } else {
        let mut text = String::new();
        for line in lines(ctx.lang, &snap.state.items[at], ctx.now()) {
            text.push_str(&crate::sanitize::visible(&line));
            text.push('\n');
        }
        text.into_bytes()
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&bytes)
        .and_then(|_| stdout.flush())
        .map_err(|e| super::stdout_failed(ctx.lang, &e))
}

fn when(t: Time, now: Time) -> String {
    let t = t.with_timezone(now.offset());
    if t.format("%Y").to_string() == now.format("%Y").to_string() {
        t.format("%m-%d %H:%M").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// The text of `show`, line by line.
pub fn lines(lang: Lang, item: &Item, now: Time) -> Vec<String> {
    let mut out = vec![format!(
        "{} · {} · {} · {} {}",
        item.id,
        i18n::kind(lang, item.kind),
        i18n::item_status(lang, item),
        tr(lang, T::FieldPriority),
        i18n::priority(lang, item.priority)
    )];
    out.push(format!("  {}", one_line(&item.title)));
    let mut fields: Vec<(&str, String)> = Vec::new();
    let span = match (item.start, item.end) {
        (Some(s), Some(e)) if s.date_naive() == e.with_timezone(s.offset()).date_naive() => {
            Some(format!(
                "{}–{}",
                when(s, now),
                e.with_timezone(s.offset()).format("%H:%M")
            ))
        }
        (Some(s), Some(e)) => Some(format!("{}–{}", when(s, now), when(e, now))),
        (Some(s), None) => Some(when(s, now)),
        _ => None,
    };
    if let Some(span) = span {
        fields.push((tr(lang, T::FieldStart), span));
    }
    if let Some(d) = item.due {
        fields.push((tr(lang, T::FieldDue), when(d, now)));
    }
    match item.kind {
        Kind::Logistics => {
            if let Some(c) = item.category {
                fields.push((tr(lang, T::FieldCategory), i18n::category(lang, c).into()));
            }
        }
        Kind::Document => {
            if let Some(f) = &item.from {
                fields.push((tr(lang, T::FieldFrom), f.clone()));
            }
            if let Some(r) = item.rule {
                fields.push((tr(lang, T::FieldRule), i18n::rule(lang, r).into()));
            }
            if let Some(c) = item.class {
                fields.push((tr(lang, T::FieldClass), i18n::class(lang, c).into()));
            }
            if let Some(m) = &item.meeting {
                fields.push((tr(lang, K::FieldFromMeeting), m.clone()));
            }
        }
        Kind::Meeting => {
            if let Some(m) = item.meeting_type {
                fields.push((
                    tr(lang, K::FieldMeetingType),
                    i18n::meeting_type(lang, m).into(),
                ));
            }
            if let Some(p) = &item.place {
                fields.push((tr(lang, T::FieldPlace), p.clone()));
            }
            if !item.attendees.is_empty() {
                fields.push((tr(lang, T::FieldWith), i18n::join(lang, &item.attendees)));
            }
        }
        Kind::Substitute => {
            if let Some(s) = &item.section {
                fields.push((tr(lang, T::FieldSection), s.clone()));
            }
            if let Some(h) = &item.handback {
                fields.push((tr(lang, K::FieldHandback), h.clone()));
            }
        }
    }
    if let Some(c) = &item.contact {
        fields.push((tr(lang, T::FieldContact), c.clone()));
    }
    let label_width = fields.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    for (k, v) in &fields {
        out.push(format!("  {}  {}", fit(k, label_width), one_line(v)));
    }
    out.push(format!(
        "  {}",
        trf(
            lang,
            K::ShowCreated,
            &[&when(item.created, now), &when(item.updated, now)]
        )
    ));
    if !item.checklist.is_empty() {
        let ticked = item.checklist.iter().filter(|c| c.done).count();
        out.push(format!(
            "{} {ticked}/{}",
            tr(lang, T::ChecklistTitle),
            item.checklist.len()
        ));
        for c in &item.checklist {
            let mark = if c.done { "[x]" } else { "[ ]" };
            out.push(format!("  {mark} {}", one_line(i18n::check(lang, c))));
        }
    }
    if !item.followups.is_empty() {
        out.push(tr(lang, K::ShowFollowups).into());
        for (i, f) in item.followups.iter().enumerate() {
            let mark = if f.done.is_some() { "[x]" } else { "[ ]" };
            out.push(format!("  {}. {mark} {}", i + 1, one_line(&f.text)));
        }
    }
    if !item.notes.is_empty() {
        out.push(tr(lang, K::ShowNotes).into());
        out.extend(note_lines(&item.notes, now));
    }
    if item.kind == Kind::Document && !item.custody.is_empty() {
        out.push(format!(
            "{} · {}",
            tr(lang, K::ShowCustody),
            i18n::stage(lang, custody::stage(item))
        ));
        for e in &item.custody {
            let mut parts = vec![when(e.at, now), i18n::action(lang, e.action).to_string()];
            if let Some(p) = &e.person {
                parts.push(one_line(p).into());
            }
            if let Some(w) = &e.witness {
                parts.push(trf(lang, R::BriefWitness, &[&one_line(w)]));
            }
            if let Some(l) = &e.location {
                parts.push(trf(lang, R::BriefLocation, &[&one_line(l)]));
            }
            if let Some(r) = &e.reason {
                parts.push(trf(lang, R::BriefOverride, &[&one_line(r)]));
            }
            if let Some(n) = &e.note {
                parts.push(one_line(n).into());
            }
            if let Some(m) = i18n::sync_texts::conflict_mark(lang, item, e) {
                parts.push(format!("[{m}]"));
            }
            out.push(format!("  {}", parts.join(" · ")));
        }
    }
    out
}

/// Numbered notes: `  2. 11-25 09:05  text`.
pub fn note_lines(notes: &[crate::model::Note], now: Time) -> Vec<String> {
    let digits = notes.len().to_string().len();
    notes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "  {:>digits$}. {}  {}",
                i + 1,
                when(n.at, now),
                one_line(&n.text)
            )
        })
        .collect()
}

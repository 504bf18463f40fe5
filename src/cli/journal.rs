//! `liaison delete ID [--yes]`, `liaison log [ID] [--json]` and
//! `liaison verify`: the journal as the command line sees it.

use std::io::{BufRead, IsTerminal, Write};

use super::{CliError, Ctx};
use crate::app::history::field_label;
use crate::i18n::{self, Lang, T, tr, trf};
use crate::store::Op;
use crate::store::op::{Field, WHOLE};

/// Deletes an item (a tombstone in the journal), after asking on a
/// terminal unless `yes`. An item with custody history is refused.
pub fn delete(ctx: &Ctx, id: &str, yes: bool) -> Result<(), CliError> {
    let snap = ctx.load()?;
    let Some(item) = snap.state.get(id) else {
        return Err(ctx.model_err(&crate::model::ModelError::UnknownId(id.trim().into())));
    };
    let (id, title) = (item.id.clone(), item.title.clone());
    // The same refusal as when deleting, before asking anything.
    let mut probe = snap.state.clone();
    probe.remove(&id).map_err(|e| ctx.model_err(&e))?;
    if !yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(CliError(trf(ctx.lang, T::DeleteNeedsYes, &[&id])));
        }
        eprint!(
            "{}",
            crate::sanitize::visible(&trf(ctx.lang, T::DeleteAsk, &[&id, &title]))
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = stdin.lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "是") {
            return Err(CliError(trf(ctx.lang, T::DeleteKept, &[&id])));
        }
    }
    let mut snap = snap;
    ctx.change_in(&mut snap, |s| s.remove(&id).map(|_| ()))?;
    say!("{}", trf(ctx.lang, T::Deleted, &[&id]));
    Ok(())
}

/// Lists the operations, all or one item's, oldest first.
pub fn log(ctx: &Ctx, id: Option<&str>, json: bool) -> Result<(), CliError> {
    ctx.load()?;
    let mut ops = ctx.store.operations()?;
    if ctx.store.in_team() {
        // Every replica's operations, in the order the team applies them.
        ops.extend(ctx.store.foreign_ops()?);
        ops.sort_by(crate::store::team::fold::order);
    }
    let ops: Vec<&Op> = ops
        .iter()
        .filter(|o| match id {
            None => true,
            Some(id) => o
                .item
                .as_deref()
                .is_some_and(|i| i.eq_ignore_ascii_case(id.trim())),
        })
        .collect();
    let mut out = std::io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &ops)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out))
    } else {
        ops.iter()
            .try_for_each(|o| writeln!(out, "{}", crate::sanitize::visible(&line(ctx.lang, o))))
    };
    written.map_err(|e| super::stdout_failed(ctx.lang, &e))
}

/// One operation in one line: number, time, replica, item, change, fields.
fn line(lang: Lang, o: &Op) -> String {
    let fields: Vec<String> = o
        .fields
        .iter()
        .filter(|(k, _)| k.as_str() != "updated" && k.as_str() != "custody_head")
        .map(|(k, f)| match f {
            Field::Set(_, _) if k == WHOLE => field_label(lang, k),
            Field::Set(_, new) if o.change == "snapshot" => short(new),
            Field::Set(old, new) => {
                format!("{}: {} → {}", field_label(lang, k), show(old), show(new))
            }
            Field::Push(entries) => format!("{} +{}", field_label(lang, k), entries.len()),
        })
        .collect();
    format!(
        "{:>5}  {}  {}  {:<5}  {}  {}",
        o.seq,
        o.at.format("%Y-%m-%d %H:%M:%S"),
        o.replica,
        o.item.as_deref().unwrap_or("-"),
        change_label(lang, &o.change),
        fields.join("; ")
    )
}

fn short(v: &serde_json::Value) -> String {
    let s = v.as_str().unwrap_or_default();
    s[..s.len().min(12)].to_string()
}

fn show(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "-".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn change_label(lang: Lang, change: &str) -> String {
    match change {
        "member" => return tr(lang, crate::i18n::M::ChangeMember).to_string(),
        "attend" => return tr(lang, crate::i18n::M::ChangeAttend).to_string(),
        _ => {}
    }
    let key = match change {
        "add" => T::ChangeAdd,
        "edit" => T::ChangeEdit,
        "done" => T::ChangeDone,
        "delete" => T::ChangeDelete,
        "note" => T::ChangeNote,
        "custody" => T::ChangeCustody,
        "tick" => T::ChangeTick,
        "undo" => T::ChangeUndo,
        "redo" => T::ChangeRedo,
        "inbox" => T::ChangeInbox,
        "snapshot" => T::ChangeSnapshot,
        _ => return change.to_string(),
    };
    tr(lang, key).to_string()
}

/// Checks the snapshot, the journal and every custody log; prints the
/// head, or one line per problem and fails.
pub fn verify(ctx: &Ctx) -> Result<(), CliError> {
    let snap = ctx.store.load_verified()?;
    let problems = crate::model::custody::verify(&snap.state);
    let team = ctx.store.team_problems()?;
    if !problems.is_empty() || !team.is_empty() {
        for p in &problems {
            say!("liaison: {}", i18n::chain_problem(ctx.lang, p));
        }
        for p in &team {
            say!("liaison: {}", i18n::sync_texts::chain_problem(ctx.lang, p));
        }
        let n = problems.len() + team.len();
        return Err(CliError(trf(ctx.lang, T::VerifyFailed, &[&n])));
    }
    // Custody conflicts from the team's merge are for the liaison to
    // resolve, not damage: said, and verification still passes.
    let conflicts = i18n::sync_texts::conflict_lines(ctx.lang, &snap.state);
    for c in &conflicts {
        say!("liaison: {}: {c}", tr(ctx.lang, T::Warning));
    }
    if !conflicts.is_empty() {
        let hint = tr(ctx.lang, i18n::sync_texts::Y::ConflictHint);
        say!("liaison: {hint}");
    }
    for w in &snap.warnings {
        say!(
            "liaison: {}: {}",
            tr(ctx.lang, T::Warning),
            i18n::notice(ctx.lang, w)
        );
    }
    super::sync::verify_team(ctx)?;
    show!(
        "{}",
        trf(
            ctx.lang,
            T::VerifyOk,
            &[
                &snap.operations(),
                &if snap.head().is_empty() {
                    "-"
                } else {
                    snap.head()
                }
            ]
        )
    );
    Ok(())
}

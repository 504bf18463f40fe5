//! One item of `liaison list` as a line of text.

use super::Row;
use crate::cli::Ctx;
use crate::i18n::{self, T, tr, trf};
use crate::model::{Item, Kind, Time, custody, triage, when};
use crate::sanitize::visible;
use crate::text::fit;

/// One item as a line of text: id, status, time, title, the kind's detail.
pub(in crate::cli) fn line(ctx: &Ctx, item: &Item, row: &Row, now: Time) -> String {
    let lang = ctx.lang;
    let when = item
        .when()
        .map(|t| when::shown(t, now).format("%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let mark = match triage::reason_with(item, now, &ctx.config.limits()) {
        Some(triage::Reason::Overdue) => format!(" [{}]", tr(lang, T::Overdue)),
        Some(triage::Reason::ReturnOverdue) => format!(" [{}]", tr(lang, T::ReturnOverdue)),
        Some(triage::Reason::AwaitingDisposal) => format!(" [{}]", tr(lang, T::AwaitingDisposal)),
        _ => String::new(),
    };
    let clash = match &row.conflicts {
        Some(ids) if !ids.is_empty() => {
            format!(
                " [{}]",
                trf(lang, T::ConflictMark, &[&i18n::join(lang, ids)])
            )
        }
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
    .map(|d| format!("  · {}", visible(&d)))
    .unwrap_or_default();
    format!(
        "{} {} {} {}{detail}{mark}{clash}",
        fit(&visible(&item.id), 6),
        fit(i18n::item_status(lang, item), 11),
        fit(&when, 11),
        visible(&item.title),
    )
}

//! A document's custody in its detail: its log with every step's people
//! labelled, its copies and extracts, and its loan register.

use ratatui::text::Line;

use super::Ctx;
use crate::app::App;
use crate::i18n::{self, C, T, tr, trf};
use crate::model::Item;
use crate::model::custody::{self, register};
use crate::text::one_line;

/// `MM-DD HH:MM`, as the registers show times.
fn at(t: crate::model::Time) -> String {
    t.format("%m-%d %H:%M").to_string()
}

/// The custody sections of `item`'s detail, added to `lines`.
pub fn custody_sections(cx: &Ctx, app: &App, item: &Item, lines: &mut Vec<Line<'static>>) {
    let lang = app.lang;
    let sep = tr(lang, C::ListSep);
    if let (Some(parent), Some(kind)) = (&item.parent, item.copy_kind) {
        lines.push(Line::raw(""));
        let title = app.title_of(parent);
        lines.push(Line::styled(
            format!(
                "{}  {}",
                i18n::copy_of(lang, kind, parent),
                one_line(&title)
            ),
            cx.theme.key(),
        ));
    }
    if !item.custody.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(tr(lang, T::CustodyTitle), cx.theme.key()));
        for e in &item.custody {
            let details = i18n::event_details(lang, e, app.now);
            let void = match &e.void {
                Some(v) => format!(
                    "  [{} {} {}]",
                    tr(lang, T::CustodyVoid),
                    at(v.at),
                    one_line(&v.by)
                ),
                None => String::new(),
            };
            let conflict = i18n::sync_texts::conflict_mark(lang, item, e)
                .map(|m| format!("  [{m}]"))
                .unwrap_or_default();
            lines.push(Line::raw(format!(
                "  {}  {}  {}{void}{conflict}",
                at(e.at),
                i18n::action(lang, e.action),
                details.join(sep)
            )));
        }
    }
    if !item.class_log.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(tr(lang, C::ClassLogTitle), cx.theme.key()));
        let name =
            |c: Option<crate::model::Class>| c.map(|c| i18n::class(lang, c)).unwrap_or_default();
        for c in &item.class_log {
            let said = match &c.reason {
                Some(r) => trf(
                    lang,
                    C::ClassChangedWhy,
                    &[&name(c.from), &name(c.to), &one_line(r)],
                ),
                None => trf(lang, C::ClassChanged, &[&name(c.from), &name(c.to)]),
            };
            lines.push(Line::raw(format!("  {}  {said}", at(c.at))));
        }
    }
    let copies: Vec<&Item> = custody::copies_of(&app.snap.state, &item.id).collect();
    if !copies.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{} ({})", tr(lang, C::CopiesTitle), copies.len()),
            cx.theme.key(),
        ));
        for c in copies {
            let kind = c
                .copy_kind
                .map(|k| i18n::copy_kind(lang, k))
                .unwrap_or_default();
            let stage = i18n::stage(lang, custody::stage(c));
            lines.push(Line::raw(format!(
                "  {}  {kind}  {}  · {stage}",
                c.id,
                one_line(&c.title)
            )));
        }
    }
    let loans = register::loans_of(item);
    if !loans.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{} ({})", tr(lang, C::LoanRegister), loans.len()),
            cx.theme.key(),
        ));
        for l in loans {
            lines.push(Line::raw(format!("  {}", loan_line(app, &l))));
        }
    }
}

/// `借出 11-24 09:00，借阅人：组员甲，应还 11-25 09:00，归还 11-24 17:00`.
pub fn loan_line(app: &App, l: &register::LoanRecord) -> String {
    let lang = app.lang;
    let mut parts = vec![
        trf(lang, C::LentSince, &[&at(l.since())]),
        trf(
            lang,
            C::Labelled,
            &[&tr(lang, C::Borrower), &one_line(l.person())],
        ),
    ];
    if let Some(until) = l.lend.until {
        parts.push(trf(lang, C::DueBack, &[&at(until)]));
    }
    parts.push(match l.back {
        Some(e) => trf(lang, C::ReturnedAt, &[&at(e.at)]),
        None => tr(lang, C::NotBack).to_string(),
    });
    parts.join(tr(lang, C::ListSep))
}

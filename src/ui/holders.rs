//! Who holds what (`h`): documents on loan by borrower, each with when it is
//! due back; the borrowers with the most overdue loan first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Ctx, block};
use crate::app::App;
use crate::i18n::{self, C, T, tr, trf};
use crate::model::custody;
use crate::model::{Item, Kind, Time};
use crate::text::{fit, one_line, truncate, width};

/// Documents out on loan, grouped by who holds them: (person, [(item, due)]),
/// soonest due (so overdue) first, within a borrower and between them.
pub fn loans(app: &App) -> Vec<(String, Vec<(&Item, Time)>)> {
    let fallback = app.config.limits().loan;
    let mut by_person: Vec<(String, Vec<(&Item, Time)>)> = Vec::new();
    for item in app.items().iter().filter(|i| i.kind == Kind::Document) {
        let Some(loan) = custody::loan(item) else {
            continue;
        };
        let due = loan.due(fallback);
        match by_person.iter_mut().find(|(p, _)| p == loan.person) {
            Some((_, list)) => list.push((item, due)),
            None => by_person.push((loan.person.to_string(), vec![(item, due)])),
        }
    }
    for (_, list) in &mut by_person {
        list.sort_by_key(|(i, due)| (*due, i.created));
    }
    by_person.sort_by(|a, b| a.1[0].1.cmp(&b.1[0].1).then(a.0.cmp(&b.0)));
    by_person
}

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, page: &crate::app::Page) {
    let b = block(cx, true).title(format!(" {} ", tr(app.lang, T::HoldersTitle)));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let w = inner.width as usize;
    if w == 0 || inner.height == 0 {
        return;
    }
    let groups = loans(app);
    if groups.is_empty() {
        frame.render_widget(
            Paragraph::new(truncate(tr(app.lang, T::HoldersEmpty), w)).style(cx.theme.dim()),
            inner,
        );
        return;
    }
    let mut lines = Vec::new();
    for (person, docs) in groups {
        lines.push(Line::styled(
            truncate(&format!("{} ({})", one_line(&person), docs.len()), w),
            cx.theme.key(),
        ));
        for (item, due) in docs {
            let mark = if item.is_sensitive() {
                cx.theme.sensitive_mark()
            } else {
                " "
            };
            let overdue = due < app.now;
            let when = i18n::preview(due, app.now, app.lang);
            let due_text = trf(
                app.lang,
                if overdue { C::OverdueSince } else { C::DueBack },
                &[&when],
            );
            let title_w = w.saturating_sub(4 + 5 + width(&due_text) + 2);
            let line = format!(
                "  {mark} {} {}  {due_text}",
                fit(&one_line(&item.id), 4),
                fit(&one_line(&item.title), title_w)
            );
            let line = truncate(&line, w);
            lines.push(if overdue {
                Line::styled(line, cx.theme.error())
            } else {
                Line::raw(line)
            });
        }
    }
    let scroll = page.scroll.min(lines.len().saturating_sub(1)) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

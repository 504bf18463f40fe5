//! The one-line question (borrower, witness, location, date) and the
//! "who holds what" register.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::form::visible;
use super::{Ctx, block, centered};
use crate::app::{App, Ask, Prompt};
use crate::i18n::{self, T, tr, trf};
use crate::model::custody::{self, Need};
use crate::model::when::{Purpose, parse_when};
use crate::model::{Item, Kind};
use crate::text::{fit, one_line, truncate, width};

/// The question a prompt asks, in the user's language.
pub fn question(app: &App, ask: &Ask) -> String {
    let (id, key) = match ask {
        Ask::Custody { id, action } => (
            id,
            match action.needs() {
                Some(Need::Witness) => T::AskWitness,
                Some(Need::Location) => T::AskLocation,
                _ => T::AskPerson,
            },
        ),
        Ask::SnoozeTo { id } => (id, T::AskDate),
        Ask::Handback { id } => (id, T::AskHandback),
        Ask::AddCheck { id } => (id, T::AskCheck),
    };
    let title = app.title_of(id);
    trf(app.lang, key, &[id, &truncate(&title, 30)])
}

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, p: &Prompt) {
    let w = area.width.saturating_sub(4).min(76);
    let h = if p.error.is_some() { 5 } else { 4 };
    let r = centered(area, w, h);
    frame.render_widget(super::overlay::Clear, r);
    let b = block(cx, true);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let iw = inner.width as usize;
    if iw < 2 || inner.height < 2 {
        return;
    }
    let preview = match &p.ask {
        Ask::SnoozeTo { .. } if !p.input.value().trim().is_empty() => {
            Some(match parse_when(p.input.value(), app.now, Purpose::Due) {
                Ok(t) => format!(" → {}", i18n::preview(t, app.now, app.lang)),
                Err(_) => format!(" → {}", tr(app.lang, T::UnreadableDate)),
            })
        }
        _ => None,
    };
    let field_w = iw
        .saturating_sub(preview.as_deref().map(width).unwrap_or(0))
        .max(2)
        - 1;
    let (shown, col) = visible(&p.input, field_w);
    let mut lines = vec![
        Line::styled(truncate(&question(app, &p.ask), iw), cx.theme.key()),
        Line::from(vec![
            Span::raw(fit(&shown, field_w + 1)),
            Span::styled(preview.unwrap_or_default(), cx.theme.dim()),
        ]),
    ];
    if let Some(e) = &p.error {
        lines.push(Line::styled(truncate(&one_line(e), iw), cx.theme.error()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position(Position::new(inner.x + col as u16, inner.y + 1));
}

/// Documents out on loan, grouped by who holds them: (person, [(item, since)]).
pub fn loans(app: &App) -> Vec<(String, Vec<(&Item, String)>)> {
    let mut by_person: Vec<(String, Vec<(&Item, String)>)> = Vec::new();
    for item in app.items().iter().filter(|i| i.kind == Kind::Document) {
        let Some(person) = custody::holder(item) else {
            continue;
        };
        let since = item
            .custody
            .last()
            .map(|e| e.at.format("%m-%d %H:%M").to_string())
            .unwrap_or_default();
        match by_person.iter_mut().find(|(p, _)| p == person) {
            Some((_, list)) => list.push((item, since)),
            None => by_person.push((person.to_string(), vec![(item, since)])),
        }
    }
    by_person.sort_by(|a, b| a.0.cmp(&b.0));
    by_person
}

pub fn render_holders(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
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
        for (item, since) in docs {
            let mark = if item.is_sensitive() {
                cx.theme.sensitive_mark()
            } else {
                " "
            };
            let since = trf(app.lang, T::HoldersSince, &[&since]);
            let title_w = w.saturating_sub(4 + 5 + width(&since) + 2);
            let line = format!(
                "  {mark} {} {}  {since}",
                fit(&item.id, 4),
                fit(&one_line(&item.title), title_w)
            );
            lines.push(Line::raw(truncate(&line, w)));
        }
    }
    let scroll = app.detail_scroll.min(lines.len().saturating_sub(1)) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// The inbox: notes taken without an item, newest first.
pub fn render_inbox(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
    let inbox = &app.snap.state.inbox;
    let b = block(cx, true).title(format!(" {} ({}) ", tr(app.lang, T::Inbox), inbox.len()));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let w = inner.width as usize;
    if w == 0 || inner.height == 0 {
        return;
    }
    if inbox.is_empty() {
        frame.render_widget(
            Paragraph::new(truncate(tr(app.lang, T::InboxEmpty), w)).style(cx.theme.dim()),
            inner,
        );
        return;
    }
    let lines: Vec<Line> = inbox
        .iter()
        .rev()
        .map(|n| {
            Line::from(vec![
                Span::styled(format!("{}  ", n.at.format("%m-%d %H:%M")), cx.theme.dim()),
                Span::raw(one_line(&n.text).into_owned()),
            ])
        })
        .collect();
    let scroll = app.detail_scroll.min(lines.len().saturating_sub(1)) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

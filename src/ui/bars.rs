//! The bars around the body: the header, the pane tabs, the status line and
//! the footer of keys.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, roster};
use crate::app::{App, Overlay};
use crate::i18n::{self, T, tr, trf};
use crate::model::Kind;
use crate::text::{one_line, truncate, width};

pub(super) fn header(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let date = format!(
        " {} {} ",
        i18n::weekday(lang, app.now.weekday()),
        app.now.format("%Y-%m-%d %H:%M")
    );
    let name = app
        .config
        .inspection
        .clone()
        .or_else(|| app.snap.state.inspection.clone())
        .unwrap_or_default();
    let c = app.counts;
    let mut right = vec![
        Span::styled(
            format!("{} {}", tr(lang, T::Overdue), c.overdue),
            if c.overdue > 0 {
                cx.theme.overdue()
            } else {
                Style::new()
            },
        ),
        Span::raw("  "),
        Span::styled(
            format!("{} {}", tr(lang, T::DueToday), c.today),
            if c.today > 0 {
                cx.theme.due_today()
            } else {
                Style::new()
            },
        ),
        Span::raw("  "),
        Span::raw(format!("{} {} ", tr(lang, T::OnLoan), c.on_loan)),
    ];
    if app.read_only {
        right.insert(
            0,
            Span::styled(
                format!("[{}]  ", tr(lang, T::ReadOnlyMark)),
                cx.theme.error(),
            ),
        );
    }
    if let Some(text) = crate::app::sync::header_text(app) {
        let style = if app.sync.failed.is_some() {
            cx.theme.error()
        } else {
            Style::new()
        };
        right.insert(0, Span::styled(format!("{text}  "), style));
    }
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    let total = area.width as usize;
    let name_w = total.saturating_sub(width(&date) + right_w + 2);
    // A custody log that fails verification takes the name's place, in red.
    let middle = match app.chain_problems.as_slice() {
        [] => Span::raw(format!(" {} ", crate::text::fit(&one_line(&name), name_w))),
        [one] => Span::styled(
            format!(" {} ", crate::text::fit(&one_line(one), name_w)),
            cx.theme.error(),
        ),
        [first, rest @ ..] => {
            let text = format!("{} (+{})", one_line(first), rest.len());
            Span::styled(
                format!(" {} ", crate::text::fit(&text, name_w)),
                cx.theme.error(),
            )
        }
    };
    let mut spans = vec![Span::styled(date, cx.theme.key()), middle];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if area.height > 1 {
        let second = Rect::new(area.x, area.y + 1, area.width, 1);
        frame.render_widget(
            Paragraph::new(roster::header_line(cx, app, second.width)),
            second,
        );
    }
}

pub(super) fn tabs(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
    let spans: Vec<Span> = Kind::ALL
        .iter()
        .enumerate()
        .flat_map(|(i, k)| {
            let text = format!(" {} {} ", i + 1, i18n::kind(app.lang, *k));
            let style = if *k == app.focus {
                cx.theme.selected(true)
            } else {
                Style::new()
            };
            [Span::styled(text, style), Span::raw(" ")]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub(super) fn status_line(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
    let w = area.width as usize;
    if matches!(app.overlay, Overlay::Search) {
        super::search::render(cx, app, frame, area);
        return;
    }
    if let Some(s) = &app.status {
        let style = if s.error {
            cx.theme.error()
        } else {
            Style::new()
        };
        frame.render_widget(
            Paragraph::new(truncate(&one_line(&s.text), w)).style(style),
            area,
        );
    } else if let Some(query) = app.filter_text() {
        // Matches by pane: `财务 — 资料调阅 2 · 会务安排 1`.
        let by_pane: Vec<String> = app
            .panes
            .iter()
            .filter(|(_, v)| !v.rows.is_empty())
            .map(|(k, v)| format!("{} {}", i18n::kind(app.lang, k), v.rows.len()))
            .collect();
        let text = if by_pane.is_empty() {
            trf(app.lang, T::FilterNone, &[&one_line(query)])
        } else {
            trf(
                app.lang,
                T::FilterShown,
                &[&one_line(query), &by_pane.join(" · ")],
            )
        };
        frame.render_widget(
            Paragraph::new(truncate(&text, w)).style(cx.theme.dim()),
            area,
        );
    }
}

pub(super) fn footer(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut used = 0;
    for b in app.config.keymap.footer(app.mode()) {
        let desc = tr(app.lang, b.help);
        let w = width(&b.label) + 1 + width(desc) + 2;
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(b.label.as_ref(), cx.theme.key()));
        spans.push(Span::raw(format!(" {desc}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

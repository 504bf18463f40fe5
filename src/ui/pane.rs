//! One pane: a table of its items.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Ctx, block, when_text};
use crate::app::App;
use crate::i18n::{self, T, tr};
use crate::model::{Item, Kind, triage};
use crate::text::{fit, one_line, truncate};

/// The kind-specific column's text.
pub fn extra(app: &App, item: &Item) -> String {
    let lang = app.lang;
    let s = match item.kind {
        Kind::Logistics => item.category.map(|c| i18n::category(lang, c).to_string()),
        Kind::Document => crate::model::custody::holder(item)
            .map(str::to_string)
            .or_else(|| item.from.clone()),
        Kind::Meeting => item.place.clone(),
        Kind::Substitute => item.section.clone(),
    };
    one_line(&s.unwrap_or_default()).into_owned()
}

/// The style of an item's row by urgency.
pub fn row_style(cx: &Ctx, app: &App, item: &Item) -> Style {
    if item.status.is_closed() {
        cx.theme.closed()
    } else {
        match triage::reason(item, app.now) {
            Some(triage::Reason::Overdue) => cx.theme.overdue(),
            Some(triage::Reason::DueToday | triage::Reason::MeetingToday) => cx.theme.due_today(),
            _ => Style::new(),
        }
    }
}

/// One row: mark, id, title cut to fit, time, the kind's column.
pub fn row_line(cx: &Ctx, app: &App, item: &Item, w: usize) -> Line<'static> {
    let when = when_text(app, item);
    let extra_w = if w >= 56 {
        12
    } else if w >= 44 {
        8
    } else {
        0
    };
    let when_w = if w >= 30 { 12 } else { 0 };
    let fixed = 2 + 5 + when_w + extra_w + usize::from(extra_w > 0);
    let title_w = w.saturating_sub(fixed);
    let mark = if item.is_sensitive() {
        cx.theme.sensitive_mark()
    } else {
        cx.theme.status_mark(item.status)
    };
    let mut text = format!("{} {}", fit(mark, 1), fit(&item.id, 4));
    text.push(' ');
    text.push_str(&fit(&one_line(&item.title), title_w));
    if when_w > 0 {
        text.push_str(&fit(&format!(" {when}"), when_w));
    }
    if extra_w > 0 {
        text.push(' ');
        text.push_str(&fit(&extra(app, item), extra_w));
    }
    Line::from(truncate(&text, w)).style(row_style(cx, app, item))
}

/// The first row to draw so that `selected` is visible in `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, pane: usize) {
    let kind = Kind::ALL[pane];
    let focused = app.focus == pane;
    let view = &app.panes[pane];
    let mut title = format!(" {} {} ", pane + 1, i18n::kind(app.lang, kind));
    if app.filter_pane == Some(pane) && !app.search.value().is_empty() {
        title.push_str(&format!(
            "/{} ({}) ",
            one_line(app.search.value()),
            view.rows.len()
        ));
    } else {
        title.push_str(&format!("({}) ", view.rows.len()));
    }
    let block: Block = block(cx, focused).title(Span::styled(
        truncate(&title, area.width.saturating_sub(2) as usize),
        cx.theme.border(focused),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (w, h) = (inner.width as usize, inner.height as usize);
    if w == 0 || h == 0 {
        return;
    }
    if view.rows.is_empty() {
        let hint = truncate(tr(app.lang, T::EmptyPane), w);
        frame.render_widget(Paragraph::new(hint).style(cx.theme.dim()), inner);
        return;
    }
    let offset = scroll_offset(view.selected, h);
    // Each row is already cut to the pane's width, so it goes straight into
    // the buffer: a Paragraph would measure every character again.
    let buf = frame.buffer_mut();
    for (i, &ix) in view.rows[offset..].iter().take(h).enumerate() {
        let mut line = row_line(cx, app, &app.items()[ix], w);
        if offset + i == view.selected {
            line = line.patch_style(cx.theme.selected(focused));
        }
        buf.set_line(inner.x, inner.y + i as u16, &line, inner.width);
    }
}

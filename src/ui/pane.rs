//! One pane: a table of its items.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Ctx, block, when_text};
use crate::app::App;
use crate::i18n::{self, T, tr, trf};
use crate::model::{Item, Kind, triage};
use crate::text::{fit, one_line, truncate};

/// The kind-specific column's text.
pub fn extra(app: &App, item: &Item) -> String {
    let lang = app.lang;
    let s = match item.kind {
        Kind::Logistics => item.category.map(|c| i18n::category(lang, c).to_string()),
        Kind::Document => {
            let who = crate::model::custody::holder(item)
                .or(item.from.as_deref())
                .unwrap_or_default();
            let rule = item
                .rule
                .map(|r| i18n::rule_short(lang, r))
                .unwrap_or_default();
            Some(format!("{rule} {who}"))
        }
        Kind::Meeting => {
            let kind = item
                .meeting_type
                .map(|t| i18n::meeting_short(lang, t))
                .unwrap_or_default();
            Some(format!(
                "{kind} {}",
                item.place.as_deref().unwrap_or_default()
            ))
        }
        Kind::Substitute => item.section.clone(),
    };
    one_line(&s.unwrap_or_default()).into_owned()
}

/// The style of an item's row by urgency.
pub fn row_style(cx: &Ctx, app: &App, item: &Item) -> Style {
    if item.status.is_closed() {
        cx.theme.closed()
    } else {
        match triage::reason_with(item, app.now, &app.config.limits()) {
            // A loan kept too long is as late as an overdue item; a document
            // waiting to be returned, shredded or filed asks for today.
            Some(triage::Reason::Overdue | triage::Reason::ReturnOverdue) => cx.theme.overdue(),
            Some(
                triage::Reason::DueToday
                | triage::Reason::MeetingToday
                | triage::Reason::AwaitingDisposal,
            ) => cx.theme.due_today(),
            _ => Style::new(),
        }
    }
}

/// One row: mark, id, title cut to fit, time, the kind's column. `ix` is the
/// item's index in the state.
pub fn row_line(cx: &Ctx, app: &App, ix: usize, w: usize) -> Line<'static> {
    let item = &app.items()[ix];
    let when = when_text(app, item);
    let extra_w = if w >= 70 {
        20
    } else if w >= 56 {
        12
    } else if w >= 44 {
        8
    } else {
        0
    };
    let when_w = if w >= 30 { 12 } else { 0 };
    let fixed = 2 + 5 + when_w + extra_w + usize::from(extra_w > 0);
    let title_w = w.saturating_sub(fixed);
    let mark = cx.theme.status_mark(item.status);
    let mut text = format!("{} {}", fit(mark, 1), fit(&one_line(&item.id), 4));
    text.push(' ');
    let conflict = app.conflicted.get(ix).copied().unwrap_or(false);
    // A copy or extract sits under its source.
    let nest = if item.parent.is_some() { "└ " } else { "" };
    let title = if item.is_sensitive() {
        format!(
            "{nest}{} {}",
            cx.theme.sensitive_mark(),
            one_line(&item.title)
        )
    } else if conflict {
        format!("{} {}", cx.theme.conflict_mark(), one_line(&item.title))
    } else {
        one_line(&item.title).into_owned()
    };
    text.push_str(&fit(&title, title_w));
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
    if view.rows.is_empty() && app.folded_past == 0 {
        let hint = truncate(tr(app.lang, T::EmptyPane), w);
        frame.render_widget(Paragraph::new(hint).style(cx.theme.dim()), inner);
        return;
    }
    let all = entries(app, pane);
    let at = all
        .iter()
        .position(|e| *e == Entry::Row(view.selected))
        .unwrap_or(0);
    let offset = scroll_offset(at, h);
    let lines: Vec<Line> = all[offset..]
        .iter()
        .take(h)
        .map(|e| match e {
            Entry::Row(r) => {
                let line = row_line(cx, app, view.rows[*r], w);
                if *r == view.selected {
                    line.patch_style(cx.theme.selected(focused))
                } else {
                    line
                }
            }
            Entry::Day(text, today) => {
                let style = if *today {
                    cx.theme.key()
                } else {
                    cx.theme.dim()
                };
                Line::styled(rule(&format!("── {text} "), '─', w), style)
            }
            Entry::Now => {
                let text = format!(
                    "{} {} ",
                    app.now.format("%H:%M"),
                    tr(app.lang, T::AgendaNow)
                );
                Line::styled(rule(&format!("  ▶ {text}"), '┄', w), cx.theme.due_today())
            }
            Entry::Folded(n) => Line::styled(
                truncate(&trf(app.lang, T::AgendaFolded, &[n]), w),
                cx.theme.dim(),
            ),
        })
        .collect();
    // Each line is already cut to the pane's width, so it goes straight into
    // the buffer: a Paragraph would measure every character again.
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().enumerate() {
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}

/// `text` filled out to `w` columns with `fill` (cut without a mark if long).
fn rule(text: &str, fill: char, w: usize) -> String {
    if crate::text::width(text) > w {
        return crate::text::truncate(text, w);
    }
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(fill, w - crate::text::width(text)));
    out
}

/// One line of a pane: an item's row (by its index in the pane's rows), or,
/// in the Meetings agenda, a day heading, the "now" line or the folded past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Row(usize),
    Day(String, bool),
    Now,
    Folded(usize),
}

/// The lines a pane shows, in order: the same for drawing and mouse clicks.
pub fn entries(app: &App, pane: usize) -> Vec<Entry> {
    let view = &app.panes[pane];
    if Kind::ALL[pane] != Kind::Meeting {
        return (0..view.rows.len()).map(Entry::Row).collect();
    }
    let mut out = Vec::with_capacity(view.rows.len() + 8);
    let mut last_day = None;
    let mut now_drawn = false;
    for (r, &ix) in view.rows.iter().enumerate() {
        let item = &app.items()[ix];
        let day = item.start.map(|t| t.date_naive());
        let is_today = day == Some(app.now.date_naive());
        if day != last_day {
            if last_day == Some(app.now.date_naive()) && !now_drawn {
                out.push(Entry::Now);
                now_drawn = true;
            }
            let label = match item.start {
                Some(t) if is_today => format!(
                    "{} · {}",
                    i18n::preview_day(t, app.now, app.lang),
                    tr(app.lang, T::AgendaToday)
                ),
                Some(t) => i18n::preview_day(t, app.now, app.lang),
                None => tr(app.lang, T::AgendaUndated).to_string(),
            };
            out.push(Entry::Day(label, is_today));
            last_day = day;
        }
        if is_today && !now_drawn && item.start.is_some_and(|t| t > app.now) {
            out.push(Entry::Now);
            now_drawn = true;
        }
        out.push(Entry::Row(r));
    }
    if last_day == Some(app.now.date_naive()) && !now_drawn {
        out.push(Entry::Now);
    }
    if app.folded_past > 0 {
        out.push(Entry::Folded(app.folded_past));
    }
    out
}

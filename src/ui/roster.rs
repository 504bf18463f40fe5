//! The roster view (`m`): each member with role, section, where they are
//! today and what they hold; the selected one takes the attendance keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Paint, block};
use crate::app::App;
use crate::i18n::{self, M, tr};
use crate::model::attendance::{self, Whereabouts};
use crate::model::roster::held_by;
use crate::text::{fit, one_line, truncate, width};

/// One row per member: name, role, section, today, holds.
pub fn rows(app: &App) -> Vec<[String; 5]> {
    let state = &app.snap.state;
    let today = attendance::day_of(app.now, app.now);
    state
        .roster()
        .into_iter()
        .map(|m| {
            let w = attendance::whereabouts(state, &m.name, today, app.now);
            let held: Vec<&str> = held_by(state, &m.name)
                .iter()
                .map(|i| i.id.as_str())
                .collect();
            [
                one_line(&m.name).into_owned(),
                i18n::team::role(app.lang, m.role).to_string(),
                one_line(m.section.as_deref().unwrap_or("")).into_owned(),
                one_line(&i18n::team::whereabouts(app.lang, &w, app.now)).into_owned(),
                held.join(" "),
            ]
        })
        .collect()
}

pub fn render(cx: &Paint, app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let b = block(cx, true).title(format!(" {} ", tr(lang, M::RosterTitle)));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let w = inner.width as usize;
    if w == 0 || inner.height == 0 {
        return;
    }
    let rows = rows(app);
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(truncate(crate::app::roster::empty_roster(app), w))
                .style(cx.theme.dim()),
            inner,
        );
        return;
    }
    let heads = [
        M::ColName,
        M::ColRole,
        M::ColSection,
        M::ColToday,
        M::ColHolds,
    ]
    .map(|k| tr(lang, k));
    let mut widths: Vec<usize> = (0..3)
        .map(|c| {
            rows.iter()
                .map(|r| width(&r[c]))
                .chain([width(heads[c])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    widths.push(
        rows.iter()
            .map(|r| width(&r[3]))
            .chain([width(heads[3])])
            .max()
            .unwrap_or(0)
            .min(40),
    );
    let line = |cells: [&str; 5]| {
        let mut s = String::new();
        for c in 0..4 {
            s.push_str(&fit(cells[c], widths[c]));
            s.push_str("  ");
        }
        s.push_str(cells[4]);
        truncate(s.trim_end(), w)
    };
    let mut lines = vec![Line::styled(line(heads), cx.theme.dim())];
    let today = attendance::day_of(app.now, app.now);
    let h = inner.height as usize - 1;
    let offset = app.team.selected.saturating_sub(h.saturating_sub(1));
    for (i, (r, m)) in rows
        .iter()
        .zip(app.snap.state.roster())
        .enumerate()
        .skip(offset)
        .take(h)
    {
        let text = line([&r[0], &r[1], &r[2], &r[3], &r[4]]);
        let alert = app.team.alerts.iter().any(|a| a.starts_with(&m.name));
        let style = if i == app.team.selected {
            cx.theme.selected(true)
        } else if alert {
            cx.theme.overdue()
        } else if matches!(
            attendance::whereabouts(&app.snap.state, &m.name, today, app.now),
            Whereabouts::Unrecorded
        ) {
            cx.theme.dim()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The header's second line: the reminder first, then the alerts.
pub fn header_line(cx: &Paint, app: &App, w: u16) -> Line<'static> {
    let mut spans = Vec::new();
    if let Some(r) = app.reminder_line() {
        spans.push(Span::styled(format!(" {r} "), cx.theme.due_today()));
    }
    if !app.team.alerts.is_empty() {
        spans.push(Span::styled(
            format!(" ! {} ", app.team.alerts.join(" · ")),
            cx.theme.overdue(),
        ));
    }
    let text: String = spans.iter().map(|s| s.content.to_string()).collect();
    if width(&text) > w as usize {
        return Line::from(Span::styled(
            truncate(&text, w as usize),
            spans.first().map(|s| s.style).unwrap_or_default(),
        ));
    }
    Line::from(spans)
}

/// Draws the attendance alerts at the top of `area` (at most half of it);
/// returns the rows they took.
pub fn alert_lines(cx: &Paint, app: &App, area: Rect, frame: &mut Frame) -> u16 {
    let n = (app.team.alerts.len() as u16).min(area.height / 2);
    for (i, a) in app.team.alerts.iter().take(n as usize).enumerate() {
        let r = Rect::new(area.x, area.y + i as u16, area.width, 1);
        let text = truncate(&format!("! {}", one_line(a)), area.width as usize);
        frame.render_widget(Paragraph::new(text).style(cx.theme.overdue()), r);
    }
    n
}

//! The Today view: one list across the panes, in triage order.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::pane::{Row, columns, row, row_line, scroll_offset};
use super::{Paint, block};
use crate::app::App;
use crate::i18n::{T, tr};
use crate::model::triage::Reason;
use crate::text::{fit, truncate};

pub fn reason_label(reason: Reason) -> T {
    match reason {
        Reason::Overdue => T::ReasonOverdue,
        Reason::MeetingToday => T::ReasonMeeting,
        Reason::DueToday => T::ReasonDue,
        Reason::Waiting => T::ReasonWaiting,
        Reason::ReturnOverdue => T::ReasonLoanDue,
        Reason::LoanDueToday => T::ReasonLoanToday,
        Reason::AwaitingDisposal => T::ReasonDispose,
    }
}

pub fn render(cx: &Paint, app: &App, frame: &mut Frame, area: Rect, t: &crate::app::Today) {
    let title = format!(" {} ({}) ", tr(app.lang, T::TodayTitle), app.today.len());
    let b = block(cx, true).title(title);
    let mut inner = b.inner(area);
    frame.render_widget(b, area);
    // Attendance alerts (out past the return time, leave not approved)
    // head the list, one line each.
    let alerts = super::roster::alert_lines(cx, app, inner, frame);
    inner.y += alerts;
    inner.height -= alerts;
    let (w, h) = (inner.width as usize, inner.height as usize);
    if w == 0 || h == 0 {
        return;
    }
    if app.today.is_empty() {
        frame.render_widget(
            Paragraph::new(truncate(tr(app.lang, T::EmptyToday), w)).style(cx.theme.dim()),
            inner,
        );
        return;
    }
    let label_w = 9;
    let offset = scroll_offset(t.selected, h);
    let row_w = w.saturating_sub(label_w);
    let shown: Vec<Row> = app.today[offset..]
        .iter()
        .take(h)
        .map(|(ix, _)| row(cx, app, *ix))
        .collect();
    let cols = columns(&shown, row_w);
    let lines: Vec<Line> = app.today[offset..]
        .iter()
        .take(h)
        .enumerate()
        .zip(&shown)
        .map(|((i, (_, reason)), row)| {
            let mut line = row_line(cx, app, row, row_w, cols);
            line.spans
                .insert(0, fit(tr(app.lang, reason_label(*reason)), label_w).into());
            if offset + i == t.selected {
                line.patch_style(cx.theme.selected(true))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

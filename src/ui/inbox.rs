//! The inbox view: notes taken without an item, newest first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, block};
use crate::app::{App, Inbox};
use crate::i18n::{T, tr};
use crate::text::{one_line, truncate, width};

/// The inbox: notes taken without an item, newest first.
pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, view: &Inbox) {
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
    // Newest first, one row each, the selected one highlighted and kept
    // in view.
    let selected = view.selected.min(inbox.len() - 1);
    let h = inner.height as usize;
    let offset = super::pane::scroll_offset(selected, h);
    let lines: Vec<Line> = inbox
        .iter()
        .rev()
        .enumerate()
        .skip(offset)
        .take(h)
        .map(|(i, n)| {
            let stamp = format!("{}  ", n.at.format("%m-%d %H:%M"));
            let text = truncate(&one_line(&n.text), w.saturating_sub(width(&stamp)));
            let line = Line::from(vec![Span::styled(stamp, cx.theme.dim()), Span::raw(text)]);
            if i == selected {
                line.patch_style(cx.theme.selected(true))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

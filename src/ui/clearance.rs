//! The clearance view (`o`): what is still out at the end of the
//! inspection (巡后清退), grouped by who holds it, with counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Ctx, block};
use crate::app::App;
use crate::i18n::{C, tr};
use crate::model::custody;
use crate::report::clearance::{counts, groups, line};
use crate::text::{one_line, truncate};

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect, page: &crate::app::Page) {
    let b = block(cx, true).title(format!(" {} ", tr(app.lang, C::ClearanceTitle)));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let w = inner.width as usize;
    if w == 0 || inner.height == 0 {
        return;
    }
    let open = custody::clearance(&app.snap.state, app.now, app.config.limits().loan);
    let mut lines = vec![Line::styled(
        truncate(&counts(app.lang, &open), w),
        cx.theme.dim(),
    )];
    if open.is_empty() {
        lines.push(Line::raw(truncate(tr(app.lang, C::ClearanceEmpty), w)));
    }
    for (head, list) in groups(app.lang, &open) {
        lines.push(Line::styled(
            truncate(&format!("{} ({})", one_line(&head), list.len()), w),
            cx.theme.key(),
        ));
        for o in list {
            let text = truncate(&format!("  {}", line(app.lang, o, app.now)), w);
            lines.push(if o.overdue {
                Line::styled(text, cx.theme.error())
            } else {
                Line::raw(text)
            });
        }
    }
    let scroll = page.scroll.min(lines.len().saturating_sub(1)) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

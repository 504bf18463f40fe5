//! The search line: what is typed, with a real cursor.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::form::visible;
use crate::app::App;
use crate::i18n::{T, tr};
use crate::text::width;

pub fn render(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
    let prompt = format!("{}: ", tr(app.lang, T::SearchPrompt));
    let pw = width(&prompt);
    let w = (area.width as usize).saturating_sub(pw + 1);
    if w == 0 {
        return;
    }
    let Some(filter) = &app.filter else { return };
    let (shown, col) = visible(&filter.query, w);
    let line = Line::from(vec![Span::styled(prompt, cx.theme.key()), Span::raw(shown)]);
    frame.render_widget(Paragraph::new(line), area);
    frame.set_cursor_position(Position::new(area.x + (pw + col) as u16, area.y));
}

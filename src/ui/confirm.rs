//! The one-line questions that ask before something is deleted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::{Paint, block, centered, overlay};
use crate::app::App;
use crate::i18n::{T, tr, trf};
use crate::model::Note;
use crate::text::{one_line, truncate, width};

/// Asks to confirm deleting item `id`.
pub fn item(cx: &Paint, app: &App, frame: &mut Frame, area: Rect, id: &str) {
    let title = app.title_of(id);
    let text = trf(app.lang, T::ConfirmDelete, &[&one_line(id), &title]);
    confirm_box(cx, frame, area, &text);
}

/// A one-line question asking to confirm.
fn confirm_box(cx: &Paint, frame: &mut Frame, area: Rect, text: &str) {
    let w = (width(text) as u16 + 4).clamp(20, area.width.saturating_sub(4).max(1));
    let r = centered(area, w, 3);
    frame.render_widget(overlay::Clear, r);
    let b = block(cx, true);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    frame.render_widget(Paragraph::new(truncate(text, inner.width as usize)), inner);
}

/// Asks to confirm deleting `note` of `target` (none: the inbox).
pub fn note(
    cx: &Paint,
    app: &App,
    frame: &mut Frame,
    area: Rect,
    target: Option<&str>,
    note: &Note,
) {
    let place = match target {
        Some(id) => id.to_string(),
        None => tr(app.lang, T::Inbox).to_string(),
    };
    let text = truncate(&one_line(&note.text), 30);
    let ask = trf(app.lang, T::ConfirmDeleteNote, &[&text, &place]);
    confirm_box(cx, frame, area, &ask);
}

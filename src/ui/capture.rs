//! The note box: a one-line input with a real cursor, and where its
//! notes go.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::form::visible;
use super::{Ctx, block};
use crate::app::{App, Overlay};
use crate::i18n::{T, tr, trf};
use crate::text::{one_line, truncate};

/// The name of where notes go: `M3 个别谈话：…` or the inbox.
pub fn target_name(app: &App, target: Option<&str>) -> String {
    match target.and_then(|id| app.snap.state.get(id)) {
        Some(item) => format!("{} {}", one_line(&item.id), one_line(&item.title)),
        None => tr(app.lang, T::Inbox).to_string(),
    }
}

/// The last few notes already saved where the box writes (up to three, two
/// on a short screen, none on a tiny one), oldest first, so an interviewer
/// sees what is already down above the line being typed.
pub fn recent(app: &App, screen_h: u16) -> Vec<&crate::model::Note> {
    let Overlay::Capture(c) = &app.overlay else {
        return Vec::new();
    };
    let n = match screen_h {
        30.. => 3,
        20.. => 2,
        _ => 0,
    };
    let notes = match c.target.as_deref().and_then(|id| app.snap.state.get(id)) {
        Some(item) => &item.notes,
        None if c.target.is_none() => &app.snap.state.inbox,
        None => return Vec::new(),
    };
    notes[notes.len().saturating_sub(n)..].iter().collect()
}

pub fn render_capture(cx: &Ctx, app: &App, frame: &mut Frame, area: Rect) {
    let Overlay::Capture(c) = &app.overlay else {
        return;
    };
    frame.render_widget(super::overlay::Clear, area);
    let mut title = trf(
        app.lang,
        T::CaptureTitle,
        &[&target_name(app, c.target.as_deref())],
    );
    if c.saved > 0 {
        title.push_str(&format!(
            " · {}",
            trf(app.lang, T::CaptureSaved, &[&c.saved])
        ));
    }
    let b = block(cx, true).title(format!(
        " {} ",
        truncate(&title, area.width.saturating_sub(4) as usize)
    ));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let w = inner.width as usize;
    let before: Vec<Line> = recent(app, frame.area().height)
        .into_iter()
        .map(|n| {
            let text = format!("{}  {}", n.at.format("%H:%M"), one_line(&n.text));
            Line::styled(truncate(&text, w), cx.theme.dim())
        })
        .collect();
    let y = inner.y + (before.len() as u16).min(inner.height.saturating_sub(1));
    frame.render_widget(Paragraph::new(before), inner);
    let (shown, col) = visible(&c.input, w - 1);
    let line = Rect::new(inner.x, y, inner.width, 1);
    frame.render_widget(Paragraph::new(shown), line);
    frame.set_cursor_position(Position::new(inner.x + col as u16, y));
}

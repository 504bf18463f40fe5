//! Mouse: a click focuses a pane and selects a row; the wheel scrolls.
//! Both become actions for `update`, carrying the pane and row hit.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::app::{Action, App, Overlay, View, update};
use crate::model::Kind;
use crate::ui;

/// The row of pane `p` (drawn in `r`) shown at `at`, if any.
fn row_at(app: &App, p: Kind, r: Rect, at: Position) -> Option<usize> {
    let inner_top = r.y + 1;
    if at.y < inner_top || at.y >= r.bottom().saturating_sub(1) {
        return None;
    }
    let h = r.height.saturating_sub(2) as usize;
    let lines = ui::entries(app, p);
    let shown = lines
        .iter()
        .position(|e| *e == ui::Entry::Row(app.panes[p].selected))
        .unwrap_or(0);
    let offset = ui::scroll_offset(shown, h);
    match lines.get(offset + (at.y - inner_top) as usize) {
        Some(ui::Entry::Row(row)) => Some(*row),
        _ => None,
    }
}

pub fn handle(app: &mut App, m: MouseEvent) {
    if app.privacy || !matches!(app.overlay, Overlay::None) {
        return;
    }
    let area = Rect::new(0, 0, app.area.0, app.area.1);
    let at = Position::new(m.column, m.row);
    let a = ui::areas(app, area);
    match app.view {
        View::Panes => {
            let Some(&(p, r)) = a.panes.iter().find(|(_, r)| r.contains(at)) else {
                return;
            };
            let row = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => row_at(app, p, r, at),
                _ => None,
            };
            update(app, Action::Select { pane: p, row });
            match m.kind {
                MouseEventKind::ScrollDown => update(app, Action::Down),
                MouseEventKind::ScrollUp => update(app, Action::Up),
                _ => {}
            }
        }
        View::Today(_)
        | View::Detail(_)
        | View::Holders(_)
        | View::Clearance(_)
        | View::Inbox(_)
        | View::Roster
        | View::Week(_) => match m.kind {
            MouseEventKind::ScrollDown => update(app, Action::Down),
            MouseEventKind::ScrollUp => update(app, Action::Up),
            _ => {}
        },
    }
}
